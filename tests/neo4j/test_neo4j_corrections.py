"""A corrected graph in the real Neo4j: a push removes exactly what the corrections dropped
(and nothing else), stays idempotent, and a pull brings the provenance back."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from briefgraph.cli import main
from briefgraph.graph.ids import make_id
from briefgraph.graph.jsonio import read_json, to_dict
from briefgraph.graph.store import graph_counts
from briefgraph.pipeline import bundled_brief
from support import run_unguarded

pytestmark = pytest.mark.neo4j

FIXES = """\
- rename: {node: "Person:Asif Ali Zardari", to: "Asif Zardari"}
  note: shorter name (the id changes with it)
- merge: ["Person:Ilham Aliyev", "Person:Heydar Aliyev"]
  note: a test of merge
- drop: "Place:Islamabad"
- drop_edge: {source: "%s", type: HEAD_OF, target: "State:Pakistan"}
  note: a test of drop_edge
- add_edge: {source: "State:Pakistan", type: SUPPORTS, target: "State:Azerbaijan"}
"""


def fixes_for(graph, named):
    """FIXES with another head of Pakistan than Zardari, found in the graph (extraction may change)."""
    zardari = named(graph, "Asif Ali Zardari", "Person")
    other = min(u for u, _, t in graph.in_edges(make_id("State", "PK"), data="type") if t == "HEAD_OF" and u != zardari)
    return FIXES % other, other


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def ids_in(store, label):
    return {r["id"] for r in store.run(f"MATCH (n:{label}) RETURN n.id AS id")}


def test_push_of_a_corrected_graph_removes_exactly_the_dropped_items(store, cli_env, tmp_path, named):
    plain, fixed = tmp_path / "plain.json", tmp_path / "fixed.json"
    fixes = tmp_path / "fixes.yaml"
    assert invoke("ingest", bundled_brief(), "-o", plain, "-q").exit_code == 0
    text, sharif = fixes_for(read_json(plain), named)
    fixes.write_text(text, encoding="utf-8")
    result = invoke("ingest", bundled_brief(), "--corrections", fixes, "-o", fixed, "-q")
    assert result.exit_code == 0 and "Warning" not in result.stderr, result.output
    before, after = read_json(plain), read_json(fixed)
    zardari, heydar = named(before, "Asif Ali Zardari", "Person"), named(before, "Heydar Aliyev", "Person")
    ilham = named(before, "Ilham Aliyev", "Person")
    islamabad = named(before, "Islamabad", "Place")
    pakistan = make_id("State", "PK")
    assert invoke("push", plain, "-q").exit_code == 0
    # something in the database that briefgraph did not push, linked to a node that stays
    run_unguarded(store, "MATCH (p:State {id: $pk}) CREATE (:State {id: 'state:elsewhere', kind: 'State', "
                  "name: 'Elsewhere', aliases: [], docs: []})-[:IN_CONFLICT_WITH]->(p)", {"pk": pakistan})
    pushed = invoke("push", fixed)
    assert pushed.exit_code == 0, pushed.output
    assert "removed what corrections dropped: 3 node(s), 1 relationship(s)" in pushed.stderr
    people = ids_in(store, "Person")
    assert zardari not in people and heydar not in people and make_id("Person", "Asif Zardari") in people
    assert islamabad not in ids_in(store, "Place") and ilham in people
    assert store.run("MATCH (:Person {id: $s})-[r:HEAD_OF]->(:State {id: $pk}) RETURN count(r) AS n",
                     {"s": sharif, "pk": pakistan}) == [{"n": 0}]
    # nothing else went: the foreign node and its relationship stay, the counts are the graph's plus them
    assert store.run("MATCH (:State {id: 'state:elsewhere'})-[r:IN_CONFLICT_WITH]->(:State {id: $pk}) "
                     "RETURN count(r) AS n", {"pk": pakistan}) == [{"n": 1}]
    expected = graph_counts(after)
    expected.update({"nodes": expected["nodes"] + 1, "node:State": expected["node:State"] + 1,
                     "edges": expected["edges"] + 1,
                     "edge:IN_CONFLICT_WITH": expected.get("edge:IN_CONFLICT_WITH", 0) + 1})
    assert store.counts() == expected
    # idempotent: a second push removes nothing more and changes nothing
    again = invoke("push", fixed)
    assert again.exit_code == 0 and "removed" not in again.stderr
    assert store.counts() == expected
    # pulled back: the corrected graph with its provenance
    out = tmp_path / "pulled.json"
    assert invoke("pull", "-o", out, "-q").exit_code == 0
    pulled = read_json(out)
    pulled.remove_node("state:elsewhere")
    want = to_dict(after)
    del want["dropped"]  # the database holds the graph, not the list of what left it
    assert to_dict(pulled) == want
    new_zardari = make_id("Person", "Asif Zardari")
    assert pulled.nodes[new_zardari]["corrections"] == [
        {"op": "rename", "note": "shorter name (the id changes with it)", "file": str(fixes)}]
    assert pulled.nodes[ilham]["corrections"][0]["op"] == "merge"
    assert pulled.edges[pakistan, make_id("State", "AZ"), "SUPPORTS"]["corrections"] == [
        {"op": "add_edge", "note": None, "file": str(fixes)}]


def test_the_cypher_script_of_a_corrected_graph_deletes_what_was_dropped(store, tmp_path, named):
    from briefgraph.graph.corrections import apply
    from briefgraph.graph.corrections_file import parse_corrections
    from briefgraph.graph.export_cypher import split_script, write_cypher
    from briefgraph.pipeline import ingest

    plain = ingest([bundled_brief()])
    store.write(plain)
    fixed = ingest([bundled_brief()])
    apply(fixed, parse_corrections(fixes_for(fixed, named)[0], "fixes.yaml"))
    script = tmp_path / "load.cypher"
    write_cypher(fixed, script)
    for _ in range(2):  # twice: the second run changes nothing
        for statement in split_script(script.read_text(encoding="utf-8")):
            run_unguarded(store, statement)
        assert store.counts() == graph_counts(fixed)
    want = to_dict(fixed)
    del want["dropped"]
    assert to_dict(store.read()) == want
