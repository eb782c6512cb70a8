"""Settings for the checks, read from a TOML file.

The file is `platformdirs.user_config_dir("pmtui")/config.toml`; the environment variable
`PMTUI_CONFIG` (a file path) or an explicit path overrides it. A missing default file means the
defaults; a missing file that was asked for by path or by `PMTUI_CONFIG` is an error. Unknown keys
and values of the wrong type raise `ConfigError` with a message naming the key.

    cadence_minutes = 20          # longest silence between status updates while the incident is open
    draft_due_hours = 48          # a draft is overdue this long after resolution
    review_trigger_minutes = 60   # an outage longer than this requires a review
    cost_per_minute = 120.0       # default cost of a minute of impact (omit for none)
    blocking = ["blame.*", "ast.one-owner"]   # rule ids (or 'prefix.*') that block finalising
                                              # (the default: every blame rule but blame.likely, and more)
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from pmtui.analysis.rules import RULE_IDS, matches

ENV_VAR = "PMTUI_CONFIG"

# Every blameless-language rule blocks except `blame.likely`, the statistical second opinion (advisory:
# it is right about nine times in ten, and cannot say exactly which words are the problem).
DEFAULT_BLOCKING: tuple[str, ...] = (
    *(rule for rule in RULE_IDS if rule.startswith("blame.") and rule != "blame.likely"),
    "ast.time-bounded",
    "ast.one-owner",
    "coverage.root-cause-action",
    "coverage.contributor-addressed",
    "coverage.success-criterion",
    "complete.start",
    "complete.resolved",
    "complete.actions",
)


class ConfigError(ValueError):
    """A config file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class CheckConfig:
    cadence_minutes: int = 20
    draft_due_hours: float = 48
    review_trigger_minutes: int = 60
    cost_per_minute: float | None = None
    blocking: tuple[str, ...] = field(default=DEFAULT_BLOCKING)

    def __post_init__(self) -> None:
        _check_positive_int("cadence_minutes", self.cadence_minutes)
        _check_positive_number("draft_due_hours", self.draft_due_hours)
        _check_positive_int("review_trigger_minutes", self.review_trigger_minutes)
        if self.cost_per_minute is not None:
            _check_number("cost_per_minute", self.cost_per_minute, allow_zero=True)
        blocking = self.blocking
        if isinstance(blocking, str) or not isinstance(blocking, (list, tuple)):
            raise ConfigError(f"'blocking' must be a list of rule ids (got {blocking!r})")
        from pmtui.analysis.rules import RULE_IDS, is_known_pattern

        for item in blocking:
            if not isinstance(item, str):
                raise ConfigError(f"'blocking' must be a list of rule ids (got the item {item!r})")
            if not is_known_pattern(item):
                raise ConfigError(
                    f"'blocking' names an unknown rule {item!r} (known rules: {', '.join(RULE_IDS)}; "
                    "or a prefix such as 'blame.*')"
                )
        object.__setattr__(self, "blocking", tuple(blocking))

    def severity(self, rule_id: str) -> str:
        """'blocking' if a `blocking` entry covers the rule id, else 'advisory'."""
        return "blocking" if any(matches(pattern, rule_id) for pattern in self.blocking) else "advisory"


KEYS: tuple[str, ...] = tuple(f.name for f in fields(CheckConfig))


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _check_positive_int(key: str, value: Any) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ConfigError(f"'{key}' must be a whole number of minutes above 0 (got {value!r})")


def _check_positive_number(key: str, value: Any) -> None:
    if not _is_number(value) or value <= 0:
        raise ConfigError(f"'{key}' must be a number above 0 (got {value!r})")


def _check_number(key: str, value: Any, allow_zero: bool) -> None:
    if not _is_number(value) or value < 0 or (value == 0 and not allow_zero):
        raise ConfigError(f"'{key}' must be a number of 0 or more (got {value!r})")


def default_config_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("pmtui")) / "config.toml"


def config_path(path: str | os.PathLike[str] | None = None) -> tuple[Path, bool]:
    """The file to read and whether it was asked for explicitly (by argument or PMTUI_CONFIG)."""
    if path is not None:
        return Path(path), True
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser(), True
    return default_config_path(), False


def config_from_dict(data: dict[str, Any], source: str = "config") -> CheckConfig:
    """Build a CheckConfig from parsed TOML; `source` prefixes error messages."""
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise ConfigError(f"{source}: unknown key {unknown[0]!r} (known keys: {', '.join(KEYS)})")
    values = dict(data)
    if "blocking" in values and isinstance(values["blocking"], list):
        values["blocking"] = tuple(values["blocking"])
    try:
        return CheckConfig(**values)
    except ConfigError as error:
        raise ConfigError(f"{source}: {error}") from None


def load_config(path: str | os.PathLike[str] | None = None) -> CheckConfig:
    """Read the config file (see the module docstring); the defaults when the default file is absent."""
    target, explicit = config_path(path)
    try:
        raw = target.read_bytes()
    except FileNotFoundError:
        if explicit:
            raise ConfigError(f"{target}: config file not found") from None
        return CheckConfig()
    except OSError as error:
        raise ConfigError(f"{target}: cannot read the config file ({error.strerror or error})") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{target}: the config file is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{target}: not valid TOML ({error})") from None
    return config_from_dict(data, source=str(target))
