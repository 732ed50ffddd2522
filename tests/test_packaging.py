"""The wheel installs under one namespace and its command runs from a fresh environment."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_installs_into_a_fresh_venv(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path / "dist"), str(ROOT)], check=True)
    wheel = next((tmp_path / "dist").glob("briefgraph-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names if not n.startswith("briefgraph-")}
    assert tops == {"briefgraph"}  # no generic graph/, loaders/, cypher/ in site-packages
    assert "briefgraph/data/pakistan-azerbaijan-2024.txt" in names
    assert "briefgraph/graph/schema.json" in names
    venv = tmp_path / "venv"
    # the fresh venv sees this interpreter's packages only for the dependencies, never for briefgraph
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    py = venv / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)], check=True)
    out = subprocess.run([str(venv / "bin" / "briefgraph"), "--help"], capture_output=True, text=True, check=True,
                         cwd=tmp_path)
    assert "ingest" in out.stdout
    where = subprocess.run([str(py), "-c", "import briefgraph, briefgraph.graph; print(briefgraph.graph.__file__)"],
                           capture_output=True, text=True, check=True, cwd=tmp_path).stdout
    assert str(venv) in where
