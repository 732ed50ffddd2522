"""Apply an analyst's corrections file to a graph, after extraction and resolution.

``apply(graph_or_builder, "corrections.yaml")`` changes the graph in place and returns what
happened. The file format is :mod:`briefgraph.graph.corrections_file`.

Rules, and why:

* **Provenance.** Every node and edge a correction touches (merged into, renamed, retyped,
  set, added, re-pointed) gets ``corrections: [{op, note, file}]``, so JSON, Neo4j, the
  timeline and the explorer all show that a person decided this, and why.
* **Ids stay deterministic** (as in :mod:`briefgraph.graph.ids`). ``rename`` and ``retype``
  change the natural key, so the node gets the id of its new key, ``make_id(kind, name)``
  (the id extraction gives a person of that name; a state keeps ``make_id("State", iso_code)``),
  and its edges are re-pointed; if the graph
  already holds a node of that kind with that name or alias, the node is merged into it
  instead of making a twin. ``merge`` keeps the id of the first node named. ``set`` never
  changes an id (a date fixed is the same event), nor does ``drop_edge``. ``add_node`` takes
  ``make_id(kind, name)``.
* **Dropped items are remembered** in ``graph.graph["dropped"]`` (``{"nodes": {id: {kind,
  name, aliases, corrections}}, "edges": {(source, target, type): {corrections}}}``): every
  id a correction removed (dropped, merged away, renamed or retyped from). The JSON keeps it,
  and a Neo4j push deletes exactly those items from the database.
* **Idempotent.** The old name of a renamed or merged node stays an alias and provenance
  is recorded once, so applying the same file again changes nothing; a correction whose
  target is absent only because this file already removed it (found in ``dropped``) is
  quietly done.
* **Stale corrections** (target not in the graph) and corrections that would break the schema
  are never applied to anything else: each gives one warning ``file:line: ...``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

import networkx as nx

from briefgraph.graph.corrections_file import Correction, date_props, load_corrections
from briefgraph.graph.ids import make_id, normalise
from briefgraph.graph.model import GraphBuilder, merge_evidence
from briefgraph.graph.schema import load_schema

_DATE_KEYS = ("date", "date_start", "date_end", "date_precision", "date_qualifier")


@dataclass
class Applied:
    """What :func:`apply` did: the graph, how many corrections took effect, and one warning
    line per correction that did not."""

    graph: nx.MultiDiGraph
    applied: int = 0
    warnings: list[str] = field(default_factory=list)


class _Skip(Exception):
    """A correction that cannot be applied (the message becomes its warning)."""


class _Done(Exception):
    """A correction that this file already applied (its target was removed by it)."""


def apply(graph_or_builder: nx.MultiDiGraph | GraphBuilder,
          corrections: str | os.PathLike | Iterable[Correction],
          warn: Callable[[str], None] | None = None) -> Applied:
    """Apply ``corrections`` (a file path, or corrections already loaded) to a graph.

    A ``GraphBuilder`` (``pipeline.gather``) is built into its graph first. The graph is
    changed in place and returned in the result, with one warning per correction not applied
    (also passed to ``warn`` as it happens).

    Examples
    --------
    >>> from briefgraph.graph.corrections_file import parse_corrections
    >>> from briefgraph.graph.model import add_node, new_graph
    >>> g = new_graph()
    >>> add_node(g, "place:1", "Place", "Noda")
    >>> fixes = parse_corrections("- drop: 'Place:Noda'\\n- drop: 'Place:Lahore'\\n", "fixes.yaml")
    >>> done = apply(g, fixes)
    >>> done.applied, list(g), sorted(g.graph["dropped"]["nodes"])
    (1, [], ['place:1'])
    >>> done.warnings
    ["fixes.yaml:2: drop: no node 'Place:Lahore' in the graph (not applied)"]
    """
    graph = graph_or_builder.graph() if isinstance(graph_or_builder, GraphBuilder) else graph_or_builder
    if isinstance(corrections, (str, os.PathLike)):
        corrections = load_corrections(corrections)
    result = Applied(graph)
    dropped = graph.graph.setdefault("dropped", {})
    dropped.setdefault("nodes", {})
    dropped.setdefault("edges", {})
    fixer = _Fixer(graph)
    for c in corrections:
        fixer.notes = []
        try:
            _OPS[c.op](fixer, c)
            result.applied += 1
            message = f"{c.where}: {c.op}: applied, but " + "; ".join(fixer.notes) if fixer.notes else None
        except _Done:
            result.applied += 1
            message = None
        except _Skip as exc:
            message = f"{c.where}: {c.op}: {exc} (not applied)"
        if message:
            result.warnings.append(message)
            if warn:
                warn(message)
    # an id a later correction brought back is not dropped any more
    for nid in [n for n in dropped["nodes"] if n in graph]:
        del dropped["nodes"][nid]
    for key in [k for k in dropped["edges"] if graph.has_edge(k[0], k[1], key=k[2])]:
        del dropped["edges"][key]
    if not dropped["nodes"] and not dropped["edges"]:
        del graph.graph["dropped"]
    return result


def dropped_items(graph: nx.MultiDiGraph) -> tuple[dict[str, list[str]], dict[tuple[str, str, str], list[dict]]]:
    """What a store must delete so that it keeps no trace of what corrections dropped, and
    nothing else: node ids by kind (those the graph does not hold again), and relationship
    ends ``{"s", "t"}`` by ``(type, source kind, target kind)`` (those whose ends both stay;
    a dropped node takes its relationships with it). Kinds and types are checked against the
    schema, since they become labels.

    Examples
    --------
    >>> from briefgraph.graph.model import add_node, new_graph
    >>> g = new_graph()
    >>> add_node(g, "state:1", "State", "Pakistan")
    >>> g.graph["dropped"] = {"nodes": {"place:9": {"kind": "Place", "name": "Noda"}}, "edges": {}}
    >>> dropped_items(g)
    ({'Place': ['place:9']}, {})
    """
    schema = load_schema()
    dropped = graph.graph.get("dropped") or {}
    nodes: dict[str, list[str]] = {}
    for nid, d in sorted((dropped.get("nodes") or {}).items()):
        if nid not in graph:
            nodes.setdefault(schema.check_kind(d.get("kind")), []).append(str(nid))
    edges: dict[tuple[str, str, str], list[dict]] = {}
    for (u, v, etype) in sorted(dropped.get("edges") or {}):
        if u in graph and v in graph and not graph.has_edge(u, v, key=etype):
            key = (schema.check_edge_type(etype), graph.nodes[u]["kind"], graph.nodes[v]["kind"])
            edges.setdefault(key, []).append({"s": str(u), "t": str(v)})
    return nodes, edges


def _mark(data: dict, c: Correction) -> None:
    record = c.provenance()
    history = data.setdefault("corrections", [])
    if record not in history:
        history.append(record)


class _Fixer:
    def __init__(self, graph: nx.MultiDiGraph):
        self.g = graph
        self.schema = load_schema()
        self.dropped = graph.graph["dropped"]
        self.notes: list[str] = []  # what a correction had to give up (edges the schema refused)

    # -- finding nodes ----------------------------------------------------------------------

    def find(self, ref: str, what: str = "") -> str:
        """The id of the node ``ref`` names; _Skip if none or several, _Done if this file dropped it."""
        hits, kind, name = self._lookup(ref)
        if len(hits) == 1:
            return hits[0]
        label = f"{what} " if what else ""
        if len(hits) > 1:
            raise _Skip(f"{label}{ref!r} names {len(hits)} nodes ({', '.join(sorted(hits))}): use an id")
        if ref in self.dropped["nodes"] or kind and any(
                d["kind"] == kind and name in _forms(d) for d in self.dropped["nodes"].values()):
            raise _Done()
        raise _Skip(f"no node {label}{ref!r} in the graph")

    def _lookup(self, ref: str) -> tuple[list[str], str | None, str]:
        if ref in self.g:
            return [ref], None, ""
        prefix, _, rest = ref.partition(":")
        kind = next((k for k in self.schema.node_kinds if k.lower() == prefix.strip().lower()), None)
        want = normalise(rest)
        if kind is None or not want:
            return [], None, ""
        by_name, by_alias = [], []
        for nid, d in self.g.nodes(data=True):
            if d.get("kind") != kind:
                continue
            if normalise(str(d.get("name", ""))) == want:
                by_name.append(nid)
            elif want in _forms(d):
                by_alias.append(nid)
        return sorted(by_name or by_alias), kind, want

    def named(self, kind: str, name: str, besides: str | None = None) -> str | None:
        """The node of ``kind`` called ``name`` (by name, then alias), other than ``besides``."""
        want = normalise(name)
        hits = sorted(n for n, d in self.g.nodes(data=True)
                      if n != besides and d.get("kind") == kind and normalise(str(d.get("name", ""))) == want)
        hits = hits or sorted(n for n, d in self.g.nodes(data=True)
                              if n != besides and d.get("kind") == kind and want in _forms(d))
        return hits[0] if hits else None

    # -- changing the graph -------------------------------------------------------------------

    def drop_node(self, nid: str, c: Correction | None) -> None:
        d = self.g.nodes[nid]
        entry = self.dropped["nodes"].setdefault(nid, {"kind": d["kind"], "name": d.get("name", ""),
                                                       "aliases": list(d.get("aliases") or [])})
        if c is not None:
            _mark(entry, c)
        self.g.remove_node(nid)

    def drop_edge(self, u: str, v: str, etype: str, c: Correction | None) -> None:
        self.g.remove_edge(u, v, key=etype)
        entry = self.dropped["edges"].setdefault((u, v, etype), {})
        if c is not None:
            _mark(entry, c)

    def move(self, old: str, new: str, c: Correction) -> None:
        """Merge node ``old`` into ``new``: names, evidence, properties, provenance and edges
        (re-pointed; self-loops and edges the schema no longer allows dropped, said in notes)."""
        g, notes = self.g, self.notes
        src, dst = g.nodes[old], g.nodes[new]
        aliases = dst.setdefault("aliases", [])
        for a in [src.get("name"), *(src.get("aliases") or [])]:
            if a and a not in aliases:
                aliases.append(a)
        merge_evidence(dst.setdefault("evidence", []), src.get("evidence") or [])
        dst["docs"] = sorted(set(dst.get("docs") or []) | set(src.get("docs") or []))
        for k, v in src.items():
            if k in ("kind", "name", "aliases", "evidence", "docs", "corrections"):
                continue
            if dst.get(k) in (None, "", []) and v not in (None, "", []):
                dst[k] = v
        for record in src.get("corrections") or []:
            if record not in dst.setdefault("corrections", []):
                dst["corrections"].append(record)
        edges = [(u, v, k, dict(d)) for u, v, k, d in g.out_edges(old, keys=True, data=True)]
        edges += [(u, v, k, dict(d)) for u, v, k, d in g.in_edges(old, keys=True, data=True) if u != old]
        for u, v, etype, d in edges:
            a, b = (new if u == old else u), (new if v == old else v)
            if a == b:
                continue  # the two ends are one node now
            if self.schema.edge_types[etype].symmetric and b < a:
                a, b = b, a
            ka, kb = g.nodes[a]["kind"], g.nodes[b]["kind"]
            spec = self.schema.edge_types[etype]
            if ka not in spec.sources or kb not in spec.targets:
                notes.append(f"{etype} {g.nodes[a].get('name')} -> {g.nodes[b].get('name')} dropped "
                             f"({etype} may not link {ka} to {kb})")
                continue
            self.put_edge(a, b, etype, d, c)
        self.drop_node(old, c)
        _mark(dst, c)

    def put_edge(self, a: str, b: str, etype: str, d: dict, c: Correction) -> None:
        g = self.g
        if g.has_edge(a, b, key=etype):
            mine = g.edges[a, b, etype]
            merge_evidence(mine.setdefault("evidence", []), d.get("evidence") or [])
            for k, v in d.items():
                if k in ("evidence", "corrections"):
                    continue
                if mine.get(k) in (None, "", []) and v not in (None, "", []):
                    mine[k] = v
            for record in d.get("corrections") or []:
                if record not in mine.setdefault("corrections", []):
                    mine["corrections"].append(record)
        else:
            d = dict(d)
            d["type"] = etype
            d.setdefault("evidence", [])
            g.add_edge(a, b, key=etype, **d)
            mine = g.edges[a, b, etype]
        _mark(mine, c)

    def rekey(self, nid: str, kind: str, name: str, c: Correction) -> str:
        """Give node ``nid`` the kind and name of a correction, with the id of that natural key
        (or merged into the node that already has it); returns the node's id afterwards."""
        g = self.g
        d = g.nodes[nid]
        old_name = d.get("name", "")
        target = self.named(kind, name, besides=nid)
        if target is None:
            # the natural key: a state's ISO code when it has one (its name may change), else the name
            key = d.get("iso_code") if kind == "State" and d.get("iso_code") else name
            new_id = make_id(kind, key)
            if new_id in g and new_id != nid:
                target = new_id
        if target is not None:  # another node already is this: one node, not twins
            d.setdefault("aliases", [])
            if old_name and old_name not in d["aliases"]:
                d["aliases"].append(old_name)
            self.move(nid, target, c)
            tn = g.nodes[target]
            if normalise(str(tn.get("name", ""))) != normalise(name):
                tn["name"] = name
            if name not in tn["aliases"]:
                tn["aliases"].append(name)
            return target
        attrs = dict(d)
        attrs["kind"], attrs["name"] = kind, name
        aliases = list(attrs.get("aliases") or [])
        for a in (old_name, name):
            if a and a not in aliases:
                aliases.append(a)
        attrs["aliases"] = aliases
        if new_id == nid:
            g.nodes[nid].update(attrs)
            _mark(g.nodes[nid], c)
            return nid
        g.add_node(new_id, **attrs)
        self.move(nid, new_id, c)
        return new_id


