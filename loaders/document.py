"""``load(path) -> Document``: a brief's header, body sentences and footnotes.

Briefs converted from PDF interrupt the body with footnote blocks at every page break,
often mid-sentence (``...was signed,`` / footnotes 1-3 / ``to provide ...``). The loader
stitches the body back together so sentences are whole, while every sentence keeps
character offsets into the original file.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from briefgraph.loaders.dates import DateValue, find_dates

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TABLE = str.maketrans(SUPERSCRIPTS, "0123456789")
_PARA_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
_FOOTNOTE_START = re.compile(r"^[ \t]*(?:\[\^(\d{1,3})\]:|([" + SUPERSCRIPTS + r"]{1,3})|(\d{1,3})(?![\d,.]))[ \t]*(\S.*)?$")
_MARKER = re.compile(r"[" + SUPERSCRIPTS + r"]+|\[\^(\d{1,3})\]")
# Markdown / PDF-to-text escapes such as \$ and \_ are undone; runs of white space fold to one.
_LINE_SPACE = "\t\r\n\f\v"
_CLEAN = re.compile(r"\\([$%&_#*\[\]{}()])|[ \t\r\n\f\v]{2,}|[\t\r\n\f\v]")  # a lone space needs no anchor
_TERMINAL = re.compile(r"[.!?:;][\"'’”)\]]*[" + SUPERSCRIPTS + r"\s]*$")
_SENTENCE_END = re.compile(r"([.!?])([\"'’”)\]]*)([" + SUPERSCRIPTS + r"]*|(?:\[\^\d+\])*)\s+(?=[\"'‘“(\[]?[A-Z0-9" + SUPERSCRIPTS + r"])")
_ABBREVIATIONS = {
    "dr", "mr", "mrs", "ms", "prof", "st", "no", "nos", "vs", "v", "e.g", "i.e", "gen", "lt", "col",
    "maj", "capt", "sen", "rep", "gov", "amb", "jr", "sr", "inc", "ltd", "co", "corp", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "c", "ca", "fig",
    "vol", "pp", "p", "h.e", "u.s", "u.k", "u.n", "op", "cf", "al", "ed", "eds", "rev", "hon", "mt",
}


@dataclass(frozen=True)
class Footnote:
    """One numbered footnote; ``ibid_of`` is the number it repeats, if it says 'ibid'."""

    number: int
    text: str
    start: int
    end: int
    ibid_of: int | None = None


@dataclass(frozen=True)
class Sentence:
    """A whole sentence of the body, stitched across page breaks if need be.

    ``start``/``end`` are offsets into the original file (for a PDF, DOCX or HTML brief, into
    the text its reader made, ``Document.text``); ``anchors`` map offsets within ``text`` back
    to the original (``text[i]`` is ``original[sentence.original(i)]``).
    """

    index: int
    text: str
    start: int
    end: int
    footnotes: tuple[int, ...]
    paragraph: int
    anchors: tuple[tuple[int, int], ...] = field(repr=False, default=())
    page: int | None = None  # the page it starts on, for briefs read from a PDF

    def original(self, i: int) -> int:
        """Offset in the original file of character ``i`` of this sentence."""
        k = bisect.bisect_right(self.anchors, (i, float("inf"))) - 1
        c, o = self.anchors[k]
        return o + (i - c)

    def original_span(self, i: int, j: int) -> tuple[int, int]:
        """Original offsets of ``text[i:j]`` (end exclusive)."""
        return self.original(i), self.original(j - 1) + 1


@dataclass
class Document:
    id: str
    path: str
    sha256: str
    text: str
    title: str | None = None
    author: str | None = None
    author_role: str | None = None
    affiliation: str | None = None
    editor: str | None = None
    publisher: str | None = None
    date: DateValue | None = None
    header_end: int = 0
    sentences: list[Sentence] = field(default_factory=list)
    footnotes: dict[int, Footnote] = field(default_factory=dict)

    @property
    def anchor_date(self) -> dt.date | None:
        """The brief's own date, on which relative dates ('ten years ago') are anchored."""
        return dt.date.fromisoformat(self.date.start) if self.date else None

    def header(self) -> dict:
        """The header fields as stored in the graph's document table."""
        return {"title": self.title, "author": self.author, "editor": self.editor,
                "publisher": self.publisher, "date": self.date.value if self.date else None,
                "path": self.path, "sha256": self.sha256, "footnotes": len(self.footnotes),
                "sentences": len(self.sentences)}


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each block of text between blank lines, stripped."""
    out, pos = [], 0
    for m in [*_PARA_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        if chunk.strip():
            s = pos + len(chunk) - len(chunk.lstrip())
            e = pos + len(chunk.rstrip())
            out.append((s, e))
        pos = m.end() if m else len(text)
    return out


def _footnote_number(line: str) -> tuple[int, str] | None:
    m = _FOOTNOTE_START.match(line)
    if not m:
        return None
    raw = m.group(1) or m.group(2) or m.group(3)
    return int(raw.translate(_SUP_TABLE)), (m.group(4) or "")


_CITATION_HINT = re.compile(r"https?://|www\.|[\"“”]|\bibid\b|accessed|\b(?:1[89]|20)\d\d\b", re.I)


def _looks_like_citation(rest: str) -> bool:
    return bool(_CITATION_HINT.search(rest))


def _split_footnotes(text: str, start: int, end: int, expected: int) -> list[Footnote] | None:
    """Footnotes of the block ``text[start:end]``, or None if it is not a footnote block."""
    lines, pos = [], start
    for line in text[start:end].split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    first = _footnote_number(lines[0][1])
    if not first:
        return None
    n, rest = first
    if not (n == expected or (expected < n <= expected + 3 and _looks_like_citation(rest))):
        return None
    notes, current = [], None
    for lpos, line in lines:
        hit = _footnote_number(line)
        if hit and (current is None or hit[0] == current[0] + 1):
            if current:
                notes.append(current)
            current = [hit[0], lpos, lpos + len(line)]
        elif current:
            current[2] = lpos + len(line)
    notes.append(current)
    out = []
    for number, s, e in notes:
        body = _clean(text[s:e])[0]
        body = _FOOTNOTE_START.match(body).group(4) or "" if _FOOTNOTE_START.match(body) else body
        out.append(Footnote(number, body.strip(), s, e))
    return out


def _clean(raw: str, base: int = 0) -> tuple[str, list[tuple[int, int]]]:
    """Fold white space and undo escapes; return the clean text and its anchors
    ``(clean_offset, original_offset)`` (the original offset is ``base`` + index in ``raw``)."""
    if "\\" not in raw:  # the usual case: no escapes, and line breaks but no runs of white space
        flat = raw
        for c in _LINE_SPACE:
            if c in flat:
                flat = flat.replace(c, " ")
        if "  " not in flat:
            return flat, [(0, base)]  # each character kept its place: one anchor maps them all
    return _fold(raw, base)


def _fold(raw: str, base: int) -> tuple[str, list[tuple[int, int]]]:
    """:func:`_clean` by the regular expression, for any text (the fast path's reference)."""
    parts, anchors, c, last = [], [(0, base)], 0, 0
    for m in _CLEAN.finditer(raw):
        parts.append(raw[last:m.start()])
        c += m.start() - last
        if m.group(1):
            anchors.append((c, base + m.start(1)))
            parts.append(m.group(1))
        else:
            anchors.append((c, base + m.start()))
            parts.append(" ")
        c += 1
        last = m.end()
        anchors.append((c, base + last))
    parts.append(raw[last:])
    return "".join(parts), anchors


def _is_terminal(text: str) -> bool:
    return bool(_TERMINAL.search(text))


_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")


def _abbreviation_before(text: str, dot: int) -> bool:
    m = _WORD_BEFORE.search(text, max(0, dot - 40), dot)  # not text[:dot]: that copies the paragraph
    if not m:
        return False
    word = m.group(1).lower().strip(".")
    if len(word) == 1 and text[dot - 1].isupper():
        return True  # an initial: "Syed B. Raza"
    return word in _ABBREVIATIONS


def _split_sentences(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.group(1) == "." and _abbreviation_before(text, m.start(1)):
            continue
        end = m.end(3)
        out.append((start, end))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text.rstrip())))
    return out


