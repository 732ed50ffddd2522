"""What a graph file must be before briefgraph builds a graph from it.

A graph file comes from outside (a colleague, another tool, a hand edit), so nothing in it is
trusted: :func:`check_graph_data` refuses, with one line that names the node or edge, a file
that is not briefgraph's format or schema version, that repeats a node id, lacks or mistypes
``id``, ``kind``, ``name``, ``source``, ``target`` or ``type``, holds a date that is not a
date, malformed evidence, or a value nested deeper than anything briefgraph writes (which would
exhaust an encoder's recursion further down). Older schema versions go through
:data:`MIGRATIONS` one step at a time.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any, Callable

from briefgraph.errors import InputError
from briefgraph.graph.schema import load_schema

FORMAT = "briefgraph"
HINT = "give a file written by 'briefgraph ingest' or 'briefgraph pull'"
# version -> function turning a graph dictionary of that version into one of the next.
# Version 1 is the first published one: nothing to migrate yet.
MIGRATIONS: dict[int, Callable[[dict], dict]] = {}
# briefgraph itself nests at most 4 levels (node -> evidence -> record -> sources); extra
# properties may hold small maps. Anything deeper is hostile or broken.
MAX_DEPTH = 32

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_PART = re.compile(r"(\d{3,4})(?:-(\d{2})(?:-(\d{2}))?)?")
_DAY_PROPERTIES = ("date_start", "date_end", "accessed")
_NESTED = (list, dict)  # the JSON types whose depth is checked


def check_graph_data(data: Any, origin: str = "graph", nodes_only: bool = False) -> dict:
    """Return ``data`` (migrated to the current schema version) if it is a valid graph
    dictionary; raise InputError naming the first problem otherwise. ``nodes_only`` leaves the
    edges' contents to :func:`check_edge_data` (a reader that builds the nodes first).

    Examples
    --------
    >>> ok = {"format": "briefgraph", "schema_version": 1, "nodes": [], "edges": []}
    >>> check_graph_data(ok)["nodes"]
    []
    >>> check_graph_data({**ok, "schema_version": 99})
    Traceback (most recent call last):
    ...
    briefgraph.errors.InputError: graph has schema version 99, newer than this briefgraph reads (1)
    """
    if not isinstance(data, dict):
        raise InputError(f"{origin} is not a briefgraph graph: not a JSON object", hint=HINT)
    fmt = data.get("format")
    if fmt != FORMAT:
        said = "has no 'format'" if fmt is None else f"has format {_short(fmt)}, not {FORMAT!r}"
        raise InputError(f"{origin} is not a briefgraph graph: it {said}", hint=HINT)
    data = _migrate(data, origin)
    if not isinstance(data.get("nodes"), list):
        raise InputError(f"{origin} is not a briefgraph graph: no 'nodes' list", hint=HINT)
    edges = data.get("edges")
    if not isinstance(edges, list):
        raise InputError(f"{origin}: 'edges' is missing or not a list", hint=HINT)
    documents = data.get("documents") or []
    if not isinstance(documents, list):
        raise InputError(f"{origin}: 'documents' is not a list")
    for i, doc in enumerate(documents):
        if not isinstance(doc, dict) or not isinstance(doc.get("id"), str) or not doc["id"]:
            raise InputError(f"{origin}: document #{i + 1} has no id")
        _check_depth(doc, f"{origin}: document {doc['id']!r}")
    seen: dict[str, int] = {}
    for i, node in enumerate(data["nodes"], 1):
        _check_node(node, i, origin, seen)
    if nodes_only:
        return data
    check_edge_data(data, origin)
    return data


def check_edge_data(data: dict, origin: str = "graph") -> None:
    """Check the edges of a graph dictionary whose other parts passed
    ``check_graph_data(data, nodes_only=True)``; raise InputError naming the first problem."""
    for i, edge in enumerate(data["edges"], 1):
        _check_edge(edge, i, origin)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _migrate(data: dict, origin: str) -> dict:
    current = load_schema().version
    version = data.get("schema_version")
    if version is None or isinstance(version, bool) or not isinstance(version, int):
        raise InputError(f"{origin}: 'schema_version' is {_short(version)}, not a whole number", hint=HINT)
    if version > current:
        raise InputError(f"{origin} has schema version {version}, newer than this briefgraph reads ({current})",
                         hint="upgrade briefgraph (pip install -U briefgraph)")
    while version < current:
        step = MIGRATIONS.get(version)
        if step is None:
            raise InputError(f"{origin} has schema version {version}, which this briefgraph cannot migrate "
                             f"to {current}", hint="ingest the briefs again with this briefgraph")
        data = step(data)
        version += 1
        data["schema_version"] = version
    return data


def _check_node(node: Any, i: int, origin: str, seen: dict[str, int]) -> None:
    if not isinstance(node, dict):
        raise InputError(f"{origin}: node #{i} is not an object", hint=HINT)
    nid = node.get("id")
    if nid is None or nid == "":
        raise InputError(f"{origin}: node #{i} has no id", hint=HINT)
    if not isinstance(nid, str):
        raise InputError(f"{origin}: node #{i} has id {_short(nid)}, not a string", hint=HINT)
    if nid in seen:
        raise InputError(f"{origin}: node id {nid!r} appears twice (nodes #{seen[nid]} and #{i})",
                         hint="each node must have its own id; merge the two by hand")
    seen[nid] = i
    where = f"{origin}: node {_short(nid)}"
    for key in ("kind", "name"):
        value = node.get(key)
        if not isinstance(value, str):
            said = "has no" if value is None else f"has a {type(value).__name__} as"
            raise InputError(f"{where} {said} {key!r}", hint=f"'{key}' must be a string")
    _check_strings(node.get("aliases"), f"{where}: 'aliases'")
    _check_strings(node.get("docs"), f"{where}: 'docs'")
    _check_evidence(node.get("evidence"), where)
    date = node.get("date")
    if date is not None and not _is_date(date):
        raise InputError(f"{where} has date {_short(date)}, which is not a date",
                         hint="use YYYY, YYYY-MM, YYYY-MM-DD or START/END")
    for key in _DAY_PROPERTIES:
        value = node.get(key)
        if value is not None and not _is_day(value):
            raise InputError(f"{where} has {key} {_short(value)}, which is not a YYYY-MM-DD date")
    start, end = node.get("date_start"), node.get("date_end")
    if isinstance(start, str) and isinstance(end, str) and start > end:
        raise InputError(f"{where} ends ({end}) before it starts ({start})")
    for key, value in node.items():
        if type(value) in _NESTED and key not in ("evidence", "aliases", "docs"):
            _check_depth(value, f"{where}: property {key!r}")


def _check_edge(edge: Any, i: int, origin: str) -> None:
    if not isinstance(edge, dict):
        raise InputError(f"{origin}: edge #{i} is not an object", hint=HINT)
    for key in ("source", "target", "type"):
        if not isinstance(edge.get(key), str) or not edge[key]:
            raise InputError(f"{origin}: edge #{i} has no {key!r} string", hint=HINT)
    where = f"{origin}: edge {edge['source']} -[{edge['type']}]-> {edge['target']}"
    _check_evidence(edge.get("evidence"), where)
    for key, value in edge.items():
        if type(value) in _NESTED and key != "evidence":
            _check_depth(value, f"{where}: property {key!r}")


def _check_strings(value: Any, where: str) -> None:
    if value is None:
        return
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise InputError(f"{where} must be a list of strings")


_EVIDENCE_TYPES = {"text": str, "doc": str, "start": int, "end": int}
_EVIDENCE_KEYS = frozenset(("text", "doc", "start", "end", "mention", "sources", "page", "paragraph"))
_INT_OR_NONE = (int, type(None))


def _check_evidence(evidence: Any, where: str) -> None:
    if evidence is None:
        return
    if not isinstance(evidence, list):
        raise InputError(f"{where}: 'evidence' must be a list of records")
    for record in evidence:
        # The common case in one expression (a corpus holds hundreds of thousands of records);
        # anything else goes through the field-by-field check that names the problem.
        if (type(record) is dict and record.keys() <= _EVIDENCE_KEYS
                and type(record.get("text", "")) is str and type(record.get("doc", "")) is str
                and type(record.get("start", 0)) is int and type(record.get("end", 0)) is int
                and type(record.get("mention")) in (str, type(None))
                and type(record.get("paragraph")) in _INT_OR_NONE and type(record.get("page")) in _INT_OR_NONE
                and type(sources := record.get("sources", [])) is list
                and (not sources or all(map(str.__instancecheck__, sources)))):
            continue
        if not isinstance(record, dict):
            raise InputError(f"{where}: an evidence record is not an object")
        for key, value in record.items():
            want = _EVIDENCE_TYPES.get(key)
            if want is not None:
                ok = isinstance(value, want) and not isinstance(value, bool)
            elif key == "sources":
                ok = isinstance(value, list) and all(isinstance(x, str) for x in value)
            else:  # mention and anything a later version adds: plain values only
                ok = value is None or isinstance(value, (str, int, float, bool))
            if not ok:
                raise InputError(f"{where}: evidence field {key!r} holds {_short(value)}",
                                 hint="text and doc are strings, start and end whole numbers, "
                                      "sources a list of ids")


def _check_depth(value: Any, where: str) -> None:
    if not isinstance(value, (list, dict)):
        return
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise InputError(f"{where} is nested more than {MAX_DEPTH} levels deep",
                             hint="briefgraph never writes such values; the file is damaged or hostile")
        children = item.values() if isinstance(item, dict) else item
        stack.extend((child, depth + 1) for child in children if isinstance(child, (list, dict)))


def _valid_day(y: str, m: str | None, d: str | None) -> bool:
    try:
        _dt.date(int(y), int(m or 1), int(d or 1))
    except ValueError:
        return False
    return True


def _is_day(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    m = _DAY.fullmatch(value)
    return bool(m) and _valid_day(*m.groups())


def _is_date(value: Any) -> bool:
    """A date as briefgraph writes it: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, a decade ``YYY``,
    or an interval ``A/B`` of those.

    Examples
    --------
    >>> [_is_date(x) for x in ("1995", "2015-03", "2024-07-11/2024-07-12", "199", "2015-13", "soon")]
    [True, True, True, True, False, False]
    """
    if not isinstance(value, str) or value.count("/") > 1:
        return False
    for part in value.split("/"):
        m = _PART.fullmatch(part)
        if not m:
            return False
        y, mo, d = m.groups()
        if len(y) == 3:
            if mo:
                return False  # a decade has no month
        elif not _valid_day(y, mo, d):
            return False
    return True
