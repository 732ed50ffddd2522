"""The review queue: what in a graph most deserves a human look, most useful first.

``review(graph)`` returns :class:`ReviewItem` entries, each with a score (higher first), a
category, one line saying what looks wrong, the node ids and edges it is about, and the
corrections that would fix it (``write_suggestions`` writes them as commented-out entries of a
corrections file, which the analyst un-comments).

What is looked for, and how much it weighs (a score in [0, 1]; the weights rank the checks by
how often, on the development briefs, such an entry pointed at a real error):

* ``contradiction`` (0.95; 0.8 when the dates are unknown): two heads of one state with the
  same office at overlapping dates, or one person heading two states; (0.75) two actors in
  conflict that support each other, share a body or are parties to one agreement.
* ``name cut`` (0.9): an actor's name stops in the middle of a word or before a name particle
  in its own sentence (``Park Geun`` of ``Park Geun-hye``, ``Abdel Fattah`` of ``Abdel Fattah
  el-Sisi``), or ends with a lower-case particle (``... Tchiani de``).
* ``split name`` (0.88): two nodes whose names stand side by side in a sentence, one of them a
  person (``Yoshihiko`` + ``Noda``): one name cut in two.
* ``duplicate`` (0.85 typo, transliteration or a last word cut short; 0.8 one person's name
  inside the other's, 0.65 for other kinds, whose bodies often hold their parent's name): two
  nodes of one kind that are probably one thing; (0.55) a short name inside several longer ones
  (``Aliyev``), one entry naming them, with no merge suggested.
* ``low confidence`` (0.5 + 0.45 x (1 - confidence), below 0.7): facts the weakest rules
  found; a missing ``confidence`` is unknown and never listed.
* ``no participants`` (0.7), ``no date`` (0.75 when its sentence holds a year, else 0.5):
  events and agreements the extraction could not tie down.
* ``missed event?`` (0.65; 0.55 with one actor or only a month; 0.45 undated with three actors
  or more): a sentence that names a year (or a month) and an actor, or three actors, but
  supports no event or agreement (no change is suggested: the analyst reads it).
* ``unlinked actors`` (0.58): an event or agreement whose own sentences name actors that have
  no link to it (a participant or party missed).
* ``no state`` (0.72 for a one-word name, else 0.6): a person linked to no state.

Within a score, items about more often mentioned things come first. A finding about nodes
(other than states) that one earlier entry already looks at folds into it, listed under
``also``: one entry per thing to look at.
"""

from __future__ import annotations

import json
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from typing import IO, Any, Iterable

import networkx as nx

from briefgraph.graph.atomic import open_output
from briefgraph.graph.ids import normalise

ENTITY_KINDS = ("State", "Person", "Organisation", "Place")
_YEAR = re.compile(r"\b(1[6-9]\d\d|20\d\d)\b")
_WORDS = json.loads(resources.files("briefgraph.graph").joinpath("review_words.json").read_text("utf-8"))
# lower-case name particles: "el-Sisi", "da Silva", "bin Salman", "van der Leyen"
_PARTICLES = set(_WORDS["name_particles"])
_PARTICLE_NEXT = re.compile(r"\s+(?:" + "|".join(sorted(_PARTICLES, key=len, reverse=True)) +
                            r")(?:[-\s]+)\w[\w'’-]*", re.UNICODE)
_WORD_REST = re.compile(r"(?:[^\W\d_]|-(?=[^\W\d_]*[a-z\u00df-\u024f]))[\w'’-]*", re.UNICODE)


@dataclass
class ReviewItem:
    """One entry of the review queue."""

    score: float
    category: str
    message: str
    nodes: list[str] = field(default_factory=list)
    edges: list[tuple[str, str, str]] = field(default_factory=list)
    suggestions: list[dict[str, Any]] = field(default_factory=list)
    weight: int = 0  # evidence records behind it: a tie-break, the more mentioned first
    sentences: list[str] = field(default_factory=list)  # the sentences it is about, when a sentence is
    also: list[str] = field(default_factory=list)  # categories of the findings folded into this one

    def as_dict(self) -> dict[str, Any]:
        return {"score": round(self.score, 3), "category": self.category, "also": self.also,
                "message": self.message, "nodes": self.nodes, "edges": [list(e) for e in self.edges],
                "sentences": self.sentences, "suggestions": self.suggestions}

    def absorb(self, other: "ReviewItem") -> None:
        """Take in a weaker finding about the same node: one entry per thing to look at."""
        if other.category != self.category and other.category not in self.also:
            self.also.append(other.category)
        self.message += "; " + other.message
        self.nodes += [n for n in other.nodes if n not in self.nodes]
        self.edges += [e for e in other.edges if e not in self.edges]
        self.suggestions += [s for s in other.suggestions if s not in self.suggestions]


