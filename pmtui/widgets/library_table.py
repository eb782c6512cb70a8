"""The library's table of post-mortems, drawn line by line (Textual's Line API).

Textual's DataTable measures every cell of every row through Rich when rows are added and renders
each visible cell through Rich again: with 1,000 post-mortems that was about a fifth of the
library's first frame. These rows are short plain strings, so this table sizes its columns from
their lengths and draws only the lines in view, straight into segments. Cell text is never parsed
as markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from pmtui.widgets.fields import InOrderKeys

HEADERS = ("ID", "Sev", "Status", "Date", "Open", "Title")
RIGHT = 4  # the Open column is right-aligned
MIN_TITLE = 20


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the table: the post-mortem's id is its key."""

    key: str
    cells: tuple[str, str, str, str, str, str]
    strong: bool = False  # severity in bold (SEV1, SEV2)
    unreadable: bool = False  # the title cell holds the reason, in italics


class LibraryTable(InOrderKeys, ScrollView, can_focus=True):
    """Post-mortems, one per line, with a row cursor; Enter or a click on the cursor row selects."""

    BINDINGS = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "cursor_to(0)", "First", show=False),
        Binding("end", "cursor_to(-1)", "Last", show=False),
        Binding("enter", "select", "Open", show=False),
    ]

    COMPONENT_CLASSES = {
        "library-table--header",
        "library-table--cursor",
        "library-table--even-row",
        "library-table--odd-row",
    }

    # The look of Textual's DataTable (Textual 8.2.8), so themes style both alike.
    DEFAULT_CSS = """
    LibraryTable {
        background: $surface;
        color: $foreground;
        &:focus {
            background-tint: $foreground 5%;
            & > .library-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .library-table--header {
                background-tint: $foreground 5%;
            }
        }
        &:dark > .library-table--even-row {
            background: $surface-darken-1 40%;
        }
        & > .library-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .library-table--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .library-table--even-row {
            background: $surface-lighten-1 50%;
        }
        & > .library-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    cursor_row: reactive[int] = reactive(0, layout=False, repaint=True, always_update=True)

    class Selected(Message):
        """Enter, or a click on the highlighted row."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    def on_key(self, event: events.Key) -> None:
        """A character typed here goes to the screen's filter (LibraryScreen.type_into_filter), as it arrives."""
        type_into = getattr(self.screen, "type_into_filter", None)
        if type_into is not None and type_into(event):
            event.stop()
            event.prevent_default()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[Row] = []
        self._index: dict[str, int] = {}
        self._widths = [cell_len(header) for header in HEADERS[:-1]]

    # -- data --------------------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def cursor_key(self) -> str | None:
        """The key of the highlighted row, or None when the table is empty."""
        return self.rows[self.cursor_row].key if self.rows else None

    def set_rows(self, rows: list[Row], keep: str | None = None, size_to: list[Row] | None = None) -> None:
        """Show these rows; the cursor stays on `keep` when it is among them, else goes to the top.

        Columns are as wide as the widest cell of `size_to` (default: `rows`): pass every row when
        showing a filtered few, so that the columns stay put as the filter changes.
        """
        self.rows = rows
        self._index = {row.key: index for index, row in enumerate(rows)}
        widths = [cell_len(header) for header in HEADERS[:-1]]
        for row in rows if size_to is None else size_to:
            for column, cell in enumerate(row.cells[:-1]):
                if len(cell) > widths[column]:  # len is a lower bound of cell_len: measure only then
                    widths[column] = max(widths[column], cell_len(cell))
        self._widths = widths
        self._update_virtual_size()
        self.cursor_row = self._index.get(keep, 0) if keep is not None else 0
        self._scroll_cursor_into_view()

    def _fixed_width(self) -> int:
        return sum(width + 2 for width in self._widths)

    def _title_width(self) -> int:
        return max(MIN_TITLE, self.scrollable_content_region.width - self._fixed_width() - 2)

    def _update_virtual_size(self) -> None:
        self.virtual_size = Size(self._fixed_width() + MIN_TITLE + 2, len(self.rows) + 1)

    # -- cursor ------------------------------------------------------------------------------------

    def validate_cursor_row(self, row: int) -> int:
        return max(0, min(row, len(self.rows) - 1))

    def _visible_rows(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _scroll_cursor_into_view(self) -> None:
        top = round(self.scroll_y)
        visible = self._visible_rows()
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + visible:
            self.scroll_to(y=self.cursor_row - visible + 1, animate=False, immediate=True)

    def move_cursor(self, row: int) -> None:
        self.cursor_row = row
        self._scroll_cursor_into_view()

    def action_cursor(self, delta: int) -> None:
        self.move_cursor(self.cursor_row + delta)

    def action_page(self, direction: int) -> None:
        self.move_cursor(self.cursor_row + direction * self._visible_rows())

    def action_cursor_to(self, row: int) -> None:
        self.move_cursor(row if row >= 0 else len(self.rows) - 1)

    def action_select(self) -> None:
        if self.rows:
            self.post_message(self.Selected(self.rows[self.cursor_row].key))

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return
        row = round(self.scroll_y) + offset.y - 1
        if not 0 <= row < len(self.rows):
            return
        event.stop()
        if row == self.cursor_row or event.chain > 1:
            self.move_cursor(row)
            self.action_select()
        else:
            self.move_cursor(row)

    def on_resize(self) -> None:
        self._scroll_cursor_into_view()

    # -- drawing -----------------------------------------------------------------------------------

    def _line(self, cells: tuple[str, ...], title_width: int, styles: list[Style]) -> list[Segment]:
        segments: list[Segment] = []
        last = len(cells) - 1
        for column, cell in enumerate(cells):
            width = title_width if column == last else self._widths[column]
            if column == last and cell_len(cell) > width:
                cell = set_cell_size(cell, width - 1) + "…"
            text = cell.rjust(width) if column == RIGHT else set_cell_size(cell, width)
            segments.append(Segment(f" {text} ", styles[column]))
        return segments

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        base = self.rich_style
        title_width = self._title_width()
        if y == 0:
            style = base + self.get_component_rich_style("library-table--header")
            segments = self._line(HEADERS, title_width, [style] * len(HEADERS))
        else:
            index = scroll_y + y - 1
            if index >= len(self.rows):
                return Strip.blank(width, base)
            row = self.rows[index]
            if index == self.cursor_row:
                style = base + self.get_component_rich_style("library-table--cursor")
            else:
                zebra = "library-table--odd-row" if index % 2 else "library-table--even-row"
                style = base + self.get_component_rich_style(zebra)
            styles = [style] * len(row.cells)
            if row.strong:
                styles[1] = style + Style(bold=True)
            if row.unreadable:
                styles[-1] = style + Style(italic=True)
            segments = self._line(row.cells, title_width, styles)
        return Strip(segments).crop_extend(scroll_x, scroll_x + width, base)
