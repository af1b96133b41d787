"""What the ways of reading in parallel share: batches out, results back in input order, a bounded number in flight."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any

from claimgraph.errors import ClaimgraphError, WorkerFailed
from claimgraph.model import Document, Extraction

# Documents per batch sent to a worker: big enough that sending costs little beside reading, small enough that
# the results held in flight stay a few megabytes.
BATCH_SIZE = 16
Read = list[Extraction | ClaimgraphError]  # one batch read: each document's extraction or error, in input order
# Documents that each kill their worker, one after another, before the run stops: then it is the machine, not them.
GIVE_UP_AFTER = 3


def batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(documents)
    while batch := list(islice(it, size)):
        yield batch


def in_order(submit: Callable[[list[Document]], Any], result: Callable[[Any], Read],
             documents: Iterable[Document], size: int, in_flight: int) -> Iterator[Extraction | ClaimgraphError]:
    """Each batch's results in input order. At most ``in_flight`` batches are out at once, so a stream of any
    length is read in bounded memory, and the workers always have the next batch waiting."""
    pending: deque = deque()
    for batch in batches(documents, size):
        pending.append(submit(batch))
        if len(pending) >= in_flight:
            yield from result(pending.popleft())
    while pending:
        yield from result(pending.popleft())


def read_batch(pipeline, batch: list[Document]) -> Read:
    """Read one batch with ``pipeline``: a document a step fails on comes back as its error, in its place."""
    read: Read = []
    for extraction in pipeline.run(batch, read.append):
        read.append(extraction)
    return read


def delivered(items: Iterable[Extraction | ClaimgraphError], on_error) -> Iterator[Extraction]:
    for item in items:
        if isinstance(item, ClaimgraphError):
            on_error(item)
        else:
            yield item


class KillCount:
    """Documents read alone after their batch's worker died: one that kills its worker by itself is skipped (CG203,
    naming it); GIVE_UP_AFTER of them in a row stop the run, since then it is the workers that cannot run."""

    def __init__(self) -> None:
        self.in_a_row = 0

    def survived(self) -> None:
        self.in_a_row = 0

    def killed(self, document: Document, exc: BaseException) -> WorkerFailed:
        self.in_a_row += 1
        if self.in_a_row >= GIVE_UP_AFTER:
            raise WorkerFailed(f"{GIVE_UP_AFTER} documents in a row killed the process reading them: the workers "
                               "cannot run here (out of memory?); what was stored before is kept: run again with "
                               "fewer --workers, or on other machines") from exc
        return WorkerFailed("reading this document killed its worker process (a crash in the parser, or out of "
                            "memory); it was skipped and the batch went on: please report it", where=document.location)
