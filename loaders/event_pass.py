"""The event pass: events and agreements with their parties, places and dates.

Each trigger (``events.find_triggers``) governs a clause of its sentence; its participants,
place and date are looked for there. Anaphora ("the visit", "these MOUs") add evidence to
the event told before instead of inventing a new one.
"""

from __future__ import annotations

import re
from collections import Counter

from briefgraph.loaders.dates import DateValue, ending_interval, find_dates
from briefgraph.loaders.document import Sentence
from briefgraph.loaders.drafts import ACTOR_KINDS, BOTH, DraftEvent
from briefgraph.loaders.entities import Mention
from briefgraph.loaders.events import ORDINALS, Trigger, find_triggers
from briefgraph.loaders.sources import parse_footnote

ORDINAL_WORDS = {v: k for k, v in ORDINALS.items()}
# Event types that need a date, a proper name or an ordinal to be told apart from talk
# about such things in general ("faced external aggression by occupation forces").
_NEEDS_ANCHOR = {"Conflict", "Massacre", "Exercise", "Report", "Attack", "Election", "Conference",
                 "Establishment", "Meeting", "Summit"}
_DATE_REACH = 90  # characters between a trigger and the date that belongs to it
_ABOUT = re.compile(r"\s+((?:on|of|for)(?:\s+(?!in\b|at\b|by\b|with\b|during\b|signed\b)[a-z\-]+){1,6})")
_SIGN = re.compile(r"\bsign")
_RECENT = re.compile(r"\brecent\b")
_ONLY_SPACE = re.compile(r"\s*")
_LOWER_WORD_AFTER = re.compile(r"\s+[a-z]+")
_N_DAY = re.compile(r"(\w+)-day")
_CONCLUDED = re.compile(r"\b(?:concluded|ended|wrapped up|completed)\b")
_PLACE_TAIL = r"\s+(?:the\s+)?(?:(?:town|city|village|region|province|district)\s+of\s+)?$"
_AT_PLACE = re.compile(r"\b(?:in|at|near)" + _PLACE_TAIL)
_AT_PLACE_WIDE = re.compile(r"\b(?:in|at|near|of|on|over|across)" + _PLACE_TAIL)
_INDEPENDENCE = re.compile(r"independence", re.I)
_MEETING_WITH = re.compile(r"\bmeetings?\s+with\b|\bmet\s+(?:with\s+)?")
_HE_SHE_MET = re.compile(r"\b(?:he|she)\s+(?:held|met)", re.I)
_DURING_ANY_CASE = re.compile(r"[Dd]uring")
_THE_COUNTRY = re.compile(r"\bthe country")
_AS_OBSERVERS = re.compile(r"\bas\s+observers?\b")
_IN_SOON_AFTER = re.compile(r"[^,;.]{0,25}?\bin\s+(?:the\s+)?")
_OPENED = re.compile(r"(?:was|were)\s+opened|inaugurat")
_DURING_THE_BEFORE = re.compile(r"\bduring\s+the\s+[‘'“\"]?$")
_VISIT_TO = re.compile(r"[\w\- ]*?visit(?:s|ed|ing)?\s+(?:to\s+)?(?:the\s+)?")
_VISITED_END = re.compile(r"visit(?:ed|ing)\s+$")
_HIS_HER = re.compile(r"\b(?:his|her)\b")
_THE_VISIT = re.compile(r"\b(?:the|this|that|recent)\s+(?:\w+\s+)?visit")
_OF_AFTER = re.compile(r"^\s+of\s+")
_STATE_VISIT = re.compile(r"state\s+visit")
_SIGNED_BETWEEN = re.compile(r"signed\s+(?:between|by)\s+")
_SUBJECT_SIGNED = re.compile(r"(?:and|&)\s+(?:[A-Z][\w’'\-]+\s+){1,4}(?:have\s+|had\s+|also\s+)?"
                             r"signed\s+(?:an?\s+|the\s+)?$")
