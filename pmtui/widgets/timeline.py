"""The Timeline stage: the incident's events in time order, a quick-add line and a picture of the incident."""

from __future__ import annotations

import importlib
import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.coordinate import Coordinate
from textual.events import Resize
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, DataTable, Input, Label, Select, Static, TextArea

from pmtui.analysis.metrics import IncidentMetrics, format_duration, incident_metrics
from pmtui.io.kinds import guess_kind
from pmtui.model import EventKind, Milestone, PostMortem, Stage, TimelineEvent, check_zone
from pmtui.timeparse import TimeParseError, parse_time
from pmtui.widgets.fields import TextEditor, TextInput, TickBox
from pmtui.widgets.itemlist import RowTable
from pmtui.widgets.plain import multi_line, one_line, shortened
from pmtui.widgets.stage import StageView

# -- what the keys do ------------------------------------------------------------------------------

KIND_KEYS: dict[str, EventKind] = {
    "t": EventKind.TRIGGER,
    "n": EventKind.DETECTION,  # Noticed
    "r": EventKind.RESPONSE,
    "c": EventKind.COMMUNICATION,
    "m": EventKind.MITIGATION,
    "v": EventKind.RESOLUTION,  # solVed
    "o": EventKind.OTHER,
}
KIND_ORDER: list[EventKind] = list(EventKind)
KIND_LABELS: dict[EventKind, str] = {
    EventKind.TRIGGER: "trigger",
    EventKind.DETECTION: "detect",
    EventKind.RESPONSE: "respond",
    EventKind.COMMUNICATION: "comms",
    EventKind.MITIGATION: "mitigate",
    EventKind.RESOLUTION: "resolve",
    EventKind.OTHER: "other",
}
MILESTONE_CYCLE: list[Milestone | None] = [None, *Milestone]
# The bar's segments, named as phases (from one milestone to the next): not the metrics, which count time to
# mitigate and to resolve from the start (the line under the bar gives those).
PHASES: dict[Milestone, str] = {
    Milestone.DETECTED: "detecting",
    Milestone.RESPONDED: "responding",
    Milestone.MITIGATED: "mitigating",
    Milestone.RESOLVED: "recovering",
}
ROLLOVER = timedelta(hours=6)

HELP = (
    "The timeline lists what happened, in time order, from before the trigger to full recovery.\n\n"
    "Add: press a, type a time and what happened, Enter: 14:05 restarted the primary. While a line has the "
    "cursor, letters and digits are typed into it: Esc goes back to the table, where they are keys again; "
    "F2/F3 change stage from anywhere. 14:05, 14:05:33, "
    "2026-03-02 23:27, 23:27 UTC, 23:27 +01:00 and 23:27 Europe/Berlin all work. A time without a date belongs "
    "to the incident's day and rolls over past midnight: typed after 23:58, 00:05 goes to the next day. "
    "Start with ~ for an estimated time (~14:05); put !t !n !r !c !m !v or !o after the time to set the kind "
    "(14:05 !m restarted the primary). The line under the add line shows where the event will land. "
    "Esc goes back to the table.\n\n"
    "Kind of the selected event: t trigger, n detection (noticed), r response, c communication, m mitigation, "
    "v resolution (solved), o other; k cycles through them. A kind ending in ? was guessed by an importer.\n\n"
    "x marks the time exact or estimated (~). s cycles the milestone the event stands for: started, detected, "
    "responded, mitigated, resolved, none. The bar above the table draws the incident from these (times set "
    "in Setup win) with the time each phase took.\n\n"
    "Enter or e edits the selected event: time, zone, kind, milestone, text, source, evidence link. "
    "d or Delete deletes it; u brings it back. i imports events from a file: notes, logs, chat (Slack, Teams, Discord, "
    "WhatsApp, Zoom), CSV, PagerDuty, JSON Lines or shell history. Home and End go to the first and the last event."
)


# -- text that is shown, never interpreted ---------------------------------------------------------

_CONTROL_PICTURES = {code: 0x2400 + code for code in range(32)}
_CONTROL_PICTURES.update({0x0A: "⏎", 0x09: " ", 0x7F: 0x2421})
_CONTROL_PICTURES.update({code: 0xFFFD for code in range(0x80, 0xA0)})


def visible(text: str) -> str:
    """One line of user text with control characters (ANSI escapes, newlines) shown as symbols."""
    return text.translate(_CONTROL_PICTURES)


def fit(text: str, width: int) -> str:
    """Exactly `width` cells: padded, or cut with an ellipsis."""
    if width <= 0:
        return ""
    if text.isascii():
        return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


# -- the quick-add line ----------------------------------------------------------------------------

_LEADING_TIME = re.compile(
    r"""^\s*(?P<estimated>~)?\s*
    (?P<date>\d{4}-\d{1,2}-\d{1,2}(?:[T\s]+|(?=\d{1,2}:)))?
    (?P<clock>\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(?![\d:])""",
    re.VERBOSE,
)
_SIMPLE_ZONE = re.compile(r"^\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})(?=\s|$)", re.IGNORECASE)
# An IANA name after the time ("Europe/Berlin"); a word like "and/or" is text, not a mistyped zone.
_NAMED_ZONE = re.compile(
    r"^\s+((?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Brazil|Canada|Chile|Europe|Etc|Indian|"
    r"Mexico|Pacific|US)/[A-Za-z_+\-/0-9]+)(?=\s|$)"
)
_KIND_PREFIX = re.compile(r"^!([a-z])(?=\s|$)\s*", re.IGNORECASE)

QUICK_ADD_EXAMPLE = "type a time first, like 14:05, 23:58, 2026-03-02 23:27 or 23:27 UTC, then what happened"


