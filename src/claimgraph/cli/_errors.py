"""How the CLI fails: one clear line on stderr with a code and exit status 1, never a traceback."""

from __future__ import annotations

import errno
import io
import os
import sys

import click

from claimgraph.errors import ClaimgraphError, InternalError, OutputError

# Errors of writing the output (a full disk, a closed pipe or file): CG600. Any other OS error names its path.
_OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EPIPE, errno.EBADF, errno.EFBIG, errno.EDQUOT, errno.EIO})


class ClaimgraphGroup(click.Group):
    """Turns every error into one clear line on stderr and exit status 1: a coded claimgraph error as it is, an
    output that cannot be written as CG600, anything else as CG001 (a bug; CLAIMGRAPH_DEBUG=1 shows the traceback)."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except ClaimgraphError as error:
            _fail(ctx, error)
        except BrokenPipeError:
            _quiet_stdout()  # the reader went away ("| head"): nothing more to say
            ctx.exit(1)
        except OSError as error:
            _fail(ctx, _os_error(error))
        except Exception as error:
            if os.environ.get("CLAIMGRAPH_DEBUG"):
                raise
            _fail(ctx, InternalError(f"unexpected {type(error).__name__}: {error}. This is a bug: please report it "
                                     "with the command you ran (CLAIMGRAPH_DEBUG=1 shows where it happened)"))


def _os_error(error: OSError) -> ClaimgraphError:
    reason = error.strerror or str(error)
    if error.errno in _OUTPUT_ERRNOS:
        return OutputError(f"cannot write the output ({reason}): check the disk and the path given to -o")
    return InternalError(f"{reason}: check the path and its permissions", where=error.filename)


def _fail(ctx, error: ClaimgraphError) -> None:
    click.echo(f"Error: {error}", err=True)
    ctx.exit(1)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    if sys.stdout is not None:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


class _ClosedOutput(io.TextIOBase):
    """Standard output when the process was started without one (``>&-``): writing to it is a CG600, as writing
    to a closed descriptor is, rather than output silently lost."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def run(cli) -> None:
    """Run the CLI; output still buffered when it ends is flushed here, where a full disk shows as CG600."""
    if sys.stdout is None:
        sys.stdout = _ClosedOutput()
    try:
        cli(prog_name="claimgraph")
    finally:
        try:
            if sys.stdout is not None:  # started with stdout closed
                sys.stdout.flush()
        except OSError as error:
            _quiet_stdout()
            if not isinstance(error, BrokenPipeError):
                click.echo(f"Error: [CG600] cannot write the output ({error.strerror or error})", err=True)
                sys.exit(1)
