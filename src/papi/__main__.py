"""``python -m papi``: the same as the ``papi`` command."""

from __future__ import annotations

import sys

from papi.cli import main

if __name__ == "__main__":
    sys.exit(main())
