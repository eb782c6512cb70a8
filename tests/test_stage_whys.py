"""Pilot tests of the 5 Whys stage: a branching tree built by keys, links to actions, delete and undo, hostile text."""

from __future__ import annotations

from rich.style import Style
from textual import events
from textual.widgets import OptionList, Static

from pmtui.model import Action, RaisedDuring, WhyNode
from pmtui.widgets.action_picker import ActionPicker, LineEditor
from pmtui.widgets.whys import WhysStage, WhyTree
from tests.conftest import make_app, wait_saved

# short texts: every key press costs a screen refresh
SYMPTOM = "500s"
POOL = "Pool full"
REVIEW = "No check"
ALERT = "No alert"
HOSTILE = ["[bold]x[/bold]", "[/x]", "[@click=app.quit]", "["]


async def open_whys(pilot) -> WhysStage:
    await pilot.pause()
    await pilot.press("escape", "4")
    await pilot.pause()
    return pilot.app.screen.query_one(WhysStage)


def tree_lines(stage: WhysStage) -> list[str]:
    tree = stage.query_one(WhyTree)
    return [tree.render_label(node.node, Style(), Style()).plain for node in tree._tree_lines]


def notified(app, words: str) -> bool:
    return any(words in notification.message for notification in app._notifications)


async def test_branching_whys_with_two_root_causes_by_keys(library) -> None:
    pm = library.create("Whys test")
    existing = Action(text="Add an alert on pool saturation", owner="Dana")
    pm.actions.append(existing)
    library.save(pm)
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        stage = await open_whys(pilot)
        tree = stage.query_one(WhyTree)
        assert app.screen.focused is tree
        assert stage.query_one("#whys-empty").display

        # n starts a chain and edits it at once; a asks why under it; b branches beside
        await pilot.press("n")
        assert isinstance(app.screen.focused, LineEditor)
        await pilot.press(*SYMPTOM, "enter")
        assert app.screen.focused is tree
        await pilot.press("a", *POOL, "enter")
        await pilot.press("a", *REVIEW, "enter", "r")
        await pilot.press("b", *ALERT, "escape", "r")
        assert not stage.query_one("#whys-empty").display

        # the root cause without an action says so in the tree
        lines = tree_lines(stage)
        assert lines == [SYMPTOM, POOL, f" ROOT CAUSE  ✗ no action {REVIEW}", f" ROOT CAUSE  ✗ no action {ALERT}"]

        # link ALERT to the existing action (A1), REVIEW to a new action made from its text
        await pilot.press("l")
        assert isinstance(app.screen, ActionPicker)
        options = app.screen.query_one(OptionList)
        assert options.get_option_at_index(1).prompt.plain.startswith("  A1  Add an alert")
        await pilot.press("down", "enter")
        assert not isinstance(app.screen, ActionPicker)
        await pilot.press("up", "l", "enter")
        assert tree_lines(stage)[2:] == [f" ROOT CAUSE  → A2 {REVIEW}", f" ROOT CAUSE  → A1 {ALERT}"]

        await wait_saved(pilot, app)
        saved = library.load(pm.id)
        [chain] = saved.whys
        assert chain.text == SYMPTOM and not chain.root_cause
        [pool] = chain.children
        assert pool.text == POOL and not pool.root_cause
        review, alert = pool.children
        assert (review.text, review.root_cause) == (REVIEW, True)
        assert (alert.text, alert.root_cause, alert.action_ids) == (ALERT, True, [existing.id])
        assert len(saved.actions) == 2
        created = saved.actions[1]
        assert created.text == REVIEW and created.raised_during == RaisedDuring.REVIEW
        assert review.action_ids == [created.id]

        # l on a linked action unlinks it
        await pilot.press("down", "l", "down", "enter")
        assert stage.pm.whys[0].children[0].children[1].action_ids == []
        await pilot.press("l", "down", "enter")
        assert stage.pm.whys[0].children[0].children[1].action_ids == [existing.id]

        # a second chain from another symptom, then move it above the first
        await pilot.press("n", *"Slow", "enter")
        await pilot.press("less_than_sign")
        assert [w.text for w in stage.pm.whys] == ["Slow", SYMPTOM]
        await pilot.press("greater_than_sign", "greater_than_sign")
        assert notified(app, "Already last.")
        assert [w.text for w in stage.pm.whys] == [SYMPTOM, "Slow"]

        await wait_saved(pilot, app)
        saved = library.load(pm.id)
        assert [w.text for w in saved.whys] == [SYMPTOM, "Slow"]


