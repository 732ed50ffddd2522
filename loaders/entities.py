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

from briefgraph.graph.ids import normalise
from briefgraph.loaders import gazetteer
from briefgraph.loaders.document import Document, Sentence

_TOKEN = re.compile(r"[^\W_]+(?:[-‐][^\W_]+)*")
_POSSESSIVE = ("'s", "’s", "'", "’")
_CONNECTORS = {"of", "and", "on", "for", "at", "the", "de", "du", "&", "in"}
MAX_SPAN = 8


@dataclass
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


def _org_keywords() -> set[str]:
    return set(gazetteer.words("org_keywords"))


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
        return all(e <= a or s >= b for a, b in self.spans)

    def take(self, s: int, e: int) -> None:
        self.spans.append((s, e))


def _gazetteer_mentions(sent: Sentence, taken: _Taken) -> list[Mention]:
    text, table, out = sent.text, gazetteer.lookup(), []
    starts = gazetteer.first_words()
    toks = list(_TOKEN.finditer(text))
    words = [t.group() for t in toks]
    i = 0
    while i < len(toks):
        t = toks[i]
        if not _is_cap(words[i]):
            i += 1
            continue
        hit = None
        longest = starts.get(normalise(words[i]).split(" ", 1)[0], 0)
        for j in range(min(len(toks), i + longest, i + MAX_SPAN) - 1, i - 1, -1):
            if not _is_cap(words[j]):
                continue
            s, e = t.start(), toks[j].end()
            raw = text[s:e]
            entry = table.get(normalise(raw))
            if entry is None:
                continue
            if entry.kind == "Organisation" and j == i and raw.isupper() is False and len(raw) <= 5:
                continue  # short abbreviations only count in capitals (AU, AP, WHO)
            if j == i and raw.isupper() and len(raw) <= 3 and entry.kind != "Organisation" and raw not in ("UK", "US", "USA", "UAE", "DRC", "PRC", "KSA"):
                continue
            hit = (j, s, e, entry)
            break
        if hit and taken.free(hit[1], hit[2]):
            j, s, e, entry = hit
            end, surface = _surface(text, s, e)
            taken.take(s, end)
            out.append(Mention(entry.kind, entry.key, entry.name, surface, sent.index, s, end,
                               dict(entry.props), demonym=entry.demonym))
            i = j + 1
            continue
        # hyphen compounds of states: "Azerbaijan-Pakistan", "Pakistan-Turkiye-Azerbaijan"
        if "-" in t.group():
            parts, pos = t.group().split("-"), t.start()
            for part in parts:
                entry = table.get(normalise(part))
                if entry and entry.kind == "State" and taken.free(pos, pos + len(part)):
                    out.append(Mention("State", entry.key, entry.name, part, sent.index, pos, pos + len(part),
                                       dict(entry.props)))
                pos += len(part) + 1
        i += 1
    return out


def _chunks(text: str) -> list[tuple[int, int, list[re.Match]]]:
    """Maximal runs of capitalised tokens joined by connectors (of, and, on, for, at ...)."""
    toks = list(_TOKEN.finditer(text))
    starts = set(gazetteer.words("org_start_words"))
    out, i = [], 0
    while i < len(toks):
        if not _is_cap(toks[i].group()):
            i += 1
            continue
        run = [toks[i]]
        j = i + 1
        while j < len(toks):
            gap = text[run[-1].end():toks[j].start()]
            if gap.strip() not in ("", "&") or "\n" in gap:
                break
            tok = toks[j].group()
            if _is_cap(tok):
                run.append(toks[j])
                j += 1
                continue
            # connectors must lead to another capitalised token
            k = j
            while k < len(toks) and toks[k].group() in _CONNECTORS and text[toks[k - 1].end():toks[k].start()].strip() == "":
                k += 1
            if k > j and k < len(toks) and _is_cap(toks[k].group()) and text[toks[k - 1].end():toks[k].start()].strip() == "":
                words = [t.group() for t in toks[j:k]]
                if text.startswith(("'s", "’s"), toks[k].end()) and "and" in words:
                    break  # "... of Planning and China's Commission": a new noun phrase
                if "and" in words and (toks[k].group() in starts or words[-1] == "the"):
                    break  # "... of Azerbaijan and the Ministry of ...": two bodies
                run.extend(toks[j:k + 1])
                j = k + 1
                continue
            break
        out.append((run[0].start(), run[-1].end(), run))
        i = j
    return out


