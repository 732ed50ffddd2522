"""The one schema of the graph, loaded from ``schema.json`` and validated once.

Every loader, store and export asks this module which node kinds, edge types and
properties exist; nothing else in the code base spells them out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from briefgraph.errors import SchemaError

_LABEL_OK = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_TYPE_OK = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ_")


@dataclass(frozen=True)
class NodeKind:
    name: str
    color: str
    shape: str
    properties: tuple[str, ...]


@dataclass(frozen=True)
class EdgeType:
    name: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    properties: tuple[str, ...]
    symmetric: bool
    description: str


@dataclass(frozen=True)
class Schema:
    version: int
    node_kinds: dict[str, NodeKind]
    edge_types: dict[str, EdgeType]
    event_types: tuple[str, ...]
    agreement_types: tuple[str, ...]
    date_properties: tuple[str, ...]

    def check_kind(self, kind: Any) -> str:
        """Return ``kind`` if the schema allows it as a node label, else raise SchemaError."""
        if not isinstance(kind, str) or kind not in self.node_kinds:
            raise SchemaError(
                f"unknown node kind {kind!r}; allowed: {', '.join(self.node_kinds)}"
            )
        return kind

    def check_edge_type(self, etype: Any) -> str:
        """Return ``etype`` if the schema allows it as a relationship type, else raise SchemaError."""
        if not isinstance(etype, str) or etype not in self.edge_types:
            raise SchemaError(
                f"unknown edge type {etype!r}; allowed: {', '.join(self.edge_types)}"
            )
        return etype

    def check_edge(self, etype: str, source_kind: str, target_kind: str) -> None:
        """Raise SchemaError unless ``source_kind -[etype]-> target_kind`` is allowed."""
        spec = self.edge_types[self.check_edge_type(etype)]
        if source_kind not in spec.sources or target_kind not in spec.targets:
            raise SchemaError(f"{etype} may not link {source_kind} to {target_kind}")


def _validate(raw: dict) -> Schema:
    try:
        kinds = {}
        for name, spec in raw["node_kinds"].items():
            if not set(name) <= _LABEL_OK:
                raise SchemaError(f"schema: node kind {name!r} is not a plain PascalCase label")
            kinds[name] = NodeKind(name, spec["color"], spec["shape"], tuple(spec["properties"]))
        edges = {}
        for name, spec in raw["edge_types"].items():
            if not set(name) <= _TYPE_OK:
                raise SchemaError(f"schema: edge type {name!r} is not UPPER_SNAKE")
            for k in (*spec["from"], *spec["to"]):
                if k not in kinds:
                    raise SchemaError(f"schema: edge type {name} names unknown kind {k!r}")
            edges[name] = EdgeType(
                name, tuple(spec["from"]), tuple(spec["to"]), tuple(spec["properties"]),
                bool(spec.get("symmetric", False)), spec.get("description", ""),
            )
        return Schema(
            version=int(raw["version"]),
            node_kinds=kinds,
            edge_types=edges,
            event_types=tuple(raw["event_types"]),
            agreement_types=tuple(raw["agreement_types"]),
            date_properties=tuple(raw["date_properties"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise SchemaError(f"schema.json is malformed: {exc!r}") from exc


@lru_cache(maxsize=1)
def load_schema() -> Schema:
    """Return the schema, read from the package data and validated (cached).

    Examples
    --------
    >>> s = load_schema()
    >>> "Person" in s.node_kinds and "HEAD_OF" in s.edge_types
    True
    """
    text = resources.files("briefgraph.graph").joinpath("schema.json").read_text("utf-8")
    return _validate(json.loads(text))


def check_graph(graph) -> None:
    """Raise SchemaError if any node or edge of ``graph`` breaks the schema."""
    schema = load_schema()
    for node_id, data in graph.nodes(data=True):
        kind = data.get("kind")
        if kind is None:
            raise SchemaError(f"node {node_id!r} has no kind")
        schema.check_kind(kind)
    for u, v, data in graph.edges(data=True):
        schema.check_edge(data.get("type"), graph.nodes[u]["kind"], graph.nodes[v]["kind"])


def entity_kinds() -> tuple[str, ...]:
    """The actor-like kinds (everything but Event, Agreement and Source)."""
    return ("State", "Person", "Organisation", "Place")


def dated_kinds() -> tuple[str, ...]:
    return ("Event", "Agreement")