def review(graph: nx.MultiDiGraph, limit: int | None = None) -> list[ReviewItem]:
    """The review queue of ``graph``, most useful first (the first ``limit`` entries).

    Examples
    --------
    >>> from briefgraph.graph.model import add_node, new_graph
    >>> g = new_graph()
    >>> add_node(g, "person:1", "Person", "Ilham Aliyev", ["Ilham Aliyev"])
    >>> add_node(g, "person:2", "Person", "Iham Aliyev", ["Iham Aliyev"])
    >>> [(i.category, i.nodes) for i in review(g)][:1]
    [('duplicate', ['person:1', 'person:2'])]
    """
    refs = _Refs(graph)
    items: list[ReviewItem] = []
    for check in (_contradictions, _cut_names, _split_names, _duplicates, _low_confidence,
                  _undated_and_unlinked, _missed_events, _unlinked_actors, _stateless):
        items.extend(check(graph, refs))
    seen: set[tuple] = set()
    out: list[ReviewItem] = []
    owner: dict[str, ReviewItem] = {}  # node -> the entry that looks at it
    for item in sorted(items, key=lambda i: (-i.score, -i.weight, i.category, i.message)):
        key = (item.category, tuple(sorted(item.nodes)), tuple(sorted(item.edges)))
        if key in seen:
            continue
        seen.add(key)
        # a finding about nodes an earlier entry already looks at folds into it (a name cut short
        # that is also linked to no state); states are hubs, so they never tie entries together
        keys = [] if item.sentences else [n for n in item.nodes if graph.nodes[n]["kind"] != "State"]
        hosts = {id(owner[n]): owner[n] for n in keys if n in owner}
        host = next(iter(hosts.values())) if len(hosts) == 1 and all(n in owner for n in keys) else None
        if host is None:
            out.append(item)
            host = item
        else:
            host.absorb(item)
        for n in keys:
            owner.setdefault(n, host)
    return out[:limit] if limit is not None else out


# -- referring to nodes in suggestions ---------------------------------------------------------

class _Refs:
    """``"Kind:name"`` for a node whose name no other node of its kind has (the form a
    corrections file reads best and that survives a re-ingest), else its id."""

    def __init__(self, graph: nx.MultiDiGraph):
        self.graph = graph
        self.names: dict[tuple[str, str], list[str]] = defaultdict(list)
        # (document, sentence offset) -> ids of the nodes with evidence there, built once
        self.sentences: dict[tuple, list[str]] = defaultdict(list)
        for nid, d in graph.nodes(data=True):
            self.names[(d["kind"], normalise(str(d.get("name", ""))))].append(nid)
            for ev in d.get("evidence") or []:
                at = self.sentences[(ev.get("doc"), ev.get("start"))]
                if not at or at[-1] != nid:
                    at.append(nid)

    def __call__(self, nid: str) -> str:
        d = self.graph.nodes[nid]
        name = str(d.get("name", ""))
        key = (d["kind"], normalise(name))
        if name and self.names[key] == [nid] and ":" not in name.split(" ")[0]:
            return f"{d['kind']}:{name}"
        return nid


def _forms(d: dict) -> set[str]:
    return {f for f in (normalise(str(x)) for x in [d.get("name", ""), *(d.get("aliases") or [])]) if f}


def _name(graph: nx.MultiDiGraph, nid: str) -> str:
    d = graph.nodes[nid]
    return f"{d['kind']} {d.get('name', nid)!r}"


def _weight(graph: nx.MultiDiGraph, *nids: str) -> int:
    return sum(len(graph.nodes[n].get("evidence") or []) for n in nids)


# -- the checks ----------------------------------------------------------------------------------

def _overlap(a: dict, b: dict) -> bool | None:
    """True if two dated things overlap, False if not, None if either is undated."""
    if not a.get("date_start") or not b.get("date_start"):
        return None
    return a["date_start"] <= (b.get("date_end") or b["date_start"]) and b["date_start"] <= (
        a.get("date_end") or a["date_start"])


