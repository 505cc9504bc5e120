"""Organizations, posts and the people in them, over a :class:`~papi.territory.Territory`.

An :class:`Organization` (People's Committee, People's Council, department, inspectorate,
PC Office, service centre, Fatherland Front committee ...) serves one unit during its validity.
A :class:`Post` exists whether or not someone holds it (Popolo); a :class:`Holding` puts a
named person in it for a period (``acting`` for one who runs it without the title), and a
holding with ``person=None`` records an explicit vacancy. :class:`Organizations` is the
immutable registry: curated records plus the bodies every unit has by law, derived by the
rules of :mod:`papi.organizations.rules` when a query reaches the unit. Its graph
(:attr:`Organizations.full_graph`, built on demand) holds units, organizations and posts with
the relations ``contains``, ``governed_by`` (unit -> its People's Committee), ``has_council``,
``part_of`` (department -> PC), ``headed_by`` (organization -> head post), ``guides``
(department -> lower-level People's Committee) and ``succeeded_by``.

The package: :mod:`~papi.organizations.model` (value objects),
:mod:`~papi.organizations.registry` (queries), :mod:`~papi.organizations.rules` (the
derivation rules, declarative), :mod:`~papi.organizations.holders` (the holders file
format), :mod:`~papi.organizations.hanoi` (Hanoi's packaged data).

>>> from datetime import date
>>> orgs = hanoi_organizations()
>>> d = date(2026, 3, 1)
>>> pc = orgs.committee_of("Phường Hoàn Kiếm", on=d)
>>> pc.name, orgs.superior(pc, on=d).id
('Ủy ban nhân dân phường Hoàn Kiếm', 'ubnd:01')
>>> orgs.holder(orgs.head_post("ubnd:01", on=d), on=d).person
'Vũ Đại Thắng'
>>> [o.name for o in orgs.successors("Sở Kế hoạch và Đầu tư", on=d)]
['Sở Tài chính']
"""

from __future__ import annotations

from papi.organizations.hanoi import hanoi_organizations, organizations_from_dict
from papi.organizations.holders import HOLDINGS_SCHEMA, holdings_from_dict, read_holdings
from papi.organizations.model import (
    GUIDING_KINDS,
    Holding,
    Organization,
    OrgKind,
    OrgRef,
    Post,
    PostKind,
    PostRef,
)
from papi.organizations.registry import Organizations
from papi.organizations.rules import (
    COUNCIL_PILOTS,
    STANDARD_RULES,
    BodyRule,
    CouncilPilot,
    Rulebook,
)

__all__ = [
    "COUNCIL_PILOTS",
    "GUIDING_KINDS",
    "HOLDINGS_SCHEMA",
    "STANDARD_RULES",
    "BodyRule",
    "CouncilPilot",
    "Holding",
    "OrgKind",
    "OrgRef",
    "Organization",
    "Organizations",
    "Post",
    "PostKind",
    "PostRef",
    "Rulebook",
    "hanoi_organizations",
    "holdings_from_dict",
    "organizations_from_dict",
    "read_holdings",
]
