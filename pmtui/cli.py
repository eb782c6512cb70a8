"""The command line. Every job works without the TUI; errors are one clear line on stderr, exit 2."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

EXIT_BAD_INPUT = 2
MAX_TITLE = 500  # the model's ShortText


class UsageError(Exception):
    """Bad input from the user: printed as lines on stderr, exit status 2."""

    def __init__(self, *lines: str) -> None:
        super().__init__(lines[0] if lines else "")
        self.lines = list(lines)


def default_library() -> Path:
    """PMTUI_LIBRARY, else the platform's user data dir."""
    configured = os.environ.get("PMTUI_LIBRARY")
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("pmtui", appauthor=False)) / "library"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, as for every other bad input
        self.exit(EXIT_BAD_INPUT, f"pmtui: {message} (see pmtui --help)\n")


def build_parser() -> argparse.ArgumentParser:
    library_help = "library folder (default: $PMTUI_LIBRARY or the user data dir)"
    parser = _Parser(prog="pmtui", description="Blameless post-mortems in the terminal.")
    parser.add_argument("--library", type=Path, help=library_help)
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--library", type=Path, help=library_help, default=argparse.SUPPRESS)
        return sub

    demo = command("demo", "write a sample post-mortem with every stage filled, and open it")
    demo.add_argument("--no-open", action="store_true", help="only write it and print its id")
    demo.add_argument("--reset", action="store_true", help="rewrite the demo from scratch if it already exists")

    new = command("new", "create a post-mortem and print its id")
    new.add_argument("--title", required=True)
    new.add_argument(
        "--severity",
        default="SEV3",
        type=str.upper,
        choices=["SEV1", "SEV2", "SEV3", "SEV4"],
        help="SEV1 (worst) to SEV4 (default SEV3)",
    )
    new.add_argument("--timezone", default=None, help="the document's time zone, e.g. Europe/Berlin (default UTC)")

    listing = command("list", "list the post-mortems in the library")
    listing.add_argument("--json", action="store_true", help="print JSON")

    export = command("export", "export a post-mortem (stdout by default)")
    export.add_argument("id")
    export.add_argument("--format", choices=["markdown", "json"], default="markdown")
    export.add_argument("--with-findings", action="store_true", help="append the findings of the checks")
    export.add_argument("-o", "--output", type=Path, help="write to this file (created owner-only)")

    importing = command("import", "import JSON documents as `export --format json` writes them")
    importing.add_argument("files", nargs="+", type=Path, metavar="FILE")
    importing.add_argument(
        "--force", action="store_true", help="replace post-mortems even if the library's copy was updated later"
    )

    command("schema", "print the JSON Schema of a post-mortem document")

    opening = command("open", "open the TUI straight into one post-mortem")
    opening.add_argument("id")

    check = command("check", "run the facilitation checks; exit 1 if blocking findings remain")
    check.add_argument("id")
    check.add_argument("--json", action="store_true", help="print JSON")

    timeline = command("import-timeline", "import timeline events from notes, logs, chat, CSV or JSON")
    timeline.add_argument("id")
    timeline.add_argument("file", type=Path)
    timeline.add_argument("--format", default="auto", choices=["auto", "text", "slack", "csv", "pagerduty", "json"])
    timeline.add_argument("--tz", default=None, help="zone for times that carry none (default: the document's)")
    timeline.add_argument(
        "--since",
        default=None,
        help="skip events before this time (a bare 11:00 is the latest 11:00 at or before the incident's start, "
        "or within an hour after it)",
    )
    timeline.add_argument(
        "--until", default=None, help="skip events after this time (a bare 00:10 after --since 23:50 is the next day)"
    )
    timeline.add_argument(
        "--include-noise",
        action="store_true",
        help="keep noise: chat joins, leaves, topic changes, reactions; Jenkins [Pipeline] step lines",
    )
    timeline.add_argument("--dry-run", action="store_true", help="show what would be added; save nothing")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.version:
        from pmtui import __version__

        print(f"pmtui {__version__}")
        return 0
    try:
        return _dispatch(args)
    except UsageError as error:
        for line in error.lines:
            print(f"pmtui: {line}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def _library(args: argparse.Namespace, *, create: bool = False):
    """The library of the command line; it must exist unless `create` (then it is made when first written)."""
    from pmtui.store import Library

    library = Library(args.library if getattr(args, "library", None) else default_library())
    if library.root.exists() and not library.root.is_dir():
        raise UsageError(f"library {library.root} is not a folder")
    if not create and not library.root.exists():
        raise UsageError(f"library {library.root} does not exist")
    return library


def _dispatch(args: argparse.Namespace) -> int:
    from pmtui.store import LibraryError

    try:
        handler = {
            None: _cmd_tui,
            "demo": _cmd_demo,
            "new": _cmd_new,
            "list": _cmd_list,
            "export": _cmd_export,
            "import": _cmd_import,
            "schema": _cmd_schema,
            "open": _cmd_open,
            "check": _cmd_check,
            "import-timeline": _cmd_import_timeline,
        }[args.command]
        return handler(args)
    except LibraryError as error:
        raise UsageError(str(error)) from None
    except OSError as error:
        raise UsageError(f"{error.filename or ''}: {error.strerror or error}".lstrip(": ")) from None


def _run_tui(library, open_id: str | None = None) -> int:
    from pmtui.app import PmtuiApp

    library.ensure()
    app = PmtuiApp(library, open_id=open_id)
    app.run()
    return app.return_code or 0


def _cmd_tui(args: argparse.Namespace) -> int:
    return _run_tui(_library(args, create=True))


def _cmd_open(args: argparse.Namespace) -> int:
    library = _library(args)
    pm_id = library.resolve_id(args.id)
    library.load(pm_id)  # unreadable -> one clear line before any screen is drawn
    return _run_tui(library, open_id=pm_id)


def _cmd_demo(args: argparse.Namespace) -> int:
    from pmtui.demo import DEMO_ID, demo_postmortem

    library = _library(args, create=True)
    kept = False
    if library.exists(DEMO_ID):
        library.load(DEMO_ID)  # refuses to open or overwrite an unreadable file
        kept = not args.reset  # a rerun keeps the user's edits
    if not kept:
        library.save(demo_postmortem(), force=True, touch=False)
    if args.no_open:
        print(f"{DEMO_ID} already exists, kept as it is (--reset rewrites it)" if kept else DEMO_ID)
        return 0
    return _run_tui(library, open_id=DEMO_ID)


def _cmd_new(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from pmtui.model import Severity, describe_validation_error

    title = args.title.strip()  # the same rule as the TUI's new post-mortem dialog
    if not title:
        raise UsageError("--title: a post-mortem needs a title")
    if len(title) > MAX_TITLE:
        raise UsageError(f"--title: keep the title to {MAX_TITLE} characters or fewer (it has {len(title)})")
    library = _library(args, create=True)
    extra = {"timezone": args.timezone} if args.timezone else {}
    try:
        pm = library.create(title, Severity(args.severity), **extra)
    except ValidationError as error:
        raise UsageError(*describe_validation_error(error)) from None
    print(pm.id)
    return 0


def _cmd_list(args: argparse.Namespace) -> int:
    from pmtui.store import Summary

    entries = _library(args).entries()
    if args.json:
        rows = []
        for entry in entries:
            if isinstance(entry, Summary):
                rows.append(
                    {
                        "id": entry.id,
                        "title": entry.title,
                        "severity": entry.severity,
                        "status": entry.status,
                        "date": entry.date.isoformat(),
                        "open_actions": entry.open_actions,
                        "readable": True,
                    }
                )
            else:
                rows.append({"id": entry.id, "path": str(entry.path), "readable": False, "reason": entry.reason})
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    for entry in entries:
        if isinstance(entry, Summary):
            title = _printable(entry.title)
            print(
                f"{entry.id}\t{entry.severity}\t{entry.status}\t"
                f"{entry.date.date().isoformat()}\t{entry.open_actions}\t{title}"
            )
        else:
            print(f"{entry.id}\tUNREADABLE\t{_printable(entry.reason)}")
    return 0


def _printable(text: str) -> str:
    """User text for a terminal line: control characters (ANSI escapes, tabs, newlines) made visible."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def _write_output(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from pmtui.io.files import write_private_file

    write_private_file(output, text)


def _cmd_export(args: argparse.Namespace) -> int:
    library = _library(args)
    pm = library.load(library.resolve_id(args.id))
    if args.format == "json":
        from pmtui.io.jsonio import document_to_json

        text = document_to_json(pm)
    else:
        from pmtui.io.markdown import to_markdown

        findings = None
        if args.with_findings:
            from pmtui.analysis import run_checks

            findings = run_checks(pm, datetime.now().astimezone(), _config()).findings
        text = to_markdown(pm, findings=findings)
    _write_output(text, args.output)
    return 0


def _config():
    from pmtui.config import ConfigError, load_config

    try:
        return load_config()
    except ConfigError as error:
        raise UsageError(str(error)) from None


def _cmd_import(args: argparse.Namespace) -> int:
    from pmtui.io.jsonio import DocumentError, documents_from_json
    from pmtui.store import LibraryError

    library = _library(args, create=True)
    documents = []
    problems: list[str] = []
    for path in args.files:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            problems.append(f"{path}: cannot read: {getattr(error, 'strerror', None) or error}")
            continue
        try:
            documents.extend(documents_from_json(text, str(path)))
        except DocumentError as error:
            problems.extend(error.lines)
    latest: dict[str, datetime | None] = {}  # id -> `updated` of the copy an import would replace
    plan = []
    for pm in documents:
        if pm.id not in latest:
            try:
                latest[pm.id] = library.load(pm.id).updated if library.exists(pm.id) else None
            except LibraryError as error:  # never overwrite an unreadable file
                problems.append(str(error))
                continue
        before = latest[pm.id]
        if before is not None and before > pm.updated and not args.force:
            problems.append(
                f"{pm.id}: the library's copy was updated {before.isoformat()}, after this document's "
                f"{pm.updated.isoformat()}; --force replaces it"
            )
        plan.append((pm, "new" if before is None else "updated"))
        latest[pm.id] = pm.updated
    if problems:
        raise UsageError(*problems, "nothing was imported")
    for pm, state in plan:
        library.save(pm, force=True, touch=False)
        print(f"{pm.id}\t{state}")
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    from pmtui.model import document_json_schema

    print(json.dumps(document_json_schema(), indent=2))
    return 0


def _event_time(pm, path: str) -> str:
    """' (the event at 00:05)' for a timeline path: paths count events as stored, the screen and the
    export list them in time order."""
    from pmtui.timeparse import format_time

    parts = path.split(".")
    if len(parts) < 2 or parts[0] != "timeline" or not parts[1].isdigit() or int(parts[1]) >= len(pm.timeline):
        return ""
    event = pm.timeline[int(parts[1])]
    return f" (the event at {format_time(event.time, pm.timezone)})" if event.time is not None else ""


def _cmd_check(args: argparse.Namespace) -> int:
    from pmtui.analysis import run_checks

    library = _library(args)
    pm = library.load(library.resolve_id(args.id))
    report = run_checks(pm, datetime.now().astimezone(), _config())
    if args.json:
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        from pmtui.analysis.metrics import format_duration

        for name, value in report.metrics.durations():
            print(f"time to {name}: {format_duration(value)}")
        for finding in report.findings:
            where = f"{finding.stage.value}/{finding.path}" if finding.path else finding.stage.value
            where += _event_time(pm, finding.path)
            words = f' "{_printable(finding.excerpt)}"' if finding.excerpt else ""
            print(f"{finding.severity:8} {where}: {_printable(finding.message)}{words}")
            if finding.suggestion:
                print(f"         try: {_printable(finding.suggestion)}")
        ready = "no" if report.blocking else "yes"
        print(f"{len(report.blocking)} blocking, {len(report.advisory)} advisory; ready to finalise: {ready}")
    return 1 if report.blocking else 0


# A time of day without a date ('23:50', '11:50 PM', '23:50 UTC', '00:50 Europe/Berlin'): the importer
# places it near the incident's start, so that '--since 23:50 --until 00:10' spans midnight.
_BARE_TIME = (
    r"\s*(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?|\d{1,2}\s*[AaPp]\.?[Mm]\.?)"
    r"(?:\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})|\s+[A-Za-z]+/[A-Za-z_+\-/0-9]+)?\s*"
)


def _parse_cli_time(text: str | None, zone: str, anchor):
    """A full date and time, or a bare time of day (a `time`, with the zone it names or `zone`)."""
    if text is None:
        return None
    import re

    from pmtui.timeparse import TimeParseError, parse_time

    try:
        parsed = parse_time(text, zone=zone, anchor=anchor)
    except TimeParseError as error:
        raise UsageError(str(error)) from None
    return parsed.timetz() if re.fullmatch(_BARE_TIME, text) else parsed


# Zone abbreviations people type for --tz, and the IANA names that do what they mean (daylight time included).
_ZONE_HINTS = {
    **dict.fromkeys(("ET", "EST", "EDT"), ("US Eastern time", "America/New_York")),
    **dict.fromkeys(("CT", "CST", "CDT"), ("US Central time", "America/Chicago")),
    **dict.fromkeys(("MT", "MST", "MDT"), ("US Mountain time", "America/Denver")),
    **dict.fromkeys(("PT", "PST", "PDT"), ("US Pacific time", "America/Los_Angeles")),
    **dict.fromkeys(("CET", "CEST"), ("Central European time", "Europe/Berlin")),
    **dict.fromkeys(("GMT", "BST"), ("UK time", "Europe/London")),
    "IST": ("India time", "Asia/Kolkata"),
    "JST": ("Japan time", "Asia/Tokyo"),
}


def _cmd_import_timeline(args: argparse.Namespace) -> int:
    from pmtui.io.timeline_import import (
        TimelineImportError,
        anchor_date,
        apply_import,
        parse_timeline,
        plan_import,
    )
    from pmtui.model import check_zone

    library = _library(args)
    pm_id = library.resolve_id(args.id)
    pm = library.load(pm_id)
    zone = args.tz or pm.timezone
    try:
        check_zone(zone)
    except ValueError as error:
        hint = _ZONE_HINTS.get(zone.upper().strip())
        raise UsageError(f"--tz: {error}" + (f" (for {hint[0]} give {hint[1]})" if hint else "")) from None
    anchor = anchor_date(pm, args.tz)
    since = _parse_cli_time(args.since, zone, anchor)
    until = _parse_cli_time(args.until, zone, anchor)
    dated_by_since = anchor is None and isinstance(since, datetime)
    if dated_by_since:
        # no incident date in the document yet: a --since with a date dates the file's bare times (said below)
        anchor = since.date()
    try:
        result = parse_timeline(
            args.file,
            fmt=args.format,
            tz=args.tz,
            anchor=anchor,
            doc_zone=pm.timezone,
            since=since,
            until=until,
            include_noise=args.include_noise,
            reference=pm.anchor_time(),
        )
    except TimelineImportError as error:
        message = str(error)
        if "the times have no date" in message:
            message += "; or give --since with a date, e.g. --since '2026-03-02 00:00'"
        raise UsageError(message, "nothing was imported") from None
    new_events = plan_import(pm, result)
    for skipped in result.skipped:
        print(f"skipped {skipped.where}: {_printable(skipped.reason)}", file=sys.stderr)
    if dated_by_since and anchor is not None:
        result.notes.insert(
            0, f"the post-mortem has no incident date yet: times without one are read on {anchor} (--since)"
        )
    for text in result.notes:  # after the skipped rows, so that they are not lost among them
        print(f"note: {_printable(text)}", file=sys.stderr)
    duplicates = len(result.events) - len(new_events)
    note = f"; {duplicates} already in the timeline" if duplicates else ""
    if args.dry_run:
        zone_info = pm.tzinfo
        for event in new_events:
            when = event.time.astimezone(zone_info).strftime("%Y-%m-%d %H:%M:%S") if event.time else "?"
            # "~" before an estimated time, "?" after a guessed kind, as the Timeline stage shows them
            when = f"~{when}" if event.estimated else when
            kind = event.kind.value + ("?" if event.kind_guessed else "")
            print(f"{when}\t{kind}\t{_printable(event.text)}")
        print(f"dry run: {result.summary(notes=False)}; {len(new_events)} would be added{note}")
        return 0
    library.update(pm_id, lambda current: apply_import(current, plan_import(current, result)))
    print(f"{result.summary(notes=False)}; {len(new_events)} added to {pm_id}{note}")
    return 0
