"""The five rule types (:class:`Fixed`, :class:`After`, :class:`Recurring`,
:class:`ReportingPeriod`, :class:`Unscheduled`), their enums, and :class:`UnsourcedPeriod`."""

from __future__ import annotations

import enum
from datetime import date, datetime, time, timedelta
from typing import Any, ClassVar, TypeAlias

import attrs
from dateutil import rrule as _rr
from dateutil.relativedelta import relativedelta

from papi._messages import validity_vi
from papi.calendar import VietnamCalendar, received_on
from papi.dates import ALWAYS, FIRST_DAY, Validity, parse_day
from papi.errors import InvalidData, NotFound, ValidityError
from papi.rules._checks import _check_lang, _instance, _nonempty_str, _nonneg_int, _optional
from papi.rules.citation import Citation
from papi.rules.civil_code import PeriodUnit, _cal, _shift, period_end
from papi.rules.serial import rule_to_dict

__all__ = [
    "RULE_TYPES",
    "After",
    "Fixed",
    "Frequency",
    "Recurring",
    "ReportKind",
    "ReportingPeriod",
    "Roll",
    "Rule",
    "Unscheduled",
    "UnsourcedPeriod",
]


_UNIT_TEXT: dict[PeriodUnit, tuple[str, str, str]] = {
    # (English singular, English plural, Vietnamese)
    PeriodUnit.CALENDAR_DAYS: ("day", "days", "ngày"),
    PeriodUnit.WORKING_DAYS: ("working day", "working days", "ngày làm việc"),
    PeriodUnit.WEEKS: ("week", "weeks", "tuần"),
    PeriodUnit.MONTHS: ("month", "months", "tháng"),
    PeriodUnit.YEARS: ("year", "years", "năm"),
}


class Roll(enum.Enum):
    """What to do when a computed deadline falls on a day off.

    ``FORWARD`` (Civil Code art. 148): the next working day. ``BACKWARD``: the previous
    working day (used for "at least once per period" duties, which must happen inside the
    period). ``NONE``: keep the day.
    """

    FORWARD = "forward"
    BACKWARD = "backward"
    NONE = "none"


class Frequency(enum.Enum):
    """How often a :class:`Recurring` deadline comes back."""

    WEEKLY = "weekly"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"


class ReportKind(enum.Enum):
    """Periodic report kinds of Decree 09/2019/NĐ-CP art. 12 (plus the 9-month report that some
    provinces add). The value is the string of the dict form."""

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEAR = "half_year"
    NINE_MONTHS = "nine_months"
    ANNUAL = "annual"


# months covered by one report, and the months whose cut-off closes a report
_REPORT_SPAN: dict[ReportKind, tuple[int, tuple[int, ...]]] = {
    ReportKind.MONTHLY: (1, tuple(range(1, 13))),
    ReportKind.QUARTERLY: (3, (3, 6, 9, 12)),
    ReportKind.HALF_YEAR: (6, (6,)),
    ReportKind.NINE_MONTHS: (9, (9,)),
    ReportKind.ANNUAL: (12, (12,)),
}


def _start_date(
    start: object, rule: After | None = None, calendar: VietnamCalendar | None = None
) -> date:
    """The start day of a rule query, read with :func:`~papi.dates.parse_day` (so a day
    outside 1000-2999 is :class:`~papi.errors.InvalidData`, never an overflow later); an
    aware datetime counts from its receipt day when the rule has a ``receipt_cutoff``."""
    day = parse_day(start, arg="start")
    if rule is not None and rule.receipt_cutoff is not None and isinstance(start, datetime):
        return received_on(start, calendar, office_close=rule.receipt_cutoff)
    return day


def _ordinal_en(n: int) -> str:
    if n == -1:
        return "last"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAYS_VI = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
_NTH_EN = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"}
_NTH_VI = {1: "đầu tiên", 2: "thứ hai", 3: "thứ ba", 4: "thứ tư", 5: "thứ năm", -1: "cuối cùng"}

