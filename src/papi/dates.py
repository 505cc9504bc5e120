"""Days, validity intervals and the Vietnamese time zone.

Every record in papi that can change over time carries a :class:`Validity`, the half-open
interval ``[valid_from, valid_to)`` of days on which it holds (``None`` means unbounded).
Dates are :class:`datetime.date`; when a time of day matters, aware datetimes in
:data:`VN_TZ` (``Asia/Ho_Chi_Minh``, UTC+7, no daylight saving).

>>> v = Validity(valid_from=date(2025, 7, 1))
>>> v.contains(date(2026, 3, 1)), v.contains(date(2025, 6, 30))
(True, False)
>>> parse_date("2026-03-01", path="query.on")
datetime.date(2026, 3, 1)
"""

from __future__ import annotations

import datetime as _dt
import warnings
from datetime import date
from typing import Any, Final
from zoneinfo import ZoneInfo

import attrs

from papi.errors import CoverageWarning, InvalidData, ValidityError

__all__ = [
    "ALWAYS",
    "FIRST_DAY",
    "LAST_DAY",
    "VN_TZ",
    "Validity",
    "parse_date",
    "parse_day",
    "parse_optional_date",
    "today_in_vietnam",
]

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
"""The time zone of Vietnamese law, ``Asia/Ho_Chi_Minh`` (UTC+7, no daylight saving): the zone
in which :func:`today_in_vietnam` reads the date."""


FIRST_DAY: Final = date(1000, 1, 1)
"""The first day a query argument (``on=``, ``start=``, ``end=``) or a plan file's date may
name: see :func:`parse_day` and ``docs/errors-and-limits.md``."""
LAST_DAY: Final = date(2999, 12, 31)
"""The last day a query argument or a plan file's date may name. Together with
:data:`FIRST_DAY` it keeps every computed day (a deadline, the end of a period) thousands of
years away from the ends of :class:`datetime.date`, so no query overflows."""


def parse_date(value: object, *, path: str = "date") -> date:
    """A :class:`~datetime.date` from a date, an aware datetime (converted to Vietnamese
    local time first) or an ISO ``YYYY-MM-DD`` string.

    Anything else raises :class:`~papi.errors.InvalidData` naming ``path`` and the value:

    >>> parse_date("13/06/2022", path="documents[0].date")
    Traceback (most recent call last):
    ...
    papi.errors.InvalidData: documents[0].date: not a date in the form YYYY-MM-DD (value: '13/06/2022')
    """
    if isinstance(value, _dt.datetime):
        if value.tzinfo is None:
            raise InvalidData(
                "a naive datetime is ambiguous; pass a date or an aware datetime",
                path=path,
                value=value,
            )
        try:
            return value.astimezone(VN_TZ).date()
        except (OverflowError, ValueError):  # near year 1 or 9999: no Vietnamese day exists
            raise InvalidData(
                "the datetime has no day in Vietnamese time (out of range)", path=path, value=value
            ) from None
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if len(text) == 10 and text[4] == "-" and text[7] == "-":
            try:
                return date.fromisoformat(text)
            except ValueError:
                pass
    raise InvalidData("not a date in the form YYYY-MM-DD", path=path, value=value)


def parse_day(value: object, *, arg: str = "on") -> date:
    """The day a query argument names (``on=``, ``start=``, ``end=`` of every public query):
    the one parser every query uses, so they all accept and refuse the same things.

    * a :class:`~datetime.date` is taken as is;
    * an ISO ``YYYY-MM-DD`` string is read (surrounding spaces ignored);
    * an *aware* :class:`~datetime.datetime` is converted to Vietnamese time
      (:data:`VN_TZ`, UTC+7) and its date taken: ``2026-01-01T18:00Z`` is 2 January;
    * a *naive* datetime is refused (its day depends on a time zone it does not name).

    Anything else, or a day outside :data:`FIRST_DAY`-:data:`LAST_DAY`, raises
    :class:`~papi.errors.InvalidData` whose ``path`` is ``arg`` and ``value`` the value:

    >>> parse_day("2026-03-01")
    datetime.date(2026, 3, 1)
    >>> parse_day(_dt.datetime(2026, 1, 1, 18, 0, tzinfo=_dt.UTC), arg="start")
    datetime.date(2026, 1, 2)
    >>> parse_day(date(9999, 1, 1), arg="end")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    papi.errors.InvalidData: end: outside the days papi reads, 1000-01-01 to 2999-12-31 (value: ...)
    >>> parse_day(20260301)
    Traceback (most recent call last):
    ...
    papi.errors.InvalidData: on: not a date in the form YYYY-MM-DD (value: 20260301)
    """
    day = value if type(value) is date else parse_date(value, path=arg)
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InvalidData(
            f"outside the days papi reads, {FIRST_DAY.isoformat()} to {LAST_DAY.isoformat()}",
            path=arg,
            value=day.isoformat(),
        )
    return day


