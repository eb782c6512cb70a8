"""Measure the blameless-language and AST checks on the labelled sets in tests/data.

python benchmarks/labelled_sets.py            # the figures
python benchmarks/labelled_sets.py --errors   # and every disagreement with the labels
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from pmtui.analysis.ast_checks import ast_missing
from pmtui.analysis.blame import find_blame
from pmtui.model import Action, ActionStatus

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
NOW = datetime(2024, 6, 10, 12, 0, tzinfo=UTC)
CRITERIA = ("Actionable", "Specific", "Time-bounded", "One owner")


@dataclass(frozen=True)
class Sentence:
    blame: bool
    split: str
    text: str


def load_blame_set(path: Path = DATA / "blame_labelled.tsv") -> list[Sentence]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, split, text = line.split("\t", 2)
        rows.append(Sentence(label == "blame", split, text))
    return rows


def load_action_set(path: Path = DATA / "actions_labelled.tsv") -> list[tuple[Action, dict[str, bool]]]:
    rows = []
    lines = [
        line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")
    ]
    for line in lines[1:]:
        a, s, t, o, owner, due, status, text = line.split("\t")
        action = Action(
            text=text,
            owner="" if owner == "-" else owner,
            due=None if due == "-" else date.fromisoformat(due),
            status=ActionStatus(status),
        )
        labels = dict(zip(CRITERIA, (a == "1", s == "1", t == "1", o == "1"), strict=True))
        rows.append((action, labels))
    return rows


def blame_scores(rows: list[Sentence], second_opinion: bool = True) -> dict[str, float]:
    tp = fp = fn = tn = 0
    for row in rows:
        flagged = bool(find_blame(row.text, second_opinion=second_opinion))
        if flagged and row.blame:
            tp += 1
        elif flagged:
            fp += 1
        elif row.blame:
            fn += 1
        else:
            tn += 1
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {
        "sentences": len(rows),
        "blame": tp + fn,
        "neutral": fp + tn,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": precision,
        "recall": recall,
        "accuracy": (tp + tn) / len(rows) if rows else 1.0,
    }


def action_scores(rows: list[tuple[Action, dict[str, bool]]]) -> dict[str, float]:
    correct = dict.fromkeys(CRITERIA, 0)
    for action, labels in rows:
        missing = set(ast_missing(action, NOW))
        for name in CRITERIA:
            if (name not in missing) == labels[name]:
                correct[name] += 1
    return {name: correct[name] / len(rows) for name in CRITERIA} | {"actions": len(rows)}


def speed(sentences: list[Sentence]) -> None:
    """find_blame over 2,000 timeline-like entries (one in five a labelled sentence), patterns alone and with
    the model; the first run with empty caches, then the best of three (the checks rerun after each edit)."""
    from pmtui.analysis import blame_model

    texts = [
        sentences[i % len(sentences)].text
        if i % 5 == 0
        else f"{10 + i // 60 % 12:02d}:{i % 60:02d} Dana restarted api-{i} and posted an update in #incident"
        for i in range(2000)
    ]
    blame_model.model()
    for label, second in (("patterns only", False), ("patterns + model", True)):
        blame_model.probability.cache_clear()
        blame_model._norm.cache_clear()
        runs = []
        for _ in range(4):
            started = time.perf_counter()
            for text in texts:
                find_blame(text, second_opinion=second)
            runs.append((time.perf_counter() - started) * 1000)
        print(f"  {label:17} first {runs[0]:6.1f} ms, then {min(runs[1:]):6.1f} ms")


def long_text() -> None:
    """One field of ~30,000 characters without full stops (a pasted log, a runaway paste), built from the trigger
    words of the patterns, against ordinary prose of the same length: each pattern looks at a bounded window
    around its match, so the ratio should stay small (a window that grew with the text made it hundreds)."""
    prose = "Dana restarted the primary because the pool was full and the alert fired again, so we rolled back "
    size = 30_000
    cases = {
        "pasted quote": 'Slack, 10:02: "' + "who the hell " * (size // 13) + '"',
        "never + verb": "the team never tests " * (size // 21),
        "it's on <name>, ...": "it's on Chen, " * (size // 14),
        "if only the ...": "if only the " * (size // 12),
        "possessive + sarcasm": "Dana's brilliant idea, once more, as always; " * (size // 45),
    }

    def best(text: str) -> float:
        runs = []
        for _ in range(3):
            started = time.perf_counter()
            find_blame(text)
            runs.append((time.perf_counter() - started) * 1000)
        return min(runs)

    baseline = best(prose * (size // len(prose)))
    print(f"  ordinary prose, {size:,} characters: {baseline:.1f} ms")
    for label, text in cases.items():
        took = best(text)
        print(f"  {label:22} {took:7.1f} ms  ratio {took / baseline:5.1f}")


def main(argv: list[str]) -> int:
    show_errors = "--errors" in argv
    sentences = load_blame_set()
    print("Blameless language (a sentence counts as flagged when find_blame returns any hit)")
    splits = [*dict.fromkeys(r.split for r in sentences), "all"]  # each set in the order it was written
    for split in splits:
        rows = sentences if split == "all" else [r for r in sentences if r.split == split]
        for label, second in (("", True), ("patterns only", False)):
            s = blame_scores(rows, second_opinion=second)
            print(
                f"  {split:8} {s['sentences']:4} sentences ({s['blame']} blame, {s['neutral']} neutral): "
                f"precision {s['precision']:.3f}  recall {s['recall']:.3f}  accuracy {s['accuracy']:.3f}  {label}"
            )
    print("Speed: 2,000 timeline entries")
    speed(sentences)
    print("Speed: one long field without full stops, against prose of the same length")
    long_text()
    actions = load_action_set()
    scores = action_scores(actions)
    print(f"AST criteria on {scores['actions']} actions (now = {NOW.isoformat()})")
    for name in CRITERIA:
        print(f"  {name:13} accuracy {scores[name]:.3f}")
    if show_errors:
        print("\nBlame disagreements:")
        for row in sentences:
            hits = find_blame(row.text)
            if bool(hits) != row.blame:
                kind = "FN" if row.blame else "FP"
                words = ", ".join(f"{h.words!r} ({h.rule})" for h in hits)
                print(f"  {kind} [{row.split}] {row.text}  {words}")
        print("\nAction disagreements:")
        for action, labels in actions:
            missing = set(ast_missing(action, NOW))
            wrong = [n for n in CRITERIA if (n not in missing) != labels[n]]
            if wrong:
                print(f"  {wrong} owner={action.owner!r} due={action.due} :: {action.text}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
