"""Modal dialogs that return a value (Frogmouth's pattern: ModalScreen[T] + dismiss)."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from pmtui.model import Severity
from pmtui.widgets.fields import TextInput


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question; Enter or y confirms, Escape or n cancels."""

    BINDINGS = [
        Binding("escape,n", "cancel", "Cancel", id="confirm.cancel"),
        Binding("y", "confirm", "Yes", id="confirm.yes"),
    ]

    def __init__(self, question: str, confirm_label: str = "Yes") -> None:
        super().__init__()
        self.question = question
        self.confirm_label = confirm_label

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="dialog-question", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.confirm_label} (y)", variant="error", id="yes")
                yield Button("Cancel (n)", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def action_confirm(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_cancel(self) -> None:
        self.dismiss(False)


class NewPostMortemDialog(ModalScreen[tuple[str, str] | None]):
    """Ask for a title and a severity."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="new.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("New post-mortem", classes="dialog-title")
            # no max_length: Textual would drop a longer paste whole; _create says what is wrong instead
            yield TextInput(placeholder="Title, e.g. Checkout API errors after config rollout", id="new-title")
            yield Select(
                [(s.value, s.value) for s in Severity], value=Severity.SEV3.value, allow_blank=False, id="new-severity"
            )
            # on the list, Enter opens it (as in Setup): say how to create from there
            yield Static(
                "Enter in the title creates; on the severity list Enter opens it, Tab then Enter creates.",
                classes="dialog-hint",
                markup=False,
            )
            yield Static("", id="new-error", classes="dialog-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Create (Enter)", variant="primary", id="create")
                yield Button("Cancel (Esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#new-title", Input).focus()

    @on(Input.Submitted, "#new-title")
    @on(Button.Pressed, "#create")
    def _create(self) -> None:
        title = self.query_one("#new-title", Input).value.strip()
        problem = ""
        if not title:
            problem = "A post-mortem needs a title."
        elif len(title) > 500:
            problem = f"Keep the title to 500 characters or fewer (it has {len(title)})."
        error = self.query_one("#new-error", Static)
        error.update(problem)
        error.set_class(bool(problem), "-shown")
        if problem:
            return
        severity = self.query_one("#new-severity", Select).value
        self.dismiss((title, str(severity)))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class TextPromptDialog(ModalScreen[str | None]):
    """Ask for one line of text (used for quick capture from any stage)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel")]

    def __init__(
        self, title: str, placeholder: str = "", value: str = "", check: Callable[[str], str | None] | None = None
    ) -> None:
        super().__init__()
        self.prompt_title = title
        self.placeholder = placeholder
        self.initial = value
        self.check = check  # what is wrong with the text, or None: the dialog stays open until it reads

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.prompt_title, classes="dialog-title", markup=False)
            yield TextInput(value=self.initial, placeholder=self.placeholder, id="prompt-input")
            yield Static("", id="prompt-error", classes="dialog-error", markup=False)
            yield Static("Enter to keep, Esc to cancel", classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        problem = self.check(event.value) if self.check is not None else None
        if problem:
            error = self.query_one("#prompt-error", Static)
            error.update(problem)
            error.add_class("-shown")
            return
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
