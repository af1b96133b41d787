"""Where one document's ingest time goes, in one process: spaCy's parse, each claimgraph step, storing (with its
copy signature and merging apart), and the round trip a read document makes from a worker (pickled and back).

Each part is timed on its own with a wall clock around it, after a warm-up of the same kind (the model, the
gazetteer, datasketch's import), over the same BBC articles; the parse is the remainder of the pipeline's time.

    .venv/bin/python bench/ingest_parts.py                 # 150 BBC articles

Last, the time of each spaCy component, in the model as spaCy ships it and as claimgraph loads it.
"""

from __future__ import annotations

import argparse
import pickle
import tempfile
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from throughput import DEFAULT_CORPUS, bare_spacy, load_texts

import claimgraph.store._store as store_module
from claimgraph.extract import load_model
from claimgraph.merge import signature
from claimgraph.model import Document
from claimgraph.resolve import build_pipeline
from claimgraph.store import Store

WARM_UP = 10


def timed(counter: Counter, name: str, call):
    def run(*args, **kwargs):
        started = time.perf_counter()
        try:
            return call(*args, **kwargs)
        finally:
            counter[name] += time.perf_counter() - started
    return run


def read(pipeline, documents: list[Document]) -> tuple[list, float, Counter]:
    steps: Counter = Counter()
    pipeline.steps = [replace(step, run=timed(steps, step.name, step.run)) for step in pipeline.steps]
    list(pipeline.run(documents[:WARM_UP]))
    steps.clear()
    started = time.perf_counter()
    extractions = list(pipeline.run(documents[WARM_UP:]))
    return extractions, time.perf_counter() - started, steps


def store(extractions: list) -> tuple[float, Counter]:
    parts: Counter = Counter()
    for name in ("record_copies", "merge_events"):
        setattr(store_module, name, timed(parts, name, getattr(store_module, name)))
    signature("warm up datasketch")
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "parts.db") as db:
        started = time.perf_counter()
        for extraction in extractions:
            db.add(extraction)
        return time.perf_counter() - started, parts


def components(nlp, texts: list[str]) -> Counter:
    """Seconds in each of the model's components over the texts (the tokenizer first), each run over all texts
    in batches of 16, as the pipeline runs them."""
    spent: Counter = Counter()
    started = time.perf_counter()
    docs = [nlp.make_doc(text) for text in texts]
    spent["tokenizer"] += time.perf_counter() - started
    for name, component in nlp.pipeline:
        started = time.perf_counter()
        docs = list(component.pipe(docs, batch_size=16)) if hasattr(component, "pipe") else [component(d) for d in docs]
        spent[name] += time.perf_counter() - started
    return spent


def print_components(texts: list[str]) -> None:
    print(f"{'spaCy component':36} {'as shipped':>10} {'as claimgraph loads it':>23}")
    models = (bare_spacy(), load_model())
    for nlp in models:
        components(nlp, texts[:WARM_UP])  # each model's caches (the tokenizer's, the vocabulary) warm first
    shipped, ours = (components(nlp, texts) for nlp in models)
    for name in dict.fromkeys([*shipped, *ours]):
        print(f"  {name:34} {shipped[name] / len(texts) * 1000:10.1f} {ours[name] / len(texts) * 1000:23.1f}")
    print(f"  {'all':34} {sum(shipped.values()) / len(texts) * 1000:10.1f} "
          f"{sum(ours.values()) / len(texts) * 1000:23.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=150)
    args = parser.parse_args()
    texts = load_texts(DEFAULT_CORPUS, args.docs + WARM_UP)
    documents = [Document(text=t, date=f"2005-{n % 12 + 1:02d}-{n % 28 + 1:02d}", source="bench")
                 for n, t in enumerate(texts)]
    extractions, reading, steps = read(build_pipeline(), documents)
    n = len(extractions)
    storing, parts = store(extractions)
    started = time.perf_counter()
    sent = pickle.dumps(extractions)
    pickle.loads(sent)
    trip = time.perf_counter() - started
    print(f"documents: {n}  (ms per document)")
    print(f"{'reading':36} {reading / n * 1000:7.1f}")
    parse = "spaCy's parse (the rest)"
    print(f"  {parse:34} {(reading - sum(steps.values())) / n * 1000:7.1f}")
    for name, seconds in steps.most_common():
        print(f"  {name:34} {seconds / n * 1000:7.1f}")
    print(f"{'storing':36} {storing / n * 1000:7.1f}")
    for name, seconds in parts.most_common():
        print(f"  {name:34} {seconds / n * 1000:7.1f}")
    print(f"{'worker round trip':36} {trip / n * 1000:7.1f}  ({len(sent) / n / 1024:.0f} KB pickled)")
    print_components(texts[WARM_UP:])


if __name__ == "__main__":
    main()
