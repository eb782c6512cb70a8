"""Timeline import from the files people already have: text logs, Slack exports, CSV and PagerDuty.

Pure parsing: no Textual, no store. `parse_timeline` reads a file or a Slack channel folder,
`parse_timeline_text` reads text already in memory; both return an `ImportResult` whose events are
`TimelineEvent`s with aware times, in time order, each naming where it came from. `plan_import`
keeps only the events a post-mortem doesn't have yet and `apply_import` returns an updated copy.
Nothing here saves anything.

Every failure is a `TimelineImportError` (a `ValueError`) with a one-line message naming the file
and, where it applies, the line or entry. A line or entry that can't be read becomes a `Skipped`
row instead, unless nothing at all could be read. A reading the user should know about (a zone
abbreviation with several meanings, a day/month order assumed, a page of a longer export) is one
of `ImportResult.notes`, which `summary()` includes.
"""

from __future__ import annotations

import csv
import gzip
import html as htmllib
import io
import itertools
import json
import math
import re
import stat
import unicodedata
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache
from pathlib import Path
from typing import Any, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pmtui.analysis.lexicon import FIRST_NAMES
from pmtui.io.kinds import guess_kind
from pmtui.model import EventKind, PostMortem, TimelineEvent

__all__ = [
    "FORMATS",
    "ImportResult",
    "Skipped",
    "TimelineImportError",
    "anchor_date",
    "apply_import",
    "event_key",
    "guess_kind",
    "parse_timeline",
    "parse_timeline_text",
    "plan_import",
]

FORMATS: tuple[str, ...] = ("auto", "text", "slack", "csv", "pagerduty", "json")

#: A time of day earlier than the previous event by more than this moves to the next day.
ROLLOVER_TOLERANCE = timedelta(hours=1)
#: Files larger than this are refused (a post-mortem timeline is never that big).
MAX_BYTES = 64 * 1024 * 1024
_TEXT_LIMIT = 20_000  # TimelineEvent.text max_length
_SHORT_LIMIT = 500  # TimelineEvent.source / evidence max_length
_PROGRESS_STEPS = 100
_MIN_YEAR, _MAX_YEAR = 1900, 2999  # an event outside these years is a misread

Progress = Callable[[int, int], None]


# --------------------------------------------------------------------------------------------
# Public result types
# --------------------------------------------------------------------------------------------


class TimelineImportError(ValueError):
    """An import that could not produce anything; the message is one plain line."""

    def __init__(self, reason: str, *, source: str = "", where: str = "") -> None:
        self.source = source
        self.where = where
        self.reason = reason
        message = ": ".join(part for part in (source, where, reason) if part)
        super().__init__(" ".join(message.splitlines()))


@dataclass(frozen=True)
class Skipped:
    """A line or entry that was not imported, and why."""

    where: str  # "line 12", "entry 7", "2026-03-02.json entry 3"
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass
class ImportResult:
    """What an import found: new events (time-sorted) and what was skipped."""

    events: list[TimelineEvent]
    skipped: list[Skipped]
    format: str
    name: str = ""
    zone: str = "UTC"  # the zone the summary shows times in (the document's zone)
    duplicates: int = 0  # events dropped because the same import had them already
    filtered: int = 0  # events outside since/until
    unit: str = "line"  # what a skipped row is: "line" (text, csv) or "entry" (slack, pagerduty)
    notes: list[str] = field(default_factory=list)  # what the user should know: a reading taken, a page missing

    @property
    def first(self) -> datetime | None:
        return self.events[0].time if self.events else None

    @property
    def last(self) -> datetime | None:
        return self.events[-1].time if self.events else None

    def summary(self, *, notes: bool = True) -> str:
        """One plain line: '42 events from 23:27 to 02:10, 3 lines skipped', then the notes after '; '."""
        count = len(self.events)
        parts = [f"{count} event{'' if count == 1 else 's'}"]
        first, last = self.first, self.last
        if first is not None and last is not None:
            zone = _zone_or_utc(self.zone)
            a, b = first.astimezone(zone), last.astimezone(zone)
            pattern = "%H:%M" if b - a < timedelta(hours=12) else "%Y-%m-%d %H:%M"  # "23:40 to 22:55" misleads
            if count == 1:
                parts[0] += f" at {a.strftime(pattern)}"
            else:
                parts[0] += f" from {a.strftime(pattern)} to {b.strftime(pattern)}"
        skipped = len(self.skipped)
        if skipped:
            noun = self.unit if skipped == 1 else ("entries" if self.unit == "entry" else self.unit + "s")
            parts.append(f"{skipped} {noun} skipped")
        if self.duplicates:
            parts.append(f"{self.duplicates} duplicate{'' if self.duplicates == 1 else 's'} dropped")
        if self.filtered:
            parts.append(f"{self.filtered} outside the time range")
        return "; ".join([", ".join(parts), *(self.notes if notes else [])])


# --------------------------------------------------------------------------------------------
# Small helpers: zones, cleaning, kinds
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=512)
def _zoneinfo(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError, OSError):
        return None


def _zone_or_utc(name: str) -> tzinfo:
    if name in ("", "Z", "UTC"):
        return UTC
    return _zoneinfo(name) or UTC


@lru_cache(maxsize=256)
def _fixed(minutes: int) -> timezone:
    return UTC if minutes == 0 else timezone(timedelta(minutes=minutes))


def _utc_offset(minutes: int) -> str:
    sign = "-" if minutes < 0 else "+"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _abbreviation_reading(abbr: str, zone: tzinfo, zone_name: str, year: int) -> tuple[tzinfo, str, str]:
    """How an ambiguous abbreviation is read: (fixed offset, its name, how the zone decided it: 'uses' when the
    zone writes the abbreviation, 'is' when the zone is the meaning's own, '' when it did not decide).

    The zone given (or the document's) decides when it uses the abbreviation itself (Asia/Shanghai: CST) or is
    exactly the zone of one of its meanings (Asia/Dhaka: BST, Asia/Kuala_Lumpur: MST); else the common meaning.
    A zone that merely shares a meaning's offsets does not decide (Europe/London is not Irish for IST)."""
    common, others = AMBIGUOUS_ABBREVIATIONS[abbr]
    year = min(max(year, 1971), 2100)
    samples = [datetime(year, month, 15, 12) for month in (1, 7)]

    def offsets(z: tzinfo) -> list[int]:
        return [int(cast(timedelta, s.replace(tzinfo=z).utcoffset()).total_seconds() // 60) for s in samples]

    own = offsets(zone)
    for sample, minutes in zip(samples, own, strict=True):
        if sample.replace(tzinfo=zone).tzname() == abbr:
            name = common if minutes == _ABBREVIATIONS[abbr] else abbr
            for other, other_zone in others:
                other_info = _zoneinfo(other_zone)
                if other_info is not None and minutes in offsets(other_info):
                    name = other
            return _fixed(minutes), name, "uses"
    for other, other_zone in others:
        other_info = _zoneinfo(other_zone)
        if other_info is not None and zone_name == other_zone:
            return _fixed(own[0]), other, "is"
    return _AMBIGUOUS_ZONES[abbr], common, ""


def _named_zone(name: str | None, what: str) -> tuple[tzinfo, str]:
    """A zone argument (tz or doc_zone) as (tzinfo, IANA name); a clear error when unknown."""
    if name is None or name in ("", "Z", "UTC", "utc"):
        return UTC, "UTC"
    zone = _zoneinfo(name) if isinstance(name, str) else None
    if zone is None:
        raise TimelineImportError(f"unknown time zone {name!r} for {what} (use a name like 'UTC' or 'Europe/Berlin')")
    return zone, name


# Abbreviations read as fixed offsets, in their common meaning. CST, IST, BST and MST name several zones:
# they are read as below unless the zone given (or the document's) uses them, and a note says so.
# AST (Atlantic or Arabia) is left in the text.
_ABBREVIATIONS: dict[str, int] = {
    "CST": -360,
    "IST": 330,
    "BST": 60,
    "MST": -420,
    "WET": 0,
    "WEST": 60,
    "CET": 60,
    "CEST": 120,
    "EET": 120,
    "EEST": 180,
    "MSK": 180,
    "EST": -300,
    "EDT": -240,
    "CDT": -300,
    "MDT": -360,
    "PST": -480,
    "PDT": -420,
    "AKST": -540,
    "AKDT": -480,
    "HST": -600,
    "JST": 540,
    "KST": 540,
    "HKT": 480,
    "SGT": 480,
    "AWST": 480,
    "ACST": 570,
    "ACDT": 630,
    "AEST": 600,
    "AEDT": 660,
    "NZST": 720,
    "NZDT": 780,
}

#: The abbreviations that name several zones: (the reading taken, (other meaning, IANA zone) ...).
AMBIGUOUS_ABBREVIATIONS: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "CST": (
        "US Central Standard Time",
        (("China Standard Time", "Asia/Shanghai"), ("Cuba Standard Time", "America/Havana")),
    ),
    "IST": (
        "India Standard Time",
        (("Irish Standard Time", "Europe/Dublin"), ("Israel Standard Time", "Asia/Jerusalem")),
    ),
    "BST": ("British Summer Time", (("Bangladesh Standard Time", "Asia/Dhaka"),)),
    "MST": ("US Mountain Standard Time", (("Malaysia Standard Time", "Asia/Kuala_Lumpur"),)),
}
# Named, so that a time read with one can be told apart from any other fixed offset and read again.
_AMBIGUOUS_ZONES: dict[str, timezone] = {
    abbr: timezone(timedelta(minutes=_ABBREVIATIONS[abbr]), abbr) for abbr in AMBIGUOUS_ABBREVIATIONS
}

# By identity: a fixed offset compares equal to any other of the same offset ('CET' and 'BST' are both +01:00).
_AMBIGUOUS_BY_ID = {id(zone): abbr for abbr, zone in _AMBIGUOUS_ZONES.items()}

_OFFSET = re.compile(r"([+-])(\d{1,2})(?::?(\d{2}))?")


def _offset_minutes(text: str) -> int | None:
    m = _OFFSET.fullmatch(text)
    if not m:
        return None
    hours, minutes = int(m.group(2)), int(m.group(3) or 0)
    if hours > 14 or minutes > 59:
        return None
    total = hours * 60 + minutes
    return -total if m.group(1) == "-" else total


@lru_cache(maxsize=512)
def _zone_token(token: str) -> tuple[tzinfo, str] | None:
    """A zone written after a time: (tzinfo, zone name for the event or '') or None if not a zone."""
    upper = token.upper()
    if upper in ("Z", "UTC", "GMT", "UT"):
        return UTC, "UTC"
    for prefix in ("UTC", "GMT", "UT"):
        if upper.startswith(prefix) and token[len(prefix) : len(prefix) + 1] in ("+", "-"):
            minutes = _offset_minutes(token[len(prefix) :])
            return (_fixed(minutes), "") if minutes is not None else None
    if token[:1] in ("+", "-"):
        minutes = _offset_minutes(token)
        return (_fixed(minutes), "") if minutes is not None else None
    if token in _AMBIGUOUS_ZONES:
        return _AMBIGUOUS_ZONES[token], ""
    if token in ("ET", "PT"):  # '11:42 PM ET': US Eastern or Pacific, with their daylight time
        name = _GENERIC_ZONES[token]
        return ZoneInfo(name), name
    if token in _ABBREVIATIONS:
        return _fixed(_ABBREVIATIONS[token]), ""
    if "/" in token:
        zone = _zoneinfo(token)
        if zone is not None:
            return zone, token
    return None


_ANSI = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC
    r"|\x1b[ -/]*[0-~]?"  # other escapes (and a lone ESC)
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
# C0 controls but tab and newline, DEL, C1 controls, bidi overrides and lone surrogates.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _clean(text: str) -> str:
    """Drop ANSI escape sequences and control characters; the rest stays literal."""
    if text.isprintable():
        return text
    if "\x1b" in text or "\x9b" in text:
        text = _ANSI.sub("", text)
    return _CONTROL.sub("", text)


def _limit(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _normalise(text: str) -> str:
    return " ".join(text.split())


_KIND_LABELS: dict[str, EventKind] = {
    "alert": EventKind.DETECTION,
    "page": EventKind.DETECTION,
    "paged": EventKind.DETECTION,
    "detect": EventKind.DETECTION,
    "detected": EventKind.DETECTION,
    "ack": EventKind.RESPONSE,
    "acknowledged": EventKind.RESPONSE,
    "acknowledge": EventKind.RESPONSE,
    "respond": EventKind.RESPONSE,
    "responded": EventKind.RESPONSE,
    "comms": EventKind.COMMUNICATION,
    "comm": EventKind.COMMUNICATION,
    "status": EventKind.COMMUNICATION,
    "statuspage": EventKind.COMMUNICATION,
    "update": EventKind.COMMUNICATION,
    "mitigate": EventKind.MITIGATION,
    "mitigated": EventKind.MITIGATION,
    "fix": EventKind.MITIGATION,
    "rollback": EventKind.MITIGATION,
    "resolve": EventKind.RESOLUTION,
    "resolved": EventKind.RESOLUTION,
    "cause": EventKind.TRIGGER,
    "change": EventKind.TRIGGER,
    "note": EventKind.OTHER,
}


def _kind_from_label(label: str, text: str) -> tuple[EventKind, bool]:
    """A CSV kind/type cell: an exact kind name is taken as said; a known synonym is a guess."""
    key = label.strip().lower()
    if key:
        try:
            return EventKind(key), False
        except ValueError:
            pass
        if key in _KIND_LABELS:
            kind = _KIND_LABELS[key]
            if kind is EventKind.OTHER:  # 'note': says nothing about what happened; the text may
                guessed = guess_kind(text)
                if guessed[1]:
                    return guessed
            return kind, True
    return guess_kind(text)


# --------------------------------------------------------------------------------------------
# Times at the start of a line (text) or in a cell (csv)
# --------------------------------------------------------------------------------------------

_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES, 1)}

# Before a time: a bullet, then a mark that the time is estimated ("~23:05", "ca. 23:05", "around 23:05",
# "[~23:05]").
_LEAD = re.compile(
    r"[ \t]*(?:[-*•+>][ \t]+)?"
    r"(?P<estimated>[~≈][ \t]*|(?i:ca\.|approx\.)[ \t]*|(?i:ca|circa|approx|approximately|around|about)[ \t]+)?"
    r"(\[)?(?P<estimated_in>(?(2)[~≈][ \t]*))?"
)
_ISO_DATE = re.compile(r"(\d{4})([-/])(\d{1,2})\2(\d{1,2})")
_DMY_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?!\d)")
_SLASH_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?!\d)")
_SLASH_DAY = re.compile(r"(\d{1,2})/(\d{1,2})(?![\d/])")  # Teams: '[26/11 23:42]'
# Day, month name, year: "02/Mar/26" (Jira), "02-Mar-2026", "2 March 2026".
_DAY_MON_DATE = re.compile(
    r"(\d{1,2})([/ -])(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\2(\d{4}|\d{2})(?!\d)",
    re.IGNORECASE,
)
_MON_DATE = re.compile(
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?[ \t]+(\d{1,2})(?:st|nd|rd|th)?"
    r"(?:,?[ \t]+(\d{4}))?",
    re.IGNORECASE,
)
_DATE_TIME_SEP = re.compile(r"T|[ \t]*,[ \t]*|[ \t]+(?:at[ \t]+|@[ \t]*)?")
# '23:58', '11:58 PM'; with a dot only before AM/PM ('11.58pm'): '11.58' alone may be a version or a number.
_CLOCK = re.compile(
    r"(\d{1,2})(?::|\.(?=\d{2}[ \t\u202f\u00a0]?[AaPp]\.?[Mm]\.?(?![A-Za-z])))(\d{2})"
    r"(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:[ \t\u202f\u00a0]?([AaPp])\.?[Mm]\.?(?![A-Za-z]))?"
)
_ZONE = re.compile(
    r"[ \t]?(Z(?![A-Za-z])|[+-]\d{2}(?::?\d{2})?(?!\d)|(?:UTC|GMT|UT|utc|gmt)(?:[+-]\d{1,2}(?::?\d{2})?)?"
    r"|[A-Z][A-Za-z_]+(?:/[A-Za-z0-9_+-]+)+|[A-Z]{2,5})"
)
_BOUNDARY = frozenset(" \t]-–—:|,;)>.")
_AFTER_TIME = re.compile(r"\]?[ \t]*(?:Uhr\b[ \t]*)?(?:(?:[-–—|>:]{1,2}|=>)(?=[ \t]|$)[ \t]*)?")
_DATE_LINE = re.compile(
    r"[\s#=*_>:-]*(?:[A-Za-z]+:?,?\s+|\*\*(?:Date|Day|Incident date):?\*\*:?\s+)?(\d{4})-(\d{2})-(\d{2})"
    r"(?:,?\s+\(?[A-Za-z]+\)?)?[\s#=*_:-]*",
)  # '2026-11-26', '## 2026-11-26', 'Date: 2026-11-26', '**Date:** 2026-11-26' (not '**Updated:** …')
_TABLE_RULE = re.compile(r":?-{3,}:?")
# A line holding only a date with the month's name: 'Thu 26 Nov 2026', 'Thursday, November 26, 2026',
# '26. November 2026', '=== Tue 24 Nov ===' (a missing year is the incident's: see _yearless_date).
# Month and weekday names in English, German, Spanish and French (date headings in notes).
_MONTH_NAMES_BY_NUMBER = (
    "january jan januar janv janvier enero ene",
    "february feb februar febrero febr fevrier février févr",
    "march mar märz maerz marz marzo mars",
    "april apr abril avril avr",
    "may mai mayo",
    "june jun juni junio juin",
    "july jul juli julio juillet juil",
    "august aug agosto ago août aout",
    "september sep sept septiembre setiembre septembre",
    "october oct oktober okt octubre octobre",
    "november nov noviembre novembre",
    "december dec dezember dez diciembre dic decembre décembre déc",
)
_MONTH_NUMBER = {name: number for number, names in enumerate(_MONTH_NAMES_BY_NUMBER, 1) for name in names.split()}
_MONTH_WORD = "(?:" + "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True)) + ")\\.?"
_WEEKDAY_WORD = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|mi[ée]rcoles|jueves|viernes|"
    r"s[áa]bado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\.?"
)
# The line must start with it (or with heading marks: '##', '===', '**'), not be a bullet or indented, and carry a
# weekday or a year: 'Dec 1' alone in a list of candidate dates is not a heading.
_NAMED_DATE_LINE = re.compile(
    rf"(?:[#=*_]+[ \t]*)?(?:(?P<wd>{_WEEKDAY_WORD}),?[ \t]+)?"
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th|er)?\.?[ \t]+(?:de[ \t]+)?(?P<m1>{_MONTH_WORD})"
    rf"|(?P<m2>{_MONTH_WORD})[ \t]+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)"
    rf"(?:,?[ \t]+(?:de[ \t]+)?(?P<y>\d{{4}}))?[ \t]*[#=*_]*[ \t]*",
    re.IGNORECASE,
)
# A full date anywhere in a title line above the first time: 'Störungsprotokoll, 26.11.2026 (Zeiten MEZ)'.
_DATE_IN_TITLE = re.compile(
    r"(?<![\w.])(?:(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})|(?P<dd>\d{1,2})\.(?P<dm>\d{1,2})\.(?P<dy>\d{4}))(?![\w.])"
    r"|(?P<named>\b(?:\d{1,2}(?:st|nd|rd|th)?\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?,?\s+\d{4}"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})\b)",
    re.IGNORECASE,
)
_EPOCH = re.compile(r"(\d{10})(?:\.(\d{1,9}))?|(\d{13})")

# A time spec: (kind, value, tzinfo or None, zone name)
#   "abs"   aware datetime        "naive" naive datetime (read in the default zone)
#   "clock" time of day           "mday"  (month, day, time) without a year
#   "date"  a date heading        "bad"   a reason: it looked like a time but isn't one
Spec = tuple[str, Any, "tzinfo | None", str]


def _full_year(text: str) -> int:
    """A year as written; two digits as strptime's %y reads them (69-99: 1900s, else 2000s)."""
    year = int(text)
    if len(text) == 2:
        year += 1900 if year >= 69 else 2000
    return year


def _boundary(s: str, pos: int) -> bool:
    return pos >= len(s) or s[pos] in _BOUNDARY


def _scan_time(s: str, pos: int, slash_dayfirst: bool | None = None, ambiguous: bool = True) -> tuple[Spec, int] | None:
    """A date and/or time starting at s[pos], and where it ends; None if there is none. Without `ambiguous`,
    an abbreviation naming several zones (CST, IST, BST, MST) after the time is not read as a zone."""
    if pos >= len(s):
        return None
    ch = s[pos]
    ymd: tuple[int, int, int] | None = None
    month_day: tuple[int, int] | None = None
    p = pos
    if "0" <= ch <= "9":
        m = _ISO_DATE.match(s, p)
        if m:
            ymd = (int(m.group(1)), int(m.group(3)), int(m.group(4)))
        else:
            m = _DMY_DATE.match(s, p)
            if m:
                ymd = (_full_year(m.group(3)), int(m.group(2)), int(m.group(1)))
            elif slash_dayfirst is not None:
                m = _SLASH_DATE.match(s, p) or _SLASH_DAY.match(s, p)
                if m:
                    a, b = int(m.group(1)), int(m.group(2))
                    if m.re is _SLASH_DAY:
                        month_day = (b, a) if slash_dayfirst else (a, b)
                    else:
                        year = _full_year(m.group(3))
                        ymd = (year, b, a) if slash_dayfirst else (year, a, b)
            if not m:
                m = _DAY_MON_DATE.match(s, p)
                if m:
                    ymd = (_full_year(m.group(4)), _MONTHS[m.group(3).lower()], int(m.group(1)))
        if m:
            p = m.end()
    elif ch in "JFMASONDjfmasond":
        m = _MON_DATE.match(s, p)
        if not m:
            return None
        month, day = _MONTHS[m.group(1).lower()], int(m.group(2))
        if m.group(3):
            ymd = (int(m.group(3)), month, day)
        else:
            month_day = (month, day)
        p = m.end()
    else:
        return None
    if ymd is not None or month_day is not None:
        m = _DATE_TIME_SEP.match(s, p)
        if not m:
            return None
        p = m.end()
    m = _CLOCK.match(s, p)
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2))
    second = int(m.group(3) or 0)
    micro = int((m.group(4) or "0")[:6].ljust(6, "0"))
    ampm = m.group(5)
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm in "Pp" else 0)
    if hour > 23 or minute > 59 or second > 60:
        return None
    second = min(second, 59)
    p = m.end()
    zone: tzinfo | None = None
    zone_name = ""
    zm = _ZONE.match(s, p)
    if zm and _boundary(s, zm.end()) and not (zm.group(1) in ("ET", "PT") and s[zm.end() : zm.end() + 2][1:].isdigit()):
        found = _zone_token(zm.group(1))  # ('ET-4211 opened' is a ticket, not Eastern time)
        if found is not None and (ambiguous or zm.group(1) not in _AMBIGUOUS_ZONES):
            zone, zone_name = found
            p = zm.end()
    if zone is None and not _boundary(s, p):
        return None
    clock = time(hour, minute, second, micro)
    if ymd is not None:
        try:
            day = date(*ymd)
        except ValueError:
            return ("bad", f"no such date {ymd[0]:04d}-{ymd[1]:02d}-{ymd[2]:02d}", None, ""), p
        when = datetime.combine(day, clock)
        if zone is None:
            return ("naive", when, None, ""), p
        return ("abs", when.replace(tzinfo=zone), zone, zone_name), p
    if month_day is not None:
        return ("mday", (month_day[0], month_day[1], clock), zone, zone_name), p
    return ("clock", clock, zone, zone_name), p


# C's ctime, as Apache's error log and `date` write it: '[Thu Nov 26 22:38:02.123456 2026]',
# 'Thu Nov 26 22:38:02 UTC 2026'.
_WEEKDAYS = frozenset({"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"})
_CTIME = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) {1,2}(\d{1,2}) "
    r"(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?: ([A-Z]{2,5}|[+-]\d{4}))? (\d{4})\]?"
)


def _month_number(word: str) -> int:
    """1-12, or 0 for a word the pattern matched only through case folding ('ſep')."""
    return _MONTH_NUMBER.get(word.lower().rstrip("."), 0)


def _ctime_spec(m: re.Match[str]) -> Spec:
    month = _MONTHS[m.group(1).lower()]
    micro = int((m.group(6) or "0")[:6].ljust(6, "0"))
    try:
        when = datetime(
            int(m.group(8)), month, int(m.group(2)), int(m.group(3)), int(m.group(4)), int(m.group(5)), micro
        )
    except ValueError:
        return ("bad", f"no such date or time ({m.group(0).strip('[]')})", None, "")
    zone = _zone_token(m.group(7)) if m.group(7) else None
    if zone is None:
        return ("naive", when, None, "")
    return ("abs", when.replace(tzinfo=zone[0]), zone[0], zone[1])


