"""``find_events(doc, mentions) -> list[EventMention]``: events and agreements with their
parties, places, dates and status.

1. Triggers: the words and phrases of ``grammar/events.yaml`` and ``grammar/agreements.yaml``,
   verbs in every form, nouns in both numbers, outside entity names and citations.
2. Each trigger governs a window of its sentence: from the previous trigger (or clause
   boundary) to the next one. Its participants are the actors named there, its places the
   places; a pronoun or "the two leaders" stands for the people or states named last.
3. Each date of the sentence goes to the trigger nearest to it in its clause; a date right
   before a noun ("the July 2023 coup") is that noun's.
4. A noun with "the", "this", a pronoun or a known party's possessive before it and no date of
   its own (``the visit``, ``Prachanda's visit``) adds evidence to the last event of its class;
   ``during <event>`` gives an event the date of the one it happened during.
5. Planned (``is to meet``) and negated (``did not meet``) events are kept and marked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from briefgraph.loaders.anchoring import Anchor, DateMention, sentence_dates, with_duration
from briefgraph.loaders.dates import DateValue, interval
from briefgraph.loaders.document import Document, Sentence
from briefgraph.loaders.lexicon import EventClass, cue_phrases, grammar, trigger_phrases, verb_forms
from briefgraph.loaders.mentions import ACTOR_KINDS, MONTHS, SENTENCE_WORDS, Mention, citation_spans
from briefgraph.loaders.tokens import Token, is_possessive, tokenize

WINDOW_NEEDS = 6
_DETERMINERS = {"the", "this", "that", "these", "those", "his", "her", "their", "its", "said", "such"}
_FRESH = {"a", "an", "another", "previous", "first", "second", "third", "fourth", "fifth", "last", "next",
          "new", "earlier", "upcoming", "one", "annual", "historic", "historical"}
_COUNT = re.compile(r"^(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|dozens?|several|series)$", re.I)
_DURATION = re.compile(r"\b(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten)[- ]day\b", re.I)
_CLAUSE_MARKS = {";", ":"}
_CLAUSE_WORDS = {"but", "while", "whereas", "although", "though", "which", "who", "whom", "where", "when",
                 "because", "however"}
_CONCLUDED = re.compile(r"\b(?:concluded|ended|wrapped\s+up|completed)\s+(?:his|her|their|its|a|the)?\s*(?:[\w\-]+\s+){0,3}\Z", re.I)
_WEAK_NOUNS = {"resolution", "resolutions", "arrangement", "arrangements", "convention", "conventions",
               "charter", "contract", "contracts", "deal", "deals", "exercise", "exercises", "forum", "return",
               "exit", "formation", "creation", "founding", "recognition", "withdrawal", "announcement",
               "drill", "drills", "clash", "clashes"}
_SIGN_VERBS = re.compile(r"\b(?:sign|signed|signing|signs|ink|inked|adopt|adopted|pass|passed|conclude|concluded|"
                         r"co-sponsored|sponsored|agree|agreed|reach|reached|ratif\w+|approved|announced|held|"
                         r"conducted|staged|took\s+part|participated|experienced|completed|formed|created)\b", re.I)
_NUMBER_WORDS = grammar("english")["number_words"]
_GROUP = re.compile(r"\b(?:the\s+two|both|the\s+three|the\s+four|all\s+three)\s+(?:[A-Z][\w\-]+\s+)?(?P<what>sides|countries|states|nations|"
                    r"neighbours|neighbors|governments|leaders|presidents|prime\s+ministers|premiers|heads\s+of\s+state)\b",
                    re.I)
_PRONOUN_PERSON = re.compile(r"\b(?:he|she|him|his|her)\b", re.I)


@dataclass(eq=False)
class EventMention:
    kind: str                # Event | Agreement
    type: str                # event_type / agreement_type
    cls: EventClass
    sent: Sentence
    start: int               # trigger offsets in the sentence
    end: int
    trigger: str
    pos: str                 # verb | noun
    name: str | None = None  # a name the text gives it ("Patriotic War", "Transit Treaty")
    date: DateValue | None = None
    date_source: str | None = None
    date_planned: bool = False
    status: str | None = None      # planned | negated
    participants: dict[str, str | None] = field(default_factory=dict)  # entity key -> role
    places: list[str] = field(default_factory=list)
    establishes: list[str] = field(default_factory=list)
    during: "EventMention | None" = None
    count: str | None = None
    number: str | None = None
    anaphor: bool = False
    ref: "EventMention | None" = None  # for an anaphor: the event it tells of again
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)  # surface texts of the triggers
    rule: str = "trigger"
    body_keys: frozenset[str] = frozenset()  # the organisations among the participants

    @property
    def confidence(self) -> float:
        c = self.cls.confidence
        if self.rule == "ellipsis":
            c -= 0.1
        return round(max(0.1, min(1.0, c)), 2)


# -- triggers --------------------------------------------------------------------------------------

def _in_spans(s: int, e: int, spans) -> bool:
    return any(s < b and a < e for a, b in spans)


def names_event(name: str) -> bool:
    """Whether a name holds an event or agreement word ("Patriotic War", "Transit Treaty")."""
    lows = [t.lower for t in tokenize(name)]
    phrases = trigger_phrases()
    return any(tuple(lows[i:i + len(p.words)]) == p.words for i in range(len(lows)) for p in phrases.get(lows[i], ()))


def find_triggers(sent: Sentence, toks: list[Token], entity_spans) -> list[tuple[int, int, object]]:
    """(first token, one past the last token, TriggerPhrase) of each trigger, left to right."""
    phrases, out, n = trigger_phrases(), [], len(toks)
    lows = [t.lower for t in toks]
    i = 0
    while i < n:
        hit = None
        fits = []
        for p in phrases.get(lows[i], ()):
            k = len(p.words)
            if tuple(lows[i:i + k]) != p.words:
                continue
            # a verb too common to be an event alone needs one of its words nearby
            if p.pos == "verb" and p.cls.needs and not (
                    _near(lows, i + k, WINDOW_NEEDS, p.cls.needs | p.cls.before)
                    or _near(lows, max(0, i - WINDOW_NEEDS), i - max(0, i - WINDOW_NEEDS), p.cls.needs | p.cls.before)):
                continue
            if fits and len(p.words) < len(fits[0].words):
                break
            fits.append(p)
        if fits:
            p = fits[0]
            if len({f.pos for f in fits}) > 1:  # "visit", "attack", "report": noun or verb by its neighbours
                want = "noun" if _noun_position(toks, i, i + len(p.words)) else "verb"
                p = next(f for f in fits if f.pos == want)
            hit = (i, i + len(p.words), p)
        if hit is not None:
            s, e = toks[hit[0]].start, toks[hit[1] - 1].end
            name_hit = _in_spans(s, e, entity_spans)
            if not name_hit:
                out.append(hit)
                i = hit[1]
                continue
        i += 1
    return out


_NOUN_BEFORE = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your",
                "'s", "’s", "of", "first", "second", "last", "next", "official", "state", "working", "private",
                "bilateral", "joint", "recent", "historic", "any", "no", "every", "each", "another", "such"}


def _noun_position(toks: list[Token], i: int, j: int) -> bool:
    """Whether the word at ``i`` that can be a noun or a verb is a noun here."""
    prev = toks[i - 1] if i else None
    nxt = toks[j].lower if j < len(toks) else ""
    if prev is not None:
        p = prev.lower
        if p in _NOUN_BEFORE or p.endswith(("-day", "-level", "al", "ic")) or p[:1].isdigit():
            return True
        if prev.text[:1].isupper() and i > 1 and toks[i - 2].lower not in ("to",):
            return True  # "Turkey visit", "Khojaly attack"
        if p in ("to", "will", "would", "could", "should", "may", "might", "must", "did", "not", "also", "and"):
            return False
    return nxt in ("of", "to", "by", "on", "in", "was", "were", "is", "has", "had", "will")


def _near(lows: list[str], start: int, width: int, words: frozenset[str]) -> bool:
    window = " " + " ".join(lows[start:start + width]) + " "
    return any(f" {w} " in window for w in words)


# -- clauses ---------------------------------------------------------------------------------------

def _clause_of(toks: list[Token], i: int) -> tuple[int, int]:
    """Token range of the clause holding token ``i``."""
    n = len(toks)
    a = i
    while a > 0 and not _boundary(toks, a - 1):
        a -= 1
    b = i
    while b < n and not _boundary(toks, b):
        b += 1
    return a, b


def _boundary(toks: list[Token], k: int) -> bool:
    t = toks[k].text
    if t in _CLAUSE_MARKS:
        return True
    return t.lower() in _CLAUSE_WORDS and k > 0 and toks[k - 1].text == ","


def _cue_before(lows: list[str], i: int, cues, reach: int) -> bool:
    for cue in cues:
        k = len(cue)
        for j in range(max(0, i - reach), i - k + 1):
            if tuple(lows[j:j + k]) == cue:
                return True
    return False


# -- the pass --------------------------------------------------------------------------------------

def _named(sent: Sentence, toks: list[Token], a: int, b: int) -> str | None:
    """The capitalised name that holds the trigger, if any: "Caucasian Eagle-2019 Military
    Exercise", "Nepal-India Transit Treaty", "VII summit of the Community ..." is not."""
    if not toks[a].text[:1].isupper():
        return None
    j = a
    while j > 0 and (toks[j - 1].text[:1].isupper() or toks[j - 1].text in ("-", "–") or
                     (toks[j - 1].text[:1].isdigit() and sent.text[toks[j - 1].end:toks[j].start] == "")
                     or toks[j - 1].text in ("’", "'", "’s")) and toks[j - 1].text not in SENTENCE_WORDS:
        j -= 1
    if j == a:
        return None
    name = sent.text[toks[j].start:toks[b - 1].end].strip(" -’'")
    first = name.split()[0]
    if first in MONTHS:
        return None
    return name


