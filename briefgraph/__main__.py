from briefgraph.cli import main

main(prog_name="briefgraph")
