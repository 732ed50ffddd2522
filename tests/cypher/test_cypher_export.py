"""export cypher: the script's structure (the Neo4j tests run it against the server)."""

from __future__ import annotations

import io
import re

from sample_graph import sample_graph

from briefgraph.graph.export_cypher import cypher_statements, split_script, write_cypher
from briefgraph.graph.schema import load_schema

def test_script_splits_back_into_its_statements():
    g = sample_graph()  # a name holds a line break and a URL holds ';': neither may split a statement
    buf = io.StringIO()
    write_cypher(g, buf, batch_size=3)
    assert split_script(buf.getvalue()) == cypher_statements(g, batch_size=3)


def test_statements_use_only_schema_labels_and_merge():
    schema = load_schema()
    allowed = set(schema.node_kinds) | set(schema.edge_types) | {"BriefgraphDocument"}
    statements = cypher_statements(sample_graph(), batch_size=3)
    data = [s for s in statements if s.startswith("UNWIND")]
    assert data and all(" MERGE " in s and " CREATE " not in s for s in data)
    for s in data:
        tail = s.rsplit("\n", 1)[-1]  # the rows are literals; the clause after them names labels
        labels = set(re.findall(r"`([A-Za-z_]+)`", tail))
        assert labels and labels <= allowed, tail


def test_every_node_and_edge_is_in_the_script_once():
    g = sample_graph()
    text = "\n".join(cypher_statements(g, batch_size=4))
    for nid in g.nodes:
        assert text.count(f'{{id: "{nid}", props:') == 1, nid
    assert text.count("{s: ") == g.number_of_edges()
