"""A throwaway PostgreSQL server on loopback, its data in a temporary folder, for the tests and the benches.

    python tests/pgserver.py        # starts one, prints its URL, stops it on Enter (or when killed)

It runs Debian's server binaries (``apt-get install postgresql``) as the ``postgres`` user when started by root,
since PostgreSQL refuses to run as root (CI runs as root). Durability is off: the data is thrown away.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path


class Unavailable(Exception):
    """PostgreSQL cannot be started here (the message says why)."""


def _binaries() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    initdb = found[-1] if found else shutil.which("initdb")
    if not initdb:
        raise Unavailable("no PostgreSQL server binaries: apt-get install postgresql")
    return Path(initdb).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_server_user(folder: Path) -> list[str]:
    if os.geteuid() != 0:
        return []
    try:
        user = pwd.getpwnam("postgres")
    except KeyError:
        raise Unavailable("running as root and there is no postgres user to run the server as") from None
    os.chown(folder, user.pw_uid, user.pw_gid)
    return ["runuser", "-u", "postgres", "--"]


def _run(command: list[str]) -> None:
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if done.returncode:
        raise Unavailable(f"{Path(command[command.index('--') + 1 if '--' in command else 0]).name} failed: "
                          f"{(done.stderr or done.stdout).strip()[-500:]}")


@contextmanager
def running_server():
    """Yield the URL of a fresh server's ``postgres`` database (user ``claimgraph``, no password)."""
    binaries = _binaries()
    folder = Path(tempfile.mkdtemp(prefix="claimgraph-pg-"))
    data, port = folder / "data", _free_port()
    try:
        user = _as_server_user(folder)
        _run([*user, str(binaries / "initdb"), "-D", str(data), "-A", "trust", "-U", "claimgraph", "-E", "UTF8",
              "--locale=C.UTF-8"])
        _run([*user, str(binaries / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"), "-w", "-o",
              f"-p {port} -k {folder} -h 127.0.0.1 -c fsync=off -c full_page_writes=off", "start"])
        try:
            yield f"postgresql://claimgraph@127.0.0.1:{port}/postgres"
        finally:
            subprocess.run([*user, str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
                           capture_output=True, timeout=60)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def fresh_database(server_url: str, name: str) -> str:
    """Create an empty database on the server; its URL."""
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + "/" + name


if __name__ == "__main__":
    with running_server() as url:
        print(url, flush=True)
        try:
            input()
        except (EOFError, KeyboardInterrupt):
            pass
