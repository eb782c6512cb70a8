"""Timeline stage: quick-add across midnight and zones, kind keys, estimated, milestones, the editor,
delete and undo, a bad time, hostile text; plus the pure quick-add parser and the incident bar."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from textual.widgets import Button, DataTable, Input, Static, TextArea

from pmtui.analysis.metrics import incident_metrics
from pmtui.model import EventKind, Milestone, PostMortem, TimelineEvent
from pmtui.screens.dialogs import ConfirmDialog
from pmtui.widgets.timeline import (
    QuickAddError,
    TimelineEventEditor,
    TimelineStage,
    incident_picture,
    parse_quick_add,
    visible,
)
from tests.conftest import burst, make_app, type_text, wait_saved

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
TODAY = date(2026, 11, 26)


def berlin(*args: int) -> datetime:
    return datetime(*args, tzinfo=BERLIN)


async def open_timeline(pilot) -> TimelineStage:
    await pilot.pause()
    await pilot.press("escape", "3")
    await pilot.pause()
    return pilot.app.screen.query_one(TimelineStage)


def status_text(stage: TimelineStage) -> str:
    return str(stage.query_one("#timeline-status", Static).render())


def shown_times(stage: TimelineStage) -> list[str]:
    table = stage.query_one(DataTable)
    return [table.get_row_at(i)[0].plain.strip() for i in range(table.row_count)]


def incident(timeline: list[TimelineEvent] | None = None, **fields) -> PostMortem:
    fields.setdefault("started", berlin(2026, 3, 2, 23, 27))
    return PostMortem(id="tl", title="Timeline", timezone="Europe/Berlin", timeline=timeline or [], **fields)


# -- the quick-add parser ------------------------------------------------------------------------------


def test_quick_add_guesses_the_kind_as_an_import_does_unless_a_kind_is_given() -> None:
    pm = incident()

    def parse(line: str):
        return parse_quick_add(line, pm=pm, reference=None, today=TODAY)

    fired = parse("23:27 Datadog monitor fired: checkout 5xx above 5%")
    assert (fired.kind, fired.kind_guessed) == (EventKind.DETECTION, True)
    assert (parse("23:58 rolled back to v4.11.3").kind, parse("23:59 lunch").kind_guessed) == (
        EventKind.MITIGATION,
        False,
    )
    given = parse("23:27 !c monitor fired")  # said with !c: taken as said
    assert (given.kind, given.kind_guessed) == (EventKind.COMMUNICATION, False)
    assert parse("23:59 lunch").kind == EventKind.OTHER


def test_parse_quick_add_forms() -> None:
    pm = incident()
    reference = berlin(2026, 3, 2, 23, 58)

    def parse(line: str, ref: datetime | None = reference):
        return parse_quick_add(line, pm=pm, reference=ref, today=TODAY)

    assert parse("23:59 a").time == berlin(2026, 3, 2, 23, 59)
    rolled = parse("00:05 restarted the primary")
    assert (rolled.time, rolled.rolled_days, rolled.text) == (berlin(2026, 3, 3, 0, 5), 1, "restarted the primary")
    assert parse("14:05:33 x").time == berlin(2026, 3, 3, 14, 5, 33)  # more than 6 h before 23:58: next day
    assert parse("18:00 x").time == berlin(2026, 3, 2, 18, 0)  # under 6 h before: same day
    assert parse("2026-03-01 10:00 dated").time == berlin(2026, 3, 1, 10, 0)  # a date is never moved
    assert parse("23:27 UTC x").time == datetime(2026, 3, 2, 23, 27, tzinfo=UTC)
    assert parse("23:27 UTC x").zone == "UTC" and parse("23:27 +01:00 x").zone == ""  # an offset names no zone
    london = PostMortem(id="ld", title="London", timezone="Europe/London", started=berlin(2026, 3, 2, 23, 27))
    winter = parse_quick_add("14:05 UTC x", pm=london, reference=None, today=TODAY)
    assert winter.zone == ""  # London's clock reads the same in winter: nothing more to show
    assert parse("23:27 +01:00 x").time.utcoffset() == timedelta(hours=1)
    assert parse("2026-03-02T23:27+05:30 iso").time == datetime(2026, 3, 2, 17, 57, tzinfo=UTC)
    named = parse("17:45 America/New_York vendor")
    assert (named.time, named.zone, named.text) == (
        datetime(2026, 3, 2, 17, 45, tzinfo=NEW_YORK),
        "America/New_York",
        "vendor",
    )
    flagged = parse("~23:59 !m restarted")
    assert (flagged.estimated, flagged.kind, flagged.text) == (True, EventKind.MITIGATION, "restarted")
    assert parse("23:59 and/or more").text == "and/or more"  # not a zone
    assert parse("23:59 +10 pods").text == "+10 pods"  # not an offset
    # no previous event and no start: today's date in the document's zone
    assert parse_quick_add("09:00 x", pm=incident(started=None), reference=None, today=TODAY).time == berlin(
        2026, 11, 26, 9, 0
    )
    # a long incident: a bare time rolls over as many days as it takes
    assert parse("08:00 x", berlin(2026, 3, 4, 7, 0)).time == berlin(2026, 3, 4, 8, 0)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("restarted the primary", "No time at the start"),
        ("14:05", "Say what happened"),
        ("14:05 !q x", "!q is not a kind"),
        ("14:05 Europe/Berln x", "unknown time zone"),
        ("25:99 x", "is not a time"),
    ],
)
def test_parse_quick_add_errors(line: str, message: str) -> None:
    with pytest.raises(QuickAddError, match=message):
        parse_quick_add(line, pm=incident(), reference=None, today=TODAY)


def test_incident_picture_fits_and_says_what_is_missing() -> None:
    pm = incident(detected=berlin(2026, 3, 2, 23, 39), resolved=berlin(2026, 3, 3, 0, 44))
    bar, notes = incident_picture(incident_metrics(pm), 78)
    assert len(bar.plain) == 78
    assert bar.plain.startswith("├") and bar.plain.endswith("┤")
    assert "12m" in bar.plain and "recovering 1 h 05 min" in bar.plain  # a narrow phase gets the short form
    assert notes.endswith("time to detect 12 min · resolve 1 h 17 min")  # the metrics, as exported
    mitigated = incident(
        detected=berlin(2026, 3, 2, 23, 39), mitigated=berlin(2026, 3, 3, 0, 10), resolved=berlin(2026, 3, 3, 0, 44)
    )
    bar, notes = incident_picture(incident_metrics(mitigated), 78)
    assert "mitigating 31 min" in bar.plain and "recovering 34 min" in bar.plain  # each phase, milestone to milestone
    assert notes.endswith("time to detect 12 min · mitigate 43 min · resolve 1 h 17 min")  # from the start
    assert "mark an event as responded (s) to see time to respond" in notes
    bar, notes = incident_picture(incident_metrics(incident(started=None)), 78)
    assert "No picture yet" in bar.plain
    assert "time to detect" in notes and "time to resolve" in notes


def test_visible_shows_control_characters() -> None:
    assert visible("\x1b[31mred\nx\t") == "␛[31mred⏎x "


# -- the stage, through the keyboard ----------------------------------------------------------------------


async def test_quick_add_across_midnight_zones_and_forms(library) -> None:
    pm = library.save(incident())
    lines = [
        "23:30 deploy finished",
        "~23:58 !n alert fired",
        "00:05 restarted the primary",
        "00:07:33 pool drained",
        "23:20 UTC paged the vendor",
        "2026-03-03 01:15 +01:00 !m rolled back",
        "19:45 America/New_York vendor confirmed",
        "02:10 !v resolved",
    ]
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        stage = await open_timeline(pilot)
        add_line = stage.query_one("#timeline-add", Input)
        assert app.focused is stage.table  # even empty, the table: digits and stage keys work at once
        await pilot.press("a")
        assert app.focused is add_line
        for number, line in enumerate(lines):
            await type_text(pilot, line)
            if number == 2:
                assert "2026-03-03 00:05 CET · next day" in status_text(stage)  # where it will land, live
            await pilot.press("enter")
            assert app.focused is add_line and add_line.value == ""
            if number == 1:
                assert shown_times(stage) == ["23:30", "~23:58"]  # one day: no dates
        assert "Added" in status_text(stage)
        table = stage.query_one(DataTable)
        assert [row.key.value for row in table.ordered_rows] == [e.id for e in stage.pm.sorted_timeline()]
        times = shown_times(stage)
        assert times[0] == "03-02 23:30" and times[1] == "~03-02 23:58"  # two days: every row got its date
        assert "03-03 01:45 (19:45 EST)" in times  # in the document's zone, in order; its own clock in brackets
        assert table.cursor_row == table.row_count - 1  # the table follows the newest event
        await pilot.press("escape", "x", "x")  # estimated on and off again: 'Added … exact' no longer holds
        await pilot.pause()
        assert "Added" not in status_text(stage) and "a add" in status_text(stage)
        await wait_saved(pilot, app)

    saved = {e.text: e for e in library.load(pm.id).timeline}
    assert saved["deploy finished"].time == berlin(2026, 3, 2, 23, 30)
    assert saved["alert fired"].time == berlin(2026, 3, 2, 23, 58)
    assert saved["alert fired"].estimated and saved["alert fired"].kind == EventKind.DETECTION
    assert saved["restarted the primary"].time == berlin(2026, 3, 3, 0, 5)
    assert saved["pool drained"].time == berlin(2026, 3, 3, 0, 7, 33)
    assert saved["paged the vendor"].time == datetime(2026, 3, 2, 23, 20, tzinfo=UTC)
    assert saved["rolled back"].time == datetime(2026, 3, 3, 0, 15, tzinfo=UTC)
    assert saved["rolled back"].kind == EventKind.MITIGATION
    assert saved["vendor confirmed"].time == datetime(2026, 3, 2, 19, 45, tzinfo=NEW_YORK)
    assert saved["vendor confirmed"].zone == "America/New_York"
    assert saved["resolved"].time == berlin(2026, 3, 3, 2, 10)
    assert saved["resolved"].kind == EventKind.RESOLUTION
    assert saved["paged the vendor"].zone == "UTC"  # typed in UTC: shown with that clock too
    assert all(not e.zone for text, e in saved.items() if text not in ("vendor confirmed", "paged the vendor"))
    assert not any(e.estimated for text, e in saved.items() if text != "alert fired")


async def test_kind_keys_estimated_and_milestones(library) -> None:
    events = [
        TimelineEvent(text="sometime: a customer tweeted"),
        TimelineEvent(time=berlin(2026, 3, 2, 23, 39), text="alert fired", kind_guessed=True),
        TimelineEvent(time=berlin(2026, 3, 2, 23, 45), text="on-call joined"),
    ]
    pm = library.save(incident(events))
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        stage = await open_timeline(pilot)
        table = stage.query_one(DataTable)
        assert app.focused is table
        assert [table.get_row_at(i)[3].plain for i in range(3)][2] == "sometime: a customer tweeted"  # no time: last
        assert table.get_row_at(2)[0].plain.strip() == "—"
        assert table.get_row_at(0)[2].plain == "other?"  # guessed by an importer
        bar = stage.query_one("#timeline-bar", Static)
        assert "No picture yet" in str(bar.render())
        await pilot.press("c")
        assert table.get_row_at(0)[2].plain == "comms"
        await pilot.press("k", "x", "s", "s")  # next kind, estimated, started -> detected
        assert table.get_row_at(0)[1].plain == "detected"
        assert table.get_row_at(0)[0].plain.strip() == "~23:39"
        assert "detecting 12 min" in str(bar.render())
        assert "time to detect 12 min · detected after 12 min" in str(
            stage.query_one("#timeline-notes", Static).render()
        )
        await pilot.press("down", "r", "s", "s", "s")  # response; started, detected, responded
        assert "responding 6 min" in str(bar.render())
        await pilot.press("t", "n", "o", "m")
        await wait_saved(pilot, app)
    _, first, second = library.load(pm.id).timeline
    assert (first.kind, first.kind_guessed, first.estimated, first.milestone) == (
        EventKind.MITIGATION,
        False,
        True,
        Milestone.DETECTED,
    )
    assert (second.kind, second.estimated, second.milestone) == (EventKind.MITIGATION, False, Milestone.RESPONDED)


async def test_editor_validates_and_saves(library) -> None:
    events = [
        TimelineEvent(time=berlin(2026, 3, 2, 23, 30), text="first"),
        TimelineEvent(time=berlin(2026, 3, 2, 23, 40), text="second"),
    ]
    pm = library.save(incident(events))
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        stage = await open_timeline(pilot)
        await pilot.press("enter")
        editor = app.screen
        assert isinstance(editor, TimelineEventEditor)
        assert editor.query_one("#edit-time", Input).value == "2026-03-02 23:30"
        await type_text(pilot, "edited ")  # the text box has the focus
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "shift+tab")  # back to the time
        assert app.focused is editor.query_one("#edit-time", Input)
        await pilot.press("home", "ctrl+k")
        await type_text(pilot, "nonsense")
        error = editor.query_one("#error-time", Static)
        assert "is not a time" in str(error.render()) and error.has_class("-shown")
        assert editor.query_one("#edit-save", Button).disabled
        await pilot.press("enter")  # refused: still editing, nothing changed
        assert app.screen is editor and stage.pm.timeline[0].time == berlin(2026, 3, 2, 23, 30)
        await pilot.press("home", "ctrl+k")
        await type_text(pilot, "2026-03-02 18:00")
        await pilot.press("tab")
        await type_text(pilot, "Mars/Base")
        assert "unknown time zone" in str(editor.query_one("#error-zone", Static).render())
        await pilot.press("home", "ctrl+k")
        await type_text(pilot, "America/New_York")
        await pilot.press("enter")
        assert app.screen is not editor
        table = stage.query_one(DataTable)
        assert app.focused is table
        # 18:00 in New York is after 23:40 in Berlin: the row moved and the cursor followed it
        assert table.get_row_at(1)[3].plain == "edited first"
        assert table.cursor_row == 1
        await pilot.press("up", "e", "escape")  # cancelling changes nothing
        await pilot.pause()
        assert app.screen is stage.screen
        await pilot.press("e")
        await type_text(pilot, "typed ")
        await pilot.press("escape")  # something was typed: Esc asks before it is thrown away
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep editing: the text is still there
        await pilot.pause()
        assert isinstance(app.screen, TimelineEventEditor)
        assert app.screen.query_one("#edit-text", TextArea).text.startswith("typed ")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")  # discard
        await pilot.pause()
        assert app.screen is stage.screen
        await wait_saved(pilot, app)
    saved = {e.id: e for e in library.load(pm.id).timeline}[events[0].id]
    assert saved.text == "edited first"
    assert saved.zone == "America/New_York"
    assert saved.time == datetime(2026, 3, 2, 18, 0, tzinfo=NEW_YORK)


async def test_delete_and_undo(library) -> None:
    events = [TimelineEvent(time=berlin(2026, 3, 2, 23, 30 + i), text=f"event {i}") for i in range(3)]
    pm = library.save(incident(events))
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        stage = await open_timeline(pilot)
        table = stage.query_one(DataTable)
        await pilot.press("down", "d")
        assert [e.text for e in stage.pm.timeline] == ["event 0", "event 2"]
        assert table.row_count == 2
        await wait_saved(pilot, app)
        assert [e.text for e in library.load(pm.id).timeline] == ["event 0", "event 2"]
        await pilot.press("u")
        assert [e.text for e in stage.pm.timeline] == ["event 0", "event 1", "event 2"]
        assert table.get_row_at(1)[3].plain == "event 1" and table.cursor_row == 1
        await wait_saved(pilot, app)
    assert [e.text for e in library.load(pm.id).timeline] == ["event 0", "event 1", "event 2"]


async def test_bad_time_keeps_the_text_and_says_why(library) -> None:
    pm = library.save(incident([TimelineEvent(time=berlin(2026, 3, 2, 23, 30), text="one")]))
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        stage = await open_timeline(pilot)
        await pilot.press("a")
        await type_text(pilot, "restarted the primary")
        await pilot.press("enter")
        add_line = stage.query_one("#timeline-add", Input)
        assert add_line.value == "restarted the primary" and app.focused is add_line
        assert add_line.has_class("-problem")
        assert "No time at the start" in status_text(stage)
        await pilot.press("home")
        await type_text(pilot, "25:61 ")
        assert "'25:61' is not a time" in status_text(stage)  # said as it is typed, past the time
        await pilot.press("enter")
        assert "is not a time" in status_text(stage)
        assert len(stage.pm.timeline) == 1
        await pilot.press("escape")
        assert app.focused is stage.query_one(DataTable)
        await pilot.press("i")  # the import dialog opens over the stage
        await pilot.pause()
        assert app.screen is not stage.screen
        await pilot.press("escape")
        await pilot.pause()
    assert [e.text for e in library.load(pm.id).timeline] == ["one"]


async def test_hostile_text_stays_literal(library) -> None:
    pm = library.save(incident())
    hostile = "[bold]x[/bold] [@click=app.quit] ["
    ansi = "\x1b[31mred\x1b[0m"
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        stage = await open_timeline(pilot)
        await pilot.press("a")
        await type_text(pilot, f"23:40 {hostile}")
        await pilot.press("enter")
        stage.query_one("#timeline-add", Input).value = f"23:41 {ansi}"
        await pilot.press("enter")
        table = stage.query_one(DataTable)
        assert table.get_row_at(0)[3].plain == hostile
        assert table.get_row_at(1)[3].plain == "␛[31mred␛[0m"
        screenshot = app.export_screenshot()
        assert "[bold]x[/bold]" in screenshot and "[@click=app.quit]" in screenshot
        assert "\x1b" not in screenshot
        await wait_saved(pilot, app)
        assert app.is_running
    assert [e.text for e in library.load(pm.id).timeline] == [hostile, ansi]


def test_quick_add_without_a_setup_start_uses_the_timeline_start() -> None:
    """No Started in Setup, events from 22:20 (marked as the start) to 00:10 the next day: a bare 23:59
    belongs to the incident's first day, not to the day of the last event."""
    pm = incident(
        timeline=[
            TimelineEvent(time=berlin(2026, 3, 2, 22, 20), text="deploy", milestone=Milestone.STARTED),
            TimelineEvent(time=berlin(2026, 3, 3, 0, 10), text="rolled back"),
        ],
        started=None,
    )
    first = parse_quick_add(
        "23:59 posted an update", pm=pm, reference=berlin(2026, 3, 3, 0, 10), today=date(2026, 5, 1)
    )
    assert first.time == berlin(2026, 3, 2, 23, 59)
    after = parse_quick_add("00:03 after midnight", pm=pm, reference=first.time, today=date(2026, 5, 1))
    assert after.time == berlin(2026, 3, 3, 0, 3)