class QuickAddError(ValueError):
    """A quick-add line that cannot become an event; the message says why."""


@dataclass(frozen=True)
class QuickAdd:
    """What a quick-add line means."""

    time: datetime
    zone: str  # an IANA zone typed after the time, else ""
    kind: EventKind
    text: str
    estimated: bool
    rolled_days: int  # days added because the time was past midnight
    kind_guessed: bool = False  # no !x given: the kind read from the text ('rolled back' -> mitigation)


def incident_date(pm: PostMortem, reference: datetime | None, today: date) -> date:
    """The day a bare time like '14:05' belongs to: the incident's start (Setup's, else the event marked
    as the start, else the earliest event), else the previous event, else today."""
    start = pm.started
    if start is None:
        marked = [e.time for e in pm.timeline if e.milestone == Milestone.STARTED and e.time is not None]
        timed = [e.time for e in pm.timeline if e.time is not None]
        start = min(marked) if marked else min(timed) if timed else None
    if start is not None:
        return start.astimezone(pm.tzinfo).date()
    if reference is not None:
        return reference.astimezone(pm.tzinfo).date()
    return today


def parse_quick_add(line: str, *, pm: PostMortem, reference: datetime | None, today: date) -> QuickAdd:
    """'14:05 restarted the primary', '~23:58 !n alert fired', '2026-03-02 23:27 UTC deploy started'.

    A time without a date goes on the incident's day and rolls over to the following day(s) while it is
    more than 6 hours before `reference` (the event added just before), so typing through midnight works.
    """
    match = _LEADING_TIME.match(line)
    if match is None:
        raise QuickAddError(f"No time at the start: {QUICK_ADD_EXAMPLE}.")
    when = (match.group("date") or "") + match.group("clock")
    rest = line[match.end() :]
    zone = ""
    simple = _SIMPLE_ZONE.match(rest)
    named = _NAMED_ZONE.match(rest)
    if simple:
        when += " " + simple.group(1)
        rest = rest[simple.end() :]
        if simple.group(1).upper() in ("Z", "UTC", "GMT"):
            zone = "UTC"  # kept, so the row shows the clock that was typed too: '00:27 (23:27 UTC)'

    elif named:
        try:
            zone = check_zone(named.group(1))
        except ValueError as error:
            raise QuickAddError(f"{error}; or leave the zone out to use {pm.timezone}") from None
        when += " " + zone
        rest = rest[named.end() :]
    rest = rest.strip()
    kind, guessed = EventKind.OTHER, False
    prefix = _KIND_PREFIX.match(rest)
    if prefix:
        letter = prefix.group(1).lower()
        if letter not in KIND_KEYS:
            raise QuickAddError(f"!{letter} is not a kind: use !t !n !r !c !m !v or !o (see F1)")
        kind = KIND_KEYS[letter]
        rest = rest[prefix.end() :].strip()
    if not rest:
        raise QuickAddError("Say what happened after the time, like: 14:05 restarted the primary")
    if not prefix:
        kind, guessed = guess_kind(rest)  # as an import would: marked as a guess until a kind key sets it
    anchor = incident_date(pm, reference, today)
    try:
        time = parse_time(when, zone=pm.timezone, anchor=anchor)
    except TimeParseError as error:
        raise QuickAddError(f"{error}") from None
    rolled = 0
    if not match.group("date") and reference is not None:
        while time < reference - ROLLOVER and rolled < 366:
            time += timedelta(days=1)  # wall-clock arithmetic in the zone: DST-safe
            rolled += 1
    if zone == "UTC" and time.astimezone(pm.tzinfo).utcoffset() == timedelta():
        zone = ""  # the document's clock reads the same then (Europe/London in winter): nothing more to show
    return QuickAdd(time, zone, kind, rest, bool(match.group("estimated")), rolled, guessed)


# -- the picture of the incident ---------------------------------------------------------------------


def short_duration(value: timedelta) -> str:
    """'1h05m', '12m', '2d3h'."""
    return format_duration(value).replace(" min", "m").replace(" h", "h").replace(" d", "d").replace(" ", "")


def incident_picture(metrics: IncidentMetrics, width: int, duplicates: Iterable[Milestone] = ()) -> tuple[Text, str]:
    """A bar of the incident's phases, proportional to their durations, and a line of notes."""
    times = metrics.times
    notes: list[str] = []
    missing = [
        m for m in (Milestone.STARTED, Milestone.DETECTED, Milestone.RESPONDED, Milestone.RESOLVED) if m not in times
    ]
    known: list[tuple[Milestone, datetime]] = []
    for milestone in Milestone:
        if milestone not in times:
            continue
        if known and times[milestone] < known[-1][1]:
            notes.append(f"{milestone.value} is before {known[-1][0].value}: check the times")
            continue
        known.append((milestone, times[milestone]))
    for milestone in duplicates:
        notes.append(f"two events are marked {milestone.value}: the first counts")
    if missing:
        names = ", ".join(m.value for m in missing)
        measures = ", ".join(
            {
                Milestone.STARTED: "time to detect",
                Milestone.DETECTED: "time to detect",
                Milestone.RESPONDED: "time to respond",
                Milestone.RESOLVED: "time to resolve",
            }[m]
            for m in missing
        )
        measures = ", ".join(dict.fromkeys(measures.split(", ")))
        article = "an event" if len(missing) == 1 else "events"
        notes.append(f"mark {article} as {names} (s) to see {measures}")
    if Milestone.STARTED not in times or len(known) < 2:
        bar = Text(
            fit("No picture yet: the incident needs a start and at least one later milestone.", width),
            style="italic",
            no_wrap=True,
        )
        return bar, "; ".join(notes)
    segments = [(PHASES[end], end_time - start_time) for (_, start_time), (end, end_time) in pairwise(known)]
    inner = max(len(segments), width - len(segments) - 1)
    total = sum((d for _, d in segments), timedelta())
    widths = _proportional([d.total_seconds() for _, d in segments], inner, total.total_seconds())
    bar = Text(no_wrap=True, overflow="crop")
    bar.append("├")
    for index, ((phase, duration), cells) in enumerate(zip(segments, widths, strict=True)):
        label = ""
        for candidate in (
            f" {phase} {format_duration(duration)} ",
            f" {phase} {short_duration(duration)} ",
            f" {short_duration(duration)} ",
            short_duration(duration),
        ):
            if len(candidate) <= cells:
                label = candidate
                break
        left = (cells - len(label)) // 2
        bar.append("─" * left)
        bar.append(label, style="bold")
        bar.append("─" * (cells - len(label) - left))
        bar.append("┤" if index == len(segments) - 1 else "┼")
    # Under the bar, the metrics as the export gives them (detect: start -> detected; respond: detected ->
    # responded; mitigate and resolve: from the start); while resolved is not marked, how far the marks reach.
    durations = metrics.durations()
    summary = "time to " + " · ".join(f"{name} {format_duration(value)}" for name, value in durations)
    if len(summary) > width - 2:  # one line at 80 columns
        summary = "time to " + " · ".join(f"{name} {short_duration(value)}" for name, value in durations)
    summary = summary if durations else ""
    if metrics.time_to_resolve is None:  # how far the marked milestones reach
        last = f"{known[-1][0].value} after {format_duration(total)}"
        summary = f"{summary} · {last}" if summary else last
    return bar, "; ".join([*notes, summary])


