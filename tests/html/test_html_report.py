"""Report output: the current view as a PNG at twice the screen's pixels and as SVG, each with
title, briefs, export date, legend and the selection's evidence references; and a printed page
(Chromium's own PDF) that holds the chart and legend but none of the controls."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest

from briefgraph.graph.export_html import write_html
from pngread import read_png

pytestmark = pytest.mark.browser
SVG = "{http://www.w3.org/2000/svg}"
CONTROLS = ("Reset view", "Find path", "Show edge labels", "Clear range", "Apply", "Focus 1 hop",
            "Path from", "Search names", "Node kinds", "Edge types", "drag to pick")


@pytest.fixture()
def page(explorer, brief_html):
    explorer.open(brief_html)
    i = explorer.js("window.briefgraph.data.nodes.findIndex(n => n.n === 'Ilham Aliyev')")
    explorer.js("(i) => window.briefgraph.selectNode(i)", i)
    explorer.page.wait_for_timeout(100)
    yield explorer
    assert explorer.requests == [] and explorer.errors == []


def hexrgb(colour):
    return tuple(int(colour[k:k + 2], 16) for k in (1, 3, 5))


def test_png_is_twice_the_view_and_holds_the_legend(page, brief_graph):
    view = page.page.locator("#bg-graph canvas").bounding_box()
    with page.page.expect_download() as info:
        page.page.click("#bg-png")
    assert info.value.suggested_filename == "briefgraph-2024-08-20.png"
    width, height, rows = read_png(open(info.value.path(), "rb").read())
    assert width >= 2 * view["width"] and height >= 2 * view["height"]
    report = page.js("window.briefgraph.reportInfo()")
    s = report["scale"]
    assert width == pytest.approx(report["width"] * s, abs=1)
    # every kind drawn on the chart has its swatch, in its own colour, inside the legend strip
    legend = report["legend"]
    colours = {tuple(rows[y][4 * x:4 * x + 3]) for y in range(int(legend["y"] * s), int((legend["y"] + legend["h"]) * s))
               for x in range(int(legend["x"] * s), int((legend["x"] + legend["w"]) * s))}
    shown = page.js("""() => { const bg = window.briefgraph; const ks = new Set(bg.network.body.nodeIndices.map(i => bg.data.nodes[i].k));
        return [...ks].map(k => bg.data.kinds[k].color); }""")
    assert len(shown) >= 5
    for colour in shown:
        assert hexrgb(colour) in colours, f"legend swatch {colour}"
    # and the chart area is not blank
    chart = report["chart"]
    mid = rows[int((chart["y"] + chart["h"] / 2) * s)]
    assert len({bytes(mid[k:k + 3]) for k in range(0, len(mid), 4)}) > 3


def test_svg_parses_and_says_what_it_shows(page, brief_graph):
    with page.page.expect_download() as info:
        page.page.click("#bg-svg")
    assert info.value.suggested_filename == "briefgraph-2024-08-20.svg"
    root = ET.parse(info.value.path()).getroot()
    assert root.tag == SVG + "svg"
    texts = [t.text or "" for t in root.iter(SVG + "text")]
    (doc,) = brief_graph.graph["documents"].values()
    assert doc["title"] in texts  # title of the brief
    assert any("2024-08-20" in t for t in texts)  # export date
    assert any(t.startswith("Facts extracted automatically") or "extracted automatically" in t for t in texts)
    for kind in ("State", "Person", "Event"):
        assert kind in texts  # legend
    assert "Ilham Aliyev" in texts  # a label
    assert any(t.startswith("Selected: Ilham Aliyev") for t in texts)
    assert any(t.startswith("[1] ") and "para." in t for t in texts)  # evidence references
    assert len(list(root.iter(SVG + "line"))) > 20 and len(list(root.iter(SVG + "circle"))) > 5


def test_svg_escapes_brief_text(explorer, tmp_path):
    from briefgraph.graph.model import add_node, new_graph
    g = new_graph()
    add_node(g, "state:1", "State", 'Pak </text><script>alert(1)</script> & "co"')
    path = tmp_path / "x.html"
    write_html(g, path, exported="2024-01-01")
    explorer.open(path)
    text = explorer.js("window.briefgraph.snapshotSvg()")
    root = ET.fromstring(text.split("\n", 1)[1])
    assert not list(root.iter(SVG + "script"))
    assert any(t.text.startswith('Pak </text><script>alert(1)</script> & ') for t in root.iter(SVG + "text"))


def test_printed_pdf_holds_chart_legend_and_evidence_and_no_controls(page):
    from pypdf import PdfReader

    pdf = PdfReader(io.BytesIO(page.page.pdf(print_background=True)))
    text = "\n".join(p.extract_text() for p in pdf.pages)
    flat = " ".join(text.split())
    assert "Enhancing Cooperation" in flat
    for kind in ("State", "Person", "Event", "Organisation"):
        assert kind in flat
    assert "Ilham Aliyev" in flat and "Evidence for Ilham Aliyev" in flat
    for control in CONTROLS:
        assert control not in flat, control
    first = pdf.pages[0].mediabox
    assert float(first.width) > float(first.height)  # landscape: the chart is wider than tall
    # and the picture keeps its aspect: the SVG is scaled, never stretched
    ratio = page.js("""() => { window.dispatchEvent(new Event('beforeprint'));
        const s = document.querySelector('#bg-print svg'), v = s.viewBox.baseVal;
        const r = [v.width / v.height, s.getAttribute('preserveAspectRatio')];
        window.dispatchEvent(new Event('afterprint')); return r; }""")
    assert ratio[0] > 1 and ratio[1] in (None, "xMidYMid meet")
