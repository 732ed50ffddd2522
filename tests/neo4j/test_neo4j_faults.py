"""Push and pull under faults, against the real server: a second push says nothing changed; a
push stopped by Ctrl-C or SIGTERM says what it committed; a server killed mid-push, restarted,
and pushed to again ends with the same graph as a clean push; pull leaves out the nodes
briefgraph did not write instead of failing whole. The CLI runs in a child process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest
from sample_graph import sample_graph
from support import run_unguarded

from benchmarks.synthetic_graph import synthetic_graph
from briefgraph.graph.jsonio import read_json, to_dict, write_json
from briefgraph.graph.neo4j_store import Neo4jStore
from briefgraph.graph.store import graph_counts

pytestmark = pytest.mark.neo4j


def briefgraph(env: dict, *args, **kwargs) -> subprocess.CompletedProcess:
    full = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")} | env
    return subprocess.run([sys.executable, "-m", "briefgraph", *map(str, args)], env=full,
                          capture_output=True, text=True, timeout=kwargs.pop("timeout", 300), **kwargs)


def start_push(env: dict, graph_file, *args) -> subprocess.Popen:
    full = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")} | env
    return subprocess.Popen([sys.executable, "-m", "briefgraph", "push", str(graph_file), *args], env=full,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_progress(proc: subprocess.Popen, prefix: str = "nodes: ") -> list[str]:
    """Read the push's stderr until a progress line says batches are being committed."""
    seen = []
    for line in proc.stderr:
        seen.append(line.rstrip("\n"))
        if line.startswith(prefix):
            return seen
    raise AssertionError(f"the push ended before any progress: {seen}")


@pytest.fixture
def sample_file(tmp_path):
    path = tmp_path / "sample.json"
    write_json(sample_graph(), path)
    return path


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """A graph large enough that a push with small batches takes several seconds."""
    graph = synthetic_graph(6000, 12000)
    path = tmp_path_factory.mktemp("big") / "big.json"
    write_json(graph, path)
    return graph, path


def test_a_second_push_says_nothing_changed(store, neo4j_env, sample_file, tmp_path):
    first = briefgraph(neo4j_env, "push", sample_file)
    assert first.returncode == 0, first.stderr
    report = first.stderr.splitlines()[-1]
    assert report.startswith("pushed 17 nodes and 24 relationships to ")
    assert "(17 nodes created, 0 unchanged; 24 relationships created, 0 unchanged;" in report
    again = briefgraph(neo4j_env, "push", sample_file)
    assert again.returncode == 0, again.stderr
    report = again.stderr.splitlines()[-1]
    assert report.startswith("nothing changed: 17 nodes and 24 relationships already in ")
    assert "(0 nodes created, 17 unchanged; 0 relationships created, 24 unchanged;" in report
    # one node renamed: one update, the rest unchanged
    data = to_dict(read_json(sample_file))
    data["nodes"][0]["name"] += " (renamed)"
    changed = tmp_path / "changed.json"
    changed.write_text(__import__("json").dumps(data), encoding="utf-8")
    third = briefgraph(neo4j_env, "push", changed)
    assert third.returncode == 0, third.stderr
    assert "(0 nodes created, 1 updated, 16 unchanged; 0 relationships created, 24 unchanged;" in third.stderr


def test_pull_leaves_out_foreign_nodes_and_says_so(store, neo4j_env, sample_file, tmp_path):
    assert briefgraph(neo4j_env, "push", sample_file, "--quiet").returncode == 0
    run_unguarded(store, "CREATE (:State {name: 'No id'})-[:MEMBER_OF]->(:Organisation {id: 'org:foreign', name: 'Club'})")
    run_unguarded(store, "CREATE (:Person {id: 'person:noname'}), (:Alien {id: 'alien:1', name: 'Zork'})")
    try:
        out = tmp_path / "pulled.json"
        done = briefgraph(neo4j_env, "pull", "-o", out)
        assert done.returncode == 0, done.stderr
        assert done.stderr.splitlines()[0] == ("warning: skipped 3 nodes that briefgraph did not write (no id or "
                                               "name, a label or relationship outside the schema)")
        pulled = read_json(out)
        assert "org:foreign" in pulled and "person:noname" not in pulled and "alien:1" not in pulled
        assert set(sample_graph()) <= set(pulled)
        sub = tmp_path / "sub.json"
        done = briefgraph(neo4j_env, "pull", "-o", sub, "--cypher", "MATCH (n) RETURN n")
        assert done.returncode == 0, done.stderr
        assert "skipped 3 nodes" in done.stderr.splitlines()[0]
    finally:
        run_unguarded(store, "MATCH (n:Alien) DETACH DELETE n")


@pytest.mark.parametrize("signum, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_stopped_push_reports_what_it_committed(store, neo4j_env, big, signum, code):
    graph, path = big
    proc = start_push(neo4j_env, path, "--batch-size", "20", "--workers", "1")
    try:
        seen = wait_for_progress(proc)
        proc.send_signal(signum)
        rest = proc.stderr.read()
        proc.wait(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    lines = seen + rest.splitlines()
    assert proc.returncode == code, lines
    last = lines[-1]
    assert last.startswith("Error: push interrupted; committed: ") and "Traceback" not in rest, lines
    nodes = int(last.split("committed: ")[1].split(" of ")[0])
    relationships = int(last.split("nodes, ")[1].split(" of ")[0])
    assert 0 < nodes < graph.number_of_nodes()
    counts = store.counts()
    assert (counts["nodes"], counts["edges"]) == (nodes, relationships)  # exactly what it said


def test_a_server_killed_mid_push_then_restarted_converges(private_neo4j, big, tmp_path):
    graph, path = big
    env = private_neo4j.start()
    proc = start_push(env, path, "--batch-size", "50")
    try:
        wait_for_progress(proc)
        private_neo4j.kill()
        rest = proc.stderr.read()
        proc.wait(timeout=300)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 1
    error = rest.strip().splitlines()[-1]
    assert error.startswith("Error: ") and "Traceback" not in rest, rest
    private_neo4j.start(keep=True)  # crash recovery on the data the kill left
    with Neo4jStore(env["NEO4J_URI"], env["NEO4J_USERNAME"], env["NEO4J_PASSWORD"]) as s:
        partial = s.counts()
    assert 0 < partial["nodes"] <= graph.number_of_nodes()
    again = briefgraph(env, "push", path, "--batch-size", "2000")
    assert again.returncode == 0, again.stderr
    with Neo4jStore(env["NEO4J_URI"], env["NEO4J_USERNAME"], env["NEO4J_PASSWORD"]) as s:
        assert s.counts() == graph_counts(graph)  # the same counts as a clean push
    out = tmp_path / "pulled.json"
    assert briefgraph(env, "pull", "-o", out, "--quiet").returncode == 0
    assert to_dict(read_json(out)) == to_dict(read_json(path))
