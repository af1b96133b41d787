"""The model's attribute rules (fine tag to part of speech and morphology, and their exceptions) matched by lookup.

spaCy's ``attribute_ruler`` runs a general ``Matcher`` with all 179 rules of the small English model at every
token: about a fifth of the model's time on news text (docs/PERFORMANCE.md). Its rules use a small part of what a
Matcher can say: one or two tokens, each tested on TAG, LOWER, DEP or IS_SPACE (a value, IN, NOT_IN or REGEX).
Such rules are filed under the tag, lower-case form and dependency their first token can have, found by looking
each token up, and handed back to the ruler as the Matcher's (id, start, end) matches, which it applies as before.
If any rule says more (an operator, another attribute), the ruler keeps spaCy's Matcher. The annotations are the
same either way (tests/test_attribute_rules.py compares them with the stock model's).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from itertools import product

# The token attributes rules may test, by their column in a token's row.
_ATTRIBUTES = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}


@dataclass(frozen=True)
class _Rule:
    match_id: int  # the ruler's id for it: its place among the rules (the ruler applies later ones last)
    tokens: tuple[tuple[tuple[int, Callable], ...], ...]  # per token: (attribute's column, test of its value)

    def matches_at(self, rows: list[tuple], start: int) -> bool:
        if start + len(self.tokens) > len(rows):
            return False
        for n, conditions in enumerate(self.tokens):
            row = rows[start + n]
            for column, accepts in conditions:
                if not accepts(row[column]):
                    return False
        return True


class LookupMatcher:
    """Stands in for the ruler's Matcher: the same (match id, start, end) triples, found by lookup."""

    def __init__(self, matcher, rules: list[_Rule]) -> None:
        self.matcher = matcher  # spaCy's, kept for what the ruler asks besides matching (its patterns)
        self.filed: dict[tuple, list[_Rule]] = defaultdict(list)  # (tag, lower-case form, dep; None: any) -> rules
        for rule in rules:
            for key in _keys(rule):
                self.filed[key].append(rule)

    def __call__(self, doc, allow_missing: bool = False, as_spans: bool = False):
        rows = [(t.tag_, t.lower_, t.dep_, t.is_space) for t in doc]
        filed, found = self.filed, []
        for start, (tag, lower, dep, _) in enumerate(rows):
            for key in product((tag, None), (lower, None), (dep, None)):
                for rule in filed.get(key, ()):
                    if rule.matches_at(rows, start):
                        found.append((rule.match_id, start, start + len(rule.tokens)))
        return found

    def __getattr__(self, name: str):
        if name == "matcher":
            raise AttributeError(name)
        return getattr(self.matcher, name)


def use_lookup(ruler) -> bool:
    """Give ``ruler`` (spaCy's AttributeRuler) the lookup matcher when every rule fits it; say whether it did."""
    rules = []
    for order, entry in enumerate(ruler.patterns):
        match_id = ruler.vocab.strings[str(order)]
        for pattern in entry["patterns"]:
            tokens = _conditions(pattern)
            if tokens is None:
                return False
            rules.append(_Rule(match_id, tokens))
    ruler.matcher = LookupMatcher(ruler.matcher, rules)
    return True


def _conditions(pattern) -> tuple | None:
    if not isinstance(pattern, list) or not 1 <= len(pattern) <= 2:
        return None
    tokens = []
    for token in pattern:
        conditions = []
        for key, value in token.items():
            accepts = _test(value)
            if key not in _ATTRIBUTES or accepts is None:
                return None
            conditions.append((_ATTRIBUTES[key], accepts))
        tokens.append(tuple(conditions))
    return tuple(tokens)


def _test(value) -> Callable | None:
    """The Matcher's meaning of a token attribute's pattern value, as a test; None for one not covered here."""
    if isinstance(value, (str, bool)):
        return _Equals(value)
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (operator, argument), = value.items()
    if operator in ("IN", "NOT_IN") and all(isinstance(v, str) for v in argument):
        return (_In if operator == "IN" else _NotIn)(frozenset(argument))
    if operator == "REGEX" and isinstance(argument, str):
        return re.compile(argument).search
    return None


@dataclass(frozen=True)
class _Equals:
    value: object

    def __call__(self, found) -> bool:
        return found == self.value


@dataclass(frozen=True)
class _In:
    values: frozenset

    def __call__(self, found) -> bool:
        return found in self.values


@dataclass(frozen=True)
class _NotIn:
    values: frozenset

    def __call__(self, found) -> bool:
        return found not in self.values


def _keys(rule: _Rule) -> list[tuple]:
    """Where a rule is filed: under each (tag, lower-case form, dependency) its first token can have, None where
    it names no value; a rule whose first token names none is filed under (None, None, None): tried everywhere."""
    first = dict(rule.tokens[0])
    return list(product(*(_named(first.get(_ATTRIBUTES[name])) for name in ("TAG", "LOWER", "DEP"))))


def _named(accepts) -> tuple:
    if isinstance(accepts, _Equals):
        return (accepts.value,)
    if isinstance(accepts, _In):
        return tuple(sorted(accepts.values))
    return (None,)
