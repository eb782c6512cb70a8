"""Property-based: no input makes an importer fail with anything but a TimelineImportError."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmtui.io.timeline_import import (
    FORMATS,
    ImportResult,
    TimelineImportError,
    parse_timeline,
    parse_timeline_text,
)
from pmtui.model import PostMortem

settings.register_profile(
    "timeline-import",
    derandomize=True,
    deadline=None,
    max_examples=200,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SETTINGS = settings.get_profile("timeline-import")

ZONES = st.sampled_from([None, "UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Kiritimati"])
ANCHORS = st.sampled_from([None, date(2026, 3, 2), date(2026, 3, 29), date(1, 1, 1), date(9999, 12, 31)])
FMTS = st.sampled_from(FORMATS)

# Pieces that reach deep into the text parser: times, dates, zones, escapes, separators.
FRAGMENTS = st.sampled_from(
    [
        "23:27",
        "00:01:59",
        "23:59:60",
        "24:00",
        "9:05",
        "11:27 PM",
        "12:00 a.m.",
        "[14:05:33]",
        "2026-03-02T23:27:05Z",
        "2026-03-02 23:27:05+01:00",
        "2026-03-02 23:27:05.123456789",
        "2026-02-29 10:00",
        "0001-01-01 00:00",
        "9999-12-31 23:59:59",
        "9999-12-31",
        "02.03.2026 10:00",
        "31/12/2026 10:00",
        "Jan 31 23:27:01",
        "Feb 29 10:00:00",
        "Dec 31, 9999 23:59",
        "## 2026-03-03",
        " UTC",
        " GMT",
        " CET",
        " IST",
        "Z",
        "+14:00",
        "-12:00",
        "+99:99",
        " UTC+14",
        " Europe/Berlin",
        " America/Argentina",
        " Etc/../../x",
        "\x1b[31m",
        "\x1b]8;;http://x\x1b\\",
        "\x1b",
        "\x00",
        "\u202e",
        "\ud800",
        "\r",
        "\n",
        "\r\n",
        "\t",
        " - ",
        ": ",
        "- ",
        "* ",
        "[",
        "]",
        "<@U1>",
        "<!here>",
        "&amp;",
        ",",
        ";",
        "|",
        '"',
        "resolved",
        "rolled back",
        "status page",
        " ",
        # estimated times, chat and log layouts
        "~",
        "ca. ",
        "around ",
        "    ",
        "<alice> ",
        "<b>",
        "-!- ",
        "--- Day changed Tue Mar 03 2026",
        "--- Log opened Mon Feb 30 22:48:17 2026",
        "--- Log closed",
        "-- Boot 5f8e --",
        "-- Journal begins at Sun 2026-02-01 00:00:07 UTC. --",
        "From  Alice Chen  to  Everyone:",
        "From Carol to Bob(Direct Message)",
        "From Bob : ",
        "Reacted to ",
        "Traceback (most recent call last):",
        '10.0.0.1 - - [02/Mar/2026:22:49:58 +0000] "GET / HTTP/1.1" 503 2',
        '1.2.3.4 - u [31/Feb/0001:00:00:00 -9999] "\\"" - -',
        "02/Mar/26 10:51 PM",
        "31-Feb-99 12:00 AM",
        "%%%",
    ]
)
LINEY_TEXT = st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), max_size=40).map("".join)

JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.sampled_from(["1772490000.000100", "1e999", "-1e20", "nan", "2026-03-02T23:27:05Z", "2026-13-45", ""]),
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.text(max_size=8), children, max_size=4),
    ),
    max_leaves=20,
)
SLACK_KEYS = st.sampled_from(
    [
        "ts",
        "user",
        "text",
        "subtype",
        "thread_ts",
        "replies",
        "edited",
        "files",
        "attachments",
        "user_profile",
        "username",
        "bot_profile",
        "bot_id",
        "hidden",
    ]
)
SLACK_MESSAGE = st.dictionaries(SLACK_KEYS, st.one_of(JSON_VALUES, LINEY_TEXT), max_size=8)
PD_KEYS = st.sampled_from(["created_at", "type", "summary", "agent", "channel", "incident", "html_url", "id"])
PD_TYPES = st.sampled_from(
    [
        "trigger_log_entry",
        "acknowledge_log_entry",
        "resolve_log_entry",
        "annotate_log_entry",
        "notify_log_entry",
        "escalate_log_entry",
        "annotate_log_entry_reference",
        "x_log_entry",
    ]
)
PD_ENTRY = st.builds(
    lambda extra, kind, when: {**extra, "type": kind, "created_at": when},
    st.dictionaries(PD_KEYS, JSON_VALUES, max_size=5),
    st.one_of(PD_TYPES, JSON_SCALARS),
    st.one_of(
        st.sampled_from(["2026-03-02T23:27:05Z", "2026-03-02T23:27:05", "0001-01-01T00:00:00+14:00"]), JSON_SCALARS
    ),
)
JSON_DOCS = st.one_of(
    JSON_VALUES,
    st.lists(SLACK_MESSAGE, max_size=6),
    st.fixed_dictionaries({"messages": st.lists(SLACK_MESSAGE, max_size=4)}),
    st.lists(PD_ENTRY, max_size=6),
    st.fixed_dictionaries({"log_entries": st.lists(st.one_of(PD_ENTRY, JSON_VALUES), max_size=6)}),
)
HEADERS = st.sampled_from(
    [
        "time",
        "Time (UTC)",
        "timestamp",
        "date",
        "created_at",
        "text",
        "title",
        "Summary",
        "message",
        "description",
        "kind",
        "type",
        "who",
        "link",
        "tz",
        "x",
        "",
    ]
)
CELLS = st.one_of(FRAGMENTS, st.text(max_size=10), st.sampled_from(["1772490000", "1772490000000", "13/13/2026"]))


@st.composite
def csv_documents(draw: st.DrawFn) -> str:
    header = draw(st.lists(HEADERS, min_size=1, max_size=6))
    rows = draw(st.lists(st.lists(CELLS, max_size=len(header) + 1), max_size=8))
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    for row in rows:
        writer.writerow([cell.replace("\x00", "") for cell in row])
    return out.getvalue()


def check(result: ImportResult) -> None:
    """What every successful import promises."""
    assert result.events or result.filtered
    times = [e.time for e in result.events]
    assert all(t is not None and t.tzinfo is not None for t in times)
    assert times == sorted(times)
    for event in result.events:
        assert event.text and event.text == event.text.strip()
        assert not any(ch in event.text for ch in "\x00\x1b\x07\r\u202e")
        assert event.time.microsecond == 0
    # the events fit a document that survives a JSON round trip
    pm = PostMortem(timeline=result.events)
    PostMortem.model_validate_json(pm.model_dump_json())
    assert isinstance(result.summary(), str) and "\n" not in result.summary()
    for skipped in result.skipped:
        assert skipped.where and skipped.reason


def attempt(text: str, fmt: str, **kwargs: object) -> None:
    try:
        result = parse_timeline_text(text, fmt, **kwargs)  # type: ignore[arg-type]
    except TimelineImportError as error:
        message = str(error)
        assert message and "\n" not in message
        return
    check(result)


@SETTINGS
@given(text=st.text(max_size=300), fmt=FMTS, tz=ZONES, anchor=ANCHORS)
def test_random_text(text: str, fmt: str, tz: str | None, anchor: date | None) -> None:
    attempt(text, fmt, tz=tz, anchor=anchor)


@SETTINGS
@given(text=LINEY_TEXT, fmt=st.sampled_from(["auto", "text", "csv"]), tz=ZONES, anchor=ANCHORS)
def test_time_like_text(text: str, fmt: str, tz: str | None, anchor: date | None) -> None:
    attempt(text, fmt, tz=tz, anchor=anchor, doc_zone="Europe/Berlin")


@SETTINGS
@given(data=st.binary(max_size=300), fmt=FMTS, encoding=st.sampled_from(["utf-8", "latin-1", "utf-16"]))
def test_random_bytes(data: bytes, fmt: str, encoding: str) -> None:
    attempt(data.decode(encoding, errors="replace"), fmt, anchor=date(2026, 3, 2))


@SETTINGS
@given(doc=JSON_DOCS, fmt=st.sampled_from(["auto", "slack", "pagerduty", "text", "csv"]), noise=st.booleans())
def test_random_json(doc: object, fmt: str, noise: bool) -> None:
    attempt(json.dumps(doc), fmt, include_noise=noise, doc_zone="Asia/Kolkata")


@SETTINGS
@given(text=csv_documents(), fmt=st.sampled_from(["auto", "csv"]), anchor=ANCHORS)
def test_random_csv(text: str, fmt: str, anchor: date | None) -> None:
    attempt(text, fmt, anchor=anchor)


@SETTINGS
@given(
    text=LINEY_TEXT,
    since=st.one_of(st.none(), st.datetimes(timezones=st.just(UTC))),
    until=st.one_of(st.none(), st.datetimes(timezones=st.just(UTC))),
)
def test_random_filters(text: str, since: datetime | None, until: datetime | None) -> None:
    attempt(text, "auto", since=since, until=until, anchor=date(2026, 3, 2))


@settings(SETTINGS, max_examples=40)
@given(days=st.dictionaries(st.sampled_from(["2026-03-02.json", "2026-03-03.json", "users.json"]), JSON_DOCS))
def test_random_slack_folder(days: dict[str, object]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "incident"
        folder.mkdir()
        for name, doc in days.items():
            (folder / name).write_text(json.dumps(doc))
        try:
            result = parse_timeline(folder)
        except TimelineImportError as error:
            assert str(error)
            return
        check(result)