_ADOPTED_BEFORE = re.compile(r"\b(?:adopted|issued|endorsed)\s+(?:a|an|the)\s+(?:joint\s+)?$")
_COSPONSOR = re.compile(r"co-?sponsor")
_ESTABLISH_BEFORE = re.compile(r"establish\w*\s+(?:of\s+)?(?:the\s+)?['‘]?$")
_TOPIC = re.compile(r"\s+(?:for|on|of)\s+(?:the\s+)?(?:establishment\s+of\s+|creation\s+of\s+)?['‘\"“]?"
                    r"([A-Z][^'’\"”,;]{3,90})")
_SPACES = re.compile(r"\s+")
_AND_OTHERS = re.compile(r"\s*(?:and|/)\s*(?:other\s+)?(agreements?|MOUs?|protocols?)")
_ADOPTED_WORD = re.compile(r"\b(?:adopted|issued|endorsed|signed|concluded)\b")
_DURING = re.compile(r"\bduring\b")
_DURING_FIRST = re.compile(r"\s*During\b")
_BY_SUFFIX = re.compile(r"\s+(?:published|released|issued)?\s*by$")
_OPENING = re.compile(r"(?:was|were)\s+opened|inaugurat|found")
_TARGET_AFTER = re.compile(r"\s+(?:on|against)\s+((?:[\w\-]+\s+){0,3}?[\w\-]+?)"
                           r"(?=\s+(?:in|at|on|by|which|that)\b|[,.;]|$)")


