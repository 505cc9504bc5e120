"""A portal's own FastAPI application with papi's read-only service mounted under ``/papi``.

Run it (needs the ``server`` extra: ``pip install "papi-vn[server]"``)::

    python examples/web_portal.py --port 8000
    curl 'http://127.0.0.1:8000/papi/who?subject=D3&where=Phường%20Hoàn%20Kiếm&on=01/03/2026'
    curl 'http://127.0.0.1:8000/papi/openapi.json'

The portal keeps its own routes (here ``/`` says what it is); everything under ``/papi`` is
papi's service (every endpoint, its JSON errors, ETags and OpenAPI document): see
``docs/howto/web-portal.md``. To run the service alone, use ``python -m papi.server``.
The governance model is built once at start-up and shared by every request: papi's models are
immutable, so this is thread-safe.
"""

from __future__ import annotations

import argparse

from fastapi import FastAPI

import papi
from papi.governance import Governance
from papi.server import create_app


def create_portal(governance: Governance | None = None) -> FastAPI:
    """The portal application; ``governance`` defaults to the packaged Hanoi model."""
    portal = FastAPI(title="Cổng thông tin (example)")
    service = create_app(governance if governance is not None else papi.hanoi())

    @portal.get("/")
    def home() -> dict[str, str]:
        return {"portal": "example", "papi": "/papi/docs", "papi_version": papi.__version__}

    portal.mount("/papi", service)
    return portal


def main() -> None:  # pragma: no cover - manual use
    import uvicorn

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    uvicorn.run(create_portal(), host=args.host, port=args.port)


if __name__ == "__main__":  # pragma: no cover
    main()
