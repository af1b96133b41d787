"""Issue 10: reading in worker processes and on a real Dask cluster stores exactly what one process stores; a dead
worker or a killed writer loses nothing and leaves no process behind."""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import Future
from pathlib import Path

import psutil
import pytest
from conftest import FEED_REPORTS, database_content, postgres_database, write_feed
from hypothesis import given
from hypothesis import strategies as st

from claimgraph import api, errors
from claimgraph.model import Document
from claimgraph.parallel._batches import in_order, read_batch

CLAIMGRAPH = [sys.executable, "-m", "claimgraph"]
@pytest.fixture(scope="module")
def feed(tmp_path_factory) -> Path:
    return write_feed(tmp_path_factory.mktemp("parallel") / "feed.jsonl", 48)  # more than one batch per worker


@pytest.fixture(scope="module")
def single(feed, pipeline) -> Path:
    db = feed.parent / "single.db"
    assert api.ingest([feed], db=db, pipeline=pipeline).stored == 48
    return db


def test_two_worker_processes_store_exactly_what_one_process_stores(feed, single, tmp_path):
    report = api.ingest([feed], db=tmp_path / "two.db", workers=2)
    assert (report.read, report.stored, report.skipped) == (48, 48, [])
    assert database_content(tmp_path / "two.db") == database_content(single)


@contextlib.contextmanager
def local_cluster(distributed):
    """A real 2-worker cluster on this machine. A task that finds no worker for 2 minutes (the workers died and were
    not started again) fails, so the test fails rather than waits forever."""
    import dask

    with dask.config.set({"distributed.scheduler.no-workers-timeout": "120s"}), distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster


def test_a_dask_cluster_of_two_workers_stores_exactly_what_one_process_stores(feed, single, tmp_path):
    distributed = pytest.importorskip("distributed")
    with local_cluster(distributed) as cluster:
        report = api.ingest([feed], db=tmp_path / "dask.db", scheduler=cluster.scheduler_address)
        assert len(cluster.scheduler_info["workers"]) == 2
    assert (report.read, report.stored, report.skipped) == (48, 48, [])
    assert database_content(tmp_path / "dask.db") == database_content(single)


def test_postgresql_read_by_two_workers_holds_exactly_what_sqlite_holds(feed, single, postgres_server):
    url = postgres_database(postgres_server)
    report = api.ingest([feed], db=url, workers=2)
    assert (report.read, report.stored, report.skipped) == (48, 48, [])
    assert database_content(url) == database_content(single)
    assert api.ingest([feed], db=url).unchanged == 48  # the content hashes are checked there too


def test_every_error_comes_back_from_a_worker_as_it_was_raised():
    kinds = [k for k in vars(errors).values() if isinstance(k, type) and issubclass(k, errors.ClaimgraphError)]
    for kind in kinds:
        raised = kind("cannot read this", where="feed.jsonl:7")
        back = pickle.loads(pickle.dumps(raised))
        assert (type(back), str(back), back.where, back.code) == (kind, str(raised), "feed.jsonl:7", kind.code)


@given(st.integers(0, 60), st.integers(1, 7), st.integers(1, 4))
def test_batches_come_back_in_input_order_with_a_bounded_number_in_flight(count, size, in_flight):
    documents = [Document(text=f"report {n}", source="test") for n in range(count)]
    out: list[Future] = []

    def submit(batch):
        assert sum(not f.done() for f in out) < in_flight  # the oldest is collected before another is sent
        future = Future()
        out.append(future)
        return future

    def result(future):
        future.set_result([d.text for d in batches[out.index(future)]])
        return future.result()

    batches = [documents[i:i + size] for i in range(0, count, size)]
    got = list(in_order(submit, result, documents, size, in_flight))
    assert got == [d.text for d in documents]


def test_a_document_a_step_fails_on_comes_back_as_its_error_in_its_place():
    class FailingSecond:
        def run(self, documents, on_error):
            for n, document in enumerate(documents):
                if n == 1:
                    on_error(errors.ExtractionFailed("step failed", where=document.source))
                else:
                    yield document.text

    batch = [Document(text=t, source=f"s{n}") for n, t in enumerate(("a", "b", "c"))]
    read = read_batch(FailingSecond(), batch)
    assert read[0] == "a" and read[2] == "c" and isinstance(read[1], errors.ExtractionFailed)


def _workers_of(process: subprocess.Popen, deadline: float) -> list[psutil.Process]:
    while time.monotonic() < deadline:
        found = [c for c in psutil.Process(process.pid).children() if "spawn_main" in " ".join(c.cmdline())]
        if len(found) == 2:
            return found
        time.sleep(0.1)
    raise AssertionError("the ingest never started its two workers")


def _stored(db: Path) -> int:
    try:
        return sqlite3.connect(db, timeout=1).execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def _ingest(feed: Path, db: Path, *more: str) -> subprocess.Popen:
    return subprocess.Popen([*CLAIMGRAPH, "ingest", str(feed), "--db", str(db), *more], stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "CLAIMGRAPH_DEBUG": ""})


