"""Who took part in each event, where it happened, and what body it set up.

Each trigger governs a window of its sentence: from the trigger before it to the trigger after
it, within its clause, and not across a subordinate clause ("... has commenced a day after the
military rulers formed ..."). Then:

* a verb's participants are the actors of its window, subject and objects;
* a noun's are its object phrase ("the occupation of X"), the actors right before it
  ("Indian illegal occupation", "the ECOWAS summit"), and the subject of the verb whose
  object it is ("Pakistan and Azerbaijan signed 15 MOUs", "X paid an official visit");
* "which"/"who" clauses take the actor before them as subject; a fronted phrase ("At the
  press conference, the two presidents ...") takes the subject of its sentence;
* "he", "the two countries", "the three Sahel countries", "the two leaders", "the bloc"
  stand for the people, states or body the brief named most (``events.Discourse``);
* an event with no party of its own shares those of the event before it in the sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefgraph.loaders.document import Sentence
from briefgraph.loaders.event_dates import clause_start
from briefgraph.loaders.events import Discourse, EventMention
from briefgraph.loaders.lexicon import grammar, verb_forms
from briefgraph.loaders.mentions import ACTOR_KINDS, Mention
from briefgraph.loaders.tokens import Token

_GROUP = re.compile(r"\b(?:the\s+two|both|the\s+three|the\s+four|all\s+three|all\s+four)\s+(?:[A-Z][\w\-]+\s+)?"
                    r"(?P<what>sides|countries|states|nations|neighbours|neighbors|governments|leaders|presidents|"
                    r"prime\s+ministers|premiers|heads\s+of\s+state)\b", re.I)
_GROUP_ORG = re.compile(r"\bthe\s+(?:regional\s+)?(?:bloc|organisation|organization|alliance|union|grouping|forum)\b",
                        re.I)
_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|inside|to|from)\s+(?:the\s+)?(?:[\w\-]+\s+){0,2}\Z|['’]\s*\Z|,\s*\Z")
_OWN_PHRASE = re.compile(r"[^,;:.]{0,100}?(?=\s+(?:was|were|is|are|has|have|had|will|would|took|held|signed|"
                         r"being|which|who|that)\b|[,;:.]|$)")
_POSSESSIVE_PRONOUNS = {"his", "her", "their", "its"}
# "Park's successor, President Moon Jae-in, visited Japan": the person whose successor (envoy,
# spokesman ...) acts is not the one acting
_RELATED = re.compile(r"['’]s?\s+(?:[a-z\-]+\s+){0,2}(?:successor|predecessor|spokes(?:man|woman|person)|envoy|"
                      r"emissary|adviser|advisor|aide|deputy|wife|husband|widow|son|daughter|brother|sister|"
                      r"counterpart)\b")
_PASSIVE = re.compile(r"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been|being)\s+(?:(?:also|then|later|\w+ly)\s+)?\Z")
_HELD_IN = re.compile(r"\b(?:held|hosted|took\s+place|convened|organised|organized)\s+(?:in|at)\s+(?:the\s+)?\Z")
_NEW_CLAUSE = re.compile(r",\s+(?:and\s+(?=[A-Z])|(?:shortly|just|soon|long|well|only)?\s*(?:after|before|since|following|until)\b)")
_IT = re.compile(r"^\s*(?:with|from|to)?\s*it\b")
_PERSON_WORDS = ("leaders", "presidents", "prime ministers", "premiers", "heads of state")
_PRONOUN = re.compile(r"\b(?:he|she|him|his|her)\b", re.I)
_SUBORDINATORS = {"after", "before", "since", "until", "once", "because", "although", "though", "when",
                  "while", "whereas", "if", "as"}
_FRONTED = re.compile(r"^(?:At|During|In|On|After|Following|Before|Since|Amid)\s")
_PASSIVE_BY = re.compile(r"^\s*(?:,\s*)?(?:which\s+was\s+|was\s+|were\s+)?(?:announced|formed|founded|established|"
                         r"created|launched|set\s+up)\s+by\b")
_COUNT_WORDS = {"two": 2, "both": 2, "three": 3, "four": 4}


@lru_cache(maxsize=1)
def _light_verbs() -> frozenset[str]:
    """Every form of the verbs whose object names an event (``signed 15 MOUs``, ``paid a visit``)."""
    return frozenset(f for v in grammar("english")["light_verbs"] for f in verb_forms(v))


def _group(window: str, discourse: Discourse) -> list[str]:
    """The actors "the two countries" or "the two leaders" stand for."""
    g = _GROUP.search(window)
    if not g:
        return []
    n = next((v for w, v in _COUNT_WORDS.items() if w in g.group(0).lower().split()), 2)
    kind = "Person" if g.group("what").lower() in _PERSON_WORDS else "State"
    return discourse.salient(kind, n)


def _window(text: str, toks: list[Token], order: list[EventMention], k: int) -> tuple[int, int]:
    ev = order[k]
    lo = order[k - 1].end if k else 0
    hi = order[k + 1].start if k + 1 < len(order) else len(text)
    lo = max(lo, clause_start(text, ev.start))
    for new_clause in _NEW_CLAUSE.finditer(text, lo, ev.start):  # "..., and President X reciprocated with a visit"
        if new_clause.group(0).lstrip(", ").startswith("and"):
            lo = new_clause.end()
    nxt = re.search(r"[;:]|,\s+(?:but|while|whereas|which|who|when|where)\b", text[ev.end:hi])
    if nxt:
        hi = ev.end + nxt.start()
    # a subordinate clause: "... a day after the military rulers formed ..."
    if k + 1 < len(order) and order[k + 1].pos == "verb":
        for t in toks:
            if ev.end <= t.start < hi and t.lower in _SUBORDINATORS:
                hi = t.start
                break
    if ev.pos == "verb":
        for t in toks:
            if lo <= t.start < ev.start and t.lower in _SUBORDINATORS and t.lower != "as":
                lo = t.end
        # "... visited Tashkent, and President Mirziyoyev reciprocated ...": a new clause;
        # "..., shortly after the dissolution of ...": a time adverbial, not a party
        cut = _NEW_CLAUSE.search(text, ev.end, hi)
        if cut and "," not in text[ev.end:cut.start()]:
            hi = cut.start()
    # a noun's object phrase, or a relative clause, ends at a comma that no name follows
    relative = re.search(r",\s+(?:which|who|where|when)\s*$", text[:clause_start(text, ev.start)] or "")
    if ev.pos == "noun" or relative:
        for c in re.finditer(r",", text[ev.end:hi]):
            after = text[ev.end + c.end():ev.end + c.end() + 30].lstrip()
            participle = re.match(r"(?:[a-z]+ing|[a-z]+ed|held)\b", after)  # "resolution 822, demanding ...", ", held in"
            if not after[:1].isupper() and not participle:
                hi = ev.end + c.start()
                break
    return lo, hi


def assign_roles(sent: Sentence, toks: list[Token], here: list[EventMention], ms: list[Mention],
                 discourse: Discourse) -> None:
    """Fill in the participants, places and established bodies of the sentence's events.

    An anaphor ("its coup", "the visit") takes no subject from before its own phrase, and
    pronouns and groups only from within it; the parties it would have as a new event are kept
    aside (``EventMention.fallback``) for when it turns out to refer to nothing told before."""
    anaphors = [ev for ev in here if ev.anaphor]
    if anaphors:
        for ev in anaphors:
            ev.anaphor = False
        _assign(sent, toks, here, ms, discourse)
        for ev in here:
            if ev in anaphors:
                ev.fallback = (dict(ev.participants), list(ev.places), list(ev.establishes))
            ev.participants, ev.places, ev.establishes = {}, [], []
        for ev in anaphors:
            ev.anaphor = True
    _assign(sent, toks, here, ms, discourse)


def _assign(sent: Sentence, toks: list[Token], here: list[EventMention], ms: list[Mention],
            discourse: Discourse) -> None:
    text = sent.text
    order = sorted(here, key=lambda e: e.start)
    actors = [m for m in ms if m.kind in ACTOR_KINDS]
    places = [m for m in ms if m.kind == "Place" and not m.demonym]  # "West African leaders" is no place
    light = _light_verbs()
    for k, ev in enumerate(order):
        lo, hi = _window(text, toks, order, k)
        ti = next(i for i, t in enumerate(toks) if t.start >= ev.start)
        near_lo = toks[_np_start(toks, ti, light)].start
        right = [m for m in actors if ev.end <= m.start and m.end <= hi]
        left_all = [m for m in actors if lo <= m.start and m.end <= ev.start and
                    not (m.kind == "Person" and _RELATED.match(text, m.end))]
        if ev.anaphor:
            # "on the sidelines of the visit": no subject from before an anaphor's own phrase
            # (the names after it, up to the next trigger, are its objects)
            left = [m for m in left_all if m.end > near_lo]
        elif ev.pos == "verb":
            left = left_all
        else:
            verbs = [t for t in toks if lo <= t.start < ev.start and (t.lower in light or
                                                                       t.lower.endswith("ed") and not t.is_cap)]
            left = left_all if verbs else [m for m in left_all if m.end > near_lo]
        inside = left + right
        if ev.anaphor:  # pronouns and groups only in its own phrase: "his visit to India", "their summit"
            own = _OWN_PHRASE.match(text, ev.end)
            np = _np_start(toks, ti, light)
            det = np - 1 if np and toks[np - 1].lower in _POSSESSIVE_PRONOUNS else np
            lo, hi = max(lo, toks[det].start), min(hi, own.end() if own else ev.end)
            right = [m for m in right if m.end <= hi]
        window = text[lo:hi]
        keys = [m.key for m in inside]
        # the subject a "which"/"who" clause borrows: the actor (or group) before it
        start = clause_start(text, ev.start)
        boundary = re.search(r",\s+(?:which|who)\s*$", text[:start]) if start else None
        first_in_clause = not any(o.start < ev.start and o.start >= start for o in order)
        owned = ev.anaphor and re.search(r"\b(?:its|their)\s+(?:[\w\-]+\s+){0,2}\Z", text[:ev.start])
        if boundary is not None and not left and first_in_clause and (not ev.anaphor or owned):
            head = text[max(0, boundary.start() - 40):boundary.start()]
            g = _GROUP.search(head)
            if g and g.end() == len(head.rstrip()):
                keys += _group(head, discourse)  # "the three Sahel countries, which signed ..."
            else:
                before = [m for m in actors if m.end <= boundary.start()]
                if before:
                    best = max(before, key=lambda m: (m.end, m.end - m.start))
                    keys.append(best.key)
                    inside.append(best)
        if k == 0 and not left and ev.pos == "verb" and boundary is None and not ev.anaphor:
            subject = [m for m in actors if m.end <= start][:3]  # "Lula ..., with whom he will sign"
            inside += subject
            keys += [m.key for m in subject]
        # a fronted phrase ("At the press conference after their meeting, the two presidents
        # emphasised ..."): its events take the subject of the sentence
        if _FRONTED.match(text) and "," not in text[:ev.start] and not ev.anaphor:
            comma = text.find(",", ev.end)
            if comma > 0:
                keys += _subject_after(text, toks, comma, actors, discourse)
        keys += _group(window, discourse)
        org_ref = _GROUP_ORG.search(window) or (ev.type in ("Withdrawal", "Accession") and
                                                _IT.search(text[ev.end:ev.end + 12]))
        if org_ref:  # "the bloc", "the forum", "parting with it": the body named last
            earlier = [m.key for m in ms if m.kind == "Organisation" and m.end <= lo + org_ref.start()]
            last_org = earlier[-1] if earlier else discourse.last("Organisation")
            if last_org:
                keys.append(last_org)
        pron = _PRONOUN.search(text[lo:ev.start])
        pronoun_person = None
        if pron:  # "he", "his": the person the sentence is about, else the last one named
            subject = next((m for m in actors if m.kind == "Person" and m.end <= lo + pron.start()), None)
            pronoun_person = subject.key if subject else discourse.last("Person")
            keys.append(pronoun_person or "")
        by_key = {m.key: m for m in inside}
        heads = {**discourse.heads, **{m.key: m.head_of for m in actors if m.kind == "Person" and m.head_of}}
        for key in keys:
            if not key:
                continue
            m = by_key.get(key)
            role = _role(text, ev, m) if m is not None else (
                "visitor" if ev.type == "Visit" and key == pronoun_person else None)  # "his visit to"
            ev.participants.setdefault(key, role)
            if key in heads:  # a head of state takes part for the state
                ev.participants.setdefault(heads[key], role)
            for st in (*m.members, *m.joins) if m is not None else ():
                ev.participants.setdefault(st, None)  # "Azerbaijan-Pakistan Joint Commission"
        far = toks[min(len(toks) - 1, ti + 10)].end
        for m in places:  # where: "in"/"at" a place right after the trigger ("held in" anywhere), or just before it
            after = ev.end <= m.start and m.end <= hi and _LOCATIVE.search(text, max(0, m.start - 12), m.start)
            passive_subject = ev.pos == "verb" and lo <= m.start and m.end <= ev.start and \
                _PASSIVE.search(text, max(0, ev.start - 16), ev.start)  # "The Kartarpur Corridor was opened"
            if after and (m.start <= far or _HELD_IN.search(text, max(0, m.start - 25), m.start)) \
                    or max(lo, near_lo) <= m.start and m.end <= ev.start or _visited(ev, m) or passive_subject:
                ev.places.append(m.key)
        if ev.type == "Visit":
            ev.places.extend(k for k, r in ev.participants.items() if r == "host" and k not in ev.places)
            ev.hosts = [m.key for m in places if _visited(ev, m) or m.key in ev.places and
                        re.search(r"\bto\s+(?:the\s+)?\Z", text[max(0, m.start - 8):m.start])]
        ev.bodies = frozenset(m.key for m in inside if m.kind == "Organisation")
        if ev.type == "Establishment":
            ev.establishes.extend(_established_body(text, ev, ms))
    for k, ev in enumerate(order):
        if ev.participants or ev.anaphor:  # an anaphor's parties are those of what it refers to
            continue
        donor = next((o for o in reversed(order[:k]) if o.participants), None)
        if donor is None and ev.kind == "Agreement":
            donor = next((o for o in order if o.kind == "Event" and o.participants), None)
        if donor is not None:
            ev.participants.update({p: None for p in donor.participants})


_NP_STOPS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "of", "in",
             "on", "at", "to", "for", "with", "by", "from", "during", "after", "before", "since", "as", "into",
             "is", "are", "was", "were", "be", "been", "has", "have", "had", "which", "who", "that", ",", ".",
             ";", ":", "—", "“", "”", "\""}


def _np_start(toks: list[Token], ti: int, light: frozenset[str]) -> int:
    """First token of the noun phrase a noun trigger heads: back over its modifiers ("the
    Collective Security Treaty Organization's (CSTO) annual summit") to a determiner, a
    preposition, a verb or a comma."""
    k = ti - 1
    while k >= 0 and ti - k <= 8 and toks[k].lower not in _NP_STOPS and toks[k].lower not in light:
        k -= 1
    return k + 1


def _subject_after(text: str, toks: list[Token], comma: int, actors: list[Mention], discourse: Discourse) -> list[str]:
    """The subject of the clause after a fronted phrase: its names up to the first verb-like word."""
    out = _group(text[comma + 1:comma + 50], discourse)
    for t in toks:
        if t.start <= comma:
            continue
        if not (t.text[:1].isupper() or t.lower in ("the", "and", "two", "three", "both", ",", "'s", "’s")
                or t.lower in ("leaders", "presidents", "countries", "sides", "states")):
            break
        out += [m.key for m in actors if m.start == t.start]
    return out


def _visited(ev: EventMention, m: Mention) -> bool:
    return ev.pos == "verb" and 0 <= m.start - ev.end <= 2 and ev.trigger.lower().startswith("visit")


def _role(text: str, ev: EventMention, m: Mention) -> str | None:
    if ev.type != "Visit":
        return None
    if re.search(r"\bto\s+(?:the\s+)?\Z", text[max(0, m.start - 8):m.start]):
        return "host"
    if _visited(ev, m):
        return "host"  # "visited China": its object is the host
    if m.end <= ev.start or re.match(r"\s*(?:of|by)\s", text[ev.end:m.start]):
        return "visitor"
    return None


def _established_body(text: str, ev: EventMention, ms: list[Mention]) -> list[str]:
    """The body an establishing event creates: named right after its trigger ("formed the
    Alliance of Sahel States"), or right before a passive ("The Alliance ..., announced by")."""
    for m in ms:
        if m.kind != "Organisation":
            continue
        if m.start >= ev.end:
            gap = text[ev.end:m.start]
            if len(gap) <= 25 and not re.search(r"\b(?:with|from|of|by|to|against)\b", gap):
                return [m.key]
        elif _PASSIVE_BY.match(text[m.end:ev.end + 4]):
            return [m.key]
    return []
