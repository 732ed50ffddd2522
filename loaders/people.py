"""People named in a brief.

A person is a run of name words (capitalised words, with particles such as ``da``, ``el-``,
``bin`` and inner hyphens such as ``Suk-yeol``) that something marks as a person:

* a title before it: ``President Asif Ali Zardari``, ``the then South Korean President Lee
  Myung Bak``, ``Ministers Mauro Vieira (Foreign Affairs) and Fernando Haddad (Economy)``;
* an apposition after it: ``Fumio Kishida, Prime Minister of Japan``, ``Jane Roe, a media
  assistant to ...``, ``Nursultan Nazarbaev, who ...``;
* a known head of state or government (``gazetteer.leaders``), by full name or the short name
  the press uses;
* a verb that takes a person as subject right after it (``Jane Roe said``), for names of two
  words or more;
* ``X alias Y``: Y is another name of X.

Later, a single word of a known person's name (``Lula``, ``Fernández``) is that person.
The rules are in ``grammar/people.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from briefgraph.graph.ids import normalise
from briefgraph.loaders import gazetteer
from briefgraph.loaders.document import Sentence
from briefgraph.loaders.lexicon import titles
from briefgraph.loaders.mentions import (MONTHS, SENTENCE_WORDS, WEEKDAYS, Mention, Spans, capitalised,
                                         org_keywords)
from briefgraph.loaders.tokens import Token, is_possessive

MAX_NAME = 5


@dataclass
class PeopleIndex:
    """The people found so far in a brief: key -> display name and normalised words."""

    names: dict[str, str] = field(default_factory=dict)
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)
    by_word: dict[str, set[str]] = field(default_factory=dict)

    def add(self, key: str, name: str) -> None:
        if key in self.names:
            return
        self.names[key] = name
        ws = tuple(normalise(name).split())
        self.words[key] = ws
        particles = {p.lower() for p in titles().particles}
        for w in ws:
            if w not in particles and len(w) > 1:
                self.by_word.setdefault(w, set()).add(key)

    def resolve_short(self, surface: str) -> str | None:
        """The one known person whose name holds every word of ``surface`` in order."""
        ws = normalise(surface).split()
        if not ws:
            return None
        cands = set(self.by_word.get(ws[0], ()))
        hits = [k for k in cands if _contains(self.words[k], ws)]
        return hits[0] if len(hits) == 1 else None


def _contains(whole: tuple[str, ...], part: list[str]) -> bool:
    n = len(part)
    return any(list(whole[i:i + n]) == part for i in range(len(whole) - n + 1))


def person_key(name: str) -> str:
    return normalise(name)


def strip_honorifics(name: str) -> str:
    hons = titles().honorifics
    changed = True
    while changed:
        changed = False
        for h in hons:
            if name.startswith(h + " "):
                name, changed = name[len(h) + 1:].lstrip(), True
    return name.strip()


# -- name words ----------------------------------------------------------------------------------

def _title_words() -> set[str]:
    return {w for ws in titles().by_first.values() for t in ws for w in t}


_TITLE_WORDS: set[str] | None = None


def _is_title_word(tok: Token) -> bool:
    global _TITLE_WORDS
    if _TITLE_WORDS is None:
        _TITLE_WORDS = {w for w in _title_words() if w not in {"of", "the", "a"}}
    return tok.lower in _TITLE_WORDS


def _name_word(tok: Token) -> bool:
    """A word that can be part of a person's name."""
    return _name_text(tok.text)


@lru_cache(maxsize=65536)
def _name_text(t: str) -> bool:
    if not t[:1].isalpha():
        return False
    if t[:1].isupper():
        return not (t in SENTENCE_WORDS or t in MONTHS or t in WEEKDAYS or t in org_keywords()
                    or (t.isupper() and len(t) > 1 and len(t) <= 5))
    # "el-Sisi", "al-Assad", "bin-Salman": a lower-case prefix joined by a hyphen
    head, sep, rest = t.partition("-")
    return bool(sep) and head in titles().hyphen_prefixes and rest[:1].isupper()


