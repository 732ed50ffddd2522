"""One event told several times becomes one event.

Within a sentence:

* a verb and the noun it governs: "sat for the first meeting", "landed in Tokyo for a
  two-day Summit", "visited Japan to attend a G20 Summit" (the visit takes the summit's date);
* a meeting at a summit told in the same sentence;
* a participle that goes on telling the same act: "formed a new alliance, severing ties with";
* what a "where"/"when" clause adds to the event before it: "the Khojaly Massacre, where
  forces shelled the town".

Across sentences:

* an anaphor ("the visit", "these MOUs", "Prachanda's visit") joins the last event of its
  class (or a close class: a meeting at a summit) that its date, place and parties allow;
* a new telling joins an earlier one of the same class with the same name, the same count of
  agreements, the same day and parties, or the same parties when the earlier one had no date;
* an anaphor in the plural that finds nothing ("the coups") tells nothing new and is dropped.

Then "during <event>" gives an event the date of the one it happened during.
"""

from __future__ import annotations

import re

from briefgraph.loaders.document import Sentence
from briefgraph.loaders.event_dates import same_clause
from briefgraph.loaders.events import EventMention

_OBJECT_GAP = re.compile(r"^\s*(?:(?:for|to\s+attend|to\s+hold)\s+)?(?:(?:a|an|the|its|their|his|her|this)\s+)?"
                         r"(?:[\w\-]+\s+){0,3}$")
_SUMMIT_LIKE = {"Summit", "Conference"}
_CLOSE = {"meeting": {"summit", "conference", "negotiation"}, "summit": {"meeting", "conference"},
          "conference": {"summit", "meeting"}, "negotiation": {"meeting"}}
_DURING = re.compile(r"\b(?:during|at|on\s+the\s+sidelines?\s+of|while\s+on|in\s+the\s+course\s+of)\s+"
                     r"(?:the\s+|his\s+|her\s+|their\s+|its\s+|this\s+)?(?:[\w’'\-]+\s+){0,4}\Z", re.I)
_LISTING = re.compile(r"\b(?:includ(?:e|es|ed|ing)|such\s+as|namely)\b|:", re.I)
_RELATIVE = re.compile(r",\s+(?:where|when|during\s+which|in\s+which)\s")


def merge(into: EventMention, other: EventMention) -> None:
    """Fold ``other`` (a second telling) into ``into``."""
    if into.told is None:  # sentence indexes: comparing whole sentences each merge is quadratic
        into.told = {s.index for s in into.sentences}
    for s in other.sentences:
        if s.index not in into.told:
            into.told.add(s.index)
            into.sentences.append(s)
            into.mentions.append(other.trigger)
    for k, r in other.participants.items():
        into.participants.setdefault(k, r)
    into.places.extend(p for p in other.places if p not in into.places)
    into.establishes.extend(o for o in other.establishes if o not in into.establishes)
    if other.date is not None and (into.date is None or into.date_planned):
        into.date, into.date_source, into.date_planned = other.date, other.date_source, other.date_planned
    if into.status == "planned" and other.status is None and other.date is not None:
        into.status = None
    into.name = into.name or other.name
    into.count = into.count or other.count
    into.bodies = into.bodies | other.bodies
    other.anaphor, other.ref = True, into


def same_parties(a: EventMention, b: EventMention) -> bool:
    """Whether two tellings may be of one event: a shared party in no opposed role (the host of
    one visit is not the visitor of the other), or no parties on one side."""
    if a.theme and b.theme and a.theme != b.theme:
        return False  # "the independence of Pakistan" is not that of Azerbaijan
    if not a.participants or not b.participants:
        return True
    shared = set(a.participants) & set(b.participants)
    return any(not (a.participants[k] and b.participants[k] and a.participants[k] != b.participants[k])
               for k in shared)


def same_place(a: EventMention, b: EventMention) -> bool:
    return not a.places or not b.places or bool(set(a.places) & set(b.places))


def dates_agree(a: EventMention, b: EventMention) -> bool:
    return a.date is None or b.date is None or a.date_planned or b.date_planned or a.date.value == b.date.value


def same_name(a: str, b: str) -> bool:
    """"Central Asian Leaders’ Consultative Summit" and "Central Asian Leader’s Summit"."""
    def words(x: str) -> set[str]:
        return {w.rstrip("s") for w in re.findall(r"[a-z0-9]+", x.lower()) if w not in ("the", "of", "s")}
    wa, wb = words(a), words(b)
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.75


