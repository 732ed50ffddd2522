"""The memory backend: Neo4j's Cypher on the embedded engine, with Neo4j's rows and columns."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sample_graph import sample_graph

from briefgraph.cypher.memory import run_query, subgraph_of_query
from briefgraph.errors import QueryError
from briefgraph.graph.model import add_node, new_graph
from briefgraph.graph.store import MemoryStore

G = sample_graph()


def test_rows_come_in_return_order_with_neo4j_column_names():
    rows = run_query(G, "MATCH (s:State) WHERE s.name = $n RETURN s.iso_code, s.name AS name, s.id, "
                        "toLower(s.name)", {"n": "Pakistan"})
    assert rows == [{"s.iso_code": "PK", "name": "Pakistan", "s.id": "state:pk", "toLower(s.name)": "pakistan"}]
    assert list(rows[0]) == ["s.iso_code", "name", "s.id", "toLower(s.name)"]


def test_order_by_puts_nulls_last_ascending_and_first_descending():
    cypher = "MATCH (e:Event) RETURN e.name AS name ORDER BY e.date_start {}, name"
    up = [r["name"] for r in run_query(G, cypher.format("ASC"))]
    down = [r["name"] for r in run_query(G, cypher.format("DESC"))]
    assert up == ["Second Karabakh War", "ECO summit", "Visit of Ilham Aliyev to Pakistan", "Trade talks"]
    assert down == ["Trade talks", "Visit of Ilham Aliyev to Pakistan", "ECO summit", "Second Karabakh War"]


def test_the_forms_grand_cypher_could_not_run():
    assert run_query(G, "MATCH (s:State) WITH s, size(s.aliases) AS n WHERE n > 1 RETURN s.name") == \
        [{"s.name": "Pakistan"}]
    assert run_query(G, "UNWIND [1, 2] AS x RETURN x * 2 AS y") == [{"y": 2}, {"y": 4}]
    assert run_query(G, "MATCH (o:Organisation) WHERE 'OIC' IN o.aliases RETURN o.id") == [{"o.id": "org:oic"}]
    rows = run_query(G, "MATCH (s:State) OPTIONAL MATCH (s)-[:IN_CONFLICT_WITH]->(t) RETURN s.name AS state, "
                        "t.name AS enemy ORDER BY state")
    assert rows == [{"state": "Armenia", "enemy": "Azerbaijan"}, {"state": "Azerbaijan", "enemy": None},
                    {"state": "Pakistan", "enemy": None}]
    near = run_query(G, "MATCH (a:State {name: 'Armenia'})-[*1..2]-(b:State) RETURN DISTINCT b.name AS b ORDER BY b")
    assert near == [{"b": "Azerbaijan"}]  # directly, and through the war both fought; Pakistan is 3 hops away
    path = run_query(G, "MATCH p = shortestPath((a:Person {name: 'Ilham Aliyev'})-[*..8]-(b:State {name: 'Armenia'})) "
                        "RETURN [n IN nodes(p) | n.name] AS names, [r IN relationships(p) | type(r)] AS types")
    assert path == [{"names": ["Ilham Aliyev", "Azerbaijan", "Armenia"], "types": ["HEAD_OF", "IN_CONFLICT_WITH"]}]


def test_a_relationship_is_not_used_twice_in_one_match():
    # Neo4j's rule: (a)-[]->(e)<-[]-(b) never binds one relationship twice, so a never equals b
    # through the same edge; Ladybug matches walks, so the dialect layer adds the condition.
    rows = run_query(G, "MATCH (a:State)-[:PARTICIPATED_IN]->(e {id: 'event:war'})<-[:PARTICIPATED_IN]-(b) "
                        "RETURN a.name AS a, b.name AS b ORDER BY a")
    assert rows == [{"a": "Armenia", "b": "Azerbaijan"}, {"a": "Azerbaijan", "b": "Armenia"}]
    trail = run_query(G, "MATCH (a:State {name: 'Armenia'})-[*2]-(b:State) RETURN b.name AS b ORDER BY b")
    assert {"b": "Armenia"} not in trail


def test_skip_and_limit_apply_after_ordering():
    rows = run_query(G, "MATCH (s:State) RETURN s.name AS n ORDER BY n DESC SKIP 1 LIMIT 1")
    assert rows == [{"n": "Azerbaijan"}]
    assert len(run_query(G, "MATCH (s:State) RETURN s.name LIMIT $k", {"k": 2})) == 2


def test_aggregates_group_and_may_be_lower_case():
    rows = run_query(G, "MATCH (s:State)-[:MEMBER_OF]->(o:Organisation) RETURN o.abbreviation AS org, count(s) AS n, "
                        "sum(size(s.aliases)) AS aliases ORDER BY org")
    assert rows == [{"org": "ECO", "n": 2, "aliases": 3}, {"org": "OIC", "n": 2, "aliases": 3}]
    assert isinstance(rows[0]["aliases"], int)


def test_neo4j_functions_keep_their_meaning():
    row = run_query(G, "MATCH (s:State {id: 'state:pk'}) RETURN substring(s.name, 1, 3) AS sub, s.aliases[0] AS first, "
                       "labels(s) AS labels, head(s.aliases) AS head, last(s.aliases) AS last, "
                       "toUpper(s.iso_code) AS up, exists(s.role) AS has_role")[0]
    assert row == {"sub": "aki", "first": "Pakistan", "labels": ["State"], "head": "Pakistan", "last": "Islamabad's",
                   "up": "PK", "has_role": False}


def test_single_quoted_strings_and_escapes():
    assert run_query(G, "MATCH (s:State) WHERE s.name = 'Armenia' RETURN s.id") == [{"s.id": "state:am"}]
    odd = G.nodes["person:q"]["name"]
    assert run_query(G, "MATCH (p:Person) WHERE p.name = $n RETURN p.id, p.name", {"n": odd}) == \
        [{"p.id": "person:q", "p.name": odd}]


def test_a_parameter_never_becomes_cypher():
    hostile = "' OR 1 = 1 OR p.name = '"
    assert run_query(G, "MATCH (p:Person) WHERE p.name = $n RETURN p.id", {"n": hostile}) == []


def test_dollar_inside_a_string_is_not_a_parameter():
    assert run_query(G, "MATCH (s:State) WHERE s.name = '$n' RETURN s.id") == []


def test_missing_parameter_is_a_query_error():
    with pytest.raises(QueryError, match=r"uses \$n but no --param n"):
        run_query(G, "MATCH (s:State) WHERE s.name = $n RETURN s")


@pytest.mark.parametrize("cypher, says", [
    ("MATCH (s:State) RETURN s {.name}", "map projection"),
    ("MATCH (s:State) RETURN [(s)-->(o) | o.name]", "pattern comprehension"),
    ("MATCH (s:State) RETURN s.aliases[0..1]", "list slice"),
    ("MATCH (s:State) RETURN id(s)", "id()"),
    ("MATCH (s:State", "cannot run this query"),
])
def test_what_has_no_translation_is_one_clear_query_error(cypher, says):
    with pytest.raises(QueryError, match=None) as info:
        run_query(G, cypher)
    assert says in str(info.value) and "\n" not in str(info.value)


def test_values_neo4j_cannot_hold_are_in_extra_json():
    rows = run_query(G, "MATCH (s:Source) RETURN s.extra_json AS extra, s.footnote AS n ORDER BY s.id")
    assert rows == [{"extra": '{"raw": {"pages": [1, 2], "publisher": "MFA"}}', "n": 1}, {"extra": None, "n": None}]


def test_nodes_relationships_and_paths_are_property_dicts():
    row = run_query(G, "MATCH (p:Person)-[r:HEAD_OF]->(s:State) RETURN p, r, s.name")[0]
    assert row["p"]["id"] == "person:ia" and row["p"]["kind"] == "Person" and "_LABEL" not in row["p"]
    assert row["r"]["role"] == "President" and set(row["r"]) == {"role", "evidence_json"}
    path = run_query(G, "MATCH p=(a:Person)-[:HEAD_OF]->(s:State) RETURN p")[0]["p"]
    assert [x.get("id") for x in path] == ["person:ia", None, "state:az"]


def test_documents_are_nodes_with_their_own_label():
    rows = run_query(G, "MATCH (d:BriefgraphDocument) RETURN d.id AS id, d.title AS title ORDER BY id")
    assert rows == [{"id": "doc:other", "title": "Unreferenced"}, {"id": "doc:sample", "title": "A sample brief"}]


def test_subgraph_of_query_keeps_returned_nodes_edges_and_cited_documents():
    sub = subgraph_of_query(G, "MATCH (p:Person)-[r:HEAD_OF]->(s) RETURN r")
    assert sorted(sub.nodes) == ["person:ia", "state:az"]
    assert list(sub.edges(keys=True)) == [("person:ia", "state:az", "HEAD_OF")]
    assert list(sub.graph["documents"]) == ["doc:sample"]
    assert sub.nodes["person:ia"] == G.nodes["person:ia"]
    assert sub.nodes["person:ia"] is not G.nodes["person:ia"]
    paths = subgraph_of_query(G, "MATCH p = (:Person)-[*..2]-(:State {name: 'Armenia'}) RETURN p")
    assert sorted(paths.nodes) == ["person:ia", "state:am", "state:az"]


def test_memory_store_runs_cypher_read_only():
    s = MemoryStore(G)
    assert s.run("MATCH (o:Organisation) RETURN o.abbreviation AS a ORDER BY a") == [{"a": "ECO"}, {"a": "OIC"}]
    assert sorted(s.read("MATCH (o:Organisation) RETURN o").nodes) == ["org:eco", "org:oic"]
    with pytest.raises(QueryError, match="read-only"):
        s.run("MATCH (o:Organisation) DETACH DELETE o", allow_write=True)
    with pytest.raises(QueryError, match="refused: DELETE"):
        s.read("MATCH (o:Organisation) DELETE o")


def test_the_database_follows_a_changed_graph():
    g = new_graph()
    add_node(g, "state:1", "State", "A")
    assert len(run_query(g, "MATCH (s:State) RETURN s.name")) == 1
    add_node(g, "state:2", "State", "B")
    assert len(run_query(g, "MATCH (s:State) RETURN s.name")) == 2


def test_property_types_follow_the_values():
    g = new_graph()
    add_node(g, "place:1", "Place", "A", latitude=1.5, longitude=2)
    add_node(g, "place:2", "Place", "B", latitude=3, longitude=4)  # ints and floats: DOUBLE, like 3.0? no: see below
    add_node(g, "event:1", "Event", "", [], ordinal=3, custom=True, tags=["x", ""])
    rows = run_query(g, "MATCH (e:Event) RETURN e.name AS name, e.ordinal AS o, e.custom AS c, e.tags AS t")
    assert rows == [{"name": "", "o": 3, "c": True, "t": ["x", ""]}]
    assert run_query(g, "MATCH (p:Place) RETURN p.latitude AS x ORDER BY x") == [{"x": 1.5}, {"x": 3.0}]


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=30))
def test_any_name_matches_itself_through_a_parameter(name):
    # control characters included: those the load file uses as separators travel as parameters
    g = new_graph()
    add_node(g, "state:1", "State", name, [name, "a", ""])
    add_node(g, "state:2", "State", name + "x")
    assert run_query(g, "MATCH (s:State) WHERE s.name = $n RETURN s.id AS id, s.name AS name, s.aliases AS a",
                     {"n": name}) == [{"id": "state:1", "name": name, "a": list(dict.fromkeys([name, "a", ""]))}]


def test_rows_a_load_file_cannot_carry_arrive_unchanged():
    # Most rows reach the engine through a file of unquoted lines; a value holding a line break
    # or the file's separator, and a very long row (a hub's evidence), go as a parameter instead.
    from briefgraph.cypher.embedded import DELIM, LONG_ROW, NO_QUOTE

    names = {"state:plain": "Plain", "state:lf": "Line\nbreak", "state:cr": "Carriage\rreturn",
             "state:sep": f"Sep{DELIM}arated", "state:quote": f"Quo{NO_QUOTE}ted", "state:empty": ""}
    long_text = "The hub is named here. " * (LONG_ROW // 10)
    g = new_graph()
    for nid, name in names.items():
        add_node(g, nid, "State", name, [name, "x"])
    add_node(g, "state:hub", "State", "Hub", ["Hub"], [{"text": long_text, "doc": "doc:1", "start": 0, "end": 3}])
    from briefgraph.graph.model import add_edge
    add_edge(g, "state:lf", "state:hub", "SUPPORTS", [{"text": long_text, "doc": "doc:1", "start": 5, "end": 9}])
    add_edge(g, "state:plain", "state:hub", "SUPPORTS", [{"text": "short", "doc": "doc:1", "start": 1, "end": 2}])
    rows = run_query(g, "MATCH (s:State) RETURN s.id AS id, s.name AS name, s.aliases AS aliases ORDER BY id")
    expected = {**names, "state:hub": "Hub"}
    assert rows == [{"id": k, "name": expected[k], "aliases": [expected[k], "x"] if k != "state:hub" else ["Hub"]}
                    for k in sorted(expected)]
    hub = run_query(g, "MATCH (s:State {id: 'state:hub'}) RETURN s.evidence_json AS e")[0]["e"]
    assert long_text in hub and len(hub) > LONG_ROW
    edges = run_query(g, "MATCH (a)-[r:SUPPORTS]->(b) RETURN a.id AS a, size(r.evidence_json) AS n ORDER BY a")
    assert [r["a"] for r in edges] == ["state:lf", "state:plain"] and edges[0]["n"] > LONG_ROW > edges[1]["n"]


def test_many_graphs_can_be_queried_at_once():
    # Each graph keeps its own in-memory database; Ladybug's default address-space reservation
    # (8 TiB each) let a process hold only 15 before "Mmap ... failed".
    graphs = []
    for i in range(40):
        g = new_graph()
        add_node(g, "state:1", "State", f"S{i}")
        graphs.append(g)
        assert run_query(g, "MATCH (s:State) RETURN s.name AS n") == [{"n": f"S{i}"}]


def test_a_graph_file_reader_that_does_not_report_its_nodes_still_loads(tmp_path, monkeypatch):
    # open_file's read_graph may be any reader; the engine starts early only when told
    from briefgraph.cypher.memory import open_file
    from briefgraph.graph.jsonio import read_json, write_json

    monkeypatch.setenv("BRIEFGRAPH_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "graph.json"
    write_json(G, path)
    database = open_file(path, read_graph=lambda nodes_done: read_json(path))
    try:
        assert database.execute("MATCH (s:State) RETURN count(s)", {})[1] == [[3]]
    finally:
        database.close()
