"""Timeline import: text logs, Slack exports, CSV, PagerDuty log entries; dedupe, filters, errors."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from pmtui.io.timeline_import import (
    FORMATS,
    ImportResult,
    TimelineImportError,
    anchor_date,
    apply_import,
    guess_kind,
    parse_timeline,
    parse_timeline_text,
    plan_import,
)
from pmtui.model import EventKind, PostMortem, TimelineEvent

FIXTURES = Path(__file__).parent / "fixtures" / "timeline"
TEXT_LOG = FIXTURES / "ops-notes.log"
SLACK_ROOT = FIXTURES / "slack-export"
SLACK_CHANNEL = SLACK_ROOT / "inc-2291-checkout"
CSV_FILE = FIXTURES / "incident-2291.csv"
PD_FILE = FIXTURES / "pagerduty-log-entries.json"
BERLIN = ZoneInfo("Europe/Berlin")
INCIDENT_DAY = date(2026, 3, 2)


def utc(text: str) -> datetime:
    """'2026-03-02 22:27:05' as an aware UTC datetime."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def at_utc(result: ImportResult) -> list[datetime]:
    return [e.time.astimezone(UTC) for e in result.events]


def texts(result: ImportResult) -> list[str]:
    return [e.text for e in result.events]


def by_text(result: ImportResult, fragment: str) -> TimelineEvent:
    matches = [e for e in result.events if fragment in e.text]
    assert len(matches) == 1, (fragment, texts(result))
    return matches[0]


def parse(text: str, **kwargs) -> ImportResult:
    kwargs.setdefault("anchor", INCIDENT_DAY)
    kwargs.setdefault("doc_zone", "Europe/Berlin")
    return parse_timeline_text(text, **kwargs)


# --------------------------------------------------------------------------------------------
# Plain text
# --------------------------------------------------------------------------------------------


class TestTextFixture:
    @pytest.fixture(scope="class")
    def result(self) -> ImportResult:
        return parse_timeline(TEXT_LOG, anchor=INCIDENT_DAY, doc_zone="Europe/Berlin")

    def test_detected_and_counted(self, result: ImportResult) -> None:
        assert result.format == "text"
        assert len(result.events) == 14
        assert result.summary() == "14 events from 23:27 to 00:40, 5 lines skipped"

    def test_lines_before_the_first_time_and_bad_dates_are_skipped_with_a_reason(self, result: ImportResult) -> None:
        assert [s.where for s in result.skipped] == ["line 1", "line 2", "line 3", "line 16", "line 19"]
        assert result.skipped[0].reason == "no time at the start of the line"
        # after a blank line, an unindented line without a time is not glued onto the event above
        assert result.skipped[3].reason == "no time at the start: a heading or a note?"
        assert "2026-02-30" in result.skipped[4].reason
        assert not any("bogus" in t for t in texts(result))

    def test_times_roll_over_midnight_and_keep_their_zones(self, result: ImportResult) -> None:
        assert at_utc(result) == [
            utc("2026-03-02 22:27:00"),  # 23:27 Berlin
            utc("2026-03-02 22:31:40"),
            utc("2026-03-02 22:33:05"),  # ISO with Z
            utc("2026-03-02 22:35:12"),  # [23:35:12]
            utc("2026-03-02 22:38:00"),
            utc("2026-03-02 22:41:00"),  # "- 23:41" bullet
            utc("2026-03-02 22:44:00"),  # 23:44 CET
            utc("2026-03-02 22:52:10"),  # syslog "Mar  2 23:52:10"
            utc("2026-03-02 22:58:00"),
            utc("2026-03-02 23:04:00"),  # 00:04 -> next day
            utc("2026-03-02 23:15:00"),  # 2026-03-03 00:15:00+01:00
            utc("2026-03-02 23:20:00"),  # "23:20 UTC" after 00:15 Berlin: same instant day, not the next
            utc("2026-03-02 23:31:00"),
            utc("2026-03-02 23:40:00"),
        ]
        assert by_text(result, "PagerDuty paged").zone == "UTC"
        assert by_text(result, "customers notified").zone == "UTC"
        assert by_text(result, "deploy of checkout-api").zone == ""  # read in the document's zone
        assert all(e.time.tzinfo is not None for e in result.events)

    def test_continuation_lines_join_the_line_above(self, result: ImportResult) -> None:
        event = by_text(result, "CrashLoopBackOff")
        assert event.text.splitlines() == [
            "ERROR checkout-api pods in CrashLoopBackOff:",
            "panic: runtime error: invalid memory address or nil pointer dereference",
            "goroutine 1 [running]:",
        ]

    def test_ansi_and_control_characters_are_stripped(self, result: ImportResult) -> None:
        for event in result.events:
            assert "\x1b" not in event.text and "\x07" not in event.text
        assert by_text(result, "set to monitoring").text == "status page set to monitoring"
        assert by_text(result, "customers notified").text == "customers notified via status page"

    def test_sources_name_file_and_line(self, result: ImportResult) -> None:
        assert result.events[0].source == "ops-notes.log:5"
        assert by_text(result, "CrashLoopBackOff").source == "ops-notes.log:9"

    def test_kinds_are_guessed_where_the_text_says(self, result: ImportResult) -> None:
        expected = {
            "deploy of checkout-api": (EventKind.OTHER, False),
            "[FIRING:1]": (EventKind.DETECTION, True),
            "PagerDuty paged": (EventKind.DETECTION, True),
            "acknowledged, looking": (EventKind.RESPONSE, True),
            "declared SEV2": (EventKind.RESPONSE, True),
            "posted status page update": (EventKind.COMMUNICATION, True),
            "rolling back checkout-api": (EventKind.MITIGATION, True),
            "incident resolved": (EventKind.RESOLUTION, True),
            "back to baseline": (EventKind.OTHER, False),
        }
        for fragment, (kind, guessed) in expected.items():
            event = by_text(result, fragment)
            assert (event.kind, event.kind_guessed) == (kind, guessed), fragment


@pytest.mark.parametrize(
    ("line", "expected_utc"),
    [
        ("2026-03-02T23:27:05Z x", "2026-03-02 23:27:05"),
        ("2026-03-02 23:27:05+01:00 x", "2026-03-02 22:27:05"),
        ("2026-03-02 23:27:05.250 +0100 x", "2026-03-02 22:27:05"),
        ("2026-03-02 23:27:05,123 INFO x", "2026-03-02 22:27:05"),
        ("2017-01-31 23:27 x", "2017-01-31 22:27:00"),
        ("2026/03/02 23:27 x", "2026-03-02 22:27:00"),
        ("02.03.2026 23:27 x", "2026-03-02 22:27:00"),
        ("23:27 x", "2026-03-02 22:27:00"),
        ("23:27:05 x", "2026-03-02 22:27:05"),
        ("[14:05:33] x", "2026-03-02 13:05:33"),
        ("[2026-03-02 14:05:33] x", "2026-03-02 13:05:33"),
        ("Mar  2 23:27:01 host sshd[1]: x", "2026-03-02 22:27:01"),
        ("Mar 2, 2026 23:27 x", "2026-03-02 22:27:00"),
        ("14:05 UTC x", "2026-03-02 14:05:00"),
        ("14:05 GMT x", "2026-03-02 14:05:00"),
        ("14:05Z x", "2026-03-02 14:05:00"),
        ("14:05 CET x", "2026-03-02 13:05:00"),
        ("14:05 EST x", "2026-03-02 19:05:00"),
        ("14:05 UTC+2 x", "2026-03-02 12:05:00"),
        ("14:05 +05:30 x", "2026-03-02 08:35:00"),
        ("14:05 America/New_York x", "2026-03-02 19:05:00"),
        ("11:27 PM x", "2026-03-02 22:27:00"),
        ("9:05 a.m. x", "2026-03-02 08:05:00"),
        ("* 14:05 x", "2026-03-02 13:05:00"),
        ("- [14:05] - x", "2026-03-02 13:05:00"),
        ("14:05: x", "2026-03-02 13:05:00"),
        ("14:05 | x", "2026-03-02 13:05:00"),
    ],
)
def test_time_forms(line: str, expected_utc: str) -> None:
    result = parse(line)
    assert at_utc(result) == [utc(expected_utc)]
    assert result.events[0].text.endswith("x")


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("14:05 ERROR disk full", "ERROR disk full"),  # not a zone
        ("14:05 AST call", "AST call"),  # Atlantic or Arabia: left in the text
        ("14:05 DB failover", "DB failover"),
        ("14:05 AMQP broker down", "AMQP broker down"),
        ("14:05 -5 replicas", "-5 replicas"),
    ],
)
def test_words_after_a_time_are_not_taken_for_zones(line: str, text: str) -> None:
    result = parse(line)
    assert texts(result) == [text]
    assert at_utc(result) == [utc("2026-03-02 13:05:00")]


@pytest.mark.parametrize("line", ["99:99 nope", "24:00 nope", "12:345 nope", "1234 nope", "13:05 PM nope", "nope"])
def test_not_a_time(line: str) -> None:
    result = parse(f"10:00 first\n{line}")
    assert texts(result) == [f"first\n{line}"]


def test_midnight_rollover() -> None:
    result = parse("23:50 a\n23:59:30 b\n00:10 c\n01:00 d\n00:30 e\n")
    assert at_utc(result) == [
        utc("2026-03-02 22:50:00"),
        utc("2026-03-02 22:59:30"),
        utc("2026-03-02 23:10:00"),
        utc("2026-03-02 23:30:00"),  # "00:30" after "01:00": 30 minutes back, within the tolerance
        utc("2026-03-03 00:00:00"),
    ]
    assert texts(result) == ["a", "b", "c", "e", "d"]


def test_going_back_more_than_an_hour_moves_to_the_next_day() -> None:
    result = parse("10:00 a\n09:30 b\n08:00 c\n")  # c is 90 minutes before b
    assert texts(result) == ["b", "a", "c"]
    assert at_utc(result) == [utc("2026-03-02 08:30:00"), utc("2026-03-02 09:00:00"), utc("2026-03-03 07:00:00")]


def test_small_step_back_across_midnight_stays_on_the_previous_day() -> None:
    result = parse("00:10 a\n23:55 b\n")
    assert [e.time.astimezone(BERLIN).isoformat() for e in result.events] == [
        "2026-03-01T23:55:00+01:00",
        "2026-03-02T00:10:00+01:00",
    ]


def test_rollover_across_daylight_saving_change() -> None:
    result = parse("23:30 a\n01:30 b\n03:30 c\n", anchor=date(2026, 3, 28))
    assert [e.time.astimezone(BERLIN).isoformat() for e in result.events] == [
        "2026-03-28T23:30:00+01:00",
        "2026-03-29T01:30:00+01:00",
        "2026-03-29T03:30:00+02:00",
    ]


def test_date_heading_sets_the_date() -> None:
    result = parse("## 2026-03-05\n09:00 a\n\nTuesday 2026-03-10\n09:00 b\n")
    assert at_utc(result) == [utc("2026-03-05 08:00:00"), utc("2026-03-10 08:00:00")]
    assert result.skipped == []


def test_without_an_anchor_the_first_date_in_the_file_is_used() -> None:
    result = parse_timeline_text("23:50 a\n2026-03-03 00:10 b\n00:20 c\n", doc_zone="UTC")
    assert at_utc(result) == [utc("2026-03-02 23:50:00"), utc("2026-03-03 00:10:00"), utc("2026-03-03 00:20:00")]


def test_without_an_anchor_or_any_date_it_says_so() -> None:
    with pytest.raises(TimelineImportError, match=r"^notes\.txt: line 2: the times have no date"):
        parse_timeline_text("notes\n23:50 a\n", name="notes.txt")


def test_syslog_year_rolls_over() -> None:
    result = parse("Dec 31 23:59:00 a\nJan  1 00:01:00 b\n", anchor=date(2025, 12, 31), doc_zone="UTC")
    assert at_utc(result) == [utc("2025-12-31 23:59:00"), utc("2026-01-01 00:01:00")]


def test_tz_argument_reads_zoneless_times_and_names_the_zone() -> None:
    result = parse("10:00 a\n15:05 UTC b\n", tz="America/New_York")
    assert at_utc(result) == [utc("2026-03-02 15:00:00"), utc("2026-03-02 15:05:00")]
    assert [e.zone for e in result.events] == ["America/New_York", "UTC"]
    # the same zone as the document is left empty (= the document's zone)
    same = parse("10:00 a\n", tz="Europe/Berlin")
    assert same.events[0].zone == ""


def test_text_is_kept_literal_but_escapes_and_controls_go() -> None:
    line = "10:00 [bold red]x[/] <b>y</b> \x1b[31mred\x1b[0m\x00\x08 \u202eevil \\n *md*"
    result = parse(line)
    assert texts(result) == ["[bold red]x[/] <b>y</b> red evil \\n *md*"]


def test_empty_and_unreadable_inputs_fail_with_a_message() -> None:
    with pytest.raises(TimelineImportError, match="empty"):
        parse_timeline_text("  \n\n", name="x.log")
    with pytest.raises(TimelineImportError, match=r"^x\.log: no events found \(2 lines skipped; first: line 1: "):
        parse_timeline_text("hello\nworld\n", name="x.log", fmt="text")


def test_a_time_with_no_text_is_skipped() -> None:
    result = parse("10:00\n10:05 b\n")
    assert texts(result) == ["b"]
    assert [str(s) for s in result.skipped] == ["line 1: a time but no text"]


# --------------------------------------------------------------------------------------------
# Slack
# --------------------------------------------------------------------------------------------


class TestSlackFolder:
    @pytest.fixture(scope="class")
    def result(self) -> ImportResult:
        return parse_timeline(SLACK_CHANNEL, doc_zone="Europe/Berlin")

    def test_detected_counted_sorted(self, result: ImportResult) -> None:
        assert result.format == "slack"
        assert len(result.events) == 11
        assert at_utc(result) == sorted(at_utc(result))
        assert result.summary() == "11 events from 23:31 to 00:40, 5 entries skipped"

    def test_times_come_from_ts_not_the_day_file_name(self, result: ImportResult) -> None:
        # in 2026-03-03.json (named in Berlin time) but 23:04 on 2 March in UTC
        event = by_text(result, "rollback done")
        assert event.time.astimezone(UTC) == utc("2026-03-02 23:04:00")
        assert event.time.astimezone(BERLIN).date() == date(2026, 3, 3)

    def test_noise_and_deleted_messages_are_skipped_with_reasons(self, result: ImportResult) -> None:
        assert [(s.where, s.reason.split(" ")[0]) for s in result.skipped] == [
            ("2026-03-02.json entry 1", "channel_join"),
            ("2026-03-02.json entry 2", "channel_join"),
            ("2026-03-02.json entry 9", "channel_topic"),
            ("2026-03-02.json entry 10", "deleted"),
            ("2026-03-03.json entry 4", "channel_leave"),
        ]

    def test_include_noise(self) -> None:
        result = parse_timeline(SLACK_CHANNEL, doc_zone="Europe/Berlin", include_noise=True)
        assert len(result.events) == 15
        assert texts(result)[:2] == ["@Sam Okafor has joined the channel", "@Dana Whitfield has joined the channel"]
        assert "@Lee has left the channel" in texts(result)

    def test_users_are_named_from_users_json_and_message_profiles(self, result: ImportResult) -> None:
        assert by_text(result, "declaring SEV2").source == "slack:#inc-2291-checkout @Sam Okafor"
        assert by_text(result, "rolling back now").source == "slack:#inc-2291-checkout @Lee"  # display_name
        assert by_text(result, "customer tickets").source == "slack:#inc-2291-checkout @Alex Kim"  # user_profile
        assert by_text(result, "[Triggered]").source == "slack:#inc-2291-checkout @Datadog"  # bot username

    def test_escapes_mentions_channels_links_entities(self, result: ImportResult) -> None:
        assert by_text(result, "declaring SEV2").text == (
            "@here declaring SEV2, I'm incident commander. Updates go to #status-updates"
        )
        assert by_text(result, "acknowledged").text == (
            "acknowledged - looking at the checkout dashboard (https://grafana.example.com/d/checkout?from=now-1h&to=now)"
        )
        assert by_text(result, "crashlooping").text == (
            "↳ pods crashlooping since the deploy <v4.12.0> & the config change"
        )
        assert by_text(result, "rollback done").text == "rollback done, @Dana Whitfield can you check the error ratio?"
        assert by_text(result, "post-mortem owner").text.endswith("doc in https://wiki.example.com/pm/2291")

    def test_thread_replies_in_time_order_and_marked(self, result: ImportResult) -> None:
        order = texts(result)
        parent = order.index(next(t for t in order if "declaring SEV2" in t))
        reply = order.index(next(t for t in order if "crashlooping" in t))
        later_reply = order.index(next(t for t in order if "I'll roll back" in t))
        status = order.index(next(t for t in order if "posted status page" in t))
        assert parent < reply < status < later_reply
        assert order[reply].startswith("↳ ") and order[later_reply].startswith("↳ ")
        assert not order[parent].startswith("↳")

    def test_edited_message_uses_current_text(self, result: ImportResult) -> None:
        assert by_text(result, "acknowledged").text.startswith("acknowledged - looking")

    def test_file_share_names_the_file(self, result: ImportResult) -> None:
        assert by_text(result, "graph").text == "error graph [file: checkout 5xx graph]"

    def test_a_file_slack_no_longer_keeps_says_so(self) -> None:
        messages = [
            {"ts": "1772492310.002500", "user": "U1", "text": "", "files": [{"id": "F1", "mode": "hidden_by_limit"}]},
            {"ts": "1772492320.002500", "user": "U1", "text": "log", "files": [{"id": "F2", "mode": "tombstone"}]},
        ]
        assert texts(parse_timeline_text(json.dumps(messages))) == [
            "[a file, hidden by Slack's plan limit]",
            "log [a file, since deleted]",
        ]

    def test_bot_attachment_text_and_kinds(self, result: ImportResult) -> None:
        alert = by_text(result, "[Triggered]")
        assert alert.text == "[Triggered] Checkout 5xx ratio > 5% on checkout-api — 5xx ratio is 12.4% (threshold 5%)"
        assert (alert.kind, alert.kind_guessed) == (EventKind.DETECTION, True)
        assert by_text(result, "posted status page").kind == EventKind.COMMUNICATION
        assert by_text(result, "resolved. thanks").kind == EventKind.RESOLUTION
        assert by_text(result, "customer tickets").kind_guessed is False

    def test_times_are_shown_in_the_document_zone(self, result: ImportResult) -> None:
        assert all(e.time.utcoffset() == timedelta(hours=1) for e in result.events)
        assert all(e.zone == "" for e in result.events)


def test_slack_single_day_file_uses_folder_name_and_parent_users() -> None:
    result = parse_timeline(SLACK_CHANNEL / "2026-03-03.json")
    assert result.format == "slack"
    assert result.events[0].source == "slack:#inc-2291-checkout @Lee"
    assert "@Dana Whitfield" in result.events[0].text


def test_slack_workspace_root_with_one_channel_reads_it() -> None:
    result = parse_timeline(SLACK_ROOT, doc_zone="Europe/Berlin")
    assert texts(result) == texts(parse_timeline(SLACK_CHANNEL, doc_zone="Europe/Berlin"))
    assert by_text(result, "declaring SEV2").source == "slack:#inc-2291-checkout @Sam Okafor"  # users.json read
    assert result.notes == ["read #inc-2291-checkout, the only channel in this workspace export"]


def test_slack_workspace_root_with_several_channels_asks_for_one(tmp_path: Path) -> None:
    root = tmp_path / "export"
    shutil.copytree(SLACK_ROOT, root)
    shutil.copytree(SLACK_CHANNEL, root / "general")
    with pytest.raises(
        TimelineImportError,
        match=r"whole Slack workspace export; choose one channel folder in it \(general, inc-2291-checkout\)",
    ):
        parse_timeline(root)


def test_slack_folder_without_users_json_keeps_ids(tmp_path: Path) -> None:
    channel = tmp_path / "ops"
    shutil.copytree(SLACK_CHANNEL, channel)
    result = parse_timeline(channel)
    assert by_text(result, "declaring SEV2").source == "slack:#ops @U02SAM"
    assert by_text(result, "rollback done").text == "rollback done, @Dana Whitfield can you check the error ratio?"


def test_slack_folder_with_a_broken_day_file(tmp_path: Path) -> None:
    channel = tmp_path / "ops"
    shutil.copytree(SLACK_CHANNEL, channel)
    (channel / "2026-03-04.json").write_text("[{not json")
    result = parse_timeline(channel)
    assert len(result.events) == 11
    assert result.skipped[-1].where == "2026-03-04.json"


@pytest.mark.parametrize(
    ("raw", "plain"),
    [
        ("a &lt;b&gt; &amp;amp; c", "a <b> &amp; c"),
        ("<@U1> and <@U2|bob> and <@U3>", "@Ann and @bob and @U3"),
        ("see <#C1|ops> and <#C2>", "see #ops and #C2"),
        ("<https://x.example/a?b=1&amp;c=2|the doc>", "the doc (https://x.example/a?b=1&c=2)"),
        ("<https://x.example>", "https://x.example"),
        ("<https://x.example|x.example>", "x.example"),
        ("<mailto:bob@example.com|bob@example.com>", "bob@example.com"),
        ("<!here> <!channel> <!everyone> <!here|@here>", "@here @channel @everyone @here"),
        ("<!subteam^S123|@sre-team> please", "@sre-team please"),
        ("<!date^1392734382^{date}|Feb 18, 2014>", "Feb 18, 2014"),
        ("a < b > c", "a < b > c"),
    ],
)
def test_slack_unescape(raw: str, plain: str) -> None:
    messages = [{"ts": "1772490000.000100", "user": "U1", "text": raw}]
    result = parse_timeline_text(json.dumps(messages), users={"U1": "Ann"})
    assert texts(result) == [plain]


def test_slack_api_response_shape_and_source_without_channel() -> None:
    data = {"ok": True, "messages": [{"type": "message", "ts": "1772490000.000100", "user": "U1", "text": "hi"}]}
    result = parse_timeline_text(json.dumps(data))
    assert result.format == "slack"
    assert result.events[0].source == "slack:@U1"


def test_slack_bad_entries_are_skipped_not_fatal() -> None:
    messages = [{"ts": "1772490000.1", "text": "ok"}, {"ts": "soon", "text": "x"}, "junk", {"ts": "1e999", "text": "y"}]
    result = parse_timeline_text(json.dumps(messages), fmt="slack")
    assert texts(result) == ["ok"]
    assert [s.where for s in result.skipped] == ["entry 2", "entry 3", "entry 4"]


def test_slack_format_on_non_json_fails_clearly() -> None:
    with pytest.raises(TimelineImportError, match=r"^log\.txt: not JSON, so not a Slack export \(line 1, column \d+: "):
        parse_timeline_text("10:00 hello", fmt="slack", name="log.txt")


# --------------------------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------------------------


