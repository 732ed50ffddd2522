"""``push`` and ``pull`` between a graph file and Neo4j, and the connection options they share
with ``query --backend neo4j``.

The connection comes from the driver's usual variables (``NEO4J_URI``, ``NEO4J_USERNAME``,
``NEO4J_PASSWORD``, ``NEO4J_DATABASE``) or the options below. There is no password option: a
password on the command line ends up in shell history and ``ps``. Without ``NEO4J_PASSWORD``
an interactive terminal is asked for it (hidden); otherwise the command fails with a hint.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any, Callable

import click

from briefgraph.commands.options import graph_argument, output_option, quiet_option


def connection_options(command: Callable) -> Callable:
    """``--uri``, ``--user`` and ``--database``, each defaulting to its NEO4J_* variable."""
    command = click.option("--database", metavar="NAME",
                           help="Database name [default: $NEO4J_DATABASE, else the server's default].")(command)
    command = click.option("--user", metavar="NAME", help="User name [default: $NEO4J_USERNAME, else neo4j].")(command)
    command = click.option("--uri", metavar="URI",
                           help="bolt://, neo4j://, bolt+s:// or neo4j+s:// address [default: $NEO4J_URI].")(command)
    return command


param_option = click.option("--param", "params", multiple=True, metavar="KEY=VALUE",
                            help="A query parameter (repeat for more).")


def parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    """``("a=1", "b=x")`` -> ``{"a": "1", "b": "x"}``; a pair without ``=`` is a usage error."""
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{pair!r} is not KEY=VALUE", param_hint="--param")
        out[key.strip()] = value
    return out


def open_store(uri: str | None, user: str | None, database: str | None, quiet: bool = True, **extra: Any):
    """A connected :class:`Neo4jStore` from the options and the environment (see module docstring)."""
    import logging

    from briefgraph.graph.neo4j_store import Neo4jStore

    # The driver logs each retried transient error (a deadlock, a leader switch) as a multi-line
    # warning; in a command those would interleave with progress. A failure still ends as one
    # "Error:" line.
    logging.getLogger("neo4j").addHandler(logging.NullHandler())
    password = None
    if not os.environ.get("NEO4J_PASSWORD") and sys.stdin.isatty() and (uri or os.environ.get("NEO4J_URI")):
        password = click.prompt("Neo4j password", hide_input=True, err=True)
    progress = None if quiet else (lambda message: click.echo(message, err=True))
    ctx = click.get_current_context(silent=True)
    memory_backend = ctx is not None and "backend" in ctx.params  # only query has --backend memory
    return Neo4jStore.from_env(uri=uri, user=user, password=password, database=database,
                               progress=progress, memory_backend=memory_backend, **extra)


@click.command()
@graph_argument
@connection_options
@click.option("--batch-size", default=10_000, show_default=True, type=click.IntRange(1, 1_000_000),
              help="Rows per UNWIND batch (one transaction each).")
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 16),
              help="Transactions in flight at once (planned so they never share an end node).")
@quiet_option
def push(graph_file: str, uri: str | None, user: str | None, database: str | None,
         batch_size: int, workers: int, quiet: bool) -> None:
    """Write GRAPH.json into Neo4j (MERGE: pushing twice changes nothing).

    Creates the constraints and indexes first. Evidence is kept on each node and
    relationship (evidence_json, source_ids); documents become :BriefgraphDocument nodes.

    \b
    Examples:
      export NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=...
      briefgraph push graph.json
      NEO4J_URI=neo4j+s://xxxx.databases.neo4j.io briefgraph push graph.json --batch-size 5000
    """
    from briefgraph.graph.jsonio import read_json
    from briefgraph.graph.neo4j_store import safe_uri

    graph = read_json(graph_file)
    started = time.perf_counter()
    with open_store(uri, user, database, quiet, batch_size=batch_size, workers=workers) as store:
        counts = store.write(graph)
    if not quiet:
        click.echo(push_report(counts, store.last_changes, safe_uri(store.uri), time.perf_counter() - started),
                   err=True)


def push_report(counts: dict[str, int], changes: dict[str, int], where: str, seconds: float) -> str:
    """The line ``push`` ends with: what it sent, and what that changed in Neo4j.

    Examples
    --------
    >>> push_report({"nodes": 71, "edges": 96}, {"nodes_created": 0, "nodes_updated": 0,
    ...     "nodes_unchanged": 71, "relationships_created": 0, "relationships_updated": 0,
    ...     "relationships_unchanged": 96}, "bolt://127.0.0.1:7687", 0.42)
    'nothing changed: 71 nodes and 96 relationships already in bolt://127.0.0.1:7687 (0 nodes created, 71 unchanged; 0 relationships created, 96 unchanged; 0.4 s)'
    """
    def part(what: str) -> str:
        created, updated = changes.get(f"{what}s_created", 0), changes.get(f"{what}s_updated", 0)
        text = f"{created} {what}s created"
        if updated:
            text += f", {updated} updated"
        return text + f", {changes.get(f'{what}s_unchanged', 0)} unchanged"

    detail = f"{part('node')}; {part('relationship')}; {seconds:.1f} s"
    if not any(changes.get(k) for k in ("nodes_created", "nodes_updated", "relationships_created",
                                        "relationships_updated")):
        return (f"nothing changed: {counts['nodes']} nodes and {counts['edges']} relationships already in "
                f"{where} ({detail})")
    return f"pushed {counts['nodes']} nodes and {counts['edges']} relationships to {where} ({detail})"


@click.command()
@output_option
@connection_options
@click.option("--cypher", metavar="QUERY", help="Pull only the nodes, relationships and paths this query returns.")
@param_option
@quiet_option
def pull(output: str, uri: str | None, user: str | None, database: str | None, cypher: str | None,
         params: tuple[str, ...], quiet: bool) -> None:
    """Read the briefgraph graph (or a query's subgraph) from Neo4j into a graph file.

    \b
    Examples:
      briefgraph pull -o graph.json
      briefgraph pull -o pk.json --cypher "MATCH p=(:State {name: \\$name})-[*..2]-() RETURN p" --param name=Pakistan
    """
    from briefgraph.cypher.library import infer_value
    from briefgraph.graph.atomic import check_output
    from briefgraph.graph.jsonio import write_json

    check_output(output)
    values = {k: infer_value(v) for k, v in parse_params(params).items()}
    if values and not cypher:
        raise click.UsageError("--param needs --cypher")
    with open_store(uri, user, database, quiet) as store:
        graph = store.read(cypher, values)
    write_json(graph, output)
    if store.skipped or store.skipped_relationships:
        left = f"{store.skipped} node{'s' if store.skipped != 1 else ''}"
        if store.skipped_relationships:
            left += f" and {store.skipped_relationships} relationship(s)"
        click.echo(f"warning: skipped {left} that briefgraph did not write (no id or name, a label or "
                   "relationship outside the schema)", err=True)
    if not quiet:
        click.echo(f"pulled {graph.number_of_nodes()} nodes and {graph.number_of_edges()} relationships "
                   f"-> {output}", err=True)
        if graph.number_of_nodes() == 0:
            click.echo("warning: nothing matched (is the graph pushed? does the query return nodes?)", err=True)


COMMANDS = [push, pull]
