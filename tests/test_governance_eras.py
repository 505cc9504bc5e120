"""Governance derives the structure once per era (the days between two validity boundary
dates) and keeps parts of answers: every answer must equal the one computed for that day alone,
whatever was asked before."""

from __future__ import annotations

import warnings
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import papi.io
from papi.datasets import hanoi_builder
from papi.errors import PapiError
from papi.governance import Governance
from papi.io import read_plan

APPENDIX = Path(__file__).resolve().parent.parent / "examples" / "illustrative_appendix.toml"
START, DAYS = date(2019, 1, 1), 12 * 366
SUBJECTS = ["D1", "D2", "D3", "D3.1", "D5", "D6", "D8", "T1", "T2", "T4", "T6", "T9", "T12"]


def _model() -> Governance:
    return read_plan(APPENDIX, builder=hanoi_builder()).build()


@pytest.fixture(scope="module")
def shared() -> Governance:
    """One model answering every question of the module, keeping what it derives."""
    return _model()


@pytest.fixture(scope="module")
def per_day() -> Governance:
    """The same model with every day its own era (nothing shared between days)."""
    gov = _model()
    gov._ctx.tables.era = lambda on, read: on.toordinal()  # type: ignore[method-assign]
    return gov


def _answer(gov: Governance, query: str, subject: str, where: str, on: date) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # coverage warnings for days outside the data
        try:
            if query == "who":
                return papi.io.dumps(gov.who(subject, where=where, on=on))
            if query == "duties":
                return papi.io.dumps(gov.duties(of=where, on=on))
            return papi.io.dumps(gov.escalation(where=where, on=on))
        except PapiError as err:  # the same error either way (any other exception fails)
            return repr(err)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    days=st.lists(st.integers(0, DAYS), min_size=2, max_size=3),
    subject=st.sampled_from(SUBJECTS),
    pick=st.integers(0, 10_000),
    query=st.sampled_from(["who", "who", "duties", "escalation"]),
)
def test_answers_do_not_depend_on_what_was_asked_before(
    shared: Governance, per_day: Governance, days: list[int], subject: str, pick: int, query: str
) -> None:
    # one place asked on several days (often in different eras), by the model that keeps
    # what it derives and by the one that derives everything for each day
    dates = [START + timedelta(days=d) for d in days]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        common = set.intersection(*({u.id for u in shared.territory.units(on=d)} for d in dates))
    places = sorted(common)
    where = places[pick % len(places)]  # the city exists on every day
    for on in dates:
        assert _answer(shared, query, subject, where, on) == _answer(
            per_day, query, subject, where, on
        )


def test_eras_split_at_the_reform() -> None:
    gov = _model()
    era = gov._ctx.era
    assert era(date(2025, 6, 30)) != era(date(2025, 7, 1))
    assert era(date(2025, 7, 3)) == era(date(2025, 8, 1))
    # the same commune on two days of one era: same entries, each answer with its own day
    a = gov.who("D3", where="Phường Hoàn Kiếm", on=date(2026, 3, 1))
    b = gov.who("D3", where="Phường Hoàn Kiếm", on=date(2026, 3, 2))
    assert a.responsible == b.responsible
    assert (a.on, b.on) == (date(2026, 3, 1), date(2026, 3, 2))


def test_every_boundary_is_an_era_boundary(shared: Governance, per_day: Governance) -> None:
    # the day before and the day of every date on which something starts or ends, asked in
    # that order of one model, for the city and for a commune existing on both days
    shared._ctx.era(START)  # reads the era bounds
    days = set(shared._ctx.tables.bounds or ())
    graph = shared.organizations.full_graph  # units, links, organizations, posts, successions
    days.update(lo for _, lo in graph.nodes.data("lo"))
    days.update(hi for _, hi in graph.nodes.data("hi"))
    days.update(lo for _, _, lo in graph.edges.data("lo"))
    days.update(hi for _, _, hi in graph.edges.data("hi"))
    bounds = sorted(b for b in days if 1 < b < date.max.toordinal())
    assert len(bounds) > 5
    for b in bounds:
        before, day = date.fromordinal(b - 1), date.fromordinal(b)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            both = {u.id for u in shared.territory.units(on=before)} & {
                u.id for u in shared.territory.units(on=day)
            }
        places = [*sorted(both)[:1], "01"]
        for where in places:
            for subject in ("D3", "T1", "T12"):
                for on in (before, day):
                    assert _answer(shared, "who", subject, where, on) == _answer(
                        per_day, "who", subject, where, on
                    ), (subject, where, on)
