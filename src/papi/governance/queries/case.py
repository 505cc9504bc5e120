"""``case``: a complaint, denunciation or information request step by step.

Each step takes its statutory period from the catalogue (:func:`papi.rules.statute`, the
version in force on the step's first day), its holder from the law's duties
(``papi/data/law/duties.toml``, through :func:`~papi.governance.queries.who.who` on the
step's first day: the head of the People's Committee of the place, or the People's
Committee itself) and, for the second instance, from the law index's instances
(:meth:`papi.law.LawIndex.instance`): the second-instance assignment valid on the day,
restricted to the units containing the place. What the data cannot name becomes a warning,
never a guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple, cast

from papi.duties import AgenciesOf, Unlisted, innermost
from papi.errors import InvalidData, PapiError
from papi.governance import _orgs, _resolve, notices
from papi.governance.answers import (
    Accountability,
    Case,
    CaseStep,
    Hop,
    Notice,
    Responsible,
    SkippedDay,
)
from papi.governance.queries.who import who
from papi.rules.civil_code import PeriodUnit, period_end
from papi.rules.model import After
from papi.territory import Level
from papi.text import fold

if TYPE_CHECKING:
    from papi.calendar import VietnamCalendar
    from papi.governance._context import Context
    from papi.governance.answers import CaseKind, Channel
    from papi.organizations import Organization
    from papi.rules import Statute
    from papi.territory import Unit

__all__ = ["CASE_KINDS", "CHANNELS", "case"]

#: What :meth:`Governance.case <papi.governance.Governance.case>` lays out.
CASE_KINDS = ("complaint", "denunciation", "information")
#: How an information request arrives (Law 104/2016/QH13 arts. 29-31): at the office, by
#: the electronic network, by post or fax.
CHANNELS = ("office", "online", "post")

#: the warnings of a step's ``who`` answer that concern the step's competence
_COMPETENCE_CODES = frozenset(
    {"competence_unsourced", "unlisted_holders", "document_unverified", "where_succeeded"}
)

_WEEKDAY = {5: ("Thứ Bảy", "Saturday"), 6: ("Chủ nhật", "Sunday")}


class _Who(NamedTuple):
    entry: Responsible | None
    answer: Accountability | None


class _Builder:
    """The steps and warnings of one case, in order."""

    def __init__(
        self, ctx: Context, place: _resolve.Place, on: date, against: Organization | None = None
    ) -> None:
        self.ctx = ctx
        self.place = place
        self.on = on
        self.against = against
        self.steps: list[CaseStep] = []
        self.warnings: dict[Notice, None] = {}
        self.hops: dict[Hop, None] = {}

    def holder(
        self, task: str, day: date, *, assignments: Sequence[str] = (), place: bool = False
    ) -> _Who:
        """The entry of ``task`` for the body the case is against on ``day`` (by default, or
        with ``place``, the People's Committee of the place or that PC's head), or with
        ``assignments``, the nearest entry made by one of them (the units containing the
        place: the chain of a ``who`` answer). A model without the law's duties names
        nobody (warning ``law_duties_missing``)."""
        if task not in self.ctx.tasks:
            self.warnings[notices.law_duties_missing(task)] = None
            return _Who(None, None)
        answer = who(self.ctx, task, self.place, day)
        self.hops.update(dict.fromkeys(answer.hops))
        found: Responsible | None = None
        if assignments:
            hits = [r for r in answer.responsible if r.basis.assignment in assignments]
            found = hits[0] if hits else None
        else:
            own = {
                r.organization.id: r for r in reversed(answer.responsible) if not r.basis.principle
            }
            for org_id in self._targets(day, place):
                if org_id in own:
                    found = own[org_id]
                    break
        for w in answer.warnings:
            # with a holder, only what concerns it (its document); without, every reason
            if w.code == "where_succeeded" or (found is None and w.code in _COMPETENCE_CODES):
                self.warnings[w] = None
        if found is not None:
            doc = self.ctx.documents.get(found.basis.document)
            if doc is not None and not doc.verified:
                self.warnings[notices.document_unverified(doc)] = None
        return _Who(found, answer)

    def _targets(self, day: date, place: bool = False) -> tuple[str, ...]:
        """The organizations whose entry answers for the case, nearest first: the one the
        case is against (``against``) and the bodies it is part of (a complaint about a
        commune office goes to the commune chairperson, who manages it directly: Law
        02/2011/QH13 art. 17); by default the People's Committee of the place."""
        if self.against is None or place:
            unit, _ = _resolve.where(self.ctx, self.place, day)
            pc = self.ctx.orgs.committee_of(unit, on=day)
            return () if pc is None else (pc.id,)
        out = [self.against.id]
        org: Organization | None = self.against
        while org is not None and org.part_of is not None and org.part_of not in out:
            out.append(org.part_of)
            try:
                org = self.ctx.orgs.get(org.part_of)
            except PapiError:
                org = None
        return tuple(out)

    def step(
        self,
        key: str,
        names: tuple[str, str],
        statute_key: str,
        start: date,
        who_: _Who | None,
        *,
        role: str | None,
        verified: bool = True,
    ) -> CaseStep:
        ctx = self.ctx
        stat = _statute(ctx, statute_key, start)
        law_role = _law_role(role)
        entry = who_.entry if who_ is not None else None
        if who_ is not None and who_.answer is not None and entry is None:
            where = who_.answer.where.name
            self.warnings[notices.case_holder_unknown(*names, where, start)] = None
        n = unit = due = nominal = None
        skipped: tuple[SkippedDay, ...] = ()
        start_vi, start_en = "", ""
        citation: str | None = None
        also: tuple[str, ...] = ()
        if stat is None or not isinstance(stat.rule, After):
            self.warnings[notices.period_not_in_force(statute_key, start)] = None
        else:
            rule = stat.rule
            citation, also = str(stat.citation), tuple(str(c) for c in stat.also)
            n, unit = rule.n, rule.unit.value
            start_vi, start_en = rule.of_vi or rule.of, rule.of
            due = stat.due(start, ctx.calendar)
            nominal, skipped = _arithmetic(start, due, rule, ctx.calendar)
            if not stat.verified:
                verified = False
                self.warnings[notices.statute_unverified(key, stat, citation)] = None
        if entry is not None and due is not None:
            org = ctx.orgs.get(entry.organization.id)
            end = org.validity.valid_to
            if end is not None and end <= due:
                self.warnings[notices.case_holder_ends(*names, entry.organization.name, end)] = None
        s = CaseStep(
            key=key,
            name_vi=names[0],
            name_en=names[1],
            role=role,
            role_vi=law_role[0] if law_role else None,
            role_en=law_role[1] if law_role else None,
            organization=entry.organization if entry else None,
            post=entry.post if entry else None,
            holder=entry.holder if entry else None,
            basis=entry.basis if entry else None,
            verified=verified and (entry is None or _doc_verified(ctx, entry)),
            statute=statute_key if stat is not None else None,
            citation=citation,
            also=also,
            start=start,
            start_vi=start_vi,
            start_en=start_en,
            n=n,
            unit=unit,
            due=due,
            nominal_end=nominal,
            skipped=skipped,
            elapsed=due is not None and due < self.on,
        )
        self.steps.append(s)
        return s


