"""claimgraph: dated news reports in, a sourced, time-aware record of who did what to whom out."""

from claimgraph.errors import ClaimgraphError
from claimgraph.model import SCHEMA_VERSION, Document, Entity, Extraction, Quantity, Timex

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "ClaimgraphError",
    "Document",
    "Entity",
    "Extraction",
    "Quantity",
    "Timex",
    "__version__",
]
