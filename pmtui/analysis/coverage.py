"""Coverage: the actions cover detection, prevention and mitigation, every root cause and every contributor."""

from __future__ import annotations

from collections.abc import Iterator

from pmtui.analysis.findings import Finding
from pmtui.config import CheckConfig
from pmtui.model import ActionCategory, ActionStatus, FactorKind, PostMortem, Stage, WhyNode

_CATEGORY_EXAMPLES: dict[ActionCategory, str] = {
    ActionCategory.DETECTION: "Add alerts for database connection pool usage exceeding 80%",
    ActionCategory.PREVENTION: "Require an approved review for merges to the main branch of the api repository",
    ActionCategory.MITIGATION: "Add a feature flag that switches checkout to the read replica within one minute",
}
_CATEGORY_QUESTIONS: dict[ActionCategory, str] = {
    ActionCategory.DETECTION: "how will we notice sooner next time",
    ActionCategory.PREVENTION: "how will we stop this from happening again",
    ActionCategory.MITIGATION: "how will we limit the impact when it happens",
}


def _walk(nodes: list[WhyNode], prefix: str) -> Iterator[tuple[str, WhyNode]]:
    for i, node in enumerate(nodes):
        path = f"{prefix}.{i}"
        yield path, node
        yield from _walk(node.children, f"{path}.children")


def check_coverage(pm: PostMortem, config: CheckConfig | None = None) -> list[Finding]:
    config = config or CheckConfig()
    findings: list[Finding] = []
    action_ids = {a.id for a in pm.actions}

    def add(rule: str, stage: Stage, path: str, item_id: str | None, message: str, suggestion: str = "") -> None:
        findings.append(Finding(rule, config.severity(rule), stage, path, item_id, message, suggestion=suggestion))

    live = [a for a in pm.actions if a.status != ActionStatus.WONT_DO]
    for category in ActionCategory:
        # with no action at all, complete.actions says so once (not once per category as well)
        if pm.actions and not any(a.category == category for a in live):
            add(
                f"coverage.{category.value}-action",
                Stage.ACTIONS,
                "actions",
                None,
                f"No {category.value} action: {_CATEGORY_QUESTIONS[category]}?",
                f"Add a {category.value} action, e.g. '{_CATEGORY_EXAMPLES[category]}'.",
            )

    for path, node in _walk(pm.whys, "whys"):
        if not node.root_cause:
            continue
        linked = [aid for aid in node.action_ids if aid in action_ids]
        if linked:
            continue
        missing = [aid for aid in node.action_ids if aid not in action_ids]
        label = node.text.strip() or "(no text)"
        if missing:
            message = f"Root cause '{label}' links only to actions that do not exist ({', '.join(missing)})."
        else:
            message = f"Root cause '{label}' has no action."
        add(
            "coverage.root-cause-action",
            Stage.WHYS,
            f"{path}.action_ids",
            node.id,
            message,
            "Link an action that removes or guards against this cause.",
        )

    for i, chain in enumerate(pm.whys):
        if not any(node.root_cause for _, node in _walk([chain], "whys")):
            label = chain.text.strip() or "(no text)"
            add(
                "coverage.root-cause-marked",
                Stage.WHYS,
                f"whys.{i}",
                chain.id,
                f"The 5 Whys chain starting '{label}' does not mark a root cause.",
                "Keep asking why until you reach a systemic cause, and mark it as the root cause.",
            )

    for i, factor in enumerate(pm.factors):
        if factor.kind != FactorKind.CONTRIBUTOR or factor.accepted:
            continue
        if any(aid in action_ids for aid in factor.action_ids):
            continue
        missing = [aid for aid in factor.action_ids if aid not in action_ids]
        label = factor.text.strip() or "(no text)"
        detail = f" (linked ids {', '.join(missing)} do not exist)" if missing else ""
        add(
            "coverage.contributor-addressed",
            Stage.FACTORS,
            f"factors.{i}.action_ids",
            factor.id,
            f"Contributing factor '{label}' is neither addressed by an action nor accepted{detail}.",
            "Link an action that addresses it, or mark it accepted if the risk is taken knowingly.",
        )

    for i, action in enumerate(pm.actions):
        if action.status == ActionStatus.WONT_DO or action.success_criterion.strip():
            continue
        add(
            "coverage.success-criterion",
            Stage.ACTIONS,
            f"actions.{i}.success_criterion",
            action.id,
            f"Action '{action.text.strip() or '(no text)'}' has no success criterion.",
            "Say how we will know it worked, e.g. 'A test page reaches the on-call within 2 minutes of the pool "
            "passing 80%'.",
        )
    return findings
