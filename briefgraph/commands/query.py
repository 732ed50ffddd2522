"""briefgraph query (filled in by the Cypher work)."""

COMMANDS: list = []
