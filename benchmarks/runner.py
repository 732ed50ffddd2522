"""The benchmark runner: ``python -m benchmarks`` measures, prints a report and writes BENCHMARKS.md.

Sections (each can be skipped with ``--skip``):

``quality``  the example brief and any reference briefs given with ``--reference DIR``, scored with
             the shared scorer (``--scorer PATH``); skipped without them.

``startup``  ``briefgraph --help`` and ``briefgraph ingest`` of the bundled brief as whole
             processes, cold start included (the interpreter alone is shown as the floor).
``ingest``   ``briefgraph ingest`` of 10 / 100 / 1,000 synthetic briefs as a whole process,
             with one process and with ``--jobs N``: throughput, peak memory of the main
             process and its workers (``wait4`` rusage and a /proc sampler of the tree).
``stages``   the same corpora in this process, stage by stage (load, extract, resolve,
             build), warm: shows that resolution across briefs grows linearly.
``json``     ``write_json`` / ``read_json`` of the largest graph.
``pdf``      ``benchmarks.bench_pdf.run`` (a 10-page PDF brief through ``briefgraph ingest``).
``html``     ``benchmarks.bench_html.run`` (export time, size, time to interactive in Chromium).
``neo4j``    ``benchmarks.bench_neo4j.run`` (push vs the naive loader, query library on both backends).
``query``    ``benchmarks.bench_query.run`` (the query library offline and in Neo4j at 100 / 1,000 briefs:
             first load, cached open, each query, peak memory).

Timings are medians of ``--runs`` runs. Nothing here asserts a timing: the runner only
measures and reports; goals are evaluated and printed as met / not met.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import hashlib
import importlib
import importlib.util
import inspect
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from benchmarks import corpus
from benchmarks.procstat import status_mb

CORPUS_COLUMNS = ["briefs", "kB", "kB per brief", "sentences per brief", "footnotes per brief"]
SECTIONS = ("quality", "startup", "ingest", "stages", "json", "pdf", "html", "neo4j", "query")
HTML_SIZES = ((500, 1500), (5000, 15000), (15000, 30000), (20000, 60000))  # 15k/30k: issue 13's corpus
NOTES_MARKER = "<!-- notes below this line are kept when the file is regenerated -->"
REPO = Path(__file__).resolve().parent.parent
KB = 1000  # throughput is reported in kB = 1,000 bytes of brief text (UTF-8)

# Goals of the benchmark issue, evaluated in the report.
GOAL_HELP_S = 0.3
# 500 kB/s per core was the goal of the first, brief-fitted extraction; the extraction issue that
# rewrote it for briefs it was never written for set 250 kB of brief text per CPU second
GOAL_KB_PER_S_PER_CORE = 250
GOAL_CORPUS_S = 30
GOAL_PEAK_MB = 2048
GOAL_LINEAR_RATIO = 1.5
GOAL_PDF_S = 2.0


@dataclass
class Table:
    """One section of the report: a table, or the reason it was skipped."""

    key: str
    title: str
    columns: list[str] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)
    note: str = ""
    skipped: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # machine-readable details (in --json only)


Log = Callable[[str], None]


# -- measuring --------------------------------------------------------------------------------

@dataclass
class ProcessRun:
    seconds: float
    cpu_seconds: float      # user + system time of the process and every descendant it waited for
    returncode: int
    stderr: str
    max_rss_mb: float       # peak of the largest single process of the tree
    tree_peak_mb: float     # largest sum over the tree seen by the sampler (0 if not sampled)
    sampled_peak_mb: float  # largest VmHWM of one process seen by the sampler


def _children(pid: int) -> list[int]:
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as fh:
                out.extend(int(x) for x in fh.read().split())
    except OSError:
        pass
    return out


class _TreeSampler(threading.Thread):
    """Samples the resident memory of a process and all its descendants every ``interval`` s:
    the largest sum over the tree, and the largest high-water mark of any one process."""

    def __init__(self, pid: int, interval: float = 0.02):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.tree_peak = self.process_peak = 0.0
        self.done = threading.Event()
        self.enabled = os.path.exists(f"/proc/{os.getpid()}/task/{os.getpid()}/children")

    def run(self) -> None:
        while self.enabled and not self.done.is_set():
            pids, i = [self.pid], 0
            while i < len(pids):
                pids.extend(_children(pids[i]))
                i += 1
            sizes = [status_mb(p) for p in pids]
            self.tree_peak = max(self.tree_peak, sum(r for r, _ in sizes))
            self.process_peak = max(self.process_peak, max(h for _, h in sizes))
            self.done.wait(self.interval)


_GNU_TIME: list[str | None] = []


def gnu_time() -> str | None:
    """Path of GNU time, if installed: its ``%M`` is the exact peak of the command it runs."""
    if not _GNU_TIME:
        path = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
        if path:
            res = subprocess.run([path, "--version"], capture_output=True, text=True)
            path = path if "GNU" in res.stdout + res.stderr else None
        _GNU_TIME.append(path)
    return _GNU_TIME[0]


PEAK_METHOD = ("The peak of the largest single process is GNU time's %M (the kernel's ru_maxrss of the "
               "command and the workers it waited for; time forks from its own small process, so the "
               "runner's memory is not counted, as it would be by ru_maxrss of a process the runner started "
               "directly). Without GNU time it is the largest VmHWM seen by the sampler.")


def run_process(cmd: Sequence[str], sample: bool = True) -> ProcessRun:
    """Run ``cmd`` to completion; wall time, CPU time, exit code, stderr and peak memory.

    The peak of the largest process comes from GNU time when installed (see PEAK_METHOD); the
    peak of the whole tree at once (main process plus workers) comes from sampling /proc.
    """
    timer = gnu_time()
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as rss_file:
        full = [timer, "-f", "%M", "-o", rss_file.name, *cmd] if timer else list(cmd)
        t0 = time.perf_counter()
        proc = subprocess.Popen(full, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err)
        sampler = _TreeSampler(proc.pid)
        if sample:
            sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        sampler.done.set()
        if sample:
            sampler.join()
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
        lines = rss_file.read().split()
    max_rss = int(lines[-1]) / 1024 if timer and lines and lines[-1].isdigit() else sampler.process_peak
    return ProcessRun(seconds, usage.ru_utime + usage.ru_stime, proc.returncode, stderr, max_rss,
                      max(sampler.tree_peak, max_rss), sampler.process_peak)


def _median(values: Sequence[float]) -> float:
    return statistics.median(values)


def _spread(values: Sequence[float]) -> str:
    return f"{min(values):.3g}–{max(values):.3g}" if len(values) > 1 else "-"


def briefgraph_command() -> list[str]:
    """How to start the installed ``briefgraph`` command (the console script of this venv)."""
    script = Path(sys.executable).parent / "briefgraph"
    if script.exists():
        return [str(script)]
    found = shutil.which("briefgraph")
    return [found] if found else [sys.executable, "-m", "briefgraph"]


def bundled_brief() -> Path:
    import briefgraph  # light: only __version__; the pipeline is not imported

    return Path(briefgraph.__file__).parent / "data" / "pakistan-azerbaijan-2024.txt"


class BenchmarkError(Exception):
    """Raised when a measured command fails; the section is reported as skipped with the reason."""


def _last_line(text: str) -> str:
    lines = [x for x in text.strip().splitlines() if x.strip()]
    return lines[-1][:300] if lines else "(no message)"


def _check(run: ProcessRun, what: str) -> ProcessRun:
    if run.returncode != 0:
        raise BenchmarkError(f"{what} failed (exit {run.returncode}): {_last_line(run.stderr)}")
    return run


# -- corpus -----------------------------------------------------------------------------------

def _probe(path: str) -> str | None:
    """Extract one brief in a worker; the error as text if the extractor raises, else None."""
    from briefgraph.pipeline import extract_file

    try:
        extract_file(path)
    except Exception as exc:  # any crash of the extractor: reported, never hidden
        return f"{type(exc).__name__}: {exc}"
    return None


def prepare_corpus(directory: Path, n: int, seed: int, jobs: int, exclude_failing: bool,
                   log: Log) -> tuple[list[Path], Table]:
    """Write the corpus; unless told otherwise, leave out briefs the extractor crashes on.

    One brief that raises makes ``briefgraph ingest`` of the whole corpus fail, and then nothing
    is measured. So every brief is first extracted once (in ``jobs`` processes); briefs that raise
    are listed in the report (and fail a goal) and more briefs are generated in their place, so
    the sizes stay exact.
    """
    from concurrent.futures import ProcessPoolExecutor

    t = Table("corpus", "Corpus", CORPUS_COLUMNS,
              note=f"Synthetic briefs from benchmarks/corpus.py (seed {seed}): the 10-brief corpus is the "
                   "start of the 100-brief one, and so on.")
    generated = n
    paths = corpus.write_corpus(directory, generated, seed)
    failed: list[tuple[str, str]] = []
    if exclude_failing:
        good: list[Path] = []
        todo = paths
        with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
            while True:
                log(f"corpus: checking that the extractor reads {len(todo):,} briefs")
                for p, err in zip(todo, pool.map(_probe, map(str, todo), chunksize=max(1, len(todo) // (8 * jobs)))):
                    if err:
                        failed.append((p.name, err))
                    else:
                        good.append(p)
                if len(good) >= n or generated > 2 * n + 20:
                    break
                more = n - len(good) + 2
                todo = corpus.write_corpus(directory, generated + more, seed)[generated:]
                generated += more
        paths = good[:n]
    if exclude_failing:
        t.extra["failed_briefs"] = failed
    if failed:
        shown = "; ".join(f"{name}: {err}" for name, err in failed[:5])
        t.note += (f" The extractor raised on {len(failed)} of {generated:,} generated briefs, which were left "
                   f"out and replaced (run with --keep-failing to measure with them): {shown}"
                   + (" ..." if len(failed) > 5 else "") + ".")
    return paths, t


def corpus_rows(t: Table, paths: list[Path], sizes: Sequence[int]) -> None:
    """One row per size: briefs, kB, and per brief: kB, sentences and footnotes (as the loader reads them)."""
    try:
        from briefgraph.loaders.document import parse
    except ImportError:
        parse = None
    t.rows = []
    for n in sizes:
        texts = [p.read_text(encoding="utf-8") for p in paths[:n]]
        kb = sum(len(x.encode()) for x in texts) / KB
        docs = [parse(x) for x in texts] if parse else []
        per = (lambda f: sum(map(f, docs)) / n) if docs else (lambda f: None)
        t.rows.append([n, kb, kb / n, per(lambda d: len(d.sentences)), per(lambda d: len(d.footnotes))])


# -- sections ---------------------------------------------------------------------------------

def bench_startup(runs: int, work: Path, log: Log) -> Table:
    t = Table("startup", "Start-up: whole processes, cold start included",
              ["command", "runs", "median s", "range s", "peak MB"],
              note="Each command is a fresh process. The interpreter alone is the floor no command can beat. "
                   + PEAK_METHOD)
    bg = briefgraph_command()
    n = max(runs, 5)
    commands = [("python -c pass", [sys.executable, "-c", "pass"], n),
                ("briefgraph --help", [*bg, "--help"], n),
                ("briefgraph ingest <bundled brief> -o graph.json",
                 [*bg, "ingest", str(bundled_brief()), "-o", str(work / "bundled.json"), "--quiet"], max(runs, 3))]
    for label, cmd, k in commands:
        log(f"startup: {label} x{k}")
        try:
            results = [_check(run_process(cmd), label) for _ in range(k)]
        except BenchmarkError as exc:
            t.rows.append([label, 0, None, f"failed: {exc}", None])
            continue
        secs = [r.seconds for r in results]
        t.rows.append([label, k, _median(secs), _spread(secs), max(r.max_rss_mb for r in results)])
    return t


def bench_ingest(paths: list[Path], sizes: Sequence[int], jobs: Sequence[int], runs: int, work: Path,
                 log: Log) -> Table:
    t = Table("ingest", "Ingest: `briefgraph ingest` as a whole process",
              ["briefs", "kB", "jobs", "runs", "median s", "range s", "kB/s", "kB/s per core", "briefs/s",
               "ms per brief", "CPU s", "kB per CPU s", "peak MB largest process", "peak MB all processes", "nodes", "edges",
               "same output as --jobs 1"],
              note="Wall time of the whole command: interpreter start, imports, gazetteer, reading, extraction, "
                   "resolution across briefs, graph build and JSON write. kB = 1,000 bytes of brief text. "
                   "'per core' divides by min(jobs, cores). 'CPU s' is user + system time of the main "
                   "process and its workers (kernel rusage): unlike wall time it barely moves when other "
                   "work shares the machine, so 'kB per CPU s' is the per-core throughput to compare. "
                   "'peak MB largest process' is the biggest single process (main or one worker). " + PEAK_METHOD +
                   " 'peak MB all processes' is the largest sum of resident memory over the process tree (main "
                   "process and workers at once) seen by a 20 ms /proc sampler.")
    bg = briefgraph_command()
    cores = os.cpu_count() or 1
    for n in sizes:
        files = paths[:n]
        size_kb = sum(p.stat().st_size for p in files) / KB
        digests: dict[int, str] = {}
        for j in jobs:
            out = work / f"ingest-{n}-{j}.json"
            cmd = [*bg, "ingest", *map(str, files), "-o", str(out), "--quiet", "--jobs", str(j)]
            results = []
            try:
                for r in range(runs):
                    log(f"ingest: {n} briefs, --jobs {j}, run {r + 1}/{runs}")
                    results.append(_check(run_process(cmd), f"briefgraph ingest ({n} briefs, --jobs {j})"))
            except BenchmarkError as exc:  # keep the rows measured so far; say what failed
                t.rows.append([n, size_kb, j, runs] + [None] * (len(t.columns) - 5) + ["failed"])
                t.note += f" FAILED: {exc}"
                continue
            secs = [x.seconds for x in results]
            med = _median(secs)
            data = out.read_bytes()
            digests[j] = hashlib.sha256(data).hexdigest()
            graph = json.loads(data)
            same = "-" if j == jobs[0] else ("yes" if digests[j] == digests[jobs[0]] else "NO")
            cpu = _median([x.cpu_seconds for x in results])
            t.rows.append([n, size_kb, j, runs, med, _spread(secs), size_kb / med, size_kb / med / min(j, cores),
                           n / med, 1000 * med / n, cpu, size_kb / cpu, max(x.max_rss_mb for x in results),
                           max(x.tree_peak_mb for x in results), len(graph["nodes"]), len(graph["edges"]), same])
            out.unlink()
    return t


def _assemblers() -> tuple[str, Callable[[list[Any]], tuple[Any, dict[str, float]]]]:
    """How the pipeline turns per-brief records into one graph, as timed steps.

    The current pipeline feeds a ``GraphBuilder`` (merge), resolves people on the merged names
    (resolve) and makes the graph (build); the older one called ``resolve_across`` then ``build``.
    Returns a description and a function ``records -> (graph, {step: CPU seconds})``.
    """
    try:
        from briefgraph.graph.model import GraphBuilder
        from briefgraph.loaders.resolve import merge_people
    except ImportError:
        from briefgraph.graph.model import build
        from briefgraph.loaders.resolve import resolve_across

        def old(per_doc: list[Any]) -> tuple[Any, dict[str, float]]:
            a = time.process_time()
            records = resolve_across(per_doc)
            b = time.process_time()
            graph = build(records)
            return graph, {"merge": 0.0, "resolve": b - a, "build": time.process_time() - b}

        return "resolve_across, then build", old

    def current(per_doc: list[Any]) -> tuple[Any, dict[str, float]]:
        builder = GraphBuilder()
        a = time.process_time()
        for records in per_doc:
            builder.add(records)
        b = time.process_time()
        builder.rename(merge_people(builder.mention_counts("Person")))
        c = time.process_time()
        graph = builder.graph()
        return graph, {"merge": b - a, "resolve": c - b, "build": time.process_time() - c}

    return ("GraphBuilder.add per brief (merge), merge_people and rename (resolve), "
            "GraphBuilder.graph (build)"), current


def bench_stages(paths: list[Path], sizes: Sequence[int], runs: int, log: Log) -> tuple[Table, Any, int]:
    """Stage timings in this process (warm): load, extract, merge, resolve across briefs, build.

    Returns the table, the graph of the largest size that succeeded, and that size.
    """
    from briefgraph.loaders.document import load
    from briefgraph.loaders.extract import extract

    steps, assemble = _assemblers()
    try:  # the pipeline runs with the cyclic garbage collector paused; so do these timings
        from briefgraph.graph.gc_pause import collector_paused
        steps += "; all of it with the garbage collector paused, as `pipeline.ingest` does"
    except ImportError:
        collector_paused = contextlib.nullcontext
    t = Table("stages", "Ingest stages in one process (warm)",
              ["briefs", "runs", "load ms/brief", "extract ms/brief", "merge ms/brief", "resolve ms/brief",
               "build ms/brief", "total s", "kB/s", "records in", "nodes"],
              note="Library calls in the runner's process after one warm-up brief (gazetteer tables loaded), "
                   f"medians of the runs; the steps after extraction are those of the pipeline: {steps}. "
                   "The ms/brief columns are CPU time of this process (time.process_time), so other work on "
                   "the machine does not inflate them; 'total s' and 'kB/s' are wall time. Linear cost shows as "
                   "flat ms/brief columns from 10 to 1,000 briefs; a quadratic step would grow tenfold at each "
                   "size.")
    t0 = time.perf_counter()
    extract(load(bundled_brief()))  # warm-up: tables and regexes are loaded once per process
    t.note += f" Warm-up (first brief, loads the gazetteer): {time.perf_counter() - t0:.2f} s."
    names = ("load", "extract", "merge", "resolve", "build")
    graph, best = None, (None, 0)
    for n in sizes:
        files = paths[:n]
        size_kb = sum(p.stat().st_size for p in files) / KB
        timings: dict[str, list[float]] = {k: [] for k in names}
        walls: list[float] = []
        try:
            for r in range(runs):
                log(f"stages: {n} briefs, run {r + 1}/{runs}")
                graph = docs = per_doc = None  # each run starts from the same heap
                gc.collect()
                with collector_paused():
                    w = time.perf_counter()
                    a = time.process_time()
                    docs = [load(p) for p in files]
                    b = time.process_time()
                    per_doc = [_extract(extract, d) for d in docs]
                    c = time.process_time()
                    graph, rest = assemble(per_doc)
                    walls.append(time.perf_counter() - w)
                for key, value in {"load": b - a, "extract": c - b, **rest}.items():
                    timings[key].append(value)
        except BenchmarkError as exc:
            t.note += f" FAILED at {n:,} briefs: {exc}"
            break
        best = (graph, n)
        med = {k: _median(v) for k, v in timings.items()}
        total = _median(walls)
        n_in = sum(_count_records(x) for x in per_doc)
        t.rows.append([n, runs, *(1000 * med[k] / n for k in names), total, size_kb / total, n_in,
                       graph.number_of_nodes()])
    if not t.rows:
        raise BenchmarkError(t.note.split("FAILED at ", 1)[-1])
    return t, *best


def _extract(extract: Callable, doc: Any) -> Any:
    try:
        return extract(doc)
    except Exception as exc:  # name the brief: the corpus is deterministic, so it can be reproduced
        raise BenchmarkError(f"extract failed on {Path(doc.path).name}: {type(exc).__name__}: {exc}") from exc


def _count_records(records: Any) -> int:
    """Number of records handed to the resolver by one brief (whatever the Records type holds)."""
    total = 0
    for value in vars(records).values() if hasattr(records, "__dict__") else ():
        if isinstance(value, (list, tuple, dict, set)):
            total += len(value)
    return total


def bench_json(graph: Any, n_briefs: int, runs: int, work: Path, log: Log) -> Table:
    from briefgraph.graph.jsonio import read_json, write_json

    t = Table("json", f"JSON save and load of the {n_briefs:,}-brief graph",
              ["operation", "nodes", "edges", "MB", "runs", "median s", "range s", "MB/s"],
              note="`write_json` (node-link JSON as `ingest` writes it, atomically) and `read_json` (parse "
                   "and rebuild the networkx graph, schema-checked), in this process, holding the graph.")
    path = work / "graph.json"
    save, load = [], []
    for r in range(runs):
        log(f"json: save/load, run {r + 1}/{runs}")
        a = time.perf_counter()
        write_json(graph, path)
        b = time.perf_counter()
        back = read_json(path)
        c = time.perf_counter()
        save.append(b - a)
        load.append(c - b)
    mb = path.stat().st_size / 1e6
    if back.number_of_nodes() != graph.number_of_nodes() or back.number_of_edges() != graph.number_of_edges():
        t.note += " WARNING: the graph read back differs in size from the one written."
    for label, secs in (("write_json", save), ("read_json", load)):
        med = _median(secs)
        t.rows.append([label, graph.number_of_nodes(), graph.number_of_edges(), mb, runs, med, _spread(secs),
                       mb / med])
    path.unlink()
    return t


def _module(name: str):
    """``benchmarks.<name>`` if it exists, else None (the sections are written by other engineers)."""
    full = f"benchmarks.{name}"
    if importlib.util.find_spec(full) is None:
        return None
    return importlib.import_module(full)


def _call(fn: Callable, **kwargs):
    """Call ``fn`` with the keyword arguments it accepts."""
    params = inspect.signature(fn).parameters
    if any(p.kind is p.VAR_KEYWORD for p in params.values()):
        return fn(**kwargs)
    return fn(**{k: v for k, v in kwargs.items() if k in params})


def _rows_from(result: Any) -> tuple[list[str], list[list[Any]]]:
    """A list of dicts, a dict of dicts or a flat dict as table columns and rows."""
    if isinstance(result, dict) and result and all(isinstance(v, dict) for v in result.values()):
        result = [{"name": k, **v} for k, v in result.items()]
    if isinstance(result, list) and all(isinstance(r, dict) for r in result):
        columns: list[str] = []
        for r in result:
            columns.extend(k for k in r if k not in columns)
        return columns, [[_cell(r.get(c)) for c in columns] for r in result]
    if isinstance(result, dict):
        return ["measure", "value"], [[k, _cell(v)] for k, v in _flatten(result)]
    return ["result"], [[_cell(result)]]


def _flatten(d: dict, prefix: str = "") -> list[tuple[str, Any]]:
    out = []
    for k, v in d.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.extend(_flatten(v, key + "."))
        else:
            out.append((key, v))
    return out


def _cell(v: Any) -> Any:
    if isinstance(v, (int, float, str)) or v is None:
        return v
    return json.dumps(v, ensure_ascii=False, default=str)


def _summary(module: Any) -> str:
    """The first paragraph of a module's docstring, on one line, for a section's note."""
    first = (module.__doc__ or "").strip().split("\n\n")[0]
    return " ".join(first.split()).replace("``", "`")


def bench_quality(references: list[str], scorer: str | None, log: Log) -> Table:
    title = "Extraction quality: reference briefs scored with the shared scorer"
    if not references or not scorer:
        return Table("quality", title, skipped="give --reference DIR (briefs/ and gold/) and --scorer PATH; "
                                              "the reference annotations are not part of the project")
    mod = _module("bench_quality")
    log("quality: scoring " + ", ".join(references))
    result = mod.run(references, scorer)
    return Table("quality", title, result["columns"], result["rows"],
                 note=f"Extraction alone on these briefs: {result['kb_per_cpu_s']} kB of brief text per CPU second "
                      f"({result['kb']} kB). Scorer: {Path(scorer).name}; its overall is the mean of the F1 of "
                      "the parts each reference has ('-': the reference has none of that part).")


def bench_pdf(runs: int, quick: bool, log: Log) -> Table:
    title = "PDF briefs: a 10-page PDF ingested as a whole command"
    mod = _module("bench_pdf")
    if importlib.util.find_spec("reportlab") is None:
        return Table("pdf", title, skipped="reportlab (a test extra) typesets the PDF: pip install -e '.[test]'")
    log("pdf: running benchmarks.bench_pdf.run")
    columns, rows = _rows_from(mod.run(runs=runs, quick=quick))
    return Table("pdf", title, columns, rows, note=_summary(mod))


def bench_html(quick: bool, log: Log) -> list[Table]:
    title = "HTML export and time to interactive in headless Chromium"
    mod = _module("bench_html")
    if mod is None:
        return [Table("html", title, skipped="benchmarks/bench_html.py does not exist yet")]
    if not (shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")):
        return [Table("html", title, skipped="no Chromium found on PATH")]
    log("html: running benchmarks.bench_html.run")
    try:
        result = _call(mod.run, sizes=HTML_SIZES[:1] if quick else HTML_SIZES)
    except Exception as exc:  # another engineer's module: report, do not abort the whole suite
        return [Table("html", title, skipped=f"bench_html.run failed: {type(exc).__name__}: {exc}")]
    columns, rows = _rows_from(result)
    return [Table("html", title, columns, rows, note=_summary(mod))]


def bench_neo4j(quick: bool, log: Log) -> list[Table]:
    title = "Neo4j push and the query library on both backends"
    mod = _module("bench_neo4j")
    if mod is None:
        return [Table("neo4j", title, skipped="benchmarks/bench_neo4j.py does not exist yet")]
    if not os.environ.get("NEO4J_URI"):
        return [Table("neo4j", title, skipped='NEO4J_URI is not set (eval "$(scripts/neo4j-local start)", '
                                              "or run with --neo4j-local)")]
    log("neo4j: running benchmarks.bench_neo4j.run")
    kwargs = {"n_nodes": 2_000, "n_rels": 6_000, "naive_sample": 500, "query_nodes": 500} if quick else {}
    try:
        result = _call(mod.run, **kwargs)
    except Exception as exc:
        return [Table("neo4j", title, skipped=f"bench_neo4j.run failed: {type(exc).__name__}: {exc}")]
    note = _summary(mod)
    # A dict whose values are lists of dicts (e.g. push and queries) becomes one table per list.
    if isinstance(result, dict) and any(isinstance(v, list) for v in result.values()):
        tables, scalars = [], {}
        for k, v in result.items():
            if isinstance(v, list) and v and all(isinstance(r, dict) for r in v):
                columns, rows = _rows_from(v)
                tables.append(Table(f"neo4j.{k}", f"{title}: {k}", columns, rows))
            else:
                scalars[k] = v
        if scalars:
            columns, rows = _rows_from(scalars)
            tables.insert(0, Table("neo4j", title, columns, rows, note=note))
        elif tables:
            tables[0].note = note
        return tables
    columns, rows = _rows_from(result)
    return [Table("neo4j", title, columns, rows, note=note)]


def bench_query(quick: bool, log: Log) -> list[Table]:
    title = "Query library at corpus scale: embedded engine (first load, cached) and Neo4j"
    mod = _module("bench_query")
    if mod is None:
        return [Table("query", title, skipped="benchmarks/bench_query.py does not exist")]
    log("query: running benchmarks.bench_query.run")
    try:
        result = mod.run((10,) if quick else (100, 1000))
    except Exception as exc:
        return [Table("query", title, skipped=f"bench_query.run failed: {type(exc).__name__}: {exc}")]
    tables = []
    for key in ("loads", "queries"):
        columns, rows = _rows_from(result[key])
        tables.append(Table(f"query.{key}", f"{title}: {key}", columns, rows))
    tables[0].note = _summary(mod)
    return tables


# -- goals ------------------------------------------------------------------------------------

def _find(tables: list[Table], key: str) -> Table | None:
    return next((t for t in tables if t.key == key and not t.skipped), None)


def _col(t: Table, row: list[Any], name: str) -> Any:
    return row[t.columns.index(name)]


def goals(tables: list[Table], jobs: int) -> Table:
    t = Table("goals", "Goals on this machine", ["goal", "measured", "verdict"])

    def verdict(ok: bool | None) -> str:
        return "n/a" if ok is None else ("met" if ok else "NOT met")

    cor = _find(tables, "corpus")
    failed = cor.extra.get("failed_briefs") if cor else None
    if failed is not None:
        t.rows.append(["the extractor reads every generated brief",
                       f"{len(failed)} raised" + (f" ({failed[0][1]})" if failed else ""), verdict(not failed)])

    st = _find(tables, "startup")
    help_row = next((r for r in st.rows if r[0] == "briefgraph --help"), None) if st else None
    if help_row and help_row[2] is not None:
        t.rows.append([f"`briefgraph --help` under {GOAL_HELP_S} s", f"{help_row[2]:.3f} s",
                       verdict(help_row[2] < GOAL_HELP_S)])
    else:
        t.rows.append([f"`briefgraph --help` under {GOAL_HELP_S} s", "not measured", "n/a"])

    ing = _find(tables, "ingest")
    stg = _find(tables, "stages")
    ok_rows = [r for r in ing.rows if _col(ing, r, "median s") is not None] if ing else []
    if ing and len(ok_rows) < len(ing.rows):
        t.rows.append(["every ingest run succeeds", "some runs failed (see the ingest note)", "NOT met"])
    if ok_rows:
        biggest = max(r[0] for r in ok_rows)
        single = next((r for r in ok_rows if r[0] == biggest and r[2] == 1), None)
        par = next((r for r in ok_rows if r[0] == biggest and r[2] == jobs and jobs > 1), None)
        for row in (single, par):
            if row is None:
                continue
            wall, cpu = _col(ing, row, "kB/s per core"), _col(ing, row, "kB per CPU s")
            ok = "met" if wall >= GOAL_KB_PER_S_PER_CORE else (
                "met per CPU second, not per wall second" if cpu >= GOAL_KB_PER_S_PER_CORE else "NOT met")
            t.rows.append([f"ingest ≥ {GOAL_KB_PER_S_PER_CORE} kB/s per core (whole process, {biggest:,} briefs, "
                           f"--jobs {row[2]})", f"{wall:,.0f} kB/s per core (wall), {cpu:,.0f} kB per CPU s", ok])
        row = next((r for r in ok_rows if r[0] == 1000 and r[2] == 2), None)
        if row:
            s = _col(ing, row, "median s")
            mb = _col(ing, row, "peak MB all processes")
            t.rows.append([f"1,000 briefs into one graph under {GOAL_CORPUS_S} s with --jobs 2", f"{s:.1f} s",
                           verdict(s < GOAL_CORPUS_S)])
            t.rows.append([f"peak memory under {GOAL_PEAK_MB / 1024:.0f} GB (1,000 briefs, --jobs 2, all processes)",
                           f"{mb:,.0f} MB", verdict(mb < GOAL_PEAK_MB)])
        else:
            t.rows.append(["1,000 briefs under 30 s with --jobs 2; peak memory under 2 GB",
                           "not measured (needs --sizes with 1000 and --jobs 2)", "n/a"])
        ones = sorted((r for r in ok_rows if r[2] == 1 and r[0] >= 100), key=lambda r: r[0])
        if len(ones) >= 2:
            a, b = ones[0], ones[-1]
            ca, cb = (1000 * _col(ing, r, "CPU s") / r[0] for r in (a, b))
            ratio = cb / ca
            t.rows.append([f"linear cost: CPU ms per brief at {b[0]:,} ÷ at {a[0]:,} briefs (whole process, "
                           f"--jobs 1) ≤ {GOAL_LINEAR_RATIO}", f"{ratio:.2f} ({ca:.1f} → {cb:.1f} ms)",
                           verdict(ratio <= GOAL_LINEAR_RATIO)])
    if stg and len(stg.rows) >= 2:
        rows = sorted(stg.rows, key=lambda r: r[0])
        big = [r for r in rows if r[0] >= 100]  # at 10 briefs the resolver runs for a few ms: too noisy
        a, b = (big[0], big[-1]) if len(big) >= 2 else (rows[0], rows[-1])
        cross = ("merge ms/brief", "resolve ms/brief")
        ra, rb = (sum(_col(stg, r, c) for c in cross) for r in (a, b))
        ratio = rb / ra if ra else float("inf")
        t.rows.append([f"merging and resolution across briefs not quadratic: (merge + resolve) ms per brief at "
                       f"{b[0]:,} ÷ at {a[0]:,} briefs ≤ {GOAL_LINEAR_RATIO}", f"{ratio:.2f} ({ra:.2f} → {rb:.2f} ms)",
                       verdict(ratio <= GOAL_LINEAR_RATIO)])
    pdf = _find(tables, "pdf")
    row = next((r for r in pdf.rows if r[0] == "10-page PDF"), None) if pdf else None
    if row:
        wall, cpu = _col(pdf, row, "whole command s"), _col(pdf, row, "CPU s")
        t.rows.append([f"a 10-page PDF brief ingests in under {GOAL_PDF_S} s (whole command)",
                       f"{wall:.2f} s ({cpu:.2f} CPU s)", verdict(wall < GOAL_PDF_S)])
    return t


# -- report -----------------------------------------------------------------------------------

def machine_info() -> dict[str, str]:
    info = {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        cpu = platform.processor() or "unknown"
    info["CPU"] = cpu
    info["cores"] = f"{os.cpu_count()} logical ({len(os.sched_getaffinity(0))} usable by this process)" \
        if hasattr(os, "sched_getaffinity") else str(os.cpu_count())
    try:
        mem = next(x for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal"))
        info["RAM"] = f"{int(mem.split()[1]) / 2**20:.1f} GiB"
    except (OSError, StopIteration):
        info["RAM"] = "unknown"
    info["OS"] = f"{platform.system()} {platform.release()}"
    info["Python"] = f"{platform.python_version()} ({platform.python_implementation()}) {sys.executable}"
    try:
        load = os.getloadavg()
        info["load average at start"] = f"{load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f} (1 / 5 / 15 min)"
    except OSError:
        pass
    try:
        rev = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=10).stdout.strip()
        if rev:
            info["commit"] = rev + (" (with uncommitted changes)" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        pass
    return info


def _fmt(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, int):
        return f"{v:,}"
    if isinstance(v, float):
        a = abs(v)
        if a >= 100:
            return f"{v:,.0f}"
        if a >= 10:
            return f"{v:.1f}"
        if a >= 1:
            return f"{v:.2f}"
        return f"{v:.3f}"
    return str(v).replace("|", "\\|").replace("\n", " ")


def render(tables: list[Table], machine: dict[str, str], command: str) -> str:
    out = ["# briefgraph benchmarks", "",
           f"Generated by `{command}`. Timings are medians of several runs and vary with machine load; "
           "they are measurements, never test assertions. See benchmarks/README.md.", "",
           "## Machine", "", "| | |", "|---|---|"]
    out += [f"| {k} | {_fmt(v)} |" for k, v in machine.items()]
    for t in tables:
        out += ["", f"## {t.title}", ""]
        if t.skipped:
            out.append(f"skipped: {t.skipped}")
            continue
        if t.note:
            out += [t.note, ""]
        out.append("| " + " | ".join(t.columns) + " |")
        numeric = [all(isinstance(r[i], (int, float)) and not isinstance(r[i], bool) for r in t.rows if r[i] is not None)
                   for i in range(len(t.columns))]
        out.append("|" + "|".join("---:" if n and i else "---" for i, n in enumerate(numeric)) + "|")
        out += ["| " + " | ".join(_fmt(c) for c in row) + " |" for row in t.rows]
    return "\n".join(out) + "\n"


def _kept_notes(path: Path) -> str:
    """The hand-written notes at the end of an existing report (after NOTES_MARKER)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return ""
    i = text.find(NOTES_MARKER)
    return text[i:] if i >= 0 else ""


