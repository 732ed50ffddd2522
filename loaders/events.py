"""``find_events(doc, mentions) -> list[EventMention]``: the events and agreements of a brief
with their parties, places, dates and status.

Per sentence:

1. ``triggers.find_triggers``: the words of ``grammar/events.yaml`` / ``agreements.yaml``.
2. ``mention_of``: each trigger read in its context: a bare plural ("high-level visits") or
   a goal ("aim to establish") names no particular event; a noun after "the", "this" or a
   possessive may tell again of one told before (an anaphor); planned (``is to meet``) and
   negated (``did not meet``) events are kept and marked.
3. ``event_dates.assign_dates``: each date to the trigger it belongs to.
4. ``event_roles.assign_roles``: participants, places and the body an event establishes.
5. ``coreference.resolve``: one event told twice becomes one; ``during`` links.

Rules are data (``grammar/``); every one has a test sentence in ``tests/test_event_classes.py``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from briefgraph.loaders.anchoring import Anchor, sentence_dates
from briefgraph.loaders.dates import DateValue
from briefgraph.loaders.document import Document, Sentence
from briefgraph.loaders.lexicon import EventClass, cue_phrases
from briefgraph.loaders.mentions import ACTOR_KINDS, SENTENCE_WORDS, MONTHS, Mention, citation_spans
from briefgraph.loaders.tokens import Token, is_possessive, tokens_of
from briefgraph.loaders.triggers import Trigger, find_triggers, in_spans

_DETERMINERS = {"the", "this", "that", "these", "those", "his", "her", "their", "its", "said"}
_FRESH = {"a", "an", "another", "previous", "first", "second", "third", "fourth", "fifth", "last", "next",
          "new", "earlier", "upcoming", "one", "annual", "historic", "historical"}
_COUNT = re.compile(r"^(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|dozens?|"
                    r"several|series)$", re.I)
_WEAK_NOUNS = {"resolution", "resolutions", "arrangement", "arrangements", "convention", "conventions",
               "charter", "contract", "contracts", "deal", "deals", "exercise", "exercises", "forum", "return",
               "exit", "formation", "creation", "founding", "recognition", "withdrawal", "announcement",
               "drill", "drills", "clash", "clashes"}
_SIGN_VERBS = re.compile(r"\b(?:sign|signed|signing|signs|ink|inked|adopt|adopted|pass|passed|conclude|concluded|"
                         r"co-sponsored|sponsored|agree|agreed|reach|reached|ratif\w+|approved|announced|held|"
                         r"conducted|staged|took\s+part|participated|experienced|completed|formed|created)\b", re.I)
_PREDICATE = re.compile(r"(?:\b(?:this|it|that)\s+(?:was|is|has\s+been|will\s+be|marks?|marked)\s+(?:also\s+)?"
                        r"(?:the|a|an|his|her|their|its)|,\s+(?:his|her|their|its))\s+(?:[\w\-]+\s+){0,3}\Z", re.I)
# "the summit would take place on 27 November": a noun's event planned by its predicate
_PLANNED_AFTER = re.compile(r"[^.;:]{0,80}?\b(?:would|will|was\s+to|is\s+to|were\s+to|are\s+to|(?:was|is|were|are)\s+"
                            r"(?:supposed|expected|scheduled|due|set|planned)\s+to)\s+(?:\w+\s+){0,2}"
                            r"(?:take\s+place|be\s+held|convene|open|start|begin)\b", re.I)
# an aside between a noun and its predicate: "the summit—involving the five countries—was to ..."
_ASIDE = re.compile(r"\s*(?:[—–]|\s-\s)[^—–.;]{1,200}?(?:[—–]|\s-\s)|\s*\([^()]{1,200}\)")
_ADJECTIVE_NOUNS = {"forces", "troops", "army", "armies", "power", "powers", "countries", "states", "parties",
                    "nations", "regime", "soldiers", "members", "member", "fathers", "father", "document",
                    "documents", "ceremony", "principles", "charter"}


@dataclass(eq=False)
class EventMention:
    """One event or agreement as the brief tells it, possibly over several sentences."""

    kind: str                # Event | Agreement
    type: str                # event_type / agreement_type
    cls: EventClass
    sent: Sentence           # where it is first told
    start: int               # offsets of its trigger in that sentence
    end: int
    trigger: str
    pos: str                 # verb | noun
    name: str | None = None  # a name the text gives it ("Patriotic War", "Transit Treaty")
    date: DateValue | None = None
    date_source: str | None = None
    date_planned: bool = False
    date_at: int | None = None  # offset of its date in the sentence that gave it
    status: str | None = None  # planned | negated
    participants: dict[str, str | None] = field(default_factory=dict)  # entity key -> role
    places: list[str] = field(default_factory=list)
    establishes: list[str] = field(default_factory=list)
    hosts: list[str] = field(default_factory=list)  # places a visit went to
    during: "EventMention | None" = None
    count: str | None = None
    number: str | None = None
    plural: bool = False
    theme: str | None = None  # the actor a noun is "of" ("the independence of Pakistan")
    anaphor: bool = False
    told_definite: bool = False  # first told as if known ("the recently concluded visit")
    fallback: tuple | None = None  # an anaphor's parties, places, bodies as a new event
    ref: "EventMention | None" = None  # an anaphor's antecedent: the event it tells of again
    listed_in: "EventMention | None" = None  # the set it is listed in ("seven agreements ... included")
    sentences: list[Sentence] = field(default_factory=list)
    told: set[int] | None = None  # indexes of ``sentences``, made on the first merge
    mentions: list[str] = field(default_factory=list)  # surface texts of its triggers
    rule: str = "trigger"
    bodies: frozenset[str] = frozenset()  # the organisations among its participants

    @property
    def confidence(self) -> float:
        c = self.cls.confidence - (0.1 if self.rule == "ellipsis" else 0.0)
        return round(max(0.1, min(1.0, c)), 2)

    def target(self) -> "EventMention":
        """The event this mention stands for (itself, or its antecedent)."""
        ev = self
        while ev.anaphor and ev.ref is not None:
            ev = ev.ref
        return ev


class Discourse:
    """Who the brief has named so far, for "he", "the two countries", "the bloc"."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.recency: dict[str, int] = {}
        self.kind: dict[str, str] = {}
        self.heads: dict[str, str] = {}  # person -> the state they head, as the brief said
        self.tick = 0

    def saw(self, mentions: list[Mention]) -> None:
        for m in mentions:
            if m.kind == "Person" and m.head_of:
                self.heads[m.key] = m.head_of
            if m.kind in ACTOR_KINDS:
                self.tick += 1
                self.counts[m.key] += 1
                self.recency[m.key] = self.tick
                self.kind[m.key] = m.kind

    def last(self, kind: str) -> str | None:
        keys = [k for k in self.recency if self.kind[k] == kind]
        return max(keys, key=self.recency.__getitem__) if keys else None

    def salient(self, kind: str, n: int) -> list[str]:
        """The ``n`` entities of ``kind`` named most often so far (the latest first on ties)."""
        keys = [k for k in self.counts if self.kind[k] == kind]
        keys.sort(key=lambda k: (-self.counts[k], -self.recency[k]))
        return keys[:n]


