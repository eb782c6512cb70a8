"""The library: a folder with one TinyDB JSON file per post-mortem.

This is the only module that imports tinydb or touches the library's files. Everything
above it passes and receives `PostMortem` models.

- Writes are atomic: temp file in the same folder, flush, fsync, os.replace, fsync of the folder.
- A per-document lock (filelock) makes read-modify-write safe across processes, and a save
  refuses (`ConflictError`) when the file changed on disk since this process read it.
- A file that does not parse, fails validation or has a newer schema is listed as unreadable
  with its reason and is never overwritten.
- Files are created 0600 and the folder 0700.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb import TinyDB
from tinydb.storages import Storage

if TYPE_CHECKING:
    from pmtui.model import PostMortem, Severity

TABLE = "postmortem"
DOC_ID = 1
SUFFIX = ".json"
META_DIR = ".pmtui"
INDEX_FILE = "index.json"
LOCK_TIMEOUT_SECONDS = 5.0

# schema_version -> function turning a document of that version into the next version's shape.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


class LibraryError(Exception):
    """A problem the user can act on; str() is one clear line."""


class NotFoundError(LibraryError):
    pass


class UnreadableError(LibraryError):
    pass


class ConflictError(LibraryError):
    pass


@dataclass(frozen=True)
class Summary:
    """What the library table shows of a readable post-mortem."""

    id: str
    title: str
    severity: str  # a model.Severity value
    status: str  # a model.Status value
    date: datetime
    open_actions: int
    updated: datetime


@dataclass(frozen=True)
class Unreadable:
    """A file in the library that pmtui will not open or overwrite, and why."""

    id: str
    path: Path
    reason: str


Entry = Summary | Unreadable

# Points in an atomic write where a test can simulate a crash.
WRITE_STEPS = ("created", "written", "flushed", "synced", "replaced")
_fault_hook: Callable[[str], None] | None = None


def atomic_write_text(path: Path, text: str) -> None:
    """Replace `path` with `text` so that a crash at any instant leaves the old or the new file."""
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            _step("created")
            handle.write(text)
            _step("written")
            handle.flush()
            _step("flushed")
            os.fsync(handle.fileno())
            _step("synced")
        os.replace(temp_name, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp_name)
        raise
    _step("replaced")
    _fsync_dir(path.parent)


def _step(name: str) -> None:
    if _fault_hook is not None:
        _fault_hook(name)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


class AtomicJSONStorage(Storage):
    """TinyDB storage: indented JSON with sorted keys, written atomically, owner-only."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def read(self) -> dict[str, dict[str, Any]] | None:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        if not text.strip():
            raise ValueError("the file is empty")
        return json.loads(text)

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        atomic_write_text(self.path, json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n")

    def close(self) -> None:
        pass


def _stat_token(stat: os.stat_result) -> list[int]:
    return [stat.st_mtime_ns, stat.st_size, stat.st_ino]


def _document_from_storage(raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict) or not isinstance(raw.get(TABLE), dict):
        raise ValueError(f"not a pmtui file (no '{TABLE}' table)")
    table = raw[TABLE]
    if str(DOC_ID) not in table or not isinstance(table[str(DOC_ID)], dict):
        raise ValueError("the post-mortem table is empty")
    return table[str(DOC_ID)]


def _model():
    """pmtui.model, imported on first use: listing a library from its cache needs no pydantic."""
    from pmtui import model

    return model


def migrate(document: dict[str, Any]) -> dict[str, Any]:
    """Bring a stored document up to the model's SCHEMA_VERSION; refuse a newer one."""
    current = _model().SCHEMA_VERSION  # read at call time, so a test can pretend to be a newer pmtui
    version = document.get("schema_version", current)
    if not isinstance(version, int) or version < 1:
        raise ValueError(f"schema_version {version!r} is not a positive whole number")
    if version > current:
        raise ValueError(
            f"written by a newer pmtui (schema version {version}, this pmtui reads up to {current}); "
            "upgrade pmtui to open it"
        )
    while version < current:
        step = MIGRATIONS.get(version)
        if step is None:
            raise ValueError(f"no migration from schema version {version}")
        document = step(dict(document))
        version += 1
        document["schema_version"] = version
    return document


def parse_document(raw: Any, expected_id: str | None = None) -> PostMortem:
    """Storage data -> validated PostMortem; raises ValueError with a plain reason."""
    from pydantic import ValidationError

    model = _model()
    document = migrate(_document_from_storage(raw))
    try:
        pm = model.PostMortem.model_validate(document)
    except ValidationError as error:
        lines = model.describe_validation_error(error)
        more = f" (and {len(lines) - 1} more)" if len(lines) > 1 else ""
        raise ValueError(f"invalid document: {lines[0]}{more}") from None
    if expected_id is not None and pm.id != expected_id:
        raise ValueError(f"the file name says {expected_id!r} but the document's id is {pm.id!r}")
    return pm


def _summary(pm: PostMortem) -> Summary:
    return Summary(
        id=pm.id,
        title=pm.title,
        severity=pm.severity.value,
        status=pm.status.value,
        date=pm.started or pm.created,
        open_actions=pm.open_actions(),
        updated=pm.updated,
    )


def _summary_to_json(summary: Summary) -> dict[str, Any]:
    return {
        "id": summary.id,
        "title": summary.title,
        "severity": summary.severity,
        "status": summary.status,
        "date": summary.date.isoformat(),
        "open_actions": summary.open_actions,
        "updated": summary.updated.isoformat(),
    }


def _summary_from_json(data: dict[str, Any]) -> Summary:
    return Summary(
        id=data["id"],
        title=data["title"],
        severity=str(data["severity"]),
        status=str(data["status"]),
        date=datetime.fromisoformat(data["date"]),
        open_actions=int(data["open_actions"]),
        updated=datetime.fromisoformat(data["updated"]),
    )


class Library:
    """A folder of post-mortems. Narrow on purpose: list, load, save, update, delete."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root).expanduser()
        self._tokens: dict[str, list[int]] = {}

    # -- paths -------------------------------------------------------------------------------------

    def ensure(self) -> None:
        """Create the folder (0700) if it is missing."""
        if not self.root.exists():
            self.root.mkdir(mode=0o700, parents=True)
            os.chmod(self.root, 0o700)
        elif not self.root.is_dir():
            raise LibraryError(f"{self.root} is not a folder")

    def path_of(self, pm_id: str) -> Path:
        if not pm_id or "/" in pm_id or "\\" in pm_id or pm_id.startswith("."):
            raise NotFoundError(f"{pm_id!r} is not a post-mortem id")
        return self.root / f"{pm_id}{SUFFIX}"

    def _meta(self) -> Path:
        meta = self.root / META_DIR
        if not meta.exists():
            meta.mkdir(mode=0o700, exist_ok=True)
        return meta

    @contextmanager
    def locked(self, pm_id: str) -> Iterator[None]:
        """Hold the cross-process lock of one post-mortem."""
        from filelock import FileLock, Timeout  # here, not at the top: listing needs no lock (start-up cost)

        self.ensure()
        lock = FileLock(self._meta() / f"{pm_id}.lock", timeout=LOCK_TIMEOUT_SECONDS, mode=0o600)
        try:
            with lock:
                yield
        except Timeout:
            raise LibraryError(f"{pm_id} is locked by another pmtui process; try again in a moment") from None

    # -- reading -----------------------------------------------------------------------------------

    def _read(self, pm_id: str) -> tuple[PostMortem, list[int]]:
        path = self.path_of(pm_id)
        try:
            stat = path.stat()
        except FileNotFoundError:
            raise NotFoundError(f"no post-mortem {pm_id!r} in {self.root}") from None
        db = TinyDB(path, storage=AtomicJSONStorage)
        try:
            raw = db.storage.read()
            pm = parse_document(raw, expected_id=pm_id)
        except UnicodeDecodeError:
            raise UnreadableError(f"{path.name}: unreadable: not UTF-8 text") from None
        except json.JSONDecodeError as error:
            raise UnreadableError(
                f"{path.name}: unreadable: not valid JSON (line {error.lineno}, column {error.colno})"
            ) from None
        except (ValueError, OSError) as error:
            raise UnreadableError(f"{path.name}: unreadable: {error}") from None
        finally:
            db.close()
        return pm, _stat_token(stat)

    def load(self, pm_id: str) -> PostMortem:
        pm, token = self._read(pm_id)
        self._tokens[pm_id] = token
        return pm

    def exists(self, pm_id: str) -> bool:
        try:
            return self.path_of(pm_id).exists()
        except NotFoundError:
            return False

    def resolve_id(self, text: str) -> str:
        """An exact id, or a unique prefix of one."""
        if self.exists(text):
            return text
        if not self.root.is_dir():
            raise NotFoundError(f"no post-mortem {text!r}: the library {self.root} does not exist")
        matches = [p.stem for p in self.root.glob(f"{text}*{SUFFIX}") if not p.name.startswith(".")] if text else []
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise NotFoundError(f"{text!r} matches {len(matches)} post-mortems; give more of the id")
        raise NotFoundError(f"no post-mortem {text!r} in {self.root}")

    def entries(self) -> list[Entry]:
        """Every post-mortem file, readable or not, newest first; uses a stat-keyed summary cache."""
        if not self.root.is_dir():
            return []
        index_path = self.root / META_DIR / INDEX_FILE
        try:
            index = json.loads(index_path.read_text(encoding="utf-8"))
            if not isinstance(index, dict):
                index = {}
        except (OSError, ValueError):
            index = {}
        fresh: dict[str, Any] = {}
        entries: list[Entry] = []
        changed = False
        with os.scandir(self.root) as scan:
            for item in scan:
                if not item.name.endswith(SUFFIX) or item.name.startswith("."):
                    continue
                pm_id = item.name[: -len(SUFFIX)]
                try:
                    token = _stat_token(item.stat())
                except OSError:
                    continue
                cached = index.get(pm_id)
                entry: Entry | None = None
                if isinstance(cached, dict) and cached.get("token") == token:
                    try:
                        if "reason" in cached:
                            entry = Unreadable(pm_id, Path(item.path), cached["reason"])
                        else:
                            entry = _summary_from_json(cached["summary"])
                        fresh[pm_id] = cached
                    except (KeyError, ValueError, TypeError):
                        entry = None
                if entry is None:
                    changed = True
                    try:
                        pm, _ = self._read(pm_id)
                        entry = _summary(pm)
                        fresh[pm_id] = {"token": token, "summary": _summary_to_json(entry)}
                    except LibraryError as error:
                        reason = str(error).split(": unreadable: ", 1)[-1]
                        entry = Unreadable(pm_id, Path(item.path), reason)
                        fresh[pm_id] = {"token": token, "reason": reason}
                entries.append(entry)
        if changed or len(fresh) != len(index):
            try:
                self._meta()
                atomic_write_text(index_path, json.dumps(fresh, sort_keys=True))
            except OSError:
                pass  # the cache is an optimisation only
        entries.sort(key=lambda e: (isinstance(e, Unreadable), -(e.date.timestamp() if isinstance(e, Summary) else 0)))
        return entries

    def has_summary_cache(self) -> bool:
        return (self.root / META_DIR / INDEX_FILE).is_file()

    def summaries(self) -> list[Summary]:
        return [entry for entry in self.entries() if isinstance(entry, Summary)]

    # -- writing -----------------------------------------------------------------------------------

    def _write(self, pm: PostMortem) -> None:
        path = self.path_of(pm.id)
        db = TinyDB(path, storage=AtomicJSONStorage)
        try:
            data = {TABLE: {str(DOC_ID): pm.model_dump(mode="json")}}
            # TinyDB's table API would read the old file first; a whole-document write needs no read.
            db.storage.write(data)
        finally:
            db.close()
        self._tokens[pm.id] = _stat_token(path.stat())

    def _check_writable(self, pm_id: str, force: bool) -> None:
        """Refuse to overwrite an unreadable file, or one changed elsewhere since we read it."""
        path = self.path_of(pm_id)
        try:
            stat = path.stat()
        except FileNotFoundError:
            if pm_id in self._tokens and not force:
                raise ConflictError(f"{pm_id} was deleted by another process; save again to recreate it") from None
            return
        known = self._tokens.get(pm_id)
        if known is not None and known == _stat_token(stat):
            return
        # Unknown or changed: never overwrite something that is not a readable post-mortem.
        self._read(pm_id)
        if known is not None and not force:
            raise ConflictError(
                f"{pm_id} was changed by another process since it was opened; reload it to see those changes"
            )

    def save(self, pm: PostMortem, *, force: bool = False, touch: bool = True) -> PostMortem:
        """Write a post-mortem. Returns the saved copy (with `updated` set when `touch`)."""
        self.ensure()
        if touch:
            pm = pm.model_copy(update={"updated": _model().utc_now()})
        with self.locked(pm.id):
            self._check_writable(pm.id, force)
            self._write(pm)
        return pm

    def update(self, pm_id: str, change: Callable[[PostMortem], PostMortem]) -> PostMortem:
        """Locked read-modify-write: `change` gets the current document and returns the new one."""
        with self.locked(pm_id):
            current = self.load(pm_id)
            changed = change(current.model_copy(deep=True))
            if changed.id != pm_id:
                raise LibraryError("an update may not change a post-mortem's id")
            changed = changed.model_copy(update={"updated": _model().utc_now()})
            self._write(changed)
        return changed

    def create(self, title: str, severity: Severity | str = "SEV3", **fields: Any) -> PostMortem:
        model = _model()
        pm = model.PostMortem(title=title, severity=severity, **fields)
        while self.exists(pm.id):
            pm = pm.model_copy(update={"id": model.new_id()})
        return self.save(pm, touch=False)

    def delete(self, pm_id: str) -> None:
        path = self.path_of(pm_id)
        with self.locked(pm_id):
            try:
                path.unlink()
            except FileNotFoundError:
                raise NotFoundError(f"no post-mortem {pm_id!r} in {self.root}") from None
            _fsync_dir(self.root)
        self._tokens.pop(pm_id, None)

    def forget(self, pm_id: str) -> None:
        """Drop what this process knew of a file's version (after a deliberate reload)."""
        self._tokens.pop(pm_id, None)
