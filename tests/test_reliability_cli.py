"""Issue 8, as a user meets it: the CLI in a subprocess over hostile inputs and settings never prints a traceback,
and an ingest killed with SIGKILL, then run again, gives exactly the database of a run never interrupted."""

from __future__ import annotations

import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import database_content

CLAIMGRAPH = [sys.executable, "-m", "claimgraph"]


def run(*args, cwd=None, stdin=subprocess.DEVNULL, timeout=600) -> subprocess.CompletedProcess:
    return subprocess.run([*CLAIMGRAPH, *map(str, args)], capture_output=True, text=True, cwd=cwd, stdin=stdin,
                          timeout=timeout, env={**os.environ, "CLAIMGRAPH_DEBUG": ""})


def _no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stderr + result.stdout, result.stderr[-3000:]


def _hostile_folder(root: Path) -> Path:
    folder = root / "inbox"
    folder.mkdir()
    (folder / "empty.txt").write_text("")
    (folder / "photo.jpg.txt").write_bytes(bytes(range(256)) * 30)
    (folder / "latin1.txt").write_bytes("Russia attacked Kyiv on Monday. Caf\xe9".encode("latin-1"))
    (folder / "huge.txt").write_text("Russia attacked Kyiv. " * 20_000)
    (folder / "numbers.txt").write_text("Wagner received 90,000,000,000,000,000,000,000 rounds and 9" + "9" * 400
                                        + " shells from North Korea, officials said on Monday.")
    (folder / "nul.jsonl").write_bytes(b'{"id": "n1", "text": "Russia\x00 attacked."}\n'
                                       + b'{"id": "n2", "text": "Kyiv\\u0000 was hit.", "date": "2022-12-22"}\n')
    (folder / "ends.jsonl").write_text("".join(json.dumps({"id": d, "date": d, "text": (
        "Russia attacked Kyiv yesterday and will again tomorrow, the following weekend and the previous decade.")})
        + "\n" for d in ("0001-01-01", "9999-12-31")))
    (folder / "broken.jsonl").write_text('{"id": 1, "text": "ok, Iran sent drones."}\n{not json\n[1]\nnull\n'
                                         '{"text": 5}\n{"text": "x", "date": "yesterday"}\n')
    (folder / "quote.csv").write_text('id,date,text\nc1,2022-12-22,"Russia attacked Kyiv.\n'
                                      "c2,2022-12-23,North Korea sent rockets to Wagner.\n")
    (folder / "page.html").write_text("<html><head><title><script>alert(1)</script></title></head><body>"
                                      "<p onclick='steal()'>Russia attacked Kyiv on Monday.</p>"
                                      "<a href='javascript:alert(1)'>more</a><script>evil()</script></body></html>")
    (folder / "quotes.txt").write_text('"' * 20_000)
    (folder / "notes.docx").write_text("not a format claimgraph reads")
    os.symlink(root / "gone.txt", folder / "dangling.txt")
    os.mkfifo(folder / "pipe.txt")
    return folder


def test_the_cli_over_hostile_inputs_and_settings_never_shows_a_traceback(tmp_path):
    folder = _hostile_folder(tmp_path)
    db = tmp_path / "x.db"
    ingest = run("ingest", folder, "--db", db)
    _no_traceback(ingest)
    assert ingest.returncode == 0 and "stored" in ingest.stderr
    for name in ("dangling.txt", "pipe.txt", "huge.txt", "quote.csv:2", "nul.jsonl:1", "latin1.txt", "notes.docx"):
        assert str(folder / name) in ingest.stderr, name
    texts = [t for (t,) in sqlite3.connect(db).execute("SELECT text FROM documents")]
    assert not any("\x00" in t or "c2,2022-12-23" in t for t in texts)
    assert sum("Kyiv" in t for t in texts) >= 3
    not_sqlite, empty = tmp_path / "notes.db", tmp_path / "empty.db"
    not_sqlite.write_text("hello")
    empty.write_bytes(b"")
    (tmp_path / "out").mkdir()
    for args in (["docs", "--db", db], ["entity", "Kyiv", "--db", db], ["events", "--db", db, "--json"]):
        result = run(*args)
        _no_traceback(result)
        assert result.returncode == 0, (args, result.stderr)
    for args in (["entities", "--db", db, "--limit", "-5"], ["events", "--db", db, "--since", "yesterday"],
                 ["docs", "--db", db, "--limit", "99999999999999999999"], ["docs", "--db", not_sqlite],
                 ["docs", "--db", empty], ["docs", "--db", "/dev/null"],
                 ["ingest", folder / "page.html", "--db", ":memory:"],
                 ["ingest", folder / "page.html", "--db", tmp_path / "no" / "x.db"],
                 ["ingest", folder / "page.html", "--db", db, "--workers", "100000"],
                 ["extract", folder / "page.html", "-o", "/dev/full"], ["extract", folder / "page.html", "-o",
                                                                         tmp_path / "out"],
                 ["docs", "--db", db, "--limit", "x"],
                 ["eval", "plover", folder / "photo.jpg.txt"], ["eval", "plover", folder / "broken.jsonl"],
                 ["eval", "seed", folder], ["entity", "\u202e", "--db", db],
                 ["report-events", "--db", db, "--entity", ""], ["docs", "--db", db, "--outlet", " "]):
        result = run(*args)
        _no_traceback(result)
        # refused, with a code (CG001 would be a bug) or as a usage error that names the option
        assert result.returncode != 0 and "CG001" not in result.stderr, (args, result.stderr)
        assert "[CG" in result.stderr or "Invalid value" in result.stderr, (args, result.stderr)


