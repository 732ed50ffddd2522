"""Helpers shared by the test folders (importable: pytest puts tests/ on sys.path)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
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