def find_events(doc: Document, mentions: dict[int, list[Mention]]) -> list[EventMention]:
    """Every event and agreement of the brief, anaphors merged into what they refer to."""
    anchor = Anchor(doc.date)
    events: list[EventMention] = []
    last_people: list[str] = []
    last_states: list[str] = []
    last_orgs: list[str] = []
    for sent in doc.sentences:
        toks = tokenize(sent.text)
        ms = mentions.get(sent.index, [])
        cites = citation_spans(sent.text)
        dates = [d for d in sentence_dates(sent.text, sent.paragraph, anchor) if not _in_spans(d.start, d.end, cites)]
        entity_spans = [(m.start, m.end) for m in ms if m.kind in ("Organisation", "Place")]
        entity_spans += cites
        found = [t for t in find_triggers(sent, toks, entity_spans)]
        here: list[EventMention] = []
        lows = [t.lower for t in toks]
        for a, b, phrase in found:
            ev = _event_from(sent, toks, lows, a, b, phrase, ms, dates, events, here)
            if ev is not None:
                here.append(ev)
        _assign_dates(sent, toks, here, dates, found)
        _participants(sent, toks, here, ms, found, last_people, last_states, last_orgs)
        _resolve(here, events, sent)
        for m in ms:
            if m.kind == "Person":
                if m.key in last_people:
                    last_people.remove(m.key)
                last_people.append(m.key)
            elif m.kind in ("State", "Organisation"):
                pool = last_states if m.kind == "State" else last_orgs
                if m.key in pool:
                    pool.remove(m.key)
                pool.append(m.key)
    return [e for e in events if not e.anaphor]


