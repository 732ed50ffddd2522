"""Entity mentions in a document's sentences: states, places, organisations and people.

Three sources of evidence, in order of trust:

1. the gazetteer (``gazetteer.py``): states, demonyms, regions, cities, well-known bodies;
2. patterns of the genre: ``Full Name (ABBR)``; capitalised names headed by Ministry,
   Council, Group, Centre ...; ``the town of X``; ``X region of Y``; a quoted landmark
   ``'X' in <place>``; ``a gas field "X"``; ``Pakistan-Turkiye-Azerbaijan trilateral mechanism``;
3. titles of office before a name: ``President Asif Ali Zardari``, ``the then President of
   Pakistan, Sardar Farooq Ahmed Khan Leghari``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

from briefgraph.graph.ids import normalise
from briefgraph.loaders import gazetteer
from briefgraph.loaders.document import Document, Sentence

_TOKEN = re.compile(r"[^\W_]+(?:[-‐][^\W_]+)*")
_POSSESSIVE = ("'s", "’s", "'", "’")
_CONNECTORS = {"of", "and", "on", "for", "at", "the", "de", "du", "&", "in"}
MAX_SPAN = 8


@dataclass(slots=True)
class Mention:
    """One surface form of an entity in one sentence; offsets are into ``sentence.text``."""

    kind: str
    key: str
    name: str
    text: str
    sent: int
    start: int
    end: int
    props: dict = field(default_factory=dict)
    demonym: bool = False
    role: str | None = None      # for people: the title of office given with the name
    role_of: str | None = None   # key of the state/organisation the title is "of"
    then: bool = False           # "the then President": the role held at the sentence's date
    part_of: str | None = None   # key of a state/organisation this one belongs to
    members: tuple[str, ...] = ()  # keys of states named in a compound ("Pakistan-Turkiye-...")
    alias: str | None = None


@lru_cache(maxsize=65536)
def _is_cap(tok: str) -> bool:
    return tok[:1].isupper() or (tok[:1].isdigit() and any(c.isupper() for c in tok))


@lru_cache(maxsize=1)
def _org_keywords() -> frozenset[str]:
    return frozenset(gazetteer.words("org_keywords"))


def _surface(text: str, s: int, e: int) -> tuple[int, str]:
    """Extend a span over a possessive ('s / ’s) and return the end and the surface text."""
    for p in ("'s", "’s"):
        if text.startswith(p, e):
            return e + len(p), text[s:e + len(p)]
    return e, text[s:e]


class _Taken:
    def __init__(self):
        self.spans: list[tuple[int, int]] = []

    def free(self, s: int, e: int) -> bool:
        for a, b in self.spans:
            if e > a and s < b:
                return False
        return True

    def take(self, s: int, e: int) -> None:
        self.spans.append((s, e))


class _Tokens:
    """The word tokens of one sentence, found once and shared by the scans that walk them."""

    __slots__ = ("matches", "words", "caps")

    def __init__(self, text: str):
        self.matches = list(_TOKEN.finditer(text))
        self.words = [m.group() for m in self.matches]
        # most words are lower case: the scans visit only the capitalised ones (_is_cap, with
        # its common case first)
        self.caps = [i for i, w in enumerate(self.words) if w[0].isupper() or w[0].isdigit() and _is_cap(w)]

    def start(self, i: int) -> int:
        return self.matches[i].start()

    def end(self, i: int) -> int:
        return self.matches[i].end()


def _gazetteer_mentions(sent: Sentence, toks: _Tokens, taken: _Taken) -> list[Mention]:
    text, table, out = sent.text, gazetteer.lookup(), []
    words, ms, n = toks.words, toks.matches, len(toks.words)
    capital = set(toks.caps)
    resume = 0
    for i in toks.caps:
        if i < resume:
            continue
        hit = None
        longest = _longest_from(words[i])
        for j in range(min(n, i + longest, i + MAX_SPAN) - 1, i - 1, -1):
            if j not in capital:
                continue
            s, e = ms[i].start(), ms[j].end()
            raw = text[s:e]
            entry = table.get(normalise(raw))
            if entry is None:
                continue
            if entry.kind == "Organisation" and j == i and raw.isupper() is False and len(raw) <= 5:
                continue  # short abbreviations only count in capitals (AU, AP, WHO)
            if j == i and raw.isupper() and len(raw) <= 3 and entry.kind != "Organisation" and raw not in _SHORT_STATES:
                continue
            hit = (j, s, e, entry)
            break
        if hit and taken.free(hit[1], hit[2]):
            j, s, e, entry = hit
            end, surface = _surface(text, s, e)
            taken.take(s, end)
            out.append(Mention(entry.kind, entry.key, entry.name, surface, sent.index, s, end,
                               dict(entry.props), demonym=entry.demonym))
            resume = j + 1
            continue
        # hyphen compounds of states: "Azerbaijan-Pakistan", "Pakistan-Turkiye-Azerbaijan"
        if "-" in words[i]:
            pos = ms[i].start()
            for part in words[i].split("-"):
                entry = table.get(normalise(part))
                if entry and entry.kind == "State" and taken.free(pos, pos + len(part)):
                    out.append(Mention("State", entry.key, entry.name, part, sent.index, pos, pos + len(part),
                                       dict(entry.props)))
                pos += len(part) + 1
    return out


_SHORT_STATES = {"UK", "US", "USA", "UAE", "DRC", "PRC", "KSA"}


@lru_cache(maxsize=65536)
def _longest_from(word: str) -> int:
    """The most words of a gazetteer phrase that can start with ``word`` (0: none)."""
    return gazetteer.first_words().get(normalise(word).split(" ", 1)[0], 0)


def _chunks(text: str, toks: _Tokens) -> list[tuple[int, int, list[int]]]:
    """Maximal runs of capitalised tokens joined by connectors (of, and, on, for, at ...),
    as (start, end, token indices)."""
    words, ms, n = toks.words, toks.matches, len(toks.words)
    capital = set(toks.caps)
    starts = _org_start_words()
    out, resume = [], 0
    for i in toks.caps:
        if i < resume:
            continue
        run = [i]
        j = i + 1
        while j < n:
            gap = text[ms[run[-1]].end():ms[j].start()]
            if gap.strip() not in ("", "&") or "\n" in gap:
                break
            if j in capital:
                run.append(j)
                j += 1
                continue
            # connectors must lead to another capitalised token
            k = j
            while k < n and words[k] in _CONNECTORS and text[ms[k - 1].end():ms[k].start()].strip() == "":
                k += 1
            if k > j and k < n and k in capital and text[ms[k - 1].end():ms[k].start()].strip() == "":
                between = words[j:k]
                if text.startswith(("'s", "’s"), ms[k].end()) and "and" in between:
                    break  # "... of Planning and China's Commission": a new noun phrase
                if "and" in between and (words[k] in starts or between[-1] == "the"):
                    break  # "... of Azerbaijan and the Ministry of ...": two bodies
                run.extend(range(j, k + 1))
                j = k + 1
                continue
            break
        out.append((ms[run[0]].start(), ms[run[-1]].end(), run))
        resume = j
    return out


@lru_cache(maxsize=1)
def _org_start_words() -> frozenset[str]:
    return frozenset(gazetteer.words("org_start_words"))


_LEADING_WORDS = {"The", "A", "An", "In", "As", "By", "During", "Both", "Additionally", "Moreover", "Similarly",
                  "However", "Currently", "Consequently", "At", "On", "For", "With", "From", "Under", "Among",
                  "Following", "After", "Before", "Since", "Through", "Between", "While", "When", "Although",
                  "Despite", "Meanwhile", "Furthermore", "Thus", "Hence", "Today", "Recently", "Later", "Earlier"}
_AGREEMENT_HEADS = {"Resolution", "Resolutions", "Agreement", "Agreements", "Treaty", "Protocol", "Declaration",
                    "Accord", "Convention", "Charter", "MOU", "MoU", "Memorandum"}
_PLACE_HEADS = {"Corridor", "Port", "Dam", "Pipeline", "Airport", "Highway", "Motorway", "Railway", "Canal",
                "Strait", "Pass", "Valley", "Glacier", "Gasfield", "Oilfield", "Bridge", "Tunnel"}


def _strip_leading(words: list[str], run: list[int]) -> list[int]:
    k = 0
    while k < len(run) and (words[run[k]] in _LEADING_WORDS or words[run[k]] in _CONNECTORS):
        k += 1
    run = run[k:]
    # a body's name stops before an agreement it adopted: "Security Council Resolution 47"
    for k in range(1, len(run)):
        if words[run[k]] in _AGREEMENT_HEADS:
            run = run[:k]
            while run and words[run[-1]].lower() in _CONNECTORS:
                run = run[:-1]
            break
    return run


def _next_start(toks: _Tokens, run: list[int], pos: int) -> int:
    """Start of the first capitalised token of ``run`` after ``pos``."""
    return next((toks.start(t) for t in run if toks.start(t) > pos and _is_cap(toks.words[t])), pos)


@lru_cache(maxsize=1)
def _multilateral() -> re.Pattern:
    """"Pakistan-Turkiye-Azerbaijan trilateral mechanism"; case-insensitive only where it must
    be: re.I on the names would make [A-Z] match every word."""
    multi = "|".join(gazetteer.words("multilateral_words"))
    heads = "|".join(gazetteer.words("multilateral_heads"))
    return re.compile(rf"\b((?:[A-Z][\w]+-)+[A-Z][\w]+)\s+((?i:{multi}))\s+((?i:{heads}))\b")


_ON_TOPIC = re.compile(r"\s+(?:on|in|at|for)\s+(?:the\s+)?")
_AT_BODY = re.compile(r"([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?)\s+(?:at|in|to|for)\s+(?:the\s+)?")
_OF_TAIL = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)*)$")


