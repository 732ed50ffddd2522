"""Cypher on the in-memory graph, with grand-cypher, giving the same rows as Neo4j.

grand-cypher runs a subset of Cypher on networkx (MATCH with labels and relationship types,
variable-length hops in one direction, WHERE, RETURN with DISTINCT and aliases, COUNT / SUM /
AVG / MIN / MAX / COLLECT, SKIP, LIMIT); it has no parameters, WITH, UNWIND, OPTIONAL MATCH,
shortestPath or list comprehensions. This module closes the gaps that matter for parity:

* it runs on a *view* of the graph whose nodes and edges carry exactly the properties the Neo4j
  store writes (:mod:`briefgraph.cypher.properties`), with the kind and type in grand-cypher's
  ``__labels__`` sets; the view is cached per graph (rebuilt when the node or edge count changes);
* parameters are substituted as escaped Cypher literals (:func:`briefgraph.cypher.text.substitute`),
  never as raw text, because grand-cypher has no ``$param``; single-quoted strings become
  double-quoted and ``count(`` becomes ``COUNT(``, which is all grand-cypher's grammar accepts;
* ``ORDER BY`` / ``SKIP`` / ``LIMIT`` are applied here, in Python, with Neo4j's ordering (nulls
  last when ascending, first when descending; numbers, strings, lists each in their own band),
  because grand-cypher's sort fails on missing values;
* nodes, relationships and paths come back as plain property dicts (and lists), as the Neo4j
  store returns them.

A query it cannot run raises :class:`~briefgraph.errors.QueryError` saying so, with a hint to use
``--backend neo4j``.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from typing import Any

import networkx as nx

from briefgraph.cypher.properties import edge_properties, node_properties, referenced_documents
from briefgraph.cypher.text import Scanned, find_top, scan, split_top, substitute
from briefgraph.errors import QueryError

ENGINE_HINT = ("the memory engine (grand-cypher) runs MATCH / WHERE / RETURN / ORDER BY / SKIP / LIMIT "
               "with COUNT, SUM, AVG, MIN, MAX, COLLECT; use --backend neo4j for the rest")
_AGGREGATE = re.compile(r"(?<![\w.])(count|sum|avg|min|max|collect)\s*\(", re.IGNORECASE)
_ALIAS = re.compile(r"\s+AS\s+(`[^`]+`|[A-Za-z_]\w*)\s*$", re.IGNORECASE)
_DIRECTION = re.compile(r"\s+(ASC|ASCENDING|DESC|DESCENDING)\s*$", re.IGNORECASE)
_PATH_VAR = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\s*=\s*\(")
_HIDDEN = ("__labels__", "_bg_source", "_bg_target")

_views: "weakref.WeakKeyDictionary[nx.MultiDiGraph, tuple[tuple[int, int], nx.MultiDiGraph]]" = \
    weakref.WeakKeyDictionary()


def cypher_view(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph as grand-cypher sees it: Neo4j's properties, kind and type as ``__labels__``.

    Cached per graph object and rebuilt when its node or edge count changes; a caller that edits
    attributes in place and queries again should pass a copy.
    """
    fingerprint = (graph.number_of_nodes(), graph.number_of_edges())
    cached = _views.get(graph)
    if cached and cached[0] == fingerprint:
        return cached[1]
    view = nx.MultiDiGraph()
    for nid, d in graph.nodes(data=True):
        view.add_node(nid, __labels__={d["kind"]}, **node_properties(nid, d))
    for u, v, k, d in graph.edges(keys=True, data=True):
        view.add_edge(u, v, key=k, __labels__={d["type"]}, _bg_source=u, _bg_target=v,
                      **edge_properties(u, v, d))
    _views[graph] = (fingerprint, view)
    return view


@dataclass
class _Plan:
    query: str                    # what grand-cypher runs
    columns: list[str]            # result column names, as Neo4j names them
    paths: set[int]               # indexes of columns that return a path variable
    order: list[tuple[int, bool]]  # (column index, descending), applied here
    skip: int
    limit: int | None
    hidden: int                   # trailing columns added only for ORDER BY


def _number(s: Scanned, start: int, end: int, what: str) -> int:
    raw = s.text[start:end].strip()
    if not raw.isdigit():
        raise QueryError(f"{what} must be a whole number on the memory backend, not {raw!r}")
    return int(raw)


def _norm(expr: str) -> str:
    return re.sub(r"\s+", "", expr).lower()