def _contradictions(graph: nx.MultiDiGraph, refs: _Refs) -> Iterable[ReviewItem]:
    heads: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    headed: dict[str, list[str]] = defaultdict(list)
    for u, v, d in graph.edges(data=True):
        if d.get("type") == "HEAD_OF" and graph.nodes[v]["kind"] == "State":
            heads[v].append((u, d))
            headed[u].append(v)
    for state, rows in heads.items():
        rows.sort(key=lambda r: r[0])
        for i, (a, da) in enumerate(rows):
            for b, db in rows[i + 1:]:
                if (da.get("role") or "").lower() != (db.get("role") or "").lower():
                    continue
                overlap = _overlap(da, db)
                if overlap is False or overlap is None and (da.get("date") or db.get("date")):
                    continue  # a state has many heads over time: a dated one is not in doubt
                weaker = _weaker(graph, (a, state, da), (b, state, db))
                office = da.get("role") or "head"
                when = f"at {da.get('date')}" if overlap else "at unknown dates"
                yield ReviewItem(
                    0.95 if overlap else 0.8, "contradiction",
                    f"two {office}s of {graph.nodes[state].get('name')} {when}: "
                    f"{graph.nodes[a].get('name')} and {graph.nodes[b].get('name')}",
                    [a, b, state], [(a, state, "HEAD_OF"), (b, state, "HEAD_OF")],
                    [{"drop_edge": {"source": refs(weaker), "type": "HEAD_OF", "target": refs(state)},
                      "note": "review: two heads of one state at one date"}],
                    _weight(graph, a, b))
    together = _cooperating(graph)
    for u, v, d in graph.edges(data=True):
        if d.get("type") == "IN_CONFLICT_WITH" and (u, v) in together:
            yield ReviewItem(
                0.75, "contradiction",
                f"{graph.nodes[u].get('name')} and {graph.nodes[v].get('name')} are in conflict, yet "
                f"{together[(u, v)]}", [u, v], [(u, v, "IN_CONFLICT_WITH")],
                [{"drop_edge": {"source": refs(u), "type": "IN_CONFLICT_WITH", "target": refs(v)},
                  "note": "review: in conflict and cooperating"}], len(d.get("evidence") or []))
    for person, states in headed.items():
        if len(states) > 1:
            states = sorted(states)
            yield ReviewItem(
                0.95, "contradiction",
                f"{_name(graph, person)} heads {len(states)} states: "
                + ", ".join(str(graph.nodes[s].get("name")) for s in states),
                [person, *states], [(person, s, "HEAD_OF") for s in states],
                [{"drop_edge": {"source": refs(person), "type": "HEAD_OF", "target": refs(s)},
                  "note": "review: one person heading two states"} for s in states],
                _weight(graph, person))


def _cooperating(graph: nx.MultiDiGraph) -> dict[tuple[str, str], str]:
    """Pairs of actors that support each other, share a body, or are parties to one agreement."""
    out: dict[tuple[str, str], str] = {}

    def pair(a: str, b: str, why: str) -> None:
        if a != b:
            out.setdefault((a, b), why)
            out.setdefault((b, a), why)

    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for u, v, d in graph.edges(data=True):
        t = d.get("type")
        if t == "SUPPORTS":
            pair(u, v, "one supports the other")
        elif t == "MEMBER_OF":
            groups[("are both members of", v)].append(u)
        elif t == "PARTY_TO" and graph.nodes[v].get("agreement_type") != "Resolution":
            groups[("are both parties to", v)].append(u)  # (a resolution names the sides of the conflict it is about)
    for (why, v), members in groups.items():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                pair(a, b, f"{why} {graph.nodes[v].get('name')}")
    return out


def _weaker(graph: nx.MultiDiGraph, *edges: tuple[str, str, dict]) -> str:
    """The head whose HEAD_OF edge is the less sure (lower confidence, then less evidence)."""
    def strength(e):
        conf = e[2].get("confidence")
        return (conf if isinstance(conf, (int, float)) else 1.0, len(e[2].get("evidence") or []),
                len(graph.nodes[e[0]].get("evidence") or []), e[0])
    return min(edges, key=strength)[0]


