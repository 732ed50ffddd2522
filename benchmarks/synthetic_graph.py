"""A deterministic synthetic graph of any size that follows the schema, for store and
export benchmarks (no brief text involved)."""

from __future__ import annotations

import random

import networkx as nx

from briefgraph.graph.ids import make_id
from briefgraph.graph.model import add_edge, add_node, new_graph

_ACTOR_KINDS = ("State", "Person", "Organisation")
_PLAN = (  # (edge type, source kind, target kind), drawn in turn
    ("PARTICIPATED_IN", "State", "Event"), ("PARTICIPATED_IN", "Person", "Event"),
    ("PARTY_TO", "State", "Agreement"), ("HEAD_OF", "Person", "State"),
    ("MEMBER_OF", "State", "Organisation"), ("OCCURRED_IN", "Event", "Place"),
    ("PARTICIPATED_IN", "Organisation", "Event"), ("SIGNED_AT", "Agreement", "Event"),
    ("LOCATED_IN", "Place", "State"), ("IN_CONFLICT_WITH", "State", "State"),
)
_SHARE = {"State": 0.02, "Person": 0.18, "Organisation": 0.1, "Place": 0.1, "Event": 0.35,
          "Agreement": 0.15, "Source": 0.10}


def synthetic_graph(n_nodes: int, n_edges: int, seed: int = 7) -> nx.MultiDiGraph:
    """A graph of about ``n_nodes`` nodes and exactly ``n_edges`` edges (when the node count
    allows), with names, dates and one evidence record per node and edge."""
    rng = random.Random(seed)
    g = new_graph()
    g.graph["documents"]["doc:synthetic"] = {"title": f"Synthetic graph {n_nodes}/{n_edges}", "date": "2024-01-01"}
    by_kind: dict[str, list[str]] = {}
    for kind, share in _SHARE.items():
        for i in range(max(2, int(n_nodes * share))):
            nid = make_id(kind, "synthetic", i)
            props = {}
            if kind in ("Event", "Agreement"):
                y, m, d = rng.randint(1950, 2024), rng.randint(1, 12), rng.randint(1, 28)
                props = {"date": f"{y}-{m:02d}-{d:02d}", "date_start": f"{y}-{m:02d}-{d:02d}",
                         "date_end": f"{y}-{m:02d}-{d:02d}", "date_precision": "day"}
                props["event_type" if kind == "Event" else "agreement_type"] = "Meeting" if kind == "Event" else "MOU"
            if kind == "Source":
                props = {"title": f"Source {i}", "url": f"https://example.org/source/{i}"}
            ev = {"text": f"{kind} {i} is mentioned here.", "doc": "doc:synthetic", "start": i, "end": i + 10,
                  "sources": []}
            add_node(g, nid, kind, f"{kind} {i}", [f"{kind} {i}"], [ev], ["doc:synthetic"], **props)
            by_kind.setdefault(kind, []).append(nid)
    made, step, attempts = 0, 0, 0
    while made < n_edges and attempts < n_edges * 20:
        etype, sk, tk = _PLAN[step % len(_PLAN)]
        step += 1
        attempts += 1
        u, v = rng.choice(by_kind[sk]), rng.choice(by_kind[tk])
        if u == v or g.has_edge(u, v, key=etype) or g.has_edge(v, u, key=etype):
            continue
        add_edge(g, u, v, etype, [{"text": f"{etype} evidence {made}.", "doc": "doc:synthetic",
                                   "start": made, "end": made + 5, "sources": []}])
        made += 1
    return g
