"""The Contributors and mitigators stage: two columns of factors, and a fishbone picture drawn from them."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Resize
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from pmtui.analysis.process import needs_error_kind
from pmtui.model import Factor, FactorCategory, FactorKind, HumanErrorKind, PostMortem, Stage
from pmtui.widgets.action_picker import (
    ActionChoice,
    ActionPicker,
    LineEditor,
    action_labels,
    apply_choice,
    one_line,
)
from pmtui.widgets.fields import InOrderKeys
from pmtui.widgets.plain import shortened
from pmtui.widgets.stage import StageView

HELP = """Contributors are the conditions that led to the incident or made it worse; mitigators are what
reduced its impact or shortened it. Name conditions of the system, not people's faults: "the deploy tool
had no confirmation step", not "Sam was careless".

Each factor has a fishbone category (g cycles people → process → technology → external). For a people
factor, say which kind of human error it was (h cycles them): a slip is the right intention done wrongly
(a typo), a lapse is something forgotten (a skipped step), a mistake is a wrong plan that looked right at
the time. Each asks a different fix: slips and lapses need better tools and checklists, mistakes better
information or training. None of them is the end of the analysis.

Link each contributor to an action (l), or mark it an accepted risk (x) when the team decides not to act.
k moves a factor to the other column. f shows the fishbone: the incident on the right, the four bones with
the contributors on them, the mitigators below. d deletes a factor; u brings it back."""

CATEGORY_ORDER = [FactorCategory.PEOPLE, FactorCategory.PROCESS, FactorCategory.TECHNOLOGY, FactorCategory.EXTERNAL]
HUMAN_ERROR_ORDER: list[HumanErrorKind | None] = [
    None,
    HumanErrorKind.SLIP,
    HumanErrorKind.LAPSE,
    HumanErrorKind.MISTAKE,
]
KIND_NAMES = {FactorKind.CONTRIBUTOR: "contributor", FactorKind.MITIGATOR: "mitigator"}
COLUMN_IDS = {FactorKind.CONTRIBUTOR: "contributors", FactorKind.MITIGATOR: "mitigators"}
CLASSIFY_HINT = "classify: slip/lapse/mistake?"
FOLDED_LINES = 2  # lines of text shown for a factor that is not highlighted

# -- the fishbone, a pure function -------------------------------------------------------------------

BONE_TITLES = {
    FactorCategory.PEOPLE: "People",
    FactorCategory.PROCESS: "Process",
    FactorCategory.TECHNOLOGY: "Technology",
    FactorCategory.EXTERNAL: "External",
}
TOP_BONES = (FactorCategory.PEOPLE, FactorCategory.PROCESS)
BOTTOM_BONES = (FactorCategory.TECHNOLOGY, FactorCategory.EXTERNAL)
MIN_FISHBONE_WIDTH = 50


def fit(text: str, width: int) -> str:
    """Cut `text` to at most `width` terminal cells, ending in … when cut."""
    if width <= 0:
        return ""
    if cell_len(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        size = cell_len(ch)
        if used + size > width - 1:
            break
        out.append(ch)
        used += size
    return "".join(out) + "…"


def factor_phrase(factor: Factor) -> str:
    """A factor as one line of the fishbone: its text and, in brackets, its human-error kind and acceptance."""
    text = one_line(factor.text).strip() or "(no text)"
    tags = []
    if factor.human_error is not None:
        tags.append(factor.human_error.value)
    if factor.accepted:
        tags.append("accepted")
    return f"{text} ({', '.join(tags)})" if tags else text


class _Canvas:
    """Lines of text assembled from pieces placed at cell columns (wide characters kept aligned)."""

    def __init__(self, rows: int, width: int) -> None:
        self.width = width
        self.rows: list[list[tuple[int, str]]] = [[] for _ in range(rows)]

    def put(self, row: int, column: int, text: str) -> None:
        if 0 <= row < len(self.rows) and 0 <= column < self.width:
            self.rows[row].append((column, fit(text, self.width - column)))

    def lines(self) -> list[str]:
        out = []
        for pieces in self.rows:
            line, used = "", 0
            for column, text in sorted(pieces, key=lambda piece: piece[0]):
                if column < used:
                    continue
                line += " " * (column - used) + text
                used = column + cell_len(text)
            out.append(line.rstrip())
        return out


def _bone_rows(factors: list[Factor], rows: int) -> list[str]:
    """The phrases shown on one bone: at most `rows`, the last saying how many more there are."""
    phrases = [factor_phrase(f) for f in factors]
    if len(phrases) <= rows:
        return phrases
    shown = phrases[: rows - 1]
    return [*shown, f"… {len(phrases) - len(shown)} more"]


def _fishbone_list(pm: PostMortem, width: int, bones: dict[FactorCategory, list[Factor]]) -> list[str]:
    lines = [fit(f"Incident: {one_line(pm.title)}", width)]
    for category in CATEGORY_ORDER:
        lines.append(fit(f"{BONE_TITLES[category]} ({len(bones[category])})", width))
        lines.extend(fit(f"  ╲ {factor_phrase(f)}", width) for f in bones[category])
    return lines


def draw_fishbone(pm: PostMortem, width: int, max_per_bone: int = 4) -> list[str]:
    """An Ishikawa (fishbone) diagram of the post-mortem's factors, as plain lines at most `width` cells wide.

    The incident's title is the head on the right, the spine runs to it, the People and Process bones come
    down to the spine from above and Technology and External up from below, with the contributors listed
    along them (at most `max_per_bone` lines each, cut to fit). The mitigators are listed below the fish.
    """
    width = max(width, 20)
    contributors = [f for f in pm.factors if f.kind == FactorKind.CONTRIBUTOR]
    mitigators = [f for f in pm.factors if f.kind == FactorKind.MITIGATOR]
    bones = {category: [f for f in contributors if f.category == category] for category in CATEGORY_ORDER}

    if width < MIN_FISHBONE_WIDTH:
        lines = _fishbone_list(pm, width, bones)
    else:
        per_bone = max(1, max_per_bone)
        depth = max(min(2, per_bone), min(per_bone, max(len(found) for found in bones.values())))
        box_width = max(16, min(34, width // 4))
        body_width = width - box_width - 1
        bone_width = (body_width - 1) // 2
        spine = depth + 1
        canvas = _Canvas(2 * depth + 3, width)
        canvas.put(spine, 0, "━" * body_width)
        for half, categories in (("top", TOP_BONES), ("bottom", BOTTOM_BONES)):
            for position, category in enumerate(categories):
                x0 = 1 + position * bone_width
                title = f"{BONE_TITLES[category].upper()} ({len(bones[category])})"
                phrases = _bone_rows(bones[category], depth)
                canvas.put(0 if half == "top" else 2 * depth + 2, x0, fit(title, bone_width - 1))
                for step in range(depth):
                    if half == "top":
                        row, column, diagonal = 1 + step, x0 + step, "╲"
                    else:
                        row, column, diagonal = spine + 1 + step, x0 + depth - 1 - step, "╱"
                    canvas.put(row, column, diagonal)
                    if step < len(phrases):
                        room = x0 + bone_width - 1 - (column + 2)
                        canvas.put(row, column + 2, fit(phrases[step], room))
        inner = box_width - 4
        title_lines = textwrap.wrap(one_line(pm.title).strip() or "Incident", inner) or ["Incident"]
        most = min(3, 2 * depth + 1)
        if len(title_lines) > most:
            title_lines = [*title_lines[: most - 1], title_lines[most - 1] + "…"]
        above = (len(title_lines) + 1) // 2
        head_x = body_width
        canvas.put(spine - above, head_x, "┌" + "─" * (box_width - 2) + "┐")
        for index, line in enumerate(title_lines):
            row = spine - above + 1 + index
            text = fit(line, inner)
            left = "┤" if row == spine else "│"
            canvas.put(row, head_x, f"{left} {text}{' ' * (inner - cell_len(text))} │")
        canvas.put(spine - above + 1 + len(title_lines), head_x, "└" + "─" * (box_width - 2) + "┘")
        lines = canvas.lines()

    if not contributors:
        lines.append(fit("No contributors yet: add them in the columns view (f, then a).", width))
    lines.append("")
    if mitigators:
        lines.append(fit(f"Mitigators: what reduced the impact ({len(mitigators)})", width))
        for factor in mitigators:
            lines.append(fit(f"  + {factor_phrase(factor)} · {factor.category.value}", width))
    else:
        lines.append(fit("Mitigators: none yet.", width))
    return lines


# -- the stage ---------------------------------------------------------------------------------------


def factor_prompt(pm: PostMortem, factor: Factor, width: int = 0, lines: int = 0) -> Text:
    """How a factor shows in its column: its text (cut to `lines` lines of `width` cells when both are
    given), then its category, human-error kind, acceptance and linked actions."""
    text = one_line(factor.text).strip()
    if text and width > 4 and lines > 0:
        wrapped = textwrap.wrap(text, width)
        if len(wrapped) > lines:
            wrapped = [*wrapped[: lines - 1], fit(wrapped[lines - 1] + " …", width)]
        text = "\n".join(wrapped)
    prompt = Text(no_wrap=False, end="")
    prompt.append(text if text else "(no text: e writes it)", style="" if text else "italic")
    prompt.append("\n  ")
    prompt.append(factor.category.value, style="bold")
    if factor.human_error is not None:
        prompt.append(f" · {factor.human_error.value}", style="bold")
    elif needs_error_kind(factor):
        prompt.append(f" · {CLASSIFY_HINT}", style="italic")
    if factor.accepted:
        prompt.append(" · accepted risk", style="italic")
    labels = action_labels(pm, factor.action_ids)
    if labels:
        prompt.append(f" · → {', '.join(labels)}", style="bold")
    elif factor.kind == FactorKind.CONTRIBUTOR and not factor.accepted:
        prompt.append(" · no action", style="italic")
    return prompt


class FactorList(InOrderKeys, OptionList):
    """One column of factors of one kind."""

    def __init__(self, kind: FactorKind, **kwargs) -> None:
        super().__init__(**kwargs)
        self.kind = kind
        self.unfolded: str | None = None  # the factor shown in full (the highlighted one)


class FactorsStage(StageView):
    """Contributors and mitigators, side by side, with a fishbone view."""

    stage = Stage.FACTORS
    HELP = HELP
    BINDINGS = [
        Binding("a", "add", "Add", id="factors.add", tooltip="Add a factor to the focused column"),
        Binding("escape", "close_fishbone", "Columns", id="factors.close_fishbone", show=False),
        Binding(
            "g",
            "cycle_category",
            "Category",
            id="factors.category",
            tooltip="Cycle the category: people, process, technology, external",
        ),
        Binding(
            "h",
            "cycle_human_error",
            "Error kind",
            id="factors.human_error",
            tooltip="Cycle the human-error kind: none, slip, lapse, mistake",
        ),
        Binding("l", "link", "Link", id="factors.link", tooltip="Link to an action, or create one from this factor"),
        Binding(
            "f",
            "toggle_fishbone",
            "Fishbone",
            id="factors.fishbone",
            tooltip="Show the fishbone picture (or the columns again)",
        ),
        Binding(
            "x",
            "toggle_accepted",
            "Accept",
            id="factors.accepted",
            show=False,
            tooltip="Mark as an explicitly accepted risk (no action needed)",
        ),
        Binding(
            "k",
            "toggle_kind",
            "Move column",
            id="factors.kind",
            show=False,
            tooltip="Switch between contributor and mitigator",
        ),
        Binding("e", "edit", "Edit", id="factors.edit", show=False, tooltip="Edit the selected factor's text"),
        Binding(
            "d,delete",
            "delete",
            "Delete",
            id="factors.delete",
            show=False,
            tooltip="Delete the selected factor (u undoes)",
        ),
        Binding(
            "less_than_sign",
            "move(-1)",
            "Move up",
            id="factors.move_up",
            show=False,
            tooltip="Move the factor up its column",
        ),
        Binding(
            "greater_than_sign",
            "move(1)",
            "Move down",
            id="factors.move_down",
            show=False,
            tooltip="Move the factor down its column",
        ),
        Binding(
            "left",
            "focus_column('contributor')",
            "Contributors",
            id="factors.left",
            show=False,
            tooltip="Go to the contributors column",
        ),
        Binding(
            "right",
            "focus_column('mitigator')",
            "Mitigators",
            id="factors.right",
            show=False,
            tooltip="Go to the mitigators column",
        ),
    ]

    def __init__(self, pm: PostMortem, **kwargs) -> None:
        super().__init__(pm, **kwargs)
        self.column_kind = FactorKind.CONTRIBUTOR  # the column last focused
        self.editing: Factor | None = None  # the factor whose text the editor line changes
        self.adding: FactorKind | None = None  # the editor line adds a new factor of this kind
        self.fishbone_toggled = False
        self.wide = False
        self._fishbone_retried = False
        self._restored: Factor | None = None
        self.drafts: dict[FactorKind, str] = {}  # unfinished new factors, per column

    # -- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="factor-columns"):
            for kind in (FactorKind.CONTRIBUTOR, FactorKind.MITIGATOR):
                with Vertical(classes="factor-column", id=f"{COLUMN_IDS[kind]}-column"):
                    yield Static("", id=f"{COLUMN_IDS[kind]}-title", classes="factor-column-title", markup=False)
                    yield FactorList(kind, id=COLUMN_IDS[kind], classes="factor-list")
        with VerticalScroll(id="fishbone-view"):
            yield Static("", id="fishbone", markup=False)
        yield Static("", id="factors-hint", markup=False)
        with Horizontal(id="factor-edit-row"):
            yield Label("", id="factor-edit-label")
            yield LineEditor(id="factor-editor", max_length=20_000, on_submit=self._submitted)
        yield Static("", id="factor-error", markup=False)

    def on_mount(self) -> None:
        self.query_one("#factor-edit-row").display = False
        self.query_one("#factor-error").display = False
        self._apply_layout()
        self.refresh_view()

    def column(self, kind: FactorKind) -> FactorList:
        return self.query_one(f"#{COLUMN_IDS[kind]}", FactorList)

    def factors_of(self, kind: FactorKind) -> list[Factor]:
        return [f for f in self.pm.factors if f.kind == kind]

    def refresh_view(self, select: Factor | None = None) -> None:
        """Redraw both columns and the fishbone from the document; highlight `select` if given."""
        for kind in (FactorKind.CONTRIBUTOR, FactorKind.MITIGATOR):
            column = self.column(kind)
            factors = self.factors_of(kind)
            previous = column.highlighted
            previous_id = column.highlighted_option.id if column.highlighted_option is not None else None
            column.clear_options()
            column.add_options([Option(self._prompt(f, column, folded=True), id=f.id) for f in factors])
            ids = [f.id for f in factors]
            if select is not None and select.kind == kind and select.id in ids:
                column.highlighted = ids.index(select.id)
            elif previous_id in ids:
                column.highlighted = ids.index(previous_id)
            elif factors:
                column.highlighted = min(previous or 0, len(factors) - 1)
            column.unfolded = None
            self._unfold(column)
            title = self.query_one(f"#{COLUMN_IDS[kind]}-title", Static)
            if kind == FactorKind.CONTRIBUTOR:
                heading, meaning = f"Contributors ({len(factors)})", "what led to it or made it worse"
            else:
                heading, meaning = f"Mitigators ({len(factors)})", "what reduced the impact"
            title.update(heading if factors else f"{heading}\nNone yet: {meaning}. a adds one.")
        self._draw_fishbone()
        self._show_hint()

    def _draw_fishbone(self) -> None:
        view = self.query_one("#fishbone-view")
        if view.display and not view.scrollable_content_region.width and not self._fishbone_retried:
            self._fishbone_retried = True  # once: a hidden stage has no width either
            self.call_after_refresh(self._draw_fishbone)  # not laid out yet (first show): draw when it is
        width = view.scrollable_content_region.width or 78
        height = view.size.height or 18
        per_bone = max(2, min(6, (height - 7) // 2))
        lines = draw_fishbone(self.pm, width, max_per_bone=per_bone)
        self.query_one("#fishbone", Static).update(Text("\n".join(lines), no_wrap=True, end=""))

    def on_resize(self, event: Resize) -> None:
        self._apply_layout()
        self.call_after_refresh(self.refresh_view)

    def _apply_layout(self) -> None:
        self.wide = self.size.width >= 140 and self.size.height >= 36
        show_columns = self.wide or not self.fishbone_toggled
        show_fishbone = self.fishbone_toggled if not self.wide else not self.fishbone_toggled
        columns = self.query_one("#factor-columns")
        fishbone = self.query_one("#fishbone-view")
        had_focus = self.screen.focused if self.is_mounted else None
        columns.display = show_columns
        fishbone.display = show_fishbone
        self.query_one("#factors-hint").display = show_columns
        if had_focus is not None and not show_columns and had_focus in self.query(FactorList):
            fishbone.focus()
        elif show_columns and had_focus is fishbone and not show_fishbone:
            self.column(self.column_kind).focus()

    def load(self, pm: PostMortem) -> None:
        self._close_editor(focus=False)
        self.undo_stack.clear()
        super().load(pm)

    def unsaved_problems(self) -> list[str]:
        """A new factor typed but not added yet (in the open editor line, or kept as a draft)."""
        drafts = dict(self.drafts)
        if self.adding is not None and self.is_mounted:
            drafts[self.adding] = self.query_one("#factor-editor", LineEditor).value
        return [
            f"a new {KIND_NAMES[kind]} typed but not added: {shortened(text.strip())!r}"
            for kind, text in drafts.items()
            if text.strip()
        ]

    def entered(self) -> None:
        self.refresh_view()

    def left(self) -> None:
        self._close_editor(focus=False)
        super().left()

    def focus_first(self) -> None:
        if self.query_one("#factor-columns").display:
            self.column(self.column_kind).focus()
        else:
            self.query_one("#fishbone-view").focus()

    # -- selection -----------------------------------------------------------------------------

    def _prompt(self, factor: Factor, column: FactorList, folded: bool) -> Text:
        width = column.scrollable_content_region.width
        return factor_prompt(self.pm, factor, width, FOLDED_LINES if folded else 0)

    def _unfold(self, column: FactorList) -> None:
        """Show the highlighted factor's whole text; fold the one highlighted before."""
        option = column.highlighted_option
        current = option.id if option is not None else None
        if current == column.unfolded:
            return
        by_id = {f.id: f for f in self.pm.factors}
        for factor_id, folded in ((column.unfolded, True), (current, False)):
            factor = by_id.get(factor_id or "")
            if factor is not None and factor.kind == column.kind:
                column.replace_option_prompt(factor.id, self._prompt(factor, column, folded))
        column.unfolded = current

    @on(OptionList.OptionHighlighted, ".factor-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if isinstance(event.option_list, FactorList):
            self._unfold(event.option_list)
        self._show_hint()

    @on(OptionList.OptionSelected, ".factor-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    def on_descendant_focus(self, event) -> None:
        widget = event.widget
        if isinstance(widget, FactorList):
            self.column_kind = widget.kind
            self._show_hint()
            for kind in (FactorKind.CONTRIBUTOR, FactorKind.MITIGATOR):
                self.query_one(f"#{COLUMN_IDS[kind]}-column").set_class(kind == widget.kind, "-active")

    @property
    def selected(self) -> Factor | None:
        option = self.column(self.column_kind).highlighted_option
        if option is None:
            return None
        return next((f for f in self.pm.factors if f.id == option.id), None)

    def _need_selection(self) -> Factor | None:
        if not self.query_one("#factor-columns").display:
            self.notify("Press f to show the columns, then pick a factor.", timeout=3)
            return None
        factor = self.selected
        if factor is None:
            self.notify(f"No {KIND_NAMES[self.column_kind]} selected: a adds one.", timeout=3)
        return factor

    def _show_hint(self) -> None:
        hint = self.query_one("#factors-hint", Static)
        factor = self.selected
        if factor is None:
            hint.update(
                Text("a adds a factor here · tab or ←/→ switches column · f shows the fishbone", style="italic")
            )
            return
        text = Text(style="italic")
        if needs_error_kind(factor):
            text.append(
                "Which kind of human error? h: slip (right plan, wrong action), lapse (forgotten), "
                "mistake (wrong plan). "
            )
        elif factor.kind == FactorKind.CONTRIBUTOR and not factor.accepted and not factor.action_ids:
            text.append("No action yet: l links or creates one, x marks it an accepted risk. ")
        else:
            text.append("g category · h error kind · k other column · x accept · l link · e edit · d delete")
        hint.update(text)

    def _refresh_one(self, factor: Factor) -> None:
        self.refresh_view(select=factor)

    # -- the editor line -----------------------------------------------------------------------

    def _open_editor(self, label: str, value: str, placeholder: str) -> None:
        self.query_one("#factor-edit-label", Label).update(label)
        editor = self.query_one("#factor-editor", LineEditor)
        editor.placeholder = placeholder
        editor.value = value
        editor.cursor_position = len(value)
        self._set_error("")
        self.query_one("#factor-edit-row").display = True
        editor.focus()

    def _close_editor(self, focus: bool = True) -> None:
        """Back to the list; an unfinished new factor is kept as a draft that a brings back."""
        if not self.is_mounted:
            self.editing = self.adding = None
            return
        editor = self.query_one("#factor-editor", LineEditor)
        if self.adding is not None:
            if editor.value.strip():
                self.drafts[self.adding] = editor.value
                self.notify("Not added yet: kept as a draft, a brings it back.", timeout=3)
            else:
                self.drafts.pop(self.adding, None)
        self.editing = None
        self.adding = None
        editor.remove_class("-problem")
        self.query_one("#factor-edit-row").display = False
        self._set_error("")
        if focus:
            self.focus_first()

    def _set_error(self, message: str) -> None:
        error = self.query_one("#factor-error", Static)
        error.update(message)
        error.display = bool(message)

    @on(LineEditor.Changed, "#factor-editor")
    def _text_changed(self, event: LineEditor.Changed) -> None:
        if self.adding is not None:
            if event.value.strip():
                self._set_error("")
            return
        self._apply_text(event.input, event.value)

    def _apply_text(self, editor: Input, value: str) -> None:
        factor = self.editing
        if factor is None or value == factor.text:
            return
        if not value.strip():
            self._set_error("A factor needs words: type them, or Esc keeps the old text (d deletes the factor).")
            editor.add_class("-problem")
            return
        self._set_error("")
        editor.remove_class("-problem")
        factor.text = value
        column = self.column(factor.kind)
        if factor.id in {option.id for option in column.options}:
            column.replace_option_prompt(factor.id, self._prompt(factor, column, folded=False))
        self._draw_fishbone()
        self.edited()

    def _submitted(self, editor: LineEditor) -> None:
        """Enter in the editor (called as the key is handled: a next factor's keys come after). Editing, what the
        field holds now is kept first (the Changed messages of the keys just before Enter are still on their way)."""
        if self.adding is None:
            self._apply_text(editor, editor.value)
            self._close_editor()
            return
        text = editor.value.strip()
        if not text:
            self._set_error(f"Type the {KIND_NAMES[self.adding]} first (Esc goes back to the list).")
            return
        factor = Factor(kind=self.adding, text=text)
        self.pm.factors.append(factor)
        self.drafts.pop(factor.kind, None)
        self.refresh_view(select=factor)
        self.edited(structural=True)
        editor.value = ""
        self._set_error("")

    @on(LineEditor.Closed, "#factor-editor")
    def _closed(self, event: LineEditor.Closed) -> None:
        event.stop()
        self._close_editor()

    @on(LineEditor.Blurred, "#factor-editor")
    def _blurred(self) -> None:
        if (self.editing is not None or self.adding is not None) and self.screen.is_current:
            self._close_editor(focus=False)

    # -- actions -------------------------------------------------------------------------------

    def action_focus_column(self, kind: str) -> None:
        if not self.query_one("#factor-columns").display:
            return
        self.column_kind = FactorKind(kind)
        self.column(self.column_kind).focus()

    def action_add(self) -> None:
        if not self.query_one("#factor-columns").display:
            self.fishbone_toggled = False
            self._apply_layout()
        kind = self.column_kind
        self.adding, self.editing = kind, None
        placeholder = (
            "what led to it or made it worse (Enter adds, Esc back)"
            if kind == FactorKind.CONTRIBUTOR
            else "what reduced the impact (Enter adds, Esc back)"
        )
        self._open_editor(f"New {KIND_NAMES[kind]}:", self.drafts.get(kind, ""), placeholder)

    def action_edit(self) -> None:
        factor = self._need_selection()
        if factor is None:
            return
        self.editing, self.adding = factor, None
        self._open_editor("Edit:", factor.text, "the factor (Enter or Esc when done)")

    def action_cycle_category(self) -> None:
        factor = self._need_selection()
        if factor is None:
            return
        factor.category = CATEGORY_ORDER[(CATEGORY_ORDER.index(factor.category) + 1) % len(CATEGORY_ORDER)]
        self._refresh_one(factor)
        self.edited()

    def action_cycle_human_error(self) -> None:
        factor = self._need_selection()
        if factor is None:
            return
        index = HUMAN_ERROR_ORDER.index(factor.human_error)
        factor.human_error = HUMAN_ERROR_ORDER[(index + 1) % len(HUMAN_ERROR_ORDER)]
        if factor.category != FactorCategory.PEOPLE and factor.human_error is not None:
            # a slip, lapse or mistake is a person's: the factor is about people (g changes it back)
            was = factor.category.value
            factor.category = FactorCategory.PEOPLE
            self.notify(
                f"Category now people (was {was}): a human-error kind is about people.", timeout=3, markup=False
            )
        self._refresh_one(factor)
        self.edited()

    def action_toggle_accepted(self) -> None:
        factor = self._need_selection()
        if factor is None:
            return
        factor.accepted = not factor.accepted
        self._refresh_one(factor)
        self.edited()

    def action_toggle_kind(self) -> None:
        factor = self._need_selection()
        if factor is None:
            return
        factor.kind = FactorKind.MITIGATOR if factor.kind == FactorKind.CONTRIBUTOR else FactorKind.CONTRIBUTOR
        self.column_kind = factor.kind
        self.refresh_view(select=factor)
        self.column(factor.kind).focus()
        self.edited()
        self.notify(f"Moved to the {COLUMN_IDS[factor.kind]}.", timeout=2)

    def action_link(self) -> None:
        factor = self._need_selection()
        if factor is None:
            return

        def picked(choice: ActionChoice | None) -> None:
            if choice is None or factor not in self.pm.factors:
                return
            message = apply_choice(self.pm, factor.action_ids, choice, factor.text)
            self.refresh_view(select=factor)
            self.edited(structural=choice.create)
            if message:
                self.notify(message, timeout=4, markup=False)

        self.app.push_screen(ActionPicker(self.pm, factor.text, factor.action_ids, what="factor"), picked)

    def action_delete(self) -> None:
        factor = self._need_selection()
        if factor is None:
            return
        index = self.pm.factors.index(factor)
        del self.pm.factors[index]

        def restore() -> None:
            self.pm.factors.insert(min(index, len(self.pm.factors)), factor)
            self._restored = factor

        self.push_undo(f"“{one_line(factor.text)[:40] or 'empty factor'}”", restore)
        self.refresh_view()
        self.edited(structural=True)
        self.notify(f"Deleted the {KIND_NAMES[factor.kind]}. u brings it back.", timeout=3)

    def action_undo(self) -> None:
        self._restored = None
        super().action_undo()
        if self._restored is not None:
            self.column_kind = self._restored.kind
            self.refresh_view(select=self._restored)
            if self.query_one("#factor-columns").display:
                self.column(self._restored.kind).focus()

    def action_move(self, step: int) -> None:
        factor = self._need_selection()
        if factor is None:
            return
        same = [i for i, f in enumerate(self.pm.factors) if f.kind == factor.kind]
        position = same.index(self.pm.factors.index(factor))
        target = position + step
        if not 0 <= target < len(same):
            self.notify("Already first." if step < 0 else "Already last.", timeout=2)
            return
        a, b = same[position], same[target]
        self.pm.factors[a], self.pm.factors[b] = self.pm.factors[b], self.pm.factors[a]
        self.refresh_view(select=factor)
        self.edited()

    def check_stage_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close_fishbone":  # Esc closes the fishbone; elsewhere it leaves the field, as ever
            return self.is_mounted and not self.query_one("#factor-columns").display
        return True

    def action_close_fishbone(self) -> None:
        """Esc on the fishbone: back to the columns."""
        if self.query_one("#fishbone-view").display and not self.query_one("#factor-columns").display:
            self.action_toggle_fishbone()

    def action_toggle_fishbone(self) -> None:
        self.fishbone_toggled = not self.fishbone_toggled
        self._apply_layout()
        self.call_after_refresh(self._draw_fishbone)
        if not self.query_one("#factor-columns").display:
            self.query_one("#fishbone-view").focus()
        elif self.screen.focused is None or not self.screen.focused.display:
            self.column(self.column_kind).focus()

    # -- palette -------------------------------------------------------------------------------

    def palette_commands(self) -> Iterable[SystemCommand]:
        commands = [
            ("add", "Add a factor to the focused column", self.action_add),
            ("edit", "Edit the selected factor's text", self.action_edit),
            ("cycle category", "people → process → technology → external", self.action_cycle_category),
            ("cycle human-error kind", "none → slip → lapse → mistake", self.action_cycle_human_error),
            ("contributor ↔ mitigator", "Move the factor to the other column", self.action_toggle_kind),
            ("accepted risk", "Mark or unmark the factor as an accepted risk", self.action_toggle_accepted),
            ("link to an action", "Link the factor to an action, or create one", self.action_link),
            ("delete", "Delete the selected factor", self.action_delete),
            ("move up", "Move the factor up its column", lambda: self.action_move(-1)),
            ("move down", "Move the factor down its column", lambda: self.action_move(1)),
            ("fishbone", "Show or hide the fishbone picture", self.action_toggle_fishbone),
            ("undo", "Bring back what was last deleted", self.action_undo),
        ]
        for name, help_text, callback in commands:
            yield SystemCommand(f"Factors: {name}", help_text, callback)
