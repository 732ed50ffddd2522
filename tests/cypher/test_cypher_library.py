"""The library of named queries, the schema script and the property layout."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sample_graph import sample_graph

from briefgraph.cypher.library import Param, convert_value, get_query, infer_value, list_queries, parse_query
from briefgraph.cypher.properties import (edge_from_properties, edge_properties, node_from_properties,
                                          node_properties)
from briefgraph.cypher.schema import schema_script, schema_statements
from briefgraph.cypher.text import literal, scan
from briefgraph.errors import QueryError, SchemaError

REQUIRED = {"actor_events", "who_met_whom", "agreements_between", "shortest_path", "state_organisations",
            "co_participation", "events_in_range", "relationship_evidence"}


def test_the_library_has_every_research_question():
    queries = {q.name: q for q in list_queries()}
    assert REQUIRED <= set(queries)
    for q in queries.values():
        assert q.description and "\n" not in q.description and q.description.endswith(".")
        assert "$" not in q.description
        used = {name for _, _, name in scan(q.text).params}
        assert used == {p.name for p in q.params}, q.name  # every parameter declared, none unused


def test_no_query_is_tied_to_one_backend():
    assert not any("@neo4j-only" in q.text for q in list_queries())


def test_checked_in_schema_script_is_the_generated_one():
    text = resources.files("briefgraph.cypher").joinpath("schema.cypher").read_text("utf-8")
    assert text == schema_script()
    assert len(schema_statements()) == 8 + 7 + 3  # constraints, name indexes, date indexes


def test_params_are_typed_and_checked():
    q = get_query("events_in_range")
    assert q.convert({"date_from": "2014", "date_to": "2015-02"}) == {"date_from": "2014-01-01",
                                                                       "date_to": "2015-02-28"}
    with pytest.raises(QueryError, match="needs --param date_to"):
        q.convert({"date_from": "2014"})
    with pytest.raises(QueryError, match="has no parameter 'x'"):
        q.convert({"date_from": "2014", "date_to": "2015", "x": "1"})
    with pytest.raises(QueryError, match="not a date"):
        convert_value(Param("d", "date_start", ""), "someday")
    with pytest.raises(QueryError, match="not a int"):
        convert_value(Param("n", "int", ""), "five")


def test_unknown_query_and_bad_header():
    with pytest.raises(QueryError, match="no query named"):
        get_query("nope")
    with pytest.raises(QueryError, match="first line"):
        parse_query("x", "MATCH (n) RETURN n")
    with pytest.raises(QueryError, match="unknown type"):
        parse_query("x", "// d.\n// @param a blob  what\nMATCH (n) RETURN n")


def test_ad_hoc_values_are_read_as_json_when_they_parse():
    assert [infer_value(v) for v in ("5", "2.5", "true", '["a"]', '"2014"', "Pakistan", "{}")] == \
        [5, 2.5, True, ["a"], "2014", "Pakistan", "{}"]


def test_literals_escape_everything():
    assert literal('a"b\\c\nd') == '"a\\"b\\\\c\\nd"'
    assert literal(1e20) == "1e20" and literal([1, None, False]) == "[1, null, false]"
    assert literal({"odd key": 1}) == "{`odd key`: 1}"
    with pytest.raises(QueryError):
        literal(float("nan"))
    assert [name for _, _, name in scan("RETURN $x, '$no' // $y").params] == ["x"]


def test_node_properties_round_trip_with_values_neo4j_cannot_hold():
    g = sample_graph()
    data = g.nodes["source:1"]
    props = node_properties("source:1", data)
    assert json.loads(props["extra_json"]) == {"raw": {"publisher": "MFA", "pages": [1, 2]}}
    assert all(not isinstance(v, dict) for v in props.values())
    nid, kind, name, aliases, evidence, docs, rest = node_from_properties(props)
    rebuilt = {"kind": kind, "name": name, "aliases": aliases, "evidence": evidence, "docs": docs, **rest}
    assert (nid, rebuilt) == ("source:1", data)
    edge = g.edges["state:pk", "agreement:mou", "PARTY_TO"]
    props = edge_properties("state:pk", "agreement:mou", edge)
    assert props["source_ids"] == ["source:1", "source:2"] and "type" not in props
    evidence, rest = edge_from_properties(props)
    assert {"type": "PARTY_TO", "evidence": evidence, **rest} == edge


def test_reserved_property_names_are_refused():
    with pytest.raises(SchemaError, match="reserves"):
        node_properties("state:1", {"kind": "State", "name": "A", "source_ids": ["x"]})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.fixed_dictionaries({"text": st.text(), "doc": st.text(), "start": st.integers(0, 10**9),
                                       "sources": st.lists(st.text(max_size=5), max_size=3)})))
def test_evidence_json_is_the_json_module_compact_form(evidence):
    from briefgraph.cypher.properties import _ENCODE

    assert _ENCODE(evidence) == json.dumps(evidence, ensure_ascii=False, separators=(",", ":"))
