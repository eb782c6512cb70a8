"""Pilot tests of the app shell: library, create, edit setup, quit, reopen; autosave; signals."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from textual.widgets import DataTable, Input, Static

from pmtui.model import DetectionMethod, PostMortem, Severity, Status
from pmtui.screens.library import LibraryScreen
from pmtui.screens.postmortem import PostMortemScreen
from pmtui.store import Library
from pmtui.widgets.library_table import LibraryTable
from tests.conftest import fixed_clock, make_app, wait_saved


async def type_into(pilot, field_id: str, text: str) -> None:
    field = pilot.app.screen.query_one(f"#{field_id}", Input)
    field.focus()
    await pilot.pause()
    field.value = ""
    await pilot.press(*text)


async def test_create_edit_setup_quit_reopen(library) -> None:
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("ctrl+n")
        await pilot.press(*"Checkout errors after config rollout")
        await pilot.press("tab", "enter", "up", "enter")  # open the severity list, SEV3 -> SEV2
        await pilot.press("tab", "enter")  # the Create button
        await pilot.pause()
        assert isinstance(app.screen, PostMortemScreen)
        pm_id = app.screen.pm.id
        await type_into(pilot, "field-timezone", "Europe/Berlin")
        await type_into(pilot, "field-started", "2026-03-02 23:27")
        await type_into(pilot, "field-detected", "23:41")
        await type_into(pilot, "field-resolved", "2026-03-03 01:10 UTC")
        await type_into(pilot, "field-services", "checkout-api, payments-db")
        await type_into(pilot, "field-facilitator", "Ana Silva")
        await type_into(pilot, "field-note_taker", "ana silva")
        warning = app.screen.query_one("#setup-notes", Static)
        assert "cannot lead the meeting and take the notes" in str(warning.render())
        await type_into(pilot, "field-note_taker", "Ben Okafor")
        assert str(warning.render()).strip() == ""
        await type_into(pilot, "field-users_affected", "12,400")
        await type_into(pilot, "field-cost_per_minute", "75.5")
        await type_into(pilot, "field-duration", "soon")  # bad input: message, nothing lost
        error = app.screen.query_one("#setup-notes", Static)
        assert "whole number" in str(error.render())
        assert app.screen.query_one("#field-duration", Input).value == "soon"
        await pilot.press("ctrl+q")  # asks first: "soon" would be lost
        await pilot.pause()
        question = str(app.screen.query_one(".dialog-question", Static).render())
        assert "Duration min 'soon'" in question and "Quit anyway?" in question
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PostMortemScreen) and app.is_running
        await pilot.press("ctrl+q", "y")
    pm = library.load(pm_id)
    berlin = ZoneInfo("Europe/Berlin")
    assert pm.title == "Checkout errors after config rollout"
    assert pm.severity is Severity.SEV2
    assert pm.timezone == "Europe/Berlin"
    assert pm.started == datetime(2026, 3, 2, 23, 27, tzinfo=berlin)
    assert pm.detected == datetime(2026, 3, 2, 23, 41, tzinfo=berlin)
    assert pm.resolved == datetime(2026, 3, 3, 1, 10, tzinfo=ZoneInfo("UTC"))
    assert pm.services == ["checkout-api", "payments-db"]
    assert (pm.roles.facilitator, pm.roles.note_taker) == ("Ana Silva", "Ben Okafor")
    assert pm.impact.users_affected == 12400
    assert pm.impact.cost_per_minute == 75.5
    assert pm.impact.duration_minutes is None

    # reopen: the library lists it and every edit shows in the form
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one(LibraryTable)
        assert table.row_count == 1
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PostMortemScreen)
        assert app.screen.query_one("#field-started", Input).value == "2026-03-02 23:27"
        assert app.screen.query_one("#field-resolved", Input).value == "2026-03-03 02:10"
        assert app.screen.query_one("#field-note_taker", Input).value == "Ben Okafor"


async def test_selects_and_autosave_without_quitting(library) -> None:
    pm = library.create("Autosave")
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.query_one("#field-severity").focus()
        await pilot.press("enter", "up", "up", "enter")
        screen.query_one("#field-status").focus()
        await pilot.press("enter", "down", "enter")
        screen.query_one("#field-detection").focus()
        await pilot.press("enter", "down", "down", "down", "enter")
        await wait_saved(pilot, app)
        saved = library.load(pm.id)  # read while the app is still open
        assert saved.severity is Severity.SEV1
        assert saved.status is Status.IN_REVIEW
        assert saved.detection.method is DetectionMethod.CUSTOMER_REPORT
        assert "saved" in str(screen.query_one("#save-status", Static).render())


async def test_filter_delete_and_unreadable(library) -> None:
    for title in ("Database failover", "DNS outage", "Disk full on build hosts"):
        library.create(title)
    (library.root / "broken.json").write_text("{")
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one(LibraryTable)
        assert table.row_count == 4
        status = str(app.screen.query_one("#library-status", Static).render())
        assert "1 unreadable" in status
        await pilot.press(*"dns")
        assert table.row_count == 1
        await pilot.press("ctrl+u", "down")  # in the table, typing still filters: the filter takes the keys
        assert app.focused is table and table.row_count == 4
        await pilot.press(*"DNS")
        assert app.screen.query_one("#filter", Input).value == "DNS"
        assert table.row_count == 1 and app.focused is not table
        await pilot.press("down", "slash")  # '/' is still the way back to the filter, not a character of it
        assert app.focused is app.screen.query_one("#filter", Input)
        assert app.screen.query_one("#filter", Input).value == "DNS"
        await pilot.press("f1")  # a dialog over the library and back: the filter is still typed on, not replaced
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("end", "x")
        assert app.screen.query_one("#filter", Input).value == "DNSx"
        await pilot.press("backspace")
        await pilot.press("ctrl+d")
        await pilot.pause()
        await pilot.press("n")  # cancel keeps it
        await pilot.pause()
        assert len(library.summaries()) == 3
        await pilot.press("ctrl+d")
        await pilot.pause()
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert sorted(s.title for s in library.summaries()) == ["Database failover", "Disk full on build hosts"]
        # the unreadable file is listed with its reason and cannot be opened
        await pilot.press("ctrl+u", *"unreadable")
        await pilot.pause()
        assert table.row_count == 1
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
    assert (library.root / "broken.json").read_text() == "{"


async def test_open_directly_then_library_and_back(library) -> None:
    """`pmtui open ID` starts with the post-mortem alone (no library built); ctrl+l builds the library,
    which then opens post-mortems on top of itself as usual. An unreadable ID starts in the library."""
    first, second = library.create("First outage"), library.create("Second outage")
    app = make_app(library, open_id=first.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert [type(s) for s in app.screen_stack] == [PostMortemScreen]
        await type_into(pilot, "field-owner", "Ana")
        await pilot.press("escape", "ctrl+l")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [type(s) for s in app.screen_stack] == [LibraryScreen]
        assert library.load(first.id).roles.owner == "Ana"  # saved on the way out
        table = app.screen.query_one(LibraryTable)
        assert table.row_count == 2
        await pilot.press("ctrl+u", *"second", "enter")
        await pilot.pause()
        assert [type(s) for s in app.screen_stack] == [LibraryScreen, PostMortemScreen]
        assert app.screen.pm.id == second.id
        await pilot.press("escape", "ctrl+l")
        await pilot.pause()
        assert [type(s) for s in app.screen_stack] == [LibraryScreen]

    app = make_app(library, open_id="no-such-id")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert [type(s) for s in app.screen_stack] == [LibraryScreen]
        assert any("no-such-id" in str(n.message) for n in app._notifications)


async def test_collection_paused_until_first_frame(library) -> None:
    """Garbage collection is off while the first screen is built and back on (with what was loaded
    frozen) once its first frame is out; an app that is never run leaves it alone."""
    import gc

    pm = library.create("Memory")
    make_app(library)
    assert gc.isenabled()
    seen_while_building: list[bool] = []
    app = make_app(library, open_id=pm.id)
    app.call_later(lambda: seen_while_building.append(gc.isenabled()))
    gc.unfreeze()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert seen_while_building == [False]
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
    gc.unfreeze()
    assert gc.isenabled()


async def test_hostile_title_is_literal(library) -> None:
    hostile = "[bold]x[/bold] [@click=app.quit] [/x] ["
    library.save(PostMortem(id="evil", title=hostile))
    app = make_app(library, open_id="evil")
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        title = app.screen.query_one("#pm-title", Static)
        assert hostile in str(title.render())
        assert app.screen.query_one("#field-title", Input).value == hostile
        await pilot.press("escape", "ctrl+l")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one(LibraryTable)
        assert table.rows[0].cells[-1] == hostile
        assert hostile in table.render_line(1).text  # drawn literally: line 0 is the header
        assert app.is_running


async def test_help_and_palette_list_actions(library) -> None:
    pm = library.create("Help")
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        keys = app.screen.query_one("#help-keys", DataTable)
        rows = [str(keys.get_row_at(i)[1]) for i in range(keys.row_count)]
        assert any("Next stage" in row for row in rows)
        await pilot.press("escape")
        commands = [c.title for c in app.get_system_commands(app.screen)]
        for expected in ("Go to Timeline", "Presentation mode", "Meeting clock", "Park an item", "Save now"):
            assert expected in commands


async def test_park_and_question_from_any_stage(library) -> None:
    pm = library.create("Capture")
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f7", *"Rotate the pager schedule", "enter")
        await pilot.press("f9", *"Why did the canary pass?", "enter")
        await wait_saved(pilot, app)
    saved = library.load(pm.id)
    assert [i.text for i in saved.parking_lot] == ["Rotate the pager schedule"]
    assert [i.text for i in saved.open_questions] == ["Why did the canary pass?"]


def test_sigterm_and_sighup_flush_before_exit(library, tmp_path) -> None:
    """A real process: type into a field, send the signal before autosave fires, the edit is on disk."""
    pm = library.create("Signals")
    for signum in (signal.SIGTERM, signal.SIGHUP):
        script = tmp_path / "drive.py"
        script.write_text(
            "import asyncio, sys\n"
            "from pmtui.store import Library\n"
            "from tests.conftest import make_app\n"
            "library = Library(sys.argv[1])\n"
            "app = make_app(library, open_id=sys.argv[2], autosave_delay=3600)\n"
            "async def drive():\n"
            "    async with app.run_test(size=(80, 24)) as pilot:\n"
            "        await pilot.pause()\n"
            "        field = app.screen.query_one('#field-summary' if False else '#field-title')\n"
            "        field.value = 'Edited before ' + sys.argv[3]\n"
            "        await pilot.pause()\n"
            "        print('ready', flush=True)\n"
            "        while app.is_running:\n"
            "            await asyncio.sleep(0.05)\n"
            "asyncio.run(drive())\n"
        )
        env = {**os.environ, "PYTHONPATH": os.getcwd()}
        child = subprocess.Popen(
            [sys.executable, str(script), str(library.root), pm.id, signum.name],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(0.2)
        child.send_signal(signum)
        child.wait(30)
        assert library.load(pm.id).title == f"Edited before {signum.name}"


async def test_meeting_clock_and_timebox(library) -> None:
    """The clock runs per stage against its timebox; time spent is saved; the timebox is editable."""
    from datetime import timedelta

    from tests.conftest import FIXED_NOW

    now = [FIXED_NOW]
    pm = library.create("Meeting")
    app = make_app(library, open_id=pm.id, clock=lambda: now[0])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape", "f6")
        now[0] += timedelta(minutes=6)
        app.screen._update_status()
        clock = app.screen.query_one("#clock", Static)
        assert "1:00 over" in str(clock.render())
        assert clock.has_class("-over")
        await pilot.press("3")  # to Timeline: Setup's 6 minutes are booked
        now[0] += timedelta(minutes=2)
        app.screen._update_status()
        assert "13:00 left" in str(clock.render())
        await pilot.press("ctrl+t")
        await pilot.press("ctrl+u", *"20", "enter")
        await pilot.press("ctrl+t")
        await pilot.press("ctrl+u", *"soon", "enter")  # refused in the dialog, which stays open with the text
        await pilot.pause()
        assert "not a timebox" in str(app.screen.query_one("#prompt-error", Static).render())
        assert app.screen.query_one("#prompt-input", Input).value == "soon"
        await pilot.press("escape")  # timebox unchanged
        await pilot.pause()
        await pilot.press("f6")  # pause: Timeline's 2 minutes are booked
        await wait_saved(pilot, app)
    saved = library.load(pm.id)
    stages = saved.meeting.stages
    assert saved.meeting.started_at == FIXED_NOW
    assert stages["setup"].spent_seconds == 360
    assert stages["timeline"].spent_seconds == 120
    assert stages["timeline"].timebox_minutes == 20


async def test_an_unexpected_error_still_saves_what_was_typed(library) -> None:
    """A bug that takes the app down must not take the last edits with it."""
    pm = library.create("Crash")
    app = make_app(library, open_id=pm.id, autosave_delay=60)  # no autosave before the crash

    def broken() -> None:
        raise RuntimeError("a bug")

    with pytest.raises(RuntimeError, match="a bug"):
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await type_into(pilot, "field-owner", "Zed")
            assert library.load(pm.id).roles.owner == ""  # typed, not yet saved
            app.screen.action_next_stage = broken
            await pilot.press("f3")
            await pilot.pause()
    assert library.load(pm.id).roles.owner == "Zed"


async def test_setup_times_roll_past_midnight_and_half_typed_times_do_not_move_the_date(library) -> None:
    pm = library.create("Night")
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_into(pilot, "field-timezone", "Europe/Berlin")
        await type_into(pilot, "field-started", "2026-03-02 23:27")
        await type_into(pilot, "field-detected", "23:41")
        await type_into(pilot, "field-mitigated", "00:10")  # after midnight: the next day
        await type_into(pilot, "field-resolved", "2026-03-02 23:59")  # a date given is kept as typed
        await wait_saved(pilot, app)
        berlin = ZoneInfo("Europe/Berlin")
        saved = library.load(pm.id)
        assert saved.detected == datetime(2026, 3, 2, 23, 41, tzinfo=berlin)
        assert saved.mitigated == datetime(2026, 3, 3, 0, 10, tzinfo=berlin)
        assert saved.resolved == datetime(2026, 3, 2, 23, 59, tzinfo=berlin)
        # cleared, then 09:30 typed key by key: "0" and "09" on the way are not times yet (dateutil would
        # read "09" as the 9th and anchor 09:30 there); while Started is empty the other times give the date
        await type_into(pilot, "field-started", "09:30")
        await wait_saved(pilot, app)
        assert library.load(pm.id).started == datetime(2026, 3, 2, 9, 30, tzinfo=berlin)
        for field in ("field-detected", "field-mitigated", "field-resolved", "field-started"):
            await type_into(pilot, field, "")
        await type_into(pilot, "field-started", "09:30")  # no time anywhere: today's date
        await wait_saved(pilot, app)
        assert library.load(pm.id).started == datetime(2026, 11, 26, 9, 30, tzinfo=berlin)
        started = app.screen.query_one("#field-started", Input)
        assert started.value == "09:30"  # as typed, while typing
        await pilot.press("tab")  # leaving it shows the date it was given
        await pilot.pause()
        assert started.value == "2026-11-26 09:30"
        assert library.load(pm.id).started == datetime(2026, 11, 26, 9, 30, tzinfo=berlin)


async def test_a_field_that_does_not_read_stays_marked_and_leaving_asks(library) -> None:
    pm = library.create("Marked")
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await type_into(pilot, "field-users_affected", "12k")
        field = app.screen.query_one("#field-users_affected", Input)
        await pilot.press("tab")  # leave the field: still marked (Textual's own -invalid is cleared on blur)
        await pilot.pause()
        assert field.has_class("-problem") and field.value == "12k"
        assert any("not saved until it reads" in str(n.message) for n in app._notifications)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+l")  # back to the library: asks, as quitting does
        await pilot.pause()
        assert "Users hit '12k'" in str(app.screen.query_one(".dialog-question", Static).render())
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, PostMortemScreen)
        await type_into(pilot, "field-users_affected", "12000")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+l")  # all saved now: no question
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
    assert library.load(pm.id).impact.users_affected == 12000


async def test_f_keys_work_from_a_text_area(library) -> None:
    """Textual's TextArea binds F6 and F7 itself; the meeting keys must still work from Setup's text areas."""
    pm = library.create("Keys")
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        app.screen.query_one("#area-summary").focus()
        await pilot.pause()
        await pilot.press("f6")
        assert app.screen.meeting_running
        await pilot.press("f7")
        await pilot.pause()
        assert type(app.screen).__name__ != "PostMortemScreen"  # the parking-lot prompt is open


async def test_new_dialog_says_what_is_wrong_with_the_title(library) -> None:
    from textual import events

    first = library.create("First")
    app = make_app(library, open_id=first.id)  # a post-mortem seen first: its styles are loaded too
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape", "ctrl+l")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("enter")  # no title
        await pilot.pause()
        error = app.screen.query_one("#new-error", Static)
        assert "needs a title" in str(error.render()) and error.display and error.region.height > 0
        app.screen.query_one("#new-title", Input).post_message(events.Paste("x" * 600))
        await pilot.pause()
        assert len(app.screen.query_one("#new-title", Input).value) == 600  # pasted whole, not dropped
        await pilot.press("enter")
        await pilot.pause()
        assert "(it has 600)" in str(error.render())
        await pilot.press("ctrl+u", *"Short", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PostMortemScreen) and app.screen.pm.title == "Short"


async def test_help_lists_every_key_screen_keys_first(library) -> None:
    library.create("Help")
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f1")  # from the library, with the filter field focused
        await pilot.pause()
        keys = app.screen.query_one("#help-keys", DataTable)
        actions = [str(keys.get_row_at(i)[1]) for i in range(keys.row_count)]
        assert keys.row_count > 30  # the filter's editing keys too: none cut off
        assert keys.size.height == keys.row_count + 1  # not capped: the whole help scrolls instead
        first_editing_key = next(i for i, a in enumerate(actions) if "cursor" in a.casefold() or a == "delete")
        assert any("Create a post-mortem" in a or a == "New" for a in actions[:first_editing_key])
        assert not keys.can_focus


async def test_stage_bar_keeps_every_stage_in_view_at_80_columns(library) -> None:
    from pmtui.model import Stage

    pm = library.create("Counts")
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one("#stagebar", Static)
        counts = {Stage.SETUP: 1, Stage.TIMELINE: 12, Stage.WHYS: 3, Stage.ACTIONS: 9, Stage.REVIEW: 1}
        bar.show(Stage.SETUP, counts)
        shown = str(bar.render())
        assert len(shown.rstrip()) <= 80 and "7 Rev(1)" in shown and "3 Time(12)" in shown
        bar.show(Stage.SETUP, {})  # room to spare: the full names
        assert "3 Timeline" in str(bar.render()) and "7 Review" in str(bar.render())


async def test_the_footer_shows_quit_at_80_columns_and_the_palette_key_when_there_is_room(library) -> None:
    from textual.widgets._footer import FooterKey

    pm = library.create("Footer")
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()

        def keys() -> dict[str, int]:  # each key shown, by its description (the palette's: "^p"): where it ends
            return {
                "^p" if key.has_class("-command-palette") else key.description: key.region.right
                for key in app.screen.query(FooterKey)
            }

        assert keys()["Quit"] <= 80 and "^p" not in keys()
        await pilot.resize_terminal(160, 48)
        await pilot.pause()
        assert keys()["Quit"] < keys()["^p"] == 160


async def test_text_typed_but_not_added_is_asked_about_before_quitting(library) -> None:
    pm = library.create("Drafts")
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("escape", "3", "a", *"23:50 partial line")
        await pilot.press("escape", "2", "a", *"Unfinished fact")
        await pilot.press("escape", "escape")  # the fact editor closes: kept as a draft
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        question = str(app.screen.query_one(".dialog-question", Static).render())
        assert "Timeline: an event typed in the add line but not added: '23:50 partial line'" in question
        assert "Facts: a new fact typed but not added: 'Unfinished fact'" in question
        await pilot.press("n")  # stay
        await pilot.pause()
        assert isinstance(app.screen, PostMortemScreen)
        await pilot.press("3")
        await pilot.pause()
        app.screen.query_one("#timeline-add", Input).focus()
        await pilot.press("enter")  # the event is added after all
        await pilot.pause()
        await pilot.press("escape", "ctrl+q")
        await pilot.pause()
        question = str(app.screen.query_one(".dialog-question", Static).render())
        assert "Timeline" not in question and "Unfinished fact" in question
        await pilot.press("y")  # quit anyway: the fact draft is dropped, knowingly
        await pilot.pause()
    saved = library.load(pm.id)
    assert [e.text for e in saved.timeline] == ["partial line"]
    assert saved.facts == []


async def test_end_goes_to_the_last_row_esc_closes_the_fishbone_and_export_is_in_the_palette(library) -> None:
    from pmtui.model import Fact, Factor, FactorKind
    from pmtui.widgets.itemlist import RowTable

    pm = library.create("Keys")
    pm.facts = [Fact(text=f"fact {n}") for n in range(5)]
    pm.factors = [Factor(text="pool too small", kind=FactorKind.CONTRIBUTOR)]
    library.save(pm)
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape", "2")
        await pilot.pause()
        table = app.screen.query_one(RowTable)
        table.focus()
        await pilot.press("end")
        assert table.cursor_row == 4
        await pilot.press("home")
        assert table.cursor_row == 0
        await pilot.press("5", "f")
        await pilot.pause()
        assert not app.screen.query_one("#factor-columns").display
        await pilot.press("escape")  # back to the columns
        await pilot.pause()
        assert app.screen.query_one("#factor-columns").display
        await pilot.press("3")
        await pilot.pause()
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        commands["Export Markdown"].callback()
        await pilot.pause()
        await pilot.pause()
        assert app.screen.query_one(".dialog-title", Static).render().plain == "Export the post-mortem as Markdown"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.current_stage.value == "review"


async def test_a_focused_text_area_wraps_for_its_width_in_and_out_of_presentation_mode(library) -> None:
    """Presentation mode changes the padding around Setup's text areas; the focused one gets no Resize from
    Textual, and wrapped its text for the old width (cut at the edge). Every wrapped line must fit."""
    from pmtui.demo import demo_postmortem
    from pmtui.widgets.fields import TextEditor

    pm = library.save(demo_postmortem(fixed_clock()))
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.5)
        area = app.screen.query_one("#area-summary", TextEditor)
        area.focus()
        await pilot.pause(0.3)
        for _ in range(2):
            await pilot.press("f5")
            await pilot.pause(0.5)
            widest = max(len(section) for line in area.wrapped_document.lines for section in line)
            assert widest <= area.wrap_width, (widest, area.wrap_width)


async def test_reload_keeps_the_keys_on_the_stage_shown_and_asks_before_dropping_unsaved_edits(library) -> None:
    """ctrl+r after the 5 Whys was shown: the keys still go to the stage on screen (they once went to the hidden
    5 Whys, where 'd' deleted a chain); and with an edit not yet on disk, reloading asks first."""
    from pmtui.model import WhyNode
    from pmtui.widgets.facts import FactsStage
    from pmtui.widgets.whys import WhysStage

    pm = library.create("Reload")
    pm.whys = [WhyNode(text="Checkout failed", children=[WhyNode(text="Pool exhausted")])]
    library.save(pm)
    app = make_app(library, open_id=pm.id, autosave_delay=30)  # nothing saved on its own while the test runs
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
        facts = app.screen.query_one(FactsStage)
        assert app.screen.focused is not None and facts in app.screen.focused.ancestors_with_self
        await pilot.press("d")
        await pilot.pause()
        whys = app.screen.query_one(WhysStage)
        assert [n.text for _, n in whys.pm.iter_why_nodes()] == ["Checkout failed", "Pool exhausted"]

        await pilot.press("a", *"Typed here", "enter", "escape")
        await pilot.pause()
        assert [f.text for f in facts.pm.facts] == ["Typed here"]
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "What is not saved will be lost" in str(app.screen.query_one(".dialog-question", Static).render())
        await pilot.press("n")  # keep it
        await pilot.pause()
        assert [f.text for f in app.screen.pm.facts] == ["Typed here"]
        await pilot.press("ctrl+r")
        await pilot.pause()
        await pilot.press("y")  # reload: what is on disk, without the fact
        await pilot.pause()
        assert app.screen.pm.facts == [] and library.load(pm.id).facts == []


async def test_page_keys_scroll_the_setup_form_with_nothing_focused(library) -> None:
    """Setup opens with no field focused (so that 1-7 work): PgDn and PgUp still scroll its form."""
    from textual.containers import VerticalScroll

    pm = library.create("Paging")
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        form = app.screen.query_one("#setup-form", VerticalScroll)
        assert app.screen.focused is None and form.scroll_y == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert form.scroll_y > 0
        await pilot.press("pageup", "pageup")  # (the findings panel may have taken lines meanwhile)
        await pilot.pause()
        assert form.scroll_y == 0


async def test_a_save_refused_because_another_process_changed_the_file_says_how_to_reload(library) -> None:
    """Another process (an import from the shell) writes the post-mortem while it is open: the next save is
    refused, nothing is overwritten, and the message names ctrl+r; the edit stays in the screen until then."""
    from textual.widgets import Input

    pm = library.create("Conflict")
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        other = library.load(pm.id)
        other.summary = "written by another process"
        Library(library.root).save(other)
        app.screen.query_one("#field-title", Input).value = "Conflict, retitled"
        await wait_saved(pilot, app)
        messages = [n.message for n in app._notifications]
        assert any("changed by another process" in m and "ctrl+r" in m for m in messages)
        assert library.load(pm.id).summary == "written by another process"  # not overwritten
        assert app.screen.pm.title == "Conflict, retitled"
