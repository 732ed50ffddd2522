"""``find_relations(doc, mentions, events) -> list[Relation]``: what the brief says about how
its actors stand to each other.

* HEAD_OF: a person named with the top office of a state (``Egyptian President ...``,
  ``..., Prime Minister of Japan``), or a known head of state or government
  (``gazetteer.leaders``); ``the coup that brought X to power``.
* MEMBER_OF: ``X, as a member of Y``; ``the members of Y (consist of|include|are) A, B and C``;
  ``A-B-C trilateral mechanism``; the founders of a body an event establishes; ``X joined Y``.
* PART_OF: a body named with its state (``Brazilian Air Force``, ``Ministry of ... of
  Azerbaijan``) or inside a larger body (``OIC Contact Group``, UNSC in the UN).
* LOCATED_IN: ``X in <state>``, ``X, <state>``, ``the <state> capital X``, ``X region of Y``,
  a landmark in a city, and the country of a gazetteer city when the brief names that country.
* IN_CONFLICT_WITH: ``X's occupation of ... Y``, ``X invaded Y``, ``war between X and Y``.
* SUPPORTS: ``X's support to Y``, ``X supports Y``, ``X and Y ... support each other``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from briefgraph.loaders import gazetteer
from briefgraph.loaders.dates import find_dates
from briefgraph.loaders.document import Document, Sentence
from briefgraph.loaders.events import EventMention
from briefgraph.loaders.mentions import ACTOR_KINDS, Mention

# How sure each rule is (see README, "Confidence").
CONFIDENCE = {"title": 0.9, "leader": 0.85, "coup": 0.7, "member-phrase": 0.8, "member-list": 0.8,
              "multilateral": 0.85, "founders": 0.7, "joined": 0.7, "named-with-state": 0.85,
              "part-of-body": 0.8, "located": 0.8, "city-country": 0.7, "conflict": 0.7,
              "support": 0.7, "mutual-support": 0.7, "header": 0.9}


@dataclass(frozen=True)
class Relation:
    source: str        # entity key
    target: str
    type: str
    sent: Sentence | None
    mention: str | None = None
    rule: str = ""
    props: tuple[tuple[str, object], ...] = ()

    @property
    def confidence(self) -> float:
        return CONFIDENCE.get(self.rule, 0.6)


_MEMBER_OF = re.compile(r"\b(?:as\s+a\s+member\s+of|is\s+a\s+(?:\w+\s+)?member\s+of|are\s+(?:\w+\s+)?members\s+of|became\s+a\s+member\s+of|"
                        r"a\s+member\s+state\s+of|membership\s+(?:of|in))\s+(?:the\s+)?", re.I)
_MEMBERS_LIST = re.compile(r"\bmembers?(?:\s+states)?\s+(?:of\s+(?:the\s+)?(?P<org1>[^,;]{2,80}?)\s+)?"
                           r"(?:consist\s+of|consists\s+of|include|includes|are|comprise|comprises|—|:)\s+", re.I)
_CONFLICT_WORDS = re.compile(r"occup|invad|invasion|annex|attack|aggression|war\b|bomb|shell|fought|conflict|clash|hostilit")
_CONFLICT_NOUN = re.compile(r"\b(?:occupation|invasion|annexation|attack|attacks|aggression|war|bombing|shelling)\s+(?:of|on|against)\s+", re.I)
_CONFLICT_VERB = re.compile(r"\b(?:invaded|attacked|occupied|annexed|bombed|shelled|fought|declared\s+war\s+on)\s+", re.I)
_WAR_BETWEEN = re.compile(r"\b(?:war|conflict|clashes|hostilities)\s+between\s+", re.I)
_SUPPORT = re.compile(r"\b(?:support|backing|assistance)\s+(?:to|for)\s+|\b(?:supports|supported|backs|backed|"
                      r"sided\s+with|stood\s+by|stands\s+by)\s+", re.I)
_EACH_OTHER = re.compile(r"\bsupport(?:ed|s|ing)?\s+(?:each\s+other|one\s+another)", re.I)
_BROUGHT_TO_POWER = re.compile(r"\bbrought\s+(?P<who>[\w\-’' ]{2,40}?)\s+to\s+power\b", re.I)
_REGION_OF = re.compile(r"\s+(?:region\s+|province\s+|district\s+|territory\s+|area\s+)?of\s+(?:the\s+)?")


def _next_actor(ms: list[Mention], pos: int, kinds=ACTOR_KINDS, within: int = 60) -> Mention | None:
    """The first mention of ``kinds`` after ``pos`` (the longest of those starting there)."""
    cands = [m for m in ms if m.start >= pos and m.start - pos <= within and m.kind in kinds]
    return min(cands, key=lambda m: (m.start, -m.end)) if cands else None


def _prev_actor(ms: list[Mention], pos: int, kinds=ACTOR_KINDS, within: int = 60) -> Mention | None:
    cands = [m for m in ms if m.end <= pos and pos - m.end <= within and m.kind in kinds]
    return max(cands, key=lambda m: m.end) if cands else None


def find_relations(doc: Document, mentions: dict[int, list[Mention]], events: list[EventMention],
                   kinds: dict[str, str]) -> list[Relation]:
    """Every relation the brief states; ``kinds`` maps entity key -> kind."""
    out: list[Relation] = []
    doc_states = {k for k, kind in kinds.items() if kind == "State"}
    seen: Counter[str] = Counter()
    for sent in doc.sentences:
        ms = mentions.get(sent.index, [])
        text = sent.text
        seen.update(m.key for m in ms if m.kind == "State")
        pair = [k for k, _ in seen.most_common(2)]
        sentence_date = None
        for m in ms:
            if m.kind == "Person" and m.head_of:
                rule = "title" if m.title else "leader"
                props: tuple = (("role", m.title),) if m.title else ()
                if m.title:  # "the then President of Pakistan ... in 1995": in office at that date
                    sentence_date = sentence_date or (find_dates(text, doc.anchor_date) or [None])[0]
                    if sentence_date is not None:
                        props += tuple(sentence_date.as_props().items())
                out.append(Relation(m.key, m.head_of, "HEAD_OF", sent, m.text, rule, props))
            if m.part_of and m.kind in ("Organisation", "Place"):
                out.append(Relation(m.key, m.part_of, "PART_OF", sent, m.text, "named-with-state"))
            if m.kind == "Organisation":
                parent = gazetteer.parent_organisations().get(m.key)
                if parent:
                    out.append(Relation(m.key, parent, "PART_OF", sent, m.text, "part-of-body"))
                for st in m.members:
                    out.append(Relation(st, m.key, "MEMBER_OF", sent, m.text, "multilateral"))
            if m.kind == "Place":
                if m.located_in:
                    out.append(Relation(m.key, m.located_in, "LOCATED_IN", sent, m.text, "located"))
                cc = m.props.get("country_code")
                if cc and cc in doc_states and cc != m.key:
                    out.append(Relation(m.key, cc, "LOCATED_IN", sent, m.text, "city-country"))
                region_of = _REGION_OF.match(text[m.end:])  # "Karabakh region of Azerbaijan"
                if region_of:
                    nxt = _next_actor(ms, m.end + region_of.end(), ("State",), 2)
                    if nxt is not None:
                        out.append(Relation(m.key, nxt.key, "LOCATED_IN", sent, m.text, "located"))
        out.extend(_part_of_body(sent, ms))
        for lies in _LIES_IN.finditer(text):
            place = _prev_actor(ms, lies.start(), ("Place",), 3)
            if place is not None:
                for x in ms:
                    if x.kind in ("State", "Place") and lies.end() <= x.start <= lies.end() + 40 and x.key != place.key:
                        out.append(Relation(place.key, x.key, "LOCATED_IN", sent, place.text, "located"))
        out.extend(_the_country_s(sent, ms))
        out.extend(_membership(sent, ms, pair))
        out.extend(_conflict(sent, ms))
        out.extend(_support(sent, ms, pair))
        for b in _BROUGHT_TO_POWER.finditer(text):
            who = next((m for m in ms if m.kind == "Person" and b.start("who") <= m.start < b.end("who")), None)
            state = _prev_actor(ms, b.start(), ("State",), 200) or _next_actor(ms, b.end(), ("State",), 80)
            if who is not None and state is not None:
                out.append(Relation(who.key, state.key, "HEAD_OF", sent, who.text, "coup"))
    for ev in events:
        if ev.type == "Establishment" and ev.establishes:
            for k in ev.participants:
                if kinds.get(k) == "State":
                    for org in ev.establishes:
                        out.append(Relation(k, org, "MEMBER_OF", ev.sent, None, "founders"))
        if ev.type == "Accession":
            orgs = [k for k in ev.participants if kinds.get(k) == "Organisation"]
            for k in ev.participants:
                if kinds.get(k) == "State" and len(orgs) == 1 and ev.status is None:
                    out.append(Relation(k, orgs[0], "MEMBER_OF", ev.sent, None, "joined"))
    return out


_OF_BODY = re.compile(r"^\s*(?:\([A-Z][A-Za-z&\-]{1,11}\)\s*)?of\s+(?:the\s+)?")
_THE_COUNTRY = re.compile(r"\b(?:the|that|this)\s+country['’]s\s+(?:[\w\-]+\s+){0,4}[“\"‘']?$", re.I)


def _part_of_body(sent: Sentence, ms: list[Mention]) -> list[Relation]:
    """"Energy Planning Resource Centre (EPRC) of Ministry of Planning": a body within a body."""
    out = []
    for m in ms:
        if m.kind != "Organisation":
            continue
        of = _OF_BODY.match(sent.text[m.end:])
        if of:
            parent = _next_actor(ms, m.end + of.end(), ("Organisation",), 0)
            if parent is not None and parent.key != m.key:
                out.append(Relation(m.key, parent.key, "PART_OF", sent, m.text, "part-of-body"))
    return out


def _the_country_s(sent: Sentence, ms: list[Mention]) -> list[Relation]:
    """"Azerbaijan has ... and the country's biggest gas field 'Shah Deniz'": in that state."""
    out = []
    for m in ms:
        if m.kind == "Place" and _THE_COUNTRY.search(sent.text[max(0, m.start - 60):m.start]):
            state = _prev_actor(ms, m.start, ("State",), 400)
            if state is not None:
                out.append(Relation(m.key, state.key, "LOCATED_IN", sent, m.text, "located"))
    return out


_LIES_IN = re.compile(r",?\s+(?:which|that)\s+(?:lies|lie|is\s+located|are\s+located|is\s+situated|sits)\s+in\s+", re.I)
_BOTH = re.compile(r"\b(?:both|the\s+two)\s+(?:countries|states|nations|sides|neighbours|neighbors)\b", re.I)


def _next_start(ms: list[Mention], x: Mention, limit: int) -> int:
    """Where the next mention after ``x`` starts (or ``limit``), to see what joins them."""
    later = [y.start for y in ms if y.start >= x.end and y.start < limit]
    return min(later) if later else limit


def _membership(sent: Sentence, ms: list[Mention], pair: list[str]) -> list[Relation]:
    text, out = sent.text, []
    if "member" not in text.lower():
        return out
    for m in _MEMBER_OF.finditer(text):
        org = _next_actor(ms, m.end(), ("Organisation",), 3)
        member = _prev_actor(ms, m.start(), ("State", "Organisation"), 40)
        members = [member.key] if member is not None else []
        if member is not None and member.kind == "State":  # "Pakistan and China are both members of"
            members = [x.key for x in ms if x.kind == "State" and x.end <= m.start()
                       and re.fullmatch(r"[\s,]*(?:and\s+)?", sent.text[x.end:_next_start(ms, x, m.start())])]
        both = _BOTH.search(text, max(0, m.start() - 40), m.start())
        if both and (member is None or member.end < both.start()):
            members = pair  # "Both countries are founding members of ...": the two states of the brief so far
        for key in members:
            if org is not None and key != org.key:
                out.append(Relation(key, org.key, "MEMBER_OF", sent, org.text, "member-phrase"))
    for m in _MEMBERS_LIST.finditer(text):
        org = None
        if m.group("org1"):
            org = next((x for x in ms if x.kind == "Organisation" and m.start("org1") <= x.start < m.end("org1")), None)
        if org is None:  # "The CSTO members consist of ...", "The Shanghai ... (SCO) members include"
            org = _prev_actor(ms, m.start(), ("Organisation",), 3)
            abbr = re.search(r"\(([A-Z][A-Za-z&\-]{1,11})\)\s*$", sent.text[max(0, m.start() - 16):m.start()])
            if org is None and abbr:
                org = _prev_actor(ms, m.start() - len(abbr.group(0)), ("Organisation",), 3)
        if org is None:
            continue
        end = re.search(r"[.;]|\s(?:and\s+)?(?:is|are|was|were|has|have)\s", text[m.end():])
        stop = m.end() + (end.start() if end else len(text) - m.end())
        for x in ms:
            if x.kind == "State" and m.end() <= x.start < stop + 1:
                out.append(Relation(x.key, org.key, "MEMBER_OF", sent, x.text, "member-list"))
    return out


def _conflict(sent: Sentence, ms: list[Mention]) -> list[Relation]:
    text, out = sent.text, []
    states = ("State",)
    low = text.lower()
    if not _CONFLICT_WORDS.search(low):
        return out
    for m in _CONFLICT_NOUN.finditer(text):
        aggressor = _prev_actor(ms, m.start(), states, 30)
        target = _next_actor(ms, m.end(), states, 2)
        if target is None:  # "occupation of Karabakh region of Azerbaijan": the place's state
            place = _next_actor(ms, m.end(), ("Place",), 2)
            tail = re.match(r"\s+(?:region\s+|province\s+|territory\s+)?of\s+(?:the\s+)?", text[place.end:]) \
                if place is not None else None
            if tail:
                target = _next_actor(ms, place.end + tail.end(), states, 0)
        if aggressor is not None and target is not None and aggressor.key != target.key:
            out.append(Relation(aggressor.key, target.key, "IN_CONFLICT_WITH", sent, m.group(0).strip(), "conflict"))
    for m in _CONFLICT_VERB.finditer(text):
        aggressor = _prev_actor(ms, m.start(), states, 25)
        target = _next_actor(ms, m.end(), states, 15)
        if aggressor is not None and target is not None and aggressor.key != target.key:
            out.append(Relation(aggressor.key, target.key, "IN_CONFLICT_WITH", sent, m.group(0).strip(), "conflict"))
    for m in _WAR_BETWEEN.finditer(text):
        a = _next_actor(ms, m.end(), states, 5)
        b = _next_actor(ms, a.end + 1, states, 10) if a is not None else None
        if a is not None and b is not None and a.key != b.key:
            out.append(Relation(a.key, b.key, "IN_CONFLICT_WITH", sent, m.group(0).strip(), "conflict"))
    return out


def _support(sent: Sentence, ms: list[Mention], pair: list[str]) -> list[Relation]:
    text, out = sent.text, []
    low = text.lower()
    if not any(w in low for w in ("support", "back", "sided", "stood", "stands", "assistance")):
        return out
    for m in _SUPPORT.finditer(text):
        giver = _prev_actor(ms, m.start(), ("State", "Organisation"), 12)
        taker = _next_actor(ms, m.end(), ("State", "Organisation"), 5)
        if giver is not None and taker is not None and giver.key != taker.key:
            out.append(Relation(giver.key, taker.key, "SUPPORTS", sent, m.group(0).strip(), "support"))
    for m in _EACH_OTHER.finditer(text):
        before = [x for x in ms if x.kind == "State" and x.end <= m.start()]
        keys = list(dict.fromkeys(x.key for x in before))
        if len(keys) != 2 and _BOTH.search(text, 0, m.start()):
            keys = pair  # "The two countries support each other"
        if len(keys) == 2:
            a, b = keys
            out.append(Relation(a, b, "SUPPORTS", sent, m.group(0), "mutual-support"))
            out.append(Relation(b, a, "SUPPORTS", sent, m.group(0), "mutual-support"))
    return out
