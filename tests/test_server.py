"""papi.server over real HTTP on 127.0.0.1: every endpoint, its schema, errors, caching."""

from __future__ import annotations

import json
import threading
import unicodedata
import warnings
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

pytest.importorskip("fastapi", reason="the service needs the 'server' extra")
pytest.importorskip("uvicorn", reason="the service needs the 'server' extra")
import papi
from http_helpers import get, get_json, running
from papi.governance import Accountability, Case, Governance
from papi.server import create_app
from papi.server.schemas import schema, schema_classes

jsonschema = pytest.importorskip("jsonschema")

ON = "2026-03-01"
WARD = "Phường Hoàn Kiếm"

# (path, params, schema key) of a successful call of every endpoint
CALLS: list[tuple[str, dict[str, str], str]] = [
    ("/health", {}, "papi.health/1"),
    ("/who", {"subject": "D3", "where": WARD, "on": ON}, "papi.accountability/1"),
    (
        "/who",
        {"subject": "T6", "where": "Phường Hàng Trống", "on": "30/09/2022"},
        "papi.accountability/1",
    ),
    ("/duties", {"of": WARD, "on": ON}, "papi.duties/1"),
    ("/agenda", {"from": "2026-01-01", "to": "2026-03-31"}, "papi.agenda/1"),
    ("/agenda", {"of": WARD, "from": "2026-01-01", "to": "2026-03-31"}, "papi.agenda/1"),
    ("/overdue", {"on": "2023-03-01"}, "papi.overdue/1"),
    ("/gaps", {"on": ON}, "papi.gaps/1"),
    ("/escalation", {"where": "Phường Trúc Bạch", "on": ON}, "papi.escalation/1"),
    ("/case", {"kind": "complaint", "where": WARD, "received": "2026-03-02"}, "papi.case/1"),
    (
        "/case",
        {
            "kind": "information",
            "where": "Phường Trúc Bạch",
            "received": "02/03/2026",
            "on": "2026-04-01",
            "complex": "true",
            "channel": "online",
        },
        "papi.case/1",
    ),
    ("/units", {"on": ON, "level": "commune"}, "papi.units/1"),
    ("/units", {"on": "2025-06-30", "within": "Quận Hoàn Kiếm"}, "papi.units/1"),
    ("/successors", {"unit": "Phường Cửa Đông", "on": ON}, "papi.successors/1"),
    ("/convert", {"unit": "Phường Cống Vị, Quận Ba Đình", "to": ON}, "papi.conversion/1"),
    ("/convert", {"unit": "00070", "on": "2025-06-30", "to": "01/03/2026"}, "papi.conversion/1"),
    ("/statutes", {"on": ON}, "papi.statutes/1"),
    (
        "/deadline",
        {"rule": "complaint.first_instance.accept", "from": "2026-07-01"},
        "papi.deadline/1",
    ),
    (
        "/deadline",
        {"rule": "citizen_reception.commune_chair", "from": "2026-07-01"},
        "papi.deadline/1",
    ),
    ("/framework", {"year": "2024"}, "papi.framework/1"),
    ("/framework", {}, "papi.framework/1"),
    ("/scores", {}, "papi.scores/1"),
    ("/scores", {"year": "2023"}, "papi.scores/1"),
]


@pytest.fixture(scope="module")
def gov() -> Governance:
    return papi.hanoi()


@pytest.fixture(scope="module")
def base(gov: Governance) -> Iterator[str]:
    with running(create_app(gov)) as url:
        yield url


