"""Organizations as documents name them: names, name templates, qualified names, and the
errors that explain a name asked about on the wrong day.

``"Sở Nội vụ"``, ``"UBND phường Hoàn Kiếm"``, ``"Sở Nội vụ, Đà Nẵng"``: a name matches the
curated organizations whose name or abbreviation it is (:class:`~papi.text.NameIndex`) and
the bodies the rules derive whose name template it fits, narrowed to a unit's context when
one is given. The registry (:class:`~papi.organizations.Organizations`) resolves objects and
ids itself and comes here for names only.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from papi._messages import day_vi
from papi.errors import Ambiguous, Candidate, NotFound
from papi.organizations import _successions
from papi.organizations.model import Organization, OrgRef
from papi.organizations.rules import kind_word
from papi.territory import Unit, UnitRef
from papi.text import fold

if TYPE_CHECKING:
    from papi.organizations.registry import Organizations

#: Folded words that say which kind of unit a name is about ("UBND phường", "Sở Nội vụ tỉnh").
_KIND_WORDS = frozenset(
    {"tinh", "thanh pho", "quan", "huyen", "thi xa", "phuong", "xa", "thi tran", "dac khu"}
)


def context(reg: Organizations, unit: Unit, on: date) -> frozenset[str]:
    """The ids of ``unit``, the units containing it and the units inside it on ``on``."""
    day = on.toordinal()
    terr = reg.territory
    ids = {unit.id, *(a.id for a in terr._ancestors_on(unit.id, day))}
    ids.update(terr._descendants(unit.id, day))
    return frozenset(ids)


def named(
    reg: Organizations, ref: str, ctx: frozenset[str] | None, on: date | None
) -> list[Organization]:
    """Organizations (any day) whose name or a derived name template matches ``ref``."""
    found: dict[str, Organization] = {}
    for i in reg._names.find(ref):
        o = reg._by_id[i]
        if ctx is None or o.unit_id in ctx:
            found[o.id] = o
    rules = reg.rules
    if rules is None:
        return list(found.values())
    folded = fold(ref)
    terr = reg.territory
    for rule, rest, slot in rules.matches(folded):
        units: Iterable[Unit]
        if rest and slot == "unit" and rest not in _KIND_WORDS:
            units = (u for u in terr.find(rest) if ctx is None or u.id in ctx)
        elif ctx is not None:
            units = (terr.get(i) for i in ctx)
        elif not slot or slot == "kind":
            # "Sở Nội vụ", "Thanh tra tỉnh": every unit; a bare "Thanh tra" or
            # "UBND phường" says which unit only with a context
            units = reg._units_at(rule.levels)
        else:
            continue
        if rest in _KIND_WORDS:
            units = (u for u in units if fold(kind_word(u)) == rest)
        elif slot == "kind" and rest:
            continue
        for u in units:
            if not rule.applies(u):
                continue
            if on is not None and not u.exists_on(on):
                continue
            for o in reg._derived_of(u.id)[0]:
                if o.kind is rule.kind and o.id.startswith(rule.key + ":"):
                    found.setdefault(o.id, o)
    return list(found.values())


def by_name(reg: Organizations, ref: str, on: date, within: UnitRef | None) -> Organization:
    """The one organization the name ``ref`` denotes on ``on`` (inside ``within``), else
    :class:`~papi.errors.Ambiguous` listing the candidates or
    :class:`~papi.errors.NotFound` saying what became of those so named."""
    terr = reg.territory
    ctx = None if within is None else context(reg, terr._resolve(within, on), on)
    found = named(reg, ref, ctx, on=None)
    if not found and "," in ref and within is None:
        return _qualified(reg, ref, on)
    live = [o for o in found if o.validity.contains(on)]
    if len(live) == 1:
        return live[0]
    if len(live) > 1:
        live.sort(key=lambda o: o.id)
        raise Ambiguous(
            "organization",
            ref,
            tuple(_candidate(reg, o, on) for o in live),
            choices=tuple(_choice(reg, o) for o in live),
        )
    if found:
        raise gone(reg, ref, found, on)
    raise NotFound("organization", ref, closest=reg._names.closest(ref))


def _qualified(reg: Organizations, ref: str, on: date) -> Organization:
    """``"Sở Nội vụ, Đà Nẵng"``: the first split at a comma whose left part names
    organizations and whose right part names a unit (names may hold commas: "Sở Văn hóa,
    Thể thao và Du lịch, Đà Nẵng")."""
    parts = ref.split(",")
    error: NotFound | Ambiguous | None = None
    for i in range(1, len(parts)):
        head, rest = ",".join(parts[:i]).strip(), ",".join(parts[i:]).strip()
        if not named(reg, head, None, None):
            continue
        try:
            return reg._resolve(head, on, reg.territory._resolve(rest, on))
        except (NotFound, Ambiguous) as exc:
            error = error or exc
    if error is not None:
        raise error
    raise NotFound("organization", ref, closest=reg._names.closest(parts[0]))


def _candidate(reg: Organizations, o: Organization, on: date) -> str:
    """``"Sở Nội vụ (id so-noi-vu:48, unit 48, Thành phố Đà Nẵng)"``: with the unit's
    province when the unit is not one."""
    terr = reg.territory
    unit = terr.get(o.unit_id)
    top = list(terr._ancestors_on(unit.id, on.toordinal()))
    where = unit.name if not top else f"{unit.name}, {top[-1].name}"
    return f"{o.name} (id {o.id}, unit {o.unit_id}: {where})"


def _choice(reg: Organizations, o: Organization) -> Candidate:
    """``o`` as a :class:`~papi.errors.Candidate`: its parent is the unit it serves."""
    terr = reg.territory
    unit = terr.get(o.unit_id) if o.unit_id in terr else None
    return Candidate(
        id=o.id,
        name=o.name,
        parent=unit.name if unit is not None else None,
        parent_id=o.unit_id,
        level=unit.level.value if unit is not None else None,
        valid_from=o.valid_from,
        valid_to=o.valid_to,
    )


def gone(reg: Organizations, ref: str, orgs: list[Organization], on: date) -> NotFound:
    """The error for a reference to organizations that exist on other days than ``on``:
    when each ended and what succeeded it, or when it starts, and how to ask instead (in
    English and Vietnamese)."""
    day = on.isoformat()
    orgs = sorted(orgs, key=lambda o: (o.valid_from or date.min, o.id))
    if len(orgs) > 1:
        said = [_other_day(reg, o, on) for o in orgs]
        shown = "; ".join(en for en, _, _ in said)
        shown_vi = "; ".join(vi for _, vi, _ in said)
        return NotFound(
            "organization",
            ref,
            context=f"on {day}: none of the organizations so named exists that day "
            f"({shown}); ask by id, or use a date when one of them existed",
            context_vi=f"ngày {day_vi(on)}: không cơ quan, tổ chức nào mang tên này tồn tại "
            f"vào ngày đó ({shown_vi}); hãy hỏi theo mã, hoặc dùng một ngày khi một trong số "
            "đó còn tồn tại",
        )
    text, text_vi, names = _other_day(reg, orgs[0], on)
    return NotFound(
        "organization",
        ref,
        context=f"on {day}: {text}",
        context_vi=f"ngày {day_vi(on)}: {text_vi}",
        closest=names,
    )


def _other_day(reg: Organizations, o: Organization, on: date) -> tuple[str, str, tuple[str, ...]]:
    """What became of ``o`` by ``on`` (a day it does not exist), how to ask instead (in
    English and Vietnamese), and the names of its successors that day."""
    if o.valid_to is None or o.valid_to > on:
        start = o.valid_from.isoformat() if o.valid_from else "?"
        start_vi = day_vi(o.valid_from) if o.valid_from else "?"
        return (
            f"{o} exists only from {start}; use a date on or after {start}",
            f"{o.name} (mã {o.id}) chỉ tồn tại từ {start_vi}; hãy dùng một ngày từ {start_vi} "
            "trở đi",
            (),
        )
    until, until_vi = o.valid_to.isoformat(), day_vi(o.valid_to)
    succ = _successions.follow(reg, o, on)[0]
    names = tuple(s.name for s in succ)
    listed_vi = ", ".join(f"{s.name} (mã {s.id})" for s in succ)
    if len(succ) == 1:
        what = f"was succeeded by {succ[0]}; ask about {names[0]}"
        what_vi = f"được {listed_vi} kế thừa; hãy hỏi về {names[0]}"
    elif succ:
        what = f"was succeeded by {', '.join(map(str, succ))}; ask about one of them"
        what_vi = f"được {listed_vi} kế thừa; hãy hỏi về một trong số đó"
    else:
        what = "ended with no successor recorded"
        what_vi = "chấm dứt mà không có cơ quan kế thừa nào được ghi nhận"
    return (
        f"{o} existed until {until} and {what}, or use a date before {until}",
        f"{o.name} (mã {o.id}) tồn tại đến {until_vi} và {what_vi}, hoặc dùng một ngày trước "
        f"{until_vi}",
        names,
    )


def resolve_any(reg: Organizations, ref: OrgRef, on: date) -> Organization:
    """``ref`` resolved on ``on``, or, for a name of organizations that all ended by then,
    the one that ended last (what :meth:`Organizations.successors` follows forward)."""
    if isinstance(ref, str):
        found = reg._get(ref)
        if found is not None:
            return found
    try:
        return reg._resolve(ref, on)
    except NotFound:
        if not isinstance(ref, str):
            raise
        past = [o for o in named(reg, ref, None, None) if (o.valid_to or date.max) <= on]
        if not past:
            raise
        latest = max(o.valid_to for o in past if o.valid_to is not None)
        past = [o for o in past if o.valid_to == latest]
        if len(past) > 1:
            raise Ambiguous(
                "organization",
                ref,
                tuple(str(o) for o in past),
                choices=tuple(_choice(reg, o) for o in past),
            ) from None
        return past[0]
