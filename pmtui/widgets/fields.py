"""Text fields, lists and tables that apply keys in the order they were typed.

In Textual (8.2.8, pinned) the app hands each key to the widget focused at that moment, and a key bound to
an action (backspace, ctrl+u, Tab, Esc, a stage's 'a') is handled only after it has bubbled up to the
app, one message queue per ancestor; a widget's focus() takes effect later still. When several keys
arrive in one read (a fast typist over SSH, a terminal multiplexer, pasted keystrokes), keys typed after
an editing key overtake it: "abc", backspace, "d" gave "abc"; text after Tab went into the field left
behind; text after 'a' (open the editor) was read as commands by the list. Widgets with InOrderKeys:

- run the bindings for a key as it arrives — their own, then (a key they would not insert) those of
  their ancestors, the screen and the app, as Textual would once the key had bubbled up;
- take focus at once when focused (not after the keys already queued);
- pass a key that arrives after the focus has moved on to the widget that has it now (or the screen).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.segment import Segment
from textual import events
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Checkbox, Input, SelectionList, TextArea
from textual.widgets.option_list import OptionDoesNotExist


def pass_on_if_focus_moved(widget: Widget, event: events.Key) -> bool:
    """A key that reached `widget` after the focus moved elsewhere (it was queued here before): hand it to the
    widget focused now, or the screen when none is — on the screen on top now, if another came up (F1, a dialog)
    or this one went (back to the library) meanwhile: the key is that screen's. True when passed on."""
    try:
        screen = widget.screen
        active = widget.app.screen
    except Exception:  # no longer on a screen: nothing to pass it to
        return False
    if active is not screen:
        screen = active
    focused = screen.focused
    if focused is widget or (focused is None and widget is screen):
        return False
    event.stop()
    event.prevent_default()
    passed = events.Key(event.key, event.character)
    if focused is None:
        setattr(passed, TO_SCREEN, True)
    (focused or screen).post_message(passed)
    return True


class InOrderKeys:
    """Mixin for a focusable widget: keys are applied in the order they were typed (see the module's text)."""

    def _inserts(self, event: events.Key) -> bool:
        """Whether the widget itself takes this key as text (then no binding is looked for)."""
        return False

    async def _on_key(self, event: events.Key) -> None:
        # Runs before the base class's _on_key (Textual calls each class's handler along the MRO until
        # prevent_default): the same lookup the app does for this widget, but without the bubbling.
        if pass_on_if_focus_moved(self, event):  # type: ignore[arg-type]
            return
        for binding in self._bindings.key_to_bindings.get(event.key, ()):  # type: ignore[attr-defined]
            if not binding.priority and await self.app.run_action(binding.action, self):  # type: ignore[attr-defined]
                event.stop()
                event.prevent_default()
                return
        if not self._inserts(event) and await self.app._check_bindings(event.key):  # type: ignore[attr-defined]
            event.stop()  # an ancestor's binding (the stage's 'a', the screen's Tab) has run, now
            event.prevent_default()

    def focus(self, scroll_visible: bool = True) -> Any:
        """Focus now, so that the keys already on their way are passed here (Textual focuses after them)."""
        try:
            screen = self.screen  # type: ignore[attr-defined]
        except Exception:
            screen = None
        if screen is None or not self.is_mounted or not self.focusable:  # type: ignore[attr-defined]
            return super().focus(scroll_visible)  # type: ignore[misc]
        screen.set_focus(self, scroll_visible=scroll_visible)
        return self


# Set on a key the app hands to the screen itself (nothing was focused), by PmtuiApp.on_event: a key that
# bubbled up to the screen from a widget (a Select's Enter) has been seen by the widget and must not be handed
# back to it.
TO_SCREEN = "_pmtui_to_screen"


class InOrderScreenKeys:
    """Mixin for a screen: a key handed to it while nothing was focused runs its bindings as it arrives (Tab, a
    stage's digit), and one that arrives after a widget took the focus goes to that widget."""

    async def _on_key(self, event: events.Key) -> None:
        if not getattr(event, TO_SCREEN, False):
            return  # bubbled up from a widget: as Textual does
        if pass_on_if_focus_moved(self, event):  # type: ignore[arg-type]
            return
        if await self.app._check_bindings(event.key):  # type: ignore[attr-defined]
            event.stop()
            event.prevent_default()


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

    def _inserts(self, event: events.Key) -> bool:
        return event.is_printable

    async def action_submit(self) -> None:
        if self._on_submit is None:
            await super().action_submit()
        else:
            self._on_submit(self)


class TextEditor(InOrderKeys, TextArea):
    """A multi-line text field."""

    def _inserts(self, event: events.Key) -> bool:
        return event.is_printable or event.key == "enter" or (event.key == "tab" and self.tab_behavior == "indent")

    def rewrap(self) -> None:
        """Wrap the text again for the width the field has now. Textual (8.2.8) wraps on a Resize event, but a
        focused TextArea resized by a change of the layout around it (presentation mode's padding) gets none,
        and kept the old width: its text ran past the edge, cut."""
        self._rewrap_and_refresh_virtual_size()


class TickList(InOrderKeys, SelectionList[str]):
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
