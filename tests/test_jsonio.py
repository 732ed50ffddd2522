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
    ('{"nodes": 3}', InputError),
    ('{"nodes": [{"id": "a", "kind": "Spaceship", "name": "x"}], "edges": []}', SchemaError),
    ('{"nodes": [{"id": "a", "kind": "State", "name": "x"}], "edges": [{"source": "a", "target": "b", "type": "PART_OF"}]}', InputError),
])
def test_bad_graph_files(tmp_path, text, error):
    p = tmp_path / "g.json"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(error):
        read_json(p)
