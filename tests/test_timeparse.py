"""What people type for times and due dates."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from pmtui.timeparse import TimeParseError, parse_due, parse_time

BERLIN = ZoneInfo("Europe/Berlin")
DAY = date(2026, 3, 2)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14:05", datetime(2026, 3, 2, 14, 5, tzinfo=BERLIN)),
        ("2026-03-01 23:27", datetime(2026, 3, 1, 23, 27, tzinfo=BERLIN)),
        ("23:27 UTC", datetime(2026, 3, 2, 23, 27, tzinfo=ZoneInfo("UTC"))),
        ("23:27 America/New_York", datetime(2026, 3, 2, 23, 27, tzinfo=ZoneInfo("America/New_York"))),
        ("2026-03-02T23:27+01:00", datetime(2026, 3, 2, 22, 27, tzinfo=ZoneInfo("UTC"))),
    ],
)
def test_times_in_the_usual_forms(text: str, expected: datetime) -> None:
    assert parse_time(text, zone="Europe/Berlin", anchor=DAY) == expected


@pytest.mark.parametrize("text", ["0", "09", "9 30", "2026", "0930"])
def test_a_bare_number_is_not_yet_a_time(text: str) -> None:
    """dateutil reads "09" as the 9th of the month: typing "09:30" into Started must not move the
    incident to the 9th on the way."""
    with pytest.raises(TimeParseError, match="not a time yet"):
        parse_time(text, zone="UTC", anchor=DAY)


@pytest.mark.parametrize("text", ["9999-12-31 23:59", "0001-01-01 00:00", "2300-01-01 10:00"])
def test_a_year_far_out_is_a_slip(text: str) -> None:
    with pytest.raises(TimeParseError, match="looks like a slip"):
        parse_time(text, zone="UTC", anchor=DAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+2w", date(2026, 3, 16)),
        ("+10d", date(2026, 3, 12)),
        ("+1m", date(2026, 4, 2)),
        ("2026-12-15", date(2026, 12, 15)),
    ],
)
def test_due_dates(text: str, expected: date) -> None:
    assert parse_due(text, today=DAY) == expected


@pytest.mark.parametrize("text", ["+8000y", "+9999y", "9999-12-31", "+500y"])
def test_a_due_date_far_ahead_is_refused_not_a_crash(text: str) -> None:
    with pytest.raises(TimeParseError):
        parse_due(text, today=DAY)
