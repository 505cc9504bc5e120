"""Hypothesis strategies for papi's public types, for property-testing your own code.

A portal that embeds papi can check that *its* code (a renderer, a cache, an API layer)
holds up for every date, name spelling, validity interval or answer papi can produce::

    from hypothesis import given
    from papi import testing as pt

    @given(pt.name_spellings("Phường Hoàn Kiếm"))
    def test_my_search_box_finds_the_ward(spelling):
        assert my_search(spelling) == "Phường Hoàn Kiếm"

This module needs `hypothesis <https://hypothesis.readthedocs.io>`_, which is not a runtime
dependency of papi: install the ``testing`` extra (``pip install "papi-vn[testing]"``) or the
``dev`` extra. Importing :mod:`papi.testing` without it raises :class:`ImportError` with that
advice.

Strategies over the packaged Hanoi data (:func:`units`, :func:`who_queries`,
:func:`accountabilities` ...) draw from the real model, so what they produce is exactly what
the library can return.

>>> from datetime import date
>>> from hypothesis import find
>>> find(dates(), lambda d: d.year == 2025) >= date(2025, 1, 1)
True
"""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - exercised only without hypothesis
    raise ImportError(
        "papi.testing needs hypothesis: pip install 'papi-vn[testing]' (or the 'dev' extra)"
    ) from exc

import warnings
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from papi.dates import Validity
from papi.text import nfc

if TYPE_CHECKING:
    from papi.governance import Accountability, Governance
    from papi.organizations import Organization, Organizations, OrgKind
    from papi.rules import Citation, Rule
    from papi.scoring import Scorecard
    from papi.territory import Level, Territory, Unit

_P = ParamSpec("_P")
_R = TypeVar("_R")

__all__ = [
    "KIND_WORDS",
    "MAX_DATE",
    "MIN_DATE",
    "SYLLABLES",
    "accountabilities",
    "citations",
    "dates",
    "dimension_scores",
    "name_spellings",
    "organizations",
    "period_rules",
    "recurring_rules",
    "rules",
    "scorecards",
    "statute_keys",
    "units",
    "validities",
    "vietnamese_names",
    "who_queries",
]

MIN_DATE = date(2011, 1, 1)
"""The earliest day the strategies produce by default: the first PAPI year."""
MAX_DATE = date(2030, 12, 31)
"""The latest day the strategies produce by default: a few years after the newest data."""

KIND_WORDS: tuple[str, ...] = (
    "Thành phố",
    "Tỉnh",
    "Quận",
    "Huyện",
    "Thị xã",
    "Phường",
    "Xã",
    "Thị trấn",
    "Đặc khu",
)
"""Kind words that open official Vietnamese unit names (NFC)."""

SYLLABLES: tuple[str, ...] = (
    "Hoàn",
    "Kiếm",
    "Ba",
    "Đình",
    "Đống",
    "Đa",
    "Hai",
    "Bà",
    "Trưng",
    "Tây",
    "Hồ",
    "Cầu",
    "Giấy",
    "Thanh",
    "Xuân",
    "Hoàng",
    "Mai",
    "Long",
    "Biên",
    "Hà",
    "Đông",
    "Sơn",
    "Thạch",
    "Thất",
    "Quốc",
    "Oai",
    "Chương",
    "Mỹ",
    "Ứng",
    "Hòa",
    "Phú",
    "Xuyên",
    "Thường",
    "Tín",
    "Mê",
    "Linh",
    "Sóc",
    "Gia",
    "Lâm",
    "Nội",
    "Tiến",
    "Trúc",
    "Bạch",
    "Văn",
    "Miếu",
    "Giám",
    "Lĩnh",
    "Nam",
    "Bắc",
    "Từ",
    "Liêm",
    "Yên",
    "Nghĩa",
    "Hưng",
    "Đạo",
)
"""Syllables seen in Hanoi's place names, with every kind of diacritic (NFC), including
``đ``/``Đ`` and stacked marks such as ``ế``/``ộ``.
"""


