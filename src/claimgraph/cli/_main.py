"""Command definitions. Each command parses options, calls one function of ``claimgraph.api``, prints."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from claimgraph import __version__, api
from claimgraph.cli import _render
from claimgraph.cli._errors import ClaimgraphGroup, run
from claimgraph.cli._options import (
    COUNT,
    NAME,
    OutputFile,
    date_option,
    db_option,
    format_option,
    json_option,
    require_date_option,
)
from claimgraph.cli._progress import Progress
from claimgraph.errors import StoreError, WorkerFailed
from claimgraph.parallel import default_workers


@click.group(cls=ClaimgraphGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimgraph")
def cli():
    """claimgraph: dated news reports in, a sourced, time-aware record of who did what to whom out.

    \b
    Quick start:
      claimgraph ingest examples/corpus      # read reports into claimgraph.db
      claimgraph entities                    # who is in them
      claimgraph entity "North Korea"        # one entity: aliases, documents, times
    """


def _stdin():
    """Standard input as bytes, or None when the process has none (started with stdin closed)."""
    return sys.stdin.buffer if sys.stdin is not None else None


def _report_error(error) -> None:
    click.echo(f"skipped {error}", err=True)


@cli.command()
@click.argument("files", nargs=-1, required=True)
@date_option
@require_date_option
@format_option
@click.option("--format", "out_format", type=click.Choice(["jsonl"]), default="jsonl", show_default=True,
              help="Output format: one JSON object per document.")
@click.option("-o", "--output", type=OutputFile("w", encoding="utf-8", lazy=False), default="-",
              help="Write here (default stdout).")
def extract(files, date, require_date, fmt, out_format, output):
    """Read FILES and print what was found, without storing it.

    FILES may be seed-format or .txt files, .jsonl, .csv, .html, directories (read recursively) or - for stdin.
    Output follows the JSON Schema in src/claimgraph/export/extraction.schema.json.

    \b
    Examples:
      claimgraph extract report.txt --date 2022-12-22
      claimgraph extract examples/corpus/reports.jsonl -o out.jsonl
      cat report.html | claimgraph extract - --date 2022-12-22
      claimgraph extract feed.jsonl --require-date
    """
    from claimgraph.export import write_jsonl

    errors = []
    set_aside: dict[str, int] = {}
    with Progress(files) as progress:
        def on_error(error):
            errors.append(error)
            progress.wrap(_report_error)(error)

        def shown(extractions):
            for extraction in extractions:
                progress.advance(extraction.document)
                api.count_set_aside(extraction, set_aside)
                yield extraction

        found = api.extract(files, date=date, fmt=fmt, stdin=_stdin(), on_error=on_error,
                            require_date=require_date)
        written = write_jsonl(shown(found), output)
        output.flush()  # here, where a full disk is a CG600: click closes the file later, and says nothing of it
    click.echo(f"{written} extracted, {len(errors)} skipped, {api.set_aside_summary(set_aside)}", err=True)
    if written == 0 and errors:
        sys.exit(1)


@cli.command()
@click.argument("files", nargs=-1, required=True)
@db_option
@date_option
@require_date_option
@format_option
# Each reading process loads the language model (hundreds of MB): a mistyped count would start thousands.
@click.option("--workers", type=click.IntRange(min=1, max=256), default=default_workers,
              show_default="the machine's cores",
              help="Read documents in this many processes (this one alone writes). 1: all in this process.")
@click.option("--scheduler", metavar="tcp://HOST:PORT",
              help="Read documents on this Dask cluster's workers instead (they need claimgraph installed).")
def ingest(files, db, date, require_date, fmt, workers, scheduler):
    """Read FILES into the database. Re-ingesting the same text adds nothing.

    Each document is stored in one transaction with its text; a bad file or line is reported with its
    location and the rest of the batch goes on. The run ends with a summary; the exit status is non-zero
    only when nothing could be read.

    \b
    Examples:
      claimgraph ingest examples/corpus
      claimgraph ingest feed.jsonl --db news.db
      claimgraph ingest notes.txt --date 2023-01-20
      claimgraph ingest feed.jsonl --require-date
      claimgraph ingest archive/ --workers 4
      claimgraph ingest archive/ --scheduler tcp://10.0.0.5:8786
    """
    try:
        with Progress(files) as progress:
            report = api.ingest(files, db=db, date=date, fmt=fmt, stdin=_stdin(), require_date=require_date,
                                on_error=progress.wrap(_report_error), on_document=progress.advance,
                                workers=workers, scheduler=scheduler)
    except (StoreError, WorkerFailed) as error:
        if error.report is not None:  # aborted midway: say what was done before
            click.echo(error.report.summary() + f"  -> {db} (stopped)", err=True)
        raise
    click.echo(report.summary() + f"  -> {db}", err=True)
    if report.read == 0 and report.skipped:
        sys.exit(1)


@cli.command()
@db_option
@json_option
@click.option("--type", "type_", type=NAME, help="Only this entity type (PERSON, ORG, GPE, LOC, NORP...).")
@click.option("--limit", type=COUNT, help="At most this many rows.")
def entities(db, as_json, type_, limit):
    """List canonical entities with their mention and document counts.

    \b
    Examples:
      claimgraph entities
      claimgraph entities --type PERSON --limit 10
      claimgraph entities --json
    """
    rows = api.entities(db, type=type_, limit=limit)
    if as_json:
        click.echo(_render.to_json(rows))
        return
    click.echo(_render.table(["name", "type", "wikidata", "mentions", "documents"],
                             [[e.name, e.type, e.wikidata, e.mentions, e.documents] for e in rows]))


class _EntityCommands(click.Group):
    """`claimgraph entity NAME` shows one entity; `claimgraph entity merge|split|judgements ...` judge them."""

    def parse_args(self, ctx, args):
        if args and not any(arg in self.commands for arg in args) and args[0] not in ("-h", "--help"):
            args = ["show", *args]
        return super().parse_args(ctx, args)


@cli.group(cls=_EntityCommands)
def entity():
    """One entity (`claimgraph entity NAME`), and judgements that two are or are not the same.

    \b
    Examples:
      claimgraph entity "North Korea"
      claimgraph entity merge "Wagner Group" "PMC Wagner Centre" --reason "same company"
      claimgraph entity split "Wagner Group" "PMC Wagner Centre"
    """


@entity.command(name="show")
@click.argument("name")
@db_option
@json_option
@click.option("--limit", type=click.IntRange(min=1, max=COUNT.max), default=20, show_default=True,
              help="Show this many of its latest documents and first events (the counts cover all).")
@click.option("--all", "show_all", is_flag=True, help="Show every document and event (slow for a big entity).")
def entity_show(name, db, as_json, limit, show_all):
    """Show one entity by canonical name, alias or id: aliases, documents, nearby times, events, judgements.

    \b
    Examples:
      claimgraph entity "North Korea"
      claimgraph entity Pyongyang          # an alias finds its entity
      claimgraph entity show Q423 --json --all
    """
    detail = api.entity(name, db, limit=None if show_all else limit)
    click.echo(_render.to_json(detail) if as_json else _render.entity_detail(detail))


def _judge(kind: str, name: str, other: str, db, by: str, reason: str | None, as_json: bool) -> None:
    judgement = api.judge(kind, name, other, db, decided_by=by, reason=reason)
    click.echo(_render.to_json(judgement) if as_json else _render.judgement_line(judgement))


by_option = click.option("--by", "by", default=lambda: os.environ.get("USER") or "user", show_default="$USER",
                         help="Who decides (kept with the judgement).")
reason_option = click.option("--reason", help="Why (kept with the judgement).")


def judgement_options(command):
    """NAME OTHER and the options of a judgement (`entity merge`, `entity split`)."""
    for option in (reason_option, by_option, json_option, db_option, click.argument("other"), click.argument("name")):
        command = option(command)
    return command


@entity.command(name="merge")
@judgement_options
def entity_merge(name, other, db, as_json, by, reason):
    """Judge OTHER to be the same entity as NAME: every view then shows NAME, and events are merged again.

    The facts keep the ids the reading gave; `claimgraph entity split NAME OTHER` takes the judgement back.

    \b
    Examples:
      claimgraph entity merge "Wagner Group" "PMC Wagner Centre" --reason "one company"
    """
    _judge("same", name, other, db, by, reason, as_json)


@entity.command(name="split")
@judgement_options
def entity_split(name, other, db, as_json, by, reason):
    """Judge NAME and OTHER to be different entities, withdrawing any merge of them; events are merged again.

    \b
    Examples:
      claimgraph entity split "Wagner Group" "PMC Wagner Centre" --reason "a different firm"
    """
    _judge("different", name, other, db, by, reason, as_json)


@entity.command(name="judgements")
@db_option
@json_option
def entity_judgements(db, as_json):
    """List every merge and split judgement, withdrawn ones included.

    \b
    Examples:
      claimgraph entity judgements --json
    """
    rows = api.judgements(db)
    click.echo(_render.to_json(rows) if as_json else "\n".join(_render.judgement_line(j) for j in rows) or "none")


@cli.command()
@db_option
@json_option
@click.option("--limit", type=COUNT, help="At most this many documents.")
@click.option("--outlet", type=NAME, help="Only documents from this outlet.")
def docs(db, as_json, limit, outlet):
    """List stored documents by date.

    \b
    Examples:
      claimgraph docs
      claimgraph docs --outlet "Meridian Wire" --json
    """
    rows = api.docs(db, limit=limit, outlet=outlet)
    if as_json:
        click.echo(_render.to_json(rows))
        return
    click.echo(_render.table(["date", "lang", "id", "input id", "outlet", "entities", "title (or source)"],
                             [[d.date or "undated", d.language, d.id, d.external_id, d.outlet, d.entities,
                               _render.title_or_source(d)] for d in rows]))


def _echo_scores(scores: dict, as_json: bool) -> None:
    click.echo(_render.to_json(scores) if as_json else _render.scores(scores))


@cli.group(name="eval")
def eval_group():
    """Score claimgraph against annotated data (see docs/EVALUATION.md)."""


@eval_group.command(name="timex")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@json_option
def eval_timex(directory, as_json):
    """Score time expressions on TimeML (.tml) files, TempEval-3 style.

    \b
    Examples:
      claimgraph eval timex ../shared/eval/dev/tempeval3_tbaq
      claimgraph eval timex ../shared/eval/dev/tempeval3_tbaq --json
    """
    from claimgraph.evaluate import evaluate_timeml

    _echo_scores(evaluate_timeml(directory), as_json)


@eval_group.command(name="plover")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--folds", type=click.IntRange(min=2), default=None,
              help="Type accuracy per held-out fold (hash split; a fixed 20% test fold kept apart), rules vs combined.")
@click.option("--classifier", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Folder of classifier weights from scripts/train_plover_classifier.py, scored beside the rules.")
@json_option
def eval_plover(path, folds, classifier, as_json):
    """Score event types and actors on PLOVER gold-standard sentences (JSONL).

    \b
    Examples:
      claimgraph eval plover ../shared/eval/dev/plover_gsr/plover_gsr_dev.jsonl
      claimgraph eval plover ../shared/eval/dev/plover_gsr/plover_gsr_dev.jsonl --json
      claimgraph eval plover ../shared/eval/dev/plover_gsr/plover_gsr_dev.jsonl --folds 5
      claimgraph eval plover ../shared/eval/dev/plover_gsr/plover_gsr_dev.jsonl --folds 5 \\
          --classifier build/plover_classifier
    """
    from claimgraph.evaluate import evaluate_plover

    _echo_scores(evaluate_plover(path, folds=folds, classifier=classifier), as_json)


@eval_group.command(name="attribution")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@json_option
def eval_attribution(directory, as_json):
    """Score speakers, cues and contents on PolNeAR (brat .ann beside .txt).

    \b
    Examples:
      claimgraph eval attribution ../shared/eval/dev/polnear/dev
      claimgraph eval attribution ../shared/eval/dev/polnear/dev --json
    """
    from claimgraph.evaluate import evaluate_attribution

    _echo_scores(evaluate_attribution(directory), as_json)


@eval_group.command(name="seed")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path),
                default="../shared/eval/dev/seed", required=False)
@json_option
def eval_seed(directory, as_json):
    """Score the reading of the seed article against its gold.json.

    \b
    Examples:
      claimgraph eval seed
      claimgraph eval seed ../shared/eval/dev/seed --json
    """
    from claimgraph.evaluate import evaluate_seed

    _echo_scores(evaluate_seed(directory), as_json)


@eval_group.command(name="news")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--all", "everything", is_flag=True, help="Score the claims of every gold event, not only core ones.")
@click.option("--dump", type=click.Path(file_okay=False, path_type=Path),
              help="Write each cluster's extract output to this folder as CLUSTER.jsonl.")
@json_option
def eval_news(directory, everything, dump, as_json):
    """Score claims (event, status, speaker) on real news clusters (NAME.gold.json beside NAME.reports.jsonl).

    \b
    Examples:
      claimgraph eval news ../shared/eval/dev/news_clusters
      claimgraph eval news ../shared/eval/dev/news_clusters --all --dump out/
    """
    from claimgraph.evaluate import evaluate_news

    _echo_scores(evaluate_news(directory, everything=everything, dump=dump, on_error=_report_error), as_json)


@eval_group.command(name="meantime")
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@json_option
def eval_meantime(directory, as_json):
    """Cross-document event coreference on MEANTIME: merged events against the gold instances, beside a
    same-lemma-within-topic baseline (MUC, B-cubed, CEAF-e, CoNLL F1).

    \b
    Examples:
      claimgraph eval meantime ../shared/eval/dev/meantime_en
    """
    from claimgraph.evaluate import evaluate_meantime

    _echo_scores(evaluate_meantime(directory, on_error=_report_error), as_json)


def main() -> None:
    run(cli)
