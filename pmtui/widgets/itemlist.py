"""A reusable editor for a list of short text items: the facts, and the four Review lists.

One `ItemListEditor` shows a numbered table of the items and, when asked, an editor line per
field under it. Adding keeps the editor open for the next item (Enter adds, Esc goes back to
the list and keeps an unfinished draft); editing changes the item as you type. The stage that
holds the lists owns the keys (see `item_list_bindings` and `ItemListKeys`), so that every
binding carries the stage's own id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.message import Message
from textual.widgets import DataTable, Input, Label, Static

from pmtui.model import Item
from pmtui.widgets.fields import InOrderKeys, TextInput
from pmtui.widgets.plain import one_line, shortened


class RowTable(InOrderKeys, DataTable):
    """A row-cursor table where Home and End go to the first and the last row (DataTable's own Home and End
    scroll sideways, which a row table does not need), and that keeps the selected row in view when it
    gets smaller (an editor opens below it, the findings panel grows)."""

    BINDINGS = [
        Binding("home", "scroll_top", "First row", show=False),
        Binding("end", "scroll_bottom", "Last row", show=False),
    ]

    def on_resize(self, event: Resize) -> None:
        if self.row_count:
            self.move_cursor(row=self.cursor_row, animate=False)


@dataclass(frozen=True)
class ItemField:
    """One attribute of an item that the list edits: `text` of a fact, `evidence`, ..."""

    name: str
    label: str
    placeholder: str = ""
    max_length: int = 20_000
    required: bool = False
    share: float = 1.0  # the part of the table's free width this column gets


class ItemListEditor(Vertical):
    """A numbered list of items with an editor line per field (`fields`) to add or change one.

    `items` returns the live list in the document (called every time, so a reloaded document is
    seen); `make` builds an empty item. Changes are announced with `Changed`, deletions with
    `Removed` (which carries how to bring the item back, for the stage's undo).
    """

    BINDINGS = [
        Binding(
            "escape",
            "close_editor",
            "Back to list",
            id="itemlist.close",
            show=False,
            tooltip="Close the editor and go back to the list (a draft is kept)",
        ),
    ]

    class Changed(Message):
        """The list or one of its items was changed."""

        def __init__(self, item_list: ItemListEditor, structural: bool) -> None:
            super().__init__()
            self.item_list = item_list
            self.structural = structural

        @property
        def control(self) -> ItemListEditor:
            return self.item_list

    class Removed(Message):
        """An item was deleted; `restore` puts it back where it was."""

        def __init__(self, item_list: ItemListEditor, description: str, restore: Callable[[], None]) -> None:
            super().__init__()
            self.item_list = item_list
            self.description = description
            self.restore = restore

        @property
        def control(self) -> ItemListEditor:
            return self.item_list

    def __init__(
        self,
        *,
        noun: str,
        fields: Sequence[ItemField],
        items: Callable[[], list[Any]],
        make: Callable[[], Item],
        title: str | None = None,
        show_header: bool = True,
        empty_hint: str = "",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.noun = noun
        self.fields = list(fields)
        self.items = items
        self.make = make
        self.title = title
        self.show_header = show_header
        self.empty_hint = empty_hint or f"No {noun}s yet: press a to add one."
        self.mode: str | None = None  # None, "add" or "edit"
        self.editing_id: str | None = None
        self.draft: dict[str, str] = {}
        self.inputs: dict[str, Input] = {}
        self._widths: tuple[int, ...] = ()

    # -- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        if self.title is not None:
            yield Static(self.title, classes="itemlist-title", markup=False)
        yield RowTable(cursor_type="row", show_header=self.show_header, classes="itemlist-table")
        yield Static(self.empty_hint, classes="itemlist-empty", markup=False)
        with Vertical(classes="itemlist-editor"):
            for field in self.fields:
                with Horizontal(classes="itemlist-row"):
                    yield Label(field.label, classes="itemlist-label", markup=False)
                    entry = TextInput(
                        placeholder=field.placeholder,
                        max_length=field.max_length,
                        classes="itemlist-input",
                        name=field.name,
                        select_on_focus=False,
                        on_submit=self._submitted,
                    )
                    self.inputs[field.name] = entry
                    yield entry
            yield Static("", classes="itemlist-error", markup=False)
            yield Static("", classes="itemlist-hint", markup=False)

    @property
    def table(self) -> DataTable:
        return self.query_one(DataTable)

    def on_mount(self) -> None:
        self.refresh_items()

    def on_resize(self, event: Resize) -> None:
        widths = self._column_widths(event.size.width)
        if widths != self._widths:
            self.refresh_items()

    def _column_widths(self, width: int) -> tuple[int, ...]:
        count = len(self.items())
        number = max(1, len(str(count)))
        # each column has one cell of padding on either side; keep two cells for the scrollbar
        free = max(10, width - 2 - (number + 2) - 2 * len(self.fields))
        total = sum(f.share for f in self.fields) or 1.0
        widths = [max(6, int(free * f.share / total)) for f in self.fields]
        return (number, *widths)

    def refresh_items(self, select_id: str | None = None) -> None:
        """Redraw the table from the document; keep the cursor on `select_id`, or where it was."""
        if not self.is_mounted:
            return
        table = self.table
        items = self.items()
        old_row = table.cursor_row if table.row_count else 0
        if select_id is None and 0 <= old_row < table.row_count:
            select_id = str(table.coordinate_to_cell_key((old_row, 0)).row_key.value)
        self._widths = self._column_widths(self.size.width or 80)
        table.clear(columns=True)
        table.add_column(Text("#"), width=self._widths[0], key="number")
        for field, width in zip(self.fields, self._widths[1:], strict=True):
            table.add_column(Text(field.label), width=width, key=field.name)
        for number, item in enumerate(items, start=1):
            cells = [Text(str(number), style="dim")]
            cells += [Text(one_line(getattr(item, f.name))) for f in self.fields]
            table.add_row(*cells, key=item.id, height=None)
        row = next((i for i, item in enumerate(items) if item.id == select_id), min(old_row, len(items) - 1))
        if items:
            table.move_cursor(row=max(0, row), animate=False)
        self.query_one(".itemlist-empty").display = not items
        if self.mode == "edit" and not any(item.id == self.editing_id for item in items):
            self.close_editor(focus_table=False)

    # -- queries -------------------------------------------------------------------------------

    def selected_index(self) -> int | None:
        table = self.table
        items = self.items()
        if not items or table.row_count == 0:
            return None
        return max(0, min(table.cursor_row, len(items) - 1))

    def selected_item(self) -> Any | None:
        index = self.selected_index()
        return None if index is None else self.items()[index]

    def contains_focus(self) -> bool:
        focused = self.screen.focused if self.is_attached else None
        return focused is not None and (focused is self or self in focused.ancestors)

    # -- editing ----------------------------------------------------------------------------------

    def _open(self, mode: str, values: dict[str, str]) -> None:
        self.mode = mode
        for field in self.fields:
            entry = self.inputs[field.name]
            entry.value = values.get(field.name, "")
            entry.remove_class("-problem")
        self._show_error("")
        hint = (
            "Enter adds it, Esc back to the list" if mode == "add" else "Changes save as you type; Enter or Esc: done"
        )
        self.query_one(".itemlist-hint", Static).update(hint)
        editor = self.query_one(".itemlist-editor")
        editor.add_class("-open")
        first = self.inputs[self.fields[0].name]
        first.focus()
        first.cursor_position = len(first.value)
        self.call_after_refresh(editor.scroll_visible)

    def start_add(self) -> None:
        """Open the editor for a new item (an unfinished draft comes back)."""
        if self.mode == "add":
            self.inputs[self.fields[0].name].focus()
            return
        self._open("add", self.draft)

    def start_edit(self) -> None:
        item = self.selected_item()
        if item is None:
            self.notify(f"No {self.noun} to edit: press a to add one.", timeout=3)
            return
        if self.mode == "add":
            self._keep_draft()
        self.editing_id = item.id
        self._open("edit", {f.name: getattr(item, f.name) for f in self.fields})

    def unadded(self) -> str:
        """What was typed for a new item and not added yet (the open editor's, or a kept draft), else ''."""
        values = [entry.value for entry in self.inputs.values()] if self.mode == "add" else list(self.draft.values())
        return " / ".join(value.strip() for value in values if value.strip())

    def _keep_draft(self) -> None:
        self.draft = {name: entry.value for name, entry in self.inputs.items() if entry.value}

    def close_editor(self, focus_table: bool = True) -> None:
        if self.mode == "add":
            self._keep_draft()
            if self.draft:
                self.notify(f"Unfinished {self.noun} kept: press a to finish it.", timeout=3, markup=False)
        self.mode = None
        self.editing_id = None
        self.query_one(".itemlist-editor").remove_class("-open")
        if focus_table:
            self.table.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close_editor":
            return self.mode is not None
        return True

    def action_close_editor(self) -> None:
        self.close_editor()

    def _show_error(self, message: str) -> None:
        error = self.query_one(".itemlist-error", Static)
        error.update(message)
        error.set_class(bool(message), "-shown")

    def _missing_required(self, values: dict[str, str]) -> ItemField | None:
        return next((f for f in self.fields if f.required and not values.get(f.name, "").strip()), None)

    def _commit_add(self) -> None:
        values = {name: entry.value for name, entry in self.inputs.items()}
        missing = self._missing_required(values)
        if missing is not None:
            self._show_error(f"Type the {missing.label.lower()} first; Esc goes back to the list.")
            self.inputs[missing.name].focus()
            return
        item = self.make()
        for field in self.fields:
            setattr(item, field.name, values[field.name].strip())
        self.items().append(item)
        self.draft = {}
        self.refresh_items(select_id=item.id)
        self.post_message(self.Changed(self, structural=True))
        for entry in self.inputs.values():
            entry.value = ""
        self._show_error("")
        self.inputs[self.fields[0].name].focus()

    def _submitted(self, _entry: TextInput) -> None:
        """Enter in a field (called as the key is handled: the next item's keys come after). Editing, what the
        fields hold now is stored first (the Changed messages of the keys just before Enter are on their way)."""
        if self.mode == "add":
            self._commit_add()
        elif self.mode == "edit":
            for entry in self.inputs.values():
                self._apply(entry)
            self.close_editor()

    @on(Input.Changed, ".itemlist-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        if event.value == event.input.value:  # a stale event (from filling the editor) is ignored
            self._apply(event.input)

    def _apply(self, entry: Input) -> None:
        """Editing: store what the field holds now in the item (adding waits for Enter)."""
        if self.mode != "edit" or entry.name is None:
            return
        item = next((i for i in self.items() if i.id == self.editing_id), None)
        field = next((f for f in self.fields if f.name == entry.name), None)
        if item is None or field is None:
            return
        value = entry.value
        if field.required and not value.strip():
            self._show_error(
                f"A {self.noun} needs its {field.label.lower()}: the old text is kept; "
                f"to remove the {self.noun}, press Esc then d."
            )
            entry.add_class("-problem")
            return
        entry.remove_class("-problem")
        self._show_error("")
        if getattr(item, field.name) == value:
            return
        setattr(item, field.name, value)
        self.refresh_items(select_id=item.id)  # a wrapped row may need more or fewer lines
        self.post_message(self.Changed(self, structural=False))

    @on(DataTable.RowSelected, ".itemlist-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.start_edit()

    def delete_selected(self) -> None:
        index = self.selected_index()
        if index is None:
            self.notify(f"No {self.noun} to delete.", timeout=2)
            return
        items = self.items()
        item = items.pop(index)
        if self.mode == "edit" and self.editing_id == item.id:
            self.close_editor()

        def restore() -> None:
            target = self.items()
            target.insert(min(index, len(target)), item)
            self.refresh_items(select_id=item.id)

        preview = one_line(getattr(item, self.fields[0].name))
        preview = preview if len(preview) <= 40 else preview[:39] + "…"
        self.refresh_items()
        self.post_message(self.Removed(self, f"{self.noun} {index + 1} “{preview}”", restore))
        self.post_message(self.Changed(self, structural=True))
        self.notify(f"Deleted {self.noun} {index + 1}. Press u to bring it back.", timeout=3)

    def move_selected(self, delta: int) -> None:
        index = self.selected_index()
        if index is None:
            return
        items = self.items()
        target = index + delta
        if not 0 <= target < len(items):
            return
        items[index], items[target] = items[target], items[index]
        self.refresh_items(select_id=items[target].id)
        self.post_message(self.Changed(self, structural=True))


def item_list_bindings(stage: str, noun: str) -> list[Binding]:
    """The keys of a stage made of item lists, each with the stage's own binding id."""
    return [
        Binding("a", "item_add", "Add", id=f"{stage}.add", tooltip=f"Add a {noun}"),
        Binding("e", "item_edit", "Edit", id=f"{stage}.edit", tooltip=f"Edit the selected {noun} (or Enter)"),
        Binding(
            "d,delete",
            "item_delete",
            "Delete",
            id=f"{stage}.delete",
            tooltip=f"Delete the selected {noun} (u brings it back)",
        ),
        Binding(
            "less_than_sign",
            "item_move(-1)",
            "Move up",
            id=f"{stage}.move_up",
            show=False,
            tooltip=f"Move the selected {noun} up",
        ),
        Binding(
            "greater_than_sign",
            "item_move(1)",
            "Move down",
            id=f"{stage}.move_down",
            show=False,
            tooltip=f"Move the selected {noun} down",
        ),
    ]


class ItemListKeys:
    """Mixed into a StageView: the item-list keys act on the list that holds the focus."""

    def unsaved_problems(self) -> list[str]:
        """A new item typed but not added yet, in any of the stage's lists (asked about on leaving)."""
        return [
            f"a new {item_list.noun} typed but not added: {shortened(text)!r}"
            for item_list in self.query(ItemListEditor)  # type: ignore[attr-defined]
            if (text := item_list.unadded())
        ]

    def current_item_list(self) -> ItemListEditor | None:
        raise NotImplementedError

    def action_item_add(self) -> None:
        if (item_list := self.current_item_list()) is not None:
            item_list.start_add()

    def action_item_edit(self) -> None:
        if (item_list := self.current_item_list()) is not None:
            item_list.start_edit()

    def action_item_delete(self) -> None:
        if (item_list := self.current_item_list()) is not None:
            item_list.delete_selected()

    def action_item_move(self, delta: int) -> None:
        if (item_list := self.current_item_list()) is not None:
            item_list.move_selected(delta)

    def item_list_commands(self, noun: str) -> Iterable[SystemCommand]:
        yield SystemCommand(f"Add a {noun}", f"Open the editor line for a new {noun}", self.action_item_add)
        yield SystemCommand(f"Edit the {noun}", f"Edit the selected {noun}", self.action_item_edit)
        yield SystemCommand(
            f"Delete the {noun}", f"Delete the selected {noun} (u brings it back)", self.action_item_delete
        )
        yield SystemCommand(
            f"Move the {noun} up", f"Move the selected {noun} up the list", lambda: self.action_item_move(-1)
        )
        yield SystemCommand(
            f"Move the {noun} down", f"Move the selected {noun} down the list", lambda: self.action_item_move(1)
        )
