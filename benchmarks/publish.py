"""Lay a text brief out as it is published: a PDF (reportlab), a DOCX (zip + XML), an HTML page.

The test fixtures and the PDF benchmark are made here, from briefs we hold as text, so nothing
is downloaded. The PDF is typeset by a small engine of our own rather than reportlab's
platypus, because platypus has no footnotes: each footnote goes to the foot of the page
whose body cites it (continued on the next page when it does not fit), markers are set
small and raised, a running header and page numbers are drawn on every page after the first,
sentences run across page breaks, and pages can be set in two columns.

>>> from benchmarks.publish import brief_from_text
>>> b = brief_from_text("TITLE\\n\\nBy A. Writer\\n\\n" + "Some prose that is long enough to be body text. " * 4 + "It ends.¹\\n\\n1 A source, 2024.")
>>> b.title, len(b.paragraphs), b.footnotes
('TITLE', 1, {1: 'A source, 2024.'})

``python -m benchmarks.publish BRIEF.txt OUT.pdf`` writes one PDF.
"""

from __future__ import annotations

import os
import re
import sys
import zipfile
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP = str.maketrans(SUPERSCRIPTS, "0123456789")
_MARK = re.compile(r"[" + SUPERSCRIPTS + r"]+|\[\^(\d{1,3})\]")


@dataclass
class Brief:
    """What a layout needs: header lines (the title first), body paragraphs, footnotes."""

    title: str
    header: list[list[str]] = field(default_factory=list)  # blocks of lines after the title
    paragraphs: list[str] = field(default_factory=list)  # markers as Unicode superscripts
    footnotes: dict[int, str] = field(default_factory=dict)


def brief_from_text(text: str) -> Brief:
    """The parts of a text brief, read by briefgraph's own text loader."""
    from briefgraph.loaders.document import parse

    doc = parse(text)
    blocks = [b for b in re.split(r"\n[ \t]*\n", text[:doc.header_end]) if b.strip()]
    lines = [[_plain(x) for x in b.split("\n") if _plain(x)] for b in blocks]
    lines = [b for b in lines if b]
    title = lines[0][0] if lines else (doc.title or "Untitled")
    header = [lines[0][1:]] + lines[1:] if lines else []
    paras: dict[int, list[str]] = {}
    for s in doc.sentences:
        paras.setdefault(s.paragraph, []).append(s.text)
    body = [_to_sup(" ".join(p)) for _, p in sorted(paras.items())]
    return Brief(title, [b for b in header if b], body, {n: f.text for n, f in sorted(doc.footnotes.items())})


def _plain(line: str) -> str:
    return re.sub(r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)", "", line).strip().lstrip("#").strip()


def _to_sup(text: str) -> str:
    return _MARK.sub(lambda m: "".join(SUPERSCRIPTS[int(c)] for c in m.group(1)) if m.group(1) else m.group(0), text)


# --------------------------------------------------------------------------------------------
# PDF

def _fonts():
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    for name, file in (("Vera", "Vera.ttf"), ("VeraBd", "VeraBd.ttf")):  # shipped with reportlab:
        if name not in pdfmetrics.getRegisteredFontNames():  # Unicode glyphs (ı, ’, ﬁ) everywhere
            pdfmetrics.registerFont(TTFont(name, os.path.join(folder, file)))
    return pdfmetrics.stringWidth


@dataclass
class Layout:
    """Page geometry and type; the defaults are those of a think-tank brief on A4."""

    width: float = 595.0
    height: float = 842.0
    margin: float = 64.0
    columns: int = 1
    gutter: float = 24.0
    body_size: float = 11.0
    leading: float = 15.0
    note_size: float = 8.0
    note_leading: float = 10.0
    sup_size: float = 6.5
    rise: float = 4.0
    title_size: float = 16.0
    paragraph_gap: float = 7.0
    running_header: str | None = "Issue Brief"
    page_numbers: bool = True
    hyphenate: bool = True
    ligatures: bool = False  # set 'fi' and 'fl' as the ligature glyphs U+FB01/U+FB02
    sup_notes: bool = False  # number the footnotes with raised digits instead of plain ones
    colophon: str | None = None  # an "About the author" box in small type after the body
    label: str | None = None  # a series label in small type above the title ("ISSUE BRIEF")


