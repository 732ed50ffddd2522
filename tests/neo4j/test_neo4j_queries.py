"""Every library query on both backends: the memory engine and Neo4j give the same rows."""

from __future__ import annotations

import pytest
from sample_graph import PARAMS, sample_graph

from briefgraph.cypher.library import list_queries
from briefgraph.cypher.memory import run_query

pytestmark = pytest.mark.neo4j

QUERIES = list_queries()


def _params(query, values):
    return query.convert({p.name: values[p.name] for p in query.params})


def _brief_params(graph):
    """Parameters that make every query return rows on the bundled brief's graph."""
    def name_of(kind):
        degree = {n: graph.degree(n) for n, d in graph.nodes(data=True) if d["kind"] == kind}
        return graph.nodes[max(degree, key=degree.get)]["name"]

    edge = next((u, v) for u, v, d in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1]))
                if any(ev.get("sources") for ev in d["evidence"]))
    return {"actor": name_of("State"), "state_a": "Pakistan", "state_b": "Azerbaijan", "state": "Azerbaijan",
            "date_from": "1990", "date_to": "2024", "a": graph.nodes[edge[0]]["name"],
            "b": graph.nodes[edge[1]]["name"], "actor_a": "Pakistan", "actor_b": "Azerbaijan"}


def _check_same(query, memory_rows, neo4j_rows):
    if "ORDER BY" in query.text:
        assert memory_rows == neo4j_rows
    else:
        key = lambda row: repr(sorted(row.items()))  # noqa: E731
        assert sorted(memory_rows, key=key) == sorted(neo4j_rows, key=key)


@pytest.mark.parametrize("query", [q for q in QUERIES if not q.neo4j_only], ids=lambda q: q.name)
def test_both_backends_agree_on_the_sample_graph(store, query):
    g = sample_graph()
    store.write(g)
    params = _params(query, PARAMS)
    neo4j_rows = store.run(query.text, params)
    assert neo4j_rows, f"{query.name} returns nothing on the sample graph: the test would prove little"
    _check_same(query, run_query(g, query.text, params), neo4j_rows)


def test_both_backends_agree_on_the_bundled_brief(store, brief_graph):
    store.write(brief_graph)
    values = _brief_params(brief_graph)
    for query in QUERIES:
        params = _params(query, values)
        neo4j_rows = store.run(query.text, params)
        if query.neo4j_only:
            continue
        _check_same(query, run_query(brief_graph, query.text, params), neo4j_rows)


@pytest.mark.parametrize("query", [q for q in QUERIES if q.neo4j_only], ids=lambda q: q.name)
def test_neo4j_only_queries_run_on_neo4j(store, query):
    store.write(sample_graph())
    rows = store.run(query.text, _params(query, PARAMS))
    assert rows


def test_shortest_path_goes_through_the_graph(store):
    store.write(sample_graph())
    query = next(q for q in QUERIES if q.name == "shortest_path")
    rows = store.run(query.text, _params(query, PARAMS))
    assert rows[0]["path"][0] == "Ilham Aliyev" and rows[0]["path"][-1] == "Armenia"
    assert rows[0]["hops"] == 2  # Aliyev -HEAD_OF-> Azerbaijan -IN_CONFLICT_WITH- Armenia


def test_odd_names_match_on_both_backends(store):
    g = sample_graph()
    store.write(g)
    odd = g.nodes["person:q"]["name"]
    cypher = "MATCH (p:Person) WHERE p.name = $name RETURN p.id AS id, p.name AS name"
    assert store.run(cypher, {"name": odd}) == run_query(g, cypher, {"name": odd}) == [{"id": "person:q", "name": odd}]


def test_nodes_relationships_and_paths_come_back_alike(store):
    g = sample_graph()
    store.write(g)
    for cypher in ("MATCH (s:State)-[r:MEMBER_OF]->(o:Organisation) RETURN s, r, o ORDER BY s.name, o.name",
                   "MATCH p=(s:State)-[:MEMBER_OF]->(o:Organisation) RETURN p ORDER BY s.name, o.name"):
        assert run_query(g, cypher) == store.run(cypher)
