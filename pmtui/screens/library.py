"""The library screen: every post-mortem in the folder, filter as you type."""

from __future__ import annotations

from collections.abc import Iterable

from textual import events, on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from pmtui.store import Entry, Summary, Unreadable
from pmtui.widgets.fields import InOrderScreenKeys, TextInput
from pmtui.widgets.footer import FitFooter
from pmtui.widgets.library_table import LibraryTable, Row
from pmtui.widgets.plain import one_line

HELP = (
    "The library lists every post-mortem in the folder, newest first. Type to filter by id, title, "
    "severity or status. Down or Tab moves to the table; Enter opens the highlighted post-mortem.\n\n"
    "Unreadable files are listed with the reason and are never overwritten: fix or remove the file, "
    "then refresh with ctrl+r."
)


def _row(entry: Entry) -> Row:
    if isinstance(entry, Summary):
        cells = (entry.severity, entry.status, entry.date.date().isoformat(), str(entry.open_actions))
        return Row(
            entry.id, (one_line(entry.id), *cells, one_line(entry.title)), strong=entry.severity in ("SEV1", "SEV2")
        )
    reason = f"unreadable: {one_line(entry.reason)}"
    return Row(entry.id, (one_line(entry.id), "—", "—", "—", "", reason), unreadable=True)