# words of Recurring.describe, by language and Frequency value
_PER = {
    "en": {"weekly": "week", "monthly": "month", "quarterly": "quarter", "yearly": "year"},
    "vi": {"weekly": "tuần", "monthly": "tháng", "quarterly": "quý", "yearly": "năm"},
}
_FREQ_WORD = {
    "en": {"weekly": "weekly", "monthly": "monthly", "quarterly": "quarterly", "yearly": "yearly"},
    "vi": {
        "weekly": "hằng tuần",
        "monthly": "hằng tháng",
        "quarterly": "hằng quý",
        "yearly": "hằng năm",
    },
}
_INTERVAL_UNIT = {
    "weekly": ("weeks", "tuần"),
    "monthly": ("months", "tháng"),
    "yearly": ("years", "năm"),
}


# ----------------------------------------------------------------------------- rules
@attrs.frozen
class _RuleBase:
    """Fields every rule has: a citation and a validity ``[effective_from, effective_to)``."""

    kind: ClassVar[str] = ""

    citation: Citation | None = attrs.field(
        default=None, kw_only=True, validator=_optional(_instance("citation", Citation))
    )
    validity: Validity = attrs.field(
        default=ALWAYS, kw_only=True, validator=_instance("validity", Validity)
    )

    @property
    def effective_from(self) -> date | None:
        """First day the rule applies (``None``: unbounded)."""
        return self.validity.valid_from

    @property
    def effective_to(self) -> date | None:
        """First day the rule no longer applies (``None``: still in force)."""
        return self.validity.valid_to

    @property
    def is_recurring(self) -> bool:
        """Whether the rule yields a series of deadlines (:meth:`occurrences`)."""
        return False

    def in_force(self, on: date) -> bool:
        """Whether the rule applies on day ``on``."""
        return self.validity.contains(on)

    def to_dict(self) -> dict[str, object]:
        """The dict form, read back by :func:`~papi.rules.rule_from_dict`: ``type``, the
        fields that differ from their defaults, then ``effective_from``, ``effective_to`` and
        ``citation`` when set."""
        return rule_to_dict(self)


@attrs.frozen
class Fixed(_RuleBase):
    """A deadline on a fixed date, whatever the start.

    >>> from datetime import date
    >>> Fixed(on=date(2026, 3, 31)).due(date(2026, 1, 1))
    datetime.date(2026, 3, 31)
    >>> Fixed(on=date(2026, 3, 31)).describe("en")
    'by 2026-03-31'
    """

    kind: ClassVar[str] = "fixed"

    on: date = attrs.field(kw_only=True, validator=_instance("on", date))

    def due(self, start: date | str, calendar: VietnamCalendar | None = None) -> date:
        """The fixed date (``start`` and ``calendar`` are accepted for a uniform interface)."""
        _start_date(start)
        _cal(calendar)
        return self.on

    def describe(self, lang: str = "vi") -> str:
        """Short human text: ``'by 2026-03-31'`` / ``'trước ngày 31/03/2026'``."""
        _check_lang(lang)
        if lang == "en":
            return f"by {self.on.isoformat()}"
        return f"trước ngày {self.on:%d/%m/%Y}"


