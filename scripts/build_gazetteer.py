#!/usr/bin/env python3
"""Build ``src/claimgraph/data/gazetteer.tsv`` (run by hand; the output is committed).

Sources, in order of precedence when two claim the same alias:
  curated  src/claimgraph/data/gazetteer_curated.yaml (ours; country QIDs from OWID/Wikidata)
  cc       country_converter 1.3.2: short and official country names, ISO codes, and its
           regular expressions, used only to decide which Phoenix variants are country names
  phoenix  Phoenix actor dictionaries (MIT): country variants, national leaders with dated
           CAMEO roles, government bodies, international organisations, non-state armed groups

country_converter needs pandas, so build-time tools live in their own venv:
  python3 -m venv /tmp/gazvenv
  /tmp/gazvenv/bin/pip install country-converter==1.3.2 'pandas<3' pyyaml==6.0.4
  /tmp/gazvenv/bin/python scripts/build_gazetteer.py --phoenix ../shared/data/phoenix_actor_dictionaries
"""

from __future__ import annotations

import argparse
import collections
import difflib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import country_converter
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from claimgraph.resolve._gazetteer import COLUMNS, is_case_sensitive, normalise  # noqa: E402

DATA = ROOT / "src" / "claimgraph" / "data"
PRIORITY = {"curated": 0, "cc": 1, "phoenix": 2}
MODERN = "2010-01-01"  # Phoenix people whose dated roles all ended before this are left out
FUNCTION_WORDS = set("of the and for de la el du da des del on in y et".split())
NAME_PARTICLES = {"al", "bin", "ibn", "bint", "van", "von", "der", "den", "ul"}
SHORT_WORDS = {"the", "of", "and", "new", "san", "sao", "sri", "dem", "rep", "st", "de", "la", "el", "du"}
TITLE_WORDS = set(
    "president prime minister secretary general chairman chairwoman leader king queen prince princess "
    "mr mrs ms dr gen col lt maj capt adm senator sen rep governor ambassador speaker chancellor premier "
    "vice deputy foreign defense defence commander chief mayor judge justice sir lord lady baron baroness "
    "former ex acting crown emir sultan sheikh president-elect first interior finance head army opposition "
    "envoy spokesman spokeswoman official minister-president".split()
)
ROLE_WORDS = set(
    "envoy monitor monitors peacekeeper peacekeepers bodies resident spokesman official officials chief "
    "head director secretary representative rapporteur inspector inspectors observer observers troops "
    "soldiers staff workers members member delegate delegation minister chairman president officer "
    "officers agents leaders leader contingent initiative database".split()
)
ORG_WORDS = set(
    "organization organisation agency council union fund bank commission committee court tribunal "
    "program programme assembly nations association federation forum institute league alliance "
    "parliament secretariat office foundation cross crescent international watch centre center society "
    "movement cooperation co-operation community partnership conference authority panel borders network "
    "coalition treaty corps group initiative".split()
)
ARMED_WORDS = set(
    "army front brigade brigades movement party organization organisation group groups forces force nuclei "
    "nucleus cells cell faction committee league jihad mujahideen mujahidin commandos battalion battalions "
    "union council alliance resistance liberation militia squad squads guerrilla guerrillas tigers legion "
    "corps command jamaat lashkar jaish hizb harakat ansar kataib fighters martyrs rebels network "
    "brotherhood column ejercito frente movimiento".split()
)
BODY_WORDS = set(
    "ministry department parliament assembly army navy police service agency court congress senate duma "
    "knesset cabinet commission guard corps command bureau committee council forces force legislature "
    "directorate".split()
)
KNOWN_ACRONYMS = set("us uk un eu usa ngo ngos hiv aids fsm nato osce ussr plo ira".split())
# Humanitarian NGOs only (human rights, health and relief, refugees): the ones war news quotes.
NGO_SECTORS = ("NGOHRI", "NGOHLH", "NGOREF")
PERSON_HONORIFICS = {"sheikh", "mullah", "imam", "ayatollah", "maulana", "abu", "mr", "dr", "general"}
PHOENIX_FILES = ("Countries", "MilNonState", "International")
_C, _V = "[bcdfghjklmnpqrstvwxz]", "[aeiouy]"
PRONOUNCEABLE = re.compile(
    f"{_C}{{0,2}}{_V}{{1,2}}(?:{_C}{{1,2}}{_V}{{1,2}})*{_C}{{0,2}}"
)  # "unicef", not "ohchr"