class LibraryScreen(InOrderScreenKeys, Screen[None]):
    """A table of post-mortems with a filter line."""

    HELP = HELP
    BINDINGS = [
        Binding("ctrl+n", "new", "New", id="library.new", priority=True),
        Binding("ctrl+o", "open", "Open", id="library.open", priority=True),
        Binding("ctrl+d", "delete", "Delete", id="library.delete", priority=True),
        Binding("delete", "delete", "Delete", id="library.delete_key", show=False),
        Binding("ctrl+r", "refresh", "Refresh", id="library.refresh", priority=True),
        Binding("down", "focus_table", "Table", id="library.down", show=False),
        Binding("slash", "focus_filter", "Filter", id="library.filter", show=False),
    ]

    class EntriesLoaded(Message):
        """The worker has read the library."""

        def __init__(self, entries: list[Entry]) -> None:
            super().__init__()
            self.entries = entries

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[Entry] = []
        self._rows: list[Row] = []  # one per entry, built when the entries are read
        self._shown_once = False
        self._settled = False
        self._opened = False  # a post-mortem was opened from here (its screen is over this one)

    def compose(self) -> ComposeResult:
        with Vertical(id="library"):
            yield Static("pmtui — post-mortem library", id="library-title", markup=False)
            # No select-all on focus: keys typed in the table go on the end of the filter (on_key)
            yield TextInput(
                placeholder="Filter: type part of a title, id, severity or status", id="filter", select_on_focus=False
            )
            yield LibraryTable(id="postmortems")
            yield Static("", id="library-status", markup=False)
        yield FitFooter()

    def on_mount(self) -> None:
        self.query_one("#filter", Input).focus()

    def on_screen_resume(self) -> None:
        """Read the library on first show and whenever we come back to it.

        With a summary cache in place, listing even 1,000 post-mortems takes a few tens of
        milliseconds, so the first show lists before painting (one frame, not two); otherwise
        (first launch on a big folder, or coming back) it reads in a worker.
        """
        if not self._shown_once and self.app.library.has_summary_cache():
            self._shown_once = True
            self._set_entries(self.app.library.entries())
            return
        self._shown_once = True
        field = self.query_one("#filter", Input)
        if field.value and field.has_focus and self._opened:
            field.select_all()  # back from a post-mortem: typing replaces the old filter ('demo', not '4cdemo')
        self._opened = False
        self.load_entries()

    @work(thread=True, exclusive=True, group="library")
    def load_entries(self) -> None:
        entries = self.app.library.entries()
        self.post_message(self.EntriesLoaded(entries))

    @on(EntriesLoaded)
    def _entries_loaded(self, event: EntriesLoaded) -> None:
        self._set_entries(event.entries)

    @on(Input.Changed, "#filter")
    def _filter_changed(self) -> None:
        self._fill_table()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        self.action_open()

    def _matches(self, entry: Entry, needle: str) -> bool:
        if not needle:
            return True
        if isinstance(entry, Summary):
            haystack = f"{entry.id} {entry.title} {entry.severity} {entry.status}"
        else:
            haystack = f"{entry.id} unreadable {entry.reason}"
        return all(word in haystack.casefold() for word in needle.casefold().split())

    def _set_entries(self, entries: list[Entry]) -> None:
        self.entries = entries
        self._rows = [_row(entry) for entry in entries]
        self._fill_table()

    def _fill_table(self) -> None:
        table = self.query_one(LibraryTable)
        needle = self.query_one("#filter", Input).value.strip()
        shown = [row for entry, row in zip(self.entries, self._rows, strict=True) if self._matches(entry, needle)]
        table.set_rows(shown, keep=table.cursor_key, size_to=self._rows)
        self._show_status(len(shown), needle)
        if not self._settled:
            self._settled = True
            self.call_after_refresh(self.app.settle_memory)

    def _show_status(self, shown: int, needle: str) -> None:
        unreadable = sum(1 for e in self.entries if isinstance(e, Unreadable))
        status = f"{shown} of {len(self.entries)} post-mortems"
        if unreadable:
            status += f" · {unreadable} unreadable"
        if not self.entries:
            status = "No post-mortems yet: press ctrl+n to create one."
        elif not shown:
            status = f"Nothing matches {needle!r}."
        self.query_one("#library-status", Static).update(status)

    def selected_id(self) -> str | None:
        return self.query_one(LibraryTable).cursor_key

    def _entry(self, pm_id: str) -> Entry | None:
        return next((e for e in self.entries if e.id == pm_id), None)

    def type_into_filter(self, event: events.Key) -> bool:
        """Typing with the table focused filters too (the filter takes the key and the focus): no need to go
        back up to the filter line first. Called by the table as the key arrives, so that the keys after it go
        to the filter in order. True when the key was taken."""
        if (
            event.is_printable
            and event.character not in (None, " ")
            and event.key not in self._bindings.key_to_bindings  # '/' goes back to the filter: its binding
        ):
            field = self.query_one("#filter", Input)
            field.value += event.character
            field.cursor_position = len(field.value)
            field.focus()
            return True
        return False

    def action_focus_table(self) -> None:
        self.query_one(LibraryTable).focus()

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    @on(LibraryTable.Selected)
    def _row_selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        pm_id = self.selected_id()
        if pm_id is None:
            self.notify("Nothing to open.", severity="warning")
            return
        entry = self._entry(pm_id)
        if isinstance(entry, Unreadable):
            self.notify(f"{pm_id} is unreadable: {entry.reason}", severity="error", markup=False)
            return
        self._opened = True
        self.app.open_postmortem(pm_id)

    def action_new(self) -> None:
        from pmtui.screens.dialogs import NewPostMortemDialog

        def created(result: tuple[str, str] | None) -> None:
            if result is None:
                return
            from pmtui.model import Severity
            from pmtui.store import LibraryError

            title, severity = result
            try:
                pm = self.app.library.create(
                    title, Severity(severity), created=self.app.clock(), updated=self.app.clock()
                )
            except LibraryError as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self._opened = True
            self.app.open_postmortem(pm.id)

        self.app.push_screen(NewPostMortemDialog(), created)

    def action_delete(self) -> None:
        from pmtui.screens.dialogs import ConfirmDialog

        pm_id = self.selected_id()
        if pm_id is None:
            return
        entry = self._entry(pm_id)
        name = entry.title if isinstance(entry, Summary) else f"unreadable file {pm_id}.json"

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            from pmtui.store import LibraryError

            try:
                self.app.library.delete(pm_id)
            except LibraryError as error:
                self.notify(str(error), severity="error", markup=False)
                return
            self.notify(f"Deleted {pm_id}.", markup=False)
            self.load_entries()

        self.app.push_screen(ConfirmDialog(f"Delete “{name}” ({pm_id})? This cannot be undone.", "Delete"), confirmed)

    def action_refresh(self) -> None:
        self.load_entries()

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("New post-mortem", "Create a post-mortem and open it", self.action_new)
        yield SystemCommand("Open post-mortem", "Open the highlighted post-mortem", self.action_open)
        yield SystemCommand("Delete post-mortem", "Delete the highlighted post-mortem (asks first)", self.action_delete)
        yield SystemCommand("Refresh library", "Read the library folder again", self.action_refresh)
        yield SystemCommand("Filter", "Focus the filter line", self.action_focus_filter)
