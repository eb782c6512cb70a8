"""The library on disk: atomic writes, locks and conflicts, unreadable files, permissions, migration."""

from __future__ import annotations

import json
import multiprocessing
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from pmtui import store
from pmtui.model import SCHEMA_VERSION, Action, PostMortem, Severity
from pmtui.store import (
    WRITE_STEPS,
    ConflictError,
    Library,
    NotFoundError,
    Summary,
    Unreadable,
    UnreadableError,
)


def test_create_load_round_trip(library: Library) -> None:
    pm = library.create("Checkout errors", Severity.SEV2, timezone="Europe/Berlin")
    loaded = library.load(pm.id)
    assert loaded == pm
    assert loaded.severity is Severity.SEV2


def test_file_is_indented_sorted_tinydb_json(library: Library) -> None:
    pm = library.create("Sorted keys")
    text = (library.root / f"{pm.id}.json").read_text()
    data = json.loads(text)
    assert list(data) == ["postmortem"]
    assert list(data["postmortem"]) == ["1"]
    document = data["postmortem"]["1"]
    assert list(document) == sorted(document)
    assert text.startswith("{\n  ")
    # byte-stable: saving the same document again gives the same bytes (diffable in git)
    library.save(pm, touch=False)
    assert (library.root / f"{pm.id}.json").read_text() == text


def test_permissions_owner_only(tmp_path: Path) -> None:
    library = Library(tmp_path / "new-library")
    pm = library.create("Private")
    assert stat.S_IMODE(library.root.stat().st_mode) == 0o700
    assert stat.S_IMODE((library.root / f"{pm.id}.json").stat().st_mode) == 0o600


def test_entries_lists_summaries_and_unreadable(library: Library) -> None:
    good = library.create("Fine")
    good.actions.append(Action(text="Add an alert"))
    library.save(good)
    (library.root / "broken.json").write_text('{"postmortem": {"1": {"title": ')
    entries = {e.id: e for e in library.entries()}
    assert isinstance(entries[good.id], Summary)
    assert entries[good.id].open_actions == 1
    assert isinstance(entries["broken"], Unreadable)
    assert "not valid JSON" in entries["broken"].reason


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"postmortem": {"1": {"title": "x", ', "not valid JSON"),  # truncated
        ("", "empty"),
        ("\x00\x01garbage", "not valid JSON"),
        ('{"_default": {}}', "not a pmtui file"),
        ('{"postmortem": {"1": {"id": "bad", "severity": "SEV9"}}}', "severity"),
        (json.dumps({"postmortem": {"1": {"id": "bad", "schema_version": SCHEMA_VERSION + 1}}}), "newer pmtui"),
        ('{"postmortem": {"1": {"id": "other-id"}}}', "document's id"),
    ],
)
def test_unreadable_files_are_reported_and_never_overwritten(library: Library, content: str, reason: str) -> None:
    path = library.root / "bad.json"
    path.write_text(content)
    before = path.read_bytes()
    [entry] = library.entries()
    assert isinstance(entry, Unreadable)
    assert reason in entry.reason
    with pytest.raises(UnreadableError, match="unreadable"):
        library.load("bad")
    # a save of a document with that id must refuse rather than overwrite
    with pytest.raises(UnreadableError):
        library.save(PostMortem(id="bad", title="overwrite attempt"))
    assert path.read_bytes() == before


def test_not_utf8_is_unreadable(library: Library) -> None:
    (library.root / "latin.json").write_bytes(b'{"postmortem": {"1": {"title": "\xe9"}}}')
    [entry] = library.entries()
    assert isinstance(entry, Unreadable)
    assert "UTF-8" in entry.reason


def test_entries_cache_tracks_changes(library: Library) -> None:
    pm = library.create("First title")
    assert library.entries()[0].title == "First title"
    other = Library(library.root)
    loaded = other.load(pm.id)
    loaded.title = "Second title"
    other.save(loaded)
    assert library.entries()[0].title == "Second title"
    (library.root / f"{pm.id}.json").write_text("{")
    assert isinstance(library.entries()[0], Unreadable)


def test_unknown_id(library: Library) -> None:
    with pytest.raises(NotFoundError, match="no post-mortem"):
        library.load("nope")
    with pytest.raises(NotFoundError):
        library.load("../etc/passwd")


def test_resolve_prefix(library: Library) -> None:
    a = library.save(PostMortem(id="abc123", title="a"))
    library.save(PostMortem(id="abd456", title="b"))
    assert library.resolve_id("abc") == a.id
    with pytest.raises(NotFoundError, match="matches 2"):
        library.resolve_id("ab")


def test_delete(library: Library) -> None:
    pm = library.create("Doomed")
    library.delete(pm.id)
    assert library.entries() == []
    with pytest.raises(NotFoundError):
        library.delete(pm.id)