def _org_mentions(sent: Sentence, toks: _Tokens, taken: _Taken, known: list[Mention]) -> list[Mention]:
    text, out = sent.text, []
    keywords = _org_keywords()
    table = gazetteer.lookup()
    for m in _multilateral().finditer(text) if "-" in text else ():
        members = tuple(table[normalise(p)].key for p in m.group(1).split("-")
                        if table.get(normalise(p)) and table[normalise(p)].kind == "State")
        if len(members) >= 2 and m.group(3).lower() != "summit":
            name = m.group(0)
            taken.take(m.start(), m.end())
            out.append(Mention("Organisation", normalise(name), name, name, sent.index, m.start(), m.end(),
                               {"org_type": f"{m.group(2).lower()} {m.group(3).lower()}"}, members=members,
                               alias=f"{m.group(2).lower()} {m.group(3).lower()}"))
    tw = toks.words
    for s, e, run in _chunks(text, toks):
        run = _strip_leading(tw, run)
        if not run:
            continue
        s, e = toks.start(run[0]), toks.end(run[-1])
        words = [tw[t] for t in run]
        if words[-1] in _PLACE_HEADS and len(words) > 1 and taken.free(s, e):
            name = text[s:e]  # "Kartarpur Corridor", "Gwadar Port": named infrastructure
            taken.take(s, e)
            out.append(Mention("Place", f"place:{normalise(name)}", name, name, sent.index, s, e,
                               {"place_type": words[-1].lower()}))
            continue
        if not any(w in keywords or w.rstrip("s") in keywords for w in words[1:] + words[:1]):
            continue
        known_org = [m for m in known if m.kind == "Organisation" and m.start == s]
        if known_org and _ON_TOPIC.fullmatch(text, known_org[0].end, _next_start(toks, run, known_org[0].end)) \
                and normalise(text[_next_start(toks, run, known_org[0].end):e]) in table:
            continue  # "the UN Security Council on Kashmir" is the Council
        # "Pakistan at the Financial Action Task Force": a known place or state, a connector, then a body
        lead = _AT_BODY.match(text[s:e])
        if lead and normalise(lead.group(1)) in table and table[normalise(lead.group(1))].kind in ("State", "Place"):
            cut = s + lead.end()
            run = [t for t in run if toks.start(t) >= cut]
            if not run or not any(tw[t] in keywords for t in run):
                continue
            s = toks.start(run[0])
        # the name must end on a capitalised word and not be a person's title
        name = text[s:e]
        if not taken.free(s, e) and not any(m.start <= s and e <= m.end for m in known):
            # a gazetteer hit inside (a state in "of Azerbaijan") is fine; a bigger claim is not
            inner = [m for m in known if s <= m.start and m.end <= e]
            if not inner:
                continue
        if normalise(name) in table:
            continue  # the gazetteer already named it (the Soviet Union is a state, not a union)
        if any(m.start <= s and e <= m.end and m.kind == "Organisation" for m in known + out):
            continue
        part_of, members = None, ()
        tail = _OF_TAIL.search(name)
        if tail:
            entry = table.get(normalise(tail.group(1)))
            if entry and entry.kind in ("State", "Organisation"):
                part_of = entry.key if entry.kind == "State" else f"org:{entry.key}"
        head = name.split()[0]
        prefix = table.get(normalise(head))
        if prefix and prefix.kind == "Organisation" and head.isupper():
            part_of = part_of or f"org:{prefix.key}"
        if "-" in head:
            members = tuple(table[normalise(p)].key for p in head.split("-")
                            if table.get(normalise(p)) and table[normalise(p)].kind == "State")
        alias = None
        if tail and part_of and not part_of.startswith("org:"):
            alias = name[: tail.start()]
        for m in list(known):
            if s <= m.start and m.end <= e and m.kind == "Place":
                known.remove(m)  # "Islamabad" inside "Institute of ... Islamabad" is part of a name
        taken.take(s, e)
        out.append(Mention("Organisation", normalise(name), name, name, sent.index, s, e,
                           {}, part_of=part_of, members=members, alias=alias))
    return out