def _doc_verified(ctx: Context, r: Responsible) -> bool:
    doc = ctx.documents.get(r.basis.document)
    return doc is None or doc.verified


def _law_role(key: str | None) -> tuple[str, str] | None:
    if key is None:
        return None
    from papi.law import law_index

    found = law_index().roles.get(key)
    return None if found is None else (found.name_vi, found.name_en)


def _statute(ctx: Context, key: str, on: date) -> Statute | None:
    """The version of ``key`` in force on ``on``, or ``None`` (none, or not a period)."""
    if ctx.statute is None:
        return None
    try:
        s = ctx.statute(key, on=on)
    except PapiError:
        return None
    return s if s.validity.contains(on) else None


def _skipped(day: date, calendar: VietnamCalendar | None) -> SkippedDay:
    name_vi = calendar.holiday_name(day, "vi") if calendar is not None else None
    name_en = calendar.holiday_name(day, "en") if calendar is not None else None
    if name_vi is None or name_en is None:
        name_vi, name_en = _WEEKDAY.get(day.weekday(), ("ngày nghỉ", "day off"))
    return SkippedDay(day=day, name_vi=name_vi, name_en=name_en)


def _arithmetic(
    start: date, due: date, rule: After, calendar: VietnamCalendar | None
) -> tuple[date | None, tuple[SkippedDay, ...]]:
    """(the unrolled end of a calendar period whose last day was not a working day, the
    days not counted or rolled over). Working days: every day in ``(start, due]`` that is
    not a working day. Other units: the days from the unrolled end to ``due`` (Civil Code
    art. 148)."""
    if calendar is None:
        return None, ()
    if rule.unit is PeriodUnit.WORKING_DAYS:
        days = (start + timedelta(k) for k in range(1, (due - start).days + 1))
        return None, tuple(_skipped(d, calendar) for d in days if not calendar.is_working_day(d))
    nominal = period_end(start, rule.n, rule.unit, calendar, roll=False)
    if nominal == due:
        return None, ()
    days = (nominal + timedelta(k) for k in range((due - nominal).days))
    return nominal, tuple(_skipped(d, calendar) for d in days)


