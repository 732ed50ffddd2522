"""``find_mentions(doc) -> list[Mention]``: states, people, organisations and places named in a
brief, each with its sentence, offsets and the rule that found it.

The passes run in order of trust, each claiming the spans it names so a later, weaker pass
cannot take them:

1. people (``people.find_people``): a name with a title, an apposition, a verb of speech or
   travel, a known head of state or government, and later mentions of the same person;
2. ``Full Name (ABBR)`` definitions, and later uses of the abbreviation;
3. the gazetteer (``gazetteer.lookup``): states and their demonyms, regions, cities, known bodies;
4. patterns of the genre for organisations (a capitalised name headed by Council, Ministry,
   Alliance ...) and places (the capital of X, X in <state>, named infrastructure, landmarks).

Nothing here is written for one brief: every rule has a test sentence of its own
(tests/test_mentions.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from briefgraph.graph.ids import normalise
from briefgraph.loaders import gazetteer
from briefgraph.loaders.document import Document, Sentence
from briefgraph.loaders.tokens import Token, is_possessive, tokens_of

ACTOR_KINDS = ("State", "Person", "Organisation")
MAX_SPAN = 8
CONNECTORS = {"of", "and", "for", "on", "the", "de", "&", "in", "du", "des", "la"}

# How sure each rule is that it named a real entity of its kind (see README, "Confidence").
CONFIDENCE = {
    "gazetteer": 0.95, "header": 0.95, "leader": 0.9, "title": 0.9, "apposition": 0.85,
    "alias": 0.85, "abbreviation": 0.9, "abbreviation-use": 0.85, "coreference": 0.8,
    "org-name": 0.75, "multilateral": 0.8, "capital": 0.85, "place-in-state": 0.7,
    "place-comma-state": 0.7, "infrastructure": 0.7, "landmark": 0.7, "place-of": 0.75,
    "subject": 0.6, "org-alias": 0.7, "venue": 0.6,
}


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
    rule: str
    props: dict = field(default_factory=dict)
    demonym: bool = False
    title: str | None = None        # persons: the title of office given with the name
    head_of: str | None = None      # persons: key of the state (or body) whose top office they hold
    head_then: bool = False         # "the then President": in office at the sentence's date
    part_of: str | None = None      # key of the state or body this one belongs to
    located_in: str | None = None   # key of the place or state this place lies in
    members: tuple[str, ...] = ()   # keys of the states named in "A-B-C trilateral mechanism"
    joins: tuple[str, ...] = ()     # keys of the states a body's name joins ("Azerbaijan-Pakistan Joint ...")
    alias: str | None = None        # another name the sentence gives it (an abbreviation)

    @property
    def confidence(self) -> float:
        return CONFIDENCE.get(self.rule, 0.6)


class Spans:
    """The character spans of a sentence already claimed by a mention."""

    __slots__ = ("spans",)

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def free(self, s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in self.spans)

    def take(self, s: int, e: int) -> None:
        self.spans.append((s, e))


@lru_cache(maxsize=1)
def org_keywords() -> frozenset[str]:
    return frozenset(gazetteer.words("org_keywords"))


@lru_cache(maxsize=1)
def _event_heads() -> frozenset[str]:
    """Capitalised words that head the name of an event, not a body: Summit, War, Exercise."""
    return frozenset({"Summit", "Summits", "War", "Wars", "Massacre", "Exercise", "Exercises", "Games",
                      "Conference", "Olympics", "Crisis", "Revolution", "Uprising", "Operation"})


# Capitalised words that begin sentences or headings and are not names.
SENTENCE_WORDS = frozenset("""
The A An In On At As By For From With During After Before Since Through Between While When Although
Though Despite Meanwhile Furthermore Moreover However Additionally Also Thus Hence Today Recently Later
Earlier Currently Consequently Similarly Besides Both Such This That These Those It Its Their They He She
His Her We Our Us I You Upon Among Under Over Following According Yet But And Or Not No Nor So If Then
Once Instead Alternatively Naturally Significance Unlocking Full Held Later Last Next First Second Third
Finally Overall Indeed Still Even Only Some Many Most Several Each Every All One Two Three Four Five
Ten What Which Who Whom Whose Where Why How There Here Until Amid Amidst Against Without Within Beyond
Toward Towards Regarding Concerning Given Having Being Apart Besides Nevertheless Nonetheless Likewise
Accordingly Therefore Otherwise Subsequently Eventually Initially Ultimately Notably Importantly
""".split())
MONTHS = frozenset("January February March April May June July August September October November December".split())
WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())


def capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _cap(text: str) -> bool:
    return text[:1].isupper()


def _mention(entry: gazetteer.Entry, surface: str, sent: Sentence, s: int, e: int, rule: str) -> Mention:
    return Mention(entry.kind, entry.key, entry.name, surface, sent.index, s, e, rule, dict(entry.props),
                   demonym=entry.demonym)


def _with_possessive(text: str, e: int) -> int:
    for p in ("'s", "’s"):
        if text.startswith(p, e):
            return e + len(p)
    return e


# -- gazetteer ------------------------------------------------------------------------------------

@lru_cache(maxsize=65536)
def _longest_from(word: str) -> int:
    return gazetteer.first_words().get(normalise(word).split(" ", 1)[0], 0)


_COMPASS = {"South", "North", "East", "West", "Latin", "Central", "Southeast", "Northeast", "Southwest",
            "Northwest", "Eastern", "Western", "Southern", "Northern", "Sub-Saharan", "Pan"}


def entry_is_compass_adjective(toks: list[Token], i: int, entry: gazetteer.Entry) -> bool:
    return entry.demonym and i > 0 and toks[i - 1].text in _COMPASS


_ADJECTIVAL_NOUN = re.compile(r"^(?:countries|states|nations|governments|leaders|juntas|militaries|armies|"
                              r"troops|forces|economies|neighbours|neighbors|partners|members|alliance|bloc|"
                              r"region's|leaders’|countries’|states’)$")
_SHORT_STATES = {"UK", "US", "USA", "UAE", "DRC", "PRC", "KSA", "U.S.", "U.K.", "U.A.E."}


def gazetteer_mentions(sent: Sentence, toks: list[Token], taken: Spans) -> list[Mention]:
    """The longest gazetteer phrase at each capitalised token not yet claimed."""
    text, table, out = sent.text, gazetteer.lookup(), []
    n, i = len(toks), 0
    while i < n:
        t = toks[i]
        if not (capitalised(t) and t.text[:1].isalpha()) or t.text in ("The", "A", "An"):
            i += 1  # "The Alliance of ...": a phrase of the table never starts at an article
            continue
        longest = _longest_from(t.text)
        hit = None
        for j in range(min(n, i + max(longest, 1), i + MAX_SPAN) - 1, i - 1, -1):
            if not capitalised(toks[j]) and j != i:
                continue
            s, e = t.start, toks[j].end
            raw = text[s:e]
            entry = table.get(normalise(raw))
            if entry is None:
                continue
            if j == i and entry.kind == "Organisation" and not raw.isupper() and len(raw) <= 5:
                continue  # short abbreviations count only in capitals (AU, AP, WHO)
            if j == i and raw.isupper() and len(raw) <= 3 and entry.kind != "Organisation" \
                    and raw not in _SHORT_STATES:
                continue
            hit = (j, s, e, entry)
            break
        if hit and entry_is_compass_adjective(toks, i, hit[3]):
            hit = None  # "Latin American", "South American": a region's adjective, not a state's
        if hit and hit[3].key.startswith("region:") and hit[0] + 1 < n \
                and _ADJECTIVAL_NOUN.match(toks[hit[0] + 1].text):
            hit = None  # "the three Sahel governments": the region names a kind of thing here, not a place
        if hit and taken.free(hit[1], hit[2]):
            j, s, e, entry = hit  # (the organisation pass may still take it into a longer name)
            taken.take(s, e)
            out.append(_mention(entry, text[s:_with_possessive(text, e)], sent, s, e, "gazetteer"))
            i = j + 1
            continue
        # hyphen compounds of states: "Azerbaijan-Pakistan", "Pakistan-Turkiye-Azerbaijan"
        if "-" in t.text:
            pos = t.start
            for part in re.split(r"[-‐‑]", t.text):
                entry = table.get(normalise(part))
                if entry and entry.kind == "State" and taken.free(pos, pos + len(part)):
                    out.append(_mention(entry, part, sent, pos, pos + len(part), "gazetteer"))
                pos += len(part) + 1
        i += 1
    return out


# -- abbreviations ----------------------------------------------------------------------------------

_ABBR = re.compile(r"\(([A-Z][A-Za-z&\-]{1,11})\)")


def _initials_fit(abbr: str, words: list[str]) -> bool:
    """Whether ``abbr`` can stand for ``words``: its first letter is the first word's, and its
    letters appear in order in the words (ECOWAS, Celac, UNSC, CSTO)."""
    caps = [w for w in words if w[:1].isupper()]
    if len(caps) < 2 or abbr[0].lower() != caps[0][0].lower():
        return False
    letters = "".join(caps).lower()
    k = 0
    for c in abbr.lower():
        if not c.isalpha():
            continue
        k = letters.find(c, k)
        if k < 0:
            return False
        k += 1
    initials = "".join(w[0] for w in caps).lower()
    return sum(1 for c in abbr.lower() if c in initials) >= min(2, len(caps))


def abbreviation_mentions(sent: Sentence, toks: list[Token], taken: Spans) -> list[Mention]:
    """``Full Name (ABBR)``: the full name is an organisation (or whatever the gazetteer says it
    is) and ABBR one of its names."""
    text, out, table = sent.text, [], gazetteer.lookup()
    if "(" not in text:
        return out
    for m in _ABBR.finditer(text):
        abbr = m.group(1)
        # the tokens before "(": a possessive may stand between ("Organization's (CSTO)")
        k = next((i for i, t in enumerate(toks) if t.start == m.start()), None)
        if k is None or k == 0:
            continue
        j = k - 1
        if is_possessive(toks[j]):
            j -= 1
        words: list[Token] = []
        while j >= 0 and (capitalised(toks[j]) or toks[j].text in CONNECTORS) and len(words) < 10:
            words.insert(0, toks[j])
            j -= 1
        while words and (words[0].text in CONNECTORS or words[0].text in SENTENCE_WORDS):
            words.pop(0)
        # take the shortest tail of the capitalised run that the abbreviation fits
        best = None
        for a in range(len(words) - 1, -1, -1):
            if words[a].text in CONNECTORS:
                continue
            if _initials_fit(abbr, [w.text for w in words[a:]]):
                best = a
                upper = sum(1 for c in abbr if c.isupper())
                if len([w for w in words[a:] if capitalised(w)]) >= upper:
                    break
        if best is None:
            # a translated name keeps its own abbreviation ("Community of Latin American and
            # Caribbean States (Celac)"): the longest run that opens with its first letter and
            # names a body
            for a in range(len(words)):
                if words[a].text[:1].lower() == abbr[0].lower() and capitalised(words[a]) \
                        and _keyword_in([w.text for w in words[a:]]) and len(words) - a >= 2:
                    best = a
                    break
        if best is None:
            continue
        s, e = words[best].start, words[-1].end
        full = text[s:e]
        entry = table.get(normalise(full)) or table.get(normalise(abbr))
        if entry is not None and entry.kind in ("Organisation", "State"):
            mention = _mention(entry, full, sent, s, e, "abbreviation")
        elif entry is not None or full.split()[-1] in _event_heads():
            continue
        elif _keyword_in(full.split()):
            mention = Mention("Organisation", normalise(full), full, full, sent.index, s, e, "abbreviation",
                              {"abbreviation": abbr})
        else:
            continue  # "Information and Communication Technologies (ICT)": a field, not a body
        if not taken.free(s, e):
            # a gazetteer or person claim inside a longer name gives way to the name
            continue
        mention.alias = abbr
        mention.props.setdefault("abbreviation", abbr)
        taken.take(s, m.end())
        out.append(mention)
    return out


def abbreviation_uses(sent: Sentence, toks: list[Token], taken: Spans,
                      defined: dict[str, Mention]) -> list[Mention]:
    """Later uses of an abbreviation the brief defined."""
    out = []
    for t in toks:
        d = defined.get(t.text)
        if d is not None and taken.free(t.start, t.end):
            taken.take(t.start, t.end)
            out.append(Mention(d.kind, d.key, d.name, sent.text[t.start:_with_possessive(sent.text, t.end)],
                               sent.index, t.start, t.end, "abbreviation-use", dict(d.props)))
    return out


# -- organisations ----------------------------------------------------------------------------------

_AGREEMENT_HEADS = {"Resolution", "Resolutions", "Agreement", "Agreements", "Treaty", "Protocol",
                    "Declaration", "Accord", "Convention", "Charter", "MOU", "MoU", "Memorandum"}


def _chunks(text: str, toks: list[Token]) -> list[list[int]]:
    """Runs of capitalised words joined by connectors (of, and, for ...) or hyphens."""
    out, i, n = [], 0, len(toks)
    while i < n:
        if not (capitalised(toks[i]) and toks[i].text[:1].isalpha()):
            i += 1
            continue
        run, j = [i], i + 1
        while j < n:
            gap = text[toks[j - 1].end:toks[j].start]
            if gap not in ("", " "):
                break
            if capitalised(toks[j]) and toks[j].text[:1].isalnum():
                run.append(j)
                j += 1
                continue
            if toks[j].text == "-" or (gap == "" and toks[j].text[:1].isdigit()):
                run.append(j)
                j += 1
                continue
            k = j
            while k < n and (toks[k].text in CONNECTORS or toks[k].text == "at" and k + 1 < n
                             and capitalised(toks[k + 1])) and text[toks[k - 1].end:toks[k].start] == " ":
                k += 1
            if j < k < n and capitalised(toks[k]) and text[toks[k - 1].end:toks[k].start] == " " \
                    and not ("and" in (t.text for t in toks[j:k]) and (toks[k].text in _org_starts() or
                                                                       k + 1 < n and is_possessive(toks[k + 1]))):
                run.extend(range(j, k + 1))
                j = k + 1
                continue
            break
        out.append(run)
        i = j
    return out


@lru_cache(maxsize=1)
def _org_starts() -> frozenset[str]:
    return frozenset(gazetteer.words("org_start_words"))


def _keyword_in(words: list[str]) -> bool:
    keys = org_keywords()
    return any(w in keys or (w.endswith("s") and w[:-1] in keys) for w in words) or \
        any(f"{a} {b}" in keys for a, b in zip(words, words[1:]))


def org_mentions(sent: Sentence, toks: list[Token], taken: Spans, known: list[Mention]) -> list[Mention]:
    """Capitalised names headed by an organisation word (Council, Ministry, Alliance ...), and
    ``A-B-C trilateral mechanism``."""
    text, out, table = sent.text, [], gazetteer.lookup()
    out.extend(_multilateral(sent, taken))
    for run in _chunks(text, toks):
        while run and (toks[run[0]].text in SENTENCE_WORDS or toks[run[0]].text in CONNECTORS):
            run = run[1:]
        for k in range(1, len(run)):  # a body's name stops before an agreement it adopted
            if toks[run[k]].text in _AGREEMENT_HEADS:
                run = run[:k]
                break
        while run and toks[run[-1]].text in CONNECTORS | {"-"}:
            run = run[:-1]
        if len(run) < 2:
            continue
        words = [toks[t].text for t in run]
        if not _keyword_in(words) or words[-1] in _event_heads() or any(w in _event_heads() for w in words):
            continue
        tail = text[toks[run[-1]].end:toks[run[-1]].end + 40]
        if tail[:1] in "’'”\"" and _names_event_after(tail[1:]):
            continue
        s, e = toks[run[0]].start, toks[run[-1]].end
        # a state's demonym or name before the body's name: "Brazilian Air Force", "Pakistan Army"
        part_of = None
        lead = [m for m in known if m.kind == "State" and m.start == s and m.end == toks[run[0]].end]
        if lead and lead[0].end < e:
            part_of = lead[0].key
        # "Azerbaijan-Pakistan Joint Commission": the states a body's name joins
        states = tuple(dict.fromkeys(m.key for m in known if m.kind == "State" and toks[run[0]].start <= m.start
                                     and m.end <= toks[run[0]].end)) if "-" in words[0] else ()
        # "... of Azerbaijan": the body belongs to that state or body
        tail = re.search(r"\s+of\s+(?:the\s+)?([A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)*)$", text[s:e])
        if tail:
            entry = table.get(normalise(tail.group(1)))
            if entry is not None and entry.kind in ("State", "Organisation"):
                part_of = entry.key if entry.kind == "State" else entry.key
        name = text[s:e]
        if normalise(name) in table:
            continue
        inner = [m for m in known if s <= m.start and m.end <= e]
        # states, places and a body's abbreviation at its start ("OIC Contact Group") are part of
        # a longer name; anything else claimed inside it (a person) stops it
        absorbable = [m for m in inner if m.kind in ("State", "Place") or
                      (m.kind == "Organisation" and m.start == s and m.text.isupper())]
        claimed = Spans()
        claimed.spans = [sp for sp in taken.spans if sp not in {(m.start, m.end) for m in absorbable}]
        if not claimed.free(s, e):
            continue
        prefix_org = next((m for m in absorbable if m.kind == "Organisation"), None)
        if prefix_org is not None:
            part_of = part_of or prefix_org.key
        for m in inner:  # states and cities inside the name are part of it; the state that opens
            if m is not prefix_org and not (lead and m is lead[0]):  # it ("Gabonese Air Force") is still named
                known.remove(m)
        head = words[0]
        prefix = table.get(normalise(head))
        if prefix is not None and prefix.kind == "Organisation" and head.isupper():
            part_of = part_of or prefix.key  # "OIC Contact Group": part of the OIC
        taken.take(s, e)
        mention = Mention("Organisation", normalise(name), name, text[s:_with_possessive(text, e)], sent.index,
                          s, e, "org-name", part_of=part_of, joins=states)
        if lead and part_of == lead[0].key:
            mention.props["state"] = lead[0].key
        out.append(mention)
    return out


def _names_event_after(text: str) -> bool:
    """Whether an event word follows within a few lower-case words ("joint military exercise")."""
    from briefgraph.loaders.triggers import names_event

    m = re.match(r"\s*((?:[a-z\-]+\s+){0,3}[a-z\-]+)", text)
    return bool(m) and names_event(m.group(1))


@lru_cache(maxsize=1)
def _multilateral_pattern() -> re.Pattern:
    multi = "|".join(gazetteer.words("multilateral_words"))
    heads = "|".join(gazetteer.words("multilateral_heads"))
    return re.compile(rf"\b((?:[A-Z][\w]+-)+[A-Z][\w]+)\s+((?i:{multi}))\s+((?i:{heads}))\b")


def _multilateral(sent: Sentence, taken: Spans) -> list[Mention]:
    text, out, table = sent.text, [], gazetteer.lookup()
    if "-" not in text:
        return out
    for m in _multilateral_pattern().finditer(text):
        members = tuple(table[normalise(p)].key for p in m.group(1).split("-")
                        if table.get(normalise(p)) and table[normalise(p)].kind == "State")
        if len(members) >= 2 and taken.free(m.start(), m.end()):
            name = m.group(0)
            taken.take(m.start(), m.end())
            out.append(Mention("Organisation", normalise(name), name, name, sent.index, m.start(), m.end(),
                               "multilateral", {"org_type": f"{m.group(2).lower()} {m.group(3).lower()}"},
                               members=members, alias=f"{m.group(2).lower()} {m.group(3).lower()}"))
    return out


# -- places -----------------------------------------------------------------------------------------

_NAME = r"[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,3}"
_CAPITAL_BEFORE = re.compile(rf"\bthe\s+(?P<dem>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)\s+capital(?:\s+city)?(?:\s+of|,)\s+(?P<name>{_NAME})")
_CAPITAL_AFTER = re.compile(rf"(?P<name>{_NAME}),\s+(?:the|its)\s+capital\s+of\s+(?:the\s+)?(?P<dem>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)")
_PLACE_OF = re.compile(r"\b(?:town|city|village|district|province|region|port|island|capital)\s+of\s+"
                       r"(?P<name>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)")
_IN_STATE = re.compile(r"(?<![\w’'])(?P<name>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)\s+in\s+(?P<state>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)")
_COMMA_STATE = re.compile(r"(?P<name>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?),\s+(?P<state>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)(?=[,.;)]|\s+(?:on|in|at|and)\b)")
_INFRA_HEADS = ("railway line|rail line|railway|rail link|rail section|railroad|check post|checkpost|pipeline|"
                "transmission line|corridor|highway|motorway|expressway|bridge|tunnel|dam|port|airport|"
                "canal|power plant|power station|gas field|oil field|economic zone|border crossing|crossing")
_INFRA_WORD = re.compile(r"line|rail|post|pipeline|corridor|highway|motorway|expressway|bridge|tunnel|dam\b|port|"
                         r"canal|plant|station|field|zone|crossing")
_INFRA = re.compile(rf"(?P<name>(?:[A-Z][\w’']+(?:[-–][A-Z][\w’']+)+|[A-Z][\w’']+(?:\s+[A-Z][\w’']+)?))"
                    rf"(?P<mid>(?:\s+(?:[a-z][\w\-]*|\d+(?:\.\d+)?|[A-Z]{{1,3}})){{0,4}}?)\s+(?P<head>(?i:{_INFRA_HEADS}))\b")
_VENUE = re.compile(r"\b(?:held|hosted|took\s+place|convened|met|summit|meeting|conference|talks)\s+in\s+(?:the\s+)?"
                    r"(?P<name>[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+)?)")
_YEARISH = re.compile(r"\d")
_QUOTED = re.compile(r"[‘'“\"](?P<name>[A-Z][^‘'“\"’”]{2,60})[’'”\"](?:\s+in\s+(?P<where>[A-Z][\w\-]+))?")
_FACILITY_WORDS = re.compile(r"\b(?:gas\s+field|oil\s+field|field|pipeline|port|dam|mine|corridor|refinery|"
                             r"caravanserai|mosque|palace|monument|landmark|site|building|tower)\s*$", re.I)


def _state_or_place(words: str) -> gazetteer.Entry | None:
    entry = gazetteer.lookup().get(normalise(words))
    return entry if entry is not None and entry.kind in ("State", "Place") else None


def _not_a_name(words: str) -> bool:
    first = words.split()[0]
    return first in SENTENCE_WORDS or first in MONTHS or first in WEEKDAYS or _keyword_in(words.split()) \
        or any(w in _event_heads() for w in words.split()) or first in _AGREEMENT_HEADS


def place_mentions(sent: Sentence, toks: list[Token], taken: Spans, known: list[Mention]) -> list[Mention]:
    """Places the gazetteer may not know, named by the patterns of the genre."""
    text, out, table = sent.text, [], gazetteer.lookup()

    def add(name: str, s: int, rule: str, located_in: str | None = None, place_type: str | None = None) -> None:
        e = s + len(name)
        existing = next((m for m in known + out if m.start == s and m.end == e and m.kind == "Place"), None)
        if existing is not None:
            existing.located_in = existing.located_in or located_in
            return
        if not taken.free(s, e):
            return
        entry = table.get(normalise(name))
        if entry is not None and entry.kind != "Place":
            return
        taken.take(s, e)
        m = Mention("Place", entry.key if entry else f"place:{normalise(name)}", entry.name if entry else name,
                    name, sent.index, s, e, rule, dict(entry.props) if entry else
                    ({"place_type": place_type} if place_type else {}), located_in=located_in)
        out.append(m)

    if "capital" in text:
        for rx in (_CAPITAL_BEFORE, _CAPITAL_AFTER):
            for m in rx.finditer(text):
                state = _state_or_place(m.group("dem"))
                name = m.group("name")
                if state is not None and state.kind == "State" and not _not_a_name(name):
                    add(name, m.start("name"), "capital", state.key, "capital")
    low = text.lower()  # each pattern runs only where the word it needs is: most sentences have none
    for m in _PLACE_OF.finditer(text) if " of " in text else ():
        if not _not_a_name(m.group("name")) and normalise(m.group("name")) not in table:
            add(m.group("name"), m.start("name"), "place-of", None, m.group(0).split()[0].lower())
    if " in " in text:
        for m in _IN_STATE.finditer(text):
            state = _state_or_place(m.group("state"))
            name = m.group("name")
            if state is None or state.kind != "State" or _not_a_name(name) or normalise(name) in table:
                continue
            if m.start() == 0 or any(m.start("name") < k.end and k.start < m.end("name") for k in known):
                continue
            add(name, m.start("name"), "place-in-state", state.key)
    for m in _VENUE.finditer(text) if " in " in text else ():
        name = m.group("name")
        if not _not_a_name(name) and normalise(name) not in table and not _YEARISH.match(name):
            add(name, m.start("name"), "venue", None, "venue")
    for m in _COMMA_STATE.finditer(text) if ", " in text else ():
        state, place = _state_or_place(m.group("state")), _state_or_place(m.group("name"))
        if state is not None and state.kind == "State" and place is not None and place.kind == "Place":
            add(m.group("name"), m.start("name"), "place-comma-state", state.key)
    for m in _INFRA.finditer(text) if _INFRA_WORD.search(low) else ():
        name, s = m.group("name"), m.start("name")
        first = name.split()[0]
        if first in SENTENCE_WORDS and " " in name:  # "The Kartarpur Corridor"
            name, s = name[len(first) + 1:], s + len(first) + 1
        if _not_a_name(name) or name.split()[0] in MONTHS:
            continue
        full = text[s:m.end("head")]
        if taken.free(s, s + len(full)):
            for k in [k for k in known if s <= k.start and k.end <= s + len(full)]:
                known.remove(k)
                taken.spans = [sp for sp in taken.spans if sp != (k.start, k.end)]
            add(full, s, "infrastructure", None, m.group("head"))
    return out


def quoted_places(sent: Sentence, taken: Spans) -> list[Mention]:
    """A quoted name after a facility word, or quoted and located in a known place: "the
    country's biggest gas field “Shah Deniz”", "the 14th century 'Multan Caravanserai' in Baku"."""
    text, out = sent.text, []

    def add(name: str, s: int, rule: str, located_in: str | None = None, place_type: str | None = None) -> None:
        e = s + len(name)
        if taken.free(s, e):
            taken.take(s, e)
            out.append(Mention("Place", f"place:{normalise(name)}", name, name, sent.index, s, e, rule,
                               {"place_type": place_type} if place_type else {}, located_in=located_in))

    if any(q in text for q in "‘'“\""):
        for m in _QUOTED.finditer(text):
            name = m.group("name").strip(" ,.")
            before = text[max(0, m.start() - 40):m.start()]
            where = _state_or_place(m.group("where")) if m.group("where") else None
            if where is None and not _FACILITY_WORDS.search(before):
                continue
            if _not_a_name(name) or any(w in _event_heads() for w in name.split()) or name.split()[-1] in _AGREEMENT_HEADS:
                continue
            from briefgraph.loaders.triggers import names_event
            if names_event(name):
                continue
            s = m.start("name")
            add(name, s, "landmark", where.key if where else None, "landmark")
    return out