def _mention_spans(d: dict) -> Iterable[tuple[str, int, int]]:
    """(sentence, start, end) of each place a node's name or mention stands in its evidence."""
    seen = set()
    for ev in d.get("evidence") or []:
        text = str(ev.get("text") or "")
        for surface in (ev.get("mention"), d.get("name")):
            if not surface or (text, surface) in seen:
                continue
            seen.add((text, surface))
            at = text.find(surface)
            if at >= 0:
                yield text, at, at + len(surface)
                break


def _cut_names(graph: nx.MultiDiGraph, refs: _Refs) -> Iterable[ReviewItem]:
    for nid, d in graph.nodes(data=True):
        if d["kind"] not in ("Person", "Organisation", "Place"):
            continue
        name = str(d.get("name", ""))
        words = name.split()
        if len(words) > 1 and words[-1] in _PARTICLES:
            fixed = " ".join(words[:-1])
            yield ReviewItem(0.9, "name cut", f"{_name(graph, nid)} ends with the particle {words[-1]!r}",
                             [nid], [], [{"rename": {"node": refs(nid), "to": fixed},
                                          "note": "review: name runs past its end"}], _weight(graph, nid))
            continue
        for text, s, e in _mention_spans(d):
            before = text[s - 1] if s > 0 else " "
            rest = _WORD_REST.match(text, e) or _PARTICLE_NEXT.match(text, e)
            if before.isalpha() or rest:
                full = text[s:(rest.end() if rest else e)].rstrip("'’-")
                if full.endswith(("'s", "’s")):
                    full = full[:-2]
                if full == name and not before.isalpha():
                    continue
                yield ReviewItem(
                    0.9, "name cut", f"{_name(graph, nid)} is cut short: the text says {full!r}",
                    [nid], [], [{"rename": {"node": refs(nid), "to": full},
                                 "note": "review: the name is cut short"}] if full != name else [],
                    _weight(graph, nid))
                break


def _split_names(graph: nx.MultiDiGraph, refs: _Refs) -> Iterable[ReviewItem]:
    by_sentence: dict[tuple, list[tuple[str, str]]] = defaultdict(list)
    for nid, d in graph.nodes(data=True):
        if d["kind"] not in ("Person", "Organisation", "Place"):
            continue
        for ev in d.get("evidence") or []:
            surface = ev.get("mention") or d.get("name")
            if surface:
                by_sentence[(ev.get("doc"), ev.get("start"), ev.get("text"))].append((nid, str(surface)))
    pairs = set()
    for (_, _, text), found in by_sentence.items():
        text = str(text or "")
        for a, sa in found:
            for b, sb in found:
                if a == b or (a, b) in pairs or "Person" not in (graph.nodes[a]["kind"], graph.nodes[b]["kind"]):
                    continue
                if re.search(rf"(?<!\w){re.escape(sa)}\s+{re.escape(sb)}(?!\w)", text):
                    pairs.add((a, b))
    for a, b in sorted(pairs):
        keep, other = (a, b) if graph.nodes[a]["kind"] == "Person" or graph.nodes[b]["kind"] != "Person" else (b, a)
        full = f"{graph.nodes[a].get('name')} {graph.nodes[b].get('name')}"
        yield ReviewItem(
            0.88, "split name", f"{_name(graph, a)} and {_name(graph, b)} stand side by side: one name, {full!r}?",
            [a, b], [], [{"merge": [refs(keep), refs(other)], "note": "review: one name cut in two"},
                         {"rename": {"node": refs(keep), "to": full}, "note": "review: one name cut in two"}],
            _weight(graph, a, b))


def _skeleton(word: str) -> str:
    """The consonants of a word, in order, doubled ones once: transliterations of one name
    (Nazarbaev, Nazarbayev; Mohammed, Muhammad) share it."""
    w = word.replace("kh", "h").replace("ph", "f").replace("dj", "j").replace("ck", "k").replace("q", "k")
    out = w[:1]
    for c in w[1:]:
        if c in "aeiouyhw" or c == out[-1:]:
            continue
        out += c
    return out


def _edit1(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return a == b
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + 1:] == b[i + 1:] if len(a) == len(b) else a[i:] == b[i + 1:]


