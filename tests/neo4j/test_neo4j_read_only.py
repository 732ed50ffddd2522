"""Read-only by default on the real Neo4j: ``query --backend neo4j`` and ``pull --cypher`` share
one rule (briefgraph.cypher.guard), the server refuses a write in a read transaction even when
the guard is bypassed, and ``--allow-write`` allows writes but never files or administration."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from sample_graph import sample_graph
from support import run_unguarded

from briefgraph.cli import main
from briefgraph.errors import QueryError
from briefgraph.graph.jsonio import write_json

pytestmark = pytest.mark.neo4j


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


def persons(store):
    return store.run("MATCH (n:Person) RETURN count(n) AS n")[0]["n"]


def users(store):
    return {r["user"] for r in run_unguarded(store, "SHOW USERS YIELD user RETURN user")}


@pytest.fixture
def pushed(store, cli_env):
    store.write(sample_graph())
    assert persons(store) == 3
    return store


@pytest.mark.parametrize("cypher, named", [
    ("MATCH (n:Person) DETACH DELETE n", "DETACH DELETE"),
    ("MATCH (n:Person) SET n.name = 'x'", "SET"),
    ("MATCH (n:Person) REMOVE n.name", "REMOVE"),
    ("MERGE (n:Person {id: 'person:new'})", "MERGE"),
    ("CREATE (n:Person {id: 'person:new'})", "CREATE"),
    ("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", "LOAD"),
    ("CALL apoc.load.json('file:///etc/passwd')", "CALL apoc.load.json"),
    ("CALL dbms.components()", "CALL dbms.components"),
])
def test_query_refuses_writes_and_file_access_and_changes_nothing(pushed, cypher, named):
    one_error(invoke("query", cypher, "--backend", "neo4j"), "refused", named)
    assert persons(pushed) == 3


def test_admin_commands_are_refused_even_with_the_write_flag(pushed):
    before = users(pushed)
    for cypher, named in (("CREATE USER mallory SET PASSWORD 'secret-pw-123' CHANGE NOT REQUIRED", "CREATE USER"),
                          ("DROP USER neo4j", "DROP"), ("SHOW USERS", "SHOW"),
                          ("GRANT ROLE admin TO mallory", "GRANT"),
                          ("LOAD CSV FROM 'file:///etc/passwd' AS line CREATE (:Leak {line: line})", "LOAD"),
                          ("CREATE INDEX leak FOR (n:Person) ON (n.title)", "CREATE INDEX")):
        for flags in ((), ("--allow-write",)):
            one_error(invoke("query", cypher, "--backend", "neo4j", *flags), "refused", named)
    assert users(pushed) == before
    assert run_unguarded(pushed, "MATCH (n:Leak) RETURN count(n) AS n") == [{"n": 0}]


def test_the_server_refuses_a_write_the_guard_did_not_see(pushed, monkeypatch):
    monkeypatch.setattr("briefgraph.cypher.guard.check", lambda cypher, allow_write=False: None)
    with pytest.raises(QueryError, match="Neo4j rejected the query"):
        pushed.run("MATCH (n:Person) DETACH DELETE n")
    assert persons(pushed) == 3


def test_with_the_write_flag_a_write_works(pushed):
    result = invoke("query", "CREATE (n:Person {id: 'person:new', kind: 'Person', name: 'New'}) RETURN n.id AS id",
                    "--backend", "neo4j", "--allow-write", "--format", "json")
    assert result.exit_code == 0, result.output
    assert persons(pushed) == 4
    deleted = invoke("query", "MATCH (n:Person {id: 'person:new'}) DETACH DELETE n", "--backend", "neo4j",
                     "--allow-write")
    assert deleted.exit_code == 0, deleted.output
    assert persons(pushed) == 3


def test_pull_cypher_follows_the_same_rule(pushed, tmp_path):
    out = tmp_path / "sub.json"
    one_error(invoke("pull", "-o", out, "--cypher", "MATCH (n:Person) DETACH DELETE n"), "refused", "DETACH DELETE")
    one_error(invoke("pull", "-o", out, "--cypher", "LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l"), "LOAD")
    assert not out.exists()
    assert persons(pushed) == 3


@pytest.mark.parametrize("cypher, named", [
    ("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", "LOAD"),
    ("COPY (MATCH (n) RETURN n) TO '/tmp/briefgraph-leak.csv'", "COPY"),
    ("INSTALL httpfs", "INSTALL"),
    ("MATCH (n:Person) DETACH DELETE n", "DETACH DELETE"),
])
def test_refusals_are_the_same_on_both_backends(pushed, tmp_path, cypher, named):
    graph_file = tmp_path / "graph.json"
    write_json(sample_graph(), graph_file)
    on_neo4j = invoke("query", cypher, "--backend", "neo4j")
    in_memory = invoke("query", cypher, graph_file)
    one_error(on_neo4j, "refused", named)
    one_error(in_memory, "refused", named)
    assert on_neo4j.stderr == in_memory.stderr
    assert persons(pushed) == 3
