"""HTML pages: the main text via trafilatura, title/date/outlet from the page's metadata.

The page is parsed here first (no network, comments and processing instructions
dropped, libxml2's default depth limit kept) and stripped of every element that
holds code rather than prose, so script text can never reach a Document even when
trafilatura gives up and the plain-text fallback is used.
"""

from __future__ import annotations

import codecs
import logging
import re
from typing import Any

import lxml.etree
import lxml.html

from claimgraph.errors import EmptyInput, EncodingError, MalformedRecord
from claimgraph.model import Document

from ._datelines import date_document
from ._dates import normalise_date
from ._decode import decode_declared, decode_document, normalise_newlines, sniff_codec

_CODE_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "applet", "svg", "math")
_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article header footer blockquote pre dd dt "
    "figcaption main aside nav form".split()
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# As browsers do (WHATWG Encoding): pages labelled latin-1 or ASCII are read as windows-1252.
_LIKE_BROWSERS = {name: "cp1252" for name in ("ascii", "us-ascii", "iso-8859-1", "iso8859-1", "latin1", "latin-1")}
_LIKE_BROWSERS |= {"windows-874": "cp874", "x-mac-cyrillic": "mac-cyrillic", "windows-31j": "cp932",
                   "x-sjis": "shift_jis"}  # labels browsers know and Python does not
# The character encodings browsers read pages in (the WHATWG Encoding Standard), as Python names them; a page that
# declares another is read as UTF-8.
_WEB_CODECS = frozenset({"utf-8", "utf-16-le", "utf-16-be", "utf-16", "cp866", "koi8-r", "koi8-u", "mac-roman",
                         "mac-cyrillic", "cp874", "gbk", "gb2312", "gb18030", "big5", "big5hkscs", "euc_jp",
                         "iso2022_jp", "shift_jis", "cp932", "euc_kr", "cp949", "ascii",
                         *(f"cp{n}" for n in range(1250, 1259)), *(f"iso8859-{n}" for n in range(1, 17))})
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
_SAFE_URL = re.compile(r"https?://", re.IGNORECASE)
# Dates only from the page's markup: guessing one from its prose would invent publication dates.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def decode_html(data: bytes, where: str) -> str:
    """Decode by BOM, else as UTF-8, else by the page's own <meta charset>.

    UTF-8 is tried first even when another charset is declared, because pages
    often declare latin-1 while serving UTF-8, and valid UTF-8 is rarely an accident.
    """
    declared = _declared_codec(data[:4096])
    if sniff_codec(data)[1] or declared in (None, "utf-8"):
        return decode_document(data, where)
    try:
        return decode_document(data, where)
    except EncodingError:
        return decode_declared(data, declared, where)


def read_html_document(html: str, *, date: str | None, source: str) -> Document:
    tree = _parse(html, source)
    doc_id = _meta_id(tree)  # read before trafilatura, which rewrites the tree
    meta = _extract(tree)
    text = meta.get("text") or _plain_text(_parse(html, source))
    text = normalise_newlines(text).strip("\n")
    if not text.strip():
        raise EmptyInput("has no readable text in its HTML", where=source)
    meta_date = normalise_date(meta.get("date") or "")
    document = Document(
        text=text,
        date=meta_date,
        id=doc_id,
        title=meta.get("title") or None,
        url=_safe_url(meta.get("url")),
        outlet=meta.get("sitename") or None,
        source=source,
        date_source="html" if meta_date else None,
    )
    return date_document(document, date)  # no date in the metadata: the article's dateline, else --date


def _meta_id(tree: lxml.html.HtmlElement | None) -> str | None:
    """The page's own id, from ``<meta name="id" content="...">`` when it has one."""
    if tree is None:
        return None
    ids = [value.strip() for value in tree.xpath('//meta[@name="id"]/@content') if value.strip()]
    return ids[0] if ids else None


def _declared_codec(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    if not match:
        return None
    name = match[1].decode("ascii").lower()
    name = _LIKE_BROWSERS.get(name, name)
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None  # an unknown charset name: read as UTF-8 and let strict decoding judge
    if codec not in _WEB_CODECS:
        return None  # Python's own codecs (rot13, undefined, unicode_escape, idna) are no page's encoding
    # A meta tag readable as ASCII cannot be in UTF-16/32, whatever it claims (browsers agree).
    return "utf-8" if codec.startswith(("utf-16", "utf-32")) else codec


def _parse(html: str, source: str) -> lxml.html.HtmlElement | None:
    """The page without code elements; None when it holds no markup at all."""
    parser = lxml.html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, collect_ids=False, encoding="utf-8"
    )
    try:
        tree = lxml.html.document_fromstring(html.encode("utf-8", errors="replace"), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None  # "Document is empty" and kin: nothing to read
    if any(entry.type_name == "ERR_RESOURCE_LIMIT" for entry in parser.error_log):
        # libxml2 stops at 256 levels of nesting; keeping what came before would silently lose the rest.
        raise MalformedRecord(
            "nests its HTML elements too deeply to be read whole: save the article text as .txt instead", where=source
        )
    lxml.etree.strip_elements(tree, *_CODE_TAGS, with_tail=False)
    return tree


def _extract(tree: lxml.html.HtmlElement | None) -> dict[str, Any]:
    """Trafilatura's text and metadata; {} when it finds nothing or fails."""
    if tree is None:
        return {}
    import trafilatura  # imported here: it takes ~0.1 s and only HTML input needs it

    # Its warnings ("discarding data") are about page structure, not actionable by our users.
    logging.getLogger("trafilatura").setLevel(logging.ERROR)

    try:
        result = trafilatura.bare_extraction(
            tree, with_metadata=True, include_comments=False, date_extraction_params=_DATE_PARAMS
        )
    except Exception:  # noqa: BLE001 - hostile markup must cost one document, never the batch
        return {}
    return result.as_dict() if result is not None else {}


def _plain_text(tree: lxml.html.HtmlElement | None) -> str:
    """Every text node of the (already script-free) body, one line per block element."""
    body = tree.find("body") if tree is not None else None
    if body is None:
        return ""
    parts: list[str] = []
    for event, element in lxml.etree.iterwalk(body, events=("start", "end")):
        is_block = element.tag in _BLOCK_TAGS
        if event == "start":
            parts.append("\n" if is_block else "")
            parts.append(element.text or "")
        else:
            parts.append(("\n" if is_block else "") + (element.tail or ""))
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).splitlines())
    return "\n".join(line for line in lines if line)


def _safe_url(url: str | None) -> str | None:
    return url if url and _SAFE_URL.match(url) else None
