"""The explorer of the bundled brief in headless Chromium, every outside request refused and
counted: it loads offline, and search, filters, timeline, panel, focus, path, reset and
snapshot work on the real page (state is read from vis-network and the DOM, nothing mocked)."""

from __future__ import annotations

import networkx as nx
import pytest

from briefgraph.graph.export_html import safe_url
from briefgraph.graph.timeline import timeline
from conftest import ROOT

pytestmark = pytest.mark.browser

DATED = ("Event", "Agreement")


def index_of(page, node_id):
    return page.js("(id) => window.briefgraph.data.nodes.findIndex(n => n.id === id)", node_id)


def test_loads_from_disk_with_zero_requests_and_zero_errors(page, brief_graph):
    assert page.js("typeof window.briefgraphReadyAt") == "number"
    shown = page.visible_ids()
    assert shown == {n for n, k in brief_graph.nodes(data="kind") if k != "Source"}
    assert page.js("document.title").startswith("Enhancing Cooperation")
    assert page.page.locator("#bg-counts").inner_text() == (
        f"{brief_graph.number_of_nodes()} nodes · {brief_graph.number_of_edges()} edges · 1 brief")


def test_physics_is_off_so_nodes_stay_where_python_put_them(page):
    page.page.wait_for_timeout(800)
    moved = page.js("""() => { const bg = window.briefgraph, pos = bg.network.getPositions();
        return Object.keys(pos).filter(i => pos[i].x !== bg.data.nodes[i].x || pos[i].y !== bg.data.nodes[i].y); }""")
    assert moved == []


def test_search_for_aliyev_selects_and_centres_a_person(page, brief_graph):
    page.page.fill("#bg-search", "Aliyev")
    assert page.page.locator("#bg-search-list li").count() >= 2  # Ilham and Heydar
    page.page.press("#bg-search", "Enter")
    (i,) = page.selected()
    node = page.js("(i) => window.briefgraph.data.nodes[i]", i)
    assert brief_graph.nodes[node["id"]]["kind"] == "Person" and "Aliyev" in node["n"]
    assert page.page.locator("#bg-panel h2").inner_text() == node["n"]
    # centred once the animation ends
    page.page.wait_for_function("""(i) => { const net = window.briefgraph.network;
        const v = net.getViewPosition(), p = net.getPositions([i])[i];
        return Math.abs(v.x - p.x) < 1 && Math.abs(v.y - p.y) < 1; }""", arg=i, timeout=5000)


def test_kind_filter_hides_every_event(page, brief_graph):
    page.page.uncheck('#bg-kinds input[data-kind="Event"]')
    shown = page.visible_ids()
    assert shown and not [n for n in shown if brief_graph.nodes[n]["kind"] == "Event"]
    assert any(brief_graph.nodes[n]["kind"] == "State" for n in shown)
    edges = page.js("""() => { const bg = window.briefgraph;
        return bg.network.body.edgeIndices.map(j => [bg.data.nodes[bg.data.edges[j].f].id, bg.data.nodes[bg.data.edges[j].t].id]); }""")
    assert all(brief_graph.nodes[u]["kind"] != "Event" and brief_graph.nodes[v]["kind"] != "Event" for u, v in edges)
    page.page.check('#bg-kinds input[data-kind="Event"]')
    assert any(brief_graph.nodes[n]["kind"] == "Event" for n in page.visible_ids())


def expected_in_range(graph, date_from, date_to):
    return {e.id for e in timeline(graph, date_from, date_to)}


def shown_dated(page, graph):
    return {n for n in page.visible_ids() if graph.nodes[n]["kind"] in DATED}