@dataclass
class Block:
    """One actor of a Phoenix dictionary: its names, dated codes and header comment."""

    names: list[str]
    roles: list[tuple[str, str, str]] = field(default_factory=list)
    comment: str = ""
    closed: bool = False


@dataclass
class Entity:
    name: str
    type: str
    kind: str
    tier: int = 0  # breaks ties between Phoenix aliases: country 0, organisation 1, person 2
    wikidata: str = ""
    cameo: str = ""
    roles: str = ""
    aliases: list[tuple[str, str, str]] = field(default_factory=list)  # (alias, kind, source)

    def add(self, alias: str, kind: str | None = None, source: str = "curated") -> None:
        if alias and alias.strip():
            self.aliases.append((alias.strip(), kind or self.kind, source))


# ---------------------------------------------------------------- Phoenix dictionary files


def read_blocks(path: Path) -> list[Block]:
    blocks: list[Block] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        text, _, comment = raw.partition("#")
        stripped = text.strip()
        if not raw.strip():
            _close(blocks)
        elif stripped.startswith("+"):
            if blocks and not blocks[-1].closed:
                blocks[-1].names.append(stripped[1:])
        elif stripped.startswith("["):
            if blocks and not blocks[-1].closed:
                blocks[-1].roles += parse_codes(stripped)
        elif stripped:
            _add_name_line(blocks, stripped, comment)
    return blocks


def _close(blocks: list[Block]) -> None:
    if blocks:
        blocks[-1].closed = True


def _add_name_line(blocks: list[Block], text: str, comment: str) -> None:
    name, _, codes = text.partition("[")
    current = blocks[-1] if blocks and not blocks[-1].closed else None
    if current is None or current.roles:
        current = Block(names=[], comment=comment)
        blocks.append(current)
    current.names.append(name.strip())
    current.roles += parse_codes("[" + codes) if codes else []


def parse_codes(text: str) -> list[tuple[str, str, str]]:
    roles = []
    for inside in re.findall(r"\[([^\]]*)\]", text):
        code, _, span = inside.strip().partition(" ")
        if re.fullmatch(r"[A-Z]{3,}", code):
            roles.append((code, *parse_span(span.replace(" ", ""))))
    return roles


def parse_span(span: str) -> tuple[str, str]:
    if span.startswith(">"):
        return parse_date(span[1:]), ""
    if span.startswith("<"):
        return "", parse_date(span[1:])
    start, _, end = span.partition("-")
    return parse_date(start), parse_date(end)


def parse_date(digits: str) -> str:
    if len(digits) == 6:  # TABARI yymmdd; the dictionaries end in 2014
        digits = ("20" if int(digits[:2]) <= 30 else "19") + digits
    if len(digits) != 8 or not digits.isdigit() or not ("01" <= digits[4:6] <= "12"):
        return ""
    return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"


def clean(raw: str) -> tuple[str, str]:
    """``BASQUE_FATHERLAND_AND_FREEDOM_(ETA)_`` -> ("BASQUE FATHERLAND AND FREEDOM", "ETA")."""
    text = " ".join(raw.replace("_", " ").split())
    acronym = ""
    match = re.search(r"\(([A-Z][A-Z.\-/]{1,9})\)\s*$", text)
    if match:
        acronym, text = match.group(1), text[: match.start()].strip()
    return text.strip(" -,;"), acronym


def title_case(text: str) -> str:
    words = text.lower().split()
    return " ".join(_title_word(word, position == 0) for position, word in enumerate(words))


def _title_word(word: str, first: bool) -> str:
    if word.strip("'s") in KNOWN_ACRONYMS:
        return word.upper().replace("'S", "'s")
    if not first and (word in FUNCTION_WORDS or word in NAME_PARTICLES):
        return word
    if re.fullmatch(r"[ivx]+", word) and len(word) > 1:
        return word.upper()
    parts = [_capitalise(part) for part in word.split("-")]
    if not first and parts[0].lower() in NAME_PARTICLES and len(parts) > 1:
        parts[0] = parts[0].lower()
    return "-".join(parts)


