"""The compiled subject tables' shortcuts read the same as the long way: a unit looked up only
in the People's Committee groups of its own level and place gets every row the long way gets,
and which places a plan's unlisted duties reach, read per (document, era) as a set of unit
ids, is what resolving each reference of the document's scope says."""

from __future__ import annotations

import warnings
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import papi
from papi.duties import Unlisted, innermost
from papi.errors import CoverageWarning, NotFound
from papi.governance import Governance, _resolve
from papi.governance.queries._subject_table import subject_table
from papi.governance.queries.escalation import chain_ids

# the whole country with the law's duties and Hanoi's plan; Hanoi alone, back to 2020
FIRST, LAST = date(2020, 3, 1), date(2027, 12, 31)
days = st.integers(0, (LAST - FIRST).days).map(lambda n: FIRST + timedelta(days=n))
SUBJECTS = ("D1", "D2", "D3", "D6", "T6", "khiếu nại", "tố cáo", "tiếp công dân", "công khai")


@pytest.fixture(scope="module", params=["vietnam", "hanoi"])
def gov(request: pytest.FixtureRequest) -> Governance:
    return papi.vietnam() if request.param == "vietnam" else papi.hanoi()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), on=days, subject=st.sampled_from(SUBJECTS))
def test_a_unit_is_looked_up_in_every_committee_group_that_can_pick_in_it(
    gov: Governance, data: st.DataObject, on: date, subject: str
) -> None:
    ctx = gov._ctx
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CoverageWarning)
        units = sorted(ctx.territory.units(on=on), key=lambda u: u.id)
        unit = data.draw(st.sampled_from(units))
        try:
            subj = _resolve.subject(ctx, subject)
        except NotFound:  # (a task id of Hanoi's plan only)
            return
        era = ctx.era(on)
        table = subject_table(ctx, subj, on, era)
        chain = chain_ids(ctx, unit, on, era)
        short = table._make_entries(ctx, unit.id, on, era, False, unit.level, chain)
        long = table._make_entries(ctx, unit.id, on, era, False, None, ())
    assert short.found == long.found
    assert short[2:8] == long[2:8]  # documents, levels, flags, tasks
    assert (short.holders and short.holders.get()) == (long.holders and long.holders.get())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), on=days)
def test_an_unlisted_duty_reaches_what_its_documents_scope_names(
    gov: Governance, data: st.DataObject, on: date
) -> None:
    ctx = gov._ctx
    unlisted = [a for a in ctx.assignments if isinstance(innermost(a.selector), Unlisted)]
    if not unlisted:
        pytest.skip("no unlisted duty in this model")
    a = data.draw(st.sampled_from(unlisted))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CoverageWarning)
        units = sorted(ctx.territory.units(on=on), key=lambda u: u.id)
        unit = data.draw(st.sampled_from(units))
        era = ctx.era(on)
        chain = chain_ids(ctx, unit, on, era)
        scope = _resolve._document_scope(ctx, a.basis.document)
        # the long way: every reference of the scope resolved on the day
        expected = scope is None or any(
            (uid := ctx.unit_id_of(ref, on)) is None or uid in chain for ref in scope
        )
        assert _resolve.reaches(ctx, a, chain, on, era) is expected