def _markers(text: str) -> tuple[int, ...]:
    if "[^" not in text and not any(c in text for c in SUPERSCRIPTS):
        return ()
    found = []
    for m in _MARKER.finditer(text):
        raw = m.group(1) or m.group(0)
        n = int(raw.translate(_SUP_TABLE))
        if n not in found:
            found.append(n)
    return tuple(found)


_BY = re.compile(r"^(?:written\s+)?by[:\s]*(.*)$", re.I)
_EDITED = re.compile(r"^edited\s+by[:\s]*(.*)$", re.I)
_VIEWS = re.compile(r"those\s+of\s+(?:the\s+)?([A-Z][\w&.\- ]+?)\s*\)?\.?\)?$")
_SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to", "with", "via"}
_WORD_START = re.compile(r"(^|[-–—/])(\w)")
_MD_BOLD = re.compile(r"\*\*|__")
_IBID = re.compile(r"^ibid\b", re.I)


def title_case(title: str) -> str:
    """Title-case an ALL-CAPS title; leave mixed-case titles alone.

    >>> title_case("ENHANCING COOPERATION: PAKISTAN-AZERBAIJAN MULTI-SECTORAL PARTNERSHIP")
    'Enhancing Cooperation: Pakistan-Azerbaijan Multi-Sectoral Partnership'
    """
    if title != title.upper():
        return title
    words = []
    for i, w in enumerate(title.lower().split()):
        if i and w in _SMALL_WORDS and not words[-1].endswith(":"):
            words.append(w)
        else:
            words.append(_WORD_START.sub(lambda m: m.group(1) + m.group(2).upper(), w))
    return " ".join(words)


