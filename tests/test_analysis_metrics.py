"""Metrics: milestone times, durations, impact and cost."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pmtui.analysis.metrics import format_duration, incident_metrics
from pmtui.model import Impact, Milestone, PostMortem, TimelineEvent

UTC = UTC


def t(hour: int, minute: int = 0) -> datetime:
    return datetime(2024, 6, 1, hour, minute, tzinfo=UTC)


def test_durations_from_setup_times() -> None:
    pm = PostMortem(started=t(14), detected=t(14, 10), responded=t(14, 15), mitigated=t(14, 40), resolved=t(15, 30))
    m = incident_metrics(pm)
    assert m.time_to_detect == timedelta(minutes=10)
    assert m.time_to_respond == timedelta(minutes=5)
    assert m.time_to_mitigate == timedelta(minutes=40)
    assert m.time_to_resolve == timedelta(minutes=90)
    assert m.impact_minutes == 90 and m.impact_source == "times"


def test_timeline_milestones_fill_gaps_and_setup_wins() -> None:
    pm = PostMortem(
        started=t(14),
        detected=t(14, 10),
        timeline=[
            TimelineEvent(time=t(14, 20), milestone=Milestone.DETECTED, text="alert"),
            TimelineEvent(time=t(15), milestone=Milestone.RESOLVED, text="all clear"),
        ],
    )
    m = incident_metrics(pm)
    assert m.sources[Milestone.DETECTED] == "setup" and m.sources[Milestone.RESOLVED] == "timeline"
    assert m.time_to_resolve == timedelta(hours=1)
    assert len(m.disagreements) == 1 and m.disagreements[0].startswith("detected:")
    assert "Setup says 2024-06-01 14:10 UTC" in m.disagreements[0]  # readable, not an ISO stamp


def test_impact_duration_and_cost() -> None:
    pm = PostMortem(started=t(14), resolved=t(15), impact=Impact(duration_minutes=45, cost_per_minute=10))
    m = incident_metrics(pm, default_cost_per_minute=99)
    assert (m.impact_minutes, m.impact_source) == (45, "impact")
    assert (m.cost_per_minute, m.cost_source, m.cost) == (10, "document", 450)
    m = incident_metrics(PostMortem(started=t(14), resolved=t(15)), default_cost_per_minute=2.5)
    assert (m.cost_source, m.cost) == ("config", 150)
    assert incident_metrics(PostMortem(started=t(14), resolved=t(15))).cost is None
    assert incident_metrics(PostMortem()).impact_minutes is None


def test_to_json() -> None:
    pm = PostMortem(started=t(14), detected=t(14, 10))
    data = incident_metrics(pm).to_json()
    assert data["times"] == {"started": "2024-06-01T14:00:00+00:00", "detected": "2024-06-01T14:10:00+00:00"}
    assert data["time_to_detect_minutes"] == 10 and data["time_to_resolve_minutes"] is None
    assert data["cost"] is None


def test_to_json_leaves_out_of_order_times_unknown() -> None:
    """Detected before started (a typo): no negative time to detect in the JSON, as in the export and the TUI;
    the metrics.order finding says why."""
    data = incident_metrics(PostMortem(started=t(14, 30), detected=t(14), resolved=t(15))).to_json()
    assert data["time_to_detect_minutes"] is None and data["time_to_resolve_minutes"] == 30
    assert data["times"]["detected"] == "2024-06-01T14:00:00+00:00"


def test_format_duration() -> None:
    assert format_duration(None) == ""
    assert format_duration(timedelta(minutes=45)) == "45 min"
    assert format_duration(timedelta(minutes=65)) == "1 h 05 min"
    assert format_duration(timedelta(days=2, hours=3)) == "2 d 3 h"
    assert format_duration(timedelta(minutes=-5)) == "-5 min"


def test_durations_across_a_daylight_saving_change() -> None:
    """Europe/Berlin moved from 02:00 to 03:00 on 2026-03-29: 01:30 -> 03:30 local is one hour."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from pmtui.analysis.metrics import incident_metrics
    from pmtui.model import PostMortem

    berlin = ZoneInfo("Europe/Berlin")
    pm = PostMortem(
        timezone="Europe/Berlin",
        started=datetime(2026, 3, 29, 1, 30, tzinfo=berlin),
        resolved=datetime(2026, 3, 29, 3, 30, tzinfo=berlin),
    )
    assert incident_metrics(pm).time_to_resolve.total_seconds() == 3600


def test_durations_lists_the_known_metrics_in_order_and_leaves_out_one_out_of_order() -> None:
    pm = PostMortem(title="x", started=t(10), detected=t(10, 30), responded=t(10, 10), resolved=t(12))
    metrics = incident_metrics(pm)
    assert metrics.time_to_respond == timedelta(minutes=-20)
    assert metrics.durations() == [("detect", timedelta(minutes=30)), ("resolve", timedelta(hours=2))]
