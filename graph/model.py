"""Typed records that loaders hand to the graph, and ``build`` that turns them into a
networkx ``MultiDiGraph`` checked against the schema.

Graph layout (the same in every store and export):

* node key = record id; attributes ``kind``, ``name``, ``aliases``, ``evidence``, ``docs``
  and the kind's own properties (``date``, ``role``, ``url`` ...);
* edge key = relationship type, so one pair of nodes has at most one edge of each type;
  attributes ``type``, ``evidence`` and the type's own properties;
* ``graph.graph["documents"]`` maps document id to its header (title, author, date ...).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, NamedTuple

import networkx as nx

from briefgraph.graph.schema import load_schema


class Evidence(NamedTuple):
    """Where a fact is stated: a sentence of a document, with offsets into the original file.

    A named tuple: loaders make hundreds per brief and worker processes pickle them all, which
    a tuple makes several times cheaper than a frozen dataclass.
    """

    text: str
    doc: str
    start: int
    end: int
    mention: str | None = None
    sources: tuple[str, ...] = ()
    page: int | None = None  # the page of a PDF brief the sentence starts on
    paragraph: int | None = None  # the body paragraph of the brief that holds it, from 1

    def as_dict(self) -> dict[str, Any]:
        d = {"text": self.text, "doc": self.doc, "start": self.start, "end": self.end}
        if self.mention is not None:
            d["mention"] = self.mention
        d["sources"] = list(self.sources)
        if self.page is not None:
            d["page"] = self.page
        if self.paragraph is not None:
            d["paragraph"] = self.paragraph
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Evidence":
        return cls(
            text=str(d.get("text", "")), doc=str(d.get("doc", "")),
            start=int(d.get("start", 0)), end=int(d.get("end", 0)),
            mention=d.get("mention"), sources=tuple(d.get("sources") or ()),
            page=int(d["page"]) if d.get("page") is not None else None,
            paragraph=int(d["paragraph"]) if d.get("paragraph") is not None else None,
        )


@dataclass
class NodeRecord:
    id: str
    kind: str
    name: str
    aliases: list[str] = field(default_factory=list)
    props: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class EdgeRecord:
    source: str
    target: str
    type: str
    props: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Records:
    """What the loaders produce for one or more documents."""

    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    nodes: list[NodeRecord] = field(default_factory=list)
    edges: list[EdgeRecord] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # for the user (e.g. a brief not in English)


def _evidence_key(ev: dict) -> tuple:
    return (ev.get("doc"), ev.get("start"), ev.get("end"), ev.get("mention"))


def merge_evidence(into: list[dict], new: Iterable[dict]) -> list[dict]:
    """Append the evidence records of ``new`` that ``into`` lacks (in place); return ``into``."""
    seen = {_evidence_key(e) for e in into}
    for ev in new:
        k = _evidence_key(ev)
        if k not in seen:
            seen.add(k)
            into.append(ev)
    return into


def _merge_list(into: list, new: Iterable) -> list:
    for x in new:
        if x not in into:
            into.append(x)
    return into


def _unique(items: Iterable) -> list:
    """``items`` without repeats, in first-seen order (linear for strings, the usual case)."""
    try:
        return list(dict.fromkeys(items))
    except TypeError:  # an unhashable item: compare instead
        return _merge_list([], items)


def _merge_props(into: dict, props: dict) -> None:
    if not props:
        return
    for k, v in props.items():
        if v is None or v == "" or v == []:
            continue
        old = into.get(k)
        if old is None or old == "" or old == []:
            into[k] = v
        elif isinstance(old, list) and isinstance(v, list):
            _merge_list(old, v)


def add_node(graph: nx.MultiDiGraph, node_id: str, kind: str, name: str,
             aliases: Iterable[str] = (), evidence: Iterable[dict] = (),
             docs: Iterable[str] = (), **props: Any) -> None:
    """Add a node or merge it into the existing one with the same id.

    Aliases and evidence are unioned; a property keeps its first non-empty value.
    """
    if node_id in graph:
        data = graph.nodes[node_id]
        _merge_list(data["aliases"], aliases)
        merge_evidence(data["evidence"], evidence)
        _merge_list(data["docs"], docs)
        _merge_props(data, props)
        return
    load_schema().check_kind(kind)
    attrs = {k: v for k, v in props.items() if v is not None}
    graph.add_node(node_id, kind=kind, name=name, aliases=_unique(aliases),
                   evidence=merge_evidence([], evidence), docs=_unique(docs), **attrs)


def add_edge(graph: nx.MultiDiGraph, source: str, target: str, etype: str,
             evidence: Iterable[dict] = (), **props: Any) -> None:
    """Add an edge or merge it into the existing edge of the same type between the same nodes."""
    schema = load_schema()
    spec = schema.edge_types[schema.check_edge_type(etype)]
    if spec.symmetric and target < source:
        source, target = target, source  # one edge per unordered pair
    if graph.has_edge(source, target, key=etype):
        data = graph.edges[source, target, etype]
        merge_evidence(data["evidence"], evidence)
        _merge_props(data, props)
        return
    schema.check_edge(etype, graph.nodes[source]["kind"], graph.nodes[target]["kind"])
    attrs = {k: v for k, v in props.items() if v is not None}
    graph.add_edge(source, target, key=etype, type=etype,
                   evidence=merge_evidence([], evidence), **attrs)


def new_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.graph["documents"] = {}
    g.graph["schema_version"] = load_schema().version
    return g


class _Merged:
    """One node or edge gathered from many records: aliases, evidence and documents are
    unioned in first-seen order with set look-ups, so a hub named in thousands of briefs
    costs linear time, not quadratic."""

    __slots__ = ("kind", "name", "aliases", "evidence", "docs", "props", "_aliases", "_evidence", "_docs")

    def __init__(self, kind: str, name: str):
        self.kind, self.name = kind, name
        self.aliases: list[str] = []
        self.evidence: list[dict] = []
        self.docs: list[str] = []
        self.props: dict[str, Any] = {}
        self._aliases: set[str] = set()
        self._evidence: set[tuple] = set()  # (doc, start, end, mention) of each evidence record
        self._docs: set[str] = set()

    def _add_aliases(self, aliases: Iterable[str]) -> None:
        seen = self._aliases
        for a in aliases:
            if a not in seen:
                seen.add(a)
                self.aliases.append(a)

    def _add_doc(self, doc: str) -> None:
        if doc not in self._docs:
            self._docs.add(doc)
            self.docs.append(doc)

    def add(self, aliases: Iterable[str], evidence: Iterable[Evidence], props: dict[str, Any]) -> None:
        if aliases:
            self._add_aliases(aliases)
        seen = self._evidence
        for e in evidence:
            key = (e.doc, e.start, e.end, e.mention)
            if key not in seen:
                seen.add(key)
                self.evidence.append(e.as_dict())
                self._add_doc(e.doc)
        if props:
            _merge_props(self.props, props)

    def absorb(self, other: "_Merged") -> None:
        """Take in another entry for the same thing (a variant merged by the resolver)."""
        self._add_aliases(other.aliases)
        seen = self._evidence
        for d in other.evidence:
            key = (d["doc"], d["start"], d["end"], d.get("mention"))
            if key not in seen:
                seen.add(key)
                self.evidence.append(d)
                self._add_doc(d["doc"])
        _merge_props(self.props, other.props)


class GraphBuilder:
    """Gathers records brief by brief, renames resolved variants, and makes the graph.

    ``build`` is the one-shot form; ``pipeline.gather`` feeds a builder as worker processes
    hand back each brief's records, so the merging overlaps the extraction. ``graph()`` makes
    the networkx graph from ``node_items`` and ``edge_items``; ``jsonio.builder_to_dict`` makes
    its JSON from the same two, without the graph.
    """

    def __init__(self) -> None:
        self.documents: dict[str, dict[str, Any]] = {}
        self.nodes: dict[str, _Merged] = {}
        self.edges: dict[tuple[str, str, str], _Merged] = {}

    def add(self, records: Records) -> "GraphBuilder":
        self.documents.update(records.documents)
        for n in records.nodes:
            m = self.nodes.get(n.id)
            if m is None:
                m = self.nodes[n.id] = _Merged(n.kind, n.name)
            m.add(n.aliases, n.evidence, n.props)
        for e in records.edges:
            m = self.edges.get((e.source, e.target, e.type))
            if m is None:
                m = self.edges[(e.source, e.target, e.type)] = _Merged(e.type, "")
            m.add((), e.evidence, e.props)
        return self

    def mention_counts(self, kind: str) -> dict[str, tuple[str, int]]:
        """id -> (name, number of evidence records) of every node of ``kind`` (for resolution)."""
        return {i: (m.name, len(m.evidence)) for i, m in self.nodes.items() if m.kind == kind}

    def rename(self, mapping: dict[str, str]) -> "GraphBuilder":
        """Merge each node ``old`` into ``mapping[old]``, edges included."""
        if not mapping:
            return self
        for old, new in mapping.items():
            if old in self.nodes and new in self.nodes and old != new:
                self.nodes[new].absorb(self.nodes.pop(old))
        moved = [k for k in self.edges if k[0] in mapping or k[1] in mapping]
        for k in moved:
            m = self.edges.pop(k)
            key = (mapping.get(k[0], k[0]), mapping.get(k[1], k[1]), k[2])
            if key in self.edges:
                self.edges[key].absorb(m)
            else:
                self.edges[key] = m
        return self

    def node_items(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """(id, attributes) of each node as the graph holds it, its kind checked against the schema."""
        schema = load_schema()
        checked: set[str] = set()
        for nid, m in self.nodes.items():
            if m.kind not in checked:
                checked.add(schema.check_kind(m.kind))
            attrs = {"kind": m.kind, "name": m.name, "aliases": m.aliases, "evidence": m.evidence,
                     "docs": sorted(m.docs)}
            attrs.update((k, v) for k, v in m.props.items() if v is not None)
            yield nid, attrs

    def edge_items(self, kind_of: Callable[[str], str | None] | None = None
                   ) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
        """(source, target, type, attributes) of each edge as the graph holds it: self-loops and
        edges to nodes that are not there (``kind_of`` gives None) dropped, a symmetric type
        kept once per pair, each checked against the schema.

        ``kind_of`` gives the kind of a node id; by default, of the nodes gathered here."""
        schema = load_schema()
        if kind_of is None:
            kind_of = self._kind_of
        symmetric = {name: spec.symmetric for name, spec in schema.edge_types.items()}
        edges: dict[tuple[str, str, str], _Merged] = {}
        copied: set[tuple[str, str, str]] = set()
        for (u, v, etype), m in self.edges.items():
            if symmetric.get(schema.check_edge_type(etype)) and v < u:
                u, v = v, u  # one edge per unordered pair
            key = (u, v, etype)
            if key not in edges:
                edges[key] = m
                continue
            if key not in copied:  # both directions were told: merge them, leaving ours as they are
                first, edges[key] = edges[key], _Merged(etype, "")
                edges[key].absorb(first)
                copied.add(key)
            edges[key].absorb(m)
        checked: set[tuple[str, str, str]] = set()
        for (u, v, etype), m in edges.items():
            ku, kv = kind_of(u), kind_of(v)
            if u == v or ku is None or kv is None:
                continue  # one a merge folded onto itself, or an edge to a node the resolver dropped
            if (etype, ku, kv) not in checked:
                schema.check_edge(etype, ku, kv)
                checked.add((etype, ku, kv))
            attrs = {"type": etype, "evidence": m.evidence}
            attrs.update((k, x) for k, x in m.props.items() if x is not None)
            yield u, v, etype, attrs

    def _kind_of(self, node_id: str) -> str | None:
        m = self.nodes.get(node_id)
        return m.kind if m is not None else None

    def graph(self, graph: nx.MultiDiGraph | None = None) -> nx.MultiDiGraph:
        """The graph (or ``graph`` with these records merged into it), checked against the schema."""
        g = graph if graph is not None else new_graph()
        g.graph.setdefault("documents", {}).update(self.documents)
        existing = set(g) if graph is not None else set()
        for nid, attrs in self.node_items():
            if nid in existing:
                add_node(g, nid, attrs.pop("kind"), attrs.pop("name"), attrs.pop("aliases"),
                         attrs.pop("evidence"), attrs.pop("docs"), **attrs)
            else:
                g.add_node(nid, **attrs)
        if not existing:
            for u, v, etype, attrs in self.edge_items():
                g.add_edge(u, v, key=etype, **attrs)
            return g

        def kind_of(node_id: str) -> str | None:
            return g.nodes[node_id]["kind"] if node_id in g else None

        for u, v, etype, attrs in self.edge_items(kind_of):
            if g.has_edge(u, v, key=etype):
                attrs.pop("type")
                add_edge(g, u, v, etype, attrs.pop("evidence"), **attrs)
            else:
                g.add_edge(u, v, key=etype, **attrs)
        return g


def build(records: Records, graph: nx.MultiDiGraph | None = None) -> nx.MultiDiGraph:
    """Turn ``records`` into a graph (or merge them into ``graph``), checked against the schema.

    Examples
    --------
    >>> r = Records(nodes=[NodeRecord("state:1", "State", "Pakistan", ["Pakistan"])])
    >>> g = build(r)
    >>> g.nodes["state:1"]["name"], g.number_of_nodes()
    ('Pakistan', 1)
    """
    return GraphBuilder().add(records).graph(graph)


def merge_graphs(graphs: Iterable[nx.MultiDiGraph]) -> nx.MultiDiGraph:
    """Union several graphs; nodes and edges with the same id / type are merged."""
    out = new_graph()
    for g in graphs:
        out.graph["documents"].update(g.graph.get("documents", {}))
        for nid, d in g.nodes(data=True):
            d = dict(d)
            add_node(out, nid, d.pop("kind"), d.pop("name"), d.pop("aliases", ()),
                     d.pop("evidence", ()), d.pop("docs", ()), **d)
        for u, v, d in g.edges(data=True):
            d = dict(d)
            add_edge(out, u, v, d.pop("type"), d.pop("evidence", ()), **d)
    return out
