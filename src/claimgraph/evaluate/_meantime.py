"""Cross-document event coreference on MEANTIME (English Wikinews, four topics of 30 articles, gold per mention).

What is compared: each gold event mention that the corpus-level annotation ties to an event instance is paired
with the report-level event whose trigger overlaps it (one to one, first overlap); only paired mentions are scored.
Gold cluster: the instance. System cluster: the merged event the paired event belongs to after every article of
the topic was ingested into one fresh database, as `claimgraph ingest` merges them. The baseline, scored on the
same mentions: one cluster per gold lemma (``pred``) within a topic. Articles are dated by their dateline
(the corpus gives the date as the second line).
"""

from __future__ import annotations

import re
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from claimgraph.errors import EvaluationError
from claimgraph.evaluate._coref import coreference_scores
from claimgraph.evaluate._gold import reading_gold
from claimgraph.model import Document


@dataclass(frozen=True)
class GoldMention:
    document: str
    start: int
    end: int
    lemma: str
    instance: str


def read_article(path: Path) -> tuple[Document, list[GoldMention]]:
    """The article's text (sentences on lines, tokens spaced), its date, and its event mentions with instances."""
    with reading_gold(path, "a MEANTIME article"):
        return _article(path)


def _article(path: Path) -> tuple[Document, list[GoldMention]]:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise EvaluationError(f"cannot read the MEANTIME article: {exc}", where=str(path)) from exc
    name = root.get("doc_name") or path.stem
    text, spans, lines = _text(root)
    events = {e.get("m_id"): e.get("instance_id") for e in root.iter("EVENT") if e.get("instance_id")}
    mentions = {m.get("m_id"): m for m in root.iter("EVENT_MENTION")}
    found = []
    for link in root.iter("REFERS_TO"):
        instance = events.get(link.find("target").get("m_id")) if link.find("target") is not None else None
        for source in link.iter("source"):
            mention = mentions.get(source.get("m_id"))
            anchors = [spans[a.get("t_id")] for a in mention.iter("token_anchor")] if mention is not None else []
            if instance and anchors:
                found.append(GoldMention(name, anchors[0][0], anchors[-1][1], mention.get("pred") or "", instance))
    return Document(text, date=_date(lines[1] if len(lines) > 1 else ""), id=name, source=str(path)), found


def _text(root) -> tuple[str, dict[str, tuple[int, int]], list[str]]:
    lines: dict[str, list[tuple[str, str]]] = {}
    for token in root.iter("token"):
        lines.setdefault(token.get("sentence"), []).append((token.get("t_id"), token.text or ""))
    text, spans, plain = "", {}, []
    for sentence in lines.values():
        words = []
        for t_id, word in sentence:
            start = len(text) + sum(len(w) + 1 for w in words)
            spans[t_id] = (start, start + len(word))
            words.append(word)
        plain.append(" ".join(words))
        text += plain[-1] + "\n"
    return text, spans, plain


def _date(line: str) -> str | None:
    cleaned = re.sub(r"\s+,", ",", line.strip())
    for pattern in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y"):
        try:
            return datetime.strptime(cleaned, pattern).date().isoformat()
        except ValueError:
            continue
    return None


def evaluate_meantime(directory: str | Path, pipeline=None, on_error=lambda error: None) -> dict:
    """Per topic and overall: coreference scores of claimgraph's merged events and of the same-lemma baseline."""
    from claimgraph.resolve import analyse, build_pipeline

    folder = Path(directory) / "intra_cross-doc_annotation"
    topics = sorted(p for p in folder.glob("corpus_*") if p.is_dir()) if folder.is_dir() else []
    if not topics:
        raise EvaluationError("no corpus_* topic folders in intra_cross-doc_annotation/", where=str(directory))
    pipeline = pipeline or build_pipeline()
    gold, system, baseline, per_topic = {}, {}, {}, {}
    for topic in topics:
        articles = [read_article(p) for p in sorted(topic.glob("*.xml"))]
        paired = _paired(topic.name, articles, pipeline, analyse, on_error)
        g = {k: v[0] for k, v in paired.items()}
        s = {k: v[1] for k, v in paired.items()}
        b = {k: (topic.name, v[2]) for k, v in paired.items()}
        total = sum(len(m) for _, m in articles)
        per_topic[topic.name] = {"gold_mentions": total, "paired": round(len(g) / max(total, 1), 3),
                                 "claimgraph": coreference_scores(g, s), "same_lemma": coreference_scores(g, b)}
        gold.update(g)
        system.update(s)
        baseline.update(b)
    return {"topics": per_topic, "overall": {"claimgraph": coreference_scores(gold, system),
                                             "same_lemma": coreference_scores(gold, baseline)}}


def _paired(topic: str, articles, pipeline, analyse, on_error) -> dict[tuple, tuple[str, str, str]]:
    """(topic, document, start) -> (gold instance, merged event, gold lemma) for each paired gold mention."""
    from claimgraph.store import Store, document_key

    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "topic.db") as store:
        extractions = list(analyse((doc for doc, _ in articles), pipeline, on_error))
        for extraction in extractions:
            store.add(extraction)
        gold_of = {doc.id: mentions for doc, mentions in articles}
        paired = {}
        for extraction in extractions:
            mentions = gold_of[extraction.document.id]
            key = document_key(extraction.document.text_sha256)
            triggers = sorted((e.roles["trigger"]["start"], e.roles["trigger"]["end"], e.id)
                              for e in extraction.events if isinstance(e.roles.get("trigger"), dict))
            used = set()
            for m in mentions:
                hit = next((eid for s, e, eid in triggers if s < m.end and m.start < e and eid not in used), None)
                merged = store.merged_id_of(f"{key}/{hit}") if hit else None
                if merged:
                    used.add(hit)
                    paired[(topic, m.document, m.start)] = (m.instance, merged, m.lemma.lower())
        return paired