def read_name(text: str, toks: list[Token], k: int, stop: "PeopleIndex | None" = None) -> int:
    """Index one past the last token of the name starting at token ``k`` (``k`` if none)."""
    if k >= len(toks) or not _name_word(toks[k]) or not toks[k].text[:1].isupper() and "-" not in toks[k].text:
        return k
    table = gazetteer.lookup()
    j = k + 1
    particles = titles().particles
    while j < len(toks) and j - k < MAX_NAME:
        if text[toks[j - 1].end:toks[j].start] != " ":
            break
        t = toks[j]
        if _name_word(t) and not _is_title_word(t):
            entry = table.get(normalise(t.text))
            if entry is not None and entry.kind in ("State", "Organisation") and not entry.demonym:
                break  # "... Dahal Nepal": a state's name ends a person's
            if stop is not None and j - k >= 2 and stop.resolve_short(t.text) is not None \
                    and stop.resolve_short(text[toks[k].start:t.end]) is None \
                    and normalise(text[toks[k].start:t.end]) not in gazetteer.leaders():
                break  # "Santiago Cafiero Lula was ...": a known person starts a new name
            j += 1
            continue
        if t.text in particles and j + 1 < len(toks) and _name_word(toks[j + 1]) \
                and text[t.end:toks[j + 1].start] == " ":
            j += 2
            continue
        break
    return j


def _valid_name(words: list[str]) -> bool:
    if not words:
        return False
    table = gazetteer.lookup()
    if normalise(" ".join(words)) in table:
        return False
    if all(normalise(w) in table for w in words):
        return False
    return not any(w in org_keywords() for w in words)


# -- titles ----------------------------------------------------------------------------------------

def match_title(toks: list[Token], i: int) -> int:
    """Index one past a title of office starting at token ``i`` (``i`` if none)."""
    if i >= len(toks):
        return i
    cands = titles().by_first.get(toks[i].lower)
    if not cands:
        return i
    for words in cands:
        n = len(words)
        if i + n <= len(toks) and all(toks[i + k].lower == words[k] for k in range(n)):
            return i + n
    return i


def _state_at(text: str, toks: list[Token], i: int, j: int) -> gazetteer.Entry | None:
    """The state or body named by tokens ``i..j`` (exclusive), longest first from ``i``."""
    table = gazetteer.lookup()
    if i >= len(toks):
        return None
    for end in range(min(j, i + 6, len(toks)), i, -1):
        entry = table.get(normalise(text[toks[i].start:toks[end - 1].end]))
        if entry is not None and entry.kind in ("State", "Organisation"):
            return entry
    return None


def _state_before(text: str, toks: list[Token], i: int) -> gazetteer.Entry | None:
    """A state named right before the title at token ``i``: a demonym (``Egyptian President``),
    a state's name or its possessive (``Nepal Prime Minister``, ``Kazakhstan's First President``)."""
    j = i
    if j > 0 and is_possessive(toks[j - 1]):
        j -= 1
    table = gazetteer.lookup()
    for start in range(max(0, j - 3), j):
        if not capitalised(toks[start]):
            continue
        entry = table.get(normalise(text[toks[start].start:toks[j - 1].end]))
        if entry is not None and entry.kind == "State":
            return entry
    return None


def _then_before(toks: list[Token], i: int) -> bool:
    return any(t.lower == "then" for t in toks[max(0, i - 4):i])


def _of_after(text: str, toks: list[Token], k: int) -> tuple[gazetteer.Entry | None, int]:
    """``of (the) X`` at token ``k``: the state or body X and the index after it."""
    if k < len(toks) and toks[k].lower == "of":
        m = k + 1
        if m < len(toks) and toks[m].lower == "the":
            m += 1
        for end in range(min(len(toks), m + 6), m, -1):
            entry = gazetteer.lookup().get(normalise(text[toks[m].start:toks[end - 1].end])) if m < len(toks) else None
            if entry is not None and entry.kind in ("State", "Organisation"):
                return entry, end
    return None, k


def _honorifics_at(text: str, toks: list[Token], k: int) -> int:
    """Skip honorifics (``H.E.``, ``Dr.``, ``His Excellency``) starting at token ``k``."""
    moved = True
    while moved and k < len(toks):
        moved = False
        for h in titles().honorifics:
            if not text.startswith(h, toks[k].start):
                continue
            end = toks[k].start + len(h)
            j = k
            while j < len(toks) and toks[j].end <= end:
                j += 1
            if j == k or toks[j - 1].end != end:
                continue  # "Mr" at the start of "Mrio" is no honorific: it must end where a word ends
            if j < len(toks) and toks[j].text == "." and toks[j].start == end:
                j += 1
            k, moved = j, True
            break
    return k


# -- finding people -----------------------------------------------------------------------------------

