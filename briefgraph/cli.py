"""The ``briefgraph`` command: a thin click layer over the library.

Library errors (``BriefgraphError``) become one ``Error: ...`` line on stderr and exit
code 1; usage errors exit 2 (click's convention). ``--debug`` shows tracebacks.
"""

from __future__ import annotations

import gc
import sys

import click

from briefgraph.errors import BriefgraphError


class BriefgraphGroup(click.Group):
    """Runs every command inside one error boundary."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BriefgraphError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            message = f"Error: {exc}"
            if exc.hint:
                message += f" ({exc.hint})"
            click.echo(message, err=True)
            ctx.exit(1)
        except KeyboardInterrupt:
            click.echo("Error: interrupted", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            sys.stderr.close()  # the reader went away (e.g. `| head`): not an error
            ctx.exit(0)


@click.group(cls=BriefgraphGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.version_option(package_name="briefgraph")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Turn policy briefs into an event timeline and a property graph.

    \b
    Start here:
      briefgraph demo                      # the bundled brief, end to end
      briefgraph ingest brief.txt -o graph.json
      briefgraph timeline graph.json --from 2014 --to 2020
      briefgraph export html graph.json -o graph.html
    """
    ctx.obj = {"debug": debug}
    _show_warnings()


def _show_warnings() -> None:
    """The library's warnings (a 500-page PDF ...) as one ``Warning: ...`` line each on stderr."""
    import warnings

    from briefgraph.errors import BriefgraphWarning

    default = warnings.showwarning

    def show(message, category, filename, lineno, file=None, line=None):
        if issubclass(category, BriefgraphWarning):
            click.echo(f"Warning: {message}", err=True)
        else:
            default(message, category, filename, lineno, file, line)

    warnings.showwarning = show
    warnings.simplefilter("always", BriefgraphWarning)


def run() -> None:
    """The console entry point: one command, then the process ends, so the objects it leaves
    are frozen out of the garbage collector's last pass at exit (a second at corpus scale)."""
    try:
        main(prog_name="briefgraph")
    finally:
        gc.freeze()


def _register() -> None:
    from briefgraph.commands import core, export, neo4j, query, review

    for module in (core, export, neo4j, query, review):
        for command in module.COMMANDS:
            main.add_command(command)


_register()