_LEADING_WORDS = {"The", "A", "An", "In", "As", "By", "During", "Both", "Additionally", "Moreover", "Similarly",
                  "However", "Currently", "Consequently", "At", "On", "For", "With", "From", "Under", "Among",
                  "Following", "After", "Before", "Since", "Through", "Between", "While", "When", "Although",
                  "Despite", "Meanwhile", "Furthermore", "Thus", "Hence", "Today", "Recently", "Later", "Earlier"}
_AGREEMENT_HEADS = {"Resolution", "Resolutions", "Agreement", "Agreements", "Treaty", "Protocol", "Declaration",
                    "Accord", "Convention", "Charter", "MOU", "MoU", "Memorandum"}
_PLACE_HEADS = {"Corridor", "Port", "Dam", "Pipeline", "Airport", "Highway", "Motorway", "Railway", "Canal",
                "Strait", "Pass", "Valley", "Glacier", "Gasfield", "Oilfield", "Bridge", "Tunnel"}


def _strip_leading(text: str, s: int, run: list[re.Match]) -> tuple[int, list[re.Match]]:
    while run and (run[0].group() in _LEADING_WORDS or run[0].group() in _CONNECTORS):
        run = run[1:]
    # a body's name stops before an agreement it adopted: "Security Council Resolution 47"
    for k, tok in enumerate(run):
        if k and tok.group() in _AGREEMENT_HEADS:
            run = run[:k]
            while run and run[-1].group().lower() in _CONNECTORS:
                run = run[:-1]
            break
    return (run[0].start() if run else s), run


def _next_start(run: list[re.Match], pos: int) -> int:
    """Start of the first capitalised token of ``run`` after ``pos``."""
    return next((t.start() for t in run if t.start() > pos and _is_cap(t.group())), pos)


