"""briefgraph export cypher (being built)."""

COMMANDS: list = []
