"""Trust signals: the page says its facts were extracted automatically from the named briefs,
shows an extracted fact's confidence where the graph has one, and locates evidence by
paragraph (and page, where known) with the brief's title and date."""

from __future__ import annotations

import pytest

from briefgraph.graph.export_html import explorer_data, paragraph_starts, write_html
from briefgraph.graph.model import add_edge, add_node, new_graph

pytestmark = pytest.mark.browser


def small_graph(tmp_path):
    text = "TITLE\n\nFirst paragraph.\n\nPakistan and Azerbaijan signed an MOU.\nStill the second.\n"
    brief = tmp_path / "brief.txt"
    brief.write_text(text, encoding="utf-8")
    import hashlib
    g = new_graph()
    g.graph["documents"]["doc:1"] = {"title": "A Brief", "date": "2024-08-15", "path": str(brief),
                                     "sha256": hashlib.sha256(brief.read_bytes()).hexdigest()}
    start = text.index("Pakistan")
    ev = {"text": "Pakistan and Azerbaijan signed an MOU.", "doc": "doc:1", "start": start,
          "end": start + 38, "sources": []}
    add_node(g, "state:pk", "State", "Pakistan", evidence=[dict(ev, page=3)], confidence=0.42)
    add_node(g, "state:az", "State", "Azerbaijan", evidence=[ev])
    add_edge(g, "state:pk", "state:az", "SUPPORTS", [dict(ev, paragraph=7)], confidence=0.9)
    return g


def test_paragraphs_come_from_the_original_file_or_the_evidence(tmp_path):
    data = explorer_data(small_graph(tmp_path))
    paras = sorted({(s[5], s[6]) for s in data["sentences"]}, key=str)
    # computed from the file (third block), given by the loader (7), page where the record has it
    assert paras == sorted({(3, 3), (3, None), (7, None)}, key=str)
    assert paragraph_starts("a\n\n\nb\nc\n\nd") == [0, 4, 9]
    by_name = {n["n"]: n for n in data["nodes"]}
    assert by_name["Pakistan"]["c"] == 0.42 and "c" not in by_name["Azerbaijan"]
    assert data["edges"][0]["c"] == 0.9 and "confidence" not in data["edges"][0].get("p", {})


def test_file_changed_since_ingest_falls_back_to_offsets(tmp_path):
    g = small_graph(tmp_path)
    (tmp_path / "brief.txt").write_text("changed\n", encoding="utf-8")
    data = explorer_data(g)
    assert {s[5] for s in data["sentences"]} == {None, 7}


def test_panel_shows_trust_confidence_and_location(explorer, tmp_path):
    path = tmp_path / "trust.html"
    write_html(small_graph(tmp_path), path, exported="2024-08-20")
    explorer.open(path)
    trust = explorer.page.locator("#bg-trust").inner_text()
    assert trust.startswith("Facts extracted automatically") and "A Brief (15 August 2024)" in trust
    explorer.js("() => window.briefgraph.selectNode(window.briefgraph.data.nodes.findIndex(n => n.n === 'Pakistan'))")
    panel = explorer.page.locator("#bg-panel")
    assert "0.42" in panel.locator("tr:has(th:text-is('confidence'))").inner_text()
    where = panel.locator(".bg-where").first.inner_text()
    assert where == "A Brief, 2024-08-15 · para. 3 · p. 3"
    explorer.js("() => window.briefgraph.selectEdge(0)")
    assert "0.90" in panel.locator("tr:has(th:text-is('confidence'))").inner_text()
    assert panel.locator(".bg-where").first.inner_text() == "A Brief, 2024-08-15 · para. 7"
    assert explorer.errors == [] and explorer.requests == []