def _org_mentions(sent: Sentence, taken: _Taken, known: list[Mention]) -> list[Mention]:
    text, out = sent.text, []
    keywords = _org_keywords()
    table = gazetteer.lookup()
    # "Pakistan-Turkiye-Azerbaijan trilateral mechanism"
    multi = "|".join(gazetteer.words("multilateral_words"))
    heads = "|".join(gazetteer.words("multilateral_heads"))
    # case-insensitive only where it must be: re.I on the names would make [A-Z] match every word
    for m in re.finditer(rf"\b((?:[A-Z][\w]+-)+[A-Z][\w]+)\s+((?i:{multi}))\s+((?i:{heads}))\b", text):
        members = tuple(table[normalise(p)].key for p in m.group(1).split("-")
                        if table.get(normalise(p)) and table[normalise(p)].kind == "State")
        if len(members) >= 2 and m.group(3).lower() != "summit":
            name = m.group(0)
            taken.take(m.start(), m.end())
            out.append(Mention("Organisation", normalise(name), name, name, sent.index, m.start(), m.end(),
                               {"org_type": f"{m.group(2).lower()} {m.group(3).lower()}"}, members=members,
                               alias=f"{m.group(2).lower()} {m.group(3).lower()}"))
    for s, e, run in _chunks(text):
        s, run = _strip_leading(text, s, run)
        if not run:
            continue
        words = [t.group() for t in run]
        if words[-1] in _PLACE_HEADS and len(words) > 1 and taken.free(s, run[-1].end()):
            name = text[s:run[-1].end()]  # "Kartarpur Corridor", "Gwadar Port": named infrastructure
            taken.take(s, run[-1].end())
            out.append(Mention("Place", f"place:{normalise(name)}", name, name, sent.index, s, run[-1].end(),
                               {"place_type": words[-1].lower()}))
            continue
        if not any(w in keywords or w.rstrip("s") in keywords for w in words[1:] + words[:1]):
            continue
        known_org = [m for m in known if m.kind == "Organisation" and m.start == s]
        if known_org and re.fullmatch(r"\s+(?:on|in|at|for)\s+(?:the\s+)?", text[known_org[0].end:_next_start(run, known_org[0].end)]) \
                and normalise(text[_next_start(run, known_org[0].end):run[-1].end()]) in table:
            continue  # "the UN Security Council on Kashmir" is the Council
        # "Pakistan at the Financial Action Task Force": a known place or state, a connector, then a body
        lead = re.match(r"([A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?)\s+(?:at|in|to|for)\s+(?:the\s+)?", text[s:run[-1].end()])
        if lead and normalise(lead.group(1)) in table and table[normalise(lead.group(1))].kind in ("State", "Place"):
            cut = s + lead.end()
            run = [t for t in run if t.start() >= cut]
            if not run or not any(t.group() in keywords for t in run):
                continue
            s = run[0].start()
        # the name must end on a capitalised word and not be a person's title
        e = run[-1].end()
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
        tail = re.search(r"\s+of\s+(?:the\s+)?([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)*)$", name)
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
    for m in _ABBR.finditer(sent.text):
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
_PERSON = re.compile(
    r"(?P<then>\b(?:the\s+)?(?:then|former|late|current|incumbent|sitting|newly[- ]elected)\s+)?"
    r"\b(?P<title>" + "|".join(re.escape(t) for t in _TITLES) + r")"
    r"(?:\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w\-]+(?:\s+(?:of\s+|and\s+|the\s+)?[A-Z][\w\-]+){0,5}))?"
    r"(?P<sep>,?\s+)"
    r"(?P<hon>(?:(?:" + "|".join(re.escape(h) for h in _HONORIFICS) + r")\s+)*)"
    r"(?P<name>[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ]+)?(?:\s+" + _NAME_WORD + r"){0,4})"
    r"(?:\s+of\s+(?:the\s+)?(?P<of_after>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,2}))?"
)
_HEAD_TITLES = set(gazetteer.words("head_titles"))
_COMMON_WORDS = {"And", "The", "Of", "In", "On", "At", "For", "With", "During", "After", "Before", "Visit", "Office",
                 "Minister", "President", "Prime", "Foreign", "Secretary", "General", "Chairman", "Chief", "Also"}
_DEMONYM_TITLE = re.compile(r"\b(?P<dem>[A-Z][a-z]+)(?:['’]s)?\s+(?P<title>President|Prime Minister|Foreign Minister|King|Emir)\b")


def person_key(name: str) -> str:
    return normalise(strip_honorifics(name))


def strip_honorifics(name: str) -> str:
    changed = True
    while changed:
        changed = False
        for h in _HONORIFICS:
            if name.startswith(h + " "):
                name, changed = name[len(h) + 1:], True
    return name.strip()


def _person_mentions(sent: Sentence, taken: _Taken, known: list[Mention]) -> list[Mention]:
    text, out, table = sent.text, [], gazetteer.lookup()
    keywords = _org_keywords()
    for m in _PERSON.finditer(text):
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
                                or re.match(r"\s+(?:" + "|".join(keywords) + r")\b", text[m.start("name") + len(words[0]):])):
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
            dm = re.search(r"([A-Z][a-z]+)(?:['’]s)?\s+$", before)
            if dm and table.get(normalise(dm.group(1))) and table[normalise(dm.group(1))].kind == "State":
                role_of = table[normalise(dm.group(1))].key
        taken.take(s, e)
        surface = text[s:e]
        out.append(Mention("Person", person_key(name), strip_honorifics(name), surface, sent.index, s, e,
                           {"title": m.group("title")}, role=m.group("title"), role_of=role_of,
                           then=bool(m.group("then") and "then" in m.group("then")),
                           alias=name if surface != name else None))
    return out


