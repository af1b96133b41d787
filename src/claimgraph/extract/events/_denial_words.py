"""Which words deny what was said rather than refuse a proposal (word lists in data/status.yaml, `denials`).

"Moscow dismissed the reports" and "denied that it had sent arms" deny a report; "rejected the proposal" refuses
one and stays a REJECT event. The claims step reads the same tests to find denials that name no event.
"""

from __future__ import annotations

from functools import lru_cache

from claimgraph.extract.events._args import objects_of
from claimgraph.extract.events._lexicon import lexicon, verb_forms

PRONOUNS = frozenset({"it", "this", "that", "them", "these", "those"})


@lru_cache(maxsize=1)
def denial_words() -> dict[str, frozenset[str]]:
    """The word lists, verbs with their inflections (the model runs without a lemmatizer)."""
    data = lexicon().status_data["denials"]
    words = {key: frozenset(value) for key, value in data.items()}
    for key in ("verbs", "verdict_verbs", "pronoun_verbs"):
        words[key] = frozenset(form for verb in data[key] for form in verb_forms(verb))
    return words


def denies_a_report(verb) -> bool:
    """Whether a REJECT trigger verb denies what was said (a report, a clause) rather than refuses a proposal."""
    if verb.lower_ not in denial_words()["verbs"]:
        return False
    return is_report_denial(verb) or denies_its_head(verb) or any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)


def is_report_denial(verb) -> bool:
    """ "denied the reports", "dismissed the accusations"; a pronoun ("denied it") only after verbs that deny
    rather than refuse: "Ukraine rejected it" may be a plan."""
    words = denial_words()
    if verb.lower_ not in words["verbs"]:
        return False
    objects = objects_of(verb)
    if not objects:
        return False
    return all(o.lower_ in words["report_nouns"] or o.lower_ in PRONOUNS and verb.lower_ in words["pronoun_verbs"]
               for o in objects)


def denies_its_head(verb) -> bool:
    """A denial verb in a relative clause on a report noun: "a charge Tehran denies", "claims Moscow rejected"."""
    words = denial_words()
    return (verb.dep_ == "relcl" and verb.lower_ in words["verbs"] and verb.head.lower_ in words["report_nouns"]
            and not objects_of(verb))
