"""Hostile briefs in a real browser: no injected script runs, after load or after clicking,
hovering and opening every node and edge; no link leaves http(s)."""

from __future__ import annotations

import pytest

from briefgraph.graph.export_html import write_html
from briefgraph.pipeline import ingest
from conftest import FIXTURES
from hostile import hostile_graph

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module", params=["brief", "graph"])
def hostile_html(request, tmp_path_factory):
    """The hostile brief through the whole pipeline, and the hand-built hostile graph."""
    graph = ingest([FIXTURES / "hostile-brief.txt"]) if request.param == "brief" else hostile_graph()
    path = tmp_path_factory.mktemp("hostile") / f"{request.param}.html"
    write_html(graph, path, exported="2024-08-20")
    return path


def pwned(page):
    return page.js("typeof window.pwned")


def assert_clean_dom(page):
    """Nothing from the data became an element, an event handler or a non-http(s) link."""
    report = page.js("""() => {
        const bad = [];
        for (const el of document.querySelectorAll('*')) {
            for (const a of el.attributes) if (a.name.toLowerCase().startsWith('on')) bad.push(el.tagName + ' ' + a.name);
            if (['IMG', 'IFRAME', 'OBJECT', 'EMBED', 'FORM'].includes(el.tagName)) bad.push(el.tagName);
        }
        const links = [...document.querySelectorAll('a[href]')].map(a => a.protocol);
        return {bad, links, scripts: document.scripts.length};
    }""")
    assert report["bad"] == []
    assert set(report["links"]) <= {"http:", "https:"}
    assert report["scripts"] == 3


def test_no_injected_script_runs(explorer, hostile_html):
    explorer.open(hostile_html)
    assert pwned(explorer) == "undefined"
    assert_clean_dom(explorer)
    # every node on the chart, Sources included: hover (tooltip), then click (panel)
    explorer.page.check('#bg-kinds input[data-kind="Source"]')
    count = explorer.js("window.briefgraph.data.nodes.length")
    assert explorer.js("window.briefgraph.visibleNodes().length") == count
    for i in range(count):
        explorer.click_node(i)
        assert explorer.selected() == [i], f"click on node {i} selected {explorer.selected()}"
        explorer.page.wait_for_timeout(20)
        assert pwned(explorer) == "undefined"
    box = explorer.page.locator("#bg-graph").bounding_box()
    explorer.page.mouse.move(box["x"] + box["width"] / 2 + 1, box["y"] + box["height"] / 2 + 1)
    explorer.page.wait_for_timeout(400)  # vis-network's tooltip delay
    # every edge, through the same path a click takes
    for j in range(explorer.js("window.briefgraph.data.edges.length")):
        explorer.js("(j) => window.briefgraph.selectEdge(j, {center: true})", j)
        assert pwned(explorer) == "undefined"
    # search suggestions, path panel and the timeline render names too
    explorer.page.fill("#bg-search", "script")
    explorer.page.fill("#bg-path-from", "<img")
    for item in explorer.page.locator("#bg-tl .tl-item").all():
        item.locator("path, rect").first.click()
    explorer.page.wait_for_timeout(200)
    assert pwned(explorer) == "undefined"
    assert_clean_dom(explorer)
    assert explorer.requests == [] and explorer.errors == []


def test_payloads_are_shown_as_text(explorer, hostile_html):
    explorer.open(hostile_html)
    title = explorer.page.locator("#bg-title").inner_text()
    assert "</script>" in title or "<script>" in title.lower()
    names = explorer.js("window.briefgraph.data.nodes.map(n => n.n)")
    i = next(k for k, n in enumerate(names) if "</script>" in n or "<img" in n)
    explorer.js("(i) => window.briefgraph.selectNode(i)", i)
    assert explorer.page.locator("#bg-panel h2").inner_text() == names[i]
    assert pwned(explorer) == "undefined"


def test_new_surfaces_keep_payloads_as_text(explorer, hostile_html):
    """The list view, the undated tray, timeline lanes and captions, paths with evidence, the
    report SVG and the printed page all show the data and run none of it."""
    explorer.open(hostile_html)
    explorer.page.check('#bg-kinds input[data-kind="Source"]')
    explorer.page.click("#bg-list-toggle")
    explorer.page.click("#bg-list-tab-events")
    explorer.page.click("#bg-list-tab-nodes")
    explorer.page.click("#bg-list-toggle")
    if explorer.js("window.briefgraph.timeline.undated().length"):
        explorer.page.click("#bg-tl-undated")
        explorer.page.locator("#bg-tl-tray button[data-node]").first.click()
    actor = explorer.js("""() => { const bg = window.briefgraph, n = bg.data.nodes;
        return n.map((x, i) => i).filter(i => bg.timeline.isActor(i)).sort((a, b) => n[b].deg - n[a].deg)[0]; }""")
    if actor is not None:
        explorer.js("(i) => window.briefgraph.selectNode(i)", actor)
        explorer.page.wait_for_function("() => !window.briefgraph.timeline.pending()")
    nodes = explorer.js("window.briefgraph.data.nodes.length")
    if nodes > 1:
        explorer.js("(n) => window.briefgraph.findPath(0, n - 1)", nodes)
    svg = explorer.js("window.briefgraph.snapshotSvg()")
    assert "<script" not in svg.lower().replace("&lt;script", "")
    explorer.page.pdf()
    explorer.page.keyboard.press("Escape")
    assert pwned(explorer) == "undefined"
    assert_clean_dom(explorer)
    assert explorer.requests == [] and explorer.errors == []
