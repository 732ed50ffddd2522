"""The explorer of a PDF brief shows the page of each evidence sentence ("p. 3") in headless
Chromium; the same brief as text shows none."""

from __future__ import annotations

import pytest

from briefgraph.graph.export_html import write_html
from briefgraph.pipeline import ingest

pytestmark = pytest.mark.browser
pytest.importorskip("reportlab", reason="the PDF fixture is typeset with reportlab")


@pytest.fixture(scope="module")
def pdf_graph(tmp_path_factory, brief_path):
    from benchmarks.publish import brief_from_text, write_pdf

    pdf = tmp_path_factory.mktemp("pdf") / "brief.pdf"
    write_pdf(brief_from_text(brief_path.read_text(encoding="utf-8")), pdf)
    return ingest([pdf])


def test_the_evidence_panel_shows_the_page(explorer, pdf_graph, tmp_path):
    path = tmp_path / "pdf.html"
    write_html(pdf_graph, path, exported="2024-08-20")
    explorer.open(path)
    # an event told on a later page, picked from the graph itself
    nid, page = next((n, ev["page"]) for n, d in sorted(pdf_graph.nodes(data=True))
                     if d["kind"] == "Event" for ev in d["evidence"] if ev.get("page", 1) > 1)
    i = explorer.js("(id) => window.briefgraph.data.nodes.findIndex(n => n.id === id)", nid)
    explorer.js("(i) => window.briefgraph.selectNode(i, {center: true})", i)
    where = explorer.page.locator("#bg-panel .bg-where").all_inner_texts()
    assert any(f"p. {page}" in w.split(" \u00b7 ") for w in where), where
    assert explorer.requests == [] and explorer.errors == []


def test_a_text_brief_shows_no_page(explorer, brief_graph, tmp_path):
    path = tmp_path / "text.html"
    write_html(brief_graph, path, exported="2024-08-20")
    explorer.open(path)
    nid = next(n for n, d in sorted(brief_graph.nodes(data=True)) if d["kind"] == "Event" and d["evidence"])
    i = explorer.js("(id) => window.briefgraph.data.nodes.findIndex(n => n.id === id)", nid)
    explorer.js("(i) => window.briefgraph.selectNode(i, {center: true})", i)
    where = explorer.page.locator("#bg-panel .bg-where").all_inner_texts()
    assert where and not any("p. " in w for w in where)
