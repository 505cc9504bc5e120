"""Tests for papi.scoring: scorecards, ranking, groups, change and targets (synthetic data)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from papi.errors import InvalidData, NotFound, PapiError
from papi.scoring import (
    SUM_TOLERANCE,
    Group,
    Scorecard,
    change,
    group_for_rank,
    group_limits,
    hanoi_results,
    load_results,
    load_table,
    rank,
    target,
)

DIMS8 = tuple(f"D{i}" for i in range(1, 9))
DIMS6 = DIMS8[:6]


def card(name: str, total: float, year: int = 2022, **kw: object) -> Scorecard:
    """A scorecard whose dimensions are all total/n (so the total is ``total``)."""
    dims = DIMS8 if year >= 2018 else DIMS6
    return Scorecard(
        province=name, year=year, dimensions=dict.fromkeys(dims, total / len(dims)), **kw
    )  # type: ignore[arg-type]


# ---- scorecards ------------------------------------------------------------------------------
def test_total_is_the_sum_of_dimensions_rounded_to_4_decimals() -> None:
    hn = Scorecard(
        province="Hà Nội",
        year=2021,
        dimensions={
            "D1": 5.0100, "D2": 5.9333, "D3": 4.3293, "D4": 7.0757,
            "D5": 7.5372, "D6": 7.7945, "D7": 3.1609, "D8": 3.6057,
        },
    )  # fmt: skip
    assert hn.total == 44.4466
    assert hn.is_scored
    assert hn.missing == ()
    assert hn.total_range == (8.0, 80.0)
    assert card("x", 30.0, year=2015).total_range == (6.0, 60.0)


@pytest.mark.parametrize("value", [0.99, 10.01, -1.0, math.nan, math.inf, "7", True, None])
def test_dimension_out_of_range_or_not_a_number_is_rejected(value: object) -> None:
    with pytest.raises(InvalidData) as info:
        Scorecard(province="Hà Nội", year=2022, dimensions={"D1": value})  # type: ignore[dict-item]
    err = info.value
    assert "Hà Nội 2022: D1" in str(err)
    assert err.path == "Hà Nội 2022: D1"
    assert isinstance(err, PapiError)
    assert isinstance(err, ValueError)


def test_dimension_bounds_are_inclusive() -> None:
    assert Scorecard(province="A", year=2022, dimensions={"D1": 1, "D2": 10}).score("D2") == 10.0


def test_dimension_not_in_force_is_rejected() -> None:
    with pytest.raises(InvalidData, match="D7: not a dimension of PAPI 2017"):
        Scorecard(province="A", year=2017, dimensions={"D7": 5.0})


def test_year_without_framework_is_rejected() -> None:
    with pytest.raises(InvalidData, match="year"):
        Scorecard(province="A", year=2009, dimensions={"D1": 5.0})


def test_several_problems_are_reported_together() -> None:
    with pytest.raises(InvalidData) as info:
        Scorecard(province="A", year=2022, dimensions={"D1": 0, "D9": 5, "D3": 11})
    assert {p.path for p in info.value.problems} == {"A 2022: D1", "A 2022: D9", "A 2022: D3"}


def test_partial_and_empty_scorecards_are_representable() -> None:
    partial = Scorecard(province="Bắc Ninh", year=2022, dimensions={"D1": 5.8, "D5": 7.5})
    assert not partial.is_scored
    assert partial.total is None
    assert partial.partial_total == 13.3
    assert partial.missing == ("D2", "D3", "D4", "D6", "D7", "D8")
    assert Scorecard(province="Quảng Ninh", year=2023).total is None


# ---- sub-dimensions ----------------------------------------------------------------------------
HANOI_2023_D6 = {"D6.1": 1.7029, "D6.2": 1.9570, "D6.3": 2.2548, "D6.4": 1.9339}


def test_sub_dimensions_summing_to_the_dimension_are_accepted() -> None:
    sc = Scorecard(
        province="Hà Nội", year=2023, dimensions={"D6": 7.8486}, sub_dimensions=HANOI_2023_D6
    )
    assert sc.score("D6.2") == 1.9570


def test_sub_dimensions_not_summing_are_rejected() -> None:
    subs = {**HANOI_2023_D6, "D6.4": 1.8339}
    with pytest.raises(
        InvalidData, match=r"D6: sub-dimensions D6.1, D6.2, D6.3, D6.4 sum to 7.7486"
    ):
        Scorecard(province="Hà Nội", year=2023, dimensions={"D6": 7.8486}, sub_dimensions=subs)


def test_incomplete_or_unknown_sub_dimensions_are_rejected() -> None:
    subs = {k: v for k, v in HANOI_2023_D6.items() if k != "D6.4"}
    with pytest.raises(InvalidData, match=r"missing D6\.4"):
        Scorecard(province="A", year=2023, dimensions={"D6": 7.8486}, sub_dimensions=subs)
    with pytest.raises(InvalidData, match=r"D6\.5"):
        Scorecard(province="A", year=2023, dimensions={"D6": 7.8}, sub_dimensions={"D6.5": 1.0})
    with pytest.raises(InvalidData, match="without the dimension score"):
        Scorecard(province="A", year=2023, sub_dimensions=HANOI_2023_D6)


def test_sub_dimension_codes_of_an_unlisted_dimension_are_accepted_when_they_sum() -> None:
    # 2011-2015 D5 sub-dimensions are not in our catalogue: any D5.n is accepted, but checked.
    sc = Scorecard(
        province="A", year=2014, dimensions={"D5": 6.0}, sub_dimensions={"D5.1": 3.0, "D5.2": 3.0}
    )
    assert sc.sub_dimensions["D5.2"] == 3.0
    with pytest.raises(InvalidData):
        Scorecard(
            province="A",
            year=2014,
            dimensions={"D5": 6.0},
            sub_dimensions={"D5.1": 3.0, "D5.2": 2.0},
        )


@given(
    st.lists(st.floats(min_value=0.25, max_value=2.5), min_size=4, max_size=4),
    st.floats(min_value=-0.1, max_value=0.1),
)
def test_sub_dimension_sum_validation(parts: list[float], offset: float) -> None:
    dim = math.fsum(parts) + offset
    assume(1.0 <= dim <= 10.0)
    subs = {f"D6.{i}": v for i, v in enumerate(parts, start=1)}
    if abs(offset) <= SUM_TOLERANCE * 0.999:
        Scorecard(province="A", year=2020, dimensions={"D6": dim}, sub_dimensions=subs)
    elif abs(offset) > SUM_TOLERANCE * 1.001:
        with pytest.raises(InvalidData, match="D6"):
            Scorecard(province="A", year=2020, dimensions={"D6": dim}, sub_dimensions=subs)


# ---- groups ----------------------------------------------------------------------------------
def test_group_limits_for_63_provinces() -> None:
    assert group_limits(63) == (16, 32, 47)
    assert [group_for_rank(r) for r in (16, 17, 32, 33, 47, 48)] == [
        Group.HIGH, Group.ABOVE_AVERAGE, Group.ABOVE_AVERAGE,
        Group.BELOW_AVERAGE, Group.BELOW_AVERAGE, Group.LOW,
    ]  # fmt: skip
    with pytest.raises(InvalidData):
        group_for_rank(64)
    with pytest.raises(InvalidData):
        group_limits(0)


@given(st.integers(min_value=1, max_value=200))
def test_group_limits_match_linear_percentiles(n: int) -> None:
    values = list(range(n))  # ascending distinct values; rank of value v is n - v

    def percentile(q: float) -> float:
        h = (n - 1) * q
        lo = math.floor(h)
        hi = min(lo + 1, n - 1)
        return values[lo] + (h - lo) * (values[hi] - values[lo])

    expected = tuple(sum(1 for v in values if v >= percentile(q)) for q in (0.75, 0.5, 0.25))
    assert group_limits(n) == expected


def test_group_labels() -> None:
    assert [g.vi for g in Group] == ["Cao", "Trung bình cao", "Trung bình thấp", "Thấp"]
    assert [g.en for g in Group] == ["high", "above average", "below average", "low"]
    assert Group.parse("trung binh thap") is Group.BELOW_AVERAGE
    assert Group.parse("3") is Group.BELOW_AVERAGE
    with pytest.raises(NotFound):
        Group.parse("medium")


# ---- ranking properties ------------------------------------------------------------------------
scores = st.floats(min_value=8.0, max_value=79.0).map(lambda x: round(x, 2))


@st.composite
def years_cards(draw: st.DrawFn) -> list[Scorecard]:
    totals = draw(st.lists(st.one_of(scores, st.none()), min_size=1, max_size=40))
    cards = []
    for i, t in enumerate(totals):
        name = f"Tỉnh {i:02d}"
        cards.append(Scorecard(province=name, year=2022) if t is None else card(name, t))
    return cards


@given(years_cards(), st.randoms())
def test_rank_is_invariant_under_permutation(cards: list[Scorecard], rnd: object) -> None:
    shuffled = list(cards)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    a, b = rank(cards), rank(shuffled)
    assert [(e.province, e.rank, e.group) for e in a] == [(e.province, e.rank, e.group) for e in b]
    assert [c.province for c in a.unscored] == [c.province for c in b.unscored]


@given(years_cards())
def test_ranks_are_competition_ranks(cards: list[Scorecard]) -> None:
    r = rank(cards)
    scored = [c for c in cards if c.total is not None]
    assert len(r) == len(scored)
    assert len(r.unscored) == len(cards) - len(scored)
    for e in r:
        assert e.rank == 1 + sum(1 for o in r if o.score > e.score)  # ties share, "1224"
    ranks = [e.rank for e in r]
    assert ranks == sorted(ranks)
    if ranks:
        assert ranks[0] == 1
        assert max(ranks) <= len(r)
    for prev, cur in zip(r.entries, r.entries[1:], strict=False):
        assert prev.score >= cur.score
        assert cur.rank == (prev.rank if cur.score == prev.score else r.entries.index(cur) + 1)


@given(years_cards())
def test_group_sizes_follow_the_rule(cards: list[Scorecard]) -> None:
    r = rank(cards)
    sizes = r.group_sizes()
    assert sum(sizes.values()) == len(r)
    hi, _mid, lo = group_limits(len(cards))
    assert sizes[Group.HIGH] == sum(1 for e in r if e.rank <= hi)
    assert sizes[Group.LOW] == sum(1 for e in r if e.rank > lo)
    for e in r:
        assert e.group is group_for_rank(e.rank, len(cards))
    # groups never invert the order of scores
    for a in r:
        for b in r:
            if a.score > b.score:
                assert a.group.number <= b.group.number
            if a.score == b.score:
                assert a.group is b.group


def test_rank_rejects_mixed_years_duplicates_and_bad_measure() -> None:
    with pytest.raises(InvalidData, match="several years"):
        rank([card("A", 40), card("B", 40, year=2021)])
    with pytest.raises(InvalidData, match="appears twice"):
        rank([card("Hà Nội", 40), card("Ha Noi", 41)])
    with pytest.raises(NotFound, match="D7"):
        rank([card("A", 40, year=2015)], by="D7")
    with pytest.raises(InvalidData):
        rank([])
    with pytest.raises(InvalidData, match="frame_size"):
        rank([card("A", 40), card("B", 41)], frame_size=1)


def test_rank_by_dimension_and_lookup_by_name() -> None:
    cards = [
        Scorecard(province="Hà Nội", year=2023, dimensions={"D8": 3.9728}),
        Scorecard(province="Thừa Thiên Huế", year=2023, dimensions={"D8": 3.3045}),
        Scorecard(province="Quảng Ninh", year=2023),
    ]
    r = rank(cards, by="d8")
    assert r.by == "D8"
    assert r.rank_of("ha noi") == 1
    assert r.score_of("Thua Thien Hue") == 3.3045
    with pytest.raises(NotFound, match="not scored"):
        r.entry("Quảng Ninh")
    with pytest.raises(NotFound):
        r.entry("Atlantis")


def test_ties_at_published_precision_share_rank() -> None:
    r = rank([card("A", 40.00001), card("B", 40.00002), card("C", 39.0)])
    assert [e.rank for e in r] == [1, 1, 3]


# ---- change ---------------------------------------------------------------------------------
def test_change_between_years() -> None:
    before = rank([card("A", 44.0, 2023), card("B", 43.0, 2023), card("C", 42.0, 2023)])
    after = rank([card("A", 41.0, 2024), card("B", 43.5, 2024), card("C", 42.0, 2024)])
    c = change(before, after, "A")
    assert (c.rank_before, c.rank_after, c.places, c.delta) == (1, 3, -2, -3.0)
    assert c.comparable
    assert c.dimension_deltas["D1"] == -0.375
    old = rank([card("A", 34.0, 2017), card("B", 33.0, 2017)])
    assert not change(old, before, "A").comparable
    with pytest.raises(InvalidData):
        change(rank([card("A", 44.0, 2023)], by="D1"), after, "A")


# ---- target ----------------------------------------------------------------------------------
def test_target_beats_the_province_n_places_up() -> None:
    cards = [card(f"P{i}", 50.0 - i) for i in range(10)]  # P0 50 ... P9 41
    r = rank(cards)
    t = target(r, "P7", places=5)
    assert (t.rank, t.target_rank, t.rival) == (8, 3, "P2")
    assert t.tie == 48.0
    assert t.needed == 48.0001
    assert t.gap == 5.0001
    moved = rank([c for c in cards if c.province != "P7"] + [card("P7", t.needed)])
    assert moved.rank_of("P7") == 3
    tied = rank([c for c in cards if c.province != "P7"] + [card("P7", t.tie)])
    assert tied.rank_of("P7") == 3
    assert tied.rank_of("P2") == 3


@given(st.lists(scores, min_size=2, max_size=30, unique=True), st.data())
def test_target_is_sufficient_and_minimal(totals: list[float], data: st.DataObject) -> None:
    cards = [card(f"P{i:02d}", t) for i, t in enumerate(totals)]
    r = rank(cards)
    who = data.draw(st.sampled_from([e.province for e in r]))
    places = data.draw(st.integers(min_value=1, max_value=10))
    t = target(r, who, places=places)
    others = [c for c in cards if c.province != who]
    reached = rank([*others, card(who, t.needed)]).rank_of(who)
    assert reached <= t.target_rank
    if t.rival is not None:
        short = rank([*others, card(who, round(t.tie - 0.0001, 4))]).rank_of(who)
        assert short > t.target_rank


def test_target_near_the_top_and_bad_places() -> None:
    r = rank([card("A", 45.0), card("B", 44.0), card("C", 43.0)])
    t = target(r, "B", places=5)
    assert (t.target_rank, t.rival, t.places_possible) == (1, "A", 1)
    lead = target(r, "A")
    assert lead.rival is None
    assert lead.gap == 0.0
    assert lead.attainable
    assert not target(rank([card("A", 80.0), card("B", 70.0)]), "B").attainable
    with pytest.raises(InvalidData, match="places"):
        target(r, "B", places=0)


def test_target_headroom_ranks_dimensions_by_gap_to_best() -> None:
    a = Scorecard(province="A", year=2022, dimensions={**dict.fromkeys(DIMS8, 5.0), "D7": 2.0})
    b = Scorecard(province="B", year=2022, dimensions={**dict.fromkeys(DIMS8, 6.0), "D7": 6.0})
    t = target(rank([a, b]), "A", places=1)
    assert t.headroom[0].code == "D7"
    assert t.headroom[0].gap_to_best == 4.0
    assert t.headroom[0].best_provinces == ("B",)
    assert {h.code for h in t.headroom} == set(DIMS8)


# ---- CSV loading (synthetic files) ---------------------------------------------------------------
HEADER = "province_id,province_vi,year,D1,D2,D3,D4,D5,D6,D7,D8,total_papi,n_dims,rank_year,tier\n"


def _write(tmp_path: Path, body: str, header: str = HEADER) -> Path:
    path = tmp_path / "scores.csv"
    path.write_text(header + body, encoding="utf-8")
    return path


def test_load_table_keeps_empty_and_partial_rows(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "1,Hà Nội,2022,5,5,5,5,5,5,5,5,40,8,99,Thấp nhất\n"
        "2,Bắc Ninh,2022,5.8,,,,7.5,8,3.7,,,4,,\n"
        "3,Bắc Giang,2022,,,,,,,,,,0,,\n",
    )
    table = load_table(path)
    assert len(table) == 3
    assert [c.province for c in table.unscored()] == ["Bắc Ninh", "Bắc Giang"]
    r = table.ranking(2022)
    assert r.rank_of("Hà Nội") == 1  # rank_year 99 and tier are ignored
    assert r.frame_size == 3
    assert table.province("bac ninh")[0].province_code == "2"
    with pytest.raises(NotFound):
        table.year(2030)


@pytest.mark.parametrize(
    ("body", "path", "fragment"),
    [
        ("1,Hà Nội,2022,5,5,abc,5,5,5,5,5,40,8,,\n", "line 2: D3", "not a number"),
        ("1,Hà Nội,2022,5,5,5,5,5,5,5,10.5,45.5,8,,\n", "line 2: D8", "between 1 and 10"),
        ("1,Hà Nội,2015,5,5,5,5,5,5,5,,35,7,,\n", "line 2: D7", "not a dimension"),
        ("1,Hà Nội,20x2,5,5,5,5,5,5,5,5,40,8,,\n", "line 2: year", "not a year"),
        ("1,Hà Nội,2022,5,5,5,5,5,5,5,5,41,8,,\n", "line 2: total_papi", "differs"),
        ("1,Hà Nội,2022,5,5,5,5,5,5,5,5,40,7,,\n", "line 2: n_dims", "8 dimension"),
        ("1,Hà Nội,2022,5,5,5,5,5,5,5,5,40,8,,\n1,Ha Noi,2022,5,5,5,5,5,5,5,5,40,8,,\n",
         "line 3: province_vi", "already given"),
        ("1,Hà Nội,2022,5,5\n", "line 2: row", "expected"),
    ],
)  # fmt: skip
def test_load_table_errors_name_line_and_field(
    tmp_path: Path, body: str, path: str, fragment: str
) -> None:
    with pytest.raises(InvalidData) as info:
        load_table(_write(tmp_path, body))
    assert any(p.path == path and fragment in p.message for p in info.value.problems), str(
        info.value
    )


def test_load_table_missing_column(tmp_path: Path) -> None:
    header = "province_vi,year,D1,D2,D3,D4,D5,D6,D7\n"
    with pytest.raises(InvalidData, match=r"missing column.*D8") as info:
        load_table(_write(tmp_path, "Hà Nội,2022,5,5,5,5,5,5,5\n", header=header))
    assert "line 1" in info.value.path


def test_load_table_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidData, match="cannot read"):
        load_table(tmp_path / "absent.csv")


def test_load_table_not_utf8_names_the_line(tmp_path: Path) -> None:
    # a table saved as "CSV" (Windows-1252/Latin-1) instead of "CSV UTF-8" by a spreadsheet
    path = tmp_path / "latin1.csv"
    header = "province_vi,year,D1,D2,D3,D4,D5,D6,D7,D8\n"
    path.write_bytes(
        (header + "Hue,2021,5,5,5,5,5,5,5,5\nHà Noi,2021,5,5,5,5,5,5,5,5\n").encode("latin-1")
    )
    with pytest.raises(InvalidData, match="not UTF-8") as info:
        load_table(path)
    assert info.value.path == f"{path}: line 3"


def test_load_table_accepts_a_byte_order_mark_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    text = "province_vi,year,D1,D2,D3,D4,D5,D6,D7,D8\r\nHà Nội,2021,5,5,5,5,5,5,5,5.5\r\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    (card,) = load_table(path)
    assert card.province == "Hà Nội"
    assert card.total == 40.5


def test_province_must_be_text() -> None:
    with pytest.raises(InvalidData, match="province"):
        Scorecard(province=None, year=2021)  # type: ignore[arg-type]


# ---- Hanoi's official results (packaged) ----------------------------------------------------------
def test_hanoi_results_are_sourced_and_consistent() -> None:
    results = hanoi_results()
    assert [r.year for r in results] == list(range(2018, 2025))
    for r in results:
        assert r.sources
        assert r.scorecard.total is not None
        assert abs(r.scorecard.total - r.total) < 0.0005
        assert r.province == "Hà Nội"
        if r.rank is not None and r.group is not None and r.rank_verified:
            assert group_for_rank(r.rank, r.out_of) is r.group
    by_year = {r.year: r for r in results}
    assert (by_year[2021].rank, by_year[2022].rank, by_year[2023].rank, by_year[2024].rank) == (
        9,
        12,
        15,
        29,
    )
    assert not by_year[2018].rank_verified
    assert not by_year[2019].rank_verified
    assert by_year[2024].group is Group.ABOVE_AVERAGE
    assert by_year[2023].scorecard.sub_dimensions["D6.1"] == 1.7029
    assert by_year[2023].dimension_groups["D7"] is Group.LOW


def test_hanoi_dimension_ranks_not_reproduced_are_marked() -> None:
    # 2024: kinhtedothi.vn prints D3 24, D7 58, D8 1; the dataset ranks them 20, 61, 2
    r = {x.year: x for x in hanoi_results()}
    assert dict(r[2024].dimension_ranks) == {"D3": 24, "D7": 58, "D8": 1}
    assert r[2024].dimension_ranks_verified is False
    assert dict(r[2023].dimension_ranks) == {"D8": 1}
    assert r[2023].dimension_ranks_verified is True


def test_hanoi_results_are_loaded_once_across_threads() -> None:
    import threading

    got: list[object] = []
    threads = [threading.Thread(target=lambda: got.append(hanoi_results())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(g is got[0] for g in got)


def _record(**changes: object) -> dict[str, object]:
    rec: dict[str, object] = {
        "year": 2023,
        "dimensions": dict.fromkeys(DIMS8, 5.0),
        "total": 40.0,
        "rank": 20,
        "group": "Trung bình cao",
        "total_verified": True,
        "rank_verified": True,
        "group_verified": True,
        "dimensions_verified": True,
        "sources": ["somewhere"],
    }
    rec.update(changes)
    return rec


def test_load_results_validates_records() -> None:
    ok = load_results({"province": "Huế", "results": [_record()]}, source="r.json")
    assert ok[0].group is Group.ABOVE_AVERAGE
    assert ok[0].scorecard.total == 40.0
    with pytest.raises(InvalidData) as info:
        load_results({"province": "Huế", "results": [_record(), _record(total=41.0)]})
    assert info.value.path == "$.results[1].total"
    with pytest.raises(InvalidData):
        load_results({"province": "Huế", "results": [_record(sources=1)]})
    bad = _record()
    del bad["sources"]
    with pytest.raises(InvalidData, match="sources"):
        load_results({"province": "Huế", "results": [bad]})
    with pytest.raises(InvalidData, match="D1"):
        load_results({"province": "Huế", "results": [_record(dimensions={"D1": 11})]})
    with pytest.raises(InvalidData):
        load_results({"results": []})


def test_value_objects_are_hashable_and_compare_by_value() -> None:
    a, b = card("A", 40.0), card("A", 40.0)
    assert a == b
    assert hash(a) == hash(b)
    assert len({a, b, card("A", 41.0)}) == 2
    r = rank([a, card("B", 39.0)])
    assert len(set(r.entries)) == 2
    assert len(set(hanoi_results())) == 7
    c = change(r, r, "A")
    assert hash(c) == hash(change(r, r, "A"))


def test_load_table_stray_quote_names_the_line(tmp_path: Path) -> None:
    # an unclosed quote makes the csv module read on to the end of the file (`_csv.Error:
    # field larger than field limit`): one InvalidData naming the line the record starts on
    body = "1,Hà Nội,2022,5,5,5,5,5,5,5,5,40,8,,\n" + '2,"Bắc Ninh,2022,5,5,5,5,5,5,5,5,40,8,,\n'
    body += "3,Huế,2022,5,5,5,5,5,5,5,5,40,8,,\n" * 5000
    with pytest.raises(InvalidData, match="stray quote") as info:
        load_table(_write(tmp_path, body))
    assert info.value.path.endswith("scores.csv: line 3")


def test_load_table_repeated_column_is_an_error_naming_it(tmp_path: Path) -> None:
    # csv.DictReader keeps the last of two cells with the same name: the first would be lost
    header = HEADER.rstrip("\n") + ",D3\n"
    body = "1,Hà Nội,2022,5,5,5,5,5,5,5,5,40,8,,,9\n"
    with pytest.raises(InvalidData, match=r"repeated column\(s\) D3") as info:
        load_table(_write(tmp_path, body, header=header))
    assert info.value.path.endswith("line 1")


def test_load_table_nul_in_the_file_name_is_invalid_data(tmp_path: Path) -> None:
    with pytest.raises(InvalidData, match="NUL byte"):
        load_table(tmp_path / "a\x00.csv")
