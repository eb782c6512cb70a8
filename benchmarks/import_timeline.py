"""How fast is timeline import? Prints figures; asserts nothing.

    python benchmarks/import_timeline.py [LINES]

Generates LINES (default 10,000) events as a plain-text ops log (mixed time forms, continuation
lines, crossing midnight), a Slack export, a CSV file and PagerDuty log entries, imports each, and
prints the best of several runs next to baselines measured in the same run:

- split + regex: splitting the text into lines and matching a time regex on each (the least any
  text importer has to do);
- json.loads of an equivalent JSON array of the same events;
- building the same number of TimelineEvent models directly (the cost of the model itself).
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from pmtui.io.timeline_import import parse_timeline_text
from pmtui.model import TimelineEvent

RUNS = 5
START = datetime(2026, 3, 2, 21, 0, tzinfo=UTC)
WORDS = (
    "deploy started",
    "[FIRING:1] CheckoutHighErrorRate 5xx ratio 12%",
    "dana: acknowledged, looking",
    "posted status page update",
    "rolling back checkout-api to v4.11.3",
    "error ratio back to baseline",
    "incident resolved",
    "pod checkout-api-7d9f restarted by kubelet",
)


def moments(count: int) -> list[datetime]:
    return [START + timedelta(seconds=7 * i) for i in range(count)]


def text_log(count: int) -> str:
    lines = []
    for i, when in enumerate(moments(count)):
        words = f"{WORDS[i % len(WORDS)]} #{i}"
        form = i % 10
        if form == 0:
            lines.append(f"{when:%Y-%m-%dT%H:%M:%SZ} {words}")
        elif form == 1:
            lines.append(f"[{when:%H:%M:%S}] {words}")
        elif form == 2:
            lines.append(f"{when:%b %d %H:%M:%S} host-{i % 7} app[{i}]: {words}")
        elif form == 3:
            lines.append(f"- {when:%H:%M} UTC {words}")
        elif form == 4:
            lines.append(f"    at frame {i} (continuation of the line above)")
        else:
            lines.append(f"{when:%H:%M:%S} \x1b[32mINFO\x1b[0m {words}")
    return "\n".join(lines)


def slack_json(count: int) -> str:
    return json.dumps(
        [
            {"type": "message", "ts": f"{when.timestamp():.6f}", "user": f"U{i % 5}", "text": WORDS[i % len(WORDS)]}
            for i, when in enumerate(moments(count))
        ]
    )


def csv_text(count: int) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["date", "time (UTC)", "who", "description"])
    for i, when in enumerate(moments(count)):
        writer.writerow([f"{when:%d.%m.%Y}", f"{when:%H:%M:%S}", f"user{i % 5}", f"{WORDS[i % len(WORDS)]} #{i}"])
    return out.getvalue()


def pagerduty_json(count: int) -> str:
    types = ("trigger_log_entry", "notify_log_entry", "acknowledge_log_entry", "annotate_log_entry")
    return json.dumps(
        {
            "log_entries": [
                {
                    "type": types[i % len(types)],
                    "created_at": f"{when:%Y-%m-%dT%H:%M:%SZ}",
                    "summary": f"{WORDS[i % len(WORDS)]} #{i}",
                    "agent": {"summary": f"user{i % 5}"},
                }
                for i, when in enumerate(moments(count))
            ]
        }
    )


def best(job: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        job()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    anchor = date(2026, 3, 2)
    text = text_log(count)
    events_json = json.dumps(
        [{"time": when.isoformat(), "text": WORDS[i % len(WORDS)]} for i, when in enumerate(moments(count))]
    )
    time_re = re.compile(r"\s*\[?(\d{4}-\d{2}-\d{2}[T ])?(\d{1,2}):(\d{2})")
    whens = moments(count)

    baselines = {
        "split + regex match per line": best(lambda: [time_re.match(line) for line in text.split("\n")]),
        "json.loads of the same events": best(lambda: json.loads(events_json)),
        "TimelineEvent(...) x N directly": best(
            lambda: [TimelineEvent(time=w, text=WORDS[i % len(WORDS)]) for i, w in enumerate(whens)]
        ),
    }
    imports = {
        "text": (text, best(lambda: parse_timeline_text(text, "text", anchor=anchor))),
        "slack": (slack_json(count), 0.0),
        "csv": (csv_text(count), 0.0),
        "pagerduty": (pagerduty_json(count), 0.0),
    }
    for fmt in ("slack", "csv", "pagerduty"):
        source = imports[fmt][0]
        imports[fmt] = (source, best(lambda source=source, fmt=fmt: parse_timeline_text(source, fmt, anchor=anchor)))
    result = parse_timeline_text(text, "auto", anchor=anchor)

    print(f"timeline import, {count:,} lines/entries, best of {RUNS} runs (Python {sys.version.split()[0]})")
    print(f"  text log detected as {result.format!r}: {result.summary()}")
    print()
    print("  baselines")
    for name, seconds in baselines.items():
        print(f"    {name:34s} {seconds * 1000:8.1f} ms")
    print()
    split_regex = baselines["split + regex match per line"]
    loads = baselines["json.loads of the same events"]
    models = baselines["TimelineEvent(...) x N directly"]
    header = ("import", "time", "per line", "x split+regex", "x json.loads", "x models")
    print("  {:10s} {:>10s} {:>10s} {:>14s} {:>13s} {:>9s}".format(*header))
    for fmt, (_, seconds) in imports.items():
        print(
            f"  {fmt:10s} {seconds * 1000:7.1f} ms {seconds / count * 1e6:7.1f} us"
            f" {seconds / split_regex:13.1f}x {seconds / loads:12.1f}x {seconds / models:8.1f}x"
        )
    auto = best(lambda: parse_timeline_text(text, "auto", anchor=anchor))
    print(f"  {'text/auto':10s} {auto * 1000:7.1f} ms  (with format detection)")


if __name__ == "__main__":
    main()
