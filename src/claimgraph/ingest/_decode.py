"""Bytes to text, strictly: UTF-8 (with or without BOM), or UTF-16/32 with a BOM.

Nothing is guessed. A byte that does not decode is an ``EncodingError`` that names
the file, the line and the byte offset, so the user can fix or convert the file;
silently reading cp1252 as if it were UTF-8 would corrupt names and offsets.
"""

from __future__ import annotations

import codecs
import re

from claimgraph.errors import BinaryInput, EncodingError

HEAD_BYTES = 8192  # how much of a file is looked at to sniff its format and encoding

# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_LINE_BREAK = re.compile(r"\r\n?|\n")
_CRLF_OR_CR = re.compile(r"\r\n?")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # what surrogateescape makes of an undecodable byte
_NON_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffd]")
_MOSTLY = 0.3  # share of non-text characters above which a head is called binary

CONVERT_HINT = "save it as UTF-8 (for example: iconv -f cp1252 -t utf-8 FILE > FILE.utf8)"


def sniff_codec(head: bytes) -> tuple[str, int]:
    """The codec to read with and the length of the byte-order mark to skip."""
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec, len(bom)
    return "utf-8", 0


def head_text(head: bytes) -> str:
    """The head decoded leniently, for sniffing only (never stored)."""
    codec, bom = sniff_codec(head)
    decoder = codecs.getincrementaldecoder(codec)(errors="replace")
    return decoder.decode(head[bom:], final=len(head) < HEAD_BYTES)


def check_not_binary(head: bytes, where: str, *, lines: bool = False) -> None:
    """Refuse images, archives and the like before trying to read them as text. With ``lines`` (JSONL, CSV) one
    NUL is the fault of its line only, so only a head of mostly non-text bytes refuses the file."""
    codec, _ = sniff_codec(head)
    if codec == "utf-8" and b"\x00" in head and not lines:
        raise BinaryInput(
            "contains NUL bytes, so it looks binary, not a text report "
            "(UTF-16 text needs a byte-order mark; or save it as UTF-8)",
            where=where,
        )
    sample = head_text(head)
    if sample and len(_NON_TEXT.findall(sample)) > _MOSTLY * len(sample):
        raise BinaryInput("is mostly non-text bytes: give a UTF-8 text, JSONL, CSV or HTML file", where=where)


def decode_document(data: bytes, where: str) -> str:
    """Decode a whole file; raise ``EncodingError`` at the first bad byte."""
    codec, bom = sniff_codec(data)
    if codec == "utf-8":
        if b"\x00" in data:
            raise BinaryInput("contains NUL bytes: this is not a text report", where=where)
        text = data[bom:].decode("utf-8", errors="surrogateescape")
        bad = _ESCAPED_BYTE.search(text)
        if bad:
            offset = bom + len(text[: bad.start()].encode("utf-8", errors="surrogateescape"))
            raise encoding_error(where, offset, line_of(text, bad.start()), "utf-8")
        return text
    try:
        return data[bom:].decode(codec)
    except UnicodeDecodeError as err:
        prefix = data[bom : bom + err.start].decode(codec, errors="replace")
        raise encoding_error(where, bom + err.start, line_of(prefix, len(prefix)), codec) from None


def decode_declared(data: bytes, codec: str, where: str) -> str:
    """Decode with an encoding the file itself declares (an HTML meta charset)."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        prefix = data[: err.start].decode(codec, errors="replace")
        raise encoding_error(where, err.start, line_of(prefix, len(prefix)), codec) from None
    except UnicodeError as err:  # a codec that fails without saying where
        raise EncodingError(f"is not readable as {codec}, the encoding it declares ({err})", where=where) from None


def encoding_error(where: str, offset: int, line: int, codec: str) -> EncodingError:
    return EncodingError(
        f"byte {offset} (line {line}) is not valid {codec.upper()}: {CONVERT_HINT}",
        where=f"{where}:{line}",
    )


def line_of(text: str, index: int) -> int:
    """1-based line of ``text[index]``, counting CRLF, CR and LF as one break each."""
    return len(_LINE_BREAK.findall(text, 0, index)) + 1


def _mark_bad_bytes(err: UnicodeError) -> tuple[str, int]:
    """Like surrogateescape, for any codec: each bad byte becomes one lone surrogate."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    return "\udcff" * max(1, err.end - err.start), err.end


_MARK_BAD_BYTES = "claimgraph-mark-bad-bytes"
codecs.register_error(_MARK_BAD_BYTES, _mark_bad_bytes)


def decode_errors(codec: str) -> str:
    """Error handler that keeps decoding past a bad byte, leaving a mark to find it by."""
    return "surrogateescape" if codec == "utf-8" else _MARK_BAD_BYTES


def byte_length(text: str, codec: str) -> int:
    """Bytes ``text`` took in the file (exact for UTF-8; marks count as one unit otherwise)."""
    return len(text.encode(codec, errors="surrogateescape" if codec == "utf-8" else "surrogatepass"))


def first_escaped_byte(line: str) -> int | None:
    """Index of the first undecodable byte in a surrogateescape-decoded line."""
    bad = _ESCAPED_BYTE.search(line)
    return bad.start() if bad else None


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; the only change made to any stored text."""
    return _CRLF_OR_CR.sub("\n", text)
