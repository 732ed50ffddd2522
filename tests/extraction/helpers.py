"""Small briefs written for the extraction tests, and a view of what extraction made of them."""

from __future__ import annotations

from dataclasses import dataclass

from briefgraph.graph.model import build
from briefgraph.loaders.document import parse
from briefgraph.loaders.extract import extract

HEADER = "A Brief Written For The Tests\n{date}\n\n"


@dataclass
class Graph:
    g: object

    def names(self, kind: str) -> set[str]:
        return {d["name"] for _, d in self.g.nodes(data=True) if d["kind"] == kind}

    def node(self, kind: str, name: str) -> dict:
        hits = [d for _, d in self.g.nodes(data=True) if d["kind"] == kind and d["name"] == name]
        assert len(hits) == 1, (kind, name, self.names(kind))
        return hits[0]

    def id(self, kind: str, name: str) -> str:
        hits = [n for n, d in self.g.nodes(data=True) if d["kind"] == kind and d["name"] == name]
        assert len(hits) == 1, (kind, name, self.names(kind))
        return hits[0]

    def events(self, kind: str = "Event") -> list[dict]:
        return [d for _, d in self.g.nodes(data=True) if d["kind"] == kind]

    def parties(self, event: dict) -> set[str]:
        eid = next(n for n, d in self.g.nodes(data=True) if d is event)
        return {self.g.nodes[u]["name"] for u, _, t in self.g.in_edges(eid, data="type")
                if t in ("PARTICIPATED_IN", "PARTY_TO")}

    def edge(self, a: str, etype: str, b: str) -> bool:
        return any(self.g.nodes[u]["name"] == a and self.g.nodes[v]["name"] == b
                   for u, v, t in self.g.edges(data="type") if t == etype)


def read(body: str, date: str = "12 March 2024") -> Graph:
    """The graph of a brief with a title, a date line and ``body`` (paragraphs of prose)."""
    return Graph(build(extract(parse(HEADER.format(date=date) + body))))
