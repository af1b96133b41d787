"""Merging quality in a crowded store: the news clusters of ../shared/eval/dev stored into a copy of a big store
(the 40k RSS store that bench/store_growth.py leaves), scored as `claimgraph eval news` scores them in a fresh one.

A desk's store is never empty: the reports of an episode arrive among thousands of others about the same war, and
merging's bounds (events per block, neighbours scored, region size) start to bind. This measures what that costs.

    .venv/bin/python bench/crowded_merge.py /tmp/rss.db
    .venv/bin/python bench/crowded_merge.py /tmp/rss.db --set NEIGHBOUR_LIMIT=1000000 --set REGION_LIMIT=1000
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from claimgraph import api
from claimgraph.evaluate._merged import score_merged
from claimgraph.evaluate._news import find_clusters, read_gold
from claimgraph.export import event_record
from claimgraph.merge import _incremental
from claimgraph.store import Store, document_key

CLUSTERS = Path(__file__).resolve().parents[1].parent / "shared/eval/dev/news_clusters"


def crowded_scores(base: Path, extractions, gold: dict, folder: Path) -> dict[str, float]:
    db = folder / "crowded.db"
    shutil.copy(base, db)
    with Store(db) as store:
        for extraction in extractions:
            store.add(extraction)
    ids = {api.event(f"{document_key(x.document.text_sha256)}/{e.id}", db).id
           for x in extractions for e in x.events}
    return score_merged(gold, [event_record(api.event(i, db)) for i in sorted(ids)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path, help="the crowded store (copied, never changed)")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="a bound of claimgraph.merge._incremental, for comparison")
    args = parser.parse_args()
    for setting in args.set:
        name, value = setting.split("=")
        setattr(_incremental, name, int(value))
    print("cluster                         store   B-cubed P     R    F1   pairwise P     R    F1")
    for name, gold_path, reports in find_clusters(CLUSTERS):
        extractions, gold = list(api.extract([reports])), read_gold(gold_path)
        with tempfile.TemporaryDirectory() as folder:
            empty = Path(folder) / "empty.db"
            Store(empty).close()
            for label, base in (("fresh", empty), ("crowded", args.store)):
                s = crowded_scores(base, extractions, gold, Path(folder))
                print(f"{name:<30}  {label:<7}  {s['bcubed_p']:>9.3f} {s['bcubed_r']:>5.3f} {s['bcubed_f1']:>5.3f}"
                      f"  {s['pairwise_p']:>11.3f} {s['pairwise_r']:>5.3f} {s['pairwise_f1']:>5.3f}", flush=True)


if __name__ == "__main__":
    main()
