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

from papi.dates import Validity
from papi.text import nfc

__all__ = [
    "KIND_WORDS",
    "SYLLABLES",
    "dates",
    "name_spellings",
    "validities",
    "vietnamese_names",
]

#: The earliest and latest days the strategies produce by default: from the first PAPI year
#: to a few years after the newest data.
MIN_DATE = date(2011, 1, 1)
MAX_DATE = date(2030, 12, 31)

#: Kind words that open official Vietnamese unit names (NFC).
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

#: Syllables seen in Hanoi's place names, with every kind of diacritic (NFC), including
#: ``đ``/``Đ`` and stacked marks such as ``ế``/``ộ``.
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
