"""Footnotes to Source records: title, author, publisher, date, URL and access date."""

from __future__ import annotations

import re

from briefgraph.loaders.dates import find_dates
from briefgraph.loaders.document import Footnote

_URL = re.compile(r"<(https?://[^>\s]+)>|\]\((https?://[^)\s]+(?:\([^)\s]*\))?[^)\s]*)\)|(https?://[^\s<>\]]+)")
_TITLE = re.compile(r"[\"“]([^\"”]+?)[,.]?[\"”]|\*([^*]+)\*")
_PIECE_SEP = re.compile(r",|\.\s")
_ACCESSED = re.compile(r"accessed\s+(.+?\b(?:1[89]|20)\d\d\b)", re.I)


def parse_footnote(fn: Footnote, previous: dict | None = None) -> dict:
    """Fields of one footnote. An 'ibid' footnote repeats the fields of ``previous``."""
    raw = fn.text
    if fn.ibid_of is not None and previous:
        out = {k: v for k, v in previous.items() if k in ("title", "author", "publisher", "url", "date")}
        out.update(raw=raw, footnote=fn.number)
        return out
    out: dict = {"raw": raw, "footnote": fn.number}
    m = _URL.search(raw)
    if m:
        out["url"] = (m.group(1) or m.group(2) or m.group(3)).rstrip(".,;")
        text = raw[:m.start()]
    else:
        text = raw
    t = _TITLE.search(text)
    if t:
        out["title"] = (t.group(1) or t.group(2)).strip().rstrip(",")
        author = text[:t.start()].strip().rstrip(",").strip()
        if author:
            out["author"] = author
        rest = text[t.end():]
    else:
        parts = [p.strip() for p in text.split(",") if p.strip()]
        out["title"] = parts[0] if parts else raw[:120]
        rest = ", ".join(parts[1:])
    pieces = [p.strip(" .*") for p in _PIECE_SEP.split(rest) if p.strip(" .*")]
    if pieces and not find_dates(pieces[0]) and not pieces[0].lower().startswith("accessed"):
        out["publisher"] = pieces[0]
    acc = _ACCESSED.search(rest)
    if acc:
        d = find_dates(acc.group(1))
        if d:
            out["accessed"] = d[0].value
        rest = rest.replace(acc.group(0), "")
    dates = [d for d in find_dates(rest) if d.precision in ("day", "month", "year")]
    if dates:
        out.update({k: v for k, v in dates[0].as_props().items() if k != "date_qualifier" and v})
    return out
