"""Resolution: from what a question or an assignment names to the model's objects.

* selectors (:func:`resolve`): what an assignment's selector picks in an era, followed
  through successions when what it named is gone; each pick is a :class:`Hit` (indexed by
  unit: :mod:`papi.governance._indexes`);
* :class:`Row`: what answers need of a hit (infos, head post, holder), per unit and era;
* subjects (:func:`subject`): an indicator code, task id or name;
* places (:func:`where`): a unit, id, code or name, followed to its successor when gone;
* the answer-ready infos of units, bases and succession hops.

What answers read of the organizations in an era (their infos, head posts, holders, committees,
superiors) is :mod:`papi.governance._orgs`'s.

Everything derived is kept in the context's :class:`~papi.governance._tables.Tables`.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Literal, NamedTuple, cast

from papi._messages import day_vi, validity_vi
from papi.dates import Validity, parse_day
from papi.duties import (
    AgenciesOf,
    Assignment,
    CommitteesOf,
    DepartmentsBySector,
    HeadsOf,
    OrgById,
    Selector,
    Unlisted,
    innermost,
)
from papi.errors import Ambiguous, Candidate, InvalidData, NotFound
from papi.governance import _orgs, notices
from papi.governance._tables import ABSENT
from papi.governance.answers import (
    BasisInfo,
    Holder,
    Hop,
    Notice,
    OrgInfo,
    PostInfo,
    SubjectInfo,
    UnitInfo,
)
from papi.organizations import OrgKind, _successions
from papi.territory import Level, Unit, UnitKind

if TYPE_CHECKING:
    from papi.framework import Element
    from papi.governance._context import Context
    from papi.governance.answers import SuccessionKind
    from papi.organizations import Organization, Post
    from papi.territory import Succession, Unverified

__all__ = ["NO_HEAD", "Hit", "Row", "resolve", "subject", "where"]


class _NoHead(enum.Enum):
    NO_HEAD = 0


#: the post of a :class:`HeadsOf` hit whose organization has no head post
NO_HEAD = _NoHead.NO_HEAD


class Hit(NamedTuple):
    """One organization a selector picks: for a :class:`~papi.duties.HeadsOf` selector also
    its head post (or :data:`NO_HEAD`); ``via`` the successions followed to reach it."""

    org: Organization
    post: Post | Literal[_NoHead.NO_HEAD] | None
    via: tuple[Hop, ...]


#: makes a :class:`Hit` from a tuple of its fields (``Hit(...)`` runs Python code)
_hit = tuple.__new__


class Row(NamedTuple):
    """What answers need of one hit in an era."""

    org_id: str
    org: OrgInfo
    #: the post of a HeadsOf hit (with its info and holder)
    post_id: str | None
    post: PostInfo | None
    holder: Holder | None
    #: the organization's head post, for the head-of-organization entry (not for HeadsOf hits)
    head_id: str | None
    head: PostInfo | None
    head_holder: Holder | None
    via: tuple[Hop, ...]


def day(value: object, path: str) -> date:
    """A query date read with :func:`papi.dates.parse_day` (a date, an ISO string or an aware
    datetime, within 1000-2999), raising :class:`~papi.errors.InvalidData` naming the
    argument."""
    return parse_day(value, arg=path)


# ------------------------------------------------------------------------------- infos


def unit_info(u: Unit) -> UnitInfo:
    return UnitInfo(id=u.id, code=u.code, name=u.name, level=u.level.value)


def unit_info_of(ctx: Context, u: Unit) -> UnitInfo:
    """:func:`unit_info`, made once per unit of the model."""
    found = ctx.tables.unit_infos.get(u.id)
    if found is not ABSENT:
        return found
    return ctx.tables.unit_infos.put(u.id, unit_info(u))


def basis(
    ctx: Context, a: Assignment, principle: Literal["nguoi_dung_dau"] | None = None
) -> BasisInfo:
    key = (a.id, principle)  # assignment ids are unique (checked by the Builder)
    found = ctx.tables.bases.get(key)
    if found is not ABSENT:
        return found
    doc = ctx.documents[a.basis.document]
    new = BasisInfo(
        assignment=a.id,
        document=doc.id,
        citation_vi=doc.cite("vi"),
        citation_en=doc.cite("en"),
        reference=a.basis.reference,
        principle=principle,
    )
    return ctx.tables.bases.put(key, new)


def hops(ctx: Context, chain: Iterable[Succession]) -> tuple[Hop, ...]:
    return tuple(
        Hop(
            kind=cast("SuccessionKind", s.kind),  # checked by Succession
            effective=s.effective,
            act=s.act,
            abolished=tuple(_name_of(ctx, i) for i in s.predecessors),
            successors=tuple(_name_of(ctx, i) for i in s.successors),
            citation=_hop_citation(s.act, s.sources),
            note=s.note,
        )
        for s in chain
    )


def _name_of(ctx: Context, ident: str) -> str:
    """The name of the organization or unit ``ident`` (``ident`` itself if neither), once."""
    names = ctx.tables.names
    found = names.hot.get(ident, ABSENT)  # bounded by the model: every name stays here
    if found is ABSENT:
        found = names.put(ident, _find_name(ctx, ident))
    return found


def _find_name(ctx: Context, ident: str) -> str:
    # Organizations.get without its checks (and without raising for a unit's id): the
    # names of the ~10,000 organizations a national plan's successions name
    org = ctx.orgs._get(ident)
    if org is not None:
        return org.name
    if ident in ctx.territory:
        return ctx.territory.get(ident).name
    return ident


_ARTICLE = re.compile(r"\bart\. ?[0-9]+(?:\([0-9a-zđ]+\))*", re.IGNORECASE)


def _hop_citation(act: str, sources: Iterable[str]) -> str:
    """``"Law 72/2025/QH15 art. 51(3)"`` when a source of the succession cites the article."""
    for src in sources:
        if act in src:
            m = _ARTICLE.search(src, src.index(act))
            if m:
                head = src[: src.index(act)].split(":")[-1].strip()
                return f"{head} {act} {m.group(0)}".strip()
    return act


# ---------------------------------------------------------------------------- selectors


def resolve(ctx: Context, sel: Selector, on: date, ref: date | None) -> tuple[Hit, ...]:
    """What ``sel`` picks on ``on``. When it picks nothing on ``on`` (a level or an
    organization that no longer exists), it is resolved on ``ref`` (the day the assignment
    took effect) and followed through the successions, each hop recorded."""
    key = (sel, ctx.era(on), None if ref is None else ctx.era(ref))
    found = ctx.tables.hits.get(key)
    if found is not ABSENT:
        return found
    return ctx.tables.hits.put(key, _resolve(ctx, sel, on, ref))


class _NoScope(enum.Enum):
    NO_SCOPE = 0


#: what :func:`committee_scope` returns when the selector's ``within`` names no unit that day
NO_SCOPE = _NoScope.NO_SCOPE


def committee_scope(
    ctx: Context, sel: Selector, on: date
) -> tuple[Level, str | None] | Literal[_NoScope.NO_SCOPE] | None:
    """For a selector of People's Committees (or of their heads): the level and the id of the
    ``within`` unit on ``on`` (:data:`NO_SCOPE` when it names no unit that day); ``None``
    for any other selector."""
    inner = sel.of if isinstance(sel, HeadsOf) else sel
    if not isinstance(inner, CommitteesOf):
        return None
    if inner.within is None:
        return Level(inner.level), None
    try:
        return Level(inner.level), ctx.territory.unit(inner.within, on=on).id
    except NotFound:
        return NO_SCOPE


def any_committee(
    ctx: Context, level: Level, within: str | None, on: date, *, quiet: bool = True
) -> bool:
    """Whether some unit of ``level`` (inside the unit ``within``) has a People's Committee
    on ``on``, stopping at the first. With ``quiet``, units whose province the data vouches
    for on ``on`` are tried first, so that the check warns (a
    :class:`~papi.errors.CoverageWarning`) only when no such unit has one."""
    units: Iterable[Unit]
    if within is not None:
        units = ctx.territory.units(level=level, within=within, on=on)
    else:
        # inside the territory's coverage the first units are vouched for: no need to sort
        sort = quiet and not ctx.territory.coverage.contains(on)
        units = (u for u in _units_at(ctx, level, by_coverage=sort) if u.exists_on(on))
    committee_of = ctx.orgs.committee_of
    if not quiet:
        return any(committee_of(u, on=on) is not None for u in units)
    for u in units:
        if _orgs.coverage_of(ctx, u, on).contains(on) and committee_of(u, on=on) is not None:
            return True
    return any(committee_of(u, on=on) is not None for u in _all_at(ctx, level, within, on))


def _all_at(ctx: Context, level: Level, within: str | None, on: date) -> Iterator[Unit]:
    if within is not None:
        yield from ctx.territory.units(level=level, within=within, on=on)
    else:
        yield from (u for u in _units_at(ctx, level, by_coverage=False) if u.exists_on(on))


#: the unit kinds of each level
_KINDS_AT = {lv: frozenset(k for k in UnitKind if k.level is lv) for lv in Level}


def _units_at(ctx: Context, level: Level, *, by_coverage: bool) -> tuple[Unit, ...]:
    """Every unit of ``level`` on any day (the territory's order; with ``by_coverage``, those
    whose province the data vouches for from the earliest day first), once per model:
    :meth:`Territory.units` would warn about the whole territory's coverage."""
    key = (level, by_coverage)
    found = ctx.tables.units_at.get(key)
    if found is not ABSENT:
        return found
    if by_coverage:
        plain = _units_at(ctx, level, by_coverage=False)
        terr = ctx.territory
        units = tuple(
            sorted(plain, key=lambda u: terr.coverage_of(u, on=_ANY_DAY).valid_from or date.min)
        )
    else:
        # by identity: an Enum's __hash__ is Python code (every unit of the country is read)
        kinds = {id(k) for k in _KINDS_AT[level]}
        units = tuple(u for u in ctx.territory if id(u.kind) in kinds)
    return ctx.tables.units_at.put(key, units)


