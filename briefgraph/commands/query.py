"""``briefgraph query``: a named research query or any Cypher, on a graph file or on Neo4j."""

from __future__ import annotations

import click

from briefgraph.commands.neo4j import connection_options, open_store, param_option, parse_params
from briefgraph.errors import QueryError


@click.command()
@click.argument("query_text", metavar="NAME|CYPHER", required=False)
@click.argument("graph_file", metavar="[GRAPH.json]", required=False, type=click.Path(allow_dash=True))
@param_option
@click.option("--backend", type=click.Choice(["memory", "neo4j"]), default="memory", show_default=True,
              help="memory: an embedded engine on GRAPH.json (built once, cached); neo4j: the server in NEO4J_URI.")
@click.option("--allow-write", is_flag=True,
              help="Let the query write to Neo4j (CREATE, MERGE, SET, DELETE, REMOVE). Never files or administration.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--list", "list_", is_flag=True, help="List the named queries, one a line, and exit.")
@connection_options
def query(query_text: str | None, graph_file: str | None, params: tuple[str, ...], backend: str, fmt: str,
          list_: bool, allow_write: bool, uri: str | None, user: str | None, database: str | None) -> None:
    """Run a named research query (see --list) or Cypher text.

    Named queries take typed --param values (dates such as 2014 or 2015-03 cover the whole
    year or month). For Cypher text, a --param value is read as JSON when it parses
    (5, true, ["a","b"], "2014"), else as a string. The same Neo4j Cypher runs on both
    backends. Queries are read-only: LOAD, COPY, INSTALL, administration and CALL outside
    an allow-list are refused, and writes need --allow-write (Neo4j only).

    \b
    Examples:
      briefgraph query --list
      briefgraph query actor_events graph.json --param actor=Pakistan
      briefgraph query events_in_range graph.json --param date_from=2014 --param date_to=2020
      briefgraph query "MATCH (s:State) RETURN s.name AS state ORDER BY state" graph.json --format csv
      briefgraph query shortest_path --backend neo4j --param actor_a="Ilham Aliyev" --param actor_b=Pakistan
    """
    import sys

    from briefgraph.cypher.library import get_query, infer_value, list_queries, looks_like_name
    from briefgraph.cypher.output import write_rows

    if list_:
        for q in list_queries():
            names = " ".join(f"{p.name}=" for p in q.params)
            click.echo(f"{q.name:<24}{names:<26}{q.description}")
        return
    if not query_text:
        raise click.UsageError("give a query NAME or Cypher text (or --list)")
    raw = parse_params(params)
    if looks_like_name(query_text):
        named = get_query(query_text)
        cypher, values = named.text, named.convert(raw)
    else:
        cypher, values = query_text, {k: infer_value(v) for k, v in raw.items()}
    from briefgraph.cypher.guard import check

    check(cypher, allow_write)  # refused before a file is read or a server reached
    if backend == "memory":
        if not graph_file:
            raise click.UsageError("the memory backend needs GRAPH.json (or use --backend neo4j)")
        if allow_write:
            raise QueryError("the memory backend is read-only: GRAPH.json is never changed",
                             hint="--allow-write works with --backend neo4j")
        if graph_file == "-":
            from briefgraph.cypher.memory import run_query
            from briefgraph.graph.jsonio import read_json

            rows = run_query(read_json(sys.stdin), cypher, values)
        else:
            from briefgraph.cypher.memory import run_query_file

            rows = run_query_file(graph_file, cypher, values)
    else:
        if graph_file:
            raise click.UsageError("GRAPH.json is for --backend memory; the neo4j backend queries the server "
                                   "(briefgraph push GRAPH.json first)")
        with open_store(uri, user, database) as store:
            rows = store.run(cypher, values, allow_write=allow_write)
    write_rows(rows, fmt, sys.stdout)
    if fmt == "table":
        click.echo(f"({len(rows)} row{'s' if len(rows) != 1 else ''})", err=True)


COMMANDS = [query]
