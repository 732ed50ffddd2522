"""Counts and the most connected actors of a graph (``briefgraph show``)."""

from __future__ import annotations

from collections import Counter

import networkx as nx

from briefgraph.graph.schema import entity_kinds


def summary(graph: nx.MultiDiGraph, top: int = 10) -> dict:
    kinds = Counter(k for _, k in graph.nodes(data="kind"))
    types = Counter(t for _, _, t in graph.edges(data="type"))
    actors = [(d["name"], d["kind"], graph.degree(n)) for n, d in graph.nodes(data=True)
              if d["kind"] in entity_kinds()]
    actors.sort(key=lambda a: (-a[2], a[0]))
    docs = [{"id": k, **v} for k, v in sorted(graph.graph.get("documents", {}).items())]
    return {"documents": docs, "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
            "node_kinds": dict(sorted(kinds.items())), "edge_types": dict(sorted(types.items())),
            "top_actors": actors[:top]}
