"""push / pull between a graph file and Neo4j (filled in by the Neo4j store work)."""

COMMANDS: list = []