def dates(min_value: date = MIN_DATE, max_value: date = MAX_DATE) -> st.SearchStrategy[date]:
    """Days between ``min_value`` and ``max_value`` inclusive (default 2011-01-01 to
    2030-12-31). Shrinks towards ``min_value``.

    >>> from hypothesis import find
    >>> find(dates(date(2026, 2, 1), date(2026, 2, 28)), lambda d: d.weekday() == 6)
    datetime.date(2026, 2, 1)
    """
    return st.dates(min_value=min_value, max_value=max_value)


@st.composite
def _validities(draw: st.DrawFn, min_value: date, max_value: date, open_ends: bool) -> Validity:
    starts = dates(min_value, max_value - timedelta(days=1))
    start = draw(st.none() | starts) if open_ends else draw(starts)
    low = (start or min_value) + timedelta(days=1)
    end_strategy = dates(low, max_value)
    end = draw(st.none() | end_strategy) if open_ends else draw(end_strategy)
    return Validity(valid_from=start, valid_to=end)


def validities(
    min_value: date = MIN_DATE, max_value: date = MAX_DATE, *, open_ends: bool = True
) -> st.SearchStrategy[Validity]:
    """Non-empty half-open :class:`~papi.dates.Validity` intervals inside
    ``[min_value, max_value]``; with ``open_ends`` (the default) either bound may be ``None``
    (unbounded), as in papi's data.

    >>> from hypothesis import find
    >>> v = find(validities(open_ends=False), lambda v: True)
    >>> v.valid_from < v.valid_to
    True
    """
    if max_value <= min_value:
        raise ValueError(f"max_value {max_value} must be after min_value {min_value}")
    return _validities(min_value, max_value, open_ends)


@st.composite
def _names(draw: st.DrawFn, kind: str | None, min_syllables: int, max_syllables: int) -> str:
    word = kind if kind is not None else draw(st.sampled_from(KIND_WORDS))
    body = draw(
        st.lists(st.sampled_from(SYLLABLES), min_size=min_syllables, max_size=max_syllables)
    )
    return nfc(" ".join([word, *body]))


def vietnamese_names(
    *, kind: str | None = None, min_syllables: int = 1, max_syllables: int = 3
) -> st.SearchStrategy[str]:
    """Official-looking unit names in NFC: a kind word (``kind`` or one of
    :data:`KIND_WORDS`) followed by Vietnamese syllables, e.g. ``"Phường Văn Miếu Giám"``.

    >>> from hypothesis import find
    >>> find(vietnamese_names(kind="Xã"), lambda n: True)
    'Xã Hoàn'
    """
    if min_syllables < 1 or max_syllables < min_syllables:
        raise ValueError("need 1 <= min_syllables <= max_syllables")
    return _names(kind, min_syllables, max_syllables)


_ABBREVIATIONS = {
    "Thành phố": ("TP.", "Tp", "TP"),
    "Quận": ("Q.", "Q"),
    "Huyện": ("H.",),
    "Thị xã": ("TX.", "Tx"),
    "Phường": ("P.", "P"),
    "Xã": ("X.",),
    "Thị trấn": ("TT.",),
}


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.replace("đ", "d").replace("Đ", "D")


@st.composite
def _spellings(draw: st.DrawFn, name: str) -> str:
    text = nfc(name)
    kind = next(
        (k for k in sorted(KIND_WORDS, key=len, reverse=True) if text.startswith(k + " ")), None
    )
    if kind is not None and kind in _ABBREVIATIONS and draw(st.booleans()):
        short = draw(st.sampled_from(_ABBREVIATIONS[kind]))
        text = short + " " + text[len(kind) + 1 :]
    elif kind is not None and draw(st.booleans()):
        text = text[len(kind) + 1 :]
    if draw(st.booleans()):
        text = _strip_marks(text)
    case = draw(st.sampled_from(("keep", "lower", "upper")))
    if case == "lower":
        text = text.lower()
    elif case == "upper":
        text = text.upper()
    if draw(st.booleans()):
        text = "  " + text.replace(" ", "   ") + " "
    if draw(st.booleans()):
        return unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", text)


