"""Reading documents in several processes, or on a Dask cluster, for the one writer of an ingest.

Only the reading (parse, extraction, resolution) moves: it is most of the cost and needs no database. The results
come back in input order to the process that stores them, so a parallel run stores what a single one would.
"""

from __future__ import annotations

import os
from importlib import import_module

__all__ = ["analyse_in_processes", "analyse_on_cluster", "default_workers"]

# Loaded on first use (PEP 562): every CLI command asks for the default of --workers, and importing the process
# pool (multiprocessing, concurrent.futures) would add about 40 ms to each one's start.
_LAZY = {"analyse_in_processes": "claimgraph.parallel._processes", "analyse_on_cluster": "claimgraph.parallel._cluster"}


def default_workers() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
