"""Link a 5 Whys node or a factor to an action: a small picker dialog and the linking rules they share."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from pmtui.model import Action, PostMortem, RaisedDuring
from pmtui.widgets.fields import TextInput
from pmtui.widgets.plain import one_line

CREATE_OPTION = "create"
ACTION_PREFIX = "action:"


def action_number(pm: PostMortem, action_id: str) -> int | None:
    """The action's 1-based position in the post-mortem's action list (its label A<n>), or None if gone."""
    for index, action in enumerate(pm.actions, start=1):
        if action.id == action_id:
            return index
    return None


def action_labels(pm: PostMortem, action_ids: list[str]) -> list[str]:
    """'A2'-style labels of the linked actions that still exist, in action order."""
    numbers = sorted(n for n in (action_number(pm, a) for a in action_ids) if n is not None)
    return [f"A{n}" for n in numbers]


def live_action_ids(pm: PostMortem, action_ids: list[str]) -> list[str]:
    return [a for a in action_ids if pm.action(a) is not None]


@dataclass(frozen=True)
class ActionChoice:
    """What the picker returns: create a new action from the item's text, or (un)link an existing one."""

    create: bool = False
    action_id: str | None = None


def apply_choice(pm: PostMortem, action_ids: list[str], choice: ActionChoice, text: str) -> str:
    """Carry out a picker choice on an item's `action_ids` (in place); return what happened, in words."""
    if choice.create:
        action = Action(text=text.strip(), raised_during=RaisedDuring.REVIEW)
        pm.actions.append(action)
        action_ids.append(action.id)
        return f"Created action A{len(pm.actions)} and linked it; give it an owner and a due date in Actions."
    if choice.action_id is None:
        return ""
    label = f"A{action_number(pm, choice.action_id)}"
    if choice.action_id in action_ids:
        action_ids.remove(choice.action_id)
        return f"Unlinked {label}."
    action_ids.append(choice.action_id)
    return f"Linked {label}."


class ActionPicker(ModalScreen[ActionChoice | None]):
    """Choose an action to link (or unlink, if already linked), or create one from the item's text."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="picker.cancel")]

    def __init__(self, pm: PostMortem, text: str, linked: list[str], what: str = "item") -> None:
        super().__init__()
        self.pm = pm
        self.item_text = text
        self.linked = list(linked)
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="action-picker"):
            yield Static(f"Link this {self.what} to an action", classes="dialog-title", markup=False)
            yield OptionList(*self._options(), id="action-options")
            yield Static(
                "Enter links the action (✓ = linked: Enter unlinks it) · Esc cancels",
                classes="dialog-hint",
                markup=False,
            )

    def _options(self) -> list[Option]:
        text = one_line(self.item_text.strip())
        if text:
            prompt = Text.assemble(("Create action… ", "bold"), f"“{text}”", overflow="ellipsis")
            options = [Option(prompt, id=CREATE_OPTION)]
        else:
            options = [
                Option(Text("Create action… (write the text first)", style="italic"), id=CREATE_OPTION, disabled=True)
            ]
        for number, action in enumerate(self.pm.actions, start=1):
            mark = "✓ " if action.id in self.linked else "  "
            body = one_line(action.text) or "(no text yet)"
            prompt = Text.assemble((mark, "bold"), (f"A{number}  ", "bold"), body)
            if action.owner:
                prompt.append(f"  · {one_line(action.owner)}", style="italic")
            options.append(Option(prompt, id=f"{ACTION_PREFIX}{action.id}"))
        return options

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        first_enabled = next((i for i, o in enumerate(options.options) if not o.disabled), None)
        if first_enabled is not None:
            options.highlighted = first_enabled

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id == CREATE_OPTION:
            self.dismiss(ActionChoice(create=True))
        elif option_id.startswith(ACTION_PREFIX):
            self.dismiss(ActionChoice(action_id=option_id.removeprefix(ACTION_PREFIX)))

    def action_cancel(self) -> None:
        self.dismiss(None)


class LineEditor(TextInput):
    """The one-line editor under a stage's list: Enter keeps the text (Submitted), Escape posts `Closed`."""

    BINDINGS = [Binding("escape", "close", "Done", id="editor.close", tooltip="Back to the list")]

    class Closed(Message):
        """Escape was pressed in the editor."""

        def __init__(self, editor: LineEditor) -> None:
            super().__init__()
            self.editor = editor

        @property
        def control(self) -> LineEditor:
            return self.editor

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(**kwargs)

    def action_close(self) -> None:
        self.post_message(self.Closed(self))
