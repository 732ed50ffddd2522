"""Keyboard and screen readers: arrow keys walk the chart from neighbour to neighbour, Enter
selects, Escape clears; the search box is an ARIA combobox; a sortable list view of nodes and of
events; and the chart keeps most of the window at 1024 and 768 pixels."""

from __future__ import annotations

import networkx as nx
import pytest


pytestmark = pytest.mark.browser


def node_id(page, i):
    return page.js("(i) => window.briefgraph.data.nodes[i].id", i)


def test_arrow_keys_move_between_neighbours_and_enter_selects(page, brief_graph):
    chart = nx.Graph(brief_graph.subgraph(n for n, k in brief_graph.nodes(data="kind") if k != "Source"))
    start = page.js("window.briefgraph.data.nodes.findIndex(n => n.n === 'Ilham Aliyev')")
    page.js("(i) => window.briefgraph.selectNode(i)", start)
    page.page.focus("#bg-graph")
    at, visited = start, [start]
    for key in ("ArrowUp", "ArrowRight", "ArrowLeft", "ArrowDown", "ArrowUp", "ArrowRight"):
        page.page.keyboard.press(key)
        now = page.js("window.briefgraph.keyCursor()")
        if now != at:  # a move always lands on a neighbour of where the cursor was
            assert chart.has_edge(node_id(page, at), node_id(page, now)), key
            at = now
            visited.append(now)
        # the page says where it is, for screen readers
        assert page.page.locator("#bg-announce").text_content().startswith(page.js("(i) => window.briefgraph.data.nodes[i].n", at))
    assert len(visited) >= 3, "the keys moved the cursor"
    page.page.keyboard.press("Enter")
    assert page.selected() == [at]
    assert page.page.locator("#bg-panel h2").inner_text() == page.js("(i) => window.briefgraph.data.nodes[i].n", at)
    page.page.keyboard.press("Escape")
    assert page.selected() == [] and page.js("window.briefgraph.state.selected") is None


def test_escape_leaves_the_focus_then_the_range(page):
    page.js("window.briefgraph.timeline.setRangeText('2014', '2020')")
    page.js("() => window.briefgraph.focusOn(window.briefgraph.data.nodes.findIndex(n => n.n === 'Pakistan'), 1)")
    page.page.keyboard.press("Escape")  # the selection the focus made
    page.page.keyboard.press("Escape")
    assert page.js("window.briefgraph.state.focus") is None and page.js("window.briefgraph.state.range") is not None
    page.page.keyboard.press("Escape")
    assert page.js("window.briefgraph.state.range") is None


def test_search_suggestions_are_an_aria_combobox(page):
    box = page.page.locator("#bg-search")
    assert box.get_attribute("role") == "combobox" and box.get_attribute("aria-controls") == "bg-search-list"
    assert box.get_attribute("aria-expanded") == "false"
    page.page.fill("#bg-search", "Aliyev")
    assert box.get_attribute("aria-expanded") == "true"
    first = box.get_attribute("aria-activedescendant")
    assert page.page.locator(f"#{first}").get_attribute("aria-selected") == "true"
    page.page.press("#bg-search", "ArrowDown")
    second = box.get_attribute("aria-activedescendant")
    assert second != first and page.page.locator(f"#{second}").get_attribute("role") == "option"
    page.page.press("#bg-search", "Escape")
    assert box.get_attribute("aria-expanded") == "false"


def test_list_view_sorts_nodes_and_events(page, brief_graph):
    page.page.click("#bg-list-toggle")
    rows = page.page.locator("#bg-list tbody tr")
    shown = {n for n, k in brief_graph.nodes(data="kind") if k != "Source"}
    assert rows.count() == len(shown)
    links = [int(x) for x in page.page.locator("#bg-list tbody td:nth-child(3)").all_inner_texts()]
    assert links == sorted(links, reverse=True)  # most connected first
    page.page.click("#bg-list th button:text('Name')")
    names = page.page.locator("#bg-list tbody td:nth-child(1)").all_inner_texts()
    assert names == sorted(names, key=str.lower) or names == sorted(names, key=lambda s: s.casefold())
    assert page.page.locator("#bg-list th[aria-sort=ascending]").inner_text().startswith("Name")
    page.page.click("#bg-list-tab-events")
    dated = [d for _, d in brief_graph.nodes(data=True) if d["kind"] in ("Event", "Agreement")]
    assert rows.count() == len(dated)
    starts = page.js("() => [...document.querySelectorAll('#bg-list tbody tr')].map(r => window.briefgraph.data.nodes[+r.dataset.node].d0 ?? null)")
    known = [s for s in starts if s is not None]
    assert known == sorted(known) and starts[:len(known)] == known  # by date, undated last
    page.page.fill("#bg-list-filter", "visit")
    assert 0 < rows.count() < len(dated)
    page.page.locator("#bg-list tbody tr button").first.click()
    assert page.page.locator("#bg-list").is_hidden() and len(page.selected()) == 1


@pytest.mark.parametrize("width,height", [(1024, 768), (768, 1024)])
def test_narrow_windows_keep_a_usable_chart(explorer, brief_html, width, height):
    explorer.page.set_viewport_size({"width": width, "height": height})
    page = explorer.open(brief_html)
    chart = page.page.locator("#bg-graph").bounding_box()
    assert chart["width"] >= 0.6 * width and chart["height"] >= 250
    assert page.page.locator("#bg-left").is_hidden()
    page.page.click("#bg-filters-toggle")
    assert page.page.locator("#bg-left").is_visible()
    page.page.uncheck('#bg-kinds input[data-kind="Place"]')
    # nothing in the header spills over the window
    right = page.js("Math.max(...[...document.querySelectorAll('.bg-header > *')].map(e => e.getBoundingClientRect().right))")
    assert right <= width + 1
    assert page.errors == [] and page.requests == []