def _event_from(sent, toks, lows, a, b, phrase, ms, dates, events, here) -> EventMention | None:
    cls = phrase.cls
    s, e = toks[a].start, toks[b - 1].end
    text = sent.text
    noun = phrase.pos == "noun"
    plural = noun and lows[b - 1].endswith("s") and not lows[b - 1].endswith(("ss", "talks", "news")) \
        and phrase.words[-1] != lows[b - 1].rstrip("s")
    plural = noun and lows[b - 1] != phrase.words[-1] or plural and lows[b - 1].endswith("s")
    before = [t.lower for t in toks[max(0, a - 4):a]]
    det = None
    count = None
    for k in range(a - 1, max(-1, a - 5), -1):
        w = toks[k].lower
        if w in _DETERMINERS or is_possessive(toks[k]) or w in ("a", "an"):
            det = "poss" if is_possessive(toks[k]) else w
            break
        if _COUNT.match(w):
            count = toks[k].text
            if k > 0 and toks[k - 1].lower == "a" and w == "series":
                count = "a series"
            break
        if toks[k].text in (",", "(", ")", ".") or w in ("of", "to", "in", "on", "at", "with", "by", "for", "from",
                                                        "and", "during", "after", "before", "since"):
            break
    if noun and plural and det is None and count is None:
        generic = set(p[0] for p in cue_phrases("generic"))
        if any(w in generic for w in before) or cls.kind == "Event" or True:
            # a bare plural names a kind of event, not one ("high-level visits", "bilateral deals")
            if not (cls.kind == "Agreement" and _SIGN_VERBS.search(text[max(0, s - 60):s])):
                return None
    if noun and any(w in ("no", "any", "such", "all") for w in before[-2:]):
        return None
    if noun and plural and count is None and any(w in set(p[0] for p in cue_phrases("generic")) for w in before[-2:]):
        return None  # "multiple massacres", "reciprocal high-level visits": a kind, not one event
    if phrase.pos == "verb" and lows[b - 1].endswith("ing") and b < len(toks) and \
            lows[b] in ("forces", "troops", "army", "armies", "power", "powers", "countries", "states", "parties"):
        return None  # "occupying forces": an adjective
    if cls.kind == "Agreement" and phrase.pos == "verb" and re.search(r"\bit\s+(?:was|is|has\s+been)\s+\Z", text[max(0, s - 20):s]):
        return None  # "it was agreed to deepen cooperation": what was agreed, not a new agreement
    if cls.kind == "Agreement" and phrase.pos == "verb" and re.search(r"\bto\s+(?:\w+ly\s+)?\Z", text[max(0, s - 20):s]):
        return None  # "to finally agree on": a goal
    if noun and phrase.words[-1] in _WEAK_NOUNS or noun and lows[b - 1] in _WEAK_NOUNS:
        number = re.match(r"\s+(?:No\.?\s*)?(\d{2,5})\b", text[e:])
        named = toks[a].text[:1].isupper()
        party_before = any(m.end <= s and s - m.end <= 2 and m.kind in ACTOR_KINDS for m in ms)
        if not (number or named or party_before or count or _SIGN_VERBS.search(text[max(0, s - 60):e + 40])):
            return None
    if cls.kind == "Agreement" and lows[max(0, a - 1)] in ("in",) and det is None:
        return None
    name = _named(sent, toks, a, b) if noun else None
    ev = EventMention(cls.kind, cls.type, cls, sent, s, e, text[s:e], phrase.pos, name=name)
    ev.sentences.append(sent)
    ev.mentions.append(text[s:e])
    if count:
        ev.count = count
    num = re.match(r"\s+(?:No\.?\s*)?(\d{2,5})\b", text[e:])
    if num and cls.kind == "Agreement":
        ev.number = num.group(1)
    lows_all = lows
    if _cue_before(lows_all, a, cue_phrases("negated"), 4) and phrase.pos == "verb":
        ev.status = "negated"
    elif _cue_before(lows_all, a, cue_phrases("planned"), 5):
        ev.status = "planned"
    fresh = any(w in _FRESH for w in before[-3:]) or name is not None
    if noun and det is not None and det not in ("a", "an") and not fresh and count is None:
        ev.anaphor = True  # provisional: _resolve decides once the date is known
    return ev


