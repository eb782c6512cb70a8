"""Hostile text in every text field changes nothing on screen: every stage shows it literally and
nothing it contains runs (no action fires, no style leaks, the app keeps running)."""

from __future__ import annotations

import html
import re

import pytest

from pmtui.model import Stage
from tests.conftest import make_app
from tests.injection import fill_every_text_field, full_document

MARKUP = ["[bold]x[/bold]", "[/x]", "[@click=app.quit]", "[", "<script>alert(1)</script>", "[link](x)"]


def screen_text(app) -> str:
    """The characters on screen, from the SVG screenshot (tags dropped, entities decoded)."""
    svg = app.export_screenshot()
    text = re.sub(r"<[^>]+>", "", svg)
    return html.unescape(text).replace("\xa0", " ")


@pytest.mark.parametrize("hostile", MARKUP)
async def test_markup_in_every_field_is_shown_literally(library, hostile) -> None:
    pm = fill_every_text_field(full_document(), hostile)
    pm = pm.model_copy(update={"id": "hostile"})
    library.save(pm)
    app = make_app(library, open_id="hostile")
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        for number, stage in enumerate(Stage, start=1):
            await pilot.press(str(number))
            await pilot.pause()
            assert app.is_running
            assert app.screen.current_stage is stage
            assert hostile in screen_text(app), stage
        await pilot.press("ctrl+l")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert hostile in screen_text(app)  # the library's title column
    assert library.load("hostile") == library.load("hostile")  # still a readable document


async def test_ansi_escapes_are_shown_not_executed(library) -> None:
    hostile = "\x1b[31mred\x1b[0m \x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\"
    pm = fill_every_text_field(full_document(), hostile).model_copy(update={"id": "ansi"})
    library.save(pm)
    app = make_app(library, open_id="ansi")
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        for number in range(1, 8):
            await pilot.press(str(number))
            await pilot.pause()
            shown = screen_text(app)
            assert "\x1b" not in shown, f"stage {number}: " + shown[shown.index("\x1b") - 80 : shown.index("\x1b") + 20]
            assert "red" in shown
        assert app.is_running
