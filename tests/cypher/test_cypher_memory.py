"""The memory Cypher engine: parameters, ordering like Neo4j, what it refuses, subgraphs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sample_graph import sample_graph

from briefgraph.cypher.memory import plan, run_query, sort_key, subgraph_of_query
from briefgraph.errors import QueryError
from briefgraph.graph.model import add_node, new_graph
from briefgraph.graph.store import MemoryStore

G = sample_graph()


def test_rows_come_in_return_order_with_neo4j_column_names():
    rows = run_query(G, "MATCH (s:State) WHERE s.name = $n RETURN s.iso_code, s.name AS name, s.id", {"n": "Pakistan"})
    assert rows == [{"s.iso_code": "PK", "name": "Pakistan", "s.id": "state:pk"}]
    assert list(rows[0]) == ["s.iso_code", "name", "s.id"]


def test_order_by_puts_nulls_last_ascending_and_first_descending():
    cypher = "MATCH (e:Event) RETURN e.name AS name ORDER BY e.date_start {}, name"
    up = [r["name"] for r in run_query(G, cypher.format("ASC"))]
    down = [r["name"] for r in run_query(G, cypher.format("DESC"))]
    assert up == ["Second Karabakh War", "ECO summit", "Visit of Ilham Aliyev to Pakistan", "Trade talks"]
    assert down == ["Trade talks", "Visit of Ilham Aliyev to Pakistan", "ECO summit", "Second Karabakh War"]


def test_skip_and_limit_apply_after_ordering():
    rows = run_query(G, "MATCH (s:State) RETURN s.name AS n ORDER BY n DESC SKIP 1 LIMIT 1")
    assert rows == [{"n": "Azerbaijan"}]
    assert len(run_query(G, "MATCH (s:State) RETURN s.name LIMIT 2")) == 2


def test_aggregates_group_and_may_be_lower_case():
    rows = run_query(G, "MATCH (s:State)-[:MEMBER_OF]->(o:Organisation) RETURN o.abbreviation AS org, count(s) AS n "
                        "ORDER BY org")
    assert rows == [{"org": "ECO", "n": 2}, {"org": "OIC", "n": 2}]


def test_single_quoted_strings_and_escapes():
    assert run_query(G, "MATCH (s:State) WHERE s.name = 'Armenia' RETURN s.id") == [{"s.id": "state:am"}]
    odd = G.nodes["person:q"]["name"]
    assert run_query(G, "MATCH (p:Person) WHERE p.name = $n RETURN p.id", {"n": odd}) == [{"p.id": "person:q"}]


def test_a_parameter_never_becomes_cypher():
    hostile = '" OR 1 = 1 OR p.name = "'
    assert run_query(G, "MATCH (p:Person) WHERE p.name = $n RETURN p.id", {"n": hostile}) == []


def test_dollar_inside_a_string_is_not_a_parameter():
    assert run_query(G, "MATCH (s:State) WHERE s.name = '$n' RETURN s.id") == []


def test_missing_parameter_is_a_query_error():
    with pytest.raises(QueryError, match=r"uses \$n but no --param n"):
        run_query(G, "MATCH (s:State) WHERE s.name = $n RETURN s")


@pytest.mark.parametrize("cypher", [
    "MATCH (s:State) WITH s RETURN s",
    "UNWIND [1, 2] AS x RETURN x",
    "MATCH p = shortestPath((a:State)-[*..3]-(b:State)) RETURN p",
    "MATCH (s:State)",
])
def test_what_grand_cypher_cannot_run_is_a_clear_query_error(cypher):
    with pytest.raises(QueryError) as info:
        run_query(G, cypher)
    assert "--backend neo4j" in info.value.hint


def test_order_by_an_unreturned_expression_with_an_aggregate_is_refused():
    with pytest.raises(QueryError, match="order by a returned column"):
        run_query(G, "MATCH (s:State) RETURN count(s) AS n ORDER BY s.name")


def test_nodes_relationships_and_paths_are_property_dicts():
    row = run_query(G, "MATCH (p:Person)-[r:HEAD_OF]->(s:State) RETURN p, r, s.name")[0]
    assert row["p"]["id"] == "person:ia" and row["p"]["kind"] == "Person" and "__labels__" not in row["p"]
    assert row["r"]["role"] == "President" and set(row["r"]) == {"role", "evidence_json"}
    path = run_query(G, "MATCH p=(a:Person)-[:HEAD_OF]->(s:State) RETURN p")[0]["p"]
    assert [x.get("id") for x in path] == ["person:ia", None, "state:az"]


def test_subgraph_of_query_keeps_returned_nodes_edges_and_cited_documents():
    sub = subgraph_of_query(G, "MATCH (p:Person)-[r:HEAD_OF]->(s) RETURN r")
    assert sorted(sub.nodes) == ["person:ia", "state:az"]
    assert list(sub.edges(keys=True)) == [("person:ia", "state:az", "HEAD_OF")]
    assert list(sub.graph["documents"]) == ["doc:sample"]
    assert sub.nodes["person:ia"] == G.nodes["person:ia"]
    assert sub.nodes["person:ia"] is not G.nodes["person:ia"]


def test_memory_store_runs_cypher():
    s = MemoryStore(G)
    assert s.run("MATCH (o:Organisation) RETURN o.abbreviation AS a ORDER BY a") == [{"a": "ECO"}, {"a": "OIC"}]
    assert sorted(s.read("MATCH (o:Organisation) RETURN o").nodes) == ["org:eco", "org:oic"]


def test_the_view_follows_a_changed_graph():
    g = new_graph()
    add_node(g, "state:1", "State", "A")
    assert len(run_query(g, "MATCH (s:State) RETURN s.name")) == 1
    add_node(g, "state:2", "State", "B")
    assert len(run_query(g, "MATCH (s:State) RETURN s.name")) == 2


def test_plan_moves_ordering_out_of_the_engine():
    p = plan("MATCH (e:Event) RETURN e.name AS n ORDER BY e.date_start DESC LIMIT 2", {})
    assert "ORDER" not in p.query and "LIMIT" not in p.query
    assert p.order == [(1, True)] and p.limit == 2 and p.hidden == 1


def test_sort_key_follows_neo4j_bands():
    values = [None, 3, "b", [1], True, 2.5, "a"]
    assert sorted(values, key=sort_key) == [[1], "a", "b", True, 2.5, 3, None]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30))
def test_any_name_matches_itself_through_a_parameter(name):
    g = new_graph()
    add_node(g, "state:1", "State", name)
    add_node(g, "state:2", "State", name + "x")
    assert run_query(g, "MATCH (s:State) WHERE s.name = $n RETURN s.id AS id", {"n": name}) == [{"id": "state:1"}]