Run = tuple[str, bool]  # text, superscript


def _runs(text: str) -> list[list[Run]]:
    """Words of ``text`` as runs; a marker sticks to the word before it."""
    words: list[list[Run]] = []
    for token in text.split():
        runs: list[Run] = []
        pos = 0
        for m in re.finditer("[" + SUPERSCRIPTS + "]+", token):
            if m.start() > pos:
                runs.append((token[pos:m.start()], False))
            runs.append((m.group(0).translate(_SUP), True))
            pos = m.end()
        if pos < len(token):
            runs.append((token[pos:], False))
        words.append(runs)
    return words


class _Typesetter:
    def __init__(self, layout: Layout):
        self.L = layout
        self.width_of = _fonts()

    def run_width(self, run: Run, size: float, font: str = "Vera") -> float:
        return self.width_of(run[0], font, self.L.sup_size if run[1] else size)

    def word_width(self, word: list[Run], size: float, font: str = "Vera") -> float:
        return sum(self.run_width(r, size, font) for r in word)

    def wrap(self, text: str, width: float, size: float, font: str = "Vera", hyphenate: bool = False) -> list[list[list[Run]]]:
        """Greedy line breaking; words too long for a line are cut (URLs), long plain words
        are hyphenated when asked."""
        space = self.width_of(" ", font, size)
        lines: list[list[list[Run]]] = []
        line: list[list[Run]] = []
        used = 0.0
        queue = _runs(text)
        while queue:
            word = queue.pop(0)
            w = self.word_width(word, size, font)
            need = w + (space if line else 0)
            if used + need <= width:
                line.append(word)
                used += need
                continue
            room = width - used - (space if line else 0)
            plain = "".join(t for t, sup in word if not sup)
            if hyphenate and len(word) == 1 and re.fullmatch(r"[a-z]{8,}[,;.]?", plain):
                for cut in range(len(plain) - 4, 4, -1):  # five letters at least before the hyphen
                    head = plain[:cut] + "-"
                    if plain[cut - 1].isalpha() and plain[cut].isalpha() and self.width_of(head, font, size) <= room:
                        line.append([(head, False)])
                        queue.insert(0, [(plain[cut:], False)])
                        break
                else:
                    cut = 0
                if cut:
                    lines.append(line)
                    line, used = [], 0.0
                    continue
            if w > width:  # a URL longer than the line: cut it where it must be cut
                if line:
                    lines.append(line)
                    line, used = [], 0.0
                text0 = word[0][0]
                k = len(text0)
                while k > 1 and self.width_of(text0[:k], font, size) > width:
                    k -= 1
                lines.append([[(text0[:k], False)]])
                queue.insert(0, [(text0[k:], word[0][1])] + word[1:])
                continue
            if line:
                lines.append(line)
            line, used = [word], w
        if line:
            lines.append(line)
        return lines


@dataclass
class _Page:
    body: list[tuple[int, float, list[list[Run]]]] = field(default_factory=list)  # column, y, words
    header: list[tuple[float, float, str, str, float]] = field(default_factory=list)  # x, y, text, font, size
    notes: list[list[list[list[Run]]]] = field(default_factory=list)  # per column: footnote lines
    small: list[tuple[int, float, list[list[Run]]]] = field(default_factory=list)  # the colophon's lines


