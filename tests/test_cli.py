"""The command line, driven in-process with click's runner against a real SQLite file."""

import json

import pytest
from click.testing import CliRunner

from claimgraph.cli import cli
from claimgraph.export import validate

GOOD = [
    {"id": "a1", "date": "2022-12-22", "outlet": "Harbor Post", "title": "Arms",
     "text": "North Korea delivered rockets to the Wagner Group last month, John Kirby said on Thursday."},
    {"id": "a2", "date": "2022-12-23", "outlet": "Meridian Wire", "title": "Denial",
     "text": "Pyongyang called the report groundless on Friday."},
]


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def corpus(tmp_path):
    lines = [json.dumps(GOOD[0]), "{not json", json.dumps(GOOD[1])]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    return tmp_path


def _ingest(runner, corpus, db):
    return runner.invoke(cli, ["ingest", str(corpus / "feed.jsonl"), str(corpus / "empty.txt"), "--db", str(db)])


def test_help_lists_every_command(runner):
    result = runner.invoke(cli, ["--help"])
    for command in ("extract", "ingest", "entities", "entity", "docs", "eval"):
        assert f"  {command} " in result.output


def test_ingest_reports_bad_input_and_goes_on(runner, corpus, tmp_path):
    result = _ingest(runner, corpus, tmp_path / "t.db")
    assert result.exit_code == 0
    assert "feed.jsonl:2" in result.stderr and "empty.txt" in result.stderr
    assert "2 read, 2 stored, 0 unchanged, 2 skipped" in result.stderr


def test_reingest_adds_nothing(runner, corpus, tmp_path):
    _ingest(runner, corpus, tmp_path / "t.db")
    again = _ingest(runner, corpus, tmp_path / "t.db")
    assert "2 read, 0 stored, 2 unchanged" in again.stderr
    docs = json.loads(runner.invoke(cli, ["docs", "--db", str(tmp_path / "t.db"), "--json"]).stdout)
    assert sorted(d["external_id"] for d in docs) == ["a1", "a2"]


def test_nothing_readable_exits_non_zero(runner, tmp_path):
    (tmp_path / "bad.jsonl").write_text("{oops\n", encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(tmp_path / "bad.jsonl"), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 1 and "0 read" in result.stderr


def test_query_commands_answer_in_text_and_json(runner, corpus, tmp_path):
    db = str(tmp_path / "t.db")
    _ingest(runner, corpus, db)
    entities = json.loads(runner.invoke(cli, ["entities", "--db", db, "--json"]).stdout)
    korea = next(e for e in entities if e["name"] == "North Korea")
    assert korea["documents"] == 2 and korea["wikidata"] == "Q423"
    shown = runner.invoke(cli, ["entity", "Pyongyang", "--db", db])
    assert shown.exit_code == 0 and "North Korea" in shown.stdout and "2022-11" in shown.stdout
    people = runner.invoke(cli, ["entities", "--db", db, "--type", "PERSON"]).stdout
    assert "John Kirby" in people and "North Korea" not in people


def test_unknown_entity_is_a_clear_error(runner, corpus, tmp_path):
    db = str(tmp_path / "t.db")
    _ingest(runner, corpus, db)
    result = runner.invoke(cli, ["entity", "Wagner Grop", "--db", db])
    assert result.exit_code == 1 and "CG401" in result.stderr and "Wagner Group" in result.stderr


def test_query_without_database_says_what_to_do(runner, tmp_path):
    result = runner.invoke(cli, ["entities", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "claimgraph ingest" in result.stderr


def test_extract_writes_valid_jsonl_in_input_order(runner, corpus):
    result = runner.invoke(cli, ["extract", str(corpus / "feed.jsonl")])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["a1", "a2"]
    for record in records:
        validate(record)
    assert "2 extracted, 1 skipped" in result.stderr


def test_extract_from_stdin_with_date(runner):
    result = runner.invoke(cli, ["extract", "-", "--date", "2023-01-20"],
                           input="Treasury will sanction Wagner next week.")
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["date"] == "2023-01-20"
    assert any(t["value"] == "2023-W04" for t in record["timexes"])


def test_a_failing_step_skips_only_that_document(pipeline, tmp_path, monkeypatch):
    from claimgraph import api
    from claimgraph.extract import Step

    def explode_on_wagner(extraction):
        if "Wagner" in extraction.document.text:
            raise RuntimeError("boom")

    explode = Step("test.explode/1", (), ("nothing",), explode_on_wagner)
    broken = type(pipeline)(pipeline.nlp, [*pipeline.steps, explode])
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in GOOD), encoding="utf-8")
    report = api.ingest([tmp_path / "feed.jsonl"], db=tmp_path / "t.db", pipeline=broken)
    assert (report.read, report.stored) == (2, 1)
    (error,) = report.skipped
    assert error.code == "CG202" and "feed.jsonl:1" in str(error) and "test.explode/1" in str(error)


def test_events_and_one_event_with_highlighted_evidence(runner, tmp_path):
    from test_store import _with_claims

    from claimgraph.store import Store

    db = tmp_path / "t.db"
    with Store(db) as store:
        store.add(_with_claims())
    listed = runner.invoke(cli, ["events", "--db", str(db), "--entity", "Pyongyang"])
    assert "AID/military" in listed.stdout and "North Korea" in listed.stdout
    (record,) = json.loads(runner.invoke(cli, ["events", "--db", str(db), "--json"]).stdout)
    assert record["id"].startswith("ev") and record["claims"][0]["speaker"] == "John Kirby"
    shown = runner.invoke(cli, ["event", record["id"], "--db", str(db)])
    assert "[A:North Korea]" in shown.stdout and "[T:last month]" in shown.stdout and "John Kirby" in shown.stdout
    by_report_key = runner.invoke(cli, ["event", record["claims"][0]["event"], "--db", str(db), "--json"])
    assert json.loads(by_report_key.stdout)["id"] == record["id"]
    missing = runner.invoke(cli, ["event", "nope/e9", "--db", str(db)])
    assert missing.exit_code == 1 and "CG401" in missing.stderr
    per_report = runner.invoke(cli, ["report-events", "--db", str(db)])
    assert "-> 2022-11" not in per_report.stdout and "AID/military" in per_report.stdout


