"""The domain knows nothing of Textual (checked in a fresh interpreter, as Harlequin does)."""

from __future__ import annotations

import subprocess
import sys

import pytest

DOMAIN_MODULES = [
    "pmtui.model",
    "pmtui.store",
    "pmtui.timeparse",
    "pmtui.demo",
    "pmtui.config",
    "pmtui.analysis",
    "pmtui.analysis.metrics",
    "pmtui.io.markdown",
    "pmtui.io.jsonio",
    "pmtui.io.files",
    "pmtui.io.timeline_import",
]


@pytest.mark.parametrize("module", DOMAIN_MODULES)
def test_domain_module_imports_no_textual(module: str) -> None:
    code = (
        f"import importlib, sys; importlib.import_module({module!r}); "
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith(('textual.', 'rich.')) or m == 'rich');"
        "print(','.join(bad))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_cli_starts_without_textual() -> None:
    """Non-interactive commands don't pay for importing Textual."""
    code = (
        "import sys; from pmtui.cli import main; main(['schema']); "
        "print('TEXTUAL' if 'textual' in sys.modules else 'clean', file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stderr.strip() == "clean"
