"""The query library offline and in Neo4j, on graphs of 100 and 1,000 generated briefs: the
embedded engine's first load (JSON read, database built and cached) and cached open, each
query's time on both backends, and the peak memory of each offline process.

Every offline measurement runs in a fresh process (``python -m benchmarks.bench_query child
...``), so the peak memory (the child's own VmHWM) is that of one ``briefgraph query`` session.
Each query runs twice in it: the first time, as one CLI call sees it (plan and pages cold),
then warm, as Neo4j is timed (after one run, its plan cached); the ratio to Neo4j is warm to warm.
The previous engine (grand-cypher) is measured too when ``BRIEFGRAPH_BENCH_BEFORE_PYTHON``
names an interpreter where the old briefgraph is installed (``pip install`` of the commit
before the change): its "load" is reading the JSON and building its networkx view, and the
two queries it could not run are marked so. Neo4j rows need ``NEO4J_URI`` (the graph is
pushed, then each query runs in a read transaction); without it they are left out.

``python -m benchmarks.bench_query [SIZE ...]`` prints a table (default sizes 100 1000).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any



def query_params(graph) -> dict[str, str]:
    """Names that exist in the graph, for the library queries' parameters."""
    from benchmarks.bench_neo4j import _query_params

    return _query_params(graph)


# -- children: one measurement each, in its own process -----------------------------------------

def _child(mode: str, graph_path: str, params_json: str) -> dict[str, Any]:
    from briefgraph.cypher.library import list_queries

    values = json.loads(params_json)
    queries = list_queries()
    out: dict[str, Any] = {"queries": {}}
    started = time.perf_counter()
    if mode in ("first", "cached"):
        from briefgraph.cypher.memory import _rows, _run, open_file

        database = open_file(graph_path)
        out["open_s"] = time.perf_counter() - started
        for q in queries:
            params = q.convert({p.name: values[p.name] for p in q.params})
            times = []
            for _ in range(2):  # the first run, as one CLI call sees it; then warm, as Neo4j is timed
                t = time.perf_counter()
                rows = _rows(*_run(database, q.text, params))
                times.append(time.perf_counter() - t)
            out["queries"][q.name] = (times[0], len(rows), times[1])
        database.close()
    else:  # "before": the grand-cypher engine of the previous release
        from briefgraph.cypher import memory
        from briefgraph.graph.jsonio import read_json

        graph = read_json(graph_path)
        memory.cypher_view(graph)
        out["open_s"] = time.perf_counter() - started
        for q in queries:
            if getattr(q, "neo4j_only", None):
                out["queries"][q.name] = (None, "cannot run")
                continue
            params = q.convert({p.name: values[p.name] for p in q.params})
            t = time.perf_counter()
            rows = memory.run_query(graph, q.text, params)
            out["queries"][q.name] = (time.perf_counter() - t, len(rows))
    out["peak_mb"] = _own_peak_mb()
    return out


def _own_peak_mb() -> float | None:
    """This process's peak resident memory (VmHWM). Not the rusage of wait4: Python starts a
    child with vfork, and Linux carries the parent's peak across exec into the child's
    ru_maxrss, so a child of a runner holding a 1,000-brief graph would report the runner's."""
    try:
        from benchmarks.procstat import status_mb
    except ImportError:  # run as a script (the children): its own folder is on the path
        from procstat import status_mb
    return status_mb()[1] or None


