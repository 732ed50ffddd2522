"""Signals: SIGTERM and SIGINT stop ``ingest --jobs 2`` and its workers, leave no partial
output, and exit with the conventional code (130, 143). The real command in a child process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefgraph.pipeline import bundled_brief


def children(pid: int) -> set[int]:
    """Process ids whose parent is ``pid`` (from /proc)."""
    out = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.add(int(entry.name))
    return out


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Enough briefs (links to the bundled one) to keep two workers busy for a while."""
    folder = tmp_path_factory.mktemp("corpus")
    first = folder / "brief-0.txt"
    first.write_bytes(bundled_brief().read_bytes())
    for i in range(1, 4000):
        os.link(first, folder / f"brief-{i}.txt")
    return sorted(folder.iterdir())


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to see the workers")
@pytest.mark.parametrize("signum, code, word", [(signal.SIGTERM, 143, "terminated"),
                                                (signal.SIGINT, 130, "interrupted")])
def test_a_signal_stops_ingest_and_its_workers(corpus, tmp_path, signum, code, word):
    out = tmp_path / "graph.json"
    proc = subprocess.Popen([sys.executable, "-m", "briefgraph", "ingest", *map(str, corpus), "--jobs", "2",
                             "-o", str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 120
        while len(children(proc.pid)) < 2 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.1)
        workers = children(proc.pid)
        assert len(workers) >= 2, "the workers never started"
        time.sleep(1.0)  # let them get going
        assert proc.poll() is None, "the corpus was read before the signal: make it larger"
        proc.send_signal(signum)
        _, stderr = proc.communicate(timeout=60)
        deadline = time.monotonic() + 10
        while any(alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        survivors = [w for w in workers if alive(w)]
    finally:
        if proc.poll() is None:
            proc.kill()
        for w in workers:  # never leave a stray worker behind, even when the test fails
            if alive(w):
                os.kill(w, signal.SIGKILL)
    assert proc.returncode == code, stderr
    assert stderr.strip().splitlines()[-1] == f"Error: {word}"
    assert "Traceback" not in stderr
    assert not survivors, "a worker outlived the command"
    assert list(tmp_path.iterdir()) == []  # no output, not even a temporary file


def test_a_bad_brief_among_workers_is_one_line_and_no_worker_traceback(corpus, tmp_path):
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02")
    done = subprocess.run([sys.executable, "-m", "briefgraph", "ingest", *map(str, corpus[:20]), str(binary),
                           "--jobs", "2", "-o", str(tmp_path / "g.json")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [f"Error: {binary} is a binary file, not a brief (briefgraph reads .txt, "
                                        ".md, .pdf, .docx and .html briefs)"]