def _make(sent: Sentence, toks: list[Token], a: int, b: int, rule: str, people: PeopleIndex,
          title: str | None = None, state: gazetteer.Entry | None = None, then: bool = False,
          honorific_start: int | None = None) -> Mention:
    text = sent.text
    s, e = toks[a].start, toks[b - 1].end
    name = strip_honorifics(text[s:e])
    short = people.resolve_short(name) if b - a == 1 else None
    leader = gazetteer.leader_for(name)
    if short is not None:
        key, display = short, people.names[short]
    elif leader is not None and (b - a == 1 or normalise(leader.name) == normalise(name) or b - a >= 2):
        key, display = person_key(leader.name), leader.name
    else:
        key, display = person_key(name), name
    people.add(key, display)
    head_of = None
    if title is not None and title.lower() in titles().heads and state is not None:
        head_of = state.key
    elif leader is not None:
        head_of = leader.state
    end = e + 2 if b < len(toks) and is_possessive(toks[b]) else e
    m = Mention("Person", key, display, text[s:end].rstrip(), sent.index, s, e, rule,
                {"title": title} if title else {}, title=title, head_of=head_of, head_then=then)
    if display != name:
        m.alias = name
    if honorific_start is not None and honorific_start < s:
        m.props["styled"] = text[honorific_start:e]  # "Sardar Farooq Ahmed Khan Leghari"
    return m


def find_people(sent: Sentence, toks: list[Token], taken: Spans, people: PeopleIndex) -> list[Mention]:
    """The people named in one sentence (see the module docstring for the rules)."""
    text, out, n = sent.text, [], len(toks)
    t_ = titles()
    used: set[int] = set()

    def claim(a: int, b: int) -> bool:
        if any(k in used for k in range(a, b)) or not taken.free(toks[a].start, toks[b - 1].end):
            return False
        used.update(range(a, b))
        taken.take(toks[a].start, toks[b - 1].end)
        return True

    # 1. a title before the name
    firsts = t_.by_first
    i = 0
    while i < n:
        if toks[i].lower not in firsts:  # most words start no title
            i += 1
            continue
        j = match_title(toks, i)
        if j == i:
            i += 1
            continue
        title = text[toks[i].start:toks[j - 1].end]
        state = _state_before(text, toks, i)
        of_state, k = _of_after(text, toks, j)
        state = of_state or state
        if k < n and toks[k].text == ",":
            k += 1
        hon = k
        k = _honorifics_at(text, toks, k)
        while k < n and match_title(toks, k) > k:  # "the junta leader General Amadou Sangaré"
            i, j = k, match_title(toks, k)
            title = text[toks[i].start:toks[j - 1].end]
            k = _honorifics_at(text, toks, j)
        b = read_name(text, toks, k, people)
        names = []
        while b > k:
            words = [t.text for t in toks[k:b]]
            if not _valid_name(words):
                break
            single = b - k == 1
            if single and not (title.lower() in t_.heads or people.resolve_short(words[0])
                               or gazetteer.leaders().get(normalise(words[0]))):
                break
            names.append((k, b))
            # a plural title heads a list: "Ministers A (Foreign Affairs) and B (Economy)"
            m = b
            if m < n and toks[m].text == "(":
                while m < n and toks[m].text != ")":
                    m += 1
                m += 1
            if m < n and toks[m].text in (",", "and") and title.endswith("s"):
                k = _honorifics_at(text, toks, m + 1)
                b = read_name(text, toks, k, people)
                continue
            break
        for n_i, (a, b2) in enumerate(names):
            if claim(a, b2):
                m = _make(sent, toks, a, b2, "title", people, title.rstrip("s") if title.endswith("s")
                          and title.lower().rstrip("s") in t_.heads | {"minister"} else title, state,
                          _then_before(toks, i), toks[hon].start if n_i == 0 and hon < a else None)
                out.append(m)
                _alias_after(sent, toks, b2, m, people, claim, out)
        i = max(j, names[-1][1] if names else j)

    # 2. name-first rules: apposition, "who", a verb of speech or travel, a known leader, alias
    i = 0
    while i < n:
        if i in used or not _name_word(toks[i]) or not toks[i].text[:1].isupper():
            i += 1
            continue
        b = read_name(text, toks, i, people)
        if b == i:
            i += 1
            continue
        words = [t.text for t in toks[i:b]]
        rule, title, state = None, None, None
        leader = gazetteer.leaders().get(normalise(" ".join(words)))
        inside_name = i > 0 and (capitalised(toks[i - 1]) and toks[i - 1].text not in SENTENCE_WORDS
                                 or toks[i - 1].text in ("of", "on", "for", "and", "the") and i > 1
                                 and capitalised(toks[i - 2]))
        after = toks[b] if b < n else None
        if after is not None and after.text == ",":
            k = b + 1
            while k < n and toks[k].lower in t_.modifiers:
                k += 1
            st = None
            tj = match_title(toks, k)
            if tj == k and k + 1 < n:  # "Name, Egyptian President ...": a demonym first
                entry = _state_at(text, toks, k, k + 3)
                if entry is not None and entry.kind == "State":
                    for kk in range(k + 1, min(n, k + 4)):
                        tj2 = match_title(toks, kk)
                        if tj2 > kk:
                            st, k, tj = entry, kk, tj2
                            break
            if tj > k and (capitalised(toks[k]) or b + 1 < n and toks[b + 1].lower in ("a", "an", "the")):
                title = text[toks[k].start:toks[tj - 1].end]
                of_state, _ = _of_after(text, toks, tj)
                state = of_state or st
                rule = "apposition"
            elif k < n and toks[k].lower in ("a", "an", "the"):
                if any(t.lower in t_.role_nouns for t in toks[k + 1:k + 6]):
                    rule = "apposition"
            elif k < n and toks[k].lower == "who" and len(words) >= 2:
                rule = "apposition"
        if rule is None and leader is not None:
            rule = "leader"
        if rule is None and len(words) >= 2 and after is not None and not inside_name and (
                after.text in t_.person_verbs or (after.lower.endswith("ly") and b + 1 < n
                                                  and toks[b + 1].text in t_.person_verbs)):
            rule = "subject"
        if rule is None and after is not None and len(words) >= 2:
            # "Pushpa Kamal Dahal alias Prachanda"
            for aw in t_.alias_words:
                if all(b + q < n and toks[b + q].lower == aw[q] for q in range(len(aw))):
                    rule = "subject"
                    break
        if rule is not None and _valid_name(words) and claim(i, b):
            m = _make(sent, toks, i, b, rule, people, title, state)
            out.append(m)
            _alias_after(sent, toks, b, m, people, claim, out)
        i = b
    return out


