"""Languages: told apart by script or function words; reports not in English are stored, not read.

The paragraphs are written for these tests (an invented harbour town), one per language.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.export import validate
from claimgraph.ingest import _language, read_paths
from claimgraph.ingest._language import detect_language
from claimgraph.model import Document

ENGLISH = ("The mayor of Tesslin said on Monday that the harbour would stay closed for three days after the storm, "
           "and that the ferries were being sent to the north pier.")
ITALIAN = ("Il sindaco di Tesslin ha annunciato che il porto resterà chiuso per tre giorni dopo la tempesta, secondo "
           "quanto riferito dalla capitaneria. Le navi sono state deviate verso il molo nord.")
PARAGRAPHS = {
    "en": ENGLISH,
    "it": ITALIAN,
    "fr": "Le maire de Tesslin a annoncé que le port restera fermé pendant trois jours après la tempête, selon la "
          "capitainerie. Les navires ont été déviés vers la jetée nord.",
    "es": "El alcalde de Tesslin anunció que el puerto permanecerá cerrado durante tres días después de la tormenta, "
          "según la capitanía. Los barcos fueron desviados hacia el muelle norte.",
    "pt": "O prefeito de Tesslin anunciou que o porto ficará fechado durante três dias depois da tempestade, segundo a "
          "capitania. Os navios foram desviados para o cais norte.",
    "de": "Der Bürgermeister von Tesslin sagte, dass der Hafen nach dem Sturm drei Tage lang geschlossen bleibt. Die "
          "Schiffe wurden zum Nordkai umgeleitet.",
    "nl": "De burgemeester van Tesslin zei dat de haven na de storm drie dagen gesloten blijft. De schepen zijn naar "
          "de noordelijke pier omgeleid.",
    "ru": "Мэр Тесслина заявил, что порт будет закрыт на три дня после шторма. Суда направлены к северному причалу.",
    "uk": "Мер Тесліна заявив, що порт буде закритий на три дні після шторму. Судна скеровано до північного причалу.",
    "ar": "قال رئيس بلدية تسلين إن الميناء سيبقى مغلقا ثلاثة أيام بعد العاصفة.",
    "zh": "特斯林市长说，暴风雨过后港口将关闭三天。",
    "ja": "テスリン市長は、嵐の後、港を三日間閉鎖すると述べた。",
}


@pytest.mark.parametrize("code", list(PARAGRAPHS))
def test_each_language_is_recognised(code):
    assert detect_language(PARAGRAPHS[code]) == code


@pytest.mark.parametrize("text", ["", "Tesslin 2023.", "Undated.", "12 345 678", "Pier."])
def test_unsure_is_none(text):
    assert detect_language(text) is None


def _main_script_letter_by_letter(sample):
    """The plain reading of the rule, one letter at a time: the counted-once version must agree with it."""
    letters = [ch for ch in sample if ch.isalpha()]
    counts = Counter(name for name in map(_language._script_of, letters) if name is not None)
    if counts["kana"] and counts["han"]:
        counts["kana"] += counts.pop("han")
    if not counts:
        return None
    script, n = counts.most_common(1)[0]
    return script if n > _language._MOSTLY * len(letters) else None


_MIXED_SCRIPTS = st.text(st.sampled_from("abcXY 1.,'іыпچテ三嵐한αא\u00e9\u0301"), max_size=60)


@settings(max_examples=300, deadline=None)
@given(_MIXED_SCRIPTS | st.text(max_size=40))
def test_the_main_script_counts_each_letter_as_the_plain_rule_does(sample):
    assert _language._main_script(sample) == _main_script_letter_by_letter(sample)


def test_a_foreign_name_or_quote_does_not_change_an_english_report():
    text = ENGLISH + ' A sign on the pier read "chiuso per la tempesta".'
    assert detect_language(text) == "en"


def test_every_document_read_gets_its_language(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in (ENGLISH, ITALIAN, "Pier.")), encoding="utf-8")
    assert [d.language for d in read_paths([path])] == ["en", "it", None]


def test_a_non_english_document_is_set_aside_with_empty_layers(pipeline):
    italian, english, unsure = pipeline.run([Document(text=ITALIAN, date="2023-01-12", language="it"),
                                             Document(text=ENGLISH, date="2023-01-12", language="en"),
                                             Document(text=ENGLISH, date="2023-01-12")])
    assert italian.pipeline == {"language": "set-aside:it"} and italian.set_aside_for == "it"
    layers = (italian.entities, italian.timexes, italian.quantities, italian.attributions, italian.events)
    assert all(layer == [] for layer in layers)
    assert english.set_aside_for is None and english.entities and english.timexes
    assert unsure.set_aside_for is None and unsure.entities  # unsure is read as English, as before
    record = italian.to_dict()
    validate(record)
    assert (record["language"], record["date"], record["date_precision"]) == ("it", "2023-01-12", "day")


def _feed(tmp_path: Path) -> Path:
    path = tmp_path / "feed.jsonl"
    records = [{"id": "en1", "date": "2023-01-12", "text": ENGLISH}, {"id": "it1", "text": ITALIAN}]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_ingest_stores_it_with_its_language_and_counts_it(tmp_path, pipeline):
    from claimgraph import api
    from claimgraph.store import Store

    report = api.ingest([_feed(tmp_path)], db=tmp_path / "t.db", pipeline=pipeline)
    assert (report.read, report.stored, report.set_aside) == (2, 2, {"it": 1})
    assert report.summary().endswith("0 skipped, 1 set aside for language (1 it)")
    with Store(tmp_path / "t.db", readonly=True) as store:
        docs = {d.external_id: d for d in store.documents()}
        assert (docs["it1"].language, docs["it1"].entities, docs["en1"].language) == ("it", 0, "en")
        assert all(e.document_id != docs["it1"].id for e in store.events())
        assert store.timexes(docs["it1"].id) == []
        assert "Tesslin" in store.document_text(docs["it1"].id)


def test_extract_prints_it_and_says_it_was_set_aside(tmp_path):
    from claimgraph.cli import cli

    result = CliRunner().invoke(cli, ["extract", str(_feed(tmp_path))])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["id"], r["language"]) for r in records] == [("en1", "en"), ("it1", "it")]
    assert records[1]["entities"] == [] and records[1]["pipeline"] == {"language": "set-aside:it"}
    assert "2 extracted, 0 skipped, 1 set aside for language (1 it)" in result.stderr


@pytest.mark.parametrize("headline", [
    "Moscow rejects Kyiv’s ‘peace formula’: minister\nThe minister’s remarks came after a call with Beijing's envoy.",
    "Pyongyang slams Tokyo’s defence plan, promises ‘action’",
])
def test_english_headlines_with_possessives_are_not_french(headline):
    # "'s" leaves a one-letter "s", a French function word: one-letter words do not count.
    assert detect_language(headline) in (None, "en")
