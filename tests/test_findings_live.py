"""Facilitation checks in the TUI: a blaming sentence typed in the timeline shows a finding within
a second, and rewording it clears it."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from textual.widgets import Static

from pmtui.model import PostMortem
from pmtui.screens.postmortem import StageBar
from pmtui.widgets.timeline import TimelineEventEditor
from tests.conftest import make_app, type_text

BLAMING = "Dana should have checked the config before deploying"
NEUTRAL = "The deploy pipeline applied the config without a schema check"


def findings_panel(app) -> str:
    panel = app.screen.query_one("#findings", Static)
    return str(panel.render()) if panel.display else ""


async def test_blaming_timeline_entry_is_flagged_then_cleared(library) -> None:
    berlin = ZoneInfo("Europe/Berlin")
    pm = library.save(
        PostMortem(
            id="live", title="Live checks", timezone="Europe/Berlin", started=datetime(2026, 3, 2, 23, 0, tzinfo=berlin)
        )
    )
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("escape", "3")
        await pilot.pause()
        await pilot.press("a")  # to the quick-add line
        assert app.focused is not None and app.focused.id == "timeline-add"
        await type_text(pilot, f"23:10 {BLAMING}")
        await pilot.press("enter")
        await pilot.pause(1.0)  # the promise: a finding within a second of typing
        shown = findings_panel(app)
        assert "should have" in shown
        assert "Timeline (1)" in str(app.screen.query_one(StageBar).render())

        # reword it in the editor: the finding goes away
        await pilot.press("escape")  # from the quick-add line to the table
        await pilot.press("enter")
        assert isinstance(app.screen, TimelineEventEditor)
        await pilot.press("end", *["backspace"] * len(BLAMING))
        await type_text(pilot, NEUTRAL)
        await pilot.press("ctrl+s")
        await pilot.pause(1.0)
        assert app.screen.pm.timeline[0].text == NEUTRAL
        assert "should have" not in findings_panel(app)


async def test_a_bad_config_is_reported_and_the_defaults_apply(library, tmp_path, monkeypatch) -> None:
    config = tmp_path / "config.toml"
    config.write_text("cadence_minutes = 'often'\n")
    monkeypatch.setenv("PMTUI_CONFIG", str(config))
    pm = library.save(PostMortem(id="cfg", title="Config", lessons=[{"text": "Sam forgot to renew the cert"}]))
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(1.0)
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("cadence_minutes" in m and "default checks" in m for m in messages)
        assert "Review (1)" in str(app.screen.query_one(StageBar).render())
