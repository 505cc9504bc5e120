"""Rule types, Civil Code period arithmetic and the dict form of rules (private; see papi.rules)."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta
from typing import Any, ClassVar, TypeAlias

import attrs
from dateutil import rrule as _rr
from dateutil.relativedelta import relativedelta

from papi.calendar import VietnamCalendar, default_calendar, received_on
from papi.dates import ALWAYS, Validity, parse_date
from papi.errors import InvalidData, NotFound, ValidityError

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
    "Unscheduled",
    "UnsourcedPeriod",
    "citation_vi",
    "period_end",
    "rule_from_dict",
]


# ----------------------------------------------------------------------------- enums
class PeriodUnit(enum.Enum):
    """The unit of a period. Values are the strings used in the dict form.

    Calendar units follow Civil Code arts. 147-148; ``WORKING_DAYS`` counts only working days
    (statutes that say "ngày làm việc"). New units (e.g. hours) may be added later: code
    should not assume this list is closed.
    """

    CALENDAR_DAYS = "calendar_days"
    WORKING_DAYS = "working_days"
    WEEKS = "weeks"
    MONTHS = "months"
    YEARS = "years"


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


# ----------------------------------------------------------------------------- helpers
def _cal(calendar: VietnamCalendar | None) -> VietnamCalendar:
    if calendar is None:
        return default_calendar()
    if not isinstance(calendar, VietnamCalendar):
        raise InvalidData("must be a VietnamCalendar", path="calendar", value=calendar)
    return calendar


def _nonneg_int(name: str) -> Callable[[Any, Any, Any], None]:
    def check(instance: Any, attribute: Any, value: Any) -> None:
        if type(value) is not int or value < 0:
            raise InvalidData("must be an int >= 0", path=name, value=value)

    return check


def _instance(name: str, kind: type | tuple[type, ...]) -> Callable[[Any, Any, Any], None]:
    def check(instance: Any, attribute: Any, value: Any) -> None:
        if not isinstance(value, kind) or (
            kind is date and isinstance(value, datetime)  # a date, not a datetime
        ):
            raise InvalidData(f"must be a {_kind_name(kind)}", path=name, value=value)

    return check


def _optional(check: Callable[[Any, Any, Any], None]) -> Callable[[Any, Any, Any], None]:
    def wrapped(instance: Any, attribute: Any, value: Any) -> None:
        if value is not None:
            check(instance, attribute, value)

    return wrapped


def _kind_name(kind: type | tuple[type, ...]) -> str:
    if isinstance(kind, tuple):
        return " or ".join(k.__name__ for k in kind)
    return kind.__name__


def _start_date(
    start: object, rule: After | None = None, calendar: VietnamCalendar | None = None
) -> date:
    if rule is not None and rule.receipt_cutoff is not None and isinstance(start, datetime):
        return received_on(start, calendar, office_close=rule.receipt_cutoff)
    if type(start) is date:
        return start
    return parse_date(start, path="start")


def _ordinal_en(n: int) -> str:
    if n == -1:
        return "last"
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAYS_VI = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")
_NTH_EN = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last"}
_NTH_VI = {1: "đầu tiên", 2: "thứ hai", 3: "thứ ba", 4: "thứ tư", 5: "thứ năm", -1: "cuối cùng"}


def _check_lang(lang: str) -> None:
    if lang not in ("vi", "en"):
        raise InvalidData("must be 'vi' or 'en'", path="lang", value=lang)


# ----------------------------------------------------------------------------- Civil Code
def period_end(
    event: date | str,
    n: int,
    unit: PeriodUnit,
    calendar: VietnamCalendar | None = None,
    *,
    roll: bool = True,
) -> date:
    """The last day of a period of ``n`` ``unit`` s that starts with ``event``.

    Civil Code 91/2015/QH13: the event day is not counted (art. 147), so the period covers
    ``(event, end]``; weeks end on the corresponding weekday, months on the same day of the
    month or the last day of a shorter month, years on the same day and month (art. 148); if
    the last day is not a working day and ``roll`` is true, the period ends on the next working
    day (art. 148). Working days count only working days of ``calendar`` (``n = 0``: the event
    day if it is a working day, else the next one).

    >>> from datetime import date
    >>> period_end(date(2026, 1, 20), 30, PeriodUnit.CALENDAR_DAYS)   # 19/2 is Tết
    datetime.date(2026, 2, 23)
    >>> period_end(date(2026, 1, 31), 1, PeriodUnit.MONTHS)           # no 31/2 -> 28/2 (Sat) -> 2/3
    datetime.date(2026, 3, 2)
    >>> period_end(date(2026, 1, 31), 1, PeriodUnit.MONTHS, roll=False)
    datetime.date(2026, 2, 28)
    """
    day = event if type(event) is date else parse_date(event, path="event")
    if type(n) is not int or n < 0:
        raise InvalidData("must be an int >= 0", path="n", value=n)
    if not isinstance(unit, PeriodUnit):
        raise InvalidData("must be a PeriodUnit", path="unit", value=unit)
    cal = _cal(calendar)
    if unit is PeriodUnit.WORKING_DAYS:
        return cal.add_working_days(day, n)
    if unit is PeriodUnit.CALENDAR_DAYS:
        end = day + timedelta(days=n)
    elif unit is PeriodUnit.WEEKS:
        end = day + timedelta(weeks=n)
    elif unit is PeriodUnit.MONTHS:
        end = day + relativedelta(months=n)
    else:
        end = day + relativedelta(years=n)
    return cal.roll_forward(end) if roll else end


# ----------------------------------------------------------------------------- Citation
def _nonempty_str(name: str) -> Callable[[Any, Any, Any], None]:
    def check(instance: Any, attribute: Any, value: Any) -> None:
        if not isinstance(value, str) or not value.strip():
            raise InvalidData("must be a non-empty string", path=name, value=value)

    return check


_KIND_VI = {
    "law": "Luật",
    "decree": "Nghị định",
    "resolution": "Nghị quyết",
    "decision": "Quyết định",
    "circular": "Thông tư",
    "plan": "Kế hoạch",
    "dispatch": "Công văn",
    "directive": "Chỉ thị",
    "code": "Bộ luật",
    "civil code": "Bộ luật Dân sự",
}
_ARTICLE_NUMBER = re.compile(
    r"^(?P<art>[0-9]+[a-z]?)(?P<parts>(?:\([0-9a-zđ]+\))*)$", re.IGNORECASE
)
_ARTICLE_WORD = re.compile(r"^(?:article|arts?\.?)\s*(?=[0-9])", re.IGNORECASE)
_KEEP = ("¶", "phụ lục", "mục", "điều", "khoản", "điểm")
_EN_WORDS = (("appendix", "Phụ lục"), ("section", "Mục"))
_CITATION_TEXT = re.compile(
    r"^(?P<document>.+?)(?:,\s*|\s+)"
    r"(?P<article>(?:article|arts?\.?)\s*[0-9].*|¶\s*\S.*|(?:appendix|section)\s+\S.*)$",
    re.IGNORECASE,
)


def _document_vi(document: str) -> str:
    """``Law 02/2011/QH13`` -> ``Luật 02/2011/QH13`` (unknown kinds left as they are)."""
    low = document.lower()
    for kind in sorted(_KIND_VI, key=len, reverse=True):
        if low.startswith(kind + " "):
            return f"{_KIND_VI[kind]} {document[len(kind) + 1 :]}"
    return document


def _article_text(article: str, lang: str) -> str:
    """The article part of a citation in ``lang``; see :meth:`Citation.text`."""
    article = article.strip()
    low = article.lower()
    if lang == "en":
        if article.startswith(_KEEP[0]) or low.startswith(("appendix", "section", "art")):
            return article
        if low.startswith(_KEEP[1:]):
            return article
        return f"Art {article}"
    if article.startswith(_KEEP[0]) or low.startswith(_KEEP[1:]):
        return article
    for en, vi in _EN_WORDS:
        if low.startswith(en):
            return f"{vi}{article[len(en) :]}"
    bare = _ARTICLE_WORD.sub("", article)
    m = _ARTICLE_NUMBER.match(bare)
    if m is None:
        return f"Điều {bare}"
    parts = re.findall(r"\(([0-9a-zđ]+)\)", m["parts"], flags=re.IGNORECASE)
    where = f"Điều {m['art']}"
    if parts:
        where = f"khoản {parts[0]} {where}"
    if len(parts) > 1:
        where = f"điểm {parts[1]} {where}"
    return where


def citation_vi(text: str) -> str:
    """A citation written in English (``str(citation)`` or as in the data files) rendered the
    Vietnamese way: the kind of document translated, ``Art 15(2)(d)`` -> ``điểm d khoản 2
    Điều 15``. Text it does not recognise is returned unchanged.

    >>> citation_vi("Law 42/2013/QH13, Art 15(2)(d)")
    'Luật 42/2013/QH13, điểm d khoản 2 Điều 15'
    >>> citation_vi("Law 72/2025/QH15 art. 51(3)"), citation_vi("Decree 118/2025/NĐ-CP")
    ('Luật 72/2025/QH15, khoản 3 Điều 51', 'Nghị định 118/2025/NĐ-CP')
    >>> citation_vi("Dispatch 3010/UBND-SNV, ¶6")
    'Công văn 3010/UBND-SNV, ¶6'
    """
    text = text.strip()
    m = _CITATION_TEXT.match(text)
    if m is None or not any(ch.isdigit() for ch in m["document"]):
        return _document_vi(text)
    return f"{_document_vi(m['document'])}, {_article_text(m['article'], 'vi')}"


@attrs.frozen
class Citation:
    """The legal basis of a rule: a document number and, where known, its article.

    >>> print(Citation("Law 02/2011/QH13", "28"))
    Law 02/2011/QH13, Art 28
    >>> print(Citation("Decree 118/2025/NĐ-CP"))
    Decree 118/2025/NĐ-CP
    """

    document: str = attrs.field(validator=_nonempty_str("citation.document"))
    article: str | None = attrs.field(
        default=None, validator=_optional(_nonempty_str("citation.article"))
    )
    title: str | None = attrs.field(
        default=None, validator=_optional(_instance("citation.title", str))
    )
    url: str | None = attrs.field(default=None, validator=_optional(_instance("citation.url", str)))

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: str = "en") -> str:
        """The citation as written in ``lang`` (``"en"`` or ``"vi"``).

        A bare article number (``"28"``, ``"15(2)(d)"``) gets the article word: ``Art 28`` in
        English, ``Điều 28`` / ``điểm d khoản 2 Điều 15`` in Vietnamese. An article field that
        already says what it is (``"¶6"``, ``"Appendix II"``, ``"Section 3"``, ``"Art 5"``,
        ``"Điều 5"``, ``"khoản 2 Điều 5"``) is printed as it is (in Vietnamese, the English
        words are translated: Appendix -> Phụ lục, Section -> Mục, Art -> Điều). In Vietnamese
        the kind of document is translated too (Law -> Luật, Decree -> Nghị định ...).

        >>> c = Citation("Law 02/2011/QH13", "28")
        >>> c.text(), c.text("vi")
        ('Law 02/2011/QH13, Art 28', 'Luật 02/2011/QH13, Điều 28')
        >>> Citation("Law 42/2013/QH13", "15(2)(d)").text("vi")
        'Luật 42/2013/QH13, điểm d khoản 2 Điều 15'
        >>> print(Citation("Dispatch 3010/UBND-SNV", "¶6"))
        Dispatch 3010/UBND-SNV, ¶6
        >>> Citation("Decision 1234/QĐ-UBND", "Appendix II").text("vi")
        'Quyết định 1234/QĐ-UBND, Phụ lục II'
        """
        _check_lang(lang)
        document = self.document if lang == "en" else _document_vi(self.document)
        if self.article is None:
            return document
        return f"{document}, {_article_text(self.article, lang)}"

    def to_dict(self) -> dict[str, object]:
        """The dict form (keys with ``None`` values left out)."""
        out: dict[str, object] = {"document": self.document}
        for key in ("article", "title", "url"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out

    @classmethod
    def from_dict(cls, data: object, *, path: str) -> Citation:
        """Read the dict form; unknown keys and wrong types raise InvalidData naming the path."""
        m = _mapping(data, path)
        _no_unknown(m, {"document", "article", "title", "url"}, path)
        if "document" not in m:
            raise InvalidData("missing key", path=f"{path}.document")
        values = {k: _str(m[k], f"{path}.{k}") for k in m}
        return cls(**values)


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

    def _common_dict(self) -> dict[str, object]:
        out: dict[str, object] = {}
        if self.validity.valid_from is not None:
            out["effective_from"] = self.validity.valid_from.isoformat()
        if self.validity.valid_to is not None:
            out["effective_to"] = self.validity.valid_to.isoformat()
        if self.citation is not None:
            out["citation"] = self.citation.to_dict()
        return out


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

    def to_dict(self) -> dict[str, object]:
        """The dict form, read back by :func:`rule_from_dict`."""
        return {"type": self.kind, "on": self.on.isoformat(), **self._common_dict()}


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
            end = day - _STEP[self.unit] * self.n
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

    def to_dict(self) -> dict[str, object]:
        """The dict form, read back by :func:`rule_from_dict`."""
        out: dict[str, object] = {"type": self.kind, "n": self.n, "unit": self.unit.value}
        if self.of != "event":
            out["of"] = self.of
        if self.of_vi is not None:
            out["of_vi"] = self.of_vi
        if not self.roll:
            out["roll"] = False
        if self.before:
            out["before"] = True
        if self.receipt_cutoff is not None:
            t = self.receipt_cutoff
            exact = t.second or t.microsecond
            out["receipt_cutoff"] = t.isoformat() if exact else t.isoformat(timespec="minutes")
        out.update(self._common_dict())
        return out


_STEP = {
    PeriodUnit.CALENDAR_DAYS: relativedelta(days=1),
    PeriodUnit.WEEKS: relativedelta(weeks=1),
    PeriodUnit.MONTHS: relativedelta(months=1),
    PeriodUnit.YEARS: relativedelta(years=1),
}


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
    anchor: date | None = attrs.field(
        default=None, kw_only=True, validator=_optional(_instance("anchor", date))
    )
    until: date | None = attrs.field(
        default=None, kw_only=True, validator=_optional(_instance("until", date))
    )
    count: int | None = attrs.field(default=None, kw_only=True)
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
        hi = end if type(end) is date else parse_date(end, path="end")
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
        per_en = {"weekly": "week", "monthly": "month", "quarterly": "quarter", "yearly": "year"}
        per_vi = {"weekly": "tuần", "monthly": "tháng", "quarterly": "quý", "yearly": "năm"}
        freq_en = {
            "weekly": "weekly",
            "monthly": "monthly",
            "quarterly": "quarterly",
            "yearly": "yearly",
        }
        freq_vi = {
            "weekly": "hằng tuần",
            "monthly": "hằng tháng",
            "quarterly": "hằng quý",
            "yearly": "hằng năm",
        }
        n = self.sessions
        if self._is_period_end() and self.interval == 1:
            per = (per_en if en else per_vi)[self.freq.value]
            if n is not None:
                if en:
                    return (
                        f"at least {n} day{'s' if n > 1 else ''} per {per}, by its last working day"
                    )
                return f"ít nhất {n} ngày mỗi {per}, chậm nhất ngày làm việc cuối kỳ"
            head = (freq_en if en else freq_vi)[self.freq.value]
            if en:
                return f"{head}, by the last working day of the {per}"
            return f"{head}, chậm nhất ngày làm việc cuối cùng của {per}"
        head = (freq_en if en else freq_vi)[self.freq.value]
        if self.interval > 1:
            unit = {
                "weekly": ("weeks", "tuần"),
                "monthly": ("months", "tháng"),
                "yearly": ("years", "năm"),
            }[self.freq.value]
            head = (
                f"every {self.interval} {unit[0]}" if en else f"{self.interval} {unit[1]} một lần"
            )
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
        text = f"{head}, {what}"
        if self.roll is Roll.BACKWARD:
            text += (
                " (a day off moves it to the working day before)"
                if en
                else " (trùng ngày nghỉ thì lùi về ngày làm việc liền trước)"
            )
        if n is not None:
            span = (per_en if en else per_vi)[self.freq.value]
            if self.interval > 1:
                span = "period" if en else "kỳ"
            text += (
                f" (at least {n} day{'s' if n > 1 else ''} per {span})"
                if en
                else f" (ít nhất {n} ngày mỗi {span})"
            )
        return text

    def to_dict(self) -> dict[str, object]:
        """The dict form, read back by :func:`rule_from_dict`."""
        out: dict[str, object] = {"type": self.kind, "freq": self.freq.value}
        if self.interval != 1:
            out["interval"] = self.interval
        for name in ("weekday", "nth", "day", "month", "count"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        for name in ("anchor", "until"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value.isoformat()
        if self.sessions is not None:
            out["sessions"] = self.sessions
        if self.roll is not Roll.FORWARD:
            out["roll"] = self.roll.value
        out.update(self._common_dict())
        return out


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
        hi = end if type(end) is date else parse_date(end, path="end")
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
        hi = end if type(end) is date else parse_date(end, path="end")
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
        found = (self.submission_due(c, cal) for c in self.cutoffs(lo - timedelta(days=back), hi))
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

    def to_dict(self) -> dict[str, object]:
        """The dict form, read back by :func:`rule_from_dict`."""
        out: dict[str, object] = {"type": self.kind, "period": self.period.value}
        if self.cutoff_day != 14:
            out["cutoff_day"] = self.cutoff_day
        if self.submit_within is not None:
            out["submit_within"] = self.submit_within
        if self.submit_unit is not PeriodUnit.WORKING_DAYS:
            out["submit_unit"] = self.submit_unit.value
        out.update(self._common_dict())
        return out


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

    def to_dict(self) -> dict[str, object]:
        """The dict form, read back by :func:`rule_from_dict`."""
        out: dict[str, object] = {"type": self.kind, "duty": self.duty, "missing": self.missing}
        if self.duty_vi is not None:
            out["duty_vi"] = self.duty_vi
        if self.missing_vi is not None:
            out["missing_vi"] = self.missing_vi
        out.update(self._common_dict())
        return out


Rule: TypeAlias = Fixed | After | Recurring | ReportingPeriod | Unscheduled
"""Any deadline rule."""


# ----------------------------------------------------------------------------- dict form
def _mapping(data: object, path: str) -> Mapping[str, object]:
    if not isinstance(data, Mapping):
        raise InvalidData("must be a mapping", path=path, value=data)
    for k in data:
        if not isinstance(k, str):
            raise InvalidData("keys must be strings", path=path, value=k)
    return data


def _no_unknown(m: Mapping[str, object], allowed: set[str], path: str) -> None:
    for k in m:
        if k not in allowed:
            raise InvalidData(
                f"unknown key (allowed: {', '.join(sorted(allowed))})", path=f"{path}.{k}", value=k
            )


def _str(value: object, path: str) -> str:
    if not isinstance(value, str):
        raise InvalidData("must be a string", path=path, value=value)
    return value


def _int(value: object, path: str) -> int:
    if type(value) is not int:
        raise InvalidData("must be an integer", path=path, value=value)
    return value


def _bool(value: object, path: str) -> bool:
    if type(value) is not bool:
        raise InvalidData("must be true or false", path=path, value=value)
    return value


def _enum(cls: type[enum.Enum], value: object, path: str) -> Any:
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(repr(e.value) for e in cls)
        raise InvalidData(f"must be one of {allowed}", path=path, value=value) from None


def _time(value: object, path: str) -> time:
    if isinstance(value, str):
        try:
            return time.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidData("not a time in the form HH:MM", path=path, value=value)


_COMMON = {"type", "effective_from", "effective_to", "citation"}
_FIELDS: dict[str, dict[str, str]] = {
    # key -> converter name
    "fixed": {"on": "date"},
    "after": {
        "n": "int",
        "unit": "unit",
        "of": "str",
        "of_vi": "str",
        "roll": "bool",
        "receipt_cutoff": "time",
        "before": "bool",
    },
    "recurring": {
        "freq": "freq",
        "interval": "int",
        "weekday": "int",
        "nth": "int",
        "day": "int",
        "month": "int",
        "anchor": "date",
        "until": "date",
        "count": "int",
        "sessions": "int",
        "roll": "roll",
    },
    "unscheduled": {"duty": "str", "missing": "str", "duty_vi": "str", "missing_vi": "str"},
    "reporting_period": {
        "period": "report",
        "cutoff_day": "int",
        "submit_within": "int",
        "submit_unit": "unit",
    },
}
_REQUIRED = {
    "fixed": ("on",),
    "after": ("n", "unit"),
    "recurring": ("freq",),
    "reporting_period": ("period",),
    "unscheduled": ("duty", "missing"),
}
_CLASSES: dict[str, type[Any]] = {
    "fixed": Fixed,
    "after": After,
    "recurring": Recurring,
    "reporting_period": ReportingPeriod,
    "unscheduled": Unscheduled,
}


def _convert(kind: str, value: object, path: str) -> object:
    if kind == "int":
        return _int(value, path)
    if kind == "str":
        return _str(value, path)
    if kind == "bool":
        return _bool(value, path)
    if kind == "date":
        if not isinstance(value, (str, date)) or isinstance(value, datetime):
            raise InvalidData("not a date in the form YYYY-MM-DD", path=path, value=value)
        return parse_date(value, path=path)
    if kind == "time":
        return value if isinstance(value, time) else _time(value, path)
    if kind == "unit":
        return _enum(PeriodUnit, value, path)
    if kind == "freq":
        return _enum(Frequency, value, path)
    if kind == "roll":
        return _enum(Roll, value, path)
    return _enum(ReportKind, value, path)


def rule_from_dict(data: Mapping[str, object], *, path: str = "rule") -> Rule:
    """Build a rule from its dict form (as written by ``rule.to_dict()``).

    ``{"statute": "<key>"}`` (optionally with ``"on": "YYYY-MM-DD"``) resolves to the rule of
    that entry of the statutory catalogue. Unknown keys, missing keys, wrong types and
    invalid values raise :class:`~papi.errors.InvalidData` whose ``path`` names the offending
    key; an inverted ``effective_from``/``effective_to`` raises
    :class:`~papi.errors.ValidityError`.

    >>> rule = rule_from_dict({"type": "after", "n": 30, "unit": "calendar_days", "of": "acceptance"})
    >>> rule.describe("en")
    '30 days after acceptance'
    >>> rule_from_dict({"type": "after", "n": 30, "units": "days"}, path="tasks[2].deadline")
    Traceback (most recent call last):
    ...
    papi.errors.InvalidData: tasks[2].deadline.units: unknown key (allowed: ...) (value: 'units')
    """
    m = _mapping(data, path)
    if "statute" in m:
        return _statute_rule(m, path)
    if "type" not in m:
        raise InvalidData("missing key 'type' (or 'statute')", path=f"{path}.type")
    kind = m["type"]
    if kind not in _FIELDS:
        raise InvalidData(
            f"unknown rule type (allowed: {', '.join(sorted(_FIELDS))})",
            path=f"{path}.type",
            value=kind,
        )
    assert isinstance(kind, str)
    fields = _FIELDS[kind]
    _no_unknown(m, set(fields) | _COMMON, path)
    for req in _REQUIRED[kind]:
        if req not in m:
            raise InvalidData("missing key", path=f"{path}.{req}")
    kwargs: dict[str, object] = {}
    for key, conv in fields.items():
        if key in m:
            kwargs[key] = _convert(conv, m[key], f"{path}.{key}")
    lo = (
        _convert("date", m["effective_from"], f"{path}.effective_from")
        if m.get("effective_from") is not None
        else None
    )
    hi = (
        _convert("date", m["effective_to"], f"{path}.effective_to")
        if m.get("effective_to") is not None
        else None
    )
    try:
        kwargs["validity"] = Validity(valid_from=lo, valid_to=hi)  # type: ignore[arg-type]
    except ValidityError as e:
        raise ValidityError(
            f"effective_to must be after effective_from ({lo})",
            path=f"{path}.effective_to",
            value=hi,
        ) from e
    if "citation" in m:
        kwargs["citation"] = Citation.from_dict(m["citation"], path=f"{path}.citation")
    try:
        rule: Rule = _CLASSES[kind](**kwargs)
    except InvalidData as e:
        raise type(e)(str(e.problems[0].message), path=f"{path}.{e.path}", value=e.value) from e
    return rule


def _statute_rule(m: Mapping[str, object], path: str) -> Rule:
    from papi._rules_catalogue import statute

    _no_unknown(m, {"statute", "on"}, path)
    key = _str(m["statute"], f"{path}.statute")
    on = (
        parse_date(_str(m["on"], f"{path}.on"), path=f"{path}.on")
        if m.get("on") is not None
        else None
    )
    try:
        return statute(key, on=on).rule
    except NotFound as e:
        raise InvalidData(str(e), path=f"{path}.statute", value=key) from e
