"""Config file loading: defaults, the file, PMTUI_CONFIG, and clear errors naming the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmtui import config as config_module
from pmtui.config import DEFAULT_BLOCKING, CheckConfig, ConfigError, load_config


@pytest.fixture(autouse=True)
def no_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("PMTUI_CONFIG", raising=False)
    monkeypatch.setattr(config_module, "default_config_path", lambda: tmp_path / "absent" / "config.toml")


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults() -> None:
    config = load_config()
    assert config == CheckConfig()
    assert (config.cadence_minutes, config.draft_due_hours, config.review_trigger_minutes) == (20, 48, 60)
    assert config.cost_per_minute is None
    assert config.blocking == DEFAULT_BLOCKING
    assert config.severity("blame.forgot") == "blocking"
    assert config.severity("process.cadence") == "advisory"


def test_file_values(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "cadence_minutes = 15\ndraft_due_hours = 24.5\nreview_trigger_minutes = 30\ncost_per_minute = 12\n"
        'blocking = ["ast.one-owner", "process.*"]\n',
    )
    config = load_config(path)
    assert config == CheckConfig(15, 24.5, 30, 12, ("ast.one-owner", "process.*"))
    assert config.severity("process.cadence") == "blocking"
    assert config.severity("blame.forgot") == "advisory"


def test_env_var_overrides_the_default_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "cadence_minutes = 5\n")
    monkeypatch.setenv("PMTUI_CONFIG", str(path))
    assert load_config().cadence_minutes == 5


def test_default_file_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "cadence_minutes = 7\n")
    monkeypatch.setattr(config_module, "default_config_path", lambda: path)
    assert load_config().cadence_minutes == 7


def test_missing_explicit_file_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_config(tmp_path / "nope.toml")
    monkeypatch.setenv("PMTUI_CONFIG", str(tmp_path / "nope.toml"))
    with pytest.raises(ConfigError, match="not found"):
        load_config()


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("cadence = 20\n", "'cadence'"),
        ('cadence_minutes = "20"\n', "'cadence_minutes'"),
        ("cadence_minutes = 0\n", "'cadence_minutes'"),
        ("cadence_minutes = 2.5\n", "'cadence_minutes'"),
        ("cadence_minutes = true\n", "'cadence_minutes'"),
        ("draft_due_hours = -1\n", "'draft_due_hours'"),
        ('review_trigger_minutes = "an hour"\n', "'review_trigger_minutes'"),
        ('cost_per_minute = "lots"\n', "'cost_per_minute'"),
        ('blocking = "blame.*"\n', "'blocking'"),
        ("blocking = [1]\n", "'blocking'"),
        ('blocking = ["blame.shouldhave"]\n', "'blocking'"),
        ('blocking = ["nonsense.*"]\n', "'blocking'"),
        ("[checks]\ncadence_minutes = 20\n", "'checks'"),
    ],
)
def test_bad_values_name_the_key(tmp_path: Path, text: str, key: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert key in str(caught.value)
    assert str(path) in str(caught.value)


def test_invalid_toml(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(write(tmp_path, "cadence_minutes = \n"))


def test_direct_construction_is_validated() -> None:
    with pytest.raises(ConfigError, match="'cadence_minutes'"):
        CheckConfig(cadence_minutes=-1)
    assert CheckConfig(blocking=["*"]).severity("process.cadence") == "blocking"  # type: ignore[arg-type]


def test_config_is_frozen() -> None:
    with pytest.raises(AttributeError):
        CheckConfig().cadence_minutes = 5  # type: ignore[misc]
