"""A second opinion on blaming language: a small logistic model over word n-grams.

The patterns in `blame.py` explain themselves but only know the phrasings someone wrote down; measured on
sentences written by people who never saw them they catch about two thirds of the blaming ones. This model
reads a sentence as words, with every name, role and system replaced by its class (`<name>`, `<role>`,
`<sys>`), so that "tom shouldve tested this" and "Priya should have tested it" look alike to it, and
gives the probability that the sentence blames or judges a person. `find_blame` asks it only about
sentences no pattern flagged, and reports its hits as `blame.likely` (advisory by default).

The weights (`blame_weights.json`, next to this file) are trained from the labelled sentences in
`tests/data/blame_labelled.tsv` by `python -m pmtui.analysis.blame_model TSV...`: plain stochastic
gradient descent, a fixed seed, so the same data gives the same weights (a test checks it).
"""

from __future__ import annotations

import json
import math
import random
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path

from pmtui.analysis import blame as _blame
from pmtui.analysis import lexicon as lx

WEIGHTS = Path(__file__).with_name("blame_weights.json")
THRESHOLD = 0.6  # leave-one-batch-out, model alone: precision 0.93, recall 0.80 (before the review batch)
MIN_WORDS = 4  # shorter sentences ("Scribe: Pete.") carry too little for the model to judge
EPOCHS, RATE, L2, SEED = 30, 0.2, 0.01, 0

_TOKEN_RE = re.compile(r"@?[^\W\d_][\w'’\-]*|\d+|[?!]")
_SENTENCE_RE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)|[^\n]+")


@lru_cache(maxsize=8192)
def _norm(word: str, at_start: bool) -> str:
    """A word as the model sees it: names, roles and systems by their class; numbers as <num>."""
    if word.isdigit():
        return "<num>"
    if word in "?!":
        return word
    low = word.lower().replace("’", "'")
    cls = _blame._classify(word, at_start=at_start)
    if cls in (_blame.PERSON, _blame.WEAK):
        if low in lx.ROLE_NOUNS:
            return "<role>"
        if low not in lx.PERSON_PRONOUNS and low not in ("they", "them"):
            return "<name>"
    elif cls == _blame.SYSTEM:
        return "<sys>"
    return low


def _grams(norms: list[str]) -> list[str]:
    """The features: each normalised word, each pair and each triple ('3:' marks triples)."""
    pairs = [f"{a} {b}" for a, b in pairwise(norms)]
    triples = [f"3:{a} {b}" for a, b in zip(pairs, norms[2:], strict=False)]
    return norms + pairs + triples


def features(text: str) -> dict[str, tuple[int, int]]:
    """Each feature of the text and the span where it first occurs."""
    matches = list(_TOKEN_RE.finditer(text))
    norms = [_norm(m.group(0), i == 0) for i, m in enumerate(matches)]
    found: dict[str, tuple[int, int]] = {}
    for n in (1, 2, 3):
        grams = _grams(norms)
        offset = {1: 0, 2: len(norms), 3: 2 * len(norms) - 1}[n]
        for i in range(len(norms) - n + 1):
            found.setdefault(grams[offset + i], (matches[i].start(), matches[i + n - 1].end()))
    return found


def _keys(text: str) -> list[str]:
    return _grams([_norm(m.group(0), i == 0) for i, m in enumerate(_TOKEN_RE.finditer(text))])


@dataclass(frozen=True)
class Model:
    bias: float
    weights: dict[str, float]

    def probability(self, text: str) -> float:
        weights = self.weights
        z = self.bias + sum(weights.get(key, 0.0) for key in set(_keys(text)))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def strongest(self, text: str) -> tuple[int, int]:
        """The span of the feature that pushes hardest towards blame (what to underline)."""
        spans = features(text)
        best = max(spans, key=lambda key: self.weights.get(key, 0.0), default=None)
        return spans[best] if best is not None else (0, len(text))


@cache
def model() -> Model:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return Model(float(data["bias"]), {k: float(v) for k, v in data["weights"].items()})


@lru_cache(maxsize=16384)
def probability(sentence: str) -> float:
    """The shipped model's probability that the sentence blames or judges a person (cached: the checks run
    again over the whole document after each edit, and most sentences have not changed)."""
    return model().probability(sentence)


def sentences(text: str) -> Iterable[tuple[int, int]]:
    """Spans of the sentences (or lines) in text, without surrounding space."""
    for match in _SENTENCE_RE.finditer(text):
        start = match.start()
        chunk = match.group(0)
        stripped = chunk.strip()
        if stripped:
            start += len(chunk) - len(chunk.lstrip())
            yield start, start + len(stripped)


def train(rows: Iterable[tuple[str, bool]]) -> Model:
    """Logistic regression by stochastic gradient descent (deterministic: a fixed seed and order)."""
    data = [(list(dict.fromkeys(_keys(text))), 1.0 if label else 0.0) for text, label in rows]
    weights: dict[str, float] = {}
    bias = 0.0
    shuffle = random.Random(SEED).shuffle
    for _ in range(EPOCHS):
        shuffle(data)
        for keys, label in data:
            z = bias + sum(weights.get(k, 0.0) for k in keys)
            gradient = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))) - label
            bias -= RATE * gradient
            for k in keys:
                weights[k] = weights.get(k, 0.0) * (1 - RATE * L2) - RATE * gradient
    kept = {k: round(w, 4) for k, w in sorted(weights.items()) if abs(w) >= 0.05}
    return Model(round(bias, 4), kept)


def read_labelled(path: Path) -> list[tuple[str, bool]]:
    """Rows of a labelled file: `blame|ok <TAB> split <TAB> text`, '#' comments."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, _split, text = line.split("\t", 2)
            rows.append((text, label == "blame"))
    return rows


def dumps(trained: Model) -> str:
    return json.dumps({"bias": trained.bias, "weights": trained.weights}, indent=0, sort_keys=True) + "\n"


if __name__ == "__main__":  # python -m pmtui.analysis.blame_model tests/data/blame_labelled.tsv
    if len(sys.argv) < 2:
        sys.exit("usage: python -m pmtui.analysis.blame_model LABELLED.tsv... (the shipped weights are left alone)")
    labelled = [row for name in sys.argv[1:] for row in read_labelled(Path(name))]
    WEIGHTS.write_text(dumps(train(labelled)), encoding="utf-8")
    print(f"trained on {len(labelled)} sentences: {WEIGHTS}")
