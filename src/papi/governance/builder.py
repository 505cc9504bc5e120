"""The :class:`Builder`: collects documents, tasks, assignments and reports, validates them
all at once, and makes the immutable :class:`~papi.governance.Governance`."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from papi.duties import (
    AgenciesOf,
    Assignment,
    CommitteesOf,
    Deadline,
    DepartmentsBySector,
    Document,
    HeadsOf,
    OrgById,
    Selector,
    Task,
    Unlisted,
    innermost,
)
from papi.errors import InvalidData, NotFound, Problem
from papi.governance._context import Context, NoteScope, StatuteLookup
from papi.governance._resolve import NO_SCOPE, any_committee, committee_scope, resolve
from papi.governance.answers import Notice
from papi.governance.model import Governance
from papi.progress import Report

if TYPE_CHECKING:
    from papi.calendar import VietnamCalendar
    from papi.framework import Framework
    from papi.organizations import Organizations
    from papi.territory import Territory

__all__ = ["Builder"]

_LEVELS = ("province", "district", "commune", "village")


class Builder:
    """Collects documents, tasks, assignments and reports, then :meth:`build` validates them
    all against the framework, territory, organizations and statutes and raises one
    :class:`~papi.errors.InvalidData` listing every problem (each ``add_*`` takes an optional
    ``path`` naming where the record came from, e.g. ``"plan.toml: tasks[2]"``)."""

    def __init__(
        self,
        *,
        framework: Framework,
        territory: Territory,
        organizations: Organizations,
        calendar: VietnamCalendar | None = None,
        statute: StatuteLookup | None = None,
    ) -> None:
        self._framework = framework
        self._territory = territory
        self._orgs = organizations
        self._calendar = calendar
        self._statute = statute
        self._documents: list[tuple[Document, str]] = []
        self._tasks: list[tuple[Task, str]] = []
        self._assignments: list[tuple[Assignment, str]] = []
        self._reports: list[tuple[Report, str]] = []
        #: each note with what it is about (``None``: the whole model): its documents and
        #: its units, each with where it was named
        self._notes: dict[Notice, tuple[dict[str, str], dict[str, str]] | None] = {}
        self._problems: list[Problem] = []
        self._check_selectors: set[str] = set()
        self._codes: frozenset[str] | None = None

    def add_document(self, doc: Document, *, path: str | None = None) -> Builder:
        """Add a document."""
        self._documents.append((doc, path or f"documents[{doc.id}]"))
        return self

    def add_task(self, task: Task, *, path: str | None = None) -> Builder:
        """Add a task."""
        self._tasks.append((task, path or f"tasks[{task.id}]"))
        return self

    def add_assignment(
        self, assignment: Assignment, *, path: str | None = None, must_match: bool = False
    ) -> Builder:
        """Add an assignment. With ``must_match``, :meth:`build` reports a problem when its
        selector matches nobody on the day it takes effect."""
        p = path or f"assignments[{assignment.id}]"
        self._assignments.append((assignment, p))
        if must_match:
            self._check_selectors.add(assignment.id)
        return self

    def add_report(self, report: Report, *, path: str | None = None) -> Builder:
        """Add a progress report."""
        self._reports.append((report, path or f"reports[{report.task}/{report.organization}]"))
        return self

    def add_note(
        self,
        note: Notice,
        *,
        documents: Iterable[str] | None = None,
        within: Iterable[str] | None = None,
        path: str | None = None,
    ) -> Builder:
        """Add a note: a notice carried by the :meth:`Governance.who` answers it is about,
        those resting on one of ``documents`` and those about a place inside one of the units
        ``within`` (ids or NSO codes; see :class:`~papi.governance._context.NoteScope`).
        Naming neither, the note is about the whole model: every ``who`` answer carries it.
        A note added again widens what it is about; :meth:`build` reports unknown documents
        and units.

        >>> from papi.datasets import hanoi
        >>> from papi.governance import Notice
        >>> note = Notice(code="n1", message_vi="Ghi chú", message_en="A note")
        >>> gov = hanoi().builder().add_note(note, within=["002"]).build()
        >>> note in gov.who("D3", where="Phường Hàng Bạc", on=date(2024, 3, 1)).warnings
        True
        >>> note in gov.who("D3", where="Phường Kim Mã", on=date(2024, 3, 1)).warnings
        False
        """
        p = path or f"notes[{note.code}]"
        if documents is None and within is None:
            self._notes[note] = None
            return self
        named = {"documents": list(documents or ()), "within": list(within or ())}
        if not named["documents"] and not named["within"]:
            key = "documents" if documents is not None else "within"
            self.add_problem(
                Problem(
                    path=f"{p}.{key}",
                    message="must name something (a note about the whole model names nothing)",
                    value=[],
                )
            )
            return self
        scope = self._notes.setdefault(note, ({}, {}))
        if scope is not None:
            for refs, (k, values) in zip(scope, named.items(), strict=True):
                for i, ref in enumerate(values):
                    refs.setdefault(ref, f"{p}.{k}[{i}]")
        return self

    def add_problem(self, problem: Problem) -> Builder:
        """Record a problem found while reading input, reported by :meth:`build`."""
        self._problems.append(problem)
        return self

    def build(self) -> Governance:
        """Validate everything and return the immutable :class:`Governance`."""
        problems = list(self._problems)
        docs = self._check_documents(problems)
        tasks = self._check_tasks(docs, problems)
        checkable = self._check_assignments(docs, tasks, problems)
        self._check_reports(tasks, problems)
        for scope in self._notes.values():
            if scope is not None:
                problems.extend(
                    Problem(path=p, message="unknown document", value=d)
                    for d, p in scope[0].items()
                    if d not in docs
                )
                problems.extend(
                    Problem(path=p, message="unknown unit", value=u)
                    for u, p in scope[1].items()
                    if not self._unit_known(u)
                )
        if problems:
            # a selector that matches nobody is reported with the other problems: resolve
            # the well-formed assignments against the valid documents
            ctx = self._context(docs, {}, [a for a, _ in checkable], [], {})
            problems.extend(self._unmatched(ctx, checkable))
            raise InvalidData.collect("the governance model is invalid", problems)
        ctx = self._context(
            docs,
            tasks,
            [a for a, _ in self._assignments],
            [r for r, _ in self._reports],
            self._notes,
        )
        later = self._unmatched(ctx, self._assignments)
        if later:
            raise InvalidData.collect("the governance model is invalid", later)
        return Governance._from_context(ctx)

    def _context(
        self,
        docs: Mapping[str, Document],
        tasks: Mapping[str, Task],
        assignments: Sequence[Assignment],
        reports: Sequence[Report],
        notes: Mapping[Notice, tuple[dict[str, str], dict[str, str]] | None],
    ) -> Context:
        return Context(
            framework=self._framework,
            territory=self._territory,
            organizations=self._orgs,
            calendar=self._calendar,
            documents=docs,
            tasks=tasks,
            assignments=assignments,
            reports=reports,
            statute=self._statute,
            notes=tuple(notes),
            note_scopes={
                n: NoteScope(frozenset(s[0]), frozenset(s[1]))
                for n, s in notes.items()
                if s is not None
            },
        )

    def _check_documents(self, problems: list[Problem]) -> dict[str, Document]:
        docs: dict[str, Document] = {}
        for d, p in self._documents:
            if d.id in docs and docs[d.id] != d:
                problems.append(
                    Problem(path=f"{p}.id", message="duplicate document id", value=d.id)
                )
            docs[d.id] = d
        for d, p in self._documents:
            for field, refs in (("implements", d.implements), ("supersedes", d.supersedes)):
                for i, ref in enumerate(refs):
                    if ref not in docs:
                        problems.append(
                            Problem(path=f"{p}.{field}[{i}]", message="unknown document", value=ref)
                        )
        return docs

    def _check_tasks(
        self, docs: Mapping[str, Document], problems: list[Problem]
    ) -> dict[str, Task]:
        tasks: dict[str, Task] = {}
        for t, p in self._tasks:
            if t.id in tasks and tasks[t.id] != t:
                problems.append(Problem(path=f"{p}.id", message="duplicate task id", value=t.id))
            tasks[t.id] = t
            if t.document not in docs:
                problems.append(
                    Problem(path=f"{p}.document", message="unknown document", value=t.document)
                )
            for i, part in enumerate(t.defined_in):
                if part.document not in docs:
                    problems.append(
                        Problem(
                            path=f"{p}.defined_in[{i}].document",
                            message="unknown document",
                            value=part.document,
                        )
                    )
            for i, code in enumerate(t.indicators):
                if code not in self._framework:
                    problems.append(
                        Problem(
                            path=f"{p}.indicators[{i}]", message="unknown indicator", value=code
                        )
                    )
            for i, dl in enumerate(t.deadlines):
                problems.extend(self._check_deadline(dl, f"{p}.deadlines[{i}]"))
        return tasks

    def _check_deadline(self, dl: Deadline, path: str) -> list[Problem]:
        out = []
        if dl.statute is not None and self._statute is not None:
            try:
                self._statute(dl.statute)
            except NotFound as err:
                out.append(
                    Problem(
                        path=f"{path}.statute",
                        message="unknown statute" + _closest(err),
                        value=dl.statute,
                    )
                )
        if dl.applies_to is not None and dl.applies_to not in _LEVELS:
            out.append(
                Problem(path=f"{path}.applies_to", message="not a level", value=dl.applies_to)
            )
        return out

    def _check_assignments(
        self, docs: Mapping[str, Document], tasks: Mapping[str, Task], problems: list[Problem]
    ) -> list[tuple[Assignment, str]]:
        """Check every assignment; return those whose selector can be resolved."""
        seen: set[str] = set()
        checkable: list[tuple[Assignment, str]] = []
        for a, p in self._assignments:
            if a.id in seen:
                problems.append(
                    Problem(path=f"{p}.id", message="duplicate assignment id", value=a.id)
                )
            seen.add(a.id)
            if a.task not in tasks:
                problems.append(Problem(path=f"{p}.task", message="unknown task", value=a.task))
            if a.basis.document not in docs:
                problems.append(
                    Problem(
                        path=f"{p}.basis.document",
                        message="unknown document",
                        value=a.basis.document,
                    )
                )
            selector_problems = self._check_selector(a.selector, f"{p}.selector")
            problems.extend(selector_problems)
            if a.basis.document in docs and not selector_problems:
                checkable.append((a, p))
        return checkable

    def _check_reports(self, tasks: Mapping[str, Task], problems: list[Problem]) -> None:
        for r, p in self._reports:
            if r.task not in tasks:
                problems.append(Problem(path=f"{p}.task", message="unknown task", value=r.task))
            try:
                self._orgs.get(r.organization)
            except NotFound as err:
                problems.append(
                    Problem(
                        path=f"{p}.organization",
                        message=f"unknown organization{_closest(err)}",
                        value=r.organization,
                    )
                )

    def _unmatched(
        self, ctx: Context, assignments: Sequence[tuple[Assignment, str]]
    ) -> list[Problem]:
        """Problems for the ``must_match`` assignments whose selector picks nobody on the day
        they take effect."""
        later: list[Problem] = []
        seen: dict[tuple[Selector, int], bool] = {}  # one check per selector and era
        with warnings.catch_warnings():  # coverage warnings on past dates are expected here
            warnings.simplefilter("ignore")
            for a, p in assignments:
                if a.id not in self._check_selectors or isinstance(innermost(a.selector), Unlisted):
                    continue
                day = ctx.ref_date(a)
                key = (a.selector, ctx.era(day))
                if key not in seen:
                    seen[key] = _matches_anybody(ctx, a.selector, day)
                if not seen[key]:
                    later.append(
                        Problem(
                            path=f"{p}.selector",
                            message=f"matches no organization on {day.isoformat()}",
                            value=a.selector.to_dict(),
                        )
                    )
        return later

    def _check_selector(self, sel: Selector, path: str) -> list[Problem]:
        if isinstance(sel, HeadsOf):
            return self._check_selector(sel.of, f"{path}.of")
        if isinstance(sel, OrgById):
            try:
                self._orgs.get(sel.id)
            except NotFound as err:
                return [
                    Problem(
                        path=f"{path}.id",
                        message=f"unknown organization{_closest(err)}",
                        value=sel.id,
                    )
                ]
            return []
        if (
            isinstance(sel, CommitteesOf | DepartmentsBySector | AgenciesOf)
            and sel.within is not None
            and not self._unit_known(sel.within)
        ):
            return [Problem(path=f"{path}.within", message="unknown unit", value=sel.within)]
        return []

    def _unit_known(self, ref: str) -> bool:
        try:
            self._territory.get(ref)
            return True
        except NotFound:
            pass
        if self._codes is None:
            self._codes = frozenset(u.code for u in self._territory)
        return ref in self._codes or bool(self._territory.find(ref))


def _matches_anybody(ctx: Context, sel: Selector, day: date) -> bool:
    """Whether ``sel`` picks anybody on ``day``, stopping at the first match: over the whole
    country a selector of every commune's committee need not be resolved to know it matches."""
    scope = committee_scope(ctx, sel, day)
    if scope is NO_SCOPE:
        return False
    if scope is not None:
        # the caller ignores coverage warnings: the first unit with a committee will do
        return any_committee(ctx, *scope, day, quiet=False)
    return bool(resolve(ctx, sel, day, None))


def _closest(err: NotFound) -> str:
    return "; closest: " + ", ".join(err.closest) if err.closest else ""