class TestCsvFixture:
    @pytest.fixture(scope="class")
    def result(self) -> ImportResult:
        return parse_timeline(CSV_FILE, doc_zone="Europe/Berlin")

    def test_detected_and_counted(self, result: ImportResult) -> None:
        assert result.format == "csv"
        assert len(result.events) == 8
        assert [str(s) for s in result.skipped] == ["line 5: cannot read the time '02.03.2026 tbd'"]

    def test_date_and_time_columns_joined_in_the_header_zone(self, result: ImportResult) -> None:
        assert at_utc(result) == [
            utc("2026-03-02 22:27:00"),
            utc("2026-03-02 22:31:40"),
            utc("2026-03-02 22:35:00"),
            utc("2026-03-02 22:44:00"),
            utc("2026-03-02 22:58:00"),
            utc("2026-03-02 23:04:00"),
            utc("2026-03-02 23:15:00"),
            utc("2026-03-03 00:40:00"),
        ]
        assert {e.zone for e in result.events} == {"UTC"}

    def test_quoted_fields(self, result: ImportResult) -> None:
        assert result.events[0].text == "Deploy of checkout-api v4.12.0 started; change CHG-2291"
        assert by_text(result, "Status page").text == 'Status page: "Elevated errors at checkout"'
        assert by_text(result, "Rollback finished").text == "Rollback finished\nerror ratio dropping"

    def test_kind_column(self, result: ImportResult) -> None:
        assert (result.events[0].kind, result.events[0].kind_guessed) == (EventKind.TRIGGER, False)
        alert = by_text(result, "[Triggered]")
        assert (alert.kind, alert.kind_guessed) == (EventKind.DETECTION, True)  # "alert": a synonym
        ack = by_text(result, "Acknowledged the page")
        assert (ack.kind, ack.kind_guessed) == (EventKind.RESPONSE, True)  # empty: guessed from the text
        assert by_text(result, "Incident resolved").kind_guessed is False

    def test_sources_and_evidence(self, result: ImportResult) -> None:
        assert result.events[0].source == "incident-2291.csv:2 @Dana"
        assert result.events[0].evidence == "https://deploy.example.com/runs/8812"
        assert by_text(result, "Incident resolved").source == "incident-2291.csv:11 @Sam"


@pytest.mark.parametrize("delimiter", [",", "\t", "|", ";"])
def test_csv_delimiters(delimiter: str) -> None:
    rows = [["timestamp", "message", "author"], ["2026-03-02T22:27:00Z", "deploy, then alert", "dana"]]
    text = "\n".join(delimiter.join(f'"{c}"' if delimiter in c or "," in c else c for c in row) for row in rows)
    result = parse_timeline_text(text)
    assert result.format == "csv"
    assert texts(result) == ["deploy, then alert"]
    assert at_utc(result) == [utc("2026-03-02 22:27:00")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date,time,text\n03/02/2026,10:00,a\n", "2026-03-02 10:00:00"),  # comma: month first
        ("date;time;text\n03/02/2026;10:00;a\n", "2026-02-03 10:00:00"),  # semicolon: day first
        ("date,time,text\n13/02/2026,10:00,a\n", "2026-02-13 10:00:00"),  # the values tell
        ("created_at,summary\n1772490000,a\n", "2026-03-02 22:20:00"),  # epoch seconds
        ("created_at,summary\n1772490000000,a\n", "2026-03-02 22:20:00"),  # epoch milliseconds
    ],
)
def test_csv_date_forms(text: str, expected: str) -> None:
    assert at_utc(parse_timeline_text(text, doc_zone="UTC")) == [utc(expected)]


def test_csv_slash_dates_are_read_as_in_text_before_the_delimiter_decides() -> None:
    """A UK Excel CSV (comma-separated, day first): 02/03 then 03/03 is a day apart read day first and four weeks
    read month first, so the file's own dates settle it, as in a text file; a note says how. Only when nothing
    tells does the delimiter decide (comma: month first, as in the US), and a note says that too."""
    uk = "Date,Time,Who,What\n02/03/2026,23:27,Dana,deploy\n02/03/2026,23:58,Lee,rollback\n03/03/2026,00:40,Sam,ok\n"
    result = parse_timeline_text(uk, doc_zone="UTC")
    assert at_utc(result) == [utc("2026-03-02 23:27:00"), utc("2026-03-02 23:58:00"), utc("2026-03-03 00:40:00")]
    assert any("read as day/month (2 March 2026), which keeps the dates within days" in n for n in result.notes)
    us = parse_timeline_text("date,time,text\n03/02/2026,10:00,a\n", doc_zone="UTC")
    assert any("read as month/day (2 March 2026), as in a comma-separated file from the US" in n for n in us.notes)
    anchored = parse_timeline_text(
        "date,time,text\n03/02/2026,10:00,a\n", doc_zone="UTC", anchor=date(2026, 2, 3)
    )  # the incident's date
    assert at_utc(anchored) == [utc("2026-02-03 10:00:00")]


def test_a_jira_all_fields_export_gives_the_comments_and_the_resolution_their_own_events() -> None:
    header = "Summary,Issue key,Issue id,Status,Reporter,Created,Resolved,Description,Comment,Comment\n"
    row = (
        'INC-2291: Checkout 5xx,INC-2291,104233,Done,Sam Okafor,02/Mar/26 11:34 PM,03/Mar/26 12:41 AM,"5xx",'
        '"02/Mar/26 11:44 PM;712020:5e1b;Rolling back, [~accountid:712020:77aa] please watch",'
        '"03/Mar/26 12:05 AM;712020:77aa;Error rate back < 1%"\n'
    )
    result = parse_timeline_text(header + row, doc_zone="UTC")
    assert [(e.time.strftime("%d %H:%M"), e.text, e.source) for e in result.events] == [
        ("02 23:34", "INC-2291: Checkout 5xx", "<input>:2 @Sam Okafor"),
        ("02 23:44", "Rolling back, @someone please watch", "<input>:2 (comment)"),
        ("03 00:05", "Error rate back < 1%", "<input>:2 (comment)"),
        ("03 00:41", "Issue resolved", "<input>:2 (resolution)"),
    ]
    assert result.events[-1].kind == EventKind.RESOLUTION
    # a CSV that is not Jira's keeps its 'comment' column as it was (no issue key)
    plain = parse_timeline_text("time,text,comment\n2026-03-02 23:00,deploy,02/Mar/26 11:44 PM;x;y\n", doc_zone="UTC")
    assert len(plain.events) == 1


def test_csv_slash_dates_with_a_number_above_12_decide_whatever_follows_them() -> None:
    for cell in ("13/02/2026T14:05:00", '"13/02/2026,14:05"', "13/02/2026 at 14:05"):
        result = parse_timeline_text(f"time,text\n{cell},foo\n", doc_zone="UTC")
        assert at_utc(result) == [utc("2026-02-13 14:05:00")]


def test_csv_headers_in_german_french_and_spanish() -> None:
    """Spreadsheets kept in another language name their columns so; their n/n dates are day first."""
    for text in (
        "Datum;Uhrzeit;Wer;Was\n02.03.2026;23:27;Dana;Deploy gestartet\n",
        "Date;Heure;Qui;Événement\n02/03/2026;23:27;Dana;Déploiement lancé\n",
        "Fecha,Hora,Quién,Descripción\n02/03/2026,23:27,Dana,Despliegue iniciado\n",
    ):
        result = parse_timeline_text(text, doc_zone="UTC")
        assert [(e.time, e.source) for e in result.events] == [(utc("2026-03-02 23:27:00"), "<input>:2 @Dana")]


def test_csv_time_only_column_uses_anchor_and_rolls_over() -> None:
    result = parse_timeline_text("time,event\n23:50,a\n00:10,b\n", anchor=INCIDENT_DAY, doc_zone="UTC")
    assert at_utc(result) == [utc("2026-03-02 23:50:00"), utc("2026-03-03 00:10:00")]


def test_csv_without_a_time_column_says_which_headers_it_saw() -> None:
    with pytest.raises(TimelineImportError, match=r"^t\.csv: line 1: no time column in the header .*'who'"):
        parse_timeline_text("who,what happened\nann,x\n", fmt="csv", name="t.csv")


def test_csv_zone_column() -> None:
    text = "time,text,tz\n2026-03-02 10:00,a,America/New_York\n2026-03-02 10:00,b,\n"
    result = parse_timeline_text(text, doc_zone="UTC")
    assert sorted(at_utc(result)) == [utc("2026-03-02 10:00:00"), utc("2026-03-02 15:00:00")]


# --------------------------------------------------------------------------------------------
# PagerDuty
# --------------------------------------------------------------------------------------------


class TestPagerDuty:
    @pytest.fixture(scope="class")
    def result(self) -> ImportResult:
        return parse_timeline(PD_FILE, doc_zone="Europe/Berlin")

    def test_detected_sorted_skipped(self, result: ImportResult) -> None:
        assert result.format == "pagerduty"
        assert at_utc(result) == [
            utc("2026-03-02 22:31:45"),
            utc("2026-03-02 22:33:05"),
            utc("2026-03-02 22:35:02"),
            utc("2026-03-02 22:40:05"),
            utc("2026-03-02 22:58:30"),
            utc("2026-03-02 23:40:12"),
        ]
        assert [str(s) for s in result.skipped] == ["entry 7: no created_at"]

    def test_kind_mapping(self, result: ImportResult) -> None:
        assert [(e.kind.value, e.kind_guessed) for e in result.events] == [
            ("detection", False),  # trigger
            ("response", False),  # notify
            ("response", False),  # acknowledge
            ("response", False),  # escalate
            ("mitigation", True),  # annotate: guessed from the note
            ("resolution", False),  # resolve
        ]

    def test_text_source_evidence(self, result: ImportResult) -> None:
        trigger, _, ack, _, note, resolve = result.events
        assert trigger.text == "Triggered through the API: [#2291] Checkout 5xx ratio > 5%"
        assert trigger.source == "pagerduty:Datadog"
        assert ack.source == "pagerduty:Dana Whitfield"
        assert note.text == "Rolling back checkout-api to v4.11.3"
        assert resolve.evidence == "https://acme.pagerduty.com/incidents/Q2291XYZ"


def test_pagerduty_bare_list() -> None:
    entries = json.loads(PD_FILE.read_text())["log_entries"][:2]
    result = parse_timeline_text(json.dumps(entries))
    assert result.format == "pagerduty"
    assert texts(result) == ["Rolling back checkout-api to v4.11.3", "Resolved by Sam Okafor"]


def test_pagerduty_wrong_shape() -> None:
    with pytest.raises(TimelineImportError, match="not PagerDuty log entries"):
        parse_timeline_text('{"incidents": []}', fmt="pagerduty")
    with pytest.raises(TimelineImportError, match="neither a Slack export"):
        parse_timeline_text('{"incidents": []}')


# --------------------------------------------------------------------------------------------
# Detection, errors, filters, dedupe, applying
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "fmt"),
    [(TEXT_LOG, "text"), (SLACK_CHANNEL, "slack"), (CSV_FILE, "csv"), (PD_FILE, "pagerduty")],
)
def test_auto_detection(path: Path, fmt: str) -> None:
    assert parse_timeline(path, anchor=INCIDENT_DAY).format == fmt


def test_explicit_formats_agree_with_auto() -> None:
    for path, fmt in [(TEXT_LOG, "text"), (CSV_FILE, "csv"), (PD_FILE, "pagerduty")]:
        auto = parse_timeline(path, anchor=INCIDENT_DAY)
        explicit = parse_timeline(path, fmt=fmt, anchor=INCIDENT_DAY)
        assert texts(auto) == texts(explicit)


def test_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(TimelineImportError, match=r"nope\.log: no such file$"):
        parse_timeline(tmp_path / "nope.log")
    empty = tmp_path / "empty.log"
    empty.write_bytes(b"")
    with pytest.raises(TimelineImportError, match=r"empty\.log: the file is empty$"):
        parse_timeline(empty)
    with pytest.raises(TimelineImportError, match="unknown format 'xml'"):
        parse_timeline(TEXT_LOG, fmt="xml")
    with pytest.raises(TimelineImportError, match="unknown time zone 'Mars/Olympus'"):
        parse_timeline(TEXT_LOG, tz="Mars/Olympus")
    with pytest.raises(TimelineImportError, match="only a Slack channel export can be a folder"):
        parse_timeline(SLACK_CHANNEL, fmt="csv")
    with pytest.raises(TimelineImportError, match="no Slack day files"):
        parse_timeline(tmp_path)
    with pytest.raises(TimelineImportError, match=r"pagerduty-log-entries\.json: not a Slack export"):
        parse_timeline(PD_FILE, fmt="slack")


def test_non_utf8_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes("time;text\n2026-03-02 10:00;Störung gemeldet\n".encode("cp1252"))
    assert texts(parse_timeline(path)) == ["Störung gemeldet"]
    path.write_bytes("\ufefftime,text\n2026-03-02 10:00,bom\n".encode("utf-16"))
    assert texts(parse_timeline(path)) == ["bom"]


def test_since_until_are_inclusive() -> None:
    text = "10:00 a\n10:05 b\n10:10 c\n10:15 d\n"
    since = datetime(2026, 3, 2, 10, 5, tzinfo=BERLIN)
    until = datetime(2026, 3, 2, 9, 10, tzinfo=UTC)  # 10:10 Berlin
    result = parse(text, since=since, until=until)
    assert texts(result) == ["b", "c"]
    assert result.filtered == 2
    assert result.summary() == "2 events from 10:05 to 10:10, 2 outside the time range"


def test_since_until_can_filter_everything_without_failing() -> None:
    result = parse("10:00 a\n", since=datetime(2027, 1, 1, tzinfo=UTC))
    assert result.events == [] and result.filtered == 1
    assert result.summary() == "0 events, 1 outside the time range"


def test_duplicates_inside_one_import_are_dropped() -> None:
    result = parse("10:00 deploy  started\n10:00:00 deploy started\n10:00 deploy started!\n")
    assert texts(result) == ["deploy  started", "deploy started!"]
    assert result.duplicates == 1


def pm_with(*events: TimelineEvent) -> PostMortem:
    return PostMortem(
        timezone="Europe/Berlin",
        started=datetime(2026, 3, 2, 23, 27, tzinfo=BERLIN),
        timeline=list(events),
    )


def test_plan_and_apply_import() -> None:
    existing = TimelineEvent(
        time=datetime(2026, 3, 2, 22, 58, tzinfo=UTC), text="rolling  back checkout-api to v4.11.3"
    )
    untimed = TimelineEvent(text="someone mentioned a cache flush, time unknown")
    pm = pm_with(untimed, existing)
    result = parse_timeline(TEXT_LOG, anchor=anchor_date(pm), doc_zone=pm.timezone)
    new = plan_import(pm, result)
    assert len(new) == len(result.events) - 1
    assert all("rolling back" not in e.text for e in new)
    updated = apply_import(pm, new)
    assert pm.timeline == [untimed, existing]  # the original is untouched
    assert len(updated.timeline) == 2 + len(new)
    timed = [e.time for e in updated.timeline if e.time is not None]
    assert timed == sorted(timed)
    assert updated.timeline[-1].text == untimed.text
    # importing again adds nothing
    assert plan_import(updated, parse_timeline(TEXT_LOG, anchor=anchor_date(pm), doc_zone=pm.timezone)) == []
    assert apply_import(updated, new).timeline == updated.timeline


def test_apply_import_result_validates_and_round_trips() -> None:
    pm = pm_with()
    result = parse_timeline(SLACK_CHANNEL, doc_zone=pm.timezone)
    updated = apply_import(pm, plan_import(pm, result))
    again = PostMortem.model_validate_json(updated.model_dump_json())
    assert [e.text for e in again.timeline] == texts(result)
    assert [e.time for e in again.timeline] == [e.time for e in result.events]


def test_anchor_date_uses_the_document_zone() -> None:
    pm = PostMortem(timezone="Europe/Berlin", started=datetime(2026, 3, 2, 23, 30, tzinfo=UTC))
    assert anchor_date(pm) == date(2026, 3, 3)
    assert anchor_date(PostMortem()) is None


def test_progress_is_reported() -> None:
    calls: list[tuple[int, int]] = []
    parse("\n".join(f"10:{i % 60:02d} event {i}" for i in range(500)), progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (500, 500)
    assert len(calls) <= 110


def test_summary_singular_forms() -> None:
    result = parse("junk\n10:00 a\n")
    assert result.summary() == "1 event at 10:00, 1 line skipped"


def test_guess_kind_negations() -> None:
    assert guess_kind("not resolved yet") == (EventKind.OTHER, False)
    assert guess_kind("still isn't resolved, investigating") == (EventKind.RESPONSE, True)
    assert guess_kind("unresolved alerts") == (EventKind.DETECTION, True)


def test_formats_constant() -> None:
    assert FORMATS == ("auto", "text", "slack", "csv", "pagerduty", "json")


def test_ten_thousand_lines_are_all_read() -> None:
    # how fast: benchmarks/import_timeline.py (no timed assertion here: shared machines are noisy)
    lines = [f"{(i // 60) % 24:02d}:{i % 60:02d}:{i % 60:02d} event number {i} on host-{i % 17}" for i in range(10_000)]
    result = parse("\n".join(lines), doc_zone="UTC")
    assert len(result.events) == 10_000
    assert [e.text for e in result.events[:2]] == ["event number 0 on host-0", "event number 1 on host-1"]


def test_fixed_offset_event_times_survive_the_model() -> None:
    result = parse("14:05 +05:30 x\n")
    event = result.events[0]
    assert event.time.utcoffset() == timedelta(hours=5, minutes=30)
    assert event.time.tzinfo == timezone(timedelta(hours=5, minutes=30))
    assert event.zone == ""


def test_csv_time_zone_header_is_not_a_time_and_date_only_cells_are_skipped() -> None:
    text = "date,time_zone,text\n2026-03-02,Europe/Berlin,a\n"
    with pytest.raises(TimelineImportError, match=r"a date but no time of day \(2026-03-02\)"):
        parse_timeline_text(text)
    result = parse_timeline_text("date,time,time_zone,text\n2026-03-02,10:00,Europe/Berlin,a\n2026-03-02,,,b\n")
    assert at_utc(result) == [utc("2026-03-02 09:00:00")]
    assert [str(s) for s in result.skipped] == ["line 3: a date but no time of day (2026-03-02)"]


def test_pagerduty_status_update_is_communication() -> None:
    entry = {"type": "status_update_log_entry", "created_at": "2026-03-02T22:50:00Z", "summary": "Update posted"}
    event = parse_timeline_text(json.dumps([entry])).events[0]
    assert (event.kind, event.kind_guessed, event.source) == (EventKind.COMMUNICATION, False, "pagerduty")
    assert event.text == "Update posted"  # no message: the summary
    said = {**entry, "summary": "Status update sent", "message": "Rolled back checkout-api; 5xx under 1%."}
    assert parse_timeline_text(json.dumps([said])).events[0].text == "Rolled back checkout-api; 5xx under 1%."


def test_long_text_is_cut_to_the_model_limit() -> None:
    result = parse("10:00 " + "x" * 30_000)
    assert len(result.events[0].text) == 20_000 and result.events[0].text.endswith("…")


def test_source_as_a_string_path() -> None:
    assert parse_timeline(str(PD_FILE)).format == "pagerduty"


def test_slack_thread_broadcast_is_a_reply() -> None:
    messages = [
        {"ts": "1772490000.000100", "user": "U1", "text": "parent", "thread_ts": "1772490000.000100"},
        {
            "ts": "1772490060.000100",
            "user": "U1",
            "text": "also in channel",
            "subtype": "thread_broadcast",
            "thread_ts": "1772490000.000100",
        },
    ]
    assert texts(parse_timeline_text(json.dumps(messages))) == ["parent", "↳ also in channel"]


def test_plan_import_copes_with_existing_events_at_the_edge_of_the_calendar() -> None:
    edge = TimelineEvent(time=datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=14))), text="typo")
    pm = pm_with(edge)
    result = parse("10:00 a\n")
    updated = apply_import(pm, plan_import(pm, result))
    assert [e.text for e in updated.timeline] == ["typo", "a"]


@pytest.mark.parametrize("kind", ["device", "fifo"])
def test_a_device_or_pipe_is_refused_not_read(tmp_path, kind: str) -> None:
    """/dev/zero reports a size of 0 and never ends; a pipe would block: neither is read."""
    import os

    if kind == "device":
        path = Path("/dev/zero")
    else:
        path = tmp_path / "pipe"
        os.mkfifo(path)
    with pytest.raises(TimelineImportError, match="not a regular file"):
        parse_timeline(path, anchor=INCIDENT_DAY, doc_zone="UTC")


# --------------------------------------------------------------------------------------------
# Exports seen in the wild (trimmed from real-looking files an importer had not seen)
# --------------------------------------------------------------------------------------------

D2 = date(2026, 3, 2)


def wild(name: str, **kwargs) -> ImportResult:
    kwargs.setdefault("anchor", D2)
    kwargs.setdefault("doc_zone", "UTC")
    return parse_timeline(FIXTURES / name, **kwargs)


def skipped_reasons(result: ImportResult) -> dict[str, str]:
    return {s.where: s.reason for s in result.skipped}


class TestPlainNotes:
    @pytest.fixture(scope="class")
    def result(self) -> ImportResult:
        return wild("plain-notes.txt")

    def test_estimated_times_start_their_own_event_and_are_marked(self, result: ImportResult) -> None:
        assert [(e.time.strftime("%H:%M"), e.estimated) for e in result.events] == [
            ("22:51", False),
            ("22:59", False),
            ("23:05", True),  # ~23:05
            ("23:12", True),  # ca. 23:12
            ("23:20", True),  # approx 23:20
            ("23:25", True),  # around 23:25
            ("23:31", False),
            ("23:44", False),
            ("23:59", False),
            ("01:10", False),
        ]
        assert by_text(result, "rolled back work_mem").text == "rolled back work_mem, Carol restarting db-1"
        assert by_text(result, "decided to wait").text == "decided to wait for replay"

    def test_indented_lines_stay_continuations_without_their_indentation(self, result: ImportResult) -> None:
        assert by_text(result, "OOM killer").text == (
            "Bob: OOM killer hit postgres on db-1\n(work_mem bumped to 256MB yesterday in infra#4412)"
        )
        assert by_text(result, "DECISION").text == "DECISION: fail over to db-2\nCarol drives, Bob watches error rates"

    def test_headings_and_notes_after_a_blank_line_are_skipped_not_glued(self, result: ImportResult) -> None:
        assert by_text(result, "failover started").text == "failover started"
        assert by_text(result, "resolved in PD").text == "resolved in PD"
        assert skipped_reasons(result) == {
            "line 1": "no time at the start of the line",
            "line 14": "no time at the start: a heading or a note?",  # Recovery
            "line 18": "no time at the start: a heading or a note?",  # TODO: postmortem …
        }
        assert result.summary() == "10 events from 22:51 to 01:10, 3 lines skipped"

    def test_estimated_survives_apply_and_markdown(self, result: ImportResult) -> None:
        from pmtui.io.markdown import to_markdown

        pm = PostMortem(title="x", timezone="UTC")
        updated = apply_import(pm, plan_import(pm, result))
        assert [e.estimated for e in updated.timeline].count(True) == 4
        assert "| \\~2026-03-02 23:05 UTC |" in to_markdown(updated)


