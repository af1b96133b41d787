"""Exports round-trip: each format read back by the tool it is for, holding the events `events` lists and saying
what it holds, from which database, as of when."""

import csv
import json
import os

import networkx as nx
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from claimgraph import api
from claimgraph.cli import cli
from claimgraph.export import export, metadata_file, validate_plover


@pytest.fixture(scope="module")
def listed(demo_db):
    return api.events(demo_db)


def _metadata_ok(metadata: dict, demo_db, as_of=None) -> None:
    assert metadata["database"] == str(demo_db.resolve()) and metadata["as_of"] == as_of
    assert metadata["holds"] and metadata["exported_at"][:4].isdigit()


def test_plover_jsonl_lines_follow_the_schema(demo_db, listed, tmp_path):
    path = tmp_path / "events.jsonl"
    assert export(demo_db, "plover-jsonl", path).written == len(listed.events)
    first, *records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    _metadata_ok(first["claimgraph_export"], demo_db)
    for record in records:
        validate_plover(record)
    assert [r["id"] for r in records] == [e.id for e in listed.events]
    aid = next(r for r in records if r["event"] == "AID" and r["source"] and r["target"])
    assert aid["source"][0]["code"] and aid["claimgraph"]["claims"]  # CAMEO code from the gazetteer


def test_as_of_holds_in_an_export(demo_db, tmp_path):
    path = tmp_path / "early.jsonl"
    export(demo_db, "plover-jsonl", path, as_of="2022-12-01")
    first, *records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    _metadata_ok(first["claimgraph_export"], demo_db, "2022-12-01")
    dates = [c["date"] for r in records for c in r["claimgraph"]["claims"]]
    assert dates and all(d <= "2022-12-01" for d in dates)


def test_graphml_reads_back_in_networkx(demo_db, listed, tmp_path):
    path = tmp_path / "ties.graphml"
    written = export(demo_db, "graphml", path).written
    graph = nx.read_graphml(path)
    network = api.network(demo_db)
    assert graph.number_of_edges() == written == len(network.edges) > 0
    assert set(graph.nodes) == {n.id for n in network.nodes}
    _metadata_ok(graph.graph | {"as_of": graph.graph.get("as_of") or None}, demo_db)
    _, _, data = next(iter(graph.edges(data=True)))
    assert data["type"] and data["independent_sources"] >= 1 and data["event_ids"].startswith("ev")


def test_gexf_reads_back_and_says_what_it_holds(demo_db, tmp_path):
    path = tmp_path / "ties.gexf"
    written = export(demo_db, "gexf", path).written
    assert nx.read_gexf(path).number_of_edges() == written > 0
    description = path.read_text("utf-8").split("<description>")[1].split("</description>")[0]
    _metadata_ok(json.loads(description.replace("&quot;", '"').replace("&amp;", "&")), demo_db)


def test_parquet_reads_back_with_its_claims_nested(demo_db, listed, tmp_path):
    path = tmp_path / "events.parquet"
    export(demo_db, "parquet", path)
    table = pq.read_table(path)
    assert table.num_rows == len(listed.events)
    rows = table.to_pylist()
    assert sum(len(r["claim_rows"]) for r in rows) == sum(len(e.claims) for e in listed.events)
    _metadata_ok(json.loads(table.schema.metadata[b"claimgraph_export"]), demo_db)


def test_csv_one_row_per_event_and_per_claim(demo_db, listed, tmp_path):
    events_csv, claims_csv = tmp_path / "events.csv", tmp_path / "claims.csv"
    export(demo_db, "events-csv", events_csv)
    export(demo_db, "claims-csv", claims_csv)
    with events_csv.open(encoding="utf-8", newline="") as stream:
        events = list(csv.DictReader(stream))
    with claims_csv.open(encoding="utf-8", newline="") as stream:
        claims = list(csv.DictReader(stream))
    assert [e["id"] for e in events] == [e.id for e in listed.events]
    assert len(claims) == sum(len(e.claims) for e in listed.events)
    assert {c["event_id"] for c in claims} <= {e["id"] for e in events}
    evidence = {c.claim_id: c.evidence["text"] for e in listed.events for c in e.claims}
    assert all(evidence[c["claim_id"]] == c["evidence"] for c in claims)  # quotes and commas survive
    meta = json.loads(metadata_file(claims_csv).read_text("utf-8"))
    _metadata_ok(meta, demo_db)
    assert meta["rows"] == len(claims)


def test_the_cli_writes_a_file_and_refuses_stdout_for_binary_formats(demo_db, tmp_path):
    runner = CliRunner()
    refused = runner.invoke(cli, ["export", "--db", str(demo_db), "--format", "parquet"])
    assert refused.exit_code == 1 and "CG600" in refused.output
    done = runner.invoke(cli, ["export", "--db", str(demo_db), "--format", "graphml", "-o", str(tmp_path / "g.graphml"),
                               "--min-sources", "2"])
    assert done.exit_code == 0 and (tmp_path / "g.graphml").exists()
    piped = runner.invoke(cli, ["export", "--db", str(demo_db), "--format", "plover-jsonl", "--type", "sanction"])
    lines = piped.output.splitlines()
    assert piped.exit_code == 0 and len(lines) > 1 and all(json.loads(x)["event"] == "SANCTION" for x in lines[1:])


def _followthemoney():
    """The followthemoney package (`make ftm`), or skip; in CI it must be there (.ci/run installs it)."""
    if os.environ.get("CI"):
        import followthemoney

        return followthemoney
    return pytest.importorskip("followthemoney", reason="`make ftm` installs it (needs ICU headers and g++)")


def test_ftm_entities_are_valid_followthemoney(demo_db, listed, tmp_path):
    followthemoney = _followthemoney()
    path = tmp_path / "entities.ftm.jsonl"
    written = export(demo_db, "ftm-jsonl", path).written
    records = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    assert len(records) == written == len({r["id"] for r in records})  # each entity once
    ids = {r["id"] for r in records}
    for record in records:
        schema = followthemoney.model.get(record["schema"])
        assert schema is not None, record["schema"]
        assert set(record["properties"]) <= set(schema.properties), record  # no property FtM would drop
        schema.validate(record)
        proxy = followthemoney.model.get_proxy(record, cleaned=False)
        for prop in proxy.iterprops():
            if prop.type.name == "entity":
                assert set(proxy.get(prop)) <= ids, (record["id"], prop.name)  # links point inside the export
    schemata = {r["schema"] for r in records}
    assert {"Event", "Article", "Documentation", "Sanction"} <= schemata
    claims = sum(len(e.claims) for e in listed.events)
    assert sum(r["schema"] == "Documentation" for r in records) == claims
    _metadata_ok(json.loads(metadata_file(path).read_text("utf-8")), demo_db)
