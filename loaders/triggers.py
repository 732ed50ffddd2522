"""Event and agreement triggers: where in a sentence the words of ``grammar/events.yaml`` and
``grammar/agreements.yaml`` stand, verbs in every form and nouns in both numbers.

A word that can be a noun or a verb ("visit", "attack", "report") is read by its neighbours:
after "the", "a", a possessive or an adjective it is a noun; after "to", "will" or a subject
it is a verb. A verb too common to be an event alone ("lifted", "restored") counts only with
one of its class's words nearby (``needs``: sanctions, relations ...).
"""

from __future__ import annotations

from typing import NamedTuple

from briefgraph.loaders.lexicon import TriggerPhrase, trigger_phrases
from briefgraph.loaders.tokens import Token, tokenize

WINDOW_NEEDS = 6
_NOUN_BEFORE = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my",
                "your", "'s", "’s", "of", "first", "second", "last", "next", "official", "state", "working",
                "private", "bilateral", "joint", "recent", "historic", "any", "no", "every", "each", "another",
                "such", "military", "terrorist", "armed", "major", "new"}
_VERB_BEFORE = {"to", "will", "would", "could", "should", "may", "might", "must", "did", "not", "also", "and",
                "then", "later", "jointly", "personally", "who", "which", "they", "he", "she", "we"}


class Trigger(NamedTuple):
    first: int     # index of its first token
    last: int      # one past its last token
    phrase: TriggerPhrase


def in_spans(s: int, e: int, spans) -> bool:
    return any(s < b and a < e for a, b in spans)


def names_event(name: str) -> bool:
    """Whether a name holds an event or agreement word ("Patriotic War", "Transit Treaty").

    >>> names_event("Patriotic War"), names_event("Multan Caravanserai")
    (True, False)
    """
    lows = [t.lower for t in tokenize(name)]
    phrases = trigger_phrases()
    return any(tuple(lows[i:i + len(p.words)]) == p.words for i in range(len(lows)) for p in phrases.get(lows[i], ()))


def noun_position(toks: list[Token], i: int, j: int) -> bool:
    """Whether the word at token ``i`` that can be a noun or a verb is a noun here."""
    prev = toks[i - 1] if i else None
    nxt = toks[j].lower if j < len(toks) else ""
    if prev is not None:
        p = prev.lower
        if p in _NOUN_BEFORE or p.endswith(("-day", "-level", "al", "ic")) or p[:1].isdigit():
            return True
        if prev.text[:1].isupper() and i > 1 and toks[i - 2].lower != "to":
            return True  # "Turkey visit", "Khojaly attack"
        if p in _VERB_BEFORE:
            return False
    return nxt in ("of", "to", "by", "on", "in", "was", "were", "is", "has", "had", "will")


def _near(lows: list[str], start: int, width: int, words: frozenset[str]) -> bool:
    window = " " + " ".join(lows[start:start + width]) + " "
    return any(f" {w} " in window for w in words)


def find_triggers(toks: list[Token], skip_spans=()) -> list[Trigger]:
    """The triggers of a sentence, left to right, longest first, none inside ``skip_spans``
    (names of bodies and places, citations).

    >>> from briefgraph.loaders.tokens import tokenize
    >>> [(t.phrase.cls.type, t.phrase.pos) for t in find_triggers(tokenize("They paid an official visit and met."))]
    [('Visit', 'noun'), ('Meeting', 'verb')]
    """
    phrases, out, n = trigger_phrases(), [], len(toks)
    lows = [t.lower for t in toks]
    i = 0
    while i < n:
        fits: list[TriggerPhrase] = []
        for p in phrases.get(lows[i], ()):
            k = len(p.words)
            if tuple(lows[i:i + k]) != p.words:
                continue
            wanted = p.cls.needs | p.cls.before
            if p.pos == "verb" and wanted and not (_near(lows, i + k, WINDOW_NEEDS, wanted) or
                                                   _near(lows, max(0, i - WINDOW_NEEDS), i - max(0, i - WINDOW_NEEDS), wanted)):
                continue
            if fits and k < len(fits[0].words):
                break
            fits.append(p)
        if fits:
            p = fits[0]
            if len({f.pos for f in fits}) > 1:
                want = "noun" if noun_position(toks, i, i + len(p.words)) else "verb"
                p = next(f for f in fits if f.pos == want)
            s, e = toks[i].start, toks[i + len(p.words) - 1].end
            if not in_spans(s, e, skip_spans):
                out.append(Trigger(i, i + len(p.words), p))
                i += len(p.words)
                continue
        i += 1
    return out