def _capitalise(part: str) -> str:
    if re.fullmatch(r"([a-z]\.)+", part):
        return part.upper()
    if re.fullmatch(r"[dl]'\w+", part):
        return part[:2] + part[2:].capitalize()
    if re.fullmatch(r"o'\w+", part):
        return "O'" + part[2:].capitalize()
    if part.startswith("mc") and len(part) > 3:
        return "Mc" + part[2:].capitalize()
    return part.capitalize()


def tokens(text: str) -> list[str]:
    return normalise(text).casefold().split()


def is_initialism(acronym: str, name: str) -> bool:
    letters = acronym.replace(".", "").replace("/", "").upper()
    initials = iter(word[0].upper() for word in tokens(name))
    return (
        len(letters) >= 2 and letters[0] == tokens(name)[0][0].upper() and all(c in initials for c in letters)
    )


def similar(variant: str, primary: str) -> bool:
    ratio = difflib.SequenceMatcher(
        None, normalise(variant).casefold(), normalise(primary).casefold()
    ).ratio()
    return ratio >= 0.75


def roles_text(roles: list[tuple[str, str, str]]) -> str:
    return ";".join(f"{code}:{start}/{end}" for code, start, end in roles if start or end)


def latest_code(roles: list[tuple[str, str, str]]) -> str:
    dated = [role for role in roles if role[1] or role[2]] or roles
    return max(dated, key=lambda role: role[1] or role[2])[0] if dated else ""


# ---------------------------------------------------------------- countries (cc + curated + Phoenix)


class Countries:
    """country_converter's table, with its name regexes compiled once."""

    def __init__(self) -> None:
        self.table = country_converter.CountryConverter().data
        self.regexes = {
            iso: re.compile(rx, re.IGNORECASE)
            for iso, rx in zip(self.table.ISO3, self.table.regex, strict=True)
        }
        self.names = {
            iso: {normalise(short).casefold(), normalise(official).casefold()}
            for iso, short, official in zip(
                self.table.ISO3, self.table.name_short, self.table.name_official, strict=True
            )
        }

    def match(self, text: str) -> str | None:
        hits = [iso for iso, regex in self.regexes.items() if regex.search(text)]
        return hits[0] if len(hits) == 1 else None


def phoenix_countries(
    blocks: list[Block], countries: Countries, vocabulary: dict[str, set[str]]
) -> dict[str, list[str]]:
    """ISO3 -> the Phoenix variants of that country's name that cc's regex also accepts."""
    variants: dict[str, list[str]] = collections.defaultdict(list)
    for block in blocks:
        iso = country_block_iso(block, countries)
        for raw in block.names if iso else ():
            variant = country_variant(raw, iso, countries, vocabulary[iso])
            if variant:
                variants[iso].append(variant)
    return variants


def country_block_iso(block: Block, countries: Countries) -> str | None:
    if "countryinfo" in block.comment.lower():
        return None
    primary = clean(block.names[0])[0]
    iso = countries.match(primary)
    open_codes = {code for code, _start, end in block.roles if not end}
    if iso and (iso in open_codes or normalise(primary).casefold() in countries.names[iso]):
        return iso
    return None


def country_variant(raw: str, iso: str, countries: Countries, vocabulary: set[str]) -> str | None:
    """A Phoenix name variant if every word is a known country-name word (no typos, regions, cities)."""
    text = clean(raw)[0]
    words = tokens(text)
    if not words or re.search(r"[(),0-9+/]", text) or not set(words) <= vocabulary:
        return None
    if any((len(word) <= 3 and word not in SHORT_WORDS) or not re.search("[aeiouy]", word) for word in words):
        return None
    return title_case(text) if countries.match(text) == iso else None


def country_entities(countries: Countries, curated: dict, variants: dict[str, list[str]]) -> list[Entity]:
    entities = []
    codes = {iso for iso in variants}
    for row in countries.table.itertuples():
        extra = curated["countries"].get(row.ISO3, {})
        entity = Entity(
            extra.get("name", row.name_short), "GPE", _country_kind(row), wikidata=extra.get("wikidata", "")
        )
        entity.cameo = row.ISO3 if row.ISO3 in codes else ""
        entity.add(entity.name, source="curated" if "name" in extra else "cc")
        entity.add(row.name_short, source="cc")
        entity.add(row.name_official, source="cc")
        _add_curated_country_aliases(entity, extra, curated["government_seats"].get(row.ISO3, []))
        for variant in variants.get(row.ISO3, []):
            entity.add(variant, source="phoenix")
        entities.append(entity)
    return entities


