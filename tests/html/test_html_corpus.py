"""A corpus-sized graph opens on its most connected actors (not a hairball) and grows on demand:
search, "Open links" (all or one link type), a 1-hop focus past the scope, "Show everything";
"hide unlinked" and the minimum-links filter hold on any graph."""

from __future__ import annotations

import pytest

from benchmarks.synthetic_graph import synthetic_graph
from briefgraph.graph.export_html import write_html

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def corpus_html(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "corpus.html"
    write_html(synthetic_graph(4000, 8000), path, exported="2024-01-01")
    return path


@pytest.fixture()
def page(explorer, corpus_html):
    explorer.open(corpus_html, timeout=60_000)
    yield explorer
    assert explorer.requests == [] and explorer.errors == []


def drawn(page):
    return page.js("window.briefgraph.network.body.nodeIndices.slice()")


def test_opens_on_the_most_connected_actors(page):
    shown = drawn(page)
    assert 20 <= len(shown) <= 350
    info = page.js("""(shown) => { const bg = window.briefgraph, n = bg.data.nodes, kinds = bg.data.kinds;
        const actor = i => ['State', 'Person', 'Organisation'].includes(kinds[n[i].k].name);
        const all = n.map((x, i) => i).filter(actor).map(i => n[i].deg).sort((a, b) => b - a);
        const mine = shown.filter(actor).map(i => n[i].deg).sort((a, b) => b - a);
        return {top: all.slice(0, mine.length), mine: mine}; }""", shown)
    assert info["mine"] == info["top"]  # the actors shown are the best connected ones
    assert "Showing" in page.page.locator("#bg-status").inner_text()


def test_search_opens_a_node_outside_the_scope_with_its_links(page):
    before = set(drawn(page))
    target = page.js("""() => { const bg = window.briefgraph, shown = new Set(bg.network.body.nodeIndices);
        return bg.data.nodes.findIndex((n, i) => !shown.has(i) && bg.data.kinds[n.k].name === 'Person' && n.deg > 1); }""")
    name = page.js("(i) => window.briefgraph.data.nodes[i].n", target)
    page.page.fill("#bg-search", name)
    page.page.press("#bg-search", "Enter")
    assert page.selected() == [target]
    after = set(drawn(page))
    assert target in after and before <= after
    neighbours = set(page.js("""(i) => { const bg = window.briefgraph;
        return bg.data.edges.filter(e => e.f === i || e.t === i).map(e => e.f === i ? e.t : e.f); }""", target))
    assert neighbours <= after
    # open what one of its neighbours links to
    other = sorted(neighbours)[0]
    page.js("(i) => window.briefgraph.selectNode(i)", other)
    page.page.click("#bg-panel button:text-is('Open links')")
    theirs = set(page.js("""(i) => { const bg = window.briefgraph;
        return bg.data.edges.filter(e => e.f === i || e.t === i).map(e => e.f === i ? e.t : e.f); }""", other))
    assert theirs <= set(drawn(page))


def test_focus_looks_past_the_scope_and_show_everything(page):
    hub = page.js("""() => { const bg = window.briefgraph, shown = new Set(bg.network.body.nodeIndices);
        return bg.data.nodes.findIndex((n, i) => !shown.has(i) && n.deg >= 3 && bg.data.kinds[n.k].name !== 'Source'); }""")
    page.js("(i) => window.briefgraph.focusOn(i, 1)", hub)
    expected = set(page.js("""(i) => { const bg = window.briefgraph;
        return bg.data.edges.filter(e => e.f === i || e.t === i).map(e => e.f === i ? e.t : e.f); }""", hub)) | {hub}
    assert set(drawn(page)) == expected
    page.js("window.briefgraph.unfocus()")
    page.page.click("#bg-status button:text-is('Show everything')")
    everything = page.js("window.briefgraph.data.nodes.filter(n => window.briefgraph.data.kinds[n.k].name !== 'Source').length")
    assert len(drawn(page)) == everything


def test_minimum_links_and_hide_unlinked(page):
    page.page.click("#bg-status button:text-is('Show everything')")
    page.page.fill("#bg-min-degree", "4")
    page.page.press("#bg-min-degree", "Enter")
    page.page.locator("#bg-min-degree").blur()
    degs = page.js("window.briefgraph.network.body.nodeIndices.map(i => window.briefgraph.data.nodes[i].deg)")
    assert degs and min(degs) >= 4
    page.page.check("#bg-hide-unlinked")
    assert len(drawn(page)) < len(degs)  # some had no link left to show
    lonely = page.js("""() => { const net = window.briefgraph.network, bg = window.briefgraph, linked = new Set();
        net.body.edgeIndices.forEach(j => { linked.add(bg.data.edges[j].f); linked.add(bg.data.edges[j].t); });
        return net.body.nodeIndices.filter(i => !linked.has(i)).length; }""")
    assert lonely == 0


def test_open_by_link_type_adds_only_that_type(page):
    hub = page.js("""() => { const bg = window.briefgraph, shown = new Set(bg.network.body.nodeIndices), n = bg.data.nodes;
        return n.map((x, i) => i).filter(i => shown.has(i) && bg.data.kinds[n[i].k].name === 'State').sort((a, b) => n[b].deg - n[a].deg)[0]; }""")
    page.js("(i) => window.briefgraph.selectNode(i)", hub)
    before = set(drawn(page))
    head = page.page.locator("#bg-panel .bg-conn-type", has_text="MEMBER_OF").first
    head.locator("button:text-is('open')").click()
    added = set(drawn(page)) - before
    via = page.js("""(i) => { const bg = window.briefgraph, t = bg.data.edgeTypes.findIndex(x => x.name === 'MEMBER_OF');
        return bg.data.edges.filter(e => e.y === t && (e.f === i || e.t === i)).map(e => e.f === i ? e.t : e.f); }""", hub)
    assert added and added <= set(via)
