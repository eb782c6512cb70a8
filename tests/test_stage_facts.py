"""Pilot tests of the Facts stage: add, edit, reorder, delete and undo, bad input, hostile text."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Static

from pmtui.model import Fact
from pmtui.widgets.facts import FactsStage
from tests.conftest import burst, make_app

HOSTILE_FACT = "[bold]x[/x]["
HOSTILE_LINK = "[@click=app.quit]"


async def open_facts(pilot):
    await pilot.pause()
    await pilot.press("escape", "2")
    await pilot.pause()
    return pilot.app.screen.query_one(FactsStage)


def texts(stage: FactsStage) -> list[str]:
    return [fact.text for fact in stage.pm.facts]


async def test_facts_add_edit_reorder_delete_undo(library) -> None:
    pm = library.create("Facts test")
    app = make_app(library, open_id=pm.id, autosave_delay=30)  # saved on quit
    async with app.run_test(size=(80, 24)) as pilot:
        stage = await open_facts(pilot)
        table = stage.query_one(DataTable)
        assert app.screen.focused is table

        # Enter on an empty fact says what is wrong and adds nothing
        await pilot.press("a", "enter")
        error = stage.query_one(".itemlist-error", Static)
        assert "Type the fact first" in str(error.render())
        assert stage.pm.facts == []

        # Enter adds and keeps the editor open for the next fact
        await pilot.press(*"Pool 50", "tab", *"http://g/1", "enter")
        await pilot.press(*HOSTILE_FACT, "tab", *HOSTILE_LINK, "enter")
        await pilot.press(*"Retry x3", "enter")
        # an unfinished fact is kept as a draft when leaving the editor
        await pilot.press(*"half", "escape")
        assert app.screen.focused is table
        assert texts(stage) == ["Pool 50", HOSTILE_FACT, "Retry x3"]
        await pilot.press("a")
        assert app.screen.focused.value == "half"
        await pilot.press("ctrl+u", "escape")

        # hostile text is shown literally
        assert table.get_row_at(1)[1].plain == HOSTILE_FACT
        assert table.get_row_at(1)[2].plain == HOSTILE_LINK
        screenshot = app.export_screenshot()
        assert HOSTILE_FACT in screenshot and HOSTILE_LINK in screenshot

        # edit the first fact: Enter on the row; the text changes as you type
        await pilot.press("up", "up", "enter")
        editing = app.screen.focused
        assert isinstance(editing, Input) and editing.value == "Pool 50"
        await pilot.press("backspace", "backspace", *"5", "enter")
        assert app.screen.focused is table
        # an edit that empties the text is refused with a message; the old text is kept
        await pilot.press("e", "ctrl+u")
        assert "needs its fact" in str(error.render())
        await pilot.press("escape")
        assert texts(stage)[0] == "Pool 5"

        # reorder: the first fact moves down one, then the third moves up one
        await pilot.press("greater_than_sign")
        assert texts(stage) == [HOSTILE_FACT, "Pool 5", "Retry x3"]
        await pilot.press("down", "less_than_sign")
        assert texts(stage) == [HOSTILE_FACT, "Retry x3", "Pool 5"]

        # delete, undo, then delete for good
        await pilot.press("d")
        assert texts(stage) == [HOSTILE_FACT, "Pool 5"]
        await pilot.press("u")
        assert texts(stage) == [HOSTILE_FACT, "Retry x3", "Pool 5"]
        await pilot.press("up", "delete")
        await pilot.press("ctrl+q")

    saved = library.load(pm.id)
    assert [(f.text, f.evidence) for f in saved.facts] == [("Retry x3", ""), ("Pool 5", "http://g/1")]


async def test_facts_show_control_characters_literally(library) -> None:
    pm = library.create("Escapes")
    pm.facts = [Fact(text="\x1b[31mred\x1b[0m", evidence="line1\nline2")]
    library.save(pm)
    app = make_app(library, open_id=pm.id, autosave_delay=30)  # saved on quit
    async with app.run_test(size=(80, 24)) as pilot:
        stage = await open_facts(pilot)
        row = stage.query_one(DataTable).get_row_at(0)
        assert "\x1b" not in row[1].plain and "[31mred" in row[1].plain
        assert row[2].plain == "line1 ↵ line2"
        # adding another fact keeps the stored text exactly as it was
        await pilot.press("a", *"New", "enter", "escape")
        await pilot.press("ctrl+q")
    saved = library.load(pm.id)
    assert [f.text for f in saved.facts] == ["\x1b[31mred\x1b[0m", "New"]
    assert saved.facts[0].evidence == "line1\nline2"


async def test_facts_typed_in_one_burst_are_one_fact_each(library) -> None:
    """Lines arriving in one read (tmux send-keys, a paste of keystrokes): Enter adds what was typed before it,
    and the next line starts empty (it used to be glued to the one before: 'Pool 50Retry x3')."""
    pm = library.create("Burst")
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        stage = await open_facts(pilot)
        await pilot.press("a")
        burst(app, "".join(line + "\r" for line in ("Pool 50", "Retry x3", "Disk 91%")))
        await pilot.pause()
        assert texts(stage) == ["Pool 50", "Retry x3", "Disk 91%"]
