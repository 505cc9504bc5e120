"""Progress on duties: what an organization reported, and where a task stands on a day.

Dispatch 3010/UBND-SNV asks each agency to report on its Plan 164/KH-UBND tasks with "the
level of completion, an assessment of effectiveness, and the reasons for anything not done",
together with the third-quarter administrative-reform report. A :class:`Report` holds exactly
that; :func:`status_of` turns a due date and the reports into a :class:`Status`:

>>> from datetime import date
>>> r = Report(task="T3", organization="so:noi-vu", period_start=date(2022, 6, 13),
...            period_end=date(2022, 9, 30), completion=Completion.PARTLY,
...            submitted=date(2022, 10, 3))
>>> status_of(due=date(2022, 9, 30), starts=None, reports=(r,), on=date(2022, 10, 5),
...           reporting=True)  # T3's deliverable is the report itself
<Status.DONE_LATE: 'done_late'>
>>> status_of(due=date(2022, 9, 30), starts=None, reports=(), on=date(2022, 9, 20))
<Status.DUE: 'due'>
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date
from typing import Any

import attrs

from papi.errors import InvalidData
from papi.text import nfc

__all__ = ["Completion", "Report", "Status", "status_of"]


class Completion(enum.Enum):
    """How much of a task a report says is done."""

    DONE = "done"
    PARTLY = "partly"
    NOT_DONE = "not_done"

    def label(self, lang: str = "vi") -> str:
        """``"hoàn thành"`` / ``"done"`` ..."""
        vi = {"done": "hoàn thành", "partly": "hoàn thành một phần", "not_done": "chưa thực hiện"}
        return vi[self.value] if lang == "vi" else self.value.replace("_", " ")


class Status(enum.Enum):
    """Where a (task, organization) pair stands on a day."""

    NOT_DUE = "not_due"
    DUE = "due"
    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    OVERDUE = "overdue"


def _opt_nfc(value: str | None) -> str | None:
    return None if value is None else nfc(value)


def _percent(instance: Any, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is not None and not 0 <= value <= 100:
        raise InvalidData("must be between 0 and 100", path=attribute.name, value=value)


@attrs.frozen(kw_only=True)
class Report:
    """A progress report by ``organization`` (an id) on ``task`` for the period
    ``[period_start, period_end]`` (inclusive), submitted on ``submitted``.

    ``completion`` (and optionally ``percent``), ``effectiveness`` (the organization's own
    assessment) and ``reasons`` (for what is not done) are what Dispatch 3010/UBND-SNV asks for.
    A report marked :attr:`Completion.DONE` completes the task for that organization; others
    record progress only.
    """

    task: str
    organization: str
    period_start: date
    period_end: date
    completion: Completion = attrs.field(validator=attrs.validators.instance_of(Completion))
    percent: float | None = attrs.field(default=None, validator=_percent)
    effectiveness: str | None = attrs.field(default=None, converter=_opt_nfc)
    reasons: str | None = attrs.field(default=None, converter=_opt_nfc)
    submitted: date
    document: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.period_end < self.period_start:
            raise InvalidData(
                "period_end is before period_start",
                path="period_end",
                value=self.period_end.isoformat(),
            )


def status_of(
    *,
    due: date | None,
    starts: date | None,
    reports: Iterable[Report],
    on: date,
    reporting: bool = False,
) -> Status:
    """The status on ``on`` of a task due on ``due`` (``None``: no computable due date),
    starting on ``starts``, given the organization's reports.

    A report counts as the task's result when all of these hold:

    * it was submitted on or before ``on`` (no peeking at the future);
    * it fulfils the duty: for a reporting duty (``reporting=True``, e.g. T3 "report the level
      of completion ... with the Q3 report") the report *is* the deliverable, whatever
      completion it states; for any other duty only a report marked :attr:`Completion.DONE`
      completes it (a partial report records progress);
    * it is about this deadline: its period contains ``due``, or it was submitted on or after
      ``due`` (any report, when there is no due date).

    Then, in order: a counting report gives DONE_ON_TIME if the first was submitted by ``due``
    (or there is no due date), else DONE_LATE; ``on`` before ``starts``, or no due date, gives
    NOT_DUE; ``on`` at or before ``due`` gives DUE; after it, OVERDUE.

    >>> partly = Report(task="W1", organization="ubnd:x", period_start=date(2026, 1, 1),
    ...                 period_end=date(2026, 3, 31), completion=Completion.PARTLY,
    ...                 submitted=date(2026, 3, 18))
    >>> status_of(due=date(2026, 3, 20), starts=None, reports=(partly,), on=date(2026, 3, 25))
    <Status.OVERDUE: 'overdue'>
    >>> status_of(due=date(2026, 3, 20), starts=None, reports=(partly,), on=date(2026, 3, 25),
    ...           reporting=True)
    <Status.DONE_ON_TIME: 'done_on_time'>
    """
    done = [
        r
        for r in reports
        if r.submitted <= on
        and (reporting or r.completion is Completion.DONE)
        and (due is None or r.period_start <= due <= r.period_end or r.submitted >= due)
    ]
    if done:
        first = min(r.submitted for r in done)
        if due is None or first <= due:
            return Status.DONE_ON_TIME
        return Status.DONE_LATE
    if due is None or (starts is not None and on < starts):
        return Status.NOT_DUE
    return Status.DUE if on <= due else Status.OVERDUE