def _alias_after(sent: Sentence, toks: list[Token], b: int, person: Mention, people: PeopleIndex,
                 claim, out: list[Mention]) -> None:
    """``X alias Y`` / ``X, also known as Y``: Y names the same person."""
    n, text = len(toks), sent.text
    k = b + 1 if b < n and toks[b].text == "," else b
    for aw in titles().alias_words:
        if all(k + q < n and toks[k + q].lower == aw[q] for q in range(len(aw))):
            a = k + len(aw)
            e = read_name(text, toks, a, None)
            if e > a and claim(a, e):
                alias = text[toks[a].start:toks[e - 1].end]
                people.by_word.setdefault(normalise(alias), set()).add(person.key)
                people.words[person.key] = people.words[person.key] + tuple(normalise(alias).split())
                out.append(Mention("Person", person.key, person.name, alias, sent.index, toks[a].start,
                                   toks[e - 1].end, "alias", {}))
            return


def later_mentions(sent: Sentence, toks: list[Token], taken: Spans, people: PeopleIndex) -> list[Mention]:
    """Words of a known person's name used alone (``Lula``, ``Fernández``, ``Park's``)."""
    text, out, n = sent.text, [], len(toks)
    i = 0
    while i < n:
        t = toks[i]
        if not (t.text[:1].isupper() or "-" in t.text) or not taken.free(t.start, t.end) or not _name_word(t) \
                or normalise(t.text).split(" ", 1)[0] not in people.by_word:  # no known name has this word
            i += 1
            continue
        b = read_name(text, toks, i, None)
        b = max(b, i + 1)
        hit = None
        for e in range(b, i, -1):
            if not taken.free(toks[i].start, toks[e - 1].end):
                continue
            key = people.resolve_short(text[toks[i].start:toks[e - 1].end])
            if key is not None:
                hit = (e, key)
                break
        if hit is None:
            i += 1
            continue
        e, key = hit
        s, end = toks[i].start, toks[e - 1].end
        taken.take(s, end)
        surface_end = end + 2 if e < n and is_possessive(toks[e]) else end
        out.append(Mention("Person", key, people.names[key], text[s:surface_end], sent.index, s, end,
                           "coreference", {}))
        i = e
    return out