def test_conflict_between_two_handles(library: Library) -> None:
    pm = library.create("Shared")
    first, second = Library(library.root), Library(library.root)
    mine, theirs = first.load(pm.id), second.load(pm.id)
    mine.title = "mine"
    first.save(mine)
    theirs.title = "theirs"
    with pytest.raises(ConflictError, match="changed by another process"):
        second.save(theirs)
    assert library.load(pm.id).title == "mine"
    # after a deliberate reload the second handle can save again
    second.forget(pm.id)
    reloaded = second.load(pm.id)
    reloaded.summary = "added later"
    second.save(reloaded)
    final = library.load(pm.id)
    assert (final.title, final.summary) == ("mine", "added later")


# -- crash safety ----------------------------------------------------------------------------------


class Crash(Exception):
    pass


@pytest.mark.parametrize("step", WRITE_STEPS)
def test_interrupted_write_leaves_old_or_new(library: Library, step: str, monkeypatch: pytest.MonkeyPatch) -> None:
    pm = library.create("Old title")
    path = library.root / f"{pm.id}.json"
    old_bytes = path.read_bytes()

    def crash(name: str) -> None:
        if name == step:
            raise Crash(name)

    monkeypatch.setattr(store, "_fault_hook", crash)
    changed = pm.model_copy(update={"title": "New title"})
    with pytest.raises(Crash):
        library.save(changed)
    monkeypatch.setattr(store, "_fault_hook", None)
    title = Library(library.root).load(pm.id).title
    if step == "replaced":
        assert title == "New title"
    else:
        assert path.read_bytes() == old_bytes
    leftovers = [p.name for p in library.root.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


KILL_CHILD = textwrap.dedent(
    """
    import os, signal, sys
    from pmtui import store
    from pmtui.store import Library
    step = sys.argv[2]
    def die(name):
        if name == step:
            os.kill(os.getpid(), signal.SIGKILL)
    library = Library(sys.argv[1])
    pm = library.load("victim")
    store._fault_hook = die
    library.save(pm.model_copy(update={"title": "New title", "summary": "x" * 19000}))
    """
)


@pytest.mark.parametrize("step", WRITE_STEPS)
def test_process_killed_mid_write(library: Library, step: str) -> None:
    """SIGKILL at each step of a real write: the file is the old one or the new one, never torn."""
    library.save(PostMortem(id="victim", title="Old title"))
    result = subprocess.run([sys.executable, "-c", KILL_CHILD, str(library.root), step], check=False)
    assert result.returncode == -9
    title = Library(library.root).load("victim").title
    if step == "replaced":
        assert title.startswith("New title")
    else:
        assert title == "Old title"


# -- two processes ---------------------------------------------------------------------------------


def _append_actions(root: str, label: str, count: int) -> None:
    library = Library(root)
    for index in range(count):
        library.update(
            "shared", lambda pm, i=index: pm.model_copy(update={"actions": [*pm.actions, Action(text=f"{label} {i}")]})
        )


def test_two_processes_updating_lose_nothing(library: Library) -> None:
    library.save(PostMortem(id="shared", title="Shared"))
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_append_actions, args=(str(library.root), name, 15)) for name in ("A", "B")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    texts = {a.text for a in library.load("shared").actions}
    assert texts == {f"{name} {i}" for name in ("A", "B") for i in range(15)}


# -- migration -------------------------------------------------------------------------------------


def test_older_schema_migrates_on_read(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    """A document one version behind is upgraded by the registered migration when read."""
    monkeypatch.setattr("pmtui.model.SCHEMA_VERSION", SCHEMA_VERSION + 1)

    def rename_headline(document: dict) -> dict:
        document["title"] = document.pop("headline")
        return document

    monkeypatch.setitem(store.MIGRATIONS, SCHEMA_VERSION, rename_headline)
    raw = {"postmortem": {"1": {"id": "legacy", "headline": "From an old pmtui", "schema_version": SCHEMA_VERSION}}}
    (library.root / "legacy.json").write_text(json.dumps(raw))
    pm = library.load("legacy")
    assert pm.title == "From an old pmtui"
    assert pm.schema_version == SCHEMA_VERSION + 1


def test_missing_migration_is_unreadable(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("pmtui.model.SCHEMA_VERSION", SCHEMA_VERSION + 1)
    raw = {"postmortem": {"1": {"id": "legacy", "schema_version": SCHEMA_VERSION}}}
    (library.root / "legacy.json").write_text(json.dumps(raw))
    with pytest.raises(UnreadableError, match="no migration"):
        library.load("legacy")


def test_store_is_the_only_tinydb_user() -> None:
    package = Path(__file__).resolve().parent.parent / "pmtui"
    users = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if "tinydb" in path.read_text(encoding="utf-8") and path.name != "store.py"
    ]
    assert users == []


def test_save_in_big_library_touches_one_file(library: Library) -> None:
    for index in range(50):
        library.save(PostMortem(id=f"pm{index:03d}", title=f"Incident {index}"))
    library.entries()
    before = {p.name: p.stat().st_mtime_ns for p in library.root.glob("*.json")}
    pm = library.load("pm007")
    pm.title = "Changed"
    library.save(pm)
    after = {p.name: p.stat().st_mtime_ns for p in library.root.glob("*.json")}
    assert [name for name in after if after[name] != before[name]] == ["pm007.json"]
    assert os.listdir(library.root / ".pmtui")
