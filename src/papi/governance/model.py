"""The :class:`Governance` facade: typed properties and the public queries, each a thin call
into :mod:`papi.governance.queries` over the model's context."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, NoReturn, TypeVar

from attrs.exceptions import FrozenInstanceError

from papi.dates import FIRST_DAY, LAST_DAY
from papi.errors import InvalidData
from papi.governance import _resolve
from papi.governance._context import Context, StatuteLookup
from papi.governance._tables import ABSENT
from papi.governance.answers import (
    Accountability,
    Agenda,
    Case,
    Duties,
    Escalation,
    Gaps,
    Notice,
    Overdue,
)
from papi.governance.queries import case as _case
from papi.governance.queries import deadlines as _deadlines
from papi.governance.queries import duties as _duties
from papi.governance.queries import escalation as _escalation
from papi.governance.queries import gaps as _gaps
from papi.governance.queries import progress as _progress
from papi.governance.queries import who as _who
from papi.territory import Unit, _gc_paused

if TYPE_CHECKING:
    from papi.calendar import VietnamCalendar
    from papi.duties import Assignment, Document, Selector, Task
    from papi.framework import Framework
    from papi.governance._resolve import Hit
    from papi.governance.builder import Builder
    from papi.organizations import Organization, Organizations
    from papi.progress import Report, Status
    from papi.territory import Territory

__all__ = ["Governance"]

_T = TypeVar("_T")


def _many(values: Iterable[_T], path: str) -> list[_T]:
    """``values`` as a list; one string (a collection of characters) is refused."""
    if isinstance(values, str):
        raise InvalidData("must be a collection, not one string", path=path, value=values)
    return list(values)


_A = TypeVar("_A")


class Governance:
    """The immutable aggregate; see the module docs. Build one with :class:`Builder`, or get
    the packaged Hanoi model from :func:`papi.datasets.hanoi`.

    All queries are pure functions of the model and their arguments, so a Governance is safe
    to share between threads. A built Governance cannot be changed: setting or deleting an
    attribute raises :class:`attrs.exceptions.FrozenInstanceError` (an :class:`AttributeError`,
    as for every frozen papi value).

    What does not change between two dates on which something in the model starts or ends
    (an *era*: what selectors pick, heads and holders of posts, escalation ladders, the
    entries of a subject's answers) is compiled once per era on first use and kept in
    bounded stores (:mod:`papi.governance._tables`): the least recently used go first, and a
    store never empties itself at once.

    >>> from papi.datasets import hanoi
    >>> gov = hanoi()
    >>> gov.who("D3", where="Phường Hoàn Kiếm", on=date(2026, 3, 1)).where.name
    'Phường Hoàn Kiếm'
    >>> gov.x = 1
    Traceback (most recent call last):
    ...
    attr.exceptions.FrozenInstanceError: can't set attribute
    """

    __slots__ = ("_ctx",)
    _ctx: Context

    def __init__(
        self,
        *,
        framework: Framework,
        territory: Territory,
        organizations: Organizations,
        calendar: VietnamCalendar | None,
        documents: Mapping[str, Document],
        tasks: Mapping[str, Task],
        assignments: tuple[Assignment, ...] | list[Assignment],
        reports: tuple[Report, ...] | list[Report],
        statute: StatuteLookup | None,
        notes: tuple[Notice, ...] | list[Notice] = (),
    ) -> None:
        ctx = Context(
            framework=framework,
            territory=territory,
            organizations=organizations,
            calendar=calendar,
            documents=documents,
            tasks=tasks,
            assignments=assignments,
            reports=reports,
            statute=statute,
            notes=notes,
        )
        object.__setattr__(self, "_ctx", ctx)

    @classmethod
    def _from_context(cls, ctx: Context) -> Governance:
        gov = object.__new__(cls)
        object.__setattr__(gov, "_ctx", ctx)
        return gov

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise FrozenInstanceError

    def __delattr__(self, name: str) -> NoReturn:
        raise FrozenInstanceError

    # ------------------------------------------------------------------ properties
    @property
    def framework(self) -> Framework:
        """The PAPI framework."""
        return self._ctx.framework

    @property
    def territory(self) -> Territory:
        """The territory."""
        return self._ctx.territory

    @property
    def organizations(self) -> Organizations:
        """The organizations registry."""
        return self._ctx.orgs

    @property
    def calendar(self) -> VietnamCalendar | None:
        """The working-day calendar (``None``: deadlines in working days cannot be counted)."""
        return self._ctx.calendar

    @property
    def statute(self) -> StatuteLookup | None:
        """The statute lookup (:func:`papi.rules.statute`), if any."""
        return self._ctx.statute

    @property
    def documents(self) -> Mapping[str, Document]:
        """Documents by id."""
        return self._ctx.documents

    @property
    def tasks(self) -> Mapping[str, Task]:
        """Tasks by id."""
        return self._ctx.tasks

    @property
    def assignments(self) -> tuple[Assignment, ...]:
        """All assignments, in input order."""
        return self._ctx.assignments

    @property
    def reports(self) -> tuple[Report, ...]:
        """All progress reports."""
        return self._ctx.reports

    @property
    def notes(self) -> tuple[Notice, ...]:
        """The model's notes, each carried by the :meth:`who` answers it is about (a plan's
        note: by default those resting on its plan's documents; see
        :meth:`Builder.add_note`)."""
        return self._ctx.notes

    def __repr__(self) -> str:
        c = self._ctx
        return (
            f"<Governance: {len(c.documents)} documents, {len(c.tasks)} tasks, "
            f"{len(c.assignments)} assignments, {len(c.reports)} reports>"
        )

    def builder(self) -> Builder:
        """A :class:`Builder` preloaded with this model, to add a plan on top of it."""
        from papi.governance.builder import Builder

        c = self._ctx
        b = Builder(
            framework=c.framework,
            territory=c.territory,
            organizations=c.orgs,
            calendar=c.calendar,
            statute=c.statute,
        )
        for d in c.documents.values():
            b.add_document(d)
        for t in c.tasks.values():
            b.add_task(t)
        for a in c.assignments:
            b.add_assignment(a)
        for r in c.reports:
            b.add_report(r)
        for n in c.notes:
            s = c.note_scopes.get(n)
            if s is None:
                b.add_note(n)
            else:
                b.add_note(n, documents=s.documents, within=s.within)
        return b

    def _answer(self, key: tuple[object, ...], compute: Callable[[], _A]) -> _A:
        store = self._ctx.tables.answers
        found = store.get(key)
        if found is not ABSENT:
            return found  # type: ignore[return-value]
        return store.put(key, compute())  # type: ignore[return-value]

    # ------------------------------------------------------------------ queries
    def who(self, subject: str, *, where: Unit | str, on: date | str) -> Accountability:
        """Who is accountable for ``subject`` in ``where`` on ``on``.

        ``subject``: an indicator code (``"D3"``; a dimension covers its sub-dimensions and
        indicators and vice versa), a task id (``"T6"``) or a Vietnamese/English name.
        ``where``: a unit, unit id, NSO code or name (``"Phường Hàng Bạc, Quận Hoàn Kiếm"``
        narrows a name by its parents' names), as of ``on``; a unit that no longer exists
        (named, qualified, by id, or by a code no unit bears on ``on``) is answered for its
        successor when there is exactly one (warning ``where_succeeded``, saying which
        succession led there; the hops are in ``hops``), and refused with
        :class:`~papi.errors.NotFound` naming its successors (``closest``) when its territory
        went to several. :meth:`escalation` and :meth:`duties` resolve places the same way.

        The answer lists every (role, task, organization, post) with its basis and succession
        hops (``via``), the escalation ladder, the next deadlines, and ``warnings`` for what
        the data cannot vouch for (codes in ``docs/accountability.md``): among them
        ``deadline_unknown`` when a duty's statutory time limit is not encoded for ``on``,
        so that no deadline disappears silently.

        >>> from papi.datasets import hanoi
        >>> acc = hanoi().who("D3", where="Phường Hoàn Kiếm", on=date(2026, 3, 1))
        >>> acc.escalation[-1].holder.person
        'Vũ Đại Thắng'
        """
        # the answer store is read first: a repeated question costs one lookup
        if type(on) is date and type(subject) is str:
            # a unit is keyed apart from a string equal to its id: the answers differ (the
            # notice names the place as it was asked: "00061" or "Phường Hàng Bạc"); the
            # other answers' keys are named: ("gaps", day)
            key: tuple[object, ...] | None
            if type(where) is Unit:
                key = ("unit", subject, where.id, on)
            elif type(where) is str:
                key = (subject, where, on)
            else:  # not a place (no id): refused below
                uid = getattr(where, "id", None)
                key = None if uid is None else ("unit", subject, uid, on)
            if key is not None:
                answers = self._ctx.tables.answers
                found = answers.hot.get(key, ABSENT)  # the recent half, without a call
                if found is ABSENT:
                    found = answers.get_cold(key)
                    if found is ABSENT:  # a subject string, a place with an id, a date
                        day = on if FIRST_DAY <= on <= LAST_DAY else _resolve.day(on, "on")
                        return answers.put(key, _who.who(self._ctx, subject, where, day))  # type: ignore[return-value]
                return found  # type: ignore[return-value]
        day = _resolve.day(on, "on")
        if not isinstance(subject, str):
            raise InvalidData(
                "must be a string (code, task id or name)", path="subject", value=subject
            )
        _resolve.check_place(where, "where")
        key = (subject, where, day) if isinstance(where, str) else ("unit", subject, where.id, day)
        return self._answer(key, lambda: _who.who(self._ctx, subject, where, day))

    def compile(
        self,
        on: date | str,
        *,
        subjects: Iterable[str] | None = None,
        where: Iterable[Unit | str] | None = None,
    ) -> int:
        """Compile, then read: derive now what the :meth:`who` answers about ``subjects`` in
        the places ``where`` share with every other day of the era of ``on`` (the subjects'
        tables, each place's entries, escalation ladder and warnings, and the next deadlines
        of ``on`` with their holders named), so that a question about any of them on any day
        of that era only looks them up and adds the day's deadlines (named already while the
        next deadlines are those of ``on``). The answers are the same with or without it: a
        portal calls it once after loading a model, so that no citizen's first question
        about a commune pays for it.

        ``subjects``: codes, task ids or names (default: the framework's dimensions);
        ``where``: units, ids, codes or names, as :meth:`who` takes them and keyed the same
        way (default: every unit on ``on``). Returns the number of (subject, place) pairs.
        An unknown subject or place raises as in :meth:`who`.

        >>> from papi.datasets import hanoi
        >>> gov = hanoi()
        >>> day = date(2026, 3, 1)
        >>> gov.compile(day, subjects=["D3"], where=["Phường Hoàn Kiếm", "Phường Ba Đình"])
        2
        >>> gov.who("D3", where="Phường Hoàn Kiếm", on=date(2026, 3, 2)).where.name
        'Phường Hoàn Kiếm'
        """
        day = _resolve.day(on, "on")
        codes = (
            [d.code for d in self._ctx.framework.dimensions]
            if subjects is None
            else _many(subjects, "subjects")
        )
        for i, s in enumerate(codes):
            if not isinstance(s, str):
                raise InvalidData(
                    "must be a string (code, task id or name)", path=f"subjects[{i}]", value=s
                )
        places = (
            list[Unit | str](self._ctx.territory.units(on=day))
            if where is None
            else _many(where, "where")
        )
        for i, p in enumerate(places):
            _resolve.check_place(p, f"where[{i}]")
        # what compile() makes stays for the era: the cyclic collector, triggered by the
        # allocations, would rescan the model and the new tables over and over (half the time
        # of a whole country's era); paused (its state restored, even on error), then the new
        # objects are examined once, here rather than in some later question
        with _gc_paused():
            n = _who.compile_era(self._ctx, codes, places, day)
        if gc.isenabled():
            gc.collect(1)
        return n

    def case(
        self,
        kind: str,
        *,
        where: Unit | str,
        received: date | str,
        on: date | str | None = None,
        complex: bool = False,
        remote: bool = False,
        especially_complex: bool = False,
        channel: str | None = None,
        accepted: date | str | None = None,
        decided: date | str | None = None,
        second_received: date | str | None = None,
        against: str | None = None,
    ) -> Case:
        """A ``kind`` of case (``"complaint"``, ``"denunciation"``, ``"information"``) received
        in ``where`` on ``received``, step by step: who must act (post, organization, holder,
        the article giving the competence), by when (the statutory period in force on the
        step's first day, with its article and the days not counted), and, for a complaint,
        the citizen's window for a second complaint and the second instance above the
        first-instance resolver (restricted to the units containing ``where``).

        Each step starts when the one before it ends at the latest, unless the day is given:
        ``accepted`` (a complaint or denunciation accepted earlier), ``decided`` (the
        first-instance decision), ``second_received`` (the second complaint). ``complex``,
        ``remote`` (a remote, hard-to-reach area) and ``especially_complex`` (denunciations)
        pick the longer periods; ``channel`` (``office``, ``online``, ``post``) the
        information request's. ``on`` (default ``received``) is the day asked about: steps
        due before it are marked ``elapsed``. What the data cannot name (an unsourced
        competence, a period not in force) is a warning, never a guess.

        ``against`` names the body a complaint or denunciation is about (an organization id,
        or a name looked up around ``where``: ``"Sở Tài chính"``); its head resolves it (a
        department director at first instance, Law 02/2011/QH13 art. 20(1), then the
        provincial chairperson, art. 21(2)); a body without a competence of its own goes to
        the one it is part of. By default the case is against the People's Committee of
        ``where``.

        >>> from papi.datasets import hanoi_builder
        >>> from papi.law import add_law_duties
        >>> gov = add_law_duties(hanoi_builder()).build()
        >>> c = gov.case("complaint", where="Phường Hoàn Kiếm", received=date(2026, 3, 2))
        >>> c.step("accept").due, c.step("accept").citation, c.step("accept").post.name
        (datetime.date(2026, 3, 16), 'Law 02/2011/QH13, Art 27', 'Chủ tịch')
        >>> gov.case("complaint", where="Phường Hoàn Kiếm", received="2026-07-01").step("accept").due
        datetime.date(2026, 7, 10)
        >>> c = gov.case("complaint", where="Phường Hoàn Kiếm", received="2026-03-02",
        ...              against="Sở Tài chính")
        >>> [(s.post.name, s.organization.name, s.basis.reference) for s in c.steps if s.post]
        ... # doctest: +NORMALIZE_WHITESPACE
        [('Giám đốc', 'Sở Tài chính', 'khoản 1 Điều 20'),
         ('Giám đốc', 'Sở Tài chính', 'khoản 1 Điều 20'),
         ('Chủ tịch', 'Ủy ban nhân dân thành phố Hà Nội', 'khoản 2 Điều 21'),
         ('Chủ tịch', 'Ủy ban nhân dân thành phố Hà Nội', 'khoản 2 Điều 21')]
        """
        day = _resolve.day(received, "received")
        asked = day if on is None else _resolve.day(on, "on")
        _resolve.check_place(where, "where")

        def opt(value: date | str | None, path: str) -> date | None:
            return None if value is None else _resolve.day(value, path)

        return _case.case(
            self._ctx,
            kind,
            where,
            day,
            asked,
            complex_=bool(complex),
            remote=bool(remote),
            especially_complex=bool(especially_complex),
            channel=channel,
            accepted=opt(accepted, "accepted"),
            decided=opt(decided, "decided"),
            second_received=opt(second_received, "second_received"),
            against=against,
        )

    def escalation(self, *, where: Unit | str, on: date | str) -> Escalation:
        """The escalation ladder from the People's Committee of ``where`` to the top."""
        day = _resolve.day(on, "on")
        _resolve.check_place(where, "where")
        return _escalation.escalation(self._ctx, where, day)

    def duties(
        self, *, of: Organization | Unit | str, on: date | str, within: Unit | str | None = None
    ) -> Duties:
        """Every duty held on ``on`` by an organization (object, id, or name as documents
        write it) or by the organizations serving a unit (object, id, code or name), with
        basis and succession hops. A name that several provinces' bodies bear ("Thanh tra
        thành phố", "Sở Nội vụ") is resolved inside ``within`` (a unit, e.g. the province),
        or qualified (``"Sở Nội vụ, Đà Nẵng"``); without either it raises
        :class:`~papi.errors.Ambiguous` listing the candidates with their provinces.

        >>> from papi.datasets import vietnam
        >>> d = vietnam().duties(of="Thanh tra thành phố", within="Hà Nội", on=date(2022, 9, 1))
        >>> d.of, sorted({i.task for i in d.items})  # Hanoi's plan and the law's duties
        ... # doctest: +NORMALIZE_WHITESPACE
        ('Thanh tra thành phố Hà Nội', ['T3', 'law.complaint.first',
         'law.complaint.second.department', 'law.denunciation.resolve', 'law.reception.agency'])
        """
        return _duties.duties(self._ctx, of, _resolve.day(on, "on"), within)

    def agenda(
        self,
        *,
        of: Organization | Unit | str | None = None,
        start: date | str,
        end: date | str,
        within: Unit | str | None = None,
    ) -> Agenda:
        """Deadlines falling in ``[start, end]`` (inclusive), recurring ones expanded; with
        ``of`` (an organization or unit, resolved as :meth:`duties` resolves it, inside
        ``within``), only the tasks it holds on ``start``."""
        return _deadlines.agenda(
            self._ctx, of, _resolve.day(start, "start"), _resolve.day(end, "end"), within
        )

    def status(
        self,
        task: str,
        org: Organization | str,
        *,
        on: date | str,
        within: Unit | str | None = None,
    ) -> Status:
        """The progress status of ``task`` for the organization ``org`` (object, id or name,
        resolved as :meth:`duties` resolves it, inside ``within``) on ``on`` (see
        :func:`papi.progress.status_of`)."""
        if not isinstance(task, str):
            raise InvalidData("must be a task id (a string)", path="task", value=task)
        return _progress.status(self._ctx, task, org, _resolve.day(on, "on"), within)

    def overdue(self, *, on: date | str) -> Overdue:
        """(task, organization) pairs whose one-off deadline fell before ``on`` with no report
        *recorded in the model* by then. The holders are those assigned on the due date (a
        2022 duty stays with the 2022 organization, not its successors)."""
        return _progress.overdue(self._ctx, _resolve.day(on, "on"))

    def gaps(self, *, on: date | str) -> Gaps:
        """The holes in the plans on ``on``: dimensions with no lead, selectors matching nobody,
        assignments to abolished organizations with no successor, organizations without a head
        post, duties with no accountable person."""
        day = _resolve.day(on, "on")
        return self._answer(("gaps", day), lambda: _gaps.gaps(self._ctx, day))

    def resolve(
        self, selector: Selector, *, on: date | str, ref: date | str | None = None
    ) -> tuple[Hit, ...]:
        """What ``selector`` picks on ``on``. When it picks nothing on ``on`` (a level or an
        organization that no longer exists), it is resolved on ``ref`` (the day the assignment
        took effect) and followed through the successions, each hop recorded."""
        day = _resolve.day(on, "on")
        ref_day = None if ref is None else _resolve.day(ref, "ref")
        return _resolve.resolve(self._ctx, selector, day, ref_day)

    def coverage_notices(self, on: date | str) -> tuple[Notice, ...]:
        """A ``coverage`` notice when ``on`` lies outside the dates the territory data vouches
        for (the answer then uses the nearest structure in the data)."""
        return _resolve.coverage_notices(self._ctx, _resolve.day(on, "on"))