_ABBR = re.compile(r"((?:[A-Z][\w\-]*|of|and|for|on|the|de|&)(?:\s+(?:[A-Z][\w\-]*|of|and|for|on|the|de|&))*)\s+\(([A-Z][A-Za-z&]{1,9})\)")


def abbreviations(sent: Sentence) -> list[tuple[str, str, int, int]]:
    """``Full Name (ABBR)`` definitions: (full name, abbreviation, start, end)."""
    out = []
    for m in _ABBR.finditer(sent.text) if "(" in sent.text else ():
        words, abbr = m.group(1).split(), m.group(2)
        # take as many trailing words as the abbreviation needs
        initials = [w for w in words if w[:1].isupper()]
        need = len([c for c in abbr if c.isupper()])
        take, caps = len(words), 0
        for k in range(len(words) - 1, -1, -1):
            if words[k][:1].isupper():
                caps += 1 + words[k].count("-")
            if caps >= need:
                take = k
                break
        full = " ".join(words[take:])
        while full and full.split()[0] in ("The", "the", "of", "and"):
            full = full.split(" ", 1)[1] if " " in full else ""
        if full and len(initials) >= 2:
            start = m.start(1) + m.group(1).rfind(full)
            out.append((full, abbr, start, m.end()))
    return out


_TITLES = sorted(gazetteer.words("titles"), key=len, reverse=True)
_HONORIFICS = sorted(gazetteer.words("honorifics"), key=len, reverse=True)
_NAME_WORD = r"(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ]+)?|bin|ibn|al-[A-Z][a-z]+|ul|ud|de|van|von)"
# Starts at the title, without the \b before it (checked by _at_boundary): a pattern that
# starts with an alternation of words lets the engine skip to the positions where one can
# start, which a leading \b or optional group prevents (ten times slower).
_PERSON = re.compile(
    r"(?P<title>" + "|".join(re.escape(t) for t in _TITLES) + r")"
    r"(?:\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w\-]+(?:\s+(?:of\s+|and\s+|the\s+)?[A-Z][\w\-]+){0,5}))?"
    r"(?P<sep>,?\s+)"
    r"(?P<hon>(?:(?:" + "|".join(re.escape(h) for h in _HONORIFICS) + r")\s+)*)"
    r"(?P<name>[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ]+)?(?:\s+" + _NAME_WORD + r"){0,4})"
    r"(?:\s+of\s+(?:the\s+)?(?P<of_after>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2}))?"
)
_THEN = re.compile(r"\b(?:the\s+)?(?P<word>then|former|late|current|incumbent|sitting|newly[- ]elected)\s+\Z")
_HEAD_TITLES = set(gazetteer.words("head_titles"))


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _at_boundary(text: str, i: int) -> bool:
    r"""``\b`` at offset ``i`` of ``text``, as the re module defines it."""
    return (i > 0 and _is_word_char(text[i - 1])) != (i < len(text) and _is_word_char(text[i]))