_FRONT = re.compile(r"^(?:[A-Z][a-z]+,?\s*)?(?:(?:in|on|by|since|during|from|at|until)\s*)?(?:the\s*)?$", re.I)


def _assign_dates(sent: Sentence, toks: list[Token], here: list[EventMention], dates: list[DateMention],
                  found) -> None:
    """Each date of the sentence to the trigger it belongs to (see the module docstring)."""
    if not here or not dates:
        return
    text = sent.text
    fronted: list[DateMention] = []
    for d in dates:
        clause_start = _clause_start(text, d.start)
        is_front = bool(_FRONT.match(text[clause_start:d.start].strip())) and text[d.end:d.end + 1] in (",", "")
        target = None
        for ev in here:  # "the July 2023 coup", "its 2019 summit": the date is the noun's own
            if ev.pos == "noun" and 0 <= ev.start - d.end <= 14 and \
                    re.fullmatch(r"[\s\-]*(?:[a-z\-]+\s+)?", text[d.end:ev.start]):
                target = ev
                break
        if target is None:
            best = None
            for ev in here:
                if not _same_clause(toks, ev.start, d.start):
                    continue
                if d.start >= ev.end:
                    gap = d.start - ev.end
                    between = text[ev.end:d.start]
                else:
                    gap = ev.start - d.end + (0 if is_front else 40)
                    between = text[d.end:ev.start]
                crossing = sum(1 for o in here if o is not ev and min(d.start, ev.start) < o.start < max(d.end, ev.end))
                score = gap + 200 * crossing + 30 * between.count(",") * (not is_front)
                if best is None or score < best[0]:
                    best = (score, ev)
            target = best[1] if best else None
        if target is None and is_front:
            target = min(here, key=lambda ev: ev.start)
        if target is None or target.date is not None:
            continue
        _set_date(target, d, text)
        if is_front:
            fronted.append(d)
    # a date that opens the sentence ("In 2014, ...") holds for every event it tells
    for d in fronted:
        for ev in here:
            if ev.date is None and ev.start > d.start and _same_clause(toks, d.start, ev.start):
                _set_date(ev, d, text)


