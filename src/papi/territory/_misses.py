"""The errors for units asked about on days they do not exist: when each ended, what succeeded
it, how to ask instead, and the "did you mean" names; each said in English and in Vietnamese
(the errors' ``context_vi``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
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
        candidates_vi: Sequence[str],
        *,
        choices: Iterable[Candidate] = (),
    ) -> None:
        super().__init__(what, value, tuple(candidates), choices=choices)
        self.candidates_vi = tuple(candidates_vi)
        first = self.candidates[0].rsplit(" (", 1)[0] if self.candidates else "Name, Parent"
        self.args = (
            f"{self.args[0]}; none exists any more: to follow one to what succeeded it, "
            f"write its name with its parent as listed (e.g. '{first}')",
        )
        self.context_vi = (
            "không đơn vị nào còn tồn tại: để theo một đơn vị đến đơn vị kế thừa, hãy viết "
            f"tên kèm đơn vị cấp trên như trên (ví dụ '{first}')"
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _ambiguous_past,
            (self.what, self.value, self.candidates, self.candidates_vi, self.choices),
        )


def _ambiguous_past(
    what: str,
    value: object,
    candidates: tuple[str, ...],
    candidates_vi: tuple[str, ...],
    choices: tuple[Candidate, ...],
) -> _AmbiguousPast:
    return _AmbiguousPast(what, value, candidates, candidates_vi, choices=choices)


class _UnitNotFound(NotFound):
    """An unknown unit, with the context (when it existed, what succeeded it, how to ask
    instead) in Vietnamese too."""

    def __init__(
        self,
        value: object,
        *,
        context: str,
        context_vi: str,
        closest: Sequence[str] = (),
        choices: Iterable[Candidate] = (),
    ) -> None:
        super().__init__("unit", value, context=context, closest=closest, choices=choices)
        self.context_vi = context_vi

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _unit_not_found,
            (self.value, self.context, self.context_vi, self.closest, self.choices),
        )


def _unit_not_found(
    value: object,
    context: str,
    context_vi: str,
    closest: tuple[str, ...],
    choices: tuple[Candidate, ...],
) -> _UnitNotFound:
    return _UnitNotFound(
        value, context=context, context_vi=context_vi, closest=closest, choices=choices
    )


def _vi(day: date) -> str:
    return f"{day:%d/%m/%Y}"


#: The Vietnamese of the usual reasons a unit ended (``Unit.end_reason``, English in the data).
_REASONS_VI = (
    (re.compile(r"^district tier abolished \((.+)\)$"), "bỏ cấp huyện ({0})"),
    (
        re.compile(
            r"^not in the GSO list from (\d{4})-(\d{2})-(\d{2}) \((.+)\); the lists do not "
            r"show which unit took its territory$"
        ),
        "không còn trong danh mục của Tổng cục Thống kê từ {2}/{1}/{0} ({3}); danh mục không "
        "cho biết đơn vị nào nhận địa bàn",
    ),
)


def _reason_vi(reason: str) -> str:
    """``Unit.end_reason`` in Vietnamese: the usual forms translated, any other quoted and
    marked as English."""
    for pattern, vi in _REASONS_VI:
        match = pattern.match(reason)
        if match is not None:
            groups = [g.replace("no act named", "không nêu văn bản") for g in match.groups()]
            return vi.format(*groups)
    return f"{reason} (tiếng Anh)"


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


def _describe_other_day(terr: Territory, u: Unit, lang: str = "en") -> str:
    """``"Phường Minh Khai, Quận Hai Bà Trưng (00295, until 2025-07-01)"``; in Vietnamese
    ``"Phường Minh Khai, Quận Hai Bà Trưng (mã 00295, chấm dứt từ 01/07/2025)"``."""
    if lang == "vi":
        ident = f"mã {u.code}" if u.id == u.code else f"mã {u.code}, mã định danh {u.id}"
        if u.valid_to is not None:
            when = f"chấm dứt từ {_vi(u.valid_to)}"
        elif u.valid_from is not None:
            when = f"từ {_vi(u.valid_from)}"
        else:
            when = "mọi thời điểm"
        return f"{_label(terr, u)} ({ident}, {when})"
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
    day, day_vi = on.isoformat(), _vi(on)
    units = sorted(units, key=lambda u: (u.valid_from or date.min, u.code))
    if len(units) == 1:
        u = units[0]
        label = f"{_label(terr, u)} ({u.code if u.id == u.code else u.id})"
        if u.valid_to is None or u.valid_to > on:
            start = u.valid_from.isoformat() if u.valid_from else "?"
            start_vi = _vi(u.valid_from) if u.valid_from else "?"
            return _UnitNotFound(
                ref,
                context=f"on {day}: {label} exists only from {start}; "
                f"use a date on or after {start}",
                context_vi=f"ngày {day_vi}: {label} chỉ tồn tại từ {start_vi}; hãy dùng một "
                f"ngày từ {start_vi} trở đi",
            )
        until, until_vi = u.valid_to.isoformat(), _vi(u.valid_to)
        succ, _ = terr._follow(u, on)
        names = tuple(s.name for s in succ)
        if len(names) == 1:
            what = f"was succeeded by {names[0]}; ask about {names[0]}"
            what_vi = f"được kế thừa bởi {names[0]}; hãy hỏi về {names[0]}"
        elif names:
            what = f"was succeeded by {', '.join(names)}; ask about one of them"
            what_vi = f"được kế thừa bởi {', '.join(names)}; hãy hỏi về một trong các đơn vị đó"
        else:
            why = f" ({u.end_reason})" if u.end_reason else ""
            why_vi = f" ({_reason_vi(u.end_reason)})" if u.end_reason else ""
            what = f"ended with no successor recorded{why}; ask about a unit existing on {day}"
            what_vi = (
                f"không có đơn vị kế thừa nào được ghi nhận{why_vi}; hãy hỏi về một đơn vị "
                f"tồn tại ngày {day_vi}"
            )
        return _UnitNotFound(
            ref,
            context=f"on {day}: {label} existed until {until} and {what}, "
            f"or use a date before {until}, when it existed",
            context_vi=f"ngày {day_vi}: {label} chấm dứt từ {until_vi} và {what_vi}, hoặc "
            f"dùng một ngày trước {until_vi}, khi đơn vị còn tồn tại",
            closest=names,
            choices=_choices(terr, succ, on),
        )
    shown = "; ".join(_describe_other_day(terr, u) for u in units)
    shown_vi = "; ".join(_describe_other_day(terr, u, "vi") for u in units)
    example = _label(terr, units[0])
    return _UnitNotFound(
        ref,
        context=f"on {day}: no unit by that name exists that day; on other days: {shown}. "
        f"Write the name with its parent as listed (e.g. '{example}') or "
        "give the code, with a date when the unit existed, or ask about a unit "
        f"existing on {day}",
        context_vi=f"ngày {day_vi}: không có đơn vị nào mang tên này; vào những ngày khác: "
        f"{shown_vi}. Hãy viết tên kèm đơn vị cấp trên như trên (ví dụ '{example}') hoặc "
        "ghi mã số, cùng một ngày khi đơn vị còn tồn tại, hoặc hỏi về một đơn vị tồn tại "
        f"ngày {day_vi}",
        choices=_choices(terr, units, on),
    )


def _split(
    asked: object,
    on: date,
    ended: date | None,
    names: Sequence[str],
    choices: Iterable[Candidate] = (),
) -> NotFound:
    """The error for a unit that no longer exists on ``on`` and whose territory passed to
    several units (``names``): ask about one of them (or on a day it existed)."""
    day, day_vi = on.isoformat(), _vi(on)
    when = f"it existed until {ended.isoformat()} and " if ended else ""
    when_vi = f"đơn vị này chấm dứt từ {_vi(ended)} và " if ended else ""
    return _UnitNotFound(
        asked,
        context=f"on {day}: {when}its territory passed to {len(names)} "
        f"units ({', '.join(names)}); ask about one of them, or use a date when it existed",
        context_vi=f"ngày {day_vi}: {when_vi}địa bàn đã chuyển cho {len(names)} đơn vị "
        f"({', '.join(names)}); hãy hỏi về một trong các đơn vị đó, hoặc dùng một ngày khi "
        "đơn vị còn tồn tại",
        closest=names,
        choices=choices,
    )


def _unknown_on(
    ref: object, on: date, closest: Sequence[str], choices: Iterable[Candidate] = ()
) -> NotFound:
    """The error for a qualified name (``"Name, Parent"``) that fits no unit on ``on``."""
    return _UnitNotFound(
        ref,
        context=f"on {on.isoformat()}",
        context_vi=f"ngày {_vi(on)}",
        closest=closest,
        choices=choices,
    )


def _closest(terr: Territory, text: str, on: date) -> tuple[str, ...]:
    """The "did you mean" names, those of units existing on ``on`` first."""
    names = terr._names.closest(text, n=10)

    def ended(name: str) -> bool:
        return not any(terr._by_id[i].exists_on(on) for i in terr._names.find(name))

    return tuple(sorted(names, key=ended)[:5])
