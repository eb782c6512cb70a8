"""The Review stage: what went well, lessons, open questions, the parking lot, the facilitator's
checklist of findings, a live preview of the Markdown export, and the export itself."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import DescendantFocus, Resize
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, Markdown, Static

from pmtui.model import STAGE_TITLES, PostMortem, Stage, TextItem
from pmtui.widgets.fields import TextInput
from pmtui.widgets.itemlist import ItemField, ItemListEditor, ItemListKeys, item_list_bindings
from pmtui.widgets.plain import one_line
from pmtui.widgets.stage import StageView

PREVIEW_DELAY = 0.5  # seconds of quiet before the preview is rebuilt

# (document field, title, noun, editor label, placeholder)
REVIEW_LISTS: tuple[tuple[str, str, str, str, str], ...] = (
    ("went_well", "What went well", "went-well item", "Point", "e.g. The alert fired within two minutes"),
    ("lessons", "Lessons", "lesson", "Lesson", "e.g. Capacity settings need review like code"),
    ("open_questions", "Open questions", "question", "Question", "e.g. Why did staging not show this?"),
    ("parking_lot", "Parking lot", "parked item", "Item", "for later, outside this review"),
)

HELP = "\n\n".join(
    (
        "Review closes the meeting: what went well, the lessons, the open questions and the parking lot, the "
        "facilitator's checklist (the findings of the checks for every stage, and whether the post-mortem is "
        "ready to finalise), and a live preview of the Markdown export.",
        "Tab moves between the lists. In a list: a adds (Enter adds and keeps the line open for the next, Esc "
        "goes back to the list), Enter or e edits, d or Delete deletes (u brings it back while you stay on "
        "this stage), < and > move an item. v shows the preview (on a narrow screen it replaces the lists; on "
        "a wide one it sits beside them and v moves to it). x exports the Markdown to a file that only you "
        "can read.",
    )
)


def _ready(report: Any) -> bool:
    ready = getattr(report, "ready_to_finalise", None)
    if callable(ready):
        ready = ready()
    if ready is None:
        ready = not [f for f in getattr(report, "findings", []) if getattr(f, "severity", "") == "blocking"]
    return bool(ready)


def checklist_lines(report: Any | None) -> list[tuple[int, Text]]:
    """The facilitator's checklist as (indent, line): ready to finalise or not, then every stage with its
    findings. User text (messages quote it) stays plain text."""
    if report is None:
        return [(0, Text("Checks not run yet.", style="italic"))]
    findings = list(getattr(report, "findings", []))
    blocking = sum(1 for f in findings if getattr(f, "severity", "") == "blocking")
    if _ready(report):
        head = Text("✓ Ready to finalise", style="bold")
        if findings:
            head.append(f" ({len(findings)} advisory note{'s' if len(findings) != 1 else ''} below)")
    else:
        head = Text("✗ Not ready to finalise", style="bold reverse")
        head.append(f" — {blocking} blocking finding{'s' if blocking != 1 else ''}")
    lines = [(0, head)]
    grouped: dict[Stage, list[Any]] = {}
    for finding in findings:
        grouped.setdefault(getattr(finding, "stage", Stage.REVIEW), []).append(finding)
    for number, stage in enumerate(Stage, start=1):
        found = grouped.get(stage, [])
        if not found:
            lines.append((0, Text(f"✓ {number} {STAGE_TITLES[stage]}", style="dim")))
            continue
        stage_blocking = sum(1 for f in found if getattr(f, "severity", "") == "blocking")
        line = Text(f"{'■' if stage_blocking else '□'} {number} {STAGE_TITLES[stage]}", style="bold")
        line.append(f" · {len(found)} finding{'s' if len(found) != 1 else ''}")
        if stage_blocking:
            line.append(f", {stage_blocking} blocking")
        lines.append((0, line))
        for finding in found:
            blocking_one = getattr(finding, "severity", "") == "blocking"
            line = Text("■ " if blocking_one else "□ ", style="bold" if blocking_one else "")
            line.append(one_line(str(getattr(finding, "message", ""))))
            excerpt = getattr(finding, "excerpt", "")
            if excerpt:
                line.append(f" “{one_line(str(excerpt))}”", style="italic")
            suggestion = getattr(finding, "suggestion", "")
            if suggestion:
                line.append(f" → {one_line(str(suggestion))}", style="dim")
            lines.append((4, line))
    return lines


def checklist_renderable(report: Any | None) -> Group:
    """The checklist lines, each finding indented under its stage (wrapped lines keep the indent)."""
    return Group(*(Padding(line, (0, 0, 0, indent)) if indent else line for indent, line in checklist_lines(report)))


def export_markdown(pm: PostMortem) -> str:
    from pmtui.io.markdown import to_markdown

    return to_markdown(pm)


class Checklist(Static, can_focus=True):
    """The facilitator's checklist; focusable so that Tab brings it into view."""