@pytest.mark.parametrize(
    "line",
    [
        "~23:05 x",
        "~ 23:05 x",
        "≈23:05 x",
        "ca. 23:05 x",
        "Ca 23:05 x",
        "approx 23:05 x",
        "approx. 23:05 x",
        "around 23:05 x",
        "circa 23:05 x",
        "about 23:05 x",
        "- ~23:05 x",
        "~[23:05] x",
        "[~23:05] x",
        "[≈ 23:05] x",
    ],
)
def test_estimated_time_markers(line: str) -> None:
    result = parse(f"23:00 first\n{line}", doc_zone="UTC")
    assert [(e.text, e.estimated) for e in result.events] == [("first", False), ("x", True)]
    assert result.events[1].time == datetime(2026, 3, 2, 23, 5, tzinfo=UTC)


@pytest.mark.parametrize("line", ["~ nothing", "around the clock", "about it", "ca. 5 replicas"])
def test_estimate_words_without_a_time_are_text(line: str) -> None:
    assert texts(parse(f"23:00 first\n{line}")) == [f"first\n{line}"]


def test_a_line_right_under_an_event_stays_a_continuation_even_unindented() -> None:
    result = parse("23:00 first\nstill the first\n\n    indented after a blank\n\nHeading\nunder the heading\n")
    assert texts(result) == ["first\nstill the first\n    indented after a blank"]  # indentation kept as written
    assert [str(s) for s in result.skipped] == [
        "line 6: no time at the start: a heading or a note?",
        "line 7: no time at the start of the line",
    ]


def test_python_traceback_keeps_its_indentation_and_its_chained_exception() -> None:
    result = wild("python-traceback.log")
    assert len(result.events) == 3
    assert result.skipped == []
    assert result.events[1].text.splitlines() == [
        "ERROR [api.worker] unhandled exception in job sync_inventory",
        "Traceback (most recent call last):",
        '  File "/app/api/worker.py", line 88, in run',
        "    rows = db.fetch_all(q)",
        '  File "/app/api/db.py", line 41, in fetch_all',
        "    with self.pool.connection() as conn:",
        "psycopg.OperationalError: connection failed: Connection refused",
        "During handling of the above exception, another exception occurred:",
        "Traceback (most recent call last):",
        '  File "/app/api/worker.py", line 92, in run',
        "    self.retry(job)",
        "RuntimeError: retry budget exhausted",
    ]
    assert result.events[0].time == datetime(2026, 3, 2, 22, 50, 9, tzinfo=UTC)


def test_a_traceback_in_an_event_is_one_markdown_table_row() -> None:
    from pmtui.io.markdown import to_markdown

    result = wild("python-traceback.log")
    pm = PostMortem(title="x", timezone="UTC")
    markdown = to_markdown(apply_import(pm, plan_import(pm, result)))
    row = next(line for line in markdown.splitlines() if "sync\\_inventory" in line)
    assert row.startswith("| ") and row.endswith(" |")
    assert 'Traceback (most recent call last): File "/app/api/worker.py", line 88' in row


class TestAccessLog:
    @pytest.fixture(scope="class")
    def result(self) -> ImportResult:
        return wild("access.log", fmt="auto")

    def test_detected_as_text_and_every_line_read(self, result: ImportResult) -> None:
        assert result.format == "text"
        assert result.skipped == []
        assert result.summary() == "8 events from 22:49 to 01:29"
        assert result.events[0].time == datetime(2026, 3, 2, 22, 49, 58, tzinfo=UTC)
        assert result.events[-1].time == datetime(2026, 3, 3, 1, 29, 54, tzinfo=UTC)

    def test_text_is_request_and_status_source_the_client(self, result: ImportResult) -> None:
        assert result.events[1].text == "POST /v1/orders HTTP/1.1 503"
        assert result.events[1].source == "access.log:2 @203.0.113.45"
        assert by_text(result, "cursor=abc").source == "access.log:4 @alice"  # the authenticated user
        assert by_text(result, "400").text == "\\x16\\x03\\x01\\x00\\xee\\x01\\x00\\x00\\xea\\x03\\x03 400"


def test_access_log_offsets_and_bad_dates() -> None:
    line = '10.0.0.1 - - [02/Mar/2026:23:49:58 +0100] "GET / HTTP/1.1" 200 2\n'
    bad = '10.0.0.1 - - [31/Feb/2026:23:49:58 +0100] "GET / HTTP/1.1" 200 2\n'
    result = parse(line + bad)
    assert at_utc(result) == [utc("2026-03-02 22:49:58")]
    assert [s.where for s in result.skipped] == ["line 2"]


class TestJiraCsv:
    @pytest.fixture(scope="class")
    def result(self) -> ImportResult:
        return wild("jira-issues.csv")

    def test_created_day_month_name_two_digit_year_and_12_hour_clock(self, result: ImportResult) -> None:
        assert result.format == "csv"
        assert result.skipped == []
        assert at_utc(result) == [
            utc("2026-03-02 22:51:00"),
            utc("2026-03-02 23:02:00"),
            utc("2026-03-02 23:33:00"),
            utc("2026-03-03 00:29:00"),  # 12:29 AM
            utc("2026-03-03 01:21:00"),
        ]

    def test_summary_is_the_text_and_reporter_the_author(self, result: ImportResult) -> None:
        assert result.events[0].text == "INC-2113: api-gateway 503s, Postgres primary db-1 unreachable"
        assert result.events[0].source == "jira-issues.csv:2 @Alice Chen"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("02/Mar/26 10:51 PM", "2026-03-02 22:51:00"),
        ("03/Mar/26 12:29 AM", "2026-03-03 00:29:00"),
        ("2-Mar-2026 22:51", "2026-03-02 22:51:00"),
        ("02 March 2026 22:51:07", "2026-03-02 22:51:07"),
        ("02/Mar/99 10:00 AM", "1999-03-02 10:00:00"),
    ],
)
def test_csv_day_month_name_dates(cell: str, expected: str) -> None:
    result = parse_timeline_text(f"created,summary\n{cell},x\n", doc_zone="UTC")
    assert at_utc(result) == [utc(expected)]


def test_csv_day_month_name_without_a_time_says_so() -> None:
    result = parse_timeline_text("created,summary\n02/Mar/26,x\n02/Mar/26 1:00 PM,y\n", doc_zone="UTC")
    assert [str(s) for s in result.skipped] == ["line 2: a date but no time of day (02/Mar/26)"]


class TestDatadogCsv:
    @pytest.fixture(scope="class")
    def result(self) -> ImportResult:
        return wild("datadog-events.csv")

    def test_title_is_the_text_sorted_oldest_first(self, result: ImportResult) -> None:
        assert texts(result) == [
            "[Triggered] API 5xx rate above 5% on service:api-gateway",
            "Service check pg_isready on db-1 is CRITICAL",
            "Deploy: revert work_mem (infra#4412)",
            "Patroni failover db-1 -> db-2",
            "Deploy: pgbouncer config db-primary=db-2",
            "[Recovered] API 5xx rate above 5% on service:api-gateway",
        ]
        assert at_utc(result)[0] == utc("2026-03-02 22:50:12")
        assert result.events[0].source == "datadog-events.csv:11 @Monitor Alert"

    def test_kind_guessed_from_the_message_when_the_title_says_nothing(self, result: ImportResult) -> None:
        revert = by_text(result, "revert work_mem")  # message: "Rollback by alice.chen, …"
        assert (revert.kind, revert.kind_guessed) == (EventKind.MITIGATION, True)


def test_csv_message_is_used_without_datadog_fences_when_the_title_is_empty() -> None:
    text = 'Date,Title,Message\n2026-03-02T22:50:12Z,,"%%%\n5xx rate is **8.4%**\n%%%"\n2026-03-02T22:51:12Z,T,M\n'
    assert texts(parse_timeline_text(text)) == ["5xx rate is **8.4%**", "T"]


def test_journalctl_markers_are_skipped_with_a_reason() -> None:
    result = wild("journalctl.txt")
    assert len(result.events) == 5
    assert not any("-- " in e.text for e in result.events)
    assert by_text(result, "redo starts").text.endswith("redo starts at 4A/1C0012E8")
    marker = "a journalctl marker (boot, reboot or journal range), not an event"
    assert skipped_reasons(result) == {"line 1": marker, "line 5": marker, "line 7": marker, "line 8": marker}
    assert result.events[-1].time == datetime(2026, 3, 3, 0, 0, 3, tzinfo=UTC)


class TestIrc:
    @pytest.fixture(scope="class")
    def result(self) -> ImportResult:
        return wild("irc.log")

    def test_messages_with_nick_as_author(self, result: ImportResult) -> None:
        assert result.format == "text"
        assert [(e.time.strftime("%d %H:%M"), e.text, e.source) for e in result.events[:2]] == [
            (
                "02 22:51",
                "TRIGGERED #2113 Postgres primary db-1 unreachable (Postgres Primary) -> alice",
                "irc.log:3 @pagerbot",
            ),
            ("02 22:53", "ack'd. looking at api-gateway, 503s everywhere", "irc.log:5 @alice"),
        ]
        assert len(result.events) == 7
        assert by_text(result, "5xx back").time == datetime(2026, 3, 3, 0, 12, tzinfo=UTC)
        assert by_text(result, "RESOLVED").text == "RESOLVED #2113 by alice"  # "--- Log closed" not glued on

    def test_status_and_noise_lines_are_skipped_with_reasons(self, result: ImportResult) -> None:
        reasons = skipped_reasons(result)
        assert sorted(reasons, key=lambda w: int(w.split()[1])) == [
            "line 1",
            "line 2",
            "line 4",
            "line 7",
            "line 12",
            "line 14",
        ]
        assert reasons["line 1"] == "IRC 'log opened' line, not an event"
        assert reasons["line 2"] == "an IRC client status line, not an event"
        assert reasons["line 4"].startswith("an IRC join, quit or mode line (channel noise")
        assert reasons["line 14"] == "IRC 'log closed' line, not an event"

    def test_include_noise_keeps_joins_quits_and_modes(self) -> None:
        result = wild("irc.log", include_noise=True)
        assert len(result.events) == 10
        assert by_text(result, "has joined").text == "-!- bob [~bob@10.8.0.12] has joined #inc-2113"

    def test_without_an_anchor_the_log_opened_line_gives_the_date(self) -> None:
        result = wild("irc.log", anchor=None)
        assert result.events[0].time == datetime(2026, 3, 2, 22, 51, tzinfo=UTC)


def test_bare_times_written_after_midnight_go_on_the_day_after_a_late_start() -> None:
    """An incident that started at 23:38; notes of the follow-up from 00:40: the next day, said in a note. A
    file from the morning of a 15:00 incident stays on its day; a date written anywhere is taken as written."""
    berlin = ZoneInfo("Europe/Berlin")
    start = datetime(2026, 11, 14, 23, 38, tzinfo=berlin)

    def times(text: str, at: datetime) -> list[str]:
        result = parse_timeline_text(text, doc_zone="Europe/Berlin", anchor=at.date(), reference=at)
        return [e.time.strftime("%d %H:%M") for e in result.events]

    assert times("00:40 postmortem doc created\n01:10 follow-ups filed\n", start) == ["15 00:40", "15 01:10"]
    notes = parse_timeline_text("00:40 doc\n", doc_zone="Europe/Berlin", anchor=start.date(), reference=start).notes
    assert any("read from the next day, 2026-11-15" in note for note in notes)
    morning = datetime(2026, 11, 14, 15, 0, tzinfo=berlin)
    assert times("08:00 deploy of 4.2\n15:10 alert fired\n", morning) == ["14 08:00", "14 15:10"]
    assert times("2026-11-14 00:40 dated\n00:50 bare\n", start) == ["14 00:40", "14 00:50"]


def test_a_hexchat_log_keeps_the_messages_and_actions_and_leaves_out_the_channel_noise() -> None:
    log = (
        "**** BEGIN LOGGING AT Mon Mar  2 23:25:11 2026\n\n"
        "Mar 02 23:25:11 *\tNow talking on #inc-2291\n"
        "Mar 02 23:25:11 *\tTopic for #inc-2291 is: SEV2 checkout 5xx | IC: sam\n"
        "Mar 02 23:32:10 <sam>\tdeclaring SEV2, I'm IC\n"
        "Mar 02 23:32:40 -->\tlee (~lee@10.1.2.3) has joined #inc-2291\n"
        "Mar 02 23:34:00 *\tdana is looking at the deploy diff\n"
        "Mar 03 00:30:00 <--\tbob (~bob@10.9.9.9) has quit (Ping timeout: 260 seconds)\n"
        "Mar 03 00:40:12 <sam>\tall clear, resolving\n"
        "**** ENDING LOGGING AT Tue Mar  3 00:45:02 2026\n"
    )
    result = parse_timeline_text(log, doc_zone="UTC", anchor=date(2026, 3, 2))
    assert [(e.time.strftime("%d %H:%M"), e.text, e.source) for e in result.events] == [
        ("02 23:32", "declaring SEV2, I'm IC", "<input>:5 @sam"),
        ("02 23:34", "dana is looking at the deploy diff", "<input>:7 @dana"),  # an action (/me)
        ("03 00:40", "all clear, resolving", "<input>:9 @sam"),  # the ENDING LOGGING line not glued on
    ]
    assert sum("join, quit or topic" in s.reason for s in result.skipped) == 4
    kept = parse_timeline_text(log, doc_zone="UTC", anchor=date(2026, 3, 2), include_noise=True)
    assert "lee (~lee@10.1.2.3) has joined #inc-2291" in [e.text for e in kept.events]


def test_irc_day_changed_sets_the_date_even_without_a_step_back() -> None:
    text = "[23:30] <a> one\n--- Day changed Tue Mar 03 2026\n[23:45] <b> two\n"
    assert at_utc(parse(text, doc_zone="UTC")) == [utc("2026-03-02 23:30:00"), utc("2026-03-03 23:45:00")]


@pytest.mark.parametrize("rest", ["<b>bold</b> text", "<https://x.example/a> link", "<-- arrow"])
def test_angle_brackets_that_are_not_a_nick_stay_text(rest: str) -> None:
    result = parse(f"10:00 {rest}")
    assert texts(result) == [rest]
    assert result.events[0].source == "<input>:1"


class TestZoomChat:
    @pytest.fixture(scope="class")
    def result(self) -> ImportResult:
        return wild("zoom-chat.txt")

    def test_author_is_the_source_and_the_body_is_the_text(self, result: ImportResult) -> None:
        first = result.events[0]
        assert (first.text, first.source) == (
            "joined the bridge, sharing the datadog dashboard",
            "zoom-chat.txt:1 @Alice Chen",
        )
        assert by_text(result, "pool is all waiting").text.splitlines() == [
            "connections on db-1: 0 active, pool is all waiting",
            "pgbouncer SHOW POOLS output:",
            "appdb | app | cl_active 0 | cl_waiting 118",
        ]
        assert (
            by_text(result, "Replying to").text
            == 'Replying to "connections on db-1: 0 ..."\nok, thats consistent with the OOM'
        )
        assert not any("From" in e.text for e in result.events)

    def test_direct_message_old_format_and_rollover(self, result: ImportResult) -> None:
        dm = by_text(result, "WAL replay")
        assert dm.source == "zoom-chat.txt:7 @Carol Diaz (direct message to Alice Chen)"
        old = by_text(result, "dropping fast")
        assert (old.text, old.source) == ("5xx dropping fast, 0.9% now", "zoom-chat.txt:19 @Bob Okafor")
        assert old.time == datetime(2026, 3, 3, 0, 3, 5, tzinfo=UTC)

    def test_reactions_are_noise(self, result: ImportResult) -> None:
        assert len(result.events) == 7
        assert [s.where for s in result.skipped] == ["line 17"]
        assert result.skipped[0].reason.startswith("a reaction (channel noise")
        kept = wild("zoom-chat.txt", include_noise=True)
        assert by_text(kept, "Reacted to").source == "zoom-chat.txt:17 @Bob Okafor"


@pytest.mark.parametrize(
    ("line", "text", "author"),
    [
        ("22:51:04 From Alice Chen to Everyone: hi", "hi", "Alice Chen"),
        ("22:51:04 From Alice to Bob (Direct Message)", "", "Alice"),
        ("22:51:04 From  Alice  to  Bob: hi", "hi", "Alice"),
        ("22:51:04 From db-1 to db-2: lag 30s", "From db-1 to db-2: lag 30s", ""),  # a note, not Zoom
        ("22:51:04 From now on: no deploys", "From now on: no deploys", ""),
        ("22:51:04 From now on : no deploys", "From now on : no deploys", ""),  # a sentence, not Zoom's old form
        ("22:51:04 From Bob Okafor : hi", "hi", "Bob Okafor"),
    ],
)
def test_zoom_header_forms(line: str, text: str, author: str) -> None:
    result = parse(f"{line}\n\tbody\n", doc_zone="UTC")
    event = result.events[0]
    assert event.text == (f"{text}\nbody" if text else "body")
    assert event.source == (
        "<input>:1" + (f" @{author}" if author else "") + (" (direct message to Bob)" if "Direct" in line else "")
    )


class TestPagerDutyNewestFirst:
    @pytest.fixture(scope="class")
    def result(self) -> ImportResult:
        return wild("pagerduty-newest-first.json")

    def test_offsets_normalised_and_sorted(self, result: ImportResult) -> None:
        assert at_utc(result)[0] == utc("2026-03-02 22:51:04")
        assert at_utc(result)[-1] == utc("2026-03-03 01:10:22")
        assert at_utc(result) == sorted(at_utc(result))

    def test_same_second_keeps_the_true_order(self, result: ImportResult) -> None:
        same = [e.text for e in result.events if e.time.astimezone(UTC) == utc("2026-03-02 22:51:06")]
        # newest first in the file: the SMS, listed after the push notification, was sent first
        assert same == ["Notified Alice Chen via SMS.", "Notified Alice Chen via Push Notification."]
        oldest_first = json.loads((FIXTURES / "pagerduty-newest-first.json").read_text())[::-1]
        assert texts(parse_timeline_text(json.dumps(oldest_first))) == texts(result)

    def test_trigger_summary_and_title_join_cleanly(self, result: ImportResult) -> None:
        assert result.events[0].text == "Triggered through the API: [#2113] Postgres primary db-1 unreachable"


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        ("plain-notes.txt", "text"),
        ("python-traceback.log", "text"),
        ("access.log", "text"),
        ("journalctl.txt", "text"),
        ("irc.log", "text"),
        ("zoom-chat.txt", "text"),
        ("jira-issues.csv", "csv"),
        ("datadog-events.csv", "csv"),
        ("pagerduty-newest-first.json", "pagerduty"),
    ],
)
def test_auto_detection_of_exports_seen_in_the_wild(path: str, fmt: str) -> None:
    assert wild(path).format == fmt


# --------------------------------------------------------------------------------------------
# A sixth round of real exports (an incident on 26-27 November 2024, 23:38 UTC)
# --------------------------------------------------------------------------------------------

NOV26 = date(2024, 11, 26)


def real(name: str, **kwargs) -> ImportResult:
    kwargs.setdefault("anchor", NOV26)
    kwargs.setdefault("doc_zone", "UTC")
    return parse_timeline(FIXTURES / name, **kwargs)


def test_truncated_json_in_auto_format_reports_the_json_error() -> None:
    path = FIXTURES / "slack-truncated.json"
    with pytest.raises(TimelineImportError) as error:
        parse_timeline(path)
    message = str(error.value)
    assert message.startswith(f"{path}: not JSON (line 31, column 29: Unterminated string starting at)")
    assert "cut short" in message
    # the same report as an explicit --format slack gives
    with pytest.raises(TimelineImportError, match=r"not JSON, so not a Slack export \(line 31, column 29: "):
        parse_timeline(path, fmt="slack")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('{"log_entries": [{"type": "trigger_log_entry", "created_at": "2024-11-26T23:41', "line 1, column 62"),
        ('[\n  {"ts": "1732664474.2", "text": "a"},\n  {"ts": }\n]', "line 3, column 10"),
        ('{"ok": true, "messages": [}', "line 1, column 27"),
    ],
)
def test_broken_json_in_auto_format_names_line_and_column(text: str, where: str) -> None:
    with pytest.raises(TimelineImportError, match=rf"^x\.json: not JSON \({where}: "):
        parse_timeline_text(text, name="x.json")


@pytest.mark.parametrize(
    "line", ["[23:41:12] page fired", "[2024-11-26T23:41:12Z] page fired", "[Pipeline] x\n23:41 page fired"]
)
def test_text_logs_starting_with_a_bracket_are_still_text(line: str) -> None:
    result = parse_timeline_text(line, anchor=NOV26)
    assert (result.format, texts(result)) == ("text", ["page fired"])
    assert result.events[0].time.strftime("%Y-%m-%d %H:%M") == "2024-11-26 23:41"


class TestOpsgenieAlertLog:
    @pytest.fixture(scope="class")
    def result(self) -> ImportResult:
        return real("opsgenie-alert-log.csv")

    def test_log_is_the_text_created_at_the_time_owner_the_source(self, result: ImportResult) -> None:
        assert result.format == "csv"
        assert result.skipped == []
        assert [(e.time.strftime("%d %H:%M:%S"), e.text) for e in result.events[:2]] == [
            ("27 00:41:12", "Alert created via Datadog[Datadog] with incoming data"),
            ("27 00:42:05", "Alert acknowledged by alice@acme.io via Slack"),
        ]
        assert result.events[-1].time == datetime(2024, 11, 27, 1, 15, 5, tzinfo=UTC)
        assert result.events[-1].text == "Alert closed by alice@acme.io via Web"
        assert result.events[-1].source == "opsgenie-alert-log.csv:2 @alice@acme.io"
        assert len(result.events) == 7  # the alert message, the same on every row, is not the text


class TestGrafanaAlertHistory:
    @pytest.fixture(scope="class")
    def result(self) -> ImportResult:
        return real("grafana-alert-history.csv")

    def test_rule_and_state_make_the_text_when_the_rule_repeats(self, result: ImportResult) -> None:
        assert [(e.time.strftime("%H:%M:%S"), e.text) for e in result.events] == [
            ("23:38:30", "PostgresPrimaryDown: Pending"),
            ("23:39:30", "PostgresPrimaryDown: Alerting"),
            ("23:40:00", "CheckoutHigh5xx: Pending"),
            ("23:41:00", "CheckoutHigh5xx: Alerting"),
            ("23:54:30", "PatroniLeaderChanged: Normal"),
            ("00:10:00", "CheckoutHigh5xx: Normal"),
            ("00:31:30", "PostgresPrimaryDown: Normal (MissingSeries)"),
        ]
        assert result.duplicates == 0

    def test_prometheus_alertname_and_alertstate(self) -> None:
        result = real("prometheus-alerts.csv")
        assert texts(result) == [
            "PostgresPrimaryDown: pending",
            "PostgresPrimaryDown: firing",
            "CheckoutHigh5xx: pending",
            "CheckoutHigh5xx: firing",
            "PgbouncerWaitingClients: firing",
        ]
        assert at_utc(result)[0] == utc("2024-11-26 23:38:30")


@pytest.mark.parametrize(
    ("header", "row"),
    [
        ("createdAt,message", "2024-11-26T23:41:12Z,x"),
        ("Created At,Alert Message", "2024-11-26T23:41:12Z,x"),
        ("startsAt,alertname,status", "2024-11-26T23:41:12Z,x,firing"),
        ("Start time,Alert rule", "2024-11-26T23:41:12Z,x"),
        ("time,Log", "2024-11-26T23:41:12Z,x"),
        ("time,alert_message", "2024-11-26T23:41:12Z,x"),
    ],
)
def test_csv_time_and_text_header_names(header: str, row: str) -> None:
    result = parse_timeline_text(f"{header}\n{row}\n")
    assert (result.format, at_utc(result), texts(result)) == ("csv", [utc("2024-11-26 23:41:12")], ["x"])


