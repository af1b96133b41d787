"""The shipped gazetteer: its mappings, its matching rules, and the well-formedness of the data file."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from claimgraph.errors import ClaimgraphError
from claimgraph.resolve._gazetteer import (
    COLUMNS,
    KINDS,
    TYPES,
    Gazetteer,
    default_gazetteer,
    is_case_sensitive,
    normalise,
)

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


@pytest.fixture(scope="module")
def rows() -> list[list[str]]:
    text = resources.files("claimgraph").joinpath("data", "gazetteer.tsv").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines()]


@pytest.mark.parametrize(
    ("surface", "name", "type_", "wikidata"),
    [
        ("U.S.", "United States", "GPE", "Q30"),
        ("US", "United States", "GPE", "Q30"),
        ("American", "United States", "GPE", "Q30"),
        ("Washington", "United States", "GPE", "Q30"),
        ("Pyongyang", "North Korea", "GPE", "Q423"),
        ("North Korean", "North Korea", "GPE", "Q423"),
        ("DPRK", "North Korea", "GPE", "Q423"),
        ("Russian", "Russia", "GPE", "Q159"),
        ("Moscow", "Russia", "GPE", "Q159"),
        ("Kremlin", "Russia", "GPE", "Q159"),
        ("Kyiv", "Ukraine", "GPE", "Q212"),
        ("Ukrainian", "Ukraine", "GPE", "Q212"),
        ("Wagner", "Wagner Group", "ORG", None),
        ("the Wagner Group", "Wagner Group", "ORG", None),
        ("Wagner PMC", "Wagner Group", "ORG", None),
        ("Putin", "Vladimir Putin", "PERSON", "Q7747"),
        ("UN Security Council", "United Nations Security Council", "ORG", "Q37470"),
        ("NATO", "NATO", "ORG", "Q7184"),
        ("Reuters", "Reuters", "ORG", "Q130879"),
        ("CNN", "CNN", "ORG", "Q48340"),
        ("Axios", "Axios", "ORG", "Q28230873"),
        ("AP", "Associated Press", "ORG", "Q40469"),
        ("Hamas", "Hamas", "ORG", "Q38799"),
        ("Hezbollah", "Hezbollah", "ORG", None),
        ("ISIS", "Islamic State", "ORG", "Q2429253"),
        ("Taliban", "Taliban", "ORG", None),
        ("the EU", "European Union", "ORG", "Q458"),
        ("IAEA", "International Atomic Energy Agency", "ORG", None),
    ],
)
def test_news_mentions_map_to_canonical_entities(gazetteer, surface, name, type_, wikidata):
    entry = gazetteer.lookup(surface)
    assert entry is not None, surface
    assert (entry.name, entry.type, entry.wikidata) == (name, type_, wikidata)


@pytest.mark.parametrize("surface", ["us", "Us", "ap", "Ap", "un", "who", "eu"])
def test_short_capital_aliases_match_only_in_capitals(gazetteer, surface):
    assert gazetteer.lookup(surface) is None
    assert gazetteer.lookup(surface.upper()) is not None


def test_other_aliases_match_in_any_case(gazetteer):
    assert gazetteer.lookup("nato").name == gazetteer.lookup("Nato").name == "NATO"
    assert gazetteer.lookup("RUSSIA").name == gazetteer.lookup("russia").name == "Russia"
    assert gazetteer.lookup("IRAN").name == "Iran"  # capitals-only shape, but not an acronym alias


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("Russia's", "Russia"),
        ("Putin’s", "Vladimir Putin"),  # curly apostrophe
        ("the Kremlin's", "Russia"),
        ("Reuters'", "Reuters"),
        ("  the   U.S.  ", "United States"),
        ("U.S.A.", "United States"),
        ("Kim Jong-un", "Kim Jong Un"),
        ("Cote d’Ivoire", "Côte d'Ivoire"),
        ("Erdogan", "Recep Tayyip Erdoğan"),
        ("Sanaa", "Yemen"),
    ],
)
def test_possessives_articles_dots_and_accents_are_ignored(gazetteer, surface, name):
    assert gazetteer.lookup(surface).name == name


@pytest.mark.parametrize("surface", ["", "   ", "Narnia", "the", "Congo", "Korean", "Wagnerian opera"])
def test_unknown_or_unresolvable_surfaces_give_none(gazetteer, surface):
    assert gazetteer.lookup(surface) is None


def test_person_names_that_are_countries_are_marked_ambiguous(gazetteer):
    for surface in ("Georgia", "Jordan", "Chad"):
        entry = gazetteer.lookup(surface)
        assert entry.type == "GPE" and entry.kind == "country_ambiguous" and entry.ambiguous
    assert not gazetteer.lookup("Russia").ambiguous


def test_entry_by_name_and_aliases_of(gazetteer):
    assert gazetteer.entry_by_name("north korea").wikidata == "Q423"
    aliases = gazetteer.aliases_of("United States")
    assert aliases[0] == "United States"
    assert {"U.S.", "American", "Washington"} <= set(aliases)
    assert gazetteer.entry_by_name("Narnia") is None and gazetteer.aliases_of("Narnia") == []


def test_phoenix_roles_give_the_cameo_code_of_the_day(gazetteer):
    putin = gazetteer.entry_by_name("Vladimir Putin")
    assert putin.cameo_on("1995-06-01") == "RUSELI"
    assert putin.cameo_on("2022-12-22") == "RUSGOV"


def test_normalise_and_case_rule():
    assert normalise("the U.S.’s") == "US"
    assert normalise("Guinea-Bissau") == "Guinea Bissau"
    assert is_case_sensitive("AP") and is_case_sensitive("G7")
    assert not is_case_sensitive("Ap") and not is_case_sensitive("RUSSIA")


def test_load_reads_a_small_file(tmp_path):
    path = tmp_path / "g.tsv"
    rows = [
        COLUMNS,
        ("Ruritania", "Ruritania", "GPE", "Q1", "country", "RUR", "curated", ""),
        ("RR", "Ruritania", "GPE", "Q1", "country", "RUR", "curated", ""),
        (
            "Rudolf",
            "Rudolf V",
            "PERSON",
            "",
            "leader",
            "RURGOV",
            "phoenix",
            "RURELI:/2001-12-31;RURGOV:2002-01-01/",
        ),
    ]
    path.write_text("".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    small = Gazetteer.load(path)
    assert small.lookup("RR").name == "Ruritania" and small.lookup("rr") is None
    assert small.lookup("Rudolf").cameo_on("2000-05-01") == "RURELI"  # a role known only by its end
    assert small.lookup("Rudolf").cameo_on("2010-05-01") == "RURGOV"
    assert small.lookup("Ruritania").cameo_on("2010-05-01") == "RUR"  # no roles: the plain code
    assert [role.code for role in small.lookup("Rudolf").roles] == ["RURELI", "RURGOV"]


def test_load_rejects_a_malformed_file(tmp_path):
    bad_header = tmp_path / "a.tsv"
    bad_header.write_text("alias\tname\n", encoding="utf-8")
    with pytest.raises(ClaimgraphError):
        Gazetteer.load(bad_header)
    short_row = tmp_path / "b.tsv"
    short_row.write_text("\t".join(COLUMNS) + "\nUS\tUnited States\n", encoding="utf-8")
    with pytest.raises(ClaimgraphError, match=r"b\.tsv:2"):
        Gazetteer.load(short_row)


def test_default_instance_is_cached():
    # Its load time is measured in bench/, not asserted here: timings on shared machines are noise.
    assert default_gazetteer() is default_gazetteer()


def test_tsv_rows_are_well_formed(rows):
    assert tuple(rows[0]) == COLUMNS
    body = rows[1:]
    assert len(body) > 5000
    assert all(len(row) == len(COLUMNS) for row in body)
    aliases = [row[0] for row in body]
    assert len(aliases) == len(set(aliases)), "one row per alias"
    assert {row[2] for row in body} <= TYPES
    assert {row[4] for row in body} <= KINDS
    assert {row[6] for row in body} <= {"cc", "phoenix", "curated"}
    assert all(re.fullmatch(r"Q\d+", row[3]) for row in body if row[3])
    assert all(row[0].strip() == row[0] and row[0] for row in body)


def test_tsv_keys_name_one_entity_each(rows):
    owner_of: dict[tuple[bool, str], str] = {}
    for alias, name, *_ in rows[1:]:
        key = normalise(alias)
        key = (True, key) if is_case_sensitive(key) else (False, key.casefold())
        assert owner_of.setdefault(key, name) == name, f"{alias!r} names {name} and {owner_of[key]}"
    exact_owner = {key.casefold(): name for (exact, key), name in owner_of.items() if exact}
    for (exact, key), name in owner_of.items():
        assert exact or exact_owner.get(key, name) == name, f"lowercase {key!r} would reach another entity"


def test_every_source_in_the_tsv_is_attributed_in_notice(rows):
    notice = (REPO / "NOTICE").read_text(encoding="utf-8")
    assert notice.startswith("claimgraph\nCopyright 2026 the claimgraph authors. MIT licence.")
    for source in {row[6] for row in rows[1:]}:
        assert f"[source: {source}]" in notice, f"gazetteer source {source!r} has no NOTICE section"


# ---------------------------------------------------------------- actors of 2022-24 war and sanctions news


@pytest.mark.parametrize(
    ("spellings", "name"),
    [
        (
            ["Hossein Amir-Abdollahian", "Hossein Amirabdollahian", "Amir-Abdollahian", "Amirabdollahian"],
            "Hossein Amir-Abdollahian",
        ),
        (["Oleksandr Syrskyi", "Alexander Syrsky", "Syrskyi", "Syrsky"], "Oleksandr Syrskyi"),
        (["Serhii Cherevatyi", "Serhiy Cherevaty", "Cherevatyi"], "Serhii Cherevatyi"),
        (["Vassily Nebenzia", "Vasily Nebenzya", "Nebenzia"], "Vassily Nebenzia"),
        (["Ukrainian forces", "Ukrainian troops", "ZSU", "Ukrainian Armed Forces"], "Ukrainian Armed Forces"),
        (["Russian forces", "Russian troops", "Russian army"], "Russian Armed Forces"),
        (["Ukraine's General Staff", "Ukrainian General Staff"], "General Staff of the Armed Forces of Ukraine"),
        (["Russian MoD", "Russia's Defense Ministry"], "Russian Ministry of Defence"),
        (["UK MoD", "British defence ministry", "British Ministry of Defence"], "UK Ministry of Defence"),
        (["Iranian Foreign Ministry", "Iran's Foreign Ministry"], "Ministry of Foreign Affairs of Iran"),
        (["Wagner mercenaries", "PMC Wagner"], "Wagner Group"),
        (["ISW", "Institute for the Study of War"], "Institute for the Study of War"),
        (["IRNA", "Islamic Republic News Agency"], "Islamic Republic News Agency"),
    ],
)
def test_transliterations_and_descriptions_share_one_entity(gazetteer, spellings, name):
    assert {gazetteer.lookup(spelling).name for spelling in spellings} == {name}


def test_forces_of_a_state_are_not_the_state(gazetteer):
    assert gazetteer.lookup("Ukrainian").name == "Ukraine"
    assert gazetteer.lookup("Ukrainian forces").type == "ORG"
    assert gazetteer.lookup("Kremlin").name == "Russia"  # still a metonym of the state
    assert gazetteer.lookup("the White House").name == "White House"


@pytest.mark.parametrize("surface", ["Defence Intelligence", "Concord", "Salami", "Gallant", "Kim", "Tusk", "GU"])
def test_bare_words_that_name_other_things_stay_unresolved(gazetteer, surface):
    assert gazetteer.lookup(surface) is None


def test_resolver_groups_new_spellings_into_canonical_entities(gazetteer):
    from claimgraph.model import Mention
    from claimgraph.resolve import resolve_entities

    text = (
        "Iranian Foreign Minister Hossein Amir-Abdollahian met Sergei Lavrov. Later Amirabdollahian denied "
        "sending drones. Ukrainian forces shot down 20 of them, Ukraine's General Staff said."
    )
    spans = [
        ("Hossein Amir-Abdollahian", "PERSON"),
        ("Sergei Lavrov", "PERSON"),
        ("Amirabdollahian", "PERSON"),
        ("Ukrainian forces", "NORP"),
        ("Ukraine's General Staff", "ORG"),
    ]
    mentions = []
    for surface, label in spans:
        start = text.index(surface)
        mentions.append(Mention(start, start + len(surface), surface, label))
    entities = {entity.name: entity for entity in resolve_entities(text, mentions, gazetteer)}
    minister = entities["Hossein Amir-Abdollahian"]
    assert minister.type == "PERSON" and minister.aliases == ["Amirabdollahian"]
    assert entities["Ukrainian Armed Forces"].type == "ORG"
    assert "General Staff of the Armed Forces of Ukraine" in entities
    assert "Ukraine" not in entities  # "Ukrainian" inside "Ukrainian forces" is not the country here


def test_american_and_british_spellings_are_one_name():
    from claimgraph.resolve._gazetteer import default_gazetteer

    gazetteer = default_gazetteer()
    assert gazetteer.lookup("British defense ministry") == gazetteer.lookup("British defence ministry")
    assert gazetteer.lookup("British defense ministry") is not None
