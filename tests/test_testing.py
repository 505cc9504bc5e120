"""papi.testing: the strategies produce valid values of papi's public types."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papi import testing as pt
from papi.dates import Validity
from papi.text import fold, key, nfc


@given(pt.dates())
def test_dates_stay_in_default_bounds(day: date) -> None:
    assert pt.MIN_DATE <= day <= pt.MAX_DATE


@given(st.data())
def test_dates_respect_custom_bounds(data: st.DataObject) -> None:
    lo = data.draw(pt.dates(), label="lo")
    hi = data.draw(pt.dates(min_value=lo), label="hi")
    assert lo <= data.draw(pt.dates(lo, hi)) <= hi


@given(pt.validities())
def test_validities_are_non_empty_and_inside_bounds(v: Validity) -> None:
    assert isinstance(v, Validity)
    if v.valid_from is not None:
        assert v.valid_from >= pt.MIN_DATE
        assert v.contains(v.valid_from)
    if v.valid_to is not None:
        assert v.valid_to <= pt.MAX_DATE
        assert not v.contains(v.valid_to)
    if v.valid_from is not None and v.valid_to is not None:
        assert v.valid_from < v.valid_to


@given(pt.validities(date(2025, 1, 1), date(2025, 12, 31), open_ends=False))
def test_closed_validities_have_both_bounds(v: Validity) -> None:
    assert v.valid_from is not None
    assert v.valid_to is not None
    assert date(2025, 1, 1) <= v.valid_from < v.valid_to <= date(2025, 12, 31)


def test_validities_reject_empty_range() -> None:
    with pytest.raises(ValueError, match="must be after"):
        pt.validities(date(2025, 1, 1), date(2025, 1, 1))


@given(pt.vietnamese_names())
def test_names_are_nfc_and_start_with_a_kind_word(name: str) -> None:
    assert name == nfc(name)
    assert any(name.startswith(k + " ") for k in pt.KIND_WORDS)
    assert key(name)  # something is left after the kind word


@given(pt.vietnamese_names(kind="Phường", min_syllables=2, max_syllables=2))
def test_names_honour_kind_and_length(name: str) -> None:
    assert name.startswith("Phường ")
    assert len(name.split()) == 3


@given(st.data())
def test_spellings_of_a_drawn_name_share_its_key(data: st.DataObject) -> None:
    name = data.draw(pt.vietnamese_names(), label="name")
    spelling = data.draw(pt.name_spellings(name), label="spelling")
    assert key(spelling) == key(name)
    assert fold(spelling).endswith(key(name))


@given(pt.name_spellings("Phường Hoàn Kiếm"))
def test_spellings_keep_the_ward_key(spelling: str) -> None:
    assert key(spelling) == "hoan kiem"


def test_spellings_really_vary() -> None:
    seen: set[str] = set()

    @given(pt.name_spellings("Phường Hoàn Kiếm"))
    def collect(spelling: str) -> None:
        seen.add(spelling)

    collect()
    assert any(unicodedata.is_normalized("NFD", s) and not s.isascii() for s in seen)
    assert any(s.isascii() for s in seen)
    assert any(s.strip().startswith("P") and not s.strip().startswith("Ph") for s in seen)
