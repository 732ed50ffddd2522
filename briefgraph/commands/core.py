"""ingest, timeline, show and demo."""

from __future__ import annotations

import json
from pathlib import Path

import click

from briefgraph.commands.options import graph_argument, output_option, quiet_option


def _progress(quiet: bool):
    if quiet:
        return None
    return lambda message: click.echo(message, err=True)


@click.command()
@click.argument("briefs", metavar="BRIEF...", nargs=-1, required=True, type=click.Path())
@output_option
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes for loading and extraction.")
@click.option("--corrections", "corrections", metavar="FILE.yaml", type=click.Path(dir_okay=False),
              help="An analyst's corrections file, applied after extraction and resolution.")
@quiet_option
def ingest(briefs: tuple[str, ...], output: str, jobs: int, corrections: str | None, quiet: bool) -> None:
    """Read BRIEF files (.txt, .md, .pdf, .docx, .html) into one graph; entities are resolved
    across briefs. The format is read from each file's content.

    \b
    Examples:
      briefgraph ingest brief.txt -o graph.json
      briefgraph ingest briefs/*.txt briefs/*.pdf --jobs 2 -o corpus.json
      briefgraph ingest brief.txt --corrections corrections.yaml -o graph.json
    """
    from briefgraph.graph.atomic import check_output
    from briefgraph.graph.gc_pause import collector_paused
    from briefgraph.graph.jsonio import builder_to_dict, dump, to_dict
    from briefgraph.pipeline import gather

    fixes = None
    if corrections is not None:  # a malformed file is refused before any brief is read
        from briefgraph.graph.corrections_file import load_corrections

        fixes = load_corrections(corrections)
    check_output(output)  # a missing folder is reported now, not after the whole corpus
    with collector_paused(keep=True):  # the process ends after the write: no collector pass
        builder = gather(briefs, jobs=jobs, progress=_progress(quiet),
                         warn=lambda message: click.echo(f"Warning: {message}", err=True))
        if fixes is None:
            data = builder_to_dict(builder)
        else:
            from briefgraph.graph.corrections import apply

            done = apply(builder, fixes, warn=lambda line: click.echo(f"Warning: {line}", err=True))
            data = to_dict(done.graph)
            if not quiet:
                click.echo(f"{done.applied} of {len(fixes)} correction(s) applied from {corrections}", err=True)
        dump(data, output)
    if not quiet:
        click.echo(f"{len(briefs)} brief(s): {len(data['nodes'])} nodes, "
                   f"{len(data['edges'])} edges -> {output}", err=True)


@click.command()
@graph_argument
@click.option("--from", "date_from", metavar="DATE", help="Earliest date (2014, 2015-03, 12 July 2024 ...).")
@click.option("--to", "date_to", metavar="DATE", help="Latest date.")
@click.option("--actor", metavar="NAME", help="Only events this actor (name or alias) took part in.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def timeline(graph_file: str, date_from: str | None, date_to: str | None, actor: str | None, fmt: str) -> None:
    """The events and agreements of GRAPH.json in date order.

    Dates keep their precision: 1995 is a year, 2015-03 a month, A/B an interval.

    \b
    Example:
      briefgraph timeline graph.json --from 2014 --to 2020 --actor Pakistan
    """
    from briefgraph.graph.jsonio import read_json
    from briefgraph.graph.timeline import timeline as build_timeline

    entries = build_timeline(read_json(graph_file), date_from, date_to, actor)
    if fmt == "json":
        click.echo(json.dumps([e.as_dict() for e in entries], ensure_ascii=False, indent=1))
        return
    for e in entries:
        date = e.date or "undated"
        if e.qualifier:
            date = f"{e.qualifier} {date}"
        click.echo(f"{date:<23} {e.precision or '-':<6} {e.type:<13} {e.name}")
        if e.participants:
            click.echo(f"{'':<31}participants: {', '.join(e.participants)}")
        if e.places:
            click.echo(f"{'':<31}place: {', '.join(e.places)}")
        for s in e.sources:
            click.echo(f"{'':<31}source: {s}")
        if e.pages:
            click.echo(f"{'':<31}evidence: {', '.join(f'p. {p}' for p in e.pages)}")
        for c in e.corrections:
            note = f": {c['note']}" if c.get("note") else ""
            click.echo(f"{'':<31}corrected ({c.get('op')}, {c.get('file')}){note}")
    if not entries:
        click.echo("no events match", err=True)


@click.command()
@graph_argument
@click.option("--top", default=10, show_default=True, type=click.IntRange(1, 1_000_000),
              help="How many of the most connected actors, and of the briefs, to list.")
def show(graph_file: str, top: int) -> None:
    """Counts by node kind and edge type, and the most connected actors."""
    from briefgraph.graph.jsonio import read_json
    from briefgraph.graph.summary import summary

    s = summary(read_json(graph_file), top)
    docs = s["documents"]
    click.echo(f"documents: {len(docs)}")
    click.echo(f"nodes: {s['nodes']}")
    for kind, n in s["node_kinds"].items():
        click.echo(f"  {kind:<16}{n:>6}")
    click.echo(f"edges: {s['edges']}")
    for etype, n in s["edge_types"].items():
        click.echo(f"  {etype:<16}{n:>6}")
    # A corpus holds thousands of briefs: the counts come first, then a few titles.
    listed = docs if len(docs) <= top else docs[:top]
    click.echo("briefs:" if len(listed) == len(docs) else f"briefs (first {len(listed)} of {len(docs)}):")
    for doc in listed:
        click.echo(f"  {doc.get('title') or doc['id']} ({doc.get('date') or 'undated'})")
    if len(docs) > len(listed):
        click.echo(f"  ... and {len(docs) - len(listed)} more (--top {len(docs)} lists them all)")
    click.echo("most connected actors:")
    for name, kind, degree in s["top_actors"]:
        click.echo(f"  {name} ({kind}): {degree}")


@click.command()
@click.option("--output-dir", "-d", default="briefgraph-demo", show_default=True,
              type=click.Path(file_okay=False), help="Folder for graph.json and graph.html.")
@quiet_option
def demo(output_dir: str, quiet: bool) -> None:
    """Ingest the bundled example brief and write graph.json and graph.html (the offline
    explorer, timeline included) into the --output-dir folder; print the two paths.

    \b
    Then try:
      briefgraph timeline briefgraph-demo/graph.json
      briefgraph show briefgraph-demo/graph.json

    The bundled brief is "Enhancing Cooperation: Pakistan-Azerbaijan Multi-Sectoral
    Partnership" by Syed Basim Raza, edited by Dr. Talat Shabbir, ISSI, 15 August 2024.
    """
    from briefgraph.pipeline import demo as run_demo

    outputs = run_demo(Path(output_dir), progress=_progress(quiet))
    for label, path in outputs.items():
        click.echo(f"{label}: {path}")


COMMANDS = [ingest, timeline, show, demo]
