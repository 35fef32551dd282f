"""``python -m grantcheck``: the same command line as ``grantcheck``."""

from grantcheck.cli import main

main()
