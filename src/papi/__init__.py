"""papi: who is accountable for this, here, by when, and on what legal basis?

A typed library for Vietnamese public administration: the PAPI index, the administrative
hierarchy through time (before and after the 2025 reform), duties from plans and
dispatches, and the deadline rules of Vietnamese law.

>>> from datetime import date
>>> import papi
>>> acc = papi.hanoi().who("D3", where="Phường Hoàn Kiếm", on=date(2026, 3, 1))
>>> acc.escalation[-1].holder.person
'Vũ Đại Thắng'
>>> acc = papi.vietnam().who("D3", where="Phường Hải Châu", on=date(2026, 3, 1))
>>> acc.escalation[-1].organization.name
'Ủy ban nhân dân thành phố Đà Nẵng'
>>> papi.framework(2024)["D3"].name_en
'Vertical Accountability Towards Citizens'

``papi.framework`` is the function :func:`papi.framework.framework`; import the classes of
that module with ``from papi.framework import Framework``.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING

# Every name is imported on first use (module-level __getattr__ below), so `import papi`,
# `papi --help` and `import papi.dates` load neither networkx, holidays nor cattrs.
if TYPE_CHECKING:  # what the lazy names are, for type checkers and IDEs
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
    from papi.datasets import hanoi, vietnam, vietnam_builder
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

#: The submodules imported on first access as ``papi.<name>``.
_LAZY_MODULES = frozenset(
    {
        "calendar",
        "datasets",
        "dates",
        "duties",
        "errors",
        "governance",
        "io",
        "organizations",
        "progress",
        "rules",
        "scoring",
        "territory",
        "text",
    }
)

#: The re-exported names imported on first access: name -> the module defining it.
_LAZY_NAMES = {
    **dict.fromkeys(("Override", "VietnamCalendar", "default_calendar"), "calendar"),
    **dict.fromkeys(("hanoi", "vietnam", "vietnam_builder"), "datasets"),
    **dict.fromkeys(("VN_TZ", "Validity"), "dates"),
    **dict.fromkeys(("Assignment", "Document", "Role", "Task"), "duties"),
    **dict.fromkeys(
        (
            "Ambiguous",
            "CoverageError",
            "CoverageWarning",
            "CycleError",
            "InvalidData",
            "NotFound",
            "PapiError",
            "PapiWarning",
            "ValidityError",
        ),
        "errors",
    ),
    **dict.fromkeys(("Framework", "framework", "frameworks"), "framework"),
    **dict.fromkeys(("Accountability", "Builder", "Governance"), "governance"),
    **dict.fromkeys(
        ("Organization", "Organizations", "Post", "hanoi_organizations"), "organizations"
    ),
    **dict.fromkeys(("Citation", "Unscheduled", "UnsourcedPeriod", "statute", "statutes"), "rules"),
    **dict.fromkeys(("Ranking", "Scorecard", "hanoi_results", "load_table", "rank"), "scoring"),
    **dict.fromkeys(("Level", "Territory", "Unit", "hanoi_territory"), "territory"),
}


def __getattr__(name: str) -> object:
    """Import a submodule or a re-exported name on first access (PEP 562)."""
    if name in _LAZY_MODULES:
        value: object = importlib.import_module(f"papi.{name}")
    elif name in _LAZY_NAMES:
        value = getattr(importlib.import_module(f"papi.{_LAZY_NAMES[name]}"), name)
    else:
        raise AttributeError(f"module 'papi' has no attribute {name!r}")
    globals()[name] = value  # later accesses skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


class _Package(types.ModuleType):
    """papi's module type: ``papi.framework`` stays the function :func:`papi.framework.framework`.

    Importing a submodule binds it as an attribute of its package; the submodule
    ``papi.framework`` would then hide the function of the same name, which is imported
    lazily like every other name here.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name == "framework" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


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
    "vietnam",
    "vietnam_builder",
]
