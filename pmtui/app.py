"""The Textual application: the library screen and the post-mortem screen."""

from __future__ import annotations

import gc
import signal
from collections.abc import Callable, Iterable
from contextlib import suppress
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme

from pmtui.store import Library
from pmtui.widgets.fields import TO_SCREEN

STYLES = Path(str(files("pmtui.styles")))
# The post-mortem screen's sheets (its CSS_PATH): read when that screen is first shown, not at launch.
POSTMORTEM_STYLES = [
    STYLES / "postmortem.tcss",
    *sorted(p for p in STYLES.glob("*.tcss") if p.name not in ("app.tcss", "postmortem.tcss")),
]

HIGH_CONTRAST = Theme(
    name="pmtui-high-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffff00",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1c1c1c",
    success="#00ff00",
    warning="#ffaf00",
    error="#ff5f5f",
    boost="#ffffff",
    dark=True,
    variables={
        "block-cursor-background": "#ffff00",
        "block-cursor-foreground": "#000000",
        "block-cursor-text-style": "bold",
        "footer-key-foreground": "#ffff00",
        "input-selection-background": "#ffff00 40%",
        "border": "#ffffff",
        "border-blurred": "#808080",
    },
)
DEFAULT_THEME = "textual-dark"

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


class PmtuiApp(App[int]):
    """pmtui: a library of post-mortems and the meeting that writes each one."""

    TITLE = "pmtui"
    # The library and the dialogs; the post-mortem screen brings the rest (PostMortemScreen.CSS_PATH).
    CSS_PATH = [STYLES / "app.tcss"]
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True, tooltip="Save and quit"),
        Binding("ctrl+c", "quit", "Quit", id="app.quit_ctrl_c", show=False, priority=True, tooltip="Save and quit"),
        Binding("f1", "help", "Help", id="app.help", tooltip="Keys and help for this screen"),
        Binding("f8", "toggle_contrast", "Contrast", id="app.contrast", tooltip="High-contrast theme"),
    ]

    def __init__(
        self,
        library: Library,
        *,
        open_id: str | None = None,
        clock: Clock = system_clock,
        autosave_delay: float = 0.8,
    ) -> None:
        # Opening straight into a post-mortem: read its sheets with the app's (parsed once; Textual would
        # not load them for the default screen, which that post-mortem's screen is).
        super().__init__(css_path=[*self.CSS_PATH, *(POSTMORTEM_STYLES if open_id else [])])
        self._gc_paused = False
        self.library = library
        self.open_id = open_id
        self.clock = clock
        self.autosave_delay = autosave_delay
        self.register_theme(HIGH_CONTRAST)
        self.theme = DEFAULT_THEME

    def get_default_screen(self) -> Screen:
        """The first screen shown, at the bottom of the stack (no blank default screen to paint first).

        `pmtui open ID` starts straight in that post-mortem: the library is built only if the user goes
        back to it. Otherwise, or when the post-mortem cannot be read, the library.
        """
        from pmtui.screens.library import LibraryScreen

        if self.open_id:
            screen = self._postmortem_screen(self.open_id)
            if screen is not None:
                # Textual does not load a default screen's CSS_PATH: __init__ read its sheets with the app's
                return screen
        return LibraryScreen()

    def on_load(self) -> None:
        # No garbage collection until the first frame with content is out (see settle_memory): building
        # the first screen allocates a lot, and full collections would only find nothing to free.
        self._gc_paused = gc.isenabled()
        gc.disable()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded and self.focused is None:
            setattr(event, TO_SCREEN, True)  # handed to the screen itself (see pmtui.widgets.fields)
        await super().on_event(event)

    def on_mount(self) -> None:
        self._install_signal_handlers()

    def settle_memory(self) -> None:
        """After a screen's first frame with content (the library's, a post-mortem's): collect, and
        move what survives out of the collector's way. Resumes collection paused in on_load.

        Frozen objects are not scanned again: with a 2,000-event document loaded, full collections
        otherwise pause typing for up to ~130 ms (the timeline keystroke benchmark's p99).
        """
        if self._gc_paused:
            self._gc_paused = False
            gc.enable()
        gc.collect()
        gc.freeze()

    def on_unmount(self) -> None:
        if self._gc_paused:
            self._gc_paused = False
            gc.enable()

    def _install_signal_handlers(self) -> None:
        import asyncio

        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
            with suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(signum, self._on_signal)

    def _on_signal(self) -> None:
        self.flush_all()
        self.exit(0)

    def _postmortem_screen(self, pm_id: str) -> Screen | None:
        """The screen of a post-mortem; None, with a message, when it cannot be read."""
        from pmtui.screens.postmortem import PostMortemScreen
        from pmtui.store import LibraryError

        try:
            pm = self.library.load(pm_id)
        except LibraryError as error:
            self.notify(str(error), title="Cannot open", severity="error", markup=False)
            return None
        return PostMortemScreen(pm)

    def open_postmortem(self, pm_id: str) -> None:
        """Load a post-mortem and show it; an unreadable one gets a message and stays closed."""
        screen = self._postmortem_screen(pm_id)
        if screen is not None:
            self.push_screen(screen)

    def back_to_library(self) -> None:
        """Leave the post-mortem on top: back to the library below it, or build the library when
        the post-mortem was opened directly and is the bottom screen."""
        if len(self.screen_stack) > 1:
            self.pop_screen()
            return
        from pmtui.screens.library import LibraryScreen

        # The bottom screen was never pushed, so it holds no result callback for switch_screen to drop.
        self.screen._push_result_callback(self.screen, None)
        self.switch_screen(LibraryScreen())

    def flush_all(self) -> None:
        """Write every unsaved edit now, on this thread (used when leaving)."""
        from pmtui.screens.postmortem import PostMortemScreen

        for screen in self.screen_stack:
            if isinstance(screen, PostMortemScreen):
                screen.flush_now()

    def _handle_exception(self, error: Exception) -> None:
        # A bug must not cost the user their last edits: write them before Textual shuts the app down.
        with suppress(Exception):
            self.flush_all()
        super()._handle_exception(error)

    async def action_quit(self) -> None:
        from pmtui.screens.postmortem import PostMortemScreen

        def leave() -> None:
            self.flush_all()
            self.exit(0)

        if isinstance(self.screen, PostMortemScreen):
            self.screen.confirm_unsaved(leave, "Quit")
        else:
            leave()

    def action_help(self) -> None:
        from pmtui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(HelpScreen(self.screen))

    def action_toggle_contrast(self) -> None:
        self.theme = DEFAULT_THEME if self.theme == HIGH_CONTRAST.name else HIGH_CONTRAST.name

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand("Quit", "Save everything and quit pmtui", self.action_quit)
        yield SystemCommand("Help", "Keys and help for this screen", self.action_help)
        yield SystemCommand(
            "High-contrast theme", "Toggle the high-contrast theme for screen-sharing", self.action_toggle_contrast
        )
        yield SystemCommand("Theme", "Change the colour theme", self.action_change_theme)
        commands = getattr(screen, "palette_commands", None)
        if commands is not None:
            yield from commands()
