"""Reading in N processes of this machine, each with the model loaded once."""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import chain, islice

from claimgraph.model import Document, Extraction
from claimgraph.parallel._batches import BATCH_SIZE, KillCount, Read, delivered, in_order, read_batch

_pipeline = None  # each worker's own, built once by _load


def analyse_in_processes(documents: Iterable[Document], workers: int, on_error,
                         batch_size: int = BATCH_SIZE, build=None) -> Iterator[Extraction]:
    """Extractions in input order, read by ``workers`` processes; per-document failures go to ``on_error``.
    ``build`` makes each worker's pipeline (default: ``resolve.build_pipeline``; a module-level function).

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
    with _Pool(workers, build) as pool:
        yield from delivered(in_order(pool.send, pool.collect, chain(head, documents), batch_size, 2 * workers),
                             on_error)


@dataclass
class _Sent:
    batch: list[Document]
    future: Future | None  # None: the pool was broken when it was sent


class _Pool:
    """Worker processes that are started again when one dies. The batch that was being read when it died is read
    again one document at a time, alone, so only a document that kills a worker by itself is skipped (CG203,
    naming it); the batches sent after it are sent again."""

    def __init__(self, workers: int, build) -> None:
        self.workers, self.build = workers, build
        self.outstanding: list[_Sent] = []
        self.kills = KillCount()
        self.executor = self._start()

    def __enter__(self) -> _Pool:
        return self

    def __exit__(self, *exc) -> None:
        self.executor.shutdown(cancel_futures=True)

    def _start(self) -> ProcessPoolExecutor:
        # spawn, not fork: the parent holds a database connection and perhaps threads, which a fork would copy.
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_load, initargs=(self.build,))

    def _submit(self, batch: list[Document]) -> Future | None:
        try:
            return self.executor.submit(_read, batch)
        except BrokenProcessPool:
            return None

    def send(self, batch: list[Document]) -> _Sent:
        sent = _Sent(batch, self._submit(batch))
        self.outstanding.append(sent)
        return sent

    def collect(self, sent: _Sent) -> Read:
        self.outstanding.remove(sent)
        if sent.future is not None:
            try:
                return sent.future.result()
            except BrokenProcessPool:
                pass
        read = self._one_by_one(sent.batch)
        for other in self.outstanding:  # they died with the pool: sent again, after the culprit is found
            other.future = self._submit(other.batch)
        return read

    def _restart(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def _one_by_one(self, batch: list[Document]) -> Read:
        read: Read = []
        self._restart()
        for document in batch:
            try:
                read += self.executor.submit(_read, [document]).result()
                self.kills.survived()
            except BrokenProcessPool as exc:
                read.append(self.kills.killed(document, exc))
                self._restart()
        return read


def _load(build=None) -> None:
    global _pipeline
    # One BLAS thread per worker: the workers are already one per core, and more threads would fight over them.
    # Read when NumPy loads, which in a fresh (spawned) worker is after this.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    threading.Thread(target=_exit_with_parent, daemon=True).start()
    if build is None:
        from claimgraph.resolve import build_pipeline as build
    _pipeline = build()


def _exit_with_parent() -> None:
    """A worker whose writer was killed (SIGKILL, out of memory) would wait for work forever, holding its model."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)


def _read(batch: list[Document]) -> Read:
    return read_batch(_pipeline, batch)