def _strip_md(line: str) -> str:
    line = _MD_BOLD.sub("", line)  # markdown bold anywhere in the line ("**By** Name")
    return line.strip().lstrip("#").strip().strip("*_").strip()


_ROLE_TAIL = re.compile(r"\s+(?:(?:Senior|Junior|Visiting|Non-Resident|Nonresident|Research|Principal|Associate|"
                        r"Assistant|Deputy|Executive|Managing)\s+)*(?:Fellow|Director|Analyst|Consultant|Researcher|"
                        r"Professor|Editor|Associate|Officer|Advisor|Adviser|Chair)$")


def _parse_header(doc: Document, lines: list[str]) -> None:
    lines = [_strip_md(x) for x in lines]
    lines = [x for x in lines if x]
    i, title = 0, []
    while i < len(lines) and not (_BY.match(lines[i]) or _EDITED.match(lines[i])) and not title:
        title.append(lines[i])
        i += 1
    doc.title = title_case(" ".join(title)) if title else None
    while i < len(lines):
        line = lines[i]
        for rx, attr in ((_EDITED, "editor"), (_BY, "author")):
            m = rx.match(line)
            if m and getattr(doc, attr) is None:
                name = m.group(1).strip()
                if not name and i + 1 < len(lines):
                    i += 1
                    name = lines[i]
                if attr == "author" and "," in name:  # "By Name, Research Fellow, Centre (ABBR)"
                    name, _, rest = name.partition(",")
                    role, _, affiliation = rest.strip().partition(",")
                    doc.author_role, doc.affiliation = role.strip() or None, affiliation.strip() or role.strip()
                role_tail = _ROLE_TAIL.search(name) if attr == "author" and "," not in name else None
                if role_tail:  # "Kofi Mensah Asante Research Fellow": the role run into the name's line
                    name, doc.author_role = name[:role_tail.start()], role_tail.group(0).strip()
                setattr(doc, attr, name.strip())
                if attr == "author" and doc.affiliation is None:
                    extra = [] if not role_tail else [doc.author_role]
                    while i + 1 < len(lines) and not _EDITED.match(lines[i + 1]) and not find_dates(lines[i + 1]) \
                            and len(lines[i + 1]) < 120 and not lines[i + 1].startswith("("):
                        i += 1
                        extra.append(lines[i])
                    if len(extra) > 1 or extra and not role_tail:
                        doc.author_role = extra[0] if len(extra) > 1 else None
                        doc.affiliation = extra[-1]
                break
        else:
            dates = find_dates(line)
            if doc.date is None and dates and (dates[0].precision in ("day", "month") and len(line) < 40
                                               or dates[0].text.strip() == line.strip()):
                doc.date = dates[0]
            m = _VIEWS.search(line)
            if m:
                doc.publisher = m.group(1).strip()
        i += 1
    if doc.publisher is None and doc.affiliation and "," in doc.affiliation:
        last = doc.affiliation.rsplit(",", 1)[1].strip()
        if last.isupper():
            doc.publisher = last


_HEADING_MAX = 80
_UNWRAPPED = 160  # no hard-wrapped text has lines this long


