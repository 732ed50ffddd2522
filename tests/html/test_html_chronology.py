"""The timeline as a chronology: lanes (per selected or pinned actor, then per kind) that hold
exactly the graph's dated events, labels that say who did what, rows without overlaps, open
qualifiers, outliers at the edges, and an undated tray whose items open like any other."""

from __future__ import annotations

import pytest

from briefgraph.graph.export_html import write_html
from briefgraph.graph.model import add_edge, add_node, new_graph

pytestmark = pytest.mark.browser
DATED = ("Event", "Agreement")


def ids(page, indices):
    return page.js("(xs) => xs.map(i => window.briefgraph.data.nodes[i].id)", indices)


def settled(page):
    """The timeline redraws a frame after the chart answers a selection."""
    page.page.wait_for_function("() => !window.briefgraph.timeline.pending()")


def lane_ids(page):
    settled(page)
    return [(lane["name"], lane["actor"], ids(page, lane["nodes"])) for lane in page.js("window.briefgraph.timeline.lanes()")]


def check_partition(page, graph):
    dated = {n for n, d in graph.nodes(data=True) if d["kind"] in DATED and d.get("date_start")}
    undated = {n for n, d in graph.nodes(data=True) if d["kind"] in DATED and not d.get("date_start")}
    lanes = lane_ids(page)
    listed = [n for _, _, nodes in lanes for n in nodes]
    assert sorted(listed) == sorted(dated)  # each dated event in exactly one lane
    settled(page)
    drawn = page.js("[...document.querySelectorAll('#bg-tl .tl-item')].map(g => +g.dataset.node)")
    assert sorted(ids(page, drawn)) == sorted(dated)
    page.page.click("#bg-tl-undated")
    tray = page.page.locator("#bg-tl-tray button[data-node]")
    in_tray = ids(page, [int(x) for x in tray.evaluate_all("bs => bs.map(b => b.dataset.node)")])
    assert sorted(in_tray) == sorted(undated)
    page.page.click("#bg-tl-undated")
    return lanes


def test_lanes_and_tray_list_exactly_the_graphs_events(page, brief_graph):
    lanes = check_partition(page, brief_graph)
    assert [name for name, _, _ in lanes] == ["Events", "Agreements"]


def test_selecting_an_actor_gives_it_a_lane_of_its_events(page, brief_graph):
    nid = next(n for n, d in brief_graph.nodes(data=True) if d["name"] == "Ilham Aliyev")
    i = page.js("(id) => window.briefgraph.data.nodes.findIndex(n => n.id === id)", nid)
    page.js("(i) => window.briefgraph.selectNode(i)", i)
    lanes = check_partition(page, brief_graph)
    name, actor, nodes = lanes[0]
    assert actor == i and name == "Ilham Aliyev"
    mine = {v for _, v in brief_graph.out_edges(nid) if brief_graph.nodes[v]["kind"] in DATED and brief_graph.nodes[v].get("date_start")}
    mine |= {u for u, _ in brief_graph.in_edges(nid) if brief_graph.nodes[u]["kind"] in DATED and brief_graph.nodes[u].get("date_start")}
    assert set(nodes) == mine and mine
    # its events are highlighted, and the labels say who did what
    settled(page)
    highlighted = page.js("[...document.querySelectorAll('#bg-tl .tl-hl')].map(g => +g.dataset.node)")
    assert set(ids(page, highlighted)) == mine
    texts = page.page.locator("#bg-tl .tl-item text").evaluate_all("ts => ts.map(t => t.textContent)")
    assert "Aliyev visits Pakistan" in texts
    # pinning keeps the lane when the selection moves on
    page.page.click("#bg-panel button:text-is('Pin timeline lane')")
    page.js("() => window.briefgraph.selectNode(window.briefgraph.data.nodes.findIndex(n => n.n === 'Pakistan'))")
    names = [n for n, _, _ in lane_ids(page)]
    assert names[:2] == ["Pakistan", "Ilham Aliyev"]
    check_partition(page, brief_graph)


def test_labels_in_a_lane_never_overlap(page):
    page.js("() => window.briefgraph.selectNode(window.briefgraph.data.nodes.findIndex(n => n.n === 'Pakistan'))")
    settled(page)
    boxes = page.js("""() => [...document.querySelectorAll('#bg-tl .tl-item')].map(g => {
        const r = g.getBBox(); return [r.x, r.y, r.width, r.height, g.textContent]; })""")
    clash = [(a[4], b[4]) for k, a in enumerate(boxes) for b in boxes[k + 1:]
             if a[0] < b[0] + b[2] - 0.5 and b[0] < a[0] + a[2] - 0.5 and a[1] < b[1] + b[3] - 0.5 and b[1] < a[1] + a[3] - 0.5]
    assert clash == []


