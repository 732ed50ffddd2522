"""The layout of a PDF's pages, from characters with their size and place to the brief's blocks.

``loaders.pdf`` reads the characters (pypdfium2); this module knows nothing of PDFium. Lines are
characters grouped by baseline, with raised small digits as markers; a page with an empty
vertical strip down its middle is cut into columns; running headers, footers and page numbers
are dropped; footnotes are taken from the foot of each page or column; the rest is the body,
in reading order, cut into paragraphs and handed on as blocks (see ``loaders.assemble``).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from briefgraph.loaders.assemble import Block, join_lines, words_of
from briefgraph.loaders.document import SUPERSCRIPTS

SUP_SIZE = 0.85  # a superscript is set at most this fraction of its line's size ...
SUP_RISE = 0.2  # ... and raised at least this fraction of it above the baseline
NOTE_SIZE = 0.92  # footnote type is smaller than this fraction of the body size
_PAGE_NUMBER = re.compile(r"^\W*(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:of|/)\s*\d{1,4})?\W*$", re.I)
_ENDS_SENTENCE = re.compile(r"[.!?:;][\"'’”)\]]*[" + SUPERSCRIPTS + r"]*$")


@dataclass(slots=True)
class Char:
    text: str
    size: float
    x0: float
    x1: float
    y: float  # baseline


@dataclass
class Line:
    page: int
    chars: list[Char]
    size: float = 0.0  # the type size of most of its characters
    y: float = 0.0  # their baseline
    text: str = ""  # markers as Unicode superscripts
    lead: str = ""  # the digits the line starts with, if any (a footnote number?)
    rest: str = ""  # the text after them
    col: int = 0  # 0 single or spanning, 1 left column, 2 right column

    @property
    def x0(self) -> float:
        return self.chars[0].x0

    @property
    def x1(self) -> float:
        return self.chars[-1].x1


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    segments: list[list[Line]] = field(default_factory=list)  # in reading order

# --------------------------------------------------------------------------------------------
# lines, columns


def cluster(chars: list[Char], page: int) -> list[Line]:
    """Characters grouped into lines by baseline; a raised marker joins the line it sits on."""
    lines: list[Line] = []
    ref_y = ref_size = 0.0
    for c in sorted((c for c in chars if c.size > 0), key=lambda c: (-c.y, c.x0)):
        if lines and abs(ref_y - c.y) <= 0.5 * max(ref_size, c.size):
            lines[-1].chars.append(c)
            if c.size > ref_size:
                ref_y, ref_size = c.y, c.size
        else:
            lines.append(Line(page, [c]))
            ref_y, ref_size = c.y, c.size
    for line in lines:
        line.chars.sort(key=lambda c: c.x0)
        while len(line.chars) > 1 and line.chars[-1].text == " ":
            line.chars.pop()
        while len(line.chars) > 1 and line.chars[0].text == " ":
            line.chars.pop(0)
        sizes: dict[float, int] = {}
        for c in line.chars:  # sizes are rounded to 0.1 pt when read
            sizes[c.size] = sizes.get(c.size, 0) + 1
        line.size = max(sizes, key=lambda s: (sizes[s], s))
        line.y = statistics.median(c.y for c in line.chars if c.size == line.size)
    return lines  # space characters (size 0) are left out: _text finds word ends by the gaps


def gutter(lines: list[Line], width: float) -> tuple[float, float] | None:
    """The empty vertical strip down the middle of the page, if it is set in two columns: the
    column lines leave it empty, and many lines have text on both sides of it.

    Only lines that may be column lines are counted (narrower than most of the text's width,
    or two columns' lines side by side, with a wide gap in the middle): full-width lines (a
    title, the header) cross the gutter, and their word spaces would blur where it is.
    """
    if len(lines) < 10:
        return None
    lo = min(ln.x0 for ln in lines)
    hi = max(ln.x1 for ln in lines)
    span = hi - lo
    if span < width * 0.4:
        return None
    mid0, mid1 = lo + 0.3 * span, lo + 0.7 * span

    def column_like(ln: Line) -> bool:
        if ln.x1 - ln.x0 < 0.6 * span:
            return True
        ink = [c for c in ln.chars if c.text != " "]
        return any(q.x0 - p.x1 >= 1.5 * ln.size and mid0 < (p.x1 + q.x0) / 2 < mid1 for p, q in zip(ink, ink[1:]))

    def widest(bins: list[int], limit: int) -> tuple[int, int]:
        best, run_start = (0, 0), None
        for k in range(a, b + 1):
            if bins[k] <= limit:
                run_start = k if run_start is None else run_start
                if k + 1 - run_start > best[1] - best[0]:
                    best = (run_start, k + 1)
            else:
                run_start = None
        return best

    candidates = [ln for ln in lines if column_like(ln)]
    a, b = int(span * 0.3 // 2), int(span * 0.7 // 2)
    bins = _coverage(candidates, lo, span)
    least = min(bins[a:b + 1])
    if least > max(2, len(candidates) // 5):
        return None
    # a first guess, then again without the few lines that run right across it (their word
    # spaces made the emptiest bins): what the column lines leave empty is the gutter
    k0, k1 = widest(bins, least + max(1, len(candidates) // 20))
    mid = lo + k0 + k1  # the middle of the guess (bins are 2 pt wide)
    across = [ln for ln in candidates if any(c.x0 < mid + 1 and c.x1 > mid - 1 for c in ln.chars if c.text != " ")]
    if across:
        bins = _coverage([ln for ln in candidates if not any(ln is x for x in across)], lo, span)
        least = min(bins[a:b + 1])
    if least > max(1, len(candidates) // 20):
        return None
    k0, k1 = widest(bins, least)
    if k1 - k0 < 3:  # narrower than 6 pt: a space between words, not a gutter
        return None
    strip = (lo + 2 * k0, lo + 2 * k1)  # bins are 2 pt wide
    g = (strip[0] + strip[1]) / 2
    both = sum(1 for ln in lines if not _crosses(ln, strip)
               and any(c.x1 <= g for c in ln.chars) and any(c.x0 >= g for c in ln.chars))
    right = sum(1 for ln in lines if ln.x0 >= g)
    return strip if both >= 2 and both + right >= 3 else None


def _coverage(lines: list[Line], lo: float, span: float) -> list[int]:
    """How many of ``lines`` have ink in each 2 pt wide strip from ``lo`` across ``span``."""
    bins = [0] * (int(span // 2) + 2)
    for ln in lines:
        covered = set()
        for c in ln.chars:
            if c.text == " ":
                continue  # a space may run into the gutter; it is no text there
            covered.update(range(max(0, int((c.x0 - lo) // 2)), min(len(bins) - 1, int((c.x1 - lo) // 2)) + 1))
        for k in covered:
            bins[k] += 1
    return bins


def _crosses(ln: Line, strip: tuple[float, float]) -> bool:
    """Whether a line runs across the gutter: text inside the strip, or words either side of
    the middle closer than an em (a wide line's word space, not a gutter)."""
    s0, s1 = strip
    g = (s0 + s1) / 2
    if any(c.x1 > s0 + 1 and c.x0 < s1 - 1 and c.text != " " for c in ln.chars):  # 1 pt: bins are 2 pt
        return True
    left = max((c.x1 for c in ln.chars if c.x1 <= g and c.text != " "), default=None)
    right = min((c.x0 for c in ln.chars if c.x0 >= g and c.text != " "), default=None)
    return left is not None and right is not None and right - left < ln.size


def columns(lines: list[Line], strip: tuple[float, float], page: int) -> list[Line]:
    """Lines that cross the gutter stay whole; the rest is grouped again, column by column
    (two columns' baselines need not agree)."""
    out = []
    left: list[Char] = []
    right: list[Char] = []
    g = (strip[0] + strip[1]) / 2
    for ln in lines:
        if _crosses(ln, strip):
            out.append(ln)
        else:
            for c in ln.chars:
                (left if c.x1 <= g else right).append(c)
    for col, chars in ((1, left), (2, right)):
        for ln in cluster(chars, page):
            ln.col = col
            out.append(ln)
    return out


def line_text(line: Line) -> None:
    """The line's text: spaces where the gaps are, markers as Unicode superscripts."""
    parts, prev, prev_sup = [], None, False
    for c in line.chars:
        if c.text == " ":
            if parts and parts[-1] != " ":
                parts.append(" ")
            prev = None
            continue
        sup = c.size <= line.size * SUP_SIZE and c.y - line.y >= line.size * SUP_RISE
        marker = sup and c.text in "0123456789"
        if marker and not prev_sup and len(parts) > 1 and parts[-1] == " ":
            parts.pop()  # a marker sits on the word it follows ("relations.¹"), whatever the spacing
        elif prev is not None and parts and parts[-1] != " " \
                and c.x0 - prev.x1 > 0.2 * max(line.size, 1.0) * (0.8 if sup or prev_sup else 1.0):
            parts.append(" ")
        parts.append(SUPERSCRIPTS[int(c.text)] if marker else c.text)
        prev, prev_sup = c, marker
    line.text = "".join(parts).strip()
    m = re.match(r"^([0-9" + SUPERSCRIPTS + r"]{1,3})(?:\.(?=\s)|(?![0-9,.]))\s*(.*)$", line.text)  # "1 ", "¹", "1. "
    if m:
        line.lead = m.group(1).translate(str.maketrans(SUPERSCRIPTS, "0123456789"))
        line.rest = m.group(2)


def order(page: Page) -> None:
    """The page's lines as segments in reading order. Lines that cross the gutter (a title, a
    full-width footnote) cut the page into bands; each band is read left column, then right."""
    page.segments = []
    band: dict[int, list[Line]] = {1: [], 2: []}
    spanning: list[Line] = []

    def flush_band() -> None:
        page.segments.extend(band[c] for c in (1, 2) if band[c])
        band[1], band[2] = [], []

    for ln in sorted(page.lines, key=lambda ln: -ln.y):
        if ln.col:
            if spanning:
                page.segments.append(spanning)
                spanning = []
            band[ln.col].append(ln)
        else:
            flush_band()
            spanning.append(ln)
    flush_band()
    if spanning:
        page.segments.append(spanning)


def body_size(pages: list[Page]) -> float:
    weight: dict[float, int] = {}
    for p in pages:
        for ln in p.lines:
            weight[ln.size] = weight.get(ln.size, 0) + len(ln.chars)
    return max(weight, key=weight.get) if weight else 10.0


def drop_running(pages: list[Page], body: float) -> None:
    """Remove running headers, footers and page numbers."""
    def key(ln: Line) -> str:
        return re.sub(r"\d+", "#", ln.text).lower()

    def edges(p: Page) -> list[Line]:
        by_y = sorted(p.lines, key=lambda ln: -ln.y)
        return by_y[:2] + by_y[-2:] if len(by_y) > 4 else by_y

    seen: dict[str, int] = {}
    for p in pages:
        for k in {key(ln) for ln in edges(p)}:
            seen[k] = seen.get(k, 0) + 1
    for p in pages:
        by_y = sorted(p.lines, key=lambda ln: -ln.y)
        drop = set()
        for ln in edges(p):
            i = by_y.index(ln)
            outer = i in (0, len(by_y) - 1) or (i == 1 and id(by_y[0]) in drop) or (
                i == len(by_y) - 2 and id(by_y[-1]) in drop)
            gap = min([abs(ln.y - o.y) for o in by_y if o is not ln and (o.col == ln.col or not o.col or not ln.col)] or [1e9])
            # set apart from the text by more than a line's leading: a line that only looks like a
            # page number ("1992." carried over) or repeats by chance (a last footnote "Ibid.") is not
            aside = gap > 1.6 * ln.size
            small_aside = ln.size < body * NOTE_SIZE and gap > 2.5 * ln.size
            if outer and (aside and (_PAGE_NUMBER.match(ln.text) or (seen[key(ln)] >= 2 and len(pages) > 1))
                          or small_aside):
                drop.add(id(ln))
        p.lines = [ln for ln in p.lines if id(ln) not in drop]


@dataclass
class _Notes:
    texts: dict[int, list[str]] = field(default_factory=dict)
    open: int | None = None  # the last note read: its next lines may open the next page's notes
    page: int = 0  # the page it was last read on

    @property
    def expected(self) -> int:
        return max(self.texts) + 1 if self.texts else 1


def _take_notes(segment: list[Line], body: float, notes: _Notes, foot: float) -> list[Line]:
    """Take the footnotes off the foot of a segment; return what is left of it. ``foot`` is
    the baseline of the page's lowest line: notes reach down to it."""
    if not segment or segment[-1].y > foot + 2 * segment[-1].size:
        return segment  # the segment ends higher up the page (a box of small type atop a column)
    k = len(segment)  # the notes are the block of small type at the foot, set close together
    while k > 0 and segment[k - 1].size < body * NOTE_SIZE and (
            k == len(segment) or segment[k - 1].y - segment[k].y <= 2 * max(segment[k - 1].size, segment[k].size)):
        k -= 1
    run = segment[k:]
    starts = []
    expected = notes.expected
    for i, ln in enumerate(run):
        if ln.lead and expected <= int(ln.lead) <= expected + (3 if starts or notes.texts else 5):
            starts.append(i)
            expected = int(ln.lead) + 1
    if not run:
        return segment
    # small lines above the first number go on the last note, if it was read on this page or the
    # one before; otherwise they are not footnotes (a caption, a box "About the author")
    carry_on = notes.open is not None and run[0].page <= notes.page + 1
    if not starts and not carry_on:
        return segment
    if not starts:
        notes.texts[notes.open].extend(ln.text for ln in run)
        notes.page = run[-1].page
        return segment[:k]
    first = starts[0]
    if not carry_on:
        k += first  # the lines above the first note stay in the body
    else:
        notes.texts[notes.open].extend(ln.text for ln in run[:first])
    run = run[first:]
    starts = [s - first for s in starts]
    current = None
    for i, ln in enumerate(run):
        if i in starts:
            current = int(ln.lead)
            notes.texts[current] = [ln.rest]
        else:
            notes.texts[current].append(ln.text)
    notes.open, notes.page = current, run[-1].page
    return segment[:k]


def _ended_short(line: Line, right: float, following: Line) -> bool:
    """Whether ``line`` stops short by choice: the first word of the ``following`` line would
    have fitted in the room left before the right edge ``right``."""
    word = following.text.split(" ", 1)[0]
    per_char = (following.x1 - following.x0) / max(1, len(following.text))
    return right - line.x1 > 1.3 * (len(word) + 1) * per_char  # an average letter: leave some slack


def blocks(pages: list[Page], body: float) -> tuple[list[Block], dict[int, str], str | None]:
    notes = _Notes()
    stream: list[tuple[Line, int]] = []  # body lines in reading order, with their segment number
    seg_no = 0
    for p in pages:
        order(p)
        foot = min((ln.y for ln in p.lines), default=0.0)
        for seg in p.segments:
            seg = _take_notes(seg, body, notes, foot)
            stream.extend((ln, seg_no) for ln in seg)
            seg_no += 1
    words = words_of([ln.text for p in pages for ln in p.lines])
    footnotes = {n: join_lines(t, " ", words) for n, t in notes.texts.items()}

    # the title: the first page's largest type, above the body
    title = None
    first = [ln for ln, _ in stream if ln.page == stream[0][0].page] if stream else []
    if first:
        big = max(ln.size for ln in first)
        if big > body * 1.15:
            title_lines = []
            for ln, _ in stream:
                if ln.size != big:
                    if title_lines:
                        break
                    continue
                title_lines.append(ln)
            title = join_lines([ln.text for ln in title_lines], " ", words)
            stream = [(ln, s) for ln, s in stream if ln not in title_lines]

    # the text's edges on each page, per column (0: the whole width)
    right_edge: dict[tuple[int, int], float] = {}
    left_edge: dict[tuple[int, int], float] = {}
    for ln, _ in stream:
        for key in {(ln.page, ln.col), (ln.page, 0)}:
            right_edge[key] = max(right_edge.get(key, 0.0), ln.x1)
            left_edge[key] = min(left_edge.get(key, 1e9), ln.x0)
    pitches = [a.y - b.y for (a, sa), (b, sb) in zip(stream, stream[1:]) if sa == sb and a.size == b.size == body]
    pitch = statistics.median(pitches) if pitches else body * 1.3

    blocks: list[Block] = [Block([(title, pages[0].number)])] if title else []
    prev: tuple[Line, int] | None = None
    for ln, s in stream:
        new, wrapped = prev is None, False
        if prev is not None:
            p_ln, p_s = prev
            starts_lower = ln.text[:1].islower()
            short = _ended_short(p_ln, right_edge[p_ln.page, p_ln.col], ln)
            if p_s == s or (ln.page == p_ln.page and ln.y < p_ln.y):  # the same flow down the page
                gap = p_ln.y - ln.y
                step = pitch if ln.size == body and p_ln.size == body else max(ln.size, p_ln.size) * 1.3
                indented = ln.x0 > left_edge[ln.page, ln.col] + body
                new = gap > step * 1.3 or abs(ln.size - p_ln.size) > 0.1 * body \
                    or (indented and not starts_lower and short)
                wrapped = not new and not short and ln.page == p_ln.page
            else:  # a page or column break: the paragraph ended if its last line stopped short of
                # the margin by choice, or the next line is indented as a paragraph's first
                indented = ln.x0 > left_edge[ln.page, ln.col] + ln.size
                ends = bool(_ENDS_SENTENCE.search(p_ln.text))
                width = right_edge[p_ln.page, p_ln.col] - left_edge[p_ln.page, p_ln.col]
                far_short = right_edge[p_ln.page, p_ln.col] - p_ln.x1 > 0.35 * width  # a heading, a last line
                new = not starts_lower and ((short or indented) and ends or far_short)
        if new:
            blocks.append(Block())
        if wrapped:  # the line before ran to the margin: one line of the text, wrapped (a long header line)
            text, page = blocks[-1].lines[-1]
            blocks[-1].lines[-1] = (join_lines([text, ln.text], " ", words), page)
        else:
            blocks[-1].lines.append((ln.text, ln.page))
        prev = (ln, s)
    return blocks, footnotes, title