#: any day: the coverage of a :class:`Unit` object does not depend on it
_ANY_DAY = date(2000, 1, 1)


def _resolve(ctx: Context, sel: Selector, on: date, ref: date | None) -> tuple[Hit, ...]:
    if isinstance(sel, HeadsOf):
        era = ctx.era(on)
        out = []
        for hit in resolve(ctx, sel.of, on, ref):
            post = _orgs.head_post(ctx, hit.org, on, era)
            out.append(Hit(hit.org, post if post is not None else NO_HEAD, hit.via))
        return tuple(out)
    if isinstance(sel, Unlisted):
        return ()
    found = direct(ctx, sel, on)
    if found or ref is None or ref >= on:
        return tuple(Hit(o, None, ()) for o in found)
    cov = _scope_coverage(ctx, sel, ref)
    if cov.valid_from is not None and ref < cov.valid_from < on:
        ref = cov.valid_from  # the earliest structure the data vouches for
    out2: list[Hit] = []
    for old in direct(ctx, sel, ref):
        # Organizations.successors and .succession_chain in one walk (each would check the
        # day and walk again: over the whole country, 700 districts' committees)
        successors, successions = _successions.follow(ctx.orgs, old, on)
        chain = hops(ctx, successions)
        out2.extend(_hit(Hit, (new, None, chain)) for new in successors)
    return tuple(out2)


