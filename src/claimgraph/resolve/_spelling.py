"""Other spellings of a person's name, as romanisations of Ukrainian and Russian give them.

Outlets romanise the same Cyrillic name differently: the Ukrainian national system writes "Serhii", "Maliar",
"Zelenskyi", the BGN/PCGN and press systems "Serhiy", "Malyar", "Zelenskiy", and English papers "Zelensky". A
person entity lists the variants of its name among its aliases, so that a query, a scorer or the merge across
reports finds "Serhiy Cherevatyi" in a report that wrote "Serhii Cherevatyi". Only the alternations the systems
differ by are applied (word-final -ii/-iy/-yi/-yy/-y, a bare -y ending only after k; ia/ya and iu/yu before a
consonant), never a guess at the Cyrillic.
"""

from __future__ import annotations

import itertools
import re

MAX_VARIANTS = 12
# Word endings that are one Cyrillic ending (-ий, -ій, -ый) in the different systems.
_ENDINGS = ("iy", "ii", "yi", "yy", "y")
_INNER = (("ia", "ya"), ("iu", "yu"))
_NAME_WORD = re.compile(r"^[A-Z][a-z]{2,}$")


def spelling_variants(name: str) -> list[str]:
    """Other romanisations of a name, without the name itself, at most MAX_VARIANTS, in a stable order."""
    words = name.split()
    if not 2 <= len(words) <= 4 or not all(_NAME_WORD.match(w) or w in ("-",) for w in words):
        return []
    others = [[form for form in _word_variants(word) if form != word] for word in words]
    found: list[str] = []
    for changed in range(1, len(words) + 1):  # fewest words respelt first; stop at MAX_VARIANTS
        for positions in itertools.combinations(range(len(words)), changed):
            for forms in itertools.product(*(others[p] for p in positions)):
                respelt = list(words)
                for position, form in zip(positions, forms, strict=True):
                    respelt[position] = form
                found.append(" ".join(respelt))
                if len(found) >= MAX_VARIANTS:
                    return found
    return found


def _word_variants(word: str) -> list[str]:
    forms = [word]
    stem, ending = _split_ending(word)
    if ending:
        forms += [stem + other for other in _ENDINGS if other != ending]
    for one, other in _INNER:
        forms += [_swap(f, one, other) for f in list(forms)] + [_swap(f, other, one) for f in list(forms)]
    return list(dict.fromkeys(forms))


def _swap(word: str, one: str, other: str) -> str:
    """ "Maliar" -> "Malyar": inside the word and before a consonant only ("Victoria", "Yulia" stay)."""
    return word[:1] + re.sub(rf"{one}(?=[b-df-hj-np-tv-z])", other, word[1:])


def _split_ending(word: str) -> tuple[str, str]:
    """ "Serhii" -> ("Serh", "ii"); "Zelensky" -> ("Zelensk", "y"); names ending otherwise have no such ending."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3 and word[-len(ending) - 1] not in "aeiouy":
            if ending != "y" or word.endswith("ky"):  # "Zelensky", "Podolyaky"; not "Kirby", "Kennedy"
                return word[: -len(ending)], ending
    return word, ""
