"""The ``briefgraph`` command: a thin click layer over the library.

Library errors (``BriefgraphError``) become one ``Error: ...`` line on stderr and exit
code 1; usage errors exit 2 (click's convention). ``--debug`` shows tracebacks.
"""

from __future__ import annotations

import errno
import gc
import io
import os
import signal
import sys

import click

from briefgraph.errors import BriefgraphError, Interrupted, OutputError, Terminated


def _os_error(exc: OSError) -> str:
    """One line for an OS error the library did not expect (its own are BriefgraphErrors)."""
    reason = "the disk is full" if exc.errno in (errno.ENOSPC, errno.EDQUOT) else (exc.strerror or str(exc))
    return f"{exc.filename}: {reason}" if exc.filename else reason


class BriefgraphGroup(click.Group):
    """Runs every command inside one error boundary: every error a user can cause, the
    library's own, the operating system's (permission, full disk, closed pipe) and signals,
    ends as one ``Error: ...`` line on stderr and a non-zero exit; ``--debug`` re-raises."""

    def invoke(self, ctx: click.Context):
        debug = bool(ctx.obj and ctx.obj.get("debug"))
        try:
            return super().invoke(ctx)
        except click.exceptions.Exit:
            raise
        except BriefgraphError as exc:
            if debug:
                raise
            message = f"Error: {exc}"
            if exc.hint:
                message += f" ({exc.hint})"
            click.echo(message, err=True)
            ctx.exit(128 + exc.signum if isinstance(exc, Interrupted) else 1)
        except KeyboardInterrupt as exc:
            if debug:
                raise
            signum = exc.signum if isinstance(exc, Terminated) else signal.SIGINT
            click.echo("Error: terminated" if signum == signal.SIGTERM else "Error: interrupted", err=True)
            ctx.exit(128 + signum)
        except BrokenPipeError:
            if debug:
                raise
            _silence_stdout()
            click.echo("Error: the output pipe was closed before everything was written", err=True)
            ctx.exit(1)
        except OSError as exc:
            if debug:
                raise
            click.echo(f"Error: {_os_error(exc)}", err=True)
            ctx.exit(1)
        except RecursionError:
            if debug:
                raise
            click.echo("Error: the input is nested too deeply to process", err=True)
            ctx.exit(1)
        except MemoryError:
            if debug:
                raise
            click.echo("Error: out of memory", err=True)
            ctx.exit(1)


def _silence_stdout() -> None:
    """After a broken pipe: point stdout at /dev/null so the interpreter's last flush at exit
    does not print a second error."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


class _ClosedStdout(io.TextIOBase):
    """Stands in for ``sys.stdout`` when the process was started with stdout closed
    (``briefgraph show g.json >&-``): data written to it would be lost, so writing fails with
    one line instead of the command succeeding silently."""

    @property
    def closed(self) -> bool:  # so that graph.atomic refuses '-o -' before any work
        return True

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OutputError("cannot write to stdout: it is closed", hint="give a file with -o FILE")


def _on_sigterm(signum, frame) -> None:
    raise Terminated(signum)


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
    if sys.stdout is None:
        sys.stdout = _ClosedStdout()
    # SIGTERM unwinds like Ctrl-C: workers stopped, temporary files removed, exit code 143.
    signal.signal(signal.SIGTERM, _on_sigterm)
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
