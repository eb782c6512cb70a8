"""Keys arriving in one read (tmux send-keys, a paste of keystrokes, SSH): everything typed lands where it was
typed, in order, and is saved. Each test posts its keys at once (conftest.burst) and checks the saved document."""

from __future__ import annotations

from pmtui.model import Fact, Factor, FactorKind, WhyNode
from tests.conftest import burst, make_app, wait_saved
from tests.test_stage_factors import open_factors
from tests.test_stage_facts import open_facts
from tests.test_stage_whys import open_whys


def why_texts(pm) -> list[str]:
    return [node.text for _, node in pm.iter_why_nodes()]


async def test_a_new_why_typed_with_its_enter(library) -> None:
    pm = library.create("Burst whys")
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_whys(pilot)
        await pilot.press("n")
        burst(app, "Checkout failed\r")
        await pilot.pause()
        await wait_saved(pilot, app)
        assert why_texts(library.load(pm.id)) == ["Checkout failed"]


async def test_the_last_keys_of_an_edit_and_its_enter(library) -> None:
    """Editing a why, a fact and a factor: the keys typed just before Enter are kept (their Changed messages
    were still on their way when Enter closed the editor)."""
    pm = library.create("Burst edits")
    pm.whys = [WhyNode(text="Checkout")]
    pm.facts = [Fact(text="Pool 50")]
    pm.factors = [Factor(kind=FactorKind.CONTRIBUTOR, text="Pool")]
    library.save(pm)
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_whys(pilot)
        await pilot.press("e")
        burst(app, " failed\r")
        await pilot.pause()
        await open_facts(pilot)
        await pilot.press("e")
        burst(app, "0 max\r")
        await pilot.pause()
        await open_factors(pilot)
        await pilot.press("e")
        burst(app, " too small\r")
        await pilot.pause()
        await wait_saved(pilot, app)
        saved = library.load(pm.id)
        assert why_texts(saved) == ["Checkout failed"]
        assert [f.text for f in saved.facts] == ["Pool 500 max"]
        assert [f.text for f in saved.factors] == ["Pool too small"]
