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


async def test_tab_and_the_next_fields_text_in_one_read_in_setup(library) -> None:
    """Setup, nothing focused: Tab, a title's tail, Tab …, all at once: each text lands in its own field."""
    pm = library.create("Burst")
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        burst(app, "\t X\t\x15Europe/Berlin\t")  # title (+ " X"), zone (cleared, retyped), then Severity
        await pilot.pause()
        await wait_saved(pilot, app)
        saved = library.load(pm.id)
        assert (saved.title, saved.timezone) == ("Burst X", "Europe/Berlin")
        assert app.screen.focused.id == "field-severity"


async def test_a_fact_typed_across_its_fields_in_one_read(library) -> None:
    pm = library.create("Burst facts")
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_facts(pilot)
        burst(app, "aLock wait peaked at 38s\thttps://grafana.example.com/d/locks\r")
        await pilot.pause()
        await wait_saved(pilot, app)
        fact = library.load(pm.id).facts[0]
        assert (fact.text, fact.evidence) == ("Lock wait peaked at 38s", "https://grafana.example.com/d/locks")


async def test_a_why_opened_and_typed_in_one_read(library) -> None:
    """'b' (a branch) and its text at once: the text goes into the new why, not to the tree as commands."""
    pm = library.create("Burst whys")
    pm.whys = [WhyNode(text="Checkout failed", children=[WhyNode(text="Pool exhausted")])]
    library.save(pm)
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_whys(pilot)
        burst(app, "jaIdle batch session held locks\r")  # down to 'Pool exhausted', a why under it
        await pilot.pause()
        await wait_saved(pilot, app)
        assert why_texts(library.load(pm.id)) == ["Checkout failed", "Pool exhausted", "Idle batch session held locks"]
