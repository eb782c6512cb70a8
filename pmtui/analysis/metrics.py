"""Incident metrics derived from the setup times and the timeline's marked events."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from pmtui.model import Milestone, PostMortem


@dataclass(frozen=True)
class IncidentMetrics:
    """The incident's milestone times (setup first, then marked timeline events) and the durations between them."""

    times: dict[Milestone, datetime]
    sources: dict[Milestone, str]  # "setup" or "timeline"
    disagreements: list[str] = field(default_factory=list)

    def between(self, start: Milestone, end: Milestone) -> timedelta | None:
        if start in self.times and end in self.times:
            return self.times[end] - self.times[start]
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


def incident_metrics(pm: PostMortem) -> IncidentMetrics:
    """Milestone times: the setup time wins where both exist; a disagreement is noted."""
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
                    f"{milestone.value}: setup says {setup_time.isoformat(timespec='minutes')}, "
                    f"the timeline says {event_time.isoformat(timespec='minutes')} (the setup time is used)"
                )
        elif event_time is not None:
            times[milestone] = event_time
            sources[milestone] = "timeline"
    return IncidentMetrics(times=times, sources=sources, disagreements=disagreements)


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