def country_vocabulary(countries: Countries, curated: dict) -> dict[str, set[str]]:
    """ISO3 -> the words a Phoenix variant of that country may use: its own trusted names'
    words plus generic ones ("republic", "kingdom") shared by five or more countries."""
    own = {iso: {word for name in names for word in tokens(name)} for iso, names in countries.names.items()}
    for iso, extra in curated["countries"].items():
        names = extra.get("alias", []) + extra.get("demonym", []) + extra.get("capital", [])
        own.setdefault(iso, set()).update(word for name in names for word in tokens(name))
    spread = collections.Counter(word for words in own.values() for word in words)
    generic = {word for word, count in spread.items() if count >= 5} | SHORT_WORDS | FUNCTION_WORDS
    return {iso: words | generic for iso, words in own.items()}


def _country_kind(row) -> str:
    sovereign = row.UNmember is not None and str(row.UNmember) not in ("<NA>", "nan")
    return "country" if sovereign or row.ISO3 in {"PSE", "TWN", "VAT", "XKX"} else "territory"


def _add_curated_country_aliases(entity: Entity, extra: dict, seats: list[str]) -> None:
    for alias in extra.get("alias", []):
        entity.add(alias)
    for capital in extra.get("capital", []):
        entity.add(capital, "capital")
    for demonym in extra.get("demonym", []):
        entity.add(demonym, "demonym")
        if demonym.endswith(("an", "i")):
            entity.add(demonym + "s", "demonym")
    for seat in seats:
        entity.add(seat, "government_seat")


# ---------------------------------------------------------------- Phoenix people and organisations


def person_entity(block: Block, demonyms: set[str]) -> Entity | None:
    dated = [role for role in block.roles if role[1] or role[2]]
    if not dated or max(end or "9999" for _code, _start, end in dated) < MODERN:
        return None
    names = [title_case(clean(raw)[0]) for raw in block.names]
    names = [name for name in names if plain_person_name(name, demonyms)]
    full = [name for name in names if " " in name]  # a lone "Abdullah" cannot name anyone
    if not full:
        return None
    names.insert(0, names.pop(names.index(full[0])))
    entity = Entity(
        names[0], "PERSON", "leader", tier=2, cameo=latest_code(block.roles), roles=roles_text(dated)
    )
    for name in names:
        entity.add(name, source="phoenix")
    return entity


def plain_person_name(name: str, demonyms: set[str]) -> bool:
    words = tokens(name)
    if not words or re.search(r"[()0-9/+,]", name) or set(words) & (TITLE_WORDS | demonyms):
        return False
    return len(words) > 1 or len(words[0]) >= 5


def body_entity(block: Block) -> Entity | None:
    code = block.roles[0][0] if block.roles else ""
    if "countryinfo" in block.comment.lower() or not re.fullmatch(
        r"[A-Z]{3}(GOV|MIL|LEG|JUD|SPY|COP)\w*", code
    ):
        return None
    name = clean(block.names[0])[0]
    words = set(tokens(name))
    if not words & BODY_WORDS or words & ROLE_WORDS or re.search(r"[()0-9/+]", name):
        return None
    return _organisation(block, name, "", "government_body", code)


def armed_group_entity(block: Block) -> Entity | None:
    name, acronym = clean(block.names[0])
    words = tokens(name)
    if not words or words[0] in PERSON_HONORIFICS or re.search(r"[()0-9/+]", name):
        return None
    if not (set(words) & ARMED_WORDS or acronym) or len(words) == 1:
        return None
    code = block.roles[0][0] if block.roles else ""
    return _organisation(block, name, acronym, "armed_group", code)


def international_entity(block: Block) -> Entity | None:
    code = block.roles[0][0] if block.roles else ""
    if not code.startswith(("IGO", *NGO_SECTORS)) or "igorulers" in block.comment.lower():
        return None
    name, acronym = clean(block.names[0])
    words = tokens(name)
    if not words or set(words) & ROLE_WORDS or re.search(r"[()0-9/+:]", name):
        return None
    if not (set(words) & ORG_WORDS or (len(words) == 1 and 4 <= len(words[0]) <= 6)):
        return None  # one long word is more often a person ("Subroto") than an organisation
    return _organisation(block, name, acronym, code[:3].lower(), code)


