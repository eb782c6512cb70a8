"""The base of every agenda stage editor, and small shared widgets."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar

from textual.app import SystemCommand
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message

from pmtui.model import PostMortem, Stage


class StageView(Vertical):
    """One agenda stage. Edits the shared PostMortem in place and posts `Edited` after each change."""

    stage: ClassVar[Stage]
    HELP: ClassVar[str] = ""
    BINDINGS = [
        Binding("u,ctrl+z", "undo", "Undo", id="stage.undo", tooltip="Bring back what was last deleted"),
    ]

    class Edited(Message):
        """The document was changed in this stage."""

        def __init__(self, stage: Stage, structural: bool = False) -> None:
            super().__init__()
            self.stage = stage
            self.structural = structural

    def __init__(self, pm: PostMortem, **kwargs) -> None:
        super().__init__(**kwargs)
        self.pm = pm
        self.undo_stack: list[tuple[str, Callable[[], None]]] = []

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No stage key before the stage has mounted: one typed in the same read as the stage's number ('4 a')
        came before its widgets (it crashed on the 5 Whys' tree); see also check_stage_action."""
        return self.is_mounted and self.check_stage_action(action, parameters)

    def check_stage_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A stage's own conditions on its actions (Textual's check_action, once mounted)."""
        return True

    def push_undo(self, description: str, restore: Callable[[], None]) -> None:
        """Remember how to bring back something just deleted (kept until the stage is left)."""
        self.undo_stack.append((description, restore))

    def action_undo(self) -> None:
        if not self.undo_stack:
            self.notify("Nothing to undo in this stage.", timeout=2)
            return
        description, restore = self.undo_stack.pop()
        restore()
        self.refresh_view()
        self.edited(structural=True)
        self.notify(f"Restored {description}.", timeout=2, markup=False)

    @property
    def now(self):
        return self.app.clock()

    def edited(self, structural: bool = False) -> None:
        self.post_message(self.Edited(self.stage, structural))

    def load(self, pm: PostMortem) -> None:
        """Show another copy of the document (after a reload from disk)."""
        self.pm = pm
        self.refresh_view()

    def refresh_view(self) -> None:
        """Redraw everything from `self.pm`."""

    def unsaved_problems(self) -> list[str]:
        """Text typed into this stage that cannot be stored yet, one line each (asked about on leaving)."""
        return []

    def entered(self) -> None:
        """The stage became the current one."""

    def left(self) -> None:
        """The stage stopped being the current one: its undo history is dropped."""
        self.undo_stack.clear()

    def focus_first(self) -> None:
        focusable = [w for w in self.query("*") if w.focusable and w.display]
        if focusable:
            focusable[0].focus()

    def palette_commands(self) -> Iterable[SystemCommand]:
        return ()

    def presentation(self, on: bool) -> None:
        """Presentation mode changed; hide private things."""