def test_a_state_column_stays_out_of_the_text_when_the_text_does_not_repeat() -> None:
    text = "time,title,status\n2024-11-26T23:41:12Z,a,error\n2024-11-26T23:42:12Z,b,info\n2024-11-26T23:43:12Z,b,info\n"
    assert texts(parse_timeline_text(text)) == ["a", "b", "b"]  # "b" repeats, but in the same state


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("Tiny ID,Created At,Owner", "no text column in the header (found 'Tiny ID', 'Created At', 'Owner'); name one"),
        ("who,what happened", "no time column in the header (found 'who', 'what happened'); name one"),
        ("who,whom", "no time column and text column in the header (found 'who', 'whom')"),
    ],
)
def test_csv_header_errors_say_only_what_is_missing(header: str, message: str) -> None:
    with pytest.raises(TimelineImportError) as error:
        parse_timeline_text(f"{header}\n1,2,3\n", fmt="csv", name="t.csv")
    assert str(error.value).startswith(f"t.csv: line 1: {message}")


class TestWindowsEventViewerCsv:
    """Event Viewer's 'Save as CSV': five names in the header, a sixth unnamed cell with the description."""

    @pytest.fixture(scope="class")
    def result(self) -> ImportResult:
        return real("windows-application-log.csv", tz="America/Los_Angeles")

    def test_the_unnamed_cell_is_the_text(self, result: ImportResult) -> None:
        assert result.format == "csv"
        assert result.skipped == []
        assert by_text(result, "terminated unexpectedly").text == (
            "The Acme Checkout service terminated unexpectedly.  It has done this 1 time(s).  "
            "The following corrective action will be taken in 60000 milliseconds: Restart the service."
        )
        assert by_text(result, "Framework Version").text.splitlines() == [
            "Application: CheckoutSvc.exe",
            "Framework Version: v4.0.30319",
            "Description: The process was terminated due to an unhandled exception.",
            "Exception Info: Npgsql.NpgsqlException: Exception while reading from stream",
        ]
        assert not any(e.text.isdigit() for e in result.events)  # the event id is not the text

    def test_source_and_event_id_are_the_source(self, result: ImportResult) -> None:
        event = by_text(result, "terminated unexpectedly")
        assert event.source == "windows-application-log.csv:5 @Service Control Manager (event 7031)"
        assert by_text(result, "re-established").source == "windows-application-log.csv:2 @CheckoutSvc (event 1000)"

    def test_local_month_first_times_in_the_given_zone(self, result: ImportResult) -> None:
        assert at_utc(result)[0] == utc("2024-11-26 23:38:41")  # 3:38:41 PM in Los Angeles
        assert at_utc(result)[-1] == utc("2024-11-27 00:05:04")
        assert {e.zone for e in result.events} == {"America/Los_Angeles"}

    def test_detected_without_the_csv_suffix(self) -> None:
        text = (FIXTURES / "windows-application-log.csv").read_text(encoding="utf-8-sig")
        result = parse_timeline_text(text, name="application-log.txt", tz="America/Los_Angeles")
        assert result.format == "csv" and len(result.events) == 7


def test_csv_cells_beyond_the_header_after_the_text_column_are_kept() -> None:
    result = parse_timeline_text("time,text\n2024-11-26 23:41,failover done, db-2 is primary\n")
    assert texts(result) == ["failover done, db-2 is primary"]


@pytest.mark.parametrize(
    ("zone", "expected_utc"),
    [
        ("CST", "2024-11-26 18:00:00"),  # US Central
        ("CDT", "2024-11-26 17:00:00"),
        ("MST", "2024-11-26 19:00:00"),  # US Mountain
        ("MDT", "2024-11-26 18:00:00"),
        ("BST", "2024-11-26 11:00:00"),  # British Summer Time
        ("IST", "2024-11-26 06:30:00"),  # India
        ("AKST", "2024-11-26 21:00:00"),
        ("HST", "2024-11-26 22:00:00"),
        ("AEST", "2024-11-26 02:00:00"),
        ("AEDT", "2024-11-26 01:00:00"),
        ("NZST", "2024-11-26 00:00:00"),
        ("EET", "2024-11-26 10:00:00"),
        ("EEST", "2024-11-26 09:00:00"),
        ("WET", "2024-11-26 12:00:00"),
        ("SGT", "2024-11-26 04:00:00"),
        ("HKT", "2024-11-26 04:00:00"),
    ],
)
def test_zone_abbreviations(zone: str, expected_utc: str) -> None:
    result = parse_timeline_text(f"2024-11-26 12:00:00 {zone} [1] LOG: x", doc_zone="Europe/Berlin")
    assert (at_utc(result), texts(result)) == ([utc(expected_utc)], ["[1] LOG: x"])


def test_an_ambiguous_abbreviation_is_read_the_common_way_and_the_user_is_told() -> None:
    line = "2024-11-26 17:57:41.203 CST [20417] app@checkout ERROR:  cannot execute INSERT in a read-only transaction"
    result = parse_timeline_text(f"{line}\n{line.replace('41.203', '42.001')}\n", name="postgresql.log")
    assert at_utc(result) == [utc("2024-11-26 23:57:41"), utc("2024-11-26 23:57:42")]
    assert result.events[0].text.startswith("[20417] app@checkout ERROR:")
    assert result.notes == [
        "'CST' read as US Central Standard Time (UTC-06:00) on 2 lines from line 1; "
        "for China Standard Time give the zone Asia/Shanghai (--tz), for Cuba Standard Time America/Havana"
    ]
    assert result.summary() == f"2 events from 23:57 to 23:57; {result.notes[0]}"
    assert result.summary(notes=False) == "2 events from 23:57 to 23:57"


@pytest.mark.parametrize(
    ("line", "tz", "expected_utc", "reading"),
    [
        ("2024-11-26 17:57 CST x", "Asia/Shanghai", "2024-11-26 09:57:00", "China Standard Time (UTC+08:00)"),
        ("2024-07-26 17:57 IST x", "Europe/Dublin", "2024-07-26 16:57:00", "Irish Standard Time (UTC+01:00)"),
        ("2024-11-26 17:57 IST x", "Asia/Jerusalem", "2024-11-26 15:57:00", "Israel Standard Time (UTC+02:00)"),
        ("2024-11-26 17:57 BST x", "Asia/Dhaka", "2024-11-26 11:57:00", "Bangladesh Standard Time (UTC+06:00)"),
        ("2024-11-26 17:57 CST x", "America/Chicago", "2024-11-26 23:57:00", "US Central Standard Time (UTC-06:00)"),
    ],
)
def test_an_ambiguous_abbreviation_is_read_as_the_given_zone_uses_it(
    line: str, tz: str, expected_utc: str, reading: str
) -> None:
    result = parse_timeline_text(line, tz=tz)
    assert at_utc(result) == [utc(expected_utc)]
    # Asia/Dhaka writes '+06', not 'BST': it is the meaning's own zone, but does not 'use' the abbreviation
    how = f"the meaning in the zone {tz}" if tz == "Asia/Dhaka" else f"as the zone {tz} uses it"
    assert result.notes == [f"'{line[17:20]}' read as {reading} on line 1, {how}"]


def test_the_documents_zone_also_settles_an_ambiguous_abbreviation() -> None:
    result = parse_timeline_text("2024-11-26 17:57 CST x", doc_zone="Asia/Shanghai")
    assert (at_utc(result), texts(result)) == ([utc("2024-11-26 09:57:00")], ["x"])


def test_an_abbreviation_in_the_line_wins_over_an_unrelated_tz() -> None:
    result = parse_timeline_text(
        "2024-11-26 17:57 CST a\n2024-11-26 17:58 EST b\n2024-11-26 17:59 c\n2024-11-26 18:00 CST d\n",
        tz="Europe/Berlin",
    )
    assert at_utc(result) == [
        utc("2024-11-26 16:59:00"),
        utc("2024-11-26 22:58:00"),
        utc("2024-11-26 23:57:00"),
        utc("2024-11-27 00:00:00"),
    ]
    assert "US Central Standard Time" in result.notes[0]


def test_an_ambiguous_abbreviation_in_a_csv_cell_or_header() -> None:
    cell = parse_timeline_text("time,text\n2024-11-26 17:57 IST,a\n")
    header = parse_timeline_text("time (IST),text\n2024-11-26 17:57,a\n")
    assert at_utc(cell) == at_utc(header) == [utc("2024-11-26 12:27:00")]
    assert cell.notes[0].startswith("'IST' read as India Standard Time (UTC+05:30) on line 2; ")


NIGHT = "23:41 page fired\n23:50 rollback\n23:58 found pgbouncer\n00:05 reloaded\n00:45 resolved\n"
STARTED = datetime(2024, 11, 26, 23, 38, tzinfo=UTC)


@pytest.mark.parametrize(
    ("since", "until", "kept", "note"),
    [
        (
            time(23, 50),
            time(0, 10),
            ["rollback", "found pgbouncer", "reloaded"],
            "since 23:50 read as 2024-11-26 23:50, until 00:10 as 2024-11-27 00:10",
        ),
        (
            None,
            time(0, 10),
            ["page fired", "rollback", "found pgbouncer", "reloaded"],
            "until 00:10 read as 2024-11-27 00:10",
        ),
        (
            time(22, 0),
            time(23, 45),
            ["page fired"],
            "since 22:00 read as 2024-11-26 22:00, until 23:45 as 2024-11-26 23:45",
        ),
        (time(0, 0), None, ["reloaded", "resolved"], "since 00:00 read as 2024-11-27 00:00"),
    ],
)
def test_bare_since_and_until_are_placed_near_the_incident_start(
    since: time | None, until: time | None, kept: list[str], note: str
) -> None:
    result = parse_timeline_text(NIGHT, anchor=NOV26, reference=STARTED, since=since, until=until)
    assert texts(result) == kept
    assert result.notes == [f"{note} (placed by the incident's start, 2024-11-26 23:38)"]


def test_bare_since_and_until_with_their_own_zone() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    result = parse_timeline_text(NIGHT, anchor=NOV26, reference=STARTED, since=time(0, 50, tzinfo=berlin))
    assert texts(result) == ["rollback", "found pgbouncer", "reloaded", "resolved"]  # 00:50 Berlin is 23:50 UTC


def test_bare_since_and_until_without_a_start_are_placed_near_the_first_event() -> None:
    result = parse_timeline_text(NIGHT, anchor=NOV26, since=time(23, 50), until=time(0, 10))
    assert texts(result) == ["rollback", "found pgbouncer", "reloaded"]
    assert result.notes[0].endswith("(placed by the first event, 2024-11-26 23:41: the incident has no start time)")


def test_when_bare_times_leave_nothing_the_note_says_why() -> None:
    result = parse_timeline_text("10:00 a\n11:00 b\n", anchor=NOV26, since=time(23, 50), until=time(0, 10))
    assert result.events == [] and result.filtered == 2
    assert result.notes == [
        "since 23:50 read as 2024-11-25 23:50, until 00:10 as 2024-11-26 00:10 "
        "(placed by the first event, 2024-11-26 10:00: the incident has no start time)",
        "every event is outside the time range; give a date with the times (e.g. 2024-11-26 23:50) "
        "or set the incident's start time",
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("[Recovered] checkout-api 5xx rate", EventKind.RESOLUTION),  # Datadog
        ("5xx rate recovered: 1.9% (threshold 5%)", EventKind.RESOLUTION),
        ("Alert closed by alice@acme.io via Web", EventKind.RESOLUTION),  # Opsgenie
        ("[OK] Service check pg_isready on db-1", EventKind.RESOLUTION),
        ("Monitor status changed to OK", EventKind.RESOLUTION),
        ("[RESOLVED] CheckoutHigh5xx (critical)", EventKind.RESOLUTION),
        ("psycopg.OperationalError: server closed the connection unexpectedly", EventKind.OTHER),
        ("Connection closed by 10.4.2.17 port 51880", EventKind.OTHER),
        ("database system was not properly shut down; automatic recovery in progress", EventKind.OTHER),
        ("[Triggered] checkout-api 5xx rate", EventKind.DETECTION),
        # words inside paths, URLs and host names say nothing about what happened
        ("Running on ci-agent-7 in /var/lib/jenkins/workspace/checkout-rollback", EventKind.OTHER),
        ("see https://wiki.acme.io/runbooks/failover-and-rollback", EventKind.OTHER),
        ("deploy of rollback.acme.io v2", EventKind.OTHER),
        ("deployment.apps/checkout-api rolled back", EventKind.MITIGATION),
        ("failed over to db-2.pg.internal", EventKind.MITIGATION),
        ("acknowledged - looking at https://grafana.acme.io/d/chk5xx?from=now-1h", EventKind.RESPONSE),
    ],
)
def test_kind_guesses_from_status_words_not_from_paths(text: str, kind: EventKind) -> None:
    assert guess_kind(text) == (kind, kind != EventKind.OTHER)


def test_opsgenie_kinds_come_from_the_log_text() -> None:
    result = real("opsgenie-alert-log.csv")
    kinds = {e.text.split(" by ")[0].split(":")[0]: (e.kind, e.kind_guessed) for e in result.events}
    assert kinds["Alert closed"] == (EventKind.RESOLUTION, True)
    assert kinds["Alert acknowledged"] == (EventKind.RESPONSE, True)
    assert kinds["Alert escalated to [DB_escalation]"] == (EventKind.RESPONSE, True)
    # the Type 'note' says nothing about the kind; the note's text does
    assert (by_text(result, "rolling back").kind, by_text(result, "rolling back").kind_guessed) == (
        EventKind.MITIGATION,
        True,
    )
    assert by_text(result, "pinned to db-1").kind == EventKind.OTHER


def test_datadog_recovered_is_a_resolution() -> None:
    result = wild("datadog-events.csv")
    recovered = by_text(result, "[Recovered]")
    assert (recovered.kind, recovered.kind_guessed) == (EventKind.RESOLUTION, True)


class TestDockerComposeLogs:
    @pytest.fixture(scope="class")
    def result(self) -> ImportResult:
        return real("docker-compose-logs.txt")

    def test_the_service_prefix_goes_to_the_source(self, result: ImportResult) -> None:
        assert result.format == "text"
        first = result.events[0]
        assert first.time == datetime(2024, 11, 26, 23, 38, 2, tzinfo=UTC)
        assert first.text == "2024-11-26 23:38:02.118 UTC [1] LOG:  database system is ready to accept connections"
        assert first.source == "docker-compose-logs.txt:1 @db-1"
        assert {e.source.split(" @")[1] for e in result.events} == {"db-1", "pgbouncer-1", "web-1", "worker-1"}
        assert not any("| " in e.text.splitlines()[0][:14] for e in result.events)

    def test_every_service_line_is_read(self, result: ImportResult) -> None:
        assert by_text(result, "got SIGHUP").time == datetime(2024, 11, 27, 0, 5, 2, tzinfo=UTC)
        assert by_text(result, "succeeded in 0.21s").source == "docker-compose-logs.txt:21 @worker-1"
        assert by_text(result, "200 88").text.startswith('172.18.0.9 - - [27/Nov/2024:00:05:04 +0000] "POST /checkout')

    def test_compose_status_lines_are_skipped_with_a_reason(self, result: ImportResult) -> None:
        assert skipped_reasons(result) == {"line 7": "a docker compose status line (no time), not a service's log line"}


class TestLinesStampedLikeTheLineAbove:
    def test_postgres_detail_statement_and_context_go_with_their_entry(self) -> None:
        result = real("postgresql.log")
        assert len(result.events) == 14  # 18 lines with a time, 4 of them go with the entry above
        assert result.skipped == []
        assert by_text(result, "cannot execute INSERT").text.splitlines() == [
            "[20417] app@checkout ERROR:  cannot execute INSERT in a read-only transaction",
            "STATEMENT:  INSERT INTO orders (id, customer_id, total_cents, created_at)",
            "\tVALUES ($1, $2, $3, now())",
            "\tRETURNING id",
        ]
        assert by_text(result, "duplicate key").text.splitlines()[1:] == [
            "DETAIL:  Key (id)=(ord_9QX) already exists.",
            "STATEMENT:  INSERT INTO orders (id, customer_id, total_cents, created_at) "
            "VALUES ($1, $2, $3, now()) RETURNING id",
        ]
        assert by_text(result, "statement timeout").text.splitlines()[1] == (
            'CONTEXT:  SQL statement "UPDATE inventory SET reserved = reserved - 1 WHERE sku = $1"'
        )
        # another process at the same time stays its own event
        assert len([e for e in result.events if e.time == datetime(2024, 11, 26, 23, 59, 58, tzinfo=UTC)]) == 2

    def test_a_postgres_detail_of_another_process_is_not_joined(self) -> None:
        text = (
            "2024-11-26 23:59:59.987 UTC [20502] ERROR:  duplicate key\n"
            "2024-11-26 23:59:59.987 UTC [20999] DETAIL:  Key (id)=(x) already exists.\n"
        )
        assert len(parse_timeline_text(text).events) == 2

    def test_a_go_panic_in_kubectl_logs_is_one_event(self) -> None:
        result = real("kubectl-logs-timestamps.txt")
        assert result.skipped == []
        panic = by_text(result, "panic: runtime error")
        assert panic.time == datetime(2024, 11, 26, 23, 41, 2, tzinfo=UTC)
        assert panic.text.splitlines() == [
            "panic: runtime error: invalid memory address or nil pointer dereference",
            "[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x9a1b2c]",
            "goroutine 4127 [running]:",
            "main.(*OrderStore).Insert(0x0, {0xc000a1e000, 0x24})",
            "\t/src/store/orders.go:88 +0x2c",
            "main.checkoutHandler(...)",
            "\t/src/handlers/checkout.go:141 +0x1f4",
        ]
        assert len(result.events) == 11

    def test_kubectl_prefix_names_the_pod_and_a_json_body_reads_as_its_message(self) -> None:
        text = (
            "[pod/checkout-api-7d9c5b8f4-x2x9q/checkout-api] 2026-11-21T04:19:46.990001200Z "
            '{"level":"error","msg":"retry budget exhausted","err":"context deadline exceeded"}\n'
            "[pod/checkout-api-7d9c5b8f4-x2x9q/checkout-api] 2026-11-21T04:19:47.120001994Z "
            "panic: runtime error: invalid memory address or nil pointer dereference\n"
            "[pod/checkout-api-7d9c5b8f4-x2x9q/checkout-api] 2026-11-21T04:19:47.120001994Z goroutine 4123 [running]:\n"
            "[pod/checkout-api-6b4f7c9d8-kk2lp/checkout-api] 2026-11-21T04:59:20.250000123Z {not json} starting\n"
        )
        result = parse_timeline_text(text, doc_zone="UTC")
        assert [(e.text, e.source) for e in result.events] == [
            (
                "ERROR retry budget exhausted (context deadline exceeded)",
                "<input>:1 @checkout-api-7d9c5b8f4-x2x9q/checkout-api",
            ),
            (
                "panic: runtime error: invalid memory address or nil pointer dereference\ngoroutine 4123 [running]:",
                "<input>:2 @checkout-api-7d9c5b8f4-x2x9q/checkout-api",
            ),
            ("{not json} starting", "<input>:4 @checkout-api-6b4f7c9d8-kk2lp/checkout-api"),
        ]

    def test_a_python_traceback_in_docker_compose_logs_is_one_event(self) -> None:
        result = real("docker-compose-logs.txt")
        assert by_text(result, "Exception on /checkout").text.splitlines() == [
            "[2024-11-26 23:38:41 +0000] [8] [ERROR] Exception on /checkout [POST]",
            "Traceback (most recent call last):",
            '  File "/app/checkout/views.py", line 52, in post',
            "    order = Order.objects.create(**payload)",
            "psycopg.OperationalError: server closed the connection unexpectedly",
        ]
        assert result.duplicates == 1  # the same request logged twice stays two lines, one event
        assert len(result.events) == 15

    @pytest.mark.parametrize(
        "stamp", ["2024-11-26 23:41:02", "2024-11-26T23:41:02.503Z", "2024-11-26T23:41:02.5030000Z"]
    )
    def test_the_same_coarse_time_is_not_enough(self, stamp: str) -> None:
        result = parse_timeline_text(f"{stamp} a\n{stamp} b\n")
        assert texts(result) == ["a", "b"]


class TestJenkinsConsole:
    def test_pipeline_step_lines_are_noise(self) -> None:
        result = real("jenkins-console.txt")
        assert texts(result)[:4] == [
            "Started by user Alice Nguyen",
            "Running on ci-agent-7 in /var/lib/jenkins/workspace/checkout-rollback",
            "+ kubectl -n prod rollout undo deploy/checkout-api --to-revision=12",
            "deployment.apps/checkout-api rolled back",
        ]
        reasons = skipped_reasons(result)
        assert len(reasons) == 12
        assert reasons["line 2"] == f"a Jenkins [Pipeline] step line (noise: skipped {KEEP_NOISE})"
        assert by_text(result, "Running on").kind == EventKind.OTHER
        assert by_text(result, "rolled back").kind == EventKind.MITIGATION

    def test_include_noise_keeps_them(self) -> None:
        result = real("jenkins-console.txt", include_noise=True)
        assert len(result.events) == 24 and result.skipped == []


class TestWhatsAppChat:
    @pytest.fixture(scope="class")
    def result(self) -> ImportResult:
        return real("whatsapp-chat.txt", anchor=None)

    def test_messages_with_their_authors(self, result: ImportResult) -> None:
        assert result.format == "text"
        assert len(result.events) == 11
        first = result.events[0]
        assert (first.time, first.source) == (
            datetime(2024, 11, 26, 23, 42, tzinfo=UTC),
            "whatsapp-chat.txt:5 @Alice Nguyen",
        )
        assert first.text == "Paged for checkout 5xx, 38% error rate. Slack is slow for me, using this as backup"
        assert (
            by_text(result, "rolled back").text == "rolled back v2.3.1 -> v2.3.0\nno change so far\nwill keep watching"
        )
        assert by_text(result, "reloaded").time == datetime(2024, 11, 27, 0, 5, tzinfo=UTC)
        assert by_text(result, "reloaded").source == "whatsapp-chat.txt:17 @Carol Díaz"
        assert result.notes == []  # 26/11 shows the order: day first
        # an edited message as it now reads, without WhatsApp's marker
        assert result.events[-1].text == "resolved, closing. thanks all 🙏"

    def test_system_lines_are_skipped_with_reasons(self, result: ImportResult) -> None:
        reasons = skipped_reasons(result)
        assert sorted(reasons, key=lambda w: int(w.split()[1])) == [
            "line 1", "line 2", "line 3", "line 4", "line 12", "line 13", "line 14", "line 21"
        ]  # fmt: skip
        assert reasons["line 1"] == "WhatsApp's note on end-to-end encryption, not an event"
        assert reasons["line 2"] == f"a WhatsApp group notice ({NOISE_NOTE})"
        assert reasons["line 12"] == "a media file left out of the export ('<Media omitted>')"
        assert reasons["line 14"] == "deleted message"

    def test_include_noise_keeps_group_notices(self) -> None:
        result = real("whatsapp-chat.txt", include_noise=True)
        assert by_text(result, "created group").text == 'Alice Nguyen created group "INC-2417 checkout"'
        assert by_text(result, "left").source == "whatsapp-chat.txt:21"
        assert sorted(skipped_reasons(result)) == ["line 1", "line 12", "line 14"]