def _scan_line(
    line: str, slash_dayfirst: bool | None = None, ambiguous: bool = True, yearless: bool = False
) -> tuple[Spec, str, bool, int] | None:
    """A text line that starts with a time: (spec, rest of the line, estimated, where the time ends);
    a date heading; else None. n/n dates are read only with `slash_dayfirst` (the file's order). A date
    heading without a year ('Tue 24 Nov') is a 'yearless' spec only for the caller that asks for it."""
    lead = _LEAD.match(line)
    pos = lead.end() if lead else 0
    if line[pos : pos + 3] in _WEEKDAYS:
        ctime = _CTIME.match(line, pos)
        if ctime is not None:
            return _ctime_spec(ctime), line[ctime.end() :].lstrip(" \t]").strip(), False, ctime.end()
    found = _scan_time(line, pos, slash_dayfirst, ambiguous)
    if found is None:
        m = _DATE_LINE.fullmatch(line)
        if m:
            try:
                day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
            return ("date", day, None, ""), "", False, len(line)
        named = _NAMED_DATE_LINE.fullmatch(line) if len(line) < 60 else None
        if named and (named.group("wd") or named.group("y")) and (yearless or named.group("y")):
            month = _month_number(named.group("m1") or named.group("m2"))
            day_of_month = int(named.group("d1") or named.group("d2"))
            if not month or not 1 <= day_of_month <= 31:
                return None
            if named.group("y") is None:  # the year comes from the incident (_parse_text)
                return ("yearless", (month, day_of_month), None, ""), "", False, len(line)
            try:
                day = date(int(named.group("y")), month, day_of_month)
            except ValueError:
                return None
            return ("date", day, None, ""), "", False, len(line)
        return None
    spec, end = found
    after = _AFTER_TIME.match(line, end)
    rest = line[after.end() if after else end :]
    return spec, rest.strip(), bool(lead and (lead.group("estimated") or lead.group("estimated_in"))), end


def _scan_cell(value: str, slash_dayfirst: bool | None) -> Spec | None:
    """A whole CSV cell as a time (epoch seconds or milliseconds, ISO, D.M.Y, D/M/Y or M/D/Y, clock)."""
    value = value.strip()
    if not value:
        return None
    m = _EPOCH.fullmatch(value)
    if m:
        seconds = int(m.group(3)) / 1000 if m.group(3) else float(value)
        return ("abs", datetime.fromtimestamp(seconds, UTC), UTC, "")
    found = _scan_time(value, 0, slash_dayfirst)
    if found is not None:
        spec, end = found
        if not value[end:].strip(" \t]"):
            return spec
    if any(p.fullmatch(value) for p in (_ISO_DATE, _DMY_DATE, _SLASH_DATE, _DAY_MON_DATE)):
        return ("bad", f"a date but no time of day ({value})", None, "")
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    if when.tzinfo is None:
        return ("naive", when, None, "")
    return ("abs", when, when.tzinfo, "UTC" if when.utcoffset() == timedelta(0) else "")


# --------------------------------------------------------------------------------------------
# Records (text lines, csv rows) -> placed in time
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Rec:
    where: str
    spec: Spec
    texts: list[str]
    source: str
    evidence: str = ""
    kind: tuple[EventKind, bool] | None = None
    order: int = 0
    estimated: bool = False
    headline: int = 0  # how many of texts come from the line with the time (the rest are continuations)
    chat: str = ""  # "zoom" or "teams" for a chat message whose body comes on the lines below
    fallback: str = ""  # "teams": the text when no body follows (the line was not a name after all)
    # an ambiguous abbreviation after the time (text): (abbreviation, the spec and text without it as a zone)
    ambiguous: tuple[str, Spec, str] | None = None


@dataclass(slots=True)
class _Item:
    """An event before it becomes a TimelineEvent."""

    when: datetime
    zone: str
    text: str
    source: str
    where: str
    evidence: str = ""
    kind: tuple[EventKind, bool] | None = None
    order: int = 0
    estimated: bool = False
    bare: bool = False  # written as a time of day alone ('00:40'), dated by the anchor


def _local_date(when: datetime, zone: tzinfo) -> date:
    try:
        return when.astimezone(zone).date()
    except OverflowError:
        return when.date()


def _combine(day: date, clock: time, zone: tzinfo) -> datetime:
    return datetime.combine(day, clock, tzinfo=zone)


def _forward(clock: time, zone: tzinfo, last: datetime) -> datetime:
    """The first placement of a time of day not earlier than the previous event less the tolerance."""
    base = last.astimezone(zone).date()
    floor = last - ROLLOVER_TOLERANCE
    candidate = last
    for days in (-1, 0, 1, 2):
        candidate = _combine(base + timedelta(days=days), clock, zone)
        if candidate >= floor:
            return candidate
    return candidate


def _backward(clock: time, zone: tzinfo, following: datetime) -> datetime:
    """The last placement of a time of day not later than the following event plus the tolerance."""
    base = following.astimezone(zone).date()
    ceiling = following + ROLLOVER_TOLERANCE
    candidate = following
    for days in (1, 0, -1, -2):
        candidate = _combine(base + timedelta(days=days), clock, zone)
        if candidate <= ceiling:
            return candidate
    return candidate


def _month_day(value: tuple[int, int, time], zone: tzinfo, year: int, near: datetime | None) -> datetime | None:
    """A date without a year (syslog): in `year`, or in the year that puts it nearest `near`."""
    month, day, clock = value
    if near is None:
        try:
            return datetime(year, month, day, tzinfo=zone).replace(
                hour=clock.hour, minute=clock.minute, second=clock.second, microsecond=clock.microsecond
            )
        except ValueError:
            return None
    candidates = []
    for y in (near.year - 1, near.year, near.year + 1):
        try:
            candidates.append(datetime.combine(date(y, month, day), clock, tzinfo=zone))
        except (ValueError, OverflowError):
            continue
    if not candidates:
        return None
    return min(candidates, key=lambda c: abs(c - near))


