"""The Actions stage: action items in AST form (Actionable, Specific, Time-bounded) with one owner."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import DescendantBlur, DescendantFocus, Resize
from textual.message import Message
from textual.widgets import DataTable, Input, Label, Select, Static

from pmtui.model import (
    Action,
    ActionCategory,
    ActionStatus,
    PostMortem,
    Priority,
    RaisedDuring,
    Stage,
)
from pmtui.timeparse import TimeParseError, parse_due
from pmtui.widgets.fields import TextInput
from pmtui.widgets.itemlist import RowTable
from pmtui.widgets.plain import one_line
from pmtui.widgets.stage import StageView

AST_NAMES: tuple[tuple[str, str], ...] = (
    ("A", "Actionable"),
    ("S", "Specific"),
    ("T", "Time-bounded"),
    ("O", "One owner"),
)

CATEGORY_SHORT = {ActionCategory.DETECTION: "det", ActionCategory.PREVENTION: "prev", ActionCategory.MITIGATION: "mit"}
PRIORITY_SHORT = {Priority.HIGH: "high", Priority.MEDIUM: "med", Priority.LOW: "low"}
STATUS_SHORT = {
    ActionStatus.OPEN: "open",
    ActionStatus.IN_PROGRESS: "in prog",
    ActionStatus.DONE: "done",
    ActionStatus.WONT_DO: "won't",
}
CLOSED = (ActionStatus.DONE, ActionStatus.WONT_DO)

HELP = "\n\n".join(
    (
        "Actions are what must change. Write each one in AST form: Actionable (starts with a verb), Specific "
        "(what, where, how much), Time-bounded (a due date), with one named owner. The A S T O column marks "
        "what each action still misses (in reverse video); the editor says which, with the checks' suggestions.",
        "a adds an action and puts you in its text field; Enter or e edits the selected one; Tab moves "
        "through the fields; Enter or Esc goes back to the table. Everything saves as you type.",
        "Due dates: 2026-12-15, +2w, +10d, +1m, today or tomorrow; the resolved date shows under the field.",
        "p, s and c cycle the selected action's priority, status and category. d or Delete deletes it (u brings "
        "it back while you stay on this stage); < and > move it up or down. Setting the status to done records "
        "today as the done date; any other status clears it.",
    )
)


def _fallback_ast_missing(action: Action, now: datetime) -> list[str]:
    """The minimal rule used until pmtui.analysis.ast_checks exists: presence only, no text quality."""
    missing = []
    if not action.text.strip():
        missing += ["Actionable", "Specific"]
    if action.due is None or (action.due < now.date() and action.status not in CLOSED):
        missing.append("Time-bounded")
    if not action.owner.strip():
        missing.append("One owner")
    return missing


@functools.cache
def _ast_checker() -> Callable[[Action, datetime], list[str]]:
    try:
        from pmtui.analysis.ast_checks import ast_missing
    except ModuleNotFoundError as error:
        if error.name not in ("pmtui.analysis.ast_checks", "pmtui.analysis"):
            raise
        return _fallback_ast_missing
    return ast_missing


def ast_missing(action: Action, now: datetime) -> list[str]:
    """Which of Actionable, Specific, Time-bounded and One owner the action still misses. A done or won't-do
    action's past due date is not marked: there is nothing left to schedule (the checks raise no finding)."""
    missing = list(_ast_checker()(action, now))
    if action.status in CLOSED and action.due is not None and "Time-bounded" in missing:
        missing.remove("Time-bounded")
    return missing


def ast_cell(missing: Sequence[str]) -> Text:
    """'A S T O' with each missing part marked (reverse video, so it shows in any theme and colour depth)."""
    text = Text(no_wrap=True)
    for index, (letter, name) in enumerate(AST_NAMES):
        if index:
            text.append(" ")
        if name in missing:
            text.append(letter, style="bold reverse")
        else:
            text.append(letter.lower(), style="dim")
    return text


