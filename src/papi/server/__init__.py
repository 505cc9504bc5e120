"""A read-only HTTP service over a :class:`~papi.Governance` (the ``server`` extra).

Every query of the library has an endpoint (``/who``, ``/duties``, ``/agenda``, ``/overdue``,
``/gaps``, ``/escalation``, ``/case``, ``/units``, ``/successors``, ``/statutes``, ``/deadline``,
``/framework``, ``/scores``, ``/health``) answering with the library's own JSON documents,
whose JSON Schemas are packaged and published in ``/openapi.json``. Built on FastAPI and
served by uvicorn, both imported only when the service is created::

    pip install "papi-vn[server]"
    python -m papi.server --port 8000

or from Python::

    import papi
    from papi.server import serve
    serve(papi.vietnam(), host="127.0.0.1", port=8000)

:func:`create_app` gives the ASGI application itself, to mount in a larger FastAPI or
Starlette application or to run under another ASGI server. The documents that are not answers
of :class:`~papi.Governance` (units, successors, statutes, deadline, framework, scores, health,
errors) are in :mod:`papi.server.documents`, importable without the extra.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

    from papi.governance import Governance

__all__ = ["create_app", "main", "parser", "serve"]


def create_app(
    governance: Governance | None = None, *, allow_origins: Sequence[str] = ()
) -> FastAPI:
    """The ASGI application answering over ``governance`` (default: :func:`papi.vietnam`,
    the whole country).

    ``allow_origins`` lists the web origins allowed to call it from a browser (CORS).
    Needs the ``server`` extra (FastAPI); raises :class:`ImportError` saying so otherwise.
    """
    _need_extra()
    from papi.server.app import create_app as make

    return make(governance, allow_origins=allow_origins)


def serve(
    governance: Governance | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    allow_origins: Sequence[str] = (),
    log_level: str = "info",
) -> None:
    """Serve :func:`create_app` with uvicorn until interrupted (blocks)."""
    _need_extra()
    import uvicorn

    app = create_app(governance, allow_origins=allow_origins)
    uvicorn.run(app, host=host, port=port, log_level=log_level)


def parser(prog: str = "papi serve") -> argparse.ArgumentParser:
    """The command-line options of :func:`main` (for ``papi serve`` to reuse)."""
    p = argparse.ArgumentParser(
        prog=prog,
        description="Serve papi's answers over HTTP (read-only JSON, OpenAPI at /openapi.json).",
    )
    p.add_argument("--host", default="127.0.0.1", help="interface to listen on (127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="TCP port (8000)")
    p.add_argument(
        "--data",
        action="append",
        default=[],
        metavar="PLAN",
        help="a plan file (TOML or JSON) to load on top of the packaged model; repeatable",
    )
    p.add_argument(
        "--allow-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="a web origin allowed to call the service from a browser (CORS); repeatable",
    )
    p.add_argument(
        "--compile",
        action="store_true",
        help="compile today's era (Vietnam time) before serving (Governance.compile)",
    )
    p.add_argument("--log-level", default="info", help="uvicorn's log level (info)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m papi.server [--host H] [--port P] [--data PLAN]... [--compile]``: build the model
    (the packaged model of the whole country, :func:`papi.vietnam`, plus each plan file)
    and serve it until interrupted."""
    args = parser("python -m papi.server").parse_args(argv)
    from papi.io import load_plan

    _need_extra()
    from papi.server.app import default_governance

    gov = default_governance()
    for path in args.data:
        gov = load_plan(path, base=gov)
    if args.compile:
        from papi.dates import today_in_vietnam

        gov.compile(today_in_vietnam())
    serve(
        gov,
        host=args.host,
        port=args.port,
        allow_origins=args.allow_origin,
        log_level=args.log_level,
    )
    return 0


def _need_extra() -> None:
    import importlib.util

    missing = [m for m in ("fastapi", "uvicorn") if importlib.util.find_spec(m) is None]
    if missing:
        raise ImportError(
            f"papi.server needs {' and '.join(missing)}: pip install 'papi-vn[server]'"
        )
