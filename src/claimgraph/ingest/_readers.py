"""From paths (files, directories, "-" for stdin) to Documents, one at a time.

Every failure is *yielded* as an ``InputError`` naming the file (and line), never
raised, so one bad file or record costs only itself and the batch goes on.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO

from claimgraph.errors import (
    EmptyInput,
    EncodingError,
    InputError,
    MalformedRecord,
    MissingDate,
    ReaderFailed,
    TooLarge,
    Unreadable,
    UnsupportedFormat,
)
from claimgraph.model import Document, too_large

from ._datelines import date_document
from ._dates import DATE_HINT, normalise_date, read_date
from ._decode import HEAD_BYTES, check_not_binary, decode_document, head_text, normalise_newlines
from ._html import decode_html, read_html_document
from ._language import detect_language
from ._records import read_csv, read_jsonl
from ._sources import STDIN_NAME, Source, open_file, open_stdin, read_whole

FORMATS = ("seed", "text", "jsonl", "csv", "html")
_ALIASES = {"txt": "text", "ndjson": "jsonl", "htm": "html"}
_BY_EXTENSION = {".txt": "text", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".html": "html", ".htm": "html"}
SEED_HEADER = re.compile(r" date ([0-9]{4}-[0-9]{2}-[0-9]{2}) ")
_STDIN_PATH = "-"

Item = Document | InputError


@dataclass(frozen=True)
class _Options:
    date: str | None
    fmt: str | None
    max_bytes: int
    stdin: TextIO | BinaryIO | None
    require_date: bool = False


def read_paths(
    paths: Iterable[str | Path],
    *,
    date: str | None = None,
    fmt: str | None = None,
    stdin: TextIO | BinaryIO | None = None,
    max_bytes: int = 20_000_000,
    require_date: bool = False,
) -> Iterator[Item]:
    """Yield, in input order, one Document per report or one InputError per failure.

    ``date`` is the fallback publication date for inputs that carry none and print none at the top
    of their text; ``fmt`` forces one of ``FORMATS`` for every input. A report left without a date
    is read undated, unless ``require_date``: then one without a full day is a ``MissingDate``.
    Bad arguments raise at once.
    """
    options = _Options(date=_date_argument(date), fmt=_format_argument(fmt), max_bytes=max_bytes, stdin=stdin,
                       require_date=require_date)
    if isinstance(paths, (str, Path)):  # one path, not an iterable of its characters
        paths = [paths]
    return _read_all(paths, options)


def detect_format(path: str | Path, head: bytes) -> str:
    """The format of an input from its name, or from its first bytes for stdin ("-")."""
    text = head_text(head)
    if str(path) == _STDIN_PATH:
        return _sniff_content(text)
    extension = Path(path).suffix.lower()
    fmt = _BY_EXTENSION.get(extension)
    if SEED_HEADER.match(text) and fmt in ("text", None):
        return "seed"
    if fmt is None:
        raise UnsupportedFormat(
            f"unknown file type {extension or '(no extension)'}: name it .txt, .jsonl, .ndjson, .csv, .html "
            "or .htm (a .json array should be rewritten as .jsonl, one object per line), or pass --input-format",
            where=str(path),
        )
    return fmt


def read_text_document(text: str, *, date: str | None, source: str) -> Document:
    """A seed file (` date YYYY-MM-DD ` header, then the report) or plain text dated by its dateline or ``date``.

    Only CRLF/CR are turned into LF; offsets index ``Document.text`` as stored.
    """
    text = normalise_newlines(text.removeprefix("\ufeff"))
    header = SEED_HEADER.match(text)
    body = text[header.end() :] if header else text
    doc_date = _header_date(header[1], source) if header else None
    if not body.strip():
        raise EmptyInput("is empty: there is no report text to read", where=source)
    return date_document(Document(text=body, date=doc_date, source=source), _date_argument(date))


def _read_all(paths: Iterable[str | Path], options: _Options) -> Iterator[Item]:
    for path in paths:
        if str(path) == _STDIN_PATH:
            yield from _read_stdin(options)
        elif Path(path).is_dir():
            yield from _read_directory(Path(path), options)
        else:
            yield from _read_file(str(path), options)


def _read_directory(root: Path, options: _Options) -> Iterator[Item]:
    for entry in _walk(root, seen=set()):
        if isinstance(entry, InputError):
            yield entry
        else:
            yield from _read_file(str(entry), options)


def _walk(folder: Path, seen: set[str]) -> Iterator[Path | InputError]:
    """Files under ``folder`` in sorted order, depth first, hidden names skipped; what cannot be read there
    (a dangling link, a folder without permission, a pipe or device) is named, not passed over in silence."""
    real = os.path.realpath(folder)
    if real in seen:  # a symlink loop
        return
    seen.add(real)
    try:
        entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    except OSError as err:
        yield Unreadable(f"folder cannot be listed ({err.strerror or err}): check its permissions", where=str(folder))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry, seen)
        elif entry.is_file():
            yield entry
        else:
            yield Unreadable(_not_a_file(entry), where=str(entry))


def _not_a_file(entry: Path) -> str:
    if entry.is_symlink() and not entry.exists():
        try:
            os.stat(entry)
        except OSError as err:
            if err.errno == errno.ELOOP:
                return "is a link that leads back to itself (a loop of links): fix or remove the link"
        return f"is a link to {os.readlink(entry)}, which does not exist: fix or remove the link"
    return "is not a regular file (a pipe, socket or device): pass it by name to read from it"


def _read_file(name: str, options: _Options) -> Iterator[Item]:
    try:
        with open(name, "rb") as fh:
            source = open_file(name, fh, os.fstat(fh.fileno()).st_size)
            yield from _read_source(source, name, options)
    except (OSError, ValueError) as err:  # ValueError: a NUL inside the path
        reason = getattr(err, "strerror", None) or str(err)
        yield Unreadable(f"cannot be read ({reason}): check the path and its permissions", where=name)


def _read_stdin(options: _Options) -> Iterator[Item]:
    try:
        source = open_stdin(options.stdin)
    except (OSError, ValueError) as err:  # closed or absent stdin
        yield Unreadable(f"cannot be read ({err}): pipe a report into stdin", where=STDIN_NAME)
        return
    yield from _read_source(source, _STDIN_PATH, options)


def _read_source(source: Source, path: str, options: _Options) -> Iterator[Item]:
    """The input's items; whatever its reader did not foresee ends this input only, named, and the batch goes on."""
    try:
        yield from _read_items(source, path, options)
    except UnicodeError as err:  # a codec that fails in a way the decoders do not catch
        yield EncodingError(f"cannot be decoded ({err}): save it as UTF-8", where=source.name)
    except Exception as err:  # noqa: BLE001 - one input's fault, reported with its name
        yield ReaderFailed(f"reading it failed ({type(err).__name__}: {err}); what was read from it before is kept "
                           "and the other inputs are read: please report it", where=source.name)