def _forms(d: dict) -> set[str]:
    return {normalise(str(x)) for x in [d.get("name", ""), *(d.get("aliases") or [])] if x}


# -- the operations ----------------------------------------------------------------------------

def _op_merge(f: _Fixer, c: Correction) -> None:
    ids = []
    for ref in c.args["nodes"]:
        nid = f.find(ref)
        if nid not in ids:
            ids.append(nid)
    keep = ids[0]
    for other in ids[1:]:
        f.move(other, keep, c)
    _mark(f.g.nodes[keep], c)


def _op_drop(f: _Fixer, c: Correction) -> None:
    f.drop_node(f.find(c.args["node"]), c)


def _op_rename(f: _Fixer, c: Correction) -> None:
    nid = f.find(c.args["node"])
    f.rekey(nid, f.g.nodes[nid]["kind"], c.args["to"], c)


def _op_retype(f: _Fixer, c: Correction) -> None:
    nid = f.find(c.args["node"])
    f.rekey(nid, c.args["to"], str(f.g.nodes[nid].get("name", "")), c)


def _set_props(data: dict, props: dict[str, Any]) -> None:
    for key, value in props.items():
        if key == "date":
            for k in _DATE_KEYS[:4]:
                data.pop(k, None)
            if value is not None:
                data.update(date_props(value))
        elif value is None:
            data.pop(key, None)
        else:
            data[key] = value