def test_undated_item_opens_like_any_other(page, brief_graph):
    page.js("window.briefgraph.timeline.setRangeText('2014', '2020')")  # hides undated events
    page.page.click("#bg-tl-undated")
    first = page.page.locator("#bg-tl-tray button[data-node]").first
    i = int(first.get_attribute("data-node"))
    first.click()
    assert page.selected() == [i]
    assert page.page.locator("#bg-panel h2").inner_text() == page.js("(i) => window.briefgraph.data.nodes[i].n", i)


def test_timeline_items_are_focusable_and_open_with_enter(page):
    item = page.page.locator("#bg-tl .tl-item").nth(2)
    i = int(item.get_attribute("data-node"))
    item.focus()
    page.page.keyboard.press("Enter")
    assert page.selected() == [i]
    assert item.get_attribute("aria-label")


def test_drag_from_a_gridline_starts_in_that_year(page):
    box = page.page.locator("#bg-tl svg").bounding_box()
    x0 = box["x"] + page.js("window.briefgraph.timeline.xOf('1990-01-01')")
    x1 = box["x"] + page.js("window.briefgraph.timeline.xOf('2000-01-01')")
    page.page.mouse.move(x0, box["y"] + 60)
    page.page.mouse.down()
    page.page.mouse.move(x1, box["y"] + 60, steps=5)
    page.page.mouse.up()
    assert (page.page.input_value("#bg-tl-from"), page.page.input_value("#bg-tl-to")) == ("1990", "1999")


@pytest.fixture()
def odd_dates_html(tmp_path):
    g = new_graph()
    add_node(g, "state:a", "State", "Atlantis")
    dates = {"event:1": ("Founding", "1620", "1620-01-01", "1620-12-31", "year", None),
             "event:2": ("Plan", "2100", "2100-01-01", "2100-12-31", "year", None),
             "event:3": ("Talks", "2019", "2019-01-01", "2019-12-31", "year", "after"),
             "event:4": ("Truce", "2001", "2001-01-01", "2001-12-31", "year", "before")}
    for k in range(20):
        dates[f"event:x{k}"] = (f"Meeting {k}", f"{2000 + k}", f"{2000 + k}-01-01", f"{2000 + k}-12-31", "year", None)
    for nid, (name, date, s, e, p, q) in dates.items():
        props = {"date": date, "date_start": s, "date_end": e, "date_precision": p, "event_type": "Meeting"}
        if q:
            props["date_qualifier"] = q
        add_node(g, nid, "Event", name, **props)
        add_edge(g, "state:a", nid, "PARTICIPATED_IN")
    path = tmp_path / "odd.html"
    write_html(g, path, exported="2024-01-01")
    return path


def test_outliers_sit_at_the_edges_and_qualifiers_stay_open(explorer, odd_dates_html):
    explorer.open(odd_dates_html)
    tl = "window.briefgraph.timeline"
    outliers = explorer.js(f"{tl}.outliers().map(i => window.briefgraph.data.nodes[i].n)")
    assert sorted(outliers) == ["Founding", "Plan"]
    # the axis fits the 2000s, not four centuries
    assert explorer.js(f"{tl}.xOf('2000-01-01')") < 80
    width = explorer.page.locator("#bg-tl svg").bounding_box()["width"]
    assert explorer.js(f"{tl}.xOf('2020-01-01')") > width - 80
    marks = explorer.js("""() => Object.fromEntries([...document.querySelectorAll('#bg-tl .tl-item')].map(g => {
        const s = g.querySelector('path, rect'), b = s.getBBox();
        return [window.briefgraph.data.nodes[+g.dataset.node].n, [b.x, b.x + b.width, s.getAttribute('class')]]; }))""")
    assert marks["Founding"][2] == "tl-out" and marks["Founding"][0] < 20
    assert marks["Plan"][2] == "tl-out" and marks["Plan"][1] > width - 20
    # "after 2019" starts where 2019 ends and runs open to the right edge; "before 2001" the other way
    end2019 = explorer.js(f"{tl}.xOf('2020-01-01')")
    assert marks["Talks"][2] == "tl-open" and marks["Talks"][0] == pytest.approx(end2019, abs=1) and marks["Talks"][1] > width - 20
    start2001 = explorer.js(f"{tl}.xOf('2001-01-01')")
    assert marks["Truce"][2] == "tl-open" and marks["Truce"][1] == pytest.approx(start2001, abs=1) and marks["Truce"][0] < 20
    assert explorer.errors == []
