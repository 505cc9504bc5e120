"""The entries, hops and law roles of a ``who`` answer are made when first read: a lazy
answer is the same answer by every measure (``==``, hash, JSON, pickling, ``repr``), and
threads reading it first all see one object."""

from __future__ import annotations

import pickle
import threading
from datetime import date

import attrs
import pytest

import papi
from papi.governance import Accountability, Governance, _lazy
from papi.governance.answers import Lazy, lazy_accountability

DAYS = (date(2022, 9, 30), date(2024, 3, 1), date(2026, 3, 1))
PLACES = ("Phường Hoàn Kiếm", "Quận Hoàn Kiếm", "Phường Hàng Trống", "Thành phố Hà Nội")
LAZY = ("responsible", "hops", "law_roles")


@pytest.fixture(scope="module")
def gov() -> Governance:
    return papi.hanoi()


def _raw(acc: Accountability, name: str) -> object:
    """What the slot holds, without making it."""
    return dict(_lazy._ACC_SLOTS)[name].__get__(acc, Accountability)


def _eager(acc: Accountability) -> Accountability:
    """The same answer made with the values themselves."""
    return Accountability(**{a.name: getattr(acc, a.name) for a in attrs.fields(Accountability)})


def _fresh(gov: Governance, subject: str, place: str, on: date) -> Accountability:
    """A new answer object (not the one in the answer store)."""
    from papi.governance.queries.who import who

    return who(gov._ctx, subject, place, on)


@pytest.mark.parametrize("subject", ["D1", "D3", "D8", "T6", "khiếu nại"])
def test_a_lazy_answer_is_the_eager_answer(gov: Governance, subject: str) -> None:
    for on in DAYS:
        for place in PLACES:
            try:
                lazy = _fresh(gov, subject, place, on)
            except papi.errors.PapiError:
                continue
            again = _fresh(gov, subject, place, on)
            json_first = lazy.to_dict()  # reads every field
            assert json_first == again.to_dict()
            eager = _eager(lazy)
            assert lazy == eager
            assert eager == lazy
            assert hash(lazy) == hash(eager)
            assert lazy.to_dict() == eager.to_dict() == json_first
            assert repr(lazy) == repr(eager)
            assert lazy.explain("en") == eager.explain("en")
            for name in LAZY:
                assert type(_raw(lazy, name)) is not Lazy  # read: the slot holds the value
                assert isinstance(getattr(lazy, name), tuple)


def test_unread_answers_compare_hash_and_pickle_as_eager_ones(gov: Governance) -> None:
    a = _fresh(gov, "D3", "Phường Hoàn Kiếm", date(2026, 3, 1))
    b = _fresh(gov, "D3", "Phường Hoàn Kiếm", date(2026, 3, 1))
    c = _fresh(gov, "D3", "Phường Hoàn Kiếm", date(2026, 3, 1))
    assert any(type(_raw(a, n)) is Lazy for n in LAZY)  # nothing read yet
    assert hash(a) == hash(_eager(b))
    assert a == b
    back = pickle.loads(pickle.dumps(c))
    assert type(back) is Accountability
    assert all(type(_raw(back, n)) is not Lazy for n in LAZY)
    assert back == a
    assert hash(back) == hash(a)
    assert Accountability.from_dict(a.to_dict()) == a
    assert attrs.evolve(a, warnings=()).responsible == a.responsible
    assert attrs.asdict(a) == attrs.asdict(_eager(a))


def test_the_fields_stay_frozen(gov: Governance) -> None:
    acc = _fresh(gov, "D3", "Phường Hoàn Kiếm", date(2026, 3, 1))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        acc.responsible = ()  # type: ignore[misc]
    # lazy_accountability sets each slot to its own argument
    args = [object() for _ in range(9)]
    made = lazy_accountability(*args)  # type: ignore[arg-type]
    names = [a.name for a in attrs.fields(Accountability)]
    assert [_raw(made, n) for n in names] == [Accountability.SCHEMA, *args]


def test_threads_reading_a_fresh_answer_see_one_object(gov: Governance) -> None:
    for on in DAYS:
        acc = _fresh(gov, "D3", "Thành phố Hà Nội", on)
        seen: list[tuple[object, object, object]] = []
        barrier = threading.Barrier(16)

        def read(
            acc: Accountability,
            barrier: threading.Barrier,
            seen: list[tuple[object, object, object]],
        ) -> None:
            barrier.wait()
            seen.append((acc.responsible, acc.hops, acc.law_roles))

        threads = [threading.Thread(target=read, args=(acc, barrier, seen)) for _ in range(16)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(seen) == 16
        first = seen[0]
        assert all(s[i] is first[i] for s in seen for i in range(3))
        assert acc == _eager(_fresh(gov, "D3", "Thành phố Hà Nội", on))


def test_lazy_publishes_one_value() -> None:
    calls: list[int] = []
    barrier = threading.Barrier(8)

    def make() -> tuple[int, ...]:
        calls.append(1)
        return tuple(range(3))

    lazy: Lazy[tuple[int, ...]] = Lazy(make)
    got: list[tuple[int, ...]] = []

    def read() -> None:
        barrier.wait()
        got.append(lazy.get())

    threads = [threading.Thread(target=read) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(g is got[0] for g in got)
    assert got[0] == (0, 1, 2)
    assert 1 <= len(calls) <= 8
    assert lazy.get() is got[0]
    assert Lazy.made(()).get() == ()
