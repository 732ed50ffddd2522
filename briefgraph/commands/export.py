"""``briefgraph export FORMAT``: one subcommand per format, each over one exporter module."""

from __future__ import annotations

import click

from briefgraph.commands.options import graph_argument, output_option


@click.group()
def export() -> None:
    """Write a graph in another format (json, html, cypher)."""


@export.command("json")
@graph_argument
@output_option
def export_json(graph_file: str, output: str) -> None:
    """Re-write GRAPH.json in canonical form (sorted, validated against the schema).

    \b
    Example:
      briefgraph export json graph.json -o clean.json
    """
    from briefgraph.graph.atomic import check_output
    from briefgraph.graph.jsonio import read_json, write_json

    check_output(output)
    write_json(read_json(graph_file), output)


def _register() -> None:
    from briefgraph.commands import export_cypher, export_html

    for module in (export_html, export_cypher):
        for command in module.COMMANDS:
            export.add_command(command)


_register()
COMMANDS = [export]
