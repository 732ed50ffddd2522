"""scripts/test never touches the user's Neo4j: it starts a server of its own (a free port, its
own data folder) whatever NEO4J_URI and NEO4J_BOLT_PORT say, and stops only that one. The test
plays the user: a server of theirs holding data, its connection exported, then scripts/test run
on one test that clears briefgraph's data; afterwards their server still runs and their data is
still there."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from pathlib import Path

import pytest
from support import ROOT, run_unguarded, service_unavailable

pytestmark = pytest.mark.neo4j
SCRIPT = ROOT / "scripts" / "neo4j-local"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _count_mine(env: dict) -> int:
    from briefgraph.graph.neo4j_store import Neo4jStore

    with Neo4jStore(env["NEO4J_URI"], env["NEO4J_USERNAME"], env["NEO4J_PASSWORD"]) as store:
        return store.run("MATCH (n:State {id: 'state:users-own'}) RETURN count(n) AS c")[0]["c"]


def test_scripts_test_leaves_the_users_neo4j_alone(tmp_path):
    if not (shutil.which("java") and shutil.which("mvn")):
        service_unavailable("Neo4j", "java and mvn are needed to start Neo4j")
    port = str(_free_port())
    # the user's server, started the documented way (its files in the default place for its port)
    base = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "BRIEFGRAPH_TEST_"))}
    user = {**base, "NEO4J_BOLT_PORT": port}
    started = subprocess.run([str(SCRIPT), "start", "--new"], env=user, capture_output=True, text=True, timeout=900)
    if started.returncode != 0:
        service_unavailable("Neo4j", f"scripts/neo4j-local start failed: {started.stderr[-2000:]}")
    try:
        conn = dict(line.removeprefix("export ").split("=", 1) for line in started.stdout.splitlines())
        from briefgraph.graph.neo4j_store import Neo4jStore

        with Neo4jStore(conn["NEO4J_URI"], conn["NEO4J_USERNAME"], conn["NEO4J_PASSWORD"]) as store:
            run_unguarded(store, "CREATE (:State {id: 'state:users-own', name: 'Mine'})")
        # `eval "$(scripts/neo4j-local start)"` in the user's shell: NEO4J_* exported
        shell = {**user, **conn}
        done = subprocess.run([str(ROOT / "scripts" / "test"), "-q", "-p", "no:cacheprovider",
                               "tests/neo4j/test_neo4j_store.py::test_push_twice_leaves_the_same_counts"],
                              cwd=ROOT, env=shell, capture_output=True, text=True, timeout=1800)
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
        assert "1 passed" in done.stdout
        status = subprocess.run([str(SCRIPT), "status"], env=user, capture_output=True, text=True, timeout=60)
        assert status.returncode == 0, "scripts/test stopped the user's server"
        assert _count_mine(conn) == 1, "the tests cleared the user's data"
        assert "Neo4j for the tests at" in done.stderr, done.stderr
        own = done.stderr.split("Neo4j for the tests at ")[1].splitlines()[0]  # "bolt://... (data in ...)"
        assert f"127.0.0.1:{port} " not in own
        # and its own server is gone, with its data folder
        own_port = int(own.split("127.0.0.1:")[1].split()[0])
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", own_port)) != 0
        assert not Path(own.split("(data in ")[1].rstrip(")")).exists()
    finally:
        subprocess.run([str(SCRIPT), "stop", port], env={**base, "NEO4J_BOLT_PORT": port}, capture_output=True,
                       timeout=120)
        cache = Path(os.environ.get("BRIEFGRAPH_CACHE") or Path.home() / ".cache" / "briefgraph")
        shutil.rmtree(cache / "neo4j-run" / port, ignore_errors=True)
