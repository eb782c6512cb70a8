"""The wheel carries every stylesheet, so a normal (non-editable) install finds its styles."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_ships_every_stylesheet(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    [wheel] = tmp_path.glob("pmtui-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for sheet in (ROOT / "styles").glob("*.tcss"):
        assert f"pmtui/styles/{sheet.name}" in names
    assert "pmtui/screens/postmortem.py" in names and "pmtui/widgets/timeline.py" in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "pmtui = pmtui.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
