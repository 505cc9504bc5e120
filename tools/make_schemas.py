"""Generate the packaged JSON Schemas (``src/papi/data/schema/*.json``) from the attrs classes.

Every answer type of :mod:`papi.governance` (``ANSWER_TYPES``), every document of the HTTP
service (:data:`papi.server.documents.DOCUMENT_TYPES`) and every document only the ``papi``
command prints (:data:`papi.cli._documents.CLI_DOCUMENT_TYPES`) gets one JSON Schema (draft
2020-12), named after its ``schema`` key: ``papi.accountability/1`` -> ``accountability-1.json``
(the list is :func:`papi.server.schemas.schema_classes`). The
schemas are derived from the classes' type annotations, never written by hand:

* ``str``/``int``/``float``/``bool`` -> the JSON type; ``date`` -> an ISO date string;
* an ``Enum`` -> its values; a ``Literal`` -> its values;
* ``X | None`` -> ``X`` or ``null``; ``tuple[X, ...]`` -> an array of ``X``;
  ``Mapping[str, X]`` -> an object of ``X``;
* a nested attrs class -> a ``$defs`` entry named after the class, referenced by ``$ref``;
* the ``schema`` field -> a ``const`` of the class's ``SCHEMA``.

Every field is required (``to_dict()`` writes them all) and no other key is allowed. A closed
vocabulary is stated by the type itself (``Literal[...]``, e.g. a unit's ``level``, a
holder's ``status``), so the schemas' enums come from the classes, never from a list here.

Run ``python tools/make_schemas.py`` after changing an answer class, and commit the result;
``python tools/make_schemas.py --check`` exits 1 when the packaged files are out of date.
``tests/test_schemas.py`` checks the same.
"""

from __future__ import annotations

import argparse
import enum
import json
import re
import sys
import types
import typing
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import attrs

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "papi" / "data" / "schema"
BASE_ID = "https://papi-vn.github.io/schema/"

JSON = dict[str, Any]


def answer_classes() -> list[type[Any]]:
    """Every class that gets a schema file, answers first."""
    from papi.server.schemas import schema_classes

    return list(schema_classes().values())


def file_name(schema_key: str) -> str:
    """``papi.accountability/1`` -> ``accountability-1.json``."""
    from papi.server.schemas import file_name as name

    return name(schema_key)


def _describe(cls: type[Any]) -> str:
    doc = typing.cast(str, cls.__doc__ or "").split("\n\n")[0]
    doc = re.sub(r":[a-z]+:`~?([^`]+)`", r"`\1`", doc).replace("``", "`")
    return " ".join(doc.split())


class _Generator:
    def __init__(self) -> None:
        self.defs: dict[str, JSON] = {}

    def of_type(self, tp: Any, owner: str, field: str) -> JSON:
        origin = typing.get_origin(tp)
        args = typing.get_args(tp)
        if origin in (types.UnionType, typing.Union):
            options = [a for a in args if a is not type(None)]
            inner = (
                self.of_type(options[0], owner, field)
                if len(options) == 1
                else {"anyOf": [self.of_type(a, owner, field) for a in options]}
            )
            if type(None) not in args:
                return inner
            if set(inner) == {"type"} and isinstance(inner["type"], str):
                return {"type": [inner["type"], "null"]}
            if set(inner) == {"enum"}:
                return {"enum": [*inner["enum"], None]}
            return {"anyOf": [{"type": "null"}, inner]}
        if origin is typing.Literal:
            return {"enum": list(args)}
        if origin is tuple:
            if len(args) == 2 and args[1] is Ellipsis:
                return {"type": "array", "items": self.of_type(args[0], owner, field)}
            return {
                "type": "array",
                "prefixItems": [self.of_type(a, owner, field) for a in args],
                "items": False,
            }
        if origin is not None and isinstance(origin, type) and issubclass(origin, Mapping):
            return {
                "type": "object",
                "additionalProperties": self.of_type(args[1], owner, field),
            }
        if tp is str:
            return {"type": "string"}
        if tp is bool:
            return {"type": "boolean"}
        if tp is int:
            return {"type": "integer"}
        if tp is float:
            return {"type": "number"}
        if tp is date:
            return {"$ref": "#/$defs/date"}
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            return {"enum": [m.value for m in tp]}
        if isinstance(tp, type) and attrs.has(tp):
            name = tp.__name__
            if name not in self.defs:
                self.defs[name] = {}  # reserve the name (recursive types)
                self.defs[name] = self.of_class(tp)
            return {"$ref": f"#/$defs/{name}"}
        raise TypeError(f"{owner}.{field}: no JSON Schema for type {tp!r}")

    def of_class(self, cls: type[Any]) -> JSON:
        hints = typing.get_type_hints(cls)
        props: JSON = {}
        for f in attrs.fields(cls):
            if f.name == "schema" and getattr(cls, "SCHEMA", ""):
                props[f.name] = {"const": cls.SCHEMA}
            else:
                props[f.name] = self.of_type(hints[f.name], cls.__name__, f.name)
        return {
            "type": "object",
            "description": _describe(cls),
            "required": list(props),
            "additionalProperties": False,
            "properties": props,
        }


def schema_of(cls: type[Any]) -> JSON:
    """The JSON Schema of one answer or document class."""
    gen = _Generator()
    body = gen.of_class(cls)
    defs: JSON = {
        "date": {"type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
    }
    defs.update(sorted(gen.defs.items()))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": BASE_ID + file_name(cls.SCHEMA),
        "title": cls.SCHEMA,
        **body,
        "$defs": defs,
    }


def render(schema: JSON) -> str:
    """The file text of a schema (stable: 2-space indent, UTF-8, final newline)."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def generate() -> dict[str, str]:
    """File name -> text, for every class in :func:`answer_classes`."""
    return {file_name(c.SCHEMA): render(schema_of(c)) for c in answer_classes()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the files are stale")
    args = parser.parse_args(argv)
    wanted = generate()
    stale = sorted(
        name
        for name, text in wanted.items()
        if not (OUT / name).is_file() or (OUT / name).read_text("utf-8") != text
    )
    extra = sorted(p.name for p in OUT.glob("*.json") if p.name not in wanted)
    if args.check:
        for name in stale:
            print(f"stale: {OUT / name}", file=sys.stderr)
        for name in extra:
            print(f"not generated: {OUT / name}", file=sys.stderr)
        return 1 if stale or extra else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for name in stale:
        (OUT / name).write_text(wanted[name], encoding="utf-8")
        print(f"wrote {OUT / name}")
    for name in extra:
        (OUT / name).unlink()
        print(f"removed {OUT / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
