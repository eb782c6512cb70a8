"""Pilot test of the timeline import dialog: preview, confirm, events in the timeline."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from textual.widgets import Button, DataTable, Static

from pmtui.model import PostMortem, TimelineEvent
from pmtui.widgets.timeline_import import TimelineImportDialog
from tests.conftest import make_app, wait_saved

LOG = """\
ops-bastion session log
23:58 [alerts] checkout-api 5xx rate above 5% for 5 minutes
23:59 dana paged the database on-call
[00:04:10] connection pool at 100% on payments-db
  (continuation: all 50 of 50 connections busy)
00:12 rolled back config CHG-4821
garbage line without a time
00:20 error rate back to normal, resolved
"""


async def open_dialog(pilot, app, path: str) -> TimelineImportDialog:
    await pilot.press("escape", "3")
    await pilot.pause()
    if app.focused is not None and app.focused.id == "timeline-add":
        await pilot.press("escape")  # from the quick-add line to the table
    await pilot.press("i")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, TimelineImportDialog)
    await pilot.press(*path, "enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return dialog


async def test_preview_then_confirm_adds_events(library, tmp_path) -> None:
    berlin = ZoneInfo("Europe/Berlin")
    existing = TimelineEvent(time=datetime(2026, 3, 2, 23, 59, tzinfo=berlin), text="dana paged the database on-call")
    pm = library.save(
        PostMortem(
            id="imp",
            title="Import",
            timezone="Europe/Berlin",
            started=datetime(2026, 3, 2, 23, 50, tzinfo=berlin),
            timeline=[existing],
        )
    )
    log = tmp_path / "ops.log"
    log.write_text(LOG)
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        dialog = await open_dialog(pilot, app, str(log))
        summary = str(dialog.query_one("#import-summary", Static).render())
        assert "5 events from 23:58 to 00:20" in summary
        assert "4 new, 1 already in the timeline" in summary
        assert "skipped" in summary
        assert library.load(pm.id).timeline == [existing]  # nothing saved by a preview
        table = dialog.query_one("#import-preview", DataTable)
        first_cells = [str(table.get_row_at(row)[0]) for row in range(table.row_count)]
        # guessed kinds carry a "?", skipped lines say where they are
        assert "detection?" in first_cells and "resolution?" in first_cells
        assert any(cell.startswith("line ") for cell in first_cells)
        confirm = dialog.query_one("#import-confirm", Button)
        assert not confirm.disabled
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, TimelineImportDialog)
        await wait_saved(pilot, app)
    saved = library.load(pm.id)
    texts = [e.text for e in saved.timeline]
    assert len(texts) == 5
    assert texts[0].startswith("[alerts] checkout-api 5xx")
    assert "continuation" in texts[2]
    rollover = saved.timeline[-1].time
    assert rollover is not None and rollover.astimezone(berlin) == datetime(2026, 3, 3, 0, 20, tzinfo=berlin)
    assert all(e.source for e in saved.timeline[1:] if e.id != existing.id)


async def test_bad_file_is_a_clear_message_and_adds_nothing(library, tmp_path) -> None:
    pm = library.save(PostMortem(id="imp2", title="Import"))
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        dialog = await open_dialog(pilot, app, str(tmp_path / "missing.log"))
        summary = str(dialog.query_one("#import-summary", Static).render())
        assert summary.startswith("Nothing can be imported:")
        assert "missing.log" in summary
        assert dialog.query_one("#import-confirm", Button).disabled
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, TimelineImportDialog)
    assert library.load(pm.id).timeline == []


async def test_at_80x24_every_part_is_reachable_and_a_changed_path_needs_a_new_preview(library, tmp_path) -> None:
    pm = library.save(PostMortem(id="imp3", title="Import", timezone="Europe/Berlin"))
    log = tmp_path / "ops.log"
    log.write_text("2026-03-02 " + LOG.replace("\n23:59", "\n2026-03-02 23:59"))
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        dialog = await open_dialog(pilot, app, str(log))
        confirm = dialog.query_one("#import-confirm", Button)
        assert not confirm.disabled
        confirm.focus()  # as Tab would: the dialog scrolls the button into view (an animated scroll)
        for _ in range(40):
            await pilot.pause(0.05)
            if confirm.region.height > 0 and app.screen.region.contains_region(confirm.region):
                break
        assert confirm.region.height > 0 and app.screen.region.contains_region(confirm.region)
        dialog.query_one("#import-path").focus()
        await pilot.press("end", *"x")  # another file now: the old preview cannot be added
        await pilot.pause()
        assert confirm.disabled
        assert "preview again" in str(dialog.query_one("#import-summary", Static).render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TimelineImportDialog)
    assert library.load(pm.id).timeline == []


async def test_the_preview_lists_every_new_event(library, tmp_path) -> None:
    """Twenty new events: all twenty in the preview (it listed the first three and the last two, silently)."""
    pm = library.save(PostMortem(id="many", title="Many", timezone="UTC"))
    log = tmp_path / "many.log"
    log.write_text("".join(f"2026-03-02 23:{minute:02d} step {minute}\n" for minute in range(20)))
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        dialog = await open_dialog(pilot, app, str(log))
        table = dialog.query_one("#import-preview", DataTable)
        texts = [str(table.get_row_at(row)[2]) for row in range(table.row_count)]
        assert texts == [f"step {minute}" for minute in range(20)]
