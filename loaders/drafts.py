"""Draft records: the entities and events that the extraction passes build for one brief,
before their ids are fixed and they are emitted as ``graph.model`` records."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefgraph.graph.ids import make_id
from briefgraph.graph.model import Evidence
from briefgraph.loaders.dates import DateValue
from briefgraph.loaders.document import Sentence
from briefgraph.loaders.events import Trigger

ACTOR_KINDS = ("State", "Person", "Organisation")
# "both sides signed", "the two countries": the pair of states a bilateral brief is about
BOTH = re.compile(r"\b(?:both|the\s+two)\s+(?:sides|countries|states|nations|governments|leaders)\b"
                  r"|\bboth\b(?=\s+(?:have|had|took|signed|agreed|are|were))", re.I)


@dataclass
class DraftEntity:
    kind: str
    key: str
    name: str
    aliases: list[str] = field(default_factory=list)
    props: dict = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    count: int = 0

    @property
    def id(self) -> str:
        return make_id(self.kind, self.key)


@dataclass
class DraftEvent:
    kind: str  # Event | Agreement
    type: str
    sent: Sentence
    trigger: Trigger
    name: str = ""
    date: DateValue | None = None
    date_source: str | None = None
    participants: dict[str, str | None] = field(default_factory=dict)  # entity key -> role
    places: list[str] = field(default_factory=list)
    establishes: list[str] = field(default_factory=list)
    during: "DraftEvent | None" = None
    evidence: list[Evidence] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    def states(self, entities) -> list[str]:
        return sorted(k for k in self.participants if entities[k].kind == "State")
