from briefgraph.cli import run

run()
