"""The national successions against an independent oracle: the statistics office's
conversion table as shipped by the GPL-3.0 ``vietnam-provinces`` package (test-only; it
installs on Python >= 3.12, so this test skips cleanly elsewhere). papi never ships or imports
it at run time.

Measured with vietnam-provinces 2026.9.0: 10,026 of the 10,035 old communes (99.91 %) have the
same set of successors; the 9 differences are listed in ``KNOWN`` and in docs/territory.md.
"""

from __future__ import annotations

from datetime import date

import pytest

from papi.territory import Level, vietnam_territory

# old code -> (papi's successors, the oracle's successors or None when it has no entry)
KNOWN: dict[str, tuple[tuple[str, ...], tuple[str, ...] | None]] = {
    "00553": (("00136", "00541", "00565"), ("00136", "00541", "00562", "00565")),
    "00556": (("00541", "00562"), ("00541",)),
    "01615": (("01636",), ("01636", "01648")),
    "01651": (("01648",), None),
    "02482": (("02494",), None),
    "02485": (("02458",), ("02458", "02494")),
    "09013": (("08980", "08995", "09022"), ("08980", "08995", "09022", "09817")),
    "23053": (("23041", "23053"), ("23053",)),
    "28036": (("28036", "28087"), ("28036",)),
}
AGREE = 10_026


def test_agreement_with_the_statistics_office_table() -> None:
    pytest.importorskip("vietnam_provinces")
    from vietnam_provinces import _ward_conversion_2025 as oracle  # GPL-3.0, test only

    vn = vietnam_territory()
    old = vn.units(level=Level.COMMUNE, on=date(2025, 6, 30))
    agree = 0
    differ: dict[str, tuple[tuple[str, ...], tuple[str, ...] | None]] = {}
    for u in old:
        ours = tuple(sorted(x.code for x in vn.successors(u, on=date(2026, 3, 1))))
        entry = oracle.OLD_TO_NEW.get(int(u.code))
        theirs = None if entry is None else tuple(sorted(f"{w.code:05d}" for w in entry.new_wards))
        if ours == theirs:
            agree += 1
        else:
            differ[u.code] = (ours, theirs)
    assert len(old) == 10_035
    assert agree == AGREE
    assert differ == KNOWN