def _variant(base: str, *, complex_: bool, remote: bool) -> str:
    if remote and complex_:
        return f"{base}.remote_complex"
    if remote:
        return f"{base}.remote"
    if complex_:
        return f"{base}.complex"
    return base


def case(
    ctx: Context,
    kind: str,
    place: _resolve.Place,
    received: date,
    on: date,
    *,
    complex_: bool,
    remote: bool,
    especially_complex: bool,
    channel: str | None,
    accepted: date | None,
    decided: date | None,
    second_received: date | None,
    against: str | None = None,
) -> Case:
    """The answer of :meth:`Governance.case <papi.governance.Governance.case>`."""
    if kind not in CASE_KINDS:
        raise InvalidData("use one of " + ", ".join(CASE_KINDS), path="kind", value=kind)
    if channel is not None and channel not in CHANNELS:
        raise InvalidData("use one of " + ", ".join(CHANNELS), path="channel", value=channel)
    unit, _ = _resolve.where(ctx, place, received)
    target = None
    if against is not None:
        if kind == "information":
            raise InvalidData(
                "only a complaint or a denunciation is against somebody",
                path="against",
                value=against,
            )
        target = _against(ctx, against, unit, received)
    b = _Builder(ctx, place, on, target)
    if kind == "complaint":
        _complaint(b, received, complex_, remote, accepted, decided, second_received)
    elif kind == "denunciation":
        _denunciation(b, received, complex_ or especially_complex, especially_complex, accepted)
    else:
        channel = channel or "office"
        _information(b, received, complex_, channel)
    return Case(
        kind=cast("CaseKind", kind),  # checked above
        where=_resolve.unit_info(unit),
        received=received,
        on=on,
        complex=complex_,
        remote=remote,
        channel=cast("Channel | None", channel),
        steps=tuple(b.steps),
        hops=tuple(b.hops),
        warnings=(*b.warnings, *_resolve.coverage_notices(ctx, received)),
        against=None if target is None else _orgs.org_info(ctx, target),
    )


#: what ``against`` may say instead of naming the body: "a department" (which one is asked)
_ANY_AGENCY = frozenset({"department", "agency", "so", "co quan chuyen mon"})


def _against(ctx: Context, text: str, unit: Unit, on: date) -> Organization:
    """The organization a case is against: an id, or a name as documents write it, looked up
    among the bodies of ``unit``, the units containing it and those inside it (so "Sở Tài
    chính" from a ward is its province's). "department" alone is refused with the list of
    the province's specialised agencies to choose from."""
    if not isinstance(text, str) or not text.strip():
        raise InvalidData("must name an organization (an id or a name)", path="against", value=text)
    if fold(text) in _ANY_AGENCY:
        province = next(
            (u for u in (unit, *ctx.territory.ancestors(unit, on=on)) if u.level is Level.PROVINCE),
            None,
        )
        names: list[str] = []
        if province is not None:
            sel = AgenciesOf(level="province", within=province.id)
            names = sorted(o.name for o in _resolve.direct(ctx, sel, on))
        raise InvalidData(
            "say which agency the case is against"
            + (": one of " + "; ".join(names) if names else " (none is in the data that day)"),
            path="against",
            value=text,
        )
    return ctx.orgs.org(text, on=on, within=unit)


def _complaint(
    b: _Builder,
    received: date,
    complex_: bool,
    remote: bool,
    accepted: date | None,
    decided: date | None,
    second_received: date | None,
) -> None:
    first = b.holder("law.complaint.first", received)
    acc = b.step(
        "accept",
        ("thụ lý khiếu nại lần đầu", "accept the first complaint"),
        "complaint.first_instance.accept",
        received,
        first,
        role="accept",
    )
    start = accepted or acc.due
    if start is None:
        return
    res = b.step(
        "resolve",
        ("giải quyết khiếu nại lần đầu", "resolve the first complaint"),
        _variant("complaint.first_instance", complex_=complex_, remote=remote),
        start,
        b.holder("law.complaint.first", start),
        role="resolve",
    )
    start = decided or res.due
    if start is None:
        return
    filing = b.step(
        "file_second",
        ("hạn khiếu nại lần hai (hoặc khởi kiện)", "last day to file a second complaint (or sue)"),
        "complaint.second_instance.filing.remote" if remote else "complaint.second_instance.filing",
        start,
        None,
        role="file",
    )
    day2 = second_received or filing.due
    if day2 is None:
        return
    second = _second_instance(b, first, day2)
    if second is None:
        return
    acc2 = b.step(
        "second_accept",
        ("thụ lý khiếu nại lần hai", "accept the second complaint"),
        "complaint.second_instance.accept",
        day2,
        second,
        role="accept",
    )
    if acc2.due is None:
        return
    b.step(
        "second_resolve",
        ("giải quyết khiếu nại lần hai", "resolve the second complaint"),
        _variant("complaint.second_instance", complex_=complex_, remote=remote),
        acc2.due,
        second,
        role="resolve_second",
    )


