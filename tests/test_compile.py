"""Compile, then read: what a ``who`` answer shares with the other days of an era is kept
(:class:`papi.governance.queries.who.Ready`) and :meth:`Governance.compile` derives it up
front; answers are the same whichever day was asked first and with or without ``compile``.
The People's Committee selectors followed through successions make their hits per unit
(:class:`papi.governance._indexes.FollowedIndex`) exactly as the whole selector resolves."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import papi
from papi.duties import CommitteesOf, HeadsOf
from papi.errors import InvalidData, NotFound
from papi.governance import Governance, _indexes
from papi.governance._resolve import resolve

SUBJECTS = ("D1", "D3", "D6", "T6", "khiếu nại", "tiếp công dân")
PLACES = (
    "Phường Hoàn Kiếm",
    "Phường Hàng Trống",
    "Quận Hoàn Kiếm",
    "Huyện Sóc Sơn",
    "Xã Minh Phú",
    "Thành phố Hà Nội",
)
FIRST, LAST = date(2020, 1, 1), date(2027, 12, 31)
days = st.integers(0, (LAST - FIRST).days).map(lambda n: FIRST + timedelta(days=n))


def _json(gov: Governance, subject: str, place: object, on: date) -> object:
    try:
        return gov.who(subject, where=place, on=on).to_dict()  # type: ignore[arg-type]
    except papi.errors.PapiError as err:
        return type(err).__name__, str(err)


def _fresh() -> Governance:
    """A model asked nothing yet (Hanoi's, with the law's duties)."""
    return papi.hanoi().builder().build()


@pytest.fixture(scope="module")
def shared() -> Governance:
    """One model asked many questions (its stores fill up)."""
    return _fresh()


@pytest.mark.filterwarnings("ignore::papi.errors.CoverageWarning")  # days before 2020-03-01
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    subject=st.sampled_from(SUBJECTS),
    place=st.sampled_from(PLACES),
    first=days,
    then=days,
)
def test_an_answer_does_not_depend_on_the_day_asked_first(
    shared: Governance, subject: str, place: str, first: date, then: date
) -> None:
    """The model asked on ``first`` then on ``then`` answers ``then`` as a model asked
    nothing before does."""
    _json(shared, subject, place, first)
    alone = _fresh()
    assert _json(shared, subject, place, then) == _json(alone, subject, place, then)


def test_compile_changes_no_answer() -> None:
    day = date(2026, 3, 1)
    compiled = _fresh()
    plain = _fresh()
    units = list(compiled.territory.units(on=day))
    named = ["Phường Hoàn Kiếm", "Thành phố Hà Nội", "00070"]  # (00070: a unit ended by then)
    n = compiled.compile(day, subjects=SUBJECTS[:4], where=[*units[:40], *named[:2]])
    assert n == 4 * 42
    for i, subject in enumerate(SUBJECTS[:4]):
        for place in [*units[:40:7], *named]:
            on = day + timedelta(days=3 * i + 1)  # another day of the era
            assert _json(compiled, subject, place, on) == _json(plain, subject, place, on)


def test_compile_defaults_to_every_dimension_and_unit() -> None:
    gov = _fresh()
    day = date(2024, 6, 1)
    n = gov.compile(day)
    assert n == len(gov.framework.dimensions) * len(list(gov.territory.units(on=day)))
    assert len(gov._ctx.tables.ready) > 0


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"subjects": "D3"}, "subjects"),
        ({"subjects": ["D3", 3]}, "subjects[1]"),
        ({"where": "Phường Hoàn Kiếm"}, "where"),
        ({"where": ["Phường Hoàn Kiếm", 7]}, "where[1]"),
    ],
)
def test_compile_refuses_bad_arguments_naming_them(
    shared: Governance, kwargs: dict[str, object], path: str
) -> None:
    with pytest.raises(InvalidData) as err:
        shared.compile(date(2026, 3, 1), **kwargs)  # type: ignore[arg-type]
    assert err.value.path == path


def test_compile_refuses_an_unknown_subject_or_place(shared: Governance) -> None:
    with pytest.raises(NotFound):
        shared.compile(date(2026, 3, 1), subjects=["no such subject"], where=["Phường Hoàn Kiếm"])
    with pytest.raises(NotFound):
        shared.compile(date(2026, 3, 1), subjects=["D3"], where=["Phường Không Có"])
    with pytest.raises(InvalidData):
        shared.compile("2026-13-01")


@pytest.mark.parametrize(
    ("sel", "on", "ref"),
    [
        (CommitteesOf(level="district"), date(2026, 3, 1), date(2022, 9, 30)),
        (HeadsOf(of=CommitteesOf(level="district")), date(2026, 3, 1), date(2022, 9, 30)),
        (CommitteesOf(level="district", within="01"), date(2025, 7, 1), date(2024, 1, 1)),
        (CommitteesOf(level="commune", within="00004"), date(2026, 3, 1), date(2022, 9, 30)),
    ],
)
def test_a_followed_index_reads_as_the_whole_selector(sel: object, on: date, ref: date) -> None:
    gov = _fresh()
    ctx = gov._ctx
    index = _indexes.by_unit(ctx, sel, on, ref)  # type: ignore[arg-type]
    expected: dict[str | None, list[object]] = {}
    for hit in resolve(ctx, sel, on, ref):  # type: ignore[arg-type]
        expected.setdefault(hit.org.unit_id, []).append(hit)
    assert {k: tuple(v) for k, v in expected.items()} == {u: index[u] for u in index}
    assert set(index) == set(expected)
    assert len(index) == len(expected)
    if isinstance(sel, CommitteesOf) and sel.within is None:
        assert isinstance(index, _indexes.FollowedIndex)  # followed, not resolved whole
    assert index.get("no such unit") is None
    assert "no such unit" not in index


@pytest.mark.parametrize("enabled", [True, False])
def test_compile_leaves_the_collector_as_it_found_it(shared: Governance, enabled: bool) -> None:
    import gc

    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        shared.compile(date(2026, 3, 1), subjects=["D2"], where=["Phường Hoàn Kiếm"])
        assert gc.isenabled() is enabled
        with pytest.raises(NotFound):  # and on error
            shared.compile(date(2026, 3, 1), subjects=["D2"], where=["Phường Không Có"])
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


NATIONAL_SUBJECTS = ("khiếu nại", "tố cáo", "tiếp công dân", "D3", "T6")
NATIONAL_PLACES = ("Phường Hải Châu", "Phường Hoàn Kiếm", "Xã Hòa Vang", "Thành phố Đà Nẵng")
recent = st.integers(0, (date(2027, 6, 30) - date(2025, 7, 1)).days).map(
    lambda n: date(2025, 7, 1) + timedelta(days=n)
)


@pytest.fixture(scope="module")
def national() -> Governance:
    """The whole country with the law's duties (deadlines with holders, topics), asked many
    questions."""
    return papi.vietnam().builder().build()


@pytest.mark.filterwarnings("ignore::papi.errors.CoverageWarning")
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    subject=st.sampled_from(NATIONAL_SUBJECTS),
    place=st.sampled_from(NATIONAL_PLACES),
    before=st.lists(recent, min_size=1, max_size=4),
    then=recent,
)
def test_deadlines_and_holders_do_not_depend_on_the_days_asked_before(
    national: Governance, subject: str, place: str, before: list[date], then: date
) -> None:
    """The law's deadlines with their holders (kept per list of deadlines) and a topic's
    second instances: a model asked on other days first answers as a model asked nothing."""
    for day in before:
        _json(national, subject, place, day)
    alone = papi.vietnam().builder().build()
    assert _json(national, subject, place, then) == _json(alone, subject, place, then)


def test_threads_asking_on_new_days_get_the_answers_of_a_fresh_model() -> None:
    """Eight threads ask the same questions on days of one era, some compiled, some not: every
    answer is the one a model asked nothing answers (the stores keep the first value stored)."""
    import threading

    gov = _fresh()
    day = date(2026, 3, 1)
    gov.compile(day, subjects=["D3"], where=["Phường Hoàn Kiếm"])
    questions = [
        (s, p, day + timedelta(days=d))
        for s in ("D1", "D3", "T6")
        for p in ("Phường Hoàn Kiếm", "Thành phố Hà Nội", "Phường Ba Đình")
        for d in (1, 2, 9)
    ]
    seen: dict[int, list[object]] = {}
    barrier = threading.Barrier(8)

    def ask(n: int) -> None:
        barrier.wait()
        seen[n] = [_json(gov, s, p, on) for s, p, on in questions]

    threads = [threading.Thread(target=ask, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    alone = _fresh()
    expected = [_json(alone, s, p, on) for s, p, on in questions]
    assert all(seen[n] == expected for n in range(8))


def test_a_quiet_place_keeps_one_ready_and_a_followed_place_its_core() -> None:
    """A place the data vouches for keeps one object per (subject, place, era), its ``Ready``,
    which holds what the answer reads of the core; a place followed to its successor (a notice
    of the day) keeps the core apart, and the answers of its other days share its entries."""
    gov = _fresh()
    tables = gov._ctx.tables
    day = date(2026, 3, 1)
    quiet = gov.who("D3", where="Phường Hồng Hà", on=day)
    assert len(tables.ready) == 1
    assert len(tables.cores) == 0
    followed = gov.who("D3", where="Phường Phúc Xá", on=day)  # Phường Hồng Hà's since 2025-07-01
    assert followed.warnings[0].code == "where_succeeded"
    assert len(tables.ready) == 1  # (its notices depend on the day: made again each day)
    assert len(tables.cores) == 1
    again = gov.who("D3", where="Phường Phúc Xá", on=day + timedelta(days=1))
    assert again.responsible is followed.responsible  # made once, by the kept core
    assert again.responsible == quiet.responsible  # (the same place)
