"""Pilot tests of the Actions stage: add and edit actions, due dates, cycles, AST, reorder, delete and undo."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from textual import events
from textual.widgets import DataTable, Input, Select, Static

from pmtui.model import Action, ActionCategory, ActionStatus, Priority, RaisedDuring
from pmtui.widgets.actions import ActionsStage
from tests.conftest import make_app

HOSTILE = "[bold]x[/x]["


async def open_actions(pilot) -> ActionsStage:
    await pilot.pause()
    await pilot.press("escape", "6")
    await pilot.pause()
    return pilot.app.screen.query_one(ActionsStage)


async def paste(pilot, text: str) -> None:
    """Paste into the focused field, as a terminal's bracketed paste does (faster than typing)."""
    pilot.app.screen.focused.post_message(events.Paste(text))
    await pilot.pause()


def marked(cell) -> set[str]:
    """The letters of an A S T O cell shown as missing (in reverse video)."""
    return {cell.plain[span.start : span.end].upper() for span in cell.spans if "reverse" in str(span.style)}


def rendered(stage: ActionsStage, selector: str) -> str:
    return str(stage.query_one(selector, Static).render())


async def test_actions_flow(library) -> None:
    pm = library.create("Actions test")  # FIXED_NOW is 2026-11-26 (UTC)
    app = make_app(library, open_id=pm.id, autosave_delay=30)  # saved on quit: fast typing
    async with app.run_test(size=(80, 24)) as pilot:
        stage = await open_actions(pilot)
        table = stage.query_one(DataTable)
        assert app.screen.focused is table

        # A1: text, owner, a relative due date, then the raised-during select; Enter back to the table
        await pilot.press("a")
        assert app.screen.focused.id == "action-text"
        await paste(pilot, "Add alert")
        await pilot.press("tab", *"Dana", "tab", *"+2w")
        assert "2026-12-10" in rendered(stage, "#action-due-resolved")
        await pilot.press("tab", "tab", "tab", "tab", "tab", "tab")
        assert app.screen.focused.id == "action-raised"
        await pilot.press("enter", "up", "enter")  # review -> incident
        await pilot.press("escape")
        assert app.screen.focused is table
        await pilot.press("c", "p", "p", "s")  # detection; medium -> low -> high; in progress

        # A2: an ISO date; done records today
        await pilot.press("a")
        await paste(pilot, "Cap retries")
        await pilot.press("tab", *"Lee", "tab", *"2026-12-15", "enter")
        await pilot.press("c", "c", "s", "s")  # prevention; done
        assert stage.pm.actions[1].done_date == date(2026, 11, 26)

        # A3: a bad date says what is wrong and keeps the text; no owner shows in the AST column
        await pilot.press("a")
        await paste(pilot, "Fix pool")
        await pilot.press("tab", "tab", *"soon")
        due = stage.query_one("#action-due", Input)
        assert due.value == "soon"
        assert "is not a date" in rendered(stage, "#action-due-error")
        assert stage.pm.actions[2].due is None
        await pilot.press("ctrl+u", *"+10d")
        assert rendered(stage, "#action-due-error") == ""
        assert "One owner" in rendered(stage, "#action-ast")
        await pilot.press("escape", "c", "c", "c", "p")  # mitigation; low
        assert "O" in marked(table.get_row_at(2)[-1])  # the A S T O column marks the missing owner
        assert "O" not in marked(table.get_row_at(0)[-1])

        # A4: hostile text; won't do
        await pilot.press("a", *HOSTILE, "tab", *"Kim", "escape", "s", "s", "s")
        assert table.get_row_at(3)[1].plain == HOSTILE
        assert HOSTILE in app.export_screenshot()

        # an action added and left empty is not kept
        await pilot.press("a", "escape")
        assert len(stage.pm.actions) == 4

        # reorder: A4 up one; delete it and bring it back
        await pilot.press("less_than_sign")
        assert [a.text for a in stage.pm.actions] == ["Add alert", "Cap retries", HOSTILE, "Fix pool"]
        await pilot.press("d")
        assert [a.text for a in stage.pm.actions] == ["Add alert", "Cap retries", "Fix pool"]
        await pilot.press("u")
        assert [a.text for a in stage.pm.actions][2] == HOSTILE
        # status back to open clears the done date
        await pilot.press("up", "s", "s")
        await pilot.press("ctrl+q")

    saved = library.load(pm.id).actions
    assert [(a.text, a.owner, a.due) for a in saved] == [
        ("Add alert", "Dana", date(2026, 12, 10)),
        ("Cap retries", "Lee", date(2026, 12, 15)),
        (HOSTILE, "Kim", None),
        ("Fix pool", "", date(2026, 12, 6)),
    ]
    assert [a.category for a in saved] == [
        ActionCategory.DETECTION,
        ActionCategory.PREVENTION,
        None,
        ActionCategory.MITIGATION,
    ]
    assert [a.priority for a in saved] == [Priority.HIGH, Priority.MEDIUM, Priority.MEDIUM, Priority.LOW]
    assert [a.status for a in saved] == [
        ActionStatus.IN_PROGRESS,
        ActionStatus.OPEN,
        ActionStatus.WONT_DO,
        ActionStatus.OPEN,
    ]
    assert [a.done_date for a in saved] == [None, None, None, None]
    assert [a.raised_during for a in saved][:2] == [RaisedDuring.INCIDENT, RaisedDuring.REVIEW]


