"""Governance answers through the public queries, where issue 12's mutation runs found that
a change could pass unnoticed (or that an answer depended on what was asked before)."""

from __future__ import annotations

from datetime import date

from papi.datasets import hanoi

POST_REFORM = date(2026, 3, 1)


def test_a_unit_and_a_string_equal_to_its_id_are_answered_apart() -> None:
    """Phường Hàng Bạc (id and NSO code 00061) merged into Phường Hoàn Kiếm on 2025-07-01.
    Asked as a unit object, the notice names it; asked as ``"00061"``, it repeats the code:
    the answer must not depend on which was asked first (the answer store once keyed both
    by ``"00061"``)."""
    gov = hanoi().builder().build()  # a store of its own
    old = gov.territory.get("00061")
    by_unit = gov.who("D3", where=old, on=POST_REFORM)
    by_code = gov.who("D3", where="00061", on=POST_REFORM)
    fresh = hanoi().builder().build().who("D3", where="00061", on=POST_REFORM)
    assert by_code == fresh
    (notice,) = [w for w in by_code.warnings if w.code == "where_succeeded"]
    assert notice.message_en.startswith("00061 no longer exists on 2026-03-01")
    (notice,) = [w for w in by_unit.warnings if w.code == "where_succeeded"]
    assert notice.message_en.startswith("Phường Hàng Bạc no longer exists on 2026-03-01")
    assert gov.who("D3", where=old, on=POST_REFORM) == by_unit
