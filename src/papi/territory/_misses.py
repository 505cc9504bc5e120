"""The errors for units asked about on days they do not exist: when each ended, what succeeded
it, how to ask instead, and the "did you mean" names."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from papi.errors import Ambiguous, Candidate, NotFound
from papi.territory.model import _FAR_PAST, Unit, UnitRef

if TYPE_CHECKING:
    from papi.territory.registry import Territory


class _AmbiguousPast(Ambiguous):
    """An old name that fits several units that no longer exist; the message says how to
    name one of them (candidates read ``"Name, Parent (code, until date)"``)."""

    def __init__(
        self,
        what: str,
        value: object,
        candidates: Iterable[str],
        *,
        choices: Iterable[Candidate] = (),
    ) -> None:
        super().__init__(what, value, tuple(candidates), choices=choices)
        first = self.candidates[0].rsplit(" (", 1)[0] if self.candidates else "Name, Parent"
        self.args = (
            f"{self.args[0]}; none exists any more: to follow one to what succeeded it, "
            f"write its name with its parent as listed (e.g. '{first}')",
        )


def _own_day_of(u: Unit, on: date) -> int:
    """``on`` as an ordinal if ``u`` exists that day, else a day it existed."""
    return on.toordinal() if u.exists_on(on) else _own_day(u)


def _choice(terr: Territory, u: Unit, on: date) -> Candidate:
    """``u`` as a :class:`~papi.errors.Candidate`: its parent on ``on``, or on its own last
    day when it does not exist on ``on``."""
    p = terr._parent_id(u.id, _own_day_of(u, on))
    return Candidate(
        id=u.id,
        name=u.name,
        code=u.code,
        parent=terr._by_id[p].name if p else None,
        parent_id=p,
        level=u.level.value,
        valid_from=u.valid_from,
        valid_to=u.valid_to,
    )


def _choices(terr: Territory, units: Iterable[Unit], on: date) -> tuple[Candidate, ...]:
    return tuple(_choice(terr, u, on) for u in units)


def _named_choices(terr: Territory, names: Iterable[str], on: date) -> tuple[Candidate, ...]:
    """The units the "did you mean" ``names`` denote: those existing on ``on``, else all."""
    out: list[Candidate] = []
    for name in names:
        units = [terr._by_id[i] for i in terr._names.find(name)]
        live = [u for u in units if u.exists_on(on)]
        out.extend(_choices(terr, live or units, on))
    return tuple(out)


def _own_day(u: Unit) -> int:
    """A day ``u`` exists (as an ordinal): its last day, or its first if it is current."""
    if u.valid_to is not None:
        return u.valid_to.toordinal() - 1
    return u.valid_from.toordinal() if u.valid_from is not None else _FAR_PAST


def _label(terr: Territory, u: Unit) -> str:
    """``"Phường Minh Khai, Quận Hai Bà Trưng"``: the name and the parent's name on a day
    the unit existed (its last day), the form :meth:`successors` accepts for it."""
    p = terr._parent_id(u.id, _own_day(u))
    return u.name if p is None else f"{u.name}, {terr._by_id[p].name}"


def _describe_other_day(terr: Territory, u: Unit) -> str:
    """``"Phường Minh Khai, Quận Hai Bà Trưng (00295, until 2025-07-01)"``."""
    ident = u.code if u.id == u.code else f"{u.code}, id {u.id}"
    if u.valid_to is not None:
        when = f"until {u.valid_to.isoformat()}"
    elif u.valid_from is not None:
        when = f"from {u.valid_from.isoformat()}"
    else:
        when = "always"
    return f"{_label(terr, u)} ({ident}, {when})"


def _other_days(terr: Territory, text: str, on: date) -> list[Unit]:
    """The units ``text`` (an id, a code, a name or ``"Name, Parent, ..."``) denotes that
    do not exist on ``on``; each part after a comma must name one of the unit's ancestors
    on a day it existed (its last day)."""
    found = terr._by_id.get(text)
    if found is not None:
        return [] if found.exists_on(on) else [found]
    if text in terr._by_code:
        units = terr._by_code[text]
        return [] if any(u.exists_on(on) for u in units) else list(units)
    head, *rest = (part.strip() for part in text.split(","))
    cands = [terr._by_id[i] for i in terr._names.find(head)]
    cands = [c for c in cands if not c.exists_on(on)]
    for part in rest:
        wanted = set(terr._names.find(part))
        cands = [
            c for c in cands if any(a.id in wanted for a in terr._ancestors_on(c.id, _own_day(c)))
        ]
    return cands


def _gone(terr: Territory, ref: UnitRef, units: list[Unit], on: date) -> NotFound:
    """The error for a reference to units that exist on other days than ``on``: when
    each ended, what succeeded it, and how to ask instead."""
    day = on.isoformat()
    units = sorted(units, key=lambda u: (u.valid_from or date.min, u.code))
    if len(units) == 1:
        u = units[0]
        label = f"{_label(terr, u)} ({u.code if u.id == u.code else u.id})"
        if u.valid_to is None or u.valid_to > on:
            start = u.valid_from.isoformat() if u.valid_from else "?"
            return NotFound(
                "unit",
                ref,
                context=f"on {day}: {label} exists only from {start}; "
                f"use a date on or after {start}",
            )
        until = u.valid_to.isoformat()
        succ, _ = terr._follow(u, on)
        names = tuple(s.name for s in succ)
        if len(names) == 1:
            what = f"was succeeded by {names[0]}; ask about {names[0]}"
        elif names:
            what = f"was succeeded by {', '.join(names)}; ask about one of them"
        else:
            why = f" ({u.end_reason})" if u.end_reason else ""
            what = f"ended with no successor recorded{why}; ask about a unit existing on {day}"
        return NotFound(
            "unit",
            ref,
            context=f"on {day}: {label} existed until {until} and {what}, "
            f"or use a date before {until}, when it existed",
            closest=names,
            choices=_choices(terr, succ, on),
        )
    shown = "; ".join(_describe_other_day(terr, u) for u in units)
    return NotFound(
        "unit",
        ref,
        context=f"on {day}: no unit by that name exists that day; on other days: {shown}. "
        f"Write the name with its parent as listed (e.g. '{_label(terr, units[0])}') or "
        "give the code, with a date when the unit existed, or ask about a unit "
        f"existing on {day}",
        choices=_choices(terr, units, on),
    )


def _closest(terr: Territory, text: str, on: date) -> tuple[str, ...]:
    """The "did you mean" names, those of units existing on ``on`` first."""
    names = terr._names.closest(text, n=10)

    def ended(name: str) -> bool:
        return not any(terr._by_id[i].exists_on(on) for i in terr._names.find(name))

    return tuple(sorted(names, key=ended)[:5])