def validate(doc: Any, key: str) -> None:
    jsonschema.validate(doc, schema(key), cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize(("path", "params", "key"), CALLS)
def test_every_endpoint_answers_json_valid_against_its_schema(
    base: str, path: str, params: dict[str, str], key: str
) -> None:
    status, headers, doc = get_json(base, path, **params)
    assert status == 200, doc
    assert headers["content-type"].startswith("application/json")
    assert doc["schema"] == key
    assert next(iter(doc)) == "schema"
    validate(doc, key)


def test_who_is_the_library_answer(base: str, gov: Governance) -> None:
    status, _, doc = get_json(base, "/who", subject="D3", where=WARD, on=ON)
    assert status == 200
    expected = gov.who("D3", where=WARD, on=date(2026, 3, 1))
    assert doc == json.loads(json.dumps(expected.to_dict()))
    assert Accountability.from_dict(doc) == expected


def test_deadline_says_who_must_meet_it_in_both_languages(base: str) -> None:
    status, _, doc = get_json(
        base, "/deadline", rule="complaint.first_instance", **{"from": "2026-07-01"}
    )
    assert status == 200
    holders = {h["assignment"]: h for h in doc["holders"]}
    commune = holders["law.complaint.first.commune"]
    assert commune["name_vi"] == "Chủ tịch Ủy ban nhân dân cấp xã"
    assert commune["name_en"] == "chairperson of the commune People's Committee"
    assert (commune["reference_vi"], commune["reference_en"]) == ("Điều 17", "Art 17")
    assert commune["document"] == "law:02/2011/QH13"
    assert not holders["law.complaint.first.district-successor"]["sourced"]
    assert doc["statute"]["holder_name_vi"] == "người giải quyết khiếu nại lần đầu"


def test_dates_in_both_forms_give_the_same_answer(base: str) -> None:
    iso = get(base, "/who", subject="D3", where="Phường Hàng Trống", on="2022-09-30")
    vn = get(base, "/who", subject="D3", where="Phường Hàng Trống", on="30/09/2022")
    assert iso[0] == vn[0] == 200
    assert iso[2] == vn[2]
    assert iso[1]["etag"] == vn[1]["etag"]


def test_names_in_any_spelling(base: str) -> None:
    for where in ("P. Hoan Kiem", unicodedata.normalize("NFD", WARD), "phuong hoan kiem"):
        status, _, doc = get_json(base, "/escalation", where=where, on=ON)
        assert status == 200
        assert doc["where"]["name"] == WARD


def test_warnings_come_from_the_answer(base: str, gov: Governance) -> None:
    status, headers, doc = get_json(base, "/who", subject="D3", where=WARD, on=ON)
    assert status == 200
    codes = list(dict.fromkeys(w["code"] for w in doc["warnings"]))
    assert codes
    assert headers["papi-warnings"].split(",") == codes


def test_text_format_is_the_explanation_in_the_language_asked(base: str, gov: Governance) -> None:
    answer = gov.who("D3", where=WARD, on=date(2026, 3, 1))
    for lang in ("vi", "en"):
        status, headers, body = get(
            base, "/who", subject="D3", where=WARD, on=ON, lang=lang, format="text"
        )
        assert status == 200
        assert headers["content-type"].startswith("text/plain")
        assert headers["content-language"] == lang
        assert body.decode("utf-8") == answer.explain(lang)


def test_etag_and_cache_control(base: str) -> None:
    status, headers, _ = get(base, "/duties", of=WARD, on=ON)
    assert status == 200
    assert headers["cache-control"] == "public, max-age=86400"
    etag = headers["etag"]
    again, headers2, body = get(base, "/duties", {"If-None-Match": etag}, of=WARD, on=ON)
    assert again == 304
    assert body == b""
    assert headers2["etag"] == etag
    other, _, _ = get(base, "/duties", {"If-None-Match": '"other"'}, of=WARD, on=ON)
    assert other == 200


def test_default_day_is_today_in_vietnam_said_and_not_cached_for_long(base: str) -> None:
    from papi.dates import today_in_vietnam

    status, headers, doc = get_json(base, "/gaps")
    assert status == 200
    assert doc["on"] == headers["papi-on"] == today_in_vietnam().isoformat()
    assert headers["cache-control"] == "no-cache"


def error_of(base: str, path: str, expected: int, **params: object) -> dict[str, Any]:
    status, headers, doc = get_json(base, path, **params)
    assert status == expected, doc
    assert headers["content-type"].startswith("application/json")
    validate(doc, "papi.error/1")
    assert doc["error"]["status"] == expected
    error: dict[str, Any] = doc["error"]
    return error


def test_missing_parameter(base: str) -> None:
    err = error_of(base, "/who", 400, subject="D3", lang="en")
    assert err["code"] == "missing_parameter"
    assert err["parameter"] == "where"
    assert "where" in err["message"]


def test_invalid_date_in_both_languages(base: str) -> None:
    en = error_of(base, "/who", 400, subject="D3", where=WARD, on="2026-02-30", lang="en")
    vi = error_of(base, "/who", 400, subject="D3", where=WARD, on="2026-02-30", lang="vi")
    assert en["code"] == vi["code"] == "invalid_parameter"
    assert en["parameter"] == "on"
    assert en["value"] == "2026-02-30"
    assert en["message"] == en["message_en"] != vi["message"] == vi["message_vi"]
    assert "không phải ngày" in vi["message"]
    bad = error_of(base, "/units", 400, on=ON, level="hamlet")
    assert bad["code"] == "invalid_parameter"
    assert bad["parameter"] == "level"


def test_ambiguous_unit_is_409_with_structured_candidates(base: str) -> None:
    err = error_of(base, "/who", 409, subject="D3", where="Minh Khai", on="2024-03-01")
    assert err["code"] == "ambiguous"
    assert err["parameter"] == "where"
    cands = err["candidates"]
    assert {c["id"] for c in cands} == {"00295", "00613", "09838"}
    assert {c["parent"] for c in cands} == {
        "Quận Hai Bà Trưng",
        "Quận Bắc Từ Liêm",
        "Huyện Hoài Đức",
    }
    assert all(c["name"].endswith("Minh Khai") and c["code"] for c in cands)
    # records, not display strings: level, parent id and validity too
    assert {(c["level"], c["valid_to"]) for c in cands} == {("commune", "2025-07-01")}
    assert {c["parent_id"] for c in cands} == {"007", "021", "274"}


def test_unknown_unit_is_404_with_the_closest_units(base: str) -> None:
    err = error_of(base, "/who", 404, subject="D3", where="Hoan Kiem X", on="2024-03-01")
    assert err["code"] == "not_found"
    assert err["value"] == "Hoan Kiem X"
    names = [c["name"] for c in err["candidates"]]
    assert "Quận Hoàn Kiếm" in names
    assert all(c["id"] for c in err["candidates"])


def test_unit_split_by_the_reform_is_404_with_its_successors(base: str) -> None:
    err = error_of(base, "/who", 404, subject="D3", where="Phường Cửa Đông", on=ON, lang="en")
    assert {c["id"] for c in err["candidates"]} == {"00004@2025-07-01", "00070@2025-07-01"}
    assert all(c["parent"] == "Thành phố Hà Nội" for c in err["candidates"])
    assert all(c["valid_from"] == "2025-07-01" for c in err["candidates"])


def test_vietnamese_errors_carry_the_context(base: str) -> None:
    """The service's Vietnamese message is the command line's (papi.errors.messages): a unit
    asked about after it was abolished says when it ended and what succeeded it, in
    Vietnamese, as much as the English says."""
    from papi.errors import messages

    params = {"subject": "D3", "where": "Quận Hoàn Kiếm", "on": "2026-03-01"}
    vi = error_of(base, "/who", 404, **params, lang="vi")
    en = error_of(base, "/who", 404, **params, lang="en")
    assert vi["message"] == vi["message_vi"] == en["message_vi"]
    assert en["message"] == en["message_en"]
    assert "01/07/2025" in vi["message"]
    assert "2025-07-01" in en["message"]
    assert "chấm dứt" in vi["message"]
    for cand in vi["candidates"]:
        assert cand["name"] in vi["message"]
    with pytest.raises(papi.NotFound) as raised:
        papi.vietnam().who("D3", where="Quận Hoàn Kiếm", on=date(2026, 3, 1))
    assert messages(raised.value) == (en["message"], vi["message"])
    assert raised.value.message("vi") == vi["message"]


def test_ambiguous_organization_candidates_are_records() -> None:
    """Over the whole country "Sở Nội vụ" names one department per province: the error's
    candidates are records (the unit served as parent), in the order of its message."""
    import pickle
    import warnings

    from papi.server._service import Service

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        gov = papi.vietnam()
    with pytest.raises(papi.Ambiguous) as amb:
        gov.duties(of="Sở Nội vụ", on=ON)
    assert pickle.loads(pickle.dumps(amb.value)).choices == amb.value.choices
    info = Service(gov).error_info(amb.value, "vi", None)
    assert info.code == "ambiguous"
    assert len(info.candidates) == len(amb.value.candidates) == 34
    for cand, text in zip(info.candidates, amb.value.candidates, strict=True):
        assert cand.id is not None
        assert cand.id in text
        assert cand.level == "province"
        assert cand.parent_id is not None


def test_convert_marks_the_primary_successor(base: str) -> None:
    status, _, doc = get_json(base, "/convert", unit="Phường Cống Vị, Quận Ba Đình", to=ON)
    assert status == 200
    assert [u["name"] for u in doc["units"]] == ["Phường Ngọc Hà", "Phường Giảng Võ"]
    assert doc["primary"]["name"] == "Phường Ngọc Hà"
    assert doc["split"] is True
    assert doc["source"]["parent_name"] == "Quận Ba Đình"
    assert doc["chain"][0]["effective"] == "2025-07-01"


def test_ambiguous_subject_candidates(base: str, gov: Governance) -> None:
    status, _, doc = get_json(base, "/who", subject="zzz", where=WARD, on=ON)
    assert status == 404
    assert doc["error"]["parameter"] == "subject"
    assert doc["error"]["message_vi"].startswith("không tìm thấy")
    assert all(c["level"] == "task" and c["id"] for c in doc["error"]["candidates"])


def test_other_errors(base: str) -> None:
    assert error_of(base, "/nowhere", 404)["code"] == "no_such_endpoint"
    assert error_of(base, "/scores", 404, year=1999)["code"] == "not_found"
    assert error_of(base, "/deadline", 404, rule="complaint.frist")["code"] == "not_found"
    assert error_of(base, "/convert", 404, unit="Phường Không Có", to=ON)["code"] == "not_found"
    late = error_of(base, "/agenda", 400, **{"from": "2026-03-01", "to": "2026-01-01"})
    assert late["code"] == "invalid_parameter"


def test_post_is_refused(base: str) -> None:
    import urllib.error
    import urllib.request

    request = urllib.request.Request(f"{base}/who", data=b"{}", method="POST")
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(request, timeout=30)
    assert info.value.code == 405
    doc = json.loads(info.value.read())
    assert doc["error"]["code"] == "method_not_allowed"


def test_accept_language_chooses_the_error_language(base: str) -> None:
    status, _, body = get(base, "/nowhere", {"Accept-Language": "en-GB,en;q=0.8"})
    assert status == 404
    assert json.loads(body)["error"]["lang"] == "en"
    status, _, body = get(base, "/nowhere")
    assert json.loads(body)["error"]["lang"] == "vi"


def test_openapi_lists_every_endpoint_with_the_packaged_schemas(base: str) -> None:
    status, _, doc = get_json(base, "/openapi.json")
    assert status == 200
    assert doc["openapi"].startswith("3.1")
    paths = set(doc["paths"])
    assert {p for p, _, _ in CALLS} <= paths
    components = doc["components"]["schemas"]
    for key, cls in schema_classes().items():
        packaged = schema(key)
        shown = components[cls.__name__]
        assert shown["properties"]["schema"] == {"const": key}
        assert shown["required"] == packaged["required"]
        for name in packaged["$defs"]:
            assert name in components
    for path, _, key in CALLS:
        ok = doc["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
        assert ok["schema"] == {"$ref": f"#/components/schemas/{schema_classes()[key].__name__}"}
    text = json.dumps(doc)
    assert "#/$defs/" not in text
    assert "HTTPValidationError" not in text
    refs = {
        v.rsplit("/", 1)[1] for v in _values(doc, "$ref") if v.startswith("#/components/schemas/")
    }
    assert refs <= set(components)


def test_openapi_documents_validate_real_answers(base: str) -> None:
    """The OpenAPI components themselves (not only the packaged files) validate answers."""
    _, _, api = get_json(base, "/openapi.json")
    components = api["components"]["schemas"]
    for path, params, key in CALLS[:6]:
        _, _, doc = get_json(base, path, **params)
        wrapper = {
            "$ref": f"#/components/schemas/{schema_classes()[key].__name__}",
            "components": {"schemas": components},
        }
        jsonschema.validate(doc, wrapper, cls=jsonschema.Draft202012Validator)


def _values(node: Any, key: str) -> Iterator[str]:
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key and isinstance(v, str):
                yield v
            else:
                yield from _values(v, key)
    elif isinstance(node, list):
        for v in node:
            yield from _values(v, key)


def test_concurrent_requests_get_the_same_answers(base: str) -> None:
    wanted = {
        where: get(base, "/who", subject="D3", where=where, on=ON)[2]
        for where in (WARD, "Phường Ba Đình", "Xã Sóc Sơn")
    }
    bad: list[str] = []

    def worker(where: str) -> None:
        for _ in range(5):
            if get(base, "/who", subject="D3", where=where, on=ON)[2] != wanted[where]:
                bad.append(where)

    threads = [threading.Thread(target=worker, args=(w,)) for w in wanted for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not bad


pt = pytest.importorskip("papi.testing")


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=pt.who_queries())
def test_every_who_query_round_trips_over_http(
    base: str, gov: Governance, query: tuple[str, str, date]
) -> None:
    subject, where, on = query
    status, _, doc = get_json(base, "/who", subject=subject, where=where, on=on.isoformat())
    assert status == 200, doc
    validate(doc, "papi.accountability/1")
    assert Accountability.from_dict(doc) == gov.who(subject, where=where, on=on)


def test_case_is_the_library_answer(base: str, gov: Governance) -> None:
    params = {"kind": "complaint", "where": WARD, "received": "02/03/2026", "complex": "true"}
    status, headers, doc = get_json(base, "/case", **params, on="2026-04-01")
    assert status == 200, doc
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = gov.case(
            "complaint", where=WARD, received=date(2026, 3, 2), on=date(2026, 4, 1), complex=True
        )
    assert doc == json.loads(json.dumps(expected.to_dict()))
    assert Case.from_dict(doc) == expected
    assert headers["cache-control"] == "public, max-age=86400"
    assert headers["papi-warnings"] == ",".join(dict.fromkeys(w.code for w in expected.warnings))
    status, _, body = get(base, "/case", None, **params, on="2026-04-01", format="text", lang="en")
    assert status == 200
    assert body.decode("utf-8") == expected.explain("en")


def test_case_refuses_bad_parameters(base: str) -> None:
    day = {"where": WARD, "received": "2026-03-02"}
    assert error_of(base, "/case", 400, kind="lawsuit", **day)["code"] == "invalid_parameter"
    bad_channel = error_of(base, "/case", 400, kind="information", channel="fax", **day)
    assert bad_channel["code"] == "invalid_parameter"
    bad_day = error_of(base, "/case", 400, kind="complaint", where=WARD, received="31/02/2026")
    assert bad_day["code"] == "invalid_parameter"
    missing = error_of(base, "/case", 404, kind="complaint", where="Phường Không Có")
    assert missing["code"] == "not_found"


def test_case_against_a_department_over_http(base: str, gov: Governance) -> None:
    params = {"kind": "complaint", "where": WARD, "received": "2026-03-02"}
    status, _, doc = get_json(base, "/case", **params, against="Sở Tài chính")
    assert status == 200, doc
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = gov.case(
            "complaint", where=WARD, received=date(2026, 3, 2), against="Sở Tài chính"
        )
    assert Case.from_dict(doc) == expected
    assert doc["against"]["name"] == "Sở Tài chính"
    # (this model holds no law duties: the library's answer, holders and warnings alike)
    which = error_of(base, "/case", 400, **params, against="department")
    assert which["code"] == "invalid_parameter"


def test_the_default_model_is_the_whole_country() -> None:
    from papi.server.app import default_governance

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        country = papi.vietnam()
    assert default_governance() is country
    assert create_app().state.service.governance is country


def test_main_loads_plans_and_serves(monkeypatch: pytest.MonkeyPatch) -> None:
    """``python -m papi.server`` (and later ``papi serve``): options, plans, then serve()."""
    from pathlib import Path

    import papi.server
    import papi.server.app

    # the whole country is the default (tested above); Hanoi keeps this test fast
    monkeypatch.setattr(papi.server.app, "default_governance", papi.hanoi)

    plan = Path(__file__).resolve().parent.parent / "examples" / "illustrative_appendix.toml"
    if not plan.is_file():
        pytest.skip("examples/illustrative_appendix.toml is not in this source tree")
    seen: dict[str, Any] = {}

    def fake_serve(governance: Governance, **options: Any) -> None:
        seen["governance"] = governance
        seen.update(options)

    monkeypatch.setattr(papi.server, "serve", fake_serve)
    compiled: list[object] = []
    monkeypatch.setattr(Governance, "compile", lambda self, on, **kw: compiled.append(on) or 1)
    argv = ["--port", "8123", "--data", str(plan), "--allow-origin", "https://portal.example.vn"]
    assert papi.server.main([*argv, "--compile"]) == 0
    from papi.dates import today_in_vietnam

    assert compiled == [today_in_vietnam()]
    assert papi.server.main(argv) == 0
    assert len(compiled) == 1  # only when asked
    assert seen["port"] == 8123
    assert seen["host"] == "127.0.0.1"
    assert seen["allow_origins"] == ["https://portal.example.vn"]
    assert len(seen["governance"].tasks) > len(papi.hanoi().tasks)


def test_cors_only_for_the_origins_allowed(gov: Governance) -> None:
    with running(create_app(gov, allow_origins=["https://portal.example.vn"])) as url:
        ok = get(url, "/health", {"Origin": "https://portal.example.vn"})
        other = get(url, "/health", {"Origin": "https://elsewhere.example"})
    assert ok[1]["access-control-allow-origin"] == "https://portal.example.vn"
    assert "access-control-allow-origin" not in other[1]
