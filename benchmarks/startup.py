"""Start-up and save cost, as ratios against baselines measured in the same run.

1. Launch to the library screen's first frame showing a generated library of 1,000 post-mortems,
   against a hello-world Textual app (Header, Static, Footer). Each is a fresh `python` process
   run headless, timed from spawn to the first frame with content (see frames.py for how, and for
   the "settled" figure printed beside it).
   Target: ratio <= 1.3 (warm: the library's summary cache exists; cold: first launch, no cache).
2. One save in a 1,000-post-mortem library against one save in a 1-post-mortem library.
   Target: ratio <= 2.

Usage: python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from frames import HELLO, PRELUDE, Frames, spawn_frames

PMTUI = (
    PRELUDE
    + """
import sys
from pmtui.app import PmtuiApp
from pmtui.screens.library import LibraryScreen
from pmtui.store import Library

fill = LibraryScreen._fill_table

def fill_then_report(self):
    if self.entries:
        content_shown()
        self.call_after_refresh(settled)
    fill(self)

LibraryScreen._fill_table = fill_then_report
PmtuiApp(Library(sys.argv[1])).run(headless=True, size=(80, 24))
"""
)


def generate_library(root: Path, count: int) -> None:
    from pmtui.demo import generate_postmortem
    from pmtui.store import Library

    library = Library(root)
    now = datetime(2026, 11, 26, tzinfo=UTC)
    for index in range(count):
        library.save(generate_postmortem(index + 1, now=now), touch=False)


def median_save_seconds(root: Path, rounds: int) -> float:
    from pmtui.store import Library

    library = Library(root)
    pm = library.load(library.summaries()[0].id)
    timings = []
    for round_number in range(rounds):
        pm = pm.model_copy(update={"summary": f"edit {round_number}"})
        start = time.perf_counter()
        pm = library.save(pm)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--saves", type=int, default=200)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="pmtui-bench-"))
    try:
        big, small = work / "big", work / "small"
        started = time.perf_counter()
        generate_library(big, 1000)
        generate_library(small, 1)
        print(
            f"generated 1,000 post-mortems in {time.perf_counter() - started:.1f} s "
            f"({sum(p.stat().st_size for p in big.glob('*.json')) / 1e6:.1f} MB)"
        )

        cold: list[Frames] = []
        for _ in range(args.runs):
            shutil.rmtree(big / ".pmtui", ignore_errors=True)
            cold.append(spawn_frames(PMTUI, str(big)))
        spawn_frames(HELLO)  # warm the file cache for both
        spawn_frames(PMTUI, str(big))
        hello: list[Frames] = []
        warm: list[Frames] = []
        for _ in range(args.runs):  # interleaved, so machine noise hits both alike
            hello.append(spawn_frames(HELLO))
            warm.append(spawn_frames(PMTUI, str(big)))
        base = statistics.median(f.first for f in hello)
        base_settled = statistics.median(f.settled for f in hello)
        print(f"spawn to first frame with content, median of {args.runs} (after-refresh work done, in brackets):")
        print(f"  hello-world Textual app:                 {base * 1000:4.0f} ms ({base_settled * 1000:.0f} ms)")
        for label, runs, target in (
            ("pmtui, 1,000 post-mortems, warm cache:", warm, " (target <= 1.3)"),
            ("pmtui, 1,000 post-mortems, no cache:  ", cold, " (first launch)"),
        ):
            first = statistics.median(f.first for f in runs)
            settled = statistics.median(f.settled for f in runs)
            print(
                f"  {label}  {first * 1000:4.0f} ms ({settled * 1000:.0f} ms) -> ratio {first / base:.2f}{target} "
                f"(settled {settled / base_settled:.2f})"
            )

        small_save = median_save_seconds(small, args.saves)
        big_save = median_save_seconds(big, args.saves)
        print(f"one save, 1-post-mortem library:     {small_save * 1000:.2f} ms (median of {args.saves})")
        print(
            f"one save, 1,000-post-mortem library: {big_save * 1000:.2f} ms -> ratio {big_save / small_save:.2f} "
            "(target <= 2)"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