def _clause_start(text: str, pos: int) -> int:
    m = None
    for m in re.finditer(r"[;:—]|,\s+(?:but|while|whereas|which|who|when|where)\b", text[:pos]):
        pass
    return m.end() if m else 0


def _set_date(target: EventMention, d: DateMention, text: str) -> None:
    value = d.value
    window = text[max(0, target.start - 30):target.end]
    dur = _DURATION.search(window)
    if _CONCLUDED.search(text[:target.start]) and target.pos == "noun" and dur:
        from briefgraph.loaders.dates import ending_interval
        value = ending_interval(value, _days(dur.group("n")))
    elif dur and value.precision == "day" and "/" not in value.value:
        value = with_duration(value, _days(dur.group("n")))
    target.date, target.date_source = value, d.source
    target.date_planned = target.status == "planned"


def _days(n: str) -> int:
    return int(n) if n.isdigit() else int(_NUMBER_WORDS.get(n.lower(), 1))


def _same_clause(toks: list[Token], a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    for t_i, t in enumerate(toks):
        if lo < t.start < hi and _boundary(toks, t_i):
            return False
    return True


@lru_cache(maxsize=1)
def _light_verbs() -> frozenset[str]:
    """Every form of the verbs whose object names an event (``signed 15 MOUs``, ``paid a visit``)."""
    return frozenset(f for v in grammar("english")["light_verbs"] for f in verb_forms(v))


_GROUP_ORG = re.compile(r"\bthe\s+(?:regional\s+)?(?:bloc|organisation|organization|alliance|union|grouping|forum)\b", re.I)


def _participants(sent, toks, here, ms, found, last_people, last_states, last_orgs) -> None:
    """Who took part: the actors of each trigger's window (see the module docstring)."""
    if not here:
        return
    text = sent.text
    order = sorted(here, key=lambda e: e.start)
    actors = [m for m in ms if m.kind in ACTOR_KINDS]
    places = [m for m in ms if m.kind == "Place"]
    light = _light_verbs()
    for k, ev in enumerate(order):
        lo = order[k - 1].end if k else 0
        hi = order[k + 1].start if k + 1 < len(order) else len(text)
        ti = next(i for i, t in enumerate(toks) if t.start >= ev.start)
        ca, cb = _clause_of(toks, ti)
        clause_lo = toks[ca].start if ca < len(toks) else 0
        lo = max(lo, clause_lo)
        hi = min(hi, toks[cb - 1].end if 0 < cb <= len(toks) else len(text))
        right = [m for m in actors if ev.end <= m.start and m.end <= hi]
        left_all = [m for m in actors if lo <= m.start and m.end <= ev.start]
        if ev.pos == "verb":
            left = left_all
        else:
            verbs = [t for t in toks if lo <= t.start < ev.start and t.lower in light]
            if verbs:
                left = [m for m in left_all if m.end <= verbs[-1].start] + \
                       [m for m in left_all if m.start >= verbs[-1].end]
            else:
                near = toks[max(0, ti - 4):ti]
                left = [m for m in left_all if near and m.start >= near[0].start]
        inside = left + right
        if k == 0 and not left and ev.pos == "verb":
            # the subject of the sentence stands before the clause ("Lula ..., with whom he")
            inside += [m for m in actors if m.end <= clause_lo][:3]
        if ca > 0 and toks[ca - 1].lower in ("which", "who") or ca > 1 and toks[ca].lower in ("which", "who"):
            before = [m for m in actors if m.end <= clause_lo]
            if before:  # "the mechanism, which held its summit": its subject
                inside.append(max(before, key=lambda m: (m.end, m.end - m.start)))
        for m in inside:
            role = None
            if ev.type == "Visit":
                if re.search(r"\bto\s+(?:the\s+)?\Z", text[max(0, m.start - 8):m.start]):
                    role = "host"
                elif m.end <= ev.start or re.match(r"\s*(?:of|by)\s", text[ev.end:m.start]):
                    role = "visitor"
            ev.participants.setdefault(m.key, role)
            for st in (*m.members, *m.joins):  # "Azerbaijan-Pakistan Joint Commission": the two states take part
                ev.participants.setdefault(st, None)
        near_lo = toks[max(0, ti - 4)].start
        for m in places:  # where: after the trigger, or just before it ("in Astana, the summit")
            if ev.end <= m.start and m.end <= hi or max(lo, near_lo) <= m.start and m.end <= ev.start:
                ev.places.append(m.key)
        if ev.type == "Visit":
            for m in inside:
                if m.kind == "State" and ev.participants.get(m.key) == "host":
                    ev.places.append(m.key)
        window = text[lo:hi]
        g = _GROUP.search(window)
        if g:
            what = g.group("what").lower()
            n = 3 if "three" in g.group(0).lower() else 2
            pool = last_people if what in ("leaders", "presidents", "prime ministers", "premiers", "heads of state") \
                else last_states
            for key in pool[-n:]:
                ev.participants.setdefault(key, None)
        if _GROUP_ORG.search(window) and last_orgs:
            ev.participants.setdefault(last_orgs[-1], None)
        pron = _PRONOUN_PERSON.search(text[lo:ev.start])
        if pron and not any(m.kind == "Person" and m.end <= lo + pron.start() for m in inside):
            # "he held meetings with ...": the subject of the sentence, else the last person named
            subject = next((m.key for m in actors if m.kind == "Person" and m.end <= lo + pron.start()), None)
            if subject is None and last_people:
                subject = last_people[-1]
            if subject is not None:
                ev.participants.setdefault(subject, None)
        ev.body_keys = frozenset(m.key for m in inside if m.kind == "Organisation")
        if ev.type == "Establishment" or ev.cls.name == "established":
            ev.establishes.extend(_established_body(text, ev, ms))
    # an event with no party of its own shares those of the event before it in the sentence
    # ("X recognised Y's independence and relations were established"); an agreement, those
    # of the event it was signed at
    for k, ev in enumerate(order):
        if ev.participants:
            continue
        donor = next((o for o in reversed(order[:k]) if o.participants), None)
        if donor is None and ev.kind == "Agreement":
            donor = next((o for o in order if o.kind == "Event" and o.participants), None)
        if donor is not None:
            ev.participants.update({p: None for p in donor.participants})


_PASSIVE_BY = re.compile(r"^\s*(?:,\s*)?(?:which\s+was\s+|was\s+|were\s+)?(?:announced|formed|founded|established|created|launched|set\s+up)\s+by\b")


def _established_body(text: str, ev: EventMention, ms: list[Mention]) -> list[str]:
    """The body an establishing event creates: named right after its trigger ("formed the
    Alliance of Sahel States"), or right before a passive ("The Alliance ..., announced by")."""
    out = []
    for m in ms:
        if m.kind != "Organisation":
            continue
        gap = text[ev.end:m.start] if m.start >= ev.end else None
        if gap is not None and len(gap) <= 25 and not re.search(r"\b(?:with|from|of|by|to|against)\b", gap):
            out.append(m.key)
        elif m.end <= ev.start and _PASSIVE_BY.match(text[m.end:ev.end]):
            out.append(m.key)
    return out[:1]


def _same_parties(a: EventMention, b: EventMention) -> bool:
    """Whether two tellings may be of one event: a shared party in no opposed role (the host
    of one visit is not the visitor of the other)."""
    if not a.participants or not b.participants:
        return True
    shared = set(a.participants) & set(b.participants)
    return any(not (a.participants[k] and b.participants[k] and a.participants[k] != b.participants[k])
               for k in shared)


def _same_place(a: EventMention, b: EventMention) -> bool:
    return not a.places or not b.places or bool(set(a.places) & set(b.places))


def _same_name(a: str, b: str) -> bool:
    """"Central Asian Leaders’ Consultative Summit" and "Central Asian Leader’s Summit"."""
    def words(x: str) -> set[str]:
        return {w.rstrip("s") for w in re.findall(r"[a-z0-9]+", x.lower()) if w not in ("the", "of", "s")}
    wa, wb = words(a), words(b)
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.75


def _shared_body(a: EventMention, b: EventMention) -> bool:
    return any(k in b.participants and a.body_keys and k in a.body_keys for k in a.participants)


def _dates_agree(ev: EventMention, o: EventMention) -> bool:
    return ev.date is None or o.date is None or o.date_planned or ev.date_planned or o.date.value == ev.date.value


_OBJECT_GAP = re.compile(r"^\s*(?:(?:for|to\s+attend|to\s+hold)\s+)?(?:(?:a|an|the|its|their|his|her|this)\s+)?"
                         r"(?:[\w\-]+\s+){0,3}$")
_SUMMIT_LIKE = {"Summit", "Conference"}


def _within_sentence(here: list[EventMention], text: str) -> None:
    """One event told by two triggers of a sentence: a verb and its object ("sat for the
    first meeting", "landed in Tokyo for a two-day Summit"), a meeting at a summit."""
    order = sorted(here, key=lambda e: e.start)
    for k, ev in enumerate(order):
        if ev.anaphor or ev.pos != "verb":
            continue
        for nxt in order[k + 1:]:
            if nxt.pos != "noun" or nxt.kind != "Event":
                continue
            gap = text[ev.end:nxt.start]
            if len(gap) > 60:
                break
            same = nxt.cls.name == ev.cls.name
            purpose = ev.type == "Visit" and re.search(r"\bfor\s+(?:a|an|the)\b", gap)
            if (same and _OBJECT_GAP.match(gap)) or purpose:
                _merge(nxt, ev)
                ev.anaphor, ev.ref = True, nxt
                break
    summits = [e for e in order if e.type in _SUMMIT_LIKE and not e.anaphor]
    for ev in order:
        if ev.type == "Meeting" and ev.pos == "verb" and not ev.anaphor and summits:
            target = summits[0]
            if _dates_agree(ev, target):
                _merge(target, ev)
                ev.anaphor, ev.ref = True, target


def _resolve(here: list[EventMention], events: list[EventMention], sent: Sentence) -> None:
    """Merge what one event told twice into one; link ``during``; add to ``events``."""
    text = sent.text
    _within_sentence(here, text)
    for ev in sorted(here, key=lambda e: e.start):
        if ev.anaphor and ev.ref is not None:
            continue  # merged within the sentence
        same_class = [o for o in reversed(events) if o.cls.name == ev.cls.name and not o.anaphor]
        antecedent = None
        if ev.anaphor:
            for o in same_class:
                if _dates_agree(ev, o) and _same_place(ev, o) and (_same_parties(ev, o) or not ev.participants):
                    antecedent = o
                    break
        else:
            for o in same_class:
                if ev.name and o.name and _same_name(ev.name, o.name):
                    antecedent = o
                elif ev.count and o.count and ev.count == o.count and ev.kind == "Agreement":
                    antecedent = o
                elif ev.type in _SUMMIT_LIKE and _dates_agree(ev, o) and _shared_body(ev, o):
                    antecedent = o  # "the VII summit of ... (Celac)" and "The Celac Summit"
                elif o.date is not None and ev.date is not None and o.date.value == ev.date.value \
                        and _same_parties(ev, o) and _same_place(ev, o) and (ev.participants or o.participants) \
                        and (ev.date.precision == "day" or ev.sent is not o.sent):
                    antecedent = o
                if antecedent is not None:
                    break
        if antecedent is not None:
            _merge(antecedent, ev)
            ev.anaphor, ev.ref = True, antecedent
            continue
        if ev.anaphor and not ev.participants and ev.date is None and not ev.places:
            continue  # "the announcement": what it refers to was not found; nothing to tell
        ev.anaphor = False
        events.append(ev)
    # "during <event>", "at the summit": the event it happened during gives the date
    for target in here:
        lead = _DURING.search(text, max(0, target.start - 60), target.start)
        if lead is None:
            continue
        referent = target.ref if target.anaphor and target.ref is not None else target
        for ev in here:
            ev = ev.ref if ev.anaphor and ev.ref is not None else ev
            if ev is referent or ev.during is not None or ev.kind == "Event" and ev.type == referent.type:
                continue
            if not _same_clause_text(text, min(ev.start, lead.start()), max(ev.start, lead.start())) \
                    and ev.sent is sent:
                continue
            ev.during = referent
            if ev.date is None and referent.date is not None:
                ev.date, ev.date_source = referent.date, f"during the {referent.type.lower()}"


_DURING = re.compile(r"\b(?:during|at|on\s+the\s+sidelines?\s+of|while\s+on|in\s+the\s+course\s+of)\s+"
                     r"(?:the\s+|his\s+|her\s+|their\s+|its\s+|this\s+)?(?:[\w’'\-]+\s+){0,4}\Z", re.I)


def _same_clause_text(text: str, a: int, b: int) -> bool:
    return not re.search(r"[;:—]|,\s+(?:but|while|whereas|which|who)\b", text[a:b])


def _merge(into: EventMention, other: EventMention) -> None:
    if other.sent not in into.sentences:
        into.sentences.append(other.sent)
    into.mentions.append(other.trigger)
    for k, r in other.participants.items():
        into.participants.setdefault(k, r)
    for p in other.places:
        if p not in into.places:
            into.places.append(p)
    if other.date is not None and (into.date is None or into.date_planned):
        into.date, into.date_source, into.date_planned = other.date, other.date_source, other.date_planned
    if into.status == "planned" and other.status is None and other.date is not None:
        into.status = None
    into.name = into.name or other.name
    into.count = into.count or other.count
