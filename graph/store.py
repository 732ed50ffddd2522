"""The protocol every store follows, and the in-memory store on networkx.

Stores hold one graph and answer Cypher. ``MemoryStore`` is the embedded default;
``Neo4jStore`` (``neo4j_store.py``) has the same methods.
"""

from __future__ import annotations

from typing import Any, Protocol

import networkx as nx

from briefgraph.graph.model import merge_graphs, new_graph


class Store(Protocol):
    def write(self, graph: nx.MultiDiGraph) -> dict[str, int]:
        """Merge ``graph`` into the store; return counts of what was written."""

    def read(self, cypher: str | None = None, params: dict[str, Any] | None = None) -> nx.MultiDiGraph:
        """The whole stored graph, or the subgraph of the nodes and edges a query returns."""

    def counts(self) -> dict[str, int]:
        """Number of nodes per kind and edges per type."""

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Rows of a Cypher query."""

    def clear(self) -> None:
        """Remove everything."""


def graph_counts(graph: nx.MultiDiGraph) -> dict[str, int]:
    """``{"nodes": n, "edges": m, "node:<Kind>": .., "edge:<TYPE>": ..}`` for a graph."""
    out: dict[str, int] = {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}
    for _, kind in graph.nodes(data="kind"):
        out[f"node:{kind}"] = out.get(f"node:{kind}", 0) + 1
    for _, _, etype in graph.edges(data="type"):
        out[f"edge:{etype}"] = out.get(f"edge:{etype}", 0) + 1
    return out


class MemoryStore:
    """The embedded store: a networkx ``MultiDiGraph`` in this process.

    Examples
    --------
    >>> from briefgraph.graph.model import new_graph, add_node
    >>> g = new_graph(); add_node(g, "state:1", "State", "Pakistan")
    >>> s = MemoryStore(); s.write(g)["nodes"]
    1
    """

    def __init__(self, graph: nx.MultiDiGraph | None = None):
        self.graph = graph if graph is not None else new_graph()

    def write(self, graph: nx.MultiDiGraph) -> dict[str, int]:
        self.graph = merge_graphs([self.graph, graph])
        return graph_counts(graph)

    def read(self, cypher: str | None = None, params: dict[str, Any] | None = None) -> nx.MultiDiGraph:
        if cypher is None:
            return self.graph.copy()
        from briefgraph.cypher.memory import subgraph_of_query

        return subgraph_of_query(self.graph, cypher, params or {})

    def counts(self) -> dict[str, int]:
        return graph_counts(self.graph)

    def run(self, cypher: str, params: dict[str, Any] | None = None, allow_write: bool = False) -> list[dict[str, Any]]:
        """Rows of ``cypher`` (read-only: ``allow_write`` is refused, the graph never changes)."""
        from briefgraph.cypher.memory import run_query

        if allow_write:
            from briefgraph.errors import QueryError

            raise QueryError("the memory backend is read-only", hint="write with --backend neo4j")

        return run_query(self.graph, cypher, params or {})

    def clear(self) -> None:
        self.graph = new_graph()
