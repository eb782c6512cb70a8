"""Keys that arrive together (fast typing over SSH, tmux, pasted keystrokes) are applied in order."""

from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Input, TextArea

from pmtui.widgets.fields import TextEditor, TextInput
from tests.conftest import make_app

BURST = ["a", "b", "c", "backspace", "d", "left", "X", "ctrl+e", "ctrl+w", "Z"]


def post_burst(app: App, keys: list[str]) -> None:
    """Queue keys the way the terminal driver does after one read: all at once, none awaited."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


class Fields(App[None]):
    def __init__(self, single: type[Input], multi: type[TextArea]) -> None:
        super().__init__()
        self.single, self.multi = single, multi

    def compose(self) -> ComposeResult:
        yield self.single(id="single")
        yield self.multi(id="multi")


async def burst_into(app: Fields, widget_id: str, keys: list[str]) -> None:
    async with app.run_test() as pilot:
        app.query_one(f"#{widget_id}").focus()
        await pilot.pause()
        post_burst(app, keys)
        await pilot.pause(0.2)
        widget = app.query_one(f"#{widget_id}")
        app.result = widget.value if isinstance(widget, Input) else widget.text  # type: ignore[attr-defined]


async def test_a_burst_of_keys_edits_in_order() -> None:
    # abc, backspace -> ab, d -> abd, left, X -> abXd, end, delete a word back -> "", Z -> Z
    app = Fields(TextInput, TextEditor)
    await burst_into(app, "single", BURST)
    assert app.result == "Z"
    app = Fields(TextInput, TextEditor)
    await burst_into(app, "multi", ["a", "b", "c", "backspace", "d", "left", "X", "enter", "e", "home", "Y"])
    assert app.result == "abX\nYed"


async def test_textual_fields_alone_reorder_a_burst() -> None:
    """Why fields.py exists: Textual's own fields (8.2.8) let later characters overtake an editing key.
    If this fails after a Textual upgrade, the upgrade fixed it and the mixin can go."""
    app = Fields(Input, TextArea)
    await burst_into(app, "single", ["a", "b", "c", "backspace", "d"])
    assert app.result != "abd"


async def test_setup_field_takes_a_burst_in_order(library) -> None:
    pm = library.create("Burst")
    app = make_app(library, open_id=pm.id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#field-owner", Input)
        field.focus()
        await pilot.pause()
        post_burst(app, [*"Anna", "backspace", "backspace", "left", "i", "end", "a"])
        await pilot.pause(0.2)
        assert field.value == "Aina"
