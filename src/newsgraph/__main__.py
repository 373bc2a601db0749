"""`python -m newsgraph`: the same command-line interface as the `newsgraph` command."""

from newsgraph.cli import main

main()
