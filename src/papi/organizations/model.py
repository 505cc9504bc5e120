"""The value objects of :mod:`papi.organizations`: :class:`Organization`, :class:`Post` and
:class:`Holding`, with their kinds (Popolo: a post exists whether or not someone holds it; a
holding puts a person in it for a period).

>>> from papi.dates import Validity
>>> h = Holding(post_id="ubnd:01/chu-tich", person="Lê Hồng Sơn", acting=True,
...             validity=Validity(valid_from=date(2022, 6, 7), valid_to=date(2022, 7, 22)))
>>> h.acting, h.is_vacancy
(True, False)
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date
from typing import Any

import attrs

from papi.dates import Validity
from papi.errors import InvalidData

__all__ = [
    "GUIDING_KINDS",
    "Holding",
    "OrgKind",
    "OrgRef",
    "Organization",
    "Post",
    "PostKind",
    "PostRef",
]


class OrgKind(enum.Enum):
    """The kind of an organization."""

    PEOPLES_COMMITTEE = "peoples_committee"
    PEOPLES_COUNCIL = "peoples_council"
    DEPARTMENT = "department"
    INSPECTORATE = "inspectorate"
    PC_OFFICE = "pc_office"
    ONE_STOP_SHOP = "one_stop_shop"
    CITIZEN_RECEPTION = "citizen_reception"
    FATHERLAND_FRONT = "fatherland_front"
    SERVICE_CENTRE = "service_centre"
    OTHER = "other"


class PostKind(enum.Enum):
    """The kind of a post."""

    CHAIRPERSON = "chairperson"
    VICE_CHAIRPERSON = "vice_chairperson"
    DIRECTOR = "director"
    DEPUTY_DIRECTOR = "deputy_director"
    CHIEF_INSPECTOR = "chief_inspector"
    CHIEF_OF_OFFICE = "chief_of_office"
    HEAD = "head"
    OTHER = "other"


def _nonempty(instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value.strip():
        raise InvalidData("must not be empty", path=attribute.name, value=value)


def _strs(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


_V = attrs.validators


@attrs.frozen(kw_only=True)
class Organization:
    """A public body serving one unit (``unit_id``) during ``validity``.

    ``part_of`` is the organization it belongs to (a department is part of the city People's
    Committee); ``sector`` a short English key for a department's field (``"finance"``);
    ``verified`` is false where the record rests on unverified facts (see ``note``).
    ``abbreviations`` holds the other names documents use ("SNV", "Thanh tra thành phố").
    """

    id: str = attrs.field(validator=_nonempty)
    name: str = attrs.field(validator=_nonempty)
    kind: OrgKind = attrs.field(validator=_V.instance_of(OrgKind))
    unit_id: str = attrs.field(validator=_nonempty)
    validity: Validity = attrs.field(default=Validity(), validator=_V.instance_of(Validity))
    name_en: str | None = None
    part_of: str | None = None
    sector: str | None = None
    abbreviations: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    sources: tuple[str, ...] = attrs.field(default=(), converter=_strs, repr=False)
    verified: bool = attrs.field(default=True, repr=False)
    note: str | None = attrs.field(default=None, repr=False)

    @property
    def valid_from(self) -> date | None:
        """First day (``None``: before the data starts)."""
        return self.validity.valid_from

    @property
    def valid_to(self) -> date | None:
        """First day it no longer exists (``None``: still exists)."""
        return self.validity.valid_to

    def __str__(self) -> str:
        return f"{self.name} ({self.id})"


@attrs.frozen(kw_only=True)
class Post:
    """A position in an organization; ``is_head`` marks the head (người đứng đầu)."""

    id: str = attrs.field(validator=_nonempty)
    org_id: str = attrs.field(validator=_nonempty)
    kind: PostKind = attrs.field(validator=_V.instance_of(PostKind))
    name: str = attrs.field(validator=_nonempty)
    validity: Validity = attrs.field(default=Validity(), validator=_V.instance_of(Validity))
    name_en: str | None = None
    is_head: bool = False
    sources: tuple[str, ...] = attrs.field(default=(), converter=_strs, repr=False)

    def __str__(self) -> str:
        return f"{self.name} ({self.id})"


@attrs.frozen(kw_only=True)
class Holding:
    """A person in a post during ``validity``; ``person=None`` is an explicit vacancy.

    ``acting`` marks a person who runs the post without holding its title (*phụ trách*,
    *quyền*): a permanent vice-chair running the People's Committee while the chair is
    suspended or the chair is vacant. An acting holding may overlap the title holder's (the
    suspended chair keeps the title); :meth:`Organizations.holder` then answers with the
    acting person, who exercises the post that day.
    """

    post_id: str = attrs.field(validator=_nonempty)
    person: str | None
    validity: Validity = attrs.field(validator=_V.instance_of(Validity))
    acting: bool = False
    sources: tuple[str, ...] = attrs.field(default=(), converter=_strs, repr=False)
    verified: bool = attrs.field(default=True, repr=False)
    note: str | None = attrs.field(default=None, repr=False)

    @property
    def is_vacancy(self) -> bool:
        """Whether this records an explicit vacancy."""
        return self.person is None


OrgRef = Organization | str
PostRef = Post | str

#: Kinds of organizations that guide the People's Committees of the units below theirs
#: (Plan 164/KH-UBND, T2: city departments give professional guidance to district and
#: commune People's Committees).
GUIDING_KINDS = frozenset({OrgKind.DEPARTMENT, OrgKind.INSPECTORATE, OrgKind.PC_OFFICE})

_POST_SLUG = {
    PostKind.CHAIRPERSON: "chu-tich",
    PostKind.DIRECTOR: "giam-doc",
    PostKind.CHIEF_INSPECTOR: "chanh-thanh-tra",
    PostKind.CHIEF_OF_OFFICE: "chanh-van-phong",
    PostKind.HEAD: "truong-ban",
}


def _head_post(
    org_id: str,
    kind: PostKind,
    name: str,
    name_en: str | None,
    validity: Validity,
    sources: tuple[str, ...],
    *,
    slug: str | None = None,
) -> Post:
    """The head post of ``org_id``, with the id ``<org_id>/<slug>`` (by default the slug of
    ``kind``, ``head`` for a kind without one)."""
    return Post(
        id=f"{org_id}/{slug or _POST_SLUG.get(kind, 'head')}",
        org_id=org_id,
        kind=kind,
        name=name,
        name_en=name_en,
        is_head=True,
        validity=validity,
        sources=sources,
    )


def _intersect(a: Validity, b: Validity) -> Validity | None:
    """The days in both ``a`` and ``b`` (``None``: none)."""
    lo = max((d for d in (a.valid_from, b.valid_from) if d is not None), default=None)
    hi = min((d for d in (a.valid_to, b.valid_to) if d is not None), default=None)
    if lo is not None and hi is not None and hi <= lo:
        return None
    return Validity(valid_from=lo, valid_to=hi)