def plan(cypher: str, params: dict[str, Any]) -> _Plan:
    """Rewrite ``cypher`` for grand-cypher (see the module docstring) and say how to finish it."""
    text = substitute(cypher, params)
    s = scan(text)
    returns = find_top(s, "RETURN")
    if not returns:
        raise QueryError("the query has no RETURN clause", hint=ENGINE_HINT)
    ret = returns[-1]
    tail = [(m.start(), m.end(), m.group(0).split()[0].upper())
            for kw in (r"ORDER\s+BY", "SKIP", "LIMIT") for m in find_top(s, kw, ret.end())]
    tail.sort()
    body_end = tail[0][0] if tail else len(text)
    body_start = ret.end()
    distinct = re.match(r"\s*DISTINCT\b", text[body_start:body_end], re.IGNORECASE)
    if distinct:
        body_start += distinct.end()
    items, columns = [], []
    for a, b in split_top(s, body_start, body_end):
        item = text[a:b].strip()
        if not item:
            raise QueryError("empty item in RETURN", hint=ENGINE_HINT)
        m = _ALIAS.search(item)
        expr, name = (item[:m.start()].strip(), m.group(1).strip("`")) if m else (item, item)
        if expr == "*":
            raise QueryError("RETURN * is not supported by the memory engine", hint=ENGINE_HINT)
        items.append(expr)
        columns.append(name)
    head = text[:ret.start()]
    path_vars = {m.group(1) for m in _PATH_VAR.finditer(scan(head).masked)}
    paths = {i for i, e in enumerate(items) if e in path_vars}
    order, skip, limit = [], 0, None
    aggregated = bool(distinct) or any(_AGGREGATE.search(e) for e in items)
    extra: list[str] = []
    for i, (start, end, word) in enumerate(tail):
        stop = tail[i + 1][0] if i + 1 < len(tail) else len(text)
        if word == "SKIP":
            skip = _number(s, end, stop, "SKIP")
        elif word == "LIMIT":
            limit = _number(s, end, stop, "LIMIT")
        else:
            for a, b in split_top(s, end, stop):
                key = text[a:b].strip()
                d = _DIRECTION.search(key)
                desc = bool(d) and d.group(1).upper().startswith("DESC")
                key = key[:d.start()].strip() if d else key
                index = _column_of(key, columns, items)
                if index is None:
                    if aggregated:
                        raise QueryError(f"ORDER BY {key}: with DISTINCT or an aggregate, order by a "
                                         "returned column", hint=ENGINE_HINT)
                    extra.append(key)
                    index = len(items) + len(extra) - 1
                order.append((index, desc))
    all_items = items + extra
    query = (head + "RETURN " + ("DISTINCT " if distinct else "")
             + ", ".join(f"{e} AS _c{i}" for i, e in enumerate(all_items)))
    if not order:  # no sorting here, so grand-cypher may stop early
        query += (f" SKIP {skip}" if skip else "") + (f" LIMIT {limit}" if limit is not None else "")
        skip, limit = 0, None
    return _Plan(_upper_aggregates(query), columns, paths, order, skip, limit, len(extra))


def _upper_aggregates(query: str) -> str:
    """``count(`` -> ``COUNT(`` in code (not in strings): grand-cypher knows only upper case."""
    masked = scan(query).masked
    out = list(query)
    for m in _AGGREGATE.finditer(masked):
        out[m.start(1):m.end(1)] = m.group(1).upper()
    return "".join(out)


def _column_of(key: str, columns: list[str], items: list[str]) -> int | None:
    bare = key.strip("`")
    if bare in columns:
        return columns.index(bare)
    norm = [_norm(e) for e in items]
    return norm.index(_norm(key)) if _norm(key) in norm else None


_BANDS = {dict: 0, list: 3, str: 8, bool: 9, int: 10, float: 10}


def sort_key(value: Any) -> tuple:
    """Neo4j's ascending order for mixed values: maps/nodes, lists, strings, booleans, numbers, null."""
    if value is None:
        return (99,)
    band = _BANDS.get(type(value), 50)
    if band == 3:
        return (band, tuple(sort_key(v) for v in value))
    if band in (0, 50):
        return (band,)
    return (band, value)


def _clean(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _clean(value[k]) for k in sorted(value) if k not in _HIDDEN}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, set):
        return sorted(value)
    return value


def _path_items(view: nx.MultiDiGraph, raw: list) -> list[tuple[str, Any]]:
    """A grand-cypher path ``[node, {key: edge}, node, ...]`` as ("node", id) / ("edge", (u, v, k))."""
    out: list[tuple[str, Any]] = []
    for i, x in enumerate(raw):
        if i % 2 == 0:
            out.append(("node", x))
            continue
        u, v = raw[i - 1], raw[i + 1]
        if not view.has_edge(u, v):  # the pattern went against the arrow
            u, v = v, u
        for k in sorted(view[u][v]) if view.has_edge(u, v) else []:
            out.append(("edge", (u, v, k)))
    return out