def test_dragging_2014_to_2020_on_the_timeline_leaves_exactly_those_events(page, brief_graph):
    expected = expected_in_range(brief_graph, "2014", "2020")
    assert expected  # the brief has events in 2014, 2015, 2019 and 2020
    assert page.js("window.briefgraph.timeline.unit()") == "year"
    box = page.page.locator("#bg-tl svg").bounding_box()
    x0 = box["x"] + page.js("window.briefgraph.timeline.xOf('2014-01-01')") + 3
    x1 = box["x"] + page.js("window.briefgraph.timeline.xOf('2020-12-31')") - 3
    y = box["y"] + 10
    page.page.mouse.move(x0, y)
    page.page.mouse.down()
    page.page.mouse.move((x0 + x1) / 2, y, steps=4)
    page.page.mouse.move(x1, y, steps=4)
    page.page.mouse.up()
    assert page.page.input_value("#bg-tl-from") == "2014" and page.page.input_value("#bg-tl-to") == "2020"
    assert shown_dated(page, brief_graph) == expected
    # entities stay, and no edge leads to an event outside the range
    assert any(brief_graph.nodes[n]["kind"] == "State" for n in page.visible_ids())
    outside = {n for n, k in brief_graph.nodes(data="kind") if k in DATED} - expected
    edges = page.js("""() => { const bg = window.briefgraph;
        return bg.network.body.edgeIndices.map(j => [bg.data.nodes[bg.data.edges[j].f].id, bg.data.nodes[bg.data.edges[j].t].id]); }""")
    assert not [e for e in edges if set(e) & outside]
    page.page.click("#bg-tl-clear")
    assert len(shown_dated(page, brief_graph)) == sum(1 for _, k in brief_graph.nodes(data="kind") if k in DATED)


@pytest.mark.parametrize("typed,said", [
    (("2014", "2020"), ("2014", "2020")),
    (("1992-06", "1995"), ("June 1992", "1995")),
    (("2024-07-11", "2024-07-12"), ("2024-07-11", "2024-07-12")),
])
def test_typed_range_matches_the_timeline_command(page, brief_graph, typed, said):
    page.page.fill("#bg-tl-from", typed[0])
    page.page.fill("#bg-tl-to", typed[1])
    page.page.press("#bg-tl-to", "Enter")
    assert shown_dated(page, brief_graph) == expected_in_range(brief_graph, *said)
    assert "Period" in page.page.locator("#bg-status").inner_text()


def test_clicking_a_node_shows_its_evidence_and_footnote_link(page, brief_graph):
    # an event whose sentence cites a footnote with a web address, chosen from the graph
    nid, ev = next((n, ev) for n, d in sorted(brief_graph.nodes(data=True)) if d["kind"] == "Event"
                   for ev in d["evidence"]
                   if any(safe_url(brief_graph.nodes[s].get("url")) for s in ev["sources"]))
    page.click_node(index_of(page, nid))
    assert page.selected() == [index_of(page, nid)]
    panel = page.page.locator("#bg-panel")
    assert panel.locator("h2").inner_text() == brief_graph.nodes[nid]["name"]
    quotes = panel.locator(".bg-evidence blockquote").all_inner_texts()
    assert ev["text"] in quotes
    if ev.get("mention"):
        assert ev["mention"] in panel.locator(".bg-evidence mark").all_inner_texts()
    urls = {safe_url(brief_graph.nodes[s].get("url")) for s in ev["sources"]} - {None}
    hrefs = set(panel.locator(".bg-fns a").evaluate_all("as => as.map(a => a.getAttribute('href'))"))
    assert urls <= hrefs
    assert panel.locator(".bg-fns a").first.get_attribute("target") == "_blank"
    assert panel.locator(".bg-fns a").first.get_attribute("rel") == "noopener noreferrer"


def test_clicking_an_edge_shows_its_type_and_evidence(page, brief_graph):
    j = page.js("window.briefgraph.data.edges.findIndex(e => e.e.length > 0)")
    page.js("(j) => window.briefgraph.selectEdge(j, {center: true})", j)
    u, v, t = page.js("""(j) => { const bg = window.briefgraph, e = bg.data.edges[j];
        return [bg.data.nodes[e.f].id, bg.data.nodes[e.t].id, bg.data.edgeTypes[e.y].name]; }""", j)
    panel = page.page.locator("#bg-panel")
    assert panel.locator(".bg-phead .bg-etype").first.inner_text() == t
    evidence = brief_graph.edges[u, v, t]["evidence"]
    assert evidence[0]["text"] in panel.locator(".bg-evidence blockquote").all_inner_texts()


