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

_CLOSER = {"<": ">", "(": ")", "[": "]"}
_HYPHEN_END = re.compile(r"([A-Za-z]+)-$")
_FIRST_WORD = re.compile(r"^([a-z]+)")


@dataclass
class Block:
    """A paragraph of the brief: its lines in reading order, each with its page (or None)."""

    lines: list[tuple[str, int | None]] = field(default_factory=list)


def join_lines(lines: list[str], sep: str = "\n", words: frozenset[str] = frozenset()) -> str:
    """Join the lines of one paragraph, undoing what line breaking did.

    A URL cut at the line end is joined back without a space; a soft hyphen is dropped. A
    hyphen between letters, the next line going on in lower case, is kept when the brief writes
    the hyphenated word elsewhere (``words``: ``two-day``), dropped when it writes the word whole
    (``cooperation``), kept after a prefix that takes one (``non-``, ``co-``, ``self-`` ...) and
    otherwise dropped (``coopera-`` / ``tion``: the typesetter's hyphenation). Any other line end
    is ``sep``.

    >>> join_lines(["strong coopera-", "tion with <https://example.org/a-", "b>, a two-", "day visit",
    ...             "and non-", "aggression"], " ", frozenset({"two-day"}))
    'strong cooperation with <https://example.org/a-b>, a two-day visit and non-aggression'
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
        url = _last_url(tail)
        if url and (url[0] and not url[1].rstrip(".,;:").endswith(_CLOSER[url[0]]) or not line[:1].isupper()):
            out += line  # a URL in brackets runs to its closing bracket; a bare one to a capital
        elif out.endswith("\u00ad"):
            out = out[:-1] + line
        elif (m := _HYPHEN_END.search(tail)) and (w := _FIRST_WORD.match(line)):
            head, rest = m.group(1).lower(), w.group(1)
            keep = f"{head}-{rest}" in words or (f"{head}{rest}" not in words and head in HYPHEN_PREFIXES)
            out = (out if keep else out[:-1]) + line
        elif out.endswith(("-", "–", "—")) and not out.endswith((" -", " –", " —")):
            out += line
        else:
            out += sep + line
    return out


# prefixes written with a hyphen, and too short for a typesetter to break a word after them
HYPHEN_PREFIXES = frozenset({"non", "co", "self", "ex", "anti", "semi", "well", "half"})
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def _last_url(text: str) -> tuple[str, str] | None:
    """The bracket before the URL that ends ``text`` ('' if none) and the URL, or None.

    >>> _last_url("see [https://a.org/x](https://a.org/y%20G")
    ('(', 'https://a.org/y%20G')
    """
    token = text.rsplit(None, 1)[-1] if text.strip() else ""
    i = max(token.rfind("http://"), token.rfind("https://"), token.rfind("www."))
    if i < 0:
        return None
    return (token[i - 1] if i and token[i - 1] in _CLOSER else ""), token[i:]


def words_of(texts: list[str]) -> frozenset[str]:
    """The brief's words (lower case) as written within its lines, hyphenated ones whole."""
    return frozenset(m.group(0).lower() for t in texts for m in _WORD.finditer(t))


def assemble(blocks: list[Block], footnotes: dict[int, str], path: str, data: bytes,
             title: str | None = None, author: str | None = None) -> Document:
    """The Document of a brief whose layout reader found ``blocks`` and ``footnotes``.

    ``data`` are the file's bytes (its hash is the document id); ``title`` / ``author``
    fill header fields the text did not give (from the file's metadata).
    """
    parts: list[str] = []
    pages: list[tuple[int, int | None]] = []  # (offset, page) where each line starts
    pos = 0
    words = words_of([t for b in blocks for t, _ in b.lines])
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
            chunk = join_lines([chunk, t], "\n", words) if chunk else t
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
