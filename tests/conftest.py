"""Shared fixtures: a temporary library, a fixed clock and zone, no user config or data read."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

FIXED_NOW = datetime(2026, 11, 26, 10, 0, 0, tzinfo=UTC)


def fixed_clock() -> datetime:
    return FIXED_NOW


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Never read the developer's own library or config; fix the local zone."""
    monkeypatch.setenv("PMTUI_LIBRARY", str(tmp_path / "default-library"))
    monkeypatch.delenv("PMTUI_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield


@pytest.fixture
def library(tmp_path: Path):
    from pmtui.store import Library

    lib = Library(tmp_path / "library")
    lib.ensure()
    return lib


def make_app(library, open_id: str | None = None, **kwargs):
    """The app as tests run it: fixed clock, fast autosave."""
    from pmtui.app import PmtuiApp

    kwargs.setdefault("clock", fixed_clock)
    kwargs.setdefault("autosave_delay", 0.05)
    return PmtuiApp(library, open_id=open_id, **kwargs)


async def type_text(pilot, text: str) -> None:
    """Real key events for each character, handled in order; one wait at the end.

    `pilot.press` waits for the app to settle after every key (~40 ms or more each); typing a
    sentence this way keeps the suite fast while still going through the focused widget's key handling.
    """
    burst(pilot.app, text)
    await pilot.pause()


def burst(app, text: str) -> None:
    """Post keys as one read from the terminal brings them (tmux send-keys, a paste of keystrokes, SSH): all
    queued at once, none waited for. '\r' is Enter, '\t' Tab, '\x1b' Escape, '\x15' ctrl+u."""
    from textual import events
    from textual.keys import _character_to_key

    special = {"\r": "enter", "\t": "tab", "\x1b": "escape", "\x15": "ctrl+u"}
    for char in text:
        if char in special:
            app.post_message(events.Key(special[char], char if char in "\r\t" else None))
        else:
            app.post_message(events.Key(char if char.isalnum() else _character_to_key(char), char))


async def wait_saved(pilot, app) -> None:
    """Let the debounced autosave and its worker finish."""
    await pilot.pause(0.1)
    await app.workers.wait_for_complete()
    await pilot.pause()
