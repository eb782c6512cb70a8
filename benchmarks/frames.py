"""Shared by the benchmarks: the hello-world baseline and timing a child process to its first frame."""

from __future__ import annotations

import os
import subprocess
import sys
import time

# A hello-world Textual app (Header, Static, Footer) that prints the wall-clock time of its first
# frame and exits at once, so interpreter teardown is not counted.
HELLO = """
import os, time
from textual.app import App
from textual.widgets import Footer, Header, Static

class Hello(App):
    def compose(self):
        yield Header()
        yield Static("Hello, world")
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(first_frame)

def first_frame():
    print(time.time(), flush=True)
    os._exit(0)

Hello().run(headless=True, size=(80, 24))
"""


def spawn_seconds(code: str, *args: str) -> float:
    """Seconds from spawning `python -c code` to the first frame it reports on stdout.

    Bytecode may be written (PYTHONDONTWRITEBYTECODE dropped): after the first, warm-up run pmtui's
    modules load from .pyc as Textual's do, as after a normal `pip install`, which compiles them.
    """
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    start = time.time()
    result = subprocess.run(
        [sys.executable, "-c", code, *args], check=True, capture_output=True, text=True, timeout=120, env=env
    )
    return float(result.stdout.strip().splitlines()[-1]) - start