@attrs.frozen
class After(_RuleBase):
    """A deadline ``n`` ``unit`` s after an event (``of``), counted per Civil Code arts. 147-148.

    The event day is not counted: the period is ``(start, due]``. With ``roll`` (the default,
    art. 148) a calendar-unit deadline that falls on a day off moves to the next working day.
    ``receipt_cutoff`` (a time of day) makes :meth:`due` treat an aware datetime received at or
    after that time, or on a day off, as received on the next working day
    (:func:`papi.calendar.received_on`); without it a datetime only gives its Vietnamese date.
    ``before`` counts back instead: the deadline is ``n`` ``unit`` s *before* the event (e.g.
    "at the latest 1 day before the due date", Decree 61/2018/NĐ-CP art. 19(9)); there ``roll``
    moves a day off back to the previous working day, never past the event.

    >>> from datetime import date
    >>> rule = After(10, PeriodUnit.WORKING_DAYS, of="receipt")
    >>> rule.due(date(2026, 2, 12)), rule.describe("en")
    (datetime.date(2026, 3, 5), '10 working days after receipt')
    >>> back = After(1, PeriodUnit.CALENDAR_DAYS, of="the due date", before=True, roll=False)
    >>> back.due(date(2025, 6, 20)), back.describe("en")
    (datetime.date(2025, 6, 19), '1 day before the due date')
    """

    kind: ClassVar[str] = "after"

    n: int = attrs.field(validator=_nonneg_int("n"))
    unit: PeriodUnit = attrs.field(validator=_instance("unit", PeriodUnit))
    of: str = attrs.field(default="event", kw_only=True, validator=_nonempty_str("of"))
    of_vi: str | None = attrs.field(
        default=None, kw_only=True, validator=_optional(_nonempty_str("of_vi"))
    )
    roll: bool = attrs.field(default=True, kw_only=True, validator=_instance("roll", bool))
    receipt_cutoff: time | None = attrs.field(
        default=None, kw_only=True, validator=_optional(_instance("receipt_cutoff", time))
    )
    before: bool = attrs.field(default=False, kw_only=True, validator=_instance("before", bool))

    def due(self, start: date | datetime | str, calendar: VietnamCalendar | None = None) -> date:
        """The last day of the period that starts with the event on ``start``."""
        cal = _cal(calendar)
        day = _start_date(start, self, cal)
        if self.before:
            if self.unit is PeriodUnit.WORKING_DAYS:
                return cal.subtract_working_days(day, self.n)
            end = _shift(day, self.n, self.unit, back=True)
            return cal.roll_backward(end) if self.roll else end
        return period_end(day, self.n, self.unit, cal, roll=self.roll)

    def describe(self, lang: str = "vi") -> str:
        """Short human text, e.g. ``'30 days after acceptance'`` / ``'30 ngày kể từ thụ lý'``."""
        _check_lang(lang)
        one, many, vi = _UNIT_TEXT[self.unit]
        if self.n == 0:
            return (
                f"on the day of {self.of}"
                if lang == "en"
                else f"ngay trong {self.of_vi or self.of}"
            )
        if lang == "en":
            word = "before" if self.before else "after"
            return f"{self.n} {one if self.n == 1 else many} {word} {self.of}"
        return f"{self.n} {vi} {'trước' if self.before else 'kể từ'} {self.of_vi or self.of}"


def _roll(cal: VietnamCalendar, day: date, roll: Roll) -> date:
    if roll is Roll.FORWARD:
        return cal.roll_forward(day)
    if roll is Roll.BACKWARD:
        return cal.roll_backward(day)
    return day


_MARGIN = timedelta(days=40)  # longer than any run of days off (Tết is at most ~10 days)


class _SeriesMixin:
    """Shared by recurring rules: ``due`` = first occurrence on or after ``start``."""

    __slots__ = ()
    validity: Validity

    def occurrences(
        self, start: date | str, end: date | str, calendar: VietnamCalendar | None = None
    ) -> tuple[date, ...]:  # pragma: no cover - overridden
        raise NotImplementedError

    def describe(self, lang: str = "vi") -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def _first_on_or_after(self, start: date, cal: VietnamCalendar, horizon_days: int) -> date:
        lo = start
        for _ in range(400):  # up to ~400 horizons (centuries for monthly rules)
            hi = lo + timedelta(days=horizon_days)
            if self.validity.valid_to is not None and lo > self.validity.valid_to + _MARGIN:
                break
            found = self.occurrences(lo, hi, cal)
            if found:
                return found[0]
            lo = hi + timedelta(days=1)
            if lo.year > 2099:
                break
        raise NotFound(
            "occurrence",
            start.isoformat(),
            context=f"of rule {self.describe('en')!r} on or after that day (validity {self.validity})",
            context_vi=f"của quy tắc “{self.describe('vi')}” vào hoặc sau ngày đó (hiệu lực "
            f"{validity_vi(self.validity)})",
        )


