"""Conformance: the same Cypher on the memory backend (embedded engine) and on the real Neo4j
gives the same rows, for the named library and the forms researchers write.

Rows are compared in order where the query's ORDER BY makes the order total, as multisets
otherwise. Nothing here hard-codes rows of the bundled brief: parameters and structural facts
come from the graph itself, so the suite holds while extraction changes.
"""

from __future__ import annotations

import pytest
from sample_graph import PARAMS, sample_graph

from briefgraph.cypher.library import list_queries
from briefgraph.cypher.memory import run_query
from briefgraph.graph.store import graph_counts

pytestmark = pytest.mark.neo4j

QUERIES = list_queries()

# (name, cypher, ordered): ordered means ORDER BY makes the row order total
RESEARCHER = [
    ("with_where", "MATCH (a)-[:PARTICIPATED_IN]->(e:Event) WITH a, count(e) AS n WHERE n >= 2 "
                   "RETURN a.id AS id, a.name AS actor, n ORDER BY n DESC, id", True),
    ("optional_match", "MATCH (s:State) OPTIONAL MATCH (s)-[:MEMBER_OF]->(o:Organisation) "
                       "RETURN s.id AS state, o.id AS org ORDER BY state, org", True),
    ("unwind_param", "UNWIND $names AS name MATCH (s:State {name: name}) RETURN name, s.id AS id ORDER BY id", True),
    ("unwind_property", "MATCH (n:Organisation) UNWIND n.aliases AS alias RETURN n.id AS id, alias "
                        "ORDER BY id, alias", True),
    ("collect_with_where", "MATCH (e:Event)<-[:PARTICIPATED_IN]-(a) WITH e, collect(a.name) AS names, count(a) AS n "
                           "WHERE n > 1 RETURN e.id AS id, n, size(names) AS k ORDER BY id", True),
    ("undirected_var_length", "MATCH (a:State {name: $state})-[*1..2]-(b:State) WHERE a <> b "
                              "RETURN DISTINCT b.id AS id ORDER BY id", True),
    ("var_length_paths_counted", "MATCH (a:State)-[*1..2]-(b) RETURN count(*) AS walks", True),
    ("directed_var_length", "MATCH (p)-[:LOCATED_IN|PART_OF*1..3]->(s:State) RETURN p.id AS place, s.id AS state "
                            "ORDER BY place, state", True),
    ("shortest_length", "MATCH (a:State {name: $state}), (b:Organisation) "
                        "MATCH p = shortestPath((a)-[*..6]-(b)) RETURN b.id AS org, length(p) AS hops "
                        "ORDER BY org", True),
    ("alias_membership", "MATCH (n) WHERE $alias IN n.aliases RETURN n.id AS id ORDER BY id", True),
    ("skip_limit", "MATCH (e:Event) RETURN e.id AS id ORDER BY id SKIP $skip LIMIT $limit", True),
    ("distinct", "MATCH (a)-[:PARTICIPATED_IN]->(:Event) RETURN DISTINCT a.kind AS kind ORDER BY kind", True),
    ("case", "MATCH (e:Event) RETURN e.id AS id, CASE WHEN e.date_start IS NULL THEN 'undated' "
             "WHEN e.date_start < '2000-01-01' THEN 'before 2000' ELSE 'since 2000' END AS era ORDER BY id", True),
    ("string_functions", "MATCH (n:State) RETURN n.id AS id, toLower(n.name) AS low, toUpper(n.name) AS up, "
                         "size(n.name) AS len, substring(n.name, 0, 3) AS first3, n.name STARTS WITH 'A' AS a, "
                         "n.name CONTAINS 'an' AS an, replace(n.name, 'a', '4') AS r, trim(n.name) AS t, '<' + n.name + '>' AS quoted, "
                         "left(n.name, 2) AS l, right(n.name, 2) AS rr ORDER BY id", True),
    ("date_range", "MATCH (e:Event) WHERE e.date_start >= $date_from AND e.date_start < $date_to "
                   "RETURN e.id AS id, e.date_start AS start ORDER BY start, id", True),
    ("count_by_type", "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type", True),
    ("labels", "MATCH (n) WHERE n.name = $state RETURN labels(n) AS labels, n.id AS id ORDER BY id", True),
    ("nodes_and_relationships", "MATCH (s:State)-[r:MEMBER_OF]->(o:Organisation) RETURN s, r, o ORDER BY s.id, o.id",
     True),
    ("paths", "MATCH p=(s:State)-[:MEMBER_OF]->(o:Organisation) RETURN p ORDER BY s.id, o.id", True),
    ("count_everything", "MATCH (n) RETURN count(n) AS n", True),
    ("documents", "MATCH (d:BriefgraphDocument) RETURN d.id AS id, d.title AS title ORDER BY id", True),
    ("exists_subquery", "MATCH (s:State) WHERE EXISTS { MATCH (s)-[:PARTY_TO]->(:Agreement) } "
                        "RETURN s.id AS id ORDER BY id", True),
    ("count_subquery", "MATCH (s:State) RETURN s.id AS id, COUNT { MATCH (s)-[:PARTICIPATED_IN]->() } AS events "
                       "ORDER BY id", True),
    ("list_comprehension", "MATCH (o:Organisation) RETURN o.id AS id, "
                           "[x IN o.aliases WHERE size(x) <= 4 | toLower(x)] AS short ORDER BY id", True),
    ("evidence_search", "MATCH (a)-[r]->(b) WHERE r.evidence_json CONTAINS $word "
                        "RETURN a.id AS a, type(r) AS t, b.id AS b ORDER BY a, t, b", True),
    ("union", "MATCH (s:State) RETURN s.name AS name UNION MATCH (o:Organisation) RETURN o.name AS name", False),
    ("min_max", "MATCH (e:Event) WHERE e.date_start IS NOT NULL RETURN min(e.date_start) AS first, "
                "max(e.date_end) AS last, count(e) AS n", True),
    ("pairs_without_order_filter", "MATCH (a:State)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:State) "
                                   "RETURN a.id AS a, b.id AS b, count(e) AS n ORDER BY a, b", True),
    ("coalesce", "MATCH (e:Event) RETURN e.id AS id, coalesce(e.date, 'undated') AS date ORDER BY id", True),
    ("unordered_return", "MATCH (p:Person)-[r]-(x) RETURN p.name AS person, type(r) AS rel, x.name AS other", False),
]