KEEP_NOISE = "unless noise is kept (--include-noise, or 'Keep chat noise')"
NOISE_NOTE = f"channel noise: skipped {KEEP_NOISE}"


@pytest.mark.parametrize(
    "chat",
    [
        "11/26/24, 11:42 PM - Alice Nguyen: paged\n11/27/24, 12:05 AM - Bob: reloaded\n",  # US Android
        "11/26/24, 11:42\u202fPM - Alice Nguyen: paged\n11/27/24, 12:05\u202fAM - Bob: reloaded\n",
        "[26/11/2024, 23:42:00] Alice Nguyen: paged\n[27/11/2024, 00:05:00] Bob: reloaded\n",  # iOS
        "26.11.24, 23:42 - Alice Nguyen: paged\n27.11.24, 00:05 - Bob: reloaded\n",  # German
    ],
)
def test_whatsapp_date_forms(chat: str) -> None:
    result = parse_timeline_text(chat)
    assert [(e.time, e.text, e.source.split(" @")[1]) for e in result.events] == [
        (datetime(2024, 11, 26, 23, 42, tzinfo=UTC), "paged", "Alice Nguyen"),
        (datetime(2024, 11, 27, 0, 5, tzinfo=UTC), "reloaded", "Bob"),
    ]


@pytest.mark.parametrize(
    ("chat", "anchor", "day", "note"),
    [
        (
            "03/04/2024, 10:00 - Alice: a\n03/04/2024, 11:00 - Bob: b\n",
            None,
            date(2024, 4, 3),
            "'03/04/2024' read as day/month (3 April 2024): "
            "no date in the file has a number above 12 to show the order",
        ),
        (
            "03/04/2024, 10:00 AM - Alice: a\n03/04/2024, 11:00 AM - Bob: b\n",
            None,
            date(2024, 3, 4),
            "'03/04/2024' read as month/day (4 March 2024), as with 12-hour times: no date in the file has a number "
            "above 12 to show the order",
        ),
        ("03/04/2024, 10:00 - Alice: a\n", date(2024, 3, 4), date(2024, 3, 4), None),  # the incident's date fits
        ("03/04/2024, 10:00 - Alice: a\n13/04/2024, 10:00 - Bob: b\n", None, date(2024, 4, 3), None),
        ("[03/04 10:00] Alice\na\n", date(2024, 4, 3), date(2024, 4, 3), None),
    ],
)
def test_day_or_month_first_is_decided_for_the_whole_file(
    chat: str, anchor: date | None, day: date, note: str | None
) -> None:
    result = parse_timeline_text(chat, anchor=anchor)
    assert result.events[0].time.date() == day
    assert result.notes == ([note] if note else [])


class TestTeamsCopy:
    def test_bracketed_date_and_name_then_the_message(self) -> None:
        result = real("teams-copy.txt")
        assert result.skipped == []
        assert len(result.events) == 12
        first = result.events[0]
        assert (first.time, first.text, first.source) == (
            datetime(2024, 11, 26, 23, 42, tzinfo=UTC),
            "ack'd the page, looking at checkout now",
            "teams-copy.txt:1 @Alice Nguyen",
        )
        assert by_text(result, "@here").text == (
            "@here checkout error rate at 38% since ~23:39\ndashboard: https://grafana.acme.io/d/chk5xx"
        )
        assert by_text(result, "pgbouncer reloaded").time == datetime(2024, 11, 27, 0, 5, tzinfo=UTC)
        assert by_text(result, "Resolved. Root cause").source == "teams-copy.txt:24 @Alice Nguyen"

    def test_with_a_year_and_a_line_that_is_not_a_name(self) -> None:
        result = parse_timeline_text("[26/11/2024 23:42] Alice Nguyen\nack'd\n[26/11/2024 23:45] Rollback done\n")
        assert [(e.text, e.source) for e in result.events] == [
            ("ack'd", "<input>:1 @Alice Nguyen"),
            ("Rollback done", "<input>:3"),  # no message under it: the line is the message
        ]

    def test_web_copy_name_then_date_then_message(self) -> None:
        result = real("teams-web-copy.txt")
        assert [s.where for s in result.skipped] == ["line 20"]  # 'Edited' above the message: noise
        assert [(e.time.strftime("%d %H:%M"), e.source.split(" @")[1]) for e in result.events[:3]] == [
            ("26 23:42", "Alice Nguyen"),
            ("26 23:44", "Alice Nguyen"),
            ("26 23:46", "Bob Kowalski"),
        ]
        assert by_text(result, "rolled back").text == "rolled back checkout v2.3.1 -> v2.3.0 & restarted pods"
        assert by_text(result, "pgbouncer reloaded").time == datetime(2024, 11, 27, 0, 5, tzinfo=UTC)
        assert len(result.events) == 10


class TestTimesUnderTheirText:
    """Statuspage's history: each update, then the line with its time."""

    @pytest.fixture(scope="class")
    def result(self) -> ImportResult:
        return real("statuspage-history.txt")

    def test_each_time_goes_with_the_text_above_it(self, result: ImportResult) -> None:
        assert [(e.time.strftime("%d %H:%M"), e.text.split(" - ")[0]) for e in result.events] == [
            ("26 23:47", "Investigating"),
            ("26 23:58", "Identified"),
            ("27 00:20", "Monitoring"),
            ("27 00:31", "Update"),
            ("27 00:45", "Resolved"),
        ]
        assert result.events[-1].text == (
            "Resolved - This incident has been resolved. "
            "Checkout success rates have been at normal levels since 00:10 UTC."
        )
        assert result.events[-1].source == "statuspage-history.txt:3"
        # each update is a message to customers: communication (what the cadence check counts), not a guess
        assert {(e.kind, e.kind_guessed) for e in result.events} == {(EventKind.COMMUNICATION, False)}

    def test_the_title_is_skipped_and_the_reading_noted(self, result: ImportResult) -> None:
        assert [str(s) for s in result.skipped] == ["line 1: no time at the start: a heading or a note?"]
        assert result.notes == [
            "read as a Statuspage history: each time is the time of the update above it (every time in the file "
            "stands on its own line under its update's text)"
        ]

    def test_a_title_right_above_the_first_update_is_skipped_too(self) -> None:
        result = parse_timeline_text(
            "Elevated errors at checkout\nResolved - Fixed.\nNov 21, 06:12 UTC\n"
            "Investigating - Looking.\nNov 21, 04:41 UTC\n",
            anchor=NOV26,
        )
        assert texts(result) == ["Investigating - Looking.", "Resolved - Fixed."]
        assert [s.where for s in result.skipped] == ["line 1"]

    def test_a_file_that_does_not_end_with_a_time_keeps_times_first(self) -> None:
        result = parse_timeline_text("Alice\n23:41\npaged\n\nBob\n23:44\nack\n", anchor=NOV26)
        assert texts(result) == ["paged", "ack"]

    def test_times_first_with_a_lone_time_at_the_end_is_not_misread(self) -> None:
        result = parse_timeline_text("23:41\npaged\n\n23:44\nack\n\n23:50\n", anchor=NOV26)
        assert texts(result) == ["paged", "ack"]
        assert [str(s) for s in result.skipped] == ["line 7: a time but no text"]


class TestSlackdumpFile:
    @pytest.fixture(scope="class")
    def result(self) -> ImportResult:
        return real("slackdump-inc-2417.json")

    def test_thread_replies_nested_in_their_parent_are_read_in_time_order(self, result: ImportResult) -> None:
        assert result.format == "slack"
        assert [(e.time.strftime("%H:%M:%S"), " ".join(e.text.split()[:4])) for e in result.events] == [
            ("23:41:14", "#2417 [Triggered] checkout-api: 5xx"),
            ("23:42:10", "ack'd, looking :eyes:"),
            ("23:44:03", "@here checkout error rate"),
            ("23:45:30", "↳ support queue spiking"),
            ("23:46:40", "db-1 (pg primary) went"),
            ("23:47:15", "↳ confirmed, db-2 promoted"),
            ("23:50:22", "rolled back checkout deploy"),
            ("00:03:40", "↳ thread reply sent"),
            ("00:10:12", "↳ error rate back"),
            ("00:45:09", "Resolved. Root cause: pgbouncer"),
        ]
        assert by_text(result, "support queue").text == "↳ support queue spiking too, 40+ tickets & counting"
        assert by_text(result, "support queue").source == "slack:#inc-2417-checkout-5xx @Dan Okafor"
        assert [str(s).split(" (")[0] for s in result.skipped] == ["entry 1: channel_join", "entry 9: channel_leave"]

    def test_the_channel_is_named_from_the_file(self, result: ImportResult) -> None:
        assert {e.source.split(" @")[0] for e in result.events} == {"slack:#inc-2417-checkout-5xx"}


def test_slack_replies_holding_whole_messages_and_channel_info() -> None:
    parent = {"ts": "1732664643.1122", "user": "U1", "text": "parent", "thread_ts": "1732664643.1122"}
    reply = {"ts": "1732664730.555", "user": "U2", "text": "a reply"}
    stub = {"user": "U2", "ts": "1732664800.0"}  # Slack's own export: only who and when
    listed = {"ts": "1732664900.0", "user": "U2", "text": "listed too", "thread_ts": "1732664643.1122"}
    broken = {"ts": "soon", "text": "x"}
    data = {
        "channel_info": {"id": "C1", "name": "inc-2417"},
        "messages": [{**parent, "replies": [reply, stub, listed, broken]}, listed],
    }
    result = parse_timeline_text(json.dumps(data), name="C07INC1234.json", users={"U1": "Ann", "U2": "Bo"})
    assert [(e.text, e.source) for e in result.events] == [
        ("parent", "slack:#inc-2417 @Ann"),
        ("↳ a reply", "slack:#inc-2417 @Bo"),
        ("↳ listed too", "slack:#inc-2417 @Bo"),
    ]
    assert [s.where for s in result.skipped] == ["entry 1 reply 4"]


def test_a_pagerduty_page_with_more_entries_says_so() -> None:
    result = real("pagerduty-log-entries-page1.json")
    assert len(result.events) == 8
    assert result.events[0].time == datetime(2024, 11, 26, 23, 56, tzinfo=UTC)
    assert result.notes == [
        "one page of the log entries (8 from offset 0) and PagerDuty has more: fetch them with a larger limit, "
        "or the next page with offset=8"
    ]
    assert result.summary().endswith("; " + result.notes[0])


def test_a_complete_pagerduty_page_has_no_note() -> None:
    assert parse_timeline(PD_FILE).notes == []


def test_notes_with_each_time_on_its_own_line_above_the_text_stay_times_first() -> None:
    # A heading above the first time and a bare time at the end looked like Statuspage's layout (times under
    # their text) and every text moved to the time before it; only a Statuspage history is read that way.
    notes = "Bridge notes\n23:41\ndeploy started\n23:44\nalert fired, paging DB on-call\n23:52\nrolled back\n00:05\n"
    result = parse(notes, doc_zone="UTC")
    assert [(e.time.strftime("%H:%M"), e.text) for e in result.events] == [
        ("23:41", "deploy started"),
        ("23:44", "alert fired, paging DB on-call"),
        ("23:52", "rolled back"),
    ]
    assert not any("Statuspage" in note for note in result.notes)


# --------------------------------------------------------------------------------------------
# A reviewer's regressions (review 9)
# --------------------------------------------------------------------------------------------


def at_26(text: str, **kwargs) -> ImportResult:
    kwargs.setdefault("anchor", NOV26)
    kwargs.setdefault("reference", STARTED)
    return parse_timeline_text(text, **kwargs)


@pytest.mark.parametrize(
    "notes",
    [
        "26.11.2024, 23:42 - Deploy von checkout-api v4.12 gestartet\n"
        "26.11.2024, 23:50 - Fehlerrate steigt, Rollback eingeleitet\n"
        "26.11.2024, 23:58 - Status: stabil\n"
        "27.11.2024, 00:10 - Incident geschlossen\n",
        "[26.11.2024, 23:42] deploy started\n[26.11.2024, 23:50] rollback begun\n[26.11.2024, 23:58] Status: stable\n",
    ],
)
def test_r2_notes_dated_as_whatsapp_dates_are_not_read_as_whatsapp(notes: str) -> None:
    result = at_26(notes)
    assert result.skipped == []
    assert len(result.events) == notes.count("\n")
    status = by_text(result, "Status: stab")
    assert "@" not in status.source  # 'Status' is no author


def test_r2_a_whatsapp_export_still_has_authors_and_notices() -> None:
    chat = (
        '26/11/2024, 23:40 - Alice Nguyen created group "INC"\n'
        "26/11/2024, 23:42 - Alice Nguyen: checkout down?\n"
        "26/11/2024, 23:44 - Bob Stone: rolling back\n"
    )
    result = at_26(chat)
    assert [e.source.split(" @")[1] for e in result.events] == ["Alice Nguyen", "Bob Stone"]
    assert skipped_reasons(result)["line 1"].startswith("a WhatsApp group notice")


def test_r3_separate_records_with_the_same_microsecond_stay_apart() -> None:
    log = (
        "2024-11-26 23:41:02.123456 INFO payment-svc starting batch 77\n"
        "2024-11-26 23:41:02.123456 ERROR payment-svc card declined for order 8812\n"
        "2024-11-26 23:41:02.123456 WARN payment-svc retrying order 8812\n"
        "2024-11-26 23:41:05.998877 INFO payment-svc batch 77 done\n"
    )
    assert len(at_26(log).events) == 4
    gha = (
        "2024-11-26T23:43:10.7771234Z Error: health check failed for checkout-api\n"
        "2024-11-26T23:43:10.7771234Z ##[error]Process completed with exit code 1.\n"
        "2024-11-26T23:43:10.7771234Z Rolling back to v4.11.3\n"
    )
    assert len(at_26(gha).events) == 3


def test_r3_a_traceback_stamped_alike_is_still_one_event() -> None:
    log = (
        "2024-11-26T23:38:41.330019284Z [ERROR] Exception on /checkout [POST]\n"
        "2024-11-26T23:38:41.330019284Z Traceback (most recent call last):\n"
        '2024-11-26T23:38:41.330019284Z   File "/app/views.py", line 52, in post\n'
        "2024-11-26T23:38:41.330019284Z psycopg.OperationalError: server closed the connection\n"
    )
    result = at_26(log)
    assert len(result.events) == 1
    assert result.events[0].text.endswith("psycopg.OperationalError: server closed the connection")


@pytest.mark.parametrize(
    ("notes", "word"),
    [
        ("23:40 deploy started\n23:42 IST team paged for payments\n23:50 rolled back\n00:05 all clear\n", "IST"),
        ("23:40 deploy started\n23:42 CST escalation: tickets\n23:50 rolled back\n00:05 all clear\n", "CST"),
    ],
)
def test_r4_an_ambiguous_abbreviation_used_once_is_a_word(notes: str, word: str) -> None:
    result = at_26(notes)
    assert at_utc(result) == [
        utc("2024-11-26 23:40:00"),
        utc("2024-11-26 23:42:00"),
        utc("2024-11-26 23:50:00"),
        utc("2024-11-27 00:05:00"),
    ]
    assert result.events[1].text.startswith(f"{word} ")
    assert result.notes == [
        f"'{word}' after the time on line 2 left in the text, not read as a zone: it names several zones and the "
        "file does not use it consistently (1 of 4 lines with a time); write the offset (e.g. +05:30) to have it read"
    ]


def test_r4_an_ambiguous_abbreviation_used_throughout_is_a_zone() -> None:
    result = at_26("23:40 IST checkout errors\n23:50 IST rolled back\n")
    assert at_utc(result) == [utc("2024-11-26 18:10:00"), utc("2024-11-26 18:20:00")]
    assert texts(result) == ["checkout errors", "rolled back"]


def test_r4_mixed_ambiguous_abbreviations_are_words() -> None:
    notes = "23:40 CST errors spike\n23:42 IST team paged\n23:43 BST job failed\n23:44 MST rollout paused\n"
    notes += "23:46 CST escalated\n23:47 all clear\n"
    result = at_26(notes)
    assert [e.time.strftime("%H:%M") for e in result.events] == ["23:40", "23:42", "23:43", "23:44", "23:46", "23:47"]
    assert all(e.text.split()[0] in ("CST", "IST", "BST", "MST", "all") for e in result.events)


def test_z1_a_zone_that_only_shares_offsets_does_not_decide() -> None:
    result = at_26("23:40 IST checkout errors\n23:50 IST rolled back\n", tz="Europe/London")
    assert at_utc(result)[0] == utc("2024-11-26 18:10:00")  # India, not Irish
    assert result.notes[0].startswith("'IST' read as India Standard Time (UTC+05:30)")


@pytest.mark.parametrize(
    ("tz", "expected", "note"),
    [
        (
            None,
            "2024-11-27 06:40:00",
            "'MST' read as US Mountain Standard Time (UTC-07:00) on 2 lines from line 1; "
            "for Malaysia Standard Time give the zone Asia/Kuala_Lumpur (--tz)",
        ),
        (
            "Asia/Kuala_Lumpur",
            "2024-11-26 15:40:00",
            "'MST' read as Malaysia Standard Time (UTC+08:00) on 2 lines from line 1, "
            "the meaning in the zone Asia/Kuala_Lumpur",
        ),
        (
            "America/Denver",
            "2024-11-27 06:40:00",
            "'MST' read as US Mountain Standard Time (UTC-07:00) on 2 lines from line 1, "
            "as the zone America/Denver uses it",
        ),
    ],
)
def test_z2_mst_is_ambiguous(tz: str | None, expected: str, note: str) -> None:
    result = at_26("23:40 MST checkout errors\n23:50 MST rolled back\n", tz=tz)
    assert at_utc(result)[0] == utc(expected)
    assert result.notes == [note]


DAY = "2024-11-26 11:05 deploy (the cause)\n2024-11-26 23:45 alert fired\n2024-11-27 00:40 resolved\n"


def test_s1_a_bare_since_is_at_or_before_the_start() -> None:
    result = at_26(DAY, since=time(11, 0))
    assert len(result.events) == 3
    assert result.notes == ["since 11:00 read as 2024-11-26 11:00 (placed by the incident's start, 2024-11-26 23:38)"]


def test_s1_a_bare_until_without_since_is_after_the_start() -> None:
    result = at_26(DAY, until=time(11, 0))
    assert len(result.events) == 3
    assert result.notes == ["until 11:00 read as 2024-11-27 11:00 (placed by the incident's start, 2024-11-26 23:38)"]


@pytest.mark.parametrize(
    "first",
    ['{"alertname": "CheckoutHigh5xx", "severity": "page"}', "[ ] check dashboards", '["a", "b"]'],
)
def test_l1_text_under_something_json_like_is_read_as_text(first: str) -> None:
    result = at_26(f"{first}\n23:41 alert fired\n23:44 Dana acked\n")
    assert result.format == "text"
    assert texts(result) == ["alert fired", "Dana acked"]
    assert [s.where for s in result.skipped] == ["line 1"]


def test_l1_broken_json_without_times_is_still_reported_as_json() -> None:
    with pytest.raises(TimelineImportError, match="not JSON"):
        at_26('{"a": 1}\n{"b": 2}\n')


def test_l2_a_title_case_log_message_is_not_a_teams_author() -> None:
    log = (
        "[26/11/2024 23:42:01] Payment Worker Crashed\n"
        "java.lang.IllegalStateException: pool exhausted\n"
        "[26/11/2024 23:42:05] Restarting Payment Worker\n"
        "[26/11 23:43] Service Recovered\n"
        "all good now\n"
    )
    result = at_26(log)
    assert [e.text.split("\n")[0] for e in result.events] == [
        "Payment Worker Crashed",
        "Restarting Payment Worker",
        "Service Recovered",
    ]
    assert all("@" not in e.source for e in result.events)


def test_l2_a_teams_name_needs_its_message_on_the_next_line() -> None:
    result = at_26("[26/11 23:42] Alice Nguyen\n[26/11 23:44] Bob Stone\nrolling back\n")
    assert [(e.text, e.source.partition(" @")[2]) for e in result.events] == [
        ("Alice Nguyen", ""),
        ("rolling back", "Bob Stone"),
    ]


def test_l3_a_log_level_before_a_bar_is_not_a_compose_service() -> None:
    log = (
        "INFO | 2024-11-26 23:41:00.1234 | Checkout started batch 77\n"
        "ERROR | 2024-11-26 23:41:02.5678 | Payment call failed\n"
        "System.Net.Http.HttpRequestException: Connection refused\n"
        "   at Acme.Payments.Client.SendAsync()\n"
        "WARN | 2024-11-26 23:41:05.0000 | Falling back to queue\n"
    )
    result = at_26(log)
    assert result.skipped == []
    assert [e.text.split("\n")[0] for e in result.events] == [
        "INFO Checkout started batch 77",
        "ERROR Payment call failed",
        "WARN Falling back to queue",
    ]
    assert "Connection refused" in result.events[1].text
    assert all("@" not in e.source for e in result.events)


def test_l3_compose_prefixes_are_still_read() -> None:
    log = "web-1  | 23:41 GET / 500\nweb-1 exited with code 1\napi    | 2024-11-26T23:42:00.123Z up\n"
    result = at_26(log)
    assert [e.source.partition(" @")[2] for e in result.events] == ["web-1", "api"]


def test_p1_a_huge_word_is_not_rescanned_for_each_match() -> None:
    import time as clock

    start = clock.perf_counter()
    assert guess_kind("23:43 " + "rollback/" * 200_000) == (EventKind.OTHER, False)
    assert clock.perf_counter() - start < 1.5  # 2.4 s before


def test_p2_a_huge_first_line_is_not_sniffed_as_a_csv_header() -> None:
    import time as clock

    start = clock.perf_counter()
    with pytest.raises(TimelineImportError, match="the times have no date"):
        parse_timeline_text("| " * 500_000 + "\n23:41 x\n")
    with pytest.raises(TimelineImportError, match="too long for a CSV header"):
        parse_timeline_text("| " * 500_000 + "\n23:41,x\n", fmt="csv")
    assert clock.perf_counter() - start < 1.5  # 8 s before


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("error rate recovered briefly then spiked again", EventKind.OTHER),
        ("DB connections recovered to 80% of pool, still degraded", EventKind.OTHER),
        ("checkout recovered", EventKind.RESOLUTION),
        ("error rate recovered. Then we closed the bridge", EventKind.RESOLUTION),
    ],
)
def test_a_recovery_that_did_not_last_is_not_a_resolution(text: str, kind: EventKind) -> None:
    assert guess_kind(text)[0] is kind


