"""The dict form of rules (plan files, the statute catalogue, JSON): one cattrs converter,
its hooks named here, and the fields of each rule class read from the class itself (no table
of field names to keep in step with the classes).

A rule's dict has ``type`` (its kind), the fields of its class, and the keys every rule may
have: ``effective_from``, ``effective_to`` (its validity) and ``citation``. Writing leaves
out a field equal to its default; reading accepts exactly the keys of the class, checks each
value strictly (an integer is not a string of digits, a date is ``YYYY-MM-DD``) and raises
:class:`~papi.errors.InvalidData` naming the key of the first problem.

>>> from papi.rules import After, PeriodUnit
>>> rule_to_dict(After(10, PeriodUnit.WORKING_DAYS, of="receipt"))
{'type': 'after', 'n': 10, 'unit': 'working_days', 'of': 'receipt'}
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from typing import Any, Protocol, TypeVar

import attrs
from cattrs import Converter
from cattrs.gen import make_dict_unstructure_fn, override

from papi._once import load_once
from papi.dates import Validity, parse_day
from papi.errors import InvalidData, ValidityError
from papi.rules._checks import _no_unknown
from papi.rules.citation import Citation

__all__ = ["read_rule", "rule_to_dict"]

#: The keys of every rule's dict form besides the fields of its class.
COMMON_KEYS = frozenset({"type", "effective_from", "effective_to", "citation"})
#: The attrs fields every rule has, written as the common keys.
_BASE_FIELDS = ("citation", "validity")

R = TypeVar("R")


class _RuleLike(Protocol):
    kind: typing.ClassVar[str]

    @property
    def citation(self) -> Citation | None: ...

    @property
    def validity(self) -> Validity: ...


# --------------------------------------------------------------------------------------------
# The converter: strict reading hooks (the messages of the dict form) and writing hooks


def _int(value: object, _: type) -> int:
    if type(value) is not int:
        raise InvalidData("must be an integer", value=value)
    return value


def _str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise InvalidData("must be a string", value=value)
    return value


def _bool(value: object, _: type) -> bool:
    if type(value) is not bool:
        raise InvalidData("must be true or false", value=value)
    return value


def _date(value: object, _: type) -> date:
    if not isinstance(value, str | date) or isinstance(value, datetime):
        raise InvalidData("not a date in the form YYYY-MM-DD", value=value)
    return parse_day(value, arg="")  # 1000-2999, as every day papi reads


def _time(value: object, _: type) -> time:
    if isinstance(value, time):
        return value
    if isinstance(value, str):
        try:
            return time.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidData("not a time in the form HH:MM", value=value)


def _is_enum(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, enum.Enum)


def _enum(value: object, cls: type[enum.Enum]) -> enum.Enum:
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(repr(e.value) for e in cls)
        raise InvalidData(f"must be one of {allowed}", value=value) from None


def _is_optional(cls: Any) -> bool:
    union = typing.get_origin(cls) in (typing.Union, types.UnionType)
    return union and type(None) in typing.get_args(cls)


def _time_text(t: time) -> str:
    exact = t.second or t.microsecond
    return t.isoformat() if exact else t.isoformat(timespec="minutes")


@load_once
def _converter() -> Converter:
    conv = Converter()
    conv.register_structure_hook(int, _int)
    conv.register_structure_hook(str, _str)
    conv.register_structure_hook(bool, _bool)
    conv.register_structure_hook(date, _date)
    conv.register_structure_hook(time, _time)
    conv.register_structure_hook_func(_is_enum, _enum)
    # a key that is present must hold a value: `null` is read as the field's type would be
    conv.register_structure_hook_func(
        _is_optional,
        lambda value, cls: conv.structure(
            value, next(a for a in typing.get_args(cls) if a is not type(None))
        ),
    )
    conv.register_unstructure_hook(date, date.isoformat)
    conv.register_unstructure_hook(time, _time_text)
    conv.register_unstructure_hook_func(_is_enum, lambda e: e.value)
    return conv


@load_once
def _fields(cls: type) -> tuple[attrs.Attribute[Any], ...]:
    """The fields of rule class ``cls`` in its dict form (types resolved), in class order."""
    attrs.resolve_types(cls)
    return tuple(f for f in attrs.fields(cls) if f.name not in _BASE_FIELDS)


@load_once
def _writer(cls: type) -> Callable[[Any], dict[str, Any]]:
    attrs.resolve_types(cls)
    return make_dict_unstructure_fn(
        cls,
        _converter(),
        _cattrs_omit_if_default=True,
        citation=override(omit=True),
        validity=override(omit=True),
    )


# --------------------------------------------------------------------------------------------
# Writing and reading


def rule_to_dict(rule: _RuleLike) -> dict[str, object]:
    """The dict form of ``rule`` (what ``rule.to_dict()`` returns)."""
    out: dict[str, object] = {"type": rule.kind, **_writer(type(rule))(rule)}
    if rule.validity.valid_from is not None:
        out["effective_from"] = rule.validity.valid_from.isoformat()
    if rule.validity.valid_to is not None:
        out["effective_to"] = rule.validity.valid_to.isoformat()
    if rule.citation is not None:
        out["citation"] = rule.citation.to_dict()
    return out


def read_rule(cls: type[R], m: Mapping[str, object], path: str) -> R:
    """A rule of class ``cls`` from the dict form ``m`` (its ``type`` already checked); the
    first problem raises :class:`~papi.errors.InvalidData` naming its key under ``path``."""
    fields = _fields(cls)
    _no_unknown(m, {f.name for f in fields} | COMMON_KEYS, path)
    for f in fields:
        if f.default is attrs.NOTHING and f.name not in m:
            raise InvalidData("missing key", path=f"{path}.{f.name}")
    conv = _converter()
    kwargs: dict[str, object] = {}
    for f in fields:
        if f.name in m:
            kwargs[f.name] = _at(f"{path}.{f.name}", conv.structure, m[f.name], f.type)
    kwargs["validity"] = _validity(m, path)
    if "citation" in m:
        kwargs["citation"] = Citation.from_dict(m["citation"], path=f"{path}.citation")
    try:
        return cls(**kwargs)
    except InvalidData as e:
        raise type(e)(str(e.problems[0].message), path=f"{path}.{e.path}", value=e.value) from e


def _at(path: str, structure: Callable[[object, Any], Any], value: object, cls: Any) -> Any:
    """``structure(value, cls)``, its InvalidData placed at ``path``."""
    try:
        return structure(value, cls)
    except InvalidData as e:
        raise InvalidData(e.problems[0].message, path=path, value=e.value) from None


def _validity(m: Mapping[str, object], path: str) -> Validity:
    lo, hi = (
        _at(f"{path}.{key}", _date, m[key], date) if m.get(key) is not None else None
        for key in ("effective_from", "effective_to")
    )
    try:
        return Validity(valid_from=lo, valid_to=hi)
    except ValidityError as e:
        raise ValidityError(
            f"effective_to must be after effective_from ({lo})",
            path=f"{path}.effective_to",
            value=hi,
        ) from e
