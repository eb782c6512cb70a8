"""Markdown export: fixed sections, GitHub-friendly layout, and user text that stays text."""

from __future__ import annotations

import html
import re
from datetime import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from pmtui.analysis.metrics import format_duration
from pmtui.io.markdown import (
    FINDINGS_HEADING,
    MEETING_HEADING,
    NONE_RECORDED,
    SECTION_HEADINGS,
    clean_text,
    escape_cell,
    escape_inline,
    escape_paragraphs,
    to_markdown,
)
from pmtui.model import Meeting, Milestone, PostMortem, Stage, TimelineEvent
from tests.injection import HOSTILE, fill_every_text_field, full_document

UTC = ZoneInfo("UTC")
BERLIN = ZoneInfo("Europe/Berlin")
md = MarkdownIt("commonmark").enable("table")

FORBIDDEN_TOKENS = {
    "html_inline",
    "html_block",
    "link_open",
    "image",
    "code_inline",
    "code_block",
    "fence",
    "blockquote_open",
    "hr",
    "s_open",
}


def findings_with(text: str) -> list[SimpleNamespace]:
    return [
        SimpleNamespace(
            severity="warning",
            stage=Stage.ACTIONS,
            path="actions.0.text",
            message=text,
            excerpt=text,
            suggestion=text,
        )
    ]


def export_filled(value: str) -> str:
    return to_markdown(
        fill_every_text_field(full_document(), value),
        findings=findings_with(value),
        metrics_rows=[(value, value)],
    )


def shape(token: Token) -> tuple:
    """A token without its text: type, tag, nesting, markup (list bullets, heading marks, emphasis)."""
    children = tuple(shape(child) for child in token.children or ())
    markup = "" if token.type in ("text", "text_special") else token.markup
    return (token.type, token.tag, token.nesting, markup, children)


def all_tokens(tokens: list[Token]) -> list[Token]:
    out = []
    for token in tokens:
        out.append(token)
        out.extend(all_tokens(token.children or []))
    return out


def visible(token: Token) -> str:
    """The text an inline token shows."""
    return html.unescape(md.renderer.renderInline(token.children or [], md.options, {}))


def expected_visible(value: str) -> str:
    """What a hostile string should show: ANSI sequences gone, line breaks as spaces."""
    value = re.sub(r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)", "", value)
    value = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", value)
    return " ".join(value.split())


def test_expected_visible_for_ansi() -> None:
    assert expected_visible(HOSTILE[4]) == "red"
    assert expected_visible(HOSTILE[5]) == "link"
    assert expected_visible("line1\nline2") == "line1 line2"


def test_fill_every_text_field_reaches_every_text_field() -> None:
    pm = full_document()
    filled = fill_every_text_field(pm, "X")
    seen: list[str] = []

    def walk(value, key: str) -> None:
        if isinstance(value, dict):
            for name, item in value.items():
                walk(item, name)
        elif isinstance(value, list):
            for item in value:
                walk(item, key)
        elif type(value) is str and key not in ("id", "zone", "timezone", "action_ids"):
            assert value == "X", key
            seen.append(key)

    walk(filled.model_dump(), "")
    for name in ("title", "summary", "facilitator_notes", "owner", "detail", "services", "tags", "evidence"):
        assert name in seen
    assert filled.whys[0].children[0].children[0].text == "X"
    assert filled.roles.attendees == ["X", "X"]
    assert pm.title != "X"  # a copy: the original is untouched
    assert [a.id for a in filled.actions] == [a.id for a in pm.actions]
    for name in ("facts", "timeline", "whys", "factors", "actions", "went_well", "lessons", "open_questions"):
        assert getattr(pm, name)
    assert pm.parking_lot and pm.services and pm.tags and pm.roles.attendees


# --- user text cannot add structure -----------------------------------------------------------


@pytest.mark.parametrize("value", HOSTILE, ids=repr)
def test_hostile_text_keeps_the_document_structure(value: str) -> None:
    plain_tokens = md.parse(export_filled("plain"))
    hostile = export_filled(value)
    assert not re.search(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]", hostile)
    hostile_tokens = md.parse(hostile)
    assert [shape(t) for t in hostile_tokens] == [shape(t) for t in plain_tokens]
    kinds = {token.type for token in all_tokens(hostile_tokens)}
    assert not kinds & FORBIDDEN_TOKENS
    headings = [t for t in hostile_tokens if t.type == "heading_open"]
    assert len(headings) == 1 + len(SECTION_HEADINGS) + 2  # title, fixed sections, Meeting, Findings


