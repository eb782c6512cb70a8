"""Text fields that apply keys in the order they were typed.

In Textual (8.2.8, pinned) an Input or TextArea inserts a typed character as soon as the key
reaches it, but a key bound to an action (backspace, ctrl+u, left, home...) is handled only after
the key has bubbled up to the app, one message queue per ancestor. When several keys arrive in one
read (a fast typist over SSH, a terminal multiplexer, pasted keystrokes), characters typed after an
editing key overtake it: "abc", backspace, "d" gives "abc" instead of "abd", and ctrl+u followed by
text erases the new text too. These fields run their own key bindings as each key arrives, in
order with the characters; other keys bubble as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.segment import Segment
from textual import events
from textual.strip import Strip
from textual.widgets import Checkbox, Input, SelectionList, TextArea
from textual.widgets.option_list import OptionDoesNotExist


class InOrderKeys:
    """Mixin for a focusable text widget: its own bindings run in order with typed characters."""

    async def _on_key(self, event: events.Key) -> None:
        # Runs before the base class's _on_key (Textual calls each class's handler along the MRO until
        # prevent_default): the same lookup the app does for this widget, but without the bubbling.
        for binding in self._bindings.key_to_bindings.get(event.key, ()):  # type: ignore[attr-defined]
            if not binding.priority and await self.app.run_action(binding.action, self):  # type: ignore[attr-defined]
                event.stop()
                event.prevent_default()
                return


class TextInput(InOrderKeys, Input):
    """A one-line text field.

    `on_submit`, when given, is called with the field as Enter is handled, in order with the keys around it,
    instead of posting Input.Submitted: a handler of that message runs only after the keys typed next have gone
    into the field, so one that reads or clears the field on Enter (add this line, then start the next) would
    take the next line's start with it ("QA one01:22 QA two") or clear it away.
    """

    def __init__(
        self,
        *args: Any,
        classes: str | None = None,
        on_submit: Callable[[TextInput], object] | None = None,
        **kwargs: Any,
    ) -> None:
        # Textual marks a field -valid (or -invalid) when its value is first set, which restyles it:
        # starting with the class saves that restyle for every field that is valid (~0.5 ms each).
        super().__init__(*args, classes=f"{classes or ''} -valid".strip(), **kwargs)
        self._on_submit = on_submit

    async def action_submit(self) -> None:
        if self._on_submit is None:
            await super().action_submit()
        else:
            self._on_submit(self)


class TextEditor(InOrderKeys, TextArea):
    """A multi-line text field."""

    def rewrap(self) -> None:
        """Wrap the text again for the width the field has now. Textual (8.2.8) wraps on a Resize event, but a
        focused TextArea resized by a change of the layout around it (presentation mode's padding) gets none,
        and kept the old width: its text ran past the edge, cut."""
        self._rewrap_and_refresh_virtual_size()


class TickList(SelectionList[str]):
    """A SelectionList whose unticked boxes are empty: Textual draws an X in every box and tells ticked from
    unticked by colour alone, which 16 colours and high contrast barely show."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        if selection.value in self.selected:
            return strip
        segments = list(strip)
        if len(segments) > 1 and segments[1].text == Checkbox.BUTTON_INNER:  # SelectionList draws the boxes so
            segments[1] = Segment(" " * len(Checkbox.BUTTON_INNER), segments[1].style)
            return Strip(segments, strip.cell_length)
        return strip


class TickBox(Checkbox):
    """A Checkbox whose box is empty when unticked (Textual draws an X either way, told apart by colour)."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]
        return "X" if self.value else " "
