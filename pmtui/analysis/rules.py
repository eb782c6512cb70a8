"""The catalogue of check rules: ids, titles and what each one looks for.

Rule ids are stable: they appear in `pmtui check --json`, in the config file's `blocking` list and in
the docs. The default severity of each rule lives in `pmtui.config.DEFAULT_BLOCKING`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    description: str


_RULES: tuple[Rule, ...] = (
    # Blameless language, on every text field of the document.
    Rule("blame.should-have", "Hindsight 'should have'", "A person 'should have' done something (hindsight)."),
    Rule(
        "blame.counterfactual", "Counterfactual", "'If only', 'had X checked ...': what did not happen, not what did."
    ),
    Rule("blame.failed-to", "'Failed to' about a person", "A person 'failed to' do something."),
    Rule("blame.forgot", "'Forgot'", "A person 'forgot' something."),
    Rule("blame.omission", "A person's omission", "A person didn't check, ignored, skipped, missed, didn't bother."),
    Rule("blame.judgement", "Judging a person", "Careless, sloppy, negligent, incompetent, lazy, 'be more careful'."),
    Rule("blame.hindsight", "Hindsight wording", "'Obviously', 'it was obvious', 'seen this coming'."),
    Rule("blame.human-error", "'Human error' as a conclusion", "Human or operator error given as the cause."),
    Rule("blame.person-cause", "A person as the cause", "'X's mistake', 'X's fault', 'caused by X', 'X broke prod'."),
    Rule("blame.punitive", "Punitive tone", "Fired, held accountable, disciplined, consequences for people."),
    Rule("blame.sarcasm", "Sarcasm", "'Some genius decided', 'great job taking down ...', 'who thought ...'."),
    Rule(
        "blame.likely",
        "Reads as blame",
        "No pattern matched, but the sentence as a whole reads as blaming or judging a person (a statistical check).",
    ),
    # AST form of each action.
    Rule("ast.actionable", "Actionable", "The action starts with a concrete verb naming a deliverable."),
    Rule("ast.specific", "Specific", "The action says what, where and how much; not 'improve monitoring'."),
    Rule("ast.time-bounded", "Time-bounded", "The action has a due date that has not passed."),
    Rule("ast.one-owner", "One owner", "The action has exactly one owner: a person or a role-holder."),
    # Coverage of the actions.
    Rule("coverage.detection-action", "A detection action", "At least one action in the detection category."),
    Rule("coverage.prevention-action", "A prevention action", "At least one action in the prevention category."),
    Rule("coverage.mitigation-action", "A mitigation action", "At least one action in the mitigation category."),
    Rule("coverage.root-cause-action", "Root causes have actions", "Each root cause links to an existing action."),
    Rule("coverage.root-cause-marked", "Whys chains end in a root cause", "Each 5 Whys chain marks a root cause."),
    Rule(
        "coverage.contributor-addressed",
        "Contributors are addressed",
        "Each contributing factor links to an existing action or is marked accepted.",
    ),
    Rule("coverage.success-criterion", "Success criterion", "Each action says how we will know it worked."),
    # Process.
    Rule("process.review-required", "Review required", "SEV1/SEV2, data loss, security breach or a long outage."),
    Rule("process.draft-overdue", "Draft overdue", "Still a draft more than the configured hours after resolution."),
    Rule("process.cadence", "Communication cadence", "Updates at least every N minutes while the incident was open."),
    Rule("process.facilitator-note-taker", "Facilitator is the note-taker", "The two roles are held by one person."),
    Rule("process.human-error-kind", "Human error kind", "A people contributor without slip, lapse or mistake."),
    # Completeness: what a post-mortem cannot be finalised without.
    Rule(
        "complete.start", "Start time", "When the incident began: Setup's Started, or a timeline event marked started."
    ),
    Rule(
        "complete.resolved", "Resolution time", "When it was resolved: Setup's Resolved, or an event marked resolved."
    ),
    Rule("complete.actions", "Actions", "At least one action came out of the review."),
    # Metrics and detection.
    Rule("metrics.disagreement", "Times disagree", "A setup time and a marked timeline event disagree."),
    Rule("metrics.order", "Times out of order", "The incident times are out of order (e.g. resolved before started)."),
    Rule("metrics.future", "Times in the future", "An incident time is later than now."),
    Rule("detection.customer-first", "Customers noticed first", "Customers reported it before monitoring did."),
)

RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}
RULE_IDS: tuple[str, ...] = tuple(RULES)
RULE_PREFIXES: tuple[str, ...] = tuple(dict.fromkeys(rule_id.split(".", 1)[0] for rule_id in RULE_IDS))


def matches(pattern: str, rule_id: str) -> bool:
    """True if a config pattern ('blame.forgot', 'blame.*' or '*') covers the rule id."""
    if pattern == "*":
        return True
    if pattern.endswith(".*"):
        return rule_id.startswith(pattern[:-1])
    return pattern == rule_id


def is_known_pattern(pattern: str) -> bool:
    if pattern == "*" or pattern in RULES:
        return True
    return pattern.endswith(".*") and pattern[:-2] in RULE_PREFIXES
