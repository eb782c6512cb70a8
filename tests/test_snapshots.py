"""SVG snapshots of every screen and stage: 80x24 and 160x48, default and high-contrast themes.

Regenerate on purpose (after a Textual bump or a deliberate visual change) with
`pytest tests/test_snapshots.py --snapshot-update`, then look at the SVGs before committing.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea

from pmtui.demo import demo_postmortem
from pmtui.model import STAGE_TITLES, Stage
from tests.conftest import FIXED_NOW, make_app

SIZES = [(80, 24), (160, 48)]
THEMES = ["textual-dark", "pmtui-high-contrast"]


def steady(app) -> None:
    """No blinking cursors and no toasts: a snapshot must not depend on when it was taken (a toast that
    times out after 3 s is there or not depending on how busy the machine is)."""
    for widget in app.screen.query("Input, TextArea"):
        if isinstance(widget, (Input, TextArea)):
            widget.cursor_blink = False
    app.clear_notifications()


def demo_app(library, theme: str, open_demo: bool = True):
    pm = library.save(demo_postmortem(now=FIXED_NOW), touch=False)
    app = make_app(library, open_id=pm.id if open_demo else None)
    app.theme = theme
    return app


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("theme", THEMES)
def test_library_screen(snap_compare, library, size, theme) -> None:
    from pmtui.model import PostMortem

    library.save(PostMortem(id="zz-broken-neighbour", title="ok"), touch=False)
    (library.root / "zz-broken-neighbour.json").write_text("{")
    app = demo_app(library, theme, open_demo=False)

    async def before(pilot) -> None:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        steady(app)

    assert snap_compare(app, terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("stage", list(Stage), ids=lambda s: s.value)
def test_stage(snap_compare, library, size, theme, stage) -> None:
    app = demo_app(library, theme)

    async def before(pilot) -> None:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.press(str(list(Stage).index(stage) + 1))
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.current_stage is stage, STAGE_TITLES[stage]
        steady(app)

    assert snap_compare(app, terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("stage", [Stage.SETUP, Stage.TIMELINE, Stage.ACTIONS], ids=lambda s: s.value)
def test_presentation_mode(snap_compare, library, size, stage) -> None:
    app = demo_app(library, "textual-dark")

    async def before(pilot) -> None:
        await pilot.pause()
        await pilot.press("escape", str(list(Stage).index(stage) + 1), "f5")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        steady(app)

    assert snap_compare(app, terminal_size=size, run_before=before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help_screen(snap_compare, library, size) -> None:
    app = demo_app(library, "textual-dark")

    async def before(pilot) -> None:
        await pilot.pause()
        await pilot.press("escape", "3", "f1")
        await pilot.pause()
        steady(app)

    assert snap_compare(app, terminal_size=size, run_before=before)


# The dialogs, each over the screen it opens from: (stage or None for the library, keys that open it).
DIALOGS = {
    "new-postmortem": (None, ["ctrl+n"]),
    "delete-confirm": (None, ["down", "ctrl+d"]),
    "timeline-event-editor": (Stage.TIMELINE, ["e"]),
    "timeline-import-preview": (Stage.TIMELINE, ["i", *"tests/fixtures/timeline/ops-notes.log", "enter"]),
    "whys-link-action": (Stage.WHYS, ["l"]),
    "parking-lot-capture": (Stage.FACTS, ["f7"]),
    "export": (Stage.REVIEW, ["x"]),
}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("dialog", list(DIALOGS))
def test_dialog(snap_compare, library, size, dialog, monkeypatch) -> None:
    from pathlib import Path

    from textual.screen import ModalScreen

    # The import path typed is relative to the repository; the export dialog proposes a file in the working
    # folder, which must not depend on where the repository was cloned.
    monkeypatch.chdir("/" if dialog == "export" else Path(__file__).parent.parent)
    stage, keys = DIALOGS[dialog]
    app = demo_app(library, "textual-dark", open_demo=stage is not None)

    async def before(pilot) -> None:
        await pilot.pause()
        await app.workers.wait_for_complete()
        if stage is not None:
            await pilot.press("escape", str(list(Stage).index(stage) + 1))
            await pilot.pause()
            if app.focused is not None and app.focused.id == "timeline-add":
                await pilot.press("escape")
        await pilot.press(*keys)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ModalScreen), dialog
        steady(app)

    assert snap_compare(app, terminal_size=size, run_before=before)
