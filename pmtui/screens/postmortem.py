"""The post-mortem screen: the agenda stages, the stage bar, autosave, the meeting clock."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from datetime import datetime

from pydantic import ValidationError
from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Input, Static, TextArea

from pmtui.app import POSTMORTEM_STYLES
from pmtui.model import STAGE_TITLES, PostMortem, Stage, TextItem
from pmtui.widgets.fields import InOrderScreenKeys
from pmtui.widgets.footer import FitFooter
from pmtui.widgets.plain import one_line
from pmtui.widgets.stage import StageView

STAGES = list(Stage)
STAGE_KEYS = Binding.Group("Stage")


def format_clock(seconds: float) -> str:
    seconds = round(seconds)
    sign = "-" if seconds < 0 else ""
    minutes, secs = divmod(abs(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"


class StageBar(Static):
    """The agenda as one line: the current stage highlighted, finding counts beside each."""

    def __init__(self, **kwargs) -> None:
        super().__init__("", markup=False, **kwargs)
        self.current = Stage.SETUP
        self.counts: dict[Stage, int] = {}

    SHORT = {
        Stage.TIMELINE: "Time",
        Stage.WHYS: "Whys",
        Stage.FACTORS: "Fctrs",
        Stage.ACTIONS: "Acts",
        Stage.REVIEW: "Rev",
    }

    def show(self, current: Stage, counts: dict[Stage, int] | None = None) -> None:
        self.current = current
        if counts is not None:
            self.counts = counts
        width = self.size.width or self.app.size.width
        # roomy, then tighter, then short names: every stage and its count stay in view at 80 columns
        for gap, titles in ((" ", STAGE_TITLES), ("", STAGE_TITLES), ("", {**STAGE_TITLES, **self.SHORT})):
            text = self._line(current, gap, titles)
            if text.cell_len <= width:
                break
        self.update(text, layout=False)  # always one line: no reflow needed

    def _line(self, current: Stage, gap: str, titles: dict[Stage, str]) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        for number, stage in enumerate(STAGES, start=1):
            count = self.counts.get(stage, 0)
            style = "reverse bold" if stage == current else ""
            text.append(f"{gap}{number} {titles[stage]}", style=style)
            if count:  # how many findings the stage has, e.g. "3 Timeline (2)"
                text.append(f"{gap}({count})", style=f"{style} italic")
            text.append(" ", style=style)
        return text

    def on_resize(self) -> None:
        self.show(self.current)


class PostMortemScreen(InOrderScreenKeys, Screen[None]):
    """One post-mortem, stage by stage."""

    CSS_PATH = POSTMORTEM_STYLES
    # No automatic focus (Textual's would land on the first focusable container, and a focused
    # container is restyled with everything in it: the whole Setup form, ~25 ms at open). on_mount
    # asks the stage (focus_first): Setup focuses nothing, the other stages their table.
    AUTO_FOCUS = ""

    # The F-keys are priority bindings, so they work from every field: Textual's TextArea binds F6 and
    # F7 itself (select line, select all), which otherwise took them in the Setup text areas.
    #
    # F1 is the app's, repeated here so that the footer lists it before the screen's keys: at 80 columns
    # the footer cannot show every key, and F1 is the one that shows them all. F2 and F3 share one entry.
    BINDINGS = [
        Binding("f1", "app.help", "Help", id="pm.help", tooltip="Keys and help for this screen"),
        Binding(
            "f2",
            "previous_stage",
            "Previous stage",
            id="pm.previous_stage",
            tooltip="Previous stage",
            priority=True,
            group=STAGE_KEYS,
        ),
        Binding(
            "f3", "next_stage", "Next stage", id="pm.next_stage", tooltip="Next stage", priority=True, group=STAGE_KEYS
        ),
        Binding(
            "f5", "presentation", "Present", id="pm.presentation", tooltip="Presentation mode on/off", priority=True
        ),
        Binding("f6", "meeting", "Clock", id="pm.meeting", tooltip="Start or pause the meeting clock", priority=True),
        Binding("f7", "park", "Park", id="pm.park", tooltip="Capture a parking-lot item", priority=True),
        Binding(
            "f9",
            "question",
            "Question",
            id="pm.question",
            show=False,
            tooltip="Capture an open question",
            priority=True,
        ),
        Binding("ctrl+t", "timebox", "Timebox", id="pm.timebox", show=False, tooltip="Set this stage's timebox"),
        Binding("ctrl+s", "save", "Save", id="pm.save", show=False, tooltip="Save now"),
        Binding("ctrl+r", "reload", "Reload", id="pm.reload", show=False, tooltip="Reload from disk"),
        Binding(
            "escape",
            "leave_field",
            "Leave field",
            id="pm.leave_field",
            show=False,
            tooltip="Leave the text field (then 1-7 jump to stages)",
        ),
        Binding("ctrl+l", "back", "Library", id="pm.back", tooltip="Save and go back to the library"),
        # with nothing focused (Setup opens so) the stage's own bindings are not asked: these pass the keys on
        Binding("pagedown", "page(1)", "Page down", id="pm.page_down", show=False),
        Binding("pageup", "page(-1)", "Page up", id="pm.page_up", show=False),
    ] + [
        Binding(
            str(n),
            f"go_stage({n - 1})",
            STAGE_TITLES[s],
            id=f"pm.stage_{s.value}",
            show=False,
            tooltip=f"Go to {STAGE_TITLES[s]}",
        )
        for n, s in enumerate(STAGES, start=1)
    ]

    current_stage: reactive[Stage] = reactive(Stage.SETUP, init=False)
    presenting: reactive[bool] = reactive(False, init=False)

    class Saved(Message):
        """A background save finished."""

        def __init__(self, saved: PostMortem | None, error: str | None, generation: int) -> None:
            super().__init__()
            self.saved = saved
            self.error = error
            self.generation = generation

    def __init__(self, pm: PostMortem) -> None:
        super().__init__()
        self.pm = pm
        self.generation = 0  # bumped on every edit
        self.saved_generation = 0
        self.last_saved: datetime | None = None
        self.save_error: str | None = None
        self.meeting_running = False
        self.meeting_mark: datetime | None = None  # when the current stage's running time last accrued
        self._autosave_timer = None
        self._theme_before_presenting: str | None = None
        self._findings_shown = ""
        self._resumed = False
        self._stage_views: dict[Stage, StageView] = {}  # built on first show
        self.report = None
        self._config_warned = False
        self.findings_by_stage: dict[Stage, list] = {}
        self._checks_timer = None  # run_checks' wait for the edits to stop
        self._stage_lock = asyncio.Lock()

    # -- layout ------------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield StageBar(id="stagebar")
        with Horizontal(id="titlebar"):
            yield Static("", id="pm-title", markup=False)
            yield Static("", id="clock", markup=False)
            yield Static("", id="save-status", markup=False)
        with ContentSwitcher(id="stages", initial=self.current_stage.value):
            yield self._view(self.current_stage)  # the others are built when first shown
        yield Static("", id="findings", markup=False)
        yield FitFooter()

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Textual's own handler (Screen._on_screen_resume). On the first resume every
        # widget was styled moments ago, as it mounted: restyling the whole screen again would only
        # add ~20 ms before the first frame. Later resumes (back from a dialog) restyle as usual.
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    def on_mount(self) -> None:
        self.query_one(StageBar).show(self.current_stage)
        self._show_title()
        self._update_status()
        self.set_interval(1.0, self._tick)
        self.current_view().focus_first()
        self.call_after_refresh(self.app.settle_memory)
        self.call_after_refresh(self.run_checks, 0)  # after the first frame: it copies the whole document

    def views(self) -> list[StageView]:
        """The stages shown so far (a stage is built the first time it is shown: opening is cheaper)."""
        return [view for view in self._stage_views.values() if view.is_mounted]

    def _view(self, stage: Stage) -> StageView:
        if stage not in self._stage_views:
            from pmtui.widgets.stages import stage_class

            self._stage_views[stage] = stage_class(stage)(self.pm, id=stage.value)
        return self._stage_views[stage]

    def current_view(self) -> StageView:
        return self._view(self.current_stage)

    async def _ensure_mounted(self, view: StageView) -> None:
        if view.is_mounted or view.parent is not None:
            return
        await self.query_one(ContentSwitcher).mount(view)
        setter = getattr(view, "set_findings", None)
        if setter is not None and self.report is not None:
            setter(self.findings_by_stage.get(view.stage, []), self.report)
        if self.presenting:
            view.presentation(True)

    def _show_title(self) -> None:
        self.query_one("#pm-title", Static).update(
            layout=False,
            content=Text.assemble(
                (one_line(self.pm.title), "bold"),
                f" · {self.pm.severity.value} · {self.pm.status.value}",
                no_wrap=True,
                overflow="ellipsis",
            ),
        )

    # -- stages ------------------------------------------------------------------------------------

    async def watch_current_stage(self, old: Stage, new: Stage) -> None:
        async with self._stage_lock:  # one switch at a time: '2 4' in one read mounts Facts, then the 5 Whys
            self._accrue_meeting_time(old)
            old_view = self._stage_views.get(old)
            if old_view is not None and old_view.is_mounted:
                old_view.left()
            view = self._view(new)
            await self._ensure_mounted(view)
            if self.current_stage is not new:
                return  # a later key moved on while this stage mounted: its own switch shows that one
            self._show_stage(view)

    def _show_stage(self, view: StageView) -> None:
        new = view.stage
        self.query_one(ContentSwitcher).current = new.value
        self.query_one(StageBar).show(new)
        view.entered()
        self.call_after_refresh(view.focus_first)
        self._update_status()
        self._show_findings()

    def action_go_stage(self, index: int) -> None:
        self.current_stage = STAGES[max(0, min(index, len(STAGES) - 1))]

    def action_next_stage(self) -> None:
        self.action_go_stage(STAGES.index(self.current_stage) + 1)

    def action_previous_stage(self) -> None:
        self.action_go_stage(STAGES.index(self.current_stage) - 1)

    def action_page(self, direction: int) -> None:
        scroll = getattr(self.current_view(), "action_scroll_form", None)
        if scroll is not None:
            scroll(direction)

    def action_leave_field(self) -> None:
        """Escape: step out of a text field so that single keys work as commands again."""
        if isinstance(self.focused, (Input, TextArea)):
            self.set_focus(None)
        else:
            self.notify("Keys 1-7 jump to a stage; ctrl+l goes back to the library.", timeout=3)

    def action_back(self) -> None:
        def leave() -> None:
            self.flush_now()
            self._accrue_meeting_time(self.current_stage)
            self.app.back_to_library()

        self.confirm_unsaved(leave, "Leave")

    def unsaved_problems(self) -> list[str]:
        """Text typed that is not stored: fields that do not read yet, new items typed but not added."""
        problems: list[str] = []
        for view in self.views():
            problems.extend(f"{STAGE_TITLES[view.stage]}: {problem}" for problem in view.unsaved_problems())
        return problems

    def confirm_unsaved(self, leave: Callable[[], None], verb: str) -> None:
        """Leave at once when everything typed is saved; else say what would be lost and ask first."""
        problems = self.unsaved_problems()
        if not problems:
            leave()
            return
        from pmtui.screens.dialogs import ConfirmDialog

        question = "Not saved yet:\n" + "\n".join(f"• {p}" for p in problems) + f"\n\n{verb} anyway? It will be lost."
        self.app.push_screen(ConfirmDialog(question, verb), lambda yes: leave() if yes else None)

    # -- editing and saving ------------------------------------------------------------------------

    @on(StageView.Edited)
    def _edited(self, event: StageView.Edited) -> None:
        event.stop()
        self.mark_dirty()
        if event.structural or event.stage == Stage.SETUP:
            self._show_title()

    def mark_dirty(self) -> None:
        self.generation += 1
        self._update_status()
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
        self._autosave_timer = self.set_timer(self.app.autosave_delay, self._autosave)
        self.run_checks()

    @property
    def dirty(self) -> bool:
        return self.generation != self.saved_generation

    def _autosave(self) -> None:
        self._autosave_timer = None
        if self.dirty:
            self.save_in_background(self.pm.model_dump(mode="json"), self.generation)

    @work(thread=True, exclusive=False, group="save")
    def save_in_background(self, snapshot: dict, generation: int) -> None:
        from pmtui.store import ConflictError, LibraryError

        try:
            document = PostMortem.model_validate(snapshot)
            saved = self.app.library.save(document.model_copy(update={"updated": self.app.clock()}), touch=False)
        except ConflictError as error:  # say which key, and that nothing typed here is dropped without asking
            message = f"{error} (ctrl+r; it asks before dropping edits made here)"
            self.post_message(self.Saved(None, message, generation))
            return
        except (LibraryError, OSError, ValidationError) as error:
            self.post_message(self.Saved(None, str(error), generation))
            return
        self.post_message(self.Saved(saved, None, generation))

    @on(Saved)
    def _saved(self, event: Saved) -> None:
        if event.error is not None:
            self.save_error = event.error
            self.notify(event.error, title="Not saved", severity="error", markup=False, timeout=10)
        else:
            self.save_error = None
            self.saved_generation = max(self.saved_generation, event.generation)
            self.last_saved = self.app.clock()
        self._update_status()

    def flush_now(self) -> None:
        """Save synchronously if anything is unsaved (on leaving, quitting or a signal)."""
        self._accrue_meeting_time(self.current_stage)
        if not self.dirty:
            return
        from pmtui.store import LibraryError

        try:
            saved = self.app.library.save(self.pm.model_copy(update={"updated": self.app.clock()}), touch=False)
        except (LibraryError, OSError) as error:
            self.save_error = str(error)
            self.notify(str(error), title="Not saved", severity="error", markup=False, timeout=10)
            return
        self.pm.updated = saved.updated
        self.saved_generation = self.generation
        self.last_saved = self.app.clock()
        self.save_error = None

    def action_save(self) -> None:
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
            self._autosave_timer = None
        self.flush_now()
        self._update_status()
        self.notify("Saved.", timeout=2)

    def action_reload(self) -> None:
        """Read the post-mortem again from disk; asks first when edits made here are not saved (they would go)."""
        unsaved = self.unsaved_problems()
        if self.dirty:
            unsaved.insert(0, "edits not written to disk yet" + (f" ({self.save_error})" if self.save_error else ""))
        if not unsaved:
            self._reload()
            return
        from pmtui.screens.dialogs import ConfirmDialog

        question = "Reload from disk? What is not saved will be lost:\n" + "\n".join(f"• {p}" for p in unsaved)
        self.app.push_screen(ConfirmDialog(question, "Reload"), lambda yes: self._reload() if yes else None)

    def _reload(self) -> None:
        from pmtui.store import LibraryError

        self.app.library.forget(self.pm.id)
        try:
            pm = self.app.library.load(self.pm.id)
        except LibraryError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.pm = pm
        self.generation = self.saved_generation = 0
        self.save_error = None
        for view in self._stage_views.values():
            if view.is_mounted:
                view.load(pm)
            else:
                view.pm = pm
        self._show_title()
        self._update_status()
        self.run_checks()
        self.current_view().focus_first()  # the shown stage's, whatever reloading the others did
        self.notify("Reloaded from disk.", timeout=3)

    # -- status line and clock ---------------------------------------------------------------------

    def _tick(self) -> None:
        self._update_status()

    def _update_status(self) -> None:
        now = self.app.clock()
        if self.save_error is not None:
            status = "not saved!"
        elif self.dirty:
            status = "editing…"
        elif self.last_saved is not None:
            ago = max(0, int((now - self.last_saved).total_seconds()))
            status = f"saved {ago} s ago" if ago < 120 else f"saved {ago // 60} min ago"
        else:
            status = "saved"
        save_widget = self.query_one("#save-status", Static)
        save_widget.update(status, layout=False)
        save_widget.set_class(self.save_error is not None, "-error")
        clock = self.query_one("#clock", Static)
        record = self.pm.meeting.stages[self.current_stage]
        spent = record.spent_seconds + self._running_seconds(now)
        left = record.timebox_minutes * 60 - spent
        if self.pm.meeting.started_at is None and not self.meeting_running:
            clock.update(f"{STAGE_TITLES[self.current_stage]} {record.timebox_minutes} min", layout=False)
        else:
            total = sum(r.spent_seconds for r in self.pm.meeting.stages.values()) + self._running_seconds(now)
            # plain words, no emoji (their width differs between terminals); the whole meeting's time,
            # then this stage's time left: "in all" so the two do not read as one sum
            meeting = f"{format_clock(total)} in all" if self.meeting_running else f"paused {format_clock(total)}"
            label = f"{format_clock(left)} left" if left >= 0 else f"{format_clock(-left)} over"
            clock.update(f"{meeting} · {label}", layout=False)
        clock.set_class(left < 0, "-over")

    def _running_seconds(self, now: datetime) -> float:
        if not self.meeting_running or self.meeting_mark is None:
            return 0.0
        return max(0.0, (now - self.meeting_mark).total_seconds())

    def _accrue_meeting_time(self, stage: Stage) -> None:
        if not self.meeting_running or self.meeting_mark is None:
            return
        now = self.app.clock()
        seconds = self._running_seconds(now)
        self.meeting_mark = now
        if seconds >= 1:
            self.pm.meeting.stages[stage].spent_seconds += round(seconds)
            self.generation += 1
            if self._autosave_timer is None:
                self._autosave_timer = self.set_timer(self.app.autosave_delay, self._autosave)

    def action_meeting(self) -> None:
        now = self.app.clock()
        if self.meeting_running:
            self._accrue_meeting_time(self.current_stage)
            self.meeting_running = False
            self.notify("Meeting clock paused.", timeout=2)
        else:
            if self.pm.meeting.started_at is None:
                self.pm.meeting.started_at = now
                self.mark_dirty()
            self.meeting_running = True
            self.meeting_mark = now
            self.notify("Meeting clock running.", timeout=2)
        self._update_status()

    def action_timebox(self) -> None:
        from pmtui.screens.dialogs import TextPromptDialog

        stage = self.current_stage
        record = self.pm.meeting.stages[stage]

        def minutes(text: str) -> str:
            return text.strip().removesuffix("min").strip()

        def check(text: str) -> str | None:
            cleaned = minutes(text)
            if not cleaned.isdigit() or not 1 <= int(cleaned) <= 600:
                return f"{text.strip()!r} is not a timebox: give whole minutes from 1 to 600."
            return None

        def chosen(text: str | None) -> None:
            if text is None:
                return
            record.timebox_minutes = int(minutes(text))
            self.mark_dirty()
            self._update_status()

        self.app.push_screen(
            TextPromptDialog(
                f"Timebox for {STAGE_TITLES[stage]} (minutes)", "e.g. 10", str(record.timebox_minutes), check=check
            ),
            chosen,
        )

    # -- capture from any stage --------------------------------------------------------------------

    def _capture(self, title: str, field: str) -> None:
        from pmtui.screens.dialogs import TextPromptDialog

        def captured(text: str | None) -> None:
            if text and text.strip():
                getattr(self.pm, field).append(TextItem(text=text.strip()))
                self.mark_dirty()
                review = self._stage_views.get(Stage.REVIEW)
                if review is not None and review.is_mounted:
                    review.refresh_view()
                self.notify(f"Added to {title.lower()}.", timeout=2)

        self.app.push_screen(TextPromptDialog(title, "One line; Enter keeps it"), captured)

    def action_park(self) -> None:
        self._capture("Parking lot", "parking_lot")

    def action_question(self) -> None:
        self._capture("Open questions", "open_questions")

    # -- presentation mode -------------------------------------------------------------------------

    def watch_presenting(self, presenting: bool) -> None:
        self.set_class(presenting, "-presenting")
        if presenting:
            self._theme_before_presenting = self.app.theme
            self.app.theme = "pmtui-high-contrast"
        elif self._theme_before_presenting:
            self.app.theme = self._theme_before_presenting
        for view in self.views():
            view.presentation(presenting)
        self.call_after_refresh(self._rewrap_text_fields)

    def _rewrap_text_fields(self) -> None:
        from pmtui.widgets.fields import TextEditor

        for editor in self.query(TextEditor):
            editor.rewrap()

    def action_presentation(self) -> None:
        self.presenting = not self.presenting

    # -- findings ----------------------------------------------------------------------------------

    def run_checks(self, wait: float = 0.15) -> None:
        """Recompute the findings once the edits stop for `wait` seconds, in a worker. The worker gets a copy of
        the document, taken when the wait is over: with 2,000 events the copy takes ~30 ms, once per burst of
        keys rather than on each key."""
        if self._checks_timer is not None:
            self._checks_timer.stop()
        self._checks_timer = self.set_timer(wait, self._start_checks) if wait > 0 else None
        if wait <= 0:
            self._start_checks()

    def _start_checks(self) -> None:
        self._checks_timer = None
        self._check_in_background(self.pm.model_dump(mode="json"))

    @work(thread=True, exclusive=True, group="checks")
    def _check_in_background(self, snapshot: dict) -> None:
        from textual.worker import get_current_worker

        from pmtui.analysis import run_checks

        if get_current_worker().is_cancelled:
            return
        from pmtui.config import ConfigError, load_config

        try:
            config = load_config()
        except ConfigError as error:
            config = None  # the defaults; say so once rather than silently
            if not self._config_warned:
                self._config_warned = True
                self.app.call_from_thread(
                    self.notify, f"{error} — using the default checks", severity="warning", markup=False, timeout=10
                )
        report = run_checks(PostMortem.model_validate(snapshot), self.app.clock(), config)
        self.post_message(self.Checked(report))

    class Checked(Message):
        """Findings were recomputed."""

        def __init__(self, report) -> None:
            super().__init__()
            self.report = report

    @on(Checked)
    def _checked(self, event: Checked) -> None:
        grouped: dict[Stage, list] = {}
        for finding in event.report.findings:
            grouped.setdefault(finding.stage, []).append(finding)
        self.findings_by_stage = grouped
        self.report = event.report
        self.query_one(StageBar).show(self.current_stage, {s: len(f) for s, f in grouped.items()})
        for view in self.views():
            setter = getattr(view, "set_findings", None)
            if setter is not None:
                setter(grouped.get(view.stage, []), event.report)
        self._show_findings()

    def _show_findings(self) -> None:
        panel = self.query_one("#findings", Static)
        findings = getattr(self, "findings_by_stage", {}).get(self.current_stage, [])
        if not findings:
            self._findings_shown = ""
            panel.display = False
            return
        # One line per finding (text-wrap: nowrap in the CSS): the stage keeps its room. A blocking finding is
        # drawn in the theme's error colour, an advisory one in the panel's (warning): not by its glyph alone.
        parts: list[tuple[str, str] | str] = []
        for finding in findings[:3]:
            blocking = finding.severity == "blocking"
            parts.append(("■ " if blocking else "□ ", "bold $error" if blocking else "bold"))
            parts.append((one_line(finding.message), "$error" if blocking else ""))
            if finding.excerpt:
                parts.append((f" “{one_line(finding.excerpt)}”", "italic"))
            if finding.suggestion:
                parts.append((f" → {one_line(finding.suggestion)}", "dim"))
            parts.append("\n")
        if len(findings) > 3:
            parts.append(f"… and {len(findings) - 3} more: the Review stage lists them all")
        text = Content.assemble(*parts).rstrip()
        if text.plain == self._findings_shown and panel.display:
            return  # unchanged: no repaint, no reflow
        self._findings_shown = text.plain
        panel.update(text)
        panel.display = True

    # -- palette and help --------------------------------------------------------------------------

    def palette_commands(self) -> Iterable[SystemCommand]:
        for number, stage in enumerate(STAGES, start=1):
            yield SystemCommand(
                f"Go to {STAGE_TITLES[stage]}",
                f"Stage {number} of the agenda",
                lambda index=number - 1: self.action_go_stage(index),
            )
        yield SystemCommand("Next stage", "Move to the next agenda stage", self.action_next_stage)
        yield SystemCommand("Previous stage", "Move to the previous agenda stage", self.action_previous_stage)
        yield SystemCommand(
            "Presentation mode", "Hide chrome and private notes for screen-sharing", self.action_presentation
        )
        yield SystemCommand("Meeting clock", "Start or pause the meeting clock", self.action_meeting)
        yield SystemCommand("Set timebox", "Change how many minutes this stage has", self.action_timebox)
        yield SystemCommand("Park an item", "Capture a parking-lot item", self.action_park)
        yield SystemCommand("Open question", "Capture an open question", self.action_question)
        yield SystemCommand("Save now", "Write the post-mortem to disk now", self.action_save)
        yield SystemCommand(
            "Reload from disk", "Discard this screen's copy and read the file again", self.action_reload
        )
        yield SystemCommand("Back to library", "Save and return to the library (ctrl+l)", self.action_back)
        if self.current_stage != Stage.REVIEW:
            yield SystemCommand("Export Markdown", "Go to the Review stage and export to a file", self._export)
        yield from self.current_view().palette_commands()

    def _export(self) -> None:
        self.current_stage = Stage.REVIEW
        self.call_after_refresh(lambda: self.current_view().action_export())

    def help_title(self) -> str:
        return f"{STAGE_TITLES[self.current_stage]} stage"

    def help_text(self) -> str:
        return (self.current_view().HELP or "").strip() + (
            "\n\nMove between stages with F2/F3 (or 1-7 when not typing). Edits save themselves within a second;"
            " the top right shows when. F6 starts or pauses the meeting clock (ctrl+t sets this stage's timebox),"
            " F5 presentation mode, F7 parks an item, F9 records an open question, F8 switches to the"
            " high-contrast theme. Esc leaves a text field; ctrl+l goes back to the library."
        )
