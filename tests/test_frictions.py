"""The smaller frictions a new user meets: a brief not in English, show on a corpus, demo's
help, hints that name what exists, a push to a server that does not answer. Through the real
CLI (CliRunner, or a child process where the process itself matters)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time

import pytest
from click.testing import CliRunner

from briefgraph.cli import main
from briefgraph.graph import neo4j_store, validate
from briefgraph.graph.jsonio import read_json
from briefgraph.pipeline import bundled_brief
from support import FRENCH


def invoke(*args, **kwargs):
    return CliRunner().invoke(main, [str(a) for a in args], **kwargs)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_brief_not_in_english_gets_one_warning_and_no_nodes(tmp_path, jobs):
    french = tmp_path / "francais.txt"
    french.write_text(FRENCH, encoding="utf-8")
    out = tmp_path / "g.json"
    result = invoke("ingest", french, bundled_brief(), "-o", out, "--jobs", jobs, "--quiet")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"Warning: {french} does not look like English (0% English function words in 86 words): "
        "nothing extracted from it"]
    graph = read_json(out)
    alone = read_json(_ingest(tmp_path, bundled_brief()))
    assert sorted(graph) == sorted(alone)  # nothing from the French brief, all of the English one
    assert len(graph.graph["documents"]) == 2  # the document itself is still listed


def _ingest(tmp_path, brief):
    out = tmp_path / "alone.json"
    assert invoke("ingest", brief, "-o", out, "--quiet").exit_code == 0
    return out


def test_english_briefs_get_no_warning(tmp_path):
    fixtures = sorted((bundled_brief().parents[2] / "tests" / "fixtures").iterdir())
    result = invoke("ingest", bundled_brief(), *fixtures, "-o", tmp_path / "g.json", "--quiet")
    assert result.exit_code == 0 and result.stderr == ""


@pytest.fixture
def corpus_graph(tmp_path):
    """A graph file of 30 documents (titles Brief 00 ... Brief 29)."""
    docs = [{"id": f"doc:{i:02d}", "title": f"Brief {i:02d}", "date": "2024"} for i in range(30)]
    nodes = [{"id": "state:pk", "kind": "State", "name": "Pakistan", "aliases": [], "date": None, "evidence": []}]
    path = tmp_path / "corpus.json"
    path.write_text(json.dumps({"format": "briefgraph", "schema_version": 1, "documents": docs, "nodes": nodes,
                                "edges": []}), encoding="utf-8")
    return path


def test_show_on_a_corpus_gives_counts_first_and_a_few_titles(corpus_graph):
    result = invoke("show", corpus_graph)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[:3] == ["documents: 30", "nodes: 1", "  State                1"]
    assert lines.index("briefs (first 10 of 30):") > lines.index("edges: 0")
    assert sum(line.startswith("  Brief ") for line in lines) == 10
    assert "  ... and 20 more (--top 30 lists them all)" in lines
    assert len(invoke("show", corpus_graph, "--top", "30").stdout.splitlines()) == len(lines) + 19


def test_demo_help_says_what_demo_does(tmp_path):
    help_text = " ".join(invoke("demo", "--help").stdout.split())
    assert "graph, timeline and HTML explorer" not in help_text  # it never printed a timeline
    assert "write graph.json and graph.html" in help_text and "print the two paths" in help_text
    result = invoke("demo", "--output-dir", tmp_path / "d", "--quiet")
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["graph", "explorer"]


@pytest.fixture
def dead_neo4j(monkeypatch, tmp_path):
    for key in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_DATABASE"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("NEO4J_PASSWORD", "x")
    graph = tmp_path / "g.json"
    graph.write_text(json.dumps({"format": "briefgraph", "schema_version": 1, "documents": [], "nodes": [],
                                 "edges": []}), encoding="utf-8")
    return graph


def test_hints_offer_backend_memory_only_where_it_exists(dead_neo4j, tmp_path):
    push = invoke("push", dead_neo4j, "--uri", "bolt://127.0.0.1:1")
    pull = invoke("pull", "-o", tmp_path / "x.json", "--uri", "bolt://127.0.0.1:1")
    query = invoke("query", "co_participation", "--backend", "neo4j", "--uri", "bolt://127.0.0.1:1")
    for result in (push, pull, query):
        assert result.exit_code == 1 and result.stderr.startswith("Error: Neo4j unreachable")
    assert "--backend memory" not in push.stderr and "--backend memory" not in pull.stderr
    assert "--backend memory" in query.stderr


def test_hints_name_scripts_neo4j_local_only_in_a_checkout(dead_neo4j, monkeypatch, tmp_path):
    here = invoke("push", dead_neo4j)
    assert 'in the briefgraph checkout: eval "$(scripts/neo4j-local start)"' in here.stderr
    # installed from a wheel, the module lives in site-packages/briefgraph/graph: no scripts/ there
    installed = tmp_path / "site-packages" / "briefgraph" / "graph" / "neo4j_store.py"
    monkeypatch.setattr(neo4j_store, "__file__", str(installed))
    for result in (invoke("push", dead_neo4j), invoke("push", dead_neo4j, "--uri", "bolt://127.0.0.1:1")):
        assert result.exit_code == 1 and "scripts/neo4j-local" not in result.stderr, result.stderr
        assert "start Neo4j" in result.stderr


def test_push_to_a_server_that_never_answers_fails_within_seconds(dead_neo4j):
    # a socket that accepts connections and never says a word (a hung server, a wrong service)
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        port = listener.getsockname()[1]
        held = []
        stop = threading.Event()

        def accept():
            listener.settimeout(0.2)
            while not stop.is_set():
                try:
                    held.append(listener.accept()[0])
                except OSError:
                    continue

        thread = threading.Thread(target=accept, daemon=True)
        thread.start()
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "briefgraph", "push", str(dead_neo4j), "--uri",
                               f"bolt://127.0.0.1:{port}"], capture_output=True, text=True, timeout=120)
        elapsed = time.monotonic() - started
        stop.set()
        thread.join()
        for conn in held:
            conn.close()
    assert done.returncode == 1 and done.stderr.startswith("Error: Neo4j unreachable"), done.stderr
    # the driver's default waits 60 s; a connection timeout of a few seconds must end it well before
    assert elapsed < 30, elapsed


def test_an_older_schema_version_is_migrated(tmp_path, monkeypatch):
    def from_zero(data):  # a made-up version 0 that called the node list "vertices"
        data = dict(data)
        data["nodes"] = data.pop("vertices")
        return data

    monkeypatch.setitem(validate.MIGRATIONS, 0, from_zero)
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"format": "briefgraph", "schema_version": 0,
                                "vertices": [{"id": "state:pk", "kind": "State", "name": "Pakistan"}],
                                "edges": []}), encoding="utf-8")
    result = invoke("show", path)
    assert result.exit_code == 0, result.output
    assert "  State                1" in result.stdout
