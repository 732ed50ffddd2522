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


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    """Graph databases of the memory backend go to the test's folder, not the user's cache."""
    monkeypatch.setenv("BRIEFGRAPH_CACHE", str(tmp_path / "cache"))


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
    assert not [line for line in lines if "Neo4j only" in line]


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


def test_every_named_query_runs_offline(graph_file):
    result = invoke("query", "shortest_path", graph_file, "--param", "actor_a=Ilham Aliyev", "--param",
                    "actor_b=Armenia", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"path": ["Ilham Aliyev", "Azerbaijan", "Armenia"],
                                          "relationships": ["HEAD_OF", "IN_CONFLICT_WITH"], "hops": 2}]


def test_the_second_query_on_a_file_uses_the_cached_database(graph_file, tmp_path, monkeypatch):
    args = ["query", "MATCH (s:State) RETURN s.name AS name ORDER BY name", graph_file, "--format", "json"]
    first = invoke(*args)
    entries = list((tmp_path / "cache").glob("ladybug-*/*"))
    assert [e.name.startswith(".") for e in entries] == [False]  # one database, no build folder left
    monkeypatch.setattr("briefgraph.graph.jsonio.read_json", lambda *a: pytest.fail("the JSON was read again"))
    second = invoke(*args)
    assert first.exit_code == second.exit_code == 0 and first.stdout == second.stdout
    assert [r["name"] for r in json.loads(second.stdout)] == ["Armenia", "Azerbaijan", "Pakistan"]


def test_a_changed_file_gets_a_new_database(graph_file, tmp_path, monkeypatch):
    cypher = "MATCH (s:State) RETURN count(s) AS n"
    assert json.loads(invoke("query", cypher, graph_file, "--format", "json").stdout) == [{"n": 3}]
    data = json.loads(graph_file.read_text(encoding="utf-8"))
    data["nodes"] = [n for n in data["nodes"] if n["id"] != "state:am"]
    data["edges"] = [e for e in data["edges"] if "state:am" not in (e["source"], e["target"])]
    graph_file.write_text(json.dumps(data), encoding="utf-8")
    assert json.loads(invoke("query", cypher, graph_file, "--format", "json").stdout) == [{"n": 2}]


def test_untranslatable_cypher_on_memory_says_so(graph_file):
    one_error(invoke("query", "MATCH (n:State) RETURN n {.name}", graph_file), "map projection", "--backend neo4j")
    one_error(invoke("query", "MATCH (n) RETURN elementId(n)", graph_file), "elementId()")


@pytest.mark.parametrize("cypher, named", [
    ("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", "LOAD"),
    ("COPY (MATCH (n) RETURN n) TO '/tmp/briefgraph-leak.csv'", "COPY"),
    ("INSTALL httpfs", "INSTALL"),
    ("LOAD EXTENSION httpfs", "LOAD"),
    ("ATTACH '/tmp/x.lbdb' AS x", "ATTACH"),
    ("EXPORT DATABASE '/tmp/briefgraph-export'", "EXPORT"),
    ("MATCH (n:Person) DETACH DELETE n", "DETACH DELETE"),
    ("MATCH (n:Person) SET n.name = 'x' RETURN n", "SET"),
    ("CREATE (n:Person {id: 'x'})", "CREATE"),
    ("CALL recursive_pattern_semantic='WALK'", "CALL recursive_pattern_semantic"),
])
def test_refused_on_memory_in_one_line_and_nothing_touched(graph_file, tmp_path, monkeypatch, cypher, named):
    before = graph_file.read_bytes()
    one_error(invoke("query", cypher, graph_file), "refused", named)
    assert graph_file.read_bytes() == before
    assert not (tmp_path / "cache").exists()  # refused before anything was read or built
    assert not (tmp_path / "briefgraph-leak.csv").exists()


def test_allow_write_is_refused_on_memory(graph_file):
    one_error(invoke("query", "MATCH (n:Person) DETACH DELETE n", graph_file, "--allow-write"), "read-only")


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


def test_an_unwritable_cache_costs_speed_not_the_answer(graph_file, tmp_path, monkeypatch):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would go", encoding="utf-8")
    monkeypatch.setenv("BRIEFGRAPH_CACHE", str(blocked))
    result = invoke("query", "MATCH (s:State) RETURN count(s) AS n", graph_file, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"n": 3}]


def test_a_damaged_cache_entry_is_rebuilt(graph_file, tmp_path, monkeypatch):
    args = ["query", "MATCH (s:State) RETURN count(s) AS n", graph_file, "--format", "json"]
    assert invoke(*args).exit_code == 0
    [database] = (tmp_path / "cache").glob("ladybug-*/*/graph.lbdb")
    database.write_bytes(b"not a database")
    result = invoke(*args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [{"n": 3}]


def test_a_cache_folder_with_quotes_and_backslashes(graph_file, tmp_path, monkeypatch):
    # the engine reads its load files by a path written into a COPY statement
    monkeypatch.setenv("BRIEFGRAPH_CACHE", str(tmp_path / "it's a \\ folder"))
    args = ["query", "MATCH (s:State) RETURN count(s) AS n", graph_file, "--format", "json"]
    for _ in range(2):  # built, then opened from the cache
        result = invoke(*args)
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout) == [{"n": 3}]
    assert list((tmp_path / "it's a \\ folder").glob("ladybug-*/*/graph.lbdb"))


def test_an_invalid_edge_stops_the_build_and_leaves_no_cache_entry(graph_file, tmp_path):
    # the engine starts on the nodes before the edges are checked
    data = json.loads(graph_file.read_text(encoding="utf-8"))
    data["edges"][-1]["evidence"] = "not a list"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    one_error(invoke("query", "MATCH (s:State) RETURN count(s) AS n", bad), "'evidence' must be a list")
    cache = tmp_path / "cache"
    assert not [p for p in cache.rglob("*") if p.is_file()]
