"""Checking successions against the records they join (shared with :mod:`papi.organizations`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple, Protocol

from papi.dates import (
    Validity,
)
from papi.errors import Problem
from papi.territory.model import (
    Succession,
)


class _HasValidity(Protocol):
    """A record that exists during ``validity`` (a :class:`Unit` or an organization)."""

    @property
    def validity(self) -> Validity: ...


class _CheckedSuccessions(NamedTuple):
    """What :func:`_check_successions` found: the problems, the successions that passed (in
    input order) and the index of the passed ones by predecessor and by successor id."""

    problems: list[Problem]
    accepted: list[Succession]
    succ_of: dict[str, list[Succession]]
    pred_of: dict[str, list[Succession]]


def _check_successions(
    successions: Iterable[Succession], by_id: Mapping[str, _HasValidity], noun: str
) -> _CheckedSuccessions:
    """Check succession records against the records they name (``noun``: ``"unit"`` or
    ``"organization"``, used in the messages): every id is known, every predecessor ends by
    the effective date and every successor exists on it (a succession points forward in
    time). A succession with a problem is reported and left out of ``accepted`` and of the
    indexes; the problems of one succession are all reported, not only the first."""
    problems: list[Problem] = []
    accepted: list[Succession] = []
    succ_of: dict[str, list[Succession]] = {}
    pred_of: dict[str, list[Succession]] = {}
    for i, s in enumerate(successions):
        src = f"successions[{i}] ({s.act}, {s.effective.isoformat()})"
        ok = True
        for rid in (*s.predecessors, *s.successors):
            if rid not in by_id:
                problems.append(
                    Problem(path=noun, message=f"unknown {noun}", value=rid, source=src)
                )
                ok = False
        if not ok:
            continue
        for p in s.predecessors:
            ends = by_id[p].validity.valid_to
            if ends is None or ends > s.effective:
                problems.append(
                    Problem(
                        path="predecessors",
                        value=p,
                        source=src,
                        message=f"{p} {by_id[p].validity} does not end by the effective date",
                    )
                )
                ok = False
        for n in s.successors:
            if not by_id[n].validity.contains(s.effective):
                problems.append(
                    Problem(
                        path="successors",
                        value=n,
                        source=src,
                        message=f"{n} {by_id[n].validity} does not exist on the effective date "
                        "(a succession must point forward in time)",
                    )
                )
                ok = False
        if not ok:
            continue
        accepted.append(s)
        for p in s.predecessors:
            succ_of.setdefault(p, []).append(s)
        for n in s.successors:
            pred_of.setdefault(n, []).append(s)
    return _CheckedSuccessions(problems, accepted, succ_of, pred_of)