def _execute(graph: nx.MultiDiGraph, cypher: str, params: dict[str, Any]) -> tuple[_Plan, nx.MultiDiGraph, list[list]]:
    from grandcypher import GrandCypher

    p = plan(cypher, params)
    view = cypher_view(graph)
    engine = GrandCypher(view)
    # grand-cypher 1.2's automatic hints drop valid rows when WHERE compares two variables
    # (a.id < b.id gives nothing); without them it checks every candidate, which is correct.
    engine.auto_where_hints = False
    engine.auto_node_jsondata_hints = False
    try:
        result = engine.run(p.query)
    except QueryError:
        raise
    except Exception as exc:  # grand-cypher raises lark, Visit, NotImplemented, Key and Type errors
        raise QueryError(f"the memory backend cannot run this query ({_brief(exc)})", hint=ENGINE_HINT) from None
    width = len(p.columns) + p.hidden
    cols = [list(result.get(f"_c{i}", [])) for i in range(width)]
    n = max((len(c) for c in cols), default=0)
    rows = [[c[r] if r < len(c) else None for c in cols] for r in range(n)]
    for index, desc in reversed(p.order):  # stable sorts, last key first
        rows.sort(key=lambda row: sort_key(_clean(row[index])), reverse=desc)
    rows = rows[p.skip:]
    if p.limit is not None:
        rows = rows[:p.limit]
    return p, view, [row[:len(p.columns)] for row in rows]


def _brief(exc: Exception) -> str:
    first = str(exc).strip().splitlines()
    text = next((line.strip() for line in first if line.strip()), "")
    return f"{type(exc).__name__}: {text}"[:200]


def run_query(graph: nx.MultiDiGraph, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Rows of ``cypher`` on ``graph``, each a dict in RETURN order, as the Neo4j store gives them.

    Examples
    --------
    >>> from briefgraph.graph.model import new_graph, add_node
    >>> g = new_graph(); add_node(g, "state:1", "State", "Pakistan"); add_node(g, "state:2", "State", "Azerbaijan")
    >>> run_query(g, "MATCH (s:State) WHERE s.name <> $n RETURN s.name AS name", {"n": "Pakistan"})
    [{'name': 'Azerbaijan'}]
    """
    p, view, rows = _execute(graph, cypher, params or {})
    out = []
    for row in rows:
        values = []
        for i, value in enumerate(row):
            if i in p.paths and isinstance(value, list):
                value = [view.nodes[x] if kind == "node" else view.edges[x] for kind, x in _path_items(view, value)]
            values.append(_clean(value))
        out.append(dict(zip(p.columns, values)))
    return out


def subgraph_of_query(graph: nx.MultiDiGraph, cypher: str, params: dict[str, Any] | None = None) -> nx.MultiDiGraph:
    """The subgraph of the nodes, relationships and paths that ``cypher`` returns.

    The ends of every returned relationship come along; documents are those the kept nodes and
    edges cite. Attributes are copied from ``graph`` (not the view), so the result is a normal
    briefgraph graph.
    """
    from briefgraph.graph.model import new_graph

    p, view, rows = _execute(graph, cypher, params or {})
    nodes: set[str] = set()
    edges: set[tuple[str, str, str]] = set()

    def collect(value: Any) -> None:
        if isinstance(value, dict) and "__labels__" in value:
            if "_bg_source" in value:
                u, v = value["_bg_source"], value["_bg_target"]
                edges.add((u, v, next(iter(value["__labels__"]))))
                nodes.update((u, v))
            elif "id" in value:
                nodes.add(value["id"])
        elif isinstance(value, list):
            for x in value:
                collect(x)

    for row in rows:
        for i, value in enumerate(row):
            if i in p.paths and isinstance(value, list):
                for kind, x in _path_items(view, value):
                    if kind == "node":
                        nodes.add(x)
                    else:
                        edges.add(x)
                        nodes.update(x[:2])
            else:
                collect(value)
    out = new_graph()
    for nid in sorted(nodes):
        out.add_node(nid, **_copy(graph.nodes[nid]))
    for u, v, k in sorted(edges):
        out.add_edge(u, v, key=k, **_copy(graph.edges[u, v, k]))
    docs = graph.graph.get("documents", {})
    out.graph["documents"] = {d: _copy(docs[d]) for d in sorted(referenced_documents(out)) if d in docs}
    return out


def _copy(data: dict) -> dict:
    import copy

    return copy.deepcopy(dict(data))