def parse_optional_date(value: object, *, path: str = "date") -> date | None:
    """Like :func:`parse_date`, but ``None`` stays ``None`` (an open bound)."""
    return None if value is None else parse_date(value, path=path)


def today_in_vietnam(now: _dt.datetime | None = None) -> date:
    """Today's date in Asia/Ho_Chi_Minh. Only the CLI uses it: library queries take ``on=``.

    >>> today_in_vietnam(_dt.datetime(2026, 1, 1, 18, 0, tzinfo=_dt.timezone.utc))
    datetime.date(2026, 1, 2)
    """
    moment = now if now is not None else _dt.datetime.now(tz=_dt.UTC)
    return moment.astimezone(VN_TZ).date()


def _warn_outside_coverage(coverage: Validity, on: date, data: str, *, stacklevel: int) -> None:
    """Warn (:class:`~papi.errors.CoverageWarning`) when ``on`` is outside ``coverage``, the
    period ``data`` (e.g. ``"the territory data"``) is vouched for; ``stacklevel`` counts from
    the caller of this function, as for :func:`warnings.warn`."""
    if not coverage.contains(on):
        warnings.warn(
            f"{on.isoformat()} is outside {data}'s coverage {coverage}: the answer is the best "
            "data in reach, not vouched for that day",
            CoverageWarning,
            stacklevel=stacklevel + 1,
        )


def _check_order(instance: Any, attribute: attrs.Attribute[Any], value: date | None) -> None:
    start = instance.valid_from
    if start is not None and value is not None and value <= start:
        raise ValidityError(
            f"valid_to must be after valid_from ({start.isoformat()})",
            path="valid_to",
            value=value.isoformat(),
        )


@attrs.frozen(kw_only=True)
class Validity:
    """The half-open interval ``[valid_from, valid_to)`` of days on which a record holds.

    ``valid_from=None`` means "since before our data starts"; ``valid_to=None`` means "still
    in force". An empty or inverted interval raises :class:`~papi.errors.ValidityError`.

    >>> Validity(valid_from=date(2022, 1, 1), valid_to=date(2022, 1, 1))
    Traceback (most recent call last):
    ...
    papi.errors.ValidityError: valid_to: valid_to must be after valid_from (2022-01-01) (value: '2022-01-01')
    """

    valid_from: date | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(date))
    )
    valid_to: date | None = attrs.field(
        default=None,
        validator=[attrs.validators.optional(attrs.validators.instance_of(date)), _check_order],
    )

    def contains(self, day: date) -> bool:
        """Whether ``day`` lies in ``[valid_from, valid_to)``."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to
        )

    def overlaps(self, other: Validity) -> bool:
        """Whether the two intervals share at least one day.

        >>> a = Validity(valid_to=date(2025, 7, 1))
        >>> a.overlaps(Validity(valid_from=date(2025, 7, 1)))
        False
        """
        starts_before_other_ends = (
            self.valid_from is None or other.valid_to is None or self.valid_from < other.valid_to
        )
        ends_after_other_starts = (
            self.valid_to is None or other.valid_from is None or other.valid_from < self.valid_to
        )
        return starts_before_other_ends and ends_after_other_starts

    def within(self, outer: Validity) -> bool:
        """Whether this interval lies entirely inside ``outer``."""
        lo_ok = outer.valid_from is None or (
            self.valid_from is not None and self.valid_from >= outer.valid_from
        )
        hi_ok = outer.valid_to is None or (
            self.valid_to is not None and self.valid_to <= outer.valid_to
        )
        return lo_ok and hi_ok

    def __str__(self) -> str:
        lo = self.valid_from.isoformat() if self.valid_from else "…"
        hi = self.valid_to.isoformat() if self.valid_to else "…"
        return f"[{lo}, {hi})"


ALWAYS = Validity()
"""The validity with no bounds, ``[…, …)``: it contains every day."""
