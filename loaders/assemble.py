"""The Document of a brief read from its layout (PDF, DOCX, HTML).

A layout reader finds the blocks of the brief in reading order (title and header lines,
body paragraphs, each line with the page it is on) and its footnotes by number. This module
writes them out as one text, the header first, then the body, then the footnotes, and
reads that text with the text loader (``document.parse``), so every format gets the same
header fields, sentence splitting and offsets. The reader's own findings win where the
layout knows better: the footnotes are the ones the reader found (never body paragraphs
that happen to start with a number), and each sentence carries its page.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field, replace

from briefgraph.loaders.document import Document, Footnote, link_ibid, parse, title_case

_URL_TAIL = re.compile(r"(?:<?https?://|www\.)\S*$")
_HYPHEN_END = re.compile(r"([A-Za-z]+)-$")
_FIRST_WORD = re.compile(r"^([a-z]+)")
COMPOUND = re.compile(r"\b([A-Za-z]+-[A-Za-z]+)\b")


@dataclass
class Block:
    """A paragraph of the brief: its lines in reading order, each with its page (or None)."""

    lines: list[tuple[str, int | None]] = field(default_factory=list)


def join_lines(lines: list[str], sep: str = "\n", compounds: frozenset[str] = frozenset()) -> str:
    """Join the lines of one paragraph, undoing what line breaking did.

    A URL cut at the line end is joined back without a space; a soft hyphen is dropped; a
    hyphen between letters is dropped when the next line goes on in lower case (``coopera-``
    / ``tion``), unless the hyphenated word occurs elsewhere in the brief (``compounds``:
    ``two-day``); any other line end is ``sep``.

    >>> join_lines(["strong coopera-", "tion with <https://example.org/a-", "b> and a two-", "day visit"],
    ...            " ", frozenset({"two-day"}))
    'strong cooperation with <https://example.org/a-b> and a two-day visit'
    """
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        tail = out[-300:]  # the searches look only at the end of what is joined so far
        url = _URL_TAIL.search(tail)
        if url and (url.group(0).startswith("<") and ">" not in url.group(0) or not line[:1].isupper()):
            out += line  # a URL in angle brackets runs to its '>'; a bare one to a capital
        elif out.endswith("\u00ad"):
            out = out[:-1] + line
        elif (m := _HYPHEN_END.search(tail)) and (w := _FIRST_WORD.match(line)):
            whole = f"{m.group(1)}-{w.group(1)}".lower()
            out = (out if whole in compounds else out[:-1]) + line
        elif out.endswith(("-", "–", "—", "/")) and not out.endswith((" -", " –", " —")):
            out += line
        else:
            out += sep + line
    return out


def compounds_of(texts: list[str]) -> frozenset[str]:
    """Hyphenated words written whole inside a line somewhere (kept when a line break cuts them)."""
    return frozenset(m.group(1).lower() for t in texts for m in COMPOUND.finditer(t))


def assemble(blocks: list[Block], footnotes: dict[int, str], path: str, data: bytes,
             title: str | None = None, author: str | None = None) -> Document:
    """The Document of a brief whose layout reader found ``blocks`` and ``footnotes``.

    ``data`` are the file's bytes (its hash is the document id); ``title`` / ``author``
    fill header fields the text did not give (from the file's metadata).
    """
    parts: list[str] = []
    pages: list[tuple[int, int | None]] = []  # (offset, page) where each line starts
    pos = 0
    compounds = compounds_of([t for b in blocks for t, _ in b.lines])
    for block in blocks:
        if parts:
            parts.append("\n\n")
            pos += 2
        # lines joined one by one, so each keeps its page; a hyphen join stays on one line
        texts = [t.strip() for t, _ in block.lines if t.strip()]
        line_pages = [p for t, p in block.lines if t.strip()]
        if not texts:
            continue
        chunk = ""
        for t, page in zip(texts, line_pages):
            chunk = join_lines([chunk, t], "\n", compounds) if chunk else t
            pages.append((pos + max(0, len(chunk) - len(t)), page))
        parts.append(chunk)
        pos += len(chunk)
    notes_at = pos
    spans: dict[int, tuple[int, int, str]] = {}
    for number, text in sorted(footnotes.items()):
        line = f"{number} {text.strip()}"
        parts.append("\n\n")
        pos += 2
        spans[number] = (pos, pos + len(line), text.strip())
        parts.append(line)
        pos += len(line)
    text = "".join(parts) + "\n"
    doc = parse(text, path)
    offsets = [o for o, _ in pages]
    doc.sentences = [replace(s, index=i, page=pages[bisect.bisect_right(offsets, s.start) - 1][1] if pages else None)
                     for i, s in enumerate(x for x in doc.sentences if x.start < notes_at)]
    doc.footnotes = {n: Footnote(n, t, s, e) for n, (s, e, t) in spans.items()}
    link_ibid(doc.footnotes)
    sha = hashlib.sha256(data).hexdigest()
    doc.sha256, doc.id = sha, f"doc:{sha[:12]}"
    if not doc.title and title:
        doc.title = title_case(title.strip())
    if not doc.author and author:
        doc.author = author.strip()
    return doc
