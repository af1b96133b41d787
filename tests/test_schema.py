import json

import jsonschema
import pytest

from claimgraph.export import schema, validate, write_jsonl
from claimgraph.model import SCHEMA_VERSION


def test_schema_is_valid_and_versioned():
    jsonschema.Draft202012Validator.check_schema(schema())
    assert SCHEMA_VERSION in schema()["$id"]


def test_output_validates_and_keeps_contract_names(report_extraction):
    record = report_extraction.to_dict()
    validate(record)
    assert list(record)[:11] == ["schema_version", "id", "date", "title", "url", "outlet", "text_sha256",
                                 "entities", "timexes", "quantities", "attributions"]
    assert record["attributions"][0]["speaker"]["name"] == "John Kirby"
    assert {e["type"] for e in record["events"]} >= {"AID"}
    assert all(set(e["attributions"]) <= {a["id"] for a in record["attributions"]} for e in record["events"])


def test_offsets_index_the_stored_text(report_extraction):
    text = report_extraction.document.text
    record = report_extraction.to_dict()
    for timex in record["timexes"]:
        assert text[timex["start"]:timex["end"]] == timex["text"]
    for quantity in record["quantities"]:
        assert text[quantity["start"]:quantity["end"]] == quantity["text"]


def test_broken_record_is_rejected(report_extraction):
    record = report_extraction.to_dict()
    record["timexes"].append({"text": "then", "start": -1, "end": 3, "type": "WHEN", "value": "x"})
    with pytest.raises(jsonschema.ValidationError):
        validate(record)


def test_jsonl_is_one_object_per_line(report_extraction, tmp_path):
    path = tmp_path / "out.jsonl"
    with path.open("w", encoding="utf-8") as stream:
        assert write_jsonl([report_extraction, report_extraction], stream) == 2
    lines = path.read_text("utf-8").splitlines()
    assert len(lines) == 2 and json.loads(lines[0])["text_sha256"] == report_extraction.document.text_sha256


@pytest.mark.parametrize(("date", "precision"), [("2023-01-11", "day"), ("2023-01", "month"), ("2022", "year"),
                                                 (None, None)])
def test_dates_of_any_precision_validate(report_extraction, date, precision):
    from dataclasses import replace

    report_extraction.document = replace(report_extraction.document, date=date, date_precision=None,
                                         date_source=None, language="en")
    record = report_extraction.to_dict()
    validate(record)
    assert (record["date"], record["date_precision"], record["language"]) == (date, precision, "en")
    assert record["date_source"] == ("none" if date is None else "record")
    record["date"] = "2023-1"
    with pytest.raises(jsonschema.ValidationError):
        validate(record)
