"""Keystroke latency in the Timeline stage on a post-mortem with 2,000 events, and the cost of opening it.

1. Keystrokes: the app runs headless (run_test, 80x24) on a post-mortem with 2,000 timeline events. In the
   timeline stage we move the cursor, set kinds, toggle estimated and milestones, and type events into the
   quick-add line. Each key is timed from posting it to the app until every widget has handled what it
   caused and a frame has been composed. Targets: median <= 10 ms, p99 <= 50 ms.
2. Opening: a fresh `python` process opening that post-mortem (straight into the post-mortem screen) to its
   first frame, against a hello-world Textual app (Header, Static, Footer), both spawned here. Target:
   ratio <= 1.5. Beside it, the floor under that ratio: the same hello world that first reads the
   post-mortem with pmtui's store (pydantic: import, schema build, validation) and shows its title; and
   how much of the open itself goes to importing the model (pydantic) and loading the document.
3. For information: the first show of the timeline stage (2,000 rows built) and a forced full rebuild.

Prints figures; asserts nothing. Usage: python benchmarks/timeline_keystroke.py [--runs N] [--events N]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import shutil
import statistics
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from frames import HELLO, PRELUDE, Frames, spawn_frames

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)

OPEN = (
    PRELUDE
    + """
import sys
# What pydantic costs inside this launch: its import with pmtui's model (imported here a moment before
# pmtui.app would import them) and Library.load (read, schema build, validation), printed as parts.
_start = time.time()
import pmtui.model
print("part pydantic_import", time.time() - _start, flush=True)
from pmtui.app import PmtuiApp
from pmtui.screens.postmortem import PostMortemScreen
from pmtui.store import Library

_load = Library.load

def timed_load(self, pm_id):
    start = time.time()
    try:
        return _load(self, pm_id)
    finally:
        print("part load", time.time() - start, flush=True)

Library.load = timed_load

mounted = PostMortemScreen.on_mount

def mount_then_report(self):
    content_shown()
    self.call_after_refresh(settled)
    mounted(self)

PostMortemScreen.on_mount = mount_then_report
PmtuiApp(Library(sys.argv[1]), open_id=sys.argv[2]).run(headless=True, size=(80, 24))
"""
)

# The hello world, but it reads the document with pmtui's store first: what loading alone costs.
LOAD_ONLY = (
    PRELUDE
    + """
import sys
from textual.widgets import Footer, Header, Static
from pmtui.store import Library

class LoadOnly(App):
    def compose(self):
        pm = Library(sys.argv[1]).load(sys.argv[2])
        yield Header()
        yield Static(pm.title, markup=False)
        yield Footer()

    def on_mount(self):
        content_shown()
        self.call_after_refresh(settled)

