"""Markdown export: every section in a fixed order, user text escaped so that it stays text.

The output is CommonMark plus GFM tables, meant to read well on GitHub, GitLab and in wikis.
User text can never add a heading, a list, a link, an image, an autolink, emphasis, a code
span, a block quote, raw HTML, an entity reference or a table cell: `escape_inline` makes it
literal, and the tests check the token structure with markdown-it-py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from pmtui.analysis.metrics import format_duration, incident_metrics
from pmtui.model import (
    STAGE_TITLES,
    FactorKind,
    Milestone,
    PostMortem,
    Stage,
    TextItem,
    WhyNode,
)

SECTION_HEADINGS: tuple[str, ...] = (
    "Summary",
    "Impact",
    "Timeline",
    "Facts",
    "5 Whys",
    "Contributors",
    "Mitigators",
    "What went well",
    "Lessons",
    "Action items",
    "Open questions",
    "Parking lot",
)
"""The `##` headings every export has, in order (after the `#` title and the summary table)."""

MEETING_HEADING = "Meeting"
"""Follows the fixed sections when some meeting time was recorded."""

FINDINGS_HEADING = "Findings"
"""The last section, when findings are given."""

NONE_RECORDED = "_None recorded._"
EMPTY = "—"
UNTITLED = "Untitled post-mortem"

# --- making user text literal -------------------------------------------------------------------

_ANSI_RE = re.compile(
    "|".join(
        (
            r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]",  # CSI: colours, cursor movement
            r"(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?",  # OSC: titles, hyperlinks
            r"(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)?",  # DCS, SOS, PM, APC
            r"\x1b[ -/]*[0-~]",  # the other escape sequences
            r"\x1b",  # a lone ESC
        )
    )
)
# Line breaks, tabs, spaces and the other C0/C1 control characters: each run becomes one space.
_SPACE_RE = re.compile(r"[\x00-\x20\x7f-\x9f\u2028\u2029]+")
_PARAGRAPH_BREAK_RE = re.compile(r"(?:\r\n?|\n|\u2028|\u2029)[ \t\f\v]*(?:(?:\r\n?|\n|\u2028|\u2029)[ \t\f\v]*)+")

# Special wherever they appear: escapes, code spans, emphasis, links and images, HTML and
# autolinks, table cells, GFM strikethrough and GitHub math.
_ALWAYS_SPECIAL = frozenset("\\`*_[]<>|~$")
# An entity or character reference such as &amp; or &#123;.
_ENTITY_RE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# Special only at the start of a block: list items, headings, block quotes, thematic breaks,
# setext underlines.
_BLOCK_START_RE = re.compile(r"^(?:[-+=#>]|\d{1,9}[.)])")


def clean_text(text: str) -> str:
    """The visible text: ANSI escape sequences removed, line breaks and control characters as single spaces."""
    return _SPACE_RE.sub(" ", _ANSI_RE.sub("", text)).strip(" ")


def escape_inline(text: str) -> str:
    """User text as Markdown that renders as exactly `clean_text(text)`, on one line, with no markup.

    Backslash-escapes every ASCII punctuation character where Markdown (CommonMark, GFM tables,
    GitHub's strikethrough and math) gives it a meaning: always for \\ ` * _ [ ] < > | ~ $, for &
    when it would start an entity reference, and for - + = # > and the "1." / "1)" of an ordered
    list at the start of the text, where a block begins. A trailing # is escaped too, so that a
    heading keeps it. Other punctuation is left alone, so the source stays readable: ! ( ) only
    matter next to [ ], and & only in a reference. (GitHub still links @mentions, #123 and bare
    URLs in text; no escape prevents that.)
    """
    text = clean_text(text)
    entity_starts = {match.start() for match in _ENTITY_RE.finditer(text)}
    out = [
        "\\" + char if char in _ALWAYS_SPECIAL or index in entity_starts else char for index, char in enumerate(text)
    ]
    block_start = _BLOCK_START_RE.match(text)
    if block_start and not out[block_start.end() - 1].startswith("\\"):
        out[block_start.end() - 1] = "\\" + out[block_start.end() - 1]
    if text.endswith("#"):
        out[-1] = "\\#"
    return "".join(out)


def escape_cell(text: str, placeholder: str = EMPTY) -> str:
    """User text for a table cell: as `escape_inline` (pipes and line breaks are already taken care of);
    `placeholder` when nothing visible is left."""
    return escape_inline(text) or placeholder


def escape_paragraphs(text: str) -> list[str]:
    """Longer user text as Markdown paragraphs: blank lines in the text separate paragraphs, single line
    breaks become spaces."""
    stripped = _ANSI_RE.sub("", text)
    paragraphs = (escape_inline(part) for part in _PARAGRAPH_BREAK_RE.split(stripped))
    return [paragraph for paragraph in paragraphs if paragraph]


# --- pieces -------------------------------------------------------------------------------------


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A GFM table; the cells are Markdown already."""
    lines = [
        "| " + " | ".join(header) + " |",
        "| " + " | ".join("---" for _ in header) + " |",
    ]
    lines.extend("| " + " | ".join(cell or EMPTY for cell in row) + " |" for row in rows)
    return "\n".join(lines)


def _bullets(items: Iterable[str]) -> str:
    lines = [f"- {item}" for item in items]
    return "\n".join(lines) if lines else NONE_RECORDED


def _zone_label(moment: datetime) -> str:
    name = moment.tzname() or ""
    if name.isalpha():
        return name
    offset = moment.strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}" if offset else "UTC"