async def test_notes_over_the_bar_end_in_an_ellipsis_when_cut(library) -> None:
    # Setup's times disagree with every milestone marked in the timeline: a long note at 60 columns
    events = [
        TimelineEvent(time=berlin(2026, 3, 2, 23, 30), text="alert", milestone=Milestone.DETECTED),
        TimelineEvent(time=berlin(2026, 3, 2, 23, 40), text="ack", milestone=Milestone.RESPONDED),
        TimelineEvent(time=berlin(2026, 3, 3, 0, 10), text="rollback", milestone=Milestone.MITIGATED),
        TimelineEvent(time=berlin(2026, 3, 3, 1, 0), text="ok", milestone=Milestone.RESOLVED),
    ]
    pm = incident(
        events,
        detected=berlin(2026, 3, 2, 23, 31),
        responded=berlin(2026, 3, 2, 23, 41),
        mitigated=berlin(2026, 3, 3, 0, 11),
        resolved=berlin(2026, 3, 3, 1, 1),
    )
    library.save(pm)
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(60, 24)) as pilot:
        stage = await open_timeline(pilot)
        await pilot.pause()
        shown = str(stage.query_one("#timeline-notes", Static).render())
        lines = shown.splitlines()
        assert len(lines) == 3 and lines[-1].endswith("…")
        assert all(len(line) <= 58 for line in lines)


