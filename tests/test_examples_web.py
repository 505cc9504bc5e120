"""examples/web_portal.py answers real HTTP requests with the Accountability JSON."""

from __future__ import annotations

import importlib.util
import json
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

pytest.importorskip("flask", reason="the web example needs the 'web' extra (flask)")
from werkzeug.serving import make_server

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "web_portal.py"


def _load_example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("web_portal_example", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    app = _load_example().create_app()
    server = make_server("127.0.0.1", 0, app, threaded=True)  # port 0: any free port
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


def get(url: str) -> tuple[int, dict[str, str], Any]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, dict(response.headers), json.loads(response.read())
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), json.loads(err.read())


def who_url(base: str, **params: str) -> str:
    return f"{base}/who?{urllib.parse.urlencode(params)}"


def test_who_returns_the_accountability_document(base_url: str) -> None:
    from datetime import date

    from papi.datasets import hanoi

    url = who_url(base_url, subject="D3", where="Phường Hoàn Kiếm", on="2026-03-01")
    status, headers, doc = get(url)
    assert status == 200
    assert headers["Content-Type"].startswith("application/json")
    assert doc["schema"] == "papi.accountability/1"
    assert doc["where"]["name"] == "Phường Hoàn Kiếm"
    assert doc["on"] == "2026-03-01"
    expected = hanoi().who("D3", where="Phường Hoàn Kiếm", on=date(2026, 3, 1)).to_dict()
    assert doc == json.loads(json.dumps(expected, ensure_ascii=False))


def test_who_document_matches_the_packaged_schema(base_url: str) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_file = resources.files("papi").joinpath("data", "schema", "accountability-1.json")
    if not schema_file.is_file():
        pytest.skip("the package ships no accountability JSON schema")
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    for on in ("2026-03-01", "2025-07-01"):
        url = who_url(base_url, subject="D3", where="Phường Hoàn Kiếm", on=on)
        status, _, doc = get(url)
        assert status == 200
        jsonschema.validate(doc, schema)


def test_ascii_spelling_and_nfd_input_find_the_ward(base_url: str) -> None:
    import unicodedata

    for where in ("P. Hoan Kiem", unicodedata.normalize("NFD", "Phường Hoàn Kiếm")):
        status, _, doc = get(who_url(base_url, subject="D3", where=where, on="2026-03-01"))
        assert status == 200
        assert doc["where"]["name"] == "Phường Hoàn Kiếm"


def test_default_day_is_today_in_vietnam_and_says_so(base_url: str) -> None:
    from papi.dates import today_in_vietnam

    status, headers, doc = get(who_url(base_url, subject="D3", where="Phường Hoàn Kiếm"))
    assert status == 200
    assert doc["on"] == today_in_vietnam().isoformat()
    assert "today in Asia/Ho_Chi_Minh" in headers["Papi-On"]


def test_unknown_unit_is_a_404_json_error(base_url: str) -> None:
    status, headers, doc = get(
        who_url(base_url, subject="D3", where="Phường Hoàn Kiem X", on="2026-03-01")
    )
    assert status == 404
    assert headers["Content-Type"].startswith("application/json")
    assert doc["error"]["type"] == "not_found"
    assert "Phường Hoàn Kiem X" in doc["error"]["message"]


def test_bad_date_is_a_400_json_error(base_url: str) -> None:
    status, _, doc = get(who_url(base_url, subject="D3", where="Phường Hoàn Kiếm", on="2026-02-30"))
    assert status == 400
    assert doc["error"]["type"] == "invalid_parameter"
    assert "2026-02-30" in doc["error"]["message"]


def test_missing_parameter_is_a_400_json_error(base_url: str) -> None:
    status, _, doc = get(f"{base_url}/who?subject=D3")
    assert status == 400
    assert doc["error"]["type"] == "missing_parameter"
    assert "where" in doc["error"]["message"]


def test_health(base_url: str) -> None:
    import papi

    status, _, doc = get(f"{base_url}/health")
    assert status == 200
    assert doc == {"status": "ok", "version": papi.__version__}


def test_ambiguous_unit_is_a_409_with_the_candidates(base_url: str) -> None:
    status, _, doc = get(who_url(base_url, subject="D3", where="Minh Khai", on="2024-03-01"))
    assert status == 409
    assert doc["error"]["type"] == "ambiguous"
    candidates = doc["error"]["candidates"]
    assert len(candidates) == 3
    assert any("Quận Hai Bà Trưng" in c for c in candidates)


# papi.testing drives the endpoint the way a portal would property-test its own API layer.
pt = pytest.importorskip("papi.testing")


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=pt.who_queries())
def test_every_who_query_round_trips_over_http(base_url: str, query: tuple[str, str, Any]) -> None:
    from papi.datasets import hanoi
    from papi.governance import Accountability

    subject, where, on = query
    status, _, doc = get(who_url(base_url, subject=subject, where=where, on=on.isoformat()))
    assert status == 200, doc
    assert Accountability.from_dict(doc) == hanoi().who(subject, where=where, on=on)