def _similar(fa: str, fb: str) -> str | None:
    """How two normalised names look like one: 'typo', 'transliteration', 'contains' or None."""
    if fa == fb:
        return "same name"
    ta, tb = fa.split(), fb.split()
    if len(fa) >= 5 and _edit1(fa, fb):
        return "typo"
    if len(ta) == len(tb) and all(_skeleton(x) == _skeleton(y) and x[0] == y[0] for x, y in zip(ta, tb)) \
            and len(_skeleton(fa.replace(" ", ""))) >= 4:
        return "transliteration"
    if len(ta) == len(tb) > 1 and ta[:-1] == tb[:-1] and min(len(ta[-1]), len(tb[-1])) >= 3 and (
            ta[-1].startswith(tb[-1]) or tb[-1].startswith(ta[-1])):
        return "cut short"  # Recep Tayyip Erdo / Recep Tayyip Erdogan
    short, long_ = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    if short and len(short) < len(long_) and any(long_[i:i + len(short)] == short
                                                 for i in range(len(long_) - len(short) + 1)):
        return "contains"
    return None


def _duplicates(graph: nx.MultiDiGraph, refs: _Refs) -> Iterable[ReviewItem]:
    for kind in ENTITY_KINDS:
        nodes = sorted(n for n, k in graph.nodes(data="kind") if k == kind)
        forms = {n: _forms(graph.nodes[n]) for n in nodes}
        blocks: dict[str, set[str]] = defaultdict(set)  # a word, or a word's skeleton -> nodes
        for n in nodes:
            for f in forms[n]:
                for w in f.split():
                    if len(w) > 2:
                        blocks[w].add(n)
                        blocks["~" + _skeleton(w)].add(n)
        candidates = sorted({(a, b) for group in blocks.values() if len(group) < 50
                             for a in group for b in group if a < b})
        found: dict[tuple[str, str], str] = {}
        for a, b in candidates:
            da, db = graph.nodes[a], graph.nodes[b]
            if kind == "State" and da.get("iso_code") and db.get("iso_code") and da["iso_code"] != db["iso_code"]:
                continue  # two states the gazetteer knows apart
            how = None
            for fa in sorted(forms[a]):
                for fb in sorted(forms[b]):
                    how = _similar(fa, fb)
                    if how:
                        break
                if how:
                    break
            if how:
                found[(a, b)] = how
        # a short name inside several longer ones ("Aliyev" in Ilham and Heydar Aliyev) is ambiguous:
        # one entry for it, naming them, and no merge suggested
        inside: dict[str, list[str]] = defaultdict(list)
        for (a, b), how in found.items():
            if how == "contains":
                short = min((a, b), key=lambda n: (len(str(graph.nodes[n].get("name", ""))), n))
                inside[short].append(b if short == a else a)
        for short, longer in sorted(inside.items()):
            if len(longer) > 1:
                names = sorted(str(graph.nodes[n].get("name")) for n in longer)
                shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
                yield ReviewItem(0.55, "duplicate", f"{_name(graph, short)} is part of {len(names)} longer names: "
                                 f"{shown}", [short], [], [], _weight(graph, short))
        for (a, b), how in sorted(found.items()):
            keep, other = sorted((a, b), key=lambda n: (-len(graph.nodes[n].get("evidence") or []),
                                                        -len(str(graph.nodes[n].get("name", ""))), n))
            if how == "contains" and any(len(inside[n]) > 1 for n in (a, b)):
                continue  # said once, above
            score = 0.85 if how in ("typo", "transliteration", "same name", "cut short") else 0.8
            if how == "contains" and kind != "Person":
                score = 0.65  # bodies and places often hold their parent's name ("OIC Contact Group")
            yield ReviewItem(
                score, "duplicate", f"{_name(graph, a)} and {_name(graph, b)} look like one ({how})",
                [a, b], [], [{"merge": [refs(keep), refs(other)], "note": f"review: probable duplicate ({how})"}],
                _weight(graph, a, b))


