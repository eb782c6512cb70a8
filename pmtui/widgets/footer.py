"""The footer: Textual's, without the command palette's key when the terminal is narrow."""

from __future__ import annotations

from textual import events
from textual.widgets import Footer

# Below this width the footer leaves out "^p palette" (ctrl+p still opens it; F1 lists it), so that at
# 80 columns the screen's own keys, "^q Quit" last, are not cut off behind it.
PALETTE_KEY_FROM = 100


class FitFooter(Footer):
    """Textual's Footer; its command palette key only from PALETTE_KEY_FROM columns."""

    def on_resize(self, event: events.Resize) -> None:
        wanted = event.size.width >= PALETTE_KEY_FROM
        if wanted != self.show_command_palette:
            self.show_command_palette = wanted
            self.call_after_refresh(self.recompose)  # (Footer shows a change of it only when its keys change)
