"""Briefs as they are published: PDF, DOCX and HTML read into the same Document and graph as
their text versions. Every fixture is typeset here by ``benchmarks.publish`` from a brief we
hold as text (nothing downloaded): footnotes at the foot of the page that cites them, raised
markers, running headers and page numbers, sentences cut by page breaks, two columns."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from support import ROOT

from benchmarks.publish import Brief, Layout, brief_from_text, write_docx, write_html, write_pdf
from briefgraph.cli import main
from briefgraph.loaders.document import SUPERSCRIPTS, load
from briefgraph.loaders.reader import sniff
from briefgraph.pipeline import ingest

pytest.importorskip("reportlab", reason="the PDF fixtures are typeset with reportlab (pip install -e '.[test]')")

FIXTURES = ROOT / "tests" / "fixtures"
OTHER_BRIEFS = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".md"))
_MD_MARK = re.compile(r"\[\^(\d+)\]")


def _sup(text: str) -> str:  # a markdown marker [^3] is the superscript ³ of a typeset brief
    return _MD_MARK.sub(lambda m: "".join(SUPERSCRIPTS[int(d)] for d in m.group(1)), text)


def same_document(text_doc, other) -> None:
    """The layout reader found what the text loader found: header, sentences, paragraphs,
    markers and footnotes (with their 'ibid' links)."""
    for field in ("title", "author", "author_role", "affiliation", "editor", "publisher", "date"):
        assert getattr(other, field) == getattr(text_doc, field), field
    assert [(_sup(s.text), s.footnotes, s.paragraph) for s in text_doc.sentences] == \
        [(s.text, s.footnotes, s.paragraph) for s in other.sentences]
    assert {n: (f.text, f.ibid_of) for n, f in text_doc.footnotes.items()} == \
        {n: (f.text, f.ibid_of) for n, f in other.footnotes.items()}
    for s in other.sentences:  # offsets are into the text the reader made
        assert other.text[s.start:s.end].replace("\n", " ").startswith(s.text[:20].replace("\n", " "))


@pytest.fixture(scope="module")
def brief(brief_path) -> Brief:
    return brief_from_text(brief_path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def made(tmp_path_factory, brief) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("published")
    out = {"pdf": d / "brief.pdf", "pdf2": d / "brief-2col.pdf", "pdfsup": d / "brief-lig.pdf",
           "docx": d / "brief.docx", "html": d / "brief.html"}
    write_pdf(brief, out["pdf"])
    write_pdf(brief, out["pdf2"], Layout(columns=2))
    write_pdf(brief, out["pdfsup"], Layout(ligatures=True, sup_notes=True, running_header="ISSI Issue Brief"))
    write_docx(brief, out["docx"], tracked_deletion=True)
    write_html(brief, out["html"])
    return out


def _page_texts(path: Path) -> list[str]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path)
    try:
        return [" ".join(pdf[i].get_textpage().get_text_range().split()) for i in range(len(pdf))]
    finally:
        pdf.close()


# -- the bundled brief, typeset --------------------------------------------------------------

@pytest.mark.parametrize("kind", ["pdf", "pdf2", "pdfsup", "docx", "html"])
def test_each_format_reads_as_the_text_brief(made, brief_doc, kind):
    same_document(brief_doc, load(made[kind]))


def test_the_fixture_is_laid_out_as_published(made, brief):
    """The PDF really has what the reader must undo: notes on the page that cites them, a page
    number and running header on each page, sentences cut by page breaks, hyphenated line ends."""
    pages = _page_texts(made["pdf"])
    assert len(pages) >= 3
    for number, text in enumerate(pages, 1):
        assert str(number) in text.split()  # the page number at the foot
        if number > 1:
            assert "Issue Brief" in text  # the running header
    assert '1 "Visit of the President of Azerbaijan to Pakistan,"' in pages[0]
    assert "Ankasam" in " ".join(pages[1:])
    assert re.search(r"[a-z][-\ufffe] ?[a-z]+ ", " ".join(pages))  # hyphenated at line ends (pdfium: U+FFFE)


def test_pages_of_sentences_and_cut_sentences_are_whole(made):
    doc = load(made["pdf"])
    pages = _page_texts(made["pdf"])
    assert [s.page for s in doc.sentences] == sorted(s.page for s in doc.sentences)
    assert doc.sentences[0].page == 1 and doc.sentences[-1].page == len(pages)
    cut = [s for s in doc.sentences
           if s.text.split()[-1].strip(".,;" + SUPERSCRIPTS) not in pages[s.page - 1].split()[-60:]
           and s.page < len(pages) and s.text.split()[0] in pages[s.page - 1]
           and s.text.split()[-1].strip(SUPERSCRIPTS) in pages[s.page]]
    assert cut, "no sentence runs across a page break in the fixture"
    for s in doc.sentences:
        assert "Issue Brief" not in s.text and not re.search(r"\s\d\s*$", s.text)


def test_two_columns_are_read_in_column_order(made):
    pages = _page_texts(made["pdf2"])
    assert len(pages) >= 3  # narrower columns, more pages
    doc = load(made["pdf2"])
    first = doc.sentences[0].text
    assert first.startswith("The President of Azerbaijan") and first.endswith("July 12, 2024.")


def test_sources_are_cited_by_the_same_sentences_in_pdf_and_text(made, brief_path):
    """Every footnote Source is cited by the sentence whose text version cites it (the graph
    of the PDF and of the text agree, offsets and document ids aside)."""
    def citations(graph):
        number = {n: d["footnote"] for n, d in graph.nodes(data=True) if d["kind"] == "Source"}
        out = set()
        for _, d in graph.nodes(data=True):
            out.update((_sup(ev["text"]), number[s]) for ev in d["evidence"] for s in ev["sources"])
        for _, _, d in graph.edges(data=True):
            out.update((_sup(ev["text"]), number[s]) for ev in d["evidence"] for s in ev["sources"])
        return number, out

    text_graph, pdf_graph = ingest([brief_path]), ingest([made["pdf"]])
    text_sources, text_cited = citations(text_graph)
    pdf_sources, pdf_cited = citations(pdf_graph)
    assert len(pdf_sources) == 15
    assert sorted(pdf_sources.values()) == sorted(text_sources.values())
    assert pdf_cited == text_cited
    doc = load(made["pdf"])
    assert sorted({n for s in doc.sentences for n in s.footnotes}) == list(range(1, 16))
    assert {(d["kind"], d["name"]) for _, d in pdf_graph.nodes(data=True)} == \
        {(d["kind"], d["name"]) for _, d in text_graph.nodes(data=True)}

    def named_edges(g):
        return sorted((g.nodes[u]["name"], g.nodes[v]["name"], t) for u, v, t in g.edges(data="type"))
    assert named_edges(pdf_graph) == named_edges(text_graph)


@pytest.mark.parametrize("path", OTHER_BRIEFS, ids=lambda p: p.name)
def test_other_briefs_read_the_same_as_pdf_in_one_and_two_columns(tmp_path, path):
    text_doc = load(path)
    brief = brief_from_text(path.read_text(encoding="utf-8"))
    for layout in (Layout(), Layout(columns=2, sup_notes=True, ligatures=True), Layout(height=520),
                   Layout(columns=2, width=500, height=600), Layout(columns=2, width=700, height=500, margin=40)):
        out = tmp_path / "b.pdf"
        write_pdf(brief, out, layout)
        same_document(text_doc, load(out))


# -- layout details, on briefs written for them ----------------------------------------------

def _long_brief(note: str) -> Brief:
    body = ("The delegation of the Republic of Testland met the ministers of Exampleland in the capital "
            "to review the agreements signed the year before. ")
    paragraphs = [body * 3 for _ in range(5)]
    paragraphs[2] = body * 2 + "The ministers signed a protocol on water.¹ " + body
    return Brief("A LONG FOOTNOTE", [["By A. Writer"], ["March 3, 2023"]], paragraphs, {1: note})


def test_a_footnote_continued_on_the_next_page(tmp_path):
    note = "Ministry of Water, " + " ".join(f"Report {k} on rivers and canals of the region, 2022." for k in range(40))
    out = tmp_path / "long-note.pdf"
    write_pdf(_long_brief(note), out, Layout(height=560))
    pages = _page_texts(out)
    first = next(i for i, p in enumerate(pages) if "Ministry of Water" in p)
    assert "Report 39 on rivers" in " ".join(pages[first + 1:])  # it did run over
    assert "Report 39 on rivers" not in pages[first]
    doc = load(out)
    assert doc.footnotes[1].text == note
    cited = [s for s in doc.sentences if s.footnotes]
    assert [s.text for s in cited] == ["The ministers signed a protocol on water.¹"]


def test_ligatures_and_hyphens_are_undone(tmp_path):
    words = "The officials reaffirmed their firm commitment to unconditional cooperation in fisheries. "
    brief = Brief("LIGATURES", [["By A. Writer"]], [words * 12], {})
    out = tmp_path / "lig.pdf"
    write_pdf(brief, out, Layout(ligatures=True, width=300, margin=40))
    doc = load(out)  # drawn with the ﬁ and ﬂ glyphs, hyphenated where lines end
    assert " ".join(s.text for s in doc.sentences) == (words * 12).strip()


# -- DOCX and HTML ---------------------------------------------------------------------------

def test_docx_numbers_notes_by_citation_and_drops_deleted_text(made):
    import zipfile

    with zipfile.ZipFile(made["docx"]) as z:
        footnotes = z.read("word/footnotes.xml").decode()
    assert 'w:id="41"' in footnotes and 'w:id="1"' not in footnotes  # ids are not the numbers shown
    doc = load(made["docx"])
    assert "Withdrawn claim" not in doc.text
    assert doc.footnotes[1].text.startswith('"Visit of the President of Azerbaijan')
    assert all(s.page is None for s in doc.sentences)


def test_html_reads_the_article_not_the_site(made):
    html = made["html"].read_text(encoding="utf-8")
    assert "<nav>" in html and "Subscribe" in html and "All rights reserved" in html
    doc = load(made["html"])
    for junk in ("About Us", "Subscribe", "All rights reserved", "Related", "window.analytics", "↩"):
        assert junk not in doc.text


# -- the command line: one run, any mix of formats; refusals ---------------------------------

def test_ingest_mixes_formats_told_apart_by_content(made, brief_path, tmp_path):
    disguised = tmp_path / "brief-pdf.txt"  # a PDF with a text file's name
    disguised.write_bytes(made["pdf"].read_bytes())
    assert sniff(disguised.read_bytes()) == "pdf"
    out = tmp_path / "g.json"
    args = ["ingest", str(brief_path), str(disguised), str(made["docx"]), str(made["html"]), "--jobs", "2",
            "-o", str(out), "-q"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["documents"]) == 4
    evidence = [ev for n in data["nodes"] for ev in n["evidence"]]
    assert any(ev.get("page") for ev in evidence)  # from the PDF
    assert any("page" not in ev for ev in evidence)  # text, DOCX and HTML have no pages
    one = tmp_path / "g1.json"
    assert CliRunner().invoke(main, [*args[:-5], "--jobs", "1", "-o", str(one), "-q"]).exit_code == 0
    assert one.read_bytes() == out.read_bytes()  # the same graph, whatever the number of workers


def test_timeline_shows_the_page(made, tmp_path):
    out = tmp_path / "g.json"
    assert CliRunner().invoke(main, ["ingest", str(made["pdf"]), "-o", str(out), "-q"]).exit_code == 0
    result = CliRunner().invoke(main, ["timeline", str(out), "--from", "1995", "--to", "1995"])
    assert result.exit_code == 0
    assert "evidence: p. 1" in result.stdout
    entries = json.loads(CliRunner().invoke(main, ["timeline", str(out), "--format", "json"]).stdout)
    assert all(e["pages"] for e in entries)


def _scanned(path: Path) -> Path:
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("L", (600, 800), 255)
    draw = ImageDraw.Draw(img)
    for y in range(60, 760, 24):
        draw.line((50, y, 550, y), fill=0, width=6)  # lines of "print", as a scanner sees them
    c = canvas.Canvas(str(path))
    c.drawImage(ImageReader(img), 0, 0, 595, 842)
    c.showPage()
    c.save()
    return path


def _encrypted(path: Path) -> Path:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), encrypt=StandardEncryption("secret", canPrint=0))
    c.drawString(72, 700, "A brief nobody may read without the password.")
    c.showPage()
    c.save()
    return path


def _corrupt(path: Path, made) -> Path:
    data = made["pdf"].read_bytes()
    path.write_bytes(data[:len(data) // 2])  # truncated: the cross-reference table is gone
    return path


@pytest.mark.parametrize("make, message", [
    (lambda d, m: _scanned(d / "scan.pdf"), r"^Error: \S+scan.pdf: no text in this PDF; it looks scanned: run OCR first"),
    (lambda d, m: _encrypted(d / "locked.pdf"), r"^Error: \S+locked.pdf is an encrypted PDF"),
    (lambda d, m: _corrupt(d / "cut.pdf", m), r"^Error: \S+cut.pdf is not a readable PDF: damaged or truncated"),
    (lambda d, m: (d / "junk.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8) and d / "junk.pdf",
     r"^Error: \S+junk.pdf is not a readable PDF"),
    (lambda d, m: (d / "bad.docx").write_bytes(b"PK\x03\x04" + b"\x00" * 64) and d / "bad.docx", r"^Error: \S+bad.docx "),
])
def test_refusals_are_one_error_line(tmp_path, made, make, message):
    target = tmp_path / "out.json"
    target.write_text("keep me", encoding="utf-8")
    bad = make(tmp_path, made)
    result = CliRunner().invoke(main, ["ingest", str(bad), "-o", str(target)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and re.match(message, lines[0]), result.stderr
    assert "Traceback" not in result.output
    assert target.read_text(encoding="utf-8") == "keep me"


def test_a_500_page_pdf_is_read_with_a_warning(tmp_path, brief):
    from reportlab.pdfgen import canvas

    path = tmp_path / "book.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("Helvetica", 11)

    def name(k: int) -> str:  # a different word on every page, so no line repeats like a running header
        return "".join(chr(97 + int(d)) for d in str(k)).title()

    for k in range(500):
        c.drawString(72, 760, f"The archive of {name(k)} holds the records of the province.")
        c.drawString(72, 740, f"Each record of {name(k)} was catalogued by the staff of the national archive.")
        c.drawCentredString(297, 40, str(k + 1))
        c.showPage()
    c.save()
    out = tmp_path / "g.json"
    result = CliRunner().invoke(main, ["ingest", str(path), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    warning = [ln for ln in result.stderr.splitlines() if ln.startswith("Warning:")]
    assert len(warning) == 1 and "500 pages" in warning[0]
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["documents"][0]["sentences"] >= 900


# -- any bytes of these formats: a Document or one clear InputError, never a crash -----------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from briefgraph.errors import InputError  # noqa: E402


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(head=st.sampled_from([b"%PDF-1.7\n", b"PK\x03\x04", b"<!DOCTYPE html><html><body>", b"<html><article>"]),
       body=st.binary(max_size=2000) | st.text(max_size=2000).map(lambda t: t.encode("utf-8")))
def test_any_bytes_in_a_layout_format_never_crash_the_reader(tmp_path, head, body):
    path = tmp_path / "x.bin"
    path.write_bytes(head + body)
    try:
        load(path)
    except InputError:
        pass


def test_a_deeply_nested_page_is_refused_in_one_line(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text("<html><body><article>" + "<div>" * 5000 + "Text." + "</div>" * 5000 + "</article></body></html>")
    with pytest.raises(InputError, match="nests its elements too deeply"):
        load(path)


def test_lines_that_repeat_by_chance_are_not_taken_for_running_footers(tmp_path):
    """Pages without page numbers whose last footnote is 'Ibid.' every time: that line repeats
    at the foot of every page, but it sits in the notes, not apart from them."""
    para = ("The envoys of Testland and Exampleland met again in the capital to review the "
            "agreements signed the year before, and they said so in a statement.{} ")
    paragraphs, notes = [], {}
    for k in range(1, 9, 2):
        paragraphs.append(para.format(SUPERSCRIPTS[k]) * 1 + para.format(SUPERSCRIPTS[k + 1]))
        notes[k], notes[k + 1] = f"Ministry of Foreign Affairs, Statement {k}, 2023.", "Ibid."
    brief = Brief("NOTES THAT REPEAT", [["By A. Writer"]], paragraphs, notes)
    out = tmp_path / "ibid.pdf"
    pages = write_pdf(brief, out, Layout(height=330, running_header=None, page_numbers=False))
    assert pages >= 3
    ends = [p.split()[-1] for p in _page_texts(out)]
    assert ends.count("Ibid.") >= 2
    doc = load(out)
    assert {n: f.text for n, f in doc.footnotes.items()} == notes
    assert all(f.ibid_of == n - 1 for n, f in doc.footnotes.items() if f.text == "Ibid.")


def test_markers_are_small_and_raised_digits():
    from briefgraph.loaders.pdf_layout import Char, cluster, line_text

    def word(text, x, y, size):
        return [Char(c, size, x + 5 * i, x + 5 * i + 4, y) for i, c in enumerate(text)]

    raised = word("ties.", 10, 100, 11) + word("12", 35, 104, 6.5) + word("Next", 55, 100, 11)
    level = word("page", 10, 200, 11) + word("3", 36, 200, 6.5)  # small but not raised: not a marker
    big = word("in", 10, 300, 11) + word("1992", 26, 303, 11)  # raised but not small
    lines = cluster(raised + level + big, 1)
    for ln in lines:
        line_text(ln)
    assert [ln.text for ln in lines] == ["in 1992", "page 3", "ties.¹² Next"]


@pytest.mark.parametrize("columns", [1, 2])
def test_a_small_type_box_after_the_body_is_not_a_footnote(tmp_path, brief, brief_doc, columns):
    about = ("About the author: Syed Basim Raza is a consultant at the China-Pakistan Study Centre of the "
             "institute, where he writes on the economies of Central Asia and the Caucasus.")
    out = tmp_path / "about.pdf"
    write_pdf(brief, out, Layout(colophon=about, columns=columns))
    assert "About the author" in _page_texts(out)[-1]
    doc = load(out)
    assert {n: f.text for n, f in doc.footnotes.items()} == {n: f.text for n, f in brief_doc.footnotes.items()}
    assert doc.sentences[-1].text.startswith("About the author")
    assert [s.text for s in doc.sentences[:-1]] == [s.text for s in brief_doc.sentences]


def test_the_title_is_the_first_pages_largest_type(tmp_path, brief, brief_doc):
    out = tmp_path / "label.pdf"
    write_pdf(brief, out, Layout(label="ISSUE BRIEF No. 42"))
    assert _page_texts(out)[0].startswith("ISSUE BRIEF No. 42 ENHANCING")  # the label comes first on the page
    doc = load(out)
    assert doc.title == brief_doc.title == "Enhancing Cooperation: Pakistan-Azerbaijan Multi-Sectoral Partnership"
    assert (doc.author, doc.editor, doc.date, doc.publisher) == \
        (brief_doc.author, brief_doc.editor, brief_doc.date, brief_doc.publisher)
    assert not any("ISSUE BRIEF" in s.text for s in doc.sentences)  # small type set apart at the top
