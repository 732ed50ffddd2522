"""How a briefgraph graph looks to Cypher: the one property layout both backends see.

Neo4j properties hold only strings, numbers, booleans and homogeneous lists of them, while
briefgraph keeps evidence as a list of records (maps). Rather than add relationship types or
labels the schema does not define, every record becomes flat properties:

* node: label = ``kind`` (from the schema's whitelist), properties ``id``, ``kind``, ``name``,
  ``aliases``, ``docs`` and the kind's own properties, unchanged;
* ``evidence_json``: the evidence list as JSON text, exactly as in the graph: sentences,
  document, offsets and footnote sources (the round trip relies on it; search it in Cypher with
  ``r.evidence_json CONTAINS 'corridor'``). One string rather than parallel lists because Neo4j
  gives every list property its own dynamic record: a list of sentences per relationship more
  than halved the push rate in the benchmark;
* ``source_ids``: the ids of the ``:Source`` nodes the evidence cites (sorted, unique; absent
  when there are none), so ``MATCH (s:Source) WHERE s.id IN r.source_ids`` finds them.
  ``Source`` is a schema kind, so sources are ordinary nodes; evidence links to them by id
  because a relationship's evidence cannot be the start of another relationship;
* ``extra_json``: only when the graph holds a property value Neo4j cannot store (a map, a
  list of maps or of mixed types): those values, as one JSON object;
* relationship: type = edge ``type``, properties as for nodes minus ``id``/``kind``/``name``;
* documents (``graph.graph["documents"]``) are ``:BriefgraphDocument`` nodes (a label outside
  the schema's kinds, so research queries never see them): ``id``, ``title``, ``date`` and
  the whole header as ``header_json``.

The memory backend (:mod:`briefgraph.cypher.memory`) runs Cypher on a view with exactly these
properties, so a query gives the same rows on both backends.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

from briefgraph.errors import SchemaError

DOCUMENT_LABEL = "BriefgraphDocument"
DERIVED = ("evidence_json", "source_ids", "extra_json")
_NODE_CORE = ("id", "kind", "name", "aliases", "docs", "evidence")
_PRIMITIVES = (str, bool, int, float)


def _storable(value: Any) -> bool:
    """True if Neo4j can hold ``value`` as a property: a primitive or a list of one primitive type."""
    if isinstance(value, _PRIMITIVES):
        return not (isinstance(value, float) and value != value)  # NaN breaks equality on pull
    if isinstance(value, (list, tuple)):
        kinds = {bool if isinstance(x, bool) else type(x) for x in value}
        return len(kinds) <= 1 and kinds <= {str, bool, int, float}
    return False


def _ENCODE(evidence: list[dict]) -> str:  # hot path: push and the embedded engine's load
    """Compact JSON, byte for byte what ``json.dumps(ensure_ascii=False, separators=(",", ":"))``
    writes for evidence (strings, ints, lists), at orjson's speed."""
    return orjson.dumps(evidence).decode("utf-8")


def _evidence_fields(props: dict[str, Any], evidence: list[dict]) -> None:
    props["evidence_json"] = _ENCODE(evidence)
    sources = {s for ev in evidence for s in (ev.get("sources") or ())}
    if sources:
        props["source_ids"] = sorted(sources)


def _split(owner: str, data: dict[str, Any], skip: tuple[str, ...]) -> tuple[dict, dict]:
    plain, extra = {}, {}
    for key, value in data.items():
        if key in skip or value is None:
            continue
        if key in DERIVED:
            raise SchemaError(f"{owner} has a property named {key!r}, which briefgraph reserves "
                              f"for Neo4j ({', '.join(DERIVED)})")
        if type(value) is str:  # most values: no need to ask
            plain[key] = value
        elif _storable(value):
            plain[key] = list(value) if isinstance(value, tuple) else value
        else:
            extra[key] = value
    return plain, extra