class ExportDialog(ModalScreen[str | None]):
    """Ask where to write the Markdown export."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def __init__(self, default_path: str, error: str = "") -> None:
        super().__init__()
        self.default_path = default_path
        self.error = error  # why the last try failed: shown, with the path as typed, to fix and retry

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="export-dialog"):
            yield Static("Export the post-mortem as Markdown", classes="dialog-title", markup=False)
            yield TextInput(value=self.default_path, placeholder="path of the .md file", id="export-path")
            yield Static(
                self.error,
                id="export-error",
                classes="dialog-error -shown" if self.error else "dialog-error",
                markup=False,
            )
            yield Static(
                "Enter writes the file (readable by you only); Esc cancels.", classes="dialog-hint", markup=False
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Changed, "#export-path")
    def _path_changed(self, event: Input.Changed) -> None:
        if event.value != self.default_path:  # a new path typed: the last try's error no longer applies
            self.query_one("#export-error", Static).remove_class("-shown")

    @on(Input.Submitted, "#export-path")
    def _submitted(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            error = self.query_one("#export-error", Static)
            error.update("Type the path of the file to write, e.g. review.md")
            error.add_class("-shown")
            return
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class ReviewStage(ItemListKeys, StageView):
    """The closing stage: four lists, the checklist, the live export preview, and the export."""

    stage = Stage.REVIEW
    HELP = HELP
    BINDINGS = [
        *item_list_bindings("review", "item"),
        Binding("v", "toggle_preview", "Preview", id="review.preview", tooltip="Show or hide the export preview"),
        Binding("x", "export", "Export", id="review.export", tooltip="Export the Markdown to a file"),
    ]

    class Exported(Message):
        """The export worker finished: `error` is None when the file was written."""

        def __init__(self, path: Path, error: str | None) -> None:
            super().__init__()
            self.path = path
            self.error = error

    class ExportTargetFound(Message):
        """The export would replace an existing file: ask first."""

        def __init__(self, path: Path, text: str) -> None:
            super().__init__()
            self.path = path
            self.text = text

    def __init__(self, pm: PostMortem, **kwargs) -> None:
        super().__init__(pm, **kwargs)
        self.report: Any | None = None
        self.shown = False
        self.preview_on = False
        self._preview_timer: Timer | None = None
        self._preview_source: str | None = None
        self._active_list_id = f"review-{REVIEW_LISTS[0][0]}"

    # -- layout --------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="review-body"):
            with VerticalScroll(id="review-main", can_focus=False):
                for field, title, noun, label, placeholder in REVIEW_LISTS:
                    yield ItemListEditor(
                        noun=noun,
                        title=title,
                        fields=(ItemField("text", label, placeholder, required=True),),
                        items=lambda field=field: getattr(self.pm, field),
                        make=TextItem,
                        show_header=False,
                        empty_hint="Nothing yet: a adds one.",
                        id=f"review-{field}",
                        classes="review-list",
                    )
                yield Static("Facilitator's checklist", id="review-checklist-title", markup=False)
                yield Checklist(checklist_renderable(None), id="review-checklist")
            with Vertical(id="review-preview-pane"):
                yield Static("Export preview · v back to the lists · x export", id="review-preview-title", markup=False)
                with VerticalScroll(id="review-preview"):
                    yield Markdown("", open_links=False, id="review-markdown")

    def on_resize(self, event: Resize) -> None:
        wide = event.size.width >= 130
        if wide != self.has_class("-wide"):
            self.set_class(wide, "-wide")
            self._schedule_preview(now=True)

    @on(DescendantFocus)
    def _focus_moved(self, event: DescendantFocus) -> None:
        for item_list in self.item_lists():
            if item_list.contains_focus():
                self._active_list_id = item_list.id or self._active_list_id

    def item_lists(self) -> list[ItemListEditor]:
        return list(self.query(ItemListEditor))

    def current_item_list(self) -> ItemListEditor | None:
        if self.preview_on and not self.has_class("-wide"):
            self._set_preview(False)
        for item_list in self.item_lists():
            if item_list.contains_focus():
                return item_list
        return self.query_one(f"#{self._active_list_id}", ItemListEditor)

    # -- editing -------------------------------------------------------------------------------

    def on_item_list_editor_changed(self, event: ItemListEditor.Changed) -> None:
        event.stop()
        self.edited(structural=event.structural)
        self._schedule_preview()

    def on_item_list_editor_removed(self, event: ItemListEditor.Removed) -> None:
        event.stop()
        self.push_undo(event.description, event.restore)

    def refresh_view(self) -> None:
        for item_list in self.item_lists():
            item_list.refresh_items()
        self._schedule_preview()

    # -- checklist -----------------------------------------------------------------------------

    def set_findings(self, findings: list[Any], report: Any = None) -> None:
        """The screen passes this stage's findings and the whole report; the checklist shows them all."""
        self.report = report
        if self.is_mounted:
            self.query_one("#review-checklist", Checklist).update(checklist_renderable(report))

    # -- preview -------------------------------------------------------------------------------

    def _preview_visible(self) -> bool:
        return self.shown and (self.preview_on or self.has_class("-wide"))

    def _schedule_preview(self, now: bool = False) -> None:
        """Rebuild the preview after a quiet moment, and only while it can be seen."""
        if self._preview_timer is not None:
            self._preview_timer.stop()
            self._preview_timer = None
        if not self._preview_visible():
            return
        if now:
            self._render_preview()
        else:
            self._preview_timer = self.set_timer(PREVIEW_DELAY, self._render_preview)

    def _render_preview(self) -> None:
        self._preview_timer = None
        if not self._preview_visible():
            return
        try:
            source = export_markdown(self.pm)
        except ImportError:
            source = "_The Markdown export is not available in this build._"
        if source != self._preview_source:
            self._preview_source = source
            self.query_one("#review-markdown", Markdown).update(source)

    def _set_preview(self, on: bool) -> None:
        self.preview_on = on
        self.set_class(on, "-preview")
        if on:
            self._schedule_preview(now=True)
            self.query_one("#review-preview", VerticalScroll).focus()
        else:
            self.current_item_list_table_focus()

    def current_item_list_table_focus(self) -> None:
        self.query_one(f"#{self._active_list_id}", ItemListEditor).table.focus()

    def action_toggle_preview(self) -> None:
        if self.has_class("-wide"):
            # the preview is always beside the lists: v moves between them
            preview = self.query_one("#review-preview", VerticalScroll)
            if preview.has_focus:
                self.current_item_list_table_focus()
            else:
                self._schedule_preview(now=True)
                preview.focus()
            return
        self._set_preview(not self.preview_on)

    # -- export --------------------------------------------------------------------------------

    def action_export(self, path: str | None = None, error: str = "") -> None:
        default = path or str(Path.cwd() / f"{self.pm.id}.md")

        def chosen(path: str | None) -> None:
            if path:
                self._export_to(path)

        self.app.push_screen(ExportDialog(default, error), chosen)

    def _export_to(self, path_text: str, overwrite: bool = False, text: str | None = None) -> None:
        if text is None:
            try:
                text = export_markdown(self.pm)
            except ImportError:
                self.notify("The Markdown export is not available in this build.", severity="error")
                return
        self._write_export(Path(path_text).expanduser(), text, overwrite)

    @work(thread=True, exclusive=True, group="export")
    def _write_export(self, path: Path, text: str, overwrite: bool) -> None:
        from pmtui.io.files import write_private_file

        try:
            path = path if path.is_absolute() else Path.cwd() / path
            if path.is_dir():
                self.post_message(self.Exported(path, f"{path} is a folder; give a file name, e.g. {path}/review.md"))
                return
            if not overwrite and path.exists():
                self.post_message(self.ExportTargetFound(path, text))
                return
            write_private_file(path, text)
        except OSError as error:
            reason = error.strerror or str(error)
            self.post_message(self.Exported(path, f"{reason}: {path}"))
            return
        self.post_message(self.Exported(path, None))

    @on(Exported)
    def _exported(self, event: Exported) -> None:
        event.stop()
        if event.error is not None:
            # back to the dialog with the path as typed and what went wrong, to fix it there
            self.action_export(str(event.path), f"Not exported: {event.error}")
        else:
            self.notify(f"Exported to {event.path}", markup=False, timeout=6)

    @on(ExportTargetFound)
    def _target_found(self, event: ExportTargetFound) -> None:
        event.stop()
        from pmtui.screens.dialogs import ConfirmDialog

        def answered(replace: bool | None) -> None:
            if replace:
                self._write_export(event.path, event.text, True)
            else:
                self.notify("Not exported: the existing file is kept.", timeout=3)

        self.app.push_screen(ConfirmDialog(f"{event.path} exists. Replace it?", "Replace"), answered)

    # -- the stage protocol ----------------------------------------------------------------------

    def entered(self) -> None:
        self.shown = True
        self._schedule_preview(now=True)

    def left(self) -> None:
        self.shown = False
        if self._preview_timer is not None:
            self._preview_timer.stop()
            self._preview_timer = None
        super().left()

    def focus_first(self) -> None:
        if self.preview_on and not self.has_class("-wide"):
            self.query_one("#review-preview", VerticalScroll).focus()
        else:
            self.current_item_list_table_focus()

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield from self.item_list_commands("item")
        yield SystemCommand("Export preview", "Show or hide the Markdown preview", self.action_toggle_preview)
        yield SystemCommand("Export Markdown", "Write the Markdown export to a file", self.action_export)