async def test_actions_findings_and_wide_layout(library) -> None:
    pm = library.create("Wide")
    pm.actions = [Action(id="act1", text="Improve monitoring", owner="Dana", due=date(2026, 11, 1))]
    library.save(pm)
    app = make_app(library, open_id=pm.id, autosave_delay=30)  # saved on quit
    async with app.run_test(size=(160, 30)) as pilot:
        stage = await open_actions(pilot)
        assert stage.has_class("-wide")
        editor = stage.query_one("#action-editor")
        assert editor.region.x > stage.query_one(DataTable).region.x  # wide but short: beside the table
        await pilot.resize_terminal(160, 48)
        await pilot.pause()
        assert not stage.has_class("-wide")  # height to spare: below it, the table as wide as the screen
        assert editor.region.y > stage.query_one(DataTable).region.y
        assert stage.query_one(DataTable).columns["text"].width > 70  # (34 beside the editor)
        assert "Time-bounded" in rendered(stage, "#action-ast")  # past due
        finding = SimpleNamespace(
            item_id="act1",
            path="actions.0.text",
            severity="advisory",
            message="Not specific: [b]what[/b]?",
            suggestion="Add an alert on X",
        )
        stage.set_findings([finding], None)
        await pilot.pause()
        shown = rendered(stage, "#action-findings")
        assert "Not specific: [b]what[/b]?" in shown and "Add an alert on X" in shown
        # the editor's category select works from the keyboard too
        await pilot.press("enter")
        stage.query_one("#action-category", Select).focus()
        await pilot.press("enter", "down", "enter")
        assert stage.pm.actions[0].category is ActionCategory.DETECTION
        await pilot.press("ctrl+q")
    assert library.load(pm.id).actions[0].category is ActionCategory.DETECTION


async def test_a_due_date_that_does_not_read_never_costs_the_saved_one(library) -> None:
    """ctrl+u then 'xx' in Due: the field is cleared on the way (no date, for a moment), but the action keeps the
    date it had; moving to another action and back shows 'xx' again, still marked; leaving asks about it."""
    from pmtui.screens.dialogs import ConfirmDialog

    pm = library.create("Due")
    pm.actions = [Action(text="Add alert", owner="Dana", due=date(2026, 12, 18)), Action(text="Cap retries")]
    library.save(pm)
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        stage = await open_actions(pilot)
        await pilot.press("e", "tab", "tab", "ctrl+u", *"xx")
        assert stage.query_one("#action-due", Input).value == "xx"
        assert "is not a date" in rendered(stage, "#action-due-error")
        assert stage.pm.actions[0].due == date(2026, 12, 18)  # not the empty field on the way
        await pilot.press("escape", "down", "up")  # another action, and back
        await pilot.pause()
        assert stage.query_one("#action-due", Input).value == "xx"  # what was typed is still there
        assert "is not a date" in rendered(stage, "#action-due-error")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # quitting asks: the text would not be saved
        assert "A1 due 'xx'" in str(app.screen.query_one(".dialog-question", Static).render())
        await pilot.press("y")
        await pilot.pause()
    assert library.load(pm.id).actions[0].due == date(2026, 12, 18)


async def test_a_slip_goes_back_to_the_last_date_that_read(library) -> None:
    """A due date changed and left, then a slip in the field: back to the changed date, not the first one."""
    pm = library.create("Due2")
    pm.actions = [Action(text="Add alert", owner="Dana", due=date(2026, 12, 18))]
    library.save(pm)
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        stage = await open_actions(pilot)
        await pilot.press("e", "tab", "tab", "ctrl+u", *"2026-12-24", "tab")
        assert stage.pm.actions[0].due == date(2026, 12, 24)
        await pilot.press("shift+tab", "end", "x")
        assert stage.pm.actions[0].due == date(2026, 12, 24)  # not 2026-12-18


async def test_a_long_action_shows_from_its_start_and_editing_starts_at_its_end(library) -> None:
    long_text = "Add a flash-sale load test profile to the k6 suite with 4x peak checkout traffic and run it weekly"
    pm = library.create("Long")
    pm.actions = [Action(text=long_text, owner="Dana")]
    library.save(pm)
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        stage = await open_actions(pilot)
        field = stage.query_one("#action-text", Input)
        assert field.cursor_position == 0  # read from the start, not from its end
        await pilot.press("e")
        assert app.focused is field and field.cursor_position == len(long_text)
        await pilot.press("tab")  # left: shown from its start again
        assert field.cursor_position == 0