def _within_sentence(here: list[EventMention], text: str) -> None:
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
            purpose = ev.type == "Visit" and re.search(r"\bfor\s+(?:a|an|the)\b", gap)
            if (nxt.cls.name == ev.cls.name and _OBJECT_GAP.match(gap)) or purpose:
                merge(nxt, ev)
                break
            if ev.type == "Visit" and re.search(r"\bto\s+attend\b", gap) and nxt.date is not None and ev.date is None:
                ev.date, ev.date_source = nxt.date, f"the {nxt.type.lower()} it was made to attend"
                ev.during = nxt
    summits = [e for e in order if e.type in _SUMMIT_LIKE and not e.anaphor]
    for ev in order:
        if ev.type == "Meeting" and ev.pos == "verb" and not ev.anaphor and ev.status != "negated" and summits \
                and dates_agree(ev, summits[0]):
            merge(summits[0], ev)
    for k, ev in enumerate(order):
        if ev.anaphor or k == 0:
            continue
        container = next((o for o in order[:k] if not o.anaphor and o.kind == ev.kind and
                          _LISTING.search(text[o.end:ev.start])), None)
        if container is not None and container is not ev:
            if ev.kind == "Event":
                merge(container.target(), ev)
                continue
            ev.listed_in = container
        prev = next((o for o in reversed(order[:k]) if not o.anaphor), None)
        if prev is None:
            continue
        between = text[prev.end:ev.start]
        participle = ev.pos == "verb" and ev.trigger.lower().endswith("ing") and re.search(r",\s*(?:\w+ly\s+)?$", between)
        relative = _RELATIVE.search(between) and ev.pos == "verb" and prev.pos == "noun" and prev.kind == "Event"
        if participle or relative:
            merge(prev, ev)


def _antecedent(ev: EventMention, events: list[EventMention]) -> EventMention | None:
    close = _CLOSE.get(ev.cls.name, set())
    if ev.anaphor:
        for group in ({ev.cls.name}, close):
            fits = [o for o in events if not o.anaphor and o.cls.name in group
                    and dates_agree(ev, o) and same_place(ev, o) and same_parties(ev, o)]
            if not fits:
                continue
            # one just told (in the last two sentences) is the one meant; else the one the brief
            # tells most ("the visit" of a brief about a visit)
            recent = [o for o in fits if o.sentences[-1].index >= ev.sent.index - 2]
            if recent:
                return recent[-1]
            return max(fits, key=lambda o: (len(o.sentences), events.index(o)))
        return None
    for o in reversed(events):
        if o.anaphor or o.cls.name != ev.cls.name:
            continue
        if ev.name and o.name and same_name(ev.name, o.name):
            return o
        if ev.count and ev.count == o.count and ev.kind == "Agreement":
            return o
        if ev.type in _SUMMIT_LIKE and dates_agree(ev, o) and ev.bodies & o.bodies:
            return o  # "the VII summit of ... (Celac)" and "The Celac Summit"
        if o.date is not None and ev.date is not None and o.date.value == ev.date.value and \
                same_parties(ev, o) and same_place(ev, o) and (ev.participants or o.participants) and \
                (ev.date.precision == "day" or ev.sent is not o.sent):
            return o
        if ev.kind == "Event" and o.told_definite and o.date is None and ev.date is not None and \
                ev.sent is not o.sent and same_place(ev, o) and \
                len(set(ev.participants) & set(o.participants)) >= 2 and same_parties(ev, o):
            return o  # told first without a date ("Prachanda's visit"), then with one
    return None


