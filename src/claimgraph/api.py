"""The Python API: one function per CLI command. The CLI and the web layer are thin shells over it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from claimgraph import resolve
from claimgraph.errors import ClaimgraphError, DocumentNotStored, InputError, StoreError, WorkerFailed
from claimgraph.model import Document, Extraction
from claimgraph.query import (
    EntityDetail,
    EventList,
    EventQuery,
    MergedEvent,
    Network,
    SearchResult,
    entity_detail,
    entity_id_of,
    find_document,
    judge_entities,
    list_documents,
    list_entities,
    list_events,
    merged_event_detail,
    merged_events,
)
from claimgraph.query import network as event_network
from claimgraph.query import search as search_store
from claimgraph.query import timeline as entity_timeline
from claimgraph.store import DEFAULT_DB, EntitySummary, Judgement, Store, StoredDocument, StoredEvent

__all__ = ["IngestReport", "count_set_aside", "disputes", "docs", "document", "documents", "entities", "entity",
           "event", "events", "extract", "ingest", "judge", "judgements", "network", "report_events", "search",
           "set_aside_summary", "texts", "timeline"]

ErrorHandler = Callable[[ClaimgraphError], None]


@dataclass
class IngestReport:
    """What one ingest run did: the summary printed at its end."""

    read: int = 0
    stored: int = 0
    unchanged: int = 0
    skipped: list[ClaimgraphError] = field(default_factory=list)
    set_aside: dict[str, int] = field(default_factory=dict)  # language -> documents stored without being read

    def summary(self) -> str:
        reasons = {}
        for error in self.skipped:
            reasons[error.code] = reasons.get(error.code, 0) + 1
        why = ", ".join(f"{n} {code}" for code, n in sorted(reasons.items()))
        skipped = f"{len(self.skipped)} skipped" + (f" ({why})" if why else "")
        return f"{self.read} read, {self.stored} stored, {self.unchanged} unchanged, {skipped}, " + set_aside_summary(
            self.set_aside
        )


def set_aside_summary(by_language: dict[str, int]) -> str:
    """How many reports were set aside for their language, e.g. "1 set aside for language (1 it)"."""
    languages = ", ".join(f"{n} {code}" for code, n in sorted(by_language.items()))
    return f"{sum(by_language.values())} set aside for language" + (f" ({languages})" if languages else "")


def count_set_aside(extraction: Extraction, by_language: dict[str, int]) -> None:
    language = extraction.set_aside_for
    if language is not None:
        by_language[language] = by_language.get(language, 0) + 1


def _documents(items: Iterable[Document | InputError], on_error: ErrorHandler) -> Iterator[Document]:
    for item in items:
        if isinstance(item, InputError):
            on_error(item)
        else:
            yield item


def _read_paths(paths, **options):
    from claimgraph.ingest import read_paths  # deferred: the readers (lxml, language tables) only serve ingest

    return read_paths(paths, **options)


def extract(paths: Iterable[str | Path], *, date: str | None = None, fmt: str | None = None, stdin=None,
            on_error: ErrorHandler = lambda error: None, pipeline=None,
            require_date: bool = False) -> Iterator[Extraction]:
    """Read files and yield one extraction per document, in input order; bad input goes to ``on_error``.

    Undated reports are read too, unless ``require_date`` (then one without a full day is a CG105 skip).
    A report not in English comes back with empty layers: ``extraction.set_aside_for`` names its language.
    """
    documents = _documents(_read_paths(paths, date=date, fmt=fmt, stdin=stdin, require_date=require_date), on_error)
    yield from resolve.analyse(documents, pipeline, on_error)


def ingest(paths: Iterable[str | Path], *, db: str | Path = DEFAULT_DB, date: str | None = None,
           fmt: str | None = None, stdin=None, on_error: ErrorHandler = lambda error: None,
           on_document: Callable[[Document], None] = lambda document: None, pipeline=None,
           require_date: bool = False, workers: int = 1, scheduler: str | None = None) -> IngestReport:
    """Read files into the database. Documents already stored (same text) are not read again.

    ``require_date`` skips (CG105) reports without a full-day date; otherwise they are stored undated
    or with the month or year they give. Reports not in English are stored with their language only.
    ``workers`` > 1 reads in that many processes, ``scheduler`` (tcp://host:port) on a Dask cluster; either way
    this process alone writes, in input order, so the database is the one a single process would make.
    """
    report = IngestReport()

    def record_error(error: ClaimgraphError) -> None:
        report.skipped.append(error)
        on_error(error)

    with Store(db) as store:
        def new_documents():
            items = _read_paths(paths, date=date, fmt=fmt, stdin=stdin, require_date=require_date)
            for document in _documents(items, record_error):
                report.read += 1
                on_document(document)
                if store.has_text(document.text_sha256):
                    report.unchanged += 1
                else:
                    yield document

        try:
            for extraction in _reader(pipeline, workers, scheduler)(new_documents(), record_error):
                _store_one(store, extraction, report, record_error)
            store.merge_pending()  # reports stored by an older version, or before an interruption
        except (StoreError, WorkerFailed) as error:
            error.report = report  # what was done before the abort: the CLI prints it
            raise
    return report


def _reader(pipeline, workers: int, scheduler: str | None) -> Callable[..., Iterator[Extraction]]:
    """How documents are read: on a cluster, in worker processes, or here (with ``pipeline`` if one is given)."""
    if scheduler:
        from claimgraph.parallel import analyse_on_cluster  # deferred: Dask loads only for --scheduler

        return lambda documents, on_error: analyse_on_cluster(documents, scheduler, on_error)
    if pipeline is None and workers > 1:
        from claimgraph.parallel import analyse_in_processes

        return lambda documents, on_error: analyse_in_processes(documents, workers, on_error)
    return lambda documents, on_error: _read_here(documents, pipeline, on_error)


def _read_here(documents: Iterable[Document], pipeline, on_error: ErrorHandler) -> Iterator[Extraction]:
    """Read in this process. Nothing new to read (an unchanged corpus ingested again) never loads the model."""
    documents = iter(documents)
    first = next(documents, None)
    if first is not None:
        yield from resolve.analyse(chain([first], documents), pipeline or resolve.build_pipeline(), on_error)


def _store_one(store: Store, extraction: Extraction, report: IngestReport, record_error: ErrorHandler) -> None:
    try:
        stored = store.add(extraction)
    except DocumentNotStored as error:
        record_error(error)
        return
    if stored:
        report.stored += 1
        count_set_aside(extraction, report.set_aside)
    else:
        report.unchanged += 1  # the same text appeared twice in this batch


def entities(db: str | Path = DEFAULT_DB, *, type: str | None = None, limit: int | None = None) -> list[EntitySummary]:
    with Store(db, readonly=True) as store:
        return list_entities(store, type=type, limit=limit)


def entity(name: str, db: str | Path = DEFAULT_DB, *, limit: int | None = 20) -> EntityDetail:
    """One entity: counts of all, and its ``limit`` latest documents and first events (None: every one)."""
    with Store(db, readonly=True) as store:
        return entity_detail(store, name, limit)


def judge(kind: str, name: str, other: str, db: str | Path = DEFAULT_DB, *, decided_by: str = "user",
          reason: str | None = None) -> Judgement:
    """`claimgraph entity merge` ("same") and `split` ("different"): a reversible judgement, stored apart from the
    facts; the events of both entities are merged again."""
    with Store(db) as store:
        return judge_entities(store, kind, name, other, decided_by, reason)


def judgements(db: str | Path = DEFAULT_DB) -> list[Judgement]:
    with Store(db, readonly=True) as store:
        return store.judgements()


def docs(db: str | Path = DEFAULT_DB, *, limit: int | None = None, outlet: str | None = None) -> list[StoredDocument]:
    with Store(db, readonly=True) as store:
        return list_documents(store, limit=limit, outlet=outlet)


def report_events(db: str | Path = DEFAULT_DB, **filters) -> list[StoredEvent]:
    """Report-level events, one per report that tells them; filters: type, status, entity, since, until, limit,
    disputed."""
    with Store(db, readonly=True) as store:
        return list_events(store, **filters)


def events(db: str | Path = DEFAULT_DB, *, actor: str | None = None, recipient: str | None = None,
           entity: str | None = None, **filters) -> EventList:
    """Events across reports, each with every claim about it; filters: type, status, actor, recipient, entity
    (names, aliases or ids), since, until, min_sources, disputed, as_of, limit."""
    with Store(db, readonly=True) as store:
        ids = {role: entity_id_of(store, name) for role, name in
               (("actor", actor), ("recipient", recipient), ("entity", entity))}
        return merged_events(store, EventQuery(**ids, **filters))


def event(event_id: str, db: str | Path = DEFAULT_DB, *, as_of: str | None = None) -> MergedEvent:
    """One event across reports, by its id or the key of one of its report-level events."""
    with Store(db, readonly=True) as store:
        return merged_event_detail(store, event_id, as_of)


def timeline(name: str, db: str | Path = DEFAULT_DB, *, as_of: str | None = None) -> EventList:
    with Store(db, readonly=True) as store:
        return entity_timeline(store, entity_id_of(store, name), as_of)


def disputes(db: str | Path = DEFAULT_DB, *, as_of: str | None = None, limit: int | None = None) -> EventList:
    """Events one claim says happened and another denies."""
    return events(db, disputed=True, as_of=as_of, limit=limit)


def network(db: str | Path = DEFAULT_DB, *, max_edges: int | None = None, **filters) -> Network:
    """Who is tied to whom through the events `events` would list with these filters (limit: how many events)."""
    listed = events(db, **filters)
    return event_network(listed.events, listed.as_of, max_edges)


def search(words: str, db: str | Path = DEFAULT_DB, *, limit: int = 20, as_of: str | None = None) -> SearchResult:
    """Entities, events and reports that a few words find."""
    with Store(db, readonly=True) as store:
        return search_store(store, words, limit, as_of)


def document(document_id: str, db: str | Path = DEFAULT_DB) -> tuple[StoredDocument, str]:
    """One stored report and its text, by its stored id or the id given at ingest."""
    with Store(db, readonly=True) as store:
        return find_document(store, document_id)


def texts(document_ids: Iterable[str], db: str | Path = DEFAULT_DB) -> dict[str, str]:
    """The stored text of each of these documents (by stored id), read in one go."""
    with Store(db, readonly=True) as store:
        return {i: store.document_text(i) for i in dict.fromkeys(document_ids)}


def documents(document_ids: Iterable[str], db: str | Path = DEFAULT_DB) -> dict[str, StoredDocument]:
    """The stored documents of these ids (stored ids), read in one go."""
    with Store(db, readonly=True) as store:
        return store.documents_by_id(list(dict.fromkeys(document_ids)))