def _op_set(f: _Fixer, c: Correction) -> None:
    nid = f.find(c.args["node"])
    d = f.g.nodes[nid]
    allowed = set(f.schema.node_kinds[d["kind"]].properties) | {"confidence", "date", "date_qualifier"}
    wrong = [k for k in c.args["props"] if k not in allowed]
    if wrong:
        raise _Skip(f"a {d['kind']} has no property {wrong[0]!r}")
    if "date" in c.args["props"] and "date" not in f.schema.node_kinds[d["kind"]].properties:
        raise _Skip(f"a {d['kind']} has no date")
    _set_props(d, c.args["props"])
    _mark(d, c)


def _op_add_node(f: _Fixer, c: Correction) -> None:
    kind, name = c.args["kind"], c.args["name"]
    allowed = set(f.schema.node_kinds[kind].properties) | {"confidence", "date", "date_qualifier"}
    wrong = [k for k in c.args["props"] if k not in allowed]
    if wrong:
        raise _Skip(f"a {kind} has no property {wrong[0]!r}")
    nid = f.named(kind, name) or make_id(kind, name)
    if nid not in f.g:
        f.g.add_node(nid, kind=kind, name=name, aliases=[name], evidence=[], docs=[])
    d = f.g.nodes[nid]
    for a in c.args["aliases"]:
        if a not in d.setdefault("aliases", []):
            d["aliases"].append(a)
    _set_props(d, c.args["props"])
    _mark(d, c)


