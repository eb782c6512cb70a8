"""Incident metrics derived from the setup times and the timeline's marked events."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from pmtui.model import Milestone, PostMortem
from pmtui.timeparse import format_time


@dataclass(frozen=True)
class IncidentMetrics:
    """The incident's milestone times (setup first, then marked timeline events) and the durations between them.

    impact_minutes: `impact.duration_minutes` if given, else started -> resolved (impact_source says which);
    cost: impact_minutes x cost_per_minute, where a cost per minute is known (`impact.cost_per_minute`, else the
    configured default; cost_source says which).
    """

    times: dict[Milestone, datetime]
    sources: dict[Milestone, str]  # "setup" or "timeline"
    disagreements: list[str] = field(default_factory=list)
    impact_minutes: float | None = None
    impact_source: str = ""  # "impact" (impact.duration_minutes), "times" (started -> resolved) or ""
    cost_per_minute: float | None = None
    cost_source: str = ""  # "document", "config" or ""

    def between(self, start: Milestone, end: Milestone) -> timedelta | None:
        if start in self.times and end in self.times:
            # In UTC: Python subtracts two times of the same zone object as wall-clock times,
            # which would be an hour off across a daylight-saving change.
            return self.times[end].astimezone(UTC) - self.times[start].astimezone(UTC)
        return None

    @property
    def time_to_detect(self) -> timedelta | None:
        return self.between(Milestone.STARTED, Milestone.DETECTED)

    @property
    def time_to_respond(self) -> timedelta | None:
        return self.between(Milestone.DETECTED, Milestone.RESPONDED)

    @property
    def time_to_mitigate(self) -> timedelta | None:
        return self.between(Milestone.STARTED, Milestone.MITIGATED)

    @property
    def time_to_resolve(self) -> timedelta | None:
        return self.between(Milestone.STARTED, Milestone.RESOLVED)

    def durations(self) -> list[tuple[str, timedelta]]:
        """The known metrics in their order, by name: [("detect", …), ("respond", …), ("mitigate", …),
        ("resolve", …)] (time to …); one whose milestones are out of order (negative) is left out."""
        named = (
            ("detect", self.time_to_detect),
            ("respond", self.time_to_respond),
            ("mitigate", self.time_to_mitigate),
            ("resolve", self.time_to_resolve),
        )
        return [(name, value) for name, value in named if value is not None and value >= timedelta()]

    @property
    def impact_duration(self) -> timedelta | None:
        return timedelta(minutes=self.impact_minutes) if self.impact_minutes is not None else None

    @property
    def cost(self) -> float | None:
        if self.impact_minutes is None or self.cost_per_minute is None:
            return None
        return round(self.impact_minutes * self.cost_per_minute, 2)

    def to_json(self) -> dict[str, Any]:
        """Plain JSON: times as ISO 8601 with offset, durations in minutes (float) or null (unknown, or out of
        order as in `durations`)."""
        known = dict(self.durations())

        def minutes(name: str) -> float | None:
            value = known.get(name)
            return round(value.total_seconds() / 60, 2) if value is not None else None

        return {
            "times": {m.value: self.times[m].isoformat() for m in Milestone if m in self.times},
            "sources": {m.value: self.sources[m] for m in Milestone if m in self.sources},
            **{f"time_to_{name}_minutes": minutes(name) for name in ("detect", "respond", "mitigate", "resolve")},
            "impact_minutes": self.impact_minutes,
            "impact_source": self.impact_source,
            "cost_per_minute": self.cost_per_minute,
            "cost_source": self.cost_source,
            "cost": self.cost,
            "disagreements": list(self.disagreements),
        }


def incident_metrics(pm: PostMortem, default_cost_per_minute: float | None = None) -> IncidentMetrics:
    """Milestone times: the setup time wins where both exist; a disagreement is noted.

    `default_cost_per_minute` (the config's `cost_per_minute`) is used when the document gives none.
    """
    times: dict[Milestone, datetime] = {}
    sources: dict[Milestone, str] = {}
    disagreements: list[str] = []
    marked: dict[Milestone, datetime] = {}
    for event in pm.sorted_timeline():
        if event.milestone is not None and event.time is not None and event.milestone not in marked:
            marked[event.milestone] = event.time
    for milestone in Milestone:
        setup_time = pm.milestone_time(milestone)
        event_time = marked.get(milestone)
        if setup_time is not None:
            times[milestone] = setup_time
            sources[milestone] = "setup"
            if event_time is not None and abs(event_time - setup_time) >= timedelta(minutes=1):
                disagreements.append(
                    f"{milestone.value}: Setup says {format_time(setup_time, pm.timezone)}, "
                    f"the timeline says {format_time(event_time, pm.timezone)} (Setup's time is used)"
                )
        elif event_time is not None:
            times[milestone] = event_time
            sources[milestone] = "timeline"

    impact_minutes: float | None = None
    impact_source = ""
    if pm.impact.duration_minutes is not None:
        impact_minutes, impact_source = float(pm.impact.duration_minutes), "impact"
    elif Milestone.STARTED in times and Milestone.RESOLVED in times:
        span = times[Milestone.RESOLVED] - times[Milestone.STARTED]
        if span >= timedelta(0):
            impact_minutes, impact_source = round(span.total_seconds() / 60, 2), "times"

    cost_per_minute: float | None = None
    cost_source = ""
    if pm.impact.cost_per_minute is not None:
        cost_per_minute, cost_source = float(pm.impact.cost_per_minute), "document"
    elif default_cost_per_minute is not None:
        cost_per_minute, cost_source = float(default_cost_per_minute), "config"

    return IncidentMetrics(
        times=times,
        sources=sources,
        disagreements=disagreements,
        impact_minutes=impact_minutes,
        impact_source=impact_source,
        cost_per_minute=cost_per_minute,
        cost_source=cost_source,
    )


def format_duration(value: timedelta | None) -> str:
    """'1 h 05 min', '45 min', '2 d 3 h', '-5 min' for a negative span; '' when unknown."""
    if value is None:
        return ""
    total_minutes = round(value.total_seconds() / 60)
    sign = "-" if total_minutes < 0 else ""
    total_minutes = abs(total_minutes)
    days, rest = divmod(total_minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return f"{sign}{days} d {hours} h" if hours else f"{sign}{days} d"
    if hours:
        return f"{sign}{hours} h {minutes:02d} min"
    return f"{sign}{minutes} min"
