"""Shared by the benchmarks: the hello-world baseline and timing a child process to its first frame.

Each child is a fresh `python -c` running its app headless at 80x24, and prints two wall-clock times:

- `first`: the first frame composed once the content is there (hello world: mounted; pmtui's library:
  rows listed; a post-mortem: its screen mounted). Taken where Textual hands a composed frame to the
  terminal (App._display, Textual 8.2.8, pinned). This is the figure the targets are about.
- `settled`: when an after-refresh callback queued at that point has run (and the first frame is out),
  i.e. after the work the app queues behind its first frame (footer keys, collection, a lower form).
  Shown for context.

The child exits as soon as it has both (os._exit), so interpreter teardown is counted for neither.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from typing import NamedTuple

# Imported first by every child: the hooks, then the app under test.
PRELUDE = """
import os, time
from textual.app import App

_display = App._display
_content_shown = False
_first = None
_settled = None

def content_shown():
    global _content_shown
    _content_shown = True

def _report_and_exit():
    print("first", _first, flush=True)
    print("settled", max(_first, _settled), flush=True)
    os._exit(0)

def _display_and_report(self, screen, renderable):
    global _first
    _display(self, screen, renderable)
    if _content_shown and _first is None and renderable is not None and not self._batch_count:
        _first = time.time()
        if _settled is not None:
            _report_and_exit()

App._display = _display_and_report

def settled():
    global _settled
    _settled = time.time()
    if _first is not None:
        _report_and_exit()
"""

# A hello-world Textual app (Header, Static, Footer).
HELLO = (
    PRELUDE
    + """
from textual.widgets import Footer, Header, Static

class Hello(App):
    def compose(self):
        yield Header()
        yield Static("Hello, world")
        yield Footer()

    def on_mount(self):
        content_shown()
        self.call_after_refresh(settled)

Hello().run(headless=True, size=(80, 24))
"""
)


class Frames(NamedTuple):
    first: float  # seconds from spawn to the first frame with content
    settled: float  # seconds from spawn to the after-refresh work queued behind it being done
    parts: dict[str, float] = {}  # seconds spent in named parts, as a child printed them ("part NAME SECONDS")


def spawn_frames(code: str, *args: str) -> Frames:
    """Spawn `python -c code` and read the two times it reports.

    Bytecode may be written (PYTHONDONTWRITEBYTECODE dropped): after the first, warm-up run pmtui's
    modules load from .pyc as Textual's do, as after a normal `pip install`, which compiles them.
    """
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    start = time.time()
    result = subprocess.run(
        [sys.executable, "-c", code, *args], check=True, capture_output=True, text=True, timeout=120, env=env
    )
    lines = result.stdout.splitlines()
    times = dict(line.split() for line in lines if line.startswith(("first ", "settled ")))
    parts = {name: float(seconds) for _, name, seconds in (line.split() for line in lines if line.startswith("part "))}
    return Frames(float(times["first"]) - start, float(times["settled"]) - start, parts)
