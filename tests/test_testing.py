"""papi.testing: the strategies produce valid values of papi's public types."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from papi import testing as pt
from papi.dates import Validity
from papi.rules import Frequency, PeriodUnit, Recurring, rule_from_dict, statute
from papi.scoring import Scorecard, rank
from papi.territory import Level, hanoi_territory
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


# ---- domain strategies ------------------------------------------------------------------------


@given(pt.dimension_scores())
def test_dimension_scores_are_published_precision(x: float) -> None:
    assert 1.0 <= x <= 10.0
    assert round(x, 4) == x


@given(pt.scorecards())
def test_scorecards_are_complete_and_in_range(card: Scorecard) -> None:
    assert card.is_scored
    n = 8 if card.year >= 2018 else 6
    assert len(card.dimensions) == n
    assert card.total is not None
    assert n <= card.total <= 10 * n


@given(st.lists(pt.scorecards(years=[2022], complete=False), min_size=1, max_size=12))
def test_partial_scorecards_are_reported_unscored_by_rank(cards: list[Scorecard]) -> None:
    by_key = {key(c.province): c for c in cards}  # rank() rejects names with the same key
    unique = list(by_key.values())
    ranking = rank(unique)
    assert len(ranking.entries) + len(ranking.unscored) == len(unique)
    assert all(not c.is_scored for c in ranking.unscored)


@given(pt.rules())
def test_rules_round_trip_through_plan_dicts(rule: object) -> None:
    data = rule.to_dict()  # type: ignore[attr-defined]
    assert rule_from_dict(data, path="rule") == rule


@given(pt.period_rules(), pt.dates(date(2024, 1, 1), date(2027, 12, 31)))
def test_period_rules_end_after_the_event(rule: object, start: date) -> None:
    due = rule.due(start)  # type: ignore[attr-defined]
    assert due >= start
    if rule.unit is not PeriodUnit.WORKING_DAYS or rule.n > 0:  # type: ignore[attr-defined]
        assert due > start


@given(pt.recurring_rules())
def test_recurring_rules_give_sorted_series(rule: object) -> None:
    assert isinstance(rule, Recurring)
    series = rule.occurrences(date(2026, 1, 1), date(2026, 6, 30))
    assert list(series) == sorted(series)
    assert all(date(2026, 1, 1) <= d <= date(2026, 6, 30) for d in series)
    if rule.freq is Frequency.MONTHLY:
        assert len(series) >= 5


@given(pt.statute_keys(on=date(2026, 3, 1)))
def test_statute_keys_resolve(key_: str) -> None:
    assert statute(key_, on=date(2026, 3, 1)).key == key_


@given(pt.units(on=date(2022, 9, 30), level=Level.DISTRICT))
def test_units_before_the_reform(unit: object) -> None:
    assert unit.level is Level.DISTRICT  # type: ignore[attr-defined]


@given(pt.units())
def test_units_exist_in_hanoi(unit: object) -> None:
    assert hanoi_territory().get(unit.id) == unit  # type: ignore[attr-defined]


@settings(max_examples=25)
@given(pt.who_queries())
def test_who_queries_name_existing_communes(query: tuple[str, str, date]) -> None:
    subject, where, day = query
    assert subject in {f"D{n}" for n in range(1, 9)}
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        unit = hanoi_territory().unit(where, on=day)
    assert unit.level is Level.COMMUNE


@settings(max_examples=20)
@given(pt.accountabilities())
def test_accountabilities_are_real_answers(answer: object) -> None:
    import json

    from papi.io import dumps, loads

    doc = json.loads(dumps(answer))
    assert doc["schema"] == "papi.accountability/1"
    assert loads(dumps(answer)) == answer
    assert answer.where.level == "commune"  # type: ignore[attr-defined]


@given(pt.organizations())
def test_organizations_exist_on_some_day_and_are_registered(org: object) -> None:
    from papi.organizations import hanoi_organizations

    assert hanoi_organizations().get(org.id) == org  # type: ignore[attr-defined]


@given(pt.organizations(on=date(2026, 3, 1)))
def test_organizations_of_a_day_exist_that_day(org: object) -> None:
    assert org.validity.contains(date(2026, 3, 1))  # type: ignore[attr-defined]


@given(pt.citations())
def test_citations_carry_bare_articles_as_the_catalogue_writes_them(c: object) -> None:
    """Articles are bare (``"28"``, ``"15(2)(d)"``), like the statute catalogue's, so the
    article word is added once: ``Art 28`` / ``Điều 28``, never ``Art Art 28``."""
    import re

    from papi.rules import Citation

    assert isinstance(c, Citation)
    if c.article is None:
        assert str(c) == c.document
        return
    assert re.fullmatch(r"[0-9]+(\([0-9a-zđ]+\))*", c.article)
    assert str(c) == f"{c.document}, Art {c.article}"
    assert c.text("vi").endswith(f"Điều {c.article.split('(')[0]}")
    assert "Art" not in c.text("vi")
    assert Citation.from_dict(c.to_dict(), path="c") == c
