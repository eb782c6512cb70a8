"""The library's line-drawn table: cursor keys, paging, mouse, column sizing, literal drawing."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import App, ComposeResult

from pmtui.widgets.library_table import LibraryTable, Row


def make_rows(count: int, title: str = "Title") -> list[Row]:
    return [
        Row(f"pm-{n:04d}", (f"pm-{n:04d}", "SEV2", "draft", "2026-11-26", str(n % 7), f"{title} {n}"), strong=True)
        for n in range(count)
    ]


class TableApp(App[None]):
    def __init__(self, rows: list[Row]) -> None:
        super().__init__()
        self.rows = rows
        self.selected: list[str] = []

    def compose(self) -> ComposeResult:
        yield LibraryTable()

    def on_mount(self) -> None:
        table = self.query_one(LibraryTable)
        table.set_rows(self.rows)
        table.focus()

    def on_library_table_selected(self, event: LibraryTable.Selected) -> None:
        self.selected.append(event.key)


def lines(table: LibraryTable) -> list[str]:
    return [table.render_line(y).text for y in range(table.size.height)]


async def test_keys_move_the_cursor_and_keep_it_in_view() -> None:
    app = TableApp(make_rows(100))
    async with app.run_test(size=(80, 12)) as pilot:
        table = app.query_one(LibraryTable)
        visible = table.size.height - 1  # the header takes a line
        await pilot.press("down", "down")
        assert table.cursor_key == "pm-0002"
        await pilot.press("pagedown")
        assert table.cursor_row == 2 + visible
        assert table.scroll_y <= table.cursor_row < table.scroll_y + visible
        await pilot.press("end")
        await pilot.pause()
        assert table.cursor_key == "pm-0099"
        assert lines(table)[-1].split()[0] == "pm-0099"  # the last row is drawn on the last line
        await pilot.press("pageup", "up")
        assert table.cursor_row == 99 - visible - 1
        assert table.scroll_y == table.cursor_row  # scrolled just enough
        await pilot.press("home", "up")  # stops at the top
        assert table.cursor_row == 0 and table.scroll_y == 0
        await pilot.press("enter")
        assert app.selected == ["pm-0000"]


async def test_click_moves_the_cursor_and_a_second_click_selects() -> None:
    app = TableApp(make_rows(5))
    async with app.run_test(size=(80, 12)) as pilot:
        table = app.query_one(LibraryTable)
        await pilot.click(LibraryTable, offset=(3, 3))  # line 3 is the third row
        assert table.cursor_key == "pm-0002" and app.selected == []
        await pilot.click(LibraryTable, offset=(3, 3))
        assert app.selected == ["pm-0002"]
        await pilot.click(LibraryTable, offset=(3, 0))  # the header selects nothing
        await pilot.click(LibraryTable, offset=(3, 9))  # nor does the space below the last row
        assert app.selected == ["pm-0002"] and table.cursor_key == "pm-0002"


async def test_rows_replaced_keep_the_cursor_on_the_same_key() -> None:
    rows = make_rows(30)
    app = TableApp(rows)
    async with app.run_test(size=(80, 12)) as pilot:
        table = app.query_one(LibraryTable)
        await pilot.press("end")
        table.set_rows(rows[::2], keep="pm-0028", size_to=rows)
        assert table.cursor_key == "pm-0028"
        table.set_rows(rows[1::2], keep="pm-0028", size_to=rows)  # gone: back to the top
        assert table.cursor_row == 0 and table.cursor_key == "pm-0001"
        table.set_rows([], keep="pm-0001")
        assert table.cursor_key is None
        await pilot.press("down", "end", "enter")  # nothing to move to or select
        assert app.selected == []


async def test_columns_sized_by_every_row_and_the_title_fits_the_width() -> None:
    wide = Row("pm-wide", ("pm-wide", "SEV1", "in review", "2026-11-26", "12", "界" * 60), strong=True)
    rows = [*make_rows(3), wide]
    app = TableApp(rows)
    async with app.run_test(size=(80, 12)) as pilot:
        table = app.query_one(LibraryTable)
        table.set_rows(rows[:1], size_to=rows)  # filtered to one row, columns sized by all four
        await pilot.pause()
        header, first = lines(table)[:2]
        assert header.index("Date") == first.index("2026-11-26")
        assert header.index("Status") + len("in review") < header.index("Date")
        table.set_rows(rows)
        await pilot.pause()
        drawn = lines(table)[4]
        assert drawn.rstrip().endswith("…")  # the long title is shortened, never wrapped
        assert cell_len(drawn) == table.scrollable_content_region.width
        assert lines(table)[1].index("SEV2") == header.index("Sev")


async def test_cell_text_is_drawn_literally() -> None:
    hostile = "[bold]x[/bold] [@click=app.quit] [/x] ["
    app = TableApp([Row("evil", ("evil", "SEV3", "draft", "2026-11-26", "0", hostile))])
    async with app.run_test(size=(100, 8)) as pilot:
        await pilot.pause()
        assert hostile in lines(app.query_one(LibraryTable))[1]
        assert app.is_running