def _title_matches(text: str) -> Iterator[tuple[re.Match, bool]]:
    r"""Matches of _PERSON at word boundaries, left to right and without overlaps (as
    ``finditer`` of the pattern with a leading ``\b`` would give them), each with whether
    "the then" stands before the title ("the then President ...": in office at that date)."""
    pos = last = 0
    while True:
        m = _PERSON.search(text, pos)
        if m is None:
            return
        if not _at_boundary(text, m.start()):
            pos = m.start() + 1
            continue
        then = _THEN.search(text, last, m.start())
        yield m, bool(then) and then.group("word") == "then"
        pos = last = m.end()
_COMMON_WORDS = {"And", "The", "Of", "In", "On", "At", "For", "With", "During", "After", "Before", "Visit", "Office",
                 "Minister", "President", "Prime", "Foreign", "Secretary", "General", "Chairman", "Chief", "Also"}
_DEMONYM_TITLE = re.compile(r"\b(?P<dem>[A-Z][a-z]+)(?:['’]s)?\s+(?P<title>President|Prime Minister|Foreign Minister|King|Emir)\b")


def person_key(name: str) -> str:
    return normalise(strip_honorifics(name))


_HONORIFIC_PREFIXES = tuple(h + " " for h in _HONORIFICS)


def strip_honorifics(name: str) -> str:
    while name.startswith(_HONORIFIC_PREFIXES):
        for h in _HONORIFIC_PREFIXES:
            if name.startswith(h):
                name = name[len(h):]
    return name.strip()


