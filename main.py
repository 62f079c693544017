"""Thin launcher: `python main.py` starts Solace."""

import sys

from journal.app import main

if __name__ == "__main__":
    sys.exit(main())
