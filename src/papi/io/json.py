"""Answers as JSON: :func:`dumps` and :func:`loads`."""

from __future__ import annotations

import json
from typing import Any

from papi.errors import InvalidData, PapiError
from papi.governance import ANSWER_TYPES
from papi.io._text import (
    _SURROGATE,
    _parse,
)


def dumps(obj: Any, *, indent: int | None = 2) -> str:
    """JSON for any papi answer (anything with ``to_dict()``), keys in a stable order,
    non-ASCII kept as is. A lone surrogate (which no UTF-8 file can hold) is written as its
    ``\\udXXX`` escape, so the text always encodes and :func:`loads` gives it back."""
    if not hasattr(obj, "to_dict"):
        raise InvalidData("cannot serialise this object", path="obj", value=type(obj).__name__)
    text = json.dumps(obj.to_dict(), ensure_ascii=False, indent=indent)
    if _SURROGATE.search(text):  # only inside strings: escape, as ensure_ascii would
        text = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    return text


def loads(text: str) -> Any:
    """The answer object a :func:`dumps` text came from, chosen by its ``schema`` key.

    Text that is not such a document raises :class:`~papi.errors.InvalidData` (never a
    parser's own exception), under the same limits as plan files:

    >>> loads("")
    Traceback (most recent call last):
    ...
    papi.errors.InvalidData: answer: line 1, column 1: not valid JSON: Expecting value
    """
    if not isinstance(text, str):
        raise InvalidData("must be JSON text (str)", path="answer", value=type(text).__name__)
    data = _parse(text, source="answer", fmt="json", surrogates=True)
    schema = data.get("schema") if isinstance(data, dict) else None
    cls = ANSWER_TYPES.get(schema) if isinstance(schema, str) else None
    if cls is None:
        raise InvalidData("unknown schema", path="schema", value=schema)
    try:
        return cls.from_dict(data)
    except PapiError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as err:
        raise InvalidData(
            f"not a valid {schema} document ({type(err).__name__}: {err})", path="answer"
        ) from None