def name_spellings(name: str) -> st.SearchStrategy[str]:
    """Ways a person may type ``name`` that papi's lookups treat as the same name
    (:func:`papi.text.key`): NFD instead of NFC, no diacritics (``đ`` -> ``d``), other case,
    extra spaces, an abbreviated (``"P."``, ``"TP."``) or missing kind word.

    >>> from hypothesis import given
    >>> from papi.text import key
    >>> @given(name_spellings("Phường Hoàn Kiếm"))
    ... def check(spelling):
    ...     assert key(spelling) == key("Phường Hoàn Kiếm")
    >>> check()
    """
    return _spellings(name)


# ---- PAPI scorecards --------------------------------------------------------------------------


def dimension_scores() -> st.SearchStrategy[float]:
    """Dimension scores as PAPI publishes them: 1.0 to 10.0 with 4 decimals.

    >>> from hypothesis import find
    >>> find(dimension_scores(), lambda x: x > 5)
    5.0001
    """
    return st.integers(min_value=10_000, max_value=100_000).map(lambda n: n / 10_000)


@st.composite
def _scorecards(
    draw: st.DrawFn, years: Sequence[int], province: str | None, complete: bool
) -> Scorecard:
    from papi.framework import framework
    from papi.scoring import Scorecard

    year = draw(st.sampled_from(tuple(years)))
    name = province if province is not None else draw(vietnamese_names(kind="Tỉnh"))
    codes = [d.code for d in framework(year).dimensions]
    if not complete:
        codes = draw(st.lists(st.sampled_from(codes), unique=True, max_size=len(codes)))
    scores = {code: draw(dimension_scores()) for code in codes}
    return Scorecard(province=name, year=year, dimensions=scores)


def scorecards(
    *,
    years: Sequence[int] = tuple(range(2011, 2025)),
    province: str | None = None,
    complete: bool = True,
) -> st.SearchStrategy[Scorecard]:
    """Valid :class:`~papi.scoring.Scorecard` objects for the PAPI years ``years``: six
    dimensions before 2018, eight since, each from :func:`dimension_scores`. With
    ``complete=False`` some dimensions may be missing (an unscored province, as
    :func:`papi.scoring.rank` reports it). ``province`` fixes the name; by default a generated
    ``"Tỉnh ..."`` name.

    >>> from hypothesis import find
    >>> card = find(scorecards(years=[2021]), lambda c: True)
    >>> card.year, len(card.dimensions), card.total
    (2021, 8, 8.0)
    """
    if not years:
        raise ValueError("years must not be empty")
    return _scorecards(tuple(years), province, complete)


# ---- deadline rules ---------------------------------------------------------------------------


def citations() -> st.SearchStrategy[Citation]:
    """:class:`~papi.rules.Citation` objects of laws, decrees and plans, with no article or a
    bare article as the catalogue writes it (``"28"``, ``"15(2)"``, ``"15(2)(d)"``), so that
    ``str(citation)`` reads ``"Law 02/2011/QH13, Art 28"`` and ``citation.text("vi")`` reads
    ``"Luật 02/2011/QH13, Điều 28"``."""
    from papi.rules import Citation

    numbers = st.sampled_from(
        ("Law 02/2011/QH13", "Law 25/2018/QH14", "Decree 09/2019/NĐ-CP", "164/KH-UBND")
    )
    parts = st.sampled_from(("", "(1)", "(2)", "(2)(d)", "(3)(đ)"))
    bare = st.builds(lambda n, p: f"{n}{p}", st.integers(min_value=1, max_value=120), parts)
    return st.builds(Citation, document=numbers, article=st.none() | bare)