async def test_delete_and_undo_restore_the_subtree_in_place(library) -> None:
    pm = library.create("Whys delete")
    pm.whys = [
        WhyNode(
            text="symptom",
            children=[
                WhyNode(text="first", children=[WhyNode(text="deep", root_cause=True)]),
                WhyNode(text="second"),
                WhyNode(text="third"),
            ],
        )
    ]
    library.save(pm)
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        stage = await open_whys(pilot)
        # delete "first" with its subtree
        await pilot.press("down", "d")
        assert [w.text for w in stage.pm.whys[0].children] == ["second", "third"]
        assert notified(app, "and the 1 under it")
        assert stage.selected.text == "second"
        # delete "third" too; undo brings back "third", then "first" with "deep", each in its place
        await pilot.press("down", "delete")
        await wait_saved(pilot, app)
        assert [w.text for w in library.load(pm.id).whys[0].children] == ["second"]
        await pilot.press("u")
        assert [w.text for w in stage.pm.whys[0].children] == ["second", "third"]
        await pilot.press("u")
        assert [w.text for w in stage.pm.whys[0].children] == ["first", "second", "third"]
        assert stage.selected.text == "first"
        await pilot.press("u")
        assert notified(app, "Nothing to undo")
        await wait_saved(pilot, app)
        saved = library.load(pm.id)
        first = saved.whys[0].children[0]
        assert first.text == "first" and first.children[0].text == "deep" and first.children[0].root_cause


async def test_editing_keeps_old_text_when_emptied_and_discards_an_empty_new_node(library) -> None:
    pm = library.create("Whys edit")
    pm.whys = [WhyNode(text="symptom")]
    library.save(pm)
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        stage = await open_whys(pilot)
        error = stage.query_one("#why-error", Static)
        # enter edits the selected node; the text is saved as it is typed
        await pilot.press("enter", *" seen")
        assert stage.pm.whys[0].text == "symptom seen"
        # emptying it is refused with a message next to the field; the old text is kept
        await pilot.press("ctrl+u")
        assert error.display and "needs words" in str(error.render())
        assert stage.pm.whys[0].text == "symptom seen"
        await pilot.press("escape")
        assert not error.display
        assert app.screen.focused is stage.tree
        # a new why left empty is discarded, not saved as a blank node
        await pilot.press("a", "escape")
        assert stage.pm.whys[0].children == []
        assert notified(app, "Empty why discarded")
        # e with the editor: the label follows the text
        await pilot.press("e", "end", "!", "enter")
        assert tree_lines(stage) == ["symptom seen!"]
        await wait_saved(pilot, app)
        assert library.load(pm.id).whys[0].text == "symptom seen!"


async def test_empty_stage_messages(library) -> None:
    pm = library.create("Whys empty")
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        stage = await open_whys(pilot)
        assert "5 Whys: new chain" in {command.title for command in stage.palette_commands()}
        await pilot.press("e", "r", "l", "d")
        assert notified(app, "n starts a chain")
        assert notified(app, "Nothing to delete")
        # a with nothing selected starts a chain
        await pilot.press("a", *"first", "enter")
        await wait_saved(pilot, app)
        assert [w.text for w in library.load(pm.id).whys] == ["first"]


async def test_hostile_text_stays_literal(library) -> None:
    pm = library.create("Whys hostile")
    library.save(pm)
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        stage = await open_whys(pilot)
        await pilot.press("n", *HOSTILE[0], "enter")
        for text in HOSTILE[1:]:
            await pilot.press("a", *text, "enter")
        # an ANSI escape pasted from a log
        await pilot.press("a")
        editor = stage.query_one("#why-editor", LineEditor)
        editor.post_message(events.Paste("\x1b[31mred\x1b[0m"))
        await pilot.pause()
        await pilot.press("enter", "r")
        await pilot.press("l", "enter")  # create an action from the hostile text
        await pilot.pause()
        assert app.screen.is_current and not isinstance(app.screen, ActionPicker)

        lines = tree_lines(stage)
        assert lines[:4] == HOSTILE
        assert lines[4] == " ROOT CAUSE  → A1 ␛[31mred␛[0m"
        rendered = "\n".join(strip.text for strip in stage.tree.render_lines(stage.tree.region.reset_offset))
        for text in HOSTILE:
            assert text in rendered
        assert "\x1b" not in rendered
        await wait_saved(pilot, app)
        saved = library.load(pm.id)
        texts = [node.text for _, node in saved.iter_why_nodes()]
        assert texts == [*HOSTILE, "\x1b[31mred\x1b[0m"]
        assert saved.actions[0].text == "\x1b[31mred\x1b[0m"


async def test_a_why_too_long_for_the_tree_ends_in_an_ellipsis(library) -> None:
    long = "Each pod's pool allowed 10 connections instead of 50, while flash-sale traffic was 2.3 times normal"
    pm = library.create("Long whys")
    pm.whys = [WhyNode(text="Checkout failed", children=[WhyNode(text=long)])]
    library.save(pm)
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        stage = await open_whys(pilot)
        tree = stage.tree
        node = tree.root.children[0].children[0]
        label = tree.render_label(node, Style(), Style())
        room = tree.scrollable_content_region.width - tree.guide_depth  # one level of guides
        assert label.plain.endswith("…") and label.cell_len == room
        assert long.startswith(label.plain[:-1])
        short = tree.render_label(tree.root.children[0], Style(), Style())
        assert short.plain == "Checkout failed"  # what fits is left whole
