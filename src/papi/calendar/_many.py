"""The array forms of the calendar's queries (the ``*_many`` methods of ``VietnamCalendar``).

Any iterable of days is answered day by day (a bad value is reported with its index); a numpy
``datetime64`` array is answered by indexing the numpy copies of the calendar's table, with the
same checks and the same answers, make-up Saturdays included. papi never imports numpy itself:
an array is recognised only when its caller already imported numpy.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from types import ModuleType
from typing import TYPE_CHECKING, TypeVar

from papi.calendar._table import _EPOCH, _STORE, MAX_YEAR, MIN_YEAR, _Table
from papi.errors import CoverageError, InvalidData

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    from papi.calendar._working_days import VietnamCalendar

_T = TypeVar("_T")


def is_working_day_many(
    cal: VietnamCalendar, days: NDArray[np.datetime64] | Iterable[date | str]
) -> NDArray[np.bool_] | tuple[bool, ...]:
    npm = _numpy_of(days)
    if npm is None:
        return tuple(_each(cal.is_working_day, _days(days)))
    t, idx = _np_index(cal, npm, days, "days")
    return _STORE.arrays(t).flags[idx]


def add_working_days_many(
    cal: VietnamCalendar,
    days: NDArray[np.datetime64] | Iterable[date | str],
    n: int | NDArray[np.integer] | Iterable[int],
) -> NDArray[np.datetime64] | tuple[date, ...]:
    npm = _numpy_of(days)
    if npm is None:
        seq = _days(days)
        counts = (n,) * len(seq) if isinstance(n, int) else tuple(n)
        if len(counts) != len(seq):
            raise InvalidData(f"must have {len(seq)} counts", path="n", value=len(counts))
        return tuple(_each(cal.add_working_days, seq, counts))
    t, idx = _np_index(cal, npm, days, "days")
    ns = npm.asarray(n)
    if ns.dtype.kind not in "iu" or (ns.size and int(ns.min()) < 0):
        bad = ns < 0 if ns.dtype.kind in "iu" else None
        raise InvalidData("must be ints >= 0", path="n", value=_first_bad(npm, ns, bad))
    a = _STORE.arrays(t)
    idx, ns = npm.broadcast_arrays(idx, ns)
    k = npm.where(ns > 0, a.cum[idx + 1] + ns - 1, a.cum[idx])
    if k.size and int(k.max()) >= t.nworks:
        raise CoverageError(
            f"the answer lies outside the years the calendar can compute ({MIN_YEAR}-{MAX_YEAR})"
        )
    out = a.works[k]
    if cal.strict:
        _np_strict(cal, npm, out, "result")
    return out  # type: ignore[no-any-return]


def working_days_between_many(
    cal: VietnamCalendar,
    a: NDArray[np.datetime64] | Iterable[date | str],
    b: NDArray[np.datetime64] | Iterable[date | str],
) -> NDArray[np.int64] | tuple[int, ...]:
    npm = _numpy_of(a) or _numpy_of(b)
    if npm is None:
        xs, ys = _days(a), _days(b)
        if len(xs) != len(ys):
            raise InvalidData(f"must have {len(xs)} days", path="b", value=len(ys))
        return tuple(_each(cal.working_days_between, xs, ys))
    t, i = _np_index(cal, npm, a, "a")
    _, j = _np_index(cal, npm, b, "b")
    cum = _STORE.arrays(t).cum
    return cum[j + 1] - cum[i + 1]


def _np_index(
    cal: VietnamCalendar, npm: ModuleType, days: object, name: str
) -> tuple[_Table, NDArray[np.int64]]:
    """Table indices of a datetime64 array (whole days), checked like scalar days."""
    arr = npm.asarray(days)
    if arr.dtype.kind != "M":
        raise InvalidData("must be a numpy datetime64 array", path=name, value=str(arr.dtype))
    whole = arr.astype("datetime64[D]")
    bad = npm.isnat(whole) | (whole != arr)
    if bad.any():
        first = npm.asarray(arr).ravel()[npm.asarray(bad).ravel()][0]
        raise InvalidData("must be whole days (no NaT)", path=name, value=str(first))
    t = cal._table or cal._load()
    idx = whole.view(npm.int64) + (_EPOCH - t.base)
    if idx.size and (int(idx.min()) < 0 or int(idx.max()) >= t.size):
        bad = whole[(idx < 0) | (idx >= t.size)][0]
        raise CoverageError(
            f"{name} contains {bad} outside the years the calendar can compute "
            f"({MIN_YEAR}-{MAX_YEAR})"
        )
    if cal.strict:
        _np_strict(cal, npm, whole, name)
    return t, idx


def _np_strict(
    cal: VietnamCalendar, npm: ModuleType, days: NDArray[np.datetime64], name: str
) -> None:
    lo, hi = cal.covered
    out = (days < npm.datetime64(lo, "D")) | (days > npm.datetime64(hi, "D"))
    for d in days[out].astype(object):  # at most the days outside: check each as a scalar
        cal._check(d, name)


def _numpy_of(values: object) -> ModuleType | None:
    """The numpy module if ``values`` is a numpy array (papi never imports numpy itself)."""
    npm = sys.modules.get("numpy")
    if npm is not None and isinstance(values, npm.ndarray):
        return npm
    return None


def _first_bad(npm: ModuleType, values: object, bad: object = None) -> object:
    """The first value of ``values`` where ``bad`` is true (all of them when ``bad`` is
    ``None``), as a plain Python value, for an error message."""
    arr = npm.asarray(values).ravel()
    if bad is not None:
        arr = arr[npm.asarray(bad).ravel()]
    return arr[0].item() if arr.size else None


def _days(values: Iterable[date | str]) -> tuple[date | str, ...]:
    if isinstance(values, (str, date)) or not isinstance(values, Iterable):
        raise InvalidData("must be an iterable of days", path="days", value=values)
    return tuple(values)


def _each(fn: Callable[..., _T], *columns: Sequence[object]) -> list[_T]:
    """``fn`` over the rows of ``columns``; a bad value is reported with its index."""
    out: list[_T] = []
    for i, row in enumerate(zip(*columns, strict=True)):
        try:
            out.append(fn(*row))
        except InvalidData as e:
            raise InvalidData(e.problems[0].message, path=f"[{i}].{e.path}", value=e.value) from e
    return out