@attrs.frozen
class Recurring(_SeriesMixin, _RuleBase):
    """A series of deadlines from a ``dateutil.rrule``: weekly, monthly, quarterly or yearly.

    Pick the day with ``weekday`` (0 = Monday ... 6 = Sunday; required for weekly), ``day``
    (day of the month, ``-1`` = its last day) or ``weekday`` plus ``nth`` (the nth such weekday
    of the month, ``-1`` = the last). ``month`` is the month of the year (yearly) or of the
    quarter (quarterly, 1-3; default 1). ``interval`` skips periods (every 2 weeks ...) and
    needs an ``anchor`` (the first period); ``until`` (inclusive) and ``count`` end the series.
    ``sessions`` says how many days per period the duty must be done (informational, e.g.
    citizen reception "at least 1 day per month"); ``None`` (the default) when the source sets
    no minimum, and :meth:`describe` then describes the schedule alone.
    ``roll`` moves occurrences that fall on a day off (forward by default, art. 148). The
    series is also cut to the rule's validity (applied to the unrolled dates).

    >>> from datetime import date
    >>> first_monday = Recurring(freq=Frequency.MONTHLY, weekday=0, nth=1)
    >>> first_monday.occurrences(date(2026, 1, 1), date(2026, 3, 31))
    (datetime.date(2026, 1, 5), datetime.date(2026, 2, 2), datetime.date(2026, 3, 2))
    >>> first_monday.describe("en")
    'monthly, on the first Monday'
    """

    kind: ClassVar[str] = "recurring"

    freq: Frequency = attrs.field(kw_only=True, validator=_instance("freq", Frequency))
    interval: int = attrs.field(default=1, kw_only=True, validator=_nonneg_int("interval"))
    weekday: int | None = attrs.field(default=None, kw_only=True)
    nth: int | None = attrs.field(default=None, kw_only=True)
    day: int | None = attrs.field(default=None, kw_only=True)
    month: int | None = attrs.field(default=None, kw_only=True)
    count: int | None = attrs.field(default=None, kw_only=True)
    anchor: date | None = attrs.field(
        default=None, kw_only=True, validator=_optional(_instance("anchor", date))
    )
    until: date | None = attrs.field(
        default=None, kw_only=True, validator=_optional(_instance("until", date))
    )
    sessions: int | None = attrs.field(
        default=None, kw_only=True, validator=_optional(_nonneg_int("sessions"))
    )
    roll: Roll = attrs.field(default=Roll.FORWARD, kw_only=True, validator=_instance("roll", Roll))

    def __attrs_post_init__(self) -> None:
        def bad(path: str, message: str, value: object) -> InvalidData:
            return InvalidData(message, path=path, value=value)

        for name in ("weekday", "nth", "day", "month", "count"):
            v = getattr(self, name)
            if v is not None and type(v) is not int:
                raise bad(name, "must be an int", v)
        if self.interval < 1:
            raise bad("interval", "must be >= 1", self.interval)
        if self.sessions is not None and self.sessions < 1:
            raise bad("sessions", "must be >= 1", self.sessions)
        if self.weekday is not None and not 0 <= self.weekday <= 6:
            raise bad("weekday", "must be 0 (Monday) to 6 (Sunday)", self.weekday)
        if self.count is not None and self.count < 1:
            raise bad("count", "must be >= 1", self.count)
        if self.freq is Frequency.WEEKLY:
            if self.weekday is None:
                raise bad("weekday", "a weekly rule needs a weekday", None)
            for name in ("nth", "day", "month"):
                if getattr(self, name) is not None:
                    raise bad(name, "not allowed in a weekly rule", getattr(self, name))
        else:
            if (self.day is None) == (self.weekday is None):
                raise bad("day", "give either day or weekday (with nth)", self.day)
            if self.weekday is not None and self.nth is None:
                raise bad("nth", "a monthly weekday needs nth (1..5 or -1)", None)
            if self.nth is not None and (self.weekday is None or self.nth not in _NTH_EN):
                raise bad("nth", "must be 1..5 or -1, with a weekday", self.nth)
            if self.day is not None and not (1 <= self.day <= 31 or self.day == -1):
                raise bad("day", "must be 1..31 or -1 (last day)", self.day)
            if self.freq is Frequency.QUARTERLY:
                if self.month is not None and not 1 <= self.month <= 3:
                    raise bad("month", "must be 1..3 (month of the quarter)", self.month)
                if self.interval != 1:
                    raise bad("interval", "quarterly rules take interval 1", self.interval)
            elif self.freq is Frequency.YEARLY:
                if self.month is not None and not 1 <= self.month <= 12:
                    raise bad("month", "must be 1..12", self.month)
                m = self.month or 1
                limit = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[m - 1]
                if self.day is not None and self.day > limit:
                    raise bad("day", f"month {m} has no day {self.day}", self.day)
            elif self.month is not None:
                raise bad("month", "not allowed in a monthly rule", self.month)
        if (self.interval > 1 or self.count is not None) and self.anchor is None:
            raise bad("anchor", "interval > 1 and count need an anchor (first period)", None)
        if self.until is not None and self.anchor is not None and self.until < self.anchor:
            raise ValidityError("until must not be before anchor", path="until", value=self.until)

    @property
    def is_recurring(self) -> bool:
        """Always true."""
        return True

    def _is_period_end(self) -> bool:
        """Whether each occurrence is the last working day of its period ("at least once per ...")."""
        if self.roll is not Roll.BACKWARD:
            return False
        if self.freq is Frequency.WEEKLY:
            return self.weekday == 6
        if self.freq is Frequency.QUARTERLY:
            return self.day == -1 and self.month == 3
        if self.freq is Frequency.YEARLY:
            return self.day == -1 and self.month == 12
        return self.day == -1

    def _rrule(self, dtstart: date) -> _rr.rrule:
        kwargs: dict[str, Any] = {"interval": self.interval, "cache": False}
        if self.until is not None:
            kwargs["until"] = datetime.combine(self.until, time())
        if self.count is not None:
            kwargs["count"] = self.count
        if self.freq is Frequency.WEEKLY:
            freq = _rr.WEEKLY
            kwargs["byweekday"] = self.weekday
        else:
            freq = _rr.YEARLY if self.freq is Frequency.YEARLY else _rr.MONTHLY
            if self.day is not None:
                kwargs["bymonthday"] = self.day
            else:
                assert self.weekday is not None
                assert self.nth is not None
                kwargs["byweekday"] = _rr.weekday(self.weekday, self.nth)
            if self.freq is Frequency.QUARTERLY:
                m = self.month or 1
                kwargs["bymonth"] = (m, m + 3, m + 6, m + 9)
            elif self.freq is Frequency.YEARLY:
                kwargs["bymonth"] = self.month or 1
        return _rr.rrule(freq, dtstart=datetime.combine(dtstart, time()), **kwargs)  # type: ignore[arg-type]

    def occurrences(
        self, start: date | str, end: date | str, calendar: VietnamCalendar | None = None
    ) -> tuple[date, ...]:
        """The deadlines ``d`` with ``start <= d <= end`` (both inclusive), in order, after rolling.

        >>> from datetime import date
        >>> weekly = Recurring(freq=Frequency.WEEKLY, weekday=4, roll=Roll.BACKWARD)
        >>> weekly.occurrences(date(2026, 8, 24), date(2026, 9, 6))   # Fridays; 4/9 is worked
        (datetime.date(2026, 8, 28), datetime.date(2026, 9, 4))
        """
        lo = _start_date(start)
        hi = parse_day(end, arg="end")
        cal = _cal(calendar)
        if hi < lo:
            raise InvalidData(f"must not be before start ({lo.isoformat()})", path="end", value=hi)
        wlo, whi = lo - _MARGIN, hi + _MARGIN
        rule = self._rrule(self.anchor if self.anchor is not None else wlo)
        seen: set[date] = set()
        previous: date | None = None
        for moment in rule.between(
            datetime.combine(wlo, time()), datetime.combine(whi, time()), inc=True
        ):
            raw = moment.date()
            if not self.validity.contains(raw):
                continue
            day = _roll(cal, raw, self.roll)
            # rolling back past the previous occurrence means the period had no working day
            # at all (e.g. a week inside Tết): that period has no deadline
            crossed = self.roll is Roll.BACKWARD and previous is not None and day <= previous
            previous = raw
            if not crossed and lo <= day <= hi:
                seen.add(day)
        return tuple(sorted(seen))

    def due(self, start: date | str, calendar: VietnamCalendar | None = None) -> date:
        """The first occurrence on or after ``start`` (NotFound if the series has ended)."""
        return self._first_on_or_after(_start_date(start), _cal(calendar), 400)

    def describe(self, lang: str = "vi") -> str:
        """Short human text, e.g. ``'monthly, by the 14th'`` / ``'hằng tháng, trước ngày 14'``.

        A period-end series (the last day of each week, month, quarter or year, rolled back to
        a working day) reads "by the last working day of the <period>"; "at least N day(s) per
        <period>" is said only when :attr:`sessions` is set (citizen reception):

        >>> Recurring(freq=Frequency.MONTHLY, day=-1, roll=Roll.BACKWARD).describe("en")
        'monthly, by the last working day of the month'
        >>> Recurring(freq=Frequency.MONTHLY, day=-1, roll=Roll.BACKWARD).describe("vi")
        'hằng tháng, chậm nhất ngày làm việc cuối cùng của tháng'
        >>> Recurring(freq=Frequency.MONTHLY, day=-1, roll=Roll.BACKWARD, sessions=2).describe("en")
        'at least 2 days per month, by its last working day'
        """
        _check_lang(lang)
        en = lang == "en"
        n = self.sessions
        per = _PER[lang][self.freq.value]
        if self._is_period_end() and self.interval == 1:
            if n is not None:
                if en:
                    return (
                        f"at least {n} day{'s' if n > 1 else ''} per {per}, by its last working day"
                    )
                return f"ít nhất {n} ngày mỗi {per}, chậm nhất ngày làm việc cuối kỳ"
            head = _FREQ_WORD[lang][self.freq.value]
            if en:
                return f"{head}, by the last working day of the {per}"
            return f"{head}, chậm nhất ngày làm việc cuối cùng của {per}"
        text = f"{self._head(lang)}, {self._when(lang)}"
        if self.roll is Roll.BACKWARD:
            text += (
                " (a day off moves it to the working day before)"
                if en
                else " (trùng ngày nghỉ thì lùi về ngày làm việc liền trước)"
            )
        if n is not None:
            span = per if self.interval == 1 else ("period" if en else "kỳ")
            text += (
                f" (at least {n} day{'s' if n > 1 else ''} per {span})"
                if en
                else f" (ít nhất {n} ngày mỗi {span})"
            )
        return text

    def _head(self, lang: str) -> str:
        """How often: ``'monthly'``, ``'every 2 weeks'`` / ``'hằng tháng'``, ``'2 tuần một lần'``."""
        if self.interval == 1:
            return _FREQ_WORD[lang][self.freq.value]
        unit_en, unit_vi = _INTERVAL_UNIT[self.freq.value]
        if lang == "en":
            return f"every {self.interval} {unit_en}"
        return f"{self.interval} {unit_vi} một lần"

    def _when(self, lang: str) -> str:
        """Which day of the period: ``'on the first Monday'``, ``'by the 14th of month 3'``."""
        en = lang == "en"
        if self.weekday is not None and self.nth is None:
            what = f"on {_WEEKDAYS_EN[self.weekday]}" if en else f"vào {_WEEKDAYS_VI[self.weekday]}"
        elif self.weekday is not None and self.nth is not None:
            what = (
                f"on the {_NTH_EN[self.nth]} {_WEEKDAYS_EN[self.weekday]}"
                if en
                else f"vào {_WEEKDAYS_VI[self.weekday]} {_NTH_VI[self.nth]}"
            )
        elif self.day == -1:
            what = "by the last day" if en else "trước ngày cuối cùng"
        else:
            what = f"by the {_ordinal_en(self.day or 0)}" if en else f"trước ngày {self.day}"
        if self.freq is Frequency.QUARTERLY and (self.month or 1) != 1:
            what += (
                f" of month {self.month} of the quarter"
                if en
                else f" tháng thứ {self.month} của quý"
            )
        if self.freq is Frequency.YEARLY:
            what += f" of month {self.month or 1}" if en else f" tháng {self.month or 1}"
        return what


