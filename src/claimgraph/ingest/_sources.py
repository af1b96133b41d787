"""Where bytes come from (a file or stdin) and how they are read: whole, or line by line.

Record formats (JSONL, CSV) are read one physical line at a time so a 10k-record
file never sits in memory at once; whole-document formats are read only after
their size is known to be under the limit.
"""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass, replace
from typing import BinaryIO, TextIO

from claimgraph.errors import BinaryInput, EncodingError, TooLarge

from ._decode import CONVERT_HINT, HEAD_BYTES, byte_length, decode_errors, first_escaped_byte, sniff_codec

STDIN_NAME = "<stdin>"
_LINE_ENDS = ("\n", "\r")


@dataclass
class Source:
    """An open input: its name as given, its first bytes, and a stream from byte 0."""

    name: str
    head: bytes
    stream: BinaryIO
    size: int | None = None  # known for regular files, None for stdin


def open_file(path: str, fh: BinaryIO, size: int) -> Source:
    if not fh.seekable():  # a named pipe: read on after its head, as from stdin
        return replace(open_stdin(fh), name=path)
    head = fh.read(HEAD_BYTES)
    fh.seek(0)
    return Source(name=path, head=head, stream=fh, size=size)


def open_stdin(stdin: TextIO | BinaryIO | None) -> Source:
    stream = stdin if stdin is not None else sys.stdin
    if stream is None:
        raise OSError("there is no standard input")
    binary = _as_binary(stream)
    head = binary.read(HEAD_BYTES) or b""
    stream = io.BufferedReader(_HeadThenRest(head, binary))
    return Source(name=STDIN_NAME, head=head, stream=stream)


def read_whole(source: Source, max_bytes: int) -> bytes:
    """All bytes of a one-document source, refusing (before reading) what is too big."""
    if source.size is not None and source.size > max_bytes:
        raise _too_large(source.name, f"is {source.size:,} bytes", max_bytes, "split it into smaller files")
    data = source.stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _too_large(source.name, "is too large", max_bytes, "split it into smaller files")
    return data


def _too_large(where: str, what: str, limit: int, advice: str) -> TooLarge:
    return TooLarge(f"{what}, over the {limit:,}-byte limit: {advice}", where=where)


class LineReader:
    """Physical lines (CR, LF or CRLF kept at the end) of a text source, one at a time.

    A line that cannot be used raises an ``InputError`` naming it, and the next call
    goes on with the following line, so one bad record never ends a batch.
    """

    def __init__(self, source: Source, max_bytes: int) -> None:
        self.name = source.name
        self.lineno = 0
        self._codec, bom = sniff_codec(source.head)
        source.stream.read(bom)
        self._offset = bom
        self._max_bytes = max_bytes
        self._text = io.TextIOWrapper(
            source.stream, encoding=self._codec, errors=decode_errors(self._codec), newline=""
        )

    def __iter__(self) -> LineReader:
        return self

    def __next__(self) -> str:
        line = self._text.readline(self._max_bytes + 1)
        if not line:
            raise StopIteration
        self.lineno += 1
        start = self._offset
        self._offset += byte_length(line, self._codec)
        self._check(line, start)
        return line

    def _check(self, line: str, start: int) -> None:
        where = f"{self.name}:{self.lineno}"
        if self._offset - start > self._max_bytes:
            self._skip_rest_of_line(line)
            raise _too_large(where, "this record is too long", self._max_bytes, "shorten it")
        bad = first_escaped_byte(line)
        if bad is not None:
            offset = start + byte_length(line[:bad], self._codec)
            raise EncodingError(f"byte {offset} is not valid {self._codec.upper()}: {CONVERT_HINT}", where=where)
        if "\x00" in line:
            raise BinaryInput("contains a NUL byte: this line is not text", where=where)

    def _skip_rest_of_line(self, line: str) -> None:
        while line and not line.endswith(_LINE_ENDS):
            line = self._text.readline(HEAD_BYTES)
            self._offset += byte_length(line, self._codec)


def _as_binary(stream: TextIO | BinaryIO) -> BinaryIO:
    if not isinstance(stream.read(0), str):
        return stream  # type: ignore[return-value]
    buffer = getattr(stream, "buffer", None)
    return buffer if buffer is not None else io.BufferedReader(_TextAsBytes(stream))  # type: ignore[arg-type]


class _HeadThenRest(io.RawIOBase):
    """A stream that replays the sniffed head of a pipe before reading on."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        data = self._take(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def _take(self, size: int) -> bytes:
        if self._head:
            data, self._head = self._head[:size], self._head[size:]
            return data
        return self._rest.read(size) or b""


class _TextAsBytes(io.RawIOBase):
    """UTF-8 bytes of a text stream (a StringIO standing in for stdin)."""

    def __init__(self, text: TextIO) -> None:
        self._text = text
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        if not self._pending:
            self._pending = self._text.read(HEAD_BYTES).encode("utf-8", errors="surrogatepass")
        data, self._pending = self._pending[: len(buffer)], self._pending[len(buffer) :]
        buffer[: len(data)] = data
        return len(data)