@st.composite
def _period_rules(draw: st.DrawFn, max_n: int) -> Rule:
    from papi.rules import After, PeriodUnit

    unit = draw(st.sampled_from(PeriodUnit))
    limit = {PeriodUnit.MONTHS: 24, PeriodUnit.YEARS: 5, PeriodUnit.WEEKS: 52}.get(unit, max_n)
    n = draw(st.integers(min_value=0 if unit is PeriodUnit.WORKING_DAYS else 1, max_value=limit))
    of = draw(st.sampled_from(("receipt", "acceptance", "the decision")))
    return After(n, unit, of=of, citation=draw(st.none() | citations()))


def period_rules(*, max_n: int = 90) -> st.SearchStrategy[Rule]:
    """:class:`~papi.rules.After` rules: ``n`` calendar days, working days, weeks, months or
    years after an event (``n <= max_n`` for days), as the statutes use them.

    >>> from datetime import date
    >>> from hypothesis import given
    >>> @given(period_rules(), dates(date(2024, 1, 1), date(2027, 12, 31)))
    ... def due_is_never_before_start(rule, start):
    ...     assert rule.due(start) >= start
    >>> due_is_never_before_start()
    """
    return _period_rules(max_n)


@st.composite
def _recurring_rules(draw: st.DrawFn) -> Rule:
    from papi.rules import Frequency, Recurring, Roll

    freq = draw(st.sampled_from((Frequency.WEEKLY, Frequency.MONTHLY, Frequency.QUARTERLY)))
    roll = draw(st.sampled_from(Roll))
    if freq is Frequency.WEEKLY:
        return Recurring(freq=freq, weekday=draw(st.integers(0, 6)), roll=roll)
    if draw(st.booleans()):
        day = draw(st.integers(1, 28) | st.just(-1))
        return Recurring(freq=freq, day=day, roll=roll)
    weekday = draw(st.integers(0, 4))
    nth = draw(st.sampled_from((1, 2, 3, -1)))
    return Recurring(freq=freq, weekday=weekday, nth=nth, roll=roll)


def recurring_rules() -> st.SearchStrategy[Rule]:
    """:class:`~papi.rules.Recurring` rules: weekly on a weekday, monthly or quarterly on a day
    of the month (``-1`` = the last) or on the nth weekday, with every :class:`~papi.rules.Roll`.
    """
    return _recurring_rules()


def rules() -> st.SearchStrategy[Rule]:
    """Any rule papi's plan files can hold: :func:`period_rules`, :func:`recurring_rules` and
    :class:`~papi.rules.Fixed` dates. Every one round-trips through
    :meth:`to_dict` / :func:`papi.rules.rule_from_dict`."""
    from papi.rules import Fixed

    fixed = st.builds(Fixed, on=dates(date(2020, 1, 1), date(2030, 12, 31)))
    return st.one_of(period_rules(), recurring_rules(), fixed)


def statute_keys(*, on: date | None = None) -> st.SearchStrategy[str]:
    """Keys of the statutory catalogue (``"complaint.first_instance"`` ...), only those in
    force on ``on`` when given."""
    from papi.rules import statutes

    keys = sorted({s.key for s in statutes() if on is None or s.validity.contains(on)})
    return st.sampled_from(keys)


# ---- territory and accountability ---------------------------------------------------------------


def _quiet_call(fn: Callable[_P, _R], *args: _P.args, **kwargs: _P.kwargs) -> _R:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # coverage notes: not what these strategies test
        return fn(*args, **kwargs)


@st.composite
def _units(
    draw: st.DrawFn, territory: Territory | None, on: date | None, level: Level | None
) -> Unit:
    from papi.territory import hanoi_territory

    terr = territory if territory is not None else hanoi_territory()
    day = on if on is not None else draw(dates(date(2025, 1, 1), date(2027, 12, 31)))
    found = _quiet_call(terr.units, level=level, on=day)
    if not found:
        raise ValueError(f"no unit of level {level} on {day}")
    return draw(st.sampled_from(found))