def _named_params(query, values):
    return query.convert({p.name: values[p.name] for p in query.params})


def _graph_params(graph):
    """Parameters taken from ``graph`` itself, so that queries return rows whatever it holds."""
    def busiest(kind):
        nodes = [n for n, d in graph.nodes(data=True) if d["kind"] == kind]
        return graph.nodes[max(nodes, key=lambda n: (graph.degree(n), n))]["name"]

    edge = next((u, v) for u, v, d in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1]))
                if any(ev.get("sources") for ev in d["evidence"]))
    org = sorted((n for n, d in graph.nodes(data=True) if d["kind"] == "Organisation" and d.get("aliases")),
                 key=lambda n: -graph.degree(n))[0]
    states = sorted({d["name"] for _, d in graph.nodes(data=True) if d["kind"] == "State"})
    return {"actor": busiest("State"), "state_a": busiest("State"), "state_b": states[0], "state": busiest("State"),
            "date_from": "2000-01-01", "date_to": "2025-01-01", "a": graph.nodes[edge[0]]["name"],
            "b": graph.nodes[edge[1]]["name"], "actor_a": busiest("Person"), "actor_b": busiest("State"),
            "names": states[:3], "alias": graph.nodes[org]["aliases"][-1], "skip": 1, "limit": 3, "word": "the"}


def _same(memory_rows, neo4j_rows, ordered):
    if ordered:
        return memory_rows == neo4j_rows
    key = repr
    return sorted(map(key, memory_rows)) == sorted(map(key, neo4j_rows))


