"""Coverage, process and detection checks, and the report from run_checks."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from pmtui.analysis import Finding, Report, run_checks
from pmtui.analysis.coverage import check_coverage
from pmtui.analysis.process import check_process, review_reasons
from pmtui.config import CheckConfig
from pmtui.model import (
    Action,
    ActionCategory,
    Detection,
    DetectionMethod,
    EventKind,
    Factor,
    FactorCategory,
    FactorKind,
    HumanErrorKind,
    Impact,
    Milestone,
    PostMortem,
    ReviewTrigger,
    Roles,
    Severity,
    Stage,
    Status,
    TimelineEvent,
    WhyNode,
)

UTC = UTC
NOW = datetime(2024, 6, 10, 12, 0, tzinfo=UTC)


def t(hour: int, minute: int = 0, day: int = 1) -> datetime:
    return datetime(2024, 6, day, hour, minute, tzinfo=UTC)


def good_action(category: ActionCategory, **kw: object) -> Action:
    fields: dict[str, object] = {
        "text": "Add alerts for database connection pool usage exceeding 80% on payments-db",
        "owner": "Dana",
        "due": date(2024, 7, 1),
        "category": category,
        "success_criterion": "A test page reaches the on-call within 2 minutes",
    }
    fields.update(kw)
    return Action(**fields)  # type: ignore[arg-type]


def clean_pm(**kw: object) -> PostMortem:
    """A document with nothing to find."""
    actions = [good_action(c, id=f"a-{c.value}") for c in ActionCategory]
    fields: dict[str, object] = {
        "title": "Checkout errors after a connection pool change",
        "severity": Severity.SEV3,
        "status": Status.IN_REVIEW,
        "started": t(14),
        "detected": t(14, 5),
        "resolved": t(14, 30),
        "roles": Roles(owner="Dana", facilitator="Priya", note_taker="Tom"),
        "detection": Detection(method=DetectionMethod.MONITORING, detail="The error-rate alert fired."),
        "timeline": [
            TimelineEvent(time=t(14, 5), kind=EventKind.DETECTION, text="Alert: checkout error rate above 2%"),
            TimelineEvent(time=t(14, 10), kind=EventKind.COMMUNICATION, text="Status page updated"),
            TimelineEvent(time=t(14, 25), kind=EventKind.COMMUNICATION, text="Status page: recovering"),
        ],
        "whys": [WhyNode(text="The pool was too small", root_cause=True, action_ids=["a-prevention"])],
        "factors": [Factor(text="Pool size was hand-set in 2019", action_ids=["a-prevention"])],
        "actions": actions,
    }
    fields.update(kw)
    return PostMortem(**fields)  # type: ignore[arg-type]


def rule_ids(findings: list[Finding]) -> list[str]:
    return [f.rule for f in findings]


def test_a_clean_document_is_ready() -> None:
    report = run_checks(clean_pm(), NOW)
    assert report.findings == [], [(f.rule, f.message) for f in report.findings]
    assert report.ready_to_finalise


def test_an_empty_post_mortem_is_not_ready() -> None:
    """A blank document (no times, no timeline, no actions) must not pass `pmtui check` in CI."""
    report = run_checks(PostMortem(title="DNS outage", severity=Severity.SEV1), NOW)
    blocking = {f.rule for f in report.findings if f.blocking}
    assert {"complete.start", "complete.resolved", "complete.actions"} <= blocking
    assert not report.ready_to_finalise
    assert not [f for f in report.findings if f.rule.endswith("-action")]  # said once, not once per category
    # a timeline event marked as the start (no Setup time) says when it began
    marked = PostMortem(
        title="x",
        timeline=[TimelineEvent(time=datetime(2024, 6, 1, 10, tzinfo=UTC), text="alert", milestone=Milestone.STARTED)],
    )
    assert "complete.start" not in {f.rule for f in run_checks(marked, NOW).findings}


# --- coverage ------------------------------------------------------------------------------------


def test_missing_categories() -> None:
    pm = clean_pm(actions=[good_action(ActionCategory.PREVENTION, id="a-prevention")])
    assert sorted(rule_ids(check_coverage(pm))) == ["coverage.detection-action", "coverage.mitigation-action"]


def test_root_cause_needs_an_existing_action() -> None:
    pm = clean_pm(
        whys=[
            WhyNode(
                text="Checkout failed",
                children=[WhyNode(id="rc", text="No pool alert", root_cause=True, action_ids=["nope"])],
            )
        ]
    )
    [finding] = [f for f in check_coverage(pm) if f.rule == "coverage.root-cause-action"]
    assert finding.path == "whys.0.children.0.action_ids" and finding.item_id == "rc"
    assert "nope" in finding.message and finding.stage == Stage.WHYS


def test_chain_without_root_cause() -> None:
    pm = clean_pm(whys=[*clean_pm().whys, WhyNode(text="Why was it slow?")])
    assert rule_ids(check_coverage(pm)) == ["coverage.root-cause-marked"]


def test_contributors_addressed_or_accepted() -> None:
    pm = clean_pm(
        factors=[
            Factor(id="f1", text="No alert on pool usage"),
            Factor(id="f2", text="Vendor outage", category=FactorCategory.EXTERNAL, accepted=True),
            Factor(id="f3", text="Quick rollback", kind=FactorKind.MITIGATOR),
            Factor(id="f4", text="Stale runbook", action_ids=["missing"]),
        ]
    )
    findings = [f for f in check_coverage(pm) if f.rule == "coverage.contributor-addressed"]
    assert [f.item_id for f in findings] == ["f1", "f4"]
    assert findings[0].path == "factors.0.action_ids"


def test_success_criterion() -> None:
    pm = clean_pm(actions=[*clean_pm().actions, good_action(ActionCategory.DETECTION, id="x", success_criterion=" ")])
    [finding] = check_coverage(pm)
    assert (finding.rule, finding.path, finding.item_id) == (
        "coverage.success-criterion",
        "actions.3.success_criterion",
        "x",
    )


# --- process -------------------------------------------------------------------------------------


def test_review_required() -> None:
    assert review_reasons(clean_pm()) == []
    assert review_reasons(clean_pm(severity=Severity.SEV1)) == ["severity SEV1"]
    assert review_reasons(clean_pm(triggers=[ReviewTrigger.DATA_LOSS, ReviewTrigger.SECURITY_BREACH])) == [
        "data loss",
        "security breach",
    ]
    long = clean_pm(resolved=t(15, 1))
    assert review_reasons(long) == ["an outage of 1 h 01 min (longer than 60 min)"]
    assert review_reasons(long, CheckConfig(review_trigger_minutes=90)) == []
    assert review_reasons(clean_pm(impact=Impact(duration_minutes=61))) != []
    assert "process.review-required" in rule_ids(check_process(clean_pm(severity=Severity.SEV2), NOW))


def test_draft_due_48_hours_after_resolution() -> None:
    pm = clean_pm(status=Status.DRAFT)
    assert rule_ids(check_process(pm, t(14, 29, day=3))) == []  # 47 h 59 min
    [finding] = check_process(pm, t(14, 31, day=3))
    assert finding.rule == "process.draft-overdue" and finding.stage == Stage.REVIEW
    assert rule_ids(check_process(pm, t(14, 31, day=3), CheckConfig(draft_due_hours=72))) == []
    assert rule_ids(check_process(clean_pm(status=Status.FINAL), NOW)) == []


def comm(hour: int, minute: int) -> TimelineEvent:
    return TimelineEvent(time=t(hour, minute), kind=EventKind.COMMUNICATION, text="update")


def test_cadence_gaps() -> None:
    pm = clean_pm(resolved=t(15), timeline=[comm(14, 10), comm(14, 25), comm(14, 50), comm(14, 55)])
    findings = [f for f in check_process(pm, NOW) if f.rule == "process.cadence"]
    assert [f.path for f in findings] == ["timeline.2.time"]
    assert "25 min" in findings[0].message


def test_cadence_first_update_and_silence_before_resolution() -> None:
    pm = clean_pm(resolved=t(15, 30), timeline=[comm(14, 30), comm(14, 45)])
    messages = [f.message for f in check_process(pm, NOW) if f.rule == "process.cadence"]
    assert len(messages) == 2
    assert messages[0].startswith("The first communication came 25 min after")
    assert "resolution at 15:30" in messages[1]


def test_cadence_with_no_communication_and_configured_limit() -> None:
    pm = clean_pm(timeline=[])
    [finding] = [f for f in check_process(pm, NOW) if f.rule == "process.cadence"]
    assert finding.path == "timeline"
    assert [f for f in check_process(pm, NOW, CheckConfig(cadence_minutes=30)) if f.rule == "process.cadence"] == []


def test_cadence_times_are_shown_in_the_document_zone() -> None:
    pm = clean_pm(timezone="Europe/Berlin", resolved=t(15), timeline=[comm(14, 10), comm(14, 50)])
    messages = [f.message for f in check_process(pm, NOW) if f.rule == "process.cadence"]
    assert "16:10 to 16:50" in messages[0]


def test_facilitator_is_note_taker() -> None:
    pm = clean_pm(roles=Roles(facilitator="Dana", note_taker=" dana "))
    assert rule_ids(check_process(pm, NOW)) == ["process.facilitator-note-taker"]
    assert rule_ids(check_process(clean_pm(roles=Roles()), NOW)) == []


def test_people_factor_needs_a_human_error_kind() -> None:
    pm = clean_pm(
        factors=[
            Factor(text="Typed the wrong host", category=FactorCategory.PEOPLE, action_ids=["a-prevention"]),
            Factor(text="Step skipped", category=FactorCategory.PEOPLE, human_error=HumanErrorKind.LAPSE),
        ]
    )
    [finding] = check_process(pm, NOW)
    assert (finding.rule, finding.path) == ("process.human-error-kind", "factors.0.human_error")


def test_customers_first_from_detection_method() -> None:
    pm = clean_pm(detection=Detection(method=DetectionMethod.CUSTOMER_REPORT))
    [finding] = check_process(pm, NOW)
    assert (finding.rule, finding.path, finding.stage) == ("detection.customer-first", "detection.method", Stage.SETUP)
    assert "monitoring needs work" in finding.message


def test_customers_first_from_the_timeline() -> None:
    events = [
        TimelineEvent(time=t(14, 3), kind=EventKind.DETECTION, text="Support ticket: customers cannot pay"),
        TimelineEvent(time=t(14, 9), kind=EventKind.DETECTION, text="Error-rate alert fired"),
        comm(14, 10),
        comm(14, 25),
    ]
    pm = clean_pm(detection=Detection(), timeline=events)
    [finding] = check_process(pm, NOW)
    assert (finding.rule, finding.path) == ("detection.customer-first", "timeline.0.text")
    alert_first = [TimelineEvent(time=t(14, 1), kind=EventKind.OTHER, text="Latency alert fired"), *events]
    assert check_process(clean_pm(detection=Detection(), timeline=alert_first), NOW) == []


# --- the report ----------------------------------------------------------------------------------


def test_report_blocking_advisory_and_stages() -> None:
    pm = clean_pm(
        summary="John forgot to raise the pool size.",
        actions=[*clean_pm().actions, Action(id="bad", text="Improve monitoring", category=ActionCategory.DETECTION)],
    )
    report = run_checks(pm, NOW)
    assert isinstance(report, Report)
    assert not report.ready_to_finalise
    assert {f.rule for f in report.blocking} == {
        "blame.forgot",
        "ast.time-bounded",
        "ast.one-owner",
        "coverage.success-criterion",
    }
    assert {f.rule for f in report.advisory} == {"ast.actionable", "ast.specific"}
    assert report.by_stage() == {
        Stage.SETUP: 1,
        Stage.FACTS: 0,
        Stage.TIMELINE: 0,
        Stage.WHYS: 0,
        Stage.FACTORS: 0,
        Stage.ACTIONS: 5,
        Stage.REVIEW: 0,
    }
    [blame] = report.for_stage(Stage.SETUP)
    assert (blame.path, blame.excerpt, blame.start, blame.end) == ("summary", "forgot", 5, 11)


def test_blocking_is_configurable() -> None:
    pm = clean_pm(summary="John forgot to raise the pool size.")
    assert not run_checks(pm, NOW).ready_to_finalise
    report = run_checks(pm, NOW, CheckConfig(blocking=("ast.*",)))
    assert report.ready_to_finalise and [f.severity for f in report.findings] == ["advisory"]


def test_every_text_field_is_checked() -> None:
    text = "Dana was careless."
    pm = clean_pm(
        title=text,
        summary=text,
        impact=Impact(summary=text),
        detection=Detection(method=DetectionMethod.MONITORING, detail=text),
        facts=[{"text": text}],
        whys=[WhyNode(text="Why?", root_cause=True, action_ids=["a-prevention"], children=[WhyNode(text=text)])],
        factors=[Factor(text=text, action_ids=["a-prevention"])],
        went_well=[{"text": text}],
        lessons=[{"text": text}],
        open_questions=[{"text": text}],
        parking_lot=[{"text": text}],
        facilitator_notes=text,
    )
    pm.timeline[0].text = text
    pm.actions[0].success_criterion = text
    paths = {f.path for f in run_checks(pm, NOW).findings if f.rule == "blame.judgement"}
    assert paths == {
        "title",
        "summary",
        "impact.summary",
        "detection.detail",
        "facts.0.text",
        "timeline.0.text",
        "whys.0.children.0.text",
        "factors.0.text",
        "actions.0.success_criterion",
        "went_well.0.text",
        "lessons.0.text",
        "open_questions.0.text",
        "parking_lot.0.text",
        "facilitator_notes",
    }


def test_metric_findings() -> None:
    pm = clean_pm(
        detected=t(13, 50),
        timeline=[*clean_pm().timeline, TimelineEvent(time=t(14, 20), milestone="resolved", text="recovered")],
    )
    rules = {(f.rule, f.path) for f in run_checks(pm, NOW).findings}
    assert ("metrics.order", "detected") in rules
    assert ("metrics.disagreement", "resolved") in rules
    assert not any(rule == "metrics.future" for rule, _ in rules)


def test_a_time_in_the_future_is_said() -> None:
    """'23:27' typed on a new post-mortem on the afternoon of 10 June took that date: later than now."""
    pm = clean_pm(resolved=datetime(2024, 6, 10, 23, 27, tzinfo=UTC))
    future = [f for f in run_checks(pm, NOW).findings if f.rule == "metrics.future"]
    assert [(f.path, f.blocking) for f in future] == [("resolved", False)]
    assert "2024-06-10 23:27" in future[0].message and "in Setup" in future[0].message
    assert not [f for f in run_checks(pm, datetime(2024, 6, 11, tzinfo=UTC)).findings if f.rule == "metrics.future"]
    # a timeline event marked resolved, in the future: the finding points at that event
    late = TimelineEvent(time=datetime(2024, 6, 10, 23, 27, tzinfo=UTC), milestone="resolved", text="fixed")
    marked = clean_pm(resolved=None, timeline=[*clean_pm().timeline, late])
    found = [f for f in run_checks(marked, NOW).findings if f.rule == "metrics.future"]
    assert [(f.stage.value, f.path, f.item_id) for f in found] == [
        ("timeline", f"timeline.{len(marked.timeline) - 1}.time", late.id)
    ]


def test_to_json_is_stable_and_serialisable() -> None:
    pm = clean_pm(id="pm-1", severity=Severity.SEV1, summary="Root cause: human error.")
    data = run_checks(pm, NOW, CheckConfig(cost_per_minute=100)).to_json()
    json.dumps(data)
    assert list(data) == [
        "format",
        "document",
        "checked_at",
        "ready_to_finalise",
        "counts",
        "review_required",
        "review_reasons",
        "metrics",
        "findings",
    ]
    assert data["format"] == "pmtui.check/1"
    assert data["document"] == {"id": "pm-1", "title": pm.title}
    assert data["checked_at"] == "2024-06-10T12:00:00+00:00"
    assert data["counts"]["by_stage"]["setup"] == 2
    assert data["review_reasons"] == ["severity SEV1"]
    assert data["metrics"]["cost"] == 3000.0
    finding = next(f for f in data["findings"] if f["rule"] == "blame.human-error")
    assert finding == {
        "rule": "blame.human-error",
        "severity": "blocking",
        "stage": "setup",
        "path": "summary",
        "item_id": None,
        "message": finding["message"],
        "excerpt": "human error",
        "start": 12,
        "end": 23,
        "suggestion": finding["suggestion"],
    }


def test_naive_now_is_utc_and_due_dates_use_the_document_zone() -> None:
    pm = clean_pm(timezone="Asia/Tokyo")
    pm.actions[0].due = date(2024, 6, 10)
    late = datetime(2024, 6, 10, 16, 0)  # naive: 16:00 UTC is 01:00 on 11 June in Tokyo
    rules = [f.rule for f in run_checks(pm, late).findings]
    assert rules == ["ast.time-bounded"]
    assert run_checks(pm, datetime(2024, 6, 10, 14, 0, tzinfo=ZoneInfo("UTC"))).findings == []


def test_docs_list_every_rule_with_its_default() -> None:
    from pathlib import Path

    from pmtui.analysis.rules import RULE_IDS

    docs = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    config = CheckConfig()
    for rule_id in RULE_IDS:
        assert f"| `{rule_id}` | {config.severity(rule_id)} |" in docs, rule_id


def test_every_rule_id_produced_is_registered() -> None:
    from pmtui.analysis.rules import RULES

    pm = clean_pm(
        summary="John forgot; some genius was careless.",
        roles=Roles(facilitator="A", note_taker="a"),
        actions=[Action(text="investigate")],
        severity=Severity.SEV1,
        status=Status.DRAFT,
    )
    assert all(f.rule in RULES for f in run_checks(pm, NOW).findings)


def test_times_at_the_ends_of_the_calendar_do_not_break_the_checks() -> None:
    """A document imported as JSON may carry any year pydantic accepts; checks must not overflow."""
    end = datetime(9999, 12, 31, 23, 59, tzinfo=UTC)
    pm = PostMortem(
        id="far",
        title="Far",
        started=datetime(1, 1, 1, 0, 0, tzinfo=UTC),
        detected=end,
        mitigated=end,
        resolved=end,
    )
    report = run_checks(pm, now=datetime(2026, 11, 27, tzinfo=UTC))
    assert isinstance(report, Report)
    assert not any(f.rule == "process.draft-overdue" for f in report.findings)
