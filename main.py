"""Dealboard's entry point: the GUI, or a command such as `report` or `demo`."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
