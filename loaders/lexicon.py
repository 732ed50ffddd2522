"""The genre's grammar as data: ``loaders/grammar/*.yaml`` read once and turned into lookups.

The YAML files say *what* counts (event classes and their trigger words, agreement words,
titles, name particles, the words that make an event planned or negated); the modules that
apply them (``people``, ``mentions``, ``events``, ``relations``) are generic. A new event class
or title is an entry in a file plus a test sentence, not code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


def _load(name: str):
    text = resources.files("briefgraph.loaders").joinpath("grammar", name).read_text("utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@lru_cache(maxsize=None)
def grammar(name: str) -> dict:
    """The parsed ``grammar/<name>.yaml``."""
    return _load(f"{name}.yaml")


# -- inflection ---------------------------------------------------------------------------------

_VOWELS = set("aeiou")


def _double_final(word: str) -> bool:
    """Whether a verb doubles its last consonant before -ed/-ing: a one-syllable verb ending in
    consonant-vowel-consonant (stop, slap, ban; not visit, open, meet)."""
    syllables = len(re.findall(r"[aeiouy]+", word))
    return (len(word) >= 3 and syllables == 1 and word[-1] not in _VOWELS | {"w", "x", "y"}
            and word[-2] in _VOWELS and word[-3] not in _VOWELS)


def verb_forms(verb: str) -> set[str]:
    """Every form of an English verb: base, -s, -ed, -ing, and the irregular forms of
    ``grammar/english.yaml``.

    >>> sorted(verb_forms("visit"))
    ['visit', 'visited', 'visiting', 'visits']
    >>> sorted(verb_forms("meet"))
    ['meet', 'meeting', 'meets', 'met']
    """
    v = verb.lower()
    forms = {v}
    forms.add(v + "es" if v.endswith(("s", "sh", "ch", "x", "z", "o")) else
              v[:-1] + "ies" if v.endswith("y") and v[-2:-1] not in _VOWELS else v + "s")
    if v.endswith("e"):
        forms |= {v + "d", v[:-1] + "ing"}
    elif v.endswith("y") and v[-2:-1] not in _VOWELS:
        forms |= {v[:-1] + "ied", v + "ing"}
    elif _double_final(v):
        forms |= {v + v[-1] + "ed", v + v[-1] + "ing"}
    else:
        forms |= {v + "ed", v + "ing"}
    irregular = grammar("english")["irregular"].get(v)
    if irregular:
        forms -= {v + "ed", v + "d"}
        forms |= set(irregular)
    return forms


def noun_forms(noun: str) -> set[str]:
    """Singular and plural of a noun (the last word of a phrase takes the plural)."""
    n = noun.lower()
    if n.endswith(("s", "sh", "ch", "x")):
        plural = n + "es" if not n.endswith("s") or n.endswith("ss") else n
    elif n.endswith("y") and n[-2:-1] not in _VOWELS:
        plural = n[:-1] + "ies"
    else:
        plural = n + "s"
    return {n, plural}


def _phrase_variants(phrase: str, verb: bool) -> set[tuple[str, ...]]:
    words = phrase.lower().split()
    if verb:
        return {(form, *words[1:]) for form in verb_forms(words[0])}
    return {(*words[:-1], form) for form in noun_forms(words[-1])}


# -- event classes --------------------------------------------------------------------------------

@dataclass(frozen=True)
class EventClass:
    name: str
    type: str
    kind: str  # Event | Agreement
    confidence: float
    needs: frozenset[str] = frozenset()
    before: frozenset[str] = frozenset()


@dataclass(frozen=True)
class TriggerPhrase:
    words: tuple[str, ...]
    cls: EventClass
    pos: str  # verb | noun
    plural: bool = False  # a noun's plural made from its singular ("visits"; not "talks")


@lru_cache(maxsize=1)
def trigger_phrases() -> dict[str, list[TriggerPhrase]]:
    """First word (lower case) -> the trigger phrases that start with it, longest first."""
    out: dict[str, list[TriggerPhrase]] = {}

    def add(words: tuple[str, ...], cls: EventClass, pos: str, plural: bool = False) -> None:
        out.setdefault(words[0], []).append(TriggerPhrase(words, cls, pos, plural))

    for c in grammar("events")["classes"]:
        cls = EventClass(c["name"], c["type"], "Event", float(c.get("confidence", 0.7)),
                         frozenset(w.lower() for w in c.get("needs") or ()),
                         frozenset(w.lower() for w in c.get("before") or ()))
        for v in c.get("verbs") or ():
            for words in _phrase_variants(v, verb=True):
                add(words, cls, "verb")
        for n in c.get("nouns") or ():
            for words in _phrase_variants(n, verb=False):
                add(words, cls, "noun", words[-1] != n.lower().split()[-1])
    ag = grammar("agreements")
    conf = float(ag.get("confidence", 0.8))
    for atype, nouns in ag["nouns"].items():
        cls = EventClass(f"agreement:{atype}", atype, "Agreement", conf)
        for n in nouns:
            for words in _phrase_variants(n, verb=False):
                add(words, cls, "noun", words[-1] != n.lower().split()[-1])
    for atype, verbs in ag["verbs"].items():
        cls = EventClass(f"agreement-verb:{atype}", atype, "Agreement", conf - 0.15)
        for v in verbs:
            for words in _phrase_variants(v, verb=True):
                add(words, cls, "verb")
    _check_types(out)
    for phrases in out.values():
        phrases.sort(key=lambda p: -len(p.words))
    return out


def _check_types(phrases: dict[str, list[TriggerPhrase]]) -> None:
    """Every type the grammar makes must be one of the schema's (graph/schema.json)."""
    from briefgraph.errors import BriefgraphError
    from briefgraph.graph.schema import load_schema

    schema = load_schema()
    for p in (p for ps in phrases.values() for p in ps):
        allowed = schema.event_types if p.cls.kind == "Event" else schema.agreement_types
        if p.cls.type not in allowed:
            raise BriefgraphError(f"grammar class {p.cls.name!r} makes {p.cls.type!r}, which graph/schema.json "
                                  f"does not list among its {p.cls.kind.lower()} types")


