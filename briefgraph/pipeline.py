"""The main job as library calls: briefs in, one resolved graph out.

``load`` (loaders.document) -> ``extract`` (loaders.extract) -> ``resolve_across``
(loaders.resolve) -> ``build`` (graph.model). Each stage can be called on its own.
"""

from __future__ import annotations

import hashlib
import os
import signal
import threading
import warnings
from concurrent.futures import ProcessPoolExecutor
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable

import networkx as nx

from briefgraph.errors import BriefgraphError, InputError, OutputError
from briefgraph.graph.gc_pause import collector_paused
from briefgraph.graph.model import GraphBuilder, Records
from briefgraph.loaders.document import load
from briefgraph.loaders.extract import extract
from briefgraph.loaders.language import not_english
from briefgraph.loaders.resolve import merge_people

BUNDLED_BRIEF = "pakistan-azerbaijan-2024.txt"
Progress = Callable[[str], None] | None
Warn = Callable[[str], None] | None


def bundled_brief() -> Path:
    """Path of the example brief shipped with the package (see data/ATTRIBUTION.txt)."""
    return Path(str(resources.files("briefgraph").joinpath("data", BUNDLED_BRIEF)))


def extract_file(path: str | os.PathLike) -> Records:
    """Load one brief and extract its records (one worker's job).

    A brief that is not in English (:mod:`briefgraph.loaders.language`) gives its document
    and a warning in ``Records.warnings``, and no node: the extractors read English, and
    would invent nodes from another language's capitalised words.

    Raises
    ------
    InputError
        For a file that is not a brief; any other failure is reported with the brief's name,
        so that one bad file among thousands can be found (``--debug`` shows the cause).
    """
    try:
        doc = load(path)
        reason = not_english(doc.text)
        if reason is not None:
            return Records(documents={doc.id: doc.header()},
                           warnings=[f"{path} {reason}: nothing extracted from it"])
        return extract(doc)
    except BriefgraphError:
        raise
    except Exception as exc:  # a bug in the extractor: say which brief triggers it
        raise BriefgraphError(f"{path}: extraction failed ({type(exc).__name__}: {exc})",
                              hint="please report it with the brief attached") from exc


def _check_paths(paths: Iterable[str | os.PathLike]) -> list[Path]:
    out = []
    for p in map(Path, paths):
        if p.is_dir():
            raise InputError(f"{p} is a directory, not a brief")
        if not p.exists():
            raise InputError(f"{p}: no such file")
        out.append(p)
    if not out:
        raise InputError("no brief given")
    return out


def ingest(paths: Iterable[str | os.PathLike], jobs: int = 1, progress: Progress = None,
           corrections: str | os.PathLike | None = None, warn: Warn = None) -> nx.MultiDiGraph:
    """Read briefs into one graph, entities resolved across them.

    Briefs are taken in the order of their content hash (their document id), so the graph does
    not depend on the order the files were given in. With ``jobs > 1`` worker processes load
    and extract while this process merges what they hand back.

    ``corrections``, an analyst's corrections file (:mod:`briefgraph.graph.corrections`), is
    checked before any brief is read (a malformed file raises CorrectionsError naming its line)
    and applied after resolution; ``warn`` gets one line per correction not applied.

    Examples
    --------
    >>> g = ingest([bundled_brief()])
    >>> any(d["name"] == "Ilham Aliyev" for _, d in g.nodes(data=True))
    True
    """
    fixes = None
    if corrections is not None:
        from briefgraph.graph.corrections_file import load_corrections

        fixes = load_corrections(corrections)
    with collector_paused():
        graph = gather(paths, jobs, progress, warn).graph()
    if fixes is not None:
        from briefgraph.graph.corrections import apply

        apply(graph, fixes, warn=warn)
    return graph


def gather(paths: Iterable[str | os.PathLike], jobs: int = 1, progress: Progress = None,
           warn: Warn = None) -> GraphBuilder:
    """What :func:`ingest` makes a graph of: every brief's records merged, people resolved.

    ``graph.jsonio.builder_to_dict`` writes it without building the graph (as the
    ``ingest`` command does); ``.graph()`` builds it. ``warn`` receives each warning about a
    brief (one not in English); by default they are Python warnings.
    """
    files = _in_document_order(_check_paths(paths))
    with collector_paused():
        return _gather(files, jobs, progress, warn or _python_warning)


def _python_warning(message: str) -> None:
    from briefgraph.errors import BriefgraphWarning

    warnings.warn(message, BriefgraphWarning, stacklevel=4)


def _gather(files: list[Path], jobs: int, progress: Progress, warn: Callable[[str], None]) -> GraphBuilder:
    builder = GraphBuilder()
    if jobs > 1 and len(files) > 1:
        _gather_parallel(builder, files, jobs, progress, warn)
    else:
        for i, f in enumerate(files, 1):
            _add(builder, extract_file(f), warn)
            _report(progress, i, len(files))
    return builder.rename(merge_people(builder.mention_counts("Person")))