def _local(moment: datetime, zone: ZoneInfo) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(zone)


def format_time(moment: datetime | None, zone: ZoneInfo, *, with_date: bool = True) -> str:
    """'2024-03-05 14:02 CET' in `zone` ('14:02 CET' without the date); '' for no time."""
    if moment is None:
        return ""
    local = _local(moment, zone)
    shown = f"{local:%Y-%m-%d %H:%M}" if with_date else f"{local:%H:%M}"
    return f"{shown} {_zone_label(local)}"


def _number(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}"


def _minutes(value: float | None) -> str:
    return format_duration(timedelta(minutes=value)) if value is not None else ""


def _value(value: Any) -> str:
    """An enum member or any other value as plain text."""
    return str(getattr(value, "value", value))


class _ActionRefs:
    """Action ids as the numbers the Action items table shows: A1, A2, ..."""

    def __init__(self, pm: PostMortem) -> None:
        self.numbers = {action.id: f"A{index}" for index, action in enumerate(pm.actions, start=1)}

    def suffix(self, action_ids: Iterable[str]) -> str:
        refs = [self.numbers[action_id] for action_id in action_ids if action_id in self.numbers]
        if not refs:
            return ""
        return f" (action{'s' if len(refs) > 1 else ''} {', '.join(refs)})"


# --- sections -----------------------------------------------------------------------------------


def _summary_table(pm: PostMortem, metrics_rows: Iterable[tuple[str, str]] | None) -> str:
    zone = pm.tzinfo
    metrics = incident_metrics(pm)
    rows: list[tuple[str, str]] = [("Severity", _value(pm.severity)), ("Status", _value(pm.status))]
    for milestone in Milestone:
        moment = metrics.times.get(milestone)
        shown = format_time(moment, zone)
        if shown and metrics.sources.get(milestone) == "timeline":
            shown += " (from the timeline)"
        rows.append((milestone.value.capitalize(), shown))
    rows.extend((f"Time to {name}", format_duration(span)) for name, span in metrics.durations())
    rows.extend((escape_cell(str(label)), escape_cell(str(value))) for label, value in metrics_rows or ())
    rows.extend(
        [
            ("Services", ", ".join(filter(None, map(escape_inline, pm.services)))),
            ("Tags", ", ".join(filter(None, map(escape_inline, pm.tags)))),
            ("Owner", escape_inline(pm.roles.owner)),
            ("Facilitator", escape_inline(pm.roles.facilitator)),
            ("Note-taker", escape_inline(pm.roles.note_taker)),
            ("Attendees", ", ".join(filter(None, map(escape_inline, pm.roles.attendees)))),
        ]
    )
    return _table(("Field", "Value"), rows)


