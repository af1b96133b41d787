"""Reading on a Dask distributed cluster: the same batches and the same reading function as the processes of one
machine, sent to the cluster's workers; the results come back, in input order, to the one writer."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator

from claimgraph.errors import ClusterUnreachable, WorkerFailed
from claimgraph.model import Document, Extraction
from claimgraph.parallel._batches import BATCH_SIZE, Read, delivered, in_order, read_batch

CONNECT_TIMEOUT = "10s"

_pipeline = None  # each worker process's own, built by its first batch
_reading = threading.Lock()  # a worker may run tasks in threads; the spaCy pipeline reads one batch at a time


def analyse_on_cluster(documents: Iterable[Document], scheduler: str, on_error,
                       batch_size: int = BATCH_SIZE) -> Iterator[Extraction]:
    """Extractions in input order, read by the workers of the Dask cluster at ``scheduler`` (tcp://host:port).
    The workers need claimgraph installed: they are sent the name of the reading function, not its code."""
    from distributed import Client  # deferred: Dask is only needed here

    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterUnreachable(f"cannot reach the Dask scheduler at {scheduler!r} ({exc}); start one with "
                                 "`dask scheduler` and workers with `dask worker ADDRESS`, or drop --scheduler"
                                 ) from exc
    with client:
        workers = max(len(client.scheduler_info().get("workers", {})), 1)
        read = in_order(lambda batch: client.submit(read_on_worker, batch, pure=False), _result, documents,
                        batch_size, in_flight=2 * workers)
        yield from delivered(read, on_error)


def read_on_worker(batch: list[Document]) -> Read:
    """Run on a worker: the pipeline is built once per worker process, then reads every batch sent to it."""
    global _pipeline
    with _reading:
        if _pipeline is None:
            from claimgraph.resolve import build_pipeline

            _pipeline = build_pipeline()
        return read_batch(_pipeline, batch)


def _result(future) -> Read:
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - Dask raises the worker's failure (KilledWorker, a lost connection)
        raise WorkerFailed(f"the Dask cluster could not read a batch ({type(exc).__name__}: {exc}); what was "
                           "stored before is kept: run the same ingest again to go on") from exc