def _extract_chunk(paths: list[Path]) -> list[Records]:
    """One worker's job: several briefs, so that fewer, larger results cross the pipe."""
    return [extract_file(p) for p in paths]


def _gather_parallel(builder: GraphBuilder, files: list[Path], jobs: int, progress: Progress,
                     warn: Callable[[str], None]) -> None:
    """Worker processes extract while this process merges, in file order.

    Ctrl-C and SIGTERM stop the workers: while the pool runs, this process catches both, kills
    the workers (the pool then fails every pending brief) and, once the pool is down, hands the
    signal to the handler that was there before (Ctrl-C's KeyboardInterrupt, the command line's
    SIGTERM). Raising straight from a handler could land inside the pool's own book-keeping and
    leave it, and its workers, in a broken state.
    """
    from concurrent.futures.process import BrokenProcessPool

    chunk = max(1, min(16, len(files) // (jobs * 8)))
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_started)
    caught: list[int] = []

    def on_signal(signum, frame) -> None:
        caught.append(signum)
        _stop_workers(pool)

    previous = _catch_signals(on_signal)
    try:
        futures = [pool.submit(_extract_chunk, files[i:i + chunk]) for i in range(0, len(files), chunk)]
        done = 0
        for future in futures:
            if caught:
                break
            for records in future.result():
                _add(builder, records, warn)
                done += 1
                _report(progress, done, len(files))
    except BrokenProcessPool:
        if not caught:
            raise
    except BaseException:
        _stop_workers(pool)  # an error in a brief, or a signal this code did not catch
        pool.shutdown(wait=True)
        raise
    finally:
        _restore_signals(previous)
    if caught:
        _stop_workers(pool)
        pool.shutdown(wait=True)
        _resend(caught[0], previous)
    pool.shutdown()


def _catch_signals(handler) -> dict:
    """Install ``handler`` for SIGINT and SIGTERM (in the main thread only, where Python runs
    handlers); return the handlers it replaced."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    previous = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        previous[signum] = signal.signal(signum, handler)
    return previous


def _restore_signals(previous: dict) -> None:
    for signum, handler in previous.items():
        signal.signal(signum, handler)


def _resend(signum: int, previous: dict) -> None:
    """Act on a signal caught while the workers ran as its previous handler would have."""
    handler = previous.get(signum, signal.default_int_handler)
    if callable(handler):
        handler(signum, None)  # KeyboardInterrupt, or the command line's Terminated
    elif handler == signal.SIG_DFL:
        signal.raise_signal(signum)
    raise KeyboardInterrupt  # an ignored signal still stopped the workers: do not go on without them


def _add(builder: GraphBuilder, records: Records, warn: Callable[[str], None]) -> None:
    """Merge one brief's records, handing its warnings on as they arrive."""
    for message in records.warnings:
        warn(message)
    builder.add(records)


def _worker_started() -> None:
    """In each worker: leave Ctrl-C to the parent, which stops the workers itself (a terminal
    sends SIGINT to the whole process group; each worker would print its own traceback), and
    let SIGTERM, which the parent sends to stop a worker, end it quietly (a forked worker
    inherits the command line's handler, which would unwind it with a traceback)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Terminate the pool's worker processes now, without waiting for the briefs they hold
    (the pool then fails every pending brief with BrokenProcessPool). Safe in a signal handler."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):  # before 3.14: no public way
        process.terminate()


def _in_document_order(files: list[Path]) -> list[Path]:
    def key(p: Path) -> tuple[str, str]:
        try:
            return hashlib.sha256(p.read_bytes()).hexdigest(), str(p)
        except OSError:
            return "", str(p)  # the loader reports it with one clear line
    return sorted(files, key=key)


def _report(progress: Progress, done: int, total: int) -> None:
    if progress and total > 20 and (done % 100 == 0 or done == total):
        progress(f"read {done}/{total} briefs")


def demo(output_dir: Path, progress: Progress = None) -> dict[str, Path]:
    """The bundled brief end to end: ``graph.json`` and ``graph.html`` in ``output_dir``."""
    from briefgraph.graph.export_html import write_html
    from briefgraph.graph.jsonio import write_json

    try:
        output_dir.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(f"cannot write in {output_dir}: it is a file, not a folder") from None
    except OSError as exc:
        raise OutputError(f"cannot make folder {output_dir}: {exc.strerror}") from None
    graph = ingest([bundled_brief()], progress=progress)
    outputs = {"graph": output_dir / "graph.json"}
    write_json(graph, outputs["graph"])
    outputs["explorer"] = output_dir / "graph.html"
    write_html(graph, outputs["explorer"])
    return outputs
