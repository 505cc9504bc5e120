"""The value objects of a territory: :class:`Level`, :class:`UnitKind`, :class:`Unit`,
:class:`Containment`, :class:`Succession`, :class:`Conversion` and :class:`Unverified`."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date
from typing import Any, NamedTuple

import attrs

from papi.dates import (
    ALWAYS,
    Validity,
    parse_date,
)
from papi.errors import InvalidData


class Level(enum.Enum):
    """The tiers of Vietnamese local government (Law 72/2025/QH15 keeps province and commune;
    the district tier ended on 2025-07-01). ``VILLAGE`` is the self-governing community below
    the commune (thôn, tổ dân phố), not a tier of government."""

    PROVINCE = "province"
    DISTRICT = "district"
    COMMUNE = "commune"
    VILLAGE = "village"

    @property
    def depth(self) -> int:
        """0 for a province, 1 for a district, 2 for a commune, 3 for a village."""
        return _DEPTH[self]


_DEPTH = {Level.PROVINCE: 0, Level.DISTRICT: 1, Level.COMMUNE: 2, Level.VILLAGE: 3}


class UnitKind(enum.Enum):
    """The kind of an administrative unit; the value is its Vietnamese label.

    >>> UnitKind.WARD.value, UnitKind.WARD.level
    ('phường', <Level.COMMUNE: 'commune'>)
    """

    CENTRAL_CITY = "thành phố trực thuộc trung ương"
    PROVINCE = "tỉnh"
    URBAN_DISTRICT = "quận"
    RURAL_DISTRICT = "huyện"
    DISTRICT_TOWN = "thị xã"
    PROVINCIAL_CITY = "thành phố thuộc tỉnh"
    WARD = "phường"
    COMMUNE = "xã"
    TOWNSHIP = "thị trấn"
    SPECIAL_ZONE = "đặc khu"
    VILLAGE = "thôn"
    RESIDENTIAL_GROUP = "tổ dân phố"

    @property
    def level(self) -> Level:
        """The level units of this kind sit at (a special zone is commune-level since
        2025-07-01, Law 72/2025/QH15)."""
        # read from the member itself: a dict keyed by the member would hash it with Enum's
        # __hash__, Python code run for every unit a question looks at
        return self._level  # type: ignore[attr-defined,no-any-return]


_KIND_LEVEL = {
    UnitKind.CENTRAL_CITY: Level.PROVINCE,
    UnitKind.PROVINCE: Level.PROVINCE,
    UnitKind.URBAN_DISTRICT: Level.DISTRICT,
    UnitKind.RURAL_DISTRICT: Level.DISTRICT,
    UnitKind.DISTRICT_TOWN: Level.DISTRICT,
    UnitKind.PROVINCIAL_CITY: Level.DISTRICT,
    UnitKind.WARD: Level.COMMUNE,
    UnitKind.COMMUNE: Level.COMMUNE,
    UnitKind.TOWNSHIP: Level.COMMUNE,
    UnitKind.SPECIAL_ZONE: Level.COMMUNE,
    UnitKind.VILLAGE: Level.VILLAGE,
    UnitKind.RESIDENTIAL_GROUP: Level.VILLAGE,
}
for _kind, _level in _KIND_LEVEL.items():
    _kind._level = _level  # type: ignore[attr-defined]
assert all(hasattr(k, "_level") for k in UnitKind)  # every kind has its level


def _nonempty(instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value.strip():
        raise InvalidData("must not be empty", path=attribute.name, value=value)


def _tuple_of_str(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Unit:
    """An administrative unit as it existed during :attr:`validity`.

    ``name`` is the official Vietnamese name with its kind word, NFC (``"Phường Hoàn
    Kiếm"``); ``name_en`` only where an official English name exists (``"Hanoi"``).
    ``end_reason`` explains an end that has no successor units.

    >>> u = Unit(id="00070@2025-07-01", code="00070", name="Phường Hoàn Kiếm",
    ...          kind=UnitKind.WARD, validity=Validity(valid_from=date(2025, 7, 1)))
    >>> u.level, u.valid_from
    (<Level.COMMUNE: 'commune'>, datetime.date(2025, 7, 1))
    """

    id: str = attrs.field(validator=_nonempty)
    code: str = attrs.field(validator=_nonempty)
    name: str = attrs.field(validator=_nonempty)
    kind: UnitKind = attrs.field(validator=attrs.validators.instance_of(UnitKind))
    validity: Validity = attrs.field(
        default=Validity(), validator=attrs.validators.instance_of(Validity)
    )
    name_en: str | None = None
    sources: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str, repr=False)
    end_reason: str | None = attrs.field(default=None, repr=False)
    note: str | None = attrs.field(default=None, repr=False)

    @property
    def level(self) -> Level:
        """The unit's level, from its kind."""
        return self.kind.level

    @property
    def valid_from(self) -> date | None:
        """First day of the unit (``None``: before the data starts)."""
        return self.validity.valid_from

    @property
    def valid_to(self) -> date | None:
        """First day the unit no longer exists (``None``: still exists)."""
        return self.validity.valid_to

    def exists_on(self, day: date) -> bool:
        """Whether the unit exists on ``day``."""
        return self.validity.contains(day)

    def __str__(self) -> str:
        return f"{self.name} ({self.id})"


@attrs.frozen(kw_only=True)
class Containment:
    """``parent`` contains ``child`` during ``validity`` (unit ids). ``source`` names the
    record the link came from, for error messages."""

    parent: str
    child: str
    validity: Validity = ALWAYS
    source: str | None = None


_SUCCESSION_KINDS = frozenset({"merge", "split", "rename", "abolish_tier", "absorb", "reorganise"})


@attrs.frozen(kw_only=True)
class Succession:
    """Old units (or organizations) replaced by new ones on ``effective``, by ``act``.

    ``kind`` is one of ``merge``, ``split`` (one predecessor, several successors), ``rename``,
    ``abolish_tier`` (a district's territory passing to commune-level units when the district
    tier ended, Law 72/2025/QH15 art. 51(3)), ``absorb`` and ``reorganise``. ``primary``
    names the successor that carries the predecessor on where a source marks one (for a
    split: the "default" new unit of vietnamadminunits); it must be one of ``successors``.
    """

    predecessors: tuple[str, ...] = attrs.field(converter=_tuple_of_str)
    successors: tuple[str, ...] = attrs.field(converter=_tuple_of_str)
    effective: date = attrs.field(validator=attrs.validators.instance_of(date))
    act: str = attrs.field(validator=_nonempty)
    kind: str = attrs.field(validator=attrs.validators.in_(_SUCCESSION_KINDS))
    note: str | None = None
    sources: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    verified: bool = True
    primary: str | None = attrs.field(default=None)

    @predecessors.validator
    def _check_pred(self, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        if not value:
            raise InvalidData("a succession needs at least one predecessor", path="predecessors")

    @successors.validator
    def _check_succ(self, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
        if not value:
            raise InvalidData("a succession needs at least one successor", path="successors")

    @primary.validator
    def _check_primary(self, attribute: attrs.Attribute[Any], value: str | None) -> None:
        if value is not None and value not in self.successors:
            raise InvalidData(
                "the primary successor must be one of successors", path="primary", value=value
            )


UnitRef = Unit | str


@attrs.frozen(kw_only=True)
class Conversion:
    """What :meth:`Territory.convert` found: the unit asked about (``source``), the units
    existing on ``on`` that it became (``units``, by code), the ``primary`` one (the successor
    that carries it on, followed through every step where the data marks one; ``None`` when a
    step divided it without a mark) and the successions followed (``chain``).

    >>> from papi.territory import hanoi_territory
    >>> c = hanoi_territory().convert("Phường Cống Vị, Quận Ba Đình", to="2026-03-01")
    >>> [u.name for u in c.units], c.primary.name if c.primary else None
    (['Phường Ngọc Hà', 'Phường Giảng Võ'], 'Phường Ngọc Hà')
    """

    source: Unit
    units: tuple[Unit, ...]
    primary: Unit | None
    chain: tuple[Succession, ...]
    on: date

    @property
    def split(self) -> bool:
        """Whether the source went into several units."""
        return len(self.units) > 1


_FAR_PAST = date.min.toordinal()
_FAR_FUTURE = date.max.toordinal() + 1
_SENTINELS = frozenset({_FAR_PAST, _FAR_FUTURE})


class Unverified(NamedTuple):
    """Days the data does not vouch for in a province (:meth:`Territory.unverified`)."""

    province: Unit
    """The top-level unit the stretch is recorded for."""
    days: Validity
    """The stretch of days, ``[valid_from, valid_to)``."""
    reason: str
    """Why the data does not vouch for them (in English, as the data records it)."""


def _span(v: Validity) -> tuple[int, int]:
    lo = v.valid_from.toordinal() if v.valid_from else _FAR_PAST
    hi = v.valid_to.toordinal() if v.valid_to else _FAR_FUTURE
    return lo, hi


def _as_day(value: object, path: str = "on") -> date:
    """A query's day: a date as is, else :func:`~papi.dates.parse_date` (ISO strings, aware
    datetimes; anything else raises :class:`~papi.errors.InvalidData` naming ``path``)."""
    if type(value) is date:
        return value
    try:
        return parse_date(value, path=path)
    except OverflowError:  # an aware datetime at the calendar's end, moved to Vietnam's zone
        raise InvalidData("the day is out of range", path=path, value=value) from None


def _as_level(value: object) -> Level | None:
    if value is None or isinstance(value, Level):
        return value
    if isinstance(value, str):
        try:
            return Level(value.strip().lower())
        except ValueError:
            pass
    raise InvalidData(
        f"not a level (one of {', '.join(lv.value for lv in Level)})", path="level", value=value
    )
