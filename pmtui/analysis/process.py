"""Process checks: review triggers, the draft clock, communication cadence, roles, human error kinds, detection."""

from __future__ import annotations

import re
from contextlib import suppress
from datetime import datetime, timedelta
from itertools import pairwise

from pmtui.analysis.findings import Finding
from pmtui.analysis.metrics import IncidentMetrics, format_duration, incident_metrics
from pmtui.config import CheckConfig
from pmtui.model import (
    DetectionMethod,
    EventKind,
    Factor,
    FactorCategory,
    FactorKind,
    Milestone,
    PostMortem,
    ReviewTrigger,
    Severity,
    Stage,
    Status,
)

_CUSTOMER_RE = re.compile(
    r"\b(?:customers?|clients?|users?\s+(?:report\w*|complain\w*|said|wrote)|support\s+tickets?|tickets?|zendesk|"
    r"freshdesk|intercom|complain\w*|tweet\w*|twitter|reported\s+by\s+(?:a\s+)?(?:user|customer|support)|"
    r"support\s+(?:team\s+)?(?:reported|escalated|raised|flagged|forwarded))\b",
    re.IGNORECASE,
)
_ALERT_RE = re.compile(
    r"\b(?:alert\w*|alarm\w*|paged|pagerduty|opsgenie|victorops|monitor\w*|synthetic\w*|probes?|health\s*checks?|"
    r"slo\s+burn|burn\s+rate|threshold|prometheus|datadog|grafana|nagios|sentry)\b",
    re.IGNORECASE,
)


def _clock(value: datetime, pm: PostMortem) -> str:
    return value.astimezone(pm.tzinfo).strftime("%H:%M")


def _stamp(value: datetime, pm: PostMortem) -> str:
    return value.astimezone(pm.tzinfo).strftime("%Y-%m-%d %H:%M")


def review_reasons(
    pm: PostMortem, config: CheckConfig | None = None, metrics: IncidentMetrics | None = None
) -> list[str]:
    """Why a post-mortem review is required ([] when it is not): severity, data loss, security, a long outage."""
    config = config or CheckConfig()
    metrics = metrics or incident_metrics(pm, config.cost_per_minute)
    reasons = []
    if pm.severity in (Severity.SEV1, Severity.SEV2):
        reasons.append(f"severity {pm.severity.value}")
    for trigger in (ReviewTrigger.DATA_LOSS, ReviewTrigger.SECURITY_BREACH):
        if trigger in pm.triggers:
            reasons.append(trigger.value)
    if metrics.impact_minutes is not None and metrics.impact_minutes > config.review_trigger_minutes:
        reasons.append(
            f"an outage of {format_duration(metrics.impact_duration)} (longer than {config.review_trigger_minutes} min)"
        )
    return reasons


def check_process(
    pm: PostMortem, now: datetime, config: CheckConfig | None = None, metrics: IncidentMetrics | None = None
) -> list[Finding]:
    config = config or CheckConfig()
    metrics = metrics or incident_metrics(pm, config.cost_per_minute)
    findings: list[Finding] = []

    def add(rule: str, stage: Stage, path: str, item_id: str | None, message: str, suggestion: str = "") -> None:
        findings.append(Finding(rule, config.severity(rule), stage, path, item_id, message, suggestion=suggestion))

    # Review required.
    reasons = review_reasons(pm, config, metrics)
    if reasons:
        add(
            "process.review-required",
            Stage.SETUP,
            "severity",
            None,
            f"A post-mortem review is required: {', '.join(reasons)}.",
            "Schedule the review meeting and invite the people involved.",
        )

    # The draft clock.
    resolved = metrics.times.get(Milestone.RESOLVED)
    due = None
    if pm.status == Status.DRAFT and resolved is not None:
        with suppress(OverflowError):  # a resolution time near the end of the calendar (imported JSON)
            due = resolved + timedelta(hours=config.draft_due_hours)
    if due is not None and resolved is not None and now > due:
        add(
            "process.draft-overdue",
            Stage.REVIEW,
            "status",
            None,
            f"Still a draft {format_duration(now - resolved)} after resolution; the draft was due "
            f"{_stamp(due, pm)} ({config.draft_due_hours:g} h after resolution).",
            "Finish the draft and move it to review.",
        )

    findings.extend(_cadence(pm, metrics, config))

    # Roles.
    facilitator = pm.roles.facilitator.strip()
    if facilitator and facilitator.casefold() == pm.roles.note_taker.strip().casefold():
        add(
            "process.facilitator-note-taker",
            Stage.SETUP,
            "roles.note_taker",
            None,
            f"{facilitator} is both the facilitator and the note-taker.",
            "Ask someone else to take notes, so the facilitator can keep the meeting on track.",
        )

    # Human error kinds.
    for i, factor in enumerate(pm.factors):
        if needs_error_kind(factor):
            add(
                "process.human-error-kind",
                Stage.FACTORS,
                f"factors.{i}.human_error",
                factor.id,
                f"People factor '{factor.text.strip() or '(no text)'}' does not say whether it was a slip, "
                "a lapse or a mistake.",
                "Classify it: a slip (right plan, wrong action), a lapse (a step forgotten) or a mistake "
                "(the wrong plan); each points to a different systemic fix.",
            )

    findings.extend(_customer_first(pm, config))
    return findings