def _impact(pm: PostMortem) -> list[str]:
    impact = pm.impact
    detected = _value(pm.detection.method) if pm.detection.method is not None else ""
    detail = escape_inline(pm.detection.detail)
    if detail:
        detected = f"{detected}: {detail}" if detected else detail
    metrics = incident_metrics(pm)
    duration = _minutes(metrics.impact_minutes)  # as given; else started -> resolved, as the metrics take it
    if duration and metrics.impact_source == "times":
        duration += " (started to resolved)"
    rows = [
        ("Users affected", _number(impact.users_affected)),
        ("Duration", duration),
        ("Customer tickets", _number(impact.customer_tickets)),
        ("Financial impact", _number(impact.financial_impact)),
        ("Cost per minute", _number(impact.cost_per_minute)),
        ("Cost of the outage (minutes x cost per minute)", _number(metrics.cost)),
        ("How detected", detected),
        ("Review triggers", ", ".join(_value(trigger) for trigger in pm.triggers)),
    ]
    return [_table(("Measure", "Value"), rows), *escape_paragraphs(impact.summary)]


def _timeline(pm: PostMortem) -> list[str]:
    events = pm.sorted_timeline()
    if not events:
        return [NONE_RECORDED]
    zone = pm.tzinfo
    days: set[date] = {_local(event.time, zone).date() for event in events if event.time is not None}
    several_days = len(days) > 1
    if len(days) == 1:
        note = f"Times are in {escape_inline(pm.timezone)}, on {next(iter(days)).isoformat()}."
    else:
        note = f"Times are in {escape_inline(pm.timezone)}."
    rows = []
    for event in events:
        time = format_time(event.time, zone, with_date=several_days)
        if time and event.estimated:
            time = "\\~" + time
        # "guessed": an importer read the kind from the text and nobody has confirmed it yet
        notes = ["guessed"] if event.kind_guessed else []
        if event.milestone is not None:
            notes.append(f"marks {_value(event.milestone)}")
        kind = _value(event.kind) + (f" ({'; '.join(notes)})" if notes else "")
        text = escape_cell(event.text)
        evidence = escape_inline(event.evidence)
        if evidence:
            text += f" (evidence: {evidence})"
        rows.append((time, kind, text, escape_inline(event.source)))
    return [note, _table(("Time", "Kind", "Event", "Source"), rows)]


def _facts(pm: PostMortem) -> str:
    items = []
    for fact in pm.facts:
        text = escape_cell(fact.text)
        evidence = escape_inline(fact.evidence)
        items.append(f"{text} (evidence: {evidence})" if evidence else text)
    return _bullets(items)


def _whys(pm: PostMortem, refs: _ActionRefs) -> str:
    lines: list[str] = []

    def walk(nodes: list[WhyNode], depth: int) -> None:
        for node in nodes:
            text = escape_cell(node.text)
            if node.root_cause:
                text = f"**Root cause:** {text}"
            lines.append(f"{'  ' * depth}- {text}{refs.suffix(node.action_ids)}")
            walk(node.children, depth + 1)

    walk(pm.whys, 0)
    return "\n".join(lines) if lines else NONE_RECORDED


def _factors(pm: PostMortem, kind: FactorKind, refs: _ActionRefs) -> str:
    items = []
    for factor in pm.factors:
        if factor.kind != kind:
            continue
        details = [_value(factor.category)]
        if factor.human_error is not None:
            details.append(f"human error: {_value(factor.human_error)}")
        refs_text = refs.suffix(factor.action_ids).strip(" ()")
        if refs_text:
            details.append(refs_text)
        if factor.accepted:
            details.append("accepted risk")
        items.append(f"{escape_cell(factor.text)} ({'; '.join(details)})")
    return _bullets(items)


def _text_items(items: list[TextItem]) -> str:
    return _bullets(escape_cell(item.text) for item in items)


def _actions(pm: PostMortem) -> str:
    if not pm.actions:
        return NONE_RECORDED
    rows = []
    for number, action in enumerate(pm.actions, start=1):
        status = _value(action.status)
        if action.done_date is not None:
            status += f" {action.done_date.isoformat()}"
        rows.append(
            (
                f"A{number}",
                escape_inline(action.text),
                escape_inline(action.owner),
                action.due.isoformat() if action.due else "",
                _value(action.category) if action.category is not None else "",
                _value(action.priority),
                status,
                escape_inline(action.success_criterion),
                escape_inline(action.tracker),
            )
        )
    header = ("#", "Action", "Owner", "Due", "Category", "Priority", "Status", "Success criterion", "Tracker")
    return _table(header, rows)