# the first words of the titles; an alternation of words is a fast test (see _PERSON)
_TITLE_WORD = re.compile("|".join(sorted({re.escape(t.split()[0]) for t in _TITLES})))
_WORD_BEFORE = re.compile(r"([A-Z][a-z]+)(?:['’]s)?\s+$")


@lru_cache(maxsize=1)
def _keyword_after() -> re.Pattern:
    return re.compile(r"\s+(?:" + "|".join(sorted(_org_keywords())) + r")\b")


def _person_mentions(sent: Sentence, taken: _Taken, known: list[Mention]) -> list[Mention]:
    text, out, table = sent.text, [], gazetteer.lookup()
    keywords = _org_keywords()
    if not _TITLE_WORD.search(text):
        return out  # every match of _PERSON holds a title
    for m, then in _title_matches(text):
        name = m.group("name")
        words = name.split()
        # a name stops before a word the gazetteer knows or an organisation keyword
        for k, w in enumerate(words):
            if k and (normalise(w) in table or w in keywords):
                words = words[:k]
                break
        if not words or any(w in keywords for w in words) or normalise(" ".join(words)) in table:
            continue
        if len(words) == 1 and (m.group("title") not in _HEAD_TITLES or words[0] in _COMMON_WORDS
                                or _keyword_after().match(text, m.start("name") + len(words[0]))):
            continue  # a lone surname only after a head's title ("President Mirziyoyev")
        name = " ".join(words)
        s = m.start("hon") if m.group("hon") else m.start("name")
        e = m.start("name") + len(name)
        if not taken.free(m.start("name"), e):
            continue
        role_of = None
        of = m.group("of") or (m.group("of_after") if words == m.group("name").split() else None)
        if of:
            entry = table.get(normalise(of))
            if entry is None:  # "Prime Minister of Pakistan Shehbaz ..." never swallows: try the first words
                entry = table.get(normalise(of.split()[0]))
            if entry and entry.kind in ("State", "Organisation"):
                role_of = entry.key if entry.kind == "State" else f"org:{entry.key}"
        if role_of is None:  # "Pakistani President X", "Azerbaijan's President X"
            before = text[max(0, m.start("title") - 30):m.start("title")]
            dm = _WORD_BEFORE.search(before)
            if dm and table.get(normalise(dm.group(1))) and table[normalise(dm.group(1))].kind == "State":
                role_of = table[normalise(dm.group(1))].key
        taken.take(s, e)
        surface = text[s:e]
        out.append(Mention("Person", person_key(name), strip_honorifics(name), surface, sent.index, s, e,
                           {"title": m.group("title")}, role=m.group("title"), role_of=role_of,
                           then=then,
                           alias=name if surface != name else None))
    return out


