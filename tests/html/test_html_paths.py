"""Paths an analyst can cite: the shortest paths between two actors through the chosen link
types (not through places by default), up to three alternatives, each step with its evidence."""

from __future__ import annotations

import networkx as nx
import pytest


pytestmark = pytest.mark.browser


def index(page, name):
    return page.js("(n) => window.briefgraph.data.nodes.findIndex(x => x.n === n)", name)


def ids(page, indices):
    return page.js("(xs) => xs.map(i => window.briefgraph.data.nodes[i].id)", indices)


def no_places(graph, a, b):
    """The chart as paths see it by default: sources off, places only at the ends."""
    keep = [n for n, k in graph.nodes(data="kind") if k not in ("Source", "Place") or n in (a, b)]
    return nx.Graph(graph.subgraph(keep))


def test_default_paths_avoid_places_and_list_alternatives_with_evidence(page, brief_graph):
    a, b = "Heydar Aliyev", "Mamnoon Hussain"
    ia, ib = index(page, a), index(page, b)
    path = page.js("([a, b]) => window.briefgraph.findPath(a, b)", [ia, ib])
    alts = page.js("window.briefgraph.state.paths")
    na = next(n for n, d in brief_graph.nodes(data=True) if d["name"] == a)
    nb = next(n for n, d in brief_graph.nodes(data=True) if d["name"] == b)
    chart = no_places(brief_graph, na, nb)
    assert len(path["edges"]) == nx.shortest_path_length(chart, na, nb)
    assert 1 <= len(alts) <= 3
    seen = set()
    for alt in alts:
        nodes = ids(page, alt["nodes"])
        assert nodes[0] == na and nodes[-1] == nb and len(set(nodes)) == len(nodes)
        assert all(chart.has_edge(x, y) for x, y in zip(nodes, nodes[1:]))  # no place on the way
        assert tuple(nodes) not in seen
        seen.add(tuple(nodes))
    assert [len(x["edges"]) for x in alts] == sorted(len(x["edges"]) for x in alts)
    # each step shows a sentence of its evidence, located in the brief
    steps = page.page.locator("#bg-panel .bg-step")
    assert steps.count() == len(path["edges"])
    evidence = page.js("(p) => p.edges.map(j => window.briefgraph.data.edges[j].e.length)", path)
    assert page.page.locator("#bg-panel .bg-step blockquote").count() == sum(1 for n in evidence if n)
    assert all("para." in t or "chars" in t for t in page.page.locator("#bg-panel .bg-step .bg-where").all_inner_texts() if t != "no evidence recorded")
    # and the path's names are labelled on the chart
    labelled = {x["i"] for x in page.js("window.briefgraph.labelBoxes()") if x["kind"] == "node"}
    assert set(path["nodes"]) <= labelled
    if len(alts) > 1:
        page.page.click("#bg-panel .bg-alt >> nth=1")
        assert page.js("window.briefgraph.state.path.nodes") == alts[1]["nodes"]


def test_link_types_choose_the_way(page, brief_graph):
    a, b = index(page, "Ilham Aliyev"), index(page, "Pakistan")
    direct = page.js("([a, b]) => window.briefgraph.findPath(a, b)", [a, b])
    used = set(page.js("(p) => p.edges.map(j => window.briefgraph.data.edgeTypes[window.briefgraph.data.edges[j].y].name)", direct))
    page.page.click("#bg-left summary")
    for t in used:
        page.page.uncheck(f'#bg-path-types input[data-type="{t}"]')
    again = page.js("window.briefgraph.state.path")
    if again is not None:
        types = set(page.js("(p) => p.edges.map(j => window.briefgraph.data.edgeTypes[window.briefgraph.data.edges[j].y].name)", again))
        assert not types & used
    else:
        assert "No path" in page.page.locator("#bg-path-result").inner_text()


def test_through_places_allows_a_shared_place(page, brief_graph):
    a, b = index(page, "Heydar Aliyev"), index(page, "Mamnoon Hussain")
    page.page.check("#bg-path-places")
    path = page.js("([a, b]) => window.briefgraph.findPath(a, b)", [a, b])
    g = nx.Graph(brief_graph.subgraph(n for n, k in brief_graph.nodes(data="kind") if k != "Source"))
    na, nb = ids(page, [a, b])
    assert len(path["edges"]) == nx.shortest_path_length(g, na, nb)