def ast_line(missing: Sequence[str]) -> Text:
    if not missing:
        return Text("AST and owner: complete ✓")
    text = Text("Missing: ")
    text.append(", ".join(missing), style="bold")
    return text


def set_status(action: Action, status: ActionStatus, today: date) -> None:
    """Change the status; done records today as the done date (if none), any other status clears it."""
    action.status = status
    if status != ActionStatus.DONE:
        action.done_date = None
    elif action.done_date is None:
        action.done_date = today


def is_blank(action: Action) -> bool:
    return not (
        action.text.strip()
        or action.owner.strip()
        or action.success_criterion.strip()
        or action.tracker.strip()
        or action.due
        or action.category
    )


def _next(values: Sequence[Any], current: Any) -> Any:
    index = values.index(current) if current in values else -1
    return values[(index + 1) % len(values)]


def describe_due(due: date | None, today: date, status: ActionStatus) -> str:
    if due is None:
        return ""
    days = (due - today).days
    if days == 0:
        when = "today"
    elif days == 1:
        when = "tomorrow"
    elif days > 0:
        when = f"in {days} days" if days < 14 else f"in {days // 7} weeks"
    else:
        when = "overdue" if status not in CLOSED else f"{-days} days ago"
    return f"→ {due:%a %Y-%m-%d}, {when}"


class ActionTable(RowTable):
    """The table of actions; says when its width changed, so that the columns can be fitted again."""

    class Resized(Message):
        """The table has a new size."""

    def on_resize(self, event: Resize) -> None:
        super().on_resize(event)
        self.post_message(self.Resized())


