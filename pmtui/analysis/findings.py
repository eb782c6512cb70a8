"""A finding: one thing the checks want the facilitator to look at."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pmtui.model import Stage

BLOCKING = "blocking"
ADVISORY = "advisory"


@dataclass(frozen=True)
class Finding:
    """One result of a check.

    rule: rule id ("blame.should-have", "ast.actionable", ...); severity: "blocking" or "advisory";
    stage: the agenda stage where it is fixed; path: the field, e.g. "timeline.3.text";
    item_id: the id of the list item, if any; message: a plain sentence; excerpt: the words found
    (or ""); start/end: the span of the excerpt in the field's text (or None); suggestion: a better
    form (or "").
    """

    rule: str
    severity: str
    stage: Stage
    path: str
    item_id: str | None
    message: str
    excerpt: str = ""
    start: int | None = None
    end: int | None = None
    suggestion: str = ""

    @property
    def blocking(self) -> bool:
        return self.severity == BLOCKING

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "stage": self.stage.value,
            "path": self.path,
            "item_id": self.item_id,
            "message": self.message,
            "excerpt": self.excerpt,
            "start": self.start,
            "end": self.end,
            "suggestion": self.suggestion,
        }
