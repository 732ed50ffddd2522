"""review: what in a graph most deserves a human look, and the corrections that would fix it."""

from __future__ import annotations

import json

import click

from briefgraph.commands.options import graph_argument


@click.command()
@graph_argument
@click.option("--limit", "-n", type=click.IntRange(1, None), metavar="N", help="List only the first N entries.")
@click.option("--write", "write", metavar="FILE.yaml", type=click.Path(dir_okay=False, allow_dash=True),
              help="Also write the suggestions as commented-out entries of a corrections file.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def review(graph_file: str, limit: int | None, write: str | None, fmt: str) -> None:
    """What in GRAPH.json most deserves a human look, most useful first: probable duplicates,
    names cut short, contradictory relations, facts from the weakest rules, events with no date
    or no participants, people linked to no state.

    \b
    Examples:
      briefgraph review graph.json -n 10
      briefgraph review graph.json --write corrections.yaml   # un-comment what you agree with
      briefgraph ingest brief.txt --corrections corrections.yaml -o graph.json
    """
    from briefgraph.graph.jsonio import read_json
    from briefgraph.graph.review import review as build_review
    from briefgraph.graph.review import suggestions_text, write_suggestions

    items = build_review(read_json(graph_file), limit)
    if write:
        write_suggestions(items, write, origin=graph_file)
    if fmt == "json":
        click.echo(json.dumps([i.as_dict() for i in items], ensure_ascii=False, indent=1))
        return
    if write == "-":
        return
    for k, item in enumerate(items, 1):
        also = f"; also {', '.join(item.also)}" if item.also else ""
        click.echo(f"{k:>3}. {item.score:.2f} [{item.category}{also}] {item.message}")
        for line in suggestions_text([item]).splitlines()[5:]:
            if line.startswith("# - ") or line.startswith("#   note"):
                click.echo(f"{'':<10}{line[2:]}")
    if not items:
        click.echo("nothing to review", err=True)
    elif write:
        click.echo(f"{len(items)} suggestion(s), commented out -> {write}", err=True)


COMMANDS = [review]
