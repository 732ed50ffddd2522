"""Shared fixtures: the bundled brief, its document and its graph (built once per session)."""

from __future__ import annotations

import pytest
import support  # noqa: F401  (first: takes the user's NEO4J_* variables out of the environment)

from briefgraph.loaders.document import load
from briefgraph.pipeline import bundled_brief, ingest


@pytest.fixture(scope="session")
def brief_path():
    return bundled_brief()


@pytest.fixture(scope="session")
def brief_doc(brief_path):
    return load(brief_path)


@pytest.fixture(scope="session")
def brief_graph(brief_path):
    return ingest([brief_path])


def node_named(graph, name, kind=None):
    """The id of the node whose name or alias is ``name`` (and of ``kind``, if given)."""
    hits = [n for n, d in graph.nodes(data=True)
            if (name == d["name"] or name in d.get("aliases", [])) and (kind is None or d["kind"] == kind)]
    assert len(hits) == 1, f"{name!r}: {len(hits)} nodes"
    return hits[0]


@pytest.fixture(scope="session")
def named():
    return node_named
