"""What answers read of the organizations in an era, each derived once per era.

* the answer-ready infos of organizations and posts (:func:`org_info`, :func:`post_info`) and
  the level of the unit an organization serves (:func:`unit_level`);
* head posts, holders, People's Committees and superiors (:func:`head_post`, :func:`holder`,
  :func:`committee_of`, :func:`superior`), and what rows and escalation steps need of an
  organization (:class:`OrgParts`, :func:`org_parts`);
* on a day the data vouches for (:func:`vouched`), these read the organizations registry
  through its unchecked paths: the same answers, without the day parsing and coverage check
  each public query makes; otherwise through the public queries, which warn.

Everything derived is kept in the context's :class:`~papi.governance._tables.Tables`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from papi.errors import Ambiguous, NotFound
from papi.governance._tables import ABSENT
from papi.governance.answers import Holder, OrgInfo, PostInfo
from papi.organizations import OrgKind

if TYPE_CHECKING:
    from papi.dates import Validity
    from papi.governance._context import Context
    from papi.organizations import Organization, Post
    from papi.territory import Unit


def org_info(ctx: Context, o: Organization) -> OrgInfo:
    found = ctx.tables.org_infos.get(o.id)
    if found is not ABSENT:
        return found
    unit_name = None
    if o.unit_id is not None:
        try:
            unit_name = ctx.territory.get(o.unit_id).name
        except NotFound:
            unit_name = o.unit_id
    info = OrgInfo(id=o.id, name=o.name, name_en=o.name_en, kind=o.kind.value, unit=unit_name)
    return ctx.tables.org_infos.put(o.id, info)


def post_info(ctx: Context, p: Post) -> PostInfo:
    found = ctx.tables.post_infos.get(p.id)
    if found is not ABSENT:
        return found
    return ctx.tables.post_infos.put(p.id, PostInfo(id=p.id, name=p.name, name_en=p.name_en))


def vouched(ctx: Context, uid: str | None, on: date) -> bool:
    """Whether the data vouches for ``on`` about the unit ``uid`` (its province's span, see
    :meth:`~papi.territory.Territory.coverage_of`) and about the organizations as a whole:
    then the organizations registry's public queries about that unit would not warn, and the
    compiled tables read the registry through its unchecked paths (the same answers, without
    checking the day and the coverage once per query)."""
    if uid is None or not ctx.orgs.coverage.contains(on):
        return False
    cov = ctx.tables.coverages.get(uid)
    if cov is ABSENT:  # as coverage_notices keeps it: from the unit itself
        if uid not in ctx.territory:
            return False
        cov = ctx.tables.coverages.put(uid, coverage_of(ctx, ctx.territory.get(uid), on))
    return cov.contains(on)


def head_post(ctx: Context, org: Organization, on: date, era: int) -> Post | None:
    """``organizations.head_post(org, on=on)``, derived once per era."""
    key = (org.id, era)
    found = ctx.tables.heads.get(key)
    if found is not ABSENT:
        return found
    if not vouched(ctx, org.unit_id, on):
        return ctx.tables.heads.put(key, ctx.orgs.head_post(org, on=on))
    head = None
    for p in ctx.orgs._posts_of_org(org):  # what head_post reads, unchecked
        if p.is_head and p.validity.contains(on):
            head = p
            break
    return ctx.tables.heads.put(key, head)


#: the holder of a post nobody is known to hold (one shared value)
_UNKNOWN = Holder(status="unknown")


def holder(ctx: Context, post: Post, on: date, era: int, unit_id: str | None = None) -> Holder:
    """The holder of ``post`` in ``era`` (``organizations.holder``), derived once; ``unit_id``
    (the unit the post's organization serves), when given, lets a day the data vouches for
    skip the registry's checks."""
    key = (post.id, era)
    found = ctx.tables.holders.get(key)
    if found is not ABSENT:
        return found
    if unit_id is not None and vouched(ctx, unit_id, on):
        held = ctx.orgs._holders(post, on)  # what holder reads, unchecked
        h = next((x for x in held if x.acting), held[0] if held else None)
    else:
        h = ctx.orgs.holder(post, on=on)
    if h is None:
        new = _UNKNOWN
    else:
        since = h.validity.valid_from
        if h.person is None:
            new = Holder(status="vacant", since=since, sources=tuple(h.sources))
        else:
            new = Holder(
                status="acting" if h.acting else "known",
                person=h.person,
                since=since,
                sources=tuple(h.sources),
            )
    return ctx.tables.holders.put(key, new)


def unit_level(ctx: Context, org: OrgInfo) -> str | None:
    """The level of the unit an organization serves (OrgInfo carries its name only)."""
    found = ctx.tables.levels.get(org.id)
    if found is not ABSENT:
        return found
    o = ctx.orgs._get(org.id) or ctx.orgs.get(org.id)  # (get's checks for an unknown id only)
    level = None if o.unit_id is None else str(ctx.territory.get(o.unit_id).level.value)
    return ctx.tables.levels.put(org.id, level)


class OrgParts(NamedTuple):
    """What rows and escalation steps need of an organization in an era."""

    info: OrgInfo
    head: Post | None
    head_info: PostInfo | None
    head_holder: Holder | None


def org_parts(ctx: Context, org: Organization, on: date, era: int) -> OrgParts:
    """The info, head post, its info and its holder of ``org`` in ``era``, derived once."""
    key = (org.id, era)
    found = ctx.tables.org_parts.get(key)
    if found is not ABSENT:
        return found
    head = head_post(ctx, org, on, era)
    parts = OrgParts(
        org_info(ctx, org),
        head,
        None if head is None else post_info(ctx, head),
        None if head is None else holder(ctx, head, on, era, org.unit_id),
    )
    return ctx.tables.org_parts.put(key, parts)


def committee_of(ctx: Context, unit: Unit, on: date, era: int) -> Organization | None:
    """``organizations.committee_of(unit, on=on)``, derived once per era."""
    key = (unit.id, era)
    found = ctx.tables.committees.get(key)
    if found is not ABSENT:
        return found
    if vouched(ctx, unit.id, on):  # what committee_of reads, unchecked
        pc = ctx.orgs._of_unit(unit.id, OrgKind.PEOPLES_COMMITTEE, on)
    else:
        pc = ctx.orgs.committee_of(unit, on=on)
    return ctx.tables.committees.put(key, pc)


def superior(ctx: Context, org: Organization, on: date) -> Organization | None:
    """``organizations.superior(org, on=on)``, unchecked on a day the data vouches for."""
    if not vouched(ctx, org.unit_id, on):
        return ctx.orgs.superior(org, on=on)
    orgs = ctx.orgs
    if org.kind in (OrgKind.PEOPLES_COMMITTEE, OrgKind.PEOPLES_COUNCIL):
        if org.unit_id is None:
            return orgs.superior(org, on=on)
        parent = ctx.territory._parent_id(org.unit_id, on.toordinal())
        return None if parent is None else orgs._of_unit(parent, org.kind, on)
    return None if org.part_of is None else orgs._get(org.part_of)


def coverage_of(ctx: Context, unit: Unit | str, on: date) -> Validity:
    """The coverage of ``unit`` (its province's), the territory's when it cannot be placed."""
    try:
        return ctx.territory.coverage_of(unit, on=on)
    except (NotFound, Ambiguous):
        return ctx.territory.coverage