def _meeting(pm: PostMortem) -> list[str]:
    records = [(stage, pm.meeting.stages.get(stage)) for stage in Stage]
    if not any(record is not None and record.spent_seconds > 0 for _, record in records):
        return []
    blocks = [f"## {MEETING_HEADING}"]
    if pm.meeting.started_at is not None:
        blocks.append(f"Held {format_time(pm.meeting.started_at, pm.tzinfo)}.")
    rows = []
    total_box = total_spent = 0.0
    for stage, record in records:
        if record is None:
            continue
        spent = timedelta(seconds=record.spent_seconds)
        shown = format_duration(spent) if record.spent_seconds > 0 else ""
        over = spent - timedelta(minutes=record.timebox_minutes)
        if over >= timedelta(minutes=1):
            shown += f" (over by {format_duration(over)})"
        rows.append((STAGE_TITLES[stage], f"{record.timebox_minutes} min", shown))
        total_box += record.timebox_minutes
        total_spent += record.spent_seconds
    rows.append(("Total", f"{int(total_box)} min", format_duration(timedelta(seconds=total_spent))))
    blocks.append(_table(("Stage", "Timebox", "Time spent"), rows))
    return blocks


def _findings(findings: Iterable[Any]) -> list[str]:
    rows = []
    for finding in findings:
        stage = getattr(finding, "stage", None)
        stage_text = STAGE_TITLES.get(stage, _value(stage)) if stage is not None else ""  # type: ignore[call-overload]
        rows.append(
            (
                escape_inline(_value(getattr(finding, "severity", ""))),
                escape_inline(stage_text),
                escape_inline(str(getattr(finding, "path", "") or "")),
                escape_inline(str(getattr(finding, "message", "") or "")),
                escape_inline(str(getattr(finding, "excerpt", "") or "")),
                escape_inline(str(getattr(finding, "suggestion", "") or "")),
            )
        )
    body = _table(("Severity", "Stage", "Where", "Finding", "Excerpt", "Suggestion"), rows) if rows else NONE_RECORDED
    return [f"## {FINDINGS_HEADING}", body]


# --- the document -------------------------------------------------------------------------------


def to_markdown(
    pm: PostMortem,
    *,
    findings: Iterable[Any] | None = None,
    metrics_rows: Iterable[tuple[str, str]] | None = None,
) -> str:
    """The post-mortem as Markdown. The facilitator's notes are private and never exported.

    `findings`: objects with .severity, .stage, .path, .message, .excerpt and .suggestion, shown in a
    Findings appendix. `metrics_rows`: extra (label, value) rows for the summary table, as plain text.
    """
    refs = _ActionRefs(pm)
    title = escape_inline(pm.title) or UNTITLED
    sections: dict[str, list[str] | str] = {
        "Summary": escape_paragraphs(pm.summary),
        "Impact": _impact(pm),
        "Timeline": _timeline(pm),
        "Facts": _facts(pm),
        "5 Whys": _whys(pm, refs),
        "Contributors": _factors(pm, FactorKind.CONTRIBUTOR, refs),
        "Mitigators": _factors(pm, FactorKind.MITIGATOR, refs),
        "What went well": _text_items(pm.went_well),
        "Lessons": _text_items(pm.lessons),
        "Action items": _actions(pm),
        "Open questions": _text_items(pm.open_questions),
        "Parking lot": _text_items(pm.parking_lot),
    }
    blocks = [f"# {title}", _summary_table(pm, metrics_rows)]
    for heading in SECTION_HEADINGS:
        body = sections[heading]
        blocks.append(f"## {heading}")
        if isinstance(body, str):
            blocks.append(body)
        else:
            blocks.extend(body or [NONE_RECORDED])
    blocks.extend(_meeting(pm))
    if findings is not None:
        blocks.extend(_findings(findings))
    return "\n\n".join(blocks) + "\n"