class EventPass:
    """Mixed into the extractor: reads events and agreements from every sentence."""

    def focus_states(self) -> list[str]:
        """The two states the brief is about (the most mentioned, three times or more).

        Asked for by many events and relations; the counts are final once the entity pass is
        done (the later passes add no mentions), so it is computed once."""
        if self._focus is None:
            counts = Counter({k: e.count for k, e in self.entities.items() if e.kind == "State"})
            self._focus = [k for k, c in counts.most_common(2) if c >= 3]
        return list(self._focus)

    def read_events(self) -> None:
        anchor = self.doc.anchor_date
        paragraph_context: dict[int, DraftEvent] = {}
        for sent in self.doc.sentences:
            ms = self.mentions[sent.index]
            dates = find_dates(sent.text, anchor)
            triggers = self._triggers = find_triggers(sent.text)
            made: list[tuple[Trigger, DraftEvent]] = []
            for t in triggers:
                ev = self.event_from(sent, t, ms, dates)
                if ev is not None:
                    made.append((t, ev))
            self._link_during(sent, made)
            for t, ev in made:
                if ev.kind == "Event" and ev.type in ("Visit", "Summit") and ev.date:
                    paragraph_context[sent.paragraph] = ev
                elif ev.kind == "Event" and ev.type == "Meeting" and ev.during is None and ev.date is None \
                        and sent.paragraph in paragraph_context:
                    ev.during = paragraph_context[sent.paragraph]  # talks held in the course of the visit
                if ev.kind == "Agreement" and ev.during is None and ev.date is None:
                    ctx = paragraph_context.get(sent.paragraph)
                    if ctx is not None and _SIGN.search(sent.text) and not _RECENT.search(sent.text[:t.start]):
                        ev.during = ctx
            people = [m for m in ms if m.kind == "Person"]
            if people:
                self.last_person = people[0].key

    def _window_mentions(self, ms: list[Mention], t: Trigger) -> list[Mention]:
        lo, hi = t.window
        return [m for m in ms if lo <= m.start < hi]

    def _pick_date(self, t: Trigger, dates: list[DateValue], text: str = "") -> DateValue | None:
        lo, hi = t.window
        best, dist = None, None
        for d in dates:
            if d.end_pos <= t.start and _ONLY_SPACE.fullmatch(text[d.end_pos:t.start]):
                return d  # "the February 2024 elections": the date is the trigger's own
            if _LOWER_WORD_AFTER.match(text[d.end_pos:]) and any(
                    d.end_pos <= o.start and _ONLY_SPACE.fullmatch(text[d.end_pos:o.start]) for o in self._triggers):
                continue  # ... and no other trigger's
            if not (lo <= d.pos < hi or t.start <= d.pos < t.end):
                continue
            gap = d.pos - t.end if d.pos >= t.end else t.start - d.end_pos
            if t.start <= d.pos < t.end:
                gap = 0
            if gap <= _DATE_REACH and (dist is None or gap < dist):
                best, dist = d, gap
        return best

    def event_from(self, sent: Sentence, t: Trigger, ms: list[Mention], dates: list[DateValue]) -> DraftEvent | None:
        if any(m.kind in ("Organisation", "Place") and m.start <= t.start and t.end <= m.end for m in ms):
            return None  # "Collective Security Treaty Organization" is a body, not a treaty
        wm = self._window_mentions(ms, t)
        date = self._pick_date(t, dates, sent.text)
        text = sent.text
        if t.kind == "Event" and t.type == "Visit" and date is not None:
            days = _N_DAY.search(t.text)
            n = {"two": 2, "three": 3, "four": 4, "five": 5}.get(days.group(1).lower()) if days else None
            if days and days.group(1).isdigit():
                n = int(days.group(1))
            if n and _CONCLUDED.search(text[max(0, t.start - 40):date.pos]):
                date = ending_interval(date, n)
        ev = DraftEvent(t.kind, t.type, sent, t, date=date)
        ev.evidence.append(self.evidence(sent, t.text))
        for m in wm:
            key = self.mkey(m)
            if key not in self.entities:
                continue
            if m.kind in ACTOR_KINDS:
                ev.participants.setdefault(key, None)
            elif m.kind == "Place" and self._where(t, m, text):
                ev.places.append(key)
        lo, hi = t.window
        if not ev.states(self.entities) and BOTH.search(text[max(0, lo - 40):hi]) and len(self.focus_states()) == 2:
            for k in self.focus_states():  # "the two sides signed", "both states took part"
                ev.participants.setdefault(k, None)
        if t.kind == "Agreement":
            return self.agreement(ev, t, wm)
        return self.event(ev, t, wm)

    @staticmethod
    def _where(t: Trigger, m: Mention, text: str) -> bool:
        """Whether a place in the trigger's clause is where it happened: "held in Islamabad",
        "the town of Khojaly" for a massacre, a place named in the event's own name; not
        "a meeting of the Council on Kashmir"."""
        if t.start <= m.start < t.end:
            return True
        before = text[max(0, m.start - 30):m.start]
        rx = _AT_PLACE_WIDE if t.type in ("Conflict", "Massacre", "Attack") else _AT_PLACE
        return bool(rx.search(before))

    def _paragraph_visit(self, sent: Sentence) -> DraftEvent | None:
        """The dated visit or summit told earlier in the same paragraph, if any."""
        for ev in reversed(self.events):
            if ev.sent.paragraph == sent.paragraph and ev.type in ("Visit", "Summit") and ev.date:
                return ev
        return None

    def _previous(self, etype: str, person: str | None = None) -> DraftEvent | None:
        for ev in reversed(self.events):
            if ev.kind == "Event" and ev.type == etype and (person is None or person in ev.participants):
                return ev
        return None

    def event(self, ev: DraftEvent, t: Trigger, wm: list[Mention]) -> DraftEvent | None:
        text, lo, hi = ev.sent.text, *t.window
        window = text[lo:hi]
        persons = [k for k in ev.participants if self.entities[k].kind == "Person"]
        if t.type == "Visit":
            return self.visit(ev, t, wm, persons, window)
        if t.anaphoric and ev.date is None:
            prev = self._previous(t.type, persons[0] if persons else None)
            if prev is not None:
                prev.evidence.append(ev.evidence[0])
                return prev
        if t.type == "Establishment" and _INDEPENDENCE.match(t.text):
            target = self._state_near(wm, t)
            if target is None:
                return None
            ev.participants = {target: None}
            ev.name = f"Independence of {self.entities[target].name}"
            ev.extra["natural"] = ("independence", target)
            prev = next((e for e in self.events if e.extra.get("natural") == ("independence", target)), None)
            if prev is not None:
                prev.evidence.append(ev.evidence[0])
                if prev.date is None and ev.date is not None:
                    prev.date = ev.date
                return prev
            if ev.date is None:
                return None
            return self.keep(ev)
        if t.type == "Meeting" and _MEETING_WITH.search(text[t.start:t.end + 6]):
            if not persons and self.last_person:
                pass
            if _HE_SHE_MET.search(window) and self.last_person in self.entities:
                ev.participants = {self.last_person: None, **ev.participants}
        if t.name:
            ev.name = t.name
        if t.ordinal is not None:
            ev.extra["ordinal"] = t.ordinal
        if t.type == "Recognition":
            if len(ev.states(self.entities)) < 2:
                return None
            recognised = "independence" in text[t.end:t.end + 40]
            target = self._state_near(wm, Trigger("Event", "", t.end, t.end, "")) if recognised else None
            prior = next((e for e in self.events if e.extra.get("natural") == ("independence", target)), None)
            if ev.date is None and prior is not None and prior.date is not None:
                # "one of the first countries to recognise X's independence": the year X became independent
                ev.date, ev.date_source = prior.date, "year of the independence it recognises"
            if target:
                ev.name = f"Recognition of {self.entities[target].name}'s independence"
        if t.type in _NEEDS_ANCHOR and not (ev.date or t.name or t.ordinal or t.type == "Meeting"):
            return None
        if t.type == "Meeting" and not (ev.date or t.ordinal or persons or _DURING_ANY_CASE.search(text)):
            return None
        if t.type == "Report":
            author = next((m for m in wm if m.start >= t.end - 3 and m.kind == "Organisation"), None)
            if author is None:
                return None
            ev.participants[self.mkey(author)] = "author"
            country = self._the_country(ev.sent)
            if country and _THE_COUNTRY.search(window):
                ev.participants.setdefault(country, "subject")
        if t.type == "Exercise" and _AS_OBSERVERS.search(window):
            for k in ev.participants:
                if self.entities[k].kind == "State":
                    ev.participants[k] = "observer"
        near = _IN_SOON_AFTER.match(text[t.end:])
        if near and not ev.places:  # "the 2022 unrest in Kazakhstan"
            state = next((self.mkey(m) for m in wm if m.kind == "State" and m.start == t.end + near.end()), None)
            if state:
                ev.places.append(state)
        if t.type in ("Summit", "Meeting"):
            for k in list(ev.participants):
                for member in self.members_of(k):
                    ev.participants.setdefault(member, "member")
        ctx = self._paragraph_visit(ev.sent)
        if t.type in ("Meeting",) and not ev.date and not t.ordinal and not _DURING_ANY_CASE.search(text) \
                and not (ctx and persons):
            return None
        if t.type == "Establishment" and _OPENED.match(t.text):
            for m in wm:  # "The Kartarpur Corridor was opened": what opened is the subject
                if m.kind == "Place" and m.end <= t.start and self.mkey(m) not in ev.places:
                    ev.places.append(self.mkey(m))
        if t.type == "Establishment" and "diplomatic" in window:
            subject = [self.mkey(m) for m in wm if m.kind == "State" and m.end <= t.start]
            if len(set(subject)) >= 2:  # "Kazakhstan and Uzbekistan established diplomatic relations"
                ev.participants = dict.fromkeys(subject)
        if t.type == "Establishment" and "diplomatic" in window and len(ev.states(self.entities)) < 2:
            states = [self.mkey(m) for m in self.mentions[ev.sent.index] if m.kind == "State"]
            for k in (states if len(set(states)) >= 2 else self.focus_states()):
                ev.participants.setdefault(k, None)
        if t.type == "Conflict" and _DURING_THE_BEFORE.search(text[max(0, t.start - 160):t.start]):
            # "Pakistan's support to Azerbaijan during the Patriotic War": the supporters took part
            for m in self.mentions[ev.sent.index]:
                if m.kind == "State" and m.end <= t.start and t.start - m.end < 60:
                    ev.participants.setdefault(self.mkey(m), None)
        return self.keep(ev)

    def visit(self, ev: DraftEvent, t: Trigger, wm, persons, window) -> DraftEvent | None:
        text = ev.sent.text
        dest = None
        m = _VISIT_TO.match(text[t.start:])
        if m and (" to " in m.group(0) or _VISITED_END.search(m.group(0))):
            after = t.start + m.end()
            dest = next((self.mkey(x) for x in wm if x.start == after and x.kind in ("State", "Place")), None)
        if dest and self.entities[dest].kind == "Place":
            ev.places.insert(0, dest)
            cc = self.entities[dest].props.get("country_code")
            dest = cc if cc in self.entities else None
        if not persons and _HIS_HER.search(text[max(0, t.start - 20):t.start]) and self.last_person:
            persons = [self.last_person]
        visitor = persons[0] if persons else None
        same = [e for e in self.events if e.sent is ev.sent and e.type == "Visit"]
        if t.anaphoric and same:  # "visited China ..., his first visit abroad since ..."
            same[-1].evidence.append(ev.evidence[0])
            return same[-1]
        if t.anaphoric and ev.date is None or (ev.date is None and _THE_VISIT.search(text[max(0, t.start - 20):t.end])):
            prev = self._previous("Visit", visitor)
            if visitor is None:  # "the visit of Azerbaijan's President": the last visit from that state
                states = [k for k in ev.participants if self.entities[k].kind == "State"
                          and _OF_AFTER.search(text[t.end:])]
                prev = next((e for e in reversed(self.events) if e.type == "Visit" and any(
                    e.participants.get(k) == "visitor" for k in states)), prev)
            if prev is not None:
                prev.evidence.append(ev.evidence[0])
                return prev
            return None
        if ev.date is None and not (visitor and dest):
            return None
        parts: dict[str, str | None] = {}
        home = None
        if visitor:
            parts[visitor] = "visitor"
            home = self.entities[visitor].props.get("head_of")
        focus = self.focus_states()
        if dest is None and home and len(focus) == 2 and home in focus:
            dest = focus[1 - focus.index(home)]
        if home is None and dest and self.entities[dest].kind == "State" and len(focus) == 2 and dest in focus:
            home = focus[1 - focus.index(dest)]
            if visitor:
                self.entities[visitor].props.setdefault("head_of", home)
                self.entities[visitor].props.setdefault("head_of_inferred", True)
                if ev.date is not None:
                    self.entities[visitor].props.setdefault("head_of_date", ev.date)
        if home:
            parts[home] = "visitor"
        if dest:
            parts[dest] = "host"
            if not ev.places or self.entities[ev.places[0]].kind != "Place":
                ev.places = [dest] + [p for p in ev.places if p != dest]
        for k in ev.participants:
            parts.setdefault(k, None)
        ev.participants = parts
        kind = "State visit" if _STATE_VISIT.search(t.text) else "Official visit" if "official" in t.text else "Visit"
        who = self.entities[visitor].name if visitor else (self.entities[home].name if home else "")
        where = self.entities[ev.places[0]].name if ev.places else (self.entities[dest].name if dest else "")
        ev.name = " ".join(x for x in (kind, f"of {who}" if who else "", f"to {where}" if where else "") if x)
        return self.keep(ev)

    def agreement(self, ev: DraftEvent, t: Trigger, wm: list[Mention]) -> DraftEvent | None:
        text = ev.sent.text
        signed_between = _SIGNED_BETWEEN.search(text[t.end:t.end + 30])
        subj_signed = _SUBJECT_SIGNED.search(text[max(0, t.start - 160):t.start])
        if t.anaphoric and not signed_between:
            for prev in reversed(self.events):
                if prev.kind == "Agreement" and prev.type == t.type:
                    prev.evidence.append(ev.evidence[0])
                    return prev
            if ev.date is None:
                return None
        adopted = _ADOPTED_BEFORE.search(text[max(0, t.start - 160):t.start])
        if not (t.name or t.count or t.number or signed_between or subj_signed or ev.date or adopted):
            return None
        same = next((p for p in self.events if p.kind == "Agreement" and p.type == t.type
                     and (p.trigger.count, p.trigger.number, p.trigger.name) == (t.count, t.number, t.name)
                     and (t.count or t.number or t.name)), None)
        if same is not None:
            same.evidence.append(ev.evidence[0])
            return same
        roles = {}
        if _COSPONSOR.search(text):
            for m in wm:
                if m.kind == "State" and m.start < t.start and _COSPONSOR.search(text[m.end:t.start]):
                    roles[self.mkey(m)] = "co-sponsor"
        issuer = next((m for m in reversed(wm) if m.kind == "Organisation" and m.end <= t.start and t.start - m.end < 12), None)
        if issuer is not None:
            roles[self.mkey(issuer)] = "issuer"
        for k in ev.participants:
            if k not in roles:
                roles[k] = "party" if self.entities[k].kind != "Place" else None
        ev.participants = roles
        for m in wm:
            if m.kind == "Organisation" and _ESTABLISH_BEFORE.search(text[max(0, m.start - 160):m.start]):
                ev.establishes.append(self.mkey(m))
                for member in self.members_of(self.mkey(m)):
                    ev.participants.setdefault(member, "party")
        if ev.date is None and t.type in ("Resolution", "Treaty", "Convention", "Declaration"):
            ev.date, ev.date_source = self._date_from_sources(ev.sent), "footnote title"
            if ev.date is None:
                ev.date_source = None
        topic = _TOPIC.match(text[t.end:])
        if t.name:
            ev.name = t.name
        elif topic and not t.count and not t.number:
            ev.name = f"{t.type} {text[t.end:t.end + topic.end()].strip()}".replace("‘", "").replace("'", "")
        elif (about := _ABOUT.match(text[t.end:])) and not t.count and not t.number:
            ev.name = f"{t.type} {about.group(1)}"  # "a declaration on friendship and cooperation"
        elif t.count:
            ev.name = _SPACES.sub(" ", text[t.start:t.end])
            more = _AND_OTHERS.match(text[t.end:])
            if more:
                ev.name += text[t.end:t.end + more.end()]
        elif t.number:
            abbr = self.entities[self.mkey(issuer)].props.get("abbreviation") if issuer else None
            ev.name = f"{abbr + ' ' if abbr else ''}{t.type} {t.number}"
        else:
            orgs = [self.entities[k].name for k in ev.participants if self.entities[k].kind == "Organisation"]
            parties = orgs or [self.entities[k].name for k in ev.participants if self.entities[k].kind == "State"]
            ev.name = f"{t.type} between {' and '.join(parties)}" if parties else t.type
        if t.count:
            ev.extra["count"] = t.count
        if t.number:
            ev.extra["number"] = t.number
        return self.keep(ev)

    def keep(self, ev: DraftEvent) -> DraftEvent:
        self.events.append(ev)
        return ev

    def _link_during(self, sent: Sentence, made: list[tuple[Trigger, DraftEvent]]) -> None:
        text = sent.text
        for (t, ev), (t2, ev2) in zip(made, made[1:]):
            if ev.kind == "Event" and ev2.kind == "Agreement" and ev2.during is None and \
                    _ADOPTED_WORD.search(text[t.end:t2.start]):
                ev2.during = ev  # "the summit adopted a declaration"
        for i, (t, ev) in enumerate(made):
            for t2, ev2 in made[i + 1:]:
                gap = text[t.end:t2.start]
                if ev2 is ev:
                    continue
                if len(gap) < 45 and _DURING.search(gap) and ev2.kind == "Event" and ev.during is None:
                    ev.during = ev2
            if _DURING_FIRST.match(text) and i == 0 and ev.kind == "Event":
                for t2, ev2 in made[1:]:
                    if ev2 is not ev and ev2.during is None:
                        ev2.during = ev

    def _state_near(self, wm: list[Mention], t: Trigger) -> str | None:
        after = [m for m in wm if m.kind == "State" and 0 <= m.start - t.end <= 8]
        before = [m for m in wm if m.kind == "State" and 0 <= t.start - m.end <= 3]
        pick = (after or before)
        return self.mkey(pick[0]) if pick else None

    def _the_country(self, sent: Sentence) -> str | None:
        for idx in range(sent.index, max(-1, sent.index - 3), -1):
            states = [m for m in self.mentions.get(idx, []) if m.kind == "State"]
            if states:
                return states[0].key
        return None

    def _date_from_sources(self, sent: Sentence) -> DateValue | None:
        for n in sent.footnotes:
            fn = self.doc.footnotes.get(n)
            if fn is None:
                continue
            title = parse_footnote(fn).get("title") or ""
            years = [d for d in find_dates(title) if d.precision == "year"]
            if len(years) == 1 and (self.doc.date is None or years[0].value <= self.doc.date.value[:4]):
                return years[0]
        return None

    def members_of(self, key: str) -> list[str]:
        return [s for (s, t, ty) in self.edges if t == key and ty == "MEMBER_OF"]

    def _event_name(self, ev: DraftEvent) -> str:
        """A readable label for an event the text does not name."""
        t = ev.trigger
        role = {r: [self.entities[k].name for k, x in ev.participants.items() if x == r] for r in ("aggressor", "author")}
        actors = [self.entities[k].name for k, r in ev.participants.items() if r not in ("aggressor", "member")]
        orgs = [self.entities[k].name for k in ev.participants if self.entities[k].kind == "Organisation"]
        if ev.type in ("Meeting", "Summit") and orgs:
            actors = orgs  # "Fifth session of the Intergovernmental Council"
        places = [self.entities[p].name for p in ev.places][:1]
        word = _BY_SUFFIX.sub("", t.text).strip()
        if ev.type == "Meeting" and word.lower() in ("met", "talks", "held talks", "consultations"):
            word = "meeting"
        if ev.type == "Visit" and word.lower().startswith("visit"):
            word = "visit"
        label = word[0].upper() + word[1:]
        if t.ordinal:
            suffix = "th" if 10 <= t.ordinal % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(t.ordinal % 10, "th")
            label = f"{ORDINAL_WORDS.get(t.ordinal, f'{t.ordinal}{suffix}').capitalize()} {word}"
        opening = _OPENING.match(t.text)
        if ev.type == "Establishment" and opening:
            what = [self.entities[p].name for p in ev.places] or [
                self.entities[k].name for k in ev.participants if self.entities[k].kind == "Organisation"]
            noun = {"found": "Founding", "inaugurat": "Inauguration"}.get(opening.group(0), "Opening")
            return f"{noun} of {what[0]}" if what else noun
        if ev.type == "Report" and role["author"]:
            return f"Report by {role['author'][0]}"
        if ev.type == "Establishment" and "diplomatic" in ev.sent.text[t.window[0]:t.window[1]]:
            return "Diplomatic relations established between " + " and ".join(actors)
        target = _TARGET_AFTER.match(ev.sent.text[t.end:])
        if ev.type in ("Attack", "Conflict") and target:  # "the attack on Chinese engineers in Besham"
            return f"{label} on {target.group(1)}" + (f" in {places[0]}" if places else "")
        if ev.type in ("Conflict", "Massacre", "Attack"):
            s = label + (f" of {places[0]}" if places else "")
            return s + (f" by {role['aggressor'][0]}" if role["aggressor"] else "")
        s = label + (" of " + ", ".join(actors[:4]) if actors else "")
        return s + (f" in {places[0]}" if places else "")
