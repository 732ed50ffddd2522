"""The relation pass: HEAD_OF, MEMBER_OF, PART_OF, LOCATED_IN, SUPPORTS, IN_CONFLICT_WITH,
and the links between events (dates inherited along DURING and SIGNED_AT)."""

from __future__ import annotations

import re

from briefgraph.loaders import gazetteer
from briefgraph.loaders.document import Sentence
from briefgraph.loaders.drafts import BOTH
from briefgraph.loaders.entities import Mention

# The per-sentence patterns run only where the words they need are present.
_PLACE_OF_STATE = re.compile(r"\s+(?:region\s+|province\s+|area\s+)?of\s+(?:the\s+)?")
_BODY_OF_BODY = re.compile(r"\s*(?:\([A-Z]+\)\s*)?of\s+(?:the\s+)?")
_MEMBER_OF = re.compile(r"\b(?:as\s+)?(?:an?\s+)?(?:founding\s+|full\s+|permanent\s+|non-permanent\s+)?members?(?:\s+states?)?\s+of\s+(?:the\s+)?")
_MEMBERS = re.compile(r"\bmembers\b")
_LIES_IN_WORDS = ("lies", "located", "situated", "sits")
_LIES_IN = re.compile(r",?\s+(?:which|that)\s+(?:lies|is\s+located|is\s+situated|sits)\s+in\s+")
_NAME_TAIL = re.compile(r"(?:\s+[A-Z][a-z]+)?")
_LIST_GAP = re.compile(r"[\s,]*(?:and\s+)?(?:the\s+)?")
_FACILITIES = ("gas field", "oil field", "pipeline", "port", "dam", "mine", "refinery")
_THE_COUNTRY = re.compile(r"\b(?:the\s+country|its)\b[^.]{0,40}$")
_EACH_OTHER = re.compile(r"\bsupport(?:s|ed|ing)?\s+(?:to\s+|for\s+)?each\s+other\b|\bmutual(?:ly)?\s+support")
_BOTH_BEFORE = re.compile(r"\b(?:both|the two)\b", re.I)
_SUPPORT = re.compile(r"\bsupport(?:s|ed)?\s+(?:to\s+|for\s+)?")
_EACH_OTHER_AFTER = re.compile(r"each\s+other")
_SUPPORT_BETWEEN = re.compile(r"\bsupport")