def test_timeline_draws_each_date_at_its_precision(page, brief_graph):
    """A day is a point, an interval a solid bar over its days, a year (or month) a dashed band
    over the whole period; undated events are counted, not placed."""
    items = page.js("""() => [...document.querySelectorAll('#bg-tl .tl-item')].map(g => {
        const s = g.querySelector('path, rect'), tl = window.briefgraph.timeline;
        const n = window.briefgraph.data.nodes[+g.dataset.node];
        return {id: n.id, tag: s.tagName, vague: s.classList.contains('tl-vague'),
                x: s.tagName === 'rect' ? +s.getAttribute('x') : null,
                w: s.tagName === 'rect' ? +s.getAttribute('width') : null,
                x0: tl.xOf(n.dt.s), x1: tl.xOf(n.dt.e) + (tl.xOf('2001-01-02') - tl.xOf('2001-01-01'))}; })""")
    dated = {n for n, d in brief_graph.nodes(data=True) if d["kind"] in DATED and d.get("date_start")}
    assert {i["id"] for i in items} == dated
    kinds = set()
    for item in items:
        d = brief_graph.nodes[item["id"]]
        if d.get("date_qualifier") in ("before", "after"):
            assert item["tag"] == "path"  # an arrow open towards the side the text leaves open
            kinds.add("open")
        elif d["date_precision"] == "day" and d["date_start"] == d["date_end"]:
            assert item["tag"] == "path"
            kinds.add("point")
        else:
            assert item["tag"] == "rect" and item["vague"] == ("/" not in d["date"])
            assert item["x"] == pytest.approx(item["x0"], abs=0.01)
            assert item["w"] == pytest.approx(max(item["x1"] - item["x0"], 7), abs=0.01)
            kinds.add("vague" if item["vague"] else "interval")
    assert kinds >= {"point", "interval", "vague"}
    undated = sum(1 for _, d in brief_graph.nodes(data=True) if d["kind"] in DATED and not d.get("date_start"))
    note = page.page.locator("#bg-tl-note").inner_text()
    assert note.startswith(f"{len(dated)} of {len(dated)} dated")
    assert page.page.locator("#bg-tl-undated").inner_text() == f"Undated ({undated})"


def test_timeline_zooms_to_days_and_snaps_a_drag_to_them(page, brief_graph):
    box = page.page.locator("#bg-tl svg").bounding_box()
    y = box["y"] + 20
    for _ in range(40):
        x = box["x"] + page.js("window.briefgraph.timeline.xOf('2024-07-11')")
        page.page.mouse.move(x, y)
        page.page.mouse.wheel(0, -120)
        if page.js("window.briefgraph.timeline.unit()") == "day":
            break
    assert page.js("window.briefgraph.timeline.unit()") == "day"
    x0 = box["x"] + page.js("window.briefgraph.timeline.xOf('2024-07-11')") + 2
    x1 = box["x"] + page.js("window.briefgraph.timeline.xOf('2024-07-12')") + 2
    page.page.mouse.move(x0, y)
    page.page.mouse.down()
    page.page.mouse.move(x1, y, steps=5)
    page.page.mouse.up()
    assert (page.page.input_value("#bg-tl-from"), page.page.input_value("#bg-tl-to")) == ("2024-07-11", "2024-07-12")
    assert shown_dated(page, brief_graph) == expected_in_range(brief_graph, "2024-07-11", "2024-07-12")
    page.page.locator("#bg-tl svg").dblclick(position={"x": 5, "y": 5})
    assert page.js("window.briefgraph.timeline.unit()") == "year"


def test_clicking_an_event_on_the_timeline_selects_it_in_the_graph(page, brief_graph):
    item = page.page.locator("#bg-tl .tl-item").first
    i = int(item.get_attribute("data-node"))
    item.locator("path, rect").first.click()
    assert page.selected() == [i]
    assert page.page.locator("#bg-panel h2").inner_text() == page.js("(i) => window.briefgraph.data.nodes[i].n", i)


def chart(graph):
    """The graph the explorer shows at first, as the undirected graph paths and hops use."""
    return nx.Graph(graph.subgraph(n for n, k in graph.nodes(data="kind") if k != "Source"))


