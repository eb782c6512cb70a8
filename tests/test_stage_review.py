"""Pilot tests of the Review stage: the four lists, the checklist, the live preview and the export."""

from __future__ import annotations

import io
import os
import stat
from types import SimpleNamespace

from rich.console import Console
from textual.content import Content
from textual.widgets import DataTable, Input, Markdown, Static
from textual.widgets.markdown import MarkdownBlock

from pmtui.model import Stage
from pmtui.screens.dialogs import ConfirmDialog
from pmtui.widgets.review import ExportDialog, ReviewStage, checklist_lines
from tests.conftest import make_app

HOSTILE = "[b]x[/b]<i>y"


async def open_review(pilot) -> ReviewStage:
    await pilot.pause()
    await pilot.press("escape", "7")
    await pilot.pause()
    return pilot.app.screen.query_one(ReviewStage)


def preview_text(stage: ReviewStage) -> str:
    markdown = stage.query_one("#review-markdown", Markdown)
    return "\n".join(
        block.content.plain for block in markdown.query(MarkdownBlock) if isinstance(block.content, Content)
    )


def checklist_shown(stage: ReviewStage) -> str:
    """The checklist as the widget draws it, as plain text."""
    console = Console(width=200, file=io.StringIO(), color_system=None)
    with console.capture() as capture:
        console.print(stage.query_one("#review-checklist", Static).content)
    return capture.get()


def notifications(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def export_to(pilot, path: str) -> None:
    await pilot.press("x")
    assert isinstance(pilot.app.screen, ExportDialog)
    await pilot.press("end", "ctrl+u")
    pilot.app.screen.query_one(Input).insert_text_at_cursor(path)  # a pasted path
    await pilot.press("enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_review_lists_preview_and_export(library, tmp_path) -> None:
    pm = library.create("Review test")
    app = make_app(library, open_id=pm.id, autosave_delay=30)  # saved on quit
    async with app.run_test(size=(80, 24)) as pilot:
        stage = await open_review(pilot)
        lists = {item_list.id: item_list for item_list in stage.item_lists()}
        assert app.screen.focused is lists["review-went_well"].table
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "ready to finalise" in checklist_shown(stage).lower()

        await pilot.press("a", *"Alert", "enter", *"Rollback", "enter", "escape")
        await pilot.press("tab")
        assert app.screen.focused is lists["review-lessons"].table
        await pilot.press("a", *"Caps", "enter", "escape", "tab")
        await pilot.press("a", *HOSTILE, "enter", "escape", "tab")
        await pilot.press("a", *"Rota", "enter", *"Later", "enter", "escape")
        # reorder, edit, delete and undo in the parking lot
        await pilot.press("less_than_sign")
        await pilot.press("e", "end", *"!", "enter")
        await pilot.press("d")
        assert [i.text for i in stage.pm.parking_lot] == ["Rota"]
        await pilot.press("u")
        assert [i.text for i in stage.pm.parking_lot] == ["Later!", "Rota"]

        # F7 from the screen adds to the parking lot, and the list shows it
        await pilot.press("f7", *"Parked", "enter")
        await pilot.pause()
        assert lists["review-parking_lot"].table.row_count == 3

        # the live preview shows the hostile text literally (v replaces the lists at 80x24)
        await pilot.press("v")
        assert stage.query_one("#review-preview-pane").display
        assert not stage.query_one("#review-main").display
        await pilot.pause(0.7)
        shown = preview_text(stage)
        assert "Review test" in shown
        assert HOSTILE in shown
        assert "Parked" in shown
        await pilot.press("v")
        assert stage.query_one("#review-main").display

        # the checklist, once a report arrives
        finding = SimpleNamespace(
            stage=Stage.ACTIONS,
            severity="blocking",
            message="No [b]owner[/b]",
            excerpt="",
            suggestion="Name one person",
            item_id=None,
            path="actions.0.owner",
        )
        stage.set_findings([], SimpleNamespace(findings=[finding], ready_to_finalise=False))
        await pilot.pause()
        checklist = checklist_shown(stage)
        assert "Not ready to finalise" in checklist and "No [b]owner[/b]" in checklist and "Actions" in checklist

        # export to a file readable by the owner only
        target = tmp_path / "exports" / "review.md"
        target.parent.mkdir()
        await export_to(pilot, str(target))
        assert target.exists()
        assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
        text = target.read_text(encoding="utf-8")
        assert "# Review test" in text and "Alert" in text
        assert any(str(target) in message for message in notifications(app))

        # exporting again asks before replacing the file
        await pilot.press("x", "end", "ctrl+u")
        app.screen.query_one(Input).insert_text_at_cursor(str(target))
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await app.workers.wait_for_complete()
        await pilot.pause()

        # a folder that does not exist: the dialog comes back with the path as typed and what went wrong
        missing = str(tmp_path / "missing" / "x.md")
        await export_to(pilot, missing)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert app.screen.query_one(Input).value == missing
        assert "No such file or directory" in str(app.screen.query_one("#export-error", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+q")

    saved = library.load(pm.id)
    assert [i.text for i in saved.went_well] == ["Alert", "Rollback"]
    assert [i.text for i in saved.lessons] == ["Caps"]
    assert [i.text for i in saved.open_questions] == [HOSTILE]
    assert [i.text for i in saved.parking_lot] == ["Later!", "Rota", "Parked"]


def test_checklist_before_any_report() -> None:
    assert [line.plain for _, line in checklist_lines(None)] == ["Checks not run yet."]


async def test_review_wide_layout_shows_preview_beside_lists(library) -> None:
    pm = library.create("Wide review")
    app = make_app(library, open_id=pm.id, autosave_delay=30)  # saved on quit
    async with app.run_test(size=(160, 48)) as pilot:
        stage = await open_review(pilot)
        assert stage.has_class("-wide")
        main, pane = stage.query_one("#review-main"), stage.query_one("#review-preview-pane")
        assert main.display and pane.display and pane.region.x > main.region.x
        await pilot.press("a", *"Good", "enter", "escape")
        await pilot.pause(0.7)  # the preview follows edits after a short pause
        assert "Good" in preview_text(stage)
        assert stage.query_one("#review-went_well").query_one(DataTable).row_count == 1
