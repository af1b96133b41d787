"""Reading in N processes of this machine, each with the model loaded once."""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice

from claimgraph.errors import WorkerFailed
from claimgraph.model import Document, Extraction
from claimgraph.parallel._batches import Read, delivered, in_order, read_batch

# Documents per batch sent to a worker: big enough that sending costs little beside reading, small enough that
# the results held in flight stay a few megabytes.
BATCH_SIZE = 16

_pipeline = None  # each worker's own, built once by _load


def default_workers() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def analyse_in_processes(documents: Iterable[Document], workers: int, on_error,
                         batch_size: int = BATCH_SIZE) -> Iterator[Extraction]:
    """Extractions in input order, read by ``workers`` processes; per-document failures go to ``on_error``.

    A run of fewer documents than one batch per worker is read in this process: starting workers (each loads
    the model) would cost more than it saves."""
    documents = iter(documents)
    head = list(islice(documents, batch_size * workers))
    if not head:
        return  # nothing new to read: no worker is started, no model loaded
    if len(head) < batch_size * workers or workers < 2:
        from claimgraph.resolve import analyse  # deferred, like resolve's own loading

        yield from analyse(chain(head, documents), None, on_error)
        return
    # spawn, not fork: the parent holds a database connection and perhaps threads, which a fork would copy.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_load) as pool:
        read = in_order(lambda batch: pool.submit(_read, batch), Future.result, chain(head, documents), batch_size,
                        in_flight=2 * workers)
        try:
            yield from delivered(read, on_error)
        except BrokenProcessPool as exc:  # from the batch being read, or from the next one sent
            raise WorkerFailed("a reading process died (out of memory, or killed); what was stored before is kept: "
                               "run the same ingest again to go on, or use fewer --workers") from exc


def _load() -> None:
    global _pipeline
    threading.Thread(target=_exit_with_parent, daemon=True).start()
    from claimgraph.resolve import build_pipeline

    _pipeline = build_pipeline()


def _exit_with_parent() -> None:
    """A worker whose writer was killed (SIGKILL, out of memory) would wait for work forever, holding its model."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)


def _read(batch: list[Document]) -> Read:
    return read_batch(_pipeline, batch)