def _low_confidence(graph: nx.MultiDiGraph, refs: _Refs) -> Iterable[ReviewItem]:
    for nid, d in graph.nodes(data=True):
        conf = d.get("confidence")
        if isinstance(conf, (int, float)) and not isinstance(conf, bool) and conf < 0.7:
            yield ReviewItem(0.5 + 0.45 * (1 - conf), "low confidence",
                             f"{_name(graph, nid)} was found by a weak rule (confidence {conf:.2f})",
                             [nid], [], [{"drop": refs(nid), "note": f"review: weak rule ({conf:.2f})"}],
                             _weight(graph, nid))
    for u, v, d in graph.edges(data=True):
        conf = d.get("confidence")
        if isinstance(conf, (int, float)) and not isinstance(conf, bool) and conf < 0.7:
            yield ReviewItem(0.5 + 0.45 * (1 - conf), "low confidence",
                             f"{graph.nodes[u].get('name')} {d['type']} {graph.nodes[v].get('name')} was found "
                             f"by a weak rule (confidence {conf:.2f})",
                             [], [(u, v, d["type"])],
                             [{"drop_edge": {"source": refs(u), "type": d["type"], "target": refs(v)},
                               "note": f"review: weak rule ({conf:.2f})"}], len(d.get("evidence") or []))


def _sentence_neighbours(graph: nx.MultiDiGraph, refs: _Refs, nid: str, kinds: tuple[str, ...]) -> list[str]:
    """Nodes of ``kinds`` with evidence in one of ``nid``'s sentences, most shared first."""
    mine = {(ev.get("doc"), ev.get("start")) for ev in graph.nodes[nid].get("evidence") or []}
    counts: dict[str, int] = defaultdict(int)
    for key in mine:
        for other in set(refs.sentences.get(key, ())):
            if other != nid and graph.nodes[other]["kind"] in kinds:
                counts[other] += 1
    return sorted(counts, key=lambda n: (-counts[n], n))


def _undated_and_unlinked(graph: nx.MultiDiGraph, refs: _Refs) -> Iterable[ReviewItem]:
    for nid, d in graph.nodes(data=True):
        if d["kind"] not in ("Event", "Agreement"):
            continue
        party = "PARTICIPATED_IN" if d["kind"] == "Event" else "PARTY_TO"
        if not any(t == party for _, _, t in graph.in_edges(nid, data="type")):
            near = _sentence_neighbours(graph, refs, nid, ("State", "Person", "Organisation"))[:3]
            yield ReviewItem(0.7, "no participants", f"{_name(graph, nid)} has no "
                             f"{'participants' if party == 'PARTICIPATED_IN' else 'parties'}", [nid], [],
                             [{"add_edge": {"source": refs(n), "type": party, "target": refs(nid)},
                               "note": "review: named in the same sentence"} for n in near],
                             _weight(graph, nid))
        if not d.get("date") and not d.get("date_start"):
            years = sorted({m.group(1) for ev in d.get("evidence") or []
                            for m in _YEAR.finditer(str(ev.get("text") or ""))})
            yield ReviewItem(0.75 if years else 0.5, "no date",
                             f"{_name(graph, nid)} has no date" +
                             (f"; its sentence names {', '.join(years)}" if years else ""), [nid], [],
                             [{"set": {"node": refs(nid), "date": y}, "note": "review: the year its sentence names"}
                              for y in years[:1]] if len(years) == 1 else [],
                             _weight(graph, nid))


_DATED = re.compile(r"\b(?:1[6-9]\d\d|20\d\d)\b")
_MONTH = re.compile(r"\b(?:" + "|".join(_WORDS["month_names"]) + r")\b")


def _missed_events(graph: nx.MultiDiGraph, refs: _Refs) -> Iterable[ReviewItem]:
    """Sentences that name a year and two or more actors, but support no event or agreement:
    where an event the extraction missed most often hides."""
    sentences: dict[tuple, dict] = {}
    for nid, d in graph.nodes(data=True):
        for ev in d.get("evidence") or []:
            key = (ev.get("doc"), ev.get("start"))
            entry = sentences.setdefault(key, {"text": str(ev.get("text") or ""), "actors": set(), "events": False})
            if d["kind"] in ("Event", "Agreement"):
                entry["events"] = True
            elif d["kind"] in ("State", "Person", "Organisation"):
                entry["actors"].add(nid)
    for (doc, start), s in sorted(sentences.items(), key=lambda kv: (str(kv[0][0]), kv[0][1] or 0)):
        dates = sorted(set(_DATED.findall(s["text"]))) or sorted(set(_MONTH.findall(s["text"])))
        if s["events"] or not s["actors"] or not dates and len(s["actors"]) < 3:
            continue
        actors = sorted(s["actors"])
        text = " ".join(s["text"].split())
        short = text if len(text) <= 90 else text[:87] + "..."
        score = 0.65 if len(actors) > 1 and dates and dates[0].isdigit() else 0.55 if dates else 0.45
        named = f"{', '.join(dates)} and " if dates else ""
        yield ReviewItem(score, "missed event?", f"a sentence naming {named}{len(actors)} actor(s) supports no "
                         f"event: {short!r}", actors, [], [], len(actors), [text])


