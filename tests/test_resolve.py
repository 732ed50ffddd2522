"""Entity resolution: variants merge, namesakes stay apart, results ignore input order."""

from __future__ import annotations

import pytest

from briefgraph.graph.ids import make_id
from briefgraph.graph.model import Evidence, NodeRecord, Records
from briefgraph.loaders.resolve import merge_people, resolve_across, same_person


@pytest.mark.parametrize("a, b", [
    ("Iham Aliyev", "Ilham Aliyev"),
    ("Muhammad Shehbaz Sharif", "Shehbaz Sharif"),
    ("Asif Ali Zardari", "Asif Zardari"),
    ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"),
])
def test_same_person(a, b):
    assert same_person(a, b)


@pytest.mark.parametrize("a, b", [
    ("Heydar Aliyev", "Ilham Aliyev"),
    ("Nawaz Sharif", "Shehbaz Sharif"),
    ("Imran Khan", "Ayub Khan"),
    ("Mamnoon Hussain", "Saddam Hussein"),
])
def test_different_people(a, b):
    assert not same_person(a, b)


def test_merge_is_independent_of_order():
    names = {"a": ("Iham Aliyev", 1), "b": ("Ilham Aliyev", 3), "c": ("Heydar Aliyev", 2)}
    reordered = dict(reversed(list(names.items())))
    assert merge_people(names) == merge_people(reordered) == {"a": "b"}


def _person(name, doc):
    ev = Evidence(f"{name} spoke.", doc, 0, 10, name)
    return NodeRecord(make_id("Person", name.lower()), "Person", name, [name], {}, [ev])


def test_across_briefs_a_typo_merges_into_one_node():
    r1 = Records(documents={"doc:1": {}}, nodes=[_person("Ilham Aliyev", "doc:1"), _person("Heydar Aliyev", "doc:1")])
    r2 = Records(documents={"doc:2": {}}, nodes=[_person("Iham Aliyev", "doc:2"), _person("Ilham Aliyev", "doc:2")])
    from briefgraph.graph.model import build

    g = build(resolve_across([r1, r2]))
    people = sorted(d["name"] for _, d in g.nodes(data=True))
    assert people == ["Heydar Aliyev", "Ilham Aliyev"]
    ilham = next(d for _, d in g.nodes(data=True) if d["name"] == "Ilham Aliyev")
    assert set(ilham["aliases"]) == {"Ilham Aliyev", "Iham Aliyev"}
    assert set(ilham["docs"]) == {"doc:1", "doc:2"}
