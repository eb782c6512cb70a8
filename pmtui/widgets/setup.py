"""The Setup stage: title, severity, times, services, roles, impact, detection, review triggers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.widgets import Input, Label, Select, SelectionList, Static, TextArea
from textual.widgets.selection_list import Selection

from pmtui.model import (
    MILESTONE_FIELDS,
    DetectionMethod,
    Milestone,
    PostMortem,
    ReviewTrigger,
    Severity,
    Stage,
    Status,
    check_zone,
)
from pmtui.timeparse import TimeParseError, parse_time
from pmtui.widgets.fields import TextEditor, TextInput, TickList
from pmtui.widgets.plain import multi_line, one_line
from pmtui.widgets.stage import StageView

MILESTONE_LABELS = {
    Milestone.STARTED: "Started",
    Milestone.DETECTED: "Detected",
    Milestone.RESPONDED: "Responded",
    Milestone.MITIGATED: "Mitigated",
    Milestone.RESOLVED: "Resolved",
}


def split_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def parse_count(text: str) -> int | None:
    cleaned = text.strip().replace(",", "").replace("_", "")
    if not cleaned:
        return None
    if not cleaned.isdigit():
        raise ValueError("a whole number, like 1200")
    return int(cleaned)


def parse_amount(text: str) -> float | None:
    cleaned = text.strip().replace(",", "").replace("_", "").lstrip("$€£")
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError("an amount, like 2500 or 12.50") from None
    if value < 0 or value != value or value in (float("inf"),):
        raise ValueError("a positive amount")
    return value


@dataclass(frozen=True)
class TextField:
    """One line of the setup form: how to show a value and how to read what was typed."""

    key: str
    label: str
    show: Callable[[PostMortem], str]
    store: Callable[[PostMortem, str], None]  # raises ValueError with a plain message
    placeholder: str = ""


def _setter(path: str, parse: Callable[[str], Any] = lambda s: s) -> Callable[[PostMortem, str], None]:
    parts = path.split(".")

    def store(pm: PostMortem, text: str) -> None:
        target: Any = pm
        for part in parts[:-1]:
            target = getattr(target, part)
        setattr(target, parts[-1], parse(text))

    return store


def _getter(
    path: str, show: Callable[[Any], str] = lambda v: "" if v is None else str(v)
) -> Callable[[PostMortem], str]:
    parts = path.split(".")

    def get(pm: PostMortem) -> str:
        value: Any = pm
        for part in parts:
            value = getattr(value, part)
        return show(value)

    return get


def _show_amount(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}" if value == int(value) else f"{value:.2f}"


def _store_title(pm: PostMortem, text: str) -> None:
    if not text.strip():
        raise ValueError("a post-mortem needs a title")
    if len(text) > 500:
        raise ValueError("keep the title under 500 characters")
    pm.title = text


def _store_zone(pm: PostMortem, text: str) -> None:
    pm.timezone = check_zone(text.strip() or "UTC")


def incident_anchor(pm: PostMortem, today: date) -> date:
    """The date a bare time like '14:05' belongs to: the incident's (while Started is empty, being retyped say,
    that of the other setup times or the timeline); else today."""
    value = pm.anchor_time()
    return value.astimezone(pm.tzinfo).date() if value is not None else today


def _time_field(milestone: Milestone, today: Callable[[], date]) -> TextField:
    def show(pm: PostMortem) -> str:
        value = pm.milestone_time(milestone)
        return value.astimezone(pm.tzinfo).strftime("%Y-%m-%d %H:%M") if value else ""

    def store(pm: PostMortem, text: str) -> None:
        if not text.strip():
            setattr(pm, milestone.value, None)
            return
        anchor = incident_anchor(pm, today())
        try:
            value = parse_time(text, zone=pm.timezone, anchor=anchor)
            if milestone is not Milestone.STARTED and pm.started is not None and value < pm.started:
                # A bare time earlier than the start is after midnight (as in the timeline): the next day.
                # Text with a date in it parses the same whatever the anchor, and is kept as typed.
                later = parse_time(text, zone=pm.timezone, anchor=anchor + timedelta(days=1))
                if later != value:
                    value = later
        except TimeParseError as error:
            raise ValueError(str(error)) from None
        setattr(pm, milestone.value, value)

    return TextField(milestone.value, MILESTONE_LABELS[milestone], show, store, "14:05, 2026-03-02 23:27 or 23:27 UTC")


def setup_fields(today: Callable[[], date]) -> list[TextField]:
    def join(values: list[str]) -> str:
        return ", ".join(values)

    return [
        TextField("title", "Title", _getter("title"), _store_title, "What broke, for whom"),
        TextField("timezone", "Time zone", _getter("timezone"), _store_zone, "UTC or Europe/Berlin"),
        *[_time_field(m, today) for m in MILESTONE_FIELDS],
        TextField(
            "services", "Services", _getter("services", join), _setter("services", split_list), "comma-separated"
        ),
        TextField("tags", "Tags", _getter("tags", join), _setter("tags", split_list), "comma-separated"),
        TextField("owner", "PM owner", _getter("roles.owner"), _setter("roles.owner", str.strip), "who writes it up"),
        TextField(
            "facilitator",
            "Facilitator",
            _getter("roles.facilitator"),
            _setter("roles.facilitator", str.strip),
            "who leads the meeting",
        ),
        TextField(
            "note_taker",
            "Note-taker",
            _getter("roles.note_taker"),
            _setter("roles.note_taker", str.strip),
            "not the facilitator",
        ),
        TextField(
            "attendees",
            "Attendees",
            _getter("roles.attendees", join),
            _setter("roles.attendees", split_list),
            "comma-separated",
        ),
        TextField(
            "users_affected",
            "Users hit",
            _getter("impact.users_affected"),
            _setter("impact.users_affected", parse_count),
            "number",
        ),
        TextField(
            "duration",
            "Duration min",
            _getter("impact.duration_minutes"),
            _setter("impact.duration_minutes", parse_count),
            "minutes of impact",
        ),
        TextField(
            "tickets",
            "Tickets",
            _getter("impact.customer_tickets"),
            _setter("impact.customer_tickets", parse_count),
            "customer tickets",
        ),
        TextField(
            "financial",
            "Cost",
            _getter("impact.financial_impact", _show_amount),
            _setter("impact.financial_impact", parse_amount),
            "financial impact",
        ),
        TextField(
            "cost_per_minute",
            "Cost/min",
            _getter("impact.cost_per_minute", _show_amount),
            _setter("impact.cost_per_minute", parse_amount),
            "cost per minute of outage",
        ),
    ]


AREAS = {
    "summary": ("Summary", "summary"),
    "impact_summary": ("Impact", "impact.summary"),
    "detection_detail": ("How found", "detection.detail"),
    "facilitator_notes": ("Private notes", "facilitator_notes"),
}

HELP = (
    "Setup records what the incident was: title, severity, the incident's times, services, roles, impact, "
    "how it was detected and which review triggers were met.\n\n"
    "Times: type 14:05 (the incident's date), 2026-03-02 23:27, 23:27 UTC, 23:27 +05:30 or "
    "23:27 Europe/London. A time without a zone is read in the post-mortem's time zone. Tab and Shift+Tab "
    "move between fields; every change saves itself. A field with a problem says what is wrong at the top "
    "of the form and keeps what you typed. Private notes are hidden in presentation mode.\n\n"
    "Severity, Status and Detected by: Enter (or Space) opens the list, Up/Down choose, Enter sets it. "
    "Review triggers: Up/Down move, Space ticks or unticks the one highlighted (a ticked one shows an X in "
    "its box, an unticked one an empty box). Esc leaves a field, so that 1-7 and the other single keys work again. "
    "PgUp and PgDn scroll the form."
)


class SetupStage(StageView):
    """The setup form."""

    stage = Stage.SETUP
    HELP = HELP
    # nothing in Setup is deleted, so no Undo in the footer (Inputs keep their own ctrl+z)
    BINDINGS = [
        Binding("u,ctrl+z", "undo", "Undo", id="stage.undo", show=False),
        # the form takes no focus itself (Tab goes to the fields): these scroll it from anywhere but a text area
        Binding("pagedown", "scroll_form(1)", "Page down", id="setup.page_down", show=False),
        Binding("pageup", "scroll_form(-1)", "Page up", id="setup.page_up", show=False),
    ]

    def __init__(self, pm: PostMortem, **kwargs) -> None:
        super().__init__(pm, **kwargs)
        self.fields = {f.key: f for f in setup_fields(lambda: self.now.astimezone(self.pm.tzinfo).date())}
        self._loading = False
        self.problems: dict[str, str] = {}  # field key -> what is wrong with what was typed
        self.roles_warning = ""

    def compose(self) -> ComposeResult:
        # One grid of label/field pairs and one notes line for every problem: a flat form keeps
        # Textual's reflow (which an Input runs on each keystroke) cheap.
        with VerticalScroll(id="setup-form") as form:
            form.can_focus = False  # Tab goes straight to the fields (and scrolls them into view)
            yield Static("", id="setup-notes", markup=False)
            with Grid(id="setup-grid"):
                for field in self.fields.values():
                    yield Label(field.label, classes="form-label")
                    yield TextInput(
                        one_line(field.show(self.pm)),
                        placeholder=field.placeholder,
                        id=f"field-{field.key}",
                        classes="form-input",
                        select_on_focus=False,  # a stray key must not replace a whole field
                    )
                    if field.key == "timezone":
                        yield from self._selects()
                yield Label("Detected by", classes="form-label")
                yield Select(
                    [(m.value, m.value) for m in DetectionMethod],
                    value=self.pm.detection.method.value if self.pm.detection.method else Select.NULL,
                    prompt="how was it noticed?",
                    id="field-detection",
                    classes="form-input",
                )

    def _lower_form(self) -> list:
        """Review triggers and the text areas: below the fold at 80x24, mounted after the first frame."""
        widgets: list = [
            Label("Review triggers met", classes="form-section"),
            TickList(
                *[Selection(t.value, t.value, t in self.pm.triggers) for t in ReviewTrigger],
                id="field-triggers",
            ),
        ]
        for key, (label, path) in AREAS.items():
            widgets.append(Label(label, classes="form-section", id=f"label-{key}"))
            widgets.append(
                TextEditor(
                    multi_line(_getter(path)(self.pm)),
                    id=f"area-{key}",
                    classes="form-area",
                    soft_wrap=True,
                    show_line_numbers=False,
                    tab_behavior="focus",
                )
            )
        return widgets

    def _selects(self) -> ComposeResult:
        yield Label("Severity", classes="form-label")
        yield Select(
            [(s.value, s.value) for s in Severity],
            value=self.pm.severity.value,
            allow_blank=False,
            id="field-severity",
            classes="form-input",
        )
        yield Label("Status", classes="form-label")
        yield Select(
            [(s.value, s.value) for s in Status],
            value=self.pm.status.value,
            allow_blank=False,
            id="field-status",
            classes="form-input",
        )

    def on_mount(self) -> None:
        self._check_roles()
        self.call_after_refresh(self._mount_lower_form)

    async def _mount_lower_form(self) -> None:
        # built from the document as it is now, so edits made in the meantime (a reload) are shown
        await self.query_one("#setup-form", VerticalScroll).mount_all(self._lower_form())
        if getattr(self.screen, "presenting", False):
            self.presentation(True)

    @property
    def lower_form_mounted(self) -> bool:
        return bool(self.query("#field-triggers"))

    def _show_notes(self) -> None:
        """Every field that doesn't read yet, then the roles warning; hidden when there is nothing."""
        notes = self.query_one("#setup-notes", Static)
        text = Text()
        for key, problem in self.problems.items():
            text.append(f"{self.fields[key].label}: {problem} — not saved until it reads\n", style="bold")
        if self.roles_warning:
            text.append(self.roles_warning)
        text.rstrip()
        notes.update(text)
        notes.set_class(bool(text.plain), "-shown")

    def refresh_view(self) -> None:
        self._loading = True
        try:
            for field in self.fields.values():
                field_input = self.query_one(f"#field-{field.key}", Input)
                field_input.value = one_line(field.show(self.pm))
                field_input.remove_class("-problem")
            self.problems.clear()
            self._show_notes()
            self.query_one("#field-severity", Select).value = self.pm.severity.value
            self.query_one("#field-status", Select).value = self.pm.status.value
            self.query_one("#field-detection", Select).value = (
                self.pm.detection.method.value if self.pm.detection.method else Select.NULL
            )
            if self.lower_form_mounted:
                selection = self.query_one("#field-triggers", SelectionList)
                selection.deselect_all()
                for trigger in self.pm.triggers:
                    selection.select(trigger.value)
                for key, (_, path) in AREAS.items():
                    self.query_one(f"#area-{key}", TextArea).text = multi_line(_getter(path)(self.pm))
        finally:
            self.call_after_refresh(self._done_loading)
        self._check_roles()

    def _done_loading(self) -> None:
        self._loading = False

    @on(Input.Changed, ".form-input")
    def _input_changed(self, event: Input.Changed) -> None:
        if self._loading or event.input.id is None:
            return
        key = event.input.id.removeprefix("field-")
        field = self.fields.get(key)
        if field is None or (event.value == one_line(field.show(self.pm)) and key not in self.problems):
            return  # no change (Inputs report their first value when mounted)
        try:
            field.store(self.pm, event.value)
        except ValueError as problem:
            self.problems[key] = str(problem)
            event.input.add_class("-problem")
            self._show_notes()
            return
        if self.problems.pop(key, None) is not None:
            event.input.remove_class("-problem")
            self._show_notes()
        if key in ("facilitator", "note_taker"):
            self._check_roles()
        self.edited()

    @on(Input.Blurred, ".form-input")
    def _input_left(self, event: Input.Blurred) -> None:
        """Leaving a field shows what was stored, as it will read next time (a bare time with the date it was
        given). Leaving one whose text does not read: say so where it is seen (the notes line may be scrolled
        out of view at 80x24). The text stays in the field, marked, until it is fixed."""
        key = (event.input.id or "").removeprefix("field-")
        field = self.fields.get(key)
        if field is not None and key not in self.problems and self.is_mounted:
            shown = one_line(field.show(self.pm))
            if event.input.value != shown:
                event.input.value = shown  # '23:40' reads '2026-11-26 23:40': the date it was given is seen
        if key in self.problems:
            self.notify(
                f"{self.fields[key].label}: {self.problems[key]} — not saved until it reads.",
                title="Not saved",
                severity="warning",
                markup=False,
            )

    def unsaved_problems(self) -> list[str]:
        """What was typed but cannot be stored, one line per field (empty when all is saved)."""
        return [
            f"{self.fields[key].label} {self.query_one(f'#field-{key}', Input).value!r}: {problem}"
            for key, problem in self.problems.items()
        ]

    @on(Select.Changed)
    def _select_changed(self, event: Select.Changed) -> None:
        if self._loading:
            return
        value = event.value
        method = self.pm.detection.method
        if event.select.id == "field-severity" and value not in (Select.NULL, self.pm.severity.value):
            self.pm.severity = Severity(value)
        elif event.select.id == "field-status" and value not in (Select.NULL, self.pm.status.value):
            self.pm.status = Status(value)
        elif event.select.id == "field-detection" and value != (method.value if method else Select.NULL):
            self.pm.detection.method = None if value == Select.NULL else DetectionMethod(value)
        else:
            return  # no change
        self.edited()

    @on(SelectionList.SelectedChanged, "#field-triggers")
    def _triggers_changed(self, event: SelectionList.SelectedChanged) -> None:
        if self._loading:
            return
        chosen = set(event.selection_list.selected)
        if chosen == {t.value for t in self.pm.triggers}:
            return
        self.pm.triggers = [t for t in ReviewTrigger if t.value in chosen]
        self.edited()

    @on(TextArea.Changed, ".form-area")
    def _area_changed(self, event: TextArea.Changed) -> None:
        if self._loading or event.text_area.id is None:
            return
        key = event.text_area.id.removeprefix("area-")
        _, path = AREAS[key]
        if event.text_area.text == multi_line(_getter(path)(self.pm)):
            return
        _setter(path)(self.pm, event.text_area.text)
        self.edited()

    def _check_roles(self) -> None:
        roles = self.pm.roles
        same = roles.facilitator.strip() and roles.facilitator.strip().casefold() == roles.note_taker.strip().casefold()
        warning = "One person cannot lead the meeting and take the notes: ask someone else to take notes."
        wanted = warning if same else ""
        if wanted != self.roles_warning:
            self.roles_warning = wanted
            self._show_notes()

    def presentation(self, on: bool) -> None:
        for widget in self.query("#label-facilitator_notes, #area-facilitator_notes"):
            widget.display = not on  # (mounted just after the first frame; then shown as presenting says)

    def action_scroll_form(self, direction: int) -> None:
        form = self.query_one("#setup-form", VerticalScroll)
        if direction > 0:
            form.scroll_page_down(animate=False)
        else:
            form.scroll_page_up(animate=False)

    def focus_first(self) -> None:
        """No field takes the cursor when Setup is shown: 1-7 and the other single keys work at once, and
        a digit pressed to change stage cannot land in the title. Tab goes to the first field."""
        self.screen.set_focus(None)