@attrs.frozen
class ReportingPeriod(_SeriesMixin, _RuleBase):
    """Periodic reports under Decree 09/2019/NĐ-CP art. 12: data cut-offs and submission.

    The data of a report runs from day ``cutoff_day + 1`` of the month before the period to
    day ``cutoff_day`` (14 in the Decree) of its last month: monthly 15th of the previous
    month to the 14th; quarterly 15th of the month before the quarter to the 14th of its last
    month; half-year 15/12 to 14/6; nine months 15/12 to 14/9; annual 15/12 to 14/12.

    The Decree leaves the submission deadline to each reporting regime: with
    ``submit_within=None`` the deadlines are the cut-off days themselves; otherwise they are
    ``submit_within`` ``submit_unit`` s after the cut-off (Civil Code counting, art. 148 roll).

    >>> from datetime import date
    >>> q = ReportingPeriod(period=ReportKind.QUARTERLY, submit_within=2)
    >>> [d.isoformat() for d in q.occurrences(date(2026, 1, 1), date(2026, 12, 31))]
    ['2026-03-17', '2026-06-16', '2026-09-16', '2026-12-16']
    >>> q.data_period(date(2026, 3, 14))
    (datetime.date(2025, 12, 15), datetime.date(2026, 3, 14))
    """

    kind: ClassVar[str] = "reporting_period"

    period: ReportKind = attrs.field(kw_only=True, validator=_instance("period", ReportKind))
    cutoff_day: int = attrs.field(default=14, kw_only=True)
    submit_within: int | None = attrs.field(
        default=None, kw_only=True, validator=_optional(_nonneg_int("submit_within"))
    )
    submit_unit: PeriodUnit = attrs.field(
        default=PeriodUnit.WORKING_DAYS,
        kw_only=True,
        validator=_instance("submit_unit", PeriodUnit),
    )

    def __attrs_post_init__(self) -> None:
        if type(self.cutoff_day) is not int or not 1 <= self.cutoff_day <= 28:
            raise InvalidData("must be an int 1..28", path="cutoff_day", value=self.cutoff_day)

    @property
    def is_recurring(self) -> bool:
        """Always true."""
        return True

    def cutoffs(self, start: date | str, end: date | str) -> tuple[date, ...]:
        """The data cut-off days in ``[start, end]`` (inclusive), within the validity."""
        lo = _start_date(start)
        hi = parse_day(end, arg="end")
        months = _REPORT_SPAN[self.period][1]
        out = []
        y, m = lo.year, lo.month
        while date(y, m, 1) <= hi:
            if m in months:
                c = date(y, m, self.cutoff_day)
                if lo <= c <= hi and self.validity.contains(c):
                    out.append(c)
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return tuple(out)

    def data_period(self, cutoff: date | str) -> tuple[date, date]:
        """The inclusive range of days whose data the report closing at ``cutoff`` covers."""
        c = _start_date(cutoff)
        span, months = _REPORT_SPAN[self.period]
        if c.day != self.cutoff_day or c.month not in months:
            raise InvalidData(
                f"not a {self.period.value} cut-off day (day {self.cutoff_day} of months {months})",
                path="cutoff",
                value=c,
            )
        return (c - relativedelta(months=span) + timedelta(days=1), c)

    def submission_due(self, cutoff: date | str, calendar: VietnamCalendar | None = None) -> date:
        """The submission deadline of the report closing at ``cutoff``."""
        c = _start_date(cutoff)
        if self.submit_within is None:
            return c
        return period_end(c, self.submit_within, self.submit_unit, _cal(calendar))

    def occurrences(
        self, start: date | str, end: date | str, calendar: VietnamCalendar | None = None
    ) -> tuple[date, ...]:
        """The submission deadlines ``d`` with ``start <= d <= end`` (inclusive), in order."""
        lo = _start_date(start)
        hi = parse_day(end, arg="end")
        if hi < lo:
            raise InvalidData(f"must not be before start ({lo.isoformat()})", path="end", value=hi)
        cal = _cal(calendar)
        back = 0 if self.submit_within is None else self.submit_within * 2 + 40
        if self.submit_within is not None and self.submit_unit in (
            PeriodUnit.MONTHS,
            PeriodUnit.YEARS,
        ):
            back = self.submit_within * 366 + 40
        elif self.submit_within is not None and self.submit_unit is PeriodUnit.WEEKS:
            back = self.submit_within * 7 + 40
        since = date.fromordinal(max(FIRST_DAY.toordinal(), lo.toordinal() - back))
        found = (self.submission_due(c, cal) for c in self.cutoffs(since, hi))
        return tuple(d for d in found if lo <= d <= hi)

    def due(self, start: date | str, calendar: VietnamCalendar | None = None) -> date:
        """The first submission deadline on or after ``start``."""
        return self._first_on_or_after(_start_date(start), _cal(calendar), 800)

    def describe(self, lang: str = "vi") -> str:
        """Short human text, e.g. ``'quarterly report: data to the 14th; ...'``."""
        _check_lang(lang)
        names_en = {
            "monthly": "monthly",
            "quarterly": "quarterly",
            "half_year": "half-year",
            "nine_months": "9-month",
            "annual": "annual",
        }
        names_vi = {
            "monthly": "tháng",
            "quarterly": "quý",
            "half_year": "6 tháng",
            "nine_months": "9 tháng",
            "annual": "năm",
        }
        c = self.cutoff_day
        if lang == "en":
            text = f"{names_en[self.period.value]} report, data cut-off on the {_ordinal_en(c)}"
            if self.submit_within is None:
                return text + "; submission deadline set by the reporting regime"
            one, many, _ = _UNIT_TEXT[self.submit_unit]
            unit = one if self.submit_within == 1 else many
            return text + f"; submit within {self.submit_within} {unit} after the cut-off"
        text = f"báo cáo {names_vi[self.period.value]}, chốt số liệu ngày {c}"
        if self.submit_within is None:
            return text + "; thời hạn gửi theo chế độ báo cáo"
        return (
            text
            + f"; gửi trong {self.submit_within} {_UNIT_TEXT[self.submit_unit][2]} sau ngày chốt"
        )


