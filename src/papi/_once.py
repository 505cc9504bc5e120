"""The one thread-safe lazy loader of papi (private): :func:`load_once`.

Packaged data (the frameworks, the Hanoi results, the Hanoi model ...) is read and validated
on first use, then shared by every caller and every thread. Modules say so by decorating the
function that builds the value; they hold no locks or cache dicts of their own::

    @load_once
    def _packaged() -> tuple[Framework, ...]:
        return _read_packaged()

The function runs once per distinct argument tuple, even when several threads ask for the
same value at the same moment (they wait for the first one; a different key does not wait).
An exception is not cached: the next call tries again. ``maxsize`` bounds how many values are
kept: past it, new keys are computed on every call and never stored (nothing is evicted, so
a value once handed out stays the shared one).

>>> calls = []
>>> @load_once
... def answer() -> int:
...     calls.append(1)
...     return 42
>>> answer(), answer(), len(calls)
(42, 42, 1)
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Hashable
from typing import Generic, ParamSpec, TypeVar, overload

__all__ = ["load_once"]

P = ParamSpec("P")
T = TypeVar("T")


class _Loader(Generic[P, T]):
    """The callable :func:`load_once` returns: values by argument key, one lock per key."""

    def __init__(self, fn: Callable[P, T], maxsize: int | None) -> None:
        self._fn = fn
        self._maxsize = maxsize
        self._values: dict[Hashable, T] = {}
        self._locks: dict[Hashable, threading.Lock] = {}
        self._guard = threading.Lock()
        functools.update_wrapper(self, fn)

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> T:
        key: Hashable = (args, tuple(sorted(kwargs.items()))) if kwargs else args
        try:
            return self._values[key]
        except KeyError:
            pass
        if self._maxsize is not None and len(self._values) >= self._maxsize:
            return self._fn(*args, **kwargs)
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            try:
                return self._values[key]
            except KeyError:
                value = self._fn(*args, **kwargs)
                self._values[key] = value
        with self._guard:
            self._locks.pop(key, None)
        return value

    def cache_clear(self) -> None:
        """Forget every value (for tests that count loads)."""
        with self._guard:
            self._values.clear()


@overload
def load_once(fn: Callable[P, T], /) -> _Loader[P, T]: ...
@overload
def load_once(*, maxsize: int | None = None) -> Callable[[Callable[P, T]], _Loader[P, T]]: ...
def load_once(
    fn: Callable[P, T] | None = None, /, *, maxsize: int | None = None
) -> _Loader[P, T] | Callable[[Callable[P, T]], _Loader[P, T]]:
    """Decorate ``fn`` so that it runs once per distinct arguments, thread-safely.

    Use it bare (``@load_once``) or with a bound (``@load_once(maxsize=128)``) when the
    arguments come from callers (a year, a path) rather than from a fixed set.

    >>> @load_once(maxsize=2)
    ... def square(n: int) -> int:
    ...     return n * n
    >>> [square(n) for n in (3, 3, 4, 5)]
    [9, 9, 16, 25]
    """
    if fn is not None:
        return _Loader(fn, maxsize)

    def decorate(f: Callable[P, T]) -> _Loader[P, T]:
        return _Loader(f, maxsize)

    return decorate
