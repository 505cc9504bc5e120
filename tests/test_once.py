"""papi._once.load_once: the one thread-safe lazy loader."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from papi._once import load_once


def test_concurrent_first_calls_share_one_value() -> None:
    calls: list[int] = []
    gate = threading.Barrier(8)

    @load_once
    def build() -> object:
        calls.append(1)
        return object()

    def ask() -> object:
        gate.wait()
        return build()

    with ThreadPoolExecutor(8) as pool:
        values = list(pool.map(lambda _: ask(), range(8)))
    assert len(calls) == 1
    assert all(v is values[0] for v in values)


def test_each_key_is_built_once_and_keys_do_not_share() -> None:
    calls: list[int] = []

    @load_once
    def double(n: int) -> list[int]:
        calls.append(n)
        return [2 * n]

    assert double(1) is double(1)
    assert double(2) == [4]
    assert double(n=3) is double(n=3)
    assert calls == [1, 2, 3]


def test_an_exception_is_not_cached() -> None:
    attempts: list[int] = []

    @load_once
    def flaky() -> str:
        attempts.append(1)
        if len(attempts) == 1:
            raise OSError("not yet")
        return "ok"

    with pytest.raises(OSError, match="not yet"):
        flaky()
    assert flaky() == "ok"
    assert flaky() == "ok"
    assert len(attempts) == 2


def test_past_maxsize_values_are_computed_not_stored_and_nothing_is_evicted() -> None:
    @load_once(maxsize=2)
    def box(n: int) -> list[int]:
        return [n]

    first = box(1)
    box(2)
    assert box(3) is not box(3)  # over the bound: fresh each time
    assert box(1) is first  # the values handed out first stay the shared ones


def test_the_loader_keeps_the_name_and_docstring() -> None:
    @load_once
    def packaged() -> int:
        """The packaged thing."""
        return 1

    assert packaged.__name__ == "packaged"
    assert packaged.__doc__ == "The packaged thing."
    packaged.cache_clear()
    assert packaged() == 1
