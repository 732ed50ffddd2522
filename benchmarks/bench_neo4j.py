"""Neo4j: ``briefgraph push`` (UNWIND batches) beside a naive loader that sends one MERGE per
relationship, both against the same server in one run; then every library query on both
backends with timings.

The naive loader is timed on a sample of relationships (``naive_sample``, after the nodes are
loaded in batches) and its rate is extrapolated to the whole graph: sending 300,000 single
statements would take most of an hour. Needs ``NEO4J_URI`` / ``NEO4J_USERNAME`` /
``NEO4J_PASSWORD`` (``eval "$(scripts/neo4j-local start)"``); the benchmark clears briefgraph's
labels in that database.

``python -m benchmarks.bench_neo4j [N_NODES N_RELS]`` prints a table.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

GOAL_RELS_PER_S = 30_000
GOAL_SPEEDUP = 20


def _rust_extension() -> bool:
    """True when neo4j-rust-ext (the driver's compiled PackStream codec) is installed."""
    try:
        import neo4j._rust  # noqa: F401
    except ImportError:
        return False
    return True


def naive_load(store, graph, edges) -> float:
    """Send one parameterised MERGE per relationship, each its own auto-commit transaction, the
    way a first loader is often written; return the seconds it took."""
    from briefgraph.cypher.properties import edge_properties
    from briefgraph.cypher.schema import quote_label

    started = time.perf_counter()
    with store._session() as session:
        for u, v, data in edges:
            sk, tk = graph.nodes[u]["kind"], graph.nodes[v]["kind"]
            session.run(f"MATCH (a:{quote_label(sk)} {{id: $s}}) MATCH (b:{quote_label(tk)} {{id: $t}}) "
                        f"MERGE (a)-[r:{quote_label(data['type'])}]->(b) SET r += $props",
                        s=u, t=v, props=edge_properties(u, v, data)).consume()
    return time.perf_counter() - started


def _query_params(graph) -> dict[str, str]:
    """Names that exist in the graph, for the library queries' parameters."""
    def busiest(kind: str) -> str:
        nodes = [n for n, d in graph.nodes(data=True) if d["kind"] == kind]
        return graph.nodes[max(nodes, key=graph.degree)]["name"] if nodes else "none"

    states = sorted((n for n, d in graph.nodes(data=True) if d["kind"] == "State"), key=graph.degree, reverse=True)
    a = graph.nodes[states[0]]["name"] if states else "none"
    b = graph.nodes[states[1]]["name"] if len(states) > 1 else "none"
    cited = [(u, v) for u, v, d in graph.edges(data=True) if any(ev.get("sources") for ev in d["evidence"])]
    u, v = (cited or list(graph.edges()) or [(states[0], states[0])])[0]
    return {"actor": a, "state_a": a, "state_b": b, "state": a, "date_from": "1990", "date_to": "2024",
            "a": graph.nodes[u]["name"], "b": graph.nodes[v]["name"], "actor_a": busiest("Person"), "actor_b": a}


def time_queries(store, graph, label: str) -> list[dict[str, Any]]:
    """Each library query on both backends, on ``graph`` (already pushed to ``store``)."""
    from briefgraph.cypher.embedded import for_graph
    from briefgraph.cypher.library import list_queries
    from briefgraph.cypher.memory import run_query

    values = _query_params(graph)
    started = time.perf_counter()
    for_graph(graph)  # the embedded database, built once per graph and kept: reported on its own
    out = [{"graph": label, "query": "(memory load)", "memory_ms": round(1000 * (time.perf_counter() - started), 1)}]
    for q in list_queries():
        params = q.convert({p.name: values[p.name] for p in q.params})
        t = time.perf_counter()
        rows = store.run(q.text, params)
        row: dict[str, Any] = {"graph": label, "query": q.name, "neo4j_ms": round(1000 * (time.perf_counter() - t), 1),
                               "rows": len(rows)}
        t = time.perf_counter()
        memory_rows = run_query(graph, q.text, params)
        row["memory_ms"] = round(1000 * (time.perf_counter() - t), 1)
        key = repr
        row["same_rows"] = (memory_rows == rows if "ORDER BY" in q.text
                            else sorted(map(key, memory_rows)) == sorted(map(key, rows)))
        out.append(row)
    return out


def run(n_nodes: int = 100_000, n_rels: int = 300_000, naive_sample: int = 5_000, batch_size: int = 10_000,
        workers: int = 2, query_nodes: int = 5_000) -> dict[str, Any]:
    """Push a synthetic graph of ``n_nodes`` / ``n_rels``, time the naive loader on
    ``naive_sample`` relationships, and time the query library on the bundled brief and on a
    synthetic graph of ``query_nodes`` nodes (benchmarks/bench_query.py measures the query
    library on corpus graphs of 100 and 1,000 briefs)."""
    from benchmarks.synthetic_graph import synthetic_graph
    from briefgraph.graph.model import new_graph
    from briefgraph.graph.neo4j_store import Neo4jStore
    from briefgraph.pipeline import bundled_brief, ingest

    graph = synthetic_graph(n_nodes, n_rels)
    result: dict[str, Any] = {"nodes": graph.number_of_nodes(), "relationships": graph.number_of_edges(),
                              "batch_size": batch_size, "workers": workers, "rust_extension": _rust_extension(),
                              "cpus": os.cpu_count(), "load_average_at_start": round(os.getloadavg()[0], 2)}
    with Neo4jStore.from_env(batch_size=batch_size, workers=workers) as store:
        store.clear()
        store.write(graph)
        phases = dict(store.last_push)
        counts = store.counts()
        assert counts["edges"] == graph.number_of_edges(), counts
        store.write(graph)  # a second push: MERGE finds everything
        again = store.last_push["total_seconds"]
        assert store.counts() == counts, "a second push changed the counts"

        # The naive loader, on the same server: the same nodes (batched, not timed), then one
        # statement per relationship for a sample.
        store.clear()
        nodes_only = new_graph()
        nodes_only.add_nodes_from(graph.nodes(data=True))
        store.write(nodes_only)
        sample = list(graph.edges(data=True))[:naive_sample]
        naive_seconds = naive_load(store, graph, sample)
        store.clear()

        rel_rate = graph.number_of_edges() / phases["relationship_seconds"]
        total_rate = graph.number_of_edges() / phases["total_seconds"]
        naive_rate = len(sample) / naive_seconds
        result.update({
            "push_total_s": round(phases["total_seconds"], 2),
            "push_setup_s": round(phases["setup_seconds"], 2),
            "push_nodes_s": round(phases["node_seconds"], 2),
            "push_relationships_s": round(phases["relationship_seconds"], 2),
            "push_again_s": round(again, 2),
            "rels_per_s_relationship_phase": round(rel_rate),
            "rels_per_s_whole_push": round(total_rate),
            "naive_sample": len(sample),
            "naive_sample_s": round(naive_seconds, 2),
            "naive_rels_per_s": round(naive_rate),
            "naive_extrapolated_s": round(graph.number_of_edges() / naive_rate),
            "speedup_relationship_phase": round(rel_rate / naive_rate, 1),
            "speedup_whole_push": round(total_rate / naive_rate, 1),
            "goal_30k_rels_per_s_met": rel_rate >= GOAL_RELS_PER_S,
            "goal_20x_naive_met": total_rate / naive_rate >= GOAL_SPEEDUP,
        })

        queries = []
        for label, g in (("bundled brief", ingest([bundled_brief()])),
                         (f"synthetic {query_nodes}", synthetic_graph(query_nodes, 3 * query_nodes))):
            store.write(g)
            queries += time_queries(store, g, label)
            store.clear()
        result["queries"] = queries
    return result


def _print(result: dict[str, Any]) -> None:
    for key, value in result.items():
        if not isinstance(value, list):
            print(f"{key:<32}{value}")
    rows = result.get("queries", [])
    if rows:
        print(f"\n{'graph':<18}{'query':<24}{'neo4j ms':>10}{'memory ms':>12}{'rows':>7}  same")
        for r in rows:
            print(f"{r['graph']:<18}{r['query']:<24}{str(r.get('neo4j_ms', '')):>10}{str(r.get('memory_ms', '')):>12}"
                  f"{str(r.get('rows', '')):>7}  {r.get('same_rows', '')}")


if __name__ == "__main__":
    sizes = [int(x) for x in sys.argv[1:3]]
    _print(run(*sizes))