# -- reading a trigger in its context ----------------------------------------------------------------

def _determiner(toks: list[Token], a: int) -> tuple[str | None, str | None]:
    """The determiner (or possessive) and the count ("15", "seven", "a series of") before a noun."""
    for k in range(a - 1, max(-1, a - 5), -1):
        w = toks[k].lower
        if w in _DETERMINERS or is_possessive(toks[k]) or w in ("a", "an"):
            return ("poss" if is_possessive(toks[k]) else w), None
        if _COUNT.match(w):
            return None, "a series" if w == "series" and k > 0 and toks[k - 1].lower == "a" else toks[k].text
        if toks[k].text in (",", "(", ")", ".") or w in ("of", "to", "in", "on", "at", "with", "by", "for", "from",
                                                        "and", "during", "after", "before", "since"):
            break
    return None, None


def _named(sent: Sentence, toks: list[Token], a: int, b: int) -> str | None:
    """The capitalised name that holds a noun trigger: "Caucasian Eagle-2019 Military Exercise",
    "Nepal-India Transit Treaty", "Khojaly Massacre"."""
    if not toks[a].text[:1].isupper():
        return None
    j = a
    while j > 0 and (toks[j - 1].text[:1].isupper() or toks[j - 1].text in ("-", "–") or
                     (toks[j - 1].text[:1].isdigit() and sent.text[toks[j - 1].end:toks[j].start] == "")
                     or toks[j - 1].text in ("’", "'", "’s")) and toks[j - 1].text not in SENTENCE_WORDS:
        j -= 1
    if j == a and not re.match(r"\s+(?:of|on|for)\s+(?:the\s+)?[A-Z]", sent.text[toks[b - 1].end:]):
        return None
    end = toks[b - 1].end
    more = re.match(r"(?:\s+(?:of|on|for)(?:\s+the)?(?:\s+[A-Z][\w\-]*)+)+", sent.text[end:])
    if more:
        end += more.end()
    name = sent.text[toks[j].start:end].strip(" -’'")
    return None if name.split()[0] in MONTHS else name