def _qualify_bodies(sent: Sentence, ms: list[Mention]) -> None:
    """"Pakistan's Ministry of Planning" and China's are two bodies: a body named right after a
    state's possessive belongs to that state, and its name says so."""
    for m in ms:
        if m.kind != "Organisation" or m.part_of or m.rule not in ("org-name", "abbreviation"):
            continue
        state = next((x for x in ms if x.kind == "State" and 0 <= m.start - x.end <= 4
                      and re.fullmatch(r"['’]s\s+", sent.text[x.end:m.start])), None)
        if state is not None:
            m.part_of = state.key
            m.alias = m.alias or m.name
            m.name = f"{m.name} of {state.name}"
            m.key = normalise(m.name)


# -- citations --------------------------------------------------------------------------------------

_CITATION = re.compile(r"\((?:see\s+)?[^()]{1,40},\s+(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+|\d{4})[^()]{0,20}\)")


def citation_spans(text: str) -> list[tuple[int, int]]:
    """Inline source citations, ``(TASS, November 12)``: bibliography, not part of the story."""
    return [m.span() for m in _CITATION.finditer(text)] if "(" in text else []


# -- the document ----------------------------------------------------------------------------------

def find_mentions(doc: Document) -> dict[int, list[Mention]]:
    """Sentence index -> the entity mentions in it, in text order, without overlaps."""
    from briefgraph.loaders.people import PeopleIndex, find_people, later_mentions

    per_sentence: dict[int, list[Mention]] = {}
    claimed: dict[int, Spans] = {}
    toks_of: dict[int, list[Token]] = {}
    people = PeopleIndex()
    # people first, over the whole brief: a later "Lula" needs the earlier full name; only a
    # quoted landmark ("gas field “Shah Deniz”") goes before them
    for sent in doc.sentences:
        toks = toks_of[sent.index] = list(tokens_of(sent.text))
        taken = claimed[sent.index] = Spans()
        for s, e in citation_spans(sent.text):
            taken.take(s, e)
        quoted = quoted_places(sent, taken)
        per_sentence[sent.index] = quoted + find_people(sent, toks, taken, people)
    defined: dict[str, Mention] = {}
    for sent in doc.sentences:
        toks, taken = toks_of[sent.index], claimed[sent.index]
        ms = per_sentence[sent.index]
        ms.extend(later_mentions(sent, toks, taken, people))
        abbrs = abbreviation_mentions(sent, toks, taken)
        for m in abbrs:
            if m.alias:
                defined[m.alias] = m
        ms.extend(abbrs)
        ms.extend(abbreviation_uses(sent, toks, taken, defined))
        known = gazetteer_mentions(sent, toks, taken)
        ms.extend(place_mentions(sent, toks, taken, known))
        orgs = org_mentions(sent, toks, taken, known)
        ms.extend(known)
        ms.extend(orgs)
        ms.sort(key=lambda m: m.start)
        _qualify_bodies(sent, ms)
    return per_sentence
