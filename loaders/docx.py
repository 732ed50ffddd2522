"""Reading a DOCX brief: paragraphs from ``word/document.xml``, footnotes from their own part.

A Word document is a zip of XML parts. The body's paragraphs (``w:p``) hold runs of text;
a footnote is cited by a ``w:footnoteReference`` whose id names a ``w:footnote`` in
``word/footnotes.xml`` (endnotes likewise in ``word/endnotes.xml``). Word numbers the notes
in the order they are first cited, whatever their ids, and so do we. Deleted text of tracked
changes is left out; digits set as superscript by hand are markers too. The standard library
reads it (zipfile and ElementTree): python-docx has no footnotes API, and nothing else is
needed. A DOCX has no pages until it is laid out, so sentences have no page.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree import ElementTree as ET

from briefgraph.errors import InputError
from briefgraph.loaders.assemble import Block, assemble
from briefgraph.loaders.document import SUPERSCRIPTS, Document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_SKIP = {W + "del", W + "delText", W + "instrText", W + "footnoteRef", W + "endnoteRef", W + "rPr", W + "pPr",
         W + "txbxContent", W + "sectPr"}
_MAX_PART = 50_000_000  # bytes of XML in one part: beyond this the file is not a brief (or a zip bomb)


def _sup(n: int) -> str:
    return "".join(SUPERSCRIPTS[int(d)] for d in str(n))


def _part(z: zipfile.ZipFile, name: str) -> ET.Element | None:
    try:
        info = z.getinfo(name)
    except KeyError:
        return None
    if info.file_size > _MAX_PART:
        raise InputError(f"{name} in this DOCX is {info.file_size:,} bytes: too large for a brief")
    return ET.fromstring(z.read(name))


class _Body:
    """Walks the body, numbering the notes in the order they are cited."""

    def __init__(self) -> None:
        self.numbers: dict[tuple[str, str], int] = {}

    def text(self, el: ET.Element, out: list[str]) -> None:
        for child in el:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == W + "t":
                out.append(child.text or "")
            elif tag in (W + "tab", W + "noBreakHyphen"):
                out.append(" " if tag == W + "tab" else "-")
            elif tag == W + "softHyphen":
                continue
            elif tag in (W + "br", W + "cr"):
                if child.get(W + "type") != "page":
                    out.append("\n")
            elif tag in (W + "footnoteReference", W + "endnoteReference"):
                key = (tag, child.get(W + "id", ""))
                if key not in self.numbers:
                    self.numbers[key] = len(self.numbers) + 1
                out.append(_sup(self.numbers[key]))
            elif tag == W + "r" and _is_superscript(child):
                inner: list[str] = []
                self.text(child, inner)
                joined = "".join(inner)
                out.append(re.sub(r"\d", lambda m: SUPERSCRIPTS[int(m.group(0))], joined) if joined.isdigit() else joined)
            else:
                self.text(child, out)

    def paragraphs(self, root: ET.Element) -> list[str]:
        out = []
        for p in _paragraph_elements(root):
            parts: list[str] = []
            self.text(p, parts)
            out.append("".join(parts))
        return out


def _paragraph_elements(el: ET.Element):
    """The body's paragraphs in order, those of tables included; a paragraph inside a text box
    (a pull quote, which Word also keeps a fallback copy of) is not the body's."""
    for child in el:
        if child.tag == W + "p":
            yield child
        elif child.tag not in _SKIP:
            yield from _paragraph_elements(child)


def _is_superscript(run: ET.Element) -> bool:
    props = run.find(W + "rPr")
    va = props.find(W + "vertAlign") if props is not None else None
    return va is not None and va.get(W + "val") == "superscript"


def _notes(root: ET.Element | None, tag: str) -> dict[str, str]:
    if root is None:
        return {}
    out = {}
    walker = _Body()
    for note in root.iter(W + tag):
        if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        parts = []
        for p in note.iter(W + "p"):
            bits: list[str] = []
            walker.text(p, bits)
            parts.append("".join(bits).strip())
        out[note.get(W + "id", "")] = " ".join(x for x in parts if x)
    return out


def read_docx(data: bytes, path: str) -> Document:
    """The Document of a DOCX brief (see the module's docstring).

    Raises
    ------
    InputError
        For a damaged zip, a package without a body, or XML that does not parse.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            body = _part(z, "word/document.xml")
            footnotes = _notes(_part(z, "word/footnotes.xml"), "footnote")
            endnotes = _notes(_part(z, "word/endnotes.xml"), "endnote")
            core = _part(z, "docProps/core.xml")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
        raise InputError(f"{path} is not a readable DOCX: damaged zip ({exc})") from None
    except ET.ParseError as exc:
        raise InputError(f"{path} is not a readable DOCX: malformed XML ({exc})") from None
    if body is None:
        raise InputError(f"{path} is a zip without word/document.xml, not a DOCX")
    walker = _Body()
    paragraphs = walker.paragraphs(body)
    blocks = [Block([(line, None) for line in p.split("\n")]) for p in paragraphs if p.strip()]
    notes = {}
    for (tag, note_id), number in walker.numbers.items():
        source = footnotes if tag == W + "footnoteReference" else endnotes
        if note_id in source:
            notes[number] = source[note_id]
    if not blocks:
        raise InputError(f"{path}: this DOCX has no text")
    title = author = None
    if core is not None:
        title = (core.findtext(_DC + "title") or "").strip() or None
        author = (core.findtext(_DC + "creator") or "").strip() or None
    return assemble(blocks, notes, path, data, title=title, author=author)
