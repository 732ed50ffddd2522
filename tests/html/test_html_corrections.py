"""Corrections made in the explorer, in the real Chromium: merge two nodes and mark an edge
wrong, download the file the page makes (no network), re-ingest with it, and the new graph
has exactly those changes; the re-exported explorer shows the provenance and draws the
corrected items apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgraph.cli import main
from briefgraph.graph.export_html import write_html
from briefgraph.graph.jsonio import read_json
from briefgraph.pipeline import ingest

pytestmark = pytest.mark.browser

OWN = Path(__file__).resolve().parents[1] / "fixtures" / "ghana-kenya-2024.txt"


def person(graph, name):
    (hit,) = [n for n, d in graph.nodes(data=True) if d["kind"] == "Person" and d["name"] == name]
    return hit


def node_index(page, node_id):
    return page.js("(id) => window.briefgraph.data.nodes.findIndex(n => n.id === id)", node_id)


def edge_index(page, u, v, etype):
    return page.js("""([u, v, t]) => { const d = window.briefgraph.data;
        return d.edges.findIndex(e => d.nodes[e.f].id === u && d.nodes[e.t].id === v && d.edgeTypes[e.y].name === t); }""",
                   [u, v, etype])


def test_merge_and_mark_wrong_in_the_page_then_reingest(explorer, tmp_path):
    g0 = ingest([OWN])
    keep, gone = person(g0, "William Ruto"), person(g0, "Uhuru Kenyatta")
    wrong = sorted((u, v, k) for u, v, k in g0.edges(keys=True) if not {u, v} & {keep, gone})[0]
    html = tmp_path / "brief.html"
    write_html(g0, html, exported="2024-03-20")
    page = explorer.open(html)
    p = page.page
    # merge: select a node, add it, select the other, add it, merge with a note
    page.js("(i) => window.briefgraph.selectNode(i, {})", node_index(page, keep))
    assert p.locator("#bg-corr-target").inner_text() == "William Ruto"
    p.click("#bg-corr-merge-add")
    page.click_node(node_index(page, gone))  # with the mouse, on the chart
    assert page.selected() == [node_index(page, gone)]
    p.click("#bg-corr-merge-add")
    assert p.locator("#bg-corr-merge").inner_text() == "Merge (2)"
    p.fill("#bg-corr-note", 'one man, "two" names')
    p.click("#bg-corr-merge")
    # mark an edge wrong
    j = edge_index(page, *wrong)
    page.js("(j) => window.briefgraph.selectEdge(j, {})", j)
    p.click("#bg-corr-wrong")
    assert p.locator("#bg-corr-list li").count() == 2
    # drawn apart at once: the merged nodes dashed, the edge dashed
    assert page.js("(i) => window.briefgraph.network.body.data.nodes.get(i).shapeProperties.borderDashes",
                   node_index(page, keep)) == [5, 3]
    assert page.js("(j) => window.briefgraph.network.body.data.edges.get(j).dashes", j) == [6, 4]
    page.js("(i) => window.briefgraph.selectNode(i, {})", node_index(page, keep))
    assert "pending: merge William Ruto + Uhuru Kenyatta" in p.locator("#bg-panel").inner_text()
    with p.expect_download() as download:
        p.click("#bg-corr-download")
    assert download.value.suggested_filename == "corrections.yaml"
    fixes = tmp_path / "corrections.yaml"
    download.value.save_as(fixes)
    assert explorer.requests == [] and explorer.errors == []

    out = tmp_path / "g1.json"
    result = CliRunner().invoke(main, ["ingest", str(OWN), "--corrections", str(fixes), "-o", str(out)])
    assert result.exit_code == 0 and "Warning" not in result.stderr, result.output
    g1 = read_json(out)
    prov = {"op": "merge", "note": 'one man, "two" names', "file": str(fixes)}
    # exactly those changes: one node fewer, its edges now the kept node's, one edge fewer
    assert set(g1) == set(g0) - {gone}
    moved = {(keep if u == gone else u, keep if v == gone else v, k) for u, v, k in g0.edges(keys=True)}
    assert {(u, v, k) for u, v, k in g1.edges(keys=True)} == {e for e in moved if e[0] != e[1]} - {wrong}
    assert g1.nodes[keep]["corrections"] == [prov]
    assert "Uhuru Kenyatta" in g1.nodes[keep]["aliases"]
    for n, attrs in g0.nodes(data=True):
        if n not in (keep, gone):
            assert g1.nodes[n] == attrs, n
    for u, v, k, attrs in g0.edges(keys=True, data=True):
        if not {u, v} & {keep, gone} and (u, v, k) != wrong:
            assert g1.edges[u, v, k] == attrs
    assert set(g1.graph["dropped"]["nodes"]) == {gone} and set(g1.graph["dropped"]["edges"]) == {wrong}

    # the explorer of the corrected graph shows who corrected what, and draws it dashed
    html2 = tmp_path / "corrected.html"
    write_html(g1, html2, exported="2024-03-20")
    page.open(html2)
    i = node_index(page, keep)
    page.js("(i) => window.briefgraph.selectNode(i, {})", i)
    panel = p.locator("#bg-panel").inner_text()
    assert "CORRECTIONS (1)" in panel.upper() and f'merge: one man, "two" names \u2014 {fixes}' in panel
    assert page.js("(i) => window.briefgraph.network.body.data.nodes.get(i).shapeProperties.borderDashes", i) == [5, 3]
    assert explorer.requests == [] and explorer.errors == []


def test_a_hostile_note_stays_text_in_the_page_and_in_the_file(explorer, tmp_path):
    from briefgraph.graph.corrections import apply
    from briefgraph.graph.corrections_file import load_corrections

    g = ingest([OWN])
    ruto = person(g, "William Ruto")
    bad = '</script><img src=x onerror="window.pwned=1"> \u2028 #: - ]'
    g.nodes[ruto]["corrections"] = [{"op": "set", "note": bad, "file": "<b>f.yaml</b>"}]
    html = tmp_path / "hostile.html"
    write_html(g, html, exported="2024-03-20")
    page = explorer.open(html)
    i = node_index(page, ruto)
    page.js("(i) => window.briefgraph.selectNode(i, {})", i)
    assert bad.replace("\u2028", " ").split()[0] in page.page.locator("#bg-panel").inner_text()
    assert page.js("document.querySelectorAll('#bg-panel img, #bg-panel b').length") == 0
    # the same text typed as a note goes into the downloaded file as data, and reads back
    page.page.fill("#bg-corr-note", bad)
    page.page.click("#bg-corr-wrong")
    with page.page.expect_download() as download:
        page.page.click("#bg-corr-download")
    fixes = tmp_path / "c.yaml"
    download.value.save_as(fixes)
    (fix,) = load_corrections(fixes)
    assert (fix.op, fix.note) == ("drop", bad)
    assert apply(g, [fix]).applied == 1 and ruto not in g
    assert page.js("window.pwned") is None
    assert explorer.requests == [] and explorer.errors == []


def test_fix_a_date_in_the_page(explorer, tmp_path):
    from briefgraph.graph.corrections import apply
    from briefgraph.graph.corrections_file import load_corrections

    g = ingest([OWN])
    kenyatta = person(g, "Uhuru Kenyatta")
    event = min(v for u, v, t in g.out_edges(kenyatta, data="type") if t == "PARTICIPATED_IN")
    html = tmp_path / "brief.html"
    write_html(g, html, exported="2024-03-20")
    page = explorer.open(html)
    p = page.page
    # a person has no date: refused with a message, nothing added
    page.js("(i) => window.briefgraph.selectNode(i, {})", node_index(page, kenyatta))
    p.fill("#bg-corr-date", "2019-11")
    p.click("#bg-corr-date-set")
    assert p.locator("#bg-corr-msg").inner_text() == "select an event or an agreement first"
    page.js("(i) => window.briefgraph.selectNode(i, {})", node_index(page, event))
    p.fill("#bg-corr-date", "14 Nov 2019")
    p.click("#bg-corr-date-set")
    assert "YYYY" in p.locator("#bg-corr-msg").inner_text() and p.locator("#bg-corr-list li").count() == 0
    p.fill("#bg-corr-date", "2019-11-14/2019-11-15")
    p.click("#bg-corr-date-set")
    assert p.locator("#bg-corr-list li").count() == 1
    with p.expect_download() as download:
        p.click("#bg-corr-download")
    fixes = tmp_path / "c.yaml"
    download.value.save_as(fixes)
    done = apply(g, load_corrections(fixes))
    assert done.applied == 1 and done.warnings == []
    d = g.nodes[event]
    assert (d["date"], d["date_start"], d["date_end"], d["date_precision"]) == (
        "2019-11-14/2019-11-15", "2019-11-14", "2019-11-15", "day")
    assert explorer.requests == [] and explorer.errors == []
