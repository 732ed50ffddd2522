"""Reading a PDF brief from its layout: characters with their place and size (pypdfium2).

A brief's PDF knows what a text dump loses. Here each character comes with its font size and
baseline, and the reader uses them:

* superscript footnote markers are digits set smaller than their line and raised above it;
* footnotes are the small-type lines at the foot of a page (or of a column) that start with
  the next footnote number; small lines above the first number continue the footnote left
  open on the page before;
* running headers, footers and page numbers are the lines at the very top or bottom of a
  page that are a page number, repeat from page to page, or stand apart in small type;
* the body runs on across page and column breaks (a paragraph ends where its last line
  stops short), and a word hyphenated at a line end is joined again;
* a page with an empty vertical strip down its middle is read left column, then right;
* the title is the first page's largest type; the other header lines keep their order, so
  the text loader finds author, editor, date and publisher as in a text brief;
* ligatures and compatibility characters are normalised (NFKC: ``ﬁ`` -> ``fi``).

This module reads the characters from PDFium; ``loaders.pdf_layout`` does the rest.

The result goes through :func:`briefgraph.loaders.assemble.assemble`, so a PDF gives the same
Document as a text brief, plus the page of each sentence.
"""

from __future__ import annotations

import ctypes
import unicodedata
import warnings

from briefgraph.errors import BriefgraphWarning, InputError
from briefgraph.loaders.assemble import assemble
from briefgraph.loaders.document import SUPERSCRIPTS, Document
from briefgraph.loaders.pdf_layout import (Char, Page, blocks as page_blocks, body_size, cluster, columns,
                                           drop_running, gutter, line_text)

LONG_PDF_PAGES = 100  # more pages than any brief: warn (a book, a report, a scan of a file)
_NO_AUTHOR = {"anonymous", "unknown", "user", "admin", "administrator", "author"}  # tools' defaults
_KEEP = set(SUPERSCRIPTS) | set("’‘“”–—…")


# --------------------------------------------------------------------------------------------
# characters from pdfium

def _open(data: bytes, path: str):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc).lower()
        if "password" in message:
            raise InputError(f"{path} is an encrypted PDF (it needs a password)",
                             hint="save an unencrypted copy first, e.g. qpdf --decrypt") from None
        if "security" in message:
            raise InputError(f"{path} is a PDF with an unsupported security handler") from None
        reason = str(exc).rsplit("PDFium:", 1)[-1].strip(" ().") or "unknown error"
        raise InputError(f"{path} is not a readable PDF: damaged or truncated ({reason})",
                         hint="open it in a PDF viewer and save it again") from None


def normal(ch: str) -> str:
    """A character as the text should have it: ligatures and compatibility forms by NFKC;
    superscript digits, curly quotes and dashes kept.

    >>> normal("\ufb01"), normal("\ufb02"), normal("\u00a0"), normal("\u00b9"), normal("\u2019")
    ('fi', 'fl', ' ', '¹', '’')
    """
    return ch if ch in _KEEP else unicodedata.normalize("NFKC", ch)


def pdfium_error() -> type[Exception]:
    import pypdfium2 as pdfium

    return pdfium.PdfiumError


def _chars(textpage) -> list[Char]:
    import pypdfium2.raw as raw

    tp = textpage.raw
    n = raw.FPDFText_CountChars(tp)
    text = textpage.get_text_range(0, n) if n > 0 else ""  # one call for all code points
    if len(text) != n:  # pdfium gave a different count (surrogate pairs): ask char by char
        text = "".join(chr(raw.FPDFText_GetUnicode(tp, k)) for k in range(n))
    out: list[Char] = []
    x, y = ctypes.c_double(), ctypes.c_double()
    l, r, b, t = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    bx, by, bl, br, bb, bt = map(ctypes.byref, (x, y, l, r, b, t))
    origin, box, size_of = raw.FPDFText_GetCharOrigin, raw.FPDFText_GetCharBox, raw.FPDFText_GetFontSize
    generated = raw.FPDFText_IsGenerated
    for k, ch in enumerate(text):
        if ch.isspace():
            # a space ends a word (tight type leaves no gap to see): those the PDF draws and those
            # pdfium infers from the gaps; its inferred line ends are left out (we make lines)
            if ch in "\r\n" or not out:
                continue
            if generated(tp, k) == 1:
                last = out[-1]  # an inferred space has no box of its own: place it after the last character
                out.append(Char(" ", last.size, last.x1, last.x1, last.y))
                continue
            ch = " "
        u = ord(ch)
        if u in (2, 0xFFFE):
            ch = "-"  # pdfium's marks for a hyphen at a line end
        elif u < 32 or u == 0xFFFF or 0xD800 <= u < 0xE000:
            continue
        elif u > 127:
            ch = normal(ch)
        origin(tp, k, bx, by)
        box(tp, k, bl, br, bb, bt)
        out.append(Char(ch, round(size_of(tp, k), 1), min(l.value, x.value), max(r.value, l.value), y.value))
    return out


# --------------------------------------------------------------------------------------------
# the page's parts

def _read_pages(pdf) -> list[Page]:
    pages = []
    for i in range(len(pdf)):
        page = pdf[i]
        textpage = page.get_textpage()
        try:
            width, height = page.get_size()
            lines = cluster(_chars(textpage), i + 1)
        finally:
            textpage.close()
            page.close()
        p = Page(i + 1, width, height)
        g = gutter(lines, width)
        if g is not None:
            lines = columns(lines, g, i + 1)
        for ln in lines:
            line_text(ln)
        p.lines = [ln for ln in lines if ln.text]
        pages.append(p)
    return pages


def read_pdf(data: bytes, path: str) -> Document:
    """The Document of a PDF brief (see the module's docstring).

    Raises
    ------
    InputError
        For an encrypted, damaged or truncated PDF, or one with no text layer (a scan).

    Warns
    -----
    BriefgraphWarning
        For a PDF of more than ``LONG_PDF_PAGES`` pages (still read).
    """
    pdf = _open(data, path)
    try:
        n = len(pdf)
        if n > LONG_PDF_PAGES:
            warnings.warn(f"{path} has {n} pages: a brief has a few (is it a book or a whole report?); reading it anyway",
                          BriefgraphWarning, stacklevel=2)
        pages = _read_pages(pdf)
        meta = pdf.get_metadata_dict(skip_empty=True)
    except pdfium_error() as exc:
        raise InputError(f"{path} is not a readable PDF: a page cannot be read ({exc})") from None
    finally:
        pdf.close()
    chars = sum(len(ln.chars) for p in pages for ln in p.lines)
    if chars < 5 * max(1, n):  # fewer than a few characters a page: an image of text
        raise InputError(f"{path}: no text in this PDF; it looks scanned: run OCR first",
                         hint="e.g. ocrmypdf brief.pdf brief-ocr.pdf")
    body = body_size(pages)
    drop_running(pages, body)
    blocks, footnotes, title = page_blocks(pages, body)
    author = meta.get("Author")
    if author and author.strip().lower() in _NO_AUTHOR:
        author = None
    return assemble(blocks, footnotes, path, data, title=meta.get("Title"), author=author)
