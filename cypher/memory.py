"""Cypher on a graph in this process (the memory backend), with the rows Neo4j would give.

A query passes the guard (:mod:`briefgraph.cypher.guard`: read-only, no file access), is
translated from Neo4j's dialect (:mod:`briefgraph.cypher.dialect`) and runs on an embedded
Ladybug database of the graph (:mod:`briefgraph.cypher.embedded`): in memory for a networkx
graph, cached on disk for a graph file. Parameters travel as parameters. Nodes and
relationships come back as their property dicts (keys sorted, nulls left out) and paths as
``[node, rel, node, ...]``, exactly as :func:`briefgraph.graph.neo4j_store.plain` gives Neo4j's.
"""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

import networkx as nx

from briefgraph.cypher.properties import referenced_documents
from briefgraph.errors import QueryError

ENGINE_HINT = "the memory backend runs Neo4j's Cypher through Ladybug; use --backend neo4j if this one needs Neo4j"


def prepare(cypher: str) -> str:
    """``cypher`` checked (read-only) and translated for the embedded engine."""
    from briefgraph.cypher.dialect import translate
    from briefgraph.cypher.guard import check

    check(cypher)
    return translate(cypher)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        if "_NODES" in value and "_RELS" in value:
            nodes, rels = value["_NODES"], value["_RELS"]
            out = [_plain(nodes[0])] if nodes else []
            for rel, node in zip(rels, nodes[1:]):
                out += [_plain(rel), _plain(node)]
            return out
        if "_LABEL" in value and "_ID" in value:
            return {k: _plain(value[k]) for k in sorted(value) if not k.startswith("_") and value[k] is not None}
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _run(database, cypher: str, params: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    text = prepare(cypher)
    try:
        return database.execute(text, params)
    except RuntimeError as exc:
        raise QueryError(f"the memory backend cannot run this query ({_brief(exc)})", hint=ENGINE_HINT) from None


def _brief(exc: Exception) -> str:
    lines = [line.strip() for line in str(exc).strip().splitlines() if line.strip()]
    text = lines[0] if lines else type(exc).__name__
    return text[:240]


def _rows(columns: list[str], raw: list[list[Any]]) -> list[dict[str, Any]]:
    return [dict(zip(columns, (_plain(v) for v in row))) for row in raw]


def _check_params(cypher: str, params: dict[str, Any]) -> None:
    from briefgraph.cypher.text import scan

    for _, _, name in scan(cypher).params:
        if name not in params:
            raise QueryError(f"the query uses ${name} but no --param {name}=... was given")


def run_query(graph: nx.MultiDiGraph, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Rows of ``cypher`` on ``graph``, each a dict in RETURN order, as the Neo4j store gives them.

    Examples
    --------
    >>> from briefgraph.graph.model import new_graph, add_node
    >>> g = new_graph(); add_node(g, "state:1", "State", "Pakistan"); add_node(g, "state:2", "State", "Azerbaijan")
    >>> run_query(g, "MATCH (s:State) WHERE s.name <> $n RETURN s.name AS name", {"n": "Pakistan"})
    [{'name': 'Azerbaijan'}]
    """
    from briefgraph.cypher.embedded import for_graph

    params = params or {}
    _check_params(cypher, params)
    prepare(cypher)  # refuse before building anything
    return _rows(*_run(for_graph(graph), cypher, params))


def open_file(path: str | Path, read_graph: Callable[..., nx.MultiDiGraph] | None = None):
    """The cached database of the graph file at ``path`` (built on first use; ``read_graph``:
    see :func:`briefgraph.cypher.embedded.for_file`)."""
    from briefgraph.cypher.embedded import for_file
    from briefgraph.graph.jsonio import parse_json
    from briefgraph.inputs import read_input

    p = Path(path)
    data = read_input(p, "a graph file")
    return for_file(data, str(p), read_graph or (lambda nodes_done: parse_json(data, str(p), nodes_done)))


def run_query_file(path: str | Path, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Rows of ``cypher`` on the graph file at ``path``; its database is built once and cached
    (``$BRIEFGRAPH_CACHE``), so later queries on the same file skip reading the JSON."""
    params = params or {}
    _check_params(cypher, params)
    prepare(cypher)
    database = open_file(path)
    try:
        return _rows(*_run(database, cypher, params))
    finally:
        database.close()


def subgraph_of_query(graph: nx.MultiDiGraph, cypher: str, params: dict[str, Any] | None = None) -> nx.MultiDiGraph:
    """The subgraph of the nodes, relationships and paths that ``cypher`` returns.

    The ends of every returned relationship come along; documents are those the kept nodes and
    edges cite. Attributes are copied from ``graph``, so the result is a normal briefgraph graph.
    """
    from briefgraph.cypher.embedded import for_graph
    from briefgraph.graph.model import new_graph

    params = params or {}
    _check_params(cypher, params)
    database = for_graph(graph)
    _, raw = _run(database, cypher, params)
    node_ids: dict[tuple, str] = {}
    nodes: set[str] = set()
    rels: list[dict] = []

    def collect(value: Any) -> None:
        if isinstance(value, dict):
            if "_NODES" in value and "_RELS" in value:
                for x in value["_NODES"] + value["_RELS"]:
                    collect(x)
            elif "_SRC" in value and "_LABEL" in value:
                rels.append(value)
            elif "_LABEL" in value and "_ID" in value and "id" in value:
                node_ids[_key(value["_ID"])] = value["id"]
                if value["id"] in graph:
                    nodes.add(value["id"])
            else:
                for x in value.values():
                    collect(x)
        elif isinstance(value, list):
            for x in value:
                collect(x)

    for row in raw:
        for value in row:
            collect(value)
    missing = {_key(r[end]) for r in rels for end in ("_SRC", "_DST")} - set(node_ids)
    if missing:
        _, found = database.execute("MATCH (n) RETURN id(n), n.id", {})
        node_ids.update({_key(internal): nid for internal, nid in found})
    edges: set[tuple[str, str, str]] = set()
    for r in rels:
        u, v = node_ids[_key(r["_SRC"])], node_ids[_key(r["_DST"])]
        if graph.has_edge(u, v, r["_LABEL"]):
            edges.add((u, v, r["_LABEL"]))
            nodes.update((u, v))
    out = new_graph()
    for nid in sorted(nodes):
        out.add_node(nid, **copy.deepcopy(dict(graph.nodes[nid])))
    for u, v, k in sorted(edges):
        out.add_edge(u, v, key=k, **copy.deepcopy(dict(graph.edges[u, v, k])))
    docs = graph.graph.get("documents", {})
    out.graph["documents"] = {d: copy.deepcopy(docs[d]) for d in sorted(referenced_documents(out)) if d in docs}
    return out


def _key(internal: dict) -> tuple:
    return (internal["table"], internal["offset"])
