"""Checks shared by the rule modules (private): attrs validators raising InvalidData that name
the field, and the checks of the dict form's mappings."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from papi.errors import InvalidData

__all__: list[str] = []


def _nonneg_int(name: str) -> Callable[[Any, Any, Any], None]:
    def check(instance: Any, attribute: Any, value: Any) -> None:
        if type(value) is not int or value < 0:
            raise InvalidData("must be an int >= 0", path=name, value=value)

    return check


def _instance(name: str, kind: type | tuple[type, ...]) -> Callable[[Any, Any, Any], None]:
    def check(instance: Any, attribute: Any, value: Any) -> None:
        if not isinstance(value, kind) or (
            kind is date and isinstance(value, datetime)  # a date, not a datetime
        ):
            raise InvalidData(f"must be a {_kind_name(kind)}", path=name, value=value)

    return check


def _optional(check: Callable[[Any, Any, Any], None]) -> Callable[[Any, Any, Any], None]:
    def wrapped(instance: Any, attribute: Any, value: Any) -> None:
        if value is not None:
            check(instance, attribute, value)

    return wrapped


def _kind_name(kind: type | tuple[type, ...]) -> str:
    if isinstance(kind, tuple):
        return " or ".join(k.__name__ for k in kind)
    return kind.__name__


def _nonempty_str(name: str) -> Callable[[Any, Any, Any], None]:
    def check(instance: Any, attribute: Any, value: Any) -> None:
        if not isinstance(value, str) or not value.strip():
            raise InvalidData("must be a non-empty string", path=name, value=value)

    return check


def _check_lang(lang: str) -> None:
    if lang not in ("vi", "en"):
        raise InvalidData("must be 'vi' or 'en'", path="lang", value=lang)


def _mapping(data: object, path: str) -> Mapping[str, object]:
    if not isinstance(data, Mapping):
        raise InvalidData("must be a mapping", path=path, value=data)
    for k in data:
        if not isinstance(k, str):
            raise InvalidData("keys must be strings", path=path, value=k)
    return data


def _no_unknown(m: Mapping[str, object], allowed: set[str], path: str) -> None:
    for k in m:
        if k not in allowed:
            raise InvalidData(
                f"unknown key (allowed: {', '.join(sorted(allowed))})", path=f"{path}.{k}", value=k
            )


def _str(value: object, path: str) -> str:
    if not isinstance(value, str):
        raise InvalidData("must be a string", path=path, value=value)
    return value
