"""Neo4jStore against the real server: idempotent push, push-then-pull round trip, query
subgraphs, hostile labels, failures mid-push and connection errors."""

from __future__ import annotations

import networkx as nx
import pytest
from sample_graph import sample_graph
from support import run_unguarded

from briefgraph.cypher.memory import subgraph_of_query
from briefgraph.errors import SchemaError, StoreError
from briefgraph.graph.jsonio import to_dict
from briefgraph.graph.model import add_node, new_graph
from briefgraph.graph.neo4j_store import Neo4jStore
from briefgraph.graph.store import graph_counts

pytestmark = pytest.mark.neo4j


def test_push_twice_leaves_the_same_counts(store):
    g = sample_graph()
    assert store.write(g) == graph_counts(g)
    first = store.counts()
    store.write(g)
    assert store.counts() == first == graph_counts(g)
    # one document node per document, not two
    assert store.run("MATCH (d:BriefgraphDocument) RETURN count(d) AS n") == [{"n": 2}]


def test_push_then_pull_gives_an_equal_graph(store):
    g = sample_graph()
    store.write(g)
    assert to_dict(store.read()) == to_dict(g)


def test_bundled_brief_round_trips(store, brief_graph):
    store.write(brief_graph)
    assert store.counts() == graph_counts(brief_graph)
    assert to_dict(store.read()) == to_dict(brief_graph)


def test_schema_is_created_first(store):
    store.write(sample_graph())
    constraints = {r["name"] for r in run_unguarded(store, "SHOW CONSTRAINTS YIELD name RETURN name")}
    indexes = {r["name"] for r in run_unguarded(store, "SHOW INDEXES YIELD name RETURN name")}
    assert {"briefgraph_person_id", "briefgraph_state_id", "briefgraph_briefgraphdocument_id"} <= constraints
    assert {"briefgraph_person_name", "briefgraph_event_date_start"} <= indexes


def test_evidence_and_sources_are_queryable(store):
    store.write(sample_graph())
    rows = store.run("MATCH (:State {name: 'Pakistan'})-[r:PARTY_TO]->(a:Agreement) "
                     "MATCH (s:Source) WHERE s.id IN r.source_ids RETURN a.name AS a, s.title AS t ORDER BY t")
    assert rows == [{"a": "MoU on trade", "t": "Press release"}, {"a": "MoU on trade", "t": "Report"}]
    hit = store.run("MATCH ()-[r:IN_CONFLICT_WITH]->() WHERE r.evidence_json CONTAINS 'occupied' RETURN count(r) AS n")
    assert hit == [{"n": 1}]


def test_pull_with_cypher_returns_the_subgraph(store):
    g = sample_graph()
    store.write(g)
    query = "MATCH p=(:State {name: $name})-[:MEMBER_OF]->(:Organisation) RETURN p"
    sub = store.read(query, {"name": "Pakistan"})
    assert sorted(sub.nodes) == ["org:eco", "org:oic", "state:pk"]
    assert sorted(sub.edges(keys=True)) == [("state:pk", "org:eco", "MEMBER_OF"), ("state:pk", "org:oic", "MEMBER_OF")]
    assert list(sub.graph["documents"]) == ["doc:sample"]  # only the documents the subgraph cites
    # the memory backend gives the same subgraph for the same query
    assert to_dict(subgraph_of_query(g, query, {"name": "Pakistan"})) == to_dict(sub)


def test_pull_of_relationships_brings_their_ends(store):
    g = sample_graph()
    store.write(g)
    sub = store.read("MATCH (:Person)-[r:HEAD_OF]->() RETURN r")
    assert sorted(sub.nodes) == ["person:ia", "state:az"]
    assert sub.nodes["person:ia"] == g.nodes["person:ia"]


def test_hostile_kind_is_refused_before_anything_is_written(store):
    g = sample_graph()
    g.add_node("x:1", kind="Person`) DETACH DELETE n //", name="x", aliases=[], evidence=[], docs=[])
    with pytest.raises(SchemaError, match="unknown node kind"):
        store.write(g)
    assert store.counts() == {"nodes": 0, "edges": 0}


def test_hostile_edge_type_is_refused(store):
    g = new_graph()
    add_node(g, "state:1", "State", "A")
    add_node(g, "state:2", "State", "B")
    g.add_edge("state:1", "state:2", key="X", type="SUPPORTS]->() DETACH DELETE n //", evidence=[])
    with pytest.raises(SchemaError, match="unknown edge type"):
        store.write(g)
    assert store.counts() == {"nodes": 0, "edges": 0}


