"""The demo post-mortem and the synthetic generator."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from pmtui.analysis.metrics import incident_metrics
from pmtui.demo import DEMO_ID, demo_postmortem, generate_postmortem
from pmtui.model import (
    ActionCategory,
    ActionStatus,
    EventKind,
    FactorCategory,
    FactorKind,
    Milestone,
    PostMortem,
    Severity,
    Stage,
    Status,
)

NOW = datetime(2026, 3, 15, 9, 30, tzinfo=UTC)

# Fields that may stay empty in a complete document, by their key: a leaf why has no children and an
# intermediate why no actions; only a people factor has a human error kind; only a done action a done
# date; only some events stand for a milestone; an event without its own zone uses the document's.
MAY_BE_EMPTY = {"children", "action_ids", "human_error", "done_date", "milestone", "zone"}


def empty_paths(value: Any, path: str = "") -> list[str]:
    """Paths of every None, "" or empty list/dict in a JSON-like value."""
    if value is None or value == "" or value == [] or value == {}:
        return [path]
    if isinstance(value, dict):
        return [p for key, item in value.items() for p in empty_paths(item, f"{path}.{key}" if path else key)]
    if isinstance(value, list):
        return [p for i, item in enumerate(value) for p in empty_paths(item, f"{path}.{i}")]
    return []


def prose(value: Any) -> list[str]:
    """Every piece of written text in a dumped document (not ids, enums, links or names)."""
    keys = {"title", "summary", "detail", "facilitator_notes", "text", "success_criterion"}
    if isinstance(value, dict):
        return [t for key, item in value.items() for t in ([item] if key in keys else prose(item))]
    if isinstance(value, list):
        return [t for item in value for t in prose(item)]
    return []


def all_action_refs(pm: PostMortem) -> list[str]:
    refs = [ref for _, node in pm.iter_why_nodes() for ref in node.action_ids]
    return refs + [ref for factor in pm.factors for ref in factor.action_ids]


@pytest.fixture(scope="module")
def demo() -> PostMortem:
    return demo_postmortem(NOW)


# --------------------------------------------------------------------------- demo


def test_demo_validates_and_round_trips(demo: PostMortem) -> None:
    assert demo.id == DEMO_ID
    again = PostMortem.model_validate(demo.model_dump(mode="json"))
    assert again == demo
    assert PostMortem.model_validate_json(demo.model_dump_json()) == demo


def test_demo_fills_every_field(demo: PostMortem) -> None:
    unexpected = [p for p in empty_paths(demo.model_dump(mode="json")) if p.rsplit(".", 1)[-1] not in MAY_BE_EMPTY]
    assert unexpected == []
    lists = ["services", "tags", "triggers", "facts", "timeline", "whys", "factors", "actions"]
    lists += ["went_well", "lessons", "open_questions", "parking_lot"]
    for name in lists:
        assert getattr(demo, name), name
    assert all(record.spent_seconds > 0 for record in demo.meeting.stages.values())
    assert set(demo.meeting.stages) == set(Stage)


def test_demo_setup(demo: PostMortem) -> None:
    assert demo.severity is Severity.SEV2
    assert demo.status is Status.IN_REVIEW
    assert demo.timezone == "Europe/Berlin"
    times = [demo.started, demo.detected, demo.responded, demo.mitigated, demo.resolved]
    assert all(t is not None and t.tzinfo is not None for t in times)
    assert times == sorted(times)  # type: ignore[type-var]
    assert demo.started is not None and demo.resolved is not None and demo.mitigated is not None
    assert timedelta(days=9) < NOW - demo.started < timedelta(days=11)
    local = [t.astimezone(demo.tzinfo).date() for t in (demo.started, demo.resolved)]
    assert local[1] == local[0] + timedelta(days=1), "the incident crosses midnight"
    assert demo.impact.duration_minutes == (demo.mitigated - demo.started) // timedelta(minutes=1)
    roles = demo.roles
    people = [roles.owner, roles.facilitator, roles.note_taker, *roles.attendees]
    assert len(roles.attendees) == 5
    assert len(set(people)) == len(people)
    assert all(len(name.split()) >= 2 for name in people)


def test_demo_timeline(demo: PostMortem) -> None:
    timeline = demo.timeline
    assert 14 <= len(timeline) <= 18
    assert [e.id for e in demo.sorted_timeline()] == [e.id for e in timeline]
    assert {e.kind for e in timeline} == set(EventKind)
    assert sum(e.estimated for e in timeline) == 1
    assert all(e.source and e.text for e in timeline)
    midnight_dates = {e.time.astimezone(demo.tzinfo).date() for e in timeline if e.time is not None}
    assert len(midnight_dates) == 2


def test_demo_milestones_match_setup(demo: PostMortem) -> None:
    for milestone in Milestone:
        marked = [e for e in demo.timeline if e.milestone is milestone]
        assert len(marked) == 1, milestone
        assert marked[0].time == demo.milestone_time(milestone)
    metrics = incident_metrics(demo)
    assert metrics.disagreements == []
    assert metrics.time_to_detect == timedelta(minutes=17)


def test_demo_whys(demo: PostMortem) -> None:
    assert len(demo.whys) == 2
    nodes = demo.iter_why_nodes()
    assert len({node.id for _, node in nodes}) == len(nodes)
    leaves = [node for _, node in nodes if not node.children]
    assert all(leaf.root_cause and leaf.action_ids for leaf in leaves), "every chain ends in a root cause"
    assert all(not node.root_cause for _, node in nodes if node.children)
    assert any(len(node.children) > 1 for _, node in nodes), "one chain branches"
    assert max(depth for depth, _ in nodes) >= 4


def test_demo_factors(demo: PostMortem) -> None:
    contributors = [f for f in demo.factors if f.kind is FactorKind.CONTRIBUTOR]
    mitigators = [f for f in demo.factors if f.kind is FactorKind.MITIGATOR]
    assert len(contributors) == 4 and len(mitigators) == 2
    assert {f.category for f in contributors} == set(FactorCategory)
    people = [f for f in demo.factors if f.human_error is not None]
    assert len(people) == 1 and people[0].category is FactorCategory.PEOPLE
    assert all(f.action_ids for f in demo.factors)


def test_demo_actions(demo: PostMortem) -> None:
    actions = demo.actions
    assert len(actions) == 6
    assert len({a.id for a in actions}) == 6
    assert {a.category for a in actions} == set(ActionCategory)
    assert all(a.owner and "," not in a.owner and " and " not in a.owner for a in actions)
    assert all(
        a.success_criterion and re.fullmatch(r"https://tracker\.example\.com/OPS-\d+", a.tracker) for a in actions
    )
    assert all(a.text.split()[0] in {"Add", "Enable", "Create", "Document"} for a in actions)
    done = [a for a in actions if a.status is ActionStatus.DONE]
    assert len(done) == 1 and done[0].done_date is not None
    assert all(a.done_date is None for a in actions if a.status is not ActionStatus.DONE)
    today = NOW.date()
    assert all(a.due is not None and a.due > today for a in actions if a.status is not ActionStatus.DONE)
    assert len({a.priority for a in actions}) == 3


def test_demo_action_references_exist(demo: PostMortem) -> None:
    refs = all_action_refs(demo)
    ids = {a.id for a in demo.actions}
    assert refs and set(refs) <= ids
    assert ids <= set(refs), "every action traces back to a why or a factor"


def test_demo_text_is_blameless(demo: PostMortem) -> None:
    text = " ".join(prose(demo.model_dump(mode="json"))).lower()
    assert len(text) > 5_000
    words = ("should have", "should've", "forgot", "failed to", "careless", "fault", "blame", "human error")
    words += ("just", "simply", "obviously", "clearly", "neglected", "mistake")
    for word in words:
        assert not re.search(rf"\b{word}\b", text), word


def test_demo_is_deterministic() -> None:
    assert demo_postmortem(NOW).model_dump_json() == demo_postmortem(NOW).model_dump_json()
    assert demo_postmortem(NOW.replace(tzinfo=None)) == demo_postmortem(NOW)


def test_demo_default_now() -> None:
    pm = demo_postmortem()
    assert pm.started is not None
    assert timedelta(days=9) < datetime.now(UTC) - pm.started < timedelta(days=11)


@pytest.mark.parametrize("day", [date(2026, 1, 1) + timedelta(days=n) for n in range(0, 365, 3)])
def test_demo_holds_all_year(day: date) -> None:
    """Around the DST changes too: the times stay in order and the durations stay the same."""
    pm = demo_postmortem(datetime(day.year, day.month, day.day, 12, tzinfo=UTC))
    metrics = incident_metrics(pm)
    assert metrics.disagreements == []
    assert pm.started is not None and pm.mitigated is not None and pm.resolved is not None
    assert pm.mitigated.astimezone(UTC) - pm.started.astimezone(UTC) == timedelta(minutes=100)


# --------------------------------------------------------------------------- generator


def test_generated_size_is_about_20_kb() -> None:
    sizes = [len(generate_postmortem(i, now=NOW).model_dump_json()) for i in range(1, 51)]
    assert all(15_000 <= size <= 25_000 for size in sizes), sizes
    assert 18_000 <= sum(sizes) / len(sizes) <= 22_000


def test_generated_is_deterministic() -> None:
    first = generate_postmortem(7, rng_seed=3, now=NOW)
    assert first.model_dump_json() == generate_postmortem(7, rng_seed=3, now=NOW).model_dump_json()
    assert first.model_dump_json() != generate_postmortem(7, rng_seed=4, now=NOW).model_dump_json()


def test_generated_round_trips_and_varies() -> None:
    docs = [generate_postmortem(i, now=NOW) for i in range(1, 201)]
    assert [d.id for d in docs[:2]] == ["gen-00001", "gen-00002"]
    assert len({d.id for d in docs}) == 200
    assert len({d.title for d in docs}) > 150
    assert len(Counter(d.severity for d in docs)) == 4
    assert len(Counter(d.status for d in docs)) == 3
    assert len({tuple(d.services) for d in docs}) > 150
    for doc in docs[:20]:
        assert PostMortem.model_validate(doc.model_dump(mode="json")) == doc
    for doc in docs:
        assert set(all_action_refs(doc)) <= {a.id for a in doc.actions}
        assert incident_metrics(doc).disagreements == []
        assert doc.resolved is not None and doc.resolved < NOW
        assert doc.created <= doc.updated <= NOW


@pytest.mark.parametrize("events", [0, 1, 3, 5, 12, 40])
def test_generated_event_count(events: int) -> None:
    doc = generate_postmortem(11, events=events, now=NOW)
    assert len(doc.timeline) == events
    assert len({e.id for e in doc.timeline}) == events
    for event in doc.timeline:
        if event.milestone is not None:
            assert event.time == doc.milestone_time(event.milestone)
    if events >= 5:
        assert {e.milestone for e in doc.timeline if e.milestone} == set(Milestone)
    if events >= 12:
        times = [e.time for e in doc.timeline if e.time is not None]
        assert max(times) - min(times) >= timedelta(hours=1)


def test_generated_text_is_blameless() -> None:
    words = ("should have", "forgot", "failed to", "careless", "fault", "blame", "just", "simply", "obviously")
    for i in range(50):
        text = " ".join(prose(generate_postmortem(i, now=NOW).model_dump(mode="json"))).lower()
        assert not [w for w in words if re.search(rf"\b{w}\b", text)], i