def _organisation(block: Block, name: str, acronym: str, kind: str, code: str) -> Entity:
    single = len(tokens(name)) == 1
    display = name.upper() if single and len(name) <= 6 and kind != "armed_group" else title_case(name)
    entity = Entity(display, "ORG", kind, tier=1, cameo=code)
    entity.add(display, source="phoenix")
    if single and PRONOUNCEABLE.fullmatch(name.lower()):
        entity.add(title_case(name), source="phoenix")  # a pronounceable "UNICEF" is also written "Unicef"
    for raw in [acronym, *block.names[1:]]:
        variant, inner = clean(raw) if raw else ("", "")
        for candidate in (variant, inner):
            _add_variant(entity, candidate, name)
    return entity


def _add_variant(entity: Entity, variant: str, name: str) -> None:
    if not variant or re.search(r"[()0-9+]", variant):
        return
    if re.fullmatch(r"[A-Z][A-Z./\-]{2,9}", variant) and " " not in variant:
        if is_initialism(variant, name):
            entity.add(variant.replace("/", "-"), source="phoenix")
    elif similar(variant, name):
        entity.add(title_case(variant), source="phoenix")


def phoenix_entities(directory: Path, demonyms: set[str]) -> tuple[list[Entity], list[Block]]:
    """Entities from the three dictionaries, and the Countries blocks for country variants."""
    files = {stem: read_blocks(directory / f"Phoenix.{stem}.actors.txt") for stem in PHOENIX_FILES}
    makers = {
        "Countries": lambda b: (
            person_entity(b, demonyms) if "countryinfo" in b.comment.lower() else body_entity(b)
        ),
        "MilNonState": armed_group_entity,
        "International": international_entity,
    }
    entities = [entity for stem, make in makers.items() for block in files[stem] if (entity := make(block))]
    return entities, files["Countries"]


# ---------------------------------------------------------------- curated entities and merging


def curated_entities(curated: dict) -> list[Entity]:
    entities = []
    for item in curated["entities"]:
        entity = Entity(item["name"], item["type"], item["kind"], wikidata=item.get("wikidata", ""))
        entity.cameo = item.get("cameo", "")
        for alias in [item["name"], *item.get("aliases", [])]:
            entity.add(alias)
        entities.append(entity)
    return entities


def merge(primary: list[Entity], phoenix: list[Entity], stats: collections.Counter) -> list[Entity]:
    """Fold each Phoenix entity into an earlier one it names (same type), else append it."""
    by_alias = {(fold(alias), entity.type): entity for entity in primary for alias, _k, _s in entity.aliases}
    by_name = {(fold(entity.name), entity.type): entity for entity in primary}
    merged = list(primary)
    for entity in phoenix:
        target = by_alias.get((fold(entity.name), entity.type)) or by_name.get(
            (fold(entity.name), entity.type)
        )
        if target is None:
            by_name[(fold(entity.name), entity.type)] = entity
            merged.append(entity)
        elif _same_actor(target, entity):
            _absorb(target, entity)
            stats["phoenix merged into an earlier entity"] += 1
        else:
            stats["phoenix dropped: name of another actor"] += 1
    return merged


def _same_actor(target: Entity, entity: Entity) -> bool:
    if target.type != "PERSON" or not target.cameo or not entity.cameo:
        return True
    return target.cameo[:3] == entity.cameo[:3]


def _absorb(target: Entity, entity: Entity) -> None:
    target.aliases += entity.aliases
    target.cameo = target.cameo or entity.cameo
    target.roles = target.roles or entity.roles


def fold(text: str) -> str:
    return normalise(text).casefold()


# ---------------------------------------------------------------- one owner per alias


def rows_for(entities: list[Entity], curated: dict, stats: collections.Counter) -> list[list[str]]:
    claims = claim_aliases(entities, set(map(fold, curated["exclude_aliases"])), stats)
    claims = drop_lowercase_twins(claims, stats)
    ambiguous = set(map(fold, curated["ambiguous_aliases"]))
    rows = []
    for _rank, index, alias, kind, source in claims.values():
        entity = entities[index]
        kind = f"{kind}_ambiguous" if fold(alias) in ambiguous else kind
        rows.append(
            [alias, entity.name, entity.type, entity.wikidata, kind, entity.cameo, source, entity.roles]
        )
    return sorted(
        rows, key=lambda row: (row[1].casefold(), row[1], row[0] != row[1], row[0].casefold(), row[0])
    )


