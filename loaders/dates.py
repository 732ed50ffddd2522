"""Date expressions in prose, kept at the precision the text gives.

``find_dates(text)`` returns every date expression with its offsets; ``parse_date(expr)``
parses one. Values are ISO 8601 strings: ``1995``, ``2015-03``, ``1992-06-09``, decades
``199`` (the 1990s), intervals ``2024-07-11/2024-07-12``. ``date_start`` / ``date_end`` give
the first and last day covered, so a store can filter by range without pretending that
``1995`` means 1 January 1995. Hedges (``early``, ``circa`` ...) are kept as a qualifier.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import NamedTuple
from functools import lru_cache

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9

_MONTH = r"(?P<{0}>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_YEAR = r"(?P<{0}>(?:1[6-9]|20)\d\d)"
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
_QUAL = (r"(?:(?P<qual>early|mid|late|circa|around|about|approximately|before|after|by|until|since)"
         r"(?:\s+|-)(?:in\s+)?(?:the\s+)?)?")
_QUAL_ABBR = r"(?:(?P<qabbr>c\.|ca\.)\s*)?"
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}

_PATTERNS = [
    # 11-12 July 2024 / 11 to 12 July 2024
    ("day_range_dmy", rf"\b{_DAY.format('d1')}\s*(?:-|–|to)\s*{_DAY.format('d2')}\s+{_MONTH.format('m')},?\s+{_YEAR.format('y')}\b"),
    # July 11-12, 2024
    ("day_range_mdy", rf"\b{_MONTH.format('m')}\s+{_DAY.format('d1')}\s*(?:-|–|to)\s*{_DAY.format('d2')},?\s+{_YEAR.format('y')}\b"),
    ("iso_day", r"\b(?P<y>(?:1[6-9]|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)\b"),
    ("iso_month", r"\b(?P<y>(?:1[6-9]|20)\d\d)-(?P<m>0[1-9]|1[0-2])\b(?!-\d)"),
    ("dmy", rf"\b{_DAY.format('d')}\s+(?:of\s+)?{_MONTH.format('m')},?\s+{_YEAR.format('y')}\b"),
    ("mdy", rf"\b{_MONTH.format('m')}\s+{_DAY.format('d')},?\s+{_YEAR.format('y')}\b"),
    ("year_range", rf"\b(?:between\s+|from\s+)?{_YEAR.format('y1')}\s*(?:-|–|to|and|until)\s*{_YEAR.format('y2')}\b"),
    ("my", rf"\b{_MONTH.format('m')},?\s+(?:of\s+)?{_YEAR.format('y')}\b"),
    ("decade", r"\b(?P<y>(?:1[6-9]|20)\d)0s\b"),
    ("year", rf"\b{_YEAR.format('y')}\b(?![-–]\d|\s*(?:billion|million|trillion|kilometers|km|%|per\s?cent))"),
    ("ago", r"\b(?P<n>\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\s+years?\s+ago\b"),
    ("rel_year", r"\b(?P<rel>last|this|next|previous)\s+year\b"),
]
# The hedge before a date is looked for behind each match, not as a leading optional group:
# a pattern that starts with a literal-free optional group makes every search crawl.
# Month names are capitalised in prose, so only the relative forms ("Ten years ago", "Last
# year") and the range words match in any case: re.IGNORECASE on a month alternation triples
# the cost of the patterns that start with one.
_ANY_CASE = {"ago", "rel_year", "year_range"}
_COMPILED = [(name, re.compile(pat, re.IGNORECASE if name in _ANY_CASE else 0)) for name, pat in _PATTERNS]
_HEDGE = re.compile(_QUAL.replace("(?:(?P<qual>", "(?:\\b(?P<qual>", 1) + _QUAL_ABBR + r"$", re.IGNORECASE)
_HAS_YEAR = re.compile(r"(?:1[6-9]|20)\d")
_RELATIVE = re.compile(r"\bago\b|\byear\b", re.IGNORECASE)
_QUAL_NORMAL = {"around": "circa", "about": "circa", "approximately": "circa", "c.": "circa",
                "ca.": "circa", "by": "before", "until": "before", "since": "after"}


class DateValue(NamedTuple):
    """A date with its precision: ``value`` is the ISO string, ``start``/``end`` the days covered.

    (A named tuple: cheap to make, and every sentence makes a few.)"""

    value: str
    start: str
    end: str
    precision: str  # decade | year | month | day
    qualifier: str | None = None
    text: str = ""
    pos: int = 0
    end_pos: int = 0

    def as_props(self) -> dict[str, str | None]:
        return {"date": self.value, "date_start": self.start, "date_end": self.end,
                "date_precision": self.precision, "date_qualifier": self.qualifier}


def _day(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_end(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def year_value(y: int) -> DateValue:
    return DateValue(f"{y:04d}", f"{y:04d}-01-01", f"{y:04d}-12-31", "year")


def month_value(y: int, m: int) -> DateValue:
    return DateValue(f"{y:04d}-{m:02d}", f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-{_month_end(y, m):02d}", "month")


def day_value(d: dt.date) -> DateValue:
    iso = d.isoformat()
    return DateValue(iso, iso, iso, "day")


def interval(a: DateValue, b: DateValue) -> DateValue:
    """The interval from ``a`` to ``b`` (``a.value/b.value``), with the finer precision kept."""
    if a.value == b.value:
        return a
    if b.start < a.start:
        a, b = b, a
    precision = a.precision if a.precision == b.precision else "day"
    return DateValue(f"{a.value}/{b.value}", a.start, b.end, precision, a.qualifier or b.qualifier)


def _build(kind: str, m: re.Match, anchor: dt.date | None) -> DateValue | None:
    g = m.groupdict()
    if kind in ("dmy", "mdy", "iso_day"):
        month = int(g["m"]) if kind == "iso_day" else MONTHS[g["m"].lower().rstrip(".")]
        d = _day(int(g["y"]), month, int(g["d"]))
        return day_value(d) if d else None
    if kind in ("day_range_dmy", "day_range_mdy"):
        y, month = int(g["y"]), MONTHS[g["m"].lower().rstrip(".")]
        d1, d2 = _day(y, month, int(g["d1"])), _day(y, month, int(g["d2"]))
        if not d1 or not d2 or d2 <= d1:
            return None
        return interval(day_value(d1), day_value(d2))
    if kind == "iso_month":
        return month_value(int(g["y"]), int(g["m"]))
    if kind == "my":
        return month_value(int(g["y"]), MONTHS[g["m"].lower().rstrip(".")])
    if kind == "year":
        return year_value(int(g["y"]))
    if kind == "year_range":
        y1, y2 = int(g["y1"]), int(g["y2"])
        if not y1 < y2 <= y1 + 60:
            return None
        return interval(year_value(y1), year_value(y2))
    if kind == "decade":
        y = int(g["y"]) * 10
        return DateValue(f"{y // 10:03d}", f"{y:04d}-01-01", f"{y + 9:04d}-12-31", "decade")
    if anchor is None:
        return None  # relative dates need the brief's own date
    if kind == "ago":
        n = g["n"].lower()
        years = int(n) if n.isdigit() else NUMBER_WORDS[n]
        return year_value(anchor.year - years)._replace(qualifier="circa")
    if kind == "rel_year":
        delta = {"last": -1, "previous": -1, "this": 0, "next": 1}[g["rel"].lower()]
        return year_value(anchor.year + delta)
    return None


def find_dates(text: str, anchor: dt.date | None = None) -> list[DateValue]:
    """Every date expression in ``text``, left to right, longest match first.

    Examples
    --------
    >>> [d.value for d in find_dates("signed on 9 June 1992 and again in March 2015")]
    ['1992-06-09', '2015-03']
    >>> find_dates("in early 2014")[0].qualifier
    'early'
    """
    return list(_find_dates(text, anchor))


# Every pattern but the relative ones holds a year (or a decade's first three digits), and with
# single spaces between its words no match starts more than 25 characters before the first
# year-like digits in it ("30th to 31st September, 2024") or needs more than 16 after them
# ("2024 kilometers" for the look-ahead). So the patterns only scan windows around those
# digits, a small part of a sentence; the windows hold every match of the whole text and the
# context its look-arounds read, so the result is the same as scanning the whole text. Runs
# of white space (rare: sentences are cleaned) lengthen matches, so such texts are scanned whole.
_BEFORE, _AFTER = 32, 24
_ODD_SPACE = re.compile(r"\s\s|[^\S ]")
_RELATIVE_KINDS = {"ago", "rel_year"}


_HEDGE_WORDS = ("early", "mid", "late", "circa", "around", "about", "approximately", "before", "after", "by",
                "until", "since", "c.", "ca.")


def _may_hedge(text: str, s: int) -> bool:
    """Whether the 30 characters before offset ``s`` may hold a hedge (a word _HEDGE needs;
    outside ASCII, case-insensitive matching has exceptions lower() does not follow)."""
    before = text[max(0, s - 30):s]
    if not before.isascii():
        return True
    before = before.lower()
    return any(w in before for w in _HEDGE_WORDS)


# Each kind of pattern needs some literal text in its window: a month name, a hyphen, "0s"
# or a second year. Testing for it is much cheaper than running the pattern.
_MONTH_NAME = re.compile("|".join(m[:3] for m in calendar.month_abbr if m))
_MONTH, _HYPHEN, _DECADE, _TWO_YEARS, _RELATIVE_WORDS = 1, 2, 4, 8, 16
_NEEDS = {"day_range_dmy": _MONTH, "day_range_mdy": _MONTH, "dmy": _MONTH, "mdy": _MONTH, "my": _MONTH,
          "iso_day": _HYPHEN, "iso_month": _HYPHEN, "decade": _DECADE, "year_range": _TWO_YEARS, "year": 0,
          "ago": _RELATIVE_WORDS, "rel_year": _RELATIVE_WORDS}
_PLAN = [(kind, rx, _NEEDS[kind], kind in _RELATIVE_KINDS) for kind, rx in _COMPILED]


def _windows(text: str) -> list[tuple[int, int, int]]:
    """Disjoint (start, end) ranges of ``text`` that hold every date expression with a year,
    each with the flags of the literal text found in it (what _NEEDS asks for)."""
    spans: list[list[int]] = []  # [start, end, year-like digit groups]
    n = len(text)
    for m in _HAS_YEAR.finditer(text):
        lo, hi = max(0, m.start() - _BEFORE), min(n, m.end() + _AFTER)
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = hi
            spans[-1][2] += 1
        else:
            spans.append([lo, hi, 1])
    if any(_ODD_SPACE.search(text, lo, hi) for lo, hi, _ in spans):
        spans = [[0, n, sum(s[2] for s in spans)]]
    out = []
    for lo, hi, hits in spans:
        flags = _TWO_YEARS if hits > 1 else 0
        if _MONTH_NAME.search(text, lo, hi):
            flags |= _MONTH
        if text.find("-", lo, hi) >= 0:
            flags |= _HYPHEN
        if text.find("0s", lo, hi) >= 0:
            flags |= _DECADE
        out.append((lo, hi, flags))
    return out


@lru_cache(maxsize=4096)  # the passes ask for the dates of one sentence several times
def _find_dates(text: str, anchor: dt.date | None) -> tuple[DateValue, ...]:
    taken: list[tuple[int, int]] = []
    found: list[DateValue] = []
    windows = _windows(text)
    low = text.lower()
    relative = ("ago" in low or "year" in low) and bool(_RELATIVE.search(text))
    if not (windows or relative):
        return ()
    whole = [(0, len(text), _RELATIVE_WORDS)] if relative else []
    for kind, rx, need, rel in _PLAN:
        for lo, hi, flags in whole if rel else windows:
            if need and not flags & need:
                continue
            m = rx.search(text, lo, hi)  # a loop of searches: cheaper than finditer, same matches
            while m is not None:
                s, e = m.span()
                value = None if any(s < te and ts < e for ts, te in taken) else _build(kind, m, anchor)
                if value is not None:
                    qual, hedge = None, None
                    if _may_hedge(text, s):
                        hedge = _HEDGE.search(text, max(0, s - 30), s)
                    if hedge and (hedge.group("qual") or hedge.group("qabbr")):
                        qual = (hedge.group("qual") or hedge.group("qabbr")).lower()
                        s = hedge.start()
                    qual = _QUAL_NORMAL.get(qual, qual) if qual else value.qualifier
                    taken.append((s, e))
                    found.append(DateValue(value.value, value.start, value.end, value.precision, qual,
                                           text[s:e], s, e))
                m = rx.search(text, m.end(), hi)
    return tuple(sorted(found, key=lambda d: d.pos))


def parse_date(expr: str, anchor: dt.date | None = None) -> DateValue | None:
    """Parse one date expression; ``None`` if it holds none.

    Examples
    --------
    >>> parse_date("July 12, 2024").value
    '2024-07-12'
    >>> parse_date("1995").start, parse_date("1995").end
    ('1995-01-01', '1995-12-31')
    """
    found = find_dates(expr, anchor)
    return found[0] if found else None


def ending_interval(end: DateValue, days: int) -> DateValue:
    """The ``days``-long interval that ends on ``end`` (a visit that 'concluded on' a day)."""
    if end.precision != "day" or days < 2:
        return end
    last = dt.date.fromisoformat(end.start)
    first = last - dt.timedelta(days=days - 1)
    return interval(day_value(first), end)