# Each pattern runs only on sentences holding the words it needs: a substring test is a
# small fraction of the cost of a regular-expression scan.
_PLACE_OF_WORDS = ("town", "city", "village", "district", "province", "region", "port", "capital")
_PLACE_OF = re.compile(r"\b(?:town|city|village|district|province|region|port|capital)\s+of\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)")
_FACILITY_WORDS = ("field", "pipeline", "port", "dam", "mine", "corridor", "refinery")
_FACILITY = re.compile(r"\b(?:gas|oil)\s+field|\bpipeline|\bport|\bdam|\bmine|\bcorridor|\brefinery")
_QUOTED_AFTER = re.compile(r"\s*[\"“‘']([A-Z][^\"”’']{1,60})[\"”’']")
_VENUE_WORDS = ("held", "hosted", "took", "convened", "signed", "met", "summit", "meeting", "conference", "talks",
                "attack", "airstrike", "strike", "bombing", "shelling")
_VENUE = re.compile(r"\b(?:(?:held|hosted|took\s+place|convened|signed|met|summit|meeting|conference|talks)\s+in"
                    r"|(?:attacks?|airstrikes?|strikes?|bombing|shelling)\s+on)\s+(?:the\s+)?([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)")
_YEARISH = re.compile(r"\s*(?:,\s*)?(?:19|20)\d\d")
_QUOTES = ("‘", "'", "“", '"')
_LANDMARK = re.compile(r"[‘'“\"]([A-Z][^‘'“\"’”]{2,60})[’'”\"]\s+in\s+([A-Z][\w\-]+)")


def _place_mentions(sent: Sentence, taken: _Taken, known: list[Mention]) -> list[Mention]:
    text, out, table = sent.text, [], gazetteer.lookup()
    quoted = any(q in text for q in _QUOTES)
    # "the town of Khojaly", "the city of X", "X region of Y"
    for m in _PLACE_OF.finditer(text) if any(w in text for w in _PLACE_OF_WORDS) else ():
        s, e = m.span(1)
        if taken.free(s, e) and normalise(m.group(1)) not in table:
            taken.take(s, e)
            out.append(Mention("Place", f"place:{normalise(m.group(1))}", m.group(1), m.group(1), sent.index, s, e,
                               {"place_type": m.group(0).split()[0].lower()}))
    for m in _FACILITY.finditer(text) if quoted and any(w in text for w in _FACILITY_WORDS) else ():
        q = _QUOTED_AFTER.match(text, m.end())
        if q:
            s, e = q.span(1)
            if taken.free(s, e):
                taken.take(s, e)
                out.append(Mention("Place", f"place:{normalise(q.group(1))}", q.group(1), q.group(1), sent.index,
                                   s, e, {"place_type": m.group(0).strip().lower()}))
    # "held in Cholpon-Ata": a venue the gazetteer may not know
    for m in _VENUE.finditer(text) if any(w in text for w in _VENUE_WORDS) else ():
        s, e = m.span(1)
        if normalise(m.group(1)) not in table and taken.free(s, e) and not _YEARISH.match(m.group(1)) \
                and m.group(1).split()[0] not in _MONTH_WORDS:
            taken.take(s, e)
            out.append(Mention("Place", f"place:{normalise(m.group(1))}", m.group(1), m.group(1), sent.index, s, e,
                               {"place_type": "venue"}))
    # a quoted landmark located in a known place: "the 14th century 'Multan Caravanserai' in Baku"
    for m in _LANDMARK.finditer(text) if quoted else ():
        s, e = m.span(1)
        entry = table.get(normalise(m.group(2)))
        if entry and entry.kind == "Place" and not _event_word(m.group(1)):
            for k in list(known):
                if s <= k.start and k.end <= e:
                    known.remove(k)
            taken.take(s, e)
            out.append(Mention("Place", f"place:{normalise(m.group(1))}", m.group(1), m.group(1), sent.index, s, e,
                               {"place_type": "landmark"}, part_of=entry.key))
    return out


_MONTH_WORDS = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December", "Early", "Late", "Mid"}
_THE_GAP = re.compile(r"\s*(?:the\s+)?")