def write_pdf(brief: Brief, path: str | Path, layout: Layout | None = None, pad_to: int | None = None) -> int:
    """Typeset ``brief`` into a PDF at ``path``; return the number of pages.

    ``pad_to``: repeat the body (with fresh footnote numbers) until the PDF has at least that
    many pages, for benchmarks.
    """
    from reportlab.pdfgen import canvas

    L = layout or Layout()
    ts = _Typesetter(L)
    col_w = (L.width - 2 * L.margin - (L.columns - 1) * L.gutter) / L.columns
    full_w = L.width - 2 * L.margin
    top = L.height - L.margin
    bottom = L.margin
    paragraphs, footnotes = list(brief.paragraphs), dict(brief.footnotes)
    if pad_to:
        paragraphs, footnotes = _padded(brief, pad_to, L)

    pages: list[_Page] = [_Page()]
    y = top
    # the header block: a label, the title (wrapped, large, bold), then the header lines
    if L.label:
        y -= L.note_size * 1.5
        pages[0].header.append((L.margin, y, L.label, "Vera", L.note_size + 1))
        y -= L.leading / 2
    for line in ts.wrap(brief.title, full_w, L.title_size, "VeraBd"):
        y -= L.title_size * 1.3
        pages[0].header.append((L.margin, y, " ".join("".join(t for t, _ in w) for w in line), "VeraBd", L.title_size))
    y -= L.leading
    for block in brief.header:
        for text in block:
            for line in ts.wrap(text, full_w, L.body_size, "Vera"):
                y -= L.leading
                pages[0].header.append((L.margin, y, " ".join("".join(t for t, _ in w) for w in line), "Vera", L.body_size))
        y -= L.paragraph_gap + L.leading / 2
    y -= L.leading / 2

    note_lines = {n: ts.wrap(f"{n} {t}" if not L.sup_notes else f"{SUPERSCRIPTS_OF(n)} {t}",
                             col_w, L.note_size, "Vera") for n, t in footnotes.items()}
    col, col_top = 0, y
    carried: list[list[list[Run]]] = []  # footnote lines that did not fit in the column before
    page = pages[0]
    page.notes = [[] for _ in range(L.columns)]

    def notes_height(extra: int = 0) -> float:
        n = len(page.notes[col]) + extra
        return n * L.note_leading + (L.note_leading if n else 0)

    def next_column() -> None:
        nonlocal page, y, col, col_top, carried
        if col + 1 < L.columns:
            col += 1
        else:
            page = _Page()
            page.notes = [[] for _ in range(L.columns)]
            pages.append(page)
            col_top = top - (L.leading if L.running_header else 0)
            col = 0
        y = col_top
        page.notes[col].extend(carried)
        carried = []

    placed: set[int] = set()
    for para in paragraphs:
        lines = ts.wrap(para, col_w, L.body_size, hyphenate=L.hyphenate)
        for line in lines:
            cited = [int(t) for w in line for t, sup in w if sup and t.isdigit()]
            new = [n for n in cited if n in note_lines and n not in placed]
            add = [ln for n in new for ln in note_lines[n]]
            while y - L.leading < bottom + notes_height(len(add)):
                # the line fits if only the first lines of its notes go here (continued overleaf)?
                room = int((y - L.leading - bottom - notes_height()) // L.note_leading) - 1
                if add and room >= 2:
                    carried, add = add[room:], add[:room]
                    break
                next_column()
            y -= L.leading
            page.body.append((col, y, line))
            page.notes[col].extend(add)
            placed.update(new)
        y -= L.paragraph_gap
    if L.colophon:  # set apart: a line's space above it, two above the footnotes
        box = ts.wrap(L.colophon, col_w, L.note_size)
        if y - L.leading - len(box) * L.note_leading - 2 * L.leading < bottom + notes_height():
            next_column()
        y -= L.leading
        for line in box:
            y -= L.note_leading
            page.small.append((col, y, line))

    c = canvas.Canvas(str(path), pagesize=(L.width, L.height), invariant=1)
    c.setTitle(brief.title)
    c.setAuthor("")  # reportlab's default is "anonymous"
    c.setCreator("briefgraph benchmarks.publish")
    for number, page in enumerate(pages, 1):
        for x, yy, text, font, size in page.header:
            c.setFont(font, size)
            c.drawString(x, yy, _lig(text, L))
        if number > 1 and L.running_header:
            c.setFont("Vera", 8)
            c.drawString(L.margin, L.height - L.margin + 14, L.running_header)
            c.drawRightString(L.width - L.margin, L.height - L.margin + 14, _short(brief.title))
        if L.page_numbers:
            c.setFont("Vera", 9)
            c.drawCentredString(L.width / 2, L.margin / 2, str(number))
        for col, yy, line in page.body:
            _draw_line(c, ts, L, L.margin + col * (col_w + L.gutter), yy, line, L.body_size)
        for col, yy, line in page.small:
            _draw_line(c, ts, L, L.margin + col * (col_w + L.gutter), yy, line, L.note_size)
        for col, notes in enumerate(page.notes):
            if not notes:
                continue
            x = L.margin + col * (col_w + L.gutter)
            c.setLineWidth(0.5)
            c.line(x, bottom + len(notes) * L.note_leading + 4, x + 100, bottom + len(notes) * L.note_leading + 4)
            for i, line in enumerate(notes):
                _draw_line(c, ts, L, x, bottom + (len(notes) - 1 - i) * L.note_leading + 2, line, L.note_size)
        c.showPage()
    c.save()
    return len(pages)


def SUPERSCRIPTS_OF(n: int) -> str:  # noqa: N802 - reads as the constant it builds on
    return "".join(SUPERSCRIPTS[int(d)] for d in str(n))


def _short(title: str) -> str:
    return title if len(title) <= 48 else title[:45].rsplit(" ", 1)[0] + " ..."


def _lig(text: str, L: Layout) -> str:
    return text.replace("fi", "\ufb01").replace("fl", "\ufb02") if L.ligatures else text


def _draw_line(c, ts: _Typesetter, L: Layout, x: float, y: float, line: list[list[Run]], size: float) -> None:
    space = ts.width_of(" ", "Vera", size)
    for i, word in enumerate(line):
        if i:
            x += space
        for text, sup in word:
            t = c.beginText(x, y)
            t.setFont("Vera", L.sup_size if sup else size)
            t.setRise(L.rise if sup else 0)  # the rise is text state: it outlives the text object
            t.textOut(_lig(text, L))
            c.drawText(t)
            x += ts.run_width((text, sup), size)


def _padded(brief: Brief, pages: int, L: Layout) -> tuple[list[str], dict[int, str]]:
    """The body repeated, footnotes renumbered, until it fills about ``pages`` pages."""
    per_page = (L.height - 2 * L.margin) / L.leading * (L.width - 2 * L.margin) / (L.body_size * 0.5) * 0.6
    chars = sum(map(len, brief.paragraphs)) or 1
    copies = max(1, int(pages * per_page / chars + 0.999))
    paras, notes, shift = [], {}, 0
    for _ in range(copies):
        top = max(brief.footnotes or [0])
        for p in brief.paragraphs:
            paras.append(_MARKS_SUP.sub(lambda m: SUPERSCRIPTS_OF(int(m.group(0).translate(_SUP)) + shift), p))
        for n, t in brief.footnotes.items():
            notes[n + shift] = t
        shift += top
    return paras, notes


_MARKS_SUP = re.compile("[" + SUPERSCRIPTS + "]+")


# --------------------------------------------------------------------------------------------
# DOCX: the package written part by part, footnotes in word/footnotes.xml

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""
_DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>
</Relationships>"""


def _w_run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{xml_escape(text)}</w:t></w:r>'


def _w_paragraph(text: str, style: str | None = None, ids: dict[int, int] | None = None) -> str:
    out = [f'<w:p>{f"<w:pPr><w:pStyle w:val={chr(34)}{style}{chr(34)}/></w:pPr>" if style else ""}']
    pos = 0
    for m in re.finditer("[" + SUPERSCRIPTS + "]+", text):
        out.append(_w_run(text[pos:m.start()]))
        n = int(m.group(0).translate(_SUP))
        if ids is not None and n in ids:
            out.append('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="superscript"/></w:rPr>'
                       f'<w:footnoteReference w:id="{ids[n]}"/></w:r>')
        pos = m.end()
    out.append(_w_run(text[pos:]) + "</w:p>")
    return "".join(out)


def write_docx(brief: Brief, path: str | Path, tracked_deletion: bool = False) -> None:
    """Write ``brief`` as a DOCX with real footnotes (ids deliberately not the numbers shown:
    Word numbers notes by their order in the text, and so must a reader)."""
    ids = {n: n + 40 for n in brief.footnotes}
    body = [_w_paragraph(brief.title, "Title")]
    for block in brief.header:
        body.extend(_w_paragraph(line) for line in block)
    for k, para in enumerate(brief.paragraphs):
        p = _w_paragraph(para, ids=ids)
        if tracked_deletion and k == 0:  # a deleted sentence of a tracked change: not part of the text
            p = p.replace("<w:p>", '<w:p><w:del w:id="1" w:author="editor"><w:r><w:delText>Withdrawn claim. '
                          "</w:delText></w:r></w:del>", 1)
        body.append(p)
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W_NS}"><w:body>'
                + "".join(body) + "<w:sectPr/></w:body></w:document>")
    notes = ['<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>']
    for n, text in brief.footnotes.items():
        notes.append(f'<w:footnote w:id="{ids[n]}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                     f'<w:footnoteRef/></w:r>{_w_run(" " + text)}</w:p></w:footnote>')
    footnotes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{_W_NS}">'
                 + "".join(notes) + "</w:footnotes>")
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties '
            'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{xml_escape(brief.title)}</dc:title></cp:coreProperties>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in (("[Content_Types].xml", _CT), ("_rels/.rels", _RELS),
                              ("word/_rels/document.xml.rels", _DOC_RELS), ("word/document.xml", document),
                              ("word/footnotes.xml", footnotes), ("docProps/core.xml", core)):
            z.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), content)


# --------------------------------------------------------------------------------------------
# HTML: a saved web page, the article amid the site's navigation

def write_html(brief: Brief, path: str | Path) -> None:
    """Write ``brief`` as a think tank's web page: navigation, the article with ``<sup>`` markers
    linked to an endnotes list, a sidebar and a footer."""
    def marked(text: str) -> str:
        out, pos = [], 0
        for m in re.finditer("[" + SUPERSCRIPTS + "]+", text):
            out.append(escape(text[pos:m.start()]))
            n = int(m.group(0).translate(_SUP))
            out.append(f'<sup id="fnref{n}"><a href="#fn{n}">{n}</a></sup>')
            pos = m.end()
        out.append(escape(text[pos:]))
        return "".join(out)

    header = "\n".join(f'<p class="meta">{"<br>".join(escape(x) for x in block)}</p>' for block in brief.header)
    body = "\n".join(f"<p>{marked(p)}</p>" for p in brief.paragraphs)
    notes = "\n".join(f'<li id="fn{n}">{escape(t)} <a href="#fnref{n}" class="footnote-back" role="doc-backlink">↩</a></li>'
                      for n, t in brief.footnotes.items())
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(brief.title)} | Institute</title>
<meta name="viewport" content="width=device-width"><style>body{{font-family:serif}}</style>
<script>window.analytics = [];</script></head>
<body>
<header class="site"><a href="/">Institute of Studies</a>
<nav><ul><li><a href="/about">About Us</a></li><li><a href="/briefs">Issue Briefs</a></li><li><a href="/contact">Contact. Subscribe to our newsletter for the latest analysis on regional affairs.</a></li></ul></nav></header>
<main><article>
<h1>{escape(brief.title)}</h1>
{header}
{body}
<section class="footnotes" role="doc-endnotes"><hr><ol>
{notes}
</ol></section>
</article></main>
<aside class="related"><h2>Related</h2><p>Read our other briefs on regional cooperation, published every week by the institute's research centres and partners.</p></aside>
<footer><p>© 2024 Institute of Studies. All rights reserved. Privacy policy. Terms of use.</p></footer>
</body></html>
"""
    Path(path).write_text(page, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        raise SystemExit("usage: python -m benchmarks.publish BRIEF.txt OUT.pdf|OUT.docx|OUT.html")
    brief = brief_from_text(Path(args[0]).read_text(encoding="utf-8"))
    out = Path(args[1])
    if out.suffix == ".pdf":
        print(f"{write_pdf(brief, out)} pages -> {out}")
    elif out.suffix == ".docx":
        write_docx(brief, out)
    else:
        write_html(brief, out)


if __name__ == "__main__":
    main()
