"""The README documents every command, and its test command is the one CI runs."""

from __future__ import annotations

from pathlib import Path

from briefgraph.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name, cmd in main.commands.items():
        assert f"briefgraph {name}" in readme, name
        for sub in getattr(cmd, "commands", {}):
            assert f"briefgraph {name} {sub}" in readme, f"{name} {sub}"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "scripts/test" in readme and "scripts/test" in ci
