"""Pure analysis of a post-mortem: metrics, blameless language, AST actions, coverage and process checks.

No Textual, no I/O. Entry points: `run_checks(pm, now, config)` -> `Report`; `blame.find_blame(text)`;
`ast_checks.ast_missing(action, now)`; `metrics.incident_metrics(pm)`.
"""

from pmtui.analysis.checks import Report, run_checks
from pmtui.analysis.findings import Finding

__all__ = ["Finding", "Report", "run_checks"]