def test_numeric_dates_that_step_day_by_day_settle_the_order() -> None:
    # A UK WhatsApp export with 12-hour times and no incident date: 05/11 then 06/11 is a day apart read day
    # first and a month apart read month first, so the chat's own sequence settles it (a note says so).
    chat = (
        "05/11/2024, 11:42 pm - Alice Nguyen: checkout down?\n"
        "05/11/2024, 11:44 pm - Bob Stone: yes, rolling back\n"
        "06/11/2024, 12:10 am - Alice Nguyen: all clear\n"
    )
    result = parse(chat, doc_zone="UTC", anchor=None)
    assert [e.time for e in result.events] == [
        datetime(2024, 11, 5, 23, 42, tzinfo=UTC),
        datetime(2024, 11, 5, 23, 44, tzinfo=UTC),
        datetime(2024, 11, 6, 0, 10, tzinfo=UTC),
    ]
    assert not any("month/day" in note for note in result.notes)


class TestShellHistory:
    """bash (HISTTIMEFORMAT: '#epoch' above each command) and zsh (EXTENDED_HISTORY: ': epoch:0;command')."""

    def test_bash_commands_at_their_stamped_times(self) -> None:
        result = real("bash-history.txt")
        assert [(e.time.strftime("%d %H:%M:%S"), e.text[:40]) for e in result.events[:2]] == [
            ("26 23:38:12", "$ ssh bastion-eu1.acme.internal"),
            ("26 23:41:05", "$ kubectl -n checkout get pods -o wide |"),
        ]
        undo = by_text(result, "rollout undo")
        assert undo.text == "$ kubectl -n checkout rollout undo deploy/checkout-api --to-revision=41"
        assert (undo.kind, undo.source) == (EventKind.MITIGATION, "bash-history.txt:11")
        assert result.events[-1].time == datetime(2024, 11, 27, 0, 9, 30, tzinfo=UTC)  # past midnight
        assert len(result.events) == 8
        assert [str(s) for s in result.skipped] == [
            "line 1: a command with no time (bash writes times only once HISTTIMEFORMAT is set)",
            "line 2: a command with no time (bash writes times only once HISTTIMEFORMAT is set)",
            "line 18: a time with no command under it",
        ]
        assert result.notes == ["read as bash history: each command at the time the shell stamped it"]

    def test_the_output_of_history_with_times(self) -> None:
        """`history` printed with HISTTIMEFORMAT='%F %T ': each numbered entry is a command at its time; `cat -n`
        output (a tab after the number) is not taken for it."""
        listing = (
            "  501  2026-03-02 23:36:02 kubectl -n checkout get pods\n"
            "  502* 2026-03-02 23:58:21 kubectl -n checkout rollout undo deploy/checkout-api\n"
            "  503  2026-03-03 00:12:00 history > ~/inc.txt\n"
        )
        result = parse_timeline_text(listing, doc_zone="UTC")
        assert [(e.time.strftime("%d %H:%M:%S"), e.text) for e in result.events] == [
            ("02 23:36:02", "$ kubectl -n checkout get pods"),
            ("02 23:58:21", "$ kubectl -n checkout rollout undo deploy/checkout-api"),
            ("03 00:12:00", "$ history > ~/inc.txt"),
        ]
        assert any("output of `history`" in note for note in result.notes)
        from pmtui.io.timeline_import import _history_listing

        for numbered in (
            ["     1\t2026-03-02 23:36:02 ERROR pool exhausted", "     2\t2026-03-02 23:37:00 WARN retrying"],
            ["     1  2026-03-02 23:36:02 alert fired", "     2  2026-03-02 23:37:00 retry"],  # cat -n, tabs copied
            ["4213  23:36:02.1 connect(3)", "4213  23:36:03.1 read(3)"],  # strace -f
            ["1  23:36 alert fired", "2  23:40 rollback"],  # a hand-numbered note
        ):
            assert _history_listing(numbered) is None

    def test_zsh_extended_history_with_a_continued_command(self) -> None:
        result = real("zsh-history.txt")
        assert [(e.time.strftime("%H:%M:%S"), e.text) for e in result.events] == [
            ("23:38:12", "$ ssh bastion-eu1.acme.internal"),
            ("23:41:05", "$ kubectl -n checkout get pods -o wide"),
            ("23:47:30", "$ kubectl -n checkout rollout undo deploy/checkout-api --to-revision=41"),
            ("00:09:30", "$ curl -s https://shop.example.com/checkout/health"),
        ]
        assert result.skipped == []

    def test_notes_with_one_hash_number_are_not_a_history(self) -> None:
        result = parse("#1732664292\n23:41 paged the DBA\n23:45 restarted pgbouncer\n")
        assert texts(result) == ["paged the DBA", "restarted pgbouncer"]


class TestSlackBlocksAndPages:
    """Messages newer clients and apps send with Block Kit blocks only, huddles, Slackbot reminders, and one page
    of conversations.history."""

    TS = 1732664400  # 2024-11-26 23:40:00 UTC

    def parse(self, messages: list | dict, **kwargs) -> ImportResult:
        return parse_timeline_text(json.dumps(messages), fmt="slack", doc_zone="UTC", **kwargs)

    def test_blocks_only_messages_keep_their_text(self) -> None:
        rich = {
            "type": "rich_text",
            "elements": [
                {
                    "type": "rich_text_section",
                    "elements": [
                        {"type": "text", "text": "rolled back, "},
                        {"type": "user", "user_id": "U1"},
                        {"type": "text", "text": " please check "},
                        {"type": "link", "url": "https://grafana.example.com/d/x", "text": "the dashboard"},
                        {"type": "emoji", "name": "eyes"},
                    ],
                },
                {
                    "type": "rich_text_list",
                    "elements": [
                        {"type": "rich_text_section", "elements": [{"type": "text", "text": "pods restarted"}]}
                    ],
                },
            ],
        }
        section = {"type": "section", "text": {"type": "mrkdwn", "text": "*Revert PR #812 merged* by lee &amp; sam"}}
        result = self.parse(
            [
                {"type": "message", "user": "U2", "ts": f"{self.TS}.000100", "blocks": [rich]},
                {
                    "type": "message",
                    "subtype": "bot_message",
                    "username": "GitHub",
                    "text": "",
                    "ts": f"{self.TS + 60}.000200",
                    "blocks": [section],
                },
            ]
        )
        assert texts(result) == [
            "rolled back, @U1 please check the dashboard:eyes:\npods restarted",
            "*Revert PR #812 merged* by lee & sam",
        ]
        assert result.events[1].kind == EventKind.MITIGATION and result.events[1].kind_guessed

    def test_an_alert_attachment_keeps_its_fields(self) -> None:
        attachment = {
            "fallback": "Triggered: [P1] Checkout 5xx ratio",
            "fields": [
                {"title": "Assigned to", "value": "Dana Whitfield"},
                {"title": "Service", "value": "checkout-api"},
            ],
        }
        result = self.parse(
            [
                {
                    "type": "message",
                    "subtype": "bot_message",
                    "text": "",
                    "ts": f"{self.TS}.1",
                    "attachments": [attachment],
                }
            ]
        )
        assert texts(result) == [
            "Triggered: [P1] Checkout 5xx ratio\nAssigned to: Dana Whitfield | Service: checkout-api"
        ]

    def test_a_huddle_says_who_and_how_long_and_reminders_are_noise(self) -> None:
        room = {"participant_history": ["U1", "U2"], "date_start": self.TS, "date_end": self.TS + 1800}
        messages = [
            {
                "type": "message",
                "subtype": "huddle_thread",
                "user": "U1",
                "text": "",
                "ts": f"{self.TS}.1",
                "room": room,
            },
            {"type": "message", "user": "USLACKBOT", "text": "Reminder: post an update.", "ts": f"{self.TS + 5}.1"},
        ]
        result = self.parse(messages)
        assert texts(result) == ["Huddle (U1, U2), 30 min"]
        assert [s.reason for s in result.skipped] == [
            "a Slackbot reminder (channel noise: skipped unless noise is kept (--include-noise, or 'Keep chat noise'))"
        ]
        assert len(self.parse(messages, include_noise=True).events) == 2

    def test_one_page_of_history_says_there_is_more(self) -> None:
        page = {
            "ok": True,
            "messages": [{"type": "message", "user": "U1", "text": "all clear", "ts": f"{self.TS}.1"}],
            "has_more": True,
            "response_metadata": {"next_cursor": "bmV4dF90cz"},
        }
        result = self.parse(page)
        assert result.notes == [
            "one page of the channel's history (1 messages) and Slack has more: fetch the rest with "
            "cursor=bmV4dF90cz, or import a channel export"
        ]


def test_the_anchor_date_is_taken_in_the_zone_the_file_is_read_in() -> None:
    pm = PostMortem(title="t", timezone="Europe/Berlin", started=datetime(2026, 11, 26, 22, 40, tzinfo=UTC))
    assert anchor_date(pm) == date(2026, 11, 26)  # 23:40 in Berlin
    assert anchor_date(pm, "Asia/Tokyo") == date(2026, 11, 27)  # 07:40 the next morning in Tokyo
    result = parse("07:38 got paged\n07:45 rolling back\n", tz="Asia/Tokyo", anchor=anchor_date(pm, "Asia/Tokyo"))
    assert at_utc(result)[0] == datetime(2026, 11, 26, 22, 38, tzinfo=UTC)


class TestDiscordCopy:
    """Copied from the Discord client: 'Name — Today at 11:38 PM' (or a date) above each message; a message
    grouped under the one above shows only '[11:40 PM]'."""

    def test_each_message_with_its_author_and_time(self) -> None:
        result = real("discord-copy.txt")
        assert [(e.time.strftime("%d %H:%M"), e.text, e.source) for e in result.events] == [
            ("26 23:38", "checkout is throwing 5xx 🔥 anyone deploying?", "discord-copy.txt:1 @Dana"),
            ("26 23:39", "yes v4.12.0 went out at 11:30", "discord-copy.txt:3 @Lee"),
            ("26 23:40", "looking at the rollout now", "discord-copy.txt:5 @Lee"),
            ("26 23:41", "PD paged me too, joining the call", "discord-copy.txt:7 @Sam"),
            ("27 00:02", "resolved 🎉 thanks all", "discord-copy.txt:9 @Dana"),
        ]
        assert result.skipped == []

    def test_dated_headers_month_first_from_the_dates(self) -> None:
        result = real("discord-copy-dated.txt", anchor=None)
        assert [(e.time.strftime("%Y-%m-%d %H:%M"), e.source.split(" @")[1]) for e in result.events] == [
            ("2026-11-26 23:38", "Dana"),
            ("2026-11-26 23:39", "Lee"),
            ("2026-11-26 23:41", "Sam"),
            ("2026-11-27 00:02", "Dana"),
        ]
        assert by_text(result, "went out").text == "yes v4.12.0 went out at 11:30\nlooking at the rollout now"

    def test_one_line_with_a_dash_and_a_time_is_not_discord(self) -> None:
        result = parse("23:38 paged\nDana — Today at 11:38 PM\n23:45 rolled back\n")
        assert texts(result) == ["paged\nDana — Today at 11:38 PM", "rolled back"]


def test_a_bare_range_with_no_event_in_it_moves_a_day_to_where_the_events_are() -> None:
    result = parse_timeline_text(NIGHT, anchor=NOV26, reference=STARTED, since=time(0, 0), until=time(0, 30))
    assert texts(result) == ["reloaded"]  # read the night after the start: 27 November, 00:00 to 00:30
    late = parse_timeline_text(NIGHT, anchor=NOV26, reference=STARTED, since=time(0, 1), until=time(0, 2))
    assert texts(late) == []  # no reading has events in it: nothing moves
    result = parse_timeline_text(NIGHT, anchor=NOV26, reference=STARTED, until=time(23, 0))
    assert texts(result) == []  # one bare bound never moves: moving it would let in what it keeps out
    assert result.notes[-1].startswith("every event is outside the time range; give a date with the times")


class TestDateLines:
    """Lines holding only a date set the date of the times below; a title's date dates them when the
    incident's is not known."""

    @pytest.mark.parametrize(
        "heading",
        [
            "Thu 26 Nov 2026",
            "Thursday, November 26, 2026",
            "=== 26. November 2026 ===",
            "Nov 26th, 2026",
            "## Thu, 26 Nov",
        ],
    )
    def test_a_date_heading_with_the_month_named(self, heading: str) -> None:
        text = f"{heading}\n23:38 paged\nFri 27 Nov 2026\n00:15 resolved\n"
        result = parse_timeline_text(text, doc_zone="UTC", anchor=date(2026, 11, 20))
        assert at_utc(result) == [datetime(2026, 11, 26, 23, 38, tzinfo=UTC), datetime(2026, 11, 27, 0, 15, tzinfo=UTC)]

    def test_a_yearless_heading_without_an_incident_date_is_skipped_with_a_reason(self) -> None:
        with pytest.raises(TimelineImportError, match="the times have no date"):
            parse_timeline_text("Thu 26 Nov\n23:38 paged\n", doc_zone="UTC")

    def test_a_yearless_heading_takes_the_year_nearest_the_incident(self) -> None:
        result = parse_timeline_text("Thu 31 Dec\n23:38 paged\n", doc_zone="UTC", anchor=date(2027, 1, 1))
        assert at_utc(result) == [datetime(2026, 12, 31, 23, 38, tzinfo=UTC)]

    def test_a_title_with_a_date_dates_the_times_below_when_the_incident_has_no_date(self) -> None:
        text = "Störungsprotokoll Checkout, 26.11.2026 (Zeiten MEZ)\n23:38 Alarm\n00:02 behoben\n"
        result = parse_timeline_text(text, doc_zone="Europe/Berlin")
        assert [e.time.astimezone(ZoneInfo("Europe/Berlin")).strftime("%Y-%m-%d %H:%M") for e in result.events] == [
            "2026-11-26 23:38",
            "2026-11-27 00:02",
        ]
        assert result.notes == ["the times take their date from line 1: 2026-11-26"]
        anchored = parse_timeline_text(text, doc_zone="Europe/Berlin", anchor=date(2026, 11, 30))
        assert anchored.events[0].time.date() == date(2026, 11, 30)  # the incident's own date wins


def test_csv_time_header_with_a_us_zone_and_estimated_times() -> None:
    text = "Time (PT),What happened\n2:30 PM,deployed\n~3:10 PM,errors back to baseline\n"
    result = parse_timeline_text(text, doc_zone="Europe/Berlin", anchor=date(2026, 11, 26))
    assert at_utc(result) == [datetime(2026, 11, 26, 22, 30, tzinfo=UTC), datetime(2026, 11, 26, 23, 10, tzinfo=UTC)]
    assert [e.estimated for e in result.events] == [False, True]


def test_a_gzip_log_is_unpacked_and_an_archive_refused(tmp_path: Path) -> None:
    import gzip as gz

    packed = tmp_path / "worker.log.2.gz"
    packed.write_bytes(gz.compress(b"2024-11-26 23:41:02 ERROR pool exhausted\n2024-11-26 23:45:00 INFO restarted\n"))
    assert texts(parse_timeline(packed, doc_zone="UTC")) == ["ERROR pool exhausted", "INFO restarted"]
    broken = tmp_path / "cut.gz"
    broken.write_bytes(gz.compress(b"23:41 paged\n")[:12])
    with pytest.raises(TimelineImportError, match=r"cut\.gz: a gzip file that cannot be unpacked"):
        parse_timeline(broken, doc_zone="UTC")
    archive = tmp_path / "slack-export.zip"
    archive.write_bytes(b"PK\x03\x04" + b"\0" * 40)
    with pytest.raises(TimelineImportError, match=r"unpack it and import what is inside \(for a Slack export"):
        parse_timeline(archive, doc_zone="UTC")


def test_ctime_stamps_of_apache_error_logs_and_date_output() -> None:
    text = (
        "[Thu Nov 26 22:38:02.123456 2026] [proxy:error] [pid 21345] AH00957: connect to backend failed\n"
        "Thu Nov 26 22:41:10 UTC 2026\n"
        "$ kubectl rollout undo deploy/checkout-api\n"
    )
    result = parse_timeline_text(text, doc_zone="Europe/Berlin")
    assert at_utc(result) == [
        datetime(2026, 11, 26, 21, 38, 2, tzinfo=UTC),
        datetime(2026, 11, 26, 22, 41, 10, tzinfo=UTC),
    ]
    assert texts(result) == [
        "[proxy:error] [pid 21345] AH00957: connect to backend failed",
        "$ kubectl rollout undo deploy/checkout-api",
    ]


@pytest.mark.parametrize(
    ("header", "row", "text"),
    [
        ("Number;Opened;Short description;State", "INC01;26/11/2026 23:38;Checkout 5xx;New", "Checkout 5xx"),
        ("User Username,Post CreateAt,Post Message", "dana,1795732692000,rolling back", "rolling back"),
        (
            '"_raw","_time",host',
            '"checkout-api: pool exhausted","2026-11-26T23:38:12.000+01:00","web-03"',
            "checkout-api: pool exhausted",
        ),
    ],
)
def test_servicenow_and_mattermost_headers(header: str, row: str, text: str) -> None:
    result = parse_timeline_text(f"{header}\n{row}\n", doc_zone="UTC")
    assert texts(result) == [text]


def test_a_text_over_the_limit_is_cut_with_a_note() -> None:
    result = parse(f"23:41 {'x' * 25_000}\n23:42 short\n")
    assert len(result.events[0].text) == 20_000
    assert result.notes == ["an event's text is cut to 20,000 characters (line 1)"]


class TestJsonLines:
    """Structured logs and bulk exports with one JSON object per line."""

    def test_zap_style_logs_with_level_error_and_caller(self) -> None:
        text = (
            '{"level":"info","time":"2024-11-26T23:37:58.912Z","caller":"http/server.go:88","msg":"request served"}\n'
            '{"level":"error","time":"2024-11-26T23:38:00.004Z","caller":"payment/client.go:142",'
            '"msg":"retry budget exhausted","err":"context deadline exceeded"}\n'
        )
        result = parse_timeline_text(text, doc_zone="UTC", name="app.log")
        assert result.format == "json"
        assert texts(result) == ["INFO request served", "ERROR retry budget exhausted (context deadline exceeded)"]
        assert result.events[1].source == "app.log:2 @payment/client.go:142"
        assert at_utc(result)[1] == datetime(2024, 11, 26, 23, 38, 0, tzinfo=UTC)

    @pytest.mark.parametrize(
        ("line", "text"),
        [
            ('{"level":50,"time":1732664280000,"msg":"db down"}', "ERROR db down"),  # pino: epoch ms, numeric level
            (
                '{"instant":{"epochSecond":1732664280,"nanoOfSecond":0},"level":"WARN","message":"pool low"}',
                "WARN pool low",
            ),
            (
                '{"log":"panic: nil map\\n","stream":"stderr","time":"2024-11-26T23:38:00.1Z"}',
                "panic: nil map",
            ),  # docker
            (
                '{"type":"post","post":{"user":"dana","create_at":1732664280000,"message":"rolling back"}}',
                "rolling back",
            ),
            (
                '{"severity":"ERROR","timestamp":"2024-11-26T23:38:00Z","jsonPayload":{"message":"quota"}}',
                "ERROR quota",
            ),
        ],
    )
    def test_common_shapes(self, line: str, text: str) -> None:
        result = parse_timeline_text(f"{line}\n{line}\n", doc_zone="UTC", fmt="json")
        assert (at_utc(result)[0], texts(result)[0]) == (datetime(2024, 11, 26, 23, 38, tzinfo=UTC), text)

    def test_bad_lines_are_skipped_with_reasons(self) -> None:
        text = '{"time":"2024-11-26T23:38:00Z","msg":"ok"}\nnot json\n[1,2]\n'
        text += '{"msg":"no time"}\n{"time":"soon","msg":"x"}\n'
        result = parse_timeline_text(text, doc_zone="UTC", fmt="json")
        assert texts(result) == ["ok"]
        assert [str(s) for s in result.skipped] == [
            "line 2: not a JSON object",
            "line 3: not a JSON object",
            "line 4: no time field",
            "line 5: cannot read the time 'soon'",
        ]


class TestReviewRegressions:
    """Cases a reviewer found in the newer readers: none may change how ordinary notes read."""

    def test_month_words_in_notes_are_not_date_headings(self) -> None:
        text = "23:45 decided to hold the release; candidate dates:\n- Dec 1\n- Dec 8\nDecision 1:\n23:50 rolled back\n"
        result = parse_timeline_text(text, doc_zone="UTC", anchor=date(2026, 11, 26))
        assert at_utc(result) == [
            datetime(2026, 11, 26, 23, 45, tzinfo=UTC),
            datetime(2026, 11, 26, 23, 50, tzinfo=UTC),
        ]
        assert "candidate dates:\n- Dec 1\n- Dec 8" in result.events[0].text

    def test_a_yearless_heading_far_from_the_incident_is_skipped(self) -> None:
        result = parse_timeline_text("Mon 3 Mar\n23:50 rolled back\n", doc_zone="UTC", anchor=date(2026, 11, 26))
        assert at_utc(result) == [datetime(2026, 11, 26, 23, 50, tzinfo=UTC)]
        assert [s.where for s in result.skipped] == ["line 1"]

    def test_a_yearless_heading_takes_the_year_of_the_dates_above_it(self) -> None:
        result = parse_timeline_text("Thu 26 Nov 2026\n23:40 a\nSat 28 Nov\n00:10 b\n", doc_zone="UTC")
        assert [e.time.date() for e in result.events] == [date(2026, 11, 26), date(2026, 11, 28)]

    def test_a_version_number_in_the_title_is_not_a_date(self) -> None:
        with pytest.raises(TimelineImportError, match="the times have no date"):
            parse_timeline_text("Release v2.10.2026 rollout notes\n23:40 alert fired\n", doc_zone="UTC")

    def test_a_statuspage_like_file_with_yearless_dates_does_not_crash(self) -> None:
        with pytest.raises(TimelineImportError):
            parse_timeline_text("Resolved - fixed\nNov 26\nUpdate - x\nNov 27, 00:45 UTC\n", doc_zone="UTC")

    def test_notes_with_ticket_numbers_after_a_hash_are_not_a_shell_history(self) -> None:
        text = "Incident notes\n#1234567890 ticket\n23:40 alert fired\n#1234567891\n23:45 restarted api\n#1234567892\n"
        result = parse_timeline_text(text, doc_zone="UTC", anchor=date(2026, 11, 26))
        assert texts(result)[:2] == ["alert fired", "restarted api"] or texts(result)[0].startswith("alert fired")
        assert all(not t.startswith("$") for t in texts(result))

    def test_a_discord_message_with_only_an_image_does_not_undo_the_reading(self) -> None:
        text = (FIXTURES / "discord-copy.txt").read_text().replace("yes v4.12.0 went out at 11:30\n", "")
        result = parse_timeline_text(text, doc_zone="UTC", anchor=NOV26)
        assert texts(result)[0] == "checkout is throwing 5xx 🔥 anyone deploying?"
        assert len(result.events) == 4

    def test_slack_context_block_and_alert_attachment_are_both_kept(self) -> None:
        message = {
            "ts": "1732664400.1",
            "text": "",
            "blocks": [{"type": "context", "elements": [{"type": "mrkdwn", "text": "Sent by Alertmanager"}]}],
            "attachments": [{"fallback": "[FIRING:1] checkout 5xx"}],
        }
        result = parse_timeline_text(json.dumps([message]), fmt="slack", doc_zone="UTC")
        assert texts(result) == ["Sent by Alertmanager\n[FIRING:1] checkout 5xx"]

    def test_a_since_at_the_start_of_time_and_a_bare_until_do_not_crash(self) -> None:
        result = parse_timeline_text(
            NIGHT, anchor=NOV26, reference=STARTED, since=datetime(1, 1, 1, tzinfo=UTC), until=time(0, 30)
        )
        assert texts(result) == []  # until is read after since, in year 1: nothing is in range, and a note says so


