"""``python -m grantcheck.cli``: the console script's entry point."""

from grantcheck.cli import main

main()