def _read_items(source: Source, path: str, options: _Options) -> Iterator[Item]:
    try:
        if not source.head.strip() and len(source.head) < HEAD_BYTES:  # the whole input is blank
            raise EmptyInput("is empty: there is no report to read", where=source.name)
        fmt = _format_of(source, path, options)
    except InputError as err:
        yield err
        return
    for item in _READERS[fmt](source, options):
        yield item if isinstance(item, InputError) else _finish(item, options)


def _format_of(source: Source, path: str, options: _Options) -> str:
    """The input's format, once it is known not to be binary. A NUL in the head of a JSONL or CSV file costs only
    its line (the line reader refuses it); in a one-document file it refuses the file."""
    try:
        fmt = options.fmt or detect_format(path, source.head)
    except UnsupportedFormat:
        check_not_binary(source.head, source.name)  # an image named .dat is binary first
        raise
    check_not_binary(source.head, source.name, lines=fmt in _LINE_FORMATS)
    return fmt


_LINE_FORMATS = frozenset({"jsonl", "csv"})


def _finish(document: Document, options: _Options) -> Item:
    """What every format shares once a Document is built: its length and language, and the --require-date check."""
    if why := too_large(document.text):
        return TooLarge.text(why, document.location)
    document.language = detect_language(document.text)
    if options.require_date and document.date_precision != "day":
        return _missing_date(document)
    return document


def _missing_date(document: Document) -> MissingDate:
    found = f"gives only the {document.date_precision} {document.date}" if document.date else "has no publication date"
    return MissingDate(
        f"{found} and --require-date asks for a day: add a date (YYYY-MM-DD) to the record or a seed header, "
        "pass --date YYYY-MM-DD, or drop --require-date to read it as it is",
        where=document.location,
    )


def _read_one_text(source: Source, options: _Options) -> Iterator[Item]:
    try:
        text = decode_document(read_whole(source, options.max_bytes), source.name)
        document = read_text_document(text, date=options.date, source=source.name)
        document.id = _seed_id(source.name, text)
        yield document
    except InputError as err:
        yield err


def _read_one_html(source: Source, options: _Options) -> Iterator[Item]:
    try:
        html = decode_html(read_whole(source, options.max_bytes), source.name)
        yield read_html_document(html, date=options.date, source=source.name)
    except InputError as err:
        yield err


def _read_jsonl(source: Source, options: _Options) -> Iterator[Item]:
    return read_jsonl(source, date=options.date, max_bytes=options.max_bytes)


def _read_csv(source: Source, options: _Options) -> Iterator[Item]:
    return read_csv(source, date=options.date, max_bytes=options.max_bytes)


_READERS = {
    "seed": _read_one_text,
    "text": _read_one_text,
    "html": _read_one_html,
    "jsonl": _read_jsonl,
    "csv": _read_csv,
}


def _sniff_content(text: str) -> str:
    if SEED_HEADER.match(text):
        return "seed"
    first = text.lstrip()[:1]
    return {"{": "jsonl", "<": "html"}.get(first) or ("csv" if _is_csv_header(text) else "text")


def _is_csv_header(text: str) -> bool:
    """A first line that names columns, one of them "text" ("id,date,text"): a CSV piped in, which read as one
    report of prose joined every record into one text."""
    line = text.lstrip("\ufeff").split("\n", 1)[0].strip().lower()
    columns = [cell.strip() for cell in line.split(",")]
    return len(columns) > 1 and "text" in columns and all(re.fullmatch(r"[a-z_]+", c) for c in columns)


def _seed_id(name: str, text: str) -> str | None:
    """A seed file is named after its report (``000_d1322c347d95e836.txt``): its stem is the id."""
    if name == STDIN_NAME or not SEED_HEADER.match(text.removeprefix("\ufeff")):
        return None
    return Path(name).stem


def _header_date(value: str, source: str) -> str:
    if normalise_date(value) is None:
        raise MalformedRecord(
            f"its header date {value!r} is not a real date: fix the ' date YYYY-MM-DD ' line", where=source
        )
    return value


def _date_argument(date: str | None) -> str | None:
    if date is None:
        return None
    found = read_date(date)
    if found is None:
        raise InputError(f"--date {date!r} is not a date: {DATE_HINT}")
    return found[0]


def _format_argument(fmt: str | None) -> str | None:
    if fmt is None:
        return None
    name = _ALIASES.get(fmt.lower(), fmt.lower())
    if name not in FORMATS:
        raise UnsupportedFormat(f"--input-format {fmt!r} is not one of: {', '.join(FORMATS)}")
    return name
