"""The benchmark suite runs end to end at its smallest size, so it cannot rot.

Only the structure of the report is checked (sections, rows, positive numbers), never a
timing: timings depend on the machine and its load.
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pytest

# benchmarks/ is a top-level folder of the repository, not part of the installed package.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import corpus, runner  # noqa: E402
from briefgraph.loaders.document import parse  # noqa: E402


def _tables(markdown: str) -> dict[str, list[dict[str, str]]]:
    """Heading -> rows (as dicts) of the first table under it; 'skipped: ...' lines as one row."""
    out: dict[str, list[dict[str, str]]] = {}
    heading, header = None, None
    for line in markdown.splitlines():
        if line.startswith("## "):
            heading, header = line[3:].strip(), None
            out[heading] = []
        elif heading and line.startswith("skipped: "):
            out[heading].append({"skipped": line[len("skipped: "):]})
        elif heading and line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if header is None:
                header = cells
            elif not set("".join(cells)) <= set("-:"):
                out[heading].append(dict(zip(header, cells)))
    return out


def _number(cell: str) -> float:
    return float(cell.replace(",", "").split()[0])


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bench")
    md, raw = tmp / "BENCHMARKS.md", tmp / "bench.json"
    code = runner.main(["--quick", "--skip", "html,neo4j,query", "--output", str(md), "--json", str(raw), "--quiet"])
    assert code == 0
    return md.read_text(encoding="utf-8"), json.loads(raw.read_text(encoding="utf-8"))


def test_report_has_every_section(report):
    tables = _tables(report[0])
    titles = list(tables)
    assert titles[0] == "Machine"
    for prefix in ("Corpus", "Start-up", "Ingest: ", "Ingest stages", "JSON save and load of the 10-brief graph",
                   "HTML export", "Neo4j push", "Goals"):
        assert any(t.startswith(prefix) for t in titles), prefix
    for prefix in ("HTML export", "Neo4j push", "Query library at corpus scale"):
        rows = next(v for k, v in tables.items() if k.startswith(prefix))
        assert rows == [{"skipped": "--skip"}]


def test_machine_is_recorded(report):
    machine = report[1]["machine"]  # the markdown table has blank headers: read the raw JSON
    assert {"date", "CPU", "cores", "RAM", "Python"} <= set(machine)
    assert machine["CPU"] and machine["Python"].startswith("3.")


def test_corpus_rows(report):
    rows = _tables(report[0])["Corpus"]
    assert [int(r["briefs"]) for r in rows] == [10]
    assert all(_number(r[c]) > 0 for r in rows for c in ("kB", "kB per brief", "sentences per brief",
                                                          "footnotes per brief"))


def test_startup_rows(report):
    rows = next(v for k, v in _tables(report[0]).items() if k.startswith("Start-up"))
    commands = [r["command"] for r in rows]
    assert commands == ["python -c pass", "briefgraph --help", "briefgraph ingest <bundled brief> -o graph.json"]
    for r in rows:
        assert _number(r["median s"]) > 0 and _number(r["peak MB"]) > 0


def test_ingest_rows(report):
    rows = next(v for k, v in _tables(report[0]).items() if k.startswith("Ingest: "))
    jobs = [1] + ([os.cpu_count()] if (os.cpu_count() or 1) > 1 else [])
    assert [(int(r["briefs"]), int(r["jobs"])) for r in rows] == [(10, j) for j in jobs]
    for r in rows:
        for col in ("kB", "median s", "kB/s", "kB/s per core", "briefs/s", "ms per brief",
                    "CPU s", "kB per CPU s", "peak MB largest process", "peak MB all processes", "nodes", "edges"):
            assert _number(r[col]) > 0, col
    assert all(r["same output as --jobs 1"] in ("-", "yes") for r in rows)


def test_stage_and_json_rows(report):
    tables = _tables(report[0])
    stages = next(v for k, v in tables.items() if k.startswith("Ingest stages"))
    assert [int(r["briefs"]) for r in stages] == [10]
    for col in ("load ms/brief", "extract ms/brief", "resolve ms/brief", "build ms/brief", "total s", "nodes"):
        assert _number(stages[0][col]) > 0, col
    rows = next(v for k, v in tables.items() if k.startswith("JSON save"))
    assert [r["operation"] for r in rows] == ["write_json", "read_json"]
    assert all(_number(r["median s"]) > 0 and _number(r["MB"]) > 0 for r in rows)


def test_goals_have_verdicts(report):
    rows = next(v for k, v in _tables(report[0]).items() if k.startswith("Goals"))
    assert rows and all(r["verdict"].startswith(("met", "NOT met", "n/a")) for r in rows)
    assert any("--help" in r["goal"] for r in rows)


def test_corpus_is_deterministic_and_nested():
    three = corpus.generate(3, seed=5)
    assert three == corpus.generate(3, seed=5)
    assert corpus.generate(2, seed=5) == three[:2]
    assert corpus.generate(1, seed=6)[0] != three[0]


def test_corpus_briefs_parse_like_the_bundled_one():
    for text in corpus.generate(5):
        assert 9_000 <= len(text.encode()) <= 12_000
        doc = parse(text)
        assert doc.title and doc.author and doc.editor and doc.date and doc.publisher
        markers = {n for s in doc.sentences for n in s.footnotes}
        assert doc.footnotes and markers == set(doc.footnotes)  # every footnote found, none lost
        assert re.search(r"<https?://", text) and "Ministry of " in text


def test_write_corpus_reuses_files(tmp_path):
    paths = corpus.write_corpus(tmp_path, 2)
    before = [p.stat().st_mtime_ns for p in paths]
    assert corpus.write_corpus(tmp_path, 2) == paths
    assert [p.stat().st_mtime_ns for p in paths] == before


def test_bad_arguments_exit_2():
    with pytest.raises(SystemExit) as exc:
        runner.parse_args(["--skip", "nonsense"])
    assert exc.value.code == 2


def test_query_benchmark_measures_both_engines_offline(monkeypatch):
    from benchmarks import bench_query

    for key in ("NEO4J_URI", "BRIEFGRAPH_BENCH_BEFORE_PYTHON"):
        monkeypatch.delenv(key, raising=False)
    result = bench_query.run((3,), jobs=1)
    assert [r["engine"] for r in result["loads"]] == ["ladybug, first load", "ladybug, cached"]
    assert all(r["open_s"] >= 0 and r["peak_mb"] > 0 for r in result["loads"])
    from briefgraph.cypher.library import list_queries

    assert [r["query"] for r in result["queries"]] == [q.name for q in list_queries()]
    assert all(isinstance(r["rows"], int) and r["ladybug_ms"] >= 0 for r in result["queries"])