def _proportional(values: list[float], width: int, total: float) -> list[int]:
    """Split `width` cells in proportion to `values`, each at least 1 (largest remainder)."""
    count = len(values)
    if total <= 0:
        values, total = [1.0] * count, float(count)
    spare = width - count
    shares = [spare * v / total for v in values]
    cells = [1 + int(s) for s in shares]
    remainders = sorted(range(count), key=lambda i: shares[i] - int(shares[i]), reverse=True)
    for i in remainders[: width - sum(cells)]:
        cells[i] += 1
    return cells


# -- rows ----------------------------------------------------------------------------------------------

COLUMNS = ("time", "mark", "kind", "text", "source")
COLUMN_LABELS = {"time": "Time", "mark": "Mark", "kind": "Kind", "text": "What happened", "source": "Source"}


@dataclass(frozen=True)
class RowCells:
    """The plain strings of one event's row (compared to update only what changed)."""

    time: str
    mark: str
    kind: str
    text: str
    source: str
    estimated: bool


@dataclass(frozen=True)
class Layout:
    """Column widths for one table width."""

    width: int
    time: int
    mark: int
    kind: int
    text: int
    source: int


class Cell:
    """One table cell: plain text already cut to its column's width, drawn as one literal segment.

    Cheaper than a rich Text in a 2,000-row table: it has no `__rich_measure__`, so the table does not
    measure every cell of a fixed-width column, and it is never read as markup.
    """

    __slots__ = ("event_id", "style", "text")

    def __init__(self, text: str, style: Style | None = None, event_id: str = "") -> None:
        self.text = text
        self.style = style
        self.event_id = event_id

    @property
    def plain(self) -> str:
        return self.text.rstrip()

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Segment(self.text, self.style)

    def __repr__(self) -> str:
        return f"Cell({self.text!r})"


BOLD, ITALIC, DIM = Style(bold=True), Style(italic=True), Style(dim=True)


def show_dates(pm: PostMortem) -> bool:
    """Whether the incident's events span more than one day in the document's zone."""
    timed = [e.time for e in pm.timeline if e.time is not None]
    if not timed:
        return False
    zone = pm.tzinfo
    return min(timed).astimezone(zone).date() != max(timed).astimezone(zone).date()  # type: ignore[type-var]


def row_cells(event: TimelineEvent, doc_zone: str, with_dates: bool) -> RowCells:
    if event.time is None:
        time = " —"
    else:
        # In the document's zone, so that the column reads in order; an event recorded in another zone shows
        # that clock too: '22:58 (21:58 UTC)'.
        local = event.time.astimezone(ZoneInfo(doc_zone))
        time = ("~" if event.estimated else " ") + local.strftime("%m-%d %H:%M" if with_dates else "%H:%M")
        if local.second:
            time += f":{local.second:02d}"
        if event.zone and event.zone != doc_zone:
            own = event.time.astimezone(ZoneInfo(event.zone))
            time += f" ({own:%H:%M} {own.tzname()})"
    kind = KIND_LABELS[event.kind] + ("?" if event.kind_guessed else "")
    mark = event.milestone.value if event.milestone else ""
    return RowCells(time, mark, kind, visible(event.text), visible(event.source), event.estimated)


def order_key(event: TimelineEvent, seq: int) -> tuple:
    if event.time is None:
        return (1, 0.0, seq)
    return (0, event.time.timestamp(), seq)


# -- the stage -----------------------------------------------------------------------------------------


class QuickAddInput(TextInput):
    """The add line: Enter adds an event, Esc goes back to the table."""

    BINDINGS = [Binding("escape", "leave", "Back to the table", id="timeline.leave_add", show=False)]

    def action_leave(self) -> None:
        self.screen.query_one("#timeline-table", DataTable).focus()


