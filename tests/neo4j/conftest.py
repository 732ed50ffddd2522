"""A real Neo4j for the tests: every test here talks Bolt to it through the official driver.

The tests clear briefgraph's data, so they never use the user's database: ``NEO4J_URI`` and the
other ``NEO4J_*`` variables are ignored (tests/conftest.py removes them from the environment).
The server is the one ``scripts/test`` started for this run, passed in
``BRIEFGRAPH_TEST_NEO4J_URI`` / ``_USERNAME`` / ``_PASSWORD``; without them the session starts its
own with ``scripts/neo4j-local start --new`` on a free port with its own data folder, and stops
that one (and only that one) at the end. In CI (``CI=true``) a Neo4j that cannot be reached or
started fails the tests; elsewhere, a machine without Java or Maven skips them with the reason.

A ``BRIEFGRAPH_TEST_NEO4J_URI`` that is not on this machine is refused unless
``BRIEFGRAPH_NEO4J_TESTS_MAY_CLEAR=1`` says its data may go.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from support import ROOT, TEST_NEO4J, service_unavailable

SCRIPT = ROOT / "scripts" / "neo4j-local"
for extra in (ROOT / "tests" / "cypher",):  # the shared sample graph
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))


def _cannot(reason: str):
    service_unavailable("Neo4j", reason)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def local_neo4j(command: str, port: int, run_dir, *options: str, timeout: float = 900) -> subprocess.CompletedProcess:
    """``scripts/neo4j-local COMMAND`` for the server of ``port`` whose files are in ``run_dir``."""
    env = {**os.environ, "NEO4J_BOLT_PORT": str(port), "NEO4J_LOCAL_RUN": str(run_dir),
           "NEO4J_PASSWORD": "briefgraph-test"}
    args = [str(SCRIPT), command, *options] + ([str(port)] if command == "stop" else [])
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=timeout)


def start_own(run_dir, port: int | None = None, keep: bool = False) -> dict[str, str]:
    """Start a server of this session's own (``--new``: never one already running); return its
    ``NEO4J_*`` connection."""
    missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
    if missing:
        _cannot(f"no Neo4j: {' and '.join(missing)} (needed by scripts/neo4j-local) "
                f"{'is' if len(missing) == 1 else 'are'} not installed")
    done = local_neo4j("start", port or free_port(), run_dir, "--new", *(["--keep"] if keep else []))
    if done.returncode != 0:
        _cannot(f"scripts/neo4j-local start failed: {done.stderr.strip()[-2000:]}")
    out = {}
    for line in done.stdout.splitlines():
        key, _, value = line.removeprefix("export ").partition("=")
        out[key.strip()] = value.strip()
    return out


@pytest.fixture(scope="session")
def neo4j_env(tmp_path_factory):
    """``{"NEO4J_URI": ..., "NEO4J_USERNAME": ..., "NEO4J_PASSWORD": ...}`` of a reachable server
    that belongs to the tests."""
    from briefgraph.errors import StoreError
    from briefgraph.graph.neo4j_store import Neo4jStore

    own = None
    if TEST_NEO4J.get("NEO4J_URI"):
        env = dict(TEST_NEO4J)
    else:
        own = tmp_path_factory.mktemp("neo4j-run")
        env = start_own(own)
    host = urlsplit(env["NEO4J_URI"]).hostname or ""
    if host not in ("127.0.0.1", "localhost", "::1") and os.environ.get("BRIEFGRAPH_NEO4J_TESTS_MAY_CLEAR") != "1":
        _cannot(f"BRIEFGRAPH_TEST_NEO4J_URI points at {host}: the tests delete data; set "
                "BRIEFGRAPH_NEO4J_TESTS_MAY_CLEAR=1 if that server may be cleared")
    try:
        Neo4jStore(env["NEO4J_URI"], env.get("NEO4J_USERNAME", "neo4j"), env.get("NEO4J_PASSWORD", ""),
                   env.get("NEO4J_DATABASE")).close()
    except StoreError as exc:
        _cannot(f"Neo4j at {env['NEO4J_URI']} does not answer: {exc}")
    yield env
    if own is not None:
        local_neo4j("stop", int(urlsplit(env["NEO4J_URI"]).port), own, timeout=120)


@pytest.fixture
def store(neo4j_env):
    """A store on the test server, emptied of briefgraph data before and after the test."""
    from briefgraph.graph.neo4j_store import Neo4jStore

    s = Neo4jStore(neo4j_env["NEO4J_URI"], neo4j_env.get("NEO4J_USERNAME", "neo4j"), neo4j_env["NEO4J_PASSWORD"],
                   neo4j_env.get("NEO4J_DATABASE"), batch_size=7)  # small batches: several per label
    s.clear()
    yield s
    s.clear()
    s.close()


@pytest.fixture
def cli_env(neo4j_env, monkeypatch):
    """The process environment the CLI reads its connection from."""
    for key, value in neo4j_env.items():
        monkeypatch.setenv(key, value)
    return neo4j_env


class PrivateNeo4j:
    """A Neo4j of one test's own, on a free port with its own data folder, which the test may
    kill (as a crash would) and start again with its data kept."""

    def __init__(self, run_dir, port: int):
        self.run_dir, self.port, self.env = run_dir, port, {}

    def start(self, keep: bool = False) -> dict[str, str]:
        self.env = start_own(self.run_dir, self.port, keep=keep)
        return self.env

    def pid(self) -> int:
        return int((self.run_dir / "pid").read_text().strip())

    def kill(self) -> None:
        """SIGKILL the server process: no shutdown, no flush, as in a crash."""
        import signal
        import time

        pid = self.pid()
        os.kill(pid, signal.SIGKILL)
        for _ in range(200):
            try:
                os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                pass
            if not os.path.exists(f"/proc/{pid}") or open(f"/proc/{pid}/stat").read().split(")")[-1].split()[0] == "Z":
                return
            time.sleep(0.05)

    def stop(self) -> None:
        local_neo4j("stop", self.port, self.run_dir, timeout=120)


@pytest.fixture
def private_neo4j(tmp_path):
    server = PrivateNeo4j(tmp_path / "neo4j-run", free_port())
    yield server
    server.stop()
