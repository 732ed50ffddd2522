"""Neo4j's Cypher rewritten for the embedded engine: token-level, never inside string literals."""

from __future__ import annotations

import pytest

from briefgraph.cypher.dialect import translate
from briefgraph.errors import QueryError


def test_functions_are_renamed_outside_strings_only():
    text = translate("MATCH (a)-[r]->(b) WHERE a.name = 'type(r) toLower(x)' RETURN type(r) AS t, toLower(a.name) AS n")
    assert text == ("MATCH (a)-[r]->(b) WHERE a.name = 'type(r) toLower(x)' "
                    "RETURN label(r) AS t, lower(a.name) AS n")


def test_unaliased_columns_keep_neo4j_names():
    assert translate("MATCH (n) RETURN n.name, count(*)") == "MATCH (n) RETURN n.name AS `n.name`, count(*) AS `count(*)`"
    assert translate("MATCH (n) RETURN DISTINCT n.kind ORDER BY n.kind") == \
        "MATCH (n) RETURN DISTINCT n.kind AS `n.kind` ORDER BY n.kind"


def test_shortest_path_forms():
    assert translate("MATCH p = shortestPath((a)-[:X*..5]->(b)) RETURN p") == \
        "MATCH p = (a)-[:X* SHORTEST 1..5]->(b) RETURN p AS `p`"
    assert "ALL SHORTEST 1..3" in translate("MATCH p = allShortestPaths((a)-[*1..3]-(b)) RETURN p")
    with pytest.raises(QueryError, match="lower bound"):
        translate("MATCH p = shortestPath((a)-[*2..5]-(b)) RETURN p")


def test_list_comprehensions_become_list_functions():
    assert translate("RETURN [x IN [1, 2, 3] WHERE x > 1 | x * 10] AS y") == \
        "RETURN list_transform(list_filter([1, 2, 3], x -> x > 1), x -> x * 10) AS y"
    assert translate("RETURN [x IN xs | [y IN x | y]] AS z").count("list_transform") == 2


def test_zero_based_positions_become_one_based():
    assert translate("RETURN substring('abc', 1, 1) AS s, [1, 2][0] AS f") == \
        "RETURN substr('abc', (1) + 1, 1) AS s, [1, 2][(0) + 1] AS f"


def test_relationship_uniqueness_is_added_where_types_may_overlap():
    text = translate("MATCH (a)-[:P]->(e)<-[:P]-(b), (a)-[:Q]->(c) RETURN a")
    # the two P relationships may be one; a Q is never a P, so it is left alone (and unnamed)
    assert text == "MATCH (a)-[_bgr1:P]->(e)<-[_bgr2:P]-(b), (a)-[:Q]->(c)  WHERE id(_bgr1) <> id(_bgr2) RETURN a AS `a`"
    assert "is_trail(p)" in translate("MATCH p = (a)-[*1..3]-(b) WHERE a.id < b.id RETURN p")


def test_a_named_alias_that_shadows_a_variable_orders_by_the_value():
    assert translate("MATCH (a) RETURN a.name AS a ORDER BY a") == "MATCH (a) RETURN a.name AS a ORDER BY (a.name)"


@pytest.mark.parametrize("cypher, named", [
    ("MATCH (n) RETURN n {.name, .id}", "map projection"),
    ("MATCH (n) RETURN [(n)-->(m) | m.name]", "pattern comprehension"),
    ("RETURN [1, 2, 3][0..2]", "list slice"),
    ("MATCH (n) RETURN elementId(n)", "elementId()"),
    ("MATCH (n) WHERE exists((n)-->()) RETURN n", "exists() of a pattern"),
])
def test_untranslatable_forms_are_named(cypher, named):
    with pytest.raises(QueryError) as info:
        translate(cypher)
    assert named in str(info.value) and "--backend neo4j" in info.value.hint