class TimelineStage(StageView):
    """The timeline: a time-ordered table of events, a quick-add line and the incident bar."""

    stage = Stage.TIMELINE
    HELP = HELP
    BINDINGS = [
        Binding("a", "add", "Add", id="timeline.add", tooltip="Type a new event: 14:05 what happened"),
        Binding("e", "edit", "Edit", id="timeline.edit", tooltip="Edit the selected event (or Enter)"),
        Binding("d,delete", "delete", "Delete", id="timeline.delete", tooltip="Delete the selected event (u undoes)"),
        Binding("k", "cycle_kind", "Kind", id="timeline.cycle_kind", tooltip="Next kind for the selected event"),
        Binding(
            "s",
            "cycle_milestone",
            "Mark",
            id="timeline.milestone",
            tooltip="Cycle the milestone: started, detected, responded, mitigated, resolved, none",
        ),
        Binding(
            "x",
            "toggle_estimated",
            "Estimated",
            id="timeline.estimated",
            show=False,
            tooltip="Mark the time exact or estimated (~)",
        ),
        *[
            Binding(
                key,
                f"set_kind('{kind.value}')",
                kind.value.title(),
                id=f"timeline.kind_{kind.value}",
                show=False,
                tooltip=f"Kind: {kind.value}",
            )
            for key, kind in KIND_KEYS.items()
        ],
        Binding(
            "i",
            "import_timeline",
            "Import…",
            id="timeline.import",
            show=False,
            tooltip="Import events from a chat log, Slack export, CSV or PagerDuty log",
        ),
    ]

    def __init__(self, pm: PostMortem, **kwargs) -> None:
        super().__init__(pm, **kwargs)
        self._rows: dict[str, RowCells] = {}
        self._cell_objects: dict[str, list[Cell]] = {}
        self._order: dict[str, tuple] = {}
        self._layout: Layout | None = None
        self._with_dates = False
        self._seq = 0
        self._stale = True
        self._last_added: str | None = None
        self._reference_cache: tuple[datetime | None] | None = None
        self._restored: str | None = None
        self._added_shown = False
        self._notes_shown = ""  # the notes line under the incident bar, as last drawn
        self._refused: str | None = None  # the add line as Enter last refused it (its error stays shown)

    def compose(self) -> ComposeResult:
        yield Static("", id="timeline-bar", markup=False)
        yield Static("", id="timeline-notes", markup=False)
        yield RowTable(id="timeline-table", cursor_type="row", zebra_stripes=False)
        with Horizontal(id="timeline-add-row"):
            yield Label("Add", id="timeline-add-label")
            yield QuickAddInput(
                placeholder="14:05 what happened   (~ estimated, !m kind)",
                id="timeline-add",
                on_submit=self._add_line_submitted,
                max_length=20_000,
                select_on_focus=False,
            )
        yield Static("", id="timeline-status", markup=False)

    def on_mount(self) -> None:
        table = self.table
        for key in COLUMNS:
            table.add_column(COLUMN_LABELS[key], width=len(COLUMN_LABELS[key]), key=key)
        self._hint()

    @property
    def table(self) -> DataTable:
        return self.query_one("#timeline-table", DataTable)

    @property
    def add_line(self) -> Input:
        return self.query_one("#timeline-add", Input)

    # -- stage hooks ---------------------------------------------------------------------------------

    def unsaved_problems(self) -> list[str]:
        """An event typed into the quick-add line and not added yet."""
        if not self.is_mounted:
            return []
        text = self.add_line.value.strip()
        return [f"an event typed in the add line but not added: {shortened(text)!r}"] if text else []

    def entered(self) -> None:
        self._stale = True
        self._sync()

    def refresh_view(self) -> None:
        self._reference_cache = None
        if not self.display or self.size.width == 0:
            self._stale = True
            return
        self._sync()

    def focus_first(self) -> None:
        if self._stale:
            self._sync()
        # the table even when empty (a opens the add line): digits and the stage keys work at once
        self.table.focus()

    def palette_commands(self) -> Iterable[SystemCommand]:
        yield SystemCommand("Timeline: add an event", "Type a time and what happened", self.action_add)
        yield SystemCommand("Timeline: edit event", "Edit the selected event", self.action_edit)
        yield SystemCommand("Timeline: delete event", "Delete the selected event (u undoes)", self.action_delete)
        yield SystemCommand("Timeline: next kind", "Cycle the kind of the selected event", self.action_cycle_kind)
        for kind in EventKind:
            yield SystemCommand(
                f"Timeline: kind {kind.value}",
                f"Set the selected event's kind to {kind.value}",
                lambda kind=kind: self.action_set_kind(kind.value),
            )
        yield SystemCommand(
            "Timeline: milestone", "Cycle the milestone the selected event stands for", self.action_cycle_milestone
        )
        yield SystemCommand(
            "Timeline: exact or estimated", "Toggle ~ on the selected event's time", self.action_toggle_estimated
        )
        yield SystemCommand(
            "Timeline: import…",
            "Import events from a chat log, Slack export, CSV or PagerDuty log",
            self.action_import_timeline,
        )
        yield SystemCommand("Timeline: undo delete", "Bring back the last deleted event", self.action_undo)

    # -- drawing ---------------------------------------------------------------------------------------

    def _table_width(self) -> int:
        width = self.table.size.width or self.size.width or self.app.size.width
        return max(40, width)

    def _layout_for(self, width: int, time_width: int) -> Layout:
        padding = 2 * self.table.cell_padding * len(COLUMNS)
        available = width - 1 - padding  # one column for the scrollbar
        time_width = max(4, time_width)
        mark, kind = 9, 9
        rest = available - time_width - mark - kind
        # a narrow table (80 columns, presentation mode) gives the Source column's cells to What happened: a
        # source cut to 'Slack…' says little (the event's editor shows it whole)
        source = max(6, min(32, rest // 4)) if rest >= 44 else 0  # wide: room for 'slack:#inc-4412 @Dana
        text = max(12, rest - source)
        return Layout(width, time_width, mark, kind, text, source)

    def _cells(self, event_id: str, cells: RowCells, layout: Layout) -> list[Cell]:
        """The row's cell objects, made or refilled in place.

        The table keeps these very objects, so refilling them and bumping the table once (one `update_cell`)
        redraws a changed row, or every row after the column widths change, without 2,000 calls.
        """
        values = (
            (fit(cells.time, layout.time), ITALIC if cells.estimated else None),
            (fit(cells.mark, layout.mark), BOLD),
            (fit(cells.kind, layout.kind), None),
            (fit(cells.text, layout.text), None),
            (fit(cells.source, layout.source), DIM),
        )
        objects = self._cell_objects.get(event_id)
        if objects is None:
            objects = [Cell(text, style, event_id) for text, style in values]
            self._cell_objects[event_id] = objects
        else:
            for cell, (text, style) in zip(objects, values, strict=True):
                cell.text, cell.style = text, style
        return objects

    def selected_event(self) -> TimelineEvent | None:
        table = self.table
        if not table.row_count:
            return None
        try:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        except Exception:
            return None
        return next((e for e in self.pm.timeline if e.id == key), None)

    def _sync(self, focus: str | None = None) -> None:
        """Bring the table in line with the document, changing only the rows that differ."""
        table = self.table
        current_event = self.selected_event()
        selected = focus or (current_event.id if current_event else None)
        seen: set[str] = set()
        for event in self.pm.timeline:  # row keys must be unique; an id is internal, so renumber a clash
            if event.id in seen:
                from pmtui.model import new_id

                event.id = new_id()
            seen.add(event.id)
        self._with_dates = show_dates(self.pm)
        rows = {e.id: row_cells(e, self.pm.timezone, self._with_dates) for e in self.pm.timeline}
        order = {e.id: order_key(e, seq) for seq, e in enumerate(self.pm.timeline)}
        self._seq = len(self.pm.timeline)
        time_width = max((cell_len(r.time) for r in rows.values()), default=4)
        layout = self._layout_for(self._table_width(), time_width)
        if self._layout is None or not table.row_count:
            self._layout = layout
            self._rebuild(rows, order, layout, selected)
        else:
            # Update in place rather than clear and re-add: re-adding 2,000 rows costs far more than updating them.
            relayout = layout != self._layout
            if relayout:
                self._layout = layout
                for key in COLUMNS:
                    table.columns[key].width = getattr(layout, key)  # type: ignore[index]
            for gone in set(self._rows) - set(rows):
                table.remove_row(gone)
                self._cell_objects.pop(gone, None)
            changed = None
            for event_id, cells in rows.items():
                old = self._rows.get(event_id)
                if old is None:
                    table.add_row(*self._cells(event_id, cells, layout), key=event_id)
                elif relayout or old != cells:
                    self._cells(event_id, cells, layout)
                    changed = event_id
            if changed is not None:  # one update redraws every refilled row; a new width also resizes the table
                table.update_cell(changed, "text", self._cell_objects[changed][3], update_width=relayout)
            self._rows, self._order = rows, order
            current = [row.key.value for row in table.ordered_rows]
            wanted = sorted(rows, key=order.__getitem__)
            if current != wanted:
                table.sort("time", key=lambda cell: self._order[cell.event_id])
            if selected in rows:
                table.move_cursor(row=table.get_row_index(selected), animate=False)
        self._stale = False
        self._update_bar()

    def _rebuild(
        self, rows: dict[str, RowCells], order: dict[str, tuple], layout: Layout, selected: str | None
    ) -> None:
        table = self.table
        for key in COLUMNS:
            table.columns[key].width = getattr(layout, key)  # type: ignore[index]
        table.clear()
        self._cell_objects.clear()
        self._rows, self._order = rows, order
        for event_id in sorted(rows, key=order.__getitem__):
            table.add_row(*self._cells(event_id, rows[event_id], layout), key=event_id)
        table.refresh(layout=True)
        if selected in rows:
            table.move_cursor(row=table.get_row_index(selected), animate=False)

    def _sync_event(self, event: TimelineEvent, *, new: bool = False) -> None:
        """Show one added or changed event without touching the other rows (unless the layout changes)."""
        if self._layout is None or self._stale:
            self._sync(focus=event.id)
            return
        with_dates = show_dates(self.pm) if event.time is not None else self._with_dates
        cells = row_cells(event, self.pm.timezone, with_dates)
        if with_dates != self._with_dates or cell_len(cells.time) > self._layout.time:
            self._sync(focus=event.id)
            return
        table = self.table
        if new:
            self._order[event.id] = order_key(event, self._seq)
            self._seq += 1
            table.add_row(*self._cells(event.id, cells, self._layout), key=event.id)
        else:
            old = self._rows.get(event.id)
            if old is None:
                self._sync(focus=event.id)
                return
            self._cells(event.id, cells, self._layout)
            table.update_cell(event.id, "text", self._cell_objects[event.id][3])
            seq = self._order[event.id][2]
            self._order[event.id] = order_key(event, seq)
        self._rows[event.id] = cells
        if not self._in_order(event.id):
            table.sort("time", key=lambda cell: self._order[cell.event_id])
        table.move_cursor(row=table.get_row_index(event.id), animate=False)

    def _in_order(self, event_id: str) -> bool:
        table = self.table
        index = table.get_row_index(event_id)
        mine = self._order[event_id]
        if index > 0:
            before = table.coordinate_to_cell_key(Coordinate(index - 1, 0)).row_key.value
            if self._order[before] > mine:
                return False
        if index < table.row_count - 1:
            after = table.coordinate_to_cell_key(Coordinate(index + 1, 0)).row_key.value
            if self._order[after] < mine:
                return False
        return True

    def _update_bar(self) -> None:
        metrics = incident_metrics(self.pm)
        marked = [e.milestone for e in self.pm.timeline if e.milestone is not None and e.time is not None]
        duplicates = [m for m in Milestone if marked.count(m) > 1]
        width = max(20, (self.size.width or self.app.size.width) - 2)
        bar, notes = incident_picture(metrics, width, duplicates)
        if metrics.disagreements:
            notes = (
                (notes + "; " if notes else "")
                + "Setup's times are used where set: "
                + "; ".join(d.split(" (")[0] for d in metrics.disagreements)
            )
        self.query_one("#timeline-bar", Static).update(bar, layout=False)  # one line, always
        notes_line = self.query_one("#timeline-notes", Static)
        lines = textwrap.wrap(notes, max(10, width - 2))  # at most 3 lines shown (CSS): a cut one ends in …
        if len(lines) > 3:
            lines = [*lines[:2], lines[2][: max(1, width - 3)].rstrip() + "…"]
        text = "\n".join(lines)
        if text != self._notes_shown:  # the same notes (most edits): no new layout for the whole stage
            # as many lines as before: redrawn in place
            same_height = text.count("\n") == self._notes_shown.count("\n") and bool(text) == bool(self._notes_shown)
            self._notes_shown = text
            notes_line.update(Text(text, overflow="ellipsis"), layout=not same_height)
        notes_line.display = bool(notes)

    @on(Resize)
    def _resized(self, event: Resize) -> None:
        if self._layout is not None and not self._stale and self._layout.width != self._table_width():
            self._sync()
        elif self._layout is not None:
            self._update_bar()

    # -- the status line under the add line ------------------------------------------------------------

    def _hint(self) -> None:
        status = self.query_one("#timeline-status", Static)
        status.set_classes("")
        status.update("a add · Enter/e edit · t n r c m v o kind · x estimated · s milestone · F1 help")

    def _status(self, message: str, kind: str = "") -> None:
        status = self.query_one("#timeline-status", Static)
        status.set_classes(f"-{kind}" if kind else "")
        status.update(Text(message, no_wrap=True, overflow="ellipsis"), layout=False)  # one line, always

    # -- adding ----------------------------------------------------------------------------------------

    def _reference(self) -> datetime | None:
        """The time a new bare time rolls over from: the event added last here, else the latest event."""
        if self._reference_cache is None:
            reference = None
            if self._last_added is not None:
                last = next((e for e in self.pm.timeline if e.id == self._last_added), None)
                reference = last.time if last is not None else None
            if reference is None:
                timed = [e.time for e in self.pm.timeline if e.time is not None]
                reference = max(timed) if timed else None  # type: ignore[type-var]
            self._reference_cache = (reference,)
        return self._reference_cache[0]

    def _today(self) -> date:
        return self.now.astimezone(self.pm.tzinfo).date()

    def _describe_time(self, time: datetime, zone: str = "") -> str:
        local = time.astimezone(ZoneInfo(zone or self.pm.timezone))
        return (
            local.strftime("%Y-%m-%d %H:%M") + (f":{local.second:02d}" if local.second else "") + (f" {local.tzname()}")
        )

    def action_add(self) -> None:
        self.add_line.focus()

    @on(Input.Changed, "#timeline-add")
    def _add_line_changed(self, event: Input.Changed) -> None:
        if event.value != event.input.value or event.value == self._refused:
            return  # a key's message that arrived after Enter took the line or refused it (and said so)
        self._refused = None
        event.input.remove_class("-problem")
        if not event.value.strip():
            if not self._added_shown:
                self._hint()
            return
        self._added_shown = False
        try:
            parsed = parse_quick_add(event.value, pm=self.pm, reference=self._reference(), today=self._today())
        except QuickAddError as error:
            if " " in event.value.strip() and not str(error).startswith("No time at the start"):
                self._status(str(error), "muted")  # past the time: what is wrong with it ('25:70' is not a time, !x)
            else:  # still typing the time ('2026-11-26 14:0')
                self._status("Enter adds it: " + QUICK_ADD_EXAMPLE, "muted")
            return
        self._status(self._preview(parsed), "preview")

    def _preview(self, parsed: QuickAdd) -> str:
        parts = [f"↳ {self._describe_time(parsed.time, parsed.zone)}"]
        if parsed.rolled_days:
            parts.append("next day" if parsed.rolled_days == 1 else f"{parsed.rolled_days} days later")
        if parsed.estimated:
            parts.append("estimated")
        parts.append(parsed.kind.value + (" (a guess: a kind key sets it)" if parsed.kind_guessed else ""))
        return " · ".join(parts)

    def _add_line_submitted(self, add_line: TextInput) -> None:
        """Enter in the add line (called as the key is handled: the next line's keys come after)."""
        line = add_line.value
        if not line.strip():
            self._status("Type a time and what happened, like: 14:05 restarted the primary", "error")
            return
        try:
            parsed = parse_quick_add(line, pm=self.pm, reference=self._reference(), today=self._today())
        except QuickAddError as error:
            add_line.add_class("-problem")
            self._status(str(error), "error")
            self._refused = line
            return
        added = TimelineEvent(
            time=parsed.time,
            zone=parsed.zone,
            kind=parsed.kind,
            kind_guessed=parsed.kind_guessed,
            text=parsed.text,
            estimated=parsed.estimated,
        )
        self.pm.timeline.append(added)
        self._last_added = added.id
        self._reference_cache = None
        self._sync_event(added, new=True)
        self._update_bar()
        add_line.value = ""
        add_line.remove_class("-problem")
        self._status("Added " + self._preview(parsed).removeprefix("↳ "), "preview")
        self._added_shown = True
        self.edited(structural=True)

    # -- changing the selected event ---------------------------------------------------------------------

    def _selected_or_say(self) -> TimelineEvent | None:
        event = self.selected_event()
        if event is None:
            self.notify("No event selected: add one with a.", timeout=2)
        return event

    def _changed(self, event: TimelineEvent, *, bar: bool = False) -> None:
        if self._added_shown:  # 'Added … · other' no longer says what the event is
            self._added_shown = False
            self._hint()
        self._reference_cache = None
        self._sync_event(event)
        if bar:
            self._update_bar()
        self.edited()

    def action_set_kind(self, kind: str) -> None:
        event = self._selected_or_say()
        if event is None:
            return
        event.kind = EventKind(kind)
        event.kind_guessed = False
        self._changed(event)

    def action_cycle_kind(self) -> None:
        event = self._selected_or_say()
        if event is None:
            return
        event.kind = KIND_ORDER[(KIND_ORDER.index(event.kind) + 1) % len(KIND_ORDER)]
        event.kind_guessed = False
        self._changed(event)

    def action_toggle_estimated(self) -> None:
        event = self._selected_or_say()
        if event is None:
            return
        event.estimated = not event.estimated
        self._changed(event)

    def action_cycle_milestone(self) -> None:
        event = self._selected_or_say()
        if event is None:
            return
        event.milestone = MILESTONE_CYCLE[(MILESTONE_CYCLE.index(event.milestone) + 1) % len(MILESTONE_CYCLE)]
        self._changed(event, bar=True)
        if event.milestone is not None and event.time is None:
            self.notify("This event has no time, so it cannot count as a milestone: give it one (e).", timeout=4)

    def action_delete(self) -> None:
        event = self._selected_or_say()
        if event is None:
            return
        index = self.pm.timeline.index(event)
        del self.pm.timeline[index]
        self.table.remove_row(event.id)
        self._rows.pop(event.id, None)
        self._order.pop(event.id, None)
        self._cell_objects.pop(event.id, None)
        self._reference_cache = None
        self._update_bar()

        def restore() -> None:
            self.pm.timeline.insert(min(index, len(self.pm.timeline)), event)
            self._restored = event.id

        label = self._rows_label(event)
        self.push_undo(f"the event {label}", restore)
        self.edited(structural=True)
        self.notify(f"Deleted {label}. u brings it back.", timeout=3, markup=False)

    def _rows_label(self, event: TimelineEvent) -> str:
        when = row_cells(event, self.pm.timezone, self._with_dates).time.strip()
        text = visible(event.text)
        return f"{when} “{text[:40]}{'…' if len(text) > 40 else ''}”"

    def action_undo(self) -> None:
        self._restored = None
        super().action_undo()
        if self._restored is not None:
            self.table.move_cursor(row=self.table.get_row_index(self._restored), animate=False)

    @on(DataTable.RowSelected, "#timeline-table")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_edit(self) -> None:
        event = self._selected_or_say()
        if event is None:
            return

        def edited(values: dict | None) -> None:
            if values is None:
                return
            old_milestone = event.milestone
            old_time = event.time
            for name, value in values.items():
                setattr(event, name, value)
            self._reference_cache = None
            self._sync_event(event)
            if old_milestone != event.milestone or old_time != event.time:
                self._update_bar()
            self.table.focus()
            self.edited(structural=True)

        self.app.push_screen(TimelineEventEditor(event, self.pm.timezone, self._today()), edited)

    def action_import_timeline(self) -> None:
        try:
            module = importlib.import_module("pmtui.widgets.timeline_import")
        except ModuleNotFoundError as error:
            if error.name != "pmtui.widgets.timeline_import":
                raise
            self.notify("Import is not available in this version yet.", timeout=3)
            return

        def imported(result: object) -> None:
            if result:
                self.refresh_view()
                self.edited(structural=True)

        self.app.push_screen(module.TimelineImportDialog(self.pm), imported)


# -- the editor -----------------------------------------------------------------------------------------


class TimelineEventEditor(ModalScreen[dict | None]):
    """Edit one event; returns the changed field values, or None when cancelled."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="timeline_editor.cancel"),
        Binding("ctrl+s", "save", "Save", id="timeline_editor.save", priority=True),
    ]

    def __init__(self, event: TimelineEvent, doc_zone: str, today: date) -> None:
        super().__init__()
        self.event = event
        self.doc_zone = doc_zone
        self.today = today
        self.values: dict = {}
        self.problems: dict[str, str] = {}
        self._shown: tuple = ()  # the fields as first shown

    def _shown_time(self) -> str:
        if self.event.time is None:
            return ""
        local = self.event.time.astimezone(ZoneInfo(self.event.zone or self.doc_zone))
        return local.strftime("%Y-%m-%d %H:%M:%S" if local.second else "%Y-%m-%d %H:%M")

    def compose(self) -> ComposeResult:
        event = self.event
        with Vertical(classes="dialog", id="timeline-editor"):
            yield Static("Edit event", classes="dialog-title", markup=False)
            with Horizontal(classes="form-row"):
                yield Label("Time", classes="form-label")
                yield TextInput(
                    self._shown_time(),
                    placeholder="2026-03-02 23:27 (empty: no time)",
                    id="edit-time",
                    classes="form-input",
                    select_on_focus=False,
                )
            yield Static("", id="error-time", classes="field-error", markup=False)
            with Horizontal(classes="form-row"):
                yield Label("Zone", classes="form-label")
                yield TextInput(
                    event.zone,
                    placeholder=f"empty: {self.doc_zone}",
                    id="edit-zone",
                    classes="form-input",
                    select_on_focus=False,
                )
            yield Static("", id="error-zone", classes="field-error", markup=False)
            with Horizontal(classes="form-row"):
                yield Label("Kind", classes="form-label")
                yield Select(
                    [(k.value, k.value) for k in EventKind],
                    value=event.kind.value,
                    allow_blank=False,
                    id="edit-kind",
                    classes="form-input",
                    compact=True,
                )
            with Horizontal(classes="form-row"):
                yield Label("Milestone", classes="form-label")
                yield Select(
                    [(m.value, m.value) for m in Milestone],
                    value=event.milestone.value if event.milestone else Select.NULL,
                    prompt="none",
                    id="edit-milestone",
                    classes="form-input",
                    compact=True,
                )
            with Horizontal(classes="form-row"):
                yield Label("Text", classes="form-label")
                yield TextEditor(
                    multi_line(event.text),
                    id="edit-text",
                    classes="form-input",
                    soft_wrap=True,
                    show_line_numbers=False,
                    tab_behavior="focus",
                )
            yield Static("", id="error-text", classes="field-error", markup=False)
            with Horizontal(classes="form-row"):
                yield Label("Source", classes="form-label")
                yield TextInput(
                    one_line(event.source),
                    placeholder="#incident, pager, deploy log",
                    id="edit-source",
                    classes="form-input",
                    select_on_focus=False,
                )
            yield Static("", id="error-source", classes="field-error", markup=False)
            with Horizontal(classes="form-row"):
                yield Label("Evidence", classes="form-label")
                yield TextInput(
                    one_line(event.evidence),
                    placeholder="link to a log search, dashboard, message",
                    id="edit-evidence",
                    classes="form-input",
                    select_on_focus=False,
                )
            yield Static("", id="error-evidence", classes="field-error", markup=False)
            with Horizontal(classes="form-row"):
                yield Label("", classes="form-label")
                yield TickBox("estimated time (~)", event.estimated, id="edit-estimated", compact=True)
            with Horizontal(classes="dialog-buttons", id="timeline-editor-buttons"):
                yield Static("Ctrl+S (or Enter on a line) saves · Esc cancels", classes="dialog-hint", markup=False)
                yield Button("Save", variant="primary", id="edit-save", compact=True)
                yield Button("Cancel", id="edit-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#edit-text", TextArea).focus()
        self._validate()
        self._shown = self._fields()

    def _fields(self) -> tuple:
        """What the fields hold now (to tell whether anything was typed)."""
        return (
            *(self.query_one(f"#edit-{name}", Input).value for name in ("time", "zone", "source", "evidence")),
            self.query_one("#edit-text", TextArea).text,
            self.query_one("#edit-kind", Select).value,
            self.query_one("#edit-milestone", Select).value,
            self.query_one("#edit-estimated", Checkbox).value,
        )

    def _validate(self) -> bool:
        problems: dict[str, str] = {}
        values: dict = {}
        zone_text = self.query_one("#edit-zone", Input).value.strip()
        zone = ""
        if zone_text:
            try:
                zone = check_zone(zone_text)
            except ValueError as error:
                problems["zone"] = str(error)
        values["zone"] = zone
        time_text = self.query_one("#edit-time", Input).value
        if not time_text.strip():
            values["time"] = None
        elif "zone" not in problems:
            anchor = self.event.time.astimezone(ZoneInfo(zone or self.doc_zone)).date() if self.event.time else None
            try:
                values["time"] = parse_time(time_text, zone=zone or self.doc_zone, anchor=anchor or self.today)
            except TimeParseError as error:
                problems["time"] = str(error)
        kind = self.query_one("#edit-kind", Select).value
        values["kind"] = EventKind(kind) if isinstance(kind, str) else self.event.kind
        if values["kind"] != self.event.kind:
            values["kind_guessed"] = False
        milestone = self.query_one("#edit-milestone", Select).value
        values["milestone"] = Milestone(milestone) if isinstance(milestone, str) else None
        text = self.query_one("#edit-text", TextArea).text
        if len(text) > 20_000:
            problems["text"] = f"keep it under 20,000 characters (it has {len(text):,})"
        values["text"] = self.event.text if text == multi_line(self.event.text) else text  # shown safely, kept as is
        for name in ("source", "evidence"):
            value = self.query_one(f"#edit-{name}", Input).value
            if value == one_line(getattr(self.event, name)):
                value = getattr(self.event, name)
            if len(value) > 500:
                problems[name] = f"keep it under 500 characters (it has {len(value):,})"
            values[name] = value
        values["estimated"] = self.query_one("#edit-estimated", Checkbox).value
        for name in ("time", "zone", "text", "source", "evidence"):
            error = self.query_one(f"#error-{name}", Static)
            message = problems.get(name, "")
            error.update(f"{message} — not saved until it reads" if message else "")
            error.set_class(bool(message), "-shown")
            widget = self.query_one(f"#edit-{name}")
            widget.set_class(bool(message), "-problem")
        self.query_one("#edit-save", Button).disabled = bool(problems)
        self.values, self.problems = values, problems
        return not problems

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _changed(self) -> None:
        self._validate()

    @on(Input.Submitted)
    @on(Button.Pressed, "#edit-save")
    def action_save(self) -> None:
        if not self._validate():
            first = next(iter(self.problems))
            self.query_one(f"#edit-{first}").focus()
            self.notify("Fix the field in red first; nothing was changed.", severity="warning", timeout=3)
            return
        self.dismiss(self.values)

    @on(Button.Pressed, "#edit-cancel")
    def action_cancel(self) -> None:
        """Close without saving; when something was changed, only once the user says to discard it."""
        if self._fields() == self._shown:
            self.dismiss(None)
            return
        from pmtui.screens.dialogs import ConfirmDialog

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmDialog("Discard your changes to this event?", "Discard"), answered)
