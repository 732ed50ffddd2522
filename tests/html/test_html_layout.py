"""The deterministic layout behind the explorer."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from benchmarks.synthetic_graph import synthetic_graph
from briefgraph.graph.layout import layout


def test_every_node_gets_integer_positions_and_the_same_twice(brief_graph):
    pos = layout(brief_graph)
    assert set(pos) == set(brief_graph.nodes)
    assert all(isinstance(x, int) and isinstance(y, int) for x, y in pos.values())
    assert layout(brief_graph) == pos


def test_seed_changes_the_picture(brief_graph):
    assert layout(brief_graph, seed=1) != layout(brief_graph, seed=2)


def test_components_do_not_overlap():
    g = nx.disjoint_union_all([nx.cycle_graph(12), nx.star_graph(8), nx.path_graph(3), nx.path_graph(2),
                               nx.empty_graph(5)])
    pos = layout(g)
    boxes = []
    for comp in nx.connected_components(g):
        xs, ys = [pos[n][0] for n in comp], [pos[n][1] for n in comp]
        boxes.append((min(xs), min(ys), max(xs), max(ys), comp))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if len(a[4]) == 1 or len(b[4]) == 1:
                continue  # isolated nodes share one grid
            disjoint = a[2] < b[0] or b[2] < a[0] or a[3] < b[1] or b[3] < a[1]
            assert disjoint


def test_no_two_nodes_coincide(brief_graph):
    pos = layout(brief_graph)
    assert len(set(pos.values())) == len(pos)


def test_linked_nodes_sit_closer_than_unlinked_ones():
    g = nx.connected_caveman_graph(6, 8)
    pos = layout(g)
    dist = lambda u, v: math.dist(pos[u], pos[v])  # noqa: E731
    linked = sum(dist(u, v) for u, v in g.edges()) / g.number_of_edges()
    nodes = list(g)
    pairs = [(u, v) for i, u in enumerate(nodes) for v in nodes[i + 1:] if not g.has_edge(u, v)]
    unlinked = sum(dist(u, v) for u, v in pairs) / len(pairs)
    assert linked < unlinked / 2


@pytest.mark.parametrize("n,m", [(600, 1800), (3000, 9000)])
def test_large_graphs_use_the_multilevel_path_and_stay_deterministic(n, m):
    g = synthetic_graph(n, m)
    pos = layout(g)
    assert pos == layout(g)
    assert len(set(pos.values())) > 0.98 * len(pos)
