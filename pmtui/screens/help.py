"""F1 help: the current screen's keys, built from its live bindings, plus its help text."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Input, Static, TextArea


def _key_label(app, key: str) -> str:
    try:
        return app.get_key_display(Binding(key, ""))
    except Exception:
        return key


class HelpScreen(ModalScreen[None]):
    """Help for the screen beneath: its text and every active key binding."""

    BINDINGS = [Binding("escape,f1,q", "close", "Close", id="help.close")]

    def __init__(self, target: Screen) -> None:
        super().__init__()
        self.target = target

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="dialog"):
            yield Static(f"Help — {self._title()}", classes="dialog-title", markup=False)
            yield Static(self._text(), id="help-text", markup=False)
            yield DataTable(id="help-keys", cursor_type="none", show_cursor=False, zebra_stripes=True)
            yield Static(
                "Up, Down, PgUp, PgDn scroll. Esc or F1 closes this help. Ctrl+P opens the command palette.",
                classes="dialog-hint",
                markup=False,
            )

    def _title(self) -> str:
        describe = getattr(self.target, "help_title", None)
        return describe() if callable(describe) else type(self.target).__name__.replace("Screen", "")

    def _text(self) -> str:
        describe = getattr(self.target, "help_text", None)
        if callable(describe):
            return describe()
        return getattr(self.target, "HELP", "") or ""

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.can_focus = False  # the help scrolls as a whole (arrows, PgUp/PgDn); the table has no cursor
        table.add_columns("Key", "Action")
        seen: set[str] = set()

        # pmtui's own keys first; those of the focused field, table or tree (Textual's editing and cursor
        # keys) after them
        def textuals(node: object) -> bool:
            return isinstance(node, (Input, TextArea)) or type(node).__module__.startswith("textual.")

        bindings = sorted(self.target.active_bindings.items(), key=lambda item: textuals(item[1].node))
        for key, active in bindings:
            binding = active.binding
            description = binding.description or binding.tooltip
            if not description or binding.system or key.startswith(("super+", "meta+")):
                continue  # super/meta (the Mac command key) rarely reach a terminal app
            label = _key_label(self.app, key)
            row = f"{label}:{description}"
            if row in seen:
                continue
            seen.add(row)
            table.add_row(Text(label, style="bold"), Text(binding.tooltip or description))

        self.query_one("#help", VerticalScroll).focus()

    def action_close(self) -> None:
        self.dismiss()