def direct(ctx: Context, sel: Selector, on: date) -> tuple[Organization, ...]:
    """What ``sel`` (not a HeadsOf) names on ``on`` itself, successions not followed."""
    if isinstance(sel, OrgById):
        o = ctx.orgs.get(sel.id)
        return (o,) if o.validity.contains(on) else ()
    if isinstance(sel, CommitteesOf):
        units = _units_in(ctx, sel.level, sel.within, on)
        committee_of = ctx.orgs.committee_of
        return tuple(pc for pc in (committee_of(u, on=on) for u in units) if pc is not None)
    if isinstance(sel, DepartmentsBySector):
        try:
            within_unit = ctx.territory.unit(sel.within, on=on)
        except NotFound:
            return ()
        return tuple(
            o for o in ctx.orgs.organizations(unit=within_unit, on=on) if o.sector == sel.sector
        )
    if isinstance(sel, AgenciesOf):
        return _agencies(ctx, sel, on)
    return ()


#: the kinds of organization :class:`~papi.duties.AgenciesOf` picks (the specialised
#: agencies of a People's Committee, Decree 150/2025/NĐ-CP art. 8)
_AGENCY_KINDS = frozenset({OrgKind.DEPARTMENT, OrgKind.INSPECTORATE, OrgKind.PC_OFFICE})


def _units_in(
    ctx: Context, level: str, within: str | None, on: date, *, itself: bool = False
) -> tuple[Unit, ...]:
    """The units of ``level`` inside the unit ``within`` (anywhere: ``None``; none when it
    names no unit on ``on``); with ``itself``, ``within`` alone when it is of ``level``."""
    unit = None
    if within is not None:
        try:
            unit = ctx.territory.unit(within, on=on)
        except NotFound:
            return ()
    lv = Level(level)
    if itself and unit is not None and unit.level is lv:
        return (unit,)
    return tuple(ctx.territory.units(level=lv, within=unit, on=on))