class RelationPass:
    """Mixed into the extractor: reads relations once entities and events are known."""

    def read_relations(self) -> None:
        heads = set(gazetteer.words("head_titles"))
        present_states = {k for k, e in self.entities.items() if e.kind == "State"}
        for sent in self.doc.sentences:
            ms = self.mentions[sent.index]
            text = sent.text
            for m in ms:
                key = self.mkey(m)
                if key not in self.entities:
                    continue
                if m.kind == "Organisation":
                    if m.part_of and (m.part_of in self.entities or m.part_of in present_states):
                        target = m.part_of
                        self.edge(key, target, "PART_OF", self.evidence(sent, m.text))
                    for member in m.members:
                        if member in self.entities:
                            self.edge(member, key, "MEMBER_OF", self.evidence(sent, m.text))
                if m.kind == "Person" and m.role in heads:
                    state = m.role_of
                    if state:
                        self.entities[key].props.setdefault("head_of", state)
                if m.kind == "Place" and m.part_of:
                    target = next((self.mkey(x) for x in ms if x.key == m.part_of), None)
                    if target:
                        self.edge(key, target, "LOCATED_IN", self.evidence(sent, m.text))
            # "X region of Y", "X of Y" for places
            for a, b in zip(ms, ms[1:]):
                gap = text[a.end:b.start]
                ka, kb = self.mkey(a), self.mkey(b)
                if a.kind == "Place" and b.kind == "State" and _PLACE_OF_STATE.fullmatch(gap):
                    self.edge(ka, kb, "LOCATED_IN", self.evidence(sent, text[a.start:b.end]))
                if a.kind == "Organisation" and b.kind == "Organisation" and _BODY_OF_BODY.fullmatch(gap):
                    self.edge(ka, kb, "PART_OF", self.evidence(sent, text[a.start:b.end]))
            # membership: "X, as a member of ORG", "X is a member of ORG"
            for mm in _MEMBER_OF.finditer(text) if "member" in text else ():
                orgs = [x for x in ms if x.start == mm.end() and x.kind == "Organisation"]
                org = max(orgs, key=lambda x: x.end) if orgs else None
                subj = [self.mkey(x) for x in ms if x.end <= mm.start() and x.kind in ("State", "Organisation")]
                if _MEMBERS.search(mm.group(0)):
                    both = BOTH.search(text[:mm.start()])
                    subj = self.focus_states() if both else [self.mkey(x) for x in ms if x.end <= mm.start() and x.kind == "State"]
                else:
                    subj = subj[-1:]
                for k in subj if org else ():
                    self.edge(k, self.mkey(org), "MEMBER_OF", self.evidence(sent, org.text))
            # "the Aral Sea, which lies in Kazakhstan and Uzbekistan"
            for lm in _LIES_IN.finditer(text) if any(w in text for w in _LIES_IN_WORDS) else ():
                place = [x for x in ms if x.kind == "Place" and x.end <= lm.start()
                         and _NAME_TAIL.fullmatch(text, x.end, lm.start())]  # "Gwadar Port, which lies in"
                inside = [x for x in ms if x.kind in ("State", "Place") and x.start >= lm.end()
                          and _LIST_GAP.fullmatch(text, lm.end(), x.start) or
                          (x.kind == "State" and x.start >= lm.end() and x.start - lm.end() < 40)]
                for target in inside if place else ():
                    self.edge(self.mkey(place[-1]), self.mkey(target), "LOCATED_IN", self.evidence(sent, text[place[-1].start:target.end]))
            # places in cities the gazetteer knows: only to states the brief names
            for m in ms:
                cc = m.props.get("country_code") if m.kind == "Place" else None
                if cc and cc in self.entities and self.entities[cc].kind == "State":
                    self.edge(self.mkey(m), cc, "LOCATED_IN", self.evidence(sent, m.text))
            # facilities of "the country": "Azerbaijan has ... the country's biggest gas field 'X'"
            for m in ms:
                if m.kind == "Place" and m.props.get("place_type") in _FACILITIES:
                    if _THE_COUNTRY.search(text[max(0, m.start - 160):m.start]):
                        country = self._the_country(sent)
                        if country:
                            self.edge(self.mkey(m), country, "LOCATED_IN", self.evidence(sent, m.text))
            self.supports(sent, ms)
        # heads of state
        for key, e in self.entities.items():
            if e.kind == "Person" and e.props.get("head_of") in self.entities:
                ev = next((x for x in e.evidence), None)
                when = e.props["head_of_date"].as_props() if "head_of_date" in e.props else {}
                self.edge(key, e.props["head_of"], "HEAD_OF", ev, role=e.props.get("title"),
                          **{k: v for k, v in when.items() if k != "date_qualifier"})
        self.event_edges()  # first: meetings take the dates of the visits they were part of
        self.infer_hosts()

    def supports(self, sent: Sentence, ms: list[Mention]) -> None:
        text = sent.text
        if "support" not in text:
            return
        states = [m for m in ms if m.kind == "State"]
        focus = self.focus_states()
        for m in _EACH_OTHER.finditer(text):
            pair = [self.mkey(x) for x in states if x.end <= m.start()][-2:]
            if len(pair) < 2 and _BOTH_BEFORE.search(text, 0, m.start()) and len(focus) == 2:
                pair = focus
            if len(pair) == 2:
                ev = self.evidence(sent, m.group(0))
                self.edge(pair[0], pair[1], "SUPPORTS", ev)
                self.edge(pair[1], pair[0], "SUPPORTS", ev)
        for m in _SUPPORT.finditer(text):
            if _EACH_OTHER_AFTER.match(text, m.end()):
                continue
            target = next((x for x in states if x.start == m.end()), None)
            source = [x for x in states if x.end <= m.start() and m.start() - x.end <= 25]
            if target and source and self.mkey(source[-1]) != self.mkey(target):
                self.edge(self.mkey(source[-1]), self.mkey(target), "SUPPORTS", self.evidence(sent, text[source[-1].start:target.end]))

    def infer_hosts(self) -> None:
        """People who met a visitor during a visit to S, with a head-of-state title, lead S."""
        heads = set(gazetteer.words("head_titles"))
        for ev in self.events:
            if ev.kind != "Event" or ev.during is None or ev.during.type != "Visit":
                continue
            host = next((k for k, r in ev.during.participants.items() if r == "host"), None)
            for k in ev.participants:
                e = self.entities[k]
                if e.kind == "Person" and ev.during.participants.get(k) != "visitor" and host \
                        and e.props.get("title") in heads and "head_of" not in e.props:
                    e.props["head_of"] = host
                    when = ev.date.as_props() if ev.date else {}
                    self.edge(k, host, "HEAD_OF", e.evidence[0], role=e.props.get("title"),
                              **{p: v for p, v in when.items() if p != "date_qualifier"})

    def event_edges(self) -> None:
        # inherit dates along "during": a meeting held during a visit, a signing during a meeting
        for _ in range(2):
            for ev in self.events:
                if ev.during is not None:
                    if ev.date is None and ev.during.date is not None:
                        ev.date = ev.during.date
                    elif ev.during.date is None and ev.date is not None and ev.during.type in ("Meeting", "Summit"):
                        ev.during.date = ev.date
                    if not ev.places and ev.kind == "Event":
                        ev.places = list(ev.during.places)
                    if ev.type == "Meeting" and ev.during.type == "Visit":  # the visitor attends the talks
                        for k, role in ev.during.participants.items():
                            if role == "visitor" and self.entities[k].kind == "Person":
                                ev.participants.setdefault(k, None)
        # the states a conflict sets against each other
        for ev in self.events:
            if ev.kind == "Event" and ev.type in ("Conflict", "Massacre"):
                text, t = ev.sent.text, ev.trigger
                aggressor = [m for m in self.mentions[ev.sent.index] if m.kind == "State" and 0 <= t.start - m.end <= 25
                             and t.window[0] <= m.start]
                if aggressor and not _SUPPORT_BETWEEN.search(text[aggressor[-1].end:t.start]):
                    a = self.mkey(aggressor[-1])
                    ev.participants[a] = "aggressor"
                    for k in ev.states(self.entities):
                        if k != a:
                            self.edge(a, k, "IN_CONFLICT_WITH", ev.evidence[0])
