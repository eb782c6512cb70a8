"""Parsing what people type for times and due dates. Pure; no I/O, no Textual."""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from dateutil import parser as date_parser
from dateutil.relativedelta import relativedelta

_UTC_NAMES = {"UTC": 0, "Z": 0, "GMT": 0}
_RELATIVE = re.compile(r"^\+\s*(\d{1,4})\s*([dwmy])$", re.IGNORECASE)
_ZONE_SUFFIX = re.compile(r"\s+([A-Za-z]+/[A-Za-z_+\-/0-9]+)$")
_DIGITS_ONLY = re.compile(r"^[\d\s]+$")
# Years outside this range are typing slips (or would overflow date arithmetic later on).
FIRST_YEAR, LAST_YEAR = 1970, 2199


class TimeParseError(ValueError):
    """Text that is not a time or date pmtui understands; the message says what would be."""


def parse_time(text: str, *, zone: str = "UTC", anchor: date | None = None) -> datetime:
    """'14:05', '2026-03-02 23:27', '23:27 UTC', '2026-03-02T23:27+01:00', '23:27 Europe/Berlin'.

    A time without a date is anchored to `anchor` (the incident's date); one without a zone is
    read in `zone`. Returns an aware datetime.
    """
    cleaned = text.strip()
    if not cleaned:
        raise TimeParseError("empty time")
    local_zone: tzinfo = ZoneInfo(zone)
    match = _ZONE_SUFFIX.search(cleaned)
    if match:
        try:
            local_zone = ZoneInfo(match.group(1))
        except (KeyError, ValueError):
            raise TimeParseError(f"unknown time zone {match.group(1)!r}") from None
        cleaned = cleaned[: match.start()].strip()
    if _DIGITS_ONLY.match(cleaned):
        # dateutil would read "09" as the 9th of the month: a time half typed must not move the date
        raise TimeParseError(f"{text.strip()!r} is not a time yet; try 09:30, 2026-03-02 23:27 or 23:27 UTC")
    base_day = anchor or datetime.now(local_zone).date()
    default = datetime(base_day.year, base_day.month, base_day.day)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", date_parser.UnknownTimezoneWarning)
            parsed = date_parser.parse(cleaned, default=default, tzinfos=_UTC_NAMES)
    except date_parser.UnknownTimezoneWarning:
        raise TimeParseError(
            f"{text.strip()!r}: zone abbreviations are ambiguous; give UTC, +01:00 or a name like Europe/Berlin"
        ) from None
    except (ValueError, OverflowError) as error:
        reason = str(error)
        if "timezone" in reason.lower() or "tzname" in reason.lower():
            raise TimeParseError(
                f"{text.strip()!r}: give the zone as UTC, +01:00 or a name like Europe/Berlin"
            ) from None
        raise TimeParseError(f"{text.strip()!r} is not a time; try 14:05, 2026-03-02 23:27 or 23:27 UTC") from None
    except Exception:  # dateutil raises assorted errors on odd input
        raise TimeParseError(f"{text.strip()!r} is not a time; try 14:05, 2026-03-02 23:27 or 23:27 UTC") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=local_zone)
    _check_year(parsed.year, text)
    return parsed


def _check_year(year: int, text: str) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise TimeParseError(f"{text.strip()!r}: the year {year} looks like a slip (give {FIRST_YEAR} to {LAST_YEAR})")


def parse_due(text: str, *, today: date) -> date:
    """'2026-12-15', '+2w', '+10d', '+1m', 'today', 'tomorrow'."""
    cleaned = text.strip().lower()
    if not cleaned:
        raise TimeParseError("empty date")
    if cleaned == "today":
        return today
    if cleaned == "tomorrow":
        return today + timedelta(days=1)
    match = _RELATIVE.match(cleaned)
    if match:
        count, unit = int(match.group(1)), match.group(2).lower()
        step = {
            "d": relativedelta(days=count),
            "w": relativedelta(weeks=count),
            "m": relativedelta(months=count),
            "y": relativedelta(years=count),
        }[unit]
        try:
            due = today + step
        except (OverflowError, ValueError):
            raise TimeParseError(f"{text.strip()!r} is too far ahead for a due date") from None
        _check_year(due.year, text)
        return due
    try:
        due = date.fromisoformat(cleaned)
    except ValueError:
        try:
            due = date_parser.parse(cleaned, default=datetime(today.year, today.month, today.day)).date()
        except Exception:
            raise TimeParseError(f"{text.strip()!r} is not a date; try 2026-12-15, +2w or +10d") from None
    _check_year(due.year, text)
    return due


def format_time(value: datetime | None, zone: str, *, with_date: bool = True) -> str:
    """A time shown in the document's zone: '2026-03-02 23:27 CET' or '23:27'."""
    if value is None:
        return ""
    local = value.astimezone(ZoneInfo(zone))
    pattern = "%Y-%m-%d %H:%M" if with_date else "%H:%M"
    shown = local.strftime(pattern)
    if with_date:
        shown += f" {local.tzname() or zone}"
    return shown
