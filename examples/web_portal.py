"""A minimal web endpoint that answers "who is accountable?" with papi's Accountability JSON.

Run it (needs the ``web`` extra: ``pip install "papi-vn[web]"``)::

    python examples/web_portal.py --port 8000
    curl 'http://127.0.0.1:8000/who?subject=D3&where=Phường%20Hoàn%20Kiếm&on=2026-03-01'

Endpoints:

* ``GET /who?subject=D3&where=<unit>&on=YYYY-MM-DD``: the ``papi.accountability/1`` document
  (``Accountability.to_dict()``), exactly what ``papi who --json`` prints. ``on`` defaults to
  today in Asia/Ho_Chi_Minh; the response then says so in the ``Papi-On`` header.
* ``GET /health``: ``{"status": "ok", "version": ...}``.

Errors are JSON too: ``{"error": {"type": ..., "message": ..., "closest": [...]}}`` with 400
for a missing or malformed parameter, 404 for an unknown unit or subject (with the closest
names), 409 for an ambiguous name. The governance model is built once at start-up and shared
by every request: papi's models are immutable, so this is thread-safe.
"""

from __future__ import annotations

import argparse
import warnings
from datetime import date
from typing import Any

from flask import Flask, Response, jsonify, request

import papi
from papi.dates import parse_date, today_in_vietnam
from papi.errors import Ambiguous, InvalidData, NotFound, PapiError
from papi.governance import Governance


def _error(status: int, kind: str, message: str, **extra: Any) -> tuple[Response, int]:
    return jsonify({"error": {"type": kind, "message": message, **extra}}), status


def create_app(governance: Governance | None = None) -> Flask:
    """The Flask application; ``governance`` defaults to the packaged Hanoi model."""
    if governance is None:
        from papi.datasets import hanoi

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # build-time coverage notes about 2022 data
            governance = hanoi()
    gov = governance
    app = Flask("papi-portal")
    app.json.ensure_ascii = False  # type: ignore[attr-defined]  # Vietnamese names as they are
    app.json.sort_keys = False  # type: ignore[attr-defined]  # keep papi's document order

    @app.get("/health")
    def health() -> Response:
        return jsonify({"status": "ok", "version": papi.__version__})

    @app.get("/who")
    def who() -> Response | tuple[Response, int]:
        subject = request.args.get("subject", "").strip()
        where = request.args.get("where", "").strip()
        missing = [name for name, value in (("subject", subject), ("where", where)) if not value]
        if missing:
            return _error(400, "missing_parameter", f"missing query parameter(s): {missing}")
        raw_on = request.args.get("on")
        defaulted = raw_on is None
        try:
            on: date = today_in_vietnam() if raw_on is None else parse_date(raw_on, path="on")
        except InvalidData as exc:
            return _error(400, "invalid_parameter", str(exc))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                answer = gov.who(subject, where=where, on=on)
            except NotFound as exc:
                return _error(404, "not_found", str(exc), closest=list(exc.closest))
            except Ambiguous as exc:
                return _error(409, "ambiguous", str(exc), candidates=list(exc.candidates))
            except PapiError as exc:
                return _error(400, "invalid_request", str(exc))
        response = jsonify(answer.to_dict())
        if defaulted:
            response.headers["Papi-On"] = f"{on.isoformat()} (today in Asia/Ho_Chi_Minh)"
        notes = sorted({str(w.message) for w in caught})
        if notes:  # data-coverage warnings, also present in the document's own "warnings"
            response.headers["Papi-Warnings"] = str(len(notes))
        return response

    return app


def main() -> None:  # pragma: no cover - manual use
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    create_app().run(host=args.host, port=args.port)


if __name__ == "__main__":  # pragma: no cover
    main()
