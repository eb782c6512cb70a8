"""The timeline import dialog: pick a file, preview what will be added, then add it."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, DataTable, Input, Label, ProgressBar, Select, Static

from pmtui.model import PostMortem, TimelineEvent, check_zone
from pmtui.widgets.fields import TextInput, TickBox
from pmtui.widgets.plain import one_line

FORMATS = ["auto", "text", "slack", "csv", "pagerduty", "json"]


PREVIEW_ROWS = 500  # new events listed in the preview; beyond them a line says how many more


class TimelineImportDialog(ModalScreen[int]):
    """Preview an import (count, first and last time, skipped lines with reasons) before adding anything.

    Dismisses with the number of events added to `pm.timeline` (0 when cancelled or nothing was new).
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="import.cancel"),
        Binding("ctrl+s", "confirm", "Add events", id="import.confirm", priority=True),
    ]

    class Previewed(Message):
        """The worker parsed the file."""

        def __init__(self, result, new_events: list[TimelineEvent] | None, error: str | None) -> None:
            super().__init__()
            self.result = result
            self.new_events = new_events
            self.error = error

    class Progressed(Message):
        """The worker read part of a large file."""

        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done = done
            self.total = total

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, TimelineImportDialog.Progressed)

    def __init__(self, pm: PostMortem, path: str = "") -> None:
        super().__init__()
        self.pm = pm
        self.initial_path = path
        self.new_events: list[TimelineEvent] | None = None

    def compose(self) -> ComposeResult:
        # scrolls: at 80x24 the preview and the buttons do not all fit (Tab brings each into view)
        with VerticalScroll(classes="dialog", id="import-dialog"):
            yield Label("Import timeline events", classes="dialog-title")
            with Horizontal(classes="form-row"):
                yield Label("File", classes="form-label")
                yield TextInput(
                    self.initial_path,
                    placeholder="chat.log, slack-export/, events.csv, log_entries.json",
                    id="import-path",
                    classes="form-input",
                )
            with Horizontal(classes="form-row"):
                yield Label("Format", classes="form-label")
                yield Select(
                    [(f, f) for f in FORMATS], value="auto", allow_blank=False, id="import-format", classes="form-input"
                )
            with Horizontal(classes="form-row"):
                yield Label("Zone", classes="form-label")
                yield TextInput(
                    placeholder=f"for times without one (default {self.pm.timezone})",
                    id="import-zone",
                    classes="form-input",
                )
            yield TickBox("Keep chat noise (joins, leaves, topic changes, reactions)", id="import-noise")
            yield ProgressBar(id="import-progress", show_eta=False)
            yield Static(
                "Enter a file and press Enter to preview. Nothing is added until you confirm.",
                id="import-summary",
                markup=False,
            )
            yield DataTable(id="import-preview", cursor_type="row", show_cursor=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Preview (Enter)", id="import-preview-button")
                yield Button("Add events (ctrl+s)", variant="primary", id="import-confirm", disabled=True)
                yield Button("Cancel (Esc)", id="import-cancel")

    def on_mount(self) -> None:
        self.query_one("#import-progress").display = False
        table = self.query_one("#import-preview", DataTable)
        # The event's text and a skipped line's reason share the last column: a long reason in a column of
        # its own pushed the events' text out of view.
        # An event's first cell is its kind ("detection?" when guessed from the source), a skipped line's
        # where it is ("line 12").
        table.add_columns("Kind/where", "Time", "Text, or why the line is skipped")
        table.display = False
        self.query_one("#import-path", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#import-preview-button")
    def action_preview(self) -> None:
        path_text = self.query_one("#import-path", Input).value.strip()
        summary = self.query_one("#import-summary", Static)
        self.new_events = None
        self.query_one("#import-confirm", Button).disabled = True
        if not path_text:
            summary.update("Give the path of a file or a Slack export folder.")
            return
        zone = self.query_one("#import-zone", Input).value.strip() or None
        if zone:
            try:
                check_zone(zone)
            except ValueError as error:
                summary.update(f"Zone: {error}")
                return
        path = Path(path_text).expanduser()
        fmt = str(self.query_one("#import-format", Select).value)
        noise = self.query_one("#import-noise", Checkbox).value
        summary.update(f"Reading {one_line(str(path))}…")
        progress = self.query_one("#import-progress", ProgressBar)
        progress.update(total=None, progress=0)
        progress.display = True
        self._parse(path, fmt, zone, noise)

    @work(thread=True, exclusive=True, group="import")
    def _parse(self, path: Path, fmt: str, zone: str | None, noise: bool) -> None:
        from pmtui.io.timeline_import import TimelineImportError, anchor_date, parse_timeline, plan_import

        try:
            result = parse_timeline(
                path,
                fmt=fmt,
                tz=zone,
                anchor=anchor_date(self.pm, zone),
                reference=self.pm.anchor_time(),
                doc_zone=self.pm.timezone,
                include_noise=noise,
                progress=lambda done, total: self.post_message(self.Progressed(done, total)),
            )
        except TimelineImportError as error:
            self.post_message(self.Previewed(None, None, str(error)))
            return
        self.post_message(self.Previewed(result, plan_import(self.pm, result), None))

    @on(Progressed)
    def _progressed(self, message: Progressed) -> None:
        self.query_one("#import-progress", ProgressBar).update(total=message.total, progress=message.done)

    @on(Previewed)
    def _previewed(self, message: Previewed) -> None:
        self.query_one("#import-progress").display = False
        summary = self.query_one("#import-summary", Static)
        table = self.query_one("#import-preview", DataTable)
        table.clear()
        if message.error is not None:
            summary.update(f"Nothing can be imported: {one_line(message.error)}")
            table.display = False
            return
        result, fresh = message.result, message.new_events or []
        already = len(result.events) - len(fresh)
        line = f"{result.format}: {result.summary()}."
        line += f" {len(fresh)} new" + (f", {already} already in the timeline." if already else ".")
        summary.update(line)
        zone = self.pm.tzinfo
        for event in fresh[:PREVIEW_ROWS]:  # every new event (the table scrolls), up to a limit said below
            when = event.time.astimezone(zone).strftime("%m-%d %H:%M:%S") if event.time else "?"
            when = f"~{when}" if event.estimated else when
            kind = event.kind.value + ("?" if event.kind_guessed else "")
            table.add_row(Text(kind), Text(when), Text(one_line(event.text[:200])))
        if len(fresh) > PREVIEW_ROWS:
            table.add_row(Text("…"), Text(""), Text(f"{len(fresh) - PREVIEW_ROWS} more events, not shown here"))
        for skipped in result.skipped[:50]:
            table.add_row(Text(one_line(skipped.where)), Text(""), Text(one_line(skipped.reason), style="italic"))
        if len(result.skipped) > 50:
            table.add_row(Text("…"), Text(""), Text(f"{len(result.skipped) - 50} more skipped"))
        table.display = table.row_count > 0
        self.new_events = fresh
        confirm = self.query_one("#import-confirm", Button)
        confirm.disabled = not fresh
        confirm.label = f"Add {len(fresh)} events (ctrl+s)"

    @on(Input.Changed, "#import-path, #import-zone")
    @on(Select.Changed, "#import-format")
    @on(Checkbox.Changed, "#import-noise")
    def _settings_changed(self) -> None:
        """What was previewed no longer matches the settings: nothing can be added until previewed again."""
        if self.new_events is None:
            return
        self.new_events = None
        self.query_one("#import-confirm", Button).disabled = True
        self.query_one("#import-preview", DataTable).display = False
        self.query_one("#import-summary", Static).update("Changed: press Enter to preview again.")

    @on(Button.Pressed, "#import-confirm")
    def action_confirm(self) -> None:
        if self.new_events is None:
            self.notify("Preview first: nothing to add yet.", timeout=3)
            return
        if not self.new_events:
            self.notify("Nothing new to add: every event previewed is already in the timeline.", timeout=3)
            return
        from pmtui.io.timeline_import import apply_import

        updated = apply_import(self.pm, self.new_events)
        added = len(updated.timeline) - len(self.pm.timeline)
        self.pm.timeline[:] = updated.timeline
        self.notify(f"Added {added} events to the timeline.", timeout=3)
        self.dismiss(added)

    @on(Button.Pressed, "#import-cancel")
    def action_cancel(self) -> None:
        self.dismiss(0)
