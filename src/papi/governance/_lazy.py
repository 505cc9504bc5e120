"""The laziness of :class:`~papi.governance.answers.Accountability`: its ``responsible``,
``hops`` and ``law_roles`` may be made when first read (:class:`Lazy`,
:func:`lazy_accountability`), and the answer is the same by every measure (``==``, hash,
JSON, pickling, ``repr``) as one made with the values themselves.

Private: import :class:`Lazy` and :func:`lazy_accountability` from
:mod:`papi.governance.answers`, their public home. This module needs the answer classes, so
``answers`` imports it last, once they are defined; importing it first works the same (the
package imports ``answers`` first).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from typing import Any, Final, Generic, TypeVar

import attrs

from papi.governance.answers import (
    Accountability,
    DeadlineInfo,
    EscalationStep,
    Hop,
    LawRoleInfo,
    Notice,
    Responsible,
    SubjectInfo,
    UnitInfo,
)

__all__ = ["Lazy", "lazy_accountability"]

_A = TypeVar("_A")
_T = TypeVar("_T")
_PUBLISH = threading.Lock()


class Lazy(Generic[_T]):
    """A value made when first read (``make()``), then kept: what an answer field holds
    until somebody reads it (see :func:`lazy_accountability`). Two threads reading it first
    may both call ``make()``; the first result published is the one every reader gets."""

    __slots__ = ("_arg", "_make", "_value")

    def __init__(self, make: Callable[[], _T]) -> None:
        self._make: Callable[..., _T] | None = make
        self._arg: object = _NO_ARG
        self._value: _T | None = None

    @classmethod
    def of(cls, make: Callable[[_A], _T], arg: _A) -> Lazy[_T]:
        """A value made by ``make(arg)`` when first read (``Lazy(partial(make, arg))``
        without the ``partial``: the compiled tables make one per answer part they keep).

        >>> Lazy.of(len, "abc").get()
        3
        """
        lazy: Lazy[_T] = cls.__new__(cls)
        lazy._make, lazy._arg, lazy._value = make, arg, None
        return lazy

    @classmethod
    def made(cls, value: _T) -> Lazy[_T]:
        """A lazy value already made."""
        lazy: Lazy[_T] = cls.__new__(cls)
        lazy._make, lazy._arg, lazy._value = None, _NO_ARG, value
        return lazy

    def get(self) -> _T:
        """The value, made on the first call."""
        arg = self._arg  # before _make: a maker read is then read with its argument
        make = self._make
        if make is None:
            return self._value  # type: ignore[return-value]
        value = make() if arg is _NO_ARG else make(arg)
        with _PUBLISH:
            if self._make is None:  # another thread published first
                return self._value  # type: ignore[return-value]
            self._value = value
            self._make = None  # frees what the maker held
            self._arg = _NO_ARG
        return value


#: :attr:`Lazy._arg` of a value made without an argument
_NO_ARG: Final = object()

Lazy.__module__ = "papi.governance.answers"  # its public home (repr, pickling, docs)


class _LazySlot:
    """The descriptor of an attrs slot that may hold a :class:`Lazy`: reading the field
    makes the value and stores it in the slot, so that every attrs method (``==``, hash,
    ``repr``, pickling, ``attrs.evolve``, ``attrs.asdict``) and cattrs see plain values."""

    __slots__ = ("slot",)

    def __init__(self, slot: Any) -> None:
        self.slot = slot

    def __get__(self, obj: object, cls: type | None = None) -> Any:
        if obj is None:
            return self.slot
        value = self.slot.__get__(obj, cls)
        if type(value) is Lazy:
            value = value.get()
            self.slot.__set__(obj, value)  # the same published object in every thread
        return value

    def __set__(self, obj: object, value: object) -> None:
        self.slot.__set__(obj, value)

    def __delete__(self, obj: object) -> None:
        self.slot.__delete__(obj)


#: the fields of :class:`Accountability` that :func:`lazy_accountability` may fill lazily
_LAZY_FIELDS = ("responsible", "hops", "law_roles")
for _name in _LAZY_FIELDS:
    setattr(Accountability, _name, _LazySlot(Accountability.__dict__[_name]))
#: each field of :class:`Accountability` and its slot (without the lazy descriptor), in order
#: (``schema``, ``subject``, ``where``, ``on``, ``responsible``, ``escalation``, ``deadlines``,
#: ``hops``, ``warnings``, ``law_roles``: :func:`lazy_accountability` sets them in this order)
_ACC_SLOTS = tuple(
    (a.name, getattr(Accountability.__dict__[a.name], "slot", Accountability.__dict__[a.name]))
    for a in attrs.fields(Accountability)
)
#: an :class:`Accountability` being filled: the same base and slots (the same layout), without
#: the frozen ``__setattr__`` and the lazy descriptors, so that each field is stored by the
#: interpreter's own slot store; :func:`lazy_accountability` fills one and then makes it an
#: :class:`Accountability` (``__class__`` assignment, allowed between classes of one layout):
#: about a third of the cost of setting the slots through their descriptors
_SLOT_NAMES = vars(Accountability)["__slots__"]
_Filling: type = type("_Filling", Accountability.__bases__, {"__slots__": _SLOT_NAMES})
assert tuple(n for n, _ in _ACC_SLOTS) == _SLOT_NAMES  # each field set below, in order
_new = object.__new__
_SCHEMA = Accountability.SCHEMA


def lazy_accountability(
    subject: SubjectInfo,
    where: UnitInfo,
    on: date,
    responsible: Lazy[tuple[Responsible, ...]],
    escalation: tuple[EscalationStep, ...],
    deadlines: tuple[DeadlineInfo, ...],
    hops: Lazy[tuple[Hop, ...]],
    warnings: tuple[Notice, ...],
    law_roles: Lazy[tuple[LawRoleInfo, ...]],
) -> Accountability:
    """An :class:`Accountability` whose ``responsible``, ``hops`` and ``law_roles`` are made
    when first read: the same object, by every measure (``==``, hash, JSON, pickling), as
    one made with the values themselves. Its slots are set directly (the class has no
    validators or converters): ``who`` makes one per question."""
    acc: Any = _new(_Filling)
    acc.schema = _SCHEMA
    acc.subject = subject
    acc.where = where
    acc.on = on
    acc.responsible = responsible
    acc.escalation = escalation
    acc.deadlines = deadlines
    acc.hops = hops
    acc.warnings = warnings
    acc.law_roles = law_roles
    acc.__class__ = Accountability
    return acc  # type: ignore[no-any-return]
