"""``briefgraph export html``: the offline explorer (link chart, timeline, evidence) in one file."""

from __future__ import annotations

import click

from briefgraph.commands.options import output_option


@click.command("html")
@click.argument("graph_file", metavar="[GRAPH.json]", required=False, type=click.Path(allow_dash=True))
@output_option
@click.option("--title", metavar="TEXT", help="Heading of the page (default: the brief's title).")
@click.option("--neo4j", "from_neo4j", is_flag=True,
              help="Read the graph from Neo4j (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD) "
                   "instead of GRAPH.json.")
@click.option("--cypher", metavar="QUERY",
              help="With --neo4j: export only the nodes, relationships and paths QUERY returns.")
def html(graph_file: str | None, output: str, title: str | None, from_neo4j: bool,
         cypher: str | None) -> None:
    """Write an interactive explorer of GRAPH.json as one self-contained HTML file.

    The file opens from disk with no network at all, so it can be attached to an email:
    link chart with search, filters, neighbourhood focus and shortest path; a timeline
    whose range filters the chart; every fact with its sentence and footnotes.

    \b
    Examples:
      briefgraph export html graph.json -o brief.html
      briefgraph export html --neo4j --cypher "MATCH p=(:Person)-[*..2]-(:State) RETURN p" -o out.html
    """
    if from_neo4j and graph_file:
        raise click.UsageError("give either GRAPH.json or --neo4j, not both")
    if cypher and not from_neo4j:
        raise click.UsageError("--cypher needs --neo4j (a GRAPH.json file is exported whole)")
    if not from_neo4j and not graph_file:
        raise click.UsageError("missing GRAPH.json (or use --neo4j to read the graph from Neo4j)")

    from briefgraph.graph.atomic import check_output
    from briefgraph.graph.export_html import write_html

    check_output(output)
    if from_neo4j:
        from briefgraph.graph.neo4j_store import Neo4jStore

        with Neo4jStore.from_env() as store:
            graph = store.read(cypher)
    else:
        from briefgraph.graph.jsonio import read_json

        graph = read_json(graph_file)
    write_html(graph, output, title=title)
    if output != "-":
        click.echo(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges -> {output}",
                   err=True)


COMMANDS = [html]