def units(
    *, territory: Territory | None = None, on: date | None = None, level: Level | None = None
) -> st.SearchStrategy[Unit]:
    """Units that exist on ``on`` (default: a day drawn from 2025-2027, before and after the
    2025-07-01 reform) in ``territory`` (default: the packaged Hanoi territory), optionally of
    one ``level``.

    >>> from hypothesis import given
    >>> from papi.territory import Level
    >>> @given(units(on=date(2026, 3, 1), level=Level.COMMUNE))
    ... def communes_exist_that_day(unit):
    ...     assert unit.exists_on(date(2026, 3, 1)) and unit.level is Level.COMMUNE
    >>> communes_exist_that_day()
    """
    return _units(territory, on, level)


@st.composite
def _organizations(
    draw: st.DrawFn, registry: Organizations | None, on: date | None, kind: OrgKind | None
) -> Organization:
    from papi.organizations import hanoi_organizations

    orgs = registry if registry is not None else hanoi_organizations()
    day = on if on is not None else draw(dates(date(2025, 1, 1), date(2027, 12, 31)))
    found = _quiet_call(orgs.organizations, kind=kind, on=day)
    if not found:
        raise ValueError(f"no organization of kind {kind} on {day}")
    return draw(st.sampled_from(found))


def organizations(
    *,
    registry: Organizations | None = None,
    on: date | None = None,
    kind: OrgKind | None = None,
) -> st.SearchStrategy[Organization]:
    """Organizations that exist on ``on`` (default: a day drawn from 2025-2027) in
    ``registry`` (default: the packaged Hanoi organizations), optionally of one ``kind``:
    People's Committees and Councils, departments before and after the March 2025 merger,
    inspectorates ...

    >>> from hypothesis import given
    >>> from papi.organizations import OrgKind
    >>> @given(organizations(on=date(2025, 3, 1), kind=OrgKind.DEPARTMENT))
    ... def merged_departments_exist(org):
    ...     assert org.validity.contains(date(2025, 3, 1)) and org.part_of == "ubnd:01"
    >>> merged_departments_exist()
    """
    return _organizations(registry, on, kind)


@st.composite
def _who_queries(draw: st.DrawFn, on: date | None) -> tuple[str, str, date]:
    from papi.territory import Level, hanoi_territory

    day = on if on is not None else draw(dates(date(2025, 1, 1), date(2027, 12, 31)))
    unit = draw(units(on=day, level=Level.COMMUNE))
    subject = draw(st.sampled_from(tuple(f"D{n}" for n in range(1, 9))))
    same_name = _quiet_call(hanoi_territory().find, unit.name, on=day)
    return subject, (unit.name if len(same_name) == 1 else unit.id), day


def who_queries(*, on: date | None = None) -> st.SearchStrategy[tuple[str, str, date]]:
    """``(subject, where, on)`` triples for :meth:`~papi.governance.Governance.who` on the
    packaged Hanoi data: a PAPI dimension code, a commune-level unit that exists on the day
    (its name, or its id where two units of that day share the name, e.g. the two
    *Phường Minh Khai* before the 2025 reform), and the day (``on``, or one drawn from
    2025-2027)."""
    return _who_queries(on)


@st.composite
def _accountabilities(
    draw: st.DrawFn, governance: Governance | None, on: date | None
) -> Accountability:
    from papi.datasets import hanoi

    gov = governance if governance is not None else _quiet_call(hanoi)
    subject, where, day = draw(who_queries(on=on))
    return _quiet_call(gov.who, subject, where=where, on=day)


def accountabilities(
    *, governance: Governance | None = None, on: date | None = None
) -> st.SearchStrategy[Accountability]:
    """Real :class:`~papi.governance.Accountability` answers: :meth:`who` asked with
    :func:`who_queries` of ``governance`` (default: :func:`papi.datasets.hanoi`). Use it to
    test a renderer or an API layer on every shape of answer (with and without succession
    hops, unknown holders, warnings).

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=5)
    ... @given(accountabilities(on=date(2026, 3, 1)))
    ... def round_trips(answer):
    ...     assert type(answer).from_dict(answer.to_dict()) == answer
    >>> round_trips()
    """
    return _accountabilities(governance, on)
