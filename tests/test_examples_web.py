"""examples/web_portal.py: a portal with papi's service mounted under /papi, over real HTTP."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

pytest.importorskip("fastapi", reason="the web example needs the 'server' extra")
pytest.importorskip("uvicorn", reason="the web example needs the 'server' extra")

import papi
from http_helpers import get_json, running

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "web_portal.py"


def _load_example() -> ModuleType:
    if not EXAMPLE.is_file():
        pytest.skip("examples/web_portal.py is not in this source tree")
    spec = importlib.util.spec_from_file_location("web_portal_example", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with running(_load_example().create_portal(papi.hanoi())) as url:
        yield url


def test_portal_route_and_mounted_service(base_url: str) -> None:
    status, _, doc = get_json(base_url, "/")
    assert status == 200
    assert doc["papi"] == "/papi/docs"
    status, _, doc = get_json(
        base_url, "/papi/who", subject="D3", where="Phường Hoàn Kiếm", on="01/03/2026"
    )
    assert status == 200
    expected = papi.hanoi().who("D3", where="Phường Hoàn Kiếm", on=date(2026, 3, 1))
    assert papi.governance.Accountability.from_dict(doc) == expected


def test_mounted_service_keeps_its_errors_and_openapi(base_url: str) -> None:
    status, _, doc = get_json(
        base_url, "/papi/who", subject="D3", where="Minh Khai", on="2024-03-01"
    )
    assert status == 409
    assert doc["error"]["code"] == "ambiguous"
    assert len(doc["error"]["candidates"]) == 3
    status, _, api = get_json(base_url, "/papi/openapi.json")
    assert status == 200
    assert "/who" in api["paths"]
    assert "Accountability" in api["components"]["schemas"]
