"""The timeline: events and agreements in date order, with participants and sources."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import networkx as nx

from briefgraph.errors import InputError
from briefgraph.graph.ids import normalise
from briefgraph.loaders.dates import parse_date

_PARTY_EDGES = ("PARTICIPATED_IN", "PARTY_TO")


@dataclass
class TimelineEntry:
    id: str
    kind: str
    type: str
    name: str
    date: str | None
    date_start: str | None
    date_end: str | None
    precision: str | None
    qualifier: str | None
    participants: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    #: the analyst's corrections behind the entry (its own and its party links'): {op, note, file}
    corrections: list[dict] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)  # pages of a PDF brief its evidence is on

    def as_dict(self) -> dict:
        return asdict(self)


def _bound(text: str | None, which: str) -> str | None:
    if text is None:
        return None
    value = parse_date(text)
    if value is None:
        raise InputError(f"cannot read {text!r} as a date", hint="use e.g. 2014, 2015-03 or 2024-07-12")
    return value.start if which == "start" else value.end


def find_actor(graph: nx.MultiDiGraph, name: str) -> set[str]:
    """Ids of the non-event nodes whose name or an alias matches ``name`` (normalised)."""
    want = normalise(name)
    exact, partial = set(), set()
    for nid, d in graph.nodes(data=True):
        if d["kind"] in ("Event", "Agreement", "Source"):
            continue
        forms = {normalise(x) for x in [d["name"], *d.get("aliases", [])]}
        if want in forms:
            exact.add(nid)
        elif any(want in f.split() or f.startswith(want + " ") or f.endswith(" " + want) for f in forms):
            partial.add(nid)
    return exact or partial


def timeline(graph: nx.MultiDiGraph, date_from: str | None = None, date_to: str | None = None,
             actor: str | None = None) -> list[TimelineEntry]:
    """Events and agreements of ``graph`` in date order (undated ones last).

    ``date_from`` / ``date_to`` take any date expression (``2014``, ``2015-03``, ``12 July 2024``);
    an entry is kept when the days it covers overlap the range; undated entries are dropped
    when a range is given. ``actor`` keeps the entries that actor took part in.
    """
    lo, hi = _bound(date_from, "start"), _bound(date_to, "end")
    actors = find_actor(graph, actor) if actor else None
    if actor and not actors:
        raise InputError(f"no actor named {actor!r} in the graph")
    entries = []
    for nid, d in graph.nodes(data=True):
        if d["kind"] not in ("Event", "Agreement"):
            continue
        start, end = d.get("date_start"), d.get("date_end")
        if (lo or hi) and not start:
            continue
        if lo and end < lo or hi and start > hi:
            continue
        parties = [u for u, _, t in graph.in_edges(nid, data="type") if t in _PARTY_EDGES]
        if actors is not None and not actors & set(parties):
            continue
        places = [v for _, v, t in graph.out_edges(nid, data="type") if t == "OCCURRED_IN"]
        source_ids = sorted({s for ev in d.get("evidence", []) for s in ev.get("sources", [])})
        corrections = list(d.get("corrections") or [])
        for _, _, ed in graph.in_edges(nid, data=True):
            for record in ed.get("corrections") or []:
                if ed.get("type") in _PARTY_EDGES and record not in corrections:
                    corrections.append(record)
        entries.append(TimelineEntry(
            id=nid, kind=d["kind"], type=d.get("event_type") or d.get("agreement_type") or d["kind"],
            name=d["name"], date=d.get("date"), date_start=start, date_end=end,
            precision=d.get("date_precision"), qualifier=d.get("date_qualifier"),
            participants=sorted(graph.nodes[p]["name"] for p in set(parties)),
            places=sorted(graph.nodes[p]["name"] for p in set(places)),
            sources=[graph.nodes[s].get("title") or graph.nodes[s]["name"] for s in source_ids if s in graph],
            corrections=corrections,
            pages=sorted({ev["page"] for ev in d.get("evidence", []) if ev.get("page") is not None}),
        ))
    entries.sort(key=lambda e: (e.date_start is None, e.date_start or "", e.date_end or "", e.name))
    return entries