class ActionsStage(StageView):
    """The action items: a table, and an editor for the selected one (below it, or beside it when wide)."""

    stage = Stage.ACTIONS
    HELP = HELP
    BINDINGS = [
        Binding("a", "add", "Add", id="actions.add", tooltip="Add an action and type its text"),
        Binding("e", "edit", "Edit", id="actions.edit", tooltip="Edit the selected action (or Enter)"),
        Binding(
            "d,delete", "delete", "Delete", id="actions.delete", tooltip="Delete the selected action (u brings it back)"
        ),
        Binding(
            "p",
            "cycle_priority",
            "Priority",
            id="actions.priority",
            show=False,
            tooltip="Cycle the priority: high, medium, low",
        ),
        Binding(
            "s",
            "cycle_status",
            "Status",
            id="actions.status",
            show=False,
            tooltip="Cycle the status: open, in progress, done, won't do",
        ),
        Binding(
            "c",
            "cycle_category",
            "Category",
            id="actions.category",
            show=False,
            tooltip="Cycle the category: detection, prevention, mitigation",
        ),
        Binding(
            "less_than_sign",
            "move(-1)",
            "Move up",
            id="actions.move_up",
            show=False,
            tooltip="Move the selected action up",
        ),
        Binding(
            "greater_than_sign",
            "move(1)",
            "Move down",
            id="actions.move_down",
            show=False,
            tooltip="Move the selected action down",
        ),
        Binding(
            "escape",
            "leave_editor",
            "Back to table",
            id="actions.leave_editor",
            show=False,
            tooltip="Leave the editor and go back to the table",
        ),
    ]

    def __init__(self, pm: PostMortem, **kwargs) -> None:
        super().__init__(pm, **kwargs)
        self.selected_id: str | None = None
        self.fresh_id: str | None = None  # an action just added, dropped again if left blank
        self.before_fresh_id: str | None = None  # the action selected before it, selected again then
        self.findings: list[Any] = []
        self._narrow_columns: bool | None = None
        self._fitted_text_width = 0
        self._shown_lines: dict[str, Any] = {}
        # A due date typed that does not read, by action: kept (and shown again) until it reads or is cleared,
        # while the action keeps the date it had when the editor showed it (in _due_before)
        self._bad_due: dict[str, tuple[str, str]] = {}
        self._due_before: dict[str, date | None] = {}

    # -- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="actions-body"):
            yield ActionTable(id="actions-table", cursor_type="row")
            with VerticalScroll(id="action-editor"):
                yield Static("No actions yet: press a to add one.", id="actions-empty", markup=False)
                with Vertical(id="action-form"):
                    with Horizontal(classes="action-row"):
                        yield Label("Action", classes="action-label")
                        yield TextInput(
                            id="action-text",
                            classes="form-input",
                            compact=True,
                            select_on_focus=False,
                            max_length=20_000,
                            placeholder="Verb first: Add an alert on pool saturation",
                        )
                    with Horizontal(classes="action-row"):
                        yield Label("Owner", classes="action-label")
                        yield TextInput(
                            id="action-owner",
                            classes="form-input",
                            compact=True,
                            select_on_focus=False,
                            max_length=500,
                            placeholder="one named person",
                        )
                        yield Label("Due", classes="action-label action-label-short")
                        yield TextInput(
                            id="action-due",
                            classes="form-input",
                            compact=True,
                            select_on_focus=False,
                            max_length=40,
                            placeholder="2026-12-15 or +2w",
                        )
                    yield Static("", id="action-due-resolved", markup=False)
                    yield Static("", id="action-due-error", classes="field-error", markup=False)
                    with Horizontal(classes="action-row"):
                        yield Label("Success", classes="action-label")
                        yield TextInput(
                            id="action-success",
                            classes="form-input",
                            compact=True,
                            select_on_focus=False,
                            max_length=20_000,
                            placeholder="how we will know it worked",
                        )
                    with Horizontal(classes="action-row"):
                        yield Label("Tracker", classes="action-label")
                        yield TextInput(
                            id="action-tracker",
                            classes="form-input",
                            compact=True,
                            select_on_focus=False,
                            max_length=500,
                            placeholder="ticket link or key",
                        )
                    with Horizontal(classes="action-row"):
                        yield Label("Category", classes="action-label")
                        yield Select(
                            [(c.value, c.value) for c in ActionCategory],
                            id="action-category",
                            classes="form-input",
                            compact=True,
                            prompt="(none)",
                        )
                        yield Label("Priority", classes="action-label")
                        yield Select(
                            [(p.value, p.value) for p in Priority],
                            id="action-priority",
                            classes="form-input",
                            compact=True,
                            allow_blank=False,
                            value=Priority.MEDIUM.value,
                        )
                    with Horizontal(classes="action-row"):
                        yield Label("Status", classes="action-label")
                        yield Select(
                            [(s.value, s.value) for s in ActionStatus],
                            id="action-status",
                            classes="form-input",
                            compact=True,
                            allow_blank=False,
                            value=ActionStatus.OPEN.value,
                        )
                        yield Label("Raised in", classes="action-label")
                        yield Select(
                            [(r.value, r.value) for r in RaisedDuring],
                            id="action-raised",
                            classes="form-input",
                            compact=True,
                            allow_blank=False,
                            value=RaisedDuring.REVIEW.value,
                        )
                    yield Static("", id="action-ast", markup=False)
                    yield Static("", id="action-findings", markup=False)

    @property
    def table(self) -> DataTable:
        return self.query_one("#actions-table", DataTable)

    def on_mount(self) -> None:
        self.refresh_view()

    def on_resize(self, event: Resize) -> None:
        # the editor beside the table when the stage is wide but short; below it when there is height to spare
        # (at 160x48 beside it left the action's text 34 columns and 30 rows empty)
        self.set_class(event.size.width >= 130 and event.size.height < 36, "-wide")

    @on(ActionTable.Resized)
    def _fit_columns(self) -> None:
        narrow = self.table.size.width < 110
        if narrow != self._narrow_columns or self._text_width() != self._fitted_text_width:
            self._narrow_columns = narrow
            self.refresh_table()

    # -- the table -----------------------------------------------------------------------------

    def _column_spec(self) -> list[tuple[str, str, int | None]]:
        narrow = self._narrow_columns is not False
        return [
            ("number", "#", 3),
            ("text", "Action", None),
            ("owner", "Owner", 9 if narrow else 14),
            ("due", "Due", 10),
            ("category", "Cat" if narrow else "Category", 4 if narrow else 10),
            ("priority", "Pri" if narrow else "Priority", 4 if narrow else 8),
            ("status", "Status", 7 if narrow else 11),
            ("ast", "A S T O", 7),
        ]

    def _text_width(self) -> int:
        spec = self._column_spec()
        fixed = sum(width or 0 for _, _, width in spec) + 2 * len(spec) + 2
        return max(12, (self.table.size.width or 80) - fixed)

    def _cells(self, number: int, action: Action) -> list[Text]:
        narrow = self._narrow_columns is not False
        missing = ast_missing(action, self._local_now())
        category = action.category
        return [
            Text(f"A{number}", style="dim"),
            Text(
                one_line(action.text) or "(no text yet)",
                style="" if action.text.strip() else "italic dim",
                no_wrap=True,
                overflow="ellipsis",
            ),
            Text(one_line(action.owner), no_wrap=True, overflow="ellipsis"),
            Text(action.due.isoformat() if action.due else "—", style="" if action.due else "dim"),
            Text(
                (CATEGORY_SHORT[category] if narrow else category.value) if category else "—",
                style="" if category else "dim",
            ),
            Text(
                PRIORITY_SHORT[action.priority] if narrow else action.priority.value,
                style="bold" if action.priority == Priority.HIGH else "",
            ),
            Text(
                STATUS_SHORT[action.status] if narrow else action.status.value,
                style="dim" if action.status in CLOSED else "",
            ),
            ast_cell(missing),
        ]

    def refresh_table(self) -> None:
        table = self.table
        table.clear(columns=True)
        self._fitted_text_width = self._text_width()
        for key, label, width in self._column_spec():
            table.add_column(Text(label), width=width or self._fitted_text_width, key=key)
        for number, action in enumerate(self.pm.actions, start=1):
            table.add_row(*self._cells(number, action), key=action.id)
        index = self._index_of(self.selected_id)
        if index is None and self.pm.actions:
            index = 0
        if index is not None:
            table.move_cursor(row=index, animate=False)
        self._select(self.pm.actions[index].id if index is not None else None)

    def _update_row(self, action: Action) -> None:
        index = self._index_of(action.id)
        if index is None:
            return
        keys = [key for key, _, _ in self._column_spec()]
        for key, cell in zip(keys, self._cells(index + 1, action), strict=True):
            self.table.update_cell(action.id, key, cell)

    def _index_of(self, action_id: str | None) -> int | None:
        return next((i for i, a in enumerate(self.pm.actions) if a.id == action_id), None)

    def selected_action(self) -> Action | None:
        return self.pm.action(self.selected_id) if self.selected_id else None

    @on(DataTable.RowHighlighted, "#actions-table")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        if event.cursor_row != self.table.cursor_row:
            return  # a stale event from redrawing the table
        action_id = str(event.row_key.value) if event.row_key is not None else None
        if action_id != self.selected_id and self.pm.action(action_id or "") is not None:
            self._select(action_id)

    @on(DataTable.RowSelected, "#actions-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def _select(self, action_id: str | None) -> None:
        if action_id != self.selected_id:
            self._drop_if_blank(keep=action_id)
        self.selected_id = action_id if self.pm.action(action_id or "") else None
        self._load_editor()

    def _drop_if_blank(self, keep: str | None = None) -> None:
        """An action added and then left without anything typed is not kept."""
        fresh = self.pm.action(self.fresh_id) if self.fresh_id else None
        if fresh is None or fresh.id == keep:
            return
        self.fresh_id = None
        if is_blank(fresh):
            self.pm.actions.remove(fresh)
            if self.selected_id == fresh.id:
                self.selected_id = keep or self.before_fresh_id
            self.call_after_refresh(self.refresh_table)
            self.edited(structural=True)
            self.notify("Empty action not kept.", timeout=2)

    # -- the editor ----------------------------------------------------------------------------

    def _load_editor(self) -> None:
        action = self.selected_action()
        self.query_one("#action-form").display = action is not None
        self.query_one("#actions-empty").display = action is None
        if action is None:
            return
        self._set_input("#action-text", action.text)
        self._set_input("#action-owner", action.owner)
        self._due_before[action.id] = action.due
        bad = self._bad_due.get(action.id)
        self._set_input("#action-due", bad[0] if bad else action.due.isoformat() if action.due else "")
        self._set_input("#action-success", action.success_criterion)
        self._set_input("#action-tracker", action.tracker)
        self._show_due_error(f"{bad[1]} (not saved until it reads)" if bad else "")
        self._set_select("#action-category", action.category.value if action.category else Select.NULL)
        self._set_select("#action-priority", action.priority.value)
        self._set_select("#action-status", action.status.value)
        self._set_select("#action-raised", action.raised_during.value)
        self._show_status(action)

    def _set_input(self, selector: str, value: str) -> None:
        value = one_line(value)  # control characters shown as pictures, so the terminal never acts on them
        entry = self.query_one(selector, Input)
        if entry.value != value:
            entry.value = value
            # shown from its start (a long action read from its end looked cut); typing goes on from End
            entry.cursor_position = len(value) if entry.has_focus else 0

    @on(DescendantFocus)
    def _field_focused(self, event: DescendantFocus) -> None:
        """Into a field: the cursor at the end of its text (shown from its start until then), where ctrl+u and
        typing expect it."""
        field = event.widget
        if isinstance(field, Input) and field.id in self._EDITED_FIELDS and field.cursor_position == 0:
            field.cursor_position = len(field.value)  # (a click inside the text has put the cursor where it went)

    @on(DescendantBlur)
    def _field_left(self, event: DescendantBlur) -> None:
        """Out of a field: shown from its start again (a long action read from its end looked cut). A due date
        that reads is now the one a later slip goes back to."""
        if isinstance(event.widget, Input) and event.widget.id in self._EDITED_FIELDS:
            event.widget.cursor_position = 0
        action = self.selected_action()
        if event.widget.id == "action-due" and action is not None and action.id not in self._bad_due:
            self._due_before[action.id] = action.due

    def _set_select(self, selector: str, value: Any) -> None:
        select = self.query_one(selector, Select)
        if select.value != value:
            select.value = value

    def _show_status(self, action: Action) -> None:
        """The lines that follow from the action: its resolved due date, AST, and the checks' findings."""
        index = self._index_of(action.id)
        today = self._today()
        resolved = describe_due(action.due, today, action.status)
        self._show_line("#action-due-resolved", resolved)
        self.query_one("#action-due-resolved", Static).display = bool(resolved)
        line = Text(f"A{(index or 0) + 1} ", style="bold")
        line.append_text(ast_line(ast_missing(action, self._local_now())))
        if action.done_date is not None:
            line.append(f" · done {action.done_date.isoformat()}", style="dim")
        self._show_line("#action-ast", line)
        findings = [f for f in self.findings if getattr(f, "item_id", None) == action.id]
        text = Text()
        for finding in findings:
            if text:
                text.append("\n")
            text.append("■ " if getattr(finding, "severity", "") == "blocking" else "□ ", style="bold")
            text.append(one_line(str(finding.message)))
            if getattr(finding, "suggestion", ""):
                text.append(f" → {one_line(str(finding.suggestion))}", style="italic")
        self._show_line("#action-findings", text)
        self.query_one("#action-findings", Static).display = bool(findings)

    def _show_line(self, selector: str, content: str | Text) -> None:
        """Update a status line only when it changes (every update costs a layout pass)."""
        key = content.markup if isinstance(content, Text) else content
        if self._shown_lines.get(selector) != key:
            self._shown_lines[selector] = key
            self.query_one(selector, Static).update(content)

    def _today(self) -> date:
        return self._local_now().date()

    def _local_now(self) -> datetime:
        return self.now.astimezone(self.pm.tzinfo)

    def _changed(self, action: Action) -> None:
        self._update_row(action)
        self._show_status(action)
        self.edited()

    _TEXT_FIELDS = {
        "action-text": "text",
        "action-owner": "owner",
        "action-success": "success_criterion",
        "action-tracker": "tracker",
    }

    _EDITED_FIELDS = (*_TEXT_FIELDS, "action-due")  # the one-line fields: shown from their start when left

    @on(Input.Changed, "#action-form Input")
    def _input_changed(self, event: Input.Changed) -> None:
        event.stop()
        action = self.selected_action()
        if action is None or event.value != event.input.value or event.input.id is None:
            return  # a stale event from filling the editor
        if event.input.id == "action-due":
            self._due_changed(action, event.value)
            return
        name = self._TEXT_FIELDS.get(event.input.id)
        if name is None or one_line(getattr(action, name)) == event.value:
            return  # unchanged (as shown): the stored text stays exactly as it was
        setattr(action, name, event.value)
        self._changed(action)

    def _due_changed(self, action: Action, text: str) -> None:
        if not text.strip():
            due = None
        else:
            try:
                due = parse_due(text, today=self._today())
            except TimeParseError as error:
                # not saved: the action keeps the date it had before this edit (not a half-typed one on the way,
                # nor the empty field after ctrl+u), and the text is kept until it reads
                self._bad_due[action.id] = (text, str(error))
                self._show_due_error(f"{error} (not saved until it reads)")
                due = self._due_before.get(action.id, action.due)
                if due != action.due:
                    action.due = due
                    self._changed(action)
                return
        self._bad_due.pop(action.id, None)
        self._show_due_error("")
        if due != action.due:
            action.due = due
            self._changed(action)

    def unsaved_problems(self) -> list[str]:
        """Due dates typed that do not read (each action keeps the date it had), one line each."""
        lines = []
        for action_id, (text, error) in self._bad_due.items():
            index = self._index_of(action_id)
            if index is not None:
                lines.append(f"A{index + 1} due {text!r}: {error}")
        return lines

    def _show_due_error(self, message: str) -> None:
        self._show_line("#action-due-error", one_line(message))
        self.query_one("#action-due-error", Static).set_class(bool(message), "-shown")
        self.query_one("#action-due", Input).set_class(bool(message), "-problem")

    @on(Input.Submitted, "#action-form Input")
    def _input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        action = self.selected_action()
        due_reads = not self.query_one("#action-due-error", Static).has_class("-shown")
        if event.input.id == "action-due" and action is not None and action.due is not None and due_reads:
            self._set_input("#action-due", action.due.isoformat())  # "+2w" becomes the date it stands for
        self.action_leave_editor()

    @on(Select.Changed, "#action-form Select")
    def _select_changed(self, event: Select.Changed) -> None:
        event.stop()
        action = self.selected_action()
        if action is None or event.value != event.select.value:
            return
        value = event.value
        if event.select.id == "action-category":
            new = None if value == Select.NULL else ActionCategory(value)
            if new == action.category:
                return
            action.category = new
        elif value == Select.NULL:
            return
        elif event.select.id == "action-priority":
            if Priority(value) == action.priority:
                return
            action.priority = Priority(value)
        elif event.select.id == "action-status":
            if ActionStatus(value) == action.status:
                return
            set_status(action, ActionStatus(value), self._today())
        elif event.select.id == "action-raised":
            if RaisedDuring(value) == action.raised_during:
                return
            action.raised_during = RaisedDuring(value)
        else:
            return
        self._changed(action)

    def _focus_in_editor(self) -> bool:
        focused = self.screen.focused if self.is_attached else None
        editor = self.query_one("#action-editor")
        return focused is not None and editor in focused.ancestors

    # -- actions (the keys) ----------------------------------------------------------------------

    def check_stage_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "leave_editor":
            return self._focus_in_editor()
        if action in ("delete", "move"):
            # in the editor, d and the arrows belong to the fields
            return not self._focus_in_editor()
        return True

    def action_add(self) -> None:
        self._drop_if_blank()
        action = Action()
        self.pm.actions.append(action)
        self.before_fresh_id = self.selected_id
        self.fresh_id = action.id
        self.selected_id = action.id
        self.refresh_table()
        self.edited(structural=True)
        self.query_one("#action-text", Input).focus()

    def action_edit(self) -> None:
        if self.selected_action() is None:
            self.notify("No action to edit: press a to add one.", timeout=3)
            return
        self.query_one("#action-text", Input).focus()

    def action_leave_editor(self) -> None:
        self.table.focus()
        self._drop_if_blank()

    def action_delete(self) -> None:
        action = self.selected_action()
        if action is None:
            self.notify("No action to delete.", timeout=2)
            return
        index = self.pm.actions.index(action)
        self.pm.actions.remove(action)
        if self.fresh_id == action.id:
            self.fresh_id = None
        following = self.pm.actions[min(index, len(self.pm.actions) - 1)] if self.pm.actions else None
        self.selected_id = following.id if following else None

        def restore() -> None:
            self.pm.actions.insert(min(index, len(self.pm.actions)), action)
            self.selected_id = action.id

        preview = one_line(action.text) or "(no text)"
        preview = preview if len(preview) <= 40 else preview[:39] + "…"
        self.push_undo(f"action A{index + 1} “{preview}”", restore)
        self.refresh_table()
        self.edited(structural=True)
        self.notify(f"Deleted action A{index + 1}. Press u to bring it back.", timeout=3)

    def action_move(self, delta: int) -> None:
        action = self.selected_action()
        if action is None:
            return
        index = self.pm.actions.index(action)
        target = index + delta
        if not 0 <= target < len(self.pm.actions):
            return
        actions = self.pm.actions
        actions[index], actions[target] = actions[target], actions[index]
        self.refresh_table()
        self.edited(structural=True)

    def _cycle(self, change: Callable[[Action], None]) -> None:
        action = self.selected_action()
        if action is None:
            self.notify("No action selected: press a to add one.", timeout=2)
            return
        change(action)
        self._load_editor()
        self._changed(action)

    def action_cycle_priority(self) -> None:
        def change(action: Action) -> None:
            action.priority = _next(list(Priority), action.priority)

        self._cycle(change)

    def action_cycle_status(self) -> None:
        def change(action: Action) -> None:
            set_status(action, _next(list(ActionStatus), action.status), self._today())

        self._cycle(change)

    def action_cycle_category(self) -> None:
        def change(action: Action) -> None:
            action.category = _next(list(ActionCategory), action.category)

        self._cycle(change)

    # -- the stage protocol ----------------------------------------------------------------------

    def refresh_view(self) -> None:
        if self.pm.action(self.selected_id or "") is None:
            self.selected_id = None
        self.refresh_table()

    def set_findings(self, findings: list[Any], report: Any = None) -> None:
        """The checks' findings for this stage; the selected action's are shown in the editor."""
        self.findings = list(findings)
        action = self.selected_action()
        if action is not None and self.is_mounted:
            self._show_status(action)

    def left(self) -> None:
        self._drop_if_blank()
        super().left()

    def focus_first(self) -> None:
        self.table.focus()

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Add an action", "Add an action item and type its text", self.action_add)
        yield SystemCommand("Edit the action", "Edit the selected action", self.action_edit)
        yield SystemCommand("Delete the action", "Delete the selected action (u brings it back)", self.action_delete)
        yield SystemCommand("Move the action up", "Move the selected action up", lambda: self.action_move(-1))
        yield SystemCommand("Move the action down", "Move the selected action down", lambda: self.action_move(1))
        yield SystemCommand("Cycle priority", "Next priority for the selected action", self.action_cycle_priority)
        yield SystemCommand("Cycle status", "Next status for the selected action", self.action_cycle_status)
        yield SystemCommand("Cycle category", "Next category for the selected action", self.action_cycle_category)
