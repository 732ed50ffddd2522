"""The corrections file is read whole and checked before any work: each mistake is refused
with its file and line."""

from __future__ import annotations

import pytest

from briefgraph.errors import CorrectionsError
from briefgraph.graph.corrections_file import date_props, load_corrections, parse_corrections

EVERY_OP = """\
# every operation, with comments between them
- merge: ["Person:Lula", "Person:Luiz Inácio Lula da Silva"]
  note: same person
- drop: "Place:Noda"
- rename: {node: "Person:Iham Aliyev", to: "Ilham Aliyev"}
- retype: {node: "Person:Hezbollah", to: Organisation}   # a body, not a man
- set: {node: "Event:Official visit of Ilham Aliyev to Pakistan", date: "2024-07-11/2024-07-12"}
- add_node: {kind: Organisation, name: "Alliance of Sahel States", aliases: [AES]}
- add_edge: {source: "Person:Narendra Modi", type: HEAD_OF, target: "State:India"}
- drop_edge: {source: "Person:Narendra Modi", type: HEAD_OF, target: "State:Nepal"}
  note: Modi heads India
"""


def test_every_operation_of_the_issue_parses_with_its_line_and_note():
    fixes = parse_corrections(EVERY_OP, "c.yaml")
    assert [(c.op, c.line) for c in fixes] == [
        ("merge", 2), ("drop", 4), ("rename", 5), ("retype", 6), ("set", 7), ("add_node", 8),
        ("add_edge", 9), ("drop_edge", 10)]
    assert fixes[0].args == {"nodes": ["Person:Lula", "Person:Luiz Inácio Lula da Silva"]}
    assert fixes[0].note == "same person" and fixes[1].note is None and fixes[7].note == "Modi heads India"
    assert fixes[4].args == {"node": "Event:Official visit of Ilham Aliyev to Pakistan",
                             "props": {"date": "2024-07-11/2024-07-12"}}
    assert fixes[5].args == {"kind": "Organisation", "name": "Alliance of Sahel States", "aliases": ["AES"],
                             "props": {}}
    assert fixes[6].provenance() == {"op": "add_edge", "note": None, "file": "c.yaml"}


def test_an_empty_file_or_only_comments_is_no_corrections(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    assert load_corrections(path) == []


def test_a_yaml_date_is_read_as_an_iso_string():
    (fix,) = parse_corrections("- set: {node: 'Event:X', date: 2024-07-11}\n")
    assert fix.args["props"] == {"date": "2024-07-11"}


@pytest.mark.parametrize("text, line, words", [
    ("- drop: 'Place:Noda'\n- drop: [unclosed\n", 2, "not valid YAML"),
    ("drop: 'Place:Noda'\n", 1, "is a list of entries"),
    ("- drop: 'Place:Noda'\n\n- delete: 'Place:Noda'\n", 3, "unknown key 'delete'"),
    ("- drop: 'Place:Noda'\n  rename: {node: 'Place:Noda', to: X}\n", 1, "exactly one operation"),
    ("- note: only a note\n", 1, "exactly one operation"),
    ("- 'Place:Noda'\n", 1, "an entry is a mapping"),
    ("- drop: 'Planet:Noda'\n", 1, "unknown node kind 'Planet'"),
    ("- drop: 'Noda'\n", 1, "as 'Kind:name'"),
    ("- merge: ['Person:Lula']\n", 1, "two or more nodes"),
    ("- retype: {node: 'Person:Hezbollah', to: Militia}\n", 1, "unknown node kind 'Militia'"),
    ("- rename: {node: 'Person:X'}\n", 1, "rename needs to"),
    ("- rename: {node: 'Person:X', to: Y, kind: Person}\n", 1, "takes only node, to"),
    ("- set: {node: 'Event:X', date: '12 July 2024'}\n", 1, "not ISO 8601"),
    ("- set: {node: 'Event:X', date: '2024-02-30'}\n", 1, "not ISO 8601"),
    ("- set: {node: 'Event:X'}\n", 1, "at least one property"),
    ("- set: {node: 'Event:X', name: Y}\n", 1, "cannot be set here"),
    ("- set: {node: 'Event:X', confidence: 2}\n", 1, "from 0 to 1"),
    ("- set: {node: 'Event:X', role: {a: 1}}\n", 1, "text, a number or a list"),
    ("- add_edge: {source: 'Person:X', type: LIKES, target: 'State:Y'}\n", 1, "unknown edge type 'LIKES'"),
    ("- add_edge: {source: 'Person:X', type: HEAD_OF}\n", 1, "needs target"),
    ("- drop_edge: {source: 'Person:X', type: HEAD_OF, target: 'State:Y', role: z}\n", 1, "takes only"),
    ("- add_node: {kind: Organisation, name: AES, aliases: 3}\n", 1, "list of names"),
    ("- drop: 'Place:Noda'\n  note: {a: b}\n", 1, "'note' is text"),
])
def test_a_malformed_entry_is_refused_with_its_line(text, line, words):
    with pytest.raises(CorrectionsError) as info:
        parse_corrections(text, "fix.yaml")
    message = str(info.value)
    assert message.startswith(f"fix.yaml:{line}: "), message
    assert words in message


def test_a_missing_or_binary_file_is_refused(tmp_path):
    with pytest.raises(CorrectionsError, match="no such corrections file"):
        load_corrections(tmp_path / "absent.yaml")
    (tmp_path / "bin.yaml").write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(CorrectionsError, match="UTF-8"):
        load_corrections(tmp_path / "bin.yaml")


@pytest.mark.parametrize("value, expected", [
    ("1995", ("1995", "1995-01-01", "1995-12-31", "year")),
    ("2024-02", ("2024-02", "2024-02-01", "2024-02-29", "month")),
    ("2024-12", ("2024-12", "2024-12-01", "2024-12-31", "month")),
    ("2024-07-12", ("2024-07-12", "2024-07-12", "2024-07-12", "day")),
    ("2024-07-11/2024-07-12", ("2024-07-11/2024-07-12", "2024-07-11", "2024-07-12", "day")),
    ("2014/2016", ("2014/2016", "2014-01-01", "2016-12-31", "year")),
])
def test_date_props_keep_the_precision_given(value, expected):
    d = date_props(value)
    assert (d["date"], d["date_start"], d["date_end"], d["date_precision"]) == expected


@pytest.mark.parametrize("value", ["", "July 2024", "2024-13", "2024-07-12/2024-07-01", "1/2/3", "24"])
def test_date_props_refuse_what_is_not_an_iso_date(value):
    assert date_props(value) is None