@pytest.mark.parametrize("limit", [0, 1, 2])
def test_a_limit_shows_that_many_events_and_still_counts_every_match(demo_db, limit):
    from claimgraph import api

    listed = api.events(demo_db, limit=limit)
    assert len(listed.events) == limit and listed.matched > limit
    assert len(api.disputes(demo_db, limit=limit).events) <= limit


def _file_size_limit(size: int):
    def limit():  # in the child: writing past ``size`` bytes fails with EFBIG (the signal that would kill it, ignored)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
    return limit


@pytest.mark.parametrize("fmt", ["parquet", "events-csv", "graphml"])
def test_an_export_that_cannot_be_written_is_a_cg600_and_leaves_its_path(demo_db, tmp_path, fmt):
    """pyarrow deletes the path it was given when writing fails: as root, that removed /dev/full itself."""
    target, db = tmp_path / f"out.{fmt}", tmp_path / "copy.db"
    target.write_text("an earlier export")
    source = sqlite3.connect(demo_db)
    source.backup(copy := sqlite3.connect(db))
    copy.execute("PRAGMA journal_mode = DELETE")  # no -shm file for the reader to write under the limit
    copy.close(), source.close()
    result = subprocess.run([*CLAIMGRAPH, "export", "--format", fmt, "-o", str(target), "--db", str(db)],
                            capture_output=True, text=True, timeout=600, preexec_fn=_file_size_limit(200))
    _no_traceback(result)
    assert result.returncode == 1 and "[CG600]" in result.stderr, result.stderr
    assert target.exists()


def test_a_closed_stdout_is_a_coded_error(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a", "date": "2022-12-22", "text": "Russia attacked Kyiv."}) + "\n")
    command = " ".join([*CLAIMGRAPH, "extract", str(feed)])
    result = subprocess.run(["sh", "-c", command + " >&-"], capture_output=True, text=True, timeout=600)
    _no_traceback(result)
    assert result.returncode == 1 and "[CG600]" in result.stderr and "standard output is closed" in result.stderr


def test_a_closed_stdin_is_named_not_a_crash(tmp_path):
    command = " ".join([*CLAIMGRAPH, "ingest", "-", "--db", str(tmp_path / "x.db")])
    result = subprocess.run(["sh", "-c", command + " <&-"], capture_output=True, text=True, timeout=600)
    _no_traceback(result)
    assert "<stdin>" in result.stderr and "CG108" in result.stderr


# --- crash safety ----------------------------------------------------------------------------------

REPORT = ("North Korea sent {n} rockets to the Wagner Group in Russia, John Kirby said on Thursday. Pyongyang denied "
          "it on Friday. Ukraine said Russian forces attacked Soledar for the {n}th day.")


def _stored(db: Path) -> int:
    try:
        return sqlite3.connect(db, timeout=1).execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.mark.parametrize("kills", [1])
def test_an_ingest_killed_mid_run_then_run_again_equals_one_never_interrupted(tmp_path, kills):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"id": f"r{n}", "date": f"2022-12-{n % 28 + 1:02d}",
                                        "text": REPORT.format(n=n)}) + "\n" for n in range(60)))
    whole, killed = tmp_path / "whole.db", tmp_path / "killed.db"
    assert run("ingest", feed, "--db", whole).returncode == 0
    process = subprocess.Popen([*CLAIMGRAPH, "ingest", str(feed), "--db", str(killed)], stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while _stored(killed) < 10 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 0 < _stored(killed) < 60, "the run was not killed midway"
    again = run("ingest", feed, "--db", killed)
    assert again.returncode == 0
    assert database_content(killed) == database_content(whole)
    assert sqlite3.connect(killed).execute("PRAGMA integrity_check").fetchone() == ("ok",)