async def test_the_added_event_stays_in_view_when_the_findings_panel_grows(library) -> None:
    """Adding the last event scrolls the table to it; a finding about that event then takes lines from
    the table, which must keep the new row in view."""
    events = [
        TimelineEvent(time=berlin(2026, 3, 2, 23, 30) + timedelta(minutes=n), text=f"step {n}") for n in range(30)
    ]
    pm = library.save(incident(events))
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        stage = await open_timeline(pilot)
        await pilot.pause(0.3)  # the first checks have run
        table = stage.table
        height_before = table.size.height
        await pilot.press("a")
        await type_text(pilot, "00:30 ops forgot to page the DB team")
        await pilot.press("enter")
        for _ in range(40):  # the checks run in a worker: wait for the finding about the new event
            await pilot.pause(0.05)
            if table.size.height < height_before:
                break
        assert table.size.height < height_before
        await pilot.pause()
        assert table.cursor_row == table.row_count - 1
        row_top = table.cursor_row + (1 if table.show_header else 0)  # one line per row
        assert table.scroll_y <= row_top - (1 if table.show_header else 0)
        assert row_top < table.scroll_y + table.size.height


async def test_lines_typed_in_one_burst_are_added_one_event_each(library) -> None:
    """Three quick-add lines arriving in one read (tmux send-keys, a paste of keystrokes): each line is its own
    event. Enter used to be handled by the stage only after the next line's keys had gone into the field, which
    added the second line twice and the third glued to it ("QA two01:23 QA three")."""
    pm = library.create("Burst")
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        stage = await open_timeline(pilot)
        await pilot.press("a")
        burst(app, "".join(line + "\r" for line in ("01:21 QA one", "01:22 QA two", "01:23 QA three")))
        await pilot.pause()
        await wait_saved(pilot, app)
        assert [e.text for e in stage.pm.timeline] == ["QA one", "QA two", "QA three"]
        assert [e.text for e in library.load(pm.id).timeline] == ["QA one", "QA two", "QA three"]
        assert stage.add_line.value == ""
        assert status_text(stage).startswith("Added")  # not replaced by the hint when the keys' messages arrive
        burst(app, "99:99 bad\r")
        await pilot.pause()
        assert stage.add_line.has_class("-problem") and stage.query_one("#timeline-status").has_class("-error")


async def test_a_narrow_table_gives_the_source_column_to_what_happened(library) -> None:
    pm = library.create("Narrow")
    pm.timeline = [TimelineEvent(time=berlin(2026, 3, 2, 23, 27), text="Deploy started", source="Slack #inc-2291")]
    library.save(pm)
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        stage = await open_timeline(pilot)
        narrow = stage._layout_for(stage._table_width(), 12)
        assert narrow.source == 0 and narrow.text >= 28
        wide = stage._layout_for(120, 12)
        assert wide.source >= 6 and wide.text > narrow.text
