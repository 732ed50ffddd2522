"""briefgraph: policy briefs to an event timeline and a property graph with evidence."""

__version__ = "0.1.0"
