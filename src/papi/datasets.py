"""Packaged datasets: :func:`vietnam`, the governance model of the whole country, and
:func:`hanoi`, the Hanoi model.

>>> from datetime import date
>>> gov = hanoi()
>>> gov is hanoi()
True
>>> acc = gov.who("D3", where="Phường Hoàn Kiếm", on=date(2026, 3, 1))
>>> [s.holder.person for s in acc.escalation if s.holder and s.holder.person]
['Vũ Đại Thắng']
>>> acc = vietnam().who("D3", where="Phường Hải Châu", on=date(2026, 3, 1))
>>> [s.organization.name for s in acc.escalation]
['Ủy ban nhân dân phường Hải Châu', 'Ủy ban nhân dân thành phố Đà Nẵng']
"""

from __future__ import annotations

import importlib
import json
from importlib import resources
from typing import TYPE_CHECKING

from papi._once import load_once
from papi.governance import Builder, Governance
from papi.io import read_plan_text

if TYPE_CHECKING:
    from papi.organizations import Organizations

__all__ = ["hanoi", "hanoi_builder", "vietnam", "vietnam_builder"]

#: The packaged plan data: Plan 164/KH-UBND (2022) and Dispatch 3010/UBND-SNV.
HANOI_PLAN = "hanoi_plan_2022.toml"


def hanoi_builder() -> Builder:
    """A :class:`~papi.governance.Builder` holding the Hanoi base model (territory,
    organizations, the 2018+ PAPI framework, the Vietnamese calendar, the statutory rules) and
    the 2022 documents; add your own records before calling ``build()``."""
    from papi.organizations import hanoi_organizations

    return _add_hanoi_plan(_base_builder(hanoi_organizations()))


def _base_builder(orgs: Organizations) -> Builder:
    """A builder over ``orgs`` with the 2018+ framework, the calendar and the statutes."""
    from papi.calendar import default_calendar
    from papi.framework import framework

    rules = importlib.import_module("papi.rules")
    return Builder(
        framework=framework(2022),
        territory=orgs.territory,
        organizations=orgs,
        calendar=default_calendar(),
        statute=rules.statute,
    )


def _add_hanoi_plan(builder: Builder) -> Builder:
    text = (resources.files("papi") / "data" / HANOI_PLAN).read_text(encoding="utf-8")
    return read_plan_text(text, source=HANOI_PLAN, fmt="toml", builder=builder)


def vietnam_builder() -> Builder:
    """A :class:`~papi.governance.Builder` holding the model of the whole country: the
    territory (:func:`papi.territory.vietnam_territory`), the organizations every unit has by
    law (derived by the rules of :mod:`papi.organizations.rules`) with Hanoi's curated
    organizations and chairs on top, the 2018+ PAPI framework, the Vietnamese calendar, the
    statutory rules, the law's duties (:func:`papi.law.add_law_duties`) and Hanoi's 2022
    plan (its selectors reach only Hanoi). Add your own plan (documents, tasks, assignments,
    reports) before calling ``build()``.

    >>> from datetime import date
    >>> from papi.duties import (Assignment, Basis, CommitteesOf, Document, DocumentKind,
    ...                          Role, Task)
    >>> b = vietnam_builder()
    >>> _ = b.add_document(Document(id="kh-dn", number="1/KH-UBND", kind=DocumentKind.PLAN,
    ...                             issuer="UBND thành phố Đà Nẵng", date=date(2026, 1, 5),
    ...                             title_vi="Kế hoạch PAPI"))
    >>> _ = b.add_task(Task(id="DN1", document="kh-dn", reference="¶1", title_vi="Công khai",
    ...                     indicators=("D3",)))
    >>> _ = b.add_assignment(Assignment(id="dn-1", task="DN1", role=Role.IMPLEMENT,
    ...     selector=CommitteesOf(level="commune", within="Thành phố Đà Nẵng"),
    ...     basis=Basis(document="kh-dn", reference="¶1")))
    >>> acc = b.build().who("DN1", where="Phường Hải Châu", on=date(2026, 3, 1))
    >>> [r.organization.name for r in acc.responsible if r.role is Role.IMPLEMENT]
    ['Ủy ban nhân dân phường Hải Châu']
    """
    from papi.law import add_law_duties

    return _add_hanoi_plan(add_law_duties(_base_builder(_vietnam_organizations())))


@load_once
def _vietnam_organizations() -> Organizations:
    from papi.organizations import organizations_from_dict
    from papi.territory import vietnam_territory

    data = (resources.files("papi") / "data" / "hanoi" / "organizations.json").read_text(
        encoding="utf-8"
    )
    return organizations_from_dict(vietnam_territory(), json.loads(data))


def vietnam() -> Governance:
    """The governance model of the whole country (built once, on first call, and cached;
    safe to share between threads): every province, district and commune before and after
    2025-07-01 with their People's Committees, councils, chairperson posts and standard
    departments, Hanoi's curated organizations and chairs, the law's duties and Hanoi's 2022
    plan (see :func:`vietnam_builder`). Questions about a province other than Hanoi before
    the day the data vouches for it carry a ``coverage`` warning
    (:meth:`papi.territory.Territory.coverage_of`)."""
    return _vietnam()


@load_once
def _vietnam() -> Governance:
    return vietnam_builder().build()


def hanoi() -> Governance:
    """The Hanoi governance model (built once, cached; safe to share between threads).

    It holds only what the 2022 documents say: where they leave something open (which
    department leads which PAPI dimension), :meth:`~papi.governance.Governance.gaps` reports
    it."""
    return _hanoi()


@load_once
def _hanoi() -> Governance:
    return hanoi_builder().build()
