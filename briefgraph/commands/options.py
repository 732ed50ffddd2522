"""Options shared by several commands."""

from __future__ import annotations

import click

output_option = click.option(
    "-o", "--output", "output", required=True, type=click.Path(dir_okay=False, allow_dash=True),
    help="File to write (written atomically; '-' for stdout).",
)
quiet_option = click.option("-q", "--quiet", is_flag=True, help="No progress messages on stderr.")
graph_argument = click.argument("graph_file", metavar="GRAPH.json", type=click.Path(allow_dash=True))