@pytest.mark.parametrize("value", HOSTILE, ids=repr)
def test_hostile_text_shows_literally_in_the_export(value: str) -> None:
    """Wherever the plain export shows 'plain', the hostile export shows the hostile string's visible text."""
    plain_inlines = [t for t in md.parse(export_filled("plain")) if t.type == "inline"]
    hostile_inlines = [t for t in md.parse(export_filled(value)) if t.type == "inline"]
    assert len(plain_inlines) == len(hostile_inlines)
    replaced = 0
    for plain, hostile in zip(plain_inlines, hostile_inlines, strict=True):
        expected = visible(plain).replace("plain", expected_visible(value))
        assert visible(hostile) == expected
        replaced += "plain" in visible(plain)
    assert replaced > 30


@pytest.mark.parametrize("value", HOSTILE, ids=repr)
def test_escape_inline_renders_back_to_the_visible_text(value: str) -> None:
    escaped = escape_inline(value)
    assert "\n" not in escaped and "\x1b" not in escaped
    assert html.unescape(md.renderInline(escaped)) == expected_visible(value)
    assert clean_text(value) == expected_visible(value)


# Characters that mean something somewhere in Markdown, with letters, digits and spaces to make words.
_MARKDOWN_ALPHABET = st.sampled_from(
    [*"\\`*_{}[]()#+-.!|<>~&;:=$@^'\"/?% \n\t\r\x1b", "\x85", "\u2028", "a", "1", "é", "amp"]
)
_TEXTS = st.lists(_MARKDOWN_ALPHABET, max_size=24).map("".join)


def _contexts(escaped: str) -> list[str]:
    return [
        f"# {escaped}\n",
        f"para\n\n{escaped}\n",
        f"- {escaped}\n- x\n",
        f"- x\n  - {escaped}\n",
        f"| a | b |\n| --- | --- |\n| {escaped} | x |\n",
    ]


@settings(derandomize=True, max_examples=400, database=None, deadline=None)
@given(_TEXTS)
def test_escaped_text_never_makes_markup(value: str) -> None:
    escaped = escape_inline(value) or "x"
    for source, reference in zip(_contexts(escaped), _contexts("x"), strict=True):
        tokens = md.parse(source)
        assert [shape(t) for t in tokens] == [shape(t) for t in md.parse(reference)], source
        texts = [visible(t) for t in tokens if t.type == "inline"]
        assert (clean_text(value) or "x") in texts, source


def test_escape_keeps_ordinary_punctuation_readable() -> None:
    assert escape_inline("api-gateway v1.2 (eu-west-1), don't panic!") == "api-gateway v1.2 (eu-west-1), don't panic!"
    assert escape_inline("R&D and Q&A") == "R&D and Q&A"
    assert escape_inline("&amp;") == "\\&amp;"
    assert escape_inline("snake_case *x*") == "snake\\_case \\*x\\*"
    assert escape_inline("1. step") == "1\\. step"
    assert escape_inline("- item") == "\\- item"
    assert escape_inline("C#") == "C\\#"


def test_clean_text_strips_escape_sequences_and_collapses_control_characters() -> None:
    assert clean_text("  a \t\r\n b\x7fc\x85d\u2028e\x00f  ") == "a b c d e f"
    assert (
        clean_text("\x1b[1;31mbold red\x1b[0m \x1b]0;title\x07x \x1bPdcs\x1b\\y \x9b2Jz \x1b(Bw\x1b")
        == "bold red x y z w"
    )
    assert clean_text("\x1b]8;;http://evil") == ""  # an unterminated hyperlink swallows the rest, as a terminal would


def test_escape_cell_and_paragraphs() -> None:
    assert escape_cell("") == "—"
    assert escape_cell("\x1b[0m", placeholder="-") == "-"
    assert escape_cell("a|b\nc") == "a\\|b c"
    assert escape_paragraphs("one\ntwo\n\n\n# three\r\n \r\nfour") == ["one two", "\\# three", "four"]
    assert escape_paragraphs("  \n\n ") == []


# --- sections and layout ----------------------------------------------------------------------


def headings(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("#")]


def test_sections_are_all_present_and_in_order() -> None:
    out = to_markdown(full_document(), findings=[])
    assert headings(out) == [
        "# Checkout errors after pool change",
        *(f"## {name}" for name in SECTION_HEADINGS),
        f"## {MEETING_HEADING}",
        f"## {FINDINGS_HEADING}",
    ]
    assert out.endswith(f"## {FINDINGS_HEADING}\n\n{NONE_RECORDED}\n")