class TestJsonRecords:
    """JSON documents holding a list of records, read by the same fields as JSON Lines."""

    def parse(self, data: object, **kwargs) -> ImportResult:
        return parse_timeline_text(json.dumps(data), doc_zone="UTC", **kwargs)

    def test_datadog_logs_api_status_is_the_level_and_the_error_is_read(self) -> None:
        data = {
            "data": [
                {
                    "type": "log",
                    "attributes": {
                        "timestamp": "2026-11-21T04:19:46.990Z",
                        "status": "error",
                        "service": "checkout-api",
                        "message": "retry budget exhausted",
                        "tags": ["env:prod", "version:v4.12.0"],
                        "attributes": {"error": {"kind": "Timeout", "message": "context deadline exceeded"}},
                    },
                },
                {
                    "type": "log",
                    "attributes": {"timestamp": "2026-11-21T05:06:02Z", "status": "resolved", "message": "x"},
                },
            ],
            "links": {"next": "https://api.datadoghq.com/api/v2/logs/events?page[cursor]=abc"},
        }
        result = self.parse(data)
        assert [(e.text, e.source) for e in result.events] == [
            ("ERROR retry budget exhausted (context deadline exceeded)", "<input>:1 @checkout-api"),
            ("x", "<input>:2"),  # 'resolved' is not a log level
        ]

    def test_telegram_desktop_export(self) -> None:
        data = {
            "name": "checkout oncall",
            "messages": [
                {"id": 1, "type": "service", "date": "2026-11-27T00:40:01", "date_unixtime": "1795736401",
                 "actor": "Dana Whitfield", "action": "invite_members", "text": ""},
                {"id": 2, "type": "message", "date": "2026-11-27T00:44:05", "date_unixtime": "1795736645",
                 "from": "Sam Okafor", "text": ["Dashboard: ", {"type": "link", "text": "https://g.example/d/1"},
                                               " at ", {"type": "bold", "text": "18%"}]},
                {"id": 3, "type": "message", "date": "2026-11-27T00:49:12", "date_unixtime": "1795736952",
                 "from": "Dana Whitfield", "text": "", "photo": "photos/photo_1.jpg"},
            ],
        }  # fmt: skip
        result = parse_timeline_text(json.dumps(data), doc_zone="Europe/Berlin")
        # the moment is date_unixtime's: 'date' is the exporting machine's clock, with no zone
        assert [(e.time.astimezone(UTC).strftime("%d %H:%M:%S"), e.text, e.source) for e in result.events] == [
            ("26 23:44:05", "Dashboard: https://g.example/d/1 at 18%", "<input>:2 @Sam Okafor"),
        ]
        assert [s.reason for s in result.skipped] == [
            "a Telegram service message (invite members): channel noise: skipped unless noise is kept "
            "(--include-noise, or 'Keep chat noise')",
            "a media message left out of the export (photo)",
        ]

    def test_journalctl_json_lines(self) -> None:
        lines = [
            {"__REALTIME_TIMESTAMP": "1795736282005511", "PRIORITY": "3", "SYSLOG_IDENTIFIER": "checkout-worker",
             "MESSAGE": "pool exhausted, 20/20 connections in use"},
            {"__REALTIME_TIMESTAMP": "1795736350000000", "PRIORITY": "4", "SYSLOG_IDENTIFIER": "checkout-worker",
             "MESSAGE": [98, 97, 100, 32, 255, 32, 111, 107]},
        ]  # fmt: skip
        result = parse_timeline_text("\n".join(json.dumps(line) for line in lines), doc_zone="UTC")
        assert result.format == "json"
        assert [(e.time.strftime("%d %H:%M:%S"), e.text, e.source) for e in result.events] == [
            ("26 23:38:02", "ERROR pool exhausted, 20/20 connections in use", "<input>:1 @checkout-worker"),
            ("26 23:39:10", "WARN bad \ufffd ok", "<input>:2 @checkout-worker"),  # bytes that are not UTF-8
        ]

    def test_rocket_chat_history(self) -> None:
        data = {
            "messages": [
                {"_id": "3", "msg": "lee.park", "ts": "2026-11-27T00:53:11.000Z", "t": "ul",
                 "u": {"username": "lee.park", "name": "Lee Park"}},
                {"_id": "2", "msg": "rollback <done> & 5xx back", "ts": {"$date": 1795737871000},
                 "u": {"username": "dana", "name": "Dana Whitfield"}},
                {"_id": "1", "msg": "", "ts": "2026-11-26T23:41:20.000Z", "alias": "Datadog", "bot": {"i": "x"},
                 "u": {"username": "rocket.cat"}, "attachments": [{"title": "[Triggered] Checkout 5xx > 5%"}]},
            ],
            "count": 3,
            "success": True,
        }  # fmt: skip
        result = self.parse(data)
        assert result.format == "json"  # not Slack: its ts is ISO, not epoch seconds
        assert [(e.time.strftime("%d %H:%M"), e.text, e.source) for e in result.events] == [
            ("26 23:41", "[Triggered] Checkout 5xx > 5%", "<input>:3 @Datadog"),
            ("27 00:04", "rollback <done> & 5xx back", "<input>:2 @Dana Whitfield"),
        ]
        assert [s.reason.split(":")[0] for s in result.skipped] == ["a Rocket.Chat system message (ul)"]

    def test_discord_chat_exporter(self) -> None:
        """DiscordChatExporter's JSON: a bot's alert lives in its embeds; joins and pins are noise; the author's
        nickname names the sender; an attachment is named."""

        def message(kind: str, stamp: str, content: str, nick: str, **more: object) -> dict:
            author = {"id": "1", "name": nick.lower().replace(" ", "."), "nickname": nick, "isBot": False}
            return {
                "id": stamp,
                "type": kind,
                "timestamp": stamp,
                "content": content,
                "author": author,
                "attachments": [],
                "embeds": [],
                "reactions": [],
                **more,
            }

        data = {
            "guild": {"id": "9", "name": "Acme"},
            "channel": {"id": "8", "name": "inc-2291"},
            "messages": [
                message("GuildMemberJoin", "2026-03-02T23:29:02.311+01:00", "Joined the server.", "Lee Park"),
                message("Default", "2026-03-02T23:31:40.123+01:00", "", "Grafana",
                        embeds=[{"title": "[FIRING:1] CheckoutHigh5xx", "description": "B=7.3"}]),
                message("Reply", "2026-03-02T23:58:30+01:00", "rolling back", "Lee Park",
                        attachments=[{"fileName": "rollout.png"}]),
                message("ChannelPinnedMessage", "2026-03-02T23:59:00+01:00", "Pinned a message.", "Sam"),
            ],
        }  # fmt: skip
        result = self.parse(data)
        assert [(e.time.astimezone(UTC).strftime("%H:%M:%S"), e.text, e.source) for e in result.events] == [
            ("22:31:40", "[FIRING:1] CheckoutHigh5xx\nB=7.3", "<input>:2 @Grafana"),
            ("22:58:30", "rolling back [file: rollout.png]", "<input>:3 @Lee Park"),
        ]
        assert [s.reason.split(":")[0] for s in result.skipped] == [
            "a Discord system message (GuildMemberJoin)",
            "a Discord system message (ChannelPinnedMessage)",
        ]

    def test_cloudwatch_filter_log_events(self) -> None:
        """`aws logs filter-log-events`: an application's JSON line read as a log record, Lambda's tab-separated
        line as 'LEVEL text' with its error's message, START/END/REPORT as noise, a nextToken said."""
        request = "7f3e8a2c-1b4d-4e6f-9a0b-c1d2e3f4a5b6"
        error = '{"errorType":"TimeoutError","errorMessage":"upstream timed out"}'
        lam = f"2026-03-02T22:31:40.123Z\t{request}\tERROR\tInvoke Error \t{error}\n"
        app = '{"level":"ERROR","message":"payment declined: upstream 503","service":"checkout"}\n'
        data = {
            "events": [
                {"timestamp": 1772490699001, "message": f"START RequestId: {request} Version: $LATEST\n"},
                {"timestamp": 1772490700123, "message": lam},
                {"timestamp": 1772490725120, "message": app},
            ],
            "nextToken": "Bxkq6kVGFtq2y_MoigeqscPOdhXVbhiVtLoAmXb5jCrI7fXN",
        }  # fmt: skip
        result = self.parse(data)
        assert [e.text for e in result.events] == [
            "ERROR Invoke Error upstream timed out",
            "ERROR payment declined: upstream 503",
        ]
        assert [s.where for s in result.skipped] == ["entry 1"]
        assert any("CloudWatch has more" in note for note in result.notes)

    def test_discord_chat_exporter_text(self) -> None:
        """Its text export: '[date time] author#0' (or, under its banner, a bare author), the message below;
        '{Embed}' marks no text; joins and pins are noise."""
        old = (
            "[02-Mar-26 11:29 PM] leepark#0\nJoined the server.\n\n"
            "[02-Mar-26 11:31 PM] Grafana#0000\n{Embed}\n[FIRING:1] CheckoutHigh5xx\n\n"
            "[02-Mar-26 11:32 PM] sam.okafor#0\n@here declaring SEV2\n"
        )
        result = parse_timeline_text(old, doc_zone="UTC")
        assert [(e.time.strftime("%H:%M"), e.text, e.source) for e in result.events] == [
            ("23:31", "[FIRING:1] CheckoutHigh5xx", "<input>:4 @Grafana"),
            ("23:32", "@here declaring SEV2", "<input>:8 @sam.okafor"),
        ]
        assert "a Discord system message ('Joined the server.')" in result.skipped[0].reason
        new = "=" * 20 + "\nGuild: Acme\nChannel: Incidents / inc-2291\n" + "=" * 20 + "\n\n"
        new += "[3/2/2026 11:32 PM] sam.okafor\n@here declaring SEV2\n"
        assert [(e.text, e.source) for e in parse_timeline_text(new, doc_zone="UTC").events] == [
            ("@here declaring SEV2", "<input>:6 @sam.okafor")
        ]
        # without the banner, a bare word after the time is the event's text, as in any notes
        notes = "[23:32] deploy\nstarted by the pipeline\n"
        assert parse_timeline_text(notes, doc_zone="UTC", anchor=date(2026, 3, 2)).events[0].text.startswith("deploy")

    def test_google_chat_takeout_and_zulip(self) -> None:
        google = {
            "messages": [
                {"creator": {"name": "Dana Whitfield", "email": "dana@example.com"},
                 "created_date": "Thursday, November 26, 2026 at 11:43:58\u202fPM UTC", "text": "checkout 500s?"},
            ]
        }  # fmt: skip
        result = self.parse(google)
        assert [(e.time, e.text, e.source) for e in result.events] == [
            (datetime(2026, 11, 26, 23, 43, 58, tzinfo=UTC), "checkout 500s?", "<input>:1 @Dana Whitfield")
        ]
        zulip = {
            "result": "success",
            "messages": [
                {"sender_full_name": "Alertmanager Bot", "timestamp": 1795736490, "content_type": "text/html",
                 "content": "<p><strong>[FIRING:1]</strong> CheckoutHigh5xx<br>\nratio 0.18 &gt; 0.05</p>"},
            ],
        }  # fmt: skip
        result = self.parse(zulip)
        assert [(e.text, e.source) for e in result.events] == [
            ("[FIRING:1] CheckoutHigh5xx\nratio 0.18 > 0.05", "<input>:1 @Alertmanager Bot")
        ]

    def test_opsgenie_log_with_owner(self) -> None:
        data = {
            "data": [
                {
                    "log": "Alert acknowledged via iOS",
                    "owner": "dana@example.com",
                    "createdAt": "2026-11-27T04:41:44.1Z",
                }
            ]
        }
        result = self.parse(data)
        assert result.format == "json"
        assert [(e.text, e.source) for e in result.events] == [
            ("Alert acknowledged via iOS", "<input>:1 @dana@example.com")
        ]

    def test_jsonapi_attributes_and_incident_io_status(self) -> None:
        rootly = {
            "data": [
                {
                    "type": "incident_events",
                    "attributes": {"event": "Severity set to SEV2", "occurred_at": "2026-11-26T23:41:30-05:00"},
                }
            ]
        }
        assert at_utc(self.parse(rootly)) == [datetime(2026, 11, 27, 4, 41, 30, tzinfo=UTC)]
        update = {
            "incident_updates": [
                {
                    "created_at": "2026-11-27T04:44:10Z",
                    "message": "Rolling back.",
                    "new_incident_status": {"name": "Identified"},
                    "updater": {"user": {"name": "Dana Whitfield"}},
                }
            ]
        }
        assert [(e.text, e.source) for e in self.parse(update).events] == [
            ("Identified: Rolling back.", "<input>:1 @Dana Whitfield")
        ]

    def test_cloudtrail_kubernetes_events_and_grafana_annotations(self) -> None:
        trail = {
            "Records": [
                {
                    "eventTime": "2026-11-27T04:46:33Z",
                    "eventName": "UpdateAutoScalingGroup",
                    "eventSource": "autoscaling.amazonaws.com",
                    "userIdentity": {"arn": "arn:aws:sts::1:assumed-role/SRE-Admin/dana"},
                }
            ]
        }
        assert [(e.text, e.source) for e in self.parse(trail).events] == [
            ("UpdateAutoScalingGroup (autoscaling.amazonaws.com)", "<input>:1 @dana")
        ]
        events = {
            "items": [
                {
                    "eventTime": None,
                    "firstTimestamp": "2026-11-27T04:31:02Z",
                    "reason": "Unhealthy",
                    "message": "Readiness probe failed",
                    "involvedObject": {"kind": "Pod", "name": "api-1"},
                }
            ]
        }
        assert [(e.text, e.source) for e in self.parse(events).events] == [
            ("Unhealthy: Readiness probe failed", "<input>:1 @Pod/api-1")
        ]
        grafana = [{"time": 1795753802000, "text": "Deploy v4.12.0", "tags": ["deploy"]}]
        assert texts(self.parse(grafana)) == ["Deploy v4.12.0 [deploy]"]

    def test_alertmanager_payloads_one_per_line_give_kinds(self) -> None:
        def payload(status: str, ends: str) -> str:
            alert = {
                "status": status,
                "labels": {"alertname": "CheckoutHigh5xx"},
                "annotations": {"summary": "5xx above 5%"},
                "startsAt": "2026-11-27T04:39:12Z",
                "endsAt": ends,
            }
            return json.dumps({"receiver": "pd", "status": status, "alerts": [alert]})

        text = payload("firing", "0001-01-01T00:00:00Z") + "\n" + payload("resolved", "2026-11-27T05:05:12Z") + "\n"
        result = parse_timeline_text(text, doc_zone="UTC")
        assert [(e.text, e.kind, e.kind_guessed) for e in result.events] == [
            ("[FIRING] CheckoutHigh5xx: 5xx above 5%", EventKind.DETECTION, False),
            ("[RESOLVED] CheckoutHigh5xx: 5xx above 5%", EventKind.RESOLUTION, False),
        ]

    def test_pino_error_objects_and_json_without_records(self) -> None:
        line = (
            '{"level":50,"time":1795754381000,"msg":"upstream error","err":{"type":"Error","message":"502 from api"}}'
        )
        assert texts(parse_timeline_text(f"{line}\n{line.replace('50', '40', 1)}\n", doc_zone="UTC", fmt="json"))[
            0
        ] == ("ERROR upstream error (502 from api)")
        with pytest.raises(TimelineImportError, match="JSON, but no events in it"):
            self.parse([])


class TestSecondTrial:
    """What a second trial on new exports found read wrongly without a word."""

    def test_a_transcript_is_refused_its_cue_times_are_not_clock_times(self) -> None:
        vtt = "WEBVTT\n\n1\n00:00:03.120 --> 00:00:07.450\n<v Dana>seeing 500s</v>\n"
        with pytest.raises(
            TimelineImportError, match=r"a transcript \(WebVTT or SRT\): its times count from the start"
        ):
            parse(vtt)
        srt = "1\n00:00:03,120 --> 00:00:07,450\nseeing 500s\n\n2\n00:00:08,000 --> 00:00:09,000\nack\n"
        with pytest.raises(TimelineImportError, match="a transcript"):
            parse(srt)

    def test_et_and_pt_after_a_time_are_us_zones_with_daylight_time(self) -> None:
        text = "5:38 PM EST monitor fires\n5:41 PM ET – Dana acks\n2:44 PM PT – Sam joins from Seattle\n"
        result = parse_timeline_text(text, doc_zone="Europe/Berlin", anchor=date(2026, 11, 26))
        assert at_utc(result) == [
            datetime(2026, 11, 26, 22, 38, tzinfo=UTC),
            datetime(2026, 11, 26, 22, 41, tzinfo=UTC),
            datetime(2026, 11, 26, 22, 44, tzinfo=UTC),
        ]
        assert texts(result)[1:] == ["Dana acks", "Sam joins from Seattle"]

    def test_a_time_added_later_that_rolls_over_a_whole_day_is_noted(self) -> None:
        text = "23:40 paged\n23:52 rolled back\n00:40 resolved\n\nAdded afterwards:\n21:12 deploy of v2.9.0\n"
        result = parse_timeline_text(text, doc_zone="UTC", anchor=date(2026, 11, 26))
        assert result.events[-1].time == datetime(2026, 11, 27, 21, 12, tzinfo=UTC)
        assert result.notes == [
            "line 6: 21:12 was placed on 2026-11-27, 20 h after the line above; "
            "if it happened earlier (a line added afterwards?), give it its date"
        ]
        assert result.summary(notes=False).startswith("4 events from 2026-11-26 23:40 to 2026-11-27 21:12")

    def test_powershell_type_line_cloudwatch_timestamps_and_json_messages_in_csv(self) -> None:
        typed = '#TYPE Selected.System.Diagnostics.Eventing.Reader.EventLogRecord\n"TimeCreated","Message"\n'
        typed += '"11/26/2026 11:40:55 PM","The Checkout Worker service terminated unexpectedly."\n'
        assert texts(parse_timeline_text(typed, doc_zone="UTC")) == [
            "The Checkout Worker service terminated unexpectedly."
        ]
        insights = '@timestamp,@message\n2026-11-27 04:39:42.101,"{""level"":""warn"",""msg"":""breaker open""}"\n'
        result = parse_timeline_text(insights, doc_zone="America/New_York")
        assert (at_utc(result), texts(result)) == (
            [datetime(2026, 11, 27, 4, 39, 42, tzinfo=UTC)],
            ["WARN breaker open"],
        )
        assert result.notes == ["@timestamp read as UTC, as CloudWatch writes it (give --tz if it is not)"]
        given = parse_timeline_text(insights, doc_zone="America/New_York", tz="Europe/Berlin")
        assert at_utc(given) == [datetime(2026, 11, 27, 3, 39, 42, tzinfo=UTC)] and given.notes == []


def test_a_slack_desktop_copy_reads_each_message_with_its_author_and_pm() -> None:
    result = real("slack-desktop-copy.txt")
    assert [(e.time.strftime("%d %H:%M"), e.source.split(" @")[1], e.text[:22]) for e in result.events] == [
        ("26 23:41", "Dana Whitfield", "@here checkout is thro"),
        ("26 23:42", "Sam Okafor", "on it"),
        ("26 23:44", "Sam Okafor", "looks like it started "),  # '11:44' under '11:42 PM': PM too
        ("26 23:52", "Priya Raman", "status page posted: in"),
        ("26 23:58", "Dana Whitfield", "rolling back to v4.11."),
        ("27 00:04", "Sam Okafor", "rollback complete, 5xx"),
        ("27 00:40", "Dana Whitfield", "resolved, closing the "),
    ]
    assert result.events[4].text == "rolling back to v4.11.3"  # '3 replies', 'Last reply …' are not words of it
    assert sorted({s.reason.split(" (")[0] for s in result.skipped}) == [
        "a reaction",
        "a reaction count",
        "a thread summary",
    ]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("=== Mittwoch, 25. November 2026 ===", "Donnerstag, 26. November 2026"),
        ("miércoles, 25 de noviembre de 2026", "jueves, 26 de noviembre de 2026"),
        ("mercredi 25 novembre 2026", "jeudi 26 novembre 2026"),
    ],
)
def test_date_headings_in_german_spanish_and_french(first: str, second: str) -> None:
    text = f"{first}\n14:05 Uhr – Deployment v2.9.0\n{second}\n23:40 Alarm\n"
    result = parse_timeline_text(text, doc_zone="UTC")
    assert [e.time.strftime("%m-%d %H:%M") for e in result.events] == ["11-25 14:05", "11-26 23:40"]
    assert texts(result) == ["Deployment v2.9.0", "Alarm"]  # 'Uhr –' belongs to the time


def test_github_actions_markers_and_kubectl_event_ages() -> None:
    log = (
        "2026-11-27T04:30:01.1234567Z ##[group]Run ./deploy.sh v4.12.0\n"
        "2026-11-27T04:30:01.2234567Z ./deploy.sh v4.12.0\n"
        "2026-11-27T04:30:09.0000000Z ##[endgroup]\n"
        "2026-11-27T04:31:47.0000000Z deployment rolled out\n"
    )
    result = parse_timeline_text(log, doc_zone="UTC")
    assert texts(result) == ["Run ./deploy.sh v4.12.0", "./deploy.sh v4.12.0", "deployment rolled out"]
    assert [s.where for s in result.skipped] == ["line 3"]
    table = "LAST SEEN   TYPE      REASON      OBJECT      MESSAGE\n"
    table += "14m         Warning   Unhealthy   pod/api-1   Readiness probe failed\n"
    with pytest.raises(TimelineImportError, match=r"kubectl get events -o json"):
        parse_timeline_text(table, doc_zone="UTC")
    wide = "LAST SEEN   TYPE      REASON      OBJECT      SUBOBJECT   SOURCE    MESSAGE   FIRST SEEN   COUNT   NAME\n"
    wide += "14m         Warning   Unhealthy   pod/api-1               kubelet   Readiness probe failed   20m   3   x\n"
    with pytest.raises(TimelineImportError, match=r"kubectl get events -o json"):  # -o wide: the same advice
        parse_timeline_text(wide, doc_zone="UTC")