# -- main -------------------------------------------------------------------------------------

def _start_neo4j(log: Log) -> bool:
    """Start the throwaway local Neo4j on its own port; True if this runner must stop it."""
    script = REPO / "scripts" / "neo4j-local"
    if not script.exists():
        log("neo4j: scripts/neo4j-local not found")
        return False
    env = {**os.environ, "NEO4J_BOLT_PORT": os.environ.get("BENCH_NEO4J_PORT", "7697")}
    log(f"neo4j: starting scripts/neo4j-local on port {env['NEO4J_BOLT_PORT']}")
    res = subprocess.run([str(script), "start"], capture_output=True, text=True, env=env)
    if res.returncode != 0:
        log(f"neo4j: could not start: {_last_line(res.stderr)}")
        return False
    for line in res.stdout.splitlines():
        if line.startswith("export ") and "=" in line:
            k, v = line[len("export "):].split("=", 1)
            os.environ[k] = v
    return True


def _stop_neo4j(log: Log) -> None:
    env = {**os.environ, "NEO4J_BOLT_PORT": os.environ.get("BENCH_NEO4J_PORT", "7697")}
    subprocess.run([str(REPO / "scripts" / "neo4j-local"), "stop"], capture_output=True, env=env)
    log("neo4j: stopped")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measure briefgraph at corpus scale; print the report and write BENCHMARKS.md.",
        epilog="Examples:\n  python -m benchmarks\n  python -m benchmarks --quick --skip html,neo4j -o /tmp/b.md\n"
               "  python -m benchmarks --sizes 10,100 --runs 5 --skip neo4j",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", default="10,100,1000", help="Corpus sizes in briefs (default: 10,100,1000).")
    p.add_argument("--runs", type=int, default=3, help="Runs per measurement; the median is reported (default: 3).")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                   help="Worker processes for the parallel ingest rows (default: the number of cores).")
    p.add_argument("--skip", default="", help=f"Comma-separated sections to skip: {','.join(SECTIONS)}.")
    p.add_argument("--quick", action="store_true", help="Smallest size and one run everywhere (the smoke test).")
    p.add_argument("--output", "-o", default=str(REPO / "BENCHMARKS.md"), help="Markdown report to write.")
    p.add_argument("--json", dest="json_path", help="Also write the raw results as JSON here.")
    p.add_argument("--seed", type=int, default=0, help="Corpus seed (default: 0).")
    p.add_argument("--corpus-dir", help="Keep the generated corpus here (default: a temporary folder).")
    p.add_argument("--keep-failing", action="store_true",
                   help="Measure with briefs the extractor raises on (ingest then fails) instead of replacing them.")
    p.add_argument("--neo4j-local", action="store_true",
                   help="Start scripts/neo4j-local on port $BENCH_NEO4J_PORT (7697) for the neo4j section, stop it after.")
    p.add_argument("--quiet", "-q", action="store_true", help="No progress on stderr.")
    p.add_argument("--reference", action="append", default=[],
                   help="A directory of reference briefs (briefs/NAME.txt, gold/NAME.yaml) to score; repeatable.")
    p.add_argument("--scorer", help="Path of the shared score_extraction.py used for --reference.")
    args = p.parse_args(argv)
    try:
        args.sizes = sorted({int(x) for x in args.sizes.split(",") if x.strip()})
    except ValueError:
        p.error(f"--sizes must be comma-separated integers, not {args.sizes!r}")
    if not args.sizes or min(args.sizes) < 1:
        p.error("--sizes needs at least one positive size")
    args.skip = {x.strip() for x in args.skip.split(",") if x.strip()}
    unknown = args.skip - set(SECTIONS)
    if unknown:
        p.error(f"unknown section(s) in --skip: {', '.join(sorted(unknown))} (choose from {', '.join(SECTIONS)})")
    if args.quick:
        args.sizes, args.runs = args.sizes[:1], 1
    if args.runs < 1 or args.jobs < 1:
        p.error("--runs and --jobs must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    log: Log = (lambda m: None) if args.quiet else (lambda m: print(f"[bench] {m}", file=sys.stderr, flush=True))
    command = " ".join(["python -m benchmarks", *(sys.argv[1:] if argv is None else argv)])
    machine = machine_info()
    jobs_list = [1] + ([args.jobs] if args.jobs > 1 else [])
    tables: list[Table] = []
    started_neo4j = False
    with tempfile.TemporaryDirectory(prefix="briefgraph-bench-") as tmp:
        work = Path(tmp)
        corpus_dir = Path(args.corpus_dir) if args.corpus_dir else work / "corpus"
        log(f"corpus: writing {max(args.sizes):,} briefs to {corpus_dir}")
        try:
            paths, corpus_table = prepare_corpus(corpus_dir, max(args.sizes), args.seed, args.jobs,
                                                 not args.keep_failing, log)
        except ImportError as exc:  # briefgraph's extractor cannot be imported: measure what we can
            paths = corpus.write_corpus(corpus_dir, max(args.sizes), args.seed)
            corpus_table = Table("corpus", "Corpus", CORPUS_COLUMNS,
                                 note=f"Not checked: {exc}.")
        if len(paths) < max(args.sizes):
            args.sizes = [n for n in args.sizes if n <= len(paths)] or [len(paths)]
        corpus_rows(corpus_table, paths, args.sizes)
        tables.append(corpus_table)

        def section(key: str, fn: Callable[[], Table | list[Table]], title: str) -> None:
            if key in args.skip:
                tables.append(Table(key, title, skipped="--skip"))
                return
            try:
                result = fn()
            except BenchmarkError as exc:
                result = Table(key, title, skipped=str(exc))
            except ImportError as exc:
                result = Table(key, title, skipped=f"briefgraph cannot be imported yet ({exc})")
            tables.extend(result if isinstance(result, list) else [result])

        section("quality", lambda: bench_quality(args.reference, args.scorer, log), "Extraction quality")
        section("startup", lambda: bench_startup(args.runs, work, log), "Start-up: whole processes")
        section("ingest", lambda: bench_ingest(paths, args.sizes, jobs_list, args.runs, work, log),
                "Ingest: `briefgraph ingest` as a whole process")
        graph_box: list[tuple[Any, int]] = []

        def stages() -> Table:
            t, g, n = bench_stages(paths, args.sizes, args.runs, log)
            graph_box.append((g, n))
            return t

        section("stages", stages, "Ingest stages in one process (warm)")

        def json_section() -> Table:
            if not graph_box:
                from briefgraph.pipeline import ingest

                log(f"json: ingesting {max(args.sizes):,} briefs in process")
                graph_box.append((ingest(paths, jobs=args.jobs), len(paths)))
            return bench_json(*graph_box[-1], args.runs, work, log)

        section("json", json_section, "JSON save and load of the largest graph")
        section("pdf", lambda: bench_pdf(args.runs, args.quick, log), "PDF briefs")
        section("html", lambda: bench_html(args.quick, log), "HTML export and time to interactive")
        if "neo4j" not in args.skip and args.neo4j_local and not os.environ.get("NEO4J_URI"):
            started_neo4j = _start_neo4j(log)
        try:
            section("neo4j", lambda: bench_neo4j(args.quick, log), "Neo4j push and query library")
            section("query", lambda: bench_query(args.quick, log), "Query library at corpus scale")
        finally:
            if started_neo4j:
                _stop_neo4j(log)
    tables.append(goals(tables, args.jobs))

    report = render(tables, machine, command)
    print(report)
    out = Path(args.output)
    notes = _kept_notes(out)
    out.write_text(report + ("\n" + notes if notes else ""), encoding="utf-8")
    log(f"wrote {out}")
    if args.json_path:
        Path(args.json_path).write_text(json.dumps({"machine": machine, "tables": [asdict(t) for t in tables]},
                                                   indent=1, ensure_ascii=False, default=str), encoding="utf-8")
    return 0