@lru_cache(maxsize=None)
def _cue_index(name: str) -> tuple[frozenset[tuple[str, ...]], tuple[int, ...]]:
    cues = cue_phrases(name)
    return frozenset(cues), tuple(sorted({len(c) for c in cues}))


def _cue_before(lows: list[str], i: int, name: str, reach: int) -> bool:
    """Whether one of ``grammar/english.yaml``'s ``name`` phrases ends within ``reach`` words before ``i``."""
    cues, lengths = _cue_index(name)
    for j in range(max(0, i - reach), i):
        for k in lengths:
            if j + k <= i and tuple(lows[j:j + k]) in cues:
                return True
    return False


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    return frozenset(p[0] for p in cue_phrases("generic"))


def mention_of(sent: Sentence, toks: list[Token], trig: Trigger, ms: list[Mention]) -> EventMention | None:
    """The event a trigger tells of, or None where it names none in particular."""
    a, b, phrase = trig
    cls, text = phrase.cls, sent.text
    lows = [t.lower for t in toks]
    s, e = toks[a].start, toks[b - 1].end
    noun = phrase.pos == "noun"
    plural = noun and phrase.plural
    before = lows[max(0, a - 4):a]
    det, count = _determiner(toks, a) if noun else (None, None)
    generic = _generic_words()
    actor_before = any(m.kind in ACTOR_KINDS and 0 <= s - m.end <= 2 for m in ms)  # "Indian airstrikes"
    if noun and plural and det is None and count is None and not actor_before and not \
            (cls.kind == "Agreement" and _SIGN_VERBS.search(text[max(0, s - 60):s])):
        return None  # a bare plural names a kind of event ("high-level visits", "bilateral deals")
    if noun and any(w in ("no", "any", "such", "all") for w in before[-2:]):
        return None
    if noun and plural and count is None and any(w in generic for w in before[-2:]):
        return None  # "multiple massacres", "reciprocal visits"
    if lows[b - 1].endswith("ing") and b < len(toks) and lows[b] in _ADJECTIVE_NOUNS:
        return None  # "occupying forces", "founding members": an adjective
    if cls.kind == "Agreement" and not noun and re.search(r"\bit\s+(?:was|is|has\s+been)\s+\Z", text[max(0, s - 20):s]):
        return None  # "it was agreed to deepen cooperation": what was agreed, not a new agreement
    if cls.kind == "Agreement" and not noun and re.search(r"\bto\s+(?:\w+ly\s+)?\Z", text[max(0, s - 20):s]):
        return None  # "to finally agree on": a goal
    if _cue_before(lows, a, "unreal", 5):
        return None  # "aim to establish", "should they be willing to rejoin": not an event
    if noun and (phrase.words[-1] in _WEAK_NOUNS or lows[b - 1] in _WEAK_NOUNS):
        number = re.match(r"\s+(?:No\.?\s*)?(\d{2,5})\b", text[e:])
        party_before = any(m.end <= s and s - m.end <= 2 and m.kind in ACTOR_KINDS for m in ms)
        if not (number or toks[a].text[:1].isupper() or party_before or count
                or _SIGN_VERBS.search(text[max(0, s - 60):e + 40])):
            return None  # "a peaceful resolution of the dispute"
    if cls.kind == "Agreement" and a and lows[a - 1] == "in" and det is None:
        return None  # "in agreement with"
    name = _named(sent, toks, a, b) if noun else None
    ev = EventMention(cls.kind, cls.type, cls, sent, s, e, text[s:e], phrase.pos, name=name, count=count,
                      plural=plural)
    ev.sentences.append(sent)
    ev.mentions.append(text[s:e])
    num = re.match(r"\s+(?:No\.?\s*)?(\d{2,5})\b", text[e:])
    if num and cls.kind == "Agreement":
        ev.number = num.group(1)
    if not noun and _cue_before(lows, a, "negated", 4):
        ev.status = "negated"
    elif _cue_before(lows, a, "planned", 5) or noun and _planned_after(text, e):
        ev.status = "planned"
    fresh = any(w in _FRESH for w in before[-3:]) or name is not None
    ev.anaphor = noun and det is not None and det not in ("a", "an") and not fresh and count is None
    if noun and _PREDICATE.search(text[max(0, s - 60):s]):
        ev.anaphor = True  # "This was the first foreign visit by ...": the visit already told
    of = re.match(r"\s+of\s+(?:the\s+)?", text[e:])
    if noun and of:
        ev.theme = next((m.key for m in ms if m.kind in ACTOR_KINDS and m.start == e + of.end()), None)
    return ev


