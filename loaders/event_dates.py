"""Each date of a sentence to the event it belongs to.

* A date right before a noun trigger is that noun's own: "the July 2023 coup".
* Otherwise a date goes to the nearest trigger of its clause, a trigger before it preferred
  ("paid an official visit to Azerbaijan in 1995"); another trigger or a comma between them
  weighs against, and the name a noun trigger is "of" does not ("the summit of the Community
  of ... States (Celac) on Tuesday"). Where two dates want one event, the nearer wins.
* A date that opens the sentence ("In 2014, ...") holds for every event of that clause.
* "a two-day visit ... on 11 July" lasts two days; "concluded his two-day visit on 12 July"
  ends on the day given.
"""

from __future__ import annotations

import re

from briefgraph.loaders.anchoring import DateMention, with_duration
from briefgraph.loaders.dates import ending_interval
from briefgraph.loaders.document import Sentence
from briefgraph.loaders.events import EventMention
from briefgraph.loaders.lexicon import grammar
from briefgraph.loaders.tokens import Token

_DURATION = re.compile(r"\b(?P<n>\d+|two|three|four|five|six|seven|eight|nine|ten)[- ]day\b", re.I)
_CONCLUDED = re.compile(r"\b(?:concluded|ended|wrapped\s+up|completed)\s+(?:his|her|their|its|a|the)?\s*"
                        r"(?:[\w\-]+\s+){0,3}\Z", re.I)
_FRONT = re.compile(r"^(?:[A-Z][a-z]+,?\s*)?(?:(?:in|on|by|since|during|from|at|until)\s*)?(?:the\s*)?$", re.I)
_SINCE = re.compile(r"\bsince\s", re.I)
_CLAUSE = re.compile(r"[;:]|,\s+(?:but|while|whereas|which|who|when|where)\b")
# the name a noun trigger is "of": "the VII summit of the Community of Latin American and
# Caribbean States (Celac) on Tuesday" (the date is as near the summit as "the summit on Tuesday")
_NAMED_COMPLEMENT = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w’'\-]*(?:\s+(?:(?:of|and|for|the)\s+)*[A-Z][\w’'\-]*)*"
                               r"(?:\s*\([^()]{1,40}\))?")


def clause_start(text: str, pos: int) -> int:
    """Offset where the clause holding ``pos`` starts."""
    m = None
    for m in _CLAUSE.finditer(text, 0, pos):
        pass
    return m.end() if m else 0


