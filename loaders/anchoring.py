"""Dates as a reader places them: every date expression of a sentence, the incomplete ones
completed from what came before.

``dates.find_dates`` reads the dates that carry a year. A brief also says ``On March 16``,
``in February``, ``on Saturday``, ``last September``, ``In November of the same year``,
``from May 31 to June 3``, ``(May 31 to 3)``. Those are completed here:

* the year is carried from the last year the same paragraph gave, else the brief's own date
  (its header); a month after the brief's month in a past-tense clause is of the year before;
* weekdays are placed in the week of the brief's date (the day itself, or the closest one
  before it; after it when the clause speaks of what is planned);
* ``last <month>`` is the last such month before the brief's date.

Each completed date says how (``date_source``): ``"year carried from the text"``, ``"brief's
date"``, ``"weekday before the brief's date"`` ...
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from briefgraph.loaders.dates import (MONTHS, DateValue, day_value, find_dates, interval, month_value,
                                      year_value)
from briefgraph.loaders.lexicon import grammar

_MONTH_NAMES = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_D = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"

# Patterns for dates without a year, most specific first.
_PARTIAL = [
    # May 31 to June 3 / from May 31 to June 3 / May 31-June 3
    ("md_md", re.compile(rf"\b(?P<m1>{_MONTH_NAMES})\s+(?P<d1>{_D})\s*(?:to|until|till|-|–)\s*(?P<m2>{_MONTH_NAMES})\s+(?P<d2>{_D})\b")),
    # 31 May to 3 June
    ("dm_dm", re.compile(rf"\b(?P<d1>{_D})\s+(?P<m1>{_MONTH_NAMES})\s*(?:to|until|till|-|–)\s*(?P<d2>{_D})\s+(?P<m2>{_MONTH_NAMES})\b")),
    # May 31 to 3 (the end in the same month, or the next when smaller)
    ("md_d", re.compile(rf"\b(?P<m1>{_MONTH_NAMES})\s+(?P<d1>{_D})\s*(?:to|until|till|-|–)\s*(?P<d2>{_D})\b(?!\s*(?:{_MONTH_NAMES}|,?\s*\d{{4}}))")),
    # 11-12 July / 11 to 12 July
    ("d_dm", re.compile(rf"\b(?P<d1>{_D})\s*(?:to|-|–)\s*(?P<d2>{_D})\s+(?P<m1>{_MONTH_NAMES})\b(?!,?\s*\d{{4}})")),
    # March 16 / March 16th
    ("md", re.compile(rf"\b(?P<m1>{_MONTH_NAMES})\s+(?P<d1>{_D})\b(?!\s*(?:,\s*)?(?:\d{{4}}|(?:to|-|–)\s*\d))")),
    # 4 September / 4th of September
    ("dm", re.compile(rf"\b(?P<d1>{_D})\s+(?:of\s+)?(?P<m1>{_MONTH_NAMES})\b(?!,?\s*\d{{4}})")),
    # last September / in February / (March) / of the same year
    ("last_m", re.compile(rf"\b(?:last|past)\s+(?P<m1>{_MONTH_NAMES})\b(?!\s*\d)")),
    ("m_same", re.compile(rf"\b(?P<m1>{_MONTH_NAMES})\s+of\s+(?:the\s+)?same\s+year\b")),
    ("m", re.compile(rf"(?:\b(?:in|since|until|by|early|late|mid|during|last|from|to|of)\s+|\()(?:early\s+|late\s+|mid-?)?(?P<m1>{_MONTH_NAMES})\b(?!\s*(?:\d|of\s+(?:the\s+)?same))")),
    # on Saturday / Sunday's summit / landed Sunday
    ("weekday", re.compile(rf"\b(?P<wd>{_WEEKDAY})\b")),
]
_ANY_NAME = re.compile(rf"{_MONTH_NAMES}|{_WEEKDAY}")
_SAME_YEAR = re.compile(r"\b(?:the\s+same\s+year|that\s+year)\b")
_WEEKDAYS = {w: i for i, w in enumerate(grammar("english")["weekdays"])}


@dataclass(frozen=True)
class DateMention:
    value: DateValue
    start: int
    end: int
    source: str | None = None  # how a date the text gives only in part was completed


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _day(y: int, m: int, d: str) -> dt.date | None:
    try:
        return dt.date(y, m, int(re.match(r"\d+", d).group()))
    except (ValueError, AttributeError):
        return None


class Anchor:
    """What a reader knows when a date comes without its year: the brief's date and the last
    year the text gave."""

    def __init__(self, doc_date: DateValue | None):
        self.doc = doc_date
        self.doc_day = dt.date.fromisoformat(doc_date.start) if doc_date else None
        self.carried: int | None = None
        self.paragraph: int | None = None

    def year_for(self, month: int, planned: bool) -> tuple[int | None, str]:
        if self.carried is not None:
            return self.carried, "year carried from the text"
        if self.doc is None:
            return None, ""
        y = int(self.doc.start[:4])
        if self.doc.precision in ("day", "month") and month > int(self.doc.start[5:7]) and not planned:
            return y - 1, "brief's date (the month before it)"
        return y, "brief's date"


@lru_cache(maxsize=1)
def _planned() -> re.Pattern:
    cues = sorted(grammar("english")["planned"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\b", re.I)


def _planned_before(text: str, pos: int) -> bool:
    return _planned().search(text, 0, pos) is not None


def sentence_dates(text: str, paragraph: int, anchor: Anchor) -> list[DateMention]:
    """The dates of one sentence, left to right; ``anchor`` carries the year between calls."""
    if anchor.paragraph != paragraph:
        anchor.paragraph, anchor.carried = paragraph, None
    full = find_dates(text, anchor.doc_day)
    out = [DateMention(d, d.pos, d.end_pos, None) for d in full]
    taken = [(d.pos, d.end_pos) for d in full]

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    partial = _PARTIAL if _ANY_NAME.search(text) else ()  # each partial date holds a month or day name
    for kind, rx in partial:
        for m in rx.finditer(text):
            s, e = m.span()
            if kind == "m" and m.group(0).startswith("("):
                s += 1
            if not free(s, e):
                continue
            planned = _planned_before(text, s)
            value, source = _complete(kind, m, text, anchor, planned, out)
            if value is None:
                continue
            taken.append((s, e))
            out.append(DateMention(value._replace(text=text[s:e], pos=s, end_pos=e), s, e, source))
    out.sort(key=lambda d: d.start)
    for d in out:
        if d.source is None and d.value.precision in ("year", "month", "day") and "/" not in d.value.value[:4]:
            anchor.carried = int(d.value.start[:4])
    return out


def _complete(kind: str, m: re.Match, text: str, anchor: Anchor, planned: bool,
              earlier: list[DateMention]) -> tuple[DateValue | None, str | None]:
    g = m.groupdict()
    if kind == "weekday":
        if anchor.doc_day is None or anchor.doc.precision != "day":
            return None, None
        want = _WEEKDAYS[g["wd"]]
        have = anchor.doc_day.weekday()
        if want == have:
            return day_value(anchor.doc_day), "weekday of the brief's date"
        if planned:
            return day_value(anchor.doc_day + dt.timedelta(days=(want - have) % 7)), "weekday after the brief's date"
        return day_value(anchor.doc_day - dt.timedelta(days=(have - want) % 7)), "weekday before the brief's date"
    m1 = _month(g["m1"])
    if kind == "last_m":
        if anchor.doc_day is None:
            return None, None
        y = anchor.doc_day.year if m1 < anchor.doc_day.month else anchor.doc_day.year - 1
        return month_value(y, m1), "brief's date (the last such month)"
    if kind == "m_same":
        if anchor.carried is None:
            return None, None
        return month_value(anchor.carried, m1), "year carried from the text"
    y, source = anchor.year_for(m1, planned)
    if y is None:
        return None, None
    if kind == "m":
        return month_value(y, m1), source
    d1 = _day(y, m1, g["d1"])
    if d1 is None:
        return None, None
    if kind in ("md", "dm"):
        return day_value(d1), source
    if kind in ("md_md", "dm_dm"):
        d2 = _day(y, _month(g["m2"]), g["d2"])
    elif kind == "d_dm":
        d1, d2 = _day(y, m1, g["d1"]), _day(y, m1, g["d2"])
    else:  # md_d: "May 31 to 3" ends in the next month when the day is smaller
        end_day = int(re.match(r"\d+", g["d2"]).group())
        m2, y2 = (m1, y) if end_day > d1.day else ((m1 % 12) + 1, y + (m1 == 12))
        d2 = _day(y2, m2, g["d2"])
    if d1 is None or d2 is None or d2 <= d1:
        return None, None
    return interval(day_value(d1), day_value(d2)), source


def with_duration(start: DateValue, days: int) -> DateValue:
    """The ``days``-long interval that starts on the day ``start`` ("a two-day summit on March 16")."""
    if start.precision != "day" or "/" in start.value or days < 2:
        return start
    first = dt.date.fromisoformat(start.start)
    return interval(start, day_value(first + dt.timedelta(days=days - 1)))


__all__ = ["Anchor", "DateMention", "sentence_dates", "with_duration", "year_value"]
