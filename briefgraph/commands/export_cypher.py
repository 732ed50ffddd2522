"""``briefgraph export cypher``: a load script for cypher-shell or Neo4j Browser."""

from __future__ import annotations

import click

from briefgraph.commands.options import graph_argument, output_option


@click.command("cypher")
@graph_argument
@output_option
@click.option("--batch-size", default=500, show_default=True, type=click.IntRange(1, 100_000),
              help="Rows per UNWIND statement.")
def cypher(graph_file: str, output: str, batch_size: int) -> None:
    """Write a Cypher script that loads GRAPH.json into any Neo4j.

    The script creates the constraints and indexes, then MERGEs nodes, relationships and
    documents exactly as 'briefgraph push' does, so running it twice changes nothing and
    'briefgraph pull' reads the same graph back.

    \b
    Examples:
      briefgraph export cypher graph.json -o load.cypher
      cypher-shell -a bolt://localhost:7687 -u neo4j -f load.cypher
    """
    from briefgraph.graph.export_cypher import write_cypher
    from briefgraph.graph.atomic import check_output
    from briefgraph.graph.jsonio import read_json

    check_output(output)
    write_cypher(read_json(graph_file), output, batch_size)


COMMANDS = [cypher]