def same_clause(text: str, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return _CLAUSE.search(text, lo, hi) is None


def _days(n: str) -> int:
    return int(n) if n.isdigit() else int(grammar("english")["number_words"].get(n.lower(), 1))


def set_date(ev: EventMention, d: DateMention, text: str) -> None:
    value = d.value
    dur = _DURATION.search(text[max(0, ev.start - 30):ev.end])
    if dur and ev.pos == "noun" and _CONCLUDED.search(text[:ev.start]):
        value = ending_interval(value, _days(dur.group("n")))
    elif dur and value.precision == "day" and "/" not in value.value:
        value = with_duration(value, _days(dur.group("n")))
    ev.date, ev.date_source = value, d.source
    ev.date_planned = ev.status == "planned"
    ev.date_at = d.start


_PRESENT = re.compile(r"^[^.;]{0,40}?\b(?:has|have)\s+(?:just\s+)?(?:commenced|begun|started|opened|kicked\s+off)\b"
                      r"|^\s*(?:opens|begins|starts|kicks\s+off|gets\s+under\s+way|is\s+under\s+way)\b", re.I)


def present_events(sent: Sentence, here: list[EventMention], brief_date) -> None:
    """"A summit has commenced", "the summit opens": an event told as happening now is on the
    brief's own date (when the brief gives its day)."""
    if brief_date is None or brief_date.precision != "day":
        return
    for ev in here:
        if ev.date is None and ev.pos == "noun" and _PRESENT.match(sent.text[ev.end:]):
            ev.date, ev.date_source = brief_date, "the brief's date (told as happening now)"


def ellipsis(sent: Sentence, here: list[EventMention], dates: list[DateMention], ms) -> list[EventMention]:
    """"Burkina Faso experienced its coup in September 2022, and Mali in August 2021": the
    second party and date tell a second event of the same kind."""
    text, out = sent.text, []
    used = {ev.date_at for ev in here if ev.date_at is not None}
    for d in dates:
        if d.start in used:
            continue
        m = _ELLIPSIS.search(text, 0, d.start)
        if m is None:
            continue
        source = next((ev for ev in reversed(here) if ev.date is not None and ev.end <= m.start()), None)
        who = [x for x in ms if x.kind in ("State", "Person", "Organisation") and m.start("who") <= x.start
               and x.end <= m.end("who")]
        if source is None or not who:
            continue
        twin = EventMention(source.kind, source.type, source.cls, sent, source.start, source.end, source.trigger,
                            source.pos, rule="ellipsis")
        twin.sentences.append(sent)
        twin.mentions.append(source.trigger)
        set_date(twin, d, text)
        for x in who:
            twin.participants[x.key] = None
            source.participants.pop(x.key, None)
        out.append(twin)
    return out


_ELLIPSIS = re.compile(r",?\s+and\s+(?P<who>[A-Z][^,;]{0,40}?)\s+(?:in|on)\s+\Z")


def assign_dates(sent: Sentence, toks: list[Token], here: list[EventMention], dates: list[DateMention]) -> None:
    """Give each event of the sentence the date that belongs to it (see the module docstring)."""
    if not dates:
        return
    text = sent.text
    chosen: list[tuple[float, int, DateMention, EventMention, bool]] = []
    for k, d in enumerate(dates):
        start = clause_start(text, d.start)
        is_front = bool(_FRONT.match(text[start:d.start].strip())) and text[d.end:d.end + 1] in (",", "")
        target = next((ev for ev in here if ev.pos == "noun" and 0 <= ev.start - d.end <= 30 and
                       re.fullmatch(r"[\s\-]*(?:[a-z\-]+\s+)?" if not ev.name else r"[\s\-]*(?:[\w\-’']+\s+){0,3}",
                                    text[d.end:ev.start])), None)  # "the 2006 Lombok Treaty"
        if target is None and _SINCE.search(text, max(0, d.start - 8), d.start + 6):
            continue  # "the first visit since 2015", "strained since 2013": a period's start, not an event's date
        best = (-1.0, target) if target is not None else None
        if target is None:
            for ev in here:
                if not same_clause(text, ev.start, d.start):
                    continue
                if d.start >= ev.end:
                    named = _NAMED_COMPLEMENT.match(text, ev.end) if ev.pos == "noun" else None
                    after = named.end() if named and named.end() <= d.start else ev.end
                    gap, between = d.start - after, text[after:d.start]
                else:
                    gap, between = ev.start - d.end + (0 if is_front else 40), text[d.end:ev.start]
                crossing = sum(1 for o in here if o is not ev and min(d.start, ev.start) < o.start < max(d.end, ev.end))
                score = gap + 200 * crossing + 30 * between.count(",") * (not is_front)
                if best is None or score < best[0]:
                    best = (score, ev)
        if best is None and is_front:
            best = (0.0, min(here, key=lambda ev: ev.start))
        if best is not None:
            chosen.append((best[0], k, d, best[1], is_front))
    # each event takes the date that fits it best, not the first told: "meetings on Monday and
    # attend the summit on Tuesday" gives the summit Tuesday even when Monday's nearest event is it
    fronted: list[DateMention] = []
    for _, _, d, ev, is_front in sorted(chosen, key=lambda c: (c[0], c[1])):
        if ev.date is not None:
            continue
        set_date(ev, d, text)
        if is_front:
            fronted.append(d)
    for d in sorted(fronted, key=lambda d: d.start):
        for ev in here:
            if ev.date is None and ev.start > d.start and same_clause(text, d.start, ev.start):
                set_date(ev, d, text)