def _shortest_same(store, graph_rows, neo4j_rows, params):
    """Shortest paths may tie: same hops and ends always, same rows where the shortest is unique."""
    if [r["hops"] for r in graph_rows] != [r["hops"] for r in neo4j_rows]:
        return False
    ends = lambda rows: [(r["path"][0], r["path"][-1]) for r in rows]  # noqa: E731
    if ends(graph_rows) != ends(neo4j_rows):
        return False
    ties = store.run("MATCH (a {name: $actor_a}), (b {name: $actor_b}) WHERE a <> b "
                     "MATCH p = allShortestPaths((a)-[*..8]-(b)) RETURN count(p) AS n", params)
    return graph_rows == neo4j_rows or any(r["n"] > 1 for r in ties)


def _conform(store, graph, values):
    store.write(graph)
    failures, returned = [], {}
    for query in QUERIES:
        params = _named_params(query, values)
        neo4j_rows = store.run(query.text, params)
        memory_rows = run_query(graph, query.text, params)
        returned[query.name] = len(neo4j_rows)
        same = (_shortest_same(store, memory_rows, neo4j_rows, params) if query.name == "shortest_path"
                else _same(memory_rows, neo4j_rows, True))
        if not same:
            failures.append((query.name, memory_rows[:3], neo4j_rows[:3]))
    for name, cypher, ordered in RESEARCHER:
        neo4j_rows = store.run(cypher, values)
        memory_rows = run_query(graph, cypher, values)
        returned[name] = len(neo4j_rows)
        if not _same(memory_rows, neo4j_rows, ordered):
            failures.append((name, memory_rows[:3], neo4j_rows[:3]))
    return failures, returned


def test_the_suite_has_at_least_25_queries():
    assert len(QUERIES) + len(RESEARCHER) >= 25
    assert len({name for name, _, _ in RESEARCHER}) == len(RESEARCHER)


def test_both_backends_agree_on_the_sample_graph(store):
    failures, returned = _conform(store, sample_graph(), {**_graph_params(sample_graph()), **PARAMS})
    assert not failures, failures
    assert all(returned[q.name] for q in QUERIES), returned  # every named query has rows to compare


def test_both_backends_agree_on_the_bundled_brief(store, brief_graph):
    failures, returned = _conform(store, brief_graph, _graph_params(brief_graph))
    assert not failures, failures
    empty = [name for name, n in returned.items() if not n]
    assert len(empty) <= 5, f"too many queries return nothing on the bundled brief: {empty}"


def test_structural_facts_hold_on_both_backends(store, brief_graph):
    store.write(brief_graph)
    counts = graph_counts(brief_graph)
    everything = "MATCH (n) RETURN count(n) AS n"
    documents = len(brief_graph.graph["documents"])
    assert store.run(everything) == run_query(brief_graph, everything) == [{"n": counts["nodes"] + documents}]
    by_type = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type"
    expected = [{"type": k[5:], "n": v} for k, v in sorted(counts.items()) if k.startswith("edge:")]
    assert store.run(by_type) == run_query(brief_graph, by_type) == expected
    pairs = ("MATCH (a)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b) RETURN count(*) AS n")
    degree = [sum(1 for _, _, t in brief_graph.in_edges(e, data="type") if t == "PARTICIPATED_IN")
              for e, d in brief_graph.nodes(data=True) if d["kind"] == "Event"]
    assert store.run(pairs) == run_query(brief_graph, pairs) == [{"n": sum(k * (k - 1) for k in degree)}]


def test_shortest_path_goes_through_the_graph(store):
    store.write(sample_graph())
    query = next(q for q in QUERIES if q.name == "shortest_path")
    params = _named_params(query, PARAMS)
    rows = store.run(query.text, params)
    assert rows == run_query(sample_graph(), query.text, params)
    assert rows[0]["path"] == ["Ilham Aliyev", "Azerbaijan", "Armenia"]
    assert rows[0]["hops"] == 2  # Aliyev -HEAD_OF-> Azerbaijan -IN_CONFLICT_WITH- Armenia


def test_odd_names_match_on_both_backends(store):
    g = sample_graph()
    store.write(g)
    odd = g.nodes["person:q"]["name"]
    cypher = "MATCH (p:Person) WHERE p.name = $name RETURN p.id AS id, p.name AS name"
    assert store.run(cypher, {"name": odd}) == run_query(g, cypher, {"name": odd}) == [{"id": "person:q", "name": odd}]