def _planned_after(text: str, end: int) -> bool:
    """Whether the predicate of the noun ending at ``end`` plans it ("the summit would take
    place on 27 November"), past an aside between them."""
    aside = _ASIDE.match(text, end)
    return bool(_PLANNED_AFTER.match(text, aside.end() if aside else end))


# -- the pass --------------------------------------------------------------------------------------

def find_events(doc: Document, mentions: dict[int, list[Mention]]) -> list[EventMention]:
    """Every event and agreement of the brief, each told once."""
    from briefgraph.loaders.coreference import resolve
    from briefgraph.loaders.event_dates import assign_dates, ellipsis, present_events
    from briefgraph.loaders.event_roles import assign_roles

    anchor = Anchor(doc.date)
    discourse = Discourse()
    events: list[EventMention] = []
    for sent in doc.sentences:
        toks = list(tokens_of(sent.text))
        ms = mentions.get(sent.index, [])
        cites = citation_spans(sent.text)
        dates = [d for d in sentence_dates(sent.text, sent.paragraph, anchor) if not in_spans(d.start, d.end, cites)]
        skip = [(m.start, m.end) for m in ms if m.kind in ("Organisation", "Place")] + cites
        here = [ev for ev in (mention_of(sent, toks, t, ms) for t in find_triggers(toks, skip)) if ev is not None]
        if here:
            assign_dates(sent, toks, here, dates)
            present_events(sent, here, doc.date)
            assign_roles(sent, toks, here, ms, discourse)
            here += ellipsis(sent, here, dates, ms)
            resolve(sent, here, events)
        discourse.saw(ms)
    return events