def alias_key(alias: str) -> tuple[bool, str]:
    key = normalise(alias)
    return (True, key) if is_case_sensitive(key) else (False, key.casefold())


def claim_aliases(entities: list[Entity], excluded: set[str], stats: collections.Counter) -> dict:
    """Alias key -> its best claim; equal claims by two actors leave the alias to nobody."""
    claims: dict[tuple[bool, str], tuple] = {}
    contested: dict[tuple[bool, str], tuple] = {}
    for index, entity in enumerate(entities):
        for alias, kind, source in entity.aliases:
            key = alias_key(alias)
            if not _acceptable(alias, source, key, excluded):
                stats[f"{source} alias rejected (short, junk or excluded)"] += 1
                continue
            rank = (PRIORITY[source], entity.tier, alias != entity.name)
            _claim(claims, contested, key, (rank, index, alias, kind, source))
    for key, rank in contested.items():
        if key in claims and claims[key][0] == rank:
            del claims[key]
            stats["alias dropped: claimed equally by two actors"] += 1
    return claims


def _acceptable(alias: str, source: str, key: tuple[bool, str], excluded: set[str]) -> bool:
    if not key[1] or key[1].casefold() in excluded or "\t" in alias:
        return False
    return source != "phoenix" or len(key[1]) >= 4


def _claim(claims: dict, contested: dict, key: tuple, claim: tuple) -> None:
    old = claims.get(key)
    if old is None or claim[0] < old[0]:
        claims[key] = claim
    elif old[1] != claim[1] and claim[0] == old[0]:
        contested[key] = claim[0]


def drop_lowercase_twins(claims: dict, stats: collections.Counter) -> dict:
    """Drop a case-free alias that would let "us" reach what only "US" names."""
    owners = {key.casefold(): claim[1] for (exact, key), claim in claims.items() if exact}
    kept = {}
    for (exact, key), claim in claims.items():
        if not exact and owners.get(key, claim[1]) != claim[1]:
            stats["alias dropped: lowercase twin of another actor's acronym"] += 1
            continue
        kept[(exact, key)] = claim
    return kept


# ---------------------------------------------------------------- main


def build(phoenix_dir: Path, stats: collections.Counter) -> list[list[str]]:
    curated = yaml.safe_load((DATA / "gazetteer_curated.yaml").read_text(encoding="utf-8"))
    countries = Countries()
    demonyms = {fold(d) for extra in curated["countries"].values() for d in extra.get("demonym", [])}
    phoenix, country_blocks = phoenix_entities(phoenix_dir, demonyms)
    variants = phoenix_countries(country_blocks, countries, country_vocabulary(countries, curated))
    primary = curated_entities(curated) + country_entities(countries, curated, variants)
    entities = merge(primary, phoenix, stats)
    return rows_for(entities, curated, stats)


def write_tsv(rows: list[list[str]], path: Path) -> None:
    lines = ["\t".join(COLUMNS)] + ["\t".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def report(rows: list[list[str]], stats: collections.Counter, path: Path) -> None:
    print(
        f"wrote {path} ({path.stat().st_size:,} bytes, {len(rows):,} aliases, "
        f"{len({row[1] for row in rows}):,} entities)"
    )
    for column, label in ((4, "kind"), (6, "source"), (2, "type")):
        counts = collections.Counter(row[column] for row in rows)
        print(f"  by {label}: " + ", ".join(f"{key} {value}" for key, value in counts.most_common()))
    for reason, count in stats.most_common():
        print(f"  {reason}: {count}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--phoenix", type=Path, default=ROOT.parent / "shared" / "data" / "phoenix_actor_dictionaries"
    )
    parser.add_argument("--out", type=Path, default=DATA / "gazetteer.tsv")
    args = parser.parse_args(argv)
    stats: collections.Counter = collections.Counter()
    rows = build(args.phoenix, stats)
    write_tsv(rows, args.out)
    report(rows, stats, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
