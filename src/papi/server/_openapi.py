"""The OpenAPI side of the service (private): the responses each endpoint documents, and the
packaged JSON Schemas as OpenAPI components, so that ``/openapi.json`` publishes the same
schemas the tests validate the answers against."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from papi.server.schemas import schema, schema_classes

__all__ = ["ERRORS", "openapi_components", "responses"]

#: the error statuses of an endpoint that reads names: malformed, unknown, ambiguous
ERRORS = (400, 404, 409)


def responses(
    name: str, *, text: bool = False, errors: Sequence[int] = (400,)
) -> dict[int | str, dict[str, Any]]:
    """The ``responses`` of an endpoint answering with the documents of the class ``name``
    (and, with ``text``, plain text), the errors of ``errors`` and ``304 Not Modified``."""
    ok: dict[str, Any] = {"application/json": {"schema": _ref(name)}}
    if text:
        ok["text/plain"] = {"schema": {"type": "string"}}
    out: dict[int | str, dict[str, Any]] = {200: {"description": "The answer.", "content": ok}}
    meaning = {
        400: "A parameter is missing or malformed.",
        404: "A name or code matched nothing; `candidates` holds the closest records.",
        409: "A name matched several records; `candidates` lists them.",
    }
    for status in errors:
        out[status] = {
            "description": meaning[status],
            "content": {"application/json": {"schema": _ref("Error")}},
        }
    if name != "Health":
        out[304] = {"description": "Not modified (the `If-None-Match` ETag matches)."}
    return out


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def openapi_components() -> dict[str, Any]:
    """Every packaged JSON Schema as OpenAPI components, named after its class; the schemas'
    ``$defs`` become components of their own (shared definitions must be identical)."""
    out: dict[str, Any] = {}

    def put(name: str, value: dict[str, Any]) -> None:
        if name in out and out[name] != value:
            raise RuntimeError(f"two different JSON Schemas named {name!r}")  # pragma: no cover
        out[name] = value

    for key, cls in schema_classes().items():
        sch = schema(key)
        defs = sch.pop("$defs", {})
        for dropped in ("$schema", "$id"):
            sch.pop(dropped, None)
        put(cls.__name__, _rewrite(sch))
        for name, value in defs.items():
            put(name, _rewrite(value))
    return dict(sorted(out.items()))


def _rewrite(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            k: (
                v.replace("#/$defs/", "#/components/schemas/")
                if k == "$ref" and isinstance(v, str)
                else _rewrite(v)
            )
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_rewrite(v) for v in node]
    return node
