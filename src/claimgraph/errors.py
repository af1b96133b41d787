"""One exception tree. Every error carries a stable code and says what to do.

Codes: CG0xx claimgraph itself, CG1xx reading input, CG2xx extraction/models, CG3xx storage, CG4xx queries,
CG5xx evaluation, CG6xx writing output. They are listed in docs/ERRORS.md (a test keeps the two in step).
"""

from __future__ import annotations


class ClaimgraphError(Exception):
    """Base of every error claimgraph raises on purpose."""

    code = "CG000"

    def __init__(self, message: str, *, where: str | None = None) -> None:
        self.where = where  # "file" or "file:line" when the error is about input
        self.message = message
        prefix = f"{where}: " if where else ""
        super().__init__(f"{prefix}[{self.code}] {message}")

    def __reduce__(self):
        """Pickled as its message and place, not its printed text: errors come back from worker processes."""
        return _rebuilt, (type(self), self.message, self.where), self.__dict__


def _rebuilt(cls: type[ClaimgraphError], message: str, where: str | None) -> ClaimgraphError:
    error = cls.__new__(cls)
    ClaimgraphError.__init__(error, message, where=where)
    return error


class InternalError(ClaimgraphError):
    """Something failed that claimgraph did not foresee: a bug. The message names it; no traceback is shown."""

    code = "CG001"


class InputError(ClaimgraphError):
    """A document could not be read; the batch goes on without it."""

    code = "CG100"


class EmptyInput(InputError):
    code = "CG101"


class BinaryInput(InputError):
    code = "CG102"


class EncodingError(InputError):
    code = "CG103"


class MalformedRecord(InputError):
    code = "CG104"


class MissingDate(InputError):
    code = "CG105"


class TooLarge(InputError):
    code = "CG106"

    @classmethod
    def text(cls, why: str, where: str | None) -> TooLarge:
        """A report's text over what one is read in (``model.too_large``; the readers and the pipeline alike)."""
        return cls(f"{why} a report is read in: split it into reports (one per article or section)", where=where)


class UnsupportedFormat(InputError):
    code = "CG107"


class Unreadable(InputError):
    """The path does not exist or cannot be opened."""

    code = "CG108"


class ReaderFailed(InputError):
    """Reading one input met something its reader did not foresee (a bug): that input ends there, the rest go on."""

    code = "CG109"


class ModelMissing(ClaimgraphError):
    """The pinned spaCy model is not installed."""

    code = "CG201"


class ExtractionFailed(ClaimgraphError):
    """A pipeline step failed on one document; the batch goes on without it. Please report it."""

    code = "CG202"


class WorkerFailed(ClaimgraphError):
    """A worker process died reading a document (it is skipped, the batch goes on), or so many died that the run
    stopped, or the Dask cluster failed a batch (the run stops); what was stored before is kept."""

    code = "CG203"
    report = None  # set by the ingest that stopped here


class ClusterUnreachable(ClaimgraphError):
    """No Dask scheduler answers at the address given to --scheduler."""

    code = "CG204"


class StoreError(ClaimgraphError):
    """The database could not be opened or written: the run stops (the document at fault rolled back)."""

    code = "CG300"
    report = None  # set by an ingest that stopped here: what it did before (its IngestReport)


class DocumentNotStored(ClaimgraphError):
    """Storing one document failed on its content (a bug); it was rolled back and the batch went on."""

    code = "CG301"


class NotFound(ClaimgraphError):
    """A query named something the store does not hold."""

    code = "CG401"


class EvaluationError(ClaimgraphError):
    code = "CG500"


class OutputError(ClaimgraphError):
    """The output could not be written (a full disk, a closed pipe)."""

    code = "CG600"


class InvalidQuery(ClaimgraphError):
    """A query setting is not valid: a date that is not YYYY-MM-DD, a limit out of range, an unknown parameter."""

    code = "CG402"


class WriteRefused(ClaimgraphError):
    """A write through the HTTP API without the server's token (or on a server started without one)."""

    code = "CG403"


class CannotServe(OutputError):
    """`claimgraph serve` could not listen on its address: the port is taken, or the host is not this machine's."""

    code = "CG601"
