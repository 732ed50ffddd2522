"""The loaders' fast paths find exactly what the plain scans they replace would find.

Each fast path (date patterns run only in windows around years, person titles and agreement
words searched for first, text cleaning without the regular expression) is checked against a
straightforward reference on random text built from the pieces that exercise its corners.
"""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgraph.loaders import dates, document

SEPARATORS = st.sampled_from([" ", " ", " ", ", ", "  ", "\n", "\xa0", "-", "", "(", ") "])


def _text(pieces: list[str]):
    return st.lists(st.tuples(st.sampled_from(pieces), SEPARATORS), max_size=40).map(
        lambda parts: "".join(p + s for p, s in parts))


# -- dates -------------------------------------------------------------------------------

DATE_PIECES = [
    "in", "on", "early", "Early", "mid", "late", "circa", "around", "by", "since", "c.", "ca.", "the", "of",
    "between", "from", "and", "to", "until", "-", "–", "July", "Sept.", "Sep", "March", "May", "Dec",
    "1st", "12th", "11", "31", "9", "2024", "1992", "1650", "2099", "2100", "199", "1990s", "2014-2020",
    "2024-07-12", "2024-13", "2015-03", "years ago", "ten", "Ten", "3", "year", "last year", "next year",
    "per cent", "percent", "billion", "km", "%", "x2024", "20245", "ſince", "İn", "visit", "signed",
]


def _reference_dates(text: str, anchor: dt.date | None) -> list[dates.DateValue]:
    """Every pattern over the whole text, in priority order: the scan before the fast path."""
    taken: list[tuple[int, int]] = []
    found = []
    for kind, rx in dates._COMPILED:
        for m in rx.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            value = dates._build(kind, m, anchor)
            if value is None:
                continue
            hedge = dates._HEDGE.search(text, max(0, s - 30), s)
            qual = None
            if hedge and (hedge.group("qual") or hedge.group("qabbr")):
                qual = (hedge.group("qual") or hedge.group("qabbr")).lower()
                s = hedge.start()
            qual = dates._QUAL_NORMAL.get(qual, qual) if qual else value.qualifier
            taken.append((s, e))
            found.append(value._replace(qualifier=qual, text=text[s:e], pos=s, end_pos=e))
    return sorted(found, key=lambda d: d.pos)


@settings(max_examples=600, deadline=None)
@given(_text(DATE_PIECES), st.sampled_from([None, dt.date(2024, 7, 1)]))
def test_windowed_date_scan_equals_the_whole_text_scan(text, anchor):
    assert dates.find_dates(text, anchor) == _reference_dates(text, anchor)


def test_windowed_date_scan_on_known_corners():
    for text in ["between 1990 and 2000", "30th to 31st September, 2024", "2024 per cent", "2024  kilometers",
                 "in early  2014", "the 1990s and 2000s", "ca. 1850", "x" * 40 + " July 4, 1776 " + "y" * 40]:
        assert dates.find_dates(text) == _reference_dates(text, None), text


# -- cleaning ----------------------------------------------------------------------------

CLEAN_PIECES = ["word", "Word.", "\\$5", "\\_x", "\\[1\\]", "a\\b", "line\nbreak", "tab\there", "two  spaces",
                "end\r\n", "\f", "\v", "é", "¹"]


@settings(max_examples=400, deadline=None)
@given(_text(CLEAN_PIECES), st.integers(0, 1000))
def test_cleaning_fast_path_keeps_text_and_offsets(raw, base):
    fast_text, fast_anchors = document._clean(raw, base)
    slow_text, slow_anchors = document._fold(raw, base)
    assert fast_text == slow_text
    fast = document.Sentence(0, fast_text, 0, 0, (), 0, tuple(fast_anchors))
    slow = document.Sentence(0, slow_text, 0, 0, (), 0, tuple(slow_anchors))
    assert [fast.original(i) for i in range(len(fast_text))] == [slow.original(i) for i in range(len(slow_text))]