def _ends(f: _Fixer, c: Correction) -> tuple[str, str, str]:
    etype = c.args["type"]
    a, b = f.find(c.args["source"], "source"), f.find(c.args["target"], "target")
    if f.schema.edge_types[etype].symmetric and b < a:
        a, b = b, a
    return a, b, etype


def _op_add_edge(f: _Fixer, c: Correction) -> None:
    a, b, etype = _ends(f, c)
    ka, kb = f.g.nodes[a]["kind"], f.g.nodes[b]["kind"]
    spec = f.schema.edge_types[etype]
    if ka not in spec.sources or kb not in spec.targets:
        raise _Skip(f"{etype} may not link {ka} to {kb}")
    if a == b:
        raise _Skip("an edge from a node to itself")
    f.put_edge(a, b, etype, {}, c)
    _set_props(f.g.edges[a, b, etype], c.args["props"])


def _op_drop_edge(f: _Fixer, c: Correction) -> None:
    try:
        a, b, etype = _ends(f, c)
    except _Done:
        return  # an end this file dropped took the edge with it
    if f.g.has_edge(a, b, key=etype):
        f.drop_edge(a, b, etype, c)
    elif (a, b, etype) in f.dropped["edges"]:
        raise _Done()
    else:
        raise _Skip(f"no {etype} edge from {c.args['source']!r} to {c.args['target']!r}")


_OPS = {"merge": _op_merge, "drop": _op_drop, "rename": _op_rename, "retype": _op_retype, "set": _op_set,
        "add_node": _op_add_node, "add_edge": _op_add_edge, "drop_edge": _op_drop_edge}
