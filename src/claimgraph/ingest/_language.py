"""The language a report is written in: by its script, else by counting function words.

No model and no dependency: the few dozen commonest function words of each language
(data/languages.yaml) tell the Latin-script languages claimgraph meets apart, and other
scripts name their language by themselves. The answer is None when unsure; later layers
read an unsure document as English, as they did before languages were told apart.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from importlib import resources

import yaml

_SAMPLE = 2000  # characters: enough words to decide, cheap on long reports
_MIN_SCORE = 3.0  # function words (shared words count in part) the winner needs
_MARGIN = 1.5  # how far ahead of the runner-up it must be
_MOSTLY = 0.5  # share of letters a non-Latin script needs to name the language
_WORD = re.compile(r"[^\W\d_]+")
# Letters one of two Cyrillic languages has and the other lacks.
_UKRAINIAN_ONLY = frozenset("іїєґІЇЄҐ")
_RUSSIAN_ONLY = frozenset("ыэъёЫЭЪЁ")
_PERSIAN_ONLY = frozenset("پچژگ")
# (first, last) code point of a script's letters -> its name.
_SCRIPTS = (
    (0x0400, 0x052F, "cyrillic"),
    (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"),
    (0x0370, 0x03FF, "greek"),
    (0x0590, 0x05FF, "hebrew"),
    (0x3040, 0x30FF, "kana"),
    (0x4E00, 0x9FFF, "han"),
    (0xAC00, 0xD7AF, "hangul"),
)
_BY_SCRIPT = {"greek": "el", "hebrew": "he", "kana": "ja", "han": "zh", "hangul": "ko"}


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the language of ``text`` ("en", "it", "ru"...), or None when unsure."""
    sample = text[:_SAMPLE]
    script = _main_script(sample)
    if script is not None:
        return _by_script(script, sample)
    return _by_function_words(sample)


def _main_script(sample: str) -> str | None:
    """The non-Latin script most letters are in, or None (Latin, or no clear majority)."""
    if sample.isascii():  # most reports: no letter outside Latin, no need to look at each one
        return None
    # Counted over distinct characters: a sample holds a few dozen, so each is classified once.
    chars = Counter(sample)
    letters = sum(n for ch, n in chars.items() if ch.isalpha())
    counts: Counter[str] = Counter()
    for ch, n in chars.items():
        name = _script_of(ch) if ch.isalpha() else None
        if name is not None:
            counts[name] += n
    if not counts:
        return None
    if counts["kana"] and counts["han"]:  # Japanese writes kanji among its kana
        counts["kana"] += counts.pop("han")
    script, n = counts.most_common(1)[0]
    return script if n > _MOSTLY * letters else None


def _script_of(letter: str) -> str | None:
    point = ord(letter)
    for first, last, name in _SCRIPTS:
        if first <= point <= last:
            return name
    return None


def _by_script(script: str, sample: str) -> str:
    if script == "cyrillic":
        # Ukrainian only when its own letters outnumber Russian's; unsure means Russian.
        return "uk" if _count(sample, _UKRAINIAN_ONLY) > _count(sample, _RUSSIAN_ONLY) else "ru"
    if script == "arabic":
        return "fa" if _count(sample, _PERSIAN_ONLY) else "ar"
    return _BY_SCRIPT[script]


def _count(sample: str, letters: frozenset[str]) -> int:
    return sum(ch in letters for ch in sample)


def _by_function_words(sample: str) -> str | None:
    weights = _weights()
    scores: Counter[str] = Counter()
    # One-letter words are left out: an English "'s" or "a" would count for French or Italian.
    for word in (w for w in _WORD.findall(sample.lower()) if len(w) > 1):
        for language, weight in weights.get(word, ()):
            scores[language] += weight
    ranked = scores.most_common(2) + [("", 0.0), ("", 0.0)]
    (best, top), (_, runner_up) = ranked[0], ranked[1]
    return best if top >= _MIN_SCORE and top >= _MARGIN * runner_up else None


@functools.lru_cache(maxsize=1)
def _weights() -> dict[str, tuple[tuple[str, float], ...]]:
    """word -> (language, weight) for every language listing it; a word shared by n languages weighs 1/n."""
    text = resources.files("claimgraph.data").joinpath("languages.yaml").read_text("utf-8")
    lists = {language: set(words.split()) for language, words in yaml.safe_load(text)["function_words"].items()}
    owners: dict[str, list[str]] = {}
    for language, words in lists.items():
        for word in words:
            owners.setdefault(word, []).append(language)
    return {word: tuple((lang, 1 / len(langs)) for lang in langs) for word, langs in owners.items()}
