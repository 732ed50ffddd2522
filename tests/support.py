"""Helpers shared by the test folders (importable: pytest puts tests/ on sys.path)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# The tests never see the user's Neo4j: the connection variables are taken out of the
# environment before any test runs (tests/conftest.py imports this module first), so no command
# a test runs can reach it. The Neo4j tests use the server scripts/test started, passed in
# BRIEFGRAPH_TEST_NEO4J_* (tests/neo4j/conftest.py), or start one of their own.
TEST_NEO4J = {key.replace("BRIEFGRAPH_TEST_", ""): os.environ[key]
              for key in ("BRIEFGRAPH_TEST_NEO4J_URI", "BRIEFGRAPH_TEST_NEO4J_USERNAME",
                          "BRIEFGRAPH_TEST_NEO4J_PASSWORD", "BRIEFGRAPH_TEST_NEO4J_DATABASE")
              if os.environ.get(key)}
for _key in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
    os.environ.pop(_key, None)
# benchmarks/ (synthetic graphs) is a top-level folder of the repository, not an installed package
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def service_unavailable(what: str, reason: str):
    """Skip a test whose real service is missing; in CI (CI=true) that is a failure, never a skip."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


def run_unguarded(store, cypher: str, params: dict | None = None) -> list[dict]:
    """Run administration statements (constraints, SHOW, a loading script) straight on the
    driver, as a database administrator would in cypher-shell: ``Neo4jStore.run`` refuses them."""
    with store._session() as session:
        return [dict(record) for record in session.run(cypher, params or {})]


# a brief in French: a command that reads it warns that it does not look like English
FRENCH = """Coopération renforcée : partenariat entre le Pakistan et l'Azerbaïdjan

Par Jean Dupont, Institut d'études stratégiques, 15 août 2024

La coopération entre le Pakistan et l'Azerbaïdjan s'est renforcée depuis 1992. Les deux pays ont \
signé un accord de commerce en 2014 à Bakou. Le président Ilham Aliyev a rencontré le Premier \
ministre du Pakistan lors de sa visite officielle. L'Organisation de la coopération islamique \
soutient cette initiative. Les ministres des affaires étrangères se sont réunis à Islamabad pour \
discuter de la sécurité régionale et des échanges économiques.
"""
