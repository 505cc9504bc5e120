"""``python -m papi.server``: run the HTTP service (see :func:`papi.server.main`)."""

import sys

from papi.server import main

sys.exit(main())
