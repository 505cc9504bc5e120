"""Deadline rules of Vietnamese law, as data.

Periods follow the Civil Code 91/2015/QH13 (arts. 144-148): the day of the triggering event is
not counted (art. 147); a period in days ends at the end of its last day, in weeks on the
corresponding weekday, in months on the same day of the month or the last day of a shorter
month, in years on the same day and month; and a period whose last day is a weekly day off or
a public holiday ends on the next working day (art. 148). Periods in *working days* ("ngày làm
việc") count only working days of :class:`papi.calendar.VietnamCalendar`.

Five rule types, all immutable and serialisable (:meth:`to_dict` / :func:`rule_from_dict`):

* :class:`Fixed`: a fixed date;
* :class:`After`: ``n`` units after an event (calendar days, working days, weeks, months, years);
* :class:`Recurring`: weekly, monthly, quarterly or yearly deadlines (``dateutil.rrule``);
* :class:`ReportingPeriod`: the data cut-offs of Decree 09/2019/NĐ-CP art. 12 and a
  configurable submission deadline;
* :class:`Unscheduled`: a duty in force whose period or frequency is not yet sourced (no
  computable deadline: ``due`` raises :class:`UnsourcedPeriod`).

The statutory catalogue (:func:`statute`, :func:`statutes`) holds the rules of the laws the
accountability plans touch, each with its citation and validity.

The package's modules, each importing only the ones before it: ``civil_code`` (period
arithmetic), ``citation``, ``serial`` (the dict form, one cattrs converter), ``model`` (the
rule types) and ``catalogue`` (the statutes, and :func:`rule_from_dict`, which also reads a
reference to a statute). Import the names from ``papi.rules``.

>>> from datetime import date
>>> statute("complaint.first_instance").rule.due(date(2026, 1, 20))   # 30 days, Tết -> 23/2
datetime.date(2026, 2, 23)
>>> print(statute("complaint.first_instance").citation)
Law 02/2011/QH13, Art 28
"""

from __future__ import annotations

from papi.calendar import received_on
from papi.rules.catalogue import Statute, rule_from_dict, statute, statutes
from papi.rules.citation import Citation, citation_vi, reference_en
from papi.rules.civil_code import PeriodUnit, period_end
from papi.rules.model import (
    After,
    Fixed,
    Frequency,
    Recurring,
    ReportingPeriod,
    ReportKind,
    Roll,
    Rule,
    Unscheduled,
    UnsourcedPeriod,
)

__all__ = [
    "After",
    "Citation",
    "Fixed",
    "Frequency",
    "PeriodUnit",
    "Recurring",
    "ReportKind",
    "ReportingPeriod",
    "Roll",
    "Rule",
    "Statute",
    "Unscheduled",
    "UnsourcedPeriod",
    "citation_vi",
    "period_end",
    "received_on",
    "reference_en",
    "rule_from_dict",
    "statute",
    "statutes",
]