@lru_cache(maxsize=None)
def cue_phrases(name: str) -> tuple[tuple[str, ...], ...]:
    """``grammar/english.yaml``'s list ``name`` (planned, negated, generic) as word tuples."""
    return tuple(tuple(p.lower().split()) for p in grammar("english")[name])


# -- people ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Titles:
    heads: frozenset[str]          # normalised (lower case) head titles
    by_first: dict[str, list[tuple[str, ...]]]  # first word (lower) -> title word tuples, longest first
    honorifics: tuple[str, ...]
    particles: frozenset[str]
    hyphen_prefixes: frozenset[str]
    modifiers: frozenset[str]
    person_verbs: frozenset[str]
    role_nouns: frozenset[str]
    alias_words: tuple[tuple[str, ...], ...]


@lru_cache(maxsize=1)
def titles() -> Titles:
    p = grammar("people")
    all_titles = [*p["heads"], *p["offices"], *p["military"]]
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for t in all_titles:
        words = tuple(t.lower().split())
        by_first.setdefault(words[0], []).append(words)
        if not words[-1].endswith("s"):
            plural = (*words[:-1], words[-1] + "s")
            by_first[words[0]].append(plural)
    for v in by_first.values():
        v.sort(key=lambda w: -len(w))
    return Titles(
        heads=frozenset(t.lower() for t in p["heads"]),
        by_first=by_first,
        honorifics=tuple(sorted(p["honorifics"], key=len, reverse=True)),
        particles=frozenset(p["particles"]),
        hyphen_prefixes=frozenset(p["hyphen_prefixes"]),
        modifiers=frozenset(m.lower() for m in p["title_modifiers"]),
        person_verbs=frozenset(p["person_verbs"]),
        role_nouns=frozenset(p["role_nouns"]),
        alias_words=tuple(tuple(a.lower().split()) for a in p["alias_words"]),
    )
