"""query, push, pull and export cypher through CliRunner: outputs, and every error path as one
``Error:`` line with exit code 1 (usage errors: 2). No Neo4j needed here."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from sample_graph import sample_graph

from briefgraph.cli import main
from briefgraph.graph.jsonio import write_json

SECRET = "pw-that-must-never-show"


@pytest.fixture
def graph_file(tmp_path):
    path = tmp_path / "graph.json"
    write_json(sample_graph(), path)
    return path


@pytest.fixture
def no_neo4j(monkeypatch):
    """An environment pointing at a port where nothing listens."""
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:1")
    monkeypatch.setenv("NEO4J_USERNAME", "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def one_error(result, *fragments):
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1, result.stderr
    for fragment in fragments:
        assert fragment in result.stderr
    assert SECRET not in result.output


def test_list_shows_one_query_a_line():
    result = invoke("query", "--list")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 9
    assert lines[0].startswith("actor_events ") and "actor=" in lines[0]
    assert [line for line in lines if line.endswith("[Neo4j only]")][0].startswith("relationship_sources")


def test_query_table_json_csv(graph_file):
    args = ["query", "state_organisations", graph_file, "--param", "state=Azerbaijan"]
    table = invoke(*args)
    assert table.exit_code == 0
    assert table.stdout.splitlines()[0].split() == ["organisation", "abbreviation", "id"]
    assert table.stdout.splitlines()[2].split() == ["Economic", "Cooperation", "Organization", "ECO", "org:eco"]
    assert table.stderr == "(2 rows)\n"
    rows = json.loads(invoke(*args, "--format", "json").stdout)
    assert [r["abbreviation"] for r in rows] == ["ECO", "OIC"]
    parsed = list(csv.DictReader(io.StringIO(invoke(*args, "--format", "csv").stdout)))
    assert parsed == [{k: v or "" for k, v in r.items()} for r in rows]


def test_ad_hoc_cypher_with_json_params(graph_file):
    result = invoke("query", "MATCH (s:State) WHERE s.name IN $names RETURN s.id AS id ORDER BY id", graph_file,
                    "--param", 'names=["Armenia", "Pakistan"]', "--format", "json")
    assert json.loads(result.stdout) == [{"id": "state:am"}, {"id": "state:pk"}]


def test_neo4j_only_query_on_memory_says_so(graph_file):
    one_error(invoke("query", "shortest_path", graph_file, "--param", "actor_a=A", "--param", "actor_b=B"),
              "runs only on Neo4j", "shortestPath", "--backend neo4j")


def test_unsupported_cypher_on_memory_says_so(graph_file):
    one_error(invoke("query", "MATCH (n) WITH n RETURN n", graph_file), "memory backend cannot run", "--backend neo4j")


def test_unknown_query_and_missing_param(graph_file):
    one_error(invoke("query", "who_is_who", graph_file), "no query named 'who_is_who'", "--list")
    one_error(invoke("query", "actor_events", graph_file), "needs --param actor")
    one_error(invoke("query", "events_in_range", graph_file, "--param", "date_from=soon", "--param",
                     "date_to=2020"), "not a date")


def test_usage_errors(graph_file):
    assert invoke("query").exit_code == 2
    assert invoke("query", "actor_events", "--param", "actor=Pakistan").exit_code == 2  # memory needs GRAPH.json
    assert invoke("query", "actor_events", graph_file, "--param", "actor").exit_code == 2
    assert invoke("query", "co_participation", graph_file, "--backend", "neo4j").exit_code == 2


def test_unreachable_neo4j_is_one_error_line(no_neo4j, graph_file, tmp_path):
    one_error(invoke("push", graph_file), "Neo4j unreachable at bolt://127.0.0.1:1", "neo4j-local start")
    one_error(invoke("pull", "-o", tmp_path / "x.json"), "Neo4j unreachable")
    one_error(invoke("query", "co_participation", "--backend", "neo4j"), "Neo4j unreachable", "--backend memory")
    assert not (tmp_path / "x.json").exists()


def test_missing_connection_settings(monkeypatch, graph_file):
    for key in ("NEO4J_URI", "NEO4J_PASSWORD"):
        monkeypatch.delenv(key, raising=False)
    one_error(invoke("push", graph_file), "NEO4J_URI is not set", "neo4j-local start")
    one_error(invoke("push", graph_file, "--uri", "bolt://127.0.0.1:1"), "NEO4J_PASSWORD is not set")


@pytest.mark.parametrize("uri", ["http://127.0.0.1:7474", "127.0.0.1:7687", "bolt://"])
def test_bad_uri(no_neo4j, graph_file, uri):
    one_error(invoke("push", graph_file, "--uri", uri), "bad Neo4j URI")


def test_credentials_in_the_uri_are_never_printed(no_neo4j, graph_file):
    result = invoke("push", graph_file, "--uri", f"bolt://neo4j:{SECRET}@127.0.0.1:1")
    one_error(result, "bolt://127.0.0.1:1", "holds credentials")


def test_hostile_kind_in_a_graph_file_is_refused(no_neo4j, tmp_path):
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps({"format": "briefgraph", "schema_version": 1,
                                "nodes": [{"id": "x", "kind": "Person`) DETACH DELETE n //", "name": "x"}],
                                "edges": []}), encoding="utf-8")
    one_error(invoke("push", path), "unknown node kind")
    one_error(invoke("export", "cypher", path, "-o", tmp_path / "x.cypher"), "unknown node kind")


def test_no_password_option_exists():
    for name in ("push", "pull", "query"):
        assert "--password" not in invoke(name, "--help").stdout


def test_export_cypher_writes_a_script(graph_file, tmp_path):
    out = tmp_path / "load.cypher"
    result = invoke("export", "cypher", graph_file, "-o", out, "--batch-size", "5")
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("// briefgraph graph: 17 nodes, 24 relationships, 2 documents.")
    assert "CREATE CONSTRAINT briefgraph_state_id" in text
    assert invoke("export", "cypher", graph_file, "-o", "-", "--batch-size", "5").stdout == text