def test_focus_on_a_neighbourhood_and_back(page, brief_graph):
    undirected = chart(brief_graph)
    nid = max((n for n, k in brief_graph.nodes(data="kind") if k == "Person"),
              key=lambda n: (undirected.degree(n), n))
    page.js("(i) => window.briefgraph.selectNode(i)", index_of(page, nid))
    page.page.click("#bg-panel button:text-is('Focus 1 hop')")
    assert page.visible_ids() == {nid} | set(undirected[nid])
    page.page.click("#bg-panel button:text-is('2 hops')")
    assert page.visible_ids() == set(nx.single_source_shortest_path_length(undirected, nid, cutoff=2))
    page.page.click("#bg-status button:text-is('Back to the whole graph')")
    assert page.visible_ids() == set(undirected)


def test_shortest_path_between_two_actors_is_highlighted(page, brief_graph):
    # the two uniquely named actors farthest apart on the chart, picked from the graph
    undirected = chart(brief_graph)
    names = [d["name"] for _, d in brief_graph.nodes(data=True)]
    actors = sorted(n for n, d in brief_graph.nodes(data=True)
                    if d["kind"] in ("Person", "State") and names.count(d["name"]) == 1)
    dist = dict(nx.all_pairs_shortest_path_length(undirected))
    steps, a, b = max((dist[x].get(y, -1), x, y) for x in actors for y in actors if x < y)
    assert steps >= 2
    page.page.check("#bg-path-places")  # any link, places included, as networkx counts here
    for box, node in (("#bg-path-from", a), ("#bg-path-to", b)):
        page.page.fill(box, brief_graph.nodes[node]["name"])
        page.page.press(box, "Enter")
    path = page.js("window.briefgraph.state.path")
    assert len(path["edges"]) == steps
    ids = page.js("(p) => p.nodes.map(i => window.briefgraph.data.nodes[i].id)", path)
    assert ids[0] == a and ids[-1] == b
    assert all(undirected.has_edge(x, y) for x, y in zip(ids, ids[1:]))
    colours = page.js("""(p) => p.edges.map(j => window.briefgraph.network.body.edges[j].options.color.color)""", path)
    assert set(colours) == {"#e8590c"}
    assert sorted(page.selected()) == sorted(path["nodes"])
    assert page.page.locator("#bg-panel .bg-pathlist li").count() == 2 * steps + 1
    page.page.click("#bg-path-clear")
    assert page.js("window.briefgraph.state.path") is None


def test_reset_view_undoes_filters_focus_range_and_path(page, brief_graph):
    everything = page.visible_ids()
    page.page.uncheck('#bg-kinds input[data-kind="Person"]')
    page.js("window.briefgraph.timeline.setRangeText('2014', '2020')")
    page.js("(i) => window.briefgraph.focusOn(i, 1)", 0)
    page.page.click("#bg-reset")
    assert page.visible_ids() == everything
    assert page.js("[window.briefgraph.state.range, window.briefgraph.state.focus, window.briefgraph.state.path]") == [None, None, None]
    assert page.page.is_checked('#bg-kinds input[data-kind="Person"]')


def test_png_snapshot_of_the_current_view(page):
    with page.page.expect_download() as info:
        page.page.click("#bg-png")
    download = info.value
    assert download.suggested_filename == "briefgraph-2024-08-20.png"
    with open(download.path(), "rb") as fh:
        assert fh.read(8) == b"\x89PNG\r\n\x1a\n"


def test_screenshot_for_the_readme(page, brief_graph):
    """docs/explorer.png: the bundled brief with its best-sourced event selected, evidence and
    footnotes in the panel (the README shows it; regenerate by running this test)."""
    def sourced(n):  # sentences citing a footnote with a web address, then links
        d = brief_graph.nodes[n]
        cited = sum(any(safe_url(brief_graph.nodes[s].get("url")) for s in ev["sources"]) for ev in d["evidence"])
        return (cited, brief_graph.degree(n), n)

    nid = max((n for n, k in brief_graph.nodes(data="kind") if k in DATED), key=sourced)
    page.js("(i) => window.briefgraph.selectNode(i)", index_of(page, nid))
    page.js("window.briefgraph.network.fit({animation: false})")
    page.page.wait_for_timeout(300)
    target = ROOT / "docs" / "explorer.png"
    target.parent.mkdir(exist_ok=True)
    page.page.screenshot(path=str(target))
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