def _unlinked_actors(graph: nx.MultiDiGraph, refs: _Refs) -> Iterable[ReviewItem]:
    """Events and agreements whose own sentences name actors that have no link to them."""
    for nid, d in graph.nodes(data=True):
        if d["kind"] not in ("Event", "Agreement"):
            continue
        linked = set(nx.all_neighbors(graph, nid))
        named = [n for n in _sentence_neighbours(graph, refs, nid, ("State", "Person", "Organisation"))
                 if n not in linked]
        if not named:
            continue
        party = "PARTICIPATED_IN" if d["kind"] == "Event" else "PARTY_TO"
        names = ", ".join(str(graph.nodes[n].get("name")) for n in named[:5])
        yield ReviewItem(0.58, "unlinked actors", f"{_name(graph, nid)}: its sentence names {names}, "
                         "not linked to it", [nid], [],
                         [{"add_edge": {"source": refs(n), "type": party, "target": refs(nid)},
                           "note": "review: named in its sentence"} for n in named[:3]], _weight(graph, nid))


def _stateless(graph: nx.MultiDiGraph, refs: _Refs) -> Iterable[ReviewItem]:
    for nid, d in graph.nodes(data=True):
        if d["kind"] != "Person":
            continue
        linked = any(graph.nodes[o]["kind"] == "State" for o in nx.all_neighbors(graph, nid))
        if linked:
            continue
        one_word = len(str(d.get("name", "")).split()) == 1
        near = _sentence_neighbours(graph, refs, nid, ("State",))[:1]
        yield ReviewItem(0.72 if one_word else 0.6, "no state",
                         f"{_name(graph, nid)} is linked to no state" + (" (a one-word name)" if one_word else ""),
                         [nid], [], [{"add_edge": {"source": refs(nid), "type": "HEAD_OF", "target": refs(s)},
                                      "note": "review: if they lead it"} for s in near],
                         _weight(graph, nid))


# -- the suggestions as a corrections file -------------------------------------------------------

def _yaml_value(value: Any) -> str:
    """A value in YAML flow style: JSON strings and lists are valid YAML."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_yaml_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_yaml_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


def suggestions_text(items: list[ReviewItem], origin: str = "the graph") -> str:
    """The review queue as a corrections file whose entries are all commented out.

    Examples
    --------
    >>> item = ReviewItem(0.9, "name cut", "Person 'Park Geun' is cut short", ["person:1"], [],
    ...                   [{"rename": {"node": "Person:Park Geun", "to": "Park Geun-hye"}, "note": "review"}])
    >>> print("\\n".join(suggestions_text([item], "g.json").splitlines()[-3:]))
    # 1. [name cut] Person 'Park Geun' is cut short
    # - rename: {node: "Person:Park Geun", to: "Park Geun-hye"}
    #   note: "review"
    """
    lines = [f"# briefgraph review of {origin}: {len(items)} entries, most useful first.",
             "# Un-comment an entry (remove '# ' before '- ' and its 'note') to apply it with",
             "#   briefgraph ingest BRIEF... --corrections THIS-FILE -o graph.json"]
    for k, item in enumerate(items, 1):
        lines.append("")
        lines.append(f"# {k}. [{item.category}] {' '.join(item.message.split())}")
        if not item.suggestions:
            lines.append("#    (no change to suggest: check it in the brief)")
        for s in item.suggestions:
            op = next(key for key in s if key != "note")
            lines.append(f"# - {op}: {_yaml_value(s[op])}")
            if s.get("note"):
                lines.append(f"#   note: {_yaml_value(s['note'])}")
    return "\n".join(lines) + "\n"


def write_suggestions(items: list[ReviewItem], target: str | os.PathLike | IO[str], origin: str = "the graph") -> None:
    """Write :func:`suggestions_text` to a path (atomically), ``"-"`` or an open file."""
    with open_output(target) as fh:
        fh.write(suggestions_text(items, origin))