def _agencies(ctx: Context, sel: AgenciesOf, on: date) -> tuple[Organization, ...]:
    """The specialised agencies (departments, inspectorate, PC office) of every unit of the
    selector's level (within its unit, of its sector) on ``on``."""
    organizations = ctx.orgs.organizations
    return tuple(
        o
        for u in _units_in(ctx, sel.level, sel.within, on, itself=True)
        for o in organizations(unit=u, on=on)
        if o.kind in _AGENCY_KINDS and (sel.sector is None or o.sector == sel.sector)
    )


def rows(ctx: Context, hits: Iterable[Hit], on: date, era: int) -> tuple[Row, ...]:
    """What answers need of each hit of a selector in a unit (see :class:`Row`)."""
    out: list[Row] = []
    for org, post, via in hits:
        oi, head, hi, hh = _orgs.org_parts(ctx, org, on, era)
        if post is NO_HEAD:
            out.append(Row(org.id, oi, None, None, None, None, None, None, via))
        elif post is not None:  # a HeadsOf hit
            if post is head:
                pi, ph = hi, hh
            else:
                pi, ph = _orgs.post_info(ctx, post), _orgs.holder(ctx, post, on, era)
            out.append(Row(org.id, oi, post.id, pi, ph, None, None, None, via))
        elif head is None:
            out.append(Row(org.id, oi, None, None, None, None, None, None, via))
        else:
            out.append(Row(org.id, oi, None, None, None, head.id, hi, hh, via))
    return tuple(out)


def reaches(ctx: Context, a: Assignment, chain: tuple[str, ...], on: date, era: int) -> bool:
    """Whether an assignment naming no organization (an :class:`~papi.duties.Unlisted`
    selector) concerns a place whose chain of units (itself and its ancestors) is ``chain``:
    when every assignment that names organizations in its document (and the documents it
    implements or that implement it) names them inside some units (``within``, or by id),
    only places in those units; else everywhere. Over the whole country Hanoi's 2022 plan
    speaks of Hanoi's departments, not of Đà Nẵng's."""
    key = (a.basis.document, era)
    units = ctx.tables.scope_units.get(key)
    if units is ABSENT:
        units = ctx.tables.scope_units.put(key, _scope_units(ctx, a.basis.document, on))
    return units is None or not units.isdisjoint(chain)


def _scope_units(ctx: Context, doc: str, on: date) -> frozenset[str] | None:
    """The ids of the units of ``doc``'s scope (:func:`_document_scope`) on ``on``, ``None``
    for everywhere (no scope, or a reference naming no unit that day)."""
    scope = _document_scope(ctx, doc)
    if scope is None:
        return None
    units: set[str] = set()
    for ref in scope:
        uid = ctx.unit_id_of(ref, on)
        if uid is None:  # (a reference naming no unit: everywhere)
            return None
        units.add(uid)
    return frozenset(units)


def _document_scope(ctx: Context, doc: str) -> frozenset[str] | None:
    """The units the listed assignments of ``doc``'s family name organizations in, or
    ``None`` when one names them anywhere (or none names any)."""
    found = ctx.tables.scopes.get(doc)
    if found is not ABSENT:
        return found
    family = {doc, *ctx.documents[doc].implements}
    family.update(d.id for d in ctx.documents.values() if doc in d.implements)
    refs: set[str] = set()
    scope: frozenset[str] | None = None
    listed = False
    for a in ctx.assignments:
        if a.basis.document not in family or isinstance(innermost(a.selector), Unlisted):
            continue
        listed = True
        inner = innermost(a.selector)
        within = (
            inner.within
            if isinstance(inner, CommitteesOf | DepartmentsBySector | AgenciesOf)
            else None
        )
        if isinstance(inner, OrgById):
            within = ctx.orgs.get(inner.id).unit_id
        if within is None:
            refs.clear()
            break
        refs.add(within)
    if listed and refs:
        scope = frozenset(refs)
    return ctx.tables.scopes.put(doc, scope)


# ----------------------------------------------------------------------------- subjects


def subject(ctx: Context, text: str) -> SubjectInfo:
    """What a subject names: an indicator code, a task id or a Vietnamese/English name."""
    found = ctx.tables.spellings.get(text)
    if found is not ABSENT:
        return found
    return ctx.tables.spellings.put(text, _find_subject(ctx, text))


