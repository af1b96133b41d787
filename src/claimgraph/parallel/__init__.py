"""Reading documents in several processes, or on a Dask cluster, for the one writer of an ingest.

Only the reading (parse, extraction, resolution) moves: it is most of the cost and needs no database. The results
come back in input order to the process that stores them, so a parallel run stores what a single one would.
"""

from claimgraph.parallel._cluster import analyse_on_cluster
from claimgraph.parallel._processes import analyse_in_processes, default_workers

__all__ = ["analyse_in_processes", "analyse_on_cluster", "default_workers"]