def test_empty_document_renders_every_section() -> None:
    out = to_markdown(PostMortem(id="empty", title=""))
    assert headings(out) == ["# Untitled post-mortem", *(f"## {name}" for name in SECTION_HEADINGS)]
    for name in SECTION_HEADINGS:
        if name != "Impact":
            assert f"## {name}\n\n{NONE_RECORDED}\n" in out
    assert "Time to" not in out
    assert MEETING_HEADING not in out


@pytest.mark.parametrize("pm", [PostMortem(id="empty"), full_document()], ids=["empty", "full"])
def test_layout_reads_well_on_github(pm: PostMortem) -> None:
    out = to_markdown(pm, findings=findings_with("a finding"))
    assert out.endswith("\n") and not out.endswith("\n\n")
    assert "\n\n\n" not in out
    for line in out.splitlines():
        assert line == line.rstrip(), line
    lines = out.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("|") and (index == 0 or not lines[index - 1].startswith("|")):
            assert lines[index - 1] == ""
            assert re.fullmatch(r"\|( --- \|)+", lines[index + 1]), lines[index + 1]
    tables = [t for t in md.parse(out) if t.type == "table_open"]
    assert len(tables) == sum(1 for i, line in enumerate(lines) if line.startswith("| ") and lines[i - 1] == "")


def test_summary_table_has_times_in_the_document_zone_and_durations() -> None:
    out = to_markdown(full_document())
    assert "| Severity | SEV2 |" in out
    assert "| Status | in review |" in out
    assert "| Started | 2024-03-05 23:40 CET |" in out
    assert "| Resolved | 2024-03-06 01:45 CET |" in out
    assert "| Time to detect | 12 min |" in out
    assert "| Time to respond | 6 min |" in out
    assert "| Time to mitigate | 50 min |" in out
    assert "| Time to resolve | 2 h 05 min |" in out
    assert "| Services | checkout, payments |" in out
    assert "| Owner | Dana |" in out
    assert "| Facilitator | Sam |" in out
    assert "| Note-taker | Lee |" in out
    assert "| Attendees | Ari, Kim |" in out


def test_times_from_the_timeline_are_used_and_marked() -> None:
    pm = PostMortem(
        id="tl",
        timezone="America/New_York",
        started=datetime(2024, 7, 1, 12, 0, tzinfo=UTC),
        timeline=[TimelineEvent(time=datetime(2024, 7, 1, 12, 45, tzinfo=UTC), milestone=Milestone.DETECTED)],
    )
    out = to_markdown(pm)
    assert "| Started | 2024-07-01 08:00 EDT |" in out
    assert "| Detected | 2024-07-01 08:45 EDT (from the timeline) |" in out
    assert "| Time to detect | 45 min |" in out
    assert "Time to resolve" not in out


def test_zone_without_a_letter_abbreviation_shows_the_offset() -> None:
    pm = PostMortem(id="z", timezone="Asia/Dubai", started=datetime(2024, 1, 1, 8, 0, tzinfo=UTC))
    assert "| Started | 2024-01-01 12:00 UTC+04:00 |" in to_markdown(pm)


def test_metrics_rows_are_added_to_the_summary_table() -> None:
    out = to_markdown(PostMortem(id="m"), metrics_rows=[("Draft age", "3 d"), ("Updates | cadence", "every 30 min")])
    assert "| Draft age | 3 d |" in out
    assert "| Updates \\| cadence | every 30 min |" in out


def test_timeline_on_one_day_shows_times_only() -> None:
    pm = PostMortem(
        id="one-day",
        timezone="Europe/Berlin",
        timeline=[
            TimelineEvent(time=datetime(2024, 3, 5, 10, 0, tzinfo=BERLIN), kind="trigger", text="Deploy"),
            TimelineEvent(time=datetime(2024, 3, 5, 10, 5, tzinfo=BERLIN), text="Page", estimated=True),
            TimelineEvent(text="Sometime later"),
            TimelineEvent(
                time=datetime(2024, 3, 5, 10, 7, tzinfo=BERLIN), kind="resolution", kind_guessed=True, text="ok"
            ),
        ],
    )
    out = to_markdown(pm)
    assert "| 10:07 CET | resolution (guessed) | ok | — |" in out
    assert "Times are in Europe/Berlin, on 2024-03-05." in out
    assert "| 10:00 CET | trigger | Deploy | — |" in out
    assert "| \\~10:05 CET | other | Page | — |" in out
    assert "| — | other | Sometime later | — |" in out
    cells = [visible(t) for t in md.parse(out) if t.type == "inline"]
    assert "~10:05 CET" in cells


