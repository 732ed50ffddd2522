"""Reading a saved web page: the article's text and its notes, not the site around it.

The page is parsed with the standard library's ``html.parser`` into a small tree (enough to
tell where an element ends; implied ends of ``<p>`` and ``<li>`` are honoured). The article
is the first ``<article>``, else ``<main>`` or ``role="main"``, else ``<body>`` without its
``<header>``, ``<footer>``; navigation, asides, forms, scripts and styles are never read.
Footnotes are the items of an element marked as notes (``role="doc-endnotes"``, or a class
or id with ``footnote``/``endnote``), numbered by their id (``fn3``) or their place; back-links
(``↩``) are dropped. Markers are ``<sup>`` digits. Each block element is a paragraph.

The standard parser is enough for this and is always there: readability-style libraries
guess the article by scoring text density, which a brief's short header lines defeat, and
would add lxml.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from briefgraph.errors import InputError
from briefgraph.loaders.assemble import Block, assemble
from briefgraph.loaders.document import SUPERSCRIPTS, Document
from briefgraph.loaders.text import decode

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_NEVER = {"script", "style", "noscript", "template", "nav", "aside", "form", "button", "select", "svg",
          "iframe", "canvas", "object", "dialog"}
_OUTSIDE_ARTICLE = {"header", "footer"}
_BLOCK = {"p", "div", "section", "article", "main", "header", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
          "li", "ul", "ol", "blockquote", "pre", "figure", "figcaption", "dl", "dt", "dd", "table", "tr",
          "td", "th", "address", "hr", "br", "time"}
_IMPLIED_END = {"p": {"p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section", "blockquote", "table"},
                "li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}}
_NOTES = re.compile(r"foot-?notes?|end-?notes?", re.I)
_BACKLINK = re.compile(r"back|return|ref", re.I)
_SPACE = re.compile(r"\s+")
_DIGITS = re.compile(r"(\d+)")


class _El:
    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag: str, attrs: dict[str, str], parent: "_El | None"):
        self.tag, self.attrs, self.children, self.parent = tag, attrs, [], parent

    def find(self, pred) -> "_El | None":
        for c in self.children:
            if isinstance(c, _El):
                if pred(c):
                    return c
                hit = c.find(pred)
                if hit:
                    return hit
        return None

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _El("#document", {}, None)
        self.cur = self.root
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("name") or a.get("property") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"])
        closes = [t for t, by in _IMPLIED_END.items() if tag in by]
        while self.cur.tag in closes and self.cur.parent is not None:
            self.cur = self.cur.parent
        el = _El(tag, a, self.cur)
        self.cur.children.append(el)
        if tag not in _VOID:
            self.cur = el

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID and self.cur.tag == tag and self.cur.parent is not None:
            self.cur = self.cur.parent

    def handle_endtag(self, tag):
        el = self.cur
        while el is not None and el.tag != tag:
            el = el.parent
        if el is not None and el.parent is not None:
            self.cur = el.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def _is_notes(el: _El) -> bool:
    role = el.attrs.get("role", "")
    return role in ("doc-endnotes", "doc-footnotes") or bool(
        _NOTES.search(el.attrs.get("class", "") + " " + el.attrs.get("id", "")))


def _is_backlink(el: _El) -> bool:
    return el.tag == "a" and (el.attrs.get("role") == "doc-backlink" or bool(_BACKLINK.search(el.attrs.get("class", "")))
                              or el.text().strip() in ("↩", "↩︎", "^", "↑"))


class _Reader:
    def __init__(self, in_article: bool):
        self.in_article = in_article
        self.blocks: list[str] = []
        self.parts: list[str] = []
        self.notes_els: list[_El] = []

    def flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self.parts)).strip()
        if text:
            self.blocks.append(text)
        self.parts = []

    def walk(self, el: _El) -> None:
        for c in el.children:
            if isinstance(c, str):
                self.parts.append(c)
                continue
            if c.tag in _NEVER and not _is_notes(c):
                continue
            if c.tag in _OUTSIDE_ARTICLE and not self.in_article:
                continue
            if _is_notes(c):
                self.notes_els.append(c)
                continue
            if c.tag == "sup":
                digits = c.text().strip()
                if digits.isdigit():
                    self.parts.append("".join(SUPERSCRIPTS[int(d)] for d in digits))
                    continue
            if c.tag in _BLOCK:
                self.flush()
                self.walk(c)
                self.flush()
            else:
                self.walk(c)


def _note_items(el: _El) -> dict[int, str]:
    items: list[_El] = []

    def collect(e: _El) -> None:
        for c in e.children:
            if isinstance(c, _El):
                if c.tag == "li":
                    items.append(c)
                else:
                    collect(c)
    collect(el)
    out: dict[int, str] = {}
    if items:
        for k, li in enumerate(items, 1):
            m = _DIGITS.search(li.attrs.get("id", ""))
            number = int(m.group(1)) if m else k
            out[number] = _plain(li)
        return out
    for p in _blocks_of(el):  # notes written as paragraphs: "1. Source ..."
        m = re.match(r"^\s*(\d{1,3})[.)]?\s+(.*)$", p)
        if m:
            out[int(m.group(1))] = m.group(2).strip()
    return out


def _plain(el: _El) -> str:
    parts: list[str] = []

    def walk(e: _El) -> None:
        for c in e.children:
            if isinstance(c, str):
                parts.append(c)
            elif not _is_backlink(c) and c.tag not in _NEVER:
                walk(c)
    walk(el)
    return _SPACE.sub(" ", "".join(parts)).strip()


def _blocks_of(el: _El) -> list[str]:
    r = _Reader(True)
    r.walk(el)
    r.flush()
    return r.blocks


def read_html(data: bytes, path: str) -> Document:
    """The Document of a saved web page (see the module's docstring).

    Raises
    ------
    InputError
        For a page that does not decode, or holds no article text.
    """
    try:
        return _read(decode(data, path), data, path)
    except RecursionError:
        raise InputError(f"{path}: this web page nests its elements too deeply to be a brief") from None


def _read(text: str, data: bytes, path: str) -> Document:
    tree = _Tree()
    tree.feed(text)
    tree.close()
    root = tree.root
    article = root.find(lambda e: e.tag == "article") or root.find(lambda e: e.tag == "main") \
        or root.find(lambda e: e.attrs.get("role") == "main")
    reader = _Reader(article is not None)
    reader.walk(article or root.find(lambda e: e.tag == "body") or root)
    reader.flush()
    if article is not None:  # notes are sometimes kept after the article, still on the page
        extra = root.find(lambda e: _is_notes(e) and e not in reader.notes_els and not _inside(e, article))
        if extra is not None and not reader.notes_els:
            reader.notes_els.append(extra)
    notes: dict[int, str] = {}
    for el in reader.notes_els:
        notes.update(_note_items(el))
    if not reader.blocks:
        raise InputError(f"{path}: no article text in this web page")
    blocks = [Block([(b, None)]) for b in reader.blocks]
    title_el = root.find(lambda e: e.tag == "title")
    meta = tree.meta
    title = meta.get("citation_title") or meta.get("og:title") or (title_el.text().strip() if title_el else None)
    author = meta.get("citation_author") or meta.get("author")
    return assemble(blocks, notes, path, data, title=title, author=author)


def _inside(el: _El, ancestor: _El) -> bool:
    while el is not None:
        if el is ancestor:
            return True
        el = el.parent
    return False
