"""Properties of extraction on any text: it never crashes, it does not lose what a paragraph
names when other paragraphs follow, and the grammar only makes the schema's types."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgraph.graph.model import build
from briefgraph.graph.schema import check_graph, load_schema
from briefgraph.loaders.document import parse
from briefgraph.loaders.extract import extract
from briefgraph.loaders.lexicon import grammar

HEADER = "A TITLE\n\nBy\nA Writer\n\n12 March 2024\n\n"
PIECES = [
    "The", "the", "of", "and", "in", "on", "at", ",", ".", ";", "(", ")", "’s", "'", "“", "”", "-", "—", ":",
    "President", "Prime Minister", "Ministers", "General", "the then", "former", "alias", "who", "which",
    "Jane Roe", "Lula da Silva", "el-Sisi", "Yoon Suk-yeol", "Erdoğan", "Mercosur", "ECOWAS", "(ECOWAS)",
    "Economic Community of West African States", "Burkina Faso", "Mali", "Niger’s", "Nigerian", "Sahel",
    "capital", "Niamey", "Abuja", "railway line", "Kurtha-Bijalpur", "in India", "Ministry", "Council",
    "visit", "visited", "landed", "met", "did not meet", "is to meet", "summit", "talks", "coup", "coups",
    "imposed sanctions", "lifted sanctions", "withdrew from", "joined", "formed a new alliance", "severing ties",
    "persona non grata", "restored", "normalisation process", "press conference", "inaugurated", "flagged off",
    "agreed to", "signed", "defense pact", "joint release", "MoU", "seven agreements", "treaty", "resolution 822",
    "On March 16", "on Saturday", "Sunday", "last September", "in February", "(May 31 to 3)", "from May 31 to June 3",
    "in December 2022", "since", "two-day", "four-day", "2019", "the same year", "(TASS, November 12)",
    "the two countries", "the three", "both", "he", "his", "the bloc", "it", "during", "\n", "\n\n",
    "Mr", "Mrio", "Dr.", "Drummond", "H.E.", "Hermann", "Sir", "Sirleaf", "Sheikh", "Ms", "Msimang",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=80))
def test_extraction_never_crashes_and_builds_a_valid_graph(pieces):
    text = HEADER + " ".join(pieces)
    graph = build(extract(parse(text)))
    check_graph(graph)
    for _, d in graph.nodes(data=True):
        assert d["kind"] in ("State", "Person", "Organisation", "Place", "Event", "Agreement", "Source")
        assert 0 <= d.get("confidence", 1) <= 1
        for ev in d["evidence"]:
            assert 0 <= ev["start"] <= ev["end"] <= len(text)


PARAGRAPHS = [
    "President Jane Roe of Ghana visited Togo on 4 May 2022 and met Prime Minister Ali Mensah of Togo.",
    "The Economic Community of West African States (ECOWAS) imposed sanctions on Mali in January 2022.",
    "Kenya and Uganda signed a defence pact in Kampala in 2019, during a summit of the two countries.",
    "Relations between Chile and Bolivia took a nosedive in 2018 after the ruling of the court.",
    "The talks were held in Niamey, the capital of Niger, in the presence of observers from Chad.",
]


def _entities(text: str) -> set[tuple[str, str]]:
    g = build(extract(parse(HEADER + text)))
    return {(d["kind"], d["name"]) for _, d in g.nodes(data=True) if d["kind"] in ("State", "Person", "Organisation", "Place")}


@settings(max_examples=40, deadline=None)
@given(st.permutations(PARAGRAPHS), st.integers(min_value=1, max_value=len(PARAGRAPHS)))
def test_what_a_paragraph_names_stays_named_when_others_follow(order, k):
    """Each entity found in a paragraph read alone is found when the brief goes on."""
    first, rest = order[0], order[1:k]
    alone = _entities(first)
    together = _entities("\n\n".join([first, *rest]))
    assert alone <= together


def test_the_grammar_makes_only_the_schemas_types():
    schema = load_schema()
    event_types = {c["type"] for c in grammar("events")["classes"]}
    agreement_types = set(grammar("agreements")["nouns"]) | set(grammar("agreements")["verbs"])
    assert event_types == set(schema.event_types)
    assert agreement_types == set(schema.agreement_types)
