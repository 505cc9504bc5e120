"""papi: who is accountable for this, here, by when, and on what legal basis?

A typed library for Vietnamese public administration: the PAPI index, the administrative
hierarchy through time (before and after the 2025 reform), duties from plans and
dispatches, and the deadline rules of Vietnamese law.
"""

from __future__ import annotations

from papi import errors, text
from papi.errors import (
    Ambiguous,
    CoverageError,
    CoverageWarning,
    InvalidData,
    NotFound,
    PapiError,
    PapiWarning,
)

__version__ = "0.1.0.dev0"

__all__ = [
    "Ambiguous",
    "CoverageError",
    "CoverageWarning",
    "InvalidData",
    "NotFound",
    "PapiError",
    "PapiWarning",
    "__version__",
    "errors",
    "text",
]