def _place_mentions(sent: Sentence, taken: _Taken, known: list[Mention]) -> list[Mention]:
    text, out, table = sent.text, [], gazetteer.lookup()
    # "the town of Khojaly", "the city of X", "X region of Y"
    for m in re.finditer(r"\b(?:town|city|village|district|province|region|port|capital)\s+of\s+([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)", text):
        s, e = m.span(1)
        if taken.free(s, e) and normalise(m.group(1)) not in table:
            taken.take(s, e)
            out.append(Mention("Place", f"place:{normalise(m.group(1))}", m.group(1), m.group(1), sent.index, s, e,
                               {"place_type": m.group(0).split()[0].lower()}))
    for m in re.finditer(r"\b(?:gas|oil)\s+field|\bpipeline|\bport|\bdam|\bmine|\bcorridor|\brefinery", text):
        q = re.match(r"\s*[\"“‘']([A-Z][^\"”’']{1,60})[\"”’']", text[m.end():])
        if q:
            s, e = m.end() + q.start(1), m.end() + q.end(1)
            if taken.free(s, e):
                taken.take(s, e)
                out.append(Mention("Place", f"place:{normalise(q.group(1))}", q.group(1), q.group(1), sent.index,
                                   s, e, {"place_type": m.group(0).strip().lower()}))
    # "held in Cholpon-Ata": a venue the gazetteer may not know
    for m in re.finditer(r"\b(?:(?:held|hosted|took\s+place|convened|signed|met|summit|meeting|conference|talks)\s+in"
                         r"|(?:attacks?|airstrikes?|strikes?|bombing|shelling)\s+on)\s+(?:the\s+)?([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)", text):
        s, e = m.span(1)
        if normalise(m.group(1)) not in table and taken.free(s, e) and not re.match(r"\s*(?:,\s*)?(?:19|20)\d\d", m.group(1)) \
                and m.group(1).split()[0] not in _MONTH_WORDS:
            taken.take(s, e)
            out.append(Mention("Place", f"place:{normalise(m.group(1))}", m.group(1), m.group(1), sent.index, s, e,
                               {"place_type": "venue"}))
    # a quoted landmark located in a known place: "the 14th century 'Multan Caravanserai' in Baku"
    for m in re.finditer(r"[‘'“\"]([A-Z][^‘'“\"’”]{2,60})[’'”\"]\s+in\s+([A-Z][\w\-]+)", text):
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


def _qualify_generic_orgs(sent: Sentence, orgs: list[Mention], known: list[Mention]) -> None:
    """"Pakistan's Ministry of Foreign Affairs" and Uzbekistan's are two bodies: a body named
    without its state, right after a state's possessive or demonym, belongs to that state."""
    for m in orgs:
        if m.part_of:
            continue
        before = [k for k in known if k.kind == "State" and 0 <= m.start - k.end <= 5
                  and re.fullmatch(r"\s*(?:the\s+)?", sent.text[k.end:m.start])]
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
    places = _place_mentions(sent, taken, [])
    people = _person_mentions(sent, taken, [])  # a name after a title beats a city called Vladimir
    known = _gazetteer_mentions(sent, taken)
    orgs = _org_mentions(sent, taken, known)
    _qualify_generic_orgs(sent, orgs, known)
    mentions = places + known + orgs + people
    mentions.sort(key=lambda m: m.start)
    return mentions


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
        for m in re.finditer(r"[^()]+?\([A-Z][A-Za-z&]{1,9}\)", doc.affiliation):
            part = m.group(0).strip(" ,")
            lead, _, tail = part.rpartition(", ")
            if lead and not any(w in _org_keywords() for w in lead.split()):
                part = tail  # "Research Associate, India Study Centre (ISC)": the role comes first
            parts.append(part)
            rest = rest.replace(m.group(0), ",", 1)
        parts += [p.strip() for p in rest.split(",") if p.strip()]
        orgs = []
        for p in parts:
            m = re.match(r"(.+?)\s*\(([A-Z][A-Za-z&]{1,9})\)$", p)
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
