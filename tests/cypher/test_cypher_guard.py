"""The one rule for what a query may do (briefgraph.cypher.guard), on statements alone."""

from __future__ import annotations

import pytest

from briefgraph.cypher.guard import check, is_write
from briefgraph.errors import QueryError

READS = [
    "MATCH (n:Person) RETURN n.name",
    "MATCH (n) WHERE n.name = 'DELETE me; LOAD CSV' RETURN n.set AS load, n.`create` AS x",
    "MATCH (n) // DROP everything\nRETURN n /* CREATE USER x */",
    "MATCH (e:Event) RETURN e.date_start AS start, e.date_end AS stop ORDER BY start",
    "MATCH (n) WHERE n.name STARTS WITH 'A' RETURN {set: 1, load: 2} AS m",
    "MATCH (s:State) CALL { WITH s MATCH (s)-->(x) RETURN count(x) AS n } RETURN s.name, n",
    "CALL db.labels() YIELD label RETURN label",
    "MATCH (s:State) WHERE EXISTS { MATCH (s)-->() } RETURN s",
    "WITH $begin AS begin RETURN begin",
]


@pytest.mark.parametrize("cypher", READS)
def test_reads_pass(cypher):
    check(cypher)
    assert not is_write(cypher)


@pytest.mark.parametrize("cypher, named", [
    ("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", "LOAD"),
    ("load csv with headers from 'https://x' as l return l", "LOAD"),
    ("LOAD FROM '/etc/passwd' RETURN *", "LOAD"),
    ("LOAD EXTENSION httpfs", "LOAD"),
    ("COPY Person FROM '/tmp/x.csv'", "COPY"),
    ("COPY (MATCH (n) RETURN n) TO '/tmp/x.csv'", "COPY"),
    ("EXPORT DATABASE '/tmp/x'", "EXPORT"),
    ("IMPORT DATABASE '/tmp/x'", "IMPORT"),
    ("INSTALL httpfs", "INSTALL"),
    ("ATTACH '/tmp/x.lbdb' AS other", "ATTACH"),
    ("DETACH DATABASE other", "DETACH DATABASE"),
    ("USE system SHOW USERS", "USE"),
    ("SHOW USERS", "SHOW"),
    ("CREATE USER mallory SET PASSWORD 'x'", "CREATE USER"),
    ("CREATE DATABASE other", "CREATE DATABASE"),
    ("CREATE INDEX i FOR (n:Person) ON (n.title)", "CREATE INDEX"),
    ("CREATE NODE TABLE T(id STRING PRIMARY KEY)", "CREATE NODE"),
    ("DROP USER neo4j", "DROP"),
    ("DROP TABLE Person", "DROP"),
    ("ALTER USER neo4j SET PASSWORD 'x'", "ALTER"),
    ("GRANT ROLE admin TO mallory", "GRANT"),
    ("DENY READ ON GRAPH * TO reader", "DENY"),
    ("REVOKE ROLE admin FROM mallory", "REVOKE"),
    ("STOP DATABASE neo4j", "STOP DATABASE"),
    ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "TERMINATE"),
    ("BEGIN TRANSACTION", "BEGIN"),
    ("CHECKPOINT", "CHECKPOINT"),
    ("CALL dbms.security.createUser('m', 'x', false)", "CALL dbms.security.createUser"),
    ("CALL apoc.load.json('file:///etc/passwd') YIELD value RETURN value", "CALL apoc.load.json"),
    ("CALL recursive_pattern_semantic='WALK'", "CALL recursive_pattern_semantic"),
    ("MATCH (n) CALL { WITH n LOAD CSV FROM 'file:///x' AS l RETURN l } RETURN l", "LOAD"),
])
def test_files_administration_and_foreign_procedures_are_always_refused(cypher, named):
    for allow_write in (False, True):
        with pytest.raises(QueryError) as info:
            check(cypher, allow_write)
        message = str(info.value)
        assert message.startswith("refused: ") and named in message and "\n" not in message


@pytest.mark.parametrize("cypher, named", [
    ("MATCH (n:Person) DETACH DELETE n", "DETACH DELETE"),
    ("MATCH (n:Person) DELETE n", "DELETE"),
    ("MATCH (n:Person) SET n.name = 'x'", "SET"),
    ("MATCH (n:Person) REMOVE n.name", "REMOVE"),
    ("CREATE (n:Person {id: 'x'})", "CREATE"),
    ("MERGE (n:Person {id: 'x'}) ON CREATE SET n.name = 'y'", "MERGE"),
    ("MATCH (n) FOREACH (x IN [1] | SET n.y = x)", "FOREACH"),
    ("MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS", "DETACH DELETE"),
])
def test_writes_need_the_flag(cypher, named):
    with pytest.raises(QueryError) as info:
        check(cypher)
    assert str(info.value) == f"refused: {named} writes to the database"
    assert "--allow-write" in info.value.hint
    assert is_write(cypher)
    check(cypher, allow_write=True)
