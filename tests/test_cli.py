"""Every core command through click's CliRunner: output, exit codes and error lines."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from briefgraph.cli import main


@pytest.fixture()
def runner():
    return CliRunner()


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory, brief_path):
    out = tmp_path_factory.mktemp("g") / "graph.json"
    result = CliRunner().invoke(main, ["ingest", str(brief_path), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out


def test_help_lists_every_command(runner):
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    for cmd in ("ingest", "timeline", "show", "demo", "export"):
        assert cmd in result.output


def test_ingest_writes_the_graph_and_reports_on_stderr(runner, brief_path, tmp_path):
    out = tmp_path / "g.json"
    result = runner.invoke(main, ["ingest", str(brief_path), "-o", str(out)])
    assert result.exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len([n for n in data["nodes"] if n["kind"] == "Source"]) == 15
    assert "nodes" in result.stderr and result.stdout == ""


def test_ingest_to_stdout(runner, brief_path):
    result = runner.invoke(main, ["ingest", str(brief_path), "-o", "-", "-q"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["format"] == "briefgraph"


@pytest.mark.parametrize("setup, message", [
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: d, "is a directory"),
    (lambda d: (d / "e.txt").write_bytes(b"") and d / "e.txt" or d / "e.txt", "is empty"),
    (lambda d: (d / "b.txt").write_bytes(b"\x00\x01\x02") and d / "b.txt" or d / "b.txt", "binary"),
    (lambda d: (d / "l.txt").write_bytes("caf\u00e9".encode("latin-1")) and d / "l.txt" or d / "l.txt", "not UTF-8"),
])
def test_bad_input_gives_one_error_line(runner, tmp_path, setup, message):
    target = tmp_path / "out.json"
    target.write_text("keep me", encoding="utf-8")
    brief = setup(tmp_path)
    result = runner.invoke(main, ["ingest", str(brief), "-o", str(target)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0]
    assert "Traceback" not in result.output
    assert target.read_text(encoding="utf-8") == "keep me"


def test_timeline_in_order_with_range_and_actor(runner, graph_file):
    result = runner.invoke(main, ["timeline", str(graph_file), "--format", "json"])
    assert result.exit_code == 0
    entries = json.loads(result.stdout)
    starts = [e["date_start"] for e in entries if e["date_start"]]
    assert starts == sorted(starts)
    assert entries[-1]["date"] is None  # undated last
    ranged = json.loads(runner.invoke(main, ["timeline", str(graph_file), "--from", "2014", "--to", "2020",
                                             "--format", "json"]).stdout)
    assert ranged and all("2014-01-01" <= e["date_start"] and e["date_end"] <= "2020-12-31" for e in ranged)
    assert {e["date"] for e in ranged} >= {"2014", "2015-03", "2019", "2020"}
    mamnoon = json.loads(runner.invoke(main, ["timeline", str(graph_file), "--actor", "Mamnoon Hussain",
                                              "--format", "json"]).stdout)
    assert [e["date"] for e in mamnoon] == ["2015-03"]


def test_timeline_text_shows_precision_participants_and_sources(runner, graph_file):
    result = runner.invoke(main, ["timeline", str(graph_file), "--from", "2024-07-11"])
    assert result.exit_code == 0
    assert "2024-07-11/2024-07-12" in result.stdout and "participants:" in result.stdout and "source:" in result.stdout


@pytest.mark.parametrize("args, message", [
    (["--from", "someday"], "cannot read 'someday' as a date"),
    (["--actor", "Nobody Atall"], "no actor named"),
])
def test_timeline_errors(runner, graph_file, args, message):
    result = runner.invoke(main, ["timeline", str(graph_file), *args])
    assert result.exit_code == 1 and message in result.stderr


def test_show_counts_and_top_actors(runner, graph_file):
    result = runner.invoke(main, ["show", str(graph_file), "--top", "3"])
    assert result.exit_code == 0
    assert "Source" in result.stdout and "HEAD_OF" in result.stdout
    top = result.stdout.split("most connected actors:")[1].strip().splitlines()
    assert len(top) == 3 and top[0].strip().startswith(("Pakistan", "Azerbaijan"))


def test_show_rejects_a_non_graph(runner, tmp_path):
    p = tmp_path / "x.json"
    p.write_text("[1, 2]", encoding="utf-8")
    result = runner.invoke(main, ["show", str(p)])
    assert result.exit_code == 1 and "is not a briefgraph graph" in result.stderr


def test_export_json_canonical(runner, graph_file, tmp_path):
    out = tmp_path / "c.json"
    result = runner.invoke(main, ["export", "json", str(graph_file), "-o", str(out)])
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(graph_file.read_text(encoding="utf-8"))


def test_demo_writes_graph_and_explorer(runner, tmp_path):
    result = runner.invoke(main, ["demo", "--output-dir", str(tmp_path / "demo"), "-q"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "demo" / "graph.json").exists()
    assert "graph:" in result.stdout


def test_debug_shows_the_traceback(runner, tmp_path):
    result = runner.invoke(main, ["--debug", "show", str(tmp_path / "none.json")])
    assert result.exit_code != 0 and result.exception is not None
