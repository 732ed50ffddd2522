"""One entry point for every brief: the format is read from the file's first bytes.

``%PDF`` is a PDF, a zip holding ``word/document.xml`` a DOCX, a document that opens with
``<!doctype html`` or ``<html`` a web page; anything else is read as text (UTF-8 or with a
byte-order mark). The name's suffix is not trusted: a ``.pdf`` that holds text is text.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from briefgraph.loaders.document import Document, parse
from briefgraph.loaders.text import decode, read_bytes

_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)


def sniff(data: bytes) -> str:
    """The format of a brief's bytes: ``pdf``, ``docx``, ``html`` or ``text``.

    >>> sniff(b"%PDF-1.7 ..."), sniff(b"<!DOCTYPE html><html>..."), sniff(b"Title\\n\\nBody.")
    ('pdf', 'html', 'text')
    """
    head = data[:1024]
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:64]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                if "word/document.xml" in z.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            pass
        return "zip"
    if _HTML_START.match(head):
        return "html"
    return "text"


def read_brief(path: str | Path) -> Document:
    """The Document of the brief at ``path``, whatever its format (see :func:`sniff`).

    Raises
    ------
    InputError
        For a file that is not a brief or cannot be read (the message says why).
    """
    data = read_bytes(path)
    kind = sniff(data)
    if kind == "pdf":
        from briefgraph.loaders.pdf import read_pdf
        return read_pdf(data, str(path))
    if kind == "docx":
        from briefgraph.loaders.docx import read_docx
        return read_docx(data, str(path))
    if kind == "html":
        from briefgraph.loaders.html import read_html
        return read_html(data, str(path))
    return parse(decode(data, str(path)), str(path))