class TestSecondReview:
    """A reviewer's cases against the readers added after the second trial."""

    def test_slack_grouped_times_take_the_half_of_the_day_that_comes_next(self) -> None:
        noon = parse("Dana Whitfield  11:56 AM\nhello\n12:03\nmore\nBob Lee  12:10 PM\nok\n", doc_zone="UTC")
        assert [e.time.strftime("%d %H:%M") for e in noon.events] == ["02 11:56", "02 12:03", "02 12:10"]
        night = parse("Dana Whitfield  11:52 PM\nhello\n12:04\nmore\nBob Lee  12:10 AM\nok\n", doc_zone="UTC")
        assert [e.time.strftime("%d %H:%M") for e in night.events] == ["02 23:52", "03 00:04", "03 00:10"]

    def test_a_transcript_with_minutes_into_the_recording_is_refused(self) -> None:
        with pytest.raises(TimelineImportError, match="a meeting transcript"):
            parse("Dana Whitfield   0:03\nlet's start\nSam Okafor   0:41\nseeing 500s\n")

    def test_notes_keep_lines_that_only_look_like_chat_headers_tickets_and_pasted_blocks(self) -> None:
        notes = parse("23:38 alert fired\nStatus Page  23:40\n23:41 ET-4211 opened\n")
        assert texts(notes) == ["alert fired\nStatus Page  23:40", "ET-4211 opened"]
        pasted = parse(
            "LAST SEEN   TYPE      REASON      OBJECT      MESSAGE\n14m  Warning  Unhealthy  pod/a  probe failed\n\n"
            "23:41 paged Dana\n00:00:03,120 --> 00:00:07,450\n23:45 rolled back\n"
        )
        assert texts(pasted) == ["paged Dana", "rolled back"]
        assert "a transcript cue" in str(pasted.skipped[-1])

    def test_an_ordinary_day_of_notes_gets_no_rollover_note(self) -> None:
        assert parse("08:00 standup, error budget alert\n21:00 second spike\n").notes == []

    def test_json_edge_cases(self) -> None:
        payload = {
            "status": "firing",
            "alerts": [{"status": "firing", "labels": {"alertname": "A"}, "startsAt": "2026-11-27T04:39:12Z"}],
        }
        assert texts(parse_timeline_text(json.dumps(payload), doc_zone="UTC")) == ["[FIRING] A"]  # one payload alone
        huge = '[{"alerts":[{"startsAt":' + "9" * 400 + "}]}]"
        with pytest.raises(TimelineImportError):
            parse_timeline_text(huge, doc_zone="UTC", fmt="json")
        both = {"data": [], "events": [{"time": "2026-11-27T04:39:12Z", "msg": "x"}]}
        assert texts(parse_timeline_text(json.dumps(both), doc_zone="UTC")) == ["x"]
        line = '{"time":"2026-11-27T04:39:12Z","msg":"x"}'
        assert texts(parse_timeline_text(f"{line}\n{line}\n", doc_zone="UTC", fmt="jsonl")) == ["x"]  # the old name

    def test_csv_json_that_is_not_a_log_line_stays_as_written_and_gha_errors_keep_their_level(self) -> None:
        csv_text = 'time,message\n2026-11-26 23:41,"{""event"":""deploy"",""version"":""v2.3.1""}"\n'
        assert texts(parse_timeline_text(csv_text, doc_zone="UTC")) == ['{"event":"deploy","version":"v2.3.1"}']
        gha = "2026-11-27T04:30:01Z ##[error]Process completed with exit code 1.\n2026-11-27T04:30:02Z done\n"
        assert texts(parse_timeline_text(gha, doc_zone="UTC"))[0] == "ERROR Process completed with exit code 1."

    def test_a_month_name_matched_only_by_case_folding_is_no_date(self) -> None:
        result = parse("Thu 26 ſep 2026\n23:41 paged\n")
        assert texts(result) == ["paged"]


class TestHeadedMessages:
    """Messages under a header that names their author and time: Jira comments, e-mail threads."""

    def test_jira_comment_history(self) -> None:
        result = real("jira-comments.txt", anchor=None)
        assert [(e.time.strftime("%d %H:%M"), e.source.split(" @")[1]) for e in result.events] == [
            ("26 23:44", "Dana Whitfield"),
            ("26 23:52", "Sam Okafor"),
            ("27 00:06", "Dana Whitfield"),
            ("27 00:15", "Priya Raman"),
            ("27 00:41", "Sam Okafor"),
        ]
        assert "kubectl -n shop rollout undo deploy/checkout-api" in result.events[1].text  # a blank line inside

    def test_an_email_thread_with_quoted_replies(self) -> None:
        result = real("email-thread.txt", anchor=None)
        assert [
            (e.time.strftime("%d %H:%M"), e.source.split(" @")[1], e.text.split("\n")[0][:30]) for e in result.events
        ] == [
            ("26 23:41", "Dana Whitfield", "Paged for checkout 5xx (8%). L"),
            ("27 00:06", "Dana Whitfield", "Rollback finished at 00:04, er"),
            ("27 00:48", "Sam Okafor", "Resolved at 00:40. I'll write "),
        ]

    def test_notes_with_date_and_sent_lines_are_not_an_email(self) -> None:
        result = parse("Date: 2026-11-26\n23:41 paged\nSent: comms at 23:45\n23:50 ok\n")
        assert texts(result) == ["paged\nSent: comms at 23:45", "ok"]


def test_french_times_with_h() -> None:
    result = real("notes-fr.txt", anchor=None, doc_zone="Europe/Paris")
    assert [e.time.astimezone(ZoneInfo("Europe/Paris")).strftime("%d %H:%M") for e in result.events][:2] == [
        "26 23:40",
        "26 23:43",
    ]
    assert texts(result)[1] == "Julien prend l'astreinte, ouvre le pont"
    assert texts(parse("2h30 de panne au total\n23:41 alerte\n")) == ["alerte"]  # one line with h: not French times


def test_mattermost_bulk_export_reads_replies_names_and_skips_system_posts() -> None:
    """Mattermost's bulk export (JSON Lines of {"type": ..., "<type>": {...}}): a post's replies are events at
    their own times, user records give full names, join messages are noise, and the team, channel and user
    records are said to be what they are (not 'no time field')."""
    result = parse_timeline(FIXTURES / "mattermost-bulk-export.jsonl", doc_zone="UTC")
    assert result.format == "json"
    assert [(e.time.strftime("%H:%M:%S"), e.text, e.source) for e in result.events] == [
        (
            "22:08:00",
            "checkout is throwing 502s on prod &amp; <b>nobody</b> paged?",
            "mattermost-bulk-export.jsonl:7 @Dana Whitfield",
        ),
        ("22:09:00", "↳ yes, the 5xx monitor is **firing**", "mattermost-bulk-export.jsonl:7 @sam"),
        ("22:11:00", "↳ PagerDuty paged me, on it", "mattermost-bulk-export.jsonl:7 @Dana Whitfield"),
        ("23:00:00", "rolled back to v4.11.3", "mattermost-bulk-export.jsonl:8 @sam"),
    ]
    reasons = {s.where: s.reason for s in result.skipped}
    assert reasons["line 1"] == "Mattermost's version record, not a message"
    assert reasons["line 4"] == "Mattermost's user record, not a message"
    assert reasons["line 6"].startswith("a Mattermost system message (join channel)")
    kept = parse_timeline(FIXTURES / "mattermost-bulk-export.jsonl", doc_zone="UTC", include_noise=True)
    assert "dana joined the channel." in texts(kept)


def test_a_dot_between_hours_and_minutes_is_a_time_only_before_am_pm() -> None:
    """'11.58pm rollback started' (notes typed on a phone) is a time; '11.58 GB freed' is not, and stays the
    text of the event above it."""
    result = parse_timeline_text(
        "11:52pm decided: rollback\n11.58pm  rollback started\n12.03 A.M. done\n11.58 GB freed\n",
        anchor=date(2026, 11, 20),
        doc_zone="UTC",
    )
    assert [(e.time.strftime("%d %H:%M"), e.text) for e in result.events] == [
        ("20 23:52", "decided: rollback"),
        ("20 23:58", "rollback started"),
        ("21 00:03", "done\n11.58 GB freed"),
    ]


def test_times_that_a_change_of_the_clocks_makes_odd_are_noted() -> None:
    """02:30 on the night the clocks go forward does not exist in Berlin: read as 03:30 CEST, and said so;
    02:20 on the night they go back happens twice: read as the first, and said so."""
    forward = parse_timeline_text(
        "01:58 paged\n02:30 looking into it\n03:20 resolved\n", anchor=date(2026, 3, 29), doc_zone="Europe/Berlin"
    )
    looking = by_text(forward, "looking into it")
    assert looking.time.strftime("%H:%M %Z") == "03:30 CEST"  # stored as a time that exists
    assert looking.time.astimezone(UTC) == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert forward.notes == [
        "line 2: 02:30 does not exist in Europe/Berlin on 2026-03-29 (the clocks went forward): read as 03:30 CEST; "
        "give it a zone or fix the time if that is wrong"
    ]
    back = parse_timeline_text("01:50 alert\n02:20 paged\n", anchor=date(2026, 10, 25), doc_zone="Europe/Berlin")
    assert by_text(back, "paged").time.utcoffset() == timedelta(hours=2)
    assert back.notes == [
        "line 2: 02:20 happened twice in Europe/Berlin on 2026-10-25 (the clocks went back): read as the first, "
        "02:20 CEST; give it a zone if it was the second"
    ]
    plain = parse_timeline_text("01:58 paged\n02:30 looking\n", anchor=date(2026, 3, 28), doc_zone="Europe/Berlin")
    assert plain.notes == []  # the night before: nothing odd


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "teams-copy-no-date.txt",
            [
                ("20 23:24", "checkout is throwing 502s for me on prod, anyone else seeing this?", "Dana Whitfield"),
                ("20 23:25", "yep. the 5xx monitor is firing, 5xx at ~30%", "Sam Okafor"),
                ("20 23:27", "PagerDuty just paged me too, on it", "Dana Whitfield"),
                ("20 23:47", "found it: pods are OOMKilled since v4.12.0 <LRU> & co", "Dana Whitfield"),
                ("21 00:06", "all pods Ready, 5xx back under 0.5%", "Dana Whitfield"),
            ],
        ),
        (
            "teams-new-copy.txt",
            [
                ("20 23:24", "checkout is throwing 502s for me on prod, anyone else seeing this?", "Dana Whitfield"),
                ("20 23:25", "yep. the 5xx monitor is firing", "Sam Okafor"),
                ("21 00:06", "all pods Ready, 5xx back under 0.5%", "Dana Whitfield"),
            ],
        ),
    ],
)
def test_teams_copies_without_a_date_or_with_one_space_and_their_noise(name: str, expected: list) -> None:
    """Classic Teams without the date ('[11:24 PM] Dana Whitfield'), the new Teams ('Dana Whitfield 11:24 PM',
    one space): the author is the source, and 'Edited', reactions ('👍 2') and joins are noise, not text."""
    result = parse_timeline(FIXTURES / name, anchor=date(2026, 11, 20), doc_zone="America/New_York")
    assert [(e.time.strftime("%d %H:%M"), e.text, e.source.split(" @", 1)[1]) for e in result.events] == expected
    assert all("noise" in s.reason for s in result.skipped)
    kept = parse_timeline(FIXTURES / name, anchor=date(2026, 11, 20), doc_zone="America/New_York", include_noise=True)
    assert any("Edited" in e.text for e in kept.events)


def test_gitlab_job_log_streams_and_section_markers_are_not_text_and_lines_count_as_an_editor_does() -> None:
    """GitLab 17's stamped job log: the '00O ' stream goes, a section marker goes with the carriage return after
    it (the marker alone on its line is noise), and a bare carriage return does not start a new line."""
    text = (
        "2026-11-21T04:58:00.123456Z 00O \x1b[0KRunning with gitlab-runner 17.5.1\x1b[0;m\n"
        "2026-11-21T04:58:04.123456Z 00O section_start:1795237084:step_script[collapsed=true]\r\x1b[0K"
        'Executing "step_script" stage\n'
        "2026-11-21T04:58:05.123456Z 00E $ kubectl rollout undo deploy/checkout-api\n"
        "2026-11-21T05:06:02.123456Z 00O section_end:1795237562:step_script\r\x1b[0K\n"
        "2026-11-21T05:06:03.123456Z 00O Job succeeded\n"
    )
    result = parse_timeline_text(text, doc_zone="UTC")
    assert texts(result) == [
        "Running with gitlab-runner 17.5.1",
        'Executing "step_script" stage',
        "$ kubectl rollout undo deploy/checkout-api",
        "Job succeeded",
    ]
    assert [s.where for s in result.skipped] == ["line 4"]
    assert result.events[-1].source == "<input>:5"
    mac = parse_timeline_text("23:41 paged\r23:45 rolled back\r", anchor=date(2026, 11, 26), doc_zone="UTC")
    assert texts(mac) == ["paged", "rolled back"]  # classic Mac OS line ends: the only ones, so lines


def test_weechat_logs_name_the_nick_and_skip_joins_topics_and_modes() -> None:
    text = (
        '2026-11-21 04:21:07\t--\tTopic for #inc-8812 is "checkout 5xx"\n'
        "2026-11-21 04:24:01\tdana\tcheckout is throwing 502s on prod, <anyone> else?\n"
        "2026-11-21 04:25:30\t-->\tpriya (~priya@10.0.3.17) has joined #inc-8812\n"
        "2026-11-21 04:27:44\t *\tdana ack'd the page\n"
        "2026-11-21 04:35:02\t@sam\tdeclaring SEV2\n"
        "2026-11-21 04:36:00\tERROR\tpool exhausted\n"
    )
    result = parse_timeline_text(text, doc_zone="UTC")
    assert [(e.text, e.source) for e in result.events] == [
        ("checkout is throwing 502s on prod, <anyone> else?", "<input>:2 @dana"),
        ("dana ack'd the page", "<input>:4 @dana"),
        ("declaring SEV2", "<input>:5 @sam"),
        ("ERROR\tpool exhausted", "<input>:6"),  # a level, not a nick
    ]
    assert [s.where for s in result.skipped] == ["line 1", "line 3"]
    kept = parse_timeline_text(text, doc_zone="UTC", include_noise=True)
    assert 'Topic for #inc-8812 is "checkout 5xx"' in texts(kept)


def test_an_ios_whatsapp_export_with_its_invisible_marks() -> None:
    """iOS puts a left-to-right mark before the lines WhatsApp wrote itself (notices, attachments, deletions) and
    before their text: those lines are still lines of their own, skipped with their reasons, never glued into the
    message above; the marks are not kept in any text."""
    result = parse_timeline(FIXTURES / "whatsapp-ios.txt", doc_zone="Europe/London")
    assert [(e.time.strftime("%d %H:%M:%S"), e.text.splitlines()[0], e.source) for e in result.events] == [
        ("26 23:42:48", "Checkout throwing 500s, paged by Datadog. On it", "whatsapp-ios.txt:3 @Dana Whitfield"),
        ("26 23:44:31", "Joining the bridge. Who has the laptop?", "whatsapp-ios.txt:5 @Sam Okafor"),
        ("26 23:44:50", "me", "whatsapp-ios.txt:6 @Dana Whitfield"),
        ("26 23:53:02", "Pool exhausted on the DB side:", "whatsapp-ios.txt:8 @Dana Whitfield"),
        ("26 23:56:15", "OK roll back 👍", "whatsapp-ios.txt:11 @Sam Okafor"),
        ("27 00:04:38", "Rollback done, 5xx back to 0.3%", "whatsapp-ios.txt:13 @Dana Whitfield"),
        ("27 00:52:18", "Resolved. Thanks Dana 🙏", "whatsapp-ios.txt:15 @Sam Okafor"),
    ]
    assert not any("\u200e" in e.text for e in result.events)
    reasons = {s.where: s.reason for s in result.skipped}
    assert reasons["line 1"].startswith("WhatsApp's note on end-to-end encryption")
    assert reasons["line 7"].startswith("a media file left out of the export ('<attached: ")
    assert reasons["line 12"] == "deleted message"
    assert "group notice" in reasons["line 4"] and "group notice" in reasons["line 16"]


class TestAReviewersCases:
    """What an adversarial review of the chat, log and clock readers found, kept working."""

    def test_chat_lines_that_look_like_noise_but_are_messages(self) -> None:
        for body in ("+1", "$400", "I added the runbook link to the chat.", "The CTO joined the meeting."):
            teams = parse_timeline_text(f"[11:25 PM] Sam Okafor\n{body}\n", anchor=NOV26, doc_zone="UTC")
            assert [(e.text, e.source) for e in teams.events] == [(body, "<input>:1 @Sam Okafor")], body
            slack = parse_timeline_text(
                f"Sam Okafor  11:25 PM\n{body}\nDana Whitfield  11:26 PM\nok\n", anchor=NOV26, doc_zone="UTC"
            )
            assert texts(slack)[0] == body, body

    def test_a_bracketed_heading_without_a_date_is_not_a_sender(self) -> None:
        result = parse_timeline_text("[23:40] Incident Declared\nDana took IC, Sam scribe\n", anchor=NOV26)
        assert texts(result) == ["Incident Declared\nDana took IC, Sam scribe"]

    def test_notes_with_the_time_at_the_end_are_not_a_chat_copy(self) -> None:
        text = "Alert Fired 11:24 PM\nDana paged\nIncident Declared 11:30 PM\nDana took IC\n"
        with pytest.raises(TimelineImportError, match="no events found"):  # honest: no line starts with a time
            parse_timeline_text(text, anchor=NOV26, doc_zone="UTC")

    def test_carriage_returns_as_line_ends_with_a_trailing_newline(self) -> None:
        result = parse_timeline_text("10:00 a\r10:01 b\r10:02 c\n", anchor=NOV26, doc_zone="UTC")
        assert texts(result) == ["a", "b", "c"]

    def test_a_log_record_whose_type_is_user_is_not_mattermosts(self) -> None:
        lines = [
            {"type": "user", "time": "2026-11-26T10:00:00Z", "message": "user dana logged in"},
            {"type": "channel", "time": "2026-11-26T10:01:00Z", "message": "channel created"},
        ]
        result = parse_timeline_text("\n".join(json.dumps(line) for line in lines), doc_zone="UTC")
        assert texts(result) == ["user dana logged in", "channel created"]

    def test_gitlab_continuation_and_a_counter_in_brackets(self) -> None:
        text = "2026-11-21T04:58:06.1Z 00O+continued output\n[2/3] 2026-11-21T04:58:07Z migrating\n"
        result = parse_timeline_text(text, doc_zone="UTC")
        assert texts(result)[0].startswith("continued output")
        assert all("@2/3" not in e.source for e in result.events)

    def test_a_pasted_table_with_tabs_is_not_a_weechat_log(self) -> None:
        result = parse_timeline_text("23:52\tMitigation\trolled back\n", anchor=NOV26, doc_zone="UTC")
        assert result.events[0].source == "<input>:1" and "Mitigation" in result.events[0].text

    def test_clock_changes_are_noted_for_csv_too_and_not_for_a_time_with_its_zone(self) -> None:
        csv = parse_timeline_text("time,text\n2026-03-29 02:30,looking\n", doc_zone="Europe/Berlin", fmt="csv")
        assert csv.events[0].time.strftime("%H:%M %Z") == "03:30 CEST"
        assert any("does not exist" in note for note in csv.notes)
        zoned = parse_timeline_text("02:30 Europe/Berlin x\n", anchor=date(2026, 10, 25), doc_zone="UTC")
        assert not any("twice" in note for note in zoned.notes)


def test_a_markdown_write_up_with_a_timeline_table() -> None:
    """A past write-up: the rows of its Timeline table whose first cell is a time are the events (the other
    cells their text, kept literally), the '**Date:**' line gives their date; other tables' rows and the
    separator rows are skipped with their reasons."""
    result = parse_timeline(FIXTURES / "write-up.md", doc_zone="UTC")
    assert result.format == "text"
    assert len(result.events) == 10
    assert (result.events[0].time, result.events[0].text) == (
        datetime(2026, 11, 26, 23, 32, tzinfo=UTC),
        "`checkout-api` v4.12.0 deployed (CHG0034512)",
    )
    assert result.events[-1].time == datetime(2026, 11, 27, 0, 52, tzinfo=UTC)  # past midnight: the next day
    reasons = {s.where: s.reason for s in result.skipped}
    assert reasons["line 16"] == "a table row without a time in its first cell"  # the header
    assert reasons["line 17"] == "a table's separator row"
    table_only = parse_timeline_text("| Time | Event |\n|---|---|\n| 23:32 | deployed |\n", anchor=NOV26)
    assert texts(table_only) == ["deployed"]
    assert [s.reason for s in table_only.skipped] == ["a table's separator row"]


def test_a_markdown_table_header_gives_the_zone_of_its_bare_times() -> None:
    """'| Time (UTC) |' in a write-up read in Europe/Berlin: its times are UTC; a time with its own zone keeps it,
    and a table whose header names none reads in the document's zone."""
    text = (
        "# Checkout outage\n\n## Timeline\n\n| Time (UTC) | Event |\n|---|---|\n| 23:32 | deployed |\n"
        "| 2024-11-26 23:40 | errors |\n| 00:10 CET | rolled back |\n\n## Notes\n\n"
        "| Time | Note |\n|---|---|\n| 23:50 | local |\n"
    )
    result = parse_timeline_text(text, anchor=NOV26, doc_zone="Europe/Berlin")
    assert result.format == "text"
    assert [(e.time.astimezone(UTC).strftime("%d %H:%M"), e.text) for e in result.events] == [
        ("26 22:50", "local"),
        ("26 23:10", "rolled back"),
        ("26 23:32", "deployed"),
        ("26 23:40", "errors"),
    ]


def test_python_logging_names_the_logger_and_puts_the_level_first() -> None:
    text = (
        "2026-11-26 23:38:01,002 - checkout.db - WARNING - pool at 20/20 - waiting\n"
        "2026-11-26 23:38:31,017 - checkout.api - ERROR - POST /api/checkout failed\n"
        "Traceback (most recent call last):\n"
        '  File "/srv/checkout/app/db.py", line 61, in get_conn\n'
        "2026-11-26 23:39:00,000 - deploy started - rollback - not a level\n"
    )
    result = parse_timeline_text(text, doc_zone="UTC")
    assert [(e.text.splitlines()[0], e.source) for e in result.events] == [
        ("WARNING pool at 20/20 - waiting", "<input>:1 @checkout.db"),
        ("ERROR POST /api/checkout failed", "<input>:2 @checkout.api"),
        ("deploy started - rollback - not a level", "<input>:5"),  # "rollback" is no level: left as written
    ]


class TestASecondReviewersCases:
    def test_a_table_indented_under_a_log_line_stays_its_text(self) -> None:
        text = (
            "2026-11-26 23:38:00 ERROR migration failed, locks held:\n"
            "    | pid  | relation | mode                |\n"
            "    |------|----------|---------------------|\n"
            "    | 4121 | orders   | AccessExclusiveLock |\n"
            "    see runbook RB-12\n"
        )
        result = parse_timeline_text(text, doc_zone="UTC")
        assert len(result.events) == 1 and result.events[0].text.endswith("see runbook RB-12")

    def test_a_result_row_without_a_separator_is_not_a_table(self) -> None:
        text = "2026-11-26 23:38:00 WARN slow query:\n| 2026-11-26 23:30:01 | 41.2 | SELECT 1 |\n"
        assert len(parse_timeline_text(text, doc_zone="UTC").events) == 1

    def test_only_a_date_label_sets_the_date(self) -> None:
        text = "**Date:** 2026-11-26\n**Updated:** 2026-12-02\n\n| Time | Event |\n|---|---|\n| 23:38 | errors |\n"
        assert parse_timeline_text(text, doc_zone="UTC").events[0].time.date() == date(2026, 11, 26)

    def test_notes_with_dashes_are_not_python_logging(self) -> None:
        result = parse_timeline_text("23:43 Rollback - Notice - posted to #ops\n", anchor=NOV26, doc_zone="UTC")
        assert (result.events[0].text, result.events[0].source) == ("Rollback - Notice - posted to #ops", "<input>:1")