def _find_subject(ctx: Context, subject: str) -> SubjectInfo:
    text = subject.strip()
    if text in ctx.tasks:
        t = ctx.tasks[text]
        return SubjectInfo(
            kind="task", code=t.id, name_vi=t.title_vi, name_en=t.title_en, tasks=(t.id,)
        )
    code = text.upper()
    if code in ctx.tasks_by_code:
        el = ctx.framework[code]
        return SubjectInfo(
            kind="indicator",
            code=el.code,
            name_vi=el.name_vi,
            name_en=el.name_en,
            tasks=ctx.tasks_by_code[code],
        )
    topic = _law_topic(ctx, text)
    if topic is not None:
        return topic
    elements: tuple[Element, ...]
    try:
        elements = (ctx.framework.find(text),)
    except NotFound:
        elements = ()
    tasks = ctx.task_names.find(text)
    if elements and not tasks:
        return _find_subject(ctx, elements[0].code)
    if len(tasks) == 1 and not elements:
        return _find_subject(ctx, tasks[0])
    if elements or tasks:
        raise Ambiguous(
            "subject",
            subject,
            tuple(e.code for e in elements) + tuple(tasks),
            choices=_subject_choices(ctx, elements, tasks),
        )
    closest = ctx.task_names.closest(text)
    named = (t for name in closest for t in ctx.task_names.find(name))
    raise NotFound(
        "subject (indicator code, task id or name)",
        subject,
        closest=closest,
        choices=_subject_choices(ctx, (), tuple(dict.fromkeys(named))),
    )


def _subject_choices(
    ctx: Context, elements: Iterable[Element], tasks: Iterable[str]
) -> tuple[Candidate, ...]:
    """Elements of the framework and tasks as :class:`~papi.errors.Candidate` data."""
    out = [
        Candidate(
            id=e.code,
            name=e.name_vi,
            code=e.code,
            parent=e.parent,
            parent_id=e.parent,
            level=e.level.value,
        )
        for e in elements
    ]
    for tid in tasks:
        t = ctx.tasks[tid]
        out.append(Candidate(id=t.id, name=t.title_vi, code=t.id, level="task"))
    return tuple(out)


def _law_topic(ctx: Context, text: str) -> SubjectInfo | None:
    """A topic of the law's duties (``papi.law``: "khiếu nại", "khieu nai", "complaint"),
    when the model holds some of its tasks."""
    from papi.law import law_index

    try:
        topic = law_index().topic(text)
    except NotFound:
        return None
    tasks = tuple(t for t in topic.tasks if t in ctx.tasks)
    if not tasks:
        return None
    return SubjectInfo(
        kind="topic", code=topic.key, name_vi=topic.name_vi, name_en=topic.name_en, tasks=tasks
    )


# ------------------------------------------------------------------------------- places

#: a place as a query takes it: a unit, or a unit id, NSO code or name
Place = Unit | str


def check_place(value: object, path: str) -> None:
    if not isinstance(value, str) and not hasattr(value, "id"):
        raise InvalidData("must be a unit, or a unit id, code or name", path=path, value=value)


def where(ctx: Context, place: Place, on: date) -> tuple[Unit, tuple[Hop, ...]]:
    """The unit answering for ``place`` on ``on`` and the succession hops that led to it.

    ``place`` is a unit, id, code or name (plain or qualified with its parents' names); one
    that no longer exists on ``on`` is followed to its successor when there is exactly one,
    and refused naming them when there are several."""
    if (
        type(place) is Unit
        and ctx.tables.quiet_units.get((place.id, ctx.era(on))) is True
        and place.exists_on(on)
    ):  # a unit the data vouches for all era (:func:`unit_coverage_notices`): nothing to warn
        return place, ()
    try:
        unit = ctx.territory.unit(place, on=on)
    except NotFound as err:
        return _where_succeeded(ctx, place, on, err)
    if not unit.exists_on(on):  # a Unit object passed in
        return _where_succeeded(ctx, unit, on, None)
    return unit, ()


