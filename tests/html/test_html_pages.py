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


def test_a_pdf_printed_by_chromium_reads_as_the_text_brief(browser, brief_path, brief_doc, tmp_path):
    """Another producer than our typesetter: Chromium's print to PDF (Skia: real space
    characters, its own line breaking, real hyphens at line ends). The notes are endnotes in
    small type at the end, as a web page prints them."""
    from benchmarks.publish import brief_from_text, write_html
    from briefgraph.loaders.document import load

    page_file = tmp_path / "brief.html"
    write_html(brief_from_text(brief_path.read_text(encoding="utf-8")), page_file)
    html = page_file.read_text(encoding="utf-8").replace(
        "<style>body{font-family:serif}</style>",
        "<style>body{font-family:serif;font-size:12pt} .footnotes{font-size:9pt} "
        "nav,aside,footer,header.site,.footnote-back{display:none}</style>")
    page_file.write_text(html, encoding="utf-8")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(page_file.resolve().as_uri())
        pdf = tmp_path / "printed.pdf"
        page.pdf(path=str(pdf), format="A4")
    finally:
        context.close()
    doc = load(pdf)
    assert [(s.text, s.footnotes) for s in doc.sentences] == [(s.text, s.footnotes) for s in brief_doc.sentences]
    assert {n: f.text for n, f in doc.footnotes.items()} == {n: f.text for n, f in brief_doc.footnotes.items()}
    assert (doc.title, doc.author, doc.date) == (brief_doc.title, brief_doc.author, brief_doc.date)