class UnsourcedPeriod(NotFound):
    """The rule states a duty but no period or frequency: there is no deadline to compute.

    Raised by :meth:`Unscheduled.due` (and so by ``Statute.due``). It is a
    :class:`~papi.errors.NotFound`, so code that caught the ``NotFound`` which
    :func:`papi.rules.statute` raised for such dates before keeps working. ``what`` is
    ``"deadline"``; ``value`` is the statute key when known, else the duty; ``duty`` and
    ``missing`` repeat the rule's texts and ``key`` the statute key (or ``None``).
    """

    def __init__(self, duty: str, missing: str, *, key: str | None = None) -> None:
        self.duty = duty
        self.missing = missing
        self.key = key
        context = f"(no computable deadline: {missing} is not yet sourced)"
        if key is not None:
            context = (
                f"(the duty applies: {duty}; no computable deadline: {missing} is not yet sourced)"
            )
        super().__init__("deadline", key if key is not None else duty, context=context)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_unsourced, (self.duty, self.missing, self.key))


def _rebuild_unsourced(duty: str, missing: str, key: str | None) -> UnsourcedPeriod:
    return UnsourcedPeriod(duty, missing, key=key)


UnsourcedPeriod.__module__ = "papi.rules"  # its public home (shown in tracebacks and docs)


