"""Reading a gold file of any annotated set: a file of another shape is a CG500 that names it, never a crash."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from claimgraph.errors import EvaluationError

# What a gold file of the wrong shape raises while it is read: a missing key, a number where a list was, an
# offset that is not one, bytes that are not UTF-8.
SHAPE_ERRORS = (OSError, UnicodeError, ValueError, LookupError, TypeError, AttributeError)


@contextmanager
def reading_gold(where: str | Path, expected: str) -> Iterator[None]:
    """Turn a shape error raised inside into an EvaluationError: ``where`` is not ``expected``."""
    try:
        yield
    except EvaluationError:
        raise
    except SHAPE_ERRORS as exc:
        raise EvaluationError(f"is not {expected} ({type(exc).__name__}: {exc})", where=str(where)) from exc
