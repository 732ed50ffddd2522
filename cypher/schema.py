"""Neo4j schema statements generated from the graph schema: one uniqueness constraint on ``id``
per node label (it also backs every ``MERGE`` on label and id), and range indexes for ``name``
and ``date_start``.

``cypher/schema.cypher`` is this output, checked in for researchers who set up a database by
hand; a test keeps the two identical.
"""

from __future__ import annotations

from briefgraph.cypher.properties import DOCUMENT_LABEL
from briefgraph.graph.schema import load_schema


def quote_label(name: str) -> str:
    """Backtick-quote a label or relationship type that the caller took from the schema.

    The schema allows only letters and ``_`` (checked when it is loaded), so quoting is a second
    guard, not the first: data never reaches a label without passing the whitelist.
    """
    if not name or not all(c.isascii() and (c.isalnum() or c == "_") for c in name):
        raise ValueError(f"not a plain label: {name!r}")
    return f"`{name}`"


def schema_statements() -> list[str]:
    """The constraint and index statements, idempotent (``IF NOT EXISTS``), in a stable order.

    Examples
    --------
    >>> schema_statements()[0]
    'CREATE CONSTRAINT briefgraph_state_id IF NOT EXISTS FOR (n:`State`) REQUIRE n.id IS UNIQUE'
    """
    schema = load_schema()
    out = []
    for kind in (*schema.node_kinds, DOCUMENT_LABEL):
        out.append(f"CREATE CONSTRAINT briefgraph_{kind.lower()}_id IF NOT EXISTS "
                   f"FOR (n:{quote_label(kind)}) REQUIRE n.id IS UNIQUE")
    for kind, spec in schema.node_kinds.items():
        out.append(f"CREATE INDEX briefgraph_{kind.lower()}_name IF NOT EXISTS "
                   f"FOR (n:{quote_label(kind)}) ON (n.name)")
        if "date_start" in spec.properties:
            out.append(f"CREATE INDEX briefgraph_{kind.lower()}_date_start IF NOT EXISTS "
                       f"FOR (n:{quote_label(kind)}) ON (n.date_start)")
    return out


def schema_script() -> str:
    """:func:`schema_statements` as a script (``;`` ends each statement), as in ``schema.cypher``."""
    head = ("// briefgraph Neo4j schema, generated from graph/schema.json by briefgraph.cypher.schema.\n"
            "// Uniqueness constraints on id (one per label) back every MERGE; indexes serve lookups\n"
            "// by name and date. Safe to run again (IF NOT EXISTS).\n")
    return head + "".join(f"{s};\n" for s in schema_statements())
