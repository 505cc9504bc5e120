"""Plans as files, and answers as JSON.

A *plan file* (TOML for people, JSON for machines; ``schema = "papi.plan/1"``) holds
``documents``, ``tasks``, ``assignments``, ``reports`` and ``notes``. :func:`load_plan` reads
one on top of a base :class:`~papi.governance.Governance` and reports **every** problem
(unknown unit, organization, indicator, statute or task; bad date; role not in the
vocabulary; a selector that matches nobody; unknown keys) in one
:class:`~papi.errors.InvalidData`, each with the file, the path inside it and the value.
Every field of a record is checked on its own, then the references between records, so one
bad field never hides another; a reference to a record of the file that is itself invalid is
reported as "invalid document (see plan.toml: documents[0])", never as unknown.
See ``docs/plan-files.md``.

:func:`dumps` turns any answer (``Accountability``, ``Duties``, ``Agenda``, ``Overdue``,
``Escalation``, ``Gaps``) into JSON with its versioned ``schema`` key; :func:`loads` reads it
back into the same object.

The package: :mod:`~papi.io.plan` (plan files), :mod:`~papi.io.json` (answers as JSON) over
the private ``_text`` (parsing under the limits below, read from :mod:`papi.io` on every call).
"""

from __future__ import annotations

from papi.io.json import dumps, loads
from papi.io.plan import load_plan, read_plan, read_plan_text

__all__ = [
    "MAX_DOCUMENT_BYTES",
    "MAX_NESTING",
    "PLAN_SCHEMA",
    "dumps",
    "load_plan",
    "loads",
    "read_plan",
    "read_plan_text",
]


PLAN_SCHEMA = "papi.plan/1"
"""The ``schema`` value of plan files this version reads (``schema = "papi.plan/1"``); a plan
without a ``schema`` key is read as this version, any other value is reported as a problem."""

MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
"""The largest plan file or JSON answer papi reads: 64 MiB of UTF-8 (a plan of 100,000
assignments is about 20 MiB). A larger input raises :class:`~papi.errors.InvalidData` naming
this limit, before anything is parsed."""

MAX_NESTING = 32
"""How deeply tables and arrays may nest in a plan file or JSON answer (the plan format
itself needs fewer than 10 levels). Deeper input raises :class:`~papi.errors.InvalidData`
naming this limit, never :class:`RecursionError`."""
