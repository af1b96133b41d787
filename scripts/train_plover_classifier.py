"""Train the PLOVER sentence type classifier and write its weights as JSON for pure-Python inference.

Writes OUT/model.json (synthetic headlines plus PLOVER GSR dev folds 1-5, never the test fold) and
OUT/folds.json (model k trained without fold k), for `claimgraph eval plover --folds 5 --classifier OUT`
(OUT defaults to build/plover_classifier). Held-out folds said the classifier does not help the rules, so
nothing here is shipped. Both derive from the PLOVER GSR (CC BY-SA 4.0) and the NGEC synthetic
stories (see NOTICE).

scikit-learn is needed here only, never at run time; use a separate venv so requirements.lock stays as is:

    python3 -m venv /tmp/cg-train && /tmp/cg-train/bin/pip install scikit-learn==1.9.1
    /tmp/cg-train/bin/python scripts/train_plover_classifier.py ../shared/eval/dev

Training data: the headline of each NGEC synthetic story (the first line of its prompt, with the story's
label), because headlines are single event sentences like the GSR's; whole stories and lead sentences
scored lower on held-out GSR folds. GSR training sentences are repeated GSR_WEIGHT times. Takes ~1 minute.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import sys
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import SGDClassifier

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "build" / "plover_classifier"
OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
FOLDS = 5
GSR_WEIGHT = 5
ALPHA = 1e-4  # chosen on held-out GSR folds 1-5 (1e-5 and 1e-4 tried; balanced class weights helped)
TOP_FEATURES = 3000  # the model is refit on the features with the largest weights: a few hundred KB of JSON
MIN_WEIGHT = 0.01  # smaller coefficients are left out of the JSON


def _classifier_module():
    # Loaded by path: claimgraph's package imports need spaCy, this module needs only the standard library.
    path = ROOT / "src" / "claimgraph" / "evaluate" / "_classifier.py"
    spec = importlib.util.spec_from_file_location("plover_classifier", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CLF = _classifier_module()


def read_ngec(directory: Path) -> list[tuple[str, str]]:
    csv.field_size_limit(sys.maxsize)
    rows = []
    for path in sorted(directory.glob("gpt_synthetic_events_*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows += [(r["prompt"].split("\n")[0].strip(), r["label"]) for r in csv.DictReader(handle)]
    return [(text, label) for text, label in rows if text]


def read_gsr(path: Path) -> list[tuple[str, str]]:
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [(r["text"], OLD_NAMES.get(r["event"], r["event"])) for r in rows if r["event"] != "DOCUMENT"]


def fit(rows: list[tuple[str, str]]) -> dict:
    """Fit on all features, keep the TOP_FEATURES strongest, refit on those alone (so the JSON's idf and
    norm are exactly the ones trained with), and export as JSON."""
    vectorizer, model = _fit(rows, None)
    strength = abs(model.coef_).max(axis=0)
    names = vectorizer.get_feature_names_out()
    kept = sorted(str(names[i]) for i in strength.argsort()[::-1][:TOP_FEATURES])
    return _export(*_fit(rows, kept))


def _fit(rows: list[tuple[str, str]], vocabulary: list[str] | None):
    vectorizer = TfidfVectorizer(analyzer=CLF.features, sublinear_tf=True, min_df=1 if vocabulary else 2,
                                 vocabulary=vocabulary)
    matrix = vectorizer.fit_transform([text for text, _ in rows])
    model = SGDClassifier(loss="log_loss", alpha=ALPHA, class_weight="balanced", max_iter=30, tol=None,
                          random_state=0)
    return vectorizer, model.fit(matrix, [label for _, label in rows])


def _export(vectorizer, model) -> dict:
    names = vectorizer.get_feature_names_out()
    weights: dict[str, list] = {}
    for column, name in enumerate(names):
        row = [[c, round(float(w), 3)] for c, w in enumerate(model.coef_[:, column]) if abs(w) >= MIN_WEIGHT]
        if row:
            weights[str(name)] = row
    return {
        "labels": [str(label) for label in model.classes_],
        "idf": {str(n): round(float(v), 3) for n, v in zip(names, vectorizer.idf_, strict=True)},
        "weights": weights,
        "intercept": [round(float(b), 4) for b in model.intercept_],
    }


def train_rows(ngec, gsr, held_out: int | None) -> list[tuple[str, str]]:
    """NGEC headlines plus the GSR sentences of the training folds (never fold 0, nor the held-out fold)."""
    kept = [row for row in gsr if CLF.fold_of(row[0], FOLDS) not in (0, held_out)]
    return ngec + kept * GSR_WEIGHT


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dev", type=Path, help="the dev folder holding ngec/ and plover_gsr/")
    parser.add_argument("--out", type=Path, default=OUT, help="folder for model.json and folds.json")
    args = parser.parse_args()
    ngec, gsr = read_ngec(args.dev / "ngec"), read_gsr(args.dev / "plover_gsr" / "plover_gsr_dev.jsonl")
    meta = {"trained_on": "NGEC synthetic headlines + PLOVER GSR dev folds", "folds": FOLDS,
            "test_share": CLF.TEST_SHARE, "licence": "CC BY-SA 4.0 (see NOTICE)"}
    shipped = {**fit(train_rows(ngec, gsr, None)), "meta": meta}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / CLF.MODEL_FILE).write_text(json.dumps(shipped, separators=(",", ":")), "utf-8")
    models = {str(k): fit(train_rows(ngec, gsr, k)) for k in range(1, FOLDS + 1)}
    (args.out / CLF.FOLDS_FILE).write_text(json.dumps({"meta": meta, "models": models}, separators=(",", ":")), "utf-8")
    print(f"{len(ngec)} headlines, {len(gsr)} GSR sentences; wrote {CLF.MODEL_FILE} and {CLF.FOLDS_FILE}")


if __name__ == "__main__":
    main()
