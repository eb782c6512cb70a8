"""Guessing a timeline event's kind from its text ('rolled back' -> mitigation): for imports and the quick-add
line. Small on purpose: the Timeline stage imports it without the importers' regular expressions."""

from __future__ import annotations

import re
from typing import cast

from pmtui.model import EventKind

# Matched against the lower-cased text (faster than IGNORECASE); a match right after a negation
# ("not resolved", "isn't acknowledged") doesn't count.
_NEGATIONS = ("not ", "n't ", "yet ", "never ")
_KIND_RULES: tuple[tuple[EventKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        (
            EventKind.COMMUNICATION,
            r"\bstatus ?page\b|\bstatuspage|\bstatus update|\bposted (?:an? )?update|\bupdate posted"
            r"|\b(?:customers?|stakeholders?|support) (?:were |was |have been )?(?:notified|informed|emailed|updated)"
            r"|\bnotified (?:the )?(?:customers?|stakeholders?|support|leadership)|\bcomms? (?:sent|out|posted)"
            r"|\btweeted\b|\bincident (?:update|announcement)\b",
        ),
        (
            EventKind.RESOLUTION,
            # 'recovered briefly then spiked', 'recovered to 80%, still degraded': not a resolution
            r"\b(?:resolved|recovered(?![^.;!?\n]{0,40}\b(?:briefly|then|still|partially|partly)\b)"
            r"|all clear|closing the incident|back to normal"
            r"|(?:alert|incident|page|ticket|issue)s? (?:was |were |is |has been |got )?closed"
            r"|status (?:changed )?(?:to |is |: ?)(?:ok|resolved|normal))\b|\[(?:ok|recovered|resolved|closed)\]",
        ),
        (
            EventKind.MITIGATION,
            r"\brolled back\b|\broll(?:ing)? ?back\b|\brollback\b|\breverted\b|\breverting\b"
            r"|\brollout (?:undo|restart)\b|\brevert\b|\bfail(?:ed|ing)? ?over\b|\bfailover\b|\brestarted\b"
            r"|\bscaled (?:up|out)\b"
            r"|\bmitigated\b|\bmitigation (?:applied|in place|deployed)\b|\bhot ?fix\b"
            r"|\bdisabled (?:the )?(?:feature )?flag\b|\bdrain(?:ed|ing)\b|\bshifted traffic\b|\btraffic shifted\b",
        ),
        (
            EventKind.RESPONSE,
            r"\back(?:nowledged|ed|'d)\b|\bon it\b|\binvestigating\b|\blooking into\b"
            r"|\bjoined (?:the )?(?:call|bridge|channel|war ?room)\b|\bincident commander\b"
            r"|\bdeclar(?:ed|ing) (?:an |the )?(?:incident|sev)|\bescalated\b",
        ),
        (
            EventKind.DETECTION,
            r"\balert(?:s|ed|ing)?\b|\bfiring\b|\btriggered\b|\bpaged\b|\bpaging\b|\bpagerduty\b|\balarm"
            r"|\bmonitor(?:s|ing)? (?:fired|detected|triggered)|\bcustomers? report(?:ed|ing|s)?\b"
            r"|\breported by\b|\bnoticed\b",
        ),
    )
)


_DOTTED = re.compile(r"\w\.\w")
_NAME_REACH = 200
_UP_TO_SPACE = re.compile(r".*\s", re.DOTALL)
_NO_SPACE = re.compile(r"\S*")


def _name_span(low: str, start: int) -> tuple[int, int, bool]:
    """Whether low[start] is inside a URL, a path, a dotted name (host, file, version) or an e-mail address:
    words there say nothing about what happened ('/workspace/checkout-rollback', 'rollback.acme.io').
    Only _NAME_REACH characters either side are looked at: a word of 100,000 characters is not rescanned."""
    lowest = max(0, start - _NAME_REACH)
    before = _UP_TO_SPACE.match(low[lowest:start])
    left = lowest + (before.end() if before else 0)
    right = cast(re.Match[str], _NO_SPACE.match(low, start, start + _NAME_REACH)).end()
    token = low[left:right]
    return left, right, "/" in token or "\\" in token or "@" in token or _DOTTED.search(token) is not None


def guess_kind(text: str) -> tuple[EventKind, bool]:
    """(kind, guessed): a kind when the text says what happened, else (OTHER, False)."""
    low = text.lower()
    names: bool | None = None  # whether the text has a URL, path, dotted name or address at all
    for kind, pattern in _KIND_RULES:
        pos = 0
        while (m := pattern.search(low, pos)) is not None:
            start = m.start()
            pos = max(m.end(), start + 1)
            if low[max(0, start - 6) : start].endswith(_NEGATIONS):
                continue
            if names is None:
                names = "/" in low or "." in low or "@" in low or "\\" in low
            if names:
                _, right, in_name = _name_span(low, start)
                if in_name:  # on after the name (or the part of a long one looked at)
                    pos = max(pos, right)
                    continue
            return kind, True
    return EventKind.OTHER, False
