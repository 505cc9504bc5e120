"""Every kind of NotFound papi raises says in Vietnamese as much as in English
(``context_vi`` beside ``context``), with no English words, and the command line, ``--json``
and the HTTP service say it with one function (:func:`papi.errors.messages`)."""

from __future__ import annotations

import pickle
import re
import warnings
from collections.abc import Callable
from datetime import date

import pytest

import papi
from papi.errors import Ambiguous, NotFound, messages
from papi.framework import framework
from papi.law import law_index
from papi.organizations.hanoi import hanoi_organizations
from papi.rules.catalogue import statute
from papi.scoring import Scorecard, Table
from test_cli_ux import _foreign_words

ON = date(2026, 3, 1)
_TABLE = Table(
    source="scores.csv",
    scorecards=(Scorecard(province="Hà Nội", year=2021, dimensions={"D1": 5.5}),),
)


def _status() -> object:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return papi.hanoi().status("T3", "Phường Hoàn Kiếm", on=ON)


def _occurrence() -> object:
    from papi.dates import Validity
    from papi.rules.model import Frequency, Recurring, Roll

    rule = Recurring(
        freq=Frequency.MONTHLY, day=5, roll=Roll.NONE, validity=Validity(valid_to=date(2026, 3, 1))
    )
    return rule.due(date(2026, 3, 1))


#: One raise of each kind that has a context, by name.
RAISES: dict[str, Callable[[], object]] = {
    "framework code": lambda: framework(2020)["D9"],
    "framework name": lambda: framework(2020).find("zzz khong co"),
    "framework year": lambda: framework(2009),
    "framework year type": lambda: framework("2020"),  # type: ignore[arg-type]
    "framework at": lambda: framework(2020).at(2009),
    "organization gone": lambda: hanoi_organizations().org("so:noi-vu", on=ON),
    "organization early": lambda: hanoi_organizations().org(
        "so:noi-vu@2025-03-01", on=date(2024, 1, 1)
    ),
    "organizations gone": lambda: hanoi_organizations().org("STNMT", on=ON),
    "law topic": lambda: law_index().topic("zzz"),
    "statute on a day": lambda: statute("citizen_reception.district_chair", on=ON),
    "statute key": lambda: statute("complaint.frist"),
    "status organization": _status,
    "task": lambda: papi.hanoi().status("T99", "so:noi-vu", on=ON),
    "scores year": lambda: _TABLE.year(1999),
    "scores province": lambda: _TABLE.province("Atlantis"),
    "ranking measure": lambda: _TABLE.ranking(2021, by="D42"),
    "rule occurrence": _occurrence,
    "unit without a day": lambda: papi.hanoi().territory.predecessors("Quận Hoàn Kiếm"),
    "unit after it ended": lambda: papi.hanoi().who("D3", where="Quận Hoàn Kiếm", on=ON),
}


#: What the raises above type (values given by the user, a file name, the measure "total").
_TYPED = {"scores", "csv", "zzz", "khong", "co", "frist", "Atlantis", "total"}


def _numbers(text: str) -> list[str]:
    """The numbers and days of ``text``, days as dd/mm/yyyy."""
    text = re.sub(r"\b(\d{4})-(\d{2})-(\d{2})\b", r"\3/\2/\1", text)
    return sorted(re.findall(r"\d+(?:/\d+)*", text))


@pytest.mark.parametrize("case", list(RAISES))
def test_vietnamese_says_as_much_as_english(case: str) -> None:
    with pytest.raises((NotFound, Ambiguous)) as raised:
        RAISES[case]()
    err = raised.value
    en, vi = messages(err)
    if isinstance(err, NotFound) and err.context:
        assert err.context_vi, case
        assert err.context_vi in vi
    # every number, day, id and name of the English is in the Vietnamese
    assert set(_numbers(en)) <= set(_numbers(vi)), (en, vi)
    for quoted in re.findall(r"[\w:@.-]*:[\w:@.-]+", en):
        assert quoted.strip(".") in vi, (quoted, vi)
    for closest in err.closest if isinstance(err, NotFound) else ():
        assert closest in vi
    assert (
        _foreign_words(vi) - {"scores", "csv", "zzz", "khong", "co", "frist", "Atlantis", "total"}
        == set()
    ), vi
    assert err.message("vi") == vi
    assert err.message("en") == en
    # the Vietnamese survives pickling (multiprocessing, the service's workers)
    again = pickle.loads(pickle.dumps(err))
    assert messages(again) == (en, vi)


def test_the_command_line_says_the_same(capsys: pytest.CaptureFixture[str]) -> None:
    """``papi --lang vi`` prints, and ``--json`` documents, the message of
    :func:`papi.errors.messages` (the HTTP service's too, tests/test_server.py)."""
    import json

    from papi.cli import main

    with pytest.raises(NotFound) as raised:
        RAISES["unit after it ended"]()
    en, vi = messages(raised.value)
    argv = ["who", "D3", "--where", "Quận Hoàn Kiếm", "--on", "01/03/2026", "--lang", "vi"]
    assert main(argv) == 2
    assert capsys.readouterr().err.strip().endswith(vi)
    assert main([*argv, "--json"]) == 2
    doc = json.loads(capsys.readouterr().err)
    assert doc["error"]["message"] == doc["error"]["message_vi"] == vi
    assert doc["error"]["message_en"] == en
