"""Event and agreement mentions: triggers, the clause each one governs, and its date.

A sentence may tell of several events ("signed an agreement during the fifth meeting of
..."). Each trigger word governs a window of the sentence, cut at the last clause boundary
between it and the next trigger; participants, places and dates are looked for there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from briefgraph.loaders.dates import DateValue

EVENT_TRIGGERS: list[tuple[str, str]] = [
    ("Summit", r"\bsummit(?:\s+meeting)?s?\b"),
    ("Visit", r"\b(?:state\s+|official\s+|working\s+|(?:\w+-day)\s+)*visit(?:s|ed|ing)?\b"),
    ("Meeting", r"\b(?:meetings?|met|held\s+talks|talks|session|consultations)\b"),
    ("Conflict", r"\b(?:war|occupation|invasion|conflict|hostilities|clashes|insurgency|unrest|uprising|coup)\b"),
    ("Massacre", r"\b(?:massacres?|genocide)\b"),
    ("Exercise", r"\b(?:exercises?|drills?|war\s+games)\b"),
    ("Establishment", r"\b(?:independence|(?:were|was|been)\s+established|established\s+(?:formal\s+)?diplomatic\s+relations|establishment\s+of\s+(?:formal\s+)?diplomatic\s+relations|founded|founding\s+of|inaugurat(?:ed|ion)|(?:was|were)\s+opened)\b"),
    ("Recognition", r"\brecogni[sz](?:e|ed|es|ing|tion)\b"),
    ("Report", r"\breport(?:\s+(?:published|released|issued))?\s+by\b"),
    ("Election", r"\b(?:general\s+)?elections?\b"),
    ("Attack", r"\b(?:terrorist\s+)?(?:attack|bombing|airstrike)s?\b"),
    ("Conference", r"\bconference\b"),
]
AGREEMENT_TRIGGER = re.compile(
    r"(?:\b(?P<count>\d+|two|three|four|five|six|seven|eight|nine|ten|dozens of|several)\s+)?"
    r"\b(?P<word>MOUs?|MoUs?|memorand(?:um|a)\s+of\s+understanding|agreements?|protocols?|resolutions?|"
    r"declarations?|treat(?:y|ies)|conventions?|accords?|charter)\b"
    r"(?:\s+(?:No\.?\s*)?(?P<number>\d{2,5}))?", re.I)
# The same matches found from the agreement word, then the count looked for before it: a
# pattern that starts with an optional group is tried at every position, and is three times
# slower.
_AGREEMENT_WORD = re.compile(AGREEMENT_TRIGGER.pattern[AGREEMENT_TRIGGER.pattern.index(r"\b(?P<word>"):], re.I)
_COUNT_BEFORE = re.compile(r"\b(?P<count>\d+|two|three|four|five|six|seven|eight|nine|ten|dozens of|several)\s+\Z", re.I)


@dataclass(frozen=True)
class _AgreementMatch:
    start: int
    end: int
    text: str
    word: str
    count: str | None
    number: str | None


def _agreement_matches(text: str) -> Iterator[_AgreementMatch]:
    """What ``AGREEMENT_TRIGGER.finditer(text)`` finds, in the same order."""
    last = 0
    for m in _AGREEMENT_WORD.finditer(text):
        count = _COUNT_BEFORE.search(text, last, m.start())
        start = count.start() if count else m.start()
        yield _AgreementMatch(start, m.end(), text[start:m.end()], m.group("word"),
                              count.group("count") if count else None, m.group("number"))
        last = m.end()


AGREEMENT_TYPES = {"mou": "MOU", "memorandum": "MOU", "memoranda": "MOU", "agreement": "Agreement",
                   "protocol": "Protocol", "resolution": "Resolution", "declaration": "Declaration",
                   "treaty": "Treaty", "treaties": "Treaty", "convention": "Convention", "accord": "Accord",
                   "charter": "Charter"}
NAME_HEADS = [("Conflict", r"\b(?:War|Conflict|Crisis|Invasion|Operation)\b"), ("Massacre", r"\b(?:Massacre|Genocide)\b"),
              ("Exercise", r"\b(?:Exercise|Drills?|Games)\b"), ("Summit", r"\bSummit\b"),
              ("Agreement", r"\b(?:Agreement|MOU|MoU|Protocol|Treaty|Declaration|Accord|Convention|Charter|Resolution|Memorandum)\b")]
_NAME_HEAD_RX = [(t, re.compile(p)) for t, p in NAME_HEADS]
_COMPILED = [(t, re.compile(p, re.I)) for t, p in EVENT_TRIGGERS]
# Python's case-insensitive alternations are slow; a substring test on the lowered sentence
# rules most patterns out first (most sentences tell of no event at all).
_KEYWORDS = {
    "Summit": ("summit",), "Visit": ("visit",), "Meeting": ("meet", "met", "talks", "session", "consultation"),
    "Conflict": ("war", "occupation", "invasion", "conflict", "hostilities", "clashes", "insurgency", "unrest",
                 "uprising", "coup"),
    "Massacre": ("massacre", "genocide"), "Exercise": ("exercise", "drill", "war games"),
    "Establishment": ("independence", "establish", "found", "inaugurat", "opened"), "Recognition": ("recogni",), "Report": ("report",),
    "Election": ("election",), "Attack": ("attack", "bombing", "airstrike"), "Conference": ("conference",),
}
_AGREEMENT_KEYWORDS = ("mou", "memorand", "agreement", "protocol", "resolution", "declaration", "treat",
                       "convention", "accord", "charter")
_KEYWORD_PAIRS = tuple((k, t) for t, kws in _KEYWORDS.items() for k in kws) + tuple(
    (k, "Agreement") for k in _AGREEMENT_KEYWORDS)
# Event types whose lowercase trigger takes a name from capitalised words before it
# ("the first Nagorno-Karabakh war", "the Astana summit").
_NAMEABLE = {"Conflict", "Summit", "Exercise", "Massacre", "Election", "Conference", "Attack"}
_FUNCTION_WORDS = {"during", "the", "a", "an", "in", "of", "at", "on", "and", "to", "with", "by", "after", "before",
                   "for", "from", "as", "was", "were", "is", "are", "which", "that", "its", "their"}
_NOT_NAMES = {"The", "In", "During", "A", "An", "After", "Before", "Since", "Its", "Their", "His", "Her", "This", "That"}
_BOUNDARY = re.compile(r",|;|\s(?:is|was|were|are|and|to|with|during|while|where|which|whereas|but|after|before)\s")
_QUOTED = re.compile(r"[‘'“\"]([A-Z0-9][^‘'“\"’”]{2,100}?)[’'”\"](?!\w)")
ORDINALS = {w: i for i, w in enumerate("zeroth first second third fourth fifth sixth seventh eighth ninth tenth "
                                      "eleventh twelfth".split())}


def classify_name(name: str) -> str | None:
    """The event type (or "Agreement") a proper name announces by its head word, if any."""
    for kind, rx in _NAME_HEAD_RX:
        if rx.search(name):
            return kind
    return None


@dataclass
class Trigger:
    """An event or agreement mention in one sentence (offsets into the sentence)."""

    kind: str                  # "Event" or "Agreement"
    type: str                  # Visit, Meeting ... or MOU, Protocol ...
    start: int
    end: int
    text: str
    name: str | None = None    # a proper name (quoted or capitalised), if the text gives one
    count: int | None = None   # "15 MOUs"
    number: str | None = None  # "resolution 822"
    ordinal: int | None = None  # "fifth meeting"
    window: tuple[int, int] = (0, 0)
    date: DateValue | None = None
    anaphoric: bool = False    # "the visit", "these MOUs": refers to one told before
    extras: dict = field(default_factory=dict)


_WORD_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_PLURAL_S = re.compile(r"s$")
_QUOTED_BEFORE = re.compile(r"[‘'“\"]([A-Z0-9][^‘'“\"’”]{2,80})[’'”\"]\s+((?:[a-z\-]+\s+){0,3})$")
_CAPS_BEFORE_4 = re.compile(r"((?:[A-Z][\w\-]*\s+){1,4})$")
_CAPS_BEFORE_3 = re.compile(r"((?:[A-Z][\w\-]*\s+){1,3})$")
_CAPS_TAIL = re.compile(r"(?:\s+(?:of|on|for)\s+(?:the\s+)?(?:[A-Z][\w\-]*\s*)+"
                        r"(?:\s*(?:of|on|and)\s+(?:[A-Z][\w\-]*\s*)+)*)?")
_KNOWN_AS = re.compile(r"[^.;]{0,40}?,?\s+(?:known|referred\s+to)\s+as\s+"
                       r"(?:the\s+)?[‘'“\"]([^’'”\"]{2,60})[’'”\"]")
_LAST_WORD = re.compile(r"(\w+)\s+$")
_NUMERIC_ORDINAL = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\s+(?:[A-Z][\w\-]*\s+|\([A-Z]+\)\s+){0,5}$")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|this|these|those|that|his|her|its|their|said)\s+(?:recent\s+|same\s+)?$")


def find_triggers(text: str) -> list[Trigger]:
    """Event and agreement triggers of one sentence, left to right, without overlaps."""
    found: list[Trigger] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in _QUOTED.finditer(text):  # quoted proper names first: 'Khojaly Massacre'
        kind = classify_name(m.group(1))
        if kind is None:
            continue
        s, e = m.span(1)
        if kind == "Agreement":
            word = AGREEMENT_TRIGGER.search(m.group(1))
            atype = AGREEMENT_TYPES.get(_PLURAL_S.sub("", word.group("word").lower().split()[0]), "Agreement") if word else "Agreement"
            found.append(Trigger("Agreement", atype, s, e, m.group(1), name=m.group(1)))
        else:
            found.append(Trigger("Event", kind, s, e, m.group(1), name=m.group(1)))
        taken.append((m.start(), m.end()))
    low = text.lower()
    present = {t for k, t in _KEYWORD_PAIRS if k in low}
    if not present:
        return found
    for m in _agreement_matches(text) if "Agreement" in present else ():
        if not free(m.start, m.end):
            continue
        word = m.word.lower().split()[0]
        atype = AGREEMENT_TYPES.get(word.rstrip("s") if word not in ("treaties",) else "treaties", None)
        atype = atype or AGREEMENT_TYPES.get(word, "Agreement")
        count = m.count
        t = Trigger("Agreement", atype, m.start, m.end, m.text,
                    count=(int(count) if count and count.isdigit() else _WORD_COUNTS.get((count or "").lower())),
                    number=m.number)
        # a capitalised name ending in the trigger: "Bilateral Military Cooperation Agreement"
        before = _CAPS_BEFORE_6.search(text, max(0, m.start - 160), m.start) if m.word[0].isupper() else None
        if before and before.group(1).split()[0] not in _NOT_NAMES | {"These", "Those", "Such"}:
            t.name = (before.group(1) + m.word).strip()
            t.start = before.start(1)
        after = _NAME_AFTER.match(text, m.end) if m.word[0].isupper() and not m.count else None
        if after:
            t.name = ((t.name or m.word) + after.group(0)).strip()
            t.end = after.end()
        found.append(t)
        taken.append((t.start, t.end))
    for etype, rx in _COMPILED:
        if etype not in present and not (etype == "Exercise" and "Conflict" in present):
            continue
        for m in rx.finditer(text):
            if free(*m.span()):
                found.append(Trigger("Event", etype, m.start(), m.end(), m.group(0)))
                taken.append(m.span())
    found.sort(key=lambda t: t.start)
    for i, t in enumerate(found):
        lo = 0 if i == 0 else _cut(text, found[i - 1].end, t.start)
        hi = len(text) if i + 1 == len(found) else _cut(text, t.end, found[i + 1].start)
        t.window = (lo, hi)
        quoted = _QUOTED_BEFORE.search(text, max(0, t.start - 160), t.start)
        if quoted and (set(quoted.group(2).split()) & _FUNCTION_WORDS or classify_name(quoted.group(1))):
            quoted = None  # "'X Agreement' during the fifth meeting": the name is not the meeting's
        if t.kind == "Event" and t.name is None and quoted:
            t.name = quoted.group(1)  # "'Peace Mission-2021' joint military exercise"
            t.start = quoted.start(1)
        if t.kind == "Event" and t.name is None and t.text[:1].isupper() and t.start > 0:
            caps = _CAPS_BEFORE_4.search(text[max(0, t.start - 160):t.start])
            tail = _CAPS_TAIL.match(text[t.end:])
            lead = caps.group(1).split() if caps else []
            while lead and lead[0] in _NOT_NAMES:
                lead.pop(0)
            if lead:
                t.name = (" ".join(lead) + " " + t.text + tail.group(0)).strip()
                t.start, t.end = t.start - len(" ".join(lead)) - 1, t.end + len(tail.group(0).rstrip())
        known_as = _KNOWN_AS.match(text[t.end:])
        if t.kind == "Event" and t.name is None and known_as:
            t.name = known_as.group(1)
        if t.kind == "Event" and t.name is None and t.type in _NAMEABLE:
            caps = _CAPS_BEFORE_3.search(text, max(0, t.start - 160), t.start)
            if caps and caps.group(1).split()[0] not in _NOT_NAMES:
                t.name = caps.group(1) + t.text
                t.start = caps.start(1)
        before = text[max(0, t.start - 40):t.start].lower()
        o = _LAST_WORD.search(before)
        if o and o.group(1) in ORDINALS:
            t.ordinal = ORDINALS[o.group(1)]
        n = _NUMERIC_ORDINAL.search(text[max(0, t.start - 160):t.start])
        if n and t.ordinal is None:
            t.ordinal = int(n.group(1))  # "the 13th Joint Cooperation Committee (JCC) meeting"
        t.anaphoric = bool(_DETERMINER_BEFORE.search(before)) \
            and t.name is None and t.count is None and t.number is None
    return found


_CAPS_BEFORE_6 = re.compile(r"((?:[A-Z][\w\-]*\s+){1,6})$")
_NAME_AFTER = re.compile(r"\s+(?:on|of|for|between)\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+(?:and\s+|of\s+|on\s+|for\s+)?[A-Z][\w\-]*)*")
_STRONG_BOUNDARY = re.compile(r";|,\s+(?:and|while|whereas|but|and\s+then)\s")


def _cut(text: str, a: int, b: int) -> int:
    """The clause boundary between offsets ``a`` and ``b``: the first strong one (", and",
    ";"), else the last weak one (a comma, "is", "to" ...) so that the modifiers of the next
    trigger ("Indian illegal occupation") stay with it; else ``b``."""
    strong = _STRONG_BOUNDARY.search(text, a, b)
    if strong:
        return strong.start()
    last = None
    for m in _BOUNDARY.finditer(text, a, b):
        last = m.start() + (0 if text[m.start()] in ",;" else 1)
    return last if last is not None else b
