"""Node-link JSON: the contract, round trips and atomic writes."""

from __future__ import annotations

import json

import pytest

from briefgraph.errors import InputError, SchemaError
from briefgraph.graph.jsonio import read_json, to_dict, write_json


def test_round_trip_gives_an_equal_graph(brief_graph, tmp_path):
    p = tmp_path / "g.json"
    write_json(brief_graph, p)
    again = read_json(p)
    assert to_dict(again) == to_dict(brief_graph)
    assert sorted(again.edges(keys=True)) == sorted(brief_graph.edges(keys=True))


def test_contract_fields(brief_graph, tmp_path):
    p = tmp_path / "g.json"
    write_json(brief_graph, p)
    data = json.loads(p.read_text(encoding="utf-8"))
    for n in data["nodes"]:
        assert {"id", "kind", "name", "aliases", "date", "evidence"} <= set(n)
        for ev in n["evidence"]:
            assert {"text", "doc", "start", "end", "sources"} <= set(ev)
    for e in data["edges"]:
        assert {"source", "target", "type", "evidence"} <= set(e)


def test_failed_write_leaves_the_old_file_intact(brief_graph, tmp_path):
    p = tmp_path / "g.json"
    p.write_text("precious", encoding="utf-8")
    brief_graph.graph["documents"]["bad"] = {"x": object()}  # not JSON-serialisable
    try:
        with pytest.raises(TypeError):
            write_json(brief_graph, p)
    finally:
        del brief_graph.graph["documents"]["bad"]
    assert p.read_text(encoding="utf-8") == "precious"
    assert [x.name for x in tmp_path.iterdir()] == ["g.json"]  # no temporary file left


@pytest.mark.parametrize("text, error", [
    ("not json", InputError),
    ('{"format": "briefgraph", "schema_version": 1, "nodes": [{"id": "a", "kind": "State", "name": "x"}]}', InputError),
    ('{"nodes": 3}', InputError),
    ('{"format": "briefgraph", "schema_version": 1, "nodes": [{"id": "a", "kind": "Spaceship", "name": "x"}], "edges": []}', SchemaError),
    ('{"format": "briefgraph", "schema_version": 1, "nodes": [{"id": "a", "kind": "State", "name": "x"}], "edges": [{"source": "a", "target": "b", "type": "PART_OF"}]}', InputError),
])
def test_bad_graph_files(tmp_path, text, error):
    p = tmp_path / "g.json"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(error):
        read_json(p)


def _records_with_corners():
    """Two briefs' worth of records: a conflict told in both directions (one edge per pair),
    an edge to a node nobody made (dropped), a property only the second brief gives."""
    from briefgraph.graph.model import EdgeRecord, Evidence, NodeRecord, Records

    def ev(doc, start):
        return Evidence(f"sentence {start}", doc, start, start + 10, None, ())

    a = Records(documents={"doc:a": {"title": "A"}}, nodes=[
        NodeRecord("state:1", "State", "Armenia", ["Armenia"], {}, [ev("doc:a", 0)]),
        NodeRecord("state:2", "State", "Azerbaijan", ["Azerbaijan"], {"iso_code": None}, [ev("doc:a", 20)]),
    ], edges=[
        EdgeRecord("state:2", "state:1", "IN_CONFLICT_WITH", {}, [ev("doc:a", 40)]),
        EdgeRecord("state:1", "state:9", "IN_CONFLICT_WITH", {}, [ev("doc:a", 60)]),
    ])
    b = Records(documents={"doc:b": {"title": "B"}}, nodes=[
        NodeRecord("state:2", "State", "Azerbaijan", ["AZ"], {"iso_code": "AZ"}, [ev("doc:b", 0)]),
        NodeRecord("state:1", "State", "Armenia", [], {}, [ev("doc:b", 20)]),
    ], edges=[
        EdgeRecord("state:1", "state:2", "IN_CONFLICT_WITH", {}, [ev("doc:b", 40), ev("doc:a", 40)]),
    ])
    return a, b


def test_builder_writes_the_json_of_the_graph_it_builds(brief_graph):
    from briefgraph.graph.jsonio import builder_to_dict
    from briefgraph.graph.model import GraphBuilder
    from briefgraph.pipeline import bundled_brief, gather

    builder = gather([bundled_brief()])
    assert builder_to_dict(builder) == to_dict(builder.graph()) == to_dict(brief_graph)
    corners = GraphBuilder()
    for records in _records_with_corners():
        corners.add(records)
    data = builder_to_dict(corners)
    assert data == to_dict(corners.graph())
    [edge] = data["edges"]
    assert (edge["source"], edge["target"]) == ("state:1", "state:2")
    assert [e["doc"] for e in edge["evidence"]] == ["doc:a", "doc:b"]
    assert next(n for n in data["nodes"] if n["id"] == "state:2")["iso_code"] == "AZ"
