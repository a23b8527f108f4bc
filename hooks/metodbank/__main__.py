"""`python -m metodbank` runs the command line."""

from .adapters.cli import run

run()
