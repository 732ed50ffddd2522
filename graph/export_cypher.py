"""``write_cypher``: a Cypher script that loads a graph into any Neo4j (cypher-shell, Neo4j Browser).

The script holds what ``briefgraph push`` sends, with the values written as literals instead of
parameters (a script has no parameters): the schema statements, then ``UNWIND [rows] AS row
MERGE ...`` batches per label and per relationship type, then the documents. Properties follow
:mod:`briefgraph.cypher.properties`, so ``briefgraph pull`` reads a loaded database back into the
same graph. Each statement ends with ``;`` at the end of a line and string literals never hold a
raw line break, so a client may split the script at ``;`` line ends. Labels and types come only
from the schema's whitelist; running the script twice changes nothing (MERGE on label and id).
A graph an analyst's corrections changed starts with the deletion of exactly what they dropped.
"""

from __future__ import annotations

import os
from typing import IO

import networkx as nx

from briefgraph.cypher.properties import DOCUMENT_LABEL, document_properties, edge_properties, node_properties
from briefgraph.cypher.schema import quote_label, schema_statements
from briefgraph.cypher.text import literal
from briefgraph.graph.atomic import open_output
from briefgraph.graph.schema import load_schema

DEFAULT_BATCH = 500  # rows per statement: big enough to be quick, small enough for Browser


def cypher_statements(graph: nx.MultiDiGraph, batch_size: int = DEFAULT_BATCH) -> list[str]:
    """The statements of the load script, without the final ``;``.

    Raise SchemaError if a node kind or edge type is not in the schema.

    Examples
    --------
    >>> from briefgraph.graph.model import new_graph, add_node
    >>> g = new_graph(); add_node(g, "state:1", "State", "Pakistan")
    >>> cypher_statements(g)[-1].splitlines()[-1]
    '] AS row MERGE (n:`State` {id: row.id}) SET n += row.props'
    """
    from briefgraph.graph.corrections import dropped_items

    schema = load_schema()
    out = [*schema_statements(), "CALL db.awaitIndexes(300)"]
    # what corrections dropped goes first, as in a push (graph.graph["dropped"])
    gone_nodes, gone_edges = dropped_items(graph)
    for kind, ids in gone_nodes.items():
        out += _batches([literal(i) for i in ids], f"] AS id MATCH (n:{quote_label(kind)} {{id: id}}) DETACH DELETE n",
                        batch_size)
    for (etype, sk, tk), rows in sorted(gone_edges.items()):
        out += _batches([literal(r) for r in rows], f"] AS row MATCH (a:{quote_label(sk)} {{id: row.s}})"
                        f"-[r:{quote_label(etype)}]->(b:{quote_label(tk)} {{id: row.t}}) DELETE r", batch_size)
    by_kind: dict[str, list[str]] = {}
    for nid in sorted(graph.nodes):
        data = graph.nodes[nid]
        kind = schema.check_kind(data.get("kind"))
        by_kind.setdefault(kind, []).append(literal({"id": str(nid), "props": node_properties(str(nid), data)}))
    for kind in schema.node_kinds:
        tail = f"] AS row MERGE (n:{quote_label(kind)} {{id: row.id}}) SET n += row.props"
        out += _batches(by_kind.get(kind, []), tail, batch_size)
    by_type: dict[tuple[str, str, str], list[str]] = {}
    for u, v, k in sorted(graph.edges(keys=True)):
        data = graph.edges[u, v, k]
        sk, tk, etype = graph.nodes[u]["kind"], graph.nodes[v]["kind"], data.get("type")
        schema.check_edge(etype, sk, tk)
        by_type.setdefault((etype, sk, tk), []).append(
            literal({"s": str(u), "t": str(v), "props": edge_properties(u, v, data)}))
    for (etype, sk, tk), rows in sorted(by_type.items()):
        tail = (f"] AS row MATCH (a:{quote_label(sk)} {{id: row.s}}) MATCH (b:{quote_label(tk)} {{id: row.t}}) "
                f"MERGE (a)-[r:{quote_label(etype)}]->(b) SET r += row.props")
        out += _batches(rows, tail, batch_size)
    docs = [literal({"id": str(d), "props": document_properties(str(d), h)})
            for d, h in sorted(graph.graph.get("documents", {}).items())]
    out += _batches(docs, f"] AS row MERGE (d:{quote_label(DOCUMENT_LABEL)} {{id: row.id}}) SET d += row.props",
                    batch_size)
    return out


def _batches(rows: list[str], tail: str, size: int) -> list[str]:
    return ["UNWIND [\n" + ",\n".join(rows[i:i + size]) + "\n" + tail for i in range(0, len(rows), size)]


def write_cypher(graph: nx.MultiDiGraph, target: str | os.PathLike | IO[str], batch_size: int = DEFAULT_BATCH) -> None:
    """Write the load script of ``graph`` to a path (atomically), ``"-"`` or an open file."""
    statements = cypher_statements(graph, batch_size)
    with open_output(target) as fh:
        fh.write(f"// briefgraph graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} "
                 f"relationships, {len(graph.graph.get('documents', {}))} documents.\n"
                 "// Load it with:  cypher-shell -a bolt://localhost:7687 -u neo4j -f load.cypher\n"
                 "// or paste it into Neo4j Browser (multi-statement editor). Running it twice changes nothing.\n")
        for statement in statements:
            fh.write(statement + ";\n")


def split_script(text: str) -> list[str]:
    """The statements of a script written by :func:`write_cypher` (comments dropped)."""
    statements, current = [], []
    for line in text.splitlines():
        if not current and (not line.strip() or line.lstrip().startswith("//")):
            continue
        current.append(line)
        if line.rstrip().endswith(";"):
            statements.append("\n".join(current).rstrip()[:-1])
            current = []
    if current:
        statements.append("\n".join(current))
    return statements