def _cadence(pm: PostMortem, metrics: IncidentMetrics, config: CheckConfig) -> list[Finding]:
    """Status updates at least every `cadence_minutes` while the incident was open (detected to resolved)."""
    opened = metrics.times.get(Milestone.DETECTED) or metrics.times.get(Milestone.STARTED)
    if opened is None:
        return []
    resolved = metrics.times.get(Milestone.RESOLVED)
    limit = timedelta(minutes=config.cadence_minutes)
    rule = "process.cadence"
    severity = config.severity(rule)
    comms = sorted(
        (
            (i, e)
            for i, e in enumerate(pm.timeline)
            if e.kind == EventKind.COMMUNICATION
            and e.time is not None
            and e.time >= opened
            and (resolved is None or e.time <= resolved)
        ),
        key=lambda pair: pair[1].time,  # type: ignore[arg-type, return-value]
    )
    suggestion = f"Post a status update at least every {config.cadence_minutes} minutes while the incident is open."
    findings: list[Finding] = []
    if not comms:
        end = resolved
        if end is None:
            times = [e.time for e in pm.timeline if e.time is not None and e.time >= opened]
            end = max(times) if times else None
        if end is not None and end - opened > limit:
            findings.append(
                Finding(
                    rule,
                    severity,
                    Stage.TIMELINE,
                    "timeline",
                    None,
                    f"No communication event was recorded while the incident was open "
                    f"({_clock(opened, pm)} to {_clock(end, pm)}, {format_duration(end - opened)}).",
                    suggestion=suggestion + " Mark status updates as 'communication' events in the timeline.",
                )
            )
        return findings
    first_index, first = comms[0]
    assert first.time is not None
    if first.time - opened > limit:
        findings.append(
            Finding(
                rule,
                severity,
                Stage.TIMELINE,
                f"timeline.{first_index}.time",
                first.id,
                f"The first communication came {format_duration(first.time - opened)} after the incident was detected "
                f"({_clock(opened, pm)} to {_clock(first.time, pm)}; at most {config.cadence_minutes} min).",
                suggestion=suggestion,
            )
        )
    for (_, before), (index, after) in pairwise(comms):
        assert before.time is not None and after.time is not None
        gap = after.time - before.time
        if gap > limit:
            findings.append(
                Finding(
                    rule,
                    severity,
                    Stage.TIMELINE,
                    f"timeline.{index}.time",
                    after.id,
                    f"No status update for {format_duration(gap)} ({_clock(before.time, pm)} to "
                    f"{_clock(after.time, pm)}; at most {config.cadence_minutes} min).",
                    suggestion=suggestion,
                )
            )
    last_index, last = comms[-1]
    assert last.time is not None
    if resolved is not None and resolved - last.time > limit:
        findings.append(
            Finding(
                rule,
                severity,
                Stage.TIMELINE,
                f"timeline.{last_index}.time",
                last.id,
                f"No status update for {format_duration(resolved - last.time)} between the last update at "
                f"{_clock(last.time, pm)} and resolution at {_clock(resolved, pm)} "
                f"(at most {config.cadence_minutes} min).",
                suggestion=suggestion,
            )
        )
    return findings


def customer_reported_first(pm: PostMortem) -> tuple[str, str | None] | None:
    """(path, item_id) of the evidence that customers reported the incident before monitoring did, or None."""
    if pm.detection.method == DetectionMethod.CUSTOMER_REPORT:
        return "detection.method", None
    timed = sorted(((i, e) for i, e in enumerate(pm.timeline) if e.time is not None), key=lambda p: p[1].time)  # type: ignore[arg-type, return-value]
    first_detection = next(((i, e) for i, e in timed if e.kind == EventKind.DETECTION), None)
    if first_detection is None:
        return None
    index, event = first_detection
    if not _CUSTOMER_RE.search(event.text) or _ALERT_RE.search(event.text):
        return None
    assert event.time is not None
    earlier_alert = any(
        e.time is not None and e.time <= event.time and e is not event and _ALERT_RE.search(e.text) for _, e in timed
    )
    if earlier_alert:
        return None
    return f"timeline.{index}.text", event.id


def _customer_first(pm: PostMortem, config: CheckConfig) -> list[Finding]:
    where = customer_reported_first(pm)
    if where is None:
        return []
    path, item_id = where
    rule = "detection.customer-first"
    stage = Stage.SETUP if path.startswith("detection") else Stage.TIMELINE
    return [
        Finding(
            rule,
            config.severity(rule),
            stage,
            path,
            item_id,
            "Customers reported the incident before monitoring did: monitoring needs work.",
            suggestion="Add a detection action, e.g. 'Add an alert on the checkout error rate above 2% for 5 minutes'.",
        )
    ]


def needs_error_kind(factor: Factor) -> bool:
    """A people contributor not yet classed slip, lapse or mistake; a mitigator (what went right) has no error."""
    return (
        factor.kind == FactorKind.CONTRIBUTOR
        and factor.category == FactorCategory.PEOPLE
        and factor.human_error is None
    )
