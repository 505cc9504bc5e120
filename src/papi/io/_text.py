"""Reading plan text and answer JSON safely: size and nesting limits, surrogates, duplicate
keys, and problems located by line and column."""

from __future__ import annotations

import json
import re
import tomllib
from typing import Any

import papi.io as _io  # the limits are read from papi.io on each call, so they can be set there
from papi.errors import InvalidData
from papi.text import decode_utf8

_SURROGATE = re.compile("[\ud800-\udfff]")
_TOML_AT = re.compile(r"\(at line (\d+), column (\d+)\)")


class _Object(dict[str, Any]):
    """A JSON object in which a key appeared more than once (JSON keeps the last copy of a
    repeated key: papi reports it instead of losing data)."""

    __slots__ = ("repeated",)

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        counts: dict[str, int] = {}
        for k, _ in pairs:
            counts[k] = counts.get(k, 0) + 1
        self.repeated = tuple(k for k, n in counts.items() if n > 1)


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """The ``object_pairs_hook`` of every JSON papi reads: a plain dict, or an
    :class:`_Object` remembering its repeated keys."""
    d = dict(pairs)
    return d if len(d) == len(pairs) else _Object(pairs)


def _too_large(size: int, source: str) -> InvalidData:
    return InvalidData(
        f"larger than the {_io.MAX_DOCUMENT_BYTES // (1024 * 1024)} MiB papi reads "
        "(MAX_DOCUMENT_BYTES)",
        path=source,
        value=f"{size} bytes",
    )


def _decode(data: bytes, source: str) -> str:
    """UTF-8 text (a leading byte-order mark is dropped), or :class:`InvalidData` naming the
    line of the first undecodable byte."""
    if len(data) > _io.MAX_DOCUMENT_BYTES:
        raise _too_large(len(data), source)
    return decode_utf8(data, source=source)


def _parse(text: str, *, source: str, fmt: str, surrogates: bool = False) -> Any:
    """The data in ``text`` (``fmt`` ``"toml"`` or ``"json"``), checked against the limits
    (:data:`MAX_DOCUMENT_BYTES`, :data:`MAX_NESTING`), for keys repeated in a JSON object and
    (unless ``surrogates``: answers keep what :func:`dumps` escaped) for lone surrogates; every
    failure is one :class:`InvalidData` naming ``source`` and,
    where the parser knows them, the line and the path inside the document."""
    if len(text) > _io.MAX_DOCUMENT_BYTES // 4 and len(text.encode("utf-8", "replace")) > (
        _io.MAX_DOCUMENT_BYTES
    ):
        raise _too_large(len(text.encode("utf-8", "replace")), source)
    name = fmt.upper()
    try:
        data = tomllib.loads(text) if fmt == "toml" else json.loads(text, object_pairs_hook=_object)
    except json.JSONDecodeError as err:
        raise InvalidData(
            f"not valid JSON: {err.msg}",
            path=f"{source}: line {err.lineno}, column {err.colno}",
        ) from None
    except tomllib.TOMLDecodeError as err:
        at = _TOML_AT.search(str(err))
        where = f"{source}: line {at.group(1)}, column {at.group(2)}" if at else source
        raise InvalidData(
            f"not valid TOML: {_TOML_AT.sub('', str(err)).strip()}", path=where
        ) from None
    except RecursionError:
        raise InvalidData(
            f"not valid {name}: nested deeper than {_io.MAX_NESTING} levels (MAX_NESTING)",
            path=source,
        ) from None
    except ValueError as err:  # e.g. an integer literal longer than Python converts
        raise InvalidData(f"not valid {name}: {err}", path=source) from None
    _check_tree(data, source, surrogates)
    return data


def _check_tree(data: Any, source: str, surrogates: bool) -> None:
    """Walk the parsed data without recursion: nesting, repeated keys, lone surrogates. A
    first, fast walk finds whether anything is wrong; a second one, only then, finds where."""
    level: list[Any] = [data] if isinstance(data, dict | list) else []
    depth = 1
    while level:  # one level of containers at a time
        if depth > _io.MAX_NESTING:
            break
        values: list[Any] = []
        for node in level:
            if type(node) is list:
                values.extend(node)
            elif type(node) is dict:
                values.extend(node.values())
            else:  # an _Object: a repeated key
                break
        else:
            level = [v for v in values if isinstance(v, dict | list)]
            depth += 1
            continue
        break
    else:  # nesting and keys are fine: now the data is shallow enough for repr()
        if surrogates or not _has_surrogates(data):
            return
        _locate(data, source, surrogates=True)
    _locate(data, source, surrogates=False)


def _has_surrogates(data: Any) -> bool:
    """Whether any string of ``data`` holds a lone surrogate (one C-speed pass over the
    repr: a surrogate shows there as ``\\udXXX``, a genuine backslash as ``\\\\``)."""
    text = repr(data)
    return "\\ud" in text and _SURROGATE_IN_REPR.search(text) is not None


_SURROGATE_IN_REPR = re.compile(r"(?<!\\)(?:\\\\)*\\ud[89a-f][0-9a-f]{2}")


def _locate(data: Any, source: str, surrogates: bool) -> None:
    """Raise the first problem :func:`_check_tree` found, naming its path."""
    stack: list[tuple[Any, str, int]] = [(data, "", 1)]
    while stack:
        node, path, depth = stack.pop()
        if isinstance(node, str):
            if surrogates and _SURROGATE.search(node):
                raise InvalidData(
                    "a lone surrogate is not text (it cannot be written as UTF-8)",
                    path=f"{source}: {path or '(top)'}",
                    value=node.encode("utf-8", "backslashreplace").decode("ascii", "replace"),
                )
            continue
        if not isinstance(node, dict | list):
            continue
        if depth > _io.MAX_NESTING:
            raise InvalidData(
                f"nested deeper than {_io.MAX_NESTING} levels (MAX_NESTING)",
                path=f"{source}: {path or '(top)'}",
            )
        if isinstance(node, list):
            stack.extend((v, f"{path}[{i}]", depth + 1) for i, v in reversed(list(enumerate(node))))
            continue
        if isinstance(node, _Object) and node.repeated:
            k = node.repeated[0]
            raise InvalidData(
                "repeated key: JSON would keep only its last value",
                path=f"{source}: {_join(path, k)}",
                value=k,
            )
        for k, v in reversed(list(node.items())):
            if surrogates and _SURROGATE.search(k):
                raise InvalidData(
                    "a lone surrogate is not text (it cannot be written as UTF-8)",
                    path=f"{source}: {path or '(top)'}",
                    value=k.encode("utf-8", "backslashreplace").decode("ascii", "replace"),
                )
            stack.append((v, _join(path, k), depth + 1))
    raise AssertionError("_check_tree found a problem that _locate cannot")  # pragma: no cover


def _join(path: str, k: str) -> str:
    return f"{path}.{k}" if path else k
