"""docs/bad-input.md is a table of what each kind of bad input gets. This test runs every row's
command through the real CLI (in a child process, in a folder holding the files the commands
name) and checks the exit code and the exact first line on stderr against the table, so the
table cannot drift from what briefgraph does.

``python tests/test_bad_input_table.py`` prints the rows as the code answers them today (to
update the table after a deliberate change of a message).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import FRENCH

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "docs" / "bad-input.md"
BUNDLED = ROOT / "briefgraph" / "data" / "pakistan-azerbaijan-2024.txt"


def _graph(nodes, edges=(), **top):
    return json.dumps({"format": "briefgraph", "schema_version": 1, "documents": [], "nodes": list(nodes),
                       "edges": list(edges), **top})


def _state(nid="state:pk", **extra):
    return {"id": nid, "kind": "State", "name": "Pakistan", "aliases": [], "date": None, "evidence": [], **extra}


def make_playground(folder: Path) -> None:
    """The files the table's commands name."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    (folder / "latin1.txt").write_bytes("Café in Baku".encode("latin-1"))
    (folder / "brief.pdf").write_bytes(b"%PDF-1.4")  # a header and nothing after it
    (folder / "briefs").mkdir()
    (folder / "french.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "one-line.txt").write_text("x" * 2_000_000, encoding="utf-8")
    shutil.copy(BUNDLED, folder / "brief.txt")
    done = subprocess.run([sys.executable, "-m", "briefgraph", "ingest", "brief.txt", "-o", "graph.json", "-q"],
                          cwd=folder, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    files = {
        "not-json.json": "{nodes: [",
        "list.json": "[1, 2]",
        "no-format.json": json.dumps({"nodes": [_state()], "edges": []}),
        "networkx.json": json.dumps({"format": "networkx", "directed": True, "nodes": [_state()], "links": []}),
        "newer.json": _graph([_state()]).replace('"schema_version": 1', '"schema_version": 99'),
        "older.json": _graph([_state()]).replace('"schema_version": 1', '"schema_version": 0'),
        "version-text.json": _graph([_state()]).replace('"schema_version": 1', '"schema_version": "1"'),
        "duplicate-id.json": _graph([_state(), _state(name="Pakistan (again)")]),
        "no-id.json": _graph([{"kind": "State", "name": "Pakistan"}]),
        "null-name.json": _graph([_state(name=None)]),
        "bad-date.json": _graph([{"id": "event:1", "kind": "Event", "name": "Visit", "date": "2015-13-45",
                                  "event_type": "Visit"}]),
        "bad-kind.json": _graph([{"id": "x:1", "kind": "Spaceship", "name": "Enterprise"}]),
        "dangling-edge.json": _graph([_state()], [{"source": "state:pk", "target": "state:xx",
                                                    "type": "IN_CONFLICT_WITH"}]),
        "bad-evidence.json": _graph([_state(evidence=[{"text": "Pakistan", "doc": "doc:1", "start": "zero",
                                                       "end": 8}])]),
        "deep.json": _graph([_state(extra="@@")]).replace('"@@"', "[" * 1000 + "0" + "]" * 1000),
    }
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "read-only.json").write_text("keep", encoding="utf-8")
    (folder / "read-only.json").chmod(0o444)


def table_rows() -> list[tuple[str, str, int, str]]:
    """``(bad input, command, exit code, first line on stderr)`` of each row of the table."""
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line.startswith("| ") or line.startswith("| bad input") or set(line) <= set("|- "):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        assert len(cells) == 4, line
        what, command, code, message = cells
        rows.append((what, command.strip("`"), int(code), message.strip("`").replace("\\|", "|")))
    return rows


def run_row(command: str, folder: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env["PY"] = sys.executable
    shell = command.replace("briefgraph ", '"$PY" -m briefgraph ')
    return subprocess.run(["sh", "-c", shell], cwd=folder, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def playground(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad-input")
    make_playground(folder)
    return folder


def test_the_table_has_rows():
    assert len(table_rows()) >= 25


@pytest.mark.parametrize("what, command, code, message", table_rows(), ids=[r[0] for r in table_rows()])
def test_each_bad_input_gets_what_the_table_says(playground, what, command, code, message):
    done = run_row(command, playground)
    assert "Traceback" not in done.stderr, done.stderr
    lines = done.stderr.splitlines()
    assert (done.returncode, lines[0] if lines else "") == (code, message)
    if code == 1:
        assert len(lines) == 1, done.stderr  # one line, nothing more
    assert (playground / "read-only.json").read_text(encoding="utf-8") == "keep"


if __name__ == "__main__":  # print the rows as the code answers them today
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        make_playground(Path(tmp))
        for what, command, _, _ in table_rows():
            done = run_row(command, Path(tmp))
            first = (done.stderr.splitlines() or [""])[0].replace("|", "\\|")
            print(f"| {what} | `{command}` | {done.returncode} | `{first}` |")
