"""``extract(doc) -> Records``: everything one brief tells, as graph records with deterministic
ids, evidence and the confidence of the rule that found each fact.

The stages are functions with typed hand-offs:

``sources`` (footnotes -> Source nodes) -> ``mentions.find_mentions`` (entities per sentence)
-> ``entities`` (mentions grouped into entities, spelling variants of a person merged)
-> ``events.find_events`` -> ``relations.find_relations`` -> ``emit`` (records).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefgraph.graph.ids import make_id
from briefgraph.graph.model import EdgeRecord, Evidence, NodeRecord, Records
from briefgraph.loaders.document import Document, Sentence
from briefgraph.loaders.events import EventMention, find_events
from briefgraph.loaders.header import header_mentions
from briefgraph.loaders.mentions import ACTOR_KINDS, Mention, find_mentions
from briefgraph.loaders.naming import event_name
from briefgraph.loaders.relations import Relation, find_relations
from briefgraph.loaders.resolve import merge_people
from briefgraph.loaders.sources import parse_footnote


@dataclass
class Entity:
    """One entity of a brief: its mentions grouped under one key."""

    kind: str
    key: str
    name: str
    aliases: list[str] = field(default_factory=list)
    props: dict = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    count: int = 0
    confidence: float = 0.0

    @property
    def id(self) -> str:
        return make_id(self.kind, self.key)


def evidence(doc: Document, sent: Sentence | None, sources: dict[int, str], mention: str | None = None) -> Evidence:
    """The evidence record of a sentence (or of the header line that holds ``mention``)."""
    if sent is None:
        pos = max(0, doc.text.find(mention or ""))
        end = doc.text.find("\n", pos)
        end = len(doc.text) if end < 0 else end
        return Evidence(doc.text[pos:end].strip(), doc.id, pos, end, mention, ())
    srcs = tuple(sources[n] for n in sent.footnotes if n in sources)
    return Evidence(sent.text, doc.id, sent.start, sent.end, mention, srcs, sent.page, sent.paragraph + 1)


def read_sources(doc: Document) -> tuple[dict[int, str], list[NodeRecord]]:
    """One Source node per footnote; ``ibid`` points at the note it repeats."""
    ids: dict[int, str] = {}
    nodes: list[NodeRecord] = []
    previous = None
    for number in sorted(doc.footnotes):
        fn = doc.footnotes[number]
        fields = parse_footnote(fn, previous)
        previous = fields
        sid = make_id("Source", doc.id, number)
        ids[number] = sid
        if fn.ibid_of is not None and fn.ibid_of in ids:
            fields["ibid_of"] = ids[fn.ibid_of]
        name = fields.get("title") or fn.text[:80]
        nodes.append(NodeRecord(sid, "Source", name, [], fields, [Evidence(fn.text, doc.id, fn.start, fn.end, None, ())]))
    return ids, nodes


def group_entities(doc: Document, per_sentence: dict[int, list[Mention]], header: list[Mention],
                   sources: dict[int, str]) -> dict[str, Entity]:
    """Mentions grouped into entities by key; a region named only by its adjective ("West
    African") is left out; spelling variants of one person merge."""
    entities: dict[str, Entity] = {}
    by_sentence = {s.index: s for s in doc.sentences}
    named_regions = {m.key for ms in per_sentence.values() for m in ms if m.kind == "Place" and not m.demonym}

    def add(m: Mention, sent: Sentence | None) -> None:
        if m.kind == "Place" and m.demonym and m.key not in named_regions:
            return
        e = entities.get(m.key)
        if e is None:
            e = entities[m.key] = Entity(m.kind, m.key, m.name, props={k: v for k, v in m.props.items()
                                                                        if v is not None and k != "styled"})
        for alias in (m.text, m.alias, m.props.get("abbreviation"), m.props.get("styled")):
            if alias:
                alias = alias.strip()
                if alias.endswith(("'s", "’s")):
                    alias = alias[:-2]
                if alias and alias not in e.aliases:
                    e.aliases.append(alias)
        e.evidence.append(evidence(doc, sent, sources, m.text))
        e.count += 1
        e.confidence = max(e.confidence, m.confidence)
        if m.title and "title" not in e.props:
            e.props["title"] = m.title

    for m in header:
        add(m, None)
        if m.kind == "Person" and m.props.get("role"):
            entities[m.key].props.setdefault("role", m.props["role"])
    for index in sorted(per_sentence):
        for m in per_sentence[index]:
            add(m, by_sentence[index])
    # typos and spelling variants of one person within the brief
    people = {k: (e.name, e.count) for k, e in entities.items() if e.kind == "Person"}
    for old, new in merge_people(people).items():
        _merge_into(entities, old, new, per_sentence, header)
    # a lone surname ("Mirziyoyev") and the one full name that ends with it
    singles = [k for k, e in entities.items() if e.kind == "Person" and len(e.name.split()) == 1]
    for k in singles:
        fulls = [o for o, e in entities.items() if e.kind == "Person" and o != k and len(e.name.split()) > 1
                 and entities[k].name.lower() in e.name.lower().split()]
        if len(fulls) == 1:
            _merge_into(entities, k, fulls[0], per_sentence, header)
    return entities


def _merge_into(entities: dict[str, Entity], old: str, new: str, per_sentence, header) -> None:
    if old not in entities or new not in entities:
        return
    a, b = entities.pop(old), entities[new]
    b.aliases.extend(x for x in a.aliases if x not in b.aliases)
    b.evidence.extend(a.evidence)
    b.count += a.count
    b.confidence = max(a.confidence, b.confidence)
    for k, v in a.props.items():
        b.props.setdefault(k, v)
    for ms in [*per_sentence.values(), header]:
        for m in ms:
            if m.key == old:
                m.key = new


def _event_id(doc: Document, ev: EventMention, entities: dict[str, Entity]) -> str:
    if ev.name:
        return make_id(ev.kind, ev.type, ev.name)
    if ev.date is not None:  # two meetings of one day are told apart by who took part
        parties = sorted(k for k in ev.participants if k in entities and entities[k].kind in ACTOR_KINDS)
        places = sorted(p for p in set(ev.places) if p in entities)
        return make_id(ev.kind, ev.type, ev.date.value, *parties, ev.count or "", ev.number or "", *places)
    return make_id(ev.kind, ev.type, doc.id, ev.sent.index, ev.start)


def emit(doc: Document, entities: dict[str, Entity], events: list[EventMention], relations: list[Relation],
         sources: dict[int, str], source_nodes: list[NodeRecord]) -> Records:
    """The records of one brief."""
    r = Records(documents={doc.id: doc.header()})
    r.nodes.extend(source_nodes)
    ids = {k: e.id for k, e in entities.items()}
    for key, e in entities.items():
        props = dict(e.props)
        props["confidence"] = round(e.confidence, 2)
        r.nodes.append(NodeRecord(ids[key], e.kind, e.name, e.aliases, props, e.evidence))
    seen: dict[tuple[str, str, str], EdgeRecord] = {}
    for rel in relations:
        s, t = ids.get(rel.source), ids.get(rel.target)
        if s is None or t is None or s == t:
            continue
        k = (s, t, rel.type)
        ev = evidence(doc, rel.sent, sources, rel.mention)
        if k not in seen:
            props = dict(rel.props)
            props["confidence"] = rel.confidence
            seen[k] = EdgeRecord(s, t, rel.type, {p: v for p, v in props.items() if v is not None}, [ev])
            r.edges.append(seen[k])
        elif ev not in seen[k].evidence:
            seen[k].evidence.append(ev)
    eids: dict[int, str] = {}
    taken: set[str] = set()
    for ev in events:
        eid = _event_id(doc, ev, entities)
        if eid in taken:  # two events of one brief with one type, date and cast: told apart by where they are told
            eid = make_id(ev.kind, ev.type, doc.id, ev.sent.index, ev.start)
        taken.add(eid)
        eids[id(ev)] = eid
        props = dict(ev.date.as_props()) if ev.date else {}
        props["event_type" if ev.kind == "Event" else "agreement_type"] = ev.type
        if ev.date_source:
            props["date_source"] = ev.date_source
        if ev.status:
            props["status"] = ev.status
        if ev.count:
            props["count"] = _count_value(ev.count)
        if ev.number:
            props["number"] = ev.number
        props["confidence"] = ev.confidence
        evs = [evidence(doc, s, sources, m) for s, m in zip(ev.sentences, ev.mentions)]
        r.nodes.append(NodeRecord(eid, ev.kind, event_name(ev, entities), [], props, evs))
        edge_type = "PARTICIPATED_IN" if ev.kind == "Event" else "PARTY_TO"
        for k, role in ev.participants.items():
            if k in ids and entities[k].kind in ACTOR_KINDS:
                r.edges.append(EdgeRecord(ids[k], eid, edge_type,
                                          {"role": role, "confidence": ev.confidence} if role else
                                          {"confidence": ev.confidence}, evs[:1]))
        if ev.kind == "Event":
            for p in dict.fromkeys(ev.places):
                if p in ids and entities[p].kind in ("Place", "State"):
                    r.edges.append(EdgeRecord(eid, ids[p], "OCCURRED_IN", {"confidence": ev.confidence}, evs[:1]))
        for o in ev.establishes:
            if o in ids:
                r.edges.append(EdgeRecord(eid, ids[o], "ESTABLISHES", {"confidence": ev.confidence}, evs[:1]))
    for ev in events:
        if ev.during is not None and ev.during is not ev and id(ev.during) in eids:
            etype = "SIGNED_AT" if ev.kind == "Agreement" else "DURING"
            if ev.during.kind == "Event":
                r.edges.append(EdgeRecord(eids[id(ev)], eids[id(ev.during)], etype, {"confidence": ev.confidence},
                                          [evidence(doc, ev.sent, sources, ev.trigger)]))
    return r


def _header_relations(doc: Document, header: list[Mention]) -> list[Relation]:
    out = []
    author = next((m for m in header if m.kind == "Person" and m.props.get("role") == "author"), None)
    affiliation = [m for m in header if m.kind == "Organisation" and m.text != doc.publisher]
    if author is not None and affiliation:
        out.append(Relation(author.key, affiliation[0].key, "AFFILIATED_WITH", None, affiliation[0].text, "header",
                            (("role", doc.author_role),) if doc.author_role else ()))
    for m in header:
        if m.kind == "Organisation" and m.part_of:
            out.append(Relation(m.key, m.part_of, "PART_OF", None, m.text, "header"))
    return out


def _count_value(count: str) -> int | str:
    """"15" and "seven" as numbers; "several", "a series" as written."""
    from briefgraph.loaders.lexicon import grammar

    if count.isdigit():
        return int(count)
    return grammar("english")["number_words"].get(count.lower(), count)


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _resolution_years(doc: Document, events: list[EventMention], source_nodes: list[NodeRecord]) -> None:
    """An undated resolution takes the one year in the title of the source its sentence cites
    ("1993 UN Security Council Resolutions on ..."): resolutions are cited by number and year."""
    titles = {int(n.props.get("footnote") or 0): n.props.get("title") or "" for n in source_nodes}
    for ev in events:
        if ev.type != "Resolution" or ev.date is not None:
            continue
        years = {y for n in ev.sent.footnotes for y in _YEAR.findall(titles.get(n, ""))}
        if len(years) == 1:
            from briefgraph.loaders.dates import year_value
            ev.date, ev.date_source = year_value(int(years.pop())), "the year in the title of the source cited"


def extract(doc: Document) -> Records:
    """Everything the brief tells, as records with deterministic ids and evidence.

    Examples
    --------
    >>> from briefgraph.loaders.document import parse
    >>> r = extract(parse("A title\\n\\nBy\\nA. Writer\\n\\n" + "Pakistan and Azerbaijan established diplomatic "
    ...                   "relations on 9 June 1992, in a long sentence about the two of them. " * 2))
    >>> sorted({n.kind for n in r.nodes})
    ['Event', 'Person', 'State']
    """
    sources, source_nodes = read_sources(doc)
    header = header_mentions(doc)
    per_sentence = find_mentions(doc)
    entities = group_entities(doc, per_sentence, header, sources)
    events = find_events(doc, per_sentence)
    for ev in events:  # participants point at merged people
        ev.participants = {k: r for k, r in ev.participants.items() if k in entities}
    _resolution_years(doc, events, source_nodes)
    kinds = {k: e.kind for k, e in entities.items()}
    relations = _header_relations(doc, header) + find_relations(doc, per_sentence, events, kinds)
    return emit(doc, entities, events, relations, sources, source_nodes)
