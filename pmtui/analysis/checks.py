"""`run_checks`: every check on a post-mortem, as one report."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pmtui.analysis.ast_checks import check_action
from pmtui.analysis.coverage import check_coverage
from pmtui.analysis.findings import ADVISORY, BLOCKING, Finding
from pmtui.analysis.language import check_language
from pmtui.analysis.metrics import IncidentMetrics, incident_metrics
from pmtui.analysis.process import check_process, review_reasons
from pmtui.config import CheckConfig
from pmtui.model import Milestone, PostMortem, Stage

REPORT_FORMAT = "pmtui.check/1"
_STAGE_ORDER = {stage: i for i, stage in enumerate(Stage)}
_ORDER: tuple[tuple[Milestone, Milestone], ...] = (
    (Milestone.STARTED, Milestone.DETECTED),
    (Milestone.DETECTED, Milestone.RESPONDED),
    (Milestone.STARTED, Milestone.MITIGATED),
    (Milestone.RESPONDED, Milestone.RESOLVED),
    (Milestone.MITIGATED, Milestone.RESOLVED),
    (Milestone.STARTED, Milestone.RESOLVED),
)


@dataclass(frozen=True)
class Report:
    """All findings on one document, the metrics, and whether it can be finalised."""

    findings: list[Finding]
    metrics: IncidentMetrics
    checked_at: datetime
    document_id: str = ""
    title: str = ""
    review_reasons: list[str] = field(default_factory=list)

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == BLOCKING]

    @property
    def advisory(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ADVISORY]

    @property
    def ready_to_finalise(self) -> bool:
        return not self.blocking

    def by_stage(self) -> dict[Stage, int]:
        """Number of findings per stage, every stage present (0 when none)."""
        counts = dict.fromkeys(Stage, 0)
        for finding in self.findings:
            counts[finding.stage] += 1
        return counts

    def for_stage(self, stage: Stage) -> list[Finding]:
        return [f for f in self.findings if f.stage == stage]

    def for_item(self, item_id: str) -> list[Finding]:
        return [f for f in self.findings if f.item_id == item_id]

    def to_json(self) -> dict[str, Any]:
        """The `pmtui check --json` document (fields documented in docs/checks.md)."""
        return {
            "format": REPORT_FORMAT,
            "document": {"id": self.document_id, "title": self.title},
            "checked_at": self.checked_at.isoformat(),
            "ready_to_finalise": self.ready_to_finalise,
            "counts": {
                "total": len(self.findings),
                "blocking": len(self.blocking),
                "advisory": len(self.advisory),
                "by_stage": {stage.value: n for stage, n in self.by_stage().items()},
            },
            "review_required": bool(self.review_reasons),
            "review_reasons": list(self.review_reasons),
            "metrics": self.metrics.to_json(),
            "findings": [f.to_json() for f in self.findings],
        }


def _metric_findings(pm: PostMortem, metrics: IncidentMetrics, config: CheckConfig, now: datetime) -> list[Finding]:
    findings = []
    rule = "metrics.disagreement"
    for note in metrics.disagreements:
        milestone, detail = note.split(": ", 1)
        findings.append(
            Finding(
                rule,
                config.severity(rule),
                Stage.SETUP,
                milestone,
                None,
                f"The {milestone} times disagree: {detail}.",
                suggestion="Correct the setup time or the marked timeline event so that they agree.",
            )
        )
    rule = "metrics.order"
    for first, then in _ORDER:
        a, b = metrics.times.get(first), metrics.times.get(then)
        if a is not None and b is not None and b < a:
            findings.append(
                Finding(
                    rule,
                    config.severity(rule),
                    Stage.SETUP,
                    then.value,
                    None,
                    f"'{then.value}' ({b.astimezone(pm.tzinfo).isoformat(timespec='minutes')}) is before "
                    f"'{first.value}' ({a.astimezone(pm.tzinfo).isoformat(timespec='minutes')}).",
                    suggestion="Check the times and their time zones.",
                )
            )
    rule = "metrics.future"
    for milestone, moment in metrics.times.items():
        if moment > now:  # '23:27' typed on a new post-mortem takes today's date, while the incident was earlier
            shown = moment.astimezone(pm.tzinfo).isoformat(sep=" ", timespec="minutes")
            stage, path, item_id, where = Stage.SETUP, milestone.value, None, "Setup"
            if metrics.sources.get(milestone) == "timeline":  # the event marked so: where it is fixed
                index, event = next(
                    (i, e) for i, e in enumerate(pm.timeline) if e.milestone == milestone and e.time == moment
                )
                stage, path, item_id, where = Stage.TIMELINE, f"timeline.{index}.time", event.id, "the timeline"
            findings.append(
                Finding(
                    rule,
                    config.severity(rule),
                    stage,
                    path,
                    item_id,
                    f"'{milestone.value}' ({shown}, in {where}) is in the future.",
                    suggestion="Type the date with the time (e.g. 2026-03-02 23:27): a bare time takes the "
                    "incident's date, or today's when there is none yet; else check the time zone.",
                )
            )
    return findings


def _completeness_findings(pm: PostMortem, metrics: IncidentMetrics, config: CheckConfig) -> list[Finding]:
    """What a post-mortem cannot be finalised without: when the incident began and was resolved, and actions."""
    findings = []
    for rule, milestone, what in (
        ("complete.start", Milestone.STARTED, "when the incident began"),
        ("complete.resolved", Milestone.RESOLVED, "when the incident was resolved"),
    ):
        if milestone not in metrics.times:
            findings.append(
                Finding(
                    rule,
                    config.severity(rule),
                    Stage.SETUP,
                    milestone.value,
                    None,
                    f"The post-mortem does not say {what}.",
                    suggestion=f"Type it in Setup's {milestone.value.capitalize()}, or mark the timeline event "
                    f"(s in the Timeline) as {milestone.value}.",
                )
            )
    if not pm.actions:
        rule = "complete.actions"
        findings.append(
            Finding(
                rule,
                config.severity(rule),
                Stage.ACTIONS,
                "actions",
                None,
                "No action has come out of the review yet.",
                suggestion="Add at least one action (a in the Actions stage) that makes this less likely or less bad.",
            )
        )
    return findings


def run_checks(pm: PostMortem, now: datetime, config: CheckConfig | None = None) -> Report:
    """Every check on `pm` at time `now` (a naive `now` is taken as UTC), with `config` or the defaults."""
    config = config or CheckConfig()
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    local_now = now.astimezone(pm.tzinfo)  # due dates are read in the document's zone
    metrics = incident_metrics(pm, config.cost_per_minute)
    findings: list[Finding] = []
    findings.extend(_completeness_findings(pm, metrics, config))
    findings.extend(_metric_findings(pm, metrics, config, now))
    findings.extend(check_language(pm, config))
    for index, action in enumerate(pm.actions):
        findings.extend(check_action(action, local_now, config, index=index))
    findings.extend(check_coverage(pm, config))
    findings.extend(check_process(pm, now, config, metrics))
    findings.sort(key=lambda f: _STAGE_ORDER[f.stage])
    return Report(
        findings=findings,
        metrics=metrics,
        checked_at=now,
        document_id=pm.id,
        title=pm.title,
        review_reasons=review_reasons(pm, config, metrics),
    )
