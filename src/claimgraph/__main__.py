"""`python -m claimgraph` runs the command line."""

from claimgraph.cli import main

main()
