"""What every query reads: the model's records, the indexes derived from them at build time,
and the :class:`~papi.governance._tables.Tables` of what is derived lazily.

A :class:`Context` is made once by the :class:`~papi.governance.Builder` and never changes;
the query modules are functions of it, and :class:`~papi.governance.Governance` is a thin
facade over one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple

from papi.errors import Ambiguous, NotFound
from papi.governance._tables import ABSENT, Tables
from papi.governance.answers import Notice
from papi.text import NameIndex

if TYPE_CHECKING:
    from papi.calendar import VietnamCalendar
    from papi.duties import Assignment, Document, Task
    from papi.framework import Framework
    from papi.organizations import Organizations
    from papi.progress import Report
    from papi.rules import Statute
    from papi.territory import Territory

__all__ = ["Context", "NoteScope", "StatuteLookup"]

#: :func:`papi.rules.statute`: a statute by key, its version in force ``on`` a day if given.
StatuteLookup = Callable[..., "Statute"]

_EPOCH = date(2000, 1, 1)


class NoteScope(NamedTuple):
    """What a note of the model is about: the answers resting on one of ``documents`` (an
    answer rests on the documents of its entries' bases, and on those of the assignments to
    holders the data does not list that reach its place), and the answers about a place
    inside one of the units ``within`` (ids or codes) on the answer's day."""

    documents: frozenset[str] = frozenset()
    within: frozenset[str] = frozenset()


class Context:
    """The model's records, build-time indexes and lazily derived tables."""

    __slots__ = (
        "_scoped_notes",
        "assignments",
        "by_task",
        "calendar",
        "documents",
        "framework",
        "note_scopes",
        "notes",
        "orgs",
        "ref_dates",
        "reports",
        "reports_by",
        "statute",
        "superseded",
        "tables",
        "task_names",
        "tasks",
        "tasks_by_code",
        "territory",
    )

    def __init__(
        self,
        *,
        framework: Framework,
        territory: Territory,
        organizations: Organizations,
        calendar: VietnamCalendar | None,
        documents: Mapping[str, Document],
        tasks: Mapping[str, Task],
        assignments: Sequence[Assignment],
        reports: Sequence[Report],
        statute: StatuteLookup | None,
        notes: Sequence[Notice] = (),
        note_scopes: Mapping[Notice, NoteScope] | None = None,
    ) -> None:
        self.framework = framework
        self.territory = territory
        self.orgs = organizations
        self.calendar = calendar
        self.documents: Mapping[str, Document] = MappingProxyType(dict(documents))
        self.tasks: Mapping[str, Task] = MappingProxyType(dict(tasks))
        self.assignments: tuple[Assignment, ...] = tuple(assignments)
        self.reports: tuple[Report, ...] = tuple(reports)
        self.statute = statute
        self.notes: tuple[Notice, ...] = tuple(dict.fromkeys(notes))
        #: what each note is about (a plan's note: by default its plan's documents); a note
        #: not in it is about the whole model
        self.note_scopes: Mapping[Notice, NoteScope] = MappingProxyType(
            {n: s for n, s in (note_scopes or {}).items() if n in self.notes}
        )
        # each note with its scope (None: about the whole model), so that an answer's notes are
        # found without hashing a note per answer
        self._scoped_notes = tuple((n, self.note_scopes.get(n)) for n in self.notes)
        by_task: dict[str, list[Assignment]] = {}
        for a in self.assignments:
            by_task.setdefault(a.task, []).append(a)
        self.by_task: Mapping[str, tuple[Assignment, ...]] = MappingProxyType(
            {k: tuple(v) for k, v in by_task.items()}
        )
        self.task_names: NameIndex[str] = NameIndex(
            [(t.title_vi, t.id) for t in self.tasks.values()]
            + [(t.title_en, t.id) for t in self.tasks.values() if t.title_en]
        )
        by_code: dict[str, tuple[str, ...]] = {}
        for el in framework.elements():
            by_code[el.code] = tuple(
                t.id
                for t in self.tasks.values()
                if any(framework.related(el.code, c) for c in t.indicators)
            )
        self.tasks_by_code: Mapping[str, tuple[str, ...]] = MappingProxyType(by_code)
        superseded: set[str] = set()
        for d in self.documents.values():
            superseded.update(d.supersedes)
        self.superseded = frozenset(superseded)
        self.reports_by: Mapping[tuple[str, str], tuple[Report, ...]] = MappingProxyType(
            _group_reports(self.reports)
        )
        self.ref_dates: Mapping[str, date] = MappingProxyType(
            {a.id: self._ref_date(a) for a in self.assignments if a.basis.document in documents}
        )
        self.tables = Tables()
        # the era boundaries are part of the compiled model: read once, here, rather than by
        # whichever question comes first
        self.tables.era(_EPOCH, self._change_days)

    def _ref_date(self, a: Assignment) -> date:
        if a.validity.valid_from is not None:
            return a.validity.valid_from
        return self.documents[a.basis.document].date or _EPOCH

    def ref_date(self, a: Assignment) -> date:
        """The day ``a`` took effect: its ``valid_from``, else its document's date."""
        found = self.ref_dates.get(a.id)
        return found if found is not None else self._ref_date(a)

    def notes_on(
        self, docs: frozenset[str], chain: tuple[str, ...], on: date
    ) -> tuple[Notice, ...]:
        """The model's notes an answer resting on the documents ``docs``, about the place
        whose units (itself and its ancestors) are ``chain`` on ``on``, carries (see
        :class:`NoteScope`; a note without one is about the whole model)."""
        if not self.notes:
            return ()
        return tuple(
            n
            for n, scope in self._scoped_notes
            if scope is None
            or not scope.documents.isdisjoint(docs)
            or any(self.unit_id_of(ref, on) in chain for ref in scope.within)
        )

    def unit_id_of(self, ref: str, on: date) -> str | None:
        """The id of the unit ``ref`` (an id, code or name) names on ``on``, ``None`` when
        none or several do; kept per (ref, era): the scopes of notes and documents are read
        for every answer."""
        key = (ref, self.era(on))
        found = self.tables.ref_units.get(key)
        if found is not ABSENT:
            return found
        try:
            uid: str | None = self.territory.unit(ref, on=on).id
        except (NotFound, Ambiguous):  # no unit bears that id or code on that day
            uid = None
        return self.tables.ref_units.put(key, uid)

    def era(self, on: date) -> int:
        """The era ``on`` falls in: the stretch of days between two consecutive dates on which
        anything in the model starts or ends (a unit, a containment link, a succession, an
        organization, a post, a holding, an assignment, a document's date or period, the
        data's coverage). What a selector picks, who heads and holds what and the escalation
        ladder are the same on every day of an era, so they are derived once per era."""
        return self.tables.era(on, self._change_days)

    def _change_days(self) -> Iterable[int]:
        days: set[date] = set(self.territory.change_days())
        if self.orgs.territory is not self.territory:
            days.update(self.orgs.territory.change_days())
        days.update(self.orgs.change_days())
        spans = [a.validity for a in self.assignments]
        spans.extend(d.period for d in self.documents.values())
        for v in spans:
            days.update(d for d in (v.valid_from, v.valid_to) if d is not None)
        days.update(self.ref_date(a) for a in self.assignments)
        return (d.toordinal() for d in days)


def _group_reports(reports: Iterable[Report]) -> dict[tuple[str, str], tuple[Report, ...]]:
    out: dict[tuple[str, str], list[Report]] = {}
    for r in reports:
        out.setdefault((r.task, r.organization), []).append(r)
    return {k: tuple(sorted(v, key=lambda r: r.submitted)) for k, v in out.items()}
