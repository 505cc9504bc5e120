"""Packaged datasets: :func:`hanoi`, the Hanoi governance model.

>>> from datetime import date
>>> gov = hanoi()
>>> gov is hanoi()
True
>>> acc = gov.who("D3", where="Phường Hoàn Kiếm", on=date(2026, 3, 1))
>>> [s.holder.person for s in acc.escalation if s.holder and s.holder.person]
['Vũ Đại Thắng']
"""

from __future__ import annotations

import importlib
from importlib import resources

from papi._once import load_once
from papi.governance import Builder, Governance
from papi.io import read_plan_text

__all__ = ["hanoi", "hanoi_builder"]

#: The packaged plan data: Plan 164/KH-UBND (2022) and Dispatch 3010/UBND-SNV.
HANOI_PLAN = "hanoi_plan_2022.toml"


def hanoi_builder() -> Builder:
    """A :class:`~papi.governance.Builder` holding the Hanoi base model (territory,
    organizations, the 2018+ PAPI framework, the Vietnamese calendar, the statutory rules) and
    the 2022 documents; add your own records before calling ``build()``."""
    from papi.calendar import default_calendar
    from papi.framework import framework
    from papi.organizations import hanoi_organizations

    rules = importlib.import_module("papi.rules")
    orgs = hanoi_organizations()
    builder = Builder(
        framework=framework(2022),
        territory=orgs.territory,
        organizations=orgs,
        calendar=default_calendar(),
        statute=rules.statute,
    )
    text = (resources.files("papi") / "data" / HANOI_PLAN).read_text(encoding="utf-8")
    return read_plan_text(text, source=HANOI_PLAN, fmt="toml", builder=builder)


def hanoi() -> Governance:
    """The Hanoi governance model (built once, cached; safe to share between threads).

    It holds only what the 2022 documents say: where they leave something open (which
    department leads which PAPI dimension), :meth:`~papi.governance.Governance.gaps` reports
    it."""
    return _hanoi()


@load_once
def _hanoi() -> Governance:
    return hanoi_builder().build()
