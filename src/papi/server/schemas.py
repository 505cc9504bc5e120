"""The packaged JSON Schemas of every answer, service document and command-line document, by
``schema`` key.

The files under ``papi/data/schema/`` are generated from the attrs classes by
``tools/make_schemas.py`` (never written by hand); this module only finds and reads them.

>>> schema("papi.accountability/1")["title"]
'papi.accountability/1'
>>> file_name("papi.units/1"), file_name("papi.framework-element/1")
('units-1.json', 'framework-element-1.json')
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from importlib import resources
from types import MappingProxyType
from typing import Any

__all__ = ["file_name", "schema", "schema_classes"]


def file_name(schema_key: str) -> str:
    """The packaged file of a schema key: ``papi.accountability/1`` -> ``accountability-1.json``."""
    match = re.fullmatch(r"papi\.([a-z_-]+)/(\d+)", schema_key)
    if match is None:
        from papi.errors import NotFound

        raise NotFound("schema", schema_key, closest=tuple(schema_classes()))
    return f"{match[1]}-{match[2]}.json"


def schema_classes() -> Mapping[str, type[Any]]:
    """Schema key -> the class whose ``to_dict()`` writes documents of that schema: the
    answers of :mod:`papi.governance`, the documents of :mod:`papi.server.documents`, then
    those only the ``papi`` command prints (``papi.check/1``, ``papi.ranking/1``,
    ``papi.framework-element/1``)."""
    return _classes()


@functools.cache
def _classes() -> Mapping[str, type[Any]]:
    from papi.cli._documents import CLI_DOCUMENT_TYPES
    from papi.governance import ANSWER_TYPES
    from papi.server.documents import DOCUMENT_TYPES

    found: dict[str, type[Any]] = dict(ANSWER_TYPES)
    found.update((c.SCHEMA, c) for c in (*DOCUMENT_TYPES, *CLI_DOCUMENT_TYPES))
    return MappingProxyType(found)


def schema(schema_key: str) -> dict[str, Any]:
    """The packaged JSON Schema (draft 2020-12) of ``schema_key``, as a fresh dict."""
    return json.loads(_text(file_name(schema_key)))  # type: ignore[no-any-return]


@functools.cache
def _text(name: str) -> str:
    return resources.files("papi").joinpath("data", "schema", name).read_text("utf-8")
