"""The Contributors and mitigators stage: the fishbone drawing (pure) and Pilot tests of the columns by keys."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.widgets import Static

from pmtui.model import Action, Factor, FactorCategory, FactorKind, HumanErrorKind, PostMortem, RaisedDuring
from pmtui.widgets.action_picker import ActionPicker, LineEditor
from pmtui.widgets.factors import CLASSIFY_HINT, FactorList, FactorsStage, draw_fishbone
from tests.conftest import make_app, wait_saved

HOSTILE = ["[bold]x[/bold]", "[/x]", "[@click=app.quit]", "[", "\x1b[31mred\x1b[0m"]

# -- draw_fishbone --------------------------------------------------------------------------------


def sample() -> PostMortem:
    pm = PostMortem(title="Checkout errors after the pool change")
    pm.factors = [
        Factor(
            text="Handover skipped the alert review", category=FactorCategory.PEOPLE, human_error=HumanErrorKind.LAPSE
        ),
        Factor(text="No capacity checklist", category=FactorCategory.PROCESS),
        Factor(text="Pool default of 5", category=FactorCategory.TECHNOLOGY, accepted=True),
        Factor(text="Provider outage", category=FactorCategory.EXTERNAL),
        Factor(text="Feature flag rollback", kind=FactorKind.MITIGATOR),
    ]
    return pm


def assert_fits(lines: list[str], width: int) -> None:
    assert lines
    for line in lines:
        assert cell_len(line) <= width, line
        assert "\n" not in line and "\x1b" not in line


def test_fishbone_at_80_and_160_columns() -> None:
    pm = sample()
    for width in (80, 160):
        lines = draw_fishbone(pm, width)
        assert_fits(lines, width)
        text = "\n".join(lines)
        for bone in ("PEOPLE (1)", "PROCESS (1)", "TECHNOLOGY (1)", "EXTERNAL (1)"):
            assert bone in text
        spine = next(line for line in lines if "━━━━" in line)
        assert spine.startswith("━") and "┤" in spine  # the spine runs into the head on the right
        assert spine.index("┤") > width // 2
        assert "Checkout errors" in text  # the head
        assert "Mitigators" in text and "+ Feature flag rollback" in text
        # the mitigator is not on a bone; the human-error kind and acceptance are shown
        assert not any("Feature flag" in line and "╲" in line for line in lines)
    wide = "\n".join(draw_fishbone(pm, 160))
    assert "Handover skipped the alert review (lapse)" in wide
    assert "Pool default of 5 (accepted)" in wide
    # People and Process come down from above the spine, Technology and External from below
    lines = draw_fishbone(pm, 80)
    spine_row = next(i for i, line in enumerate(lines) if "━━━━" in line)
    row_of = {word: next(i for i, line in enumerate(lines) if word in line) for word in ("Handover", "Provider")}
    assert row_of["Handover"] < spine_row < row_of["Provider"]


def test_fishbone_empty() -> None:
    lines = draw_fishbone(PostMortem(title="Quiet"), 80)
    assert_fits(lines, 80)
    text = "\n".join(lines)
    assert "PEOPLE (0)" in text and "Quiet" in text
    assert "No contributors yet" in text and "Mitigators: none yet." in text


def test_fishbone_many_factors_and_long_texts_are_cut_to_fit() -> None:
    pm = PostMortem(title="A very long incident title " * 18)
    for category in FactorCategory:
        pm.factors += [
            Factor(text=f"{category.value} factor {n} " + "word " * 60, category=category) for n in range(12)
        ]
    pm.factors += [Factor(kind=FactorKind.MITIGATOR, text="m " * 200) for _ in range(3)]
    for width in (80, 160):
        lines = draw_fishbone(pm, width, max_per_bone=4)
        assert_fits(lines, width)
        text = "\n".join(lines)
        assert text.count("… 9 more") == 4  # 3 shown per bone, then how many more
        assert "people factor 0" in text and "people factor 3" not in text
        assert len(lines) <= 2 * 4 + 3 + 1 + 1 + 3 + 1
    # very narrow: a plain list, still within the width
    assert_fits(draw_fishbone(pm, 30), 30)


def test_fishbone_hostile_text_stays_literal() -> None:
    pm = PostMortem(title="[bold]title[/bold]")
    pm.factors = [
        Factor(text=text, category=category) for text, category in zip(HOSTILE[:4], FactorCategory, strict=True)
    ]
    pm.factors.append(Factor(kind=FactorKind.MITIGATOR, text=HOSTILE[4] + "\nsecond line"))
    lines = draw_fishbone(pm, 160)
    assert_fits(lines, 160)
    text = "\n".join(lines)
    for hostile in HOSTILE[:4]:
        assert hostile in text
    assert "[bold]title[/bold]" in text
    assert "+ ␛[31mred␛[0m ↵ second line" in text


def test_fishbone_wide_characters_fit() -> None:
    pm = PostMortem(title="障害の報告 " * 10)
    pm.factors = [Factor(text="接続プールが枯渇した " * 10, category=FactorCategory.TECHNOLOGY)]
    for width in (80, 160):
        assert_fits(draw_fishbone(pm, width), width)


# -- the stage, by keys ------------------------------------------------------------------------------


async def open_factors(pilot) -> FactorsStage:
    await pilot.pause()
    await pilot.press("escape", "5")
    await pilot.pause()
    return pilot.app.screen.query_one(FactorsStage)


def column_texts(stage: FactorsStage, kind: FactorKind) -> list[str]:
    return [option.prompt.plain for option in stage.column(kind).options]


def notified(app, words: str) -> bool:
    return any(words in notification.message for notification in app._notifications)


async def test_contributors_and_mitigators_by_keys(library) -> None:
    pm = library.create("Factors test")
    existing = Action(text="Write a capacity checklist")
    pm.actions.append(existing)
    library.save(pm)
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        stage = await open_factors(pilot)
        assert "Factors: fishbone" in {command.title for command in stage.palette_commands()}
        contributors = stage.column(FactorKind.CONTRIBUTOR)
        mitigators = stage.column(FactorKind.MITIGATOR)
        assert app.screen.focused is contributors
        error = stage.query_one("#factor-error", Static)

        # Enter on an empty line says what is wrong and adds nothing
        await pilot.press("a", "enter")
        assert error.display and "Type the contributor first" in str(error.render())
        # Enter adds and keeps the line open for the next one
        await pilot.press(*"Typo", "enter", *"No list", "enter", *"Pool 5", "enter", "escape")
        assert app.screen.focused is contributors
        assert [f.text for f in stage.pm.factors] == ["Typo", "No list", "Pool 5"]
        assert all(f.kind == FactorKind.CONTRIBUTOR for f in stage.pm.factors)

        # right (or tab) goes to the mitigators; a adds there
        await pilot.press("right", "a", *"Flag", "enter", *"Alert", "enter", "escape")
        assert app.screen.focused is mitigators
        assert [f.kind for f in stage.pm.factors[3:]] == [FactorKind.MITIGATOR] * 2

        # categories: technology (default) -> external -> people; then a human-error kind
        await pilot.press("left", "home", "g", "g")
        typo = stage.pm.factors[0]
        assert typo.category == FactorCategory.PEOPLE
        assert CLASSIFY_HINT in column_texts(stage, FactorKind.CONTRIBUTOR)[0]
        await pilot.press("h", "h")
        assert typo.human_error == HumanErrorKind.LAPSE
        assert "people · lapse" in column_texts(stage, FactorKind.CONTRIBUTOR)[0]
        await pilot.press("h", "h")
        assert typo.human_error is None
        await pilot.press("h")
        assert typo.human_error == HumanErrorKind.SLIP
        # the second is a process factor, linked to the existing action; the third an accepted risk
        await pilot.press("down", "g", "g", "g")
        assert stage.pm.factors[1].category == FactorCategory.PROCESS
        await pilot.press("h")  # a human-error kind makes it a people factor (said, and g changes it back)
        assert stage.pm.factors[1].category == FactorCategory.PEOPLE
        assert stage.pm.factors[1].human_error == HumanErrorKind.SLIP
        await pilot.press("h", "h", "h", "g")  # kind cleared again; people -> process
        assert stage.pm.factors[1].human_error is None
        assert stage.pm.factors[1].category == FactorCategory.PROCESS
        await pilot.press("l")
        assert isinstance(app.screen, ActionPicker)
        await pilot.press("down", "enter")
        assert stage.pm.factors[1].action_ids == [existing.id]
        await pilot.press("down", "x")
        assert stage.pm.factors[2].accepted
        assert "accepted risk" in column_texts(stage, FactorKind.CONTRIBUTOR)[2]

        # k moves "Alert" from the mitigators to the contributors, and back; focus follows it
        await pilot.press("tab")
        assert app.screen.focused is mitigators and stage.selected.text == "Alert"
        await pilot.press("k")
        assert stage.pm.factors[4].kind == FactorKind.CONTRIBUTOR
        assert app.screen.focused is contributors and stage.selected.text == "Alert"
        await pilot.press("k")
        assert stage.pm.factors[4].kind == FactorKind.MITIGATOR
        assert app.screen.focused is mitigators
        # a mitigator linked to a new action made from its text
        await pilot.press("l", "enter")
        new_action = stage.pm.actions[1]
        assert new_action.text == "Alert" and new_action.raised_during == RaisedDuring.REVIEW
        assert "→ A2" in column_texts(stage, FactorKind.MITIGATOR)[1]

        # reorder the mitigators, then delete one and undo
        await pilot.press("less_than_sign")
        assert [f.text for f in stage.factors_of(FactorKind.MITIGATOR)] == ["Alert", "Flag"]
        await pilot.press("d")
        assert [f.text for f in stage.factors_of(FactorKind.MITIGATOR)] == ["Flag"]
        await wait_saved(pilot, app)
        assert len(library.load(pm.id).factors) == 4
        await pilot.press("u")
        assert [f.text for f in stage.factors_of(FactorKind.MITIGATOR)] == ["Alert", "Flag"]
        assert app.screen.focused is mitigators and stage.selected.text == "Alert"

        await wait_saved(pilot, app)
        saved = library.load(pm.id)
        summary = [(f.kind.value, f.text, f.category.value, f.human_error, f.accepted) for f in saved.factors]
        assert summary == [
            ("contributor", "Typo", "people", HumanErrorKind.SLIP, False),
            ("contributor", "No list", "process", None, False),
            ("contributor", "Pool 5", "technology", None, True),
            ("mitigator", "Alert", "technology", None, False),
            ("mitigator", "Flag", "technology", None, False),
        ]
        assert saved.factors[1].action_ids == [existing.id]
        assert saved.factors[3].action_ids == [saved.actions[1].id]


async def test_edit_draft_and_fishbone_toggle(library) -> None:
    pm = library.create("Factors edit")
    pm.factors = [Factor(text="Slow disk", category=FactorCategory.TECHNOLOGY)]
    library.save(pm)
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        stage = await open_factors(pilot)
        error = stage.query_one("#factor-error", Static)
        # enter edits; the text changes as it is typed; emptying it is refused and the old text kept
        await pilot.press("enter", "end", *"s")
        assert stage.pm.factors[0].text == "Slow disks"
        await pilot.press("ctrl+u")
        assert error.display and "needs words" in str(error.render())
        assert stage.pm.factors[0].text == "Slow disks"
        await pilot.press("escape")
        assert not error.display
        # an unfinished new factor is kept as a draft and comes back with a
        await pilot.press("a", *"half", "escape")
        assert notified(app, "kept as a draft")
        assert len(stage.pm.factors) == 1
        await pilot.press("a")
        assert isinstance(app.screen.focused, LineEditor) and app.screen.focused.value == "half"
        await pilot.press("escape")

        # f switches to the fishbone at 80 columns and back
        fishbone = stage.query_one("#fishbone-view")
        assert not fishbone.display
        await pilot.press("f")
        await pilot.pause()
        assert fishbone.display and not stage.query_one("#factor-columns").display
        drawn = str(stage.query_one("#fishbone", Static).render())
        assert "TECHNOLOGY (1)" in drawn and "Slow disks" in drawn and "Factors edit" in drawn
        await pilot.press("g")
        assert notified(app, "Press f to show the columns")
        await pilot.press("f")
        assert stage.query_one("#factor-columns").display and not fishbone.display
        assert isinstance(app.screen.focused, FactorList)
        await wait_saved(pilot, app)
        assert library.load(pm.id).factors[0].text == "Slow disks"


async def test_wide_screen_shows_columns_and_fishbone(library) -> None:
    pm = library.create("Factors wide")
    pm.factors = [Factor(text="Slow disk")]
    library.save(pm)
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(160, 48)) as pilot:
        stage = await open_factors(pilot)
        await pilot.pause()
        assert stage.query_one("#factor-columns").display and stage.query_one("#fishbone-view").display
        assert "Slow disk" in str(stage.query_one("#fishbone", Static).render())
        await pilot.press("f")
        assert not stage.query_one("#fishbone-view").display


async def test_hostile_factor_text_stays_literal(library) -> None:
    pm = library.create("Factors hostile")
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        stage = await open_factors(pilot)
        await pilot.press("a")
        for text in HOSTILE[:4]:
            await pilot.press(*text, "enter")
        editor = stage.query_one("#factor-editor", LineEditor)
        editor.post_message(events.Paste(HOSTILE[4]))
        await pilot.pause()
        await pilot.press("enter", "escape")
        assert app.is_running
        shown = column_texts(stage, FactorKind.CONTRIBUTOR)
        for text, line in zip(HOSTILE[:4], shown, strict=False):
            assert line.startswith(text + "\n")
        assert shown[4].startswith("␛[31mred␛[0m\n")
        column = stage.column(FactorKind.CONTRIBUTOR)
        rendered = "\n".join(column.render_line(y).text for y in range(column.size.height))
        for text in HOSTILE[:4]:
            assert text in rendered
        assert "\x1b" not in rendered
        await wait_saved(pilot, app)
        assert [f.text for f in library.load(pm.id).factors] == HOSTILE


async def test_a_people_mitigator_is_not_asked_for_an_error_kind(library) -> None:
    """Slip, lapse or mistake classes an error; a mitigator is what went right. Only people contributors ask."""
    from pmtui.analysis.process import needs_error_kind

    pm = library.create("Mitigator")
    pm.factors = [
        Factor(kind=FactorKind.CONTRIBUTOR, text="Wrong cluster chosen", category=FactorCategory.PEOPLE),
        Factor(kind=FactorKind.MITIGATOR, text="Dana spotted the 50 ms value", category=FactorCategory.PEOPLE),
    ]
    library.save(pm)
    assert [needs_error_kind(f) for f in pm.factors] == [True, False]
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(120, 40)) as pilot:
        stage = await open_factors(pilot)
        assert CLASSIFY_HINT in column_texts(stage, FactorKind.CONTRIBUTOR)[0]
        assert CLASSIFY_HINT not in column_texts(stage, FactorKind.MITIGATOR)[0]
