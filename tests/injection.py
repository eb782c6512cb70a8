"""Hostile strings and a full document to fill with them: user text must stay text everywhere.

Shared by the export tests and the TUI tests.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import BaseModel

from pmtui.model import (
    Action,
    ActionCategory,
    ActionStatus,
    Detection,
    DetectionMethod,
    EventKind,
    Fact,
    Factor,
    FactorCategory,
    FactorKind,
    HumanErrorKind,
    Impact,
    Meeting,
    Milestone,
    PostMortem,
    Priority,
    RaisedDuring,
    ReviewTrigger,
    Roles,
    Severity,
    Stage,
    StageRecord,
    Status,
    TextItem,
    TimelineEvent,
    WhyNode,
)

HOSTILE: list[str] = [
    "[bold]x[/bold]",
    "[/x]",
    "[@click=app.quit]",
    "[",
    "\x1b[31mred\x1b[0m",
    "\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\",
    "<script>alert(1)</script>",
    "# heading",
    "[link](http://x)",
    "<http://x>",
    "| a | b |",
    "*emph* _u_ `code`",
    "> quote",
    "1. item",
    "- item",
    "&amp; &lt;",
    "line1\nline2",
    "![img](x.png)",
    "---",
    "===",
    "~~~",
]

# Fields that hold identifiers or zone names rather than text a person typed.
_NOT_TEXT = frozenset({"id", "zone", "timezone", "action_ids"})

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def full_document() -> PostMortem:
    """A post-mortem with every field set and at least one item in every list (times in Europe/Berlin,
    one event in America/New_York, the timeline spanning two days, nested 5 Whys, meeting time spent)."""
    actions = [
        Action(
            id="act1",
            text="Add an alert on connection pool saturation",
            owner="Dana",
            due=date(2024, 3, 20),
            category=ActionCategory.DETECTION,
            priority=Priority.HIGH,
            success_criterion="Alert fires in staging load test",
            status=ActionStatus.DONE,
            done_date=date(2024, 3, 15),
            tracker="OPS-101",
            raised_during=RaisedDuring.REVIEW,
        ),
        Action(
            id="act2",
            text="Cap retries in the payment client",
            owner="Lee",
            due=date(2024, 4, 1),
            category=ActionCategory.PREVENTION,
            priority=Priority.MEDIUM,
            success_criterion="No more than 3 retries per request",
            status=ActionStatus.OPEN,
            tracker="OPS-102",
            raised_during=RaisedDuring.INCIDENT,
        ),
    ]
    return PostMortem(
        id="pm-full",
        title="Checkout errors after pool change",
        severity=Severity.SEV2,
        status=Status.IN_REVIEW,
        timezone="Europe/Berlin",
        started=datetime(2024, 3, 5, 23, 40, tzinfo=BERLIN),
        detected=datetime(2024, 3, 5, 23, 52, tzinfo=BERLIN),
        responded=datetime(2024, 3, 5, 23, 58, tzinfo=BERLIN),
        mitigated=datetime(2024, 3, 6, 0, 30, tzinfo=BERLIN),
        resolved=datetime(2024, 3, 6, 1, 45, tzinfo=BERLIN),
        services=["checkout", "payments"],
        tags=["database"],
        roles=Roles(owner="Dana", facilitator="Sam", note_taker="Lee", attendees=["Ari", "Kim"]),
        impact=Impact(
            summary="Customers could not pay.\n\nAbout one in five checkouts failed.",
            users_affected=12000,
            duration_minutes=125,
            customer_tickets=48,
            financial_impact=15250.5,
            cost_per_minute=122.0,
        ),
        detection=Detection(method=DetectionMethod.MONITORING, detail="Error-rate alert on checkout"),
        triggers=[ReviewTrigger.USER_VISIBLE_DOWNTIME, ReviewTrigger.ON_CALL_INTERVENTION],
        summary="A pool size change starved checkout of database connections.",
        facilitator_notes="Private: keep the discussion on systems.",
        facts=[Fact(id="fact1", text="Pool size went from 50 to 5", evidence="https://git.example/commit/abc")],
        timeline=[
            TimelineEvent(
                id="ev1",
                time=datetime(2024, 3, 5, 23, 40, tzinfo=BERLIN),
                zone="Europe/Berlin",
                kind=EventKind.TRIGGER,
                text="Config change deployed",
                source="deploy log",
                evidence="https://deploy.example/123",
                milestone=Milestone.STARTED,
            ),
            TimelineEvent(
                id="ev2",
                time=datetime(2024, 3, 5, 17, 52, tzinfo=NEW_YORK),
                zone="America/New_York",
                kind=EventKind.DETECTION,
                kind_guessed=True,
                text="Error-rate alert fired",
                source="#incident",
                evidence="https://alerts.example/9",
                estimated=True,
                milestone=Milestone.DETECTED,
            ),
            TimelineEvent(
                id="ev3",
                time=datetime(2024, 3, 6, 1, 45, tzinfo=BERLIN),
                kind=EventKind.RESOLUTION,
                text="Pool size restored",
                source="#incident",
                evidence="https://git.example/commit/def",
            ),
        ],
        whys=[
            WhyNode(
                id="why1",
                text="Checkout returned errors",
                children=[
                    WhyNode(
                        id="why2",
                        text="The connection pool was exhausted",
                        children=[
                            WhyNode(
                                id="why3",
                                text="No check on pool size in config review",
                                root_cause=True,
                                action_ids=["act1", "act2"],
                            )
                        ],
                    )
                ],
            )
        ],
        factors=[
            Factor(
                id="fac1",
                kind=FactorKind.CONTRIBUTOR,
                text="Config review had no capacity checklist",
                category=FactorCategory.PROCESS,
                human_error=HumanErrorKind.LAPSE,
                accepted=True,
                action_ids=["act1"],
            ),
            Factor(
                id="fac2",
                kind=FactorKind.MITIGATOR,
                text="Feature flag allowed a fast rollback",
                category=FactorCategory.TECHNOLOGY,
            ),
        ],
        actions=actions,
        went_well=[TextItem(id="ww1", text="Alert fired within minutes")],
        lessons=[TextItem(id="le1", text="Capacity settings need review like code")],
        open_questions=[TextItem(id="oq1", text="Why did staging not show this?")],
        parking_lot=[TextItem(id="pl1", text="Revisit on-call rota")],
        meeting=Meeting(
            started_at=datetime(2024, 3, 7, 10, 0, tzinfo=BERLIN),
            stages={
                Stage.SETUP: StageRecord(timebox_minutes=5, spent_seconds=240),
                Stage.FACTS: StageRecord(timebox_minutes=5, spent_seconds=420),
                Stage.TIMELINE: StageRecord(timebox_minutes=15, spent_seconds=900),
            },
        ),
        created=datetime(2024, 3, 6, 9, 0, tzinfo=BERLIN),
        updated=datetime(2024, 3, 7, 11, 0, tzinfo=BERLIN),
    )


def _fill(value: Any, text: str) -> Any:
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in _NOT_TEXT:
                setattr(value, name, _fill(getattr(value, name), text))
        return value
    if type(value) is str:  # not the str-based enums
        return text
    if isinstance(value, list):
        return [_fill(item, text) for item in value]
    if isinstance(value, dict):
        return {key: _fill(item, text) for key, item in value.items()}
    return value


def fill_every_text_field(pm: PostMortem, value: str) -> PostMortem:
    """A deep copy of `pm` with every text field set to `value`: title, summary, facilitator notes, roles,
    impact and detection text, services, tags, and the text of every fact, event, why node (children too),
    factor, action, and went-well, lesson, open-question and parking-lot item. Ids, zones and enums are kept.

    Lists are filled, not grown: pass a document with an item in every list, such as `full_document()`.
    """
    return _fill(pm.model_copy(deep=True), value)
