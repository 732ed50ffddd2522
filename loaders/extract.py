"""``extract(doc) -> Records``: entities, events, agreements, relations and sources of one
brief, each with its evidence. Ids are deterministic (``graph.ids.make_id``).

The work is done in passes over the document: sources (footnotes), entities
(``entities.find_mentions``), events (``event_pass``), relations (``relation_pass``), then
the drafts are emitted as records.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefgraph.graph.ids import make_id
from briefgraph.graph.model import EdgeRecord, Evidence, NodeRecord, Records
from briefgraph.loaders import gazetteer
from briefgraph.loaders.dates import find_dates
from briefgraph.loaders.document import Document, Sentence
from briefgraph.loaders.drafts import ACTOR_KINDS, DraftEntity, DraftEvent
from briefgraph.loaders.entities import Mention, abbreviations, find_mentions, header_mentions
from briefgraph.loaders.event_pass import EventPass
from briefgraph.loaders.events import Trigger
from briefgraph.loaders.relation_pass import RelationPass
from briefgraph.loaders.resolve import merge_people
from briefgraph.loaders.sources import parse_footnote


@lru_cache(maxsize=1)
def _head_titles() -> frozenset[str]:
    return frozenset(gazetteer.words("head_titles"))


class _Extractor(EventPass, RelationPass):
    def __init__(self, doc: Document):
        self.doc = doc
        self.entities: dict[str, DraftEntity] = {}
        self.edges: dict[tuple[str, str, str], EdgeRecord] = {}
        self.events: list[DraftEvent] = []
        self.sources: dict[int, str] = {}
        self.records = Records(documents={doc.id: doc.header()})
        self.mentions: dict[int, list[Mention]] = {}
        self.last_person: str | None = None
        self._triggers: list[Trigger] = []  # of the sentence being read
        self._sources_of: dict[int, tuple[str, ...]] = {}  # sentence index -> its sources' ids
        self._focus: list[str] | None = None  # see EventPass.focus_states

    # -- evidence -------------------------------------------------------------------------
    def evidence(self, sent: Sentence | None, mention: str | None = None) -> Evidence:
        if sent is None:  # header
            pos = max(0, self.doc.text.find(mention or ""))
            end = self.doc.text.find("\n", pos)
            end = len(self.doc.text) if end < 0 else end
            return Evidence(self.doc.text[pos:end].strip(), self.doc.id, pos, end, mention, ())
        srcs = self._sources_of.get(sent.index)
        if srcs is None:
            srcs = self._sources_of[sent.index] = tuple(self.sources[n] for n in sent.footnotes if n in self.sources)
        return Evidence(sent.text, self.doc.id, sent.start, sent.end, mention, srcs, sent.page)

    def entity(self, m: Mention, sent: Sentence | None) -> DraftEntity:
        key = m.key if m.kind != "Organisation" or m.key.startswith("org:") else f"org:{m.key}"
        if m.kind == "Place":
            key = m.key if m.key.startswith(("city:", "region:", "place:")) else f"place:{m.key}"
        e = self.entities.get(key)
        if e is None:
            e = self.entities[key] = DraftEntity(m.kind, key, m.name, props={k: v for k, v in m.props.items() if v is not None})
        for alias in (m.text, m.alias, m.props.get("abbreviation") if m.kind == "Organisation" else None):
            if alias and alias not in e.aliases:
                e.aliases.append(alias)
        e.evidence.append(self.evidence(sent, m.text))
        e.count += 1
        if m.kind == "Person" and m.role_of and m.role in _head_titles():
            e.props.setdefault("head_of", m.role_of)
            if sent is not None:  # "the then President of Pakistan ... in 1995": in office at that date
                dates = find_dates(sent.text, self.doc.anchor_date)
                if dates:
                    e.props.setdefault("head_of_date", dates[0])
        return e

    def edge(self, source: str, target: str, etype: str, ev: Evidence | None, **props) -> None:
        if source == target:
            return
        k = (source, target, etype)
        if k not in self.edges:
            self.edges[k] = EdgeRecord(source, target, etype, {p: v for p, v in props.items() if v is not None}, [])
        if ev is not None and ev not in self.edges[k].evidence:
            self.edges[k].evidence.append(ev)

    # -- passes ---------------------------------------------------------------------------
    def run(self) -> Records:
        self.read_sources()
        self.read_entities()
        self.read_events()
        self.read_relations()
        return self.emit()

    def read_sources(self) -> None:
        previous = None
        for number in sorted(self.doc.footnotes):
            fn = self.doc.footnotes[number]
            fields = parse_footnote(fn, previous)
            previous = fields
            sid = make_id("Source", self.doc.id, number)
            self.sources[number] = sid
            if fn.ibid_of is not None and fn.ibid_of in self.sources:
                fields["ibid_of"] = self.sources[fn.ibid_of]
            ev = Evidence(fn.text, self.doc.id, fn.start, fn.end, None, ())
            name = fields.get("title") or fn.text[:80]
            self.records.nodes.append(NodeRecord(sid, "Source", name, [], fields, [ev]))

    def read_entities(self) -> None:
        for m in header_mentions(self.doc):
            self.entity(m, None)
            if m.kind == "Person" and m.role:
                self.entities[m.key].props.setdefault("role", m.role)
        affiliation = [m for m in header_mentions(self.doc) if m.kind == "Organisation" and m.text != self.doc.publisher]
        author = next((m for m in header_mentions(self.doc) if m.role == "author"), None)
        if author and affiliation:
            ev = self.evidence(None, affiliation[0].text)
            self.edge(author.key, self._org_key(affiliation[0]), "AFFILIATED_WITH", ev, role=self.doc.author_role)
        for m in header_mentions(self.doc):
            if m.kind == "Organisation" and m.part_of:
                self.edge(self._org_key(m), m.part_of, "PART_OF", self.evidence(None, m.text))
        abbr_map: dict[str, str] = {}
        for sent in self.doc.sentences:
            ms = find_mentions(sent)
            for full, abbr, s, e in abbreviations(sent):
                hit = next((m for m in ms if m.kind == "Organisation" and m.start <= s + 1 and m.end >= s + len(full) - 1), None)
                if hit:
                    abbr_map[abbr] = self._org_key(hit)
                    hit.props.setdefault("abbreviation", abbr)
                    if hit.alias is None:
                        hit.alias = abbr
            for m in ms:
                self.entity(m, sent)
            for abbr, key in abbr_map.items():  # later uses of an abbreviation the brief defined
                for am in re.finditer(rf"\b{re.escape(abbr)}\b", sent.text) if abbr in sent.text else ():
                    defining = sent.text[am.start() - 1:am.start()] == "("
                    if key in self.entities and not defining and not any(m.start <= am.start() < m.end for m in ms):
                        extra = Mention("Organisation", key, self.entities[key].name, abbr, sent.index,
                                        am.start(), am.end())
                        ms.append(extra)
                        self.entity(extra, sent)
            ms.sort(key=lambda m: m.start)
            self.mentions[sent.index] = ms
        # typos and spelling variants of one person within the brief
        people = {k: e for k, e in self.entities.items() if e.kind == "Person"}
        for old, new in merge_people({k: (e.name, e.count) for k, e in people.items()}).items():
            self._merge_entity(old, new)
            for ms in self.mentions.values():
                for m in ms:
                    if m.key == old:
                        m.key = new
        self._focus = None  # the mention counts are final from here

    def _merge_entity(self, old: str, new: str) -> None:
        a, b = self.entities.pop(old), self.entities[new]
        b.aliases.extend(x for x in a.aliases if x not in b.aliases)
        b.evidence.extend(a.evidence)
        b.count += a.count
        for k, v in a.props.items():
            b.props.setdefault(k, v)

    def _org_key(self, m: Mention) -> str:
        return m.key if m.key.startswith("org:") else f"org:{m.key}"

    def mkey(self, m: Mention) -> str:
        if m.kind == "Organisation":
            return self._org_key(m)
        if m.kind == "Place" and not m.key.startswith(("city:", "region:", "place:")):
            return f"place:{m.key}"
        return m.key

    # -- output ---------------------------------------------------------------------------
    def event_id(self, ev: DraftEvent) -> str:
        kind = ev.kind
        if ev.trigger.name:
            return make_id(kind, ev.type, ev.trigger.name)
        if "natural" in ev.extra:
            return make_id(kind, ev.type, *ev.extra["natural"])
        if ev.date is not None:
            return make_id(kind, ev.type, ev.date.value, *ev.states(self.entities), ev.extra.get("number", ""),
                           ev.extra.get("count", ""))
        return make_id(kind, ev.type, self.doc.id, ev.sent.index, ev.trigger.start)

    def emit(self) -> Records:
        r = self.records
        ids = {k: e.id for k, e in self.entities.items()}
        for key, e in self.entities.items():
            props = {k: v for k, v in e.props.items() if k not in ("head_of", "head_of_inferred", "head_of_date")}
            r.nodes.append(NodeRecord(ids[key], e.kind, e.name, e.aliases, props, e.evidence))
        for (s, t, ty), edge in self.edges.items():
            if s in ids and t in ids:
                r.edges.append(EdgeRecord(ids[s], ids[t], ty, edge.props, edge.evidence))
        eids = {}
        for ev in self.events:
            eid = eids.get(id(ev)) or eids.setdefault(id(ev), self.event_id(ev))
            props = dict(ev.date.as_props()) if ev.date else {}
            props["event_type" if ev.kind == "Event" else "agreement_type"] = ev.type
            if ev.date_source:
                props["date_source"] = ev.date_source
            for k in ("ordinal", "count", "number"):
                if k in ev.extra:
                    props[k] = ev.extra[k]
            name = ev.name or self._event_name(ev)
            r.nodes.append(NodeRecord(eid, ev.kind, name, [ev.trigger.name] if ev.trigger.name else [], props, ev.evidence))
            edge_type = "PARTICIPATED_IN" if ev.kind == "Event" else "PARTY_TO"
            for k, role in ev.participants.items():
                if k in ids and self.entities[k].kind in ACTOR_KINDS:
                    r.edges.append(EdgeRecord(ids[k], eid, edge_type, {"role": role} if role else {}, ev.evidence[:1]))
            if ev.kind == "Event":
                for p in dict.fromkeys(ev.places):
                    if p in ids:
                        r.edges.append(EdgeRecord(eid, ids[p], "OCCURRED_IN", {}, ev.evidence[:1]))
            for o in ev.establishes:
                if o in ids:
                    r.edges.append(EdgeRecord(eid, ids[o], "ESTABLISHES", {}, ev.evidence[:1]))
        for ev in self.events:
            if ev.during is not None and ev.during is not ev:
                etype = "SIGNED_AT" if ev.kind == "Agreement" else "DURING"
                r.edges.append(EdgeRecord(eids[id(ev)], eids[id(ev.during)], etype, {}, ev.evidence[:1]))
        return r


def extract(doc: Document) -> Records:
    """Everything the brief tells, as records with deterministic ids and evidence.

    Examples
    --------
    >>> from briefgraph.loaders.document import parse
    >>> r = extract(parse("A title\\n\\nBy\\nA. Writer\\n\\n" + "Pakistan and Azerbaijan established diplomatic "
    ...                   "relations, which were established on 9 June 1992 in a long sentence about them. " * 2))
    >>> sorted({n.kind for n in r.nodes})
    ['Event', 'Person', 'State']
    """
    return _Extractor(doc).run()
