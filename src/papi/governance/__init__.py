"""The aggregate model and its queries: who is accountable, here, by when, on what basis.

A :class:`Governance` is an immutable snapshot of everything papi knows: the PAPI framework,
the territory and its organizations, the working-day calendar, the statutory rules, and the
documents, tasks, assignments and progress reports. It is made by a :class:`Builder`, which
validates everything and reports every problem at once. Every query takes the day it is about
(``on=``); nothing here reads the clock.

The answers (:class:`Accountability`, :class:`Duties`, :class:`Agenda`, :class:`Overdue`,
:class:`Escalation`, :class:`Gaps`, :class:`Case`) are plain frozen data: ``to_dict()`` gives JSON-ready
dicts with a versioned ``schema`` key, ``from_dict()`` reads them back unchanged, and
``explain(lang)`` / ``rows()`` render them for people.

The package, one concept per module: :mod:`~papi.governance.answers` (answer types and their
JSON), :mod:`~papi.governance.explain` (text in Vietnamese and English),
:mod:`~papi.governance.notices` (every notice and gap text), :mod:`~papi.governance.model`
(the :class:`Governance` facade), :mod:`~papi.governance.builder` (the :class:`Builder` and
its validation), and privately ``_context`` (the model's records and indexes), ``_tables``
(every store of what is derived lazily, bounded), ``_resolve`` (selectors, subjects, places),
``_orgs`` (what answers read of the organizations in an era), ``_lazy`` (answers whose
entries are made when first read) and ``queries/`` (who, escalation, deadlines and agenda,
duties, progress, gaps, case).
"""

from __future__ import annotations

from papi.governance.answers import ANSWER_TYPES as ANSWER_TYPES
from papi.governance.answers import PRINCIPLE_HEAD as PRINCIPLE_HEAD
from papi.governance.answers import (
    Accountability,
    Agenda,
    AgendaItem,
    BasisInfo,
    Case,
    CaseStep,
    DeadlineInfo,
    Duties,
    DutyItem,
    Escalation,
    EscalationStep,
    Gap,
    Gaps,
    Holder,
    HolderRef,
    Hop,
    LawRoleInfo,
    Notice,
    OrgInfo,
    Overdue,
    OverdueItem,
    PostInfo,
    Responsible,
    SkippedDay,
    SubjectInfo,
    TaskHolders,
    UnitInfo,
)
from papi.governance.answers import task_sort_key as task_sort_key
from papi.governance.builder import Builder
from papi.governance.model import Governance
from papi.rules import citation_vi

__all__ = [
    "Accountability",
    "Agenda",
    "AgendaItem",
    "BasisInfo",
    "Builder",
    "Case",
    "CaseStep",
    "DeadlineInfo",
    "Duties",
    "DutyItem",
    "Escalation",
    "EscalationStep",
    "Gap",
    "Gaps",
    "Governance",
    "Holder",
    "HolderRef",
    "Hop",
    "LawRoleInfo",
    "Notice",
    "OrgInfo",
    "Overdue",
    "OverdueItem",
    "PostInfo",
    "Responsible",
    "SkippedDay",
    "SubjectInfo",
    "TaskHolders",
    "UnitInfo",
    "citation_vi",
]