def test_timeline_over_several_days_shows_dates_and_evidence() -> None:
    out = to_markdown(full_document())
    assert "| 2024-03-05 23:40 CET | trigger (marks started) | Config change deployed" in out
    assert "| \\~2024-03-05 23:52 CET | detection (guessed; marks detected) |" in out  # typed in New York
    assert "(evidence: https://deploy.example/123) | deploy log |" in out


def test_lists_whys_factors_and_actions() -> None:
    out = to_markdown(full_document())
    assert "## Facts\n\n- Pool size went from 50 to 5 (evidence: https://git.example/commit/abc)\n" in out
    assert (
        "- Checkout returned errors\n"
        "  - The connection pool was exhausted\n"
        "    - **Root cause:** No check on pool size in config review (actions A1, A2)\n"
    ) in out
    assert "- Config review had no capacity checklist (process; human error: lapse; action A1; accepted risk)" in out
    assert "## Mitigators\n\n- Feature flag allowed a fast rollback (technology)\n" in out
    assert "| # | Action | Owner | Due | Category | Priority | Status | Success criterion | Tracker |" in out
    assert (
        "| A1 | Add an alert on connection pool saturation | Dana | 2024-03-20 | detection | high "
        "| done 2024-03-15 | Alert fires in staging load test | OPS-101 |"
    ) in out
    for name, text in [
        ("What went well", "Alert fired within minutes"),
        ("Lessons", "Capacity settings need review like code"),
        ("Open questions", "Why did staging not show this?"),
        ("Parking lot", "Revisit on-call rota"),
    ]:
        assert f"## {name}\n\n- {text}\n" in out
    tokens = md.parse(out)
    nested = max(t.level for t in tokens if t.type == "bullet_list_open")
    assert nested >= 4  # three levels of 5 Whys


def test_impact_section() -> None:
    out = to_markdown(full_document())
    assert "| Users affected | 12,000 |" in out
    assert "| Duration | 2 h 05 min |" in out
    assert "| Customer tickets | 48 |" in out
    assert "| Financial impact | 15,250.50 |" in out
    assert "| Cost per minute | 122 |" in out
    assert "| How detected | monitoring: Error-rate alert on checkout |" in out
    assert "| Review triggers | user-visible downtime, on-call intervention |" in out
    assert "\n\nCustomers could not pay.\n\nAbout one in five checkouts failed.\n\n## Timeline" in out


def test_impact_duration_from_the_times_when_not_given() -> None:
    """No impact duration typed: the export shows started -> resolved, as the metrics (and check --json) use it."""
    pm = full_document()
    pm.impact.duration_minutes = None
    pm.impact.cost_per_minute = 10
    out = to_markdown(pm)
    minutes = (pm.resolved - pm.started).total_seconds() / 60
    assert f"| Duration | {format_duration(pm.resolved - pm.started)} (started to resolved) |" in out
    assert f"| Cost of the outage (minutes x cost per minute) | {round(minutes * 10):,} |" in out


def test_facilitator_notes_are_never_exported() -> None:
    pm = full_document()
    pm.facilitator_notes = "SECRET-NOTE"
    assert "SECRET-NOTE" not in to_markdown(pm, findings=findings_with("x"))


def test_meeting_section_only_when_time_was_spent() -> None:
    out = to_markdown(full_document())
    assert "## Meeting\n\nHeld 2024-03-07 10:00 CET.\n\n| Stage | Timebox | Time spent |" in out
    assert "| Facts | 5 min | 7 min (over by 2 min) |" in out
    assert "| 5 Whys | 10 min | — |" in out
    pm = full_document()
    pm.meeting = Meeting()
    assert "## Meeting" not in to_markdown(pm)


def test_findings_appendix() -> None:
    out = to_markdown(PostMortem(id="f"), findings=findings_with("Use a verb | not *blame*"))
    assert out.index("## Parking lot") < out.index("## Findings")
    assert "| Severity | Stage | Where | Finding | Excerpt | Suggestion |" in out
    assert "| warning | Actions | actions.0.text | Use a verb \\| not \\*blame\\* |" in out
    assert "## Findings" not in to_markdown(PostMortem(id="f"))


def test_an_accepted_contributor_says_so() -> None:
    doc = full_document()
    doc.factors[0].accepted = True
    doc.factors[0].action_ids = []
    out = to_markdown(doc)
    line = next(line for line in out.splitlines() if line.startswith(f"- {doc.factors[0].text}"))
    assert line.endswith("; accepted risk)")