def test_a_writer_killed_with_sigkill_takes_its_workers_with_it(tmp_path):
    process = _ingest(write_feed(tmp_path / "feed.jsonl", 200), tmp_path / "killed.db", "--workers", "2")
    workers = _workers_of(process, time.monotonic() + 120)
    process.send_signal(signal.SIGKILL)
    process.wait()
    gone, alive = psutil.wait_procs(workers, timeout=30)
    assert not alive, "workers outlived their writer"


def test_a_worker_killed_mid_run_is_replaced_and_the_run_stores_everything(tmp_path, pipeline):
    feed = write_feed(tmp_path / "feed.jsonl", 200)
    process = _ingest(feed, tmp_path / "killed.db", "--workers", "2")
    workers = _workers_of(process, time.monotonic() + 120)
    deadline = time.monotonic() + 300
    while _stored(tmp_path / "killed.db") < 5 and time.monotonic() < deadline:
        time.sleep(0.05)
    workers[0].kill()
    _, stderr = process.communicate(timeout=600)
    assert process.returncode == 0 and "Traceback" not in stderr, stderr[-2000:]
    assert "200 read, 200 stored, 0 unchanged, 0 skipped" in stderr
    api.ingest([feed], db=tmp_path / "whole.db", pipeline=pipeline)
    assert database_content(tmp_path / "killed.db") == database_content(tmp_path / "whole.db")


def poisoned_pipeline():
    """A worker's pipeline that dies, as a crash in the parser would, on any document saying POISON. Module-level,
    so spawned workers can import it by name."""
    from claimgraph.resolve import build_pipeline

    real = build_pipeline()

    class Poisoned:
        def run(self, documents, on_error):
            if any("POISON" in d.text for d in documents):
                os._exit(1)
            yield from real.run(documents, on_error)

    return Poisoned()


def test_a_document_that_kills_its_worker_is_skipped_alone_as_cg203_and_the_rest_are_read():
    from claimgraph.parallel import analyse_in_processes

    texts = [FEED_REPORTS[n % len(FEED_REPORTS)].format(n=n) for n in range(40)]
    texts[21] = "POISON " + texts[21]
    documents = [Document(text=t, source=f"feed.jsonl:{n + 1}") for n, t in enumerate(texts)]
    skipped = []
    read = list(analyse_in_processes(documents, 2, skipped.append, batch_size=8, build=poisoned_pipeline))
    assert [e.document.source for e in read] == [d.source for n, d in enumerate(documents) if n != 21]
    assert [(e.code, e.where) for e in skipped] == [("CG203", documents[21].location)]


def test_on_a_dask_cluster_too_a_document_that_kills_workers_is_skipped_alone():
    distributed = pytest.importorskip("distributed")
    from claimgraph.parallel import analyse_on_cluster

    texts = [FEED_REPORTS[n % len(FEED_REPORTS)].format(n=n) for n in range(12)]
    texts[5] = "POISON " + texts[5]
    documents = [Document(text=t, source=f"feed.jsonl:{n + 1}") for n, t in enumerate(texts)]
    skipped = []
    with local_cluster(distributed) as cluster:
        read = list(analyse_on_cluster(documents, cluster.scheduler_address, skipped.append, batch_size=4,
                                       build=poisoned_pipeline))
    assert [e.document.source for e in read] == [d.source for n, d in enumerate(documents) if n != 5]
    assert [(e.code, e.where) for e in skipped] == [("CG203", documents[5].location)]


def test_workers_that_cannot_read_anything_stop_the_run_with_cg203():
    from claimgraph.parallel import analyse_in_processes

    documents = [Document(text="POISON " + FEED_REPORTS[0].format(n=n), source=f"s{n}") for n in range(40)]
    with pytest.raises(errors.WorkerFailed, match="in a row"):
        list(analyse_in_processes(documents, 2, lambda error: None, batch_size=8, build=poisoned_pipeline))


def test_an_unreachable_scheduler_is_cg204_not_a_traceback(tmp_path):
    pytest.importorskip("distributed")
    with socket.socket() as refusing:
        refusing.bind(("127.0.0.1", 0))  # bound, never listening: connections to it are refused
        address = f"tcp://127.0.0.1:{refusing.getsockname()[1]}"
        process = _ingest(write_feed(tmp_path / "feed.jsonl", 3), tmp_path / "x.db", "--scheduler", address)
        _, stderr = process.communicate(timeout=120)
    assert process.returncode != 0 and "Traceback" not in stderr
    assert "[CG204]" in stderr, stderr[-2000:]


@pytest.mark.parametrize("workers", [1, 2])
def test_an_unchanged_corpus_ingested_again_loads_no_model_and_reads_nothing(feed, single, tmp_path, monkeypatch,
                                                                            workers):
    """Content hashes are checked before anything is parsed: a second run over the same reports starts no worker
    and loads no model (either would fail here)."""
    import shutil

    from claimgraph import resolve

    db = tmp_path / "again.db"
    shutil.copy(single, db)
    monkeypatch.setattr(resolve, "build_pipeline", lambda *a, **k: pytest.fail("the model was loaded"))
    monkeypatch.setattr("claimgraph.parallel._processes.ProcessPoolExecutor",
                        lambda *a, **k: pytest.fail("a worker was started"))
    report = api.ingest([feed], db=db, workers=workers)
    assert (report.read, report.stored, report.unchanged) == (48, 0, 48)
    assert database_content(db) == database_content(single)
