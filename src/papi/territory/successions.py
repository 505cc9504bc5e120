"""Reading successions from their JSON records and checking them against the records they
join (both shared with :mod:`papi.organizations`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple, Protocol

from papi.dates import (
    Validity,
    parse_date,
)
from papi.errors import InvalidData, Problem
from papi.territory.model import (
    Succession,
)


def successions_from_records(
    records: Iterable[tuple[str, Mapping[str, Any]]], sources: Mapping[str, str]
) -> tuple[list[Succession], list[Problem]]:
    """The successions of JSON records (a line of ``successions.jsonl``, an entry of the
    curated organizations file), each given with the path its problems are reported at;
    ``sources`` expands short source ids. Every problem is collected, none raised.

    >>> rec = {"predecessors": ["a"], "successors": ["b"], "effective": "2025-07-01",
    ...        "act": "202/2025/QH15", "kind": "merge", "sources": ["nq"]}
    >>> found, problems = successions_from_records([("s:1", rec), ("s:2", {})], {"nq": "NQ"})
    >>> found[0].sources, [str(p) for p in problems]
    (('NQ',), ['s:2.predecessors: missing'])
    """
    found: list[Succession] = []
    problems: list[Problem] = []
    for path, rec in records:
        try:
            found.append(
                Succession(
                    predecessors=rec["predecessors"],
                    successors=rec["successors"],
                    effective=parse_date(rec["effective"], path="effective"),
                    act=rec["act"],
                    kind=rec["kind"],
                    note=rec.get("note"),
                    sources=tuple(sources.get(s, s) for s in rec.get("sources", ())),
                    verified=bool(rec.get("verified", True)),
                    primary=rec.get("primary"),
                )
            )
        except (InvalidData, KeyError, TypeError, ValueError) as exc:
            problems.extend(record_problems(path, exc))
    return found, problems


def record_problems(path: str, exc: Exception) -> list[Problem]:
    """The problems of a record at ``path`` that failed with ``exc``: an
    :class:`~papi.errors.InvalidData`'s own problems below ``path``, a missing key, or the
    message of any other error."""
    if isinstance(exc, InvalidData):
        return [
            Problem(path=f"{path}.{p.path}" if p.path else path, message=p.message, value=p.value)
            for p in exc.problems
        ]
    if isinstance(exc, KeyError):
        return [Problem(path=f"{path}.{exc.args[0]}", message="missing")]
    return [Problem(path=path, message=str(exc))]


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
