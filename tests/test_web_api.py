"""The HTTP API through an in-process client: it mirrors claimgraph.api, is described in /openapi.json, answers
every error in one JSON shape, and writes only with the server's token."""

import json
from datetime import date
from types import SimpleNamespace

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from claimgraph import api
from claimgraph.web import MAX_BODY_BYTES, _api, create_app
from claimgraph.web._svg import timeline_svg, when

# Each query function of the Python API and the endpoint that mirrors it.
MIRRORS = {"search": "/api/search", "entities": "/api/entities", "entity": "/api/entities/{name}",
           "events": "/api/events", "event": "/api/events/{event_id}", "timeline": "/api/timeline/{name}",
           "disputes": "/api/disputes", "network": "/api/network", "docs": "/api/docs",
           "document": "/api/docs/{document_id}", "report_events": "/api/report-events",
           "judgements": "/api/judgements", "ingest": "/api/reports"}
# Functions of claimgraph.api that are not questions to a served database, or that the pages use in bulk.
NOT_SERVED = {"IngestReport", "count_set_aside", "set_aside_summary", "extract", "judge", "texts", "documents"}


@pytest.fixture(scope="module")
def client(demo_db):
    return TestClient(create_app(demo_db), raise_server_exceptions=False)


def _error(response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] == code and body["error"]["status"] == status
    assert "Traceback" not in response.text
    return body["error"]["message"]


def test_every_query_function_has_its_endpoint():
    assert set(api.__all__) - NOT_SERVED == set(MIRRORS)


def test_every_endpoint_is_in_the_openapi_description(client):
    described = client.get("/openapi.json").json()["paths"]
    served = {r.path.replace(":path}", "}") for r in _api.router.routes if isinstance(r, APIRoute)}
    assert served == set(MIRRORS.values())
    assert served <= set(described), f"missing from /openapi.json: {served - set(described)}"
    assert all(path.startswith("/api") for path in described)  # the pages are not part of the API


def test_events_answer_as_the_python_api_does(client, demo_db):
    body = client.get("/api/events", params={"entity": "Wagner Group", "limit": 5}).json()
    listed = api.events(demo_db, entity="Wagner Group", limit=5)
    assert [e["id"] for e in body["events"]] == [e.id for e in listed.events]
    assert body["matched"] == listed.matched and len(body["events"]) == 5


def test_one_event_lists_its_claims_and_members(client):
    first = client.get("/api/events", params={"type": "aid", "limit": 1}).json()["events"][0]
    event = client.get(f"/api/events/{first['id']}").json()
    assert event["id"] == first["id"] and event["claims"] and event["members"]


def test_as_of_leaves_out_later_claims(client):
    whole = client.get("/api/timeline/Wagner Group").json()
    early = client.get("/api/timeline/Wagner Group", params={"as_of": "2022-12-01"}).json()
    dates = [c["date"] for e in early["events"] for c in e["claims"]]
    assert dates and all(d <= "2022-12-01" for d in dates)
    assert len(early["events"]) < len(whole["events"])


@pytest.mark.parametrize("q", ["\x00", "\x07\x00"])
def test_a_search_of_control_characters_finds_nothing(client, q):
    found = client.get("/api/search", params={"q": q}).json()  # a NUL cut the pattern: it matched every entity
    assert found["entities"] == [] and found["reports"] == []


def test_search_finds_entities_events_and_reports(client):
    body = client.get("/api/search", params={"q": "wagner"}).json()
    assert body["entities"][0]["name"] == "Wagner Group" and body["events"] and body["reports"]


def test_network_edges_run_between_its_nodes(client):
    body = client.get("/api/network", params={"max_edges": 10}).json()
    nodes = {n["id"] for n in body["nodes"]}
    assert 0 < len(body["edges"]) <= 10
    assert all(e["source"] in nodes and e["target"] in nodes and e["independent"] >= 1 for e in body["edges"])


def test_a_report_and_its_text(client):
    body = client.get("/api/docs/r01").json()
    assert body["external_id"] == "r01" and body["title"] in body["text"] or body["text"]


@pytest.mark.parametrize(("path", "params", "status", "code"), [
    ("/api/entities/Nobody At All", {}, 404, "CG401"),
    ("/api/events/ev0000000000000000", {}, 404, "CG401"),
    ("/api/events", {"as_of": "yesterday"}, 400, "CG402"),
    ("/api/events", {"limit": 100_000}, 400, "CG402"),
    ("/api/events", {"limit": -1}, 400, "CG402"),
    ("/api/search", {"q": "x" * 1000}, 400, "CG402"),
    ("/api/no-such-endpoint", {}, 404, "CG401"),
])
def test_errors_have_one_shape(client, path, params, status, code):
    _error(client.get(path, params=params), status, code)


