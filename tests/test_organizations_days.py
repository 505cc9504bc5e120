"""Organizations queries read their day like every other query (``papi.dates.parse_day``) and
refuse references that are neither strings nor objects with an :class:`InvalidData` naming
the argument (issue 12)."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest

from papi.errors import InvalidData, PapiError
from papi.organizations import OrgKind, hanoi_organizations

ORGS = hanoi_organizations()
DAY = date(2026, 3, 1)

#: every dated query, called with the day given
QUERIES: dict[str, Callable[[Any], object]] = {
    "org": lambda on: ORGS.org("ubnd:01", on=on),
    "committee_of": lambda on: ORGS.committee_of("Phường Hoàn Kiếm", on=on),
    "council_of": lambda on: ORGS.council_of("Phường Hoàn Kiếm", on=on),
    "organizations": lambda on: ORGS.organizations(kind=OrgKind.DEPARTMENT, on=on),
    "posts": lambda on: ORGS.posts("ubnd:01", on=on),
    "head_post": lambda on: ORGS.head_post("ubnd:01", on=on),
    "holder": lambda on: ORGS.holder("ubnd:01/chu-tich", on=on),
    "holders": lambda on: ORGS.holders("ubnd:01/chu-tich", on=on),
    "superior": lambda on: ORGS.superior("ubnd:00070@2025-07-01", on=on),
    "guides": lambda on: ORGS.guides("so:noi-vu@2025-03-01", on=on),
    "successors": lambda on: ORGS.successors("ubnd:002", on=on),
    "succession_chain": lambda on: ORGS.succession_chain("ubnd:002", on=on),
    "predecessors": lambda on: ORGS.predecessors("ubnd:00070@2025-07-01", on=on),
    "find": lambda on: ORGS.find("Sở Nội vụ", on=on),
    "graph": lambda on: ORGS.graph(on=on).number_of_nodes(),
}


def _quiet(fn: Callable[[], object]) -> object:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return fn()


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_an_iso_string_and_an_aware_datetime_name_the_same_day(name: str) -> None:
    query = QUERIES[name]
    expected = _quiet(lambda: query(DAY))
    assert _quiet(lambda: query("2026-03-01")) == expected
    assert _quiet(lambda: query(" 2026-03-01 ")) == expected
    # 18:00 UTC on 28 February is 1 March in Vietnam (UTC+7)
    assert _quiet(lambda: query(datetime(2026, 2, 28, 18, 0, tzinfo=UTC))) == expected


@pytest.mark.parametrize("name", sorted(QUERIES))
@pytest.mark.parametrize(
    "bad",
    [
        None,
        20260301,
        "2026-02-30",
        "01/03/2026",
        datetime(2026, 3, 1, 12, 0),  # naive: which day depends on a zone it does not name
        datetime(9999, 12, 31, 23, 0, tzinfo=UTC),  # no Vietnamese day
        date(9999, 12, 31),
        date(1, 1, 1),
    ],
    ids=repr,
)
def test_a_bad_day_is_invalid_data_naming_on(name: str, bad: object) -> None:
    if name == "find" and bad is None:  # find(on=None): every day, see below
        return
    with pytest.raises(InvalidData) as err:
        _quiet(lambda: QUERIES[name](bad))
    assert err.value.path == "on"


@pytest.mark.parametrize(
    ("call", "arg"),
    [
        (lambda: ORGS.get({}), "org_id"),
        (lambda: ORGS.get(-1), "org_id"),
        (lambda: ORGS.get(("ubnd:01",)), "org_id"),
        (lambda: ORGS.post(None), "post_id"),
        (lambda: ORGS.post(["ubnd:01/chu-tich"]), "post_id"),
        (lambda: ORGS.holder({}, on=DAY), "post"),
        (lambda: ORGS.holder(True, on=DAY), "post"),
        (lambda: ORGS.holders(1.5, on=DAY), "post"),
        (lambda: ORGS.org([], on=DAY), "org"),
        (lambda: ORGS.org(5, on=DAY), "org"),
        (lambda: ORGS.posts(None, on=DAY), "org"),
        (lambda: ORGS.successors(5, on=DAY), "org"),
        (lambda: ORGS.predecessors({"a": 1}, on=DAY), "org"),
        (lambda: ORGS.find(1), "name"),
        (lambda: ORGS.find(["SNV"], on=DAY), "name"),
        (lambda: ORGS.organizations(kind="nope", on=DAY), "kind"),
        (lambda: ORGS.organizations(kind=[], on=DAY), "kind"),
    ],
)
def test_a_reference_of_the_wrong_type_is_invalid_data_naming_it(
    call: Callable[[], object], arg: str
) -> None:
    with pytest.raises(InvalidData) as err:
        _quiet(call)
    assert err.value.path == arg


def test_a_kind_may_be_named_by_its_value() -> None:
    by_enum = ORGS.organizations(kind=OrgKind.DEPARTMENT, on=date(2025, 2, 28))
    assert ORGS.organizations(kind="department", on=date(2025, 2, 28)) == by_enum
    assert len(by_enum) == 19


def test_find_without_a_day_still_searches_every_day() -> None:
    assert ORGS.find("ubnd phuong hoan kiem") == ORGS.find("ubnd phuong hoan kiem", on=None)
    with pytest.raises(InvalidData, match="within= needs on="):
        ORGS.find("Sở Nội vụ", within="Hà Nội")


def test_objects_still_resolve_to_themselves() -> None:
    org = ORGS.org("ubnd:01", on=DAY)
    post = ORGS.head_post(org, on=DAY)
    assert post is not None
    assert ORGS.org(org, on="2026-03-01") is org
    assert ORGS.holder(post, on="2022-07-01") == ORGS.holder(post.id, on=date(2022, 7, 1))
    with pytest.raises(PapiError):
        ORGS.get("no-such-id")
