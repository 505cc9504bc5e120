"""The FastAPI application of the read-only HTTP service (needs the ``server`` extra).

One :class:`Service` wraps an immutable :class:`~papi.Governance`; every endpoint parses its
query, asks the library, and sends the answer's own ``to_dict()`` JSON (or its ``explain()``
text with ``format=text``). Answers depend only on the query and the model, so each rendered
answer is kept in one bounded LRU cache and sent with a strong ``ETag``; a request with a
matching ``If-None-Match`` gets ``304 Not Modified``.

The service's logic is in ``papi.server._service``, its endpoints in ``papi.server._routes``
and the OpenAPI components in ``papi.server._openapi``; this module builds the application.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

import papi
from papi.governance import Governance
from papi.server._openapi import openapi_components
from papi.server._routes import add_routes
from papi.server._service import CACHE_SIZE, Failure, Lang, Service, dumps, parse_day

__all__ = [
    "CACHE_SIZE",
    "Service",
    "create_app",
    "default_governance",
    "dumps",
    "openapi_components",
    "parse_day",
]

_DESCRIPTION = """\
Read-only answers of [papi](https://github.com/papi-vn/papi): who is accountable for this,
here, by when, and on what legal basis, in Vietnamese public administration.

Every answer is the library's own JSON document, with a versioned `schema` key; the
response schemas below are papi's packaged JSON Schemas (`papi/data/schema/*.json`).
Dates are `YYYY-MM-DD` or `dd/mm/yyyy`; `lang=vi|en` chooses the language of error
messages and of `format=text`. Errors are `papi.error/1` documents with a stable `code`.
Answers carry an `ETag` and `Cache-Control`; answers' data-coverage warnings are in their
`warnings` field (their codes also in the `Papi-Warnings` header).
"""


def create_app(
    governance: Governance | None = None, *, allow_origins: Sequence[str] = ()
) -> FastAPI:
    """The FastAPI application answering over ``governance`` (default: :func:`papi.vietnam`,
    the whole country).

    ``allow_origins`` lists the web origins allowed to call the service from a browser (CORS);
    none by default.
    """
    gov = governance if governance is not None else default_governance()
    svc = Service(gov)
    app = FastAPI(
        title="papi",
        version=papi.__version__,
        description=_DESCRIPTION,
        docs_url="/docs",
        redoc_url=None,
    )
    app.state.service = svc
    if allow_origins:
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(allow_origins),
            allow_methods=["GET"],
            expose_headers=["ETag", "Papi-On", "Papi-Warnings"],
        )

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        problem = exc.errors()[0] if exc.errors() else {}
        name = str(problem.get("loc", ("query", "?"))[-1])
        lang = svc.lang(request, _lang_of(request))
        if problem.get("type") == "missing":
            fail = Failure(
                "missing_parameter",
                400,
                f"Thiếu tham số {name}",
                f"missing query parameter {name!r}",
                name,
            )
        else:
            value = request.query_params.get(name)
            fail = Failure(
                "invalid_parameter",
                400,
                f"Tham số {name} không hợp lệ (giá trị: “{value}”)",
                f"invalid query parameter {name!r} (value: {value!r}): {problem.get('msg', '')}",
                name,
            )
        return svc.error(fail, lang, request)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        lang = svc.lang(request, _lang_of(request))
        path = request.url.path
        if exc.status_code == 405:
            fail = Failure(
                "method_not_allowed",
                405,
                f"{request.method} không được hỗ trợ tại {path}; dịch vụ chỉ đọc (GET)",
                f"{request.method} is not allowed on {path}; the service is read-only (GET)",
                None,
            )
        else:
            fail = Failure(
                "no_such_endpoint",
                exc.status_code,
                f"Không có địa chỉ {path}; xem /openapi.json",
                f"no endpoint {path}; see /openapi.json",
                None,
            )
        return svc.error(fail, lang, request)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:  # pragma: no cover
        return svc.error(exc, svc.lang(request, _lang_of(request)), request)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        doc = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
        )
        for path in doc.get("paths", {}).values():
            for operation in path.values():
                operation.get("responses", {}).pop("422", None)
        doc.setdefault("components", {})["schemas"] = openapi_components()
        app.openapi_schema = doc
        return doc

    app.openapi = openapi  # type: ignore[method-assign]
    add_routes(app, svc)
    return app


def default_governance() -> Governance:
    """The service's default model: :func:`papi.vietnam`, the whole country (its build
    warnings silenced, as ``papi`` on the command line does)."""
    with warnings.catch_warnings():
        # the packaged 2022 plan predates the territory data's coverage: its build warnings
        # are not about any request
        warnings.simplefilter("ignore")
        return papi.vietnam()


def _lang_of(request: Request) -> Lang | None:
    raw = request.query_params.get("lang")
    return raw if raw in ("vi", "en") else None  # type: ignore[return-value]