def run(sizes: tuple[int, ...] = (100, 1000), jobs: int = 2) -> dict[str, Any]:
    """Measure the query library at each corpus size; return one row per (size, query)."""
    from benchmarks import corpus
    from briefgraph.graph.jsonio import write_json
    from briefgraph.pipeline import ingest

    rows: list[dict[str, Any]] = []
    loads: list[dict[str, Any]] = []
    before_python = os.environ.get("BRIEFGRAPH_BENCH_BEFORE_PYTHON")
    with tempfile.TemporaryDirectory(prefix="briefgraph-bench-query-") as tmp:
        work = Path(tmp)
        paths = corpus.write_corpus(work / "corpus", max(sizes))
        for n in sizes:
            graph = ingest(paths[:n], jobs=jobs)
            graph_path = work / f"graph-{n}.json"
            write_json(graph, graph_path)
            params = query_params(graph)
            env = {**os.environ, "BRIEFGRAPH_CACHE": str(work / f"cache-{n}")}
            label = f"{n} briefs ({graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges)"
            measured: dict[str, dict] = {}
            for mode, python in (("first", sys.executable), ("cached", sys.executable), ("before", before_python)):
                if python is None:
                    continue
                result = _spawn_with_peak(python, mode, graph_path, params, env)
                measured[mode] = result
                loads.append({"graph": label, "engine": {"first": "ladybug, first load", "cached": "ladybug, cached",
                                                        "before": "grand-cypher (before)"}[mode],
                              "open_s": round(result["open_s"], 2), "process_s": round(result["wall_s"], 2),
                              "process_cpu_s": round(result["cpu_s"], 2), "peak_mb": round(result["peak_mb"])})
            neo4j = _neo4j_times(graph, params) if os.environ.get("NEO4J_URI") else {}
            for name in measured["cached"]["queries"]:
                row: dict[str, Any] = {"graph": f"{n} briefs", "query": name}
                t, count, warm = measured["cached"]["queries"][name]
                row["ladybug_ms"] = round(1000 * t, 1)
                row["ladybug_warm_ms"] = round(1000 * warm, 1)
                row["rows"] = count
                if "before" in measured:
                    bt, bcount = measured["before"]["queries"][name]
                    row["grand_cypher_ms"] = "cannot run" if bt is None else round(1000 * bt, 1)
                if name in neo4j:
                    row["neo4j_ms"] = round(1000 * neo4j[name][0], 1)
                    row["warm_ratio_to_neo4j"] = round(warm / neo4j[name][0], 2)
                    row["same_count_as_neo4j"] = neo4j[name][1] == count
                rows.append(row)
    return {"loads": loads, "queries": rows}


def _spawn_with_peak(python: str, mode: str, graph_path: Path, params: dict, env: dict) -> dict[str, Any]:
    """Run one child and read its own peak RSS from wait4 (not the maximum over all children)."""
    # run as a script, so the child imports the briefgraph installed for ``python`` (the old one
    # for "before"), not the repository's folders
    cmd = [python, __file__, "child", mode, str(graph_path), json.dumps(params)]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True,
                            cwd=tempfile.gettempdir())
    out = proc.stdout.read()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if proc.returncode:
        last = err.strip().splitlines()[-1] if err.strip() else str(proc.returncode)
        raise RuntimeError(f"{mode} child failed: {last}")
    result = json.loads(out)
    result["wall_s"] = wall
    if result.get("peak_mb") is None:
        result["peak_mb"] = usage.ru_maxrss / 1024  # an upper bound (see _own_peak_mb)
    result["cpu_s"] = usage.ru_utime + usage.ru_stime  # steadier than wall time on a shared machine
    return result


def _neo4j_times(graph, params: dict) -> dict[str, tuple[float, int]]:
    from briefgraph.cypher.library import list_queries
    from briefgraph.graph.neo4j_store import Neo4jStore

    out = {}
    with Neo4jStore.from_env() as store:
        store.clear()
        store.write(graph)
        for q in list_queries():
            values = q.convert({p.name: params[p.name] for p in q.params})
            store.run(q.text, values)  # warm: plans cached, as in a session
            t = time.perf_counter()
            rows = store.run(q.text, values)
            out[q.name] = (time.perf_counter() - t, len(rows))
        store.clear()
    return out


def _print(result: dict[str, Any]) -> None:
    for key in ("loads", "queries"):
        rows = result[key]
        if not rows:
            continue
        columns = list(dict.fromkeys(k for r in rows for k in r))
        widths = [max(len(c), *(len(str(r.get(c, ""))) for r in rows)) for c in columns]
        print("  ".join(c.ljust(w) for c, w in zip(columns, widths)))
        for r in rows:
            print("  ".join(str(r.get(c, "")).ljust(w) for c, w in zip(columns, widths)))
        print()


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "child":
        print(json.dumps(_child(*sys.argv[2:5])))
    else:
        _print(run(tuple(int(x) for x in sys.argv[1:]) or (100, 1000)))
