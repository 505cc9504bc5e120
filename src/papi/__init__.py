"""papi: who is accountable for this, here, by when, and on what legal basis?

A typed library for Vietnamese public administration: the PAPI index, the administrative
hierarchy through time (before and after the 2025 reform), duties from plans and
dispatches, and the deadline rules of Vietnamese law.

>>> from datetime import date
>>> import papi
>>> acc = papi.hanoi().who("D3", where="Phường Hoàn Kiếm", on=date(2026, 3, 1))
>>> acc.escalation[-1].holder.person
'Vũ Đại Thắng'
>>> papi.framework(2024)["D3"].name_en
'Vertical Accountability Towards Citizens'

``papi.framework`` is the function :func:`papi.framework.framework`; import the classes of
that module with ``from papi.framework import Framework``.
"""

from __future__ import annotations

from papi import (
    calendar,
    dates,
    duties,
    errors,
    governance,
    io,
    organizations,
    progress,
    rules,
    scoring,
    territory,
    text,
)
from papi.calendar import Override, VietnamCalendar, default_calendar
from papi.datasets import hanoi
from papi.dates import VN_TZ, Validity
from papi.duties import Assignment, Document, Role, Task
from papi.errors import (
    Ambiguous,
    CoverageError,
    CoverageWarning,
    CycleError,
    InvalidData,
    NotFound,
    PapiError,
    PapiWarning,
    ValidityError,
)
from papi.framework import Framework, framework, frameworks
from papi.governance import Accountability, Builder, Governance
from papi.organizations import Organization, Organizations, Post, hanoi_organizations
from papi.rules import Citation, Unscheduled, UnsourcedPeriod, statute, statutes
from papi.scoring import Ranking, Scorecard, hanoi_results, load_table, rank
from papi.territory import Level, Territory, Unit, hanoi_territory

__version__ = "0.1.0.dev0"

__all__ = [
    "VN_TZ",
    "Accountability",
    "Ambiguous",
    "Assignment",
    "Builder",
    "Citation",
    "CoverageError",
    "CoverageWarning",
    "CycleError",
    "Document",
    "Framework",
    "Governance",
    "InvalidData",
    "Level",
    "NotFound",
    "Organization",
    "Organizations",
    "Override",
    "PapiError",
    "PapiWarning",
    "Post",
    "Ranking",
    "Role",
    "Scorecard",
    "Task",
    "Territory",
    "Unit",
    "Unscheduled",
    "UnsourcedPeriod",
    "Validity",
    "ValidityError",
    "VietnamCalendar",
    "__version__",
    "calendar",
    "dates",
    "default_calendar",
    "duties",
    "errors",
    "framework",
    "frameworks",
    "governance",
    "hanoi",
    "hanoi_organizations",
    "hanoi_results",
    "hanoi_territory",
    "io",
    "load_table",
    "organizations",
    "progress",
    "rank",
    "rules",
    "scoring",
    "statute",
    "statutes",
    "territory",
    "text",
]