def test_reserved_property_names_are_refused(store):
    g = new_graph()
    add_node(g, "state:1", "State", "A", evidence_json="forged")
    with pytest.raises(SchemaError, match="reserves"):
        store.write(g)


def test_failure_mid_push_reports_progress_and_rolls_back_the_batch(store):
    g = new_graph()
    for i in range(10):  # with batch_size 7: events 0-6 in batch 1, 7-9 in batch 2
        add_node(g, f"event:{i:02d}", "Event", f"e{i}", event_type="dup" if i == 8 else f"t{i}")
    add_node(g, "event:99", "Event", "e99", event_type="dup")  # in batch 2 as well
    # A researcher's own constraint that the second batch breaks
    store.workers = 1  # one lane, so batch 1 surely commits before batch 2 fails
    run_unguarded(store, "CREATE CONSTRAINT test_unique_event_type IF NOT EXISTS FOR (e:Event) REQUIRE e.event_type IS UNIQUE")
    try:
        with pytest.raises(StoreError) as info:
            store.write(g)
    finally:
        run_unguarded(store, "DROP CONSTRAINT test_unique_event_type IF EXISTS")
    assert "committed: 7 of 11 nodes" in str(info.value)
    assert "rolled back" in info.value.hint
    names = {r["n"] for r in store.run("MATCH (e:Event) RETURN e.name AS n")}
    assert names == {f"e{i}" for i in range(7)}  # batch 2 left nothing behind


def test_wrong_password_is_a_store_error(neo4j_env):
    with pytest.raises(StoreError, match="refused the credentials") as info:
        Neo4jStore(neo4j_env["NEO4J_URI"], neo4j_env.get("NEO4J_USERNAME", "neo4j"), "not-the-password")
    assert "not-the-password" not in str(info.value) + (info.value.hint or "")


def test_unreachable_server_is_a_store_error_with_a_hint():
    with pytest.raises(StoreError, match="unreachable at bolt://127.0.0.1:1") as info:
        Neo4jStore("bolt://127.0.0.1:1", "neo4j", "secret")
    assert "neo4j-local" in info.value.hint


@pytest.mark.parametrize("scheme", ["bolt+s", "neo4j+s"])
def test_tls_schemes_are_accepted(neo4j_env, scheme):
    """The test server speaks plain Bolt, so TLS must fail in the handshake (not as a bad URI)."""
    address = neo4j_env["NEO4J_URI"].split("://", 1)[1]
    with pytest.raises(StoreError) as info:
        Neo4jStore(f"{scheme}://{address}", "neo4j", neo4j_env["NEO4J_PASSWORD"])
    assert "bad Neo4j URI" not in str(info.value)


def test_routing_scheme_works(neo4j_env):
    address = neo4j_env["NEO4J_URI"].split("://", 1)[1]
    with Neo4jStore(f"neo4j://{address}", neo4j_env.get("NEO4J_USERNAME", "neo4j"), neo4j_env["NEO4J_PASSWORD"]) as s:
        assert s.run("RETURN 1 AS one") == [{"one": 1}]


def test_unknown_database_is_a_store_error(neo4j_env):
    with pytest.raises(StoreError, match="no database 'nosuchdb'"):
        with Neo4jStore(neo4j_env["NEO4J_URI"], neo4j_env.get("NEO4J_USERNAME", "neo4j"),
                        neo4j_env["NEO4J_PASSWORD"], database="nosuchdb") as s:
            s.counts()


def test_clear_leaves_foreign_data_alone(store):
    store.write(sample_graph())
    store.run("CREATE (:ResearcherNote {text: 'keep me'})", allow_write=True)
    try:
        store.clear()
        assert store.counts() == {"nodes": 0, "edges": 0}
        assert store.run("MATCH (n:ResearcherNote) RETURN n.text AS t") == [{"t": "keep me"}]
    finally:
        store.run("MATCH (n:ResearcherNote) DELETE n", allow_write=True)


def test_parallel_lanes_write_every_relationship_once(store):
    from benchmarks.synthetic_graph import synthetic_graph

    g = synthetic_graph(400, 1200)
    for workers in (1, 3):
        store.workers, store.batch_size = workers, 50
        store.write(g)
        assert store.counts() == graph_counts(g)
    assert isinstance(store.read(), nx.MultiDiGraph)
