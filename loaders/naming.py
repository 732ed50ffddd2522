"""Display names of events and agreements, for the timeline, the explorer and queries.

A name the text gives is kept ("Patriotic War", "Treaty on Allied Relations", "United Nations
Security Council Resolution 47"). Otherwise the name says what and who:
"State visit of Kassym-Jomart Tokayev to Uzbekistan", "Summit of Shanghai Cooperation
Organisation in Goa", "Meeting of Asif Ali Zardari and Ilham Aliyev", "15 MOUs between Pakistan
and Azerbaijan", "Coup in Niger".
"""

from __future__ import annotations

import re

from briefgraph.loaders.events import EventMention

_TAIL = re.compile(r"\s+(?:on|of|for|between|concerning|regarding)\s+(?:the\s+)?[\w’'\-]+(?:\s+(?:and\s+)?[\w’'\-]+){0,5}")
_STOP_WORDS = {"in", "at", "on", "with", "was", "were", "is", "by", "during", "signed", "held", "which", "that",
               "and", "to"}
_LINKS = {"during", "at", "in", "on", "of", "for", "with", "after", "before", "by", "to", "and", "the", "a", "an"}
_ACTS = {"open": "Opening", "hand": "Handover", "flag": "Flag-off", "lay": "Foundation", "commission": "Commissioning"}
_NUMBER = re.compile(r"\s+(?:No\.?\s*)?(\d{2,5})\b")
# what follows "on"/"of" when it is a time, not the subject: "a defence pact on Saturday",
# "an accord on 4 September", "the agreement of March 2021"
_WHEN = re.compile(r"\s+(?:on|of|for)\s+(?:the\s+)?(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
                   r"|(?:January|February|March|April|May|June|July|August|September|October|November|December)"
                   r"\s+(?:\d|of\b)|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z][a-z]+|(?:this|last|next|that)\s+"
                   r"(?:week|month|year|day)\b)")


def _with_tail(ev: EventMention) -> str | None:
    """"a Treaty on Allied Relations", "a declaration on friendship and cooperation": the head
    word and what it is on, as the text gives them."""
    text = ev.sent.text
    m = _TAIL.match(text, ev.end)
    if not m or ev.kind != "Agreement" and not ev.trigger[:1].isupper() or _WHEN.match(text, ev.end):
        return None
    words = m.group(0).split()
    out = [words[0]]
    for w in words[1:]:
        if w.lower() in _STOP_WORDS - {"and"}:
            break
        out.append(w)
    while out and out[-1].lower() in _STOP_WORDS:
        out.pop()
    if len(out) < 2:
        return None
    head = ev.name or ev.trigger
    return head[:1].upper() + head[1:] + " " + " ".join(out).rstrip(",.;")


def _quoted_before(ev: EventMention) -> str | None:
    """"the 'Peace Mission-2021' joint military exercise": the quoted name before the noun."""
    m = re.search(r"[‘'“\"]([A-Z][^‘'“\"’”]{1,60})[’'”\"]\s+((?:[a-z\-]+\s+){0,3})\Z", ev.sent.text[:ev.start])
    if not m or ev.pos != "noun" or set(m.group(2).split()) & _LINKS:
        return None  # "a 'Treaty' during the fifth meeting": the quoted name is another thing's
    return m.group(1)


def _names(keys, entities, kinds) -> list[str]:
    return [entities[k].name for k in keys if k in entities and entities[k].kind in kinds]


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def event_name(ev: EventMention, entities) -> str:
    if ev.name:
        number = _NUMBER.match(ev.sent.text, ev.end)
        return ev.name + (f" {number.group(1)}" if number and ev.kind == "Agreement" else "")
    named = _quoted_before(ev) or _with_tail(ev)
    if named:
        return named
    words = ev.trigger.lower()
    written = ev.trigger if any(c.isupper() for c in ev.trigger[1:]) else words[:1].upper() + words[1:]  # "MOU"
    head = ev.type if ev.pos == "verb" or len(words.split()) > 2 or words.endswith(" by") or ev.type in ("Coup", "Rupture", "Accession", "Withdrawal", "Sanction",
                                                      "Appointment", "Inauguration", "Postponement") \
        else written
    if ev.kind == "Event" and ev.pos == "noun" and words.endswith("s") and not words.endswith(("talks", "ss")):
        head = ev.type
    people = _names(ev.participants, entities, ("Person",))
    states = _names(ev.participants, entities, ("State",))
    bodies = _names(ev.participants, entities, ("Organisation",))
    places = _names(ev.places, entities, ("Place", "State"))
    if ev.kind == "Agreement":
        label = f"{ev.count} {ev.trigger}" if ev.count else (ev.type if ev.plural else head)
        number = _NUMBER.match(ev.sent.text, ev.end)
        if number:
            label += f" {number.group(1)}"
        parties = states or bodies or people
        return f"{label} between {_join(parties)}" if len(parties) > 1 else \
            (f"{label} of {parties[0]}" if parties else label)
    if ev.type == "Visit":
        visitor = next((entities[k].name for k, r in ev.participants.items() if r == "visitor" and k in entities
                        and entities[k].kind == "Person"), None) or (people[0] if people else None) or \
            next((entities[k].name for k, r in ev.participants.items() if r == "visitor" and k in entities), None)
        host = next((entities[k].name for k, r in ev.participants.items() if r == "host" and k in entities), None) \
            or next((entities[k].name for k in ev.hosts if k in entities), None) or (places[0] if places else None)
        label = head + (f" of {visitor}" if visitor else "") + (f" to {host}" if host and host != visitor else "")
        return label
    if bodies and ev.type in ("Summit", "Meeting", "Conference", "Negotiation"):
        return f"{head} of {bodies[0]}" + (f" in {places[0]}" if places else "")
    if ev.type in ("Meeting", "Negotiation") and len(people) >= 2:
        return f"{head} of {_join(people[:3])}"
    who = people or states or bodies
    if ev.type == "Inauguration" and places:
        act = next((v for k, v in _ACTS.items() if words.startswith(k)), "Inauguration")
        return f"{act} of {places[0]}"
    if ev.type in ("Coup", "Conflict", "Attack", "Massacre", "Election", "Exercise") and places:
        return f"{head} in {places[0]}"
    if ev.type in ("Coup", "Election") and states:
        return f"{head} in {states[0]}"
    if who:
        label = f"{head} of {_join(who[:3])}" if ev.type not in ("Conflict",) else f"{head} between {_join(who[:3])}"
        return label + (f" in {places[0]}" if places and ev.type in ("Summit", "Meeting") else "")
    return head + (f" in {places[0]}" if places else "")
