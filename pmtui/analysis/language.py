"""The blameless-language check over every text field of a post-mortem."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pmtui.analysis.blame import find_blame
from pmtui.analysis.findings import Finding
from pmtui.config import CheckConfig
from pmtui.model import PostMortem, Stage, WhyNode


@dataclass(frozen=True, slots=True)
class TextField:
    """One text field of the document: where it is fixed, its path, its list item's id, and its text."""

    stage: Stage
    path: str
    item_id: str | None
    text: str


def text_fields(pm: PostMortem) -> Iterator[TextField]:
    """Every free-text field of the document, in agenda order."""
    yield TextField(Stage.SETUP, "title", None, pm.title)
    yield TextField(Stage.SETUP, "summary", None, pm.summary)
    yield TextField(Stage.SETUP, "impact.summary", None, pm.impact.summary)
    yield TextField(Stage.SETUP, "detection.detail", None, pm.detection.detail)
    for i, fact in enumerate(pm.facts):
        yield TextField(Stage.FACTS, f"facts.{i}.text", fact.id, fact.text)
    for i, event in enumerate(pm.timeline):
        yield TextField(Stage.TIMELINE, f"timeline.{i}.text", event.id, event.text)

    def walk(nodes: list[WhyNode], prefix: str) -> Iterator[TextField]:
        for i, node in enumerate(nodes):
            path = f"{prefix}.{i}"
            yield TextField(Stage.WHYS, f"{path}.text", node.id, node.text)
            yield from walk(node.children, f"{path}.children")

    yield from walk(pm.whys, "whys")
    for i, factor in enumerate(pm.factors):
        yield TextField(Stage.FACTORS, f"factors.{i}.text", factor.id, factor.text)
    for i, action in enumerate(pm.actions):
        yield TextField(Stage.ACTIONS, f"actions.{i}.text", action.id, action.text)
        yield TextField(Stage.ACTIONS, f"actions.{i}.success_criterion", action.id, action.success_criterion)
    for name in ("went_well", "lessons", "open_questions", "parking_lot"):
        for i, item in enumerate(getattr(pm, name)):
            yield TextField(Stage.REVIEW, f"{name}.{i}.text", item.id, item.text)
    yield TextField(Stage.REVIEW, "facilitator_notes", None, pm.facilitator_notes)


def check_text(field: TextField, config: CheckConfig | None = None) -> list[Finding]:
    """Blame findings for one text field."""
    config = config or CheckConfig()
    return [
        Finding(
            rule=hit.rule,
            severity=config.severity(hit.rule),
            stage=field.stage,
            path=field.path,
            item_id=field.item_id,
            message=f"\u201c{hit.words}\u201d {hit.reason}.",
            excerpt=hit.words,
            start=hit.start,
            end=hit.end,
            suggestion=hit.suggestion,
        )
        for hit in find_blame(field.text)
    ]


def check_language(pm: PostMortem, config: CheckConfig | None = None) -> list[Finding]:
    config = config or CheckConfig()
    findings: list[Finding] = []
    for field in text_fields(pm):
        if field.text:
            findings.extend(check_text(field, config))
    return findings