def test_a_bug_reaches_the_client_as_cg001_without_its_trace(client, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(api, "events", broken)
    message = _error(client.get("/api/events"), 500, "CG001")
    assert "secret internals" not in message and "RuntimeError" in message


def test_writing_is_off_without_a_token(client):
    _error(client.post("/api/reports", json={"text": "x"}), 403, "CG403")


def test_writing_needs_the_token(demo_db, tmp_path):
    db = tmp_path / "copy.db"
    db.write_bytes(demo_db.read_bytes())
    writer = TestClient(create_app(db, token="s3cret"), raise_server_exceptions=False)
    report = {"id": "up1", "date": "2023-02-01", "text": "Russia said on Tuesday it had expelled two diplomats."}
    _error(writer.post("/api/reports", json=report), 403, "CG403")
    _error(writer.post("/api/reports", json=report, headers={"Authorization": "Bearer wrong"}), 403, "CG403")
    done = writer.post("/api/reports", json=report, headers={"Authorization": "Bearer s3cret"})
    assert done.status_code == 200 and done.json()["stored"] == 1
    again = writer.post("/api/reports", json=report, headers={"Authorization": "Bearer s3cret"}).json()
    assert again["stored"] == 0 and again["unchanged"] == 1  # stored once
    assert writer.get("/api/docs/up1").json()["date"] == "2023-02-01"


def test_a_body_over_the_limit_is_refused_before_it_is_read(demo_db):
    writer = TestClient(create_app(demo_db, token="t"), raise_server_exceptions=False)
    body = json.dumps({"text": "a" * (MAX_BODY_BYTES + 1)})
    response = writer.post("/api/reports", content=body, headers={"Authorization": "Bearer t",
                                                                  "Content-Type": "application/json"})
    _error(response, 413, "CG106")


def test_a_body_sent_in_chunks_is_refused_once_over_the_limit(demo_db):
    """Chunked: no Content-Length to refuse it by. Before, 200 MB were read whole, and the token checked after."""
    writer = TestClient(create_app(demo_db, token="t"), raise_server_exceptions=False)

    def chunks():
        yield b'{"text": "'
        for _ in range(MAX_BODY_BYTES // 10_000 + 2):
            yield b"a" * 10_000
        yield b'"}'

    response = writer.post("/api/reports", content=chunks(), headers={"Authorization": "Bearer t",
                                                                       "Content-Type": "application/json"})
    _error(response, 413, "CG106")


def test_a_report_with_a_lone_surrogate_is_skipped_with_a_code_not_a_server_error(demo_db, tmp_path):
    import shutil

    db = tmp_path / "copy.db"
    shutil.copy(demo_db, db)
    writer = TestClient(create_app(db, token="t"), raise_server_exceptions=False)
    response = writer.post("/api/reports", content='{"text": "\\ud800 Russia attacked Kyiv."}',
                           headers={"Authorization": "Bearer t", "Content-Type": "application/json"})
    assert response.status_code == 200, response.text
    assert response.json()["stored"] == 0 and "CG104" in response.json()["skipped"][0]


def test_pages_answer_and_carry_no_script(client):
    event_id = client.get("/api/events", params={"limit": 1}).json()["events"][0]["id"]
    for path in ("/", "/?q=wagner", "/entity/Wagner Group", f"/event/{event_id}", "/timeline", "/network",
                 "/disputes", "/report/r01", "/timeline?entity=Wagner Group&as_of=2022-12-01"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "<script" not in response.text.lower(), path
        assert "script-src" not in response.headers["content-security-policy"]  # default-src 'none' forbids it


def test_a_page_for_something_missing_is_an_html_error(client):
    response = client.get("/entity/Nobody At All")
    assert response.status_code == 404 and "CG401" in response.text and "text/html" in response.headers["content-type"]


def test_hostile_report_text_is_shown_escaped(client):
    page = client.get("/report/%3Cb%3Ehostile%3C/b%3E")
    assert page.status_code == 200
    assert "&lt;script&gt;window.__pwned=1" in page.text and "<script>" not in page.text
    assert "onerror=" not in page.text.replace("onerror=&#34;", "").replace("onerror=&quot;", "")
    assert 'href="javascript:' not in page.text
    found = client.get("/?q=sanctions").text
    assert "<script>window" not in found and "<img src=x" not in found


@given(st.text(max_size=24) | st.from_regex(r"\d{4}-[0-9W]{2}-[0-9A-Z]{1,3}(T\d\d:\d\d)?", fullmatch=True),
       st.lists(st.text(max_size=12) | st.dates().map(str), max_size=3))
def test_any_time_value_is_drawn_or_left_out(time_value, report_dates):
    claims = [SimpleNamespace(date=d) for d in report_dates]
    event = SimpleNamespace(id="ev1", type="AID", status="asserted", time=time_value, claims=claims, fulfilled_by=[])
    day = when(event)
    assert day is None or date.fromisoformat(day)
    assert str(timeline_svg([event])).startswith("<svg") == (day is not None)


def test_serve_names_a_taken_port_as_cg601(demo_db):
    import socket

    from click.testing import CliRunner

    from claimgraph.cli import cli

    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--db", str(demo_db), "--port", str(port)])
    assert result.exit_code == 1 and "CG601" in result.output and "serving" not in result.output


def test_serve_refuses_a_database_it_cannot_open(tmp_path):
    from click.testing import CliRunner

    from claimgraph.cli import cli

    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 1 and "CG300" in result.output
