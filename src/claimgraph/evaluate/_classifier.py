"""A PLOVER event type classifier for one sentence, for evaluation only: TF-IDF word and character n-grams,
multinomial logistic regression.

Held-out folds said it does not help the rules (docs/EVALUATION.md), so it is not part of the pipeline and its
weights are not shipped: scripts/train_plover_classifier.py trains them with scikit-learn into a folder
(default build/plover_classifier/: model.json, folds.json; CC BY-SA 4.0 as derived from the PLOVER GSR, see
NOTICE) and `claimgraph eval plover --folds 5 --classifier DIR` reads them. Inference is pure Python and this
module imports only the standard library: the training script loads it by path, so training and inference share
one feature function and one fold assignment.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from pathlib import Path

MODEL_FILE = "model.json"
FOLDS_FILE = "folds.json"
TEST_SHARE = 20  # percent of records in the fixed test fold, never used for training or tuning
WORD = re.compile(r"(?u)\b\w\w+\b")
CHAR_SIZES = (3, 4, 5)


def features(text: str) -> list[str]:
    """Word uni- and bigrams and character 3-5-grams inside words (as scikit-learn's char_wb pads them)."""
    lowered = text.lower()
    words = WORD.findall(lowered)
    grams = ["w:" + w for w in words] + [f"b:{a} {b}" for a, b in zip(words, words[1:], strict=False)]
    for word in lowered.split():
        padded = f" {word} "
        for n in CHAR_SIZES:
            grams += ["c:" + padded[i:i + n] for i in range(max(1, len(padded) - n + 1))]
    return grams


def fold_of(key: str, folds: int = 5) -> int:
    """0 for the fixed test fold (TEST_SHARE percent of keys), else 1..folds; a pure function of the key."""
    number = int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:12], 16)
    if number % 100 < TEST_SHARE:
        return 0
    return 1 + (number // 100) % folds


class Model:
    """One trained model: vocabulary with idf, one weight row per class, intercepts."""

    def __init__(self, data: dict):
        self.labels: list[str] = data["labels"]
        self.idf: dict[str, float] = data["idf"]
        self.weights: dict[str, list[tuple[int, float]]] = {
            f: [(c, w) for c, w in row] for f, row in data["weights"].items()
        }
        self.intercept: list[float] = data["intercept"]

    def probabilities(self, text: str) -> dict[str, float]:
        """Each label's probability for this text (softmax over the linear scores)."""
        vector = self._vector(text)
        scores = list(self.intercept)
        for feature, value in vector.items():
            for label, weight in self.weights.get(feature, ()):
                scores[label] += weight * value
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {label: e / total for label, e in zip(self.labels, exps, strict=True)}

    def classify(self, text: str) -> tuple[str, float]:
        probs = self.probabilities(text)
        label = max(probs, key=probs.get)
        return label, probs[label]

    def _vector(self, text: str) -> dict[str, float]:
        # sublinear tf times idf, L2-normalised over the features the model knows (as at training).
        counts = Counter(f for f in features(text) if f in self.idf)
        vector = {f: (1.0 + math.log(n)) * self.idf[f] for f, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        return {f: v / norm for f, v in vector.items()}


def load_model(directory: str | Path) -> Model:
    """The model trained on the synthetic stories and PLOVER GSR folds 1-5 (never the test fold)."""
    return Model(json.loads((Path(directory) / MODEL_FILE).read_text("utf-8")))


def fold_models(directory: str | Path | None) -> dict[int, Model]:
    """Model k was trained without the records of fold k; 0 (the test fold) is the full model. Empty without
    a directory or when it holds no models."""
    if directory is None or not (Path(directory) / MODEL_FILE).exists():
        return {}
    path = Path(directory) / FOLDS_FILE
    stored = json.loads(path.read_text("utf-8"))["models"] if path.exists() else {}
    return {0: load_model(directory), **{int(k): Model(v) for k, v in stored.items()}}


OVERRIDE = 0.5  # classifier probability above which it replaces the type of an ambiguous trigger


def combine(rule_type: str | None, guess: tuple[str, float], ambiguous: bool = False,
            threshold: float = OVERRIDE) -> str:
    """The sentence's type from the rules' main event (its PLOVER-coded type, None when the rules found no
    event) and the classifier's (type, probability): the classifier decides when the rules found nothing,
    or when the rule's trigger word is listed under several types and the classifier is confident."""
    label, probability = guess
    if rule_type is None or (ambiguous and probability >= threshold):
        return label
    return rule_type