def node_properties(node_id: str, data: dict[str, Any]) -> dict[str, Any]:
    """The Cypher properties of node ``node_id`` with graph attributes ``data``.

    Examples
    --------
    >>> p = node_properties("state:1", {"kind": "State", "name": "Pakistan", "aliases": ["Pakistan"],
    ...     "docs": ["doc:1"], "evidence": [{"text": "Pakistan ...", "doc": "doc:1", "start": 0,
    ...     "end": 12, "sources": ["source:9"]}]})
    >>> p["kind"], p["source_ids"], p["evidence_json"][:30]
    ('State', ['source:9'], '[{"text":"Pakistan ...","doc":')
    """
    props, extra = _split(f"node {node_id}", data, _NODE_CORE)
    props.update(id=node_id, kind=data["kind"], name=data.get("name", ""),
                 aliases=list(data.get("aliases") or []), docs=list(data.get("docs") or []))
    _evidence_fields(props, list(data.get("evidence") or []))
    if extra:
        props["extra_json"] = json.dumps(extra, ensure_ascii=False, sort_keys=True)
    return props


def edge_properties(source: str, target: str, data: dict[str, Any]) -> dict[str, Any]:
    """The Cypher properties of an edge (its type is the relationship type, not a property)."""
    props, extra = _split(f"edge {source} -[{data.get('type')}]-> {target}", data,
                          ("type", "evidence", "source", "target"))
    _evidence_fields(props, list(data.get("evidence") or []))
    if extra:
        props["extra_json"] = json.dumps(extra, ensure_ascii=False, sort_keys=True)
    return props


def _restore(props: dict[str, Any], skip: tuple[str, ...]) -> tuple[list[dict], dict[str, Any]]:
    try:
        evidence = json.loads(props.get("evidence_json") or "[]")
        extra = json.loads(props.get("extra_json") or "{}")
    except json.JSONDecodeError as exc:
        raise SchemaError(f"stored evidence_json/extra_json is not JSON ({exc.msg})") from None
    rest = {k: v for k, v in props.items() if k not in skip and k not in DERIVED}
    rest.update(extra)
    return evidence, rest


def node_from_properties(props: dict[str, Any]) -> tuple[str, str, str, list, list, list, dict]:
    """Inverse of :func:`node_properties`: ``(id, kind, name, aliases, evidence, docs, other)``."""
    evidence, rest = _restore(props, _NODE_CORE)
    return (str(props["id"]), props.get("kind"), props.get("name", ""), list(props.get("aliases") or []),
            evidence, list(props.get("docs") or []), rest)


def edge_from_properties(props: dict[str, Any]) -> tuple[list, dict]:
    """Inverse of :func:`edge_properties`: ``(evidence, other properties)``."""
    return _restore(props, ())


def document_properties(doc_id: str, header: dict[str, Any]) -> dict[str, Any]:
    """The ``:BriefgraphDocument`` properties of one entry of ``graph.graph["documents"]``."""
    props = {"id": doc_id, "header_json": json.dumps(header, ensure_ascii=False, sort_keys=True)}
    for key in ("title", "date"):  # plain copies, for browsing in Neo4j Browser
        if isinstance(header.get(key), str):
            props[key] = header[key]
    return props


def document_from_properties(props: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Inverse of :func:`document_properties`: ``(doc id, header)``."""
    return str(props["id"]), json.loads(props.get("header_json") or "{}")


def referenced_documents(graph) -> set[str]:
    """Ids of the documents that the nodes and edges of ``graph`` cite (``docs`` and evidence)."""
    out: set[str] = set()
    for _, d in graph.nodes(data=True):
        out.update(d.get("docs") or ())
        out.update(ev.get("doc") for ev in d.get("evidence") or ())
    for _, _, d in graph.edges(data=True):
        out.update(ev.get("doc") for ev in d.get("evidence") or ())
    out.discard(None)
    return out