def _heading_lines(text: str, paras: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Blocks split where a short line without a full stop (a heading, a caption, a credit)
    is followed by a line that starts a sentence: web pages and news copy often lack the blank
    line between them, and the heading must not be glued to the sentence after it."""
    out = []

    def emit(a: int, b: int) -> None:
        chunk = text[a:b]
        if chunk.strip():
            a += len(chunk) - len(chunk.lstrip())
            out.append((a, a + len(chunk.strip())))

    for s, e in paras:
        pos, line_start = s, s
        for m in re.finditer(r"\n", text[s:e]):
            b = s + m.start()
            line = text[line_start:b].strip()
            nxt = text[b + 1:b + 2]
            # a short line (a heading) or one too long to be hard-wrapped (a standfirst)
            nxt_line = text[b + 1:text.find("\n", b + 1) if text.find("\n", b + 1, e) >= 0 else e].strip()
            unwrapped = len(line) > _UNWRAPPED and len(nxt_line) > 2 * len(line)  # not the lines of one wrapped paragraph
            if line and (len(line) <= _HEADING_MAX or unwrapped) and not _is_terminal(line) \
                    and not line.endswith((",", ";")) \
                    and (nxt.isupper() or nxt in "\"“‘'(") and not _footnote_number(line) \
                    and not re.search(r"\b(?:of|and|the|to|in|for|a|an|with|by|on|at)$", line):
                emit(pos, line_start)
                emit(line_start, b)
                pos = b + 1
            line_start = b + 1
        emit(pos, e)
    return out


def _body_start(text: str, paras: list[tuple[int, int]]) -> int:
    """Index of the first body paragraph: the first long block of prose."""
    for k, (s, e) in enumerate(paras):
        block = text[s:e]
        if e - s >= 160 and not block.lstrip().startswith("(") and (_SENTENCE_END.search(block) or _is_terminal(block)):
            return k
    for k, (s, e) in enumerate(paras):  # a short text: its first sentence of prose
        block = text[s:e]
        if k and e - s >= 40 and " " in block and block.rstrip()[-1:] in ".!?\"”'’)" and not find_dates(block.strip())[:1] == [block]:
            return k
    return 0


def link_ibid(footnotes: dict[int, Footnote]) -> None:
    """Point each 'Ibid.' footnote at the one it repeats (in place), as :func:`parse` does;
    for the layout readers, whose footnotes come from the layout (``loaders.assemble``)."""
    for number, fn in list(footnotes.items()):
        if _IBID.match(fn.text) and number - 1 in footnotes:
            target = footnotes[number - 1].ibid_of or number - 1
            footnotes[number] = Footnote(fn.number, fn.text, fn.start, fn.end, target)


def parse(text: str, path: str = "<string>") -> Document:
    """Parse the text of a brief into a Document (see :func:`load`)."""
    raw = text.encode("utf-8", "surrogatepass")
    sha = hashlib.sha256(raw).hexdigest()
    doc = Document(id=f"doc:{sha[:12]}", path=path, sha256=sha, text=text)
    paras = _paragraphs(text)
    first = _body_start(text, paras)
    header_lines = [ln for s, e in paras[:first] for ln in text[s:e].split("\n")]
    _parse_header(doc, header_lines)
    doc.header_end = paras[first][0] if paras else 0

    # Classify the rest: footnote blocks and body blocks; stitch the body.
    logical: list[list[tuple[int, int]]] = []
    expected, after_notes = 1, False
    for s, e in _heading_lines(text, paras[first:]):
        notes = _split_footnotes(text, s, e, expected)
        if notes:
            for fn in notes:
                doc.footnotes[fn.number] = fn
            expected = notes[-1].number + 1
            after_notes = True
            continue
        block = text[s:e]
        prev_open = logical and not _is_terminal(text[logical[-1][-1][0]:logical[-1][-1][1]])
        starts_lower = block[:1].islower()
        if prev_open and (after_notes or starts_lower):
            logical[-1].append((s, e))
        else:
            logical.append([(s, e)])
        after_notes = False

    for number, fn in list(doc.footnotes.items()):
        if _IBID.match(fn.text) and number - 1 in doc.footnotes:
            target = doc.footnotes[number - 1].ibid_of or number - 1
            doc.footnotes[number] = Footnote(fn.number, fn.text, fn.start, fn.end, target)

    for p_index, spans in enumerate(logical):
        parts, anchors, c = [], [], 0
        for s, e in spans:
            if parts:
                parts.append(" ")
                anchors.append((c, s - 1))
                c += 1
            clean, anch = _clean(text[s:e], s)
            anchors.extend((c + a, o) for a, o in anch)
            parts.append(clean)
            c += len(clean)
        para = "".join(parts)
        for a, b in _split_sentences(para):
            while a < b and para[a].isspace():
                a += 1
            if a >= b:
                continue
            k0 = bisect.bisect_right(anchors, (a, float("inf"))) - 1
            local = [(max(0, ca - a), o + (a - ca if ca < a else 0)) for ca, o in anchors[k0:] if ca < b]
            sent_text = para[a:b]
            tmp = Sentence(0, sent_text, 0, 0, (), p_index, tuple(local))
            start, end = tmp.original_span(0, len(sent_text))
            doc.sentences.append(Sentence(len(doc.sentences), sent_text, start, end,
                                          _markers(sent_text), p_index, tuple(local)))
    return doc


def load(path: str | Path) -> Document:
    """Read and parse the brief at ``path``: text (.txt or .md, UTF-8), PDF, DOCX or HTML,
    told apart by content (``loaders.reader``).

    Raises
    ------
    InputError
        If the file is missing, a directory, empty, binary or not UTF-8; a PDF that is
        encrypted, damaged or has no text layer.
    """
    from briefgraph.loaders.reader import read_brief

    return read_brief(path)
