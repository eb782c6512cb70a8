"""Keys of one read across a change of screen (F1, a dialog, back to the library): each key acts on the screen on
top when it is handled, as it would typed slowly. (A review found these running on the screen below, or on a
screen that was going: a crash on F1 F1, an event editor left on top of the library, two editors for one event.)"""

import pytest
from textual import events

from tests.conftest import make_app


def post(app, *ks):
    for k in ks:
        app.post_message(events.Key(k, k if len(k) == 1 else ("\r" if k == "enter" else None)))


async def settle(pilot, n=6):
    for _ in range(n):
        await pilot.pause()


def demo(library, n=1):
    from pmtui.demo import demo_postmortem
    from tests.conftest import fixed_clock

    ids = []
    for i in range(n):
        pm = demo_postmortem(fixed_clock())
        pm.id = f"demo-{i}"
        library.save(pm)
        ids.append(pm.id)
    return ids


def stack(app):
    return [type(s).__name__ for s in app.screen_stack]


@pytest.mark.parametrize(
    "stage,ks",
    [
        ("1", ["f1", "f1"]),
        ("1", ["f1", "escape"]),
        ("1", ["ctrl+t", "escape"]),
        ("3", ["e", "escape"]),
        ("3", ["i", "escape"]),
        ("4", ["l", "escape"]),
        ("7", ["x", "escape"]),
    ],
)
async def test_open_a_dialog_and_escape_in_one_read(library, stage, ks):
    ids = demo(library)
    app = make_app(library, open_id=ids[0])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        if stage != "1":
            await pilot.press("escape", stage)
            await settle(pilot)
        post(app, *ks)
        await settle(pilot)
        assert stack(app) == ["PostMortemScreen"]


async def test_library_f1_escape(library):
    demo(library)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        post(app, "f1", "escape")
        await settle(pilot)
        assert stack(app) == ["LibraryScreen"]


@pytest.mark.parametrize(
    "ks,want",
    [
        (["e", "enter"], ["PostMortemScreen", "TimelineEventEditor"]),
        (["f1", "enter"], ["PostMortemScreen", "HelpScreen"]),
        (["ctrl+l", "enter"], ["LibraryScreen"]),
    ],
)
async def test_enter_after_a_screen_change_on_the_timeline_table(library, ks, want):
    ids = demo(library)
    app = make_app(library, open_id=ids[0])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "3")
        await settle(pilot)
        post(app, *ks)
        await settle(pilot)
        assert stack(app).count("TimelineEventEditor") <= (1 if ks[0] == "e" else 0), stack(app)


async def test_whys_link_and_enter_picks(library):
    ids = demo(library)
    app = make_app(library, open_id=ids[0])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "4")
        await settle(pilot)
        n = len(app.screen.pm.actions)
        post(app, "l", "enter")
        await settle(pilot)
        assert stack(app) == ["PostMortemScreen"] and len(app.screen.pm.actions) == n + 1


@pytest.mark.parametrize("ks,want", [(list("demo-1"), "demo-1"), (["slash", "x", "y"], "xy")])
async def test_library_typing_from_the_table(library, ks, want):
    demo(library, 3)
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("down")
        await settle(pilot)
        post(app, *ks)
        await settle(pilot)
        assert app.screen.query_one("#filter").value == want


async def test_stage_numbers_and_a_stage_key_in_one_read(library):
    """'2 4 a' at once: the 5 Whys is shown once mounted, and its key does not run before its widgets exist
    (it crashed: 'No nodes match WhyTree')."""
    ids = demo(library)
    app = make_app(library, open_id=ids[0])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "3")
        await settle(pilot)
        post(app, "2", "4", "a")
        await settle(pilot, 12)
        assert stack(app) == ["PostMortemScreen"] and app.screen.current_stage.value == "whys"
        assert app.screen.query_one("#stages").current == "whys"