LoadOnly().run(headless=True, size=(80, 24))
"""
)

KEY_NAMES = {" ": "space", ":": "colon", "~": "tilde", "!": "exclamation_mark", "-": "minus", ".": "full_stop"}


def make_library(root: Path, events: int) -> str:
    from pmtui.demo import generate_postmortem
    from pmtui.store import Library

    library = Library(root)
    library.ensure()
    pm = generate_postmortem(1, events=events, now=NOW)
    library.save(pm)
    return pm.id


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


async def measure_keys(root: Path, pm_id: str, gc_freeze: bool = False) -> dict[str, object]:
    from textual import events

    from pmtui.app import PmtuiApp
    from pmtui.store import Library
    from pmtui.widgets.timeline import TimelineStage

    app = PmtuiApp(Library(root), open_id=pm_id, clock=lambda: NOW)
    timings: dict[str, list[float]] = {}

    async with app.run_test(size=(80, 24)) as pilot:
        widgets: list = []

        async def settle() -> None:
            """Wait until no widget has a message waiting (a few quiet turns of the loop), then compose a frame."""
            if not widgets or widgets[1] is not app.screen:
                widgets[:] = [app, *app.screen.walk_children(with_self=True)]
            quiet = turns = 0
            while quiet < 3 and turns < 10_000:
                await asyncio.sleep(0)
                turns += 1
                busy = any(not widget._message_queue.empty() for widget in widgets)
                quiet = 0 if busy else quiet + 1
            if turns >= 10_000:
                print("never quiet:", [w for w in widgets if not w._message_queue.empty()])
            app.screen._on_timer_update()

        async def key(name: str, group: str) -> None:
            char = name if len(name) == 1 else None
            key_name = KEY_NAMES.get(name, name)
            if name == "enter":
                char = "\r"
            start = time.perf_counter()
            app.post_message(events.Key(key_name, char))
            await settle()
            timings.setdefault(group, []).append((time.perf_counter() - start) * 1000)
            await asyncio.sleep(0.01)  # a fast typist's gap; lets timers (autosave) run between keys

        await pilot.pause()  # the first field has taken focus
        await pilot.press("escape")
        await settle()
        start = time.perf_counter()
        await key("3", "go to stage")
        first_show = (time.perf_counter() - start) * 1000
        stage = app.screen.query_one(TimelineStage)
        await pilot.pause()

        start = time.perf_counter()
        stage._layout = None
        stage._sync()
        await settle()
        rebuild = (time.perf_counter() - start) * 1000

        start = time.perf_counter()
        stage._layout = replace(stage._layout, time=stage._layout.time + 1)  # as when dates appear
        stage._sync()
        await settle()
        relayout = (time.perf_counter() - start) * 1000
        if gc_freeze:
            gc.collect()
            gc.freeze()

        for _ in range(3):
            start = time.perf_counter()
            await settle()
            timings.setdefault("nothing (overhead)", []).append((time.perf_counter() - start) * 1000)

        for name in ["down"] * 40 + ["up"] * 10 + ["pagedown"] * 3 + ["pageup"]:
            await key(name, "cursor")
        for name in "tnrcmvo" + "k" * 7:
            await key(name, "kind")
        for name in "xxsssssss":
            await key(name, "estimated/milestone")
        await key("a", "quick-add typing")
        for line in ("23:58 restarted the primary database", "~00:07 !m drained the connection pool"):
            for char in line:
                await key(char, "quick-add typing")
            await key("enter", "quick-add enter")
        await key("escape", "cursor")
        for name in ["down"] * 10:
            await key(name, "cursor")
        await pilot.press("ctrl+q")

    return {"timings": timings, "first_show": first_show, "rebuild": rebuild, "relayout": relayout}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="launches of each app for the open ratio")
    parser.add_argument("--events", type=int, default=2000)
    parser.add_argument(
        "--gc-freeze",
        action="store_true",
        help="gc.freeze() after opening (what the app could do): shows what the GC pauses cost",
    )
    args = parser.parse_args()

    root = Path(tempfile.mkdtemp(prefix="pmtui-bench-"))
    try:
        pm_id = make_library(root, args.events)
        print(
            f"post-mortem with {args.events} events: {sum(1 for _ in root.glob('*.json'))} file(s), "
            f"{sum(p.stat().st_size for p in root.glob('*.json')) / 1024:.0f} kB"
        )

        result = asyncio.run(measure_keys(root, pm_id, args.gc_freeze))
        timings: dict[str, list[float]] = result["timings"]  # type: ignore[assignment]
        overhead = timings.pop("nothing (overhead)")
        timings.pop("go to stage", None)
        every = [t for group in timings.values() for t in group]
        print("\nkeystrokes in the timeline stage (ms, posted key -> handled -> frame composed)")
        print(f"  {'group':<22}{'keys':>5}{'median':>9}{'p99':>9}{'max':>9}")
        for group, values in timings.items():
            print(
                f"  {group:<22}{len(values):>5}{statistics.median(values):>9.1f}{percentile(values, 0.99):>9.1f}"
                f"{max(values):>9.1f}"
            )
        median, p99 = statistics.median(every), percentile(every, 0.99)
        print(f"  {'all':<22}{len(every):>5}{median:>9.1f}{p99:>9.1f}{max(every):>9.1f}")
        print(f"  median {median:.1f} ms (target <= 10)  {'ok' if median <= 10 else 'OVER'}")
        print(f"  p99    {p99:.1f} ms (target <= 50)  {'ok' if p99 <= 50 else 'OVER'}")
        print(f"  (measuring overhead with no key: {statistics.median(overhead):.1f} ms)")
        print(f"\nfirst show of the timeline stage ({args.events} rows built): {result['first_show']:.0f} ms")
        print(f"forced full rebuild of {args.events} rows: {result['rebuild']:.0f} ms")
        print(f"new column widths, every row updated in place (as when dates appear): {result['relayout']:.0f} ms")

        spawn_frames(HELLO)  # warm the file cache for both
        spawn_frames(OPEN, str(root), pm_id)
        spawn_frames(LOAD_ONLY, str(root), pm_id)
        hello: list[Frames] = []
        opened: list[Frames] = []
        loaded: list[Frames] = []
        for _ in range(args.runs):
            hello.append(spawn_frames(HELLO))
            opened.append(spawn_frames(OPEN, str(root), pm_id))
            loaded.append(spawn_frames(LOAD_ONLY, str(root), pm_id))
        hello_s = statistics.median(f.first for f in hello)
        open_s = statistics.median(f.first for f in opened)
        hello_settled = statistics.median(f.settled for f in hello)
        open_settled = statistics.median(f.settled for f in opened)
        ratio = open_s / hello_s
        print(
            f"\nopen to first frame with content (median of {args.runs}; after-refresh work done in brackets): "
            f"hello world {hello_s * 1000:.0f} ms ({hello_settled * 1000:.0f}), "
            f"post-mortem with {args.events} events {open_s * 1000:.0f} ms ({open_settled * 1000:.0f})"
        )
        print(
            f"  ratio {ratio:.2f} (target <= 1.5)  {'ok' if ratio <= 1.5 else 'OVER'}; "
            f"settled {open_settled / hello_settled:.2f}"
        )
        load_s = statistics.median(f.first for f in loaded)
        print(
            f"  floor: the hello world reading this post-mortem with pmtui's store first: {load_s * 1000:.0f} ms, "
            f"ratio {load_s / hello_s:.2f}"
        )
        pydantic_s = statistics.median(f.parts["pydantic_import"] + f.parts["load"] for f in opened)
        print(
            f"  inside the open: pmtui.model's import (pydantic) and Library.load take {pydantic_s * 1000:.0f} ms; "
            f"the rest, {(open_s - pydantic_s) * 1000:.0f} ms, is ratio {(open_s - pydantic_s) / hello_s:.2f} alone"
        )
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
