"""Node-link JSON, the contract outside tools rely on::

    {"format": "briefgraph", "schema_version": 1, "documents": [...],
     "nodes": [{"id", "kind", "name", "aliases", "date", "evidence": [{"text", "doc", "start",
                "end", "sources"}], ...}],
     "edges": [{"source", "target", "type", "evidence", ...}]}

``write_json`` then ``read_json`` gives an equal graph.
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import IO, Any, Callable, Iterable

import networkx as nx
import orjson

from briefgraph.errors import InputError, SchemaError
from briefgraph.graph.atomic import open_output
from briefgraph.graph.gc_pause import collector_paused
from briefgraph.graph.model import GraphBuilder, add_edge, add_node, new_graph
from briefgraph.graph.schema import load_schema
from briefgraph.graph.validate import FORMAT, check_edge_data, check_graph_data
from briefgraph.inputs import read_input


_NODE_FIRST = ("kind", "name", "aliases", "date", "evidence")
_EDGE_FIRST = ("type", "evidence")


def to_dict(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """The node-link dictionary of ``graph`` (nodes and edges sorted, so output is stable)."""
    data = _node_link(graph.graph.get("documents", {}), graph.graph.get("schema_version", 1),
                      graph.nodes(data=True), graph.edges(keys=True, data=True))
    dropped = dropped_to_dict(graph.graph.get("dropped"))
    if dropped:
        data["dropped"] = dropped
    return data


def dropped_to_dict(dropped: dict | None) -> dict[str, list] | None:
    """The JSON form of ``graph.graph["dropped"]`` (what corrections removed; see
    :mod:`briefgraph.graph.corrections`), or None when nothing was dropped."""
    if not dropped or not (dropped.get("nodes") or dropped.get("edges")):
        return None
    nodes = [{"id": k, **v} for k, v in sorted(dropped.get("nodes", {}).items())]
    edges = [{"source": s, "target": t, "type": et, **v}
             for (s, t, et), v in sorted(dropped.get("edges", {}).items())]
    return {"nodes": nodes, "edges": edges}


def _dropped_from_dict(raw: Any, origin: str) -> dict | None:
    if raw is None:
        return None
    try:
        nodes = {str(n["id"]): {k: v for k, v in n.items() if k != "id"} for n in raw.get("nodes") or []}
        edges = {(str(e["source"]), str(e["target"]), str(e["type"])):
                 {k: v for k, v in e.items() if k not in ("source", "target", "type")}
                 for e in raw.get("edges") or []}
    except (KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"{origin}: 'dropped' is not valid ({type(exc).__name__}: {exc})") from None
    return {"nodes": nodes, "edges": edges} if nodes or edges else None


def builder_to_dict(builder: GraphBuilder) -> dict[str, Any]:
    """The node-link dictionary of ``builder.graph()``, made without building that graph:
    ``ingest`` writes a corpus this way, a second faster at 1,000 briefs."""
    return _node_link(builder.documents, load_schema().version, builder.node_items(), builder.edge_items())


def _node_link(documents: dict, version: int, node_items: Iterable, edge_items: Iterable) -> dict[str, Any]:
    nodes = []
    for nid, d in sorted(node_items, key=_first):
        n = {"id": nid, "kind": d["kind"], "name": d["name"], "aliases": d.get("aliases", []),
             "date": d.get("date")}
        for k in sorted(d):
            if k not in _NODE_FIRST:
                n[k] = d[k]
        n["evidence"] = d.get("evidence", [])
        nodes.append(n)
    edges = []
    for u, v, _, d in sorted(edge_items, key=_first_three):
        e = {"source": u, "target": v, "type": d["type"]}
        for name in sorted(d):
            if name not in _EDGE_FIRST:
                e[name] = d[name]
        e["evidence"] = d.get("evidence", [])
        edges.append(e)
    docs = [{"id": k, **v} for k, v in sorted(documents.items())]
    return {"format": FORMAT, "schema_version": version, "documents": docs, "nodes": nodes, "edges": edges}


def _first(item: tuple) -> Any:
    return item[0]


def _first_three(item: tuple) -> tuple:
    return item[:3]


def from_dict(data: Any, origin: str = "graph",
              nodes_done: Callable[[nx.MultiDiGraph], None] | None = None) -> nx.MultiDiGraph:
    """Build a graph from a node-link dictionary; raise InputError if it is not a valid one.

    Strict (:mod:`briefgraph.graph.validate`): the ``format`` and ``schema_version`` are
    checked (an older version is migrated or refused with a hint), node ids must be unique,
    ``id``, ``kind`` and ``name`` present and strings, dates valid, evidence well-formed, and
    no value nested deeper than any briefgraph writes.

    ``nodes_done(graph)`` is called once the documents and nodes are in, before the edges are
    checked and added: a consumer (the embedded Cypher engine's loader) starts on the nodes
    while the edges are read. An invalid edge still raises, after that call.
    """
    data = check_graph_data(data, origin, nodes_only=True)
    g = new_graph()
    for doc in data.get("documents") or []:
        g.graph["documents"][str(doc["id"])] = {k: v for k, v in doc.items() if k != "id"}
    try:
        for n in data["nodes"]:
            n = dict(n)
            nid, kind, name = n.pop("id"), n.pop("kind"), n.pop("name")
            add_node(g, nid, kind, name, n.pop("aliases", None) or [], n.pop("evidence", None) or [],
                     n.pop("docs", None) or [], **n)
        if nodes_done is not None:
            nodes_done(g)
        check_edge_data(data, origin)
        for e in data["edges"]:
            e = dict(e)
            s, t = e.pop("source"), e.pop("target")
            if s not in g or t not in g:
                raise InputError(f"{origin}: edge {s} -> {t} names a node that is not in the graph")
            add_edge(g, s, t, e.pop("type"), e.pop("evidence", None) or [], **e)
    except SchemaError as exc:
        raise SchemaError(f"{origin}: {exc}") from None
    except (KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"{origin} is not valid briefgraph JSON ({type(exc).__name__}: {exc})") from None
    dropped = _dropped_from_dict(data.get("dropped"), origin)
    if dropped:
        g.graph["dropped"] = dropped
    return g


def write_json(graph: nx.MultiDiGraph, target: str | os.PathLike | IO[str], indent: int | None = None) -> None:
    """Write ``graph`` as node-link JSON to a path (atomically), ``"-"`` or an open file.

    Compact by default, encoded by orjson: ten times faster than the standard library's
    encoder on a corpus-sized graph (``jq .`` pretty-prints it). ``indent`` gives the
    standard library's indented form.
    """
    with collector_paused():
        data = to_dict(graph)
    dump(data, target, indent)


def dump(data: dict[str, Any], target: str | os.PathLike | IO[str], indent: int | None = None) -> None:
    """Write a node-link dictionary (:func:`to_dict`, :func:`builder_to_dict`) like :func:`write_json`."""
    with collector_paused():
        if indent is None:
            raw = orjson.dumps(data, option=orjson.OPT_APPEND_NEWLINE)
        else:
            raw = (json.dumps(data, ensure_ascii=False, indent=indent) + "\n").encode("utf-8")
    with open_output(target) as fh:
        buffer = getattr(fh, "buffer", None)
        if buffer is not None and (getattr(fh, "encoding", "") or "").lower().replace("-", "") == "utf8":
            fh.flush()
            _write_all(buffer, raw)  # UTF-8 bytes straight to the file: no decode and re-encode
        else:
            fh.write(raw.decode("utf-8"))


def _write_all(buffer: IO[bytes], raw: bytes) -> None:
    """Write every byte of ``raw``. A buffered writer can return a short count instead of
    raising (a full disk under stdout): the next write then raises the real error."""
    view = memoryview(raw)
    while view:
        written = buffer.write(view)
        if not written:
            raise OSError(errno.EIO, "the output accepted no more bytes")
        view = view[written:]


def read_json(source: str | os.PathLike | IO[str],
              nodes_done: Callable[[nx.MultiDiGraph], None] | None = None) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_json` from a path or an open file
    (``nodes_done``: see :func:`from_dict`)."""
    if hasattr(source, "read"):
        return parse_json(source.read(), getattr(source, "name", "input"), nodes_done)
    path = Path(source)
    return parse_json(read_input(path, "a graph file"), str(path), nodes_done)


def parse_json(text: str | bytes, origin: str,
               nodes_done: Callable[[nx.MultiDiGraph], None] | None = None) -> nx.MultiDiGraph:
    """The graph in ``text``, the contents of a graph file (bytes are UTF-8), named ``origin``
    in error messages (``nodes_done``: see :func:`from_dict`)."""
    with collector_paused():
        try:
            data = orjson.loads(text)  # bytes straight in: orjson checks the UTF-8 itself
        except orjson.JSONDecodeError as exc:
            if isinstance(text, bytes):
                try:
                    text.decode("utf-8")
                except UnicodeDecodeError:
                    raise InputError(f"{origin} is not UTF-8 JSON") from None
            raise InputError(f"{origin} is not JSON (line {exc.lineno}: {exc.msg})",
                             hint="give a file written by 'briefgraph ingest'") from None
        return from_dict(data, origin, nodes_done)