def _place(
    recs: list[_Rec],
    default_zone: tzinfo,
    default_label: str,
    anchor: date | None,
    name: str,
    skipped: list[Skipped],
    notes: list[str] | None = None,
    changes: list[str] | None = None,
) -> list[_Item]:
    """Give every record an aware time: anchor dates, roll over midnight, read zones. With `notes`, a time that
    rolled over to the next day more than 12 hours after the one before is noted (a note added later?); a time
    the clocks skip or repeat is noted in `notes`, else in `changes`."""
    jumps: list[tuple[_Rec, datetime, datetime]] = []
    first_placed: datetime | None = None
    placed: list[tuple[_Rec, datetime, str] | None] = [None] * len(recs)

    def zone_of(rec: _Rec) -> tuple[tzinfo, str]:
        _, _, zone, zone_name = rec.spec
        return (zone, zone_name) if zone is not None else (default_zone, default_label)

    year = anchor.year if anchor else None
    if year is None:
        year = next(
            (r.spec[1].year for r in recs if r.spec[0] in ("abs", "naive")),
            datetime.now(default_zone).year,
        )
    start = 0
    current: date | None = anchor
    last: datetime | None = None
    if anchor is None:
        # No anchor: the first dated line gives the date; the undated lines before it are placed backwards.
        first, ref = None, None
        for index, rec in enumerate(recs):
            kind, value = rec.spec[0], rec.spec[1]
            if kind == "abs":
                ref = value
            elif kind == "naive":
                ref = value.replace(tzinfo=default_zone)
            elif kind == "date":
                ref = _combine(value, time(0), default_zone)
            elif kind == "mday":
                ref = _month_day(value, zone_of(rec)[0], year, None)
            if ref is not None:
                first = index
                break
        if first is None or ref is None:
            clock = next((r for r in recs if r.spec[0] == "clock"), None)
            if clock is not None:
                raise TimelineImportError(
                    "the times have no date; set the incident's Started time in Setup (its date is used)",
                    source=name,
                    where=clock.where,
                )
        else:
            following = ref
            for index in range(first - 1, -1, -1):
                rec = recs[index]
                kind, value = rec.spec[0], rec.spec[1]
                zone, zone_name = zone_of(rec)
                try:
                    if kind == "clock":
                        when = _backward(value, zone, following)
                    else:
                        when = _month_day(value, zone, year, following)
                except OverflowError:
                    when = None
                if when is None:
                    skipped.append(Skipped(rec.where, "cannot place this date (out of range or no such day)"))
                    continue
                placed[index] = (rec, when, zone_name)
                following = when
            start = first
            current = _local_date(ref, default_zone)
    for index in range(start, len(recs)):
        rec = recs[index]
        kind, value = rec.spec[0], rec.spec[1]
        zone, zone_name = zone_of(rec)
        when = None
        try:
            if kind == "abs":
                when = value
            elif kind == "naive":
                when = value.replace(tzinfo=default_zone)
            elif kind == "date":
                current, last = value, None
                continue
            elif kind == "clock":
                if last is not None:
                    when = _forward(value, zone, last)
                    rolled = _local_date(when, zone) > _local_date(last, zone) and value < last.astimezone(zone).time()
                    far = first_placed is not None and when - first_placed > timedelta(hours=18)
                    if when - last > timedelta(hours=12) and (rolled or far):
                        jumps.append((rec, when, last))
                elif current is not None:
                    when = _combine(current, value, zone)
            elif kind == "mday":
                when = _month_day(value, zone, current.year if current else year, last)
        except OverflowError:
            when = None
        if when is None:
            if kind != "bad":
                skipped.append(Skipped(rec.where, "cannot place this date (out of range or no such day)"))
            continue
        placed[index] = (rec, when, zone_name)
        last = when
        first_placed = first_placed or when
        current = _local_date(when, default_zone)
    if jumps and notes is not None:
        rec, when, before = jumps[0]
        local = when.astimezone(default_zone)
        hours = int((when - before).total_seconds() // 3600)
        more = f" (and {len(jumps) - 1} more)" if len(jumps) > 1 else ""
        notes.append(
            f"{rec.where}: {local:%H:%M} was placed on {local:%Y-%m-%d}, {hours} h after the line above{more}; "
            "if it happened earlier (a line added afterwards?), give it its date"
        )
    # every reader's (CSV and JSON pass no notes for jumps, but these are said for them too)
    _note_clock_changes(placed, default_zone, notes if notes is not None else changes)
    items = []
    for entry in placed:
        if entry is None:
            continue
        rec, when, zone_name = entry
        items.append(
            _Item(
                when=when,
                zone=zone_name,
                text="\n".join(rec.texts),
                source=rec.source,
                where=rec.where,
                evidence=rec.evidence,
                kind=rec.kind,
                order=rec.order,
                estimated=rec.estimated,
                bare=rec.spec[0] == "clock",
            )
        )
    return items


def _note_clock_changes(
    placed: list[tuple[_Rec, datetime, str] | None], default_zone: tzinfo, notes: list[str] | None
) -> None:
    """Notes for times written without a zone that a change of the clocks makes odd: a time that does not exist
    (in the hour skipped when the clocks go forward: read, and stored, as the time it names after the change),
    and a time that happens twice (in the hour repeated when they go back: read as the first)."""
    gaps: list[tuple[_Rec, datetime, datetime]] = []
    folds: list[tuple[_Rec, datetime]] = []
    for index, entry in enumerate(placed):
        if entry is None or entry[0].spec[0] not in ("naive", "clock", "mday") or entry[0].spec[2] is not None:
            continue  # a time with its own zone ('02:30 Europe/Berlin') says which it is
        rec, when, zone_name = entry
        zone = when.tzinfo
        if not isinstance(zone, ZoneInfo):
            continue
        try:
            real = when.astimezone(UTC).astimezone(zone)
        except OverflowError:  # the first or last day Python knows
            continue
        if real.replace(tzinfo=None) != when.replace(tzinfo=None):
            gaps.append((rec, when, real))
            placed[index] = (rec, real, zone_name)  # a wall time that exists, shown the same in every session
        elif when.replace(fold=1).utcoffset() != when.utcoffset():
            folds.append((rec, when))
    if notes is None:
        return
    if gaps:
        rec, when, real = gaps[0]
        more = f" (and {len(gaps) - 1} more)" if len(gaps) > 1 else ""
        notes.append(
            f"{rec.where}: {when:%H:%M} does not exist in {when.tzinfo} on {when:%Y-%m-%d} (the clocks went "
            f"forward): read as {real:%H:%M %Z}{more}; give it a zone or fix the time if that is wrong"
        )
    if folds:
        rec, when = folds[0]
        more = f" (and {len(folds) - 1} more)" if len(folds) > 1 else ""
        notes.append(
            f"{rec.where}: {when:%H:%M} happened twice in {when.tzinfo} on {when:%Y-%m-%d} (the clocks went back): "
            f"read as the first, {when:%H:%M %Z}{more}; give it a zone if it was the second"
        )


# --------------------------------------------------------------------------------------------
# Context shared by the parsers
# --------------------------------------------------------------------------------------------


@dataclass
class _Context:
    name: str  # file name for sources and messages
    display: str  # the path as given, for error messages
    default_zone: tzinfo
    default_label: str
    doc_zone: str
    anchor: date | None
    since: datetime | None
    until: datetime | None
    include_noise: bool
    progress: Progress | None
    since_clock: time | None = None  # a bare time of day, placed once the events are read
    until_clock: time | None = None
    reference: datetime | None = None  # the incident's start: bare since/until are placed nearest it
    skipped: list[Skipped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    zone_name: str = "UTC"  # the IANA name of default_zone
    tz_given: bool = False  # a zone was given for times that do not say theirs (--tz)
    empty_hint: str = ""  # said when nothing could be read: what the file looks like, and what to do
    # ambiguous abbreviations met: abbreviation -> [reading, lines, first line]
    abbreviations: dict[str, list[Any]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # user name -> full name (Mattermost's user records)

    def read_abbreviation(self, spec: Spec, where: str) -> Spec:
        """The spec with an ambiguous zone abbreviation (CST, IST, BST) read as decided for this import."""
        zone = spec[2]
        if zone is None:
            return spec
        abbr = zone.tzname(None)
        if abbr not in _AMBIGUOUS_ZONES:
            return spec
        seen = self.abbreviations.get(abbr)
        if seen is None:
            year = self.anchor.year if self.anchor else datetime.now(UTC).year
            reading = _abbreviation_reading(abbr, self.default_zone, self.zone_name, year)
            seen = self.abbreviations[abbr] = [reading, 0, where]
        seen[1] += 1
        new = seen[0][0]
        if new is zone:
            return spec
        value = spec[1].replace(tzinfo=new) if spec[0] == "abs" else spec[1]
        return (spec[0], value, new, spec[3])

    def abbreviation_notes(self) -> list[str]:
        notes = []
        for abbr, ((zone, name, by_zone), count, where) in self.abbreviations.items():
            offset = _utc_offset(int(cast(timedelta, zone.utcoffset(None)).total_seconds() // 60))
            lines = f"on {where}" if count == 1 else f"on {count} lines from {where}"
            note = f"'{abbr}' read as {name} ({offset}) {lines}"
            if by_zone == "uses":
                notes.append(f"{note}, as the zone {self.zone_name} uses it")
            elif by_zone:
                notes.append(f"{note}, the meaning in the zone {self.zone_name}")
            else:
                others = AMBIGUOUS_ABBREVIATIONS[abbr][1]
                ways = ", ".join(f"for {other} {other_zone}" for other, other_zone in others[1:])
                first, first_zone = others[0]
                notes.append(f"{note}; for {first} give the zone {first_zone} (--tz)" + (f", {ways}" if ways else ""))
        return notes

    def report(self, done: int, total: int) -> None:
        if self.progress is not None and total > 0:
            self.progress(done, total)

    def fail(self, reason: str, where: str = "") -> TimelineImportError:
        return TimelineImportError(reason, source=self.display, where=where)


def _step(total: int) -> int:
    """How often a loop over `total` items reports progress."""
    return max(1, total // _PROGRESS_STEPS)


def _split_lines(text: str) -> list[str]:
    """The lines, numbered as an editor numbers them: a bare carriage return inside a line (a CI log's progress
    bar or section marker) is a space, not a new line; a file whose line ends are mostly carriage returns
    (classic Mac OS) is split at them."""
    text = text.replace("\r\n", "\n")
    if text.count("\r") > text.count("\n"):
        return text.replace("\n", "\r").split("\r")  # mostly carriage returns: classic Mac OS line ends
    return text.replace("\r", " ").split("\n")


# --------------------------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------------------------


# True for the command line and the import dialog alike.
_KEEP_NOISE = "unless noise is kept (--include-noise, or 'Keep chat noise')"
_NOISE_NOTE = f"channel noise: skipped {_KEEP_NOISE}"
_HEADING = "no time at the start: a heading or a note?"

# journalctl's own lines between the entries.
_JOURNAL_MARK = re.compile(
    r"-- (?:Boot [0-9A-Za-z]+ --|Reboot --|No entries --|(?:Journal begins|Logs begin|Journal ends|Logs end) at .*)"
)
# irssi's status lines: "--- Log opened Mon Mar 02 22:48:17 2026", "--- Day changed Tue Mar 03 2026".
_IRC_STATUS = re.compile(r"--- (Log opened|Log closed|Day changed)\b(.*)")
_IRC_DATE = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? +(\d{1,2})\b.*?\b(\d{4})\b", re.IGNORECASE
)
# "<nick> text" ("<@nick>", "< nick>" as irssi pads); a "/" would make it an HTML closing tag.
_IRC_NICK = re.compile(r"< ?[@+%&~]?([^\s<>/]{1,40})>(?:[ \t]+(.*))?")
# Zoom's saved chat: "From  Alice Chen  to  Everyone:", "From Carol to Alice(Direct Message):",
# and the older "From Alice Chen : text".
_ZOOM_TO = re.compile(
    r"From(?P<sp>[ \t]+)(?P<who>\S.{0,79}?)[ \t]+to[ \t]+(?P<to>\S.{0,79}?)[ \t]*"
    r"(?P<dm>\((?:[Dd]irect [Mm]essage|[Pp]rivately)\))?[ \t]*(?P<colon>:(?:[ \t]+(?P<text>.*))?)?"
)
_ZOOM_OLD = re.compile(r"From[ \t]+(?P<who>[^\s:][^:\t]{0,79}?)[ \t]+:(?:[ \t]+(?P<text>.*))?")
# Words that make "From <words> :" a sentence rather than Zoom's "From <name> :" ("From now on : ...").
_NOT_A_NAME = frozenset(
    [
        "now",
        "on",
        "then",
        "here",
        "there",
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "today",
        "tomorrow",
        "yesterday",
        "tonight",
        "until",
        "which",
        "what",
        "when",
        "where",
        "why",
        "how",
        "our",
        "my",
        "your",
        "their",
        "his",
        "her",
        "its",
        "we",
        "it",
        "all",
        "every",
        "each",
        "in",
        "at",
        "of",
        "for",
        "with",
        "to",
        "by",
        "no",
        "not",
        "next",
        "last",
        "time",
        "here's",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
# The common / combined access log format (nginx, Apache): the time in brackets after the client fields.
_ACCESS_LOG = re.compile(
    r"(?P<client>\S+) \S+ (?P<user>\S+) \[(?P<day>\d{1,2})/(?P<mon>[A-Za-z]{3})/(?P<year>\d{4})"
    r":(?P<clock>\d{2}:\d{2}:\d{2})(?:[ \t]*(?P<offset>[+-]\d{4}))?\] "
    r'"(?P<request>(?:[^"\\]|\\.)*)" (?P<status>\d{3}|-)(?:\s|$)'
)
# WhatsApp's export: '26/11/2024, 23:42 - Alice: text' (Android), '[26/11/2024, 23:42:05] Alice: text' (iOS).
_WHATSAPP = re.compile(
    r"\[?\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2}),[ \t]\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:[ \t\u202f\u00a0]?[AaPp]\.?[Mm]\.?)?(?: - |\] )"
)
_BIDI_MARKS = "\u200e\u200f"
# iOS exports: '<attached: 00000007-PHOTO-2026-11-26-23-49-12.jpg>', 'image omitted', 'video omitted', …
_WHATSAPP_IOS_MEDIA = re.compile(
    r"<attached: [^<>]{1,200}>|(?:image|video|audio|sticker|GIF|document|Contact card) omitted", re.IGNORECASE
)
_WHATSAPP_EDITED = re.compile(r"[ \t]*<This message was edited>$")
_WHATSAPP_AUTHOR = re.compile(r"([^:\"“”]{1,80}?): (.*)", re.DOTALL)
# Teams copied as text: '[26/11 23:42] Alice Nguyen', the message on the lines below. Teams shows no seconds:
# '[26/11/2024 23:42:01] Payment Worker Crashed' is a log line.
_TEAMS = re.compile(
    r"\[(?:\d{1,2}/\d{1,2}(?:/(?:\d{4}|\d{2}))?,?[ \t])?\d{1,2}:\d{2}(?:[ \t\u202f\u00a0]?[AaPp]\.?[Mm]\.?)?\]"
)
# Words of log messages, not of people's names ('Payment Worker Crashed', 'Service Recovered').
_NOT_IN_A_NAME = frozenset(
    [
        "crashed",
        "crash",
        "error",
        "errors",
        "failed",
        "failure",
        "fail",
        "failing",
        "started",
        "starting",
        "start",
        "stopped",
        "stopping",
        "stop",
        "restarted",
        "restarting",
        "restart",
        "recovered",
        "recovering",
        "completed",
        "complete",
        "done",
        "down",
        "up",
        "deployed",
        "deploying",
        "deploy",
        "timeout",
        "timed",
        "exception",
        "warning",
        "warn",
        "info",
        "debug",
        "alert",
        "alerts",
        "resolved",
        "triggered",
        "running",
        "killed",
        "exited",
        "healthy",
        "unhealthy",
        "ok",
        "success",
        "succeeded",
        "rollback",
        "service",
        "server",
        "worker",
        "job",
        "task",
        "pod",
        "node",
        "fixed",
        "online",
        "offline",
        "degraded",
        "paused",
        "resumed",
        "finished",
        "aborted",
        "cancelled",
        "canceled",
    ]
)
# docker compose logs: 'web-1       | 2024-11-26T23:41:02.123456789Z GET /…' (the service, padding, '| ').
_COMPOSE = re.compile(r"([A-Za-z0-9][\w.-]{0,79}?) *\| ")
# kubectl logs --prefix --timestamps: '[pod/checkout-api-7d9c5b8f4-x2x9q/checkout-api] 2026-11-21T04:05:02.1Z …'.
_KUBECTL_PREFIX = re.compile(r"\[pod/([\w.\-]+/[\w.\-]+)\] (?=\d{4}-\d{2}-\d{2}T\d{2}:\d{2})")
# What makes a 'name | …' prefix compose's: the service's replica number ('web-1', 'web_1'), or the RFC 3339
# time of 'docker compose logs --timestamps' after it; never a log level (NLog's 'INFO | 2024-11-26 … | …').
_COMPOSE_SERVICE = re.compile(r".*[-_]\d{1,3}")
_COMPOSE_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")
_LOG_LEVELS = frozenset(
    [
        "TRACE",
        "DEBUG",
        "INFO",
        "INFORMATION",
        "NOTICE",
        "WARN",
        "WARNING",
        "ERROR",
        "ERR",
        "FATAL",
        "CRITICAL",
        "CRIT",
        "ALERT",
        "EMERG",
        "VERBOSE",
    ]
)
# A time to the microsecond or finer: lines stamped with exactly the same one were written together
# (kubectl logs --timestamps and docker stamp each line of a Go panic or a Python traceback alike).
# Not one padded with zeros ('.5030000'): a coarse clock gives many messages the same one.
_FRACTION = re.compile(r"\d[.,](\d{6,9})(?!\d)")


def _precise(stamp: str) -> bool:
    m = _FRACTION.search(stamp)
    return m is not None and not m.group(1).endswith("000")


# What a line of a panic or a traceback starts with (after its time): lines stamped alike are joined only when
# the later one looks like this, or the entry above opened a panic or a traceback; else they are separate
# records (a coarse clock, or a fast logger, gives several messages the same time).
_CONTINUES = re.compile(
    r"[ \t]|$|goroutine |panic:|\[signal |Traceback|File \"|at |Caused by|created by |main\.|runtime\."
    r"|During handling of the above exception|The above exception was the direct cause|\.\.\. \d+ more"
)
_TRACE_HEADER = re.compile(r"\s*(?:panic: |Traceback \(most recent call last\)|goroutine \d+ \[|fatal error: )")

# PostgreSQL's lines that go with the entry above them (same time, same process id).
_PG_FOLLOWS = re.compile(r"\[(\d+)\](?:[ \t]+\S+)?[ \t]+(?=(?:DETAIL|STATEMENT|CONTEXT|HINT|QUERY|LOCATION):[ \t])")
_JENKINS_STEP = "[Pipeline] "
_PY_ASCTIME = re.compile(r"\d{2}:\d{2}:\d{2},\d{3}$")  # asctime's '23:38:01,002'
_PY_LOGGING = re.compile(r"([A-Za-z_][\w.\-]{0,80}) - ([A-Za-z]{3,11}) - (.*)", re.DOTALL)
# GitLab's job log: each stamped line's stream ('00O ' stdout, '00E ' stderr, '+' a continued line), and the
# collapsible sections' markers ('section_start:1795237084:step_script[collapsed=true]').
_GITLAB_STREAM = re.compile(r"\d{2}[OE](?: |\+)")
_GITLAB_MARKERS = re.compile(r"section_(?:start|end):\d{9,11}:[\w.\-]+(?:\[[^\]]*\])?[ \t]*")
# Lines that carry a stack trace on across a blank line (chained Python exceptions, Go goroutines).
_TRACE_GOES_ON = re.compile(
    r"Traceback \(most recent call last\)|During handling of the above exception"
    r"|The above exception was the direct cause|goroutine \d+ \[|Caused by[: ]"
)


def _access_log(line: str) -> tuple[Spec, str, str] | None:
    """An access log line: (spec, 'request status', client or user); None if it isn't one."""
    m = _ACCESS_LOG.match(line)
    if not m:
        return None
    month = _MONTHS.get(m.group("mon").lower())
    if month is None:
        return None
    hour, minute, second = (int(part) for part in m.group("clock").split(":"))
    offset = _offset_minutes(m.group("offset")) if m.group("offset") else None
    try:
        when = datetime(int(m.group("year")), month, int(m.group("day")), hour, minute, min(second, 59))
    except ValueError:
        return ("bad", f"no such date or time {m.group('day')}/{m.group('mon')}/{m.group('year')}", None, ""), "", ""
    if offset is None:
        spec: Spec = ("naive", when, None, "")
    else:
        zone = _fixed(offset)
        spec = ("abs", when.replace(tzinfo=zone), zone, "UTC" if offset == 0 else "")
    user = m.group("user")
    who = user if user != "-" else m.group("client")
    return spec, f"{m.group('request')} {m.group('status')}".strip(), who


# WeeChat's log: 'time<TAB>nick<TAB>message'; '-->', '<--' and '--' in the nick's place are joins, quits, topic
# and mode lines; ' *' an action ('dana ack'd the page'); a nick may carry its mode ('@sam').
_WEECHAT_NOISE = frozenset({"-->", "<--", "--", "<->", "=!="})


def _weechat(rest: str, include_noise: bool) -> tuple[str, str] | str | None:
    """(message, nick) of a WeeChat log line, or why it is skipped; None when the line is not one."""
    nick, _, message = rest.partition("\t")
    nick = nick.strip()
    if not message.strip() or not nick or " " in nick or len(nick) > 40 or nick.upper() in _LOG_LEVELS:
        return None  # ('time<TAB>ERROR<TAB>message' is a log line with its level)
    message = message.strip()
    if nick in _WEECHAT_NOISE:
        return (message, "") if include_noise else f"a join, quit, topic or mode line ({_NOISE_NOTE})"
    if nick == "*":  # an action: the nick is the first word of the message
        return message, message.split(" ", 1)[0]
    return message, nick.lstrip("@+%~&")


# HexChat's lines between the messages: '-->' a join, '<--' a part or quit, '*' the server's notices (or an action)
_HEXCHAT_MARK = re.compile(r"(\*|-->|<--)\t(.*)")
_HEXCHAT_NOTICE = re.compile(
    r"(?:Now talking on|Topic for|\S+ has changed the topic to|\S+ is now known as|\S+ sets mode|\S+ has kicked"
    r"|\S+ gives|\S+ removes|Disconnected|Connecting to|Looking up|Cannot connect|\S+ has joined|\S+ has left"
    r"|\S+ has quit)\b"
)
# its own lines around a log: '**** BEGIN LOGGING AT Mon Mar  2 23:25:11 2026', '**** ENDING LOGGING AT …'
_HEXCHAT_LOGGING = re.compile(r"\*\*\*\* (?:BEGIN|ENDING) LOGGING AT\b")


def _chat(rest: str, include_noise: bool) -> tuple[str, str, str, str]:
    """What follows a time in a chat log: (text, author, note for the source, skip reason or '')."""
    first = rest[:1]
    hexchat = _HEXCHAT_MARK.fullmatch(rest) if first in "*-<" else None
    if hexchat is not None:
        mark, said = hexchat.groups()
        if mark != "*" or _HEXCHAT_NOTICE.match(said):  # a join, a quit, the topic: noise
            return said, "", "", "" if include_noise else f"an IRC join, quit or topic line ({_NOISE_NOTE})"
        return said, said.split(" ", 1)[0], "", ""  # '*\tdana is looking at …': an action, said by dana
    if first == "<":
        m = _IRC_NICK.fullmatch(rest)
        if m and f"</{m.group(1)}>" not in rest:
            return m.group(2) or "", m.group(1), "", ""
    elif first == "-" and rest.startswith("-!- "):
        if rest.startswith("-!- Irssi:"):
            return rest, "", "", "an IRC client status line, not an event"
        if not include_noise:
            return rest, "", "", f"an IRC join, quit or mode line ({_NOISE_NOTE})"
    elif first == "F" and rest.startswith("From"):
        m = _ZOOM_TO.fullmatch(rest)
        if m:
            to, dm = m.group("to"), m.group("dm")
            if (m.group("colon") and (len(m.group("sp")) > 1 or to.lower() == "everyone")) or dm:
                return m.group("text") or "", m.group("who"), f" (direct message to {to})" if dm else "", "zoom"
        m = _ZOOM_OLD.fullmatch(rest)
        if m and not any(word in _NOT_A_NAME for word in m.group("who").lower().split()):
            return m.group("text") or "", m.group("who"), "", "zoom"
    return rest, "", "", ""


def _whatsapp(rest: str, include_noise: bool) -> tuple[str, str, str]:
    """A WhatsApp message after its time: (text, author, skip reason or '')."""
    m = _WHATSAPP_AUTHOR.fullmatch(rest)
    if m:
        text, author = m.group(2).strip(), m.group(1).strip()
        # iOS marks what WhatsApp wrote itself (notices, attachments, deletions) with a left-to-right mark
        written_by_whatsapp = text[:1] in _BIDI_MARKS
        text = text.strip(_BIDI_MARKS + " ")
        # an edited message is imported with its text as it now reads, as Slack's are
        text = _WHATSAPP_EDITED.sub("", text).rstrip()
        if text == "<Media omitted>" or _WHATSAPP_IOS_MEDIA.fullmatch(text):
            return text, author, f"a media file left out of the export ({text!r})"
        if text.rstrip(".") in ("This message was deleted", "You deleted this message"):
            return text, author, "deleted message"
        if "end-to-end encrypted" in text and written_by_whatsapp:
            return text, author, "WhatsApp's note on end-to-end encryption, not an event"
        if written_by_whatsapp and not include_noise:
            return text, author, f"a WhatsApp group notice ({_NOISE_NOTE})"
        return text, author, ""
    if "end-to-end encrypted" in rest:
        return rest, "", "WhatsApp's note on end-to-end encryption, not an event"
    if include_noise:
        return rest, "", ""
    return rest, "", f"a WhatsApp group notice ({_NOISE_NOTE})"


def _whatsapp_file(lines: list[str]) -> bool:
    """Whether the text is a WhatsApp export: its encryption notice is there, or most of the lines dated as
    WhatsApp dates them go on 'Name: text' (German notes '26.11.2024, 23:42 - Deploy gestartet' are not)."""
    dated = named = 0
    for line in lines:
        m = _WHATSAPP.match(line)
        if m is None:
            continue
        rest = line[m.end() :]
        if "end-to-end encrypted" in rest:
            return True
        dated += 1
        named += _WHATSAPP_AUTHOR.fullmatch(rest) is not None
    return dated > 0 and named * 2 > dated


# Discord, copied from the client: 'Dana — Today at 11:38 PM' or 'Dana — 11/26/2026 11:38 PM' above the
# message; a message grouped under the one above shows only its time: '[11:40 PM]'.
_DISCORD = re.compile(
    r"(?P<name>\S[^\t]{0,60}?) [—–] (?:(?:Today|Yesterday|Heute|Gestern|Aujourd'hui|Hier) (?:at|um|à) |"
    r"(?P<date>\d{1,4}[/.]\d{1,2}[/.]\d{2,4}),? )(?P<time>\d{1,2}:\d{2}(?:[ \t\u202f\u00a0]?[AaPp]\.?[Mm]\.?)?)[ \t]*$"
)
_DISCORD_GROUPED = re.compile(r"\[\d{1,2}:\d{2}(?:[ \t\u202f\u00a0]?[AaPp]\.?[Mm]\.?)?\][ \t]*$")


# Slack, copied from the desktop app: 'Dana Whitfield  11:41 PM' above the message; a message grouped under it
# shows only '11:44' (its AM/PM is the header's), and reactions come as ':eyes:' with the count on the next line.
_SLACK_COPY = re.compile(
    r"(?P<name>[^\W\d_][^\t]{0,60}?)[ \t]{2,}(?P<time>\d{1,2}:\d{2}(?:[ \t\u202f\u00a0]?[AaPp]\.?[Mm]\.?)?)[ \t]*$"
)
# The new Teams copies the same header with one space: 'Dana Whitfield 11:24 PM' (a person's name only).
_SLACK_COPY_ONE_SPACE = re.compile(
    r"(?P<name>[^\W\d_][^\t]{0,60}?)[ \t](?P<time>\d{1,2}:\d{2}(?:[ \t\u202f\u00a0]?[AaPp]\.?[Mm]\.?)?)[ \t]*$"
)


def _copy_header(line: str) -> re.Match[str] | None:
    """A Slack (or new Teams) desktop copy's header: a name and a time, alone on the line."""
    header = _SLACK_COPY.match(line)
    if header is not None:
        return header
    header = _SLACK_COPY_ONE_SPACE.match(line)
    name = header.group("name").strip() if header is not None else ""
    return header if name and _a_person(name) and name.split()[0] in FIRST_NAMES else None


# Under a chat message copied from Teams (or Slack): 'Edited', reactions ('👍 2', '❤️ 3'), people joining.
_EMOJI = "\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff\ufe0f\u200d"
_CHAT_NOISE_LINE = re.compile(
    rf"\(?Edited\)?|(?:[{_EMOJI}]{{1,6}}[ \t]*\d{{1,4}}[ \t]*)+|"
    r"(?P<who>[A-Z][\w'’.\-]*(?:[ \t][A-Z][\w'’.\-]*){0,3})[ \t](?:was added to|was removed from|has left|left|"
    r"has joined|joined)[ \t]the[ \t](?:chat|conversation)\.?|"
    r"(?P<by>[A-Z][\w'’.\-]*(?:[ \t][A-Z][\w'’.\-]*){0,3})[ \t]added[ \t][A-Z][\w'’.\- ]{0,60}[ \t]to the "
    r"(?:chat|conversation)\.?"
)


def _chat_noise(line: str) -> bool:
    """'Edited', a reaction ('👍 2'), or a person joining ('Sam Okafor was added to the chat.'): not a message
    ('+1', '$400', 'I added the runbook link to the chat.', 'The CTO joined the meeting.' are)."""
    m = _CHAT_NOISE_LINE.fullmatch(line)
    if m is None:
        return False
    who = m.group("who") or m.group("by")
    return who is None or who.split()[0] in FIRST_NAMES


_SLACK_GROUPED = re.compile(r"\d{1,2}:\d{2}[ \t]*$")
_THREAD_SUMMARY = re.compile(r"\d+ repl(?:y|ies)|Last reply .{1,40}(?:View thread)?|View thread", re.IGNORECASE)
_REACTION = re.compile(r"(?::[\w+\-']+:[ \t]*)+$")


def _grouped_time(text: str, period: str, last: time | None, dayfirst: bool | None) -> Spec | None:
    """A grouped Slack time without AM/PM ('12:03'): with a 12-hour header above, the reading (AM or PM) that
    comes soonest after the message above ('12:03' after '11:56 AM' is PM, after '11:52 PM' is AM)."""
    if not period or last is None:
        found = _scan_line(text, dayfirst)
        return found[0] if found is not None and found[0][0] == "clock" else None
    best: tuple[int, Spec] | None = None
    for half in ("AM", "PM"):
        found = _scan_line(f"{text} {half}", dayfirst)
        if found is None or found[0][0] != "clock":
            continue
        clock = found[0][1]
        after = ((clock.hour * 60 + clock.minute) - (last.hour * 60 + last.minute)) % (24 * 60)
        if best is None or after < best[0]:
            best = (after, found[0])
    return best[1] if best is not None else None


def _slack_copy_file(lines: list[str]) -> str:
    """'slack' when the text is a Slack desktop copy: two header lines or more with a message under them that
    does not start with a time; 'transcript' when the headers count from 0:00 (a Teams or Stream transcript:
    'Dana Whitfield   0:03', minutes and seconds into the recording); else ''."""
    times: list[str] = []
    for number, line in enumerate(lines[:5000]):
        header = _copy_header(line.strip())
        if header is None or not _a_name(header.group("name").strip()):
            continue
        below = _clean(lines[number + 1]).strip() if number + 1 < len(lines) else ""
        if below and not _copy_header(below) and _scan_line(below) is None:
            times.append(header.group("time"))
    if len(times) < 2:
        return ""
    if not any(t[-1:].lower() == "m" for t in times) and times[0].startswith(("0:", "00:")):
        return "transcript"
    return "slack"


# Messages under a header that names the author and the time, the rest of the lines being their text:
# Jira's comment history ('Dana Whitfield added a comment - 26/Nov/26 11:44 PM'), and e-mail threads (Gmail's
# 'On Thu, 26 Nov 2026 at 23:41, Dana <d@x> wrote:', Outlook's 'From:' and 'Sent: Friday, November 27, ...').
_JIRA_COMMENT = re.compile(
    r"(?P<name>\S.{0,60}?) (?:added|edited) a comment - (?P<stamp>\d{1,2}/[A-Za-z]{3}/\d{2,4},? \d{1,2}:\d{2}"
    r"(?:[ \t]?[AaPp][Mm])?)(?: - edited)?[ \t]*$"
)
_EMAIL_WROTE = re.compile(
    r"On (?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,? )?(?P<stamp>[^<>]{6,40}?\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:[ \t\u202f]?[AaPp]\.?[Mm]\.?)?)(?:,| |, )(?P<name>[^<>,]{1,60}?)(?:[ \t]*<[^<>]*>)?[ \t]+wrote:[ \t]*$"
)
_EMAIL_SENT = re.compile(r"(?:Sent|Date):[ \t]+(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? )?(?P<stamp>.{6,60}?)[ \t]*$")
_EMAIL_FROM = re.compile(r"From:[ \t]+(?P<name>[^<>]{1,60}?)(?:[ \t]*<[^<>]*>)?[ \t]*$")
_EMAIL_HEADER = re.compile(r"(?:To|Cc|Bcc|Subject|Reply-To|Importance):[ \t]")
_QUOTE_MARKS = re.compile(r"(?:>[ \t]?)+")


def _headed_kind(lines: list[str]) -> str:
    """'jira' or 'email' when two lines or more are such headers (quote marks aside), else ''."""
    jira = email = 0
    for line in lines[:5000]:
        bare = _QUOTE_MARKS.sub("", line.strip(), count=1).strip() if line.lstrip().startswith(">") else line.strip()
        if not bare.startswith(("On ", "Sent:", "Date:")) and " a comment - " not in bare:
            continue
        m = _JIRA_COMMENT.match(bare) or _EMAIL_WROTE.match(bare) or _EMAIL_SENT.match(bare)
        found = _scan_line(m.group("stamp").replace(" at ", " ")) if m else None
        if found is None or found[0][0] not in ("abs", "naive") or found[1].strip(" ,"):
            continue  # a header names a full date and time, and nothing else
        if m.re is _JIRA_COMMENT:
            jira += 1
        else:
            email += 1
    if jira >= 2:
        return "jira"
    return "email" if email >= 2 else ""


def _parse_headed(lines: list[str], kind: str, ctx: _Context, dayfirst: bool | None) -> list[_Item]:
    recs: list[_Rec] = []
    current: _Rec | None = None
    sender = ""  # e-mail: the From: line above a Sent: line
    for number, raw in enumerate(lines, 1):
        line = _clean(raw).strip()
        if kind == "email" and line.startswith(">"):
            line = _QUOTE_MARKS.sub("", line, count=1).strip()
        where = f"line {number}"
        if not line:
            continue
        stamp = name = ""
        if kind == "jira" and (m := _JIRA_COMMENT.match(line)):
            stamp, name = m.group("stamp"), m.group("name")
        elif kind == "email" and (m := _EMAIL_WROTE.match(line)):
            stamp, name = m.group("stamp").replace(" at ", " "), m.group("name")
        elif kind == "email" and (m := _EMAIL_FROM.match(line)):
            sender, current = m.group("name"), None
            continue
        elif kind == "email" and (m := _EMAIL_SENT.match(line)):
            stamp, name = m.group("stamp").replace(" at ", " "), sender
        elif kind == "email" and _EMAIL_HEADER.match(line):
            continue  # To:, Cc:, Subject: of the message below
        if stamp:
            found = _scan_line(stamp, dayfirst)
            if found is not None and found[0][0] not in ("date", "bad") and not found[1].strip(" ,"):
                spec = ctx.read_abbreviation(found[0], where)
                source = f"{ctx.name}:{number}" + (f" @{_limit(name.strip(), 60)}" if name.strip() else "")
                current = _Rec(where=where, spec=spec, texts=[], source=source, order=number)
                recs.append(current)
                continue
        if current is None:
            ctx.skipped.append(Skipped(where, "no time at the start of the line, and not under a message's header"))
            continue
        current.texts.append(line)
    kept = []
    for rec in recs:
        if rec.texts:
            kept.append(rec)
        else:
            ctx.skipped.append(Skipped(rec.where, "a message header with no text under it"))
    noun = "Jira comments" if kind == "jira" else "an e-mail thread"
    ctx.notes.append(f"read as {noun}: each message at the time in its header, its author in the source")
    return _place(kept, ctx.default_zone, ctx.default_label, ctx.anchor, ctx.display, ctx.skipped, changes=ctx.notes)


# DiscordChatExporter's text export: an author with the discriminator Discord gives ('sam.okafor#0'), the lines
# that mark an embed or an attachment, and the system messages it writes as text
_DCE_AUTHOR = re.compile(r"[^\s#\[\]]{1,40}#\d{1,4}")
_DCE_NAME = re.compile(r"[^\s#\[\]]{1,40}")  # newer versions, with no discriminator: under its banner only
_DCE_MARKERS = frozenset({"{Embed}", "{Attachments}", "{Stickers}", "{Reactions}"})
_DCE_NOISE = (["Joined the server."], ["Pinned a message."], ["Started a thread."])


def _discord_file(lines: list[str]) -> bool:
    """Whether the text is a Discord copy: two header lines or more, most with the message under them (an image
    or an embed leaves a header with nothing under it)."""
    headers = with_text = 0
    for number, line in enumerate(lines[:5000]):
        if _DISCORD.match(line.strip()):
            below = lines[number + 1].strip() if number + 1 < len(lines) else ""
            headers += 1
            with_text += bool(below) and not _DISCORD.match(below)
    return with_text >= 2 and with_text * 2 >= headers


def _a_name(text: str) -> bool:
    """'Alice Nguyen', 'Carol Díaz', "Dana O'Neil (Guest)": a person's name as chat apps show it."""
    if len(text) > 80:
        return False
    words = re.sub(r"[ \t]*\([^()]{1,30}\)$", "", text).split()
    return 0 < len(words) <= 4 and all(w[0].isupper() and re.sub(r"['’.-]", "", w).isalpha() for w in words)


def _a_person(text: str) -> bool:
    """A name on a Teams line: two to four capitalised words, none a word of a log message."""
    words = re.sub(r"[ \t]*\([^()]{1,30}\)$", "", text).split()
    return 2 <= len(words) <= 4 and _a_name(text) and not any(w.lower() in _NOT_IN_A_NAME for w in words)


def _dedent(lines: list[str]) -> list[str]:
    """Continuation lines without the indentation they all share (a traceback keeps its own)."""
    prefix: str | None = None
    for line in lines:
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if prefix is None:
            prefix = indent
        else:
            size = 0
            for a, b in zip(prefix, indent, strict=False):
                if a != b:
                    break
                size += 1
            prefix = prefix[:size]
        if not prefix:
            return lines
    return [line[len(prefix) :] for line in lines] if prefix else lines


def _irc_status(m: re.Match[str], number: int, ctx: _Context) -> _Rec | None:
    """'--- Day changed …' and '--- Log opened …' are date headings ('Log opened' is listed as skipped too);
    '--- Log closed …' is skipped."""
    what = m.group(1)
    where = f"line {number}"
    if what != "Day changed":
        ctx.skipped.append(Skipped(where, f"IRC '{what.lower()}' line, not an event"))
        if what == "Log closed":
            return None
    d = _IRC_DATE.search(m.group(2))
    if d is None:
        return None
    try:
        day = date(int(d.group(3)), _MONTHS[d.group(1).lower()[:3]], int(d.group(2)))
    except ValueError:
        return None
    return _Rec(where=where, spec=("date", day, None, ""), texts=[], source="", order=number)


# A line that starts with an n/n date and a time: '26/11/2024, 23:42 - …', '[26/11 23:42] …', '11/26/2024 11:42 PM'.
_SLASH_LINE = re.compile(
    r"^[ \t]*\[?((\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?)(?![\d/]),?[ \t]+\d{1,2}:\d{2}(?::\d{2})?"
    r"(?:[ \t\u202f\u00a0]?([AaPp])\.?[Mm])?",
    re.MULTILINE,
)
_MONTH_FULL = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def _order_by_steps(dates: list[tuple[int, int, int]]) -> bool | None:
    """Day first (True) or month first when only one reading has the file's dates follow each other day by day
    (a chat from 05/11 to 06/11 spans a day read day first, a month read month first); None if both do."""

    def steady(dayfirst: bool) -> bool:
        days = []
        for a, b, year in dates:
            month, day = (b, a) if dayfirst else (a, b)
            try:
                days.append(date(year, month, day))
            except ValueError:
                return False
        return all(0 <= (later - earlier).days <= 2 for earlier, later in itertools.pairwise(days))

    if len(dates) < 2:
        return None
    day_steady, month_steady = steady(True), steady(False)
    return day_steady if day_steady != month_steady else None


def _slash_order_of_text(text: str, ctx: _Context, fallback: tuple[bool, str] | None = None) -> bool | None:
    """Day first (True) or month first for the n/n dates that start the file's lines; None if there are none.

    A number above 12 settles it (the most such lines win); else the reading that puts the dates on the
    incident's date; else the one that keeps them within days of each other; else month first with 12-hour times
    (as in the US), else `fallback` (the order and why), else day first; and a note says so."""
    if "/" not in text:
        return None
    day_first = month_first = fits_day = fits_month = 0
    twelve_hour = found = False
    example: tuple[str, int, int, str] | None = None  # the first date that reads both ways
    both_ways: list[tuple[int, int, int]] = []  # (a, b, year) of the dates that read both ways, in file order
    for m in _SLASH_LINE.finditer(text):
        found = True
        a, b, year = int(m.group(2)), int(m.group(3)), m.group(4)
        twelve_hour = twelve_hour or m.group(5) is not None
        if a > 12 >= b:
            day_first += 1
        elif b > 12 >= a:
            month_first += 1
        elif a <= 12 and b <= 12:
            # 03/03 reads one way, but it places the dates around it: 02/03, 03/03 is a day apart read day first
            if len(both_ways) < 1000 and (not both_ways or both_ways[-1][:2] != (a, b)):
                both_ways.append((a, b, _full_year(year) if year else 2000))
            if a == b:
                continue
            example = example or (m.group(1), a, b, year or "")
            if ctx.anchor is not None:
                full = _full_year(year) if year else ctx.anchor.year
                for (month, day), counter in (((b, a), "day"), ((a, b), "month")):
                    try:
                        near = abs((date(full, month, day) - ctx.anchor).days) <= 3
                    except (ValueError, OverflowError):
                        near = False
                    if near and counter == "day":
                        fits_day += 1
                    elif near:
                        fits_month += 1
    if not found:
        return None
    if day_first or month_first:
        if day_first and month_first:
            order = "day/month" if day_first >= month_first else "month/day"
            ctx.notes.append(f"n/n dates are written both day/month and month/day: read as {order}, as most are")
        return day_first >= month_first
    if example is None or fits_day != fits_month:
        return fits_day >= fits_month
    written, a, b, year = example
    by_steps = _order_by_steps(both_ways)
    if by_steps is not None:
        dayfirst, why = by_steps, ", which keeps the dates within days of each other"
    elif twelve_hour:
        dayfirst, why = False, ", as with 12-hour times"
    else:
        dayfirst, why = fallback or (True, "")
    day, month = (a, b) if dayfirst else (b, a)
    shown = f"{day} {_MONTH_FULL[month - 1]}" + (f" {_full_year(year)}" if year else "")
    order = "day/month" if dayfirst else "month/day"
    ctx.notes.append(
        f"'{written}' read as {order} ({shown}){why}: no date in the file has a number above 12 to show the order"
    )
    return dayfirst


def _time_only(line: str, dayfirst: bool | None) -> Spec | None:
    """The time of a line that holds only a time ('Nov 27, 00:45 UTC'); else None."""
    found = _scan_line(line, dayfirst)
    if found is None or found[1] or found[0][0] in ("date", "bad"):
        return None
    return found[0]


# How each update of a Statuspage incident history starts: 'Resolved - This incident has been resolved.'
_STATUS_UPDATE = re.compile(
    r"(?:Resolved|Update|Updated|Monitoring|Identified|Investigating|Postmortem|Completed|Scheduled|In progress|"
    r"Verifying|Acknowledged)\s+[-–—]\s"
)


def _times_below(lines: list[str], dayfirst: bool | None) -> bool:
    """Whether every time stands alone on the line under its text, as in a Statuspage history: the file ends
    with a time, each time has a text line right above it, the lines between two times are one block, and
    most blocks open as Statuspage's updates do ('Resolved - ...'). Notes that put a time on a line of its
    own above their text ('23:41' / 'deploy started') are read times-first, as ever."""
    filled = [number for number, line in enumerate(lines) if line.strip()]
    if len(filled) < 4 or _time_only(_clean(lines[filled[-1]]), dayfirst) is None:
        return False
    times = updates = 0
    above = False  # the line above is a text line, in a block with no blank line in it since the last time
    block_start = True  # the next text line opens a block
    previous = -2
    for number in filled:
        line = _clean(lines[number])
        found = _scan_line(line, dayfirst)
        if found is not None and found[0][0] not in ("date", "bad"):
            if found[1] or not above or previous != number - 1:
                return False  # a time with text on its line, or with no text right above it
            times += 1
            above = False
            block_start = True
        elif above and previous != number - 1 and times:
            return False  # a blank line inside the text of one time: times come first
        else:
            if block_start and _STATUS_UPDATE.match(line.strip()):
                updates += 1
            block_start = False
            above = True
        previous = number
    return times >= 2 and updates * 2 >= times


def _markdown_table_rows(lines: list[str]) -> dict[int, tuple[tzinfo, str] | None]:
    """The line numbers (from 1) of Markdown tables' rows: runs of lines that start with '|' at the line's start,
    whose second line is a separator row ('|---|---|'). A '| … |' line indented under a log line, or a run with
    no separator row (a query's result printed in a log), is text. Each row maps to the zone its table's header
    names for the times ('| Time (UTC) | Event |'), or None."""
    rows: dict[int, tuple[tzinfo, str] | None] = {}
    index = 0
    while index < len(lines):
        if not lines[index].startswith("|"):
            index += 1
            continue
        end = index
        while end < len(lines) and lines[end].startswith("|"):
            end += 1
        cells = lines[index + 1].strip().strip("|").split("|") if index + 1 < end else []
        if cells and all(_TABLE_RULE.fullmatch(cell.strip()) for cell in cells):
            zone = _header_zone(lines[index].strip().strip("|").split("|")[0])
            rows.update(dict.fromkeys(range(index + 1, end + 1), zone))
        index = end
    return rows


def _parse_times_below(lines: list[str], ctx: _Context, dayfirst: bool | None) -> list[_Item]:
    """A file whose times come under their text: each time with the block of lines right above it."""
    recs: list[_Rec] = []
    block: list[tuple[int, str]] = []
    for number, raw in enumerate(lines, 1):
        line = _clean(raw)
        if not line.strip():
            for heading, _ in block:  # a title above a blank line
                ctx.skipped.append(Skipped(f"line {heading}", _HEADING))
            block = []
            continue
        spec = _time_only(line, dayfirst)
        if spec is None:
            block.append((number, line.strip()))
            continue
        update = next((i for i, (_, text) in enumerate(block) if _STATUS_UPDATE.match(text)), 0)
        for heading, _ in block[:update]:  # the incident's title right above its first update
            ctx.skipped.append(Skipped(f"line {heading}", _HEADING))
        block = block[update:]
        first = block[0][0]
        spec = ctx.read_abbreviation(spec, f"line {number}")
        recs.append(
            _Rec(
                where=f"line {number}",
                spec=spec,
                texts=[text for _, text in block],
                source=f"{ctx.name}:{first}",
                order=first,
                headline=1,
                # a status page's update is a message to customers, whatever it says
                kind=(EventKind.COMMUNICATION, False) if _STATUS_UPDATE.match(block[0][1]) else None,
            )
        )
        block = []
    ctx.notes.append(
        "read as a Statuspage history: each time is the time of the update above it (every time in the file "
        "stands on its own line under its update's text)"
    )
    return _place(recs, ctx.default_zone, ctx.default_label, ctx.anchor, ctx.display, ctx.skipped, changes=ctx.notes)


# Shell history with times: bash writes '#1764244800' above each command when HISTTIMEFORMAT is set; zsh's
# extended history puts ': 1764244800:0;command' on the command's line.
_BASH_STAMP = re.compile(r"#(1\d{9})")
_ZSH_ENTRY = re.compile(r": (1\d{9}):\d+;(.*)")


def _shell_history(lines: list[str]) -> str:
    """'bash' or 'zsh' when the file is a shell history with times (two time stamps or more, and a third of
    its lines at least: older commands, typed before times were set up, have none); else ''."""
    filled = [line.strip() for line in lines if line.strip()]
    for shell, pattern in (("bash", _BASH_STAMP), ("zsh", _ZSH_ENTRY)):
        stamped = sum(1 for line in filled if pattern.fullmatch(line))
        if stamped >= 2 and stamped * 3 >= len(filled):
            others = [line for line in filled[:2000] if not pattern.fullmatch(line)]
            timed = sum(1 for line in others if _scan_line(line) is not None)
            if timed * 10 <= len(others):  # notes with '#1234567890 ticket' lines keep their times
                return shell
    return ""


# bash's history numbers: '%5d' then '*' (an edited entry) or a space, then a space: '  501  ', '  502* '. Not
# `cat -n`'s six columns, a PID at the line's start or a hand-numbered note ('1  23:36 …'): a numbered log is a log.
_HISTORY_NUMBER = re.compile(r"(?:(?=[ \d]{5}[* ] \S) {0,4}\d{1,5}|\d{6,7})[* ] ")


def _history_listing(lines: list[str]) -> list[str] | None:
    """The lines of `history` output with times (HISTTIMEFORMAT set), as '<time> $ <command>' lines, when most of
    them are numbered entries whose time follows the number; else None."""
    filled = [line for line in lines if line.strip()]
    if len(filled) < 2 or not _HISTORY_NUMBER.match(filled[0]):
        return None
    out: list[str] = []
    stamped = 0
    for line in lines:
        m = _HISTORY_NUMBER.match(line)
        found = _scan_line(line[m.end() :]) if m is not None else None
        if m is None or found is None or found[0][0] in ("date", "bad") or not found[1]:
            out.append(line)
            continue
        stamped += 1
        rest = line[m.end() :]
        out.append(f"{rest[: found[3]].rstrip()} $ {rest[found[3] :].strip()}")
    return out if stamped >= 2 and stamped * 3 >= len(filled) * 2 else None


def _parse_shell_history(lines: list[str], shell: str, ctx: _Context) -> list[_Item]:
    """Each command at the time its shell wrote for it, as '$ command'. A command with no time (typed
    before HISTTIMEFORMAT was set) is skipped; lines ending in a backslash go on below."""
    recs: list[_Rec] = []
    current: _Rec | None = None
    for number, raw in enumerate(lines, 1):
        line = _clean(raw).rstrip()
        where = f"line {number}"
        stamp = _BASH_STAMP.fullmatch(line.strip()) if shell == "bash" else None
        entry = _ZSH_ENTRY.fullmatch(line) if shell == "zsh" else None
        if stamp is not None or entry is not None:
            seconds = int((stamp or entry).group(1))  # type: ignore[union-attr]
            spec: Spec = ("abs", datetime.fromtimestamp(seconds, UTC), UTC, "")
            texts = [] if entry is None else [entry.group(2).strip()]
            current = _Rec(where=where, spec=spec, texts=texts, source=f"{ctx.name}:{number}", order=number)
            recs.append(current)
            continue
        if not line.strip():
            continue
        if current is None or (shell == "zsh" and not (current.texts and current.texts[-1].endswith("\\"))):
            setting = "HISTTIMEFORMAT is set" if shell == "bash" else "EXTENDED_HISTORY is set"
            ctx.skipped.append(Skipped(where, f"a command with no time ({shell} writes times only once {setting})"))
            continue
        current.texts.append(line.strip())
    for rec in recs:
        command = " ".join(text.removesuffix("\\").strip() for text in rec.texts).strip()
        rec.texts = [f"$ {command}"] if command else []
    empty = [rec for rec in recs if not rec.texts]
    for rec in empty:
        ctx.skipped.append(Skipped(rec.where, "a time with no command under it"))
    ctx.notes.append(f"read as {shell} history: each command at the time the shell stamped it")
    kept = [rec for rec in recs if rec.texts]
    return _place(kept, ctx.default_zone, ctx.default_label, ctx.anchor, ctx.display, ctx.skipped, changes=ctx.notes)


def _message_below(lines: list[str], number: int, dayfirst: bool | None) -> bool:
    """Whether the line after line `number` (1-based) holds a message: not blank, and not starting with a time."""
    if number >= len(lines):
        return False
    below = _clean(lines[number])
    return bool(below.strip()) and _scan_line(below, dayfirst) is None


def _settle_abbreviations(recs: list[_Rec], ctx: _Context) -> None:
    """An ambiguous abbreviation right after a time (CST, IST, BST, MST) is a zone only when the file uses it
    consistently: on at least half of the lines that start with a time, or on two lines or more when no line
    gives another zone. Else it is a word ('23:42 IST team paged'): it stays in the text, and a note says so."""
    timed = [rec for rec in recs if rec.spec[0] != "date"]
    uses: dict[str, list[_Rec]] = {}
    for rec in timed:
        if rec.ambiguous is not None:
            uses.setdefault(rec.ambiguous[0], []).append(rec)
    for abbr, using in uses.items():
        others = sum(
            1 for rec in timed if rec.spec[2] is not None and (rec.ambiguous is None or rec.ambiguous[0] != abbr)
        )
        if len(using) * 2 >= len(timed) or (len(using) >= 2 and not others):
            continue
        for rec in using:
            _, spec, rest = cast(tuple[str, Spec, str], rec.ambiguous)
            rec.spec, rec.ambiguous = spec, None
            if rec.headline and rec.texts:
                rec.texts[0] = rest if rest.endswith(rec.texts[0]) else f"{abbr} {rec.texts[0]}"
            else:
                rec.texts.insert(0, rest or abbr)
                rec.headline = 1
        lines = f"on {using[0].where}" if len(using) == 1 else f"on {len(using)} lines from {using[0].where}"
        ctx.notes.append(
            f"'{abbr}' after the time {lines} left in the text, not read as a zone: it names several zones and "
            f"the file does not use it consistently ({len(using)} of {len(timed)} lines with a time); "
            "write the offset (e.g. +05:30) to have it read"
        )
    for rec in recs:
        rec.spec = ctx.read_abbreviation(rec.spec, rec.where)


def _yearless_date(value: tuple[int, int], ctx: _Context, recs: list[_Rec]) -> date | None:
    """'Tue 24 Nov': the date of that day and month nearest the last date the file gave, else the incident's
    (its date, or its start), within two weeks of it; None when there is none, or it is further."""
    near = None
    for rec in reversed(recs[-50:]):
        kind, value_of = rec.spec[0], rec.spec[1]
        if kind == "date":
            near = value_of
        elif kind in ("abs", "naive"):
            near = value_of.date()
        if near is not None:
            break
    near = near or ctx.anchor or (ctx.reference.date() if ctx.reference is not None else None)
    if near is None:
        return None
    candidates = []
    for year in (near.year - 1, near.year, near.year + 1):
        try:
            candidates.append(date(year, *value))
        except ValueError:
            continue
    best = min(candidates, key=lambda day: abs((day - near).days)) if candidates else None
    return best if best is not None and abs((best - near).days) <= 14 else None


def _date_in_title(line: str) -> date | None:
    """The first full date in a line (ISO, D.M.YYYY, or with the month's name), else None."""
    m = _DATE_IN_TITLE.search(line)
    if m is None:
        return None
    try:
        if m.group("iy"):
            return date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        if m.group("dy"):
            return date(int(m.group("dy")), int(m.group("dm")), int(m.group("dd")))
        named = _NAMED_DATE_LINE.fullmatch(m.group("named"))
        if named is None or named.group("y") is None:
            return None
        month = _month_number(named.group("m1") or named.group("m2"))
        return date(int(named.group("y")), month, int(named.group("d1") or named.group("d2")))
    except ValueError:
        return None


_ISO_START = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d")
_GHA_MARKER = re.compile(r"##\[(group|endgroup|command|debug|notice|warning|error)\]")
# `kubectl get events` (and its `-o wide` columns: SUBOBJECT, SOURCE … between OBJECT and MESSAGE)
_KUBECTL_EVENTS = re.compile(
    r"[ \t]*(?:NAMESPACE[ \t]+)?LAST SEEN[ \t]+TYPE[ \t]+REASON[ \t]+OBJECT[ \t]+(?:[A-Z][A-Z ]*[ \t]+)?MESSAGE"
)
_CUE = re.compile(r"[ \t]*(?:\d{1,2}:)?\d{2}:\d{2}[.,]\d{3}[ \t]+-->[ \t]+(?:\d{1,2}:)?\d{2}:\d{2}[.,]\d{3}")


# French notes write '23h40 : alerte' (and '23 h 40'): read as 23:40 when most timed lines of the file do so.
_FRENCH_TIME = re.compile(r"([ \t]*(?:[-*•][ \t]+)?~?)(\d{1,2})[ \t]?h[ \t]?(\d{2})(?=[ \t]*[:–—-]?[ \t])")


def _french_times(lines: list[str]) -> list[str]:
    french = [i for i, line in enumerate(lines[:5000]) if _FRENCH_TIME.match(line)]
    if len(french) < 2:
        return lines
    out = list(lines)
    for index, line in enumerate(lines):
        m = _FRENCH_TIME.match(line)
        if m is not None and int(m.group(2)) < 24 and int(m.group(3)) < 60:
            out[index] = f"{m.group(1)}{m.group(2)}:{m.group(3)}{line[m.end() :]}"
    return out


def _parse_text(text: str, ctx: _Context) -> list[_Item]:
    # iOS starts some lines with an invisible left-to-right mark ('\u200e[26/11/2026, 23:43:05] …'): not the text
    lines = [line.lstrip(_BIDI_MARKS) for line in _french_times(_split_lines(text))]
    cues = sum(1 for line in lines[:200] if _CUE.match(line))
    if any(_KUBECTL_EVENTS.match(line) for line in lines[:200]):
        ctx.empty_hint = (
            "kubectl get events shows ages (14m), not times, so they cannot be placed: "
            "export with `kubectl get events -o json` and import that"
        )
    transcript = (
        "a transcript (WebVTT or SRT): its times count from the start of the recording, not the clock, so "
        "they cannot be placed; import the meeting's chat or notes instead"
    )
    if text.lstrip("\ufeff \t\r\n").startswith("WEBVTT"):
        raise ctx.fail(transcript)
    if cues:
        ctx.empty_hint = transcript
    shell = _shell_history(lines)
    if shell:
        return _parse_shell_history(lines, shell, ctx)
    listed = _history_listing(lines)
    if listed is not None:  # `history` printed with HISTTIMEFORMAT: '  501  2026-03-02 23:36:02 kubectl …'
        lines = listed
        ctx.notes.append("read as the output of `history`: each command at the time it shows, its number left out")
    headed = _headed_kind(lines)
    if headed:
        return _parse_headed(lines, headed, ctx, _slash_order_of_text(text, ctx))
    dayfirst = _slash_order_of_text(text, ctx)
    if _times_below(lines, dayfirst):
        return _parse_times_below(lines, ctx, dayfirst)
    total = len(lines)
    step = _step(total)
    recs: list[_Rec] = []
    current: _Rec | None = None
    bad = False  # the last line with a time was skipped: the lines under it go with it
    blank = False  # a blank line came after the last line read
    compose = False  # docker compose logs: lines without a service prefix are compose's own
    pending_name: tuple[int, str] | None = None  # a skipped line just above that may name a chat message's author
    last = ("", "", "")  # the time as written, the service and the text of the last line read with a time
    in_trace = False  # the record being read opened a panic or a traceback: lines stamped alike go with it
    whatsapp = _whatsapp_file(lines)  # else a WhatsApp-like date is just a date, and 'Status: ok' no author
    # DiscordChatExporter's banner: '=====', 'Guild: …', 'Channel: …'
    dce_banner = any(line.startswith("Guild: ") for line in lines[:4]) and any(
        line.startswith("Channel: ") for line in lines[:5]
    )
    table_rows = _markdown_table_rows(lines)
    discord = _discord_file(lines)
    slack_copy = "" if discord else _slack_copy_file(lines)
    if slack_copy == "transcript":
        raise ctx.fail(
            "a meeting transcript (a name and the minutes into the recording on each speaker line): its times "
            "count from the start of the recording, not the clock, so they cannot be placed"
        )
    last_clock: time | None = None  # Slack copy: the time of the message above, for a grouped time's AM/PM
    discord_author = ""
    period = ""  # Slack copy: the AM/PM of the last header, for the grouped times under it
    first_filled = next((number for number, line in enumerate(lines, 1) if line.strip()), 0)
    skip_next = 0  # Slack copy: the line under a reaction holds its count
    if discord and dayfirst is None:  # the dates stand after the names: their order, read as at a line's start
        stamps = (_DISCORD.match(line.strip()) for line in lines)
        dated = [f"{m.group('date')} {m.group('time')}" for m in stamps if m is not None and m.group("date")]
        dayfirst = _slash_order_of_text("\n".join(dated), ctx) if dated else None
    for number, raw in enumerate(lines, 1):
        if number % step == 0:
            ctx.report(number, total)
        line = _clean(raw)
        if not line.strip():
            blank = True
            continue
        after_blank, blank = blank, False
        name_above, pending_name = pending_name, None
        where = f"line {number}"
        if cues and _CUE.match(line):
            ctx.skipped.append(Skipped(where, "a transcript cue: time into the recording, not the clock"))
            current, bad = None, True
            continue
        if line[0] == "-":
            if line.startswith("-- ") and _JOURNAL_MARK.fullmatch(line.rstrip()):
                ctx.skipped.append(Skipped(where, "a journalctl marker (boot, reboot or journal range), not an event"))
                current, bad = None, False
                continue
            status = _IRC_STATUS.match(line) if line.startswith("--- ") else None
            if status is not None:
                rec = _irc_status(status, number, ctx)
                if rec is not None:
                    recs.append(rec)
                current, bad = None, False
                continue
        found = None
        service = ""
        author = note = ""
        if discord:
            header = _DISCORD.match(line.strip())
            if header is not None:
                stamp = (
                    f"{header.group('date')} {header.group('time')}" if header.group("date") else header.group("time")
                )
                inner = _scan_line(stamp, dayfirst)
                if inner is not None and inner[0][0] not in ("date", "bad") and not inner[1]:
                    discord_author = header.group("name").strip()
                    found, line = (inner[0], "", False, len(line)), line.strip()
                    author = discord_author
            elif discord_author and _DISCORD_GROUPED.match(line.strip()):
                author = discord_author  # a message grouped under the one above: same author
        elif slack_copy:
            stripped = line.strip()
            header = _copy_header(stripped)
            if header is not None and _a_name(header.group("name").strip()):
                inner = _scan_line(header.group("time"), dayfirst)
                if inner is not None and inner[0][0] == "clock":
                    discord_author = header.group("name").strip()
                    period = header.group("time")[-2:].upper() if header.group("time")[-1:].lower() == "m" else ""
                    found, line, author = (inner[0], "", False, len(line)), stripped, discord_author
                    last_clock = inner[0][1]
            elif discord_author and _SLACK_GROUPED.match(stripped):
                inner = _grouped_time(stripped, period, last_clock, dayfirst)  # '11:44' under '11:41 PM' is PM
                if inner is not None:
                    found, line, author = (inner, "", False, len(line)), stripped, discord_author
                    last_clock = inner[1]
            elif _THREAD_SUMMARY.fullmatch(stripped) and current is not None and not ctx.include_noise:
                ctx.skipped.append(Skipped(where, f"a thread summary ({_NOISE_NOTE})"))
                continue
            elif _REACTION.match(stripped) and current is not None and not ctx.include_noise:
                below = lines[number].strip() if number < len(lines) else ""
                if below.isdigit():  # ':eyes:' and '2' under it: a reaction, not words of the message
                    ctx.skipped.append(Skipped(where, f"a reaction ({_NOISE_NOTE})"))
                    skip_next = number + 1
                    continue
            if number == skip_next:
                ctx.skipped.append(Skipped(where, f"a reaction count ({_NOISE_NOTE})"))
                continue
        if found is None and line[:1] == "[":
            m = _KUBECTL_PREFIX.match(line)
            inner = _scan_line(line[m.end() :], dayfirst) if m is not None else None
            if m is not None and inner is not None and inner[0][0] not in ("date", "bad"):
                service, line, found = m.group(1), line[m.end() :], inner  # kubectl logs --prefix: the pod
        if found is None and line[0] not in " \t|" and "| " in line[:100]:
            m = _COMPOSE.match(line)
            level = m is not None and m.group(1).upper() in _LOG_LEVELS
            if (
                m is not None
                and not level
                and not (_COMPOSE_SERVICE.fullmatch(m.group(1)) or _COMPOSE_STAMP.match(line, m.end()))
            ):
                m = None
            inner = _scan_line(line[m.end() :], dayfirst) if m is not None else None
            if m is not None and inner is not None and inner[0][0] not in ("date", "bad"):
                if level:  # NLog and the like: 'ERROR | 2024-11-26 23:41:02.5678 | text', the level kept
                    line = line[m.end() :]
                    found = (inner[0], f"{m.group(1)} {inner[1]}".rstrip(), inner[2], inner[3])
                else:
                    service, line, found, compose = m.group(1), line[m.end() :], inner, True
        if found is None and number in table_rows:
            # a Markdown table ('| 23:38 | First errors |', as in a write-up's Timeline section): a time in the
            # first cell makes the row an event, its other cells the text; other rows are said to be skipped
            cells = [cell.strip() for cell in line.strip()[1:-1].split("|")]
            if all(_TABLE_RULE.fullmatch(cell) for cell in cells):
                ctx.skipped.append(Skipped(where, "a table's separator row"))
                current, bad = None, False
                continue
            inner = _scan_line(cells[0], dayfirst) if cells[0] else None
            if inner is None or inner[0][0] in ("date", "bad", "yearless") or inner[1]:
                ctx.skipped.append(Skipped(where, "a table row without a time in its first cell"))
                current, bad = None, False
                continue
            spec = _in_zone(inner[0], table_rows[number])  # '| Time (UTC) | Event |': the header's zone
            found = (spec, " — ".join(cell for cell in cells[1:] if cell), inner[2], len(line))
        if found is None:
            found = _scan_line(line, dayfirst, yearless=True)
        estimated = False
        if found is None and line[0] not in " \t" and " [" in line and '] "' in line:
            access = _access_log(line)
            if access is not None:
                spec, rest, author = access
                found = (spec, rest, False, 0)
        if found is None:
            indented = line[0] in " \t"
            if (
                current is not None
                and (current.chat == "teams" or slack_copy)
                and not ctx.include_noise
                and _chat_noise(line.strip())
            ):
                ctx.skipped.append(Skipped(where, f"an edit mark, a reaction or a join ({_NOISE_NOTE})"))
                continue
            if compose and not indented:
                ctx.skipped.append(Skipped(where, "a docker compose status line (no time), not a service's log line"))
                current, bad = None, False
                continue
            if line.startswith("**** ") and _HEXCHAT_LOGGING.match(line):
                ctx.skipped.append(Skipped(where, "an IRC client status line, not an event"))
                current, bad = None, False
                continue
            if current is not None and (not after_blank or indented or _TRACE_GOES_ON.match(line)):
                current.texts.append(line.rstrip())
            elif current is not None or (bad and after_blank and not indented):
                # a heading ("Recovery") or a note ("TODO: …") after a blank line: not part of the event above
                ctx.skipped.append(Skipped(where, _HEADING))
                current, bad = None, False
            elif not bad:
                ctx.skipped.append(Skipped(where, "no time at the start of the line"))
                titled = _date_in_title(line) if number == first_filled and ctx.anchor is None else None
                if titled is not None:  # 'Störungsprotokoll, 26.11.2026': the date of the times below
                    recs.append(_Rec(where=where, spec=("date", titled, None, ""), texts=[], source="", order=number))
                    ctx.notes.append(f"the times take their date from {where}: {titled.isoformat()}")
            if ctx.skipped and ctx.skipped[-1].where == where and _a_name(line.strip()):
                pending_name = (len(ctx.skipped) - 1, line.strip())
            continue
        spec, rest, estimated, end = found
        if spec[0] == "yearless":
            day = _yearless_date(spec[1], ctx, recs)
            if day is None:
                ctx.skipped.append(
                    Skipped(
                        where, "a date without a year, and none near the incident's to take it from: write the year"
                    )
                )
                current, bad = None, False
                continue
            spec = ("date", day, None, "")
        if spec[0] == "bad":
            ctx.skipped.append(Skipped(where, spec[1]))
            current, bad = None, True
            continue
        stamp = line[:end]
        if current is not None and stamp == last[0] and service == last[1] and rest != last[2]:
            follows = _PG_FOLLOWS.match(rest) if rest[:1] == "[" else None
            if follows is not None and current.texts and current.texts[0].startswith(f"[{follows.group(1)}]"):
                current.texts.append(rest[follows.end() :])  # 'DETAIL:  …' under its 'ERROR:  …'
                continue
            more = line[end + 1 if line[end : end + 1] == " " else end :].rstrip()
            if _precise(stamp) and (in_trace or _CONTINUES.match(more)):  # a line of a panic, a traceback
                if more.strip():
                    current.texts.append(more)
                    in_trace = in_trace or _TRACE_HEADER.match(more) is not None
                last = (stamp, service, rest)
                continue
        last = (stamp, service, rest)
        in_trace = _TRACE_HEADER.match(rest) is not None
        if rest.startswith("##[") and not ctx.include_noise:  # GitHub Actions' log commands
            marker = _GHA_MARKER.match(rest)
            if marker is not None and marker.group(1) in ("endgroup", "debug"):
                ctx.skipped.append(
                    Skipped(where, f"a GitHub Actions ##[{marker.group(1)}] line (noise: skipped {_KEEP_NOISE})")
                )
                current, bad = None, True
                continue
            if marker is not None:
                level = marker.group(1).upper() + " " if marker.group(1) in ("error", "warning", "notice") else ""
                rest = level + rest[marker.end() :].strip()  # '##[group]Run ./deploy.sh': the step, no marker
        stream = _GITLAB_STREAM.match(rest)
        if stream is not None or rest.startswith("section_"):  # GitLab's job log (17: stamped lines)
            rest = _GITLAB_MARKERS.sub("", rest[stream.end() :] if stream is not None else rest).strip()
            if not rest:
                ctx.skipped.append(Skipped(where, "a GitLab section marker, with no text"))
                current, bad = None, True
                continue
        logged = _PY_LOGGING.match(rest) if " - " in rest[:90] and _PY_ASCTIME.search(line[:end]) else None
        if logged is not None and logged.group(2).upper() in _LOG_LEVELS and not service:
            # Python's logging ('%(asctime)s - %(name)s - %(levelname)s - %(message)s'): the logger is the source
            service, rest = logged.group(1), f"{logged.group(2).upper()} {logged.group(3)}"
        if rest.startswith(_JENKINS_STEP) and not ctx.include_noise:
            ctx.skipped.append(Skipped(where, f"a Jenkins [Pipeline] step line (noise: skipped {_KEEP_NOISE})"))
            current, bad = None, True
            continue
        if rest[:1] == "{" and rest.endswith("}"):
            rest = _json_line_text(rest) or rest  # a structured log line after the time (kubectl, docker)
        ambiguous = None
        abbr = _AMBIGUOUS_BY_ID.get(id(spec[2])) if spec[2] is not None else None
        if abbr is not None:
            plain = _scan_line(line, dayfirst, ambiguous=False)
            if plain is not None and plain[0][0] not in ("date", "bad"):
                ambiguous = (abbr, plain[0], plain[1])
        chat = fallback = ""
        if not author and line[0] in "[0123456789":
            if whatsapp and _WHATSAPP.match(line):
                rest, author, reason = _whatsapp(rest, ctx.include_noise)
                if reason:
                    ctx.skipped.append(Skipped(where, reason))
                    current, bad = None, True
                    continue
            elif (
                rest
                and line[0] == "["
                and (teams := _TEAMS.match(line)) is not None
                and _a_person(rest)
                # without a date ('[23:40] …') it could be a note's heading ('[23:40] Incident Declared'): a name
                and ("/" in teams.group() or rest.split()[0] in FIRST_NAMES)
                and _message_below(lines, number, dayfirst)
            ):
                author, fallback, chat, rest = rest, rest, "teams", ""  # the message is on the lines below
            elif not rest and name_above is not None and not after_blank and _SLASH_LINE.match(line):
                # Teams on the web: the name, then the date and time, then the message
                index, name = name_above
                if index == len(ctx.skipped) - 1:
                    ctx.skipped.pop()
                    author, fallback, chat = name, name, "teams"
        if (
            rest
            and not author
            and line[0] == "["
            and (_DCE_AUTHOR.fullmatch(rest) or (dce_banner and (_DCE_NAME.fullmatch(rest) or _a_name(rest))))
            and _message_below(lines, number, dayfirst)
        ):
            # DiscordChatExporter's text: '[02-Mar-26 11:32 PM] sam.okafor#0', the message on the lines below
            author, chat, rest = rest.rsplit("#", 1)[0] if "#" in rest else rest, "discord-export", ""
        if (
            rest
            and not author
            and spec[0] != "clock"  # WeeChat writes the date: '23:52<TAB>Mitigation<TAB>…' is a pasted table
            and line[end : end + 1] == "\t"
            and "\t" in line[end + 1 : end + 43]
        ):
            weechat = _weechat(line[end + 1 :], ctx.include_noise)
            if isinstance(weechat, str):
                ctx.skipped.append(Skipped(where, weechat))
                current, bad = None, True
                continue
            if weechat is not None:
                rest, author = weechat
        if rest and not author and rest[0] in "<-F*":
            rest, author, note, chat = _chat(rest, ctx.include_noise)
            if chat and chat != "zoom":
                ctx.skipped.append(Skipped(where, chat))
                current, bad = None, True
                continue
        bad = False
        source = f"{ctx.name}:{number}" + (f" @{author}{note}" if author else f" @{service}" if service else "")
        rec = _Rec(
            where=where,
            spec=spec,
            texts=[rest] if rest else [],
            source=source,
            order=number,
            estimated=estimated,
            headline=1 if rest else 0,
            chat=chat,
            fallback=fallback,
            ambiguous=ambiguous,
        )
        recs.append(rec)
        current = rec if spec[0] != "date" else None
    ctx.report(total, total)
    _settle_abbreviations(recs, ctx)
    kept = []
    for rec in recs:
        if len(rec.texts) > rec.headline:
            rec.texts[rec.headline :] = _dedent(rec.texts[rec.headline :])
        if rec.chat == "zoom" and not ctx.include_noise and rec.texts and rec.texts[0].startswith("Reacted to "):
            ctx.skipped.append(Skipped(rec.where, f"a reaction ({_NOISE_NOTE})"))
            continue
        if rec.chat == "teams" and not rec.texts:  # no message under it: the line was the message
            rec.texts, rec.headline, rec.source = [rec.fallback], 1, f"{ctx.name}:{rec.order}"
        if rec.chat == "discord-export":
            rec.texts = [text for text in rec.texts if text.strip() not in _DCE_MARKERS]  # '{Embed}' is no text
            if not ctx.include_noise and [text.strip() for text in rec.texts] in _DCE_NOISE:
                ctx.skipped.append(
                    Skipped(rec.where, f"a Discord system message ({rec.texts[0].strip()!r}): {_NOISE_NOTE}")
                )
                continue
        kept.append(rec)
    return _place(kept, ctx.default_zone, ctx.default_label, ctx.anchor, ctx.display, ctx.skipped, ctx.notes)


# --------------------------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------------------------


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def _header_key(cell: str) -> str:
    """'Created At', 'createdAt' and 'created_at' alike: 'created_at'; accents dropped ('Événement': 'evenement')."""
    plain = unicodedata.normalize("NFKD", cell.strip())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "_", _CAMEL.sub("_", plain).lower()).strip("_")


_DATETIME_HEADERS = (
    "timestamp",
    "datetime",
    "date_time",
    "date_and_time",
    "created_at",
    "created",
    "occurred_at",
    "time_stamp",
    "ts",
    "starts_at",
    "started_at",
    "start_time",
    "event_time",
    "start",
    "opened",  # ServiceNow
    "opened_at",
    "sys_created_on",
    "post_create_at",  # Mattermost's compliance export: 'Post CreateAt'
    "create_at",
)
_TIME_HEADERS = ("time", "when", "clock", "hour", "uhrzeit", "zeit", "wann", "heure", "hora", "tijd", "tijdstip")
_LOCAL_DATE_HEADERS = ("datum", "fecha", "dia", "jour")  # German, Spanish, French: dates written day first
_DATE_HEADERS = ("date", "day", *_LOCAL_DATE_HEADERS)
# A short title is a better event text than a long message (Datadog: Title and Message; Jira: Summary);
# the message is used when the title cell is empty.
_TITLE_HEADERS = ("title", "summary", "subject", "headline", "short_description")  # ServiceNow: 'Short description'

_TEXT_HEADERS = (
    "text",
    "message",
    "description",
    "event",
    "details",
    "detail",
    "note",
    "notes",
    "what",
    "msg",
    "content",
    "body",
    "log",  # Opsgenie's alert log: 'Log' says what happened, 'Alert Message' is the same on every row
    "log_message",
    "alert_message",
    "alertname",  # Prometheus
    "alert_name",
    "alert_rule",  # Grafana
    "rule_name",
    "rule",
    "alert",
    "post_message",  # Mattermost
    "work_notes",  # ServiceNow
    "comments",
    "raw",  # Splunk's export: '_raw', the event as logged
    # the same in German, French, Spanish and Dutch spreadsheets
    *("was", "ereignis", "beschreibung", "nachricht", "meldung", "notiz", "bemerkung"),
    *("quoi", "evenement", "commentaire", "remarque"),
    *("que", "evento", "descripcion", "mensaje", "nota"),
    *("wat", "gebeurtenis", "omschrijving", "bericht", "opmerking"),
)
_KIND_HEADERS = ("kind", "type", "category", "event_type", "kind_type")
_SOURCE_HEADERS = (
    *("source", "author", "user", "who", "by", "actor", "owner", "person", "reporter", "from"),
    *("wer", "quelle", "autor", "qui", "auteur", "quien", "fuente", "wie", "bron"),
)
_EVIDENCE_HEADERS = ("evidence", "link", "url", "ticket")
_ZONE_HEADERS = ("timezone", "tz", "zone", "time_zone")
_EVENT_ID_HEADERS = ("event_id",)
# An alert's state: part of the text when the same alert comes back in another state ('CheckoutHigh5xx: Normal').
_STATE_HEADERS = ("state", "status", "alertstate", "alert_state", "new_state", "current_state")
_STATE_KINDS: dict[str, EventKind] = {
    "alerting": EventKind.DETECTION,
    "firing": EventKind.DETECTION,
    "triggered": EventKind.DETECTION,
    "normal": EventKind.RESOLUTION,
    "ok": EventKind.RESOLUTION,
    "resolved": EventKind.RESOLUTION,
    "recovered": EventKind.RESOLUTION,
    "closed": EventKind.RESOLUTION,
}
_HEADER_ZONE = re.compile(r"[(\[]\s*([A-Za-z][A-Za-z_/+-]*[A-Za-z0-9]|[+-]\d{1,2}(?::?\d{2})?)\s*[)\]]|\b(UTC|GMT)\b")


_QUALIFIER = re.compile(r"(?:_[a-z]+){1,3}")
# 'Event ID' is an id, not an event; 'message_type' is a type, not a message.
_NOT_QUALIFIERS = ("_id", "_ids", "_type", "_count", "_number", "_no", "_code", "_key")


def _find(keys: list[str], names: tuple[str, ...], exclude: set[int] | frozenset[int] = frozenset()) -> int | None:
    """The first column whose header is one of names; else one of them with a qualifier ('time_utc')."""
    for name in names:
        for index, key in enumerate(keys):
            if index not in exclude and key == name:
                return index
    for name in names:
        for index, key in enumerate(keys):
            if (
                index not in exclude
                and key.startswith(name + "_")
                and _QUALIFIER.fullmatch(key, len(name))
                and not key.endswith(_NOT_QUALIFIERS)
            ):
                return index
    return None


@dataclass
class _Columns:
    when: int  # a full date-time (or a date, joined with `clock`)
    clock: int | None
    text: int
    fallback: int | None  # the text when the title in `text` is empty
    kind: int | None
    source: int | None
    evidence: int | None
    zone: int | None
    state: int | None = None
    event_id: int | None = None  # Windows: named in the source


def _columns(header: list[str], unnamed_text: bool = False) -> _Columns | None:
    """The columns a header names; with `unnamed_text`, the cells after the header's names are the text when
    no column is named for it (Windows Event Viewer's CSV: the description has no name)."""
    keys = [_header_key(cell)[:40] for cell in header]
    used: set[int] = set()

    def take(names: tuple[str, ...]) -> int | None:
        index = _find(keys, names, used)
        if index is not None:
            used.add(index)
        return index

    zone = take(_ZONE_HEADERS)  # first, so that 'time_zone' is not taken for a time
    when = take(_DATETIME_HEADERS)
    clock = None
    if when is None:
        day = take(_DATE_HEADERS)
        clock = take(_TIME_HEADERS)
        if day is not None:
            when = day
        else:
            when, clock = clock, None
    if when is None:
        return None
    kind = take(_KIND_HEADERS)
    text = take(_TITLE_HEADERS)
    fallback = take(_TEXT_HEADERS)
    if text is None:
        text, fallback = fallback, None
    if text is None:
        if not unnamed_text:
            return None
        text = len(header)
    source = take(_SOURCE_HEADERS)
    evidence = take(_EVIDENCE_HEADERS)
    state = take(_STATE_HEADERS)
    event_id = take(_EVENT_ID_HEADERS)
    return _Columns(when, clock, text, fallback, kind, source, evidence, zone, state, event_id)


def _header_problem(header: list[str]) -> str:
    """What a header that `_columns` refuses lacks: 'time column', 'text column' or both."""
    keys = [_header_key(cell)[:40] for cell in header]
    zone = _find(keys, _ZONE_HEADERS)
    used = frozenset() if zone is None else frozenset([zone])
    has_time = any(_find(keys, names, used) is not None for names in (_DATETIME_HEADERS, _DATE_HEADERS, _TIME_HEADERS))
    if not has_time:
        return (
            "time column and text column"
            if _find(keys, _TITLE_HEADERS + _TEXT_HEADERS, used) is None
            else "time column"
        )
    return "text column"


_DATADOG_FENCE = re.compile(r"\A%%%[ \t]*\n?|\n?[ \t]*%%%\Z")


def _markdown_fence(value: str) -> str:
    """A cell without the %%% lines Datadog puts around Markdown text."""
    if "%%%" not in value:
        return value
    return _DATADOG_FENCE.sub("", value).strip()


_HEADER_LIMIT = 8192  # characters of a CSV header line; a longer first line is not a header
_NOT_BLANK = re.compile(r"\S")


def _first_line(text: str) -> tuple[int, str]:
    """The first line that is not blank, and its number; only its first _HEADER_LIMIT + 1 characters."""
    m = _NOT_BLANK.search(text)
    if m is None:
        return 0, ""
    start = max(text.rfind("\n", 0, m.start()), text.rfind("\r", 0, m.start())) + 1
    number = len(_split_lines(text[:start]))
    return number, _split_lines(text[start : start + _HEADER_LIMIT + 1])[0]


def _split_header(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return line.split(delimiter)


def _delimiter(text: str, header: str) -> str:
    """csv.Sniffer on the first lines, checked against the header; else the most frequent of , ; tab |."""
    sample = "\n".join(_split_lines(text[:8192])[:20])
    try:
        sniffed = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except (csv.Error, ValueError, TypeError, IndexError, KeyError):
        sniffed = ""
    if sniffed and _columns(_split_header(header, sniffed)) is not None:
        return sniffed
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    for candidate in sorted(counts, key=lambda d: -counts[d]):
        if counts[candidate] and _columns(_split_header(header, candidate)) is not None:
            return candidate
    return best if counts[best] else (sniffed or ",")


def _without_type_line(text: str) -> str:
    """PowerShell's Export-Csv puts '#TYPE System.…' above the header: an empty line in its place."""
    if text.lstrip("\ufeff \t\r\n").startswith("#TYPE "):
        return "\n" + text.split("\n", 1)[1] if "\n" in text else ""
    return text


def _looks_like_csv(text: str) -> bool:
    text = _without_type_line(text[:100_000])
    _, header = _first_line(text)
    if len(header) > _HEADER_LIMIT or not any(d in header for d in ",;\t|"):
        return False
    delimiter = _delimiter(text, header)
    names = _split_header(header, delimiter)
    if _columns(names) is not None:
        return True
    return _columns(names, unnamed_text=True) is not None and _unnamed_cells(text, delimiter, len(names))


def _unnamed_cells(text: str, delimiter: str, names: int) -> bool:
    """Whether most of the first rows have more cells than the header has names."""
    filled = (row for _, row in _csv_rows(text[:16384], delimiter, []) if any(cell.strip() for cell in row))
    rows = list(itertools.islice(filled, 1, 21))  # after the header
    longer = sum(len(row) > names for row in rows)
    return longer > 0 and longer * 2 >= len(rows)


# US zones named without standard or daylight time, as column headers write them: 'Time (PT)'.
_GENERIC_ZONES = {
    "PT": "America/Los_Angeles",
    "MT": "America/Denver",
    "CT": "America/Chicago",
    "ET": "America/New_York",
}


def _header_zone(cell: str) -> tuple[tzinfo, str] | None:
    m = _HEADER_ZONE.search(cell)
    if not m:
        return None
    token = m.group(1) or m.group(2)
    if token.upper() in _GENERIC_ZONES:
        name = _GENERIC_ZONES[token.upper()]
        return ZoneInfo(name), name
    return _zone_token(token)


def _in_zone(spec: Spec, zone: tuple[tzinfo, str] | None) -> Spec:
    """A time without a zone read in `zone` (a header's, a zone column's); any other kept as it is."""
    if zone is None or spec[2] is not None:
        return spec
    if spec[0] == "naive":
        return ("abs", spec[1].replace(tzinfo=zone[0]), zone[0], zone[1])
    if spec[0] in ("clock", "mday"):
        return (spec[0], spec[1], zone[0], zone[1])
    return spec


def _slash_order(stamps: Iterable[str], delimiter: str, ctx: _Context, localised: bool = False) -> bool:
    """Day first or month first for a CSV's n/n/yyyy dates (each stamp: its date and time cells), read as in text
    (a number above 12, the incident's date, dates within days of each other, 12-hour times); else by the
    delimiter, as Excel writes them: ';' in most of Europe (day first), ',' in the US (month first)."""
    stamps = list(stamps)
    day_first = month_first = False
    for value in stamps:  # a number above 12 decides, whatever follows the date ('13/02/2026T14:05', '… at 14:05')
        m = _SLASH_DATE.match(value.strip())
        if m:
            a, b = int(m.group(1)), int(m.group(2))
            day_first |= a > 12
            month_first |= b > 12
    if day_first != month_first:
        return day_first
    if delimiter == ";":
        fallback = (True, ", as in a ';'-separated file (Excel in most of Europe)")
    elif localised:
        fallback = (True, ", as its column names are not English ('Fecha', 'Datum': day first outside the US)")
    else:
        fallback = (False, ", as in a comma-separated file from the US (give ISO dates if it is not)")
    dayfirst = _slash_order_of_text("\n".join(stamps), ctx, fallback)
    return fallback[0] if dayfirst is None else dayfirst


def _parse_csv(text: str, ctx: _Context) -> list[_Item]:
    text = _without_type_line(text)
    header_no, header_line = _first_line(text)
    if not header_line:
        raise ctx.fail("the file is empty")
    if len(header_line) > _HEADER_LIMIT:
        raise ctx.fail(
            f"the first line is longer than {_HEADER_LIMIT:,} characters: too long for a CSV header "
            "(is it a CSV file? choose another format with --format)",
            f"line {header_no}",
        )
    delimiter = _delimiter(text, header_line)
    rows = list(_csv_rows(text.replace("\x00", ""), delimiter, ctx.skipped))
    header_index = next((i for i, (_, row) in enumerate(rows) if any(c.strip() for c in row)), None)
    if header_index is None:
        raise ctx.fail("the file is empty")
    header_no, header = rows[header_index]
    cols = _columns(header)
    if cols is None and _unnamed_cells(text, delimiter, len(header)):
        cols = _columns(header, unnamed_text=True)
    if cols is None:
        shown = ", ".join(repr(_limit(_clean(c.strip()), 40)) for c in header[:30]) or "none"
        if len(header) > 30:
            shown += f" and {len(header) - 30} more"
        missing = _header_problem(header)
        advice = {
            "time column": "name one e.g. 'time' (or 'date' and 'time')",
            "text column": "name one e.g. 'text', 'message' or 'description'",
        }.get(missing, "name them e.g. 'time' (or 'date' and 'time') and 'text'")
        raise ctx.fail(f"no {missing} in the header (found {shown}); {advice}", where=f"line {header_no}")
    column_zone = _header_zone(header[cols.clock] if cols.clock is not None else header[cols.when])
    utc_stamps = (
        column_zone is None and cols.clock is None and not ctx.tz_given and header[cols.when].strip() == "@timestamp"
    )  # CloudWatch Logs Insights writes @timestamp in UTC, as ISO without a zone (Kibana's 'Nov 26, 2026 @ …' is local)
    if column_zone is None and cols.clock is not None:
        column_zone = _header_zone(header[cols.when])
    body = rows[header_index + 1 :]

    def stamp(row: list[str]) -> str:  # the date cell and the time cell ('00:00' without one), as a line reads
        clock = row[cols.clock].strip() if cols.clock is not None and cols.clock < len(row) else "00:00"
        return f"{row[cols.when].strip()} {clock}"

    localised = _header_key(header[cols.when]) in _LOCAL_DATE_HEADERS
    dayfirst = _slash_order((stamp(row) for _, row in body if cols.when < len(row)), delimiter, ctx, localised)
    # Jira's 'Export Excel CSV (all fields)': 'Comment' columns ('02/Mar/26 11:44 PM;<account id>;<text>') and
    # 'Resolved' (when the issue was resolved) are events of their own, beside the issue's Summary at Created
    keys = [_header_key(cell) for cell in header]
    jira_columns = (
        [i for i, key in enumerate(keys) if key == "comment"] + [i for i, key in enumerate(keys) if key == "resolved"]
        if "issue_key" in keys
        else []
    )
    recs: list[_Rec] = []
    states: list[str] = []  # each record's state cell, when there is a state column
    total = len(body)
    step = _step(total)

    def cell(row: list[str], index: int | None) -> str:
        return _clean(row[index]).strip() if index is not None and index < len(row) else ""

    for count, (number, row) in enumerate(body, 1):
        if count % step == 0:
            ctx.report(count, total)
        if not any(c.strip() for c in row):
            continue
        where = f"line {number}"
        if all(_TABLE_RULE.fullmatch(c.strip()) for c in row if c.strip()):
            ctx.skipped.append(Skipped(where, "a table's separator row"))  # a Markdown table's '|------|------|'
            continue
        value = cell(row, cols.when)
        if cols.clock is not None and cell(row, cols.clock):
            value = f"{value} {cell(row, cols.clock)}".strip()
        if not value:
            ctx.skipped.append(Skipped(where, "no time"))
            continue
        lead = _LEAD.match(value)  # '~3:10 PM', 'approx 15:10': an estimated time, as in text
        estimated = bool(lead and lead.group("estimated") and not lead.group(3))
        if estimated:
            value = value[lead.end() :]
        try:
            spec = _scan_cell(value, dayfirst)
        except (ValueError, OverflowError, OSError):
            spec = None
        if spec is None or spec[0] == "date":
            ctx.skipped.append(Skipped(where, f"cannot read the time {_limit(value, 60)!r}"))
            continue
        if spec[0] == "bad":
            ctx.skipped.append(Skipped(where, spec[1]))
            continue
        zone = _zone_token(cell(row, cols.zone)) if cell(row, cols.zone) else None
        if utc_stamps and zone is None and _ISO_START.match(value):
            zone = (UTC, "UTC")
            if not any(note.startswith("@timestamp") for note in ctx.notes):
                ctx.notes.append("@timestamp read as UTC, as CloudWatch writes it (give --tz if it is not)")
        spec = ctx.read_abbreviation(_in_zone(spec, zone or column_zone), where)
        message = _markdown_fence(cell(row, cols.fallback))
        text_value = _markdown_fence(cell(row, cols.text)) or message
        text_value = _inner_text(text_value)  # a structured log line in the message cell
        if len(row) > len(header) and cols.text >= len(header) - 1:
            # cells past the header's names: Windows' unnamed description, or a text with an unquoted comma
            text_value = ", ".join(
                part for part in [text_value, *(_clean(c).strip() for c in row[cols.text + 1 :])] if part
            )
        if not text_value:
            ctx.skipped.append(Skipped(where, "no text"))
            continue
        author = cell(row, cols.source)
        event_id = cell(row, cols.event_id)
        source = (
            f"{ctx.name}:{number}" + (f" @{author}" if author else "") + (f" (event {event_id})" if event_id else "")
        )
        label = cell(row, cols.kind)
        kind = _kind_from_label(label, text_value) if label else None
        if kind is None and message and message != text_value:
            # the title says too little to guess a kind from: the message may ("Rollback by …")
            kind = guess_kind(text_value)
            if not kind[1]:
                kind = guess_kind(message)
        recs.append(
            _Rec(
                where=where,
                spec=spec,
                texts=[text_value],
                source=source,
                evidence=cell(row, cols.evidence),
                kind=kind,
                order=number,
                estimated=estimated,
            )
        )
        states.append(cell(row, cols.state))
        for extra in _jira_extras(row, header, jira_columns, dayfirst, where, number, ctx):
            recs.append(extra)
            states.append("")
    ctx.report(total, total)
    if cols.state is not None:
        _add_states(recs, states)
    return _place(recs, ctx.default_zone, ctx.default_label, ctx.anchor, ctx.display, ctx.skipped, changes=ctx.notes)


_JIRA_CSV_COMMENT = re.compile(r"([^;\n]{6,40});([^;\n]{0,120});(.*)", re.DOTALL)
_JIRA_MENTION = re.compile(r"\[~(?:accountid:)?[^\]\s]{1,80}\]")


def _jira_extras(
    row: list[str], header: list[str], columns: list[int], dayfirst: bool | None, where: str, number: int, ctx: _Context
) -> list[_Rec]:
    """A Jira issue row's comments and its resolution, each at its own time (see _parse_csv)."""
    extras: list[_Rec] = []
    for index in columns:
        value = _clean(row[index]).strip() if index < len(row) else ""
        if not value:
            continue
        resolved = _header_key(header[index]) == "resolved"
        comment = None if resolved else _JIRA_CSV_COMMENT.fullmatch(value)
        if not resolved and comment is None:
            continue
        stamp = value if resolved else comment.group(1).strip()  # type: ignore[union-attr]
        try:
            spec = _scan_cell(stamp, dayfirst)
        except (ValueError, OverflowError, OSError):
            spec = None
        if spec is None or spec[0] in ("date", "bad"):
            continue
        if resolved:
            text, kind = "Issue resolved", (EventKind.RESOLUTION, True)
        else:
            text = _JIRA_MENTION.sub("@someone", comment.group(3)).strip()  # type: ignore[union-attr]
            kind = None
        if text:
            what = "resolution" if resolved else "comment"
            extras.append(
                _Rec(
                    where=where,
                    spec=ctx.read_abbreviation(spec, where),
                    texts=[text],
                    source=f"{ctx.name}:{number} ({what})",
                    kind=kind,
                    order=number,
                )
            )
    return extras


def _add_states(recs: list[_Rec], states: list[str]) -> None:
    """'CheckoutHigh5xx: Alerting', 'CheckoutHigh5xx: Normal': the state joins the text when the same text
    comes in different states (an alert history); else the text says enough alone."""
    first: dict[str, str] = {}
    if all(first.setdefault(rec.texts[0], state) == state for rec, state in zip(recs, states, strict=True)):
        return
    for rec, state in zip(recs, states, strict=True):
        if state:
            rec.texts[0] = f"{rec.texts[0]}: {state}"
            kind = _STATE_KINDS.get(state.split(maxsplit=1)[0].lower())
            if rec.kind is None and kind is not None:
                rec.kind = (kind, True)


def _csv_rows(text: str, delimiter: str, skipped: list[Skipped]) -> Iterable[tuple[int, list[str]]]:
    """Rows with the line number each starts on; a row the csv module rejects is a Skipped row."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, skipinitialspace=True, strict=False)
    start = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            skipped.append(Skipped(f"line {start}", f"not readable as CSV ({_limit(str(error), 80)})"))
            if reader.line_num < start:
                return
            start = reader.line_num + 1
            continue
        yield start, row
        start = reader.line_num + 1


# --------------------------------------------------------------------------------------------
# JSON (Slack, PagerDuty)
# --------------------------------------------------------------------------------------------


def _load_json(text: str, ctx: _Context, what: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ctx.fail(f"not JSON, so not a {what} (line {error.lineno}, column {error.colno}: {error.msg})") from None
    except RecursionError:
        raise ctx.fail(f"the JSON is nested too deeply to be a {what}") from None
    except ValueError as error:
        raise ctx.fail(f"not JSON, so not a {what} ({error})") from None


def _is_slack(data: Any) -> bool:
    if isinstance(data, dict):
        data = data.get("messages")
    if not isinstance(data, list):
        return False
    # Slack's ts is epoch seconds ('1795736550.000200'); Rocket.Chat's 'messages' carry an ISO one (JSON records)
    return any(isinstance(m, dict) and "ts" in m and not _iso_like(m["ts"]) for m in data[:50])


def _iso_like(value: Any) -> bool:
    return (isinstance(value, str) and value[:4].isdigit() and value[4:5] == "-") or isinstance(value, dict)


def _pd_entries(data: Any) -> list[Any] | None:
    if isinstance(data, dict):
        entries = data.get("log_entries")
        return entries if isinstance(entries, list) else None
    if isinstance(data, list) and any(
        isinstance(e, dict)
        and "created_at" in e
        and isinstance(e.get("type"), str)
        and re.search(r"_log_entry(?:_reference)?$", e["type"])
        for e in data[:50]
    ):
        return data
    return None


def _text_of(value: Any) -> str:
    return value if isinstance(value, str) else ""


# Slack ----------------------------------------------------------------------------------------

_SLACK_NOISE = frozenset(
    {
        "channel_join",
        "channel_leave",
        "channel_topic",
        "channel_purpose",
        "channel_name",
        "channel_archive",
        "channel_unarchive",
        "channel_convert_to_private",
        "channel_convert_to_public",
        "channel_posting_permissions",
        "group_join",
        "group_leave",
        "group_topic",
        "group_purpose",
        "group_name",
        "group_archive",
        "group_unarchive",
        "bot_add",
        "bot_remove",
        "bot_enable",
        "bot_disable",
        "pinned_item",
        "unpinned_item",
        "reminder_add",
        "reminder_delete",
        "app_conversation_join",
        "sh_room_created",
    }
)
_SLACK_DELETED = frozenset({"message_deleted", "tombstone"})
_SLACK_TOKEN = re.compile(r"<([^<>\s][^<>\n]*)>|&(lt|gt|amp);")
_ENTITIES = {"lt": "<", "gt": ">", "amp": "&"}
_SLACK_DAY = re.compile(r"\d{4}-\d{2}-\d{2}\.json")


def _entities(text: str) -> str:
    return _SLACK_TOKEN.sub(lambda m: _ENTITIES[m.group(2)] if m.group(2) else m.group(0), text)


def _slack_unescape(text: str, users: dict[str, str]) -> str:
    """Slack's mrkdwn escapes as plain text: mentions as @name, channels as #name, links as 'label (url)'."""

    def replace(m: re.Match[str]) -> str:
        if m.group(2):
            return _ENTITIES[m.group(2)]
        target, _, label = m.group(1).partition("|")
        label = _entities(label)
        if target.startswith("@"):
            uid = target[1:]
            return "@" + (users.get(uid) or label.lstrip("@") or uid)
        if target.startswith("#"):
            return "#" + (label or target[1:])
        if target.startswith("!"):
            command = target[1:]
            if command in ("here", "channel", "everyone"):
                return "@" + command
            if command.startswith("subteam^"):
                return label or "@" + command[len("subteam^") :]
            return label or "@" + command.split("^", 1)[0]
        url = _entities(target)
        if not label or label == url:
            return url
        if url in ("mailto:" + label, "tel:" + label) or url.split("://", 1)[-1] == label:
            return label
        return f"{label} ({url})"

    return _SLACK_TOKEN.sub(replace, text)


def _person(value: Any) -> str:
    """A display name from a Slack user or profile object."""
    if not isinstance(value, dict):
        return ""
    profile = value.get("profile") if isinstance(value.get("profile"), dict) else {}
    for candidate in (
        value.get("real_name"),
        profile.get("real_name"),
        profile.get("display_name"),
        value.get("display_name"),
        value.get("name"),
    ):
        if isinstance(candidate, str) and candidate.strip():
            return _limit(_clean(candidate).strip(), 100)
    return ""


def _load_users(folders: Iterable[Path], ctx: _Context) -> dict[str, str]:
    users: dict[str, str] = {}
    for folder in folders:
        path = folder / "users.json"
        if not path.is_file():
            continue
        try:
            data = json.loads(_decode(path.read_bytes()))
        except (OSError, ValueError, RecursionError) as error:
            ctx.skipped.append(Skipped(str(path), f"users.json not read, user ids kept ({_limit(str(error), 80)})"))
            return users
        if isinstance(data, list):
            for user in data:
                if isinstance(user, dict) and isinstance(user.get("id"), str):
                    name = _person(user)
                    if name:
                        users[user["id"]] = name
        return users
    return users


def _slack_ts(value: Any) -> datetime | None:
    try:
        seconds = float(value) if isinstance(value, (str, int, float)) and not isinstance(value, bool) else math.nan
    except ValueError:
        return None
    if not math.isfinite(seconds) or not -62_135_596_800 < seconds < 253_402_300_799:
        return None
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError):
        return None


_BLOCK_DEPTH = 8  # blocks nest (lists in quotes in sections); deeper is not read


def _blocks_text(blocks: Any, users: dict[str, str], depth: int = 0) -> str:
    """The text of Slack Block Kit blocks: sections and headers (mrkdwn or plain text, fields), context
    elements, and rich text (text, links, users, channels, emoji, lists, quotes, code); images and buttons
    say nothing. One line per block."""
    if not isinstance(blocks, list) or depth > _BLOCK_DEPTH:
        return ""
    lines = []
    for block in blocks[:200]:
        if not isinstance(block, dict):
            continue
        kind = block.get("type")
        parts: list[str] = []
        if kind in (
            "section",
            "header",
            "context",
            "rich_text",
            "rich_text_section",
            "rich_text_list",
            "rich_text_quote",
            "rich_text_preformatted",
        ):
            text = block.get("text")
            if isinstance(text, dict):
                parts.append(_slack_unescape(_text_of(text.get("text")), users))
            fields = block.get("fields")
            for field in fields if isinstance(fields, list) else []:
                if isinstance(field, dict):
                    parts.append(_slack_unescape(_text_of(field.get("text")), users))
            elements = block.get("elements")
            if isinstance(elements, list):
                inline = []
                for element in elements[:500]:
                    if not isinstance(element, dict):
                        continue
                    etype = element.get("type")
                    if etype in ("text", "mrkdwn", "plain_text"):
                        piece = _text_of(element.get("text"))
                        inline.append(_slack_unescape(piece, users) if etype == "mrkdwn" else piece)
                    elif etype == "link":
                        inline.append(_text_of(element.get("text")) or _text_of(element.get("url")))
                    elif etype == "user":
                        uid = _text_of(element.get("user_id"))
                        inline.append("@" + (users.get(uid) or uid))
                    elif etype == "channel":
                        inline.append("#" + _text_of(element.get("channel_id")))
                    elif etype == "usergroup":
                        inline.append("@" + _text_of(element.get("usergroup_id")))
                    elif etype == "broadcast":
                        inline.append("@" + _text_of(element.get("range")))
                    elif etype == "emoji":
                        inline.append(f":{_text_of(element.get('name'))}:")
                    elif str(etype).startswith("rich_text"):  # a section, list or quote inside: lines of its own
                        parts.append("".join(inline))
                        inline = [_blocks_text([element], users, depth + 1)]
                        parts.append(inline.pop())
                parts.append("".join(inline))
        line = "\n".join(p for p in parts if p.strip())
        if line.strip():
            lines.append(line)
    return "\n".join(lines)


def _huddle_text(room: Any, users: dict[str, str]) -> str:
    """A Slack huddle: who was in it and for how long ('Huddle (Dana, Sam, Lee), 30 min')."""
    if not isinstance(room, dict):
        return "Huddle"
    people = room.get("participant_history") or room.get("participants")
    names = [users.get(p, p) for p in people if isinstance(p, str)][:12] if isinstance(people, list) else []
    text = f"Huddle ({', '.join(names)})" if names else "Huddle"
    start, end = room.get("date_start"), room.get("date_end")
    if isinstance(start, int | float) and isinstance(end, int | float) and 0 < end - start < 7 * 86400:
        text += f", {round((end - start) / 60)} min"
    return text


def _slack_item(
    message: Any, where: str, order: int, users: dict[str, str], channel: str, ctx: _Context
) -> _Item | str:
    """One Slack message as an item, or the reason it was skipped."""
    if not isinstance(message, dict):
        return "not a message object"
    when = _slack_ts(message.get("ts"))
    if when is None:
        return "no usable ts (epoch seconds)"
    subtype = _text_of(message.get("subtype"))
    if subtype in _SLACK_DELETED:
        return "deleted message"
    if subtype in _SLACK_NOISE and not ctx.include_noise:
        return f"{subtype} ({_NOISE_NOTE})"
    text = _slack_unescape(_text_of(message.get("text")), users)
    blocks = "" if text.strip() else _blocks_text(message.get("blocks"), users)  # apps may send only blocks
    attachments = message.get("attachments")
    if not text.strip() and isinstance(attachments, list):
        parts = []
        for attachment in attachments:
            if isinstance(attachment, dict):
                # the title and the text say what the alert is and what it measured ('p99 is 4.8s, threshold 2s');
                # the fallback, a notification's one-line summary, only when there are neither
                piece = (
                    " — ".join(p for p in (_text_of(attachment.get("title")), _text_of(attachment.get("text"))) if p)
                    or _text_of(attachment.get("fallback"))
                    or _blocks_text(attachment.get("blocks"), users)
                )
                piece = _limit(piece, _TEXT_LIMIT)
                fields = attachment.get("fields")
                if isinstance(fields, list):  # an alert's "Assigned to", "Service", "Urgency"
                    pairs = [
                        _limit(": ".join(p for p in (_text_of(f.get("title")), _text_of(f.get("value"))) if p), 500)
                        for f in fields[:50]
                        if isinstance(f, dict)
                    ]
                    extra = " | ".join(p for p in pairs if p and p not in piece)
                    piece = f"{piece}\n{extra}" if piece and extra else piece or extra
                if piece:
                    parts.append(_slack_unescape(piece, users))
        text = "\n".join(parts)
    if blocks.strip():  # 'Sent by Alertmanager' in a context block, and the alert in the attachment
        text = f"{blocks}\n{text}" if text.strip() else blocks
    if not text.strip() and subtype == "huddle_thread":
        text = _huddle_text(message.get("room"), users)
    if _text_of(message.get("user")) == "USLACKBOT" and text.startswith("Reminder:") and not ctx.include_noise:
        return f"a Slackbot reminder ({_NOISE_NOTE})"
    files = message.get("files")
    if isinstance(files, list):
        for shared in files:
            if isinstance(shared, dict):
                title = _text_of(shared.get("title")) or _text_of(shared.get("name"))
                mode = _text_of(shared.get("mode"))
                if title:
                    shown = f"[file: {title}]"
                elif mode == "hidden_by_limit":  # older than the free plan keeps: Slack exports only its id
                    shown = "[a file, hidden by Slack's plan limit]"
                elif mode == "tombstone":
                    shown = "[a file, since deleted]"
                else:
                    shown = "[file: a file]"
                text = (text + " " if text.strip() else "") + shown
    text = _clean(text).strip()
    if not text:
        return "no text"
    thread = message.get("thread_ts")
    if thread is not None and str(thread) != str(message.get("ts")):
        text = "↳ " + text
    uid = _text_of(message.get("user"))
    name = (
        users.get(uid)
        or _person(message.get("user_profile"))
        or _clean(_text_of(message.get("username"))).strip()
        or _person(message.get("bot_profile"))
        or uid
        or _clean(_text_of(message.get("bot_id")))
        or "unknown"
    )
    source = f"slack:#{channel} @{name}" if channel else f"slack:@{name}"
    return _Item(
        when=when.astimezone(ctx.default_zone),
        zone=ctx.default_label,
        text=text,
        source=source,
        where=where,
        order=order,
    )


def _slack_messages(data: Any) -> list[Any] | None:
    if isinstance(data, dict) and isinstance(data.get("messages"), list):
        data = data["messages"]
    return data if isinstance(data, list) else None


def _collect_users(messages: Iterable[Any], users: dict[str, str]) -> None:
    """Names from the user_profile a message carries, for ids users.json doesn't have."""
    for message in messages:
        if isinstance(message, dict) and isinstance(message.get("user"), str) and message["user"] not in users:
            name = _person(message.get("user_profile"))
            if name:
                users[message["user"]] = name


def _with_replies(messages: list[Any]) -> list[tuple[str, Any]]:
    """('entry 6', message) for each message, then ('entry 6 reply 1', reply) for the thread replies nested
    in it (slackdump: 'slackdump_thread_replies', or 'replies' holding whole messages rather than Slack's
    {user, ts} stubs) that are not listed on their own."""
    listed: set[str] | None = None  # the ts of every message, once a message has replies nested in it
    out: list[tuple[str, Any]] = []
    for index, message in enumerate(messages, 1):
        out.append((f"entry {index}", message))
        if not isinstance(message, dict) or ("slackdump_thread_replies" not in message and "replies" not in message):
            continue
        nested = message.get("slackdump_thread_replies")
        if not isinstance(nested, list):
            nested = message.get("replies")
            if not isinstance(nested, list) or not any(isinstance(r, dict) and "text" in r for r in nested):
                continue
        if listed is None:
            listed = {str(m.get("ts")) for m in messages if isinstance(m, dict)}
        for number, reply in enumerate(nested, 1):
            if isinstance(reply, dict):
                if str(reply.get("ts")) in listed or ("text" not in reply and "attachments" not in reply):
                    continue  # the parent itself, a reply also in the channel, a stub
                if "thread_ts" not in reply:
                    reply = {**reply, "thread_ts": message.get("ts")}
            out.append((f"entry {index} reply {number}", reply))
    return out


def _slack_batch(
    messages: list[tuple[str, Any]], prefix: str, users: dict[str, str], channel: str, ctx: _Context, start: int
) -> list[_Item]:
    items = []
    for index, (entry, message) in enumerate(messages, 1):
        if not prefix and index % _step(len(messages)) == 0:
            ctx.report(index, len(messages))
        where = f"{prefix} {entry}" if prefix else entry
        result = _slack_item(message, where, start + index, users, channel, ctx)
        if isinstance(result, str):
            ctx.skipped.append(Skipped(where, result))
        else:
            items.append(result)
    return items


def _channel_name(name: str) -> str:
    if not name or name.startswith("<") or _SLACK_DAY.fullmatch(name):
        return ""
    return Path(name).stem


def _parse_slack_data(data: Any, ctx: _Context, channel: str, users: dict[str, str]) -> list[_Item]:
    messages = _slack_messages(data)
    if messages is None:
        raise ctx.fail("not a Slack export: expected a JSON array of messages (objects with 'ts')")
    if isinstance(data, dict):  # slackdump names the channel inside the file
        info = data.get("channel_info")
        named = info.get("name") if isinstance(info, dict) else data.get("name")
        if isinstance(named, str) and _clean(named).strip(" #"):
            channel = _limit(_clean(named).strip(" #"), 80)
    if isinstance(data, dict) and data.get("has_more") is True:  # conversations.history, one page of it
        meta = data.get("response_metadata")
        cursor = meta.get("next_cursor") if isinstance(meta, dict) else None
        ctx.notes.append(
            f"one page of the channel's history ({len(messages)} messages) and Slack has more: fetch the rest"
            + (f" with cursor={_limit(_clean(cursor), 80)}" if isinstance(cursor, str) and cursor else "")
            + ", or import a channel export"
        )
    entries = _with_replies(messages)
    _collect_users((message for _, message in entries), users)
    items = _slack_batch(entries, "", users, channel, ctx, 0)
    ctx.report(len(entries), len(entries))
    return items


def _day_files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if _SLACK_DAY.fullmatch(p.name) and p.is_file())
    except OSError:
        return []


def _parse_slack_folder(folder: Path, ctx: _Context) -> list[_Item]:
    try:
        entries = list(folder.iterdir())
    except OSError as error:
        raise ctx.fail(f"cannot read the folder ({error.strerror or error})") from None
    days = sorted(p for p in entries if _SLACK_DAY.fullmatch(p.name) and p.is_file())
    if not days:
        channels = sorted(p for p in entries if p.is_dir() and _day_files(p))
        if len(channels) == 1:  # a workspace export of one channel: that channel
            ctx.notes.append(f"read #{channels[0].name}, the only channel in this workspace export")
            return _parse_slack_folder(channels[0], ctx)
        if channels:
            shown = ", ".join(p.name for p in channels[:8]) + (", …" if len(channels) > 8 else "")
            raise ctx.fail(f"this is a whole Slack workspace export; choose one channel folder in it ({shown})")
        raise ctx.fail("no Slack day files (YYYY-MM-DD.json) in this folder")
    users = _load_users((folder, folder.parent), ctx)
    channel = folder.name
    batches: list[tuple[str, list[Any]]] = []
    for number, path in enumerate(days, 1):
        ctx.report(number - 1, len(days))
        try:
            data = json.loads(_decode(path.read_bytes()))
        except (OSError, ValueError, RecursionError) as error:
            ctx.skipped.append(Skipped(path.name, f"not readable as JSON ({_limit(str(error), 80)})"))
            continue
        messages = _slack_messages(data)
        if messages is None:
            ctx.skipped.append(Skipped(path.name, "not a JSON array of messages"))
            continue
        batches.append((path.name, messages))
    entries = [(prefix, _with_replies(messages)) for prefix, messages in batches]
    for _, day in entries:
        _collect_users((message for _, message in day), users)
    items: list[_Item] = []
    seen = 0
    for prefix, day in entries:
        items.extend(_slack_batch(day, prefix, users, channel, ctx, seen))
        seen += len(day)
    ctx.report(len(days), len(days))
    return items


# PagerDuty ------------------------------------------------------------------------------------

#: PagerDuty log entry types with a clear kind (not marked as guessed). Annotations and anything
#: else are guessed from their text.
PAGERDUTY_KINDS: dict[str, EventKind] = {
    "trigger_log_entry": EventKind.DETECTION,
    "acknowledge_log_entry": EventKind.RESPONSE,
    "resolve_log_entry": EventKind.RESOLUTION,
    "notify_log_entry": EventKind.RESPONSE,
    "escalate_log_entry": EventKind.RESPONSE,
    "repeat_escalation_path_log_entry": EventKind.RESPONSE,
    "assign_log_entry": EventKind.RESPONSE,
    "delegate_log_entry": EventKind.RESPONSE,
    "responder_request_log_entry": EventKind.RESPONSE,
    "responder_accept_log_entry": EventKind.RESPONSE,
    "status_update_log_entry": EventKind.COMMUNICATION,
}


def _pd_item(entry: Any, where: str, order: int, ctx: _Context) -> _Item | str:
    if not isinstance(entry, dict):
        return "not a log entry object"
    created = entry.get("created_at")
    if not isinstance(created, str):
        return "no created_at"
    try:
        when = datetime.fromisoformat(created.strip())
    except ValueError:
        return f"cannot read created_at {_limit(created, 40)!r}"
    if when.tzinfo is None:
        when = when.replace(tzinfo=ctx.default_zone)
    kind_name = _text_of(entry.get("type")).removesuffix("_reference")
    summary = _clean(_text_of(entry.get("summary"))).strip()
    channel = entry.get("channel") if isinstance(entry.get("channel"), dict) else {}
    incident = entry.get("incident") if isinstance(entry.get("incident"), dict) else {}
    text = summary
    if kind_name == "annotate_log_entry":
        note = next((_text_of(channel.get(k)) for k in ("content", "summary", "notes") if _text_of(channel.get(k))), "")
        text = _clean(note).strip() or summary
    elif kind_name == "status_update_log_entry":
        # its summary is only "Status update sent": the update itself is the entry's message
        text = _clean(_text_of(entry.get("message"))).strip() or summary
    elif kind_name == "trigger_log_entry":
        title = _clean(_text_of(incident.get("summary")) or _text_of(incident.get("title"))).strip()
        if title and title not in text:
            # "Triggered through the API." + title: one colon, not ".:"
            text = f"{text.rstrip(' .:;,')}: {title}" if text.rstrip(" .:;,") else title
    if not text:
        text = kind_name.removesuffix("_log_entry").replace("_", " ")
    if not text:
        return "no summary"
    agent = entry.get("agent")
    who = _clean(_text_of(agent.get("summary")) or _text_of(agent.get("name"))) if isinstance(agent, dict) else ""
    who = who.strip() or (_clean(agent).strip() if isinstance(agent, str) else "")
    evidence = _text_of(entry.get("html_url")) or _text_of(incident.get("html_url"))
    kind = (PAGERDUTY_KINDS[kind_name], False) if kind_name in PAGERDUTY_KINDS else guess_kind(text)
    try:
        local = when.astimezone(ctx.default_zone)
    except OverflowError:
        return "the date is out of range"
    return _Item(
        when=local,
        zone=ctx.default_label,
        text=text,
        source=f"pagerduty:{who}" if who else "pagerduty",
        where=where,
        evidence=_clean(evidence).strip(),
        kind=kind,
        order=order,
    )


def _parse_pagerduty_data(data: Any, ctx: _Context) -> list[_Item]:
    entries = _pd_entries(data)
    if entries is None:
        raise ctx.fail('not PagerDuty log entries: expected {"log_entries": [...]} or a JSON array of log entries')
    if isinstance(data, dict) and data.get("more") is True:
        offset = data.get("offset") if type(data.get("offset")) is int else 0
        ctx.notes.append(
            f"one page of the log entries ({len(entries)} from offset {offset}) and PagerDuty has more: "
            f"fetch them with a larger limit, or the next page with offset={offset + len(entries)}"
        )
    items = []
    for index, entry in enumerate(entries, 1):
        where = f"entry {index}"
        result = _pd_item(entry, where, index, ctx)
        if isinstance(result, str):
            ctx.skipped.append(Skipped(where, result))
        else:
            items.append(result)
        if index % _step(len(entries)) == 0:
            ctx.report(index, len(entries))
    ctx.report(len(entries), len(entries))
    return items


# --------------------------------------------------------------------------------------------
# Reading, detection, finishing
# --------------------------------------------------------------------------------------------


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252 (spreadsheet exports)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read(path: Path, display: str) -> str:
    too_large = f"the file is too large (the limit is {MAX_BYTES // 2**20} MB)"
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(info.st_mode):
            # a device, pipe or socket: its size says nothing (0 for /dev/zero), reading it may never end
            raise TimelineImportError("not a regular file (a device, pipe or socket)", source=display)
        if info.st_size > MAX_BYTES:
            raise TimelineImportError(too_large, source=display)
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # the file may have grown since stat
        if len(data) > MAX_BYTES:
            raise TimelineImportError(too_large, source=display)
    except FileNotFoundError:
        raise TimelineImportError("no such file", source=display) from None
    except PermissionError:
        raise TimelineImportError("permission denied", source=display) from None
    except IsADirectoryError:
        raise TimelineImportError("is a folder", source=display) from None
    except OSError as error:
        raise TimelineImportError(f"cannot read the file ({error.strerror or error})", source=display) from None
    if data.startswith(b"\x1f\x8b"):  # gzip: rotated logs (app.log.2.gz)
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as unpacked:
                data = unpacked.read(MAX_BYTES + 1)
        except (OSError, EOFError, zlib.error) as error:
            raise TimelineImportError(f"a gzip file that cannot be unpacked ({error})", source=display) from None
        if len(data) > MAX_BYTES:
            raise TimelineImportError(f"{too_large}, unpacked", source=display)
    elif data.startswith((b"PK\x03\x04", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"\x28\xb5\x2f\xfd")):
        raise TimelineImportError(
            "a compressed archive (zip, bzip2, xz, 7z or zstd): unpack it and import what is inside (for a Slack "
            "export, the channel's folder)",
            source=display,
        )
    return _decode(data)


# How a JSON document starts: an object, or an array of objects, arrays or strings (or an empty one).
_JSON_START = re.compile(r"\{|\[\s*(?:[{\[\"\]]|\Z)")


def _json_error(error: json.JSONDecodeError, text: str) -> str:
    """'not JSON (line 31, column 29: Unterminated string starting at)', and why when it is clear."""
    reason = f"not JSON (line {error.lineno}, column {error.colno}: {error.msg})"
    if error.msg == "Extra data" and error.lineno > 1:
        return f"{reason}; for a JSON object on each line (JSON Lines), choose --format json"
    if error.msg.startswith("Unterminated string") or error.pos >= len(text.rstrip()):
        return f"{reason}; the file looks cut short (an interrupted download or copy?)"
    return reason


# JSON records ------------------------------------------------------------------------------------------
# Structured logs with one JSON object per line (zap, logrus, pino, bunyan, structlog, Log4j2's JsonLayout,
# docker's json-file, Cloud Logging, Alertmanager's webhook payloads) and JSON documents that hold a list of
# records: Opsgenie's alert log, incident.io's updates, Rootly's events, Grafana's annotations, CloudTrail's
# Records, `kubectl get events -o json`, Mattermost's bulk export.

_JSON_TIME_KEYS = (
    "time", "timestamp", "@timestamp", "ts", "datetime", "date", "t", "asctime", "created_at", "createdAt",
    "create_at", "created", "eventTime", "event_time", "occurred_at", "occurredAt", "firstTimestamp",
    "lastTimestamp", "startsAt", "instant", "timeMillis", "receiveTimestamp", "updated_at", "__REALTIME_TIMESTAMP",
    "created_date",
)  # fmt: skip
_JSON_TEXT_KEYS = (
    "msg", "message", "text", "log", "event", "body", "@message", "short_message", "textPayload", "description",
    "summary", "note", "title", "eventName", "MESSAGE", "content",
)  # fmt: skip
_JSON_LEVEL_KEYS = ("level", "severity", "lvl", "levelname", "log.level", "loglevel", "PRIORITY")
# journald's PRIORITY: syslog's levels, as digits
_SYSLOG_LEVELS = {
    "0": "EMERG",
    "1": "ALERT",
    "2": "CRIT",
    "3": "ERROR",
    "4": "WARN",
    "5": "NOTICE",
    "6": "INFO",
    "7": "DEBUG",
}
_JSON_SOURCE_KEYS = (
    "logger", "logger_name", "service", "component", "app", "caller", "user", "username", "owner", "login", "actor",
    "author", "updater", "userIdentity", "involvedObject", "name", "SYSLOG_IDENTIFIER", "creator", "sender_full_name",
)  # fmt: skip
_JSON_ERROR_KEYS = ("err", "error", "errorMessage", "exception", "exc_info", "stack_trace")
_JSON_LIST_KEYS = (
    "Records", "items", "data", "events", "logs", "entries", "results", "incident_updates", "updates",
    "annotations", "timeline", "timeline_events", "hits",
)  # fmt: skip
_PINO_LEVELS = {10: "TRACE", 20: "DEBUG", 30: "INFO", 40: "WARN", 50: "ERROR", 60: "FATAL"}
_ALERT_KINDS = {"firing": EventKind.DETECTION, "resolved": EventKind.RESOLUTION}


def _json_lines(text: str) -> bool:
    """Whether the text holds one JSON object per line: the first lines (up to 20) that are not blank are, and
    one of them at least has a time field."""
    seen = 0
    timed = False
    for line in itertools.islice((line for line in text.splitlines() if line.strip()), 20):
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError):
            return False
        if not isinstance(obj, dict):
            return False
        seen += 1
        timed = timed or _timed_record(obj)
    return seen >= 2 and timed


def _timed_record(obj: dict[str, Any]) -> bool:
    if isinstance(obj.get("alerts"), list):
        return True
    return any(key in _json_record(obj) for key in _JSON_TIME_KEYS)


def _json_records(data: Any) -> list[Any] | None:
    """The records a JSON document holds: the array itself, or the list under a known key ('Records', 'items',
    'data', ...), or the only list of objects in it; None when there are none with a time."""
    records: Any = None
    if isinstance(data, list):
        records = data
    elif isinstance(data, dict) and isinstance(data.get("alerts"), list):
        records = [data]  # one Alertmanager webhook payload
    elif isinstance(data, dict):
        records = next((data[key] for key in _JSON_LIST_KEYS if isinstance(data.get(key), list) and data[key]), None)
        if records is None:
            lists = [
                value for value in data.values() if isinstance(value, list) and value and isinstance(value[0], dict)
            ]
            records = lists[0] if len(lists) == 1 else None
    if not isinstance(records, list) or not any(isinstance(r, dict) and _timed_record(r) for r in records[:500]):
        return None
    return records


def _json_record(obj: dict[str, Any]) -> dict[str, Any]:
    """The object that holds the time and the text: the record itself with its JSON:API 'attributes' or
    Cloud Logging's 'jsonPayload' merged in, or the one object in it that does ({"type": "post", "post": {...}}
    in Mattermost's export)."""
    merged = obj
    for nested in ("attributes", "jsonPayload"):
        inner = obj.get(nested)
        if isinstance(inner, dict):
            deeper = inner.get("attributes")  # Datadog's logs: the log's own attributes ('error') under its attributes
            if isinstance(deeper, dict) and isinstance(deeper.get("error"), dict) and "error" not in inner:
                inner = {**inner, "error": deeper["error"]}
            merged = {**merged, **inner}
    if any(key in merged for key in _JSON_TIME_KEYS):
        return merged
    for value in obj.values():
        if isinstance(value, dict) and any(key in value for key in _JSON_TIME_KEYS):
            return value
    return merged


def _json_time(value: Any) -> Spec | None:
    try:
        return _json_time_of(value)
    except (OverflowError, ValueError, OSError):
        return None


def _json_time_of(value: Any) -> Spec | None:
    if isinstance(value, dict):  # Log4j2: {"epochSecond": 1732664400, "nanoOfSecond": 123000000}
        seconds, nanos = value.get("epochSecond"), value.get("nanoOfSecond", 0)
        if type(seconds) is int and type(nanos) is int:
            value = seconds + nanos / 1e9
        else:
            return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    if isinstance(value, str) and value.isdigit() and len(value) in (10, 13, 16, 19):
        value = int(value)  # journald's '__REALTIME_TIMESTAMP': epoch microseconds, as a string
    if isinstance(value, int | float):
        if not math.isfinite(value):
            return None
        # epoch nanoseconds, microseconds, milliseconds or seconds
        scale = 1e9 if abs(value) >= 1e17 else 1e6 if abs(value) >= 1e14 else 1e3 if abs(value) >= 1e11 else 1
        seconds = value / scale
        try:
            return ("abs", datetime.fromtimestamp(seconds, UTC), UTC, "")
        except (OverflowError, OSError, ValueError):
            return None
    return _scan_cell(_WEEKDAY_LEAD.sub("", value[:80]), None)


# 'Thursday, November 26, 2026 at 11:43:58 PM UTC' (Google Chat's Takeout): the weekday says nothing more
_WEEKDAY_LEAD = re.compile(r"^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?[ \t]+(?=[A-Za-z]{3}|\d)")


def _who(value: Any) -> str:
    """A person or thing named by a field: a string, or a name inside an object ({"user": {"name": ...}})."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        kind, name = value.get("kind"), value.get("name")
        if isinstance(kind, str) and isinstance(name, str):  # a Kubernetes object: 'Pod/api-1'
            return f"{kind}/{name}"
        for key in ("name", "userName", "login", "email", "summary", "display_name", "arn"):
            if isinstance(value.get(key), str) and value[key]:
                return value[key].rsplit("/", 1)[-1] if key == "arn" else value[key]
        if isinstance(value.get("user"), dict):
            return _who(value["user"])
    return ""


def _record_text(record: dict[str, Any]) -> str:
    """The event's text: the message, with the level in front and an error in brackets; a Kubernetes event
    'Reason: message'; a CloudTrail call 'eventName (eventSource)'; an incident.io update 'Status: message'."""
    reason, message = record.get("reason"), record.get("message")
    if isinstance(reason, str) and isinstance(message, str) and "involvedObject" in record:
        return f"{reason}: {message}"
    if isinstance(record.get("eventName"), str) and isinstance(record.get("eventSource"), str):
        text = f"{record['eventName']} ({record['eventSource']})"
        code = record.get("errorCode")
        return f"{text}: {code}" if isinstance(code, str) else text
    text = next((record[key] for key in _JSON_TEXT_KEYS if isinstance(record.get(key), str) and record[key]), "")
    if record.get("content_type") == "text/html" and text == record.get("content"):
        text = _html_text(text)  # Zulip's API: the message rendered as HTML
    raw = record.get("MESSAGE")
    if not text and isinstance(raw, list) and raw and all(type(b) is int and 0 <= b < 256 for b in raw[:100_000]):
        text = bytes(raw[:100_000]).decode("utf-8", "replace")  # journald writes a message that is not UTF-8 as bytes
    text = _inner_text(_clean(text).strip())
    status = record.get("new_incident_status")
    if text and isinstance(status, dict) and isinstance(status.get("name"), str):
        text = f"{status['name']}: {text}"
    tags = record.get("tags")
    if text and isinstance(tags, list) and tags and all(isinstance(t, str) and ":" not in t for t in tags[:20]):
        text = f"{text} [{', '.join(tags[:10])}]"  # Grafana's words; not Datadog's 'env:prod' facets
    level = next((record[key] for key in _JSON_LEVEL_KEYS if key in record), None)
    status = record.get("status")
    if level is None and isinstance(status, str) and status.upper() in _LOG_LEVELS | {"EMERGENCY"}:
        level = status  # Datadog's logs: 'status' is the level
    if type(level) is int:
        level = _PINO_LEVELS.get(level, str(level))
    elif "PRIORITY" in record and level == record["PRIORITY"]:
        level = _SYSLOG_LEVELS.get(str(level), "")
    level = _clean(level).strip().upper() if isinstance(level, str) else ""
    error = next((record[key] for key in _JSON_ERROR_KEYS if record.get(key)), "")
    if isinstance(error, dict):  # pino and bunyan: {"type": "Error", "message": "...", "stack": "..."}
        error = error.get("message") if isinstance(error.get("message"), str) else ""
    error = _clean(error).strip() if isinstance(error, str) else ""
    if text and level and not text.upper().startswith(level):
        text = f"{level} {text}"
    if text and error and error not in text:
        text = f"{text} ({_limit(error, 500)})"
    return text


# AWS Lambda's own lines around each invocation: 'START RequestId: …', 'END RequestId: …', 'REPORT RequestId: …'
_LAMBDA_PLATFORM = re.compile(r"(?:START|END|REPORT) RequestId: [0-9a-fA-F-]{36}\b")
# AWS Lambda's log line: '<ISO time>\t<request id>\t<LEVEL>\t<text>'
_LAMBDA_LINE = re.compile(r"\d{4}-\d\d-\d\dT[\d:.]+Z\t[0-9a-fA-F-]{36}\t([A-Z]{3,8})\t(.*)", re.DOTALL)


def _inner_text(text: str) -> str:
    """A record's message that is itself a log line (CloudWatch keeps the application's line whole): a JSON log
    record read as one ('ERROR payment declined: upstream 503'), Lambda's '<time> <request id> <LEVEL> <text>' as
    'LEVEL text' with a JSON error's message; anything else as it is."""
    if text.startswith("{") and text.endswith("}") and len(text) < 100_000:
        logged = _json_object(text)
        if logged is not None and any(k in logged for k in (*_JSON_LEVEL_KEYS, *_JSON_TIME_KEYS)):
            return _record_text(_json_record(logged)) or text  # a log line; other JSON is kept as written
        return text
    lambda_line = _LAMBDA_LINE.fullmatch(text) if "\t" in text[:80] else None
    if lambda_line is None:
        return text
    level, said = lambda_line.groups()
    words, _, detail = said.partition("\t")
    try:
        error = json.loads(detail) if detail.startswith("{") else None
    except (ValueError, RecursionError):
        error = None
    if isinstance(error, dict) and isinstance(error.get("errorMessage"), str):
        detail = error["errorMessage"]  # 'Invoke Error {"errorType":…,"errorMessage":"…"}': the message
    return " ".join(part for part in (level, words.strip(), detail.strip()) if part)


def _html_text(html: str) -> str:
    """The text of a message rendered as HTML: line breaks kept, tags dropped, entities read."""
    text = re.sub(r"(?:<br\s*/?>|</p>\s*<p>|</li>|</div>)[ \t]*\n?", "\n", html, flags=re.IGNORECASE)
    return htmllib.unescape(re.sub(r"<[^<>]{0,2000}>", "", text)).strip()


def _json_line_text(text: str) -> str:
    """The text of a JSON log record written after a time ('{"level":"error","msg":"retry budget exhausted",
    "err":"context deadline exceeded"}' reads 'ERROR retry budget exhausted (context deadline exceeded)'), as the
    JSON reader gives it; '' when it is not one."""
    obj = _json_object(text)
    return _record_text(_json_record(obj)) if obj is not None else ""


def _json_object(text: str) -> dict[str, Any] | None:
    """The JSON object the text holds, or None."""
    try:
        obj = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return obj if isinstance(obj, dict) else None


def _alert_recs(obj: dict[str, Any], where: str, number: int, ctx: _Context) -> list[_Rec]:
    """An Alertmanager webhook payload: one event per alert, when it fired (startsAt) or resolved (endsAt)."""
    recs = []
    for alert in obj["alerts"][:2000]:
        if not isinstance(alert, dict):
            continue
        status = alert.get("status") if isinstance(alert.get("status"), str) else obj.get("status")
        status = status if isinstance(status, str) else ""
        stamp = alert.get("endsAt") if status == "resolved" else alert.get("startsAt")
        spec = _json_time(stamp) if stamp is not None else None
        if spec is None or spec[0] in ("date", "bad"):
            continue
        labels = alert.get("labels") if isinstance(alert.get("labels"), dict) else {}
        notes = alert.get("annotations") if isinstance(alert.get("annotations"), dict) else {}
        name = labels.get("alertname") if isinstance(labels.get("alertname"), str) else "alert"
        summary = notes.get("summary") or notes.get("description")
        text = f"[{status.upper() or 'ALERT'}] {name}" + (f": {summary}" if isinstance(summary, str) else "")
        kind = _ALERT_KINDS.get(status)
        recs.append(
            _Rec(
                where=where,
                spec=ctx.read_abbreviation(spec, where),
                texts=[_clean(text)],
                source=f"{ctx.name}:{number}"
                + (f" @{_limit(obj['receiver'], 60)}" if isinstance(obj.get("receiver"), str) else ""),
                kind=(kind, False) if kind is not None else None,
                order=number,
            )
        )
    return recs


def _record_rec(spec: Spec, text: str, who: str, where: str, number: int, ctx: _Context) -> _Rec:
    """One event of a JSON record: at `spec` (an ambiguous zone read as decided), its sender `who` in the source."""
    who = _limit(_clean(who).strip(), 60)
    return _Rec(
        where=where,
        spec=ctx.read_abbreviation(spec, where),
        texts=[text],
        source=f"{ctx.name}:{number}" + (f" @{who}" if who else ""),
        order=number,
    )


_MATTERMOST_RECORDS = frozenset({"version", "team", "channel", "user", "direct_channel", "emoji", "scheme", "bot"})


def _mattermost(obj: dict[str, Any], where: str, number: int, ctx: _Context) -> list[_Rec] | str | None:
    """A line of Mattermost's bulk export ({"type": "post", "post": {...}}): a post and its replies (each at its
    own time), a system message (join, leave, header change: noise), or a record of the team, a channel or a
    user (whose full name is kept for the posts that follow). None when the object is not one."""
    kind = obj.get("type")
    if not isinstance(kind, str) or not (kind in _MATTERMOST_RECORDS or kind in ("post", "direct_post")):
        return None
    body = obj.get(kind)
    if not (isinstance(body, dict) or (kind == "version" and isinstance(body, int) and "info" in obj)):
        return None  # {"type": "user", "time": …, "message": "user dana logged in"}: a log record
    if kind == "user" and isinstance(body, dict) and isinstance(body.get("username"), str):
        full = " ".join(part for key in ("first_name", "last_name") if isinstance(part := body.get(key), str) and part)
        if full:
            ctx.names[body["username"]] = _limit(_clean(full).strip(), 60)
    if kind in _MATTERMOST_RECORDS:
        return f"Mattermost's {kind} record, not a message"
    if not isinstance(body, dict) or "create_at" not in body:
        return None
    post_type = body.get("type")
    if isinstance(post_type, str) and post_type.startswith("system_") and not ctx.include_noise:
        return f"a Mattermost system message ({post_type.removeprefix('system_').replace('_', ' ')}): {_NOISE_NOTE}"
    recs: list[_Rec] = []
    replies = body.get("replies") if isinstance(body.get("replies"), list) else []
    for post in [body, *replies[:2000]]:
        if not isinstance(post, dict):
            continue
        spec = _json_time(post.get("create_at"))
        text = _clean(post["message"]).strip() if isinstance(post.get("message"), str) else ""
        if spec is None or spec[0] in ("date", "bad") or not text:
            continue
        user = post.get("user") if isinstance(post.get("user"), str) else ""
        reply = post is not body
        recs.append(_record_rec(spec, ("↳ " if reply else "") + text, ctx.names.get(user, user), where, number, ctx))
    return recs or "a Mattermost post without a readable time or message"


def _telegram(obj: dict[str, Any], where: str, number: int, ctx: _Context) -> list[_Rec] | str | None:
    """A message of Telegram Desktop's JSON export: its moment from 'date_unixtime' ('date' is the exporting
    machine's wall clock, with no zone), its text a string or a list of pieces (links, bold, code), its sender
    'from'; a service message (someone invited, the title changed) is noise. None when the object is not one."""
    kind, stamp = obj.get("type"), obj.get("date_unixtime")
    if kind not in ("message", "service") or not isinstance(stamp, str) or not stamp.isdigit():
        return None
    spec = _json_time(int(stamp))
    if spec is None:
        return f"cannot read the time {_limit(stamp, 40)!r}"
    who = obj.get("from") if kind == "message" else obj.get("actor")
    who = who if isinstance(who, str) else ""
    if kind == "service":
        action = obj.get("action") if isinstance(obj.get("action"), str) else "service"
        if not ctx.include_noise:
            return f"a Telegram service message ({action.replace('_', ' ')}): {_NOISE_NOTE}"
        text = f"{who} {action.replace('_', ' ')}".strip()
    else:
        pieces = obj.get("text")
        pieces = pieces if isinstance(pieces, list) else [pieces]
        text = "".join(
            piece if isinstance(piece, str) else piece.get("text", "") if isinstance(piece, dict) else ""
            for piece in pieces[:2000]
        )
        text = _clean(text if isinstance(text, str) else "").strip()
        if not text:
            media = next((key for key in ("photo", "file", "sticker_emoji", "media_type") if obj.get(key)), "")
            return f"a media message left out of the export ({media})" if media else "no text"
    return [_record_rec(spec, text, who, where, number, ctx)]


def _rocketchat(obj: dict[str, Any], where: str, number: int, ctx: _Context) -> list[_Rec] | str | None:
    """A message of Rocket.Chat's history (the REST API's channels.history, or an export): 'msg', its sender
    'u', 'ts' (ISO, or {"$date": ms}); a message with a type 't' (joined, left, topic changed) is noise; a bot's
    alert keeps its text in its attachments. None when the object is not one."""
    user, stamp = obj.get("u"), obj.get("ts")
    if not isinstance(user, dict) or "msg" not in obj or stamp is None:
        return None
    if isinstance(stamp, dict):
        stamp = stamp.get("$date")
    spec = _json_time(stamp)
    if spec is None or spec[0] in ("date", "bad"):
        return f"cannot read the time {_limit(_clean(str(stamp)), 40)!r}"
    kind = obj.get("t")
    if isinstance(kind, str) and kind and not ctx.include_noise:
        return f"a Rocket.Chat system message ({kind}): {_NOISE_NOTE}"
    text = _clean(obj["msg"]).strip() if isinstance(obj["msg"], str) else ""
    if not text and isinstance(obj.get("attachments"), list):
        parts = [
            _clean(str(piece)).strip()
            for attachment in obj["attachments"][:20]
            if isinstance(attachment, dict)
            for piece in (attachment.get("title"), attachment.get("text"))
            if isinstance(piece, str) and piece.strip()
        ]
        text = "\n".join(parts)
    if not text:
        return "no text"
    who = obj.get("alias") if isinstance(obj.get("alias"), str) and obj["alias"] else _who(user) or user.get("username")
    return [_record_rec(spec, text, who if isinstance(who, str) else "", where, number, ctx)]


def _discord(obj: dict[str, Any], where: str, number: int, ctx: _Context) -> list[_Rec] | str | None:
    """A message of DiscordChatExporter's JSON: 'timestamp', 'content', 'author' (its nickname, else its name); a
    bot's alert keeps its text in its embeds; a system message (a join, a pin, a thread created) is noise. None
    when the object is not one."""
    author, stamp = obj.get("author"), obj.get("timestamp")
    if not isinstance(author, dict) or "content" not in obj or "embeds" not in obj or not isinstance(stamp, str):
        return None
    spec = _json_time(stamp)
    if spec is None or spec[0] in ("date", "bad"):
        return f"cannot read the time {_limit(_clean(stamp), 40)!r}"
    kind = obj.get("type")
    if isinstance(kind, str) and kind not in ("Default", "Reply") and not ctx.include_noise:
        return f"a Discord system message ({kind}): {_NOISE_NOTE}"
    text = _clean(obj["content"]).strip() if isinstance(obj["content"], str) else ""
    if not text and isinstance(obj["embeds"], list):
        text = "\n".join(
            _clean(piece).strip()
            for embed in obj["embeds"][:20]
            if isinstance(embed, dict)
            for piece in (embed.get("title"), embed.get("description"))
            if isinstance(piece, str) and piece.strip()
        )
    files = obj.get("attachments") if isinstance(obj.get("attachments"), list) else []
    names = [
        f"[file: {_clean(str(a['fileName'])).strip()}]" for a in files[:20] if isinstance(a, dict) and a.get("fileName")
    ]
    text = " ".join(part for part in (text, *names) if part)
    if not text:
        return "no text"
    who = next((name for key in ("nickname", "name") if isinstance(name := author.get(key), str) and name), "")
    return [_record_rec(spec, text, who, where, number, ctx)]


def _record_recs(obj: Any, where: str, number: int, ctx: _Context) -> list[_Rec] | str:
    """The events of one JSON record, or why it has none."""
    if not isinstance(obj, dict):
        return "not a JSON object"
    if isinstance(obj.get("alerts"), list):
        return _alert_recs(obj, where, number, ctx) or "an Alertmanager payload without a readable alert time"
    special = _mattermost(obj, where, number, ctx)
    if special is None:
        special = _telegram(obj, where, number, ctx)
    if special is None:
        special = _rocketchat(obj, where, number, ctx)
    if special is None:
        special = _discord(obj, where, number, ctx)
    if special is not None:
        return special
    record = _json_record(obj)
    stamps = [record[key] for key in _JSON_TIME_KEYS if record.get(key) is not None]
    if not stamps:
        return "no time field"
    spec = None
    for stamp in stamps[:3]:
        try:
            spec = _json_time(stamp)
        except (ValueError, OverflowError, OSError):
            spec = None
        if spec is not None and spec[0] not in ("date", "bad"):
            break
    if spec is None or spec[0] in ("date", "bad"):
        return f"cannot read the time {_limit(_clean(str(stamps[0])), 40)!r}"
    text = _record_text(record)
    if not text:
        return "no message field"
    if _LAMBDA_PLATFORM.match(text) and not ctx.include_noise:
        return f"a Lambda START, END or REPORT line (noise: skipped {_KEEP_NOISE})"
    who = next((name for key in _JSON_SOURCE_KEYS if (name := _who(record.get(key)))), "")
    return [_record_rec(spec, text, who, where, number, ctx)]


def _parse_json_records(records: list[Any], ctx: _Context) -> list[_Item]:
    """A JSON document's list of records: entry N is the Nth record."""
    recs: list[_Rec] = []
    step = _step(len(records))
    for number, obj in enumerate(records, 1):
        if number % step == 0:
            ctx.report(number, len(records))
        found = _record_recs(obj, f"entry {number}", number, ctx)
        if isinstance(found, str):
            ctx.skipped.append(Skipped(f"entry {number}", found))
        else:
            recs.extend(found)
    ctx.report(len(records), len(records))
    return _place(recs, ctx.default_zone, ctx.default_label, ctx.anchor, ctx.display, ctx.skipped, changes=ctx.notes)


def _parse_jsonl(text: str, ctx: _Context) -> list[_Item]:
    """JSON Lines: line N is a record."""
    lines = _split_lines(text)
    total = len(lines)
    step = _step(total)
    recs: list[_Rec] = []
    for number, line in enumerate(lines, 1):
        if number % step == 0:
            ctx.report(number, total)
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            obj = json.loads(line)
        except (ValueError, RecursionError):
            ctx.skipped.append(Skipped(where, "not a JSON object"))
            continue
        found = _record_recs(obj, where, number, ctx)
        if isinstance(found, str):
            ctx.skipped.append(Skipped(where, found))
        else:
            recs.extend(found)
    ctx.report(total, total)
    return _place(recs, ctx.default_zone, ctx.default_label, ctx.anchor, ctx.display, ctx.skipped, changes=ctx.notes)


def _has_timed_line(text: str) -> bool:
    """Whether a line of the text starts with a time (the text reader would find events in it)."""
    for line in _split_lines(text):
        first = line.lstrip(" \t-*•+>[~≈")[:1]
        if first.isdigit() or first.isalpha():
            found = _scan_line(_clean(line))
            if found is not None and found[0][0] not in ("date", "bad"):
                return True
    return False


def _detect(text: str, ctx: _Context, suffix: str) -> tuple[str, Any]:
    """The format of the text (and the parsed JSON when it is JSON)."""
    stripped = text.lstrip()
    if stripped[:1] in ("[", "{"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            if error.msg == "Extra data" and _json_lines(text):
                return "json", None
            # not a log line such as '[23:41:12] …' or '[INFO] …', nor notes under pasted JSON or '[ ] check …'
            if _JSON_START.match(stripped) and not _has_timed_line(text):
                raise ctx.fail(_json_error(error, text)) from None
            data = None
        except (ValueError, RecursionError):
            data = None
        else:
            if _is_slack(data):
                return "slack", data
            if _pd_entries(data) is not None:
                return "pagerduty", data
            if _json_records(data) is not None or (isinstance(data, dict) and _timed_record(data)):
                return "json", data
            if isinstance(data, (list, dict)):
                raise ctx.fail(
                    "JSON, but no events in it: neither a Slack export (messages with 'ts'), PagerDuty log entries, "
                    "nor a list of records with a time field ('time', 'timestamp', 'created_at', ...)"
                )
    if _looks_like_csv(text) or suffix in (".csv", ".tsv"):
        return "csv", None
    return "text", None


def _newest_first(items: list[_Item]) -> bool:
    """Whether the input listed its events newest first (more steps back in time than forward)."""
    ordered = sorted(items, key=lambda item: item.order)
    back = forward = 0
    for a, b in itertools.pairwise(ordered):
        if b.when < a.when:
            back += 1
        elif b.when > a.when:
            forward += 1
    return back > forward


def event_key(event: TimelineEvent) -> tuple[datetime, str] | None:
    """What makes two events the same: the time to the second and the text with whitespace normalised."""
    if event.time is None:
        return None
    when = event.time.replace(microsecond=0)
    try:
        when = (when if when.tzinfo is not None else when.replace(tzinfo=UTC)).astimezone(UTC)
    except OverflowError:  # a time at the very edge of the calendar: compare it as written
        when = when.replace(tzinfo=None)
    return when, _normalise(event.text)


def _aware(value: datetime | None, zone: tzinfo, what: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime):
        raise TimelineImportError(f"{what} must be a date and time")
    return value if value.tzinfo is not None else value.replace(tzinfo=zone)


def _place_range(items: list[_Item], ctx: _Context) -> None:
    """Bare since/until times of day as times: since at the latest such time at or before the incident's start
    (else the first event), or within an hour after it (23:50 for an incident from 23:38), so that 11:00 for an
    incident from 23:38 is the morning before it, not the morning after; until at or after since (00:10 after
    23:50 is the next day), or without since at the earliest such time from an hour before the start; a note
    says how."""
    reference = ctx.reference
    if reference is None:
        reference = next((item.when for item in items if _MIN_YEAR <= item.when.year <= _MAX_YEAR), None)
        if reference is None:
            return

    def on(day: date, clock: time) -> datetime:
        return datetime.combine(day, clock.replace(tzinfo=None), tzinfo=clock.tzinfo or ctx.default_zone)

    def local(when: datetime, clock: time) -> datetime:
        return when.astimezone(clock.tzinfo or ctx.default_zone)

    read = []
    try:
        if ctx.since_clock is not None:
            clock = ctx.since_clock
            day = local(reference, clock).date()
            latest = reference + ROLLOVER_TOLERANCE
            ctx.since = max(c for d in (-2, -1, 0, 1) if (c := on(day + timedelta(days=d), clock)) <= latest)
            read.append(f"since {clock:%H:%M} read as {local(ctx.since, clock):%Y-%m-%d %H:%M}")
        if ctx.until_clock is not None:
            clock = ctx.until_clock
            if ctx.since is not None:
                day = local(ctx.since, clock).date()
                ctx.until = next(c for d in (0, 1, 2) if (c := on(day + timedelta(days=d), clock)) >= ctx.since)
            else:
                day = local(reference, clock).date()
                earliest = reference - ROLLOVER_TOLERANCE
                ctx.until = min(c for d in (-1, 0, 1, 2) if (c := on(day + timedelta(days=d), clock)) >= earliest)
            words = "until {} as {}" if read else "until {} read as {}"
            read.append(words.format(f"{clock:%H:%M}", f"{local(ctx.until, clock):%Y-%m-%d %H:%M}"))
    except (OverflowError, ValueError, StopIteration):  # max()/min() of nothing is a ValueError
        raise ctx.fail("cannot place the since or until time near the events (give a date with it)") from None
    if ctx.since is not None and ctx.until is not None and ctx.since > ctx.until:
        raise ctx.fail(f"since is later than until ({'; '.join(read)})")

    def inside(shift: timedelta) -> bool:
        since = ctx.since + shift if ctx.since_clock is not None and ctx.since is not None else ctx.since
        until = ctx.until + shift if ctx.until_clock is not None and ctx.until is not None else ctx.until
        return any((since is None or since <= i.when) and (until is None or i.when <= until) for i in items)

    try:
        empty = items and ctx.since_clock is not None and ctx.until_clock is not None and not inside(timedelta(0))
    except OverflowError:
        empty = False
    if empty:
        # '--since 1am --until 2am' for an incident from 23:40: the night after it, not the night before
        for shift in (timedelta(days=1), timedelta(days=-1)):
            try:
                fits = inside(shift)
            except OverflowError:
                continue
            if fits:
                moved = []
                if ctx.since_clock is not None and ctx.since is not None:
                    ctx.since += shift
                    moved.append(f"since {local(ctx.since, ctx.since_clock):%Y-%m-%d %H:%M}")
                if ctx.until_clock is not None and ctx.until is not None:
                    ctx.until += shift
                    moved.append(f"until {local(ctx.until, ctx.until_clock):%Y-%m-%d %H:%M}")
                if ctx.since is not None and ctx.until is not None and ctx.since > ctx.until:
                    raise ctx.fail(f"since is later than until ({', '.join(moved)})")
                later = "later" if shift > timedelta(0) else "earlier"
                read.append(f"moved a day {later}, to {' and '.join(moved)}, where the events are")
                break
    shown = reference.astimezone(ctx.default_zone).strftime("%Y-%m-%d %H:%M")
    if ctx.reference is not None:
        ctx.notes.append(f"{', '.join(read)} (placed by the incident's start, {shown})")
    else:
        ctx.notes.append(f"{', '.join(read)} (placed by the first event, {shown}: the incident has no start time)")


def _after_midnight(items: list[_Item], ctx: _Context) -> None:
    """Notes written after midnight ('00:40 postmortem doc created') for an incident that started at 23:38: its
    bare times, put on the start's date, would come a day early; they go on the next day when that puts the first
    nearer the start (as bare --since and --until times are placed), and a note says so. Only when every time
    in the file is bare (a date written anywhere is taken as written)."""
    if ctx.reference is None or not items or not all(item.bare for item in items):
        return
    earliest = min(item.when for item in items)
    before = ctx.reference - earliest
    if before <= timedelta(0) or (earliest + timedelta(days=1)) - ctx.reference >= before:
        return
    for item in items:
        item.when += timedelta(days=1)  # wall-clock arithmetic in each time's zone: the clock reads the same
    first = min(item.when for item in items)
    ctx.notes.append(
        f"the times have no date and begin {earliest:%H:%M}, long before the incident's start "
        f"({ctx.reference.astimezone(first.tzinfo):%H:%M}): read from the next day, {first:%Y-%m-%d}"
    )


def _finish(items: list[_Item], fmt: str, ctx: _Context) -> ImportResult:
    unit = (
        "entry"
        if fmt in ("slack", "pagerduty") or (fmt == "json" and items and items[0].where.startswith("entry"))
        else "line"
    )
    _after_midnight(items, ctx)
    if _newest_first(items):
        # events of the same second keep their true order: the one listed last happened first
        items.sort(key=lambda item: (item.when, -item.order))
    else:
        items.sort(key=lambda item: (item.when, item.order))
    if ctx.since_clock is not None or ctx.until_clock is not None:
        _place_range(items, ctx)
    events: list[TimelineEvent] = []
    seen: set[tuple[datetime, str]] = set()
    duplicates = filtered = 0
    readable = 0
    cut: list[str] = []
    for item in items:
        full = _clean(item.text).strip()
        text = _limit(full, _TEXT_LIMIT)
        if len(text) < len(full):
            cut.append(item.where)
        if not text:
            ctx.skipped.append(Skipped(item.where, "a time but no text"))
            continue
        if not _MIN_YEAR <= item.when.year <= _MAX_YEAR:
            ctx.skipped.append(Skipped(item.where, f"the year {item.when.year} is out of range"))
            continue
        readable += 1
        if (ctx.since is not None and item.when < ctx.since) or (ctx.until is not None and item.when > ctx.until):
            filtered += 1
            continue
        when = item.when.replace(microsecond=0)
        key = (when.astimezone(UTC), _normalise(text))
        if key in seen:
            duplicates += 1
            continue
        seen.add(key)
        kind, guessed = item.kind if item.kind is not None else guess_kind(text)
        events.append(
            TimelineEvent(
                time=when,
                zone=item.zone,
                kind=kind,
                kind_guessed=guessed,
                text=text,
                source=_limit(_clean(item.source), _SHORT_LIMIT),
                evidence=_limit(item.evidence, _SHORT_LIMIT),
                estimated=item.estimated,
            )
        )
    ctx.skipped.sort(key=_skip_order)
    if not readable:
        hint = ""
        if ctx.skipped:
            count = len(ctx.skipped)
            noun = unit if count == 1 else ("entries" if unit == "entry" else unit + "s")
            hint = f" ({count} {noun} skipped; first: {ctx.skipped[0]})"
        raise ctx.fail(f"no events found{hint}" + (f"; {ctx.empty_hint}" if ctx.empty_hint else ""))
    if cut:
        more = f" and {len(cut) - 1} more" if len(cut) > 1 else ""
        ctx.notes.append(f"an event's text is cut to {_TEXT_LIMIT:,} characters ({cut[0]}{more})")
    clock = ctx.since_clock if ctx.since_clock is not None else ctx.until_clock
    if filtered and not events and clock is not None:
        first = next(item.when for item in items if _MIN_YEAR <= item.when.year <= _MAX_YEAR)
        example = f"{_local_date(first, ctx.default_zone)} {clock:%H:%M}"
        ctx.notes.append(
            f"every event is outside the time range; give a date with the times (e.g. {example})"
            + (" or set the incident's start time" if ctx.reference is None else "")
        )
    return ImportResult(
        events=events,
        skipped=ctx.skipped,
        format=fmt,
        name=ctx.name,
        zone=ctx.doc_zone,
        duplicates=duplicates,
        filtered=filtered,
        unit=unit,
        notes=[*ctx.abbreviation_notes(), *ctx.notes],
    )


def _skip_order(skipped: Skipped) -> tuple[str, int]:
    m = re.search(r"(\d+)$", skipped.where)
    return (skipped.where[: m.start()] if m else skipped.where, int(m.group(1)) if m else 0)


def _context(
    name: str,
    display: str,
    tz: str | None,
    anchor: date | None,
    doc_zone: str,
    since: datetime | time | None,
    until: datetime | time | None,
    include_noise: bool,
    progress: Progress | None,
    reference: datetime | None = None,
) -> _Context:
    doc_info, doc_name = _named_zone(doc_zone, "the document")
    tz_name = doc_name
    if tz is not None and tz != "":
        default_zone, tz_name = _named_zone(tz, "--tz")
        label = "" if tz_name == doc_name else tz_name
    else:
        default_zone, label = doc_info, ""
    if anchor is not None and not isinstance(anchor, date):
        raise TimelineImportError("the anchor must be a date")
    if isinstance(anchor, datetime):
        anchor = (anchor if anchor.tzinfo is None else anchor.astimezone(default_zone)).date()
    since_clock = since if isinstance(since, time) else None  # a bare time of day: placed by _place_range
    until_clock = until if isinstance(until, time) else None
    since_aware = _aware(cast(datetime | None, since), default_zone, "since") if since_clock is None else None
    until_aware = _aware(cast(datetime | None, until), default_zone, "until") if until_clock is None else None
    if since_aware is not None and until_aware is not None and since_aware > until_aware:
        raise TimelineImportError("since is later than until")
    if reference is not None and not isinstance(reference, datetime):
        raise TimelineImportError("the reference must be a date and time")
    return _Context(
        name=name,
        display=display,
        default_zone=default_zone,
        default_label=label,
        zone_name=tz_name,
        doc_zone=doc_name,
        anchor=anchor,
        since=since_aware,
        until=until_aware,
        include_noise=include_noise,
        progress=progress,
        since_clock=since_clock,
        until_clock=until_clock,
        reference=_aware(reference, default_zone, "the reference"),
        tz_given=tz is not None and tz != "",
    )


def _check_format(fmt: str) -> str:
    if fmt == "jsonl":  # the name the JSON reader had first
        fmt = "json"
    if fmt not in FORMATS:
        raise TimelineImportError(f"unknown format {fmt!r} (choose {', '.join(FORMATS[:-1])} or {FORMATS[-1]})")
    return fmt


def _parse(
    text: str,
    fmt: str,
    ctx: _Context,
    *,
    suffix: str = "",
    users: Callable[[], dict[str, str]] = dict,
    channel: str = "",
) -> ImportResult:
    if not text.strip():
        raise ctx.fail("the file is empty")
    data: Any = None
    if fmt == "auto":
        fmt, data = _detect(text, ctx, suffix)
    if fmt == "text":
        items = _parse_text(text, ctx)
    elif fmt == "csv":
        items = _parse_csv(text, ctx)
    elif fmt == "json":
        if data is None:
            try:
                data = json.loads(text)
            except (ValueError, RecursionError):
                data = None
        records = _json_records(data)
        if isinstance(data, dict) and isinstance(data.get("events"), list) and isinstance(data.get("nextToken"), str):
            ctx.notes.append(  # aws logs filter-log-events / get-log-events: one page of them
                f"one page of the log events ({len(data['events'])}) and CloudWatch has more: fetch them all "
                "(the AWS CLI pages through them when --max-items is not given) or the next page with its nextToken"
            )
        if records is not None:
            items = _parse_json_records(records, ctx)
        elif isinstance(data, dict):
            items = _parse_json_records([data], ctx)
        elif data is not None:
            raise ctx.fail("JSON, but not a list of records with a time field ('time', 'timestamp', 'created_at', ...)")
        else:
            items = _parse_jsonl(text, ctx)
    elif fmt == "slack":
        if data is None:
            data = _load_json(text, ctx, "Slack export")
        items = _parse_slack_data(data, ctx, channel, users())
    else:
        if data is None:
            data = _load_json(text, ctx, "PagerDuty log")
        items = _parse_pagerduty_data(data, ctx)
    return _finish(items, fmt, ctx)


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def parse_timeline(
    source: Path | str,
    *,
    fmt: str = "auto",
    tz: str | None = None,
    anchor: date | None = None,
    doc_zone: str = "UTC",
    since: datetime | time | None = None,
    until: datetime | time | None = None,
    include_noise: bool = False,
    progress: Progress | None = None,
    reference: datetime | None = None,
) -> ImportResult:
    """Read timeline events from a file (text, Slack JSON, CSV, PagerDuty JSON) or a Slack channel folder.

    `tz`: the zone of times that don't say theirs (default: `doc_zone`). `anchor`: the date of times
    without one (default: the first date in the file). `since`/`until`: keep events in this range
    (inclusive); a bare time of day is placed on the day nearest `reference` (the incident's start; else
    the first event), until at or after since, and a note says how. `progress(done, total)` is called now
    and then. Raises TimelineImportError when nothing can be imported.
    """
    fmt = _check_format(fmt)
    display = str(source)
    try:
        path = Path(source)
        is_dir = path.is_dir()
    except (OSError, ValueError, TypeError):
        raise TimelineImportError("not a readable path", source=display) from None
    ctx = _context(
        path.name or display, display, tz, anchor, doc_zone, since, until, include_noise, progress, reference
    )
    if is_dir:
        if fmt not in ("auto", "slack"):
            raise ctx.fail(f"is a folder; only a Slack channel export can be a folder, not {fmt}")
        return _finish(_parse_slack_folder(path, ctx), "slack", ctx)
    text = _read(path, display)
    parent = path.parent
    return _parse(
        text,
        fmt,
        ctx,
        suffix=path.suffix.lower(),
        users=lambda: _load_users((parent, parent.parent), ctx),
        channel=parent.name if _SLACK_DAY.fullmatch(path.name) else path.stem,
    )


def parse_timeline_text(
    text: str,
    fmt: str = "auto",
    name: str = "<input>",
    *,
    tz: str | None = None,
    anchor: date | None = None,
    doc_zone: str = "UTC",
    since: datetime | time | None = None,
    until: datetime | time | None = None,
    include_noise: bool = False,
    progress: Progress | None = None,
    users: dict[str, str] | None = None,
    reference: datetime | None = None,
) -> ImportResult:
    """Like parse_timeline, for text already in memory (a paste, a test).

    `name` stands for the file in sources and messages (a Slack channel name is taken from it unless
    it is a day file name or starts with '<'); `users` maps Slack user ids to names.
    """
    fmt = _check_format(fmt)
    if not isinstance(text, str):
        raise TimelineImportError("the input must be text", source=name)
    ctx = _context(name, name, tz, anchor, doc_zone, since, until, include_noise, progress, reference)
    return _parse(
        text.removeprefix("\ufeff"),
        fmt,
        ctx,
        suffix="" if name.startswith("<") else Path(name).suffix.lower(),
        users=lambda: dict(users or {}),
        channel=_channel_name(name),
    )


def anchor_date(pm: PostMortem, tz: str | None = None) -> date | None:
    """The incident's date (`pm.anchor_time()`) in the zone the file is read in: `tz` when given (--tz), else
    the document's. What to pass as `anchor` (and `pm.anchor_time()` as `reference`): bare times are placed on
    that date, so it must be the date where they were written (an incident that started at 23:40 in Berlin
    started on the next day in Tokyo)."""
    value = pm.anchor_time()
    if value is None:
        return None
    zone = _named_zone(tz, "--tz")[0] if tz else pm.tzinfo
    return _local_date(value, zone)


def plan_import(pm: PostMortem, result: ImportResult) -> list[TimelineEvent]:
    """The events of the result the post-mortem doesn't have yet (same second, same text = same event)."""
    seen = {key for key in map(event_key, pm.timeline) if key is not None}
    fresh = []
    for event in result.events:
        key = event_key(event)
        if key is not None and key in seen:
            continue
        if key is not None:
            seen.add(key)
        fresh.append(event)
    return fresh


def apply_import(pm: PostMortem, events: Iterable[TimelineEvent]) -> PostMortem:
    """An updated copy of the post-mortem with the events added (duplicates left out) and the timeline sorted
    (timed events by time, untimed ones after them in their order). The original is not changed."""
    updated = pm.model_copy(deep=True)
    seen = {key for key in map(event_key, updated.timeline) if key is not None}
    for event in events:
        key = event_key(event)
        if key is not None and key in seen:
            continue
        if key is not None:
            seen.add(key)
        updated.timeline.append(event.model_copy(deep=True))
    timed = [e for e in updated.timeline if e.time is not None]
    untimed = [e for e in updated.timeline if e.time is None]
    timed.sort(key=lambda e: e.time)  # type: ignore[arg-type, return-value]
    updated.timeline = timed + untimed
    return updated
