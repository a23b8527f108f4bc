"""`python -m metodbank` runs the command line."""

from .cli import run

run()
