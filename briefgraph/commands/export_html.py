"""briefgraph export html (being built)."""

COMMANDS: list = []
