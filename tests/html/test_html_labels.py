"""Readable labels: drawn by the page in order of importance, never two overlapping, at any zoom;
edge labels only for what is hovered or selected unless asked for."""

from __future__ import annotations

import pytest


pytestmark = pytest.mark.browser


def boxes(page):
    page.js("window.briefgraph.network.redraw()")
    page.page.wait_for_timeout(50)
    return page.js("window.briefgraph.labelBoxes()")


def overlapping(bs):
    return [(a["text"], b["text"]) for k, a in enumerate(bs) for b in bs[k + 1:]
            if a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"]
            and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]]


def zoom(page, scale):
    page.js("(s) => window.briefgraph.network.moveTo({scale: s, animation: false})", scale)


@pytest.mark.parametrize("scale", [None, 0.3, 0.6, 1.0, 1.6, 3.0])
def test_no_two_drawn_labels_overlap_at_any_zoom(page, scale):
    if scale is not None:
        zoom(page, scale)
    drawn = boxes(page)
    assert drawn, "some labels are drawn"
    assert overlapping(drawn) == []
    assert all(b["w"] > 0 and b["h"] > 0 for b in drawn)


def test_the_fitted_chart_names_its_most_connected_actors(page, brief_graph):
    drawn = {b["text"] for b in boxes(page) if b["kind"] == "node"}
    top = max((n for n, k in brief_graph.nodes(data="kind") if k == "State"), key=brief_graph.degree)
    assert brief_graph.nodes[top]["name"] in drawn
    assert not [b for b in boxes(page) if b["kind"] == "edge"]  # no edge labels by default


def test_selection_labels_its_edges_and_neighbours_without_overlap(page):
    i = page.js("""() => { const n = window.briefgraph.data.nodes;
        return n.map((x, i) => i).sort((a, b) => n[b].deg - n[a].deg)[0]; }""")
    page.js("(i) => window.briefgraph.selectNode(i)", i)
    drawn = boxes(page)
    assert i in [b["i"] for b in drawn if b["kind"] == "node"]
    assert [b for b in drawn if b["kind"] == "edge"], "edge labels of the selection"
    assert overlapping(drawn) == []


def test_focused_neighbourhood_is_labelled(page, brief_graph):
    i = page.js("""() => window.briefgraph.data.nodes.findIndex(n => n.n === 'Ilham Aliyev')""")
    assert i >= 0
    page.js("(i) => window.briefgraph.focusOn(i, 1)", i)
    page.page.wait_for_timeout(600)  # the fit animation
    drawn = boxes(page)
    labelled = {b["i"] for b in drawn if b["kind"] == "node"}
    focus = set(page.js("Array.from(window.briefgraph.state.focus.set)"))
    assert focus <= labelled
    assert overlapping(drawn) == []


def test_search_hits_are_labelled_first(page):
    zoom(page, 0.25)
    page.page.fill("#bg-search", "Aliyev")
    drawn = {b["text"] for b in boxes(page)}
    assert {"Ilham Aliyev", "Heydar Aliyev"} <= drawn


def test_show_edge_labels_labels_edges_but_keeps_them_apart(page):
    page.page.check("#bg-edge-labels")
    drawn = boxes(page)
    assert len([b for b in drawn if b["kind"] == "edge"]) > 3
    assert overlapping(drawn) == []


def test_hovering_an_edge_labels_it(page):
    j, mid = page.js("""() => { const bg = window.briefgraph, net = bg.network, pos = net.getPositions();
        // the longest edge whose middle is on it alone: no node there, and no other edge
        let best = null, len = -1, at = null;
        net.body.edgeIndices.forEach(j => { const e = bg.data.edges[j], a = pos[e.f], b = pos[e.t];
            const d = Math.hypot(a.x - b.x, a.y - b.y);
            const m = net.canvasToDOM({x: (a.x + b.x) / 2, y: (a.y + b.y) / 2});
            if (d > len && net.getNodeAt(m) === undefined && net.getEdgeAt(m) === j) { len = d; best = j; at = m; } });
        return [best, at]; }""")
    assert j is not None
    box = page.page.locator("#bg-graph").bounding_box()
    page.page.mouse.move(box["x"] + mid["x"], box["y"] + mid["y"])
    page.page.wait_for_timeout(150)
    drawn = boxes(page)
    assert [b for b in drawn if b["kind"] == "edge" and b["i"] == j]
    assert overlapping(drawn) == []
    page.page.mouse.move(box["x"] + 2, box["y"] + 2)
    page.page.wait_for_timeout(150)
    assert not [b for b in boxes(page) if b["kind"] == "edge"]
