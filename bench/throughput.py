"""Throughput and peak memory of claimgraph's extraction against bare spaCy, in one process.

Both runs use the pinned model on the same documents (bare spaCy as shipped, claimgraph as it loads it); rounds
alternate (spaCy, claimgraph, spaCy, ...) so machine noise hits both alike, and the result is reported as a ratio.

    .venv/bin/python bench/throughput.py                      # 300 BBC articles, 3 rounds
    .venv/bin/python bench/throughput.py --docs 2000 --rounds 1
"""

from __future__ import annotations

import argparse
import csv
import io
import itertools
import resource
import statistics
import sys
import time
from pathlib import Path

from claimgraph.export import write_jsonl
from claimgraph.extract._nlp import MODEL_NAME, UNUSED_COMPONENTS
from claimgraph.model import Document
from claimgraph.resolve import build_pipeline

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared/data/bbc_news_2005/bbc-text.csv"


def load_texts(path: Path, count: int) -> list[str]:
    """``count`` article texts, cycling through the file if it holds fewer."""
    csv.field_size_limit(10_000_000)
    with path.open(encoding="utf-8") as stream:
        texts = [row["text"] for row in csv.DictReader(stream)]
    return list(itertools.islice(itertools.cycle(texts), count))


def bare_spacy():
    """The pinned model as spaCy ships it, without the lemmatizer claimgraph never runs (which only makes the
    baseline faster) and without anything of claimgraph's (its line-break component, its faster attribute rules)."""
    import spacy

    return spacy.load(MODEL_NAME, exclude=list(UNUSED_COMPONENTS))


def run_spacy(nlp, texts: list[str]) -> float:
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - started


def run_claimgraph(pipeline, texts: list[str]) -> float:
    documents = (Document(text=t, date="2005-01-01", source="bench") for t in texts)
    started = time.perf_counter()
    write_jsonl(pipeline.run(documents), io.StringIO())
    return time.perf_counter() - started


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="CSV with a 'text' column")
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (pass --corpus FILE.csv)", file=sys.stderr)
        return 2
    texts = load_texts(args.corpus, args.docs)
    words = sum(len(t.split()) for t in texts)
    nlp = bare_spacy()
    pipeline = build_pipeline()
    run_claimgraph(pipeline, texts[:5])  # warm caches (lexicons, gazetteer) outside the timing
    spacy_times, ours_times = [], []
    for _ in range(args.rounds):
        spacy_times.append(run_spacy(nlp, texts))
        rss_spacy = peak_rss_mb()
        ours_times.append(run_claimgraph(pipeline, texts))
    base, ours = statistics.median(spacy_times), statistics.median(ours_times)
    print(f"documents: {len(texts)}  words: {words}  rounds: {args.rounds}")
    print(f"bare spaCy nlp.pipe : {len(texts) / base:8.1f} docs/s {words / base:9.0f} words/s")
    print(f"claimgraph extract  : {len(texts) / ours:8.1f} docs/s {words / ours:9.0f} words/s")
    print(f"throughput ratio (claimgraph / spaCy): {base / ours:.3f}")
    print(f"peak RSS: {rss_spacy:.0f} MB after spaCy rounds, {peak_rss_mb():.0f} MB after claimgraph rounds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