def resolve(sent: Sentence, here: list[EventMention], events: list[EventMention]) -> None:
    """Merge what the sentence tells again into ``events``; add what is new; link ``during``."""
    text = sent.text
    _within_sentence(here, text)
    for ev in sorted(here, key=lambda e: e.start):
        if ev.anaphor and ev.ref is not None:
            continue
        antecedent = _antecedent(ev, events)
        if antecedent is not None:
            merge(antecedent, ev)
            continue
        if ev.anaphor and (ev.plural or not (ev.participants or ev.date or ev.places
                                             or ev.fallback and ev.fallback[0])):
            continue  # "the coups", "the announcement": what it refers to is not told here
        ev.told_definite = ev.anaphor  # "Prachanda's visit": the brief goes on to tell it
        if ev.anaphor and ev.fallback is not None and not ev.participants:  # a new event after all: its clause's parties
            parties, places, bodies = ev.fallback
            for k, r in parties.items():
                ev.participants.setdefault(k, r)
            ev.places.extend(p for p in places if p not in ev.places)
            ev.establishes.extend(b for b in bodies if b not in ev.establishes)
        ev.anaphor = False
        events.append(ev)
    _during(here, text, sent)
    _signed_at(here, text)
    _recognised(here, text)
    follow_up(events, sent)
    for ev in here:
        box = ev.listed_in.target() if ev.listed_in is not None else None
        if box is not None and not ev.anaphor and ev.date is None and box.date is not None:
            ev.date, ev.date_source = box.date, "the set of agreements it is listed in"
            ev.during = ev.during or box.during


def _during(here: list[EventMention], text: str, sent: Sentence) -> None:
    """"during <event>", "at the summit": the event it happened during gives the date."""
    for t in here:
        lead = _DURING.search(text, max(0, t.start - 60), t.start)
        if lead is None:
            continue
        referent = t.target()
        for ev in here:
            ev = ev.target()
            if ev is referent or ev.during is not None or (ev.kind == "Event" and ev.type == referent.type):
                continue
            if ev.sent is sent and not same_clause(text, min(ev.start, lead.start()), max(ev.start, lead.start())):
                continue
            ev.during = referent
            if ev.date is None and referent.date is not None:
                ev.date, ev.date_source = referent.date, f"during the {referent.type.lower()}"
            elif referent.date is None and ev.date is not None and ev.date.precision == "day":
                # "signed a pact on Saturday during their summit": the summit was on that day
                referent.date, referent.date_source = ev.date, f"the day of the {ev.type.lower()} during it"


_SUBJECT_EVENT = re.compile(r"^[^;]{0,120}?\b(?:adopted|issued|signed|concluded|produced|agreed\s+on|endorsed)\s+"
                            r"(?:a|an|the|its|their)?\s*(?:[\w\-]+\s+){0,2}$", re.I)
_GATHERINGS = {"Visit", "Summit", "Meeting", "Conference", "Negotiation"}


def _signed_at(here: list[EventMention], text: str) -> None:
    """An agreement "adopted" by a meeting ("The Consultative Meeting ..., held in X, adopted a
    declaration"), or signed in the sentence that tells of a visit or summit, was signed at it."""
    for ev in here:
        ev = ev.target()
        if ev.kind != "Agreement" or ev.during is not None or ev.anaphor:
            continue
        gatherings = [o for o in here if not o.anaphor and o.kind == "Event" and o.type in _GATHERINGS]
        host = next((o for o in gatherings if o.end <= ev.start and _SUBJECT_EVENT.match(text[o.end:ev.start])),
                    None)
        if host is None and ev.date is None and len(gatherings) == 1:
            host = gatherings[0]
        if host is not None:
            ev.during = host
            if ev.date is None and host.date is not None:
                ev.date, ev.date_source = host.date, f"signed at the {host.type.lower()}"


def follow_up(events: list[EventMention], sent: Sentence) -> None:
    """Talks told in the sentence after a dated visit, with the visitor among their parties and no
    date of their own, were held during that visit ("He held talks with ...")."""
    visits = [e for e in events if e.type == "Visit" and e.date is not None and not e.anaphor]
    if not visits:
        return
    visit = visits[-1]
    last = visit.sentences[-1]
    if last.paragraph != sent.paragraph or last.index != sent.index - 1:
        return
    for ev in events:
        if ev.sent is sent and not ev.anaphor and ev.type in ("Meeting", "Negotiation") and ev.date is None \
                and ev.during is None and set(ev.participants) & set(visit.participants):
            ev.during, ev.date, ev.date_source = visit, visit.date, "during the visit told before"


def _recognised(here: list[EventMention], text: str) -> None:
    """"X recognised Y's independence": the recognition takes the date of what it recognised."""
    for ev in here:
        ev = ev.target()
        if ev.type != "Recognition" or ev.date is not None:
            continue
        for other in here:
            o = other.target()
            if o is ev or o.date is None or not 0 <= other.start - ev.end <= 40:
                continue
            ev.date, ev.date_source = o.date, f"the date of the {o.type.lower()} it recognised"
            break