def _where_succeeded(
    ctx: Context, place: Place, on: date, err: NotFound | None
) -> tuple[Unit, tuple[Hop, ...]]:
    succ = ctx.territory.successors(place, on=on)
    if len(succ) == 1:
        return succ[0], hops(ctx, ctx.territory.succession_chain(place, on=on))
    asked = place.name if isinstance(place, Unit) else place
    if len(succ) > 1:
        from papi.territory._misses import _split

        names = tuple(str(u.name) for u in succ)
        chain = ctx.territory.succession_chain(place, on=on)
        ended = chain[0].effective if chain else None
        choices = tuple(unit_choice(ctx, u, on) for u in succ)
        raise _split(asked, on, ended, names, choices) from err
    if err is not None:
        raise err
    validity = place.validity if isinstance(place, Unit) else None
    raise NotFound(
        "unit",
        asked,
        context=f"on {on.isoformat()} (it exists {validity} and no successor is recorded "
        "for that day; ask about a unit existing then)",
        context_vi=f"ngày {day_vi(on)} (đơn vị tồn tại {validity_vi(validity)} và không có "
        "đơn vị kế thừa nào được ghi nhận cho ngày đó; hãy hỏi về một đơn vị tồn tại khi ấy)",
    )


def unit_choice(ctx: Context, unit: Unit, on: date) -> Candidate:
    """``unit`` (existing on ``on``) as a :class:`~papi.errors.Candidate`, with its parent
    on ``on``."""
    parent = ctx.territory.parent(unit, on=on)
    return Candidate(
        id=unit.id,
        name=unit.name,
        code=unit.code,
        parent=parent.name if parent is not None else None,
        parent_id=parent.id if parent is not None else None,
        level=unit.level.value,
        valid_from=unit.valid_from,
        valid_to=unit.valid_to,
    )


def where_notice(place: Place, unit: Unit, chain: tuple[Hop, ...], on: date) -> Notice:
    """``where_succeeded``: which unit answers for ``place`` and why (the successions)."""
    asked = place.name if isinstance(place, Unit) else place
    return notices.where_succeeded(asked, unit.name, chain, on)


def coverage_notices(ctx: Context, on: date, units: Iterable[Unit] = ()) -> tuple[Notice, ...]:
    """A ``coverage`` notice when ``on`` lies outside the dates the territory data vouches
    for (the answer then uses the nearest structure in the data): about ``units`` when given,
    each by its province's span (:meth:`~papi.territory.Territory.coverage_of`; over the whole
    country every province is vouched for from 2020-01-01), else about the whole territory;
    and one when ``on`` lies in a stretch the data marks as unverified for a unit's province
    (:meth:`~papi.territory.Territory.unverified`)."""
    coverages = ctx.tables.coverages
    spans: dict[Validity, None] = {}
    unverified: dict[str, Unverified] = {}  # by province: one stretch a day
    for u in units:
        # a unit's coverage is its province's, the same on every day
        cov = coverages.get(u.id)
        if cov is ABSENT:
            cov = coverages.put(u.id, _orgs.coverage_of(ctx, u, on))
        spans[cov] = None
        stretch = ctx.territory.unverified(u, on=on)
        if stretch is not None:
            unverified[stretch.province.id] = stretch
    if not spans:
        spans[ctx.territory.coverage] = None
    outside = tuple(notices.coverage(cov, on) for cov in spans if not cov.contains(on))
    return outside + tuple(
        notices.unverified(s.province.name, s.days, s.reason, on) for s in unverified.values()
    )


def unit_coverage_notices(ctx: Context, on: date, unit: Unit) -> tuple[Notice, ...]:
    """``coverage_notices(ctx, on, (unit,))``, with a shortcut for the usual case: a day the
    data vouches for about ``unit`` and not marked unverified (no notice)."""
    key = (unit.id, ctx.era(on))
    if ctx.tables.quiet_units.get(key) is True:
        return ()
    cov = ctx.tables.coverages.get(unit.id)
    if cov is ABSENT:  # (as coverage_notices keeps it)
        cov = ctx.tables.coverages.put(unit.id, _orgs.coverage_of(ctx, unit, on))
    if cov.contains(on) and ctx.territory.unverified(unit, on=on) is None:
        # the coverage's and the unverified stretches' bounds are era bounds: quiet all era
        ctx.tables.quiet_units.put(key, True)
        return ()
    return coverage_notices(ctx, on, (unit,))


def _scope_coverage(ctx: Context, sel: Selector, ref: date) -> Validity:
    """The coverage of what ``sel`` ranges over: its ``within`` unit's or organization's
    province, else the whole territory's."""
    if isinstance(sel, OrgById):
        return _orgs.coverage_of(ctx, ctx.orgs.get(sel.id).unit_id, ref)
    within = getattr(sel, "within", None)
    if isinstance(within, str):
        return _orgs.coverage_of(ctx, within, ref)
    return ctx.territory.coverage