def _qualify_generic_orgs(sent: Sentence, orgs: list[Mention], known: list[Mention]) -> None:
    """"Pakistan's Ministry of Foreign Affairs" and Uzbekistan's are two bodies: a body named
    without its state, right after a state's possessive or demonym, belongs to that state."""
    for m in orgs:
        if m.part_of:
            continue
        before = [k for k in known if k.kind == "State" and 0 <= m.start - k.end <= 5
                  and _THE_GAP.fullmatch(sent.text[k.end:m.start])]
        if before and (before[-1].demonym or before[-1].text.endswith(("'s", "’s"))):
            state = before[-1]
            m.part_of = state.key
            m.alias = m.alias or m.name
            m.name = f"{m.name} of {state.name}"
            m.key = normalise(m.name)


def _event_word(name: str) -> bool:
    from briefgraph.loaders.events import classify_name

    return classify_name(name) is not None


def find_mentions(sent: Sentence) -> list[Mention]:
    """Every entity mention in one sentence, longest and most trusted first, no overlaps."""
    taken = _Taken()
    toks = _Tokens(sent.text)
    places = _place_mentions(sent, taken, [])
    people = _person_mentions(sent, taken, [])  # a name after a title beats a city called Vladimir
    known = _gazetteer_mentions(sent, toks, taken)
    orgs = _org_mentions(sent, toks, taken, known)
    _qualify_generic_orgs(sent, orgs, known)
    mentions = places + known + orgs + people
    mentions.sort(key=lambda m: m.start)
    return mentions


_AFFILIATION_PART = re.compile(r"[^()]+?\([A-Z][A-Za-z&]{1,9}\)")
_NAME_WITH_ABBR = re.compile(r"(.+?)\s*\(([A-Z][A-Za-z&]{1,9})\)$")


def header_mentions(doc: Document) -> list[Mention]:
    """Author, editor and the author's affiliation, from the brief's header."""
    out = []
    table = gazetteer.lookup()
    for role in ("author", "editor"):
        name = getattr(doc, role)
        if name:
            clean = strip_honorifics(name)
            for prefix in sorted(gazetteer.words("person_prefixes"), key=len, reverse=True):
                if clean.startswith(prefix + " "):
                    clean = clean[len(prefix) + 1:].strip()
            out.append(Mention("Person", person_key(clean), clean, name, -1, 0, 0, {"role": role},
                               role=role, alias=name if name != clean else None))
    if doc.affiliation:
        # "Centre for Afghanistan, Middle East and Africa (CAMEA), ISSI": a name may hold commas,
        # so a "(ABBR)" closes a part; plain commas separate the rest
        parts, rest = [], doc.affiliation
        for m in _AFFILIATION_PART.finditer(doc.affiliation):
            part = m.group(0).strip(" ,")
            lead, _, tail = part.rpartition(", ")
            if lead and not any(w in _org_keywords() for w in lead.split()):
                part = tail  # "Research Associate, India Study Centre (ISC)": the role comes first
            parts.append(part)
            rest = rest.replace(m.group(0), ",", 1)
        parts += [p.strip() for p in rest.split(",") if p.strip()]
        orgs = []
        for p in parts:
            m = _NAME_WITH_ABBR.match(p)
            name, abbr = (m.group(1), m.group(2)) if m else (p, None)
            entry = table.get(normalise(name)) or (table.get(normalise(abbr)) if abbr else None)
            if entry and entry.kind == "Organisation":
                orgs.append(Mention("Organisation", entry.key, entry.name, p, -1, 0, 0, dict(entry.props)))
            elif any(w in _org_keywords() for w in name.split()) or (abbr is None and p.isupper()):
                orgs.append(Mention("Organisation", normalise(name), name, p, -1, 0, 0,
                                    {"abbreviation": abbr} if abbr else {}, alias=abbr))
        for inner, outer in zip(orgs, orgs[1:]):
            inner.part_of = f"org:{outer.key}"
        out.extend(orgs)
    if doc.publisher:
        entry = table.get(normalise(doc.publisher))
        if entry and entry.kind == "Organisation":
            out.append(Mention("Organisation", entry.key, entry.name, doc.publisher, -1, 0, 0, dict(entry.props)))
    return out
