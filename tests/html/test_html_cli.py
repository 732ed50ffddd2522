"""``briefgraph export html`` and ``briefgraph demo`` through CliRunner: outputs, exit codes,
usage errors, and the --neo4j wiring (the real Neo4j path is tested with the Neo4j store)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from briefgraph.cli import main
from briefgraph.graph.jsonio import write_json


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory, brief_graph):
    path = tmp_path_factory.mktemp("html") / "graph.json"
    write_json(brief_graph, path)
    return path


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_export_html_writes_the_file_and_reports_on_stderr(graph_file, tmp_path, brief_graph):
    out = tmp_path / "brief.html"
    result = run("export", "html", str(graph_file), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == f"{brief_graph.number_of_nodes()} nodes, {brief_graph.number_of_edges()} edges -> {out}\n"
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_export_html_to_stdout_with_a_title(graph_file):
    result = run("export", "html", str(graph_file), "-o", "-", "--title", "Caucasus <desk> notes")
    assert result.exit_code == 0
    assert "<title>Caucasus &lt;desk&gt; notes</title>" in result.stdout
    assert result.stderr == ""


@pytest.mark.parametrize("args,message", [
    (["-o", "x.html"], "missing GRAPH.json (or use --neo4j"),
    (["g.json", "--neo4j", "-o", "x.html"], "either GRAPH.json or --neo4j, not both"),
    (["g.json", "--cypher", "MATCH (n) RETURN n", "-o", "x.html"], "--cypher needs --neo4j"),
])
def test_usage_errors(args, message):
    result = run("export", "html", *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_missing_and_bad_graph_files_are_one_line_errors(tmp_path):
    result = run("export", "html", str(tmp_path / "nope.json"), "-o", str(tmp_path / "x.html"))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {tmp_path / 'nope.json'}: no such file\n"
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    result = run("export", "html", str(bad), "-o", str(tmp_path / "x.html"))
    assert result.exit_code == 1 and result.stderr.startswith("Error: ") and "not a briefgraph graph" in result.stderr
    assert not (tmp_path / "x.html").exists()


def test_output_folder_must_exist(graph_file, tmp_path):
    result = run("export", "html", str(graph_file), "-o", str(tmp_path / "no" / "x.html"))
    assert result.exit_code == 1
    assert "does not exist" in result.stderr


def test_neo4j_option_reads_the_graph_from_the_store(monkeypatch, tmp_path, brief_graph):
    from briefgraph.graph import neo4j_store

    calls = []

    class FakeStore:
        @classmethod
        def from_env(cls):
            return cls()

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            calls.append("closed")

        def read(self, cypher=None):
            calls.append(cypher)
            return brief_graph

    monkeypatch.setattr(neo4j_store, "Neo4jStore", FakeStore)
    out = tmp_path / "n.html"
    query = "MATCH p=(:Person)-[*..2]-(:State) RETURN p"
    result = run("export", "html", "--neo4j", "--cypher", query, "-o", str(out))
    assert result.exit_code == 0, result.output
    assert calls == [query, "closed"] and out.exists()


def test_neo4j_unreachable_is_a_one_line_error(monkeypatch, tmp_path):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    result = run("export", "html", "--neo4j", "-o", str(tmp_path / "x.html"))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no Neo4j to talk to")


def test_demo_writes_the_explorer(tmp_path):
    result = run("demo", "-d", str(tmp_path / "demo"), "--quiet")
    assert result.exit_code == 0, result.output
    assert f"explorer: {tmp_path / 'demo' / 'graph.html'}" in result.stdout
    assert (tmp_path / "demo" / "graph.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