@attrs.frozen
class Unscheduled(_RuleBase):
    """A duty in force whose period or frequency is not yet sourced: no computable deadline.

    It carries a legal basis and a validity like any rule, so a caller can show the duty and
    why it applies, without an invented figure. ``duty`` says what must be done and
    ``missing`` what could not be sourced (English; ``duty_vi`` and ``missing_vi`` in
    Vietnamese). :meth:`due` raises :class:`UnsourcedPeriod`; there is no ``occurrences`` and
    :attr:`is_recurring` is false, because no series can be computed.

    >>> rule = Unscheduled(duty="receive citizens", missing="the frequency")
    >>> rule.describe("en")
    'receive citizens; no computable deadline: the frequency is not yet sourced'
    >>> from datetime import date
    >>> rule.due(date(2026, 11, 25))
    Traceback (most recent call last):
    ...
    papi.rules.UnsourcedPeriod: unknown deadline 'receive citizens' (no computable deadline: ...)
    """

    kind: ClassVar[str] = "unscheduled"

    duty: str = attrs.field(kw_only=True, validator=_nonempty_str("duty"))
    missing: str = attrs.field(kw_only=True, validator=_nonempty_str("missing"))
    duty_vi: str | None = attrs.field(
        default=None, kw_only=True, validator=_optional(_nonempty_str("duty_vi"))
    )
    missing_vi: str | None = attrs.field(
        default=None, kw_only=True, validator=_optional(_nonempty_str("missing_vi"))
    )

    def due(self, start: date | datetime | str, calendar: VietnamCalendar | None = None) -> date:
        """Always raises :class:`UnsourcedPeriod` (after checking the arguments)."""
        _start_date(start)
        _cal(calendar)
        raise UnsourcedPeriod(self.duty, self.missing)

    def describe(self, lang: str = "vi") -> str:
        """The duty and what is missing, e.g. ``'...; no computable deadline: ... not yet sourced'``."""
        _check_lang(lang)
        if lang == "en":
            return f"{self.duty}; no computable deadline: {self.missing} is not yet sourced"
        return (
            f"{self.duty_vi or self.duty}; chưa tính được thời hạn: "
            f"chưa có nguồn về {self.missing_vi or self.missing}"
        )


Rule: TypeAlias = Fixed | After | Recurring | ReportingPeriod | Unscheduled
"""Any deadline rule."""


#: The rule classes by the ``type`` of their dict form.
RULE_TYPES: dict[str, type[Rule]] = {
    cls.kind: cls for cls in (Fixed, After, Recurring, ReportingPeriod, Unscheduled)
}