def _second_instance(b: _Builder, first: _Who, day: date) -> _Who | None:
    """The second-instance holder above the first-instance entry on ``day``, by the law
    index's instance rule; ``None`` with a warning when the data names nobody."""
    from papi.law import law_index

    if first.entry is None:
        return None
    index = law_index()
    try:
        inst = index.instance(first.entry.basis.assignment)
    except PapiError:
        return None
    by_id = {a.id: a for a in b.ctx.assignments if a.id in inst.second}
    valid = [by_id[a] for a in inst.second if a in by_id and by_id[a].validity.contains(day)]
    if not valid:
        b.warnings[notices.second_instance_none(inst.note_vi, inst.note_en)] = None
        return None
    a = valid[0]
    inner = innermost(a.selector)
    if isinstance(inner, Unlisted):
        # the competence this second instance rests on: unsourced, or a body no selector names
        make = (
            notices.competence_unsourced
            if (a.notes or "").startswith("UNSOURCED")
            else notices.unlisted_holders
        )
        doc = b.ctx.documents.get(inner.document)
        b.warnings[make(a, inner, _resolve.basis(b.ctx, a), doc)] = None
        b.warnings[notices.second_instance_none(inst.note_vi, inst.note_en)] = None
        return None
    found = b.holder(a.task, day, assignments=(a.id,))
    if found.entry is None:
        b.warnings[notices.second_instance_none(inst.note_vi, inst.note_en)] = None
        return None
    return found


def _denunciation(
    b: _Builder, received: date, complex_: bool, especially: bool, accepted: date | None
) -> None:
    recv = b.holder("law.denunciation.receive", received, place=True)
    screen = b.step(
        "screen",
        (
            "tiếp nhận, vào sổ, phân loại, kiểm tra và quyết định thụ lý tố cáo",
            "receive, log, classify and check the denunciation, and decide to accept it",
        ),
        "denunciation.screening",
        received,
        recv,
        role="receive",
    )
    b.step(
        "forward",
        (
            "chuyển tố cáo không thuộc thẩm quyền (nếu có)",
            "forward it if outside one's competence",
        ),
        "denunciation.forward",
        received,
        recv,
        role="forward",
    )
    start = accepted or screen.due
    if start is None:
        return
    resolver = b.holder("law.denunciation.resolve", start)
    if resolver.answer is not None and b.against is None:
        # whom the denunciation is about decides the resolver (Law 25/2018/QH14 art. 13): the
        # competences no act was found for (a commune chairperson denounced) are said
        for w in resolver.answer.warnings:
            if w.code == "competence_unsourced":
                b.warnings[w] = None
    b.step(
        "notify",
        ("thông báo thụ lý tố cáo", "notify the acceptance of the denunciation"),
        "denunciation.notify",
        start,
        resolver,
        role="accept",
    )
    key = "denunciation.resolve"
    if especially:
        key = "denunciation.resolve.especially_complex"
    elif complex_:
        key = "denunciation.resolve.complex"
    b.step(
        "resolve",
        ("giải quyết tố cáo", "resolve the denunciation"),
        key,
        start,
        resolver,
        role="resolve",
    )


_INFORMATION = {
    ("office", False): ("information.office.simple",),
    ("office", True): ("information.office.complex",),
    ("online", False): ("information.online.simple",),
    ("online", True): ("information.online.complex.notify", "information.online.complex"),
    ("post", False): ("information.simple",),
    ("post", True): ("information.complex.notify", "information.complex"),
}


def _information(b: _Builder, received: date, complex_: bool, channel: str) -> None:
    provider = b.holder("law.information.provide", received)
    for key in _INFORMATION[(channel, complex_)]:
        if key.endswith(".notify"):
            names = (
                "thông báo thời hạn cung cấp thông tin",
                "notify the time frame for providing the information",
            )
            step = "notify"
        else:
            names = ("cung cấp thông tin", "provide the information")
            step = "provide"
        b.step(step, names, key, received, provider, role="provide")
