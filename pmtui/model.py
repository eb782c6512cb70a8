"""The post-mortem document: pydantic v2 models, pure data plus validation.

No I/O and no Textual here. Field names defined here are the one source of truth for the
store, the exporters, the analysis and the screens.
"""

from __future__ import annotations

import secrets
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

SCHEMA_VERSION = 1


def new_id() -> str:
    """A short random id, stable for the life of an item."""
    return secrets.token_hex(4)


def utc_now() -> datetime:
    return datetime.now(UTC)


class Severity(StrEnum):
    SEV1 = "SEV1"
    SEV2 = "SEV2"
    SEV3 = "SEV3"
    SEV4 = "SEV4"


class Status(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in review"
    FINAL = "final"


class DetectionMethod(StrEnum):
    MONITORING = "monitoring"
    STAFF = "staff"
    CUSTOMER_REPORT = "customer report"
    OTHER = "other"


class ReviewTrigger(StrEnum):
    """Conditions that make a post-mortem review required (after Google's SRE book)."""

    USER_VISIBLE_DOWNTIME = "user-visible downtime"
    DATA_LOSS = "data loss"
    SECURITY_BREACH = "security breach"
    ON_CALL_INTERVENTION = "on-call intervention"
    LONG_RESOLUTION = "long resolution"
    MONITORING_FAILURE = "monitoring failure"


class EventKind(StrEnum):
    TRIGGER = "trigger"
    DETECTION = "detection"
    RESPONSE = "response"
    COMMUNICATION = "communication"
    MITIGATION = "mitigation"
    RESOLUTION = "resolution"
    OTHER = "other"


class Milestone(StrEnum):
    """Which incident time a timeline event stands for, for the metrics."""

    STARTED = "started"
    DETECTED = "detected"
    RESPONDED = "responded"
    MITIGATED = "mitigated"
    RESOLVED = "resolved"


class FactorKind(StrEnum):
    CONTRIBUTOR = "contributor"
    MITIGATOR = "mitigator"


class FactorCategory(StrEnum):
    PEOPLE = "people"
    PROCESS = "process"
    TECHNOLOGY = "technology"
    EXTERNAL = "external"


class HumanErrorKind(StrEnum):
    SLIP = "slip"
    LAPSE = "lapse"
    MISTAKE = "mistake"


class ActionCategory(StrEnum):
    DETECTION = "detection"
    PREVENTION = "prevention"
    MITIGATION = "mitigation"


class Priority(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in progress"
    DONE = "done"
    WONT_DO = "won't do"


class RaisedDuring(StrEnum):
    INCIDENT = "incident"
    REVIEW = "review"


class Stage(StrEnum):
    """The agenda, in order."""

    SETUP = "setup"
    FACTS = "facts"
    TIMELINE = "timeline"
    WHYS = "whys"
    FACTORS = "factors"
    ACTIONS = "actions"
    REVIEW = "review"


STAGE_TITLES: dict[Stage, str] = {
    Stage.SETUP: "Setup",
    Stage.FACTS: "Facts",
    Stage.TIMELINE: "Timeline",
    Stage.WHYS: "5 Whys",
    Stage.FACTORS: "Factors",
    Stage.ACTIONS: "Actions",
    Stage.REVIEW: "Review",
}

DEFAULT_TIMEBOX_MINUTES: dict[Stage, int] = {
    Stage.SETUP: 5,
    Stage.FACTS: 5,
    Stage.TIMELINE: 15,
    Stage.WHYS: 10,
    Stage.FACTORS: 10,
    Stage.ACTIONS: 10,
    Stage.REVIEW: 5,
}

MILESTONE_FIELDS: tuple[Milestone, ...] = tuple(Milestone)

Text = Annotated[str, Field(max_length=20_000)]
ShortText = Annotated[str, Field(max_length=500)]


def check_zone(name: str) -> str:
    """Return the zone name if the IANA database knows it, else raise ValueError."""
    if name in ("UTC", "Z"):
        return "UTC"
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError, OSError):
        raise ValueError(f"unknown time zone {name!r} (use a name like 'UTC' or 'Europe/Berlin')") from None
    return name


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


class Item(Model):
    """Anything kept in a list: it has a stable id."""

    id: str = Field(default_factory=new_id, min_length=1, max_length=64)


class TextItem(Item):
    text: Text = ""


class Fact(Item):
    text: Text = ""
    evidence: ShortText = ""


class TimelineEvent(Item):
    time: datetime | None = None
    zone: str = ""
    kind: EventKind = EventKind.OTHER
    kind_guessed: bool = False
    text: Text = ""
    source: ShortText = ""
    evidence: ShortText = ""
    estimated: bool = False
    milestone: Milestone | None = None

    @field_validator("zone")
    @classmethod
    def _zone(cls, value: str) -> str:
        return check_zone(value) if value else ""


class WhyNode(Item):
    text: Text = ""
    root_cause: bool = False
    action_ids: list[str] = Field(default_factory=list)
    children: list[WhyNode] = Field(default_factory=list)


class Factor(Item):
    kind: FactorKind = FactorKind.CONTRIBUTOR
    text: Text = ""
    category: FactorCategory = FactorCategory.TECHNOLOGY
    human_error: HumanErrorKind | None = None
    accepted: bool = False
    action_ids: list[str] = Field(default_factory=list)


class Action(Item):
    text: Text = ""
    owner: ShortText = ""
    due: date | None = None
    category: ActionCategory | None = None
    priority: Priority = Priority.MEDIUM
    success_criterion: Text = ""
    status: ActionStatus = ActionStatus.OPEN
    done_date: date | None = None
    tracker: ShortText = ""
    raised_during: RaisedDuring = RaisedDuring.REVIEW


class Roles(Model):
    owner: ShortText = ""
    facilitator: ShortText = ""
    note_taker: ShortText = ""
    attendees: list[ShortText] = Field(default_factory=list)


class Impact(Model):
    summary: Text = ""
    users_affected: int | None = Field(default=None, ge=0)
    duration_minutes: int | None = Field(default=None, ge=0)
    customer_tickets: int | None = Field(default=None, ge=0)
    financial_impact: float | None = Field(default=None, ge=0)
    cost_per_minute: float | None = Field(default=None, ge=0)


class Detection(Model):
    method: DetectionMethod | None = None
    detail: Text = ""


class StageRecord(Model):
    timebox_minutes: int = Field(default=10, ge=1, le=600)
    spent_seconds: float = Field(default=0.0, ge=0)


def _default_stage_records() -> dict[Stage, StageRecord]:
    return {stage: StageRecord(timebox_minutes=DEFAULT_TIMEBOX_MINUTES[stage]) for stage in Stage}


class Meeting(Model):
    """The meeting record: when it ran and the time spent per stage against its timebox."""

    started_at: datetime | None = None
    stages: dict[Stage, StageRecord] = Field(default_factory=_default_stage_records)

    @model_validator(mode="after")
    def _all_stages(self) -> Meeting:
        for stage in Stage:
            self.stages.setdefault(stage, StageRecord(timebox_minutes=DEFAULT_TIMEBOX_MINUTES[stage]))
        return self


class PostMortem(Model):
    """A whole post-mortem document."""

    schema_version: int = SCHEMA_VERSION
    id: str = Field(default_factory=new_id, min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")
    title: ShortText = "Untitled post-mortem"
    severity: Severity = Severity.SEV3
    status: Status = Status.DRAFT
    timezone: str = "UTC"
    started: datetime | None = None
    detected: datetime | None = None
    responded: datetime | None = None
    mitigated: datetime | None = None
    resolved: datetime | None = None
    services: list[ShortText] = Field(default_factory=list)
    tags: list[ShortText] = Field(default_factory=list)
    roles: Roles = Field(default_factory=Roles)
    impact: Impact = Field(default_factory=Impact)
    detection: Detection = Field(default_factory=Detection)
    triggers: list[ReviewTrigger] = Field(default_factory=list)
    summary: Text = ""
    facilitator_notes: Text = ""
    facts: list[Fact] = Field(default_factory=list)
    timeline: list[TimelineEvent] = Field(default_factory=list)
    whys: list[WhyNode] = Field(default_factory=list)
    factors: list[Factor] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    went_well: list[TextItem] = Field(default_factory=list)
    lessons: list[TextItem] = Field(default_factory=list)
    open_questions: list[TextItem] = Field(default_factory=list)
    parking_lot: list[TextItem] = Field(default_factory=list)
    meeting: Meeting = Field(default_factory=Meeting)
    created: datetime = Field(default_factory=utc_now)
    updated: datetime = Field(default_factory=utc_now)

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        return check_zone(value)

    @field_validator("schema_version")
    @classmethod
    def _schema_version(cls, value: int) -> int:
        if value > SCHEMA_VERSION:
            raise ValueError(
                f"schema version {value} is newer than this pmtui understands ({SCHEMA_VERSION}); upgrade pmtui"
            )
        return value

    @model_validator(mode="after")
    def _zones(self) -> PostMortem:
        """A time without a zone is read in the document's zone (an event's own zone first)."""
        zone = self.tzinfo
        for name in ("started", "detected", "responded", "mitigated", "resolved", "created", "updated"):
            value = getattr(self, name)
            if value is not None and value.tzinfo is None:
                setattr(self, name, value.replace(tzinfo=zone))
        if self.meeting.started_at is not None and self.meeting.started_at.tzinfo is None:
            self.meeting.started_at = self.meeting.started_at.replace(tzinfo=zone)
        for event in self.timeline:
            if event.time is not None and event.time.tzinfo is None:
                event.time = event.time.replace(tzinfo=ZoneInfo(event.zone) if event.zone else zone)
        return self

    @property
    def tzinfo(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def milestone_time(self, milestone: Milestone) -> datetime | None:
        return getattr(self, milestone.value)

    def anchor_time(self) -> datetime | None:
        """When the incident began, as best known: the start time, else the first other setup time, else the
        earliest timed event. Bare times ('14:05', typed or imported) take their date from it."""
        timed = [e.time for e in self.timeline if e.time is not None]
        candidates = (self.started, self.detected, self.responded, self.mitigated, self.resolved)
        return next((v for v in candidates if v is not None), min(timed) if timed else None)

    def open_actions(self) -> int:
        return sum(1 for a in self.actions if a.status in (ActionStatus.OPEN, ActionStatus.IN_PROGRESS))

    def action(self, action_id: str) -> Action | None:
        return next((a for a in self.actions if a.id == action_id), None)

    def sorted_timeline(self) -> list[TimelineEvent]:
        """Events in time order; events without a time keep their place at the end."""
        timed = [e for e in self.timeline if e.time is not None]
        untimed = [e for e in self.timeline if e.time is None]
        return sorted(timed, key=lambda e: e.time) + untimed  # type: ignore[arg-type, return-value]

    def iter_why_nodes(self) -> list[tuple[int, WhyNode]]:
        """Every 5 Whys node with its depth, depth-first."""
        out: list[tuple[int, WhyNode]] = []

        def walk(nodes: list[WhyNode], depth: int) -> None:
            for node in nodes:
                out.append((depth, node))
                walk(node.children, depth + 1)

        walk(self.whys, 0)
        return out


def describe_validation_error(error: ValidationError) -> list[str]:
    """One plain line per problem, each naming the field path: 'actions.2.due: ...'."""
    lines = []
    for problem in error.errors(include_url=False):
        path = ".".join(str(part) for part in problem["loc"]) or "document"
        message = problem["msg"]
        if message.startswith("Value error, "):
            message = message[len("Value error, ") :]
        given = problem.get("input")
        kind = problem.get("type", "")
        if (
            kind not in ("missing", "extra_forbidden")
            and isinstance(given, (str, int, float))
            and len(repr(given)) < 60
        ):
            message = f"{message} (got {given!r})"
        if kind == "extra_forbidden":
            message = "is not a field of a post-mortem here"
        lines.append(f"{path}: {message}")
    return lines


def validate_document(data: Any) -> PostMortem:
    """Validate a plain dict as a post-mortem (raises pydantic.ValidationError)."""
    return PostMortem.model_validate(data)


def document_json_schema() -> dict[str, Any]:
    return PostMortem.model_json_schema()
