"""A real Neo4j for the tests: every test here talks Bolt to it through the official driver.

The server is the one in ``NEO4J_URI`` / ``NEO4J_USERNAME`` / ``NEO4J_PASSWORD`` (``scripts/test``
starts one with ``scripts/neo4j-local``). Without ``NEO4J_URI`` the session starts its own with
``scripts/neo4j-local`` on port 7699 and stops it at the end. In CI (``CI=true``) a Neo4j that
cannot be reached or started fails the tests; elsewhere, a machine without Java or Maven skips
them with the reason.

The tests delete briefgraph's labels between tests, so they refuse a server that is not on this
machine unless ``BRIEFGRAPH_NEO4J_TESTS_MAY_CLEAR=1`` says its data may go.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from support import ROOT, service_unavailable

SCRIPT = ROOT / "scripts" / "neo4j-local"
OWN_PORT = "7699"
for extra in (ROOT / "tests" / "cypher",):  # the shared sample graph
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))


def _cannot(reason: str):
    service_unavailable("Neo4j", reason)


def _start_own() -> dict[str, str]:
    missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
    if missing:
        _cannot(f"no Neo4j: NEO4J_URI is unset and {' and '.join(missing)} (needed by scripts/neo4j-local) "
                f"{'is' if len(missing) == 1 else 'are'} not installed")
    env = {**os.environ, "NEO4J_BOLT_PORT": OWN_PORT}
    done = subprocess.run([str(SCRIPT), "start"], env=env, capture_output=True, text=True, timeout=900)
    if done.returncode != 0:
        _cannot(f"scripts/neo4j-local start failed: {done.stderr.strip()[-2000:]}")
    out = {}
    for line in done.stdout.splitlines():
        key, _, value = line.removeprefix("export ").partition("=")
        out[key.strip()] = value.strip()
    return out


@pytest.fixture(scope="session")
def neo4j_env():
    """``{"NEO4J_URI": ..., "NEO4J_USERNAME": ..., "NEO4J_PASSWORD": ...}`` of a reachable server."""
    from briefgraph.errors import StoreError
    from briefgraph.graph.neo4j_store import Neo4jStore

    started = False
    if os.environ.get("NEO4J_URI"):
        env = {k: os.environ[k] for k in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE")
               if os.environ.get(k)}
    else:
        env, started = _start_own(), True
    host = urlsplit(env["NEO4J_URI"]).hostname or ""
    if host not in ("127.0.0.1", "localhost", "::1") and os.environ.get("BRIEFGRAPH_NEO4J_TESTS_MAY_CLEAR") != "1":
        _cannot(f"NEO4J_URI points at {host}: the tests delete data; set BRIEFGRAPH_NEO4J_TESTS_MAY_CLEAR=1 "
                "if that server may be cleared")
    try:
        Neo4jStore(env["NEO4J_URI"], env.get("NEO4J_USERNAME", "neo4j"), env.get("NEO4J_PASSWORD", ""),
                   env.get("NEO4J_DATABASE")).close()
    except StoreError as exc:
        _cannot(f"Neo4j at {env['NEO4J_URI']} does not answer: {exc}")
    yield env
    if started:
        subprocess.run([str(SCRIPT), "stop"], env={**os.environ, "NEO4J_BOLT_PORT": OWN_PORT},
                       capture_output=True, timeout=120)


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
