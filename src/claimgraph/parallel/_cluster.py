"""Reading on a Dask distributed cluster: the same batches and the same reading function as the processes of one
machine, sent to the cluster's workers; the results come back, in input order, to the one writer.

A batch whose workers died reading it (Dask gave up on it: KilledWorker) is read again one document at a time, so
only a document that kills workers by itself is skipped, as with ``--workers``."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator

from claimgraph.errors import ClusterUnreachable, WorkerFailed
from claimgraph.model import Document, Extraction
from claimgraph.parallel._batches import BATCH_SIZE, KillCount, Read, delivered, in_order, read_batch

CONNECT_TIMEOUT = "10s"

_pipelines: dict = {}  # each worker process's own, by the function that builds it, built by its first batch
_reading = threading.Lock()  # a worker may run tasks in threads; the spaCy pipeline reads one batch at a time


def analyse_on_cluster(documents: Iterable[Document], scheduler: str, on_error,
                       batch_size: int = BATCH_SIZE, build=None) -> Iterator[Extraction]:
    """Extractions in input order, read by the workers of the Dask cluster at ``scheduler`` (tcp://host:port).
    The workers need claimgraph installed: they are sent the name of the reading function, not its code.
    ``build`` makes each worker's pipeline (default: ``resolve.build_pipeline``; a module-level function)."""
    from distributed import Client  # deferred: Dask is only needed here

    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterUnreachable(f"cannot reach the Dask scheduler at {scheduler!r} ({exc}); start one with "
                                 "`dask scheduler` and workers with `dask worker ADDRESS`, or drop --scheduler"
                                 ) from exc
    with client:
        workers = max(len(client.scheduler_info().get("workers", {})), 1)
        cluster = _Cluster(client, build)
        yield from delivered(in_order(cluster.send, cluster.collect, documents, batch_size, 2 * workers), on_error)


class _Cluster:
    def __init__(self, client, build) -> None:
        self.client, self.build, self.kills = client, build, KillCount()

    def send(self, batch: list[Document]):
        return batch, self._submit(batch)

    def collect(self, sent) -> Read:
        batch, future = sent
        try:
            return _result(future)
        except WorkerFailed as failed:
            _unless_killed(failed)
        return self._one_by_one(batch)

    def _one_by_one(self, batch: list[Document]) -> Read:
        read: Read = []
        for document in batch:  # one in flight at a time: a worker that dies then dies of that document alone (two
            # sent at once may share a worker, and Dask counts its death against both)
            try:
                read += _result(self._submit([document]))
                self.kills.survived()
            except WorkerFailed as failed:
                _unless_killed(failed)
                read.append(self.kills.killed(document, failed))
        return read

    def _submit(self, batch: list[Document]):
        return self.client.submit(read_on_worker, batch, self.build, pure=False)


def _unless_killed(failed: WorkerFailed) -> None:
    """Raise ``failed`` again unless Dask gave up on the task because its workers died reading it (KilledWorker)."""
    from distributed import KilledWorker

    if not isinstance(failed.__cause__, KilledWorker):
        raise failed


def read_on_worker(batch: list[Document], build=None) -> Read:
    """Run on a worker: the pipeline is built once per worker process, then reads every batch sent to it."""
    with _reading:
        if build not in _pipelines:
            from claimgraph.resolve import build_pipeline

            _pipelines[build] = (build or build_pipeline)()
        return read_batch(_pipelines[build], batch)


def _result(future) -> Read:
    try:
        return future.result()
    except Exception as exc:  # noqa: BLE001 - Dask raises the worker's failure (KilledWorker, a lost connection)
        raise WorkerFailed(f"the Dask cluster could not read a batch ({type(exc).__name__}: {exc}); what was "
                           "stored before is kept: run the same ingest again to go on") from exc
