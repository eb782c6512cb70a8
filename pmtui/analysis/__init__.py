"""Pure analysis of a post-mortem: metrics, blameless language, AST actions, coverage and process checks.

No Textual, no I/O. Entry points: `run_checks(pm, now, config)` -> `Report`; `blame.find_blame(text)`;
`ast_checks.ast_missing(action, now)`; `metrics.incident_metrics(pm)`.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pmtui.analysis.checks import Report, run_checks
    from pmtui.analysis.findings import Finding

__all__ = ["Finding", "Report", "run_checks"]


def __getattr__(name: str) -> Any:
    """Import the checks on first use: `pmtui.analysis.metrics` alone stays cheap to import."""
    if name in ("Report", "run_checks"):
        from pmtui.analysis import checks

        return getattr(checks, name)
    if name == "Finding":
        from pmtui.analysis.findings import Finding

        return Finding
    raise AttributeError(name)
