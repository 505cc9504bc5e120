"""papi.rules: how rules and citations read (describe, Citation.text, citation_vi)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

import papi
from papi.governance import citation_vi as governance_citation_vi
from papi.rules import (
    Citation,
    Frequency,
    Recurring,
    Roll,
    Unscheduled,
    UnsourcedPeriod,
    citation_vi,
    rule_from_dict,
    statute,
    statutes,
)

PERIOD = {"weekly": ("week", "tuần"), "monthly": ("month", "tháng")}


# ---- describe: period-end series ---------------------------------------------------------------


def _period_end(freq: Frequency, sessions: int | None = None) -> Recurring:
    if freq is Frequency.WEEKLY:
        return Recurring(freq=freq, weekday=6, roll=Roll.BACKWARD, sessions=sessions)
    month = {Frequency.QUARTERLY: 3, Frequency.YEARLY: 12}.get(freq)
    return Recurring(freq=freq, day=-1, month=month, roll=Roll.BACKWARD, sessions=sessions)


@pytest.mark.parametrize("freq", list(Frequency))
def test_a_plain_period_end_duty_does_not_claim_a_minimum_number_of_days(freq: Frequency) -> None:
    rule = _period_end(freq)
    assert rule.sessions is None
    per_en = {"weekly": "week", "monthly": "month", "quarterly": "quarter", "yearly": "year"}
    per_vi = {"weekly": "tuần", "monthly": "tháng", "quarterly": "quý", "yearly": "năm"}
    en, vi = rule.describe("en"), rule.describe("vi")
    assert en == f"{freq.value}, by the last working day of the {per_en[freq.value]}"
    assert vi.endswith(f"chậm nhất ngày làm việc cuối cùng của {per_vi[freq.value]}")
    assert "at least" not in en
    assert "ít nhất" not in vi


def test_the_hanoi_monthly_evaluation_reads_monthly() -> None:
    # T9 of the Hanoi plan (Dispatch 3010/UBND-SNV ¶6): monthly, no minimum number of days
    rule = rule_from_dict(
        {"type": "recurring", "freq": "monthly", "day": -1, "roll": "backward"}, path="T9"
    )
    assert rule.describe("en") == "monthly, by the last working day of the month"
    assert rule.describe("vi") == "hằng tháng, chậm nhất ngày làm việc cuối cùng của tháng"
    assert "sessions" not in rule.to_dict()


@pytest.mark.parametrize("n", [1, 2])
def test_sessions_set_say_at_least_n_days(n: int) -> None:
    rule = _period_end(Frequency.MONTHLY, sessions=n)
    days = "day" if n == 1 else "days"
    assert rule.describe("en") == f"at least {n} {days} per month, by its last working day"
    assert rule.describe("vi") == f"ít nhất {n} ngày mỗi tháng, chậm nhất ngày làm việc cuối kỳ"
    # an explicit 1 survives the dict round trip (it is not the default any more)
    assert rule.to_dict()["sessions"] == n
    assert rule_from_dict(rule.to_dict()) == rule


def test_other_series_mention_sessions_only_when_set() -> None:
    friday = Recurring(freq=Frequency.WEEKLY, weekday=4, roll=Roll.BACKWARD)
    assert "at least" not in friday.describe("en")
    assert "working day before" in friday.describe("en")
    assert "lùi về ngày làm việc liền trước" in friday.describe("vi")
    twice = Recurring(freq=Frequency.MONTHLY, day=14, sessions=2)
    assert twice.describe("en") == "monthly, by the 14th (at least 2 days per month)"
    assert twice.describe("vi") == "hằng tháng, trước ngày 14 (ít nhất 2 ngày mỗi tháng)"
    assert Recurring(freq=Frequency.MONTHLY, day=14).describe("en") == "monthly, by the 14th"


def test_sessions_must_be_positive() -> None:
    with pytest.raises(papi.InvalidData, match="sessions"):
        Recurring(freq=Frequency.MONTHLY, day=14, sessions=0)


def test_citizen_reception_statutes_keep_their_minimum_days() -> None:
    expected = {
        "citizen_reception.commune_chair": "at least 1 day per week, by its last working day",
        "citizen_reception.district_chair": "at least 2 days per month, by its last working day",
        "citizen_reception.province_chair": "at least 1 day per month, by its last working day",
    }
    for key, text in expected.items():
        assert statute(key, on=date(2020, 1, 1)).rule.describe("en") == text


def test_every_statute_reads_in_both_languages() -> None:
    for s in statutes():
        en, vi = s.rule.describe("en"), s.rule.describe("vi")
        assert en != vi, s.key
        assert en.strip(), s.key
        assert vi.strip(), s.key
        assert "None" not in en + vi, s.key
        if isinstance(s.rule, Recurring):
            assert ("at least" in en) == (s.rule.sessions is not None), s.key
            assert ("ít nhất" in vi) == (s.rule.sessions is not None), s.key


# ---- Citation.text ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("article", "en", "vi"),
    [
        ("28", "Art 28", "Điều 28"),
        ("15(2)(d)", "Art 15(2)(d)", "điểm d khoản 2 Điều 15"),
        ("5(1)", "Art 5(1)", "khoản 1 Điều 5"),
        ("¶6", "¶6", "¶6"),
        ("Appendix II", "Appendix II", "Phụ lục II"),
        ("Phụ lục II", "Phụ lục II", "Phụ lục II"),
        ("Section 3", "Section 3", "Mục 3"),
        ("Mục 3", "Mục 3", "Mục 3"),
        ("Art 28", "Art 28", "Điều 28"),
        ("Điều 28", "Điều 28", "Điều 28"),
        ("khoản 2 Điều 5", "khoản 2 Điều 5", "khoản 2 Điều 5"),
    ],
)
def test_citation_text_respects_what_the_article_holds(article: str, en: str, vi: str) -> None:
    c = Citation("Law 02/2011/QH13", article)
    assert str(c) == c.text() == c.text("en") == f"Law 02/2011/QH13, {en}"
    assert c.text("vi") == f"Luật 02/2011/QH13, {vi}"


def test_a_paragraph_reference_is_not_called_an_article() -> None:
    c = Citation("Dispatch 3010/UBND-SNV", "¶6")
    assert str(c) == "Dispatch 3010/UBND-SNV, ¶6"
    assert c.text("vi") == "Công văn 3010/UBND-SNV, ¶6"


def test_citation_text_translates_the_document_kind() -> None:
    assert Citation("Decree 09/2019/NĐ-CP", "12").text("vi") == "Nghị định 09/2019/NĐ-CP, Điều 12"
    assert Citation("Circular 07/2013/TT-TTCP").text("vi") == "Thông tư 07/2013/TT-TTCP"
    assert Citation("164/KH-UBND", "2").text("vi") == "164/KH-UBND, Điều 2"
    with pytest.raises(papi.InvalidData, match="lang"):
        Citation("Law 02/2011/QH13").text("fr")


def test_every_statute_citation_reads_in_vietnamese() -> None:
    for s in statutes():
        for c in (s.citation, *s.also):
            vi = c.text("vi")
            for english in ("Art", "Law ", "Decree ", "Circular "):
                assert english not in vi, vi
            if c.article is not None:
                assert "Điều" in vi, vi
            assert citation_vi(str(c)) == vi


KINDS_VI = {
    "Law": "Luật",
    "Decree": "Nghị định",
    "Circular": "Thông tư",
    "Decision": "Quyết định",
    "Dispatch": "Công văn",
    "Plan": "Kế hoạch",
}
PARTS_VI = {"": "", "(1)": "khoản 1 ", "(2)(a)": "điểm a khoản 2 ", "(3)(đ)": "điểm đ khoản 3 "}


@given(st.sampled_from(sorted(KINDS_VI)), st.integers(1, 200), st.sampled_from(sorted(PARTS_VI)))
def test_citation_vi_translates_kind_and_article(kind: str, n: int, parts: str) -> None:
    text = f"{kind} {n}/2020/QH14, Art {n}{parts}"
    expected = f"{KINDS_VI[kind]} {n}/2020/QH14, {PARTS_VI[parts]}Điều {n}"
    assert citation_vi(text) == expected
    assert governance_citation_vi is citation_vi  # one implementation, re-exported


def test_citation_vi_leaves_what_it_does_not_know() -> None:
    assert citation_vi("Hanoi plan, §3") == "Hanoi plan, §3"
    assert citation_vi("Law on Arts 2020") == "Luật on Arts 2020"
    assert citation_vi("Dispatch 3010/UBND-SNV, ¶6") == "Công văn 3010/UBND-SNV, ¶6"


# ---- exports ----------------------------------------------------------------------------------


def test_unscheduled_and_unsourced_period_are_top_level() -> None:
    assert papi.Unscheduled is Unscheduled
    assert papi.UnsourcedPeriod is UnsourcedPeriod
    assert {"Unscheduled", "UnsourcedPeriod"} <= set(papi.__all__)
    assert list(papi.__all__) == sorted(papi.__all__, key=lambda n: (not n.isupper(), n))
    rule = statute("citizen_reception.commune_chair", on=date(2026, 11, 25)).rule
    assert isinstance(rule, papi.Unscheduled)
    with pytest.raises(papi.UnsourcedPeriod):
        rule.due(date(2026, 11, 25))
