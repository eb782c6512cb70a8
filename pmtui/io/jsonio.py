"""JSON export and import of post-mortems: the model's own JSON form, round-tripping exactly."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from pmtui.model import PostMortem, describe_validation_error, validate_document


class DocumentError(ValueError):
    """A file that does not hold valid post-mortems; `.lines` are one-line messages, each naming the file."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


def _dump(data: Any) -> str:
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, allow_nan=False) + "\n"


def document_to_json(pm: PostMortem) -> str:
    """One post-mortem as indented JSON with sorted keys, ending in a newline."""
    return _dump(pm.model_dump(mode="json"))


def documents_to_json(pms: Iterable[PostMortem]) -> str:
    """Several post-mortems as a JSON array (what `export --format json` writes), ending in a newline."""
    return _dump([pm.model_dump(mode="json") for pm in pms])


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _kind(value: Any) -> str:
    names = {str: "a string", int: "a number", float: "a number", bool: "true or false", list: "a list"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def documents_from_json(text: str, name: str) -> list[PostMortem]:
    """Read one post-mortem object, or a JSON array of them, from `text` (the contents of file `name`).

    Raises DocumentError listing every problem found, one line each, prefixed with `name`.
    """
    try:
        data = json.loads(text.removeprefix("\ufeff"), parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise DocumentError([f"{name}: not valid JSON: line {exc.lineno} column {exc.colno}: {exc.msg}"]) from None
    except ValueError as exc:
        raise DocumentError([f"{name}: not valid JSON: {exc}"]) from None
    except RecursionError:
        raise DocumentError([f"{name}: not valid JSON: nested too deeply"]) from None

    if isinstance(data, dict):
        items, many = [data], False
    elif isinstance(data, list):
        items, many = data, True
    else:
        raise DocumentError([f"{name}: expected a post-mortem object or a list of them, got {_kind(data)}"])

    documents: list[PostMortem] = []
    lines: list[str] = []
    for index, item in enumerate(items, start=1):
        prefix = f"{name}: document {index}: " if many else f"{name}: "
        if not isinstance(item, dict):
            lines.append(f"{prefix}expected a post-mortem object, got {_kind(item)}")
            continue
        try:
            documents.append(validate_document(item))
        except ValidationError as exc:
            lines.extend(prefix + line for line in describe_validation_error(exc))
        except RecursionError:
            lines.append(f"{prefix}nested too deeply")
        except (ValueError, TypeError) as exc:
            lines.append(f"{prefix}{exc}")
    if lines:
        raise DocumentError(lines)
    return documents
