"""The packaged JSON Schemas are what tools/make_schemas.py generates, and real answers and
documents validate against them."""

from __future__ import annotations

import importlib.util
import json
import warnings
from datetime import date
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import papi
from papi.cli._documents import CLI_DOCUMENT_TYPES
from papi.governance import ANSWER_TYPES, Governance
from papi.server import documents as docs
from papi.server.schemas import file_name, schema, schema_classes

jsonschema = pytest.importorskip("jsonschema")

TOOL = Path(__file__).resolve().parent.parent / "tools" / "make_schemas.py"
SCHEMA_DIR = resources.files("papi").joinpath("data", "schema")
ON = date(2026, 3, 1)


def _tool() -> ModuleType:
    if not TOOL.is_file():
        pytest.skip("tools/make_schemas.py is not in this source tree")
    spec = importlib.util.spec_from_file_location("make_schemas", TOOL)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_packaged_schemas_are_the_generated_ones() -> None:
    generated: dict[str, str] = _tool().generate()
    packaged = {
        p.name: p.read_text("utf-8") for p in SCHEMA_DIR.iterdir() if p.name.endswith(".json")
    }
    assert sorted(packaged) == sorted(generated)
    for name, text in generated.items():
        assert packaged[name] == text, f"{name} is stale: run python tools/make_schemas.py"


def test_every_answer_and_document_type_has_a_schema_file() -> None:
    keys = set(schema_classes())
    assert set(ANSWER_TYPES) <= keys
    assert {c.SCHEMA for c in docs.DOCUMENT_TYPES} <= keys
    assert {c.SCHEMA for c in CLI_DOCUMENT_TYPES} <= keys
    for key in keys:
        assert SCHEMA_DIR.joinpath(file_name(key)).is_file()


@pytest.mark.parametrize("key", sorted(schema_classes()))
def test_schemas_are_valid_draft_2020_12(key: str) -> None:
    sch = schema(key)
    jsonschema.Draft202012Validator.check_schema(sch)
    assert sch["title"] == key
    assert sch["properties"]["schema"] == {"const": key}
    assert sch["required"][0] == "schema"
    assert sch["additionalProperties"] is False


@pytest.fixture(scope="module")
def gov() -> Governance:
    return papi.hanoi()


def _real_documents(gov: Governance) -> list[Any]:
    terr = papi.hanoi_territory()
    out: list[Any] = []
    for where, on in (
        ("Phường Hoàn Kiếm", ON),
        ("Phường Hàng Trống", date(2022, 9, 30)),
        ("Phường Trúc Bạch", ON),  # followed to its successor
        ("Thành phố Hà Nội", ON),
        ("Quận Hoàn Kiếm", date(2024, 3, 1)),
    ):
        for subject in ("D3", "T6", "D8"):
            out.append(gov.who(subject, where=where, on=on))
        out.append(gov.escalation(where=where, on=on))
        out.append(gov.duties(of=where, on=on))
    out += [
        gov.agenda(start=date(2026, 1, 1), end=date(2026, 12, 31)),
        gov.agenda(of="Phường Hoàn Kiếm", start=date(2026, 1, 1), end=date(2026, 6, 30)),
        gov.overdue(on=date(2023, 3, 1)),
        gov.gaps(on=ON),
        gov.gaps(on=date(2022, 9, 30)),
        gov.case("complaint", where="Phường Hoàn Kiếm", received=date(2026, 7, 1)),
        docs.units_document(terr, on=ON),
        docs.units_document(terr, on=date(2025, 6, 30), within="Quận Hoàn Kiếm"),
        docs.successors_document(terr, "Phường Cửa Đông", on=ON),
        docs.successors_document(terr, "Phường Hoàn Kiếm", on=ON),
        docs.conversion_document(terr, "Phường Cống Vị, Quận Ba Đình", to=ON),
        docs.conversion_document(terr, "00070", on=date(2025, 6, 30), to=ON),
        docs.framework_document(papi.framework(2024)),
        docs.framework_document(papi.framework(2015)),
        docs.scores_document(papi.hanoi_results()),
        docs.deadline_document("complaint.first_instance.accept", start=date(2026, 7, 1)),
        docs.deadline_document(
            "citizen_reception.commune_chair", start=date(2026, 1, 1), end=date(2026, 3, 31)
        ),
        docs.deadline_document("citizen_reception.commune_chair", start=date(2026, 7, 1)),
        docs.Health(status="ok", version=papi.__version__, coverage_from=None, coverage_to=None),
    ]
    return out


def test_real_answers_and_documents_validate(gov: Governance) -> None:
    seen: set[str] = set()
    for answer in _real_documents(gov):
        data = json.loads(json.dumps(answer.to_dict(), ensure_ascii=False))
        assert next(iter(data)) == "schema"
        jsonschema.validate(data, schema(data["schema"]), cls=jsonschema.Draft202012Validator)
        seen.add(data["schema"])
    assert seen >= set(ANSWER_TYPES)


def test_schema_rejects_an_unknown_key_and_a_wrong_enum(gov: Governance) -> None:
    data = json.loads(json.dumps(gov.who("D3", where="Phường Hoàn Kiếm", on=ON).to_dict()))
    sch = schema("papi.accountability/1")
    data["extra"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, sch)
    del data["extra"]
    data["where"]["level"] = "hamlet"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, sch)
    data["where"]["level"] = "commune"
    data["responsible"][0]["role"] = "boss"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, sch)


def test_file_names() -> None:
    assert file_name("papi.accountability/1") == "accountability-1.json"
    assert file_name("papi.framework-element/1") == "framework-element-1.json"
    with pytest.raises(papi.NotFound):
        file_name("accountability")


def test_an_acting_holder_validates_and_reads_back(gov: Governance) -> None:
    # Lê Hồng Sơn acted as chairperson of Hanoi's People's Committee in mid-2022
    esc = gov.escalation(where="Phường Hàng Trống", on=date(2022, 7, 1))
    top = esc.steps[-1].holder
    assert top is not None
    assert (top.status, top.person) == ("acting", "Lê Hồng Sơn")
    assert top.text("vi") == "Lê Hồng Sơn (phụ trách)"
    assert top.text("en") == "Lê Hồng Sơn (acting)"
    data = json.loads(json.dumps(esc.to_dict(), ensure_ascii=False))
    jsonschema.validate(data, schema(data["schema"]), cls=jsonschema.Draft202012Validator)
    assert type(esc).from_dict(data) == esc


def test_the_commands_own_documents_validate_against_their_packaged_schemas(
    capsys: pytest.CaptureFixture[str], scores_csv: Path, tmp_path: Path
) -> None:
    """``papi check``, ``papi scores --table`` and ``papi framework CODE`` print documents of
    their own (``papi.cli._documents``): each validates against its packaged schema (the other
    commands' ``--json`` are validated in ``test_cli_ux.py``)."""
    from papi.cli import main

    plan = tmp_path / "empty.toml"
    plan.write_text('schema = "papi.plan/1"\n', encoding="utf-8")
    runs = (
        ["check", str(plan)],
        ["scores", "--year", "2021", "--table", str(scores_csv)],
        ["framework", "D3.1"],
    )
    seen = set()
    for argv in runs:
        assert main([*argv, "--json"]) == 0
        doc = json.loads(capsys.readouterr().out)
        jsonschema.validate(doc, schema(doc["schema"]), cls=jsonschema.Draft202012Validator)
        seen.add(doc["schema"])
    assert seen == {c.SCHEMA for c in CLI_DOCUMENT_TYPES}


def test_the_global_agenda_names_who_must_meet_each_deadline(gov: Governance) -> None:
    """The agenda lists the holders once per task (compact references), each item their
    count: every commune's People's Committee of Hanoi for T6 and T9 after the reform."""
    agenda = gov.agenda(start=date(2026, 1, 1), end=date(2026, 3, 31))
    assert [g.task for g in agenda.holders] == ["T6", "T9"]
    communes = {u.id for u in papi.hanoi_territory().units(level=papi.Level.COMMUNE, on=ON)}
    for group in agenda.holders:
        assert {h.unit for h in group.organizations} == communes
        assert all(h.level == "commune" and h.post and h.roles for h in group.organizations)
    for item in agenda.items:
        assert item.holder_count == len(agenda.holders_of(item))
        assert item.holder_count in (0, 126)
    data = json.loads(json.dumps(agenda.to_dict(), ensure_ascii=False))
    jsonschema.validate(data, schema("papi.agenda/1"), cls=jsonschema.Draft202012Validator)
    assert type(agenda).from_dict(data) == agenda
    ward = gov.agenda(of="Phường Hoàn Kiếm", start=date(2026, 1, 1), end=date(2026, 3, 31))
    assert {h.name for g in ward.holders for h in g.organizations} == {
        "Ủy ban nhân dân phường Hoàn Kiếm"
    }
    assert {i.holder_count for i in ward.items} == {1}


def test_the_vocabularies_typed_as_literals_are_the_librarys_enums() -> None:
    """The answers type their closed vocabularies as ``Literal[...]`` (so the schemas' enums
    come from the classes); each is exactly the values of the library's own enum or set."""
    import typing

    from papi.framework import Level as ElementLevel
    from papi.governance import answers
    from papi.governance.queries.case import CASE_KINDS, CHANNELS
    from papi.territory import Level, UnitKind
    from papi.territory.model import _SUCCESSION_KINDS

    args = typing.get_args
    assert args(answers.LevelName) == tuple(lv.value for lv in Level)
    assert args(docs.UnitKindName) == tuple(k.value for k in UnitKind)
    assert args(docs.ElementLevel) == tuple(lv.value for lv in ElementLevel)
    assert set(args(answers.SuccessionKind)) == _SUCCESSION_KINDS
    assert (args(answers.CaseKind), args(answers.Channel)) == (CASE_KINDS, CHANNELS)
    principle = typing.get_type_hints(answers.BasisInfo)["principle"]
    assert principle == typing.Literal[answers.PRINCIPLE_HEAD] | None


#: a citation field -> the field beside it giving it in the other language
_OTHER_LANGUAGE = {
    "citation": "citation_vi",
    "citation_en": "citation_vi",
    "also": "also_vi",
    "also_en": "also_vi",
    "reference": "reference_en",
    "reference_vi": "reference_en",
    "basis": "basis_vi",
}


def _citation_fields(node: Any, path: str = "") -> list[tuple[str, str]]:
    """(path, missing field) for every citation field without its other language."""
    missing: list[tuple[str, str]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            other = _OTHER_LANGUAGE.get(key)
            if other is not None and isinstance(value, str | list) and other not in node:
                missing.append((f"{path}.{key}", other))
            missing += _citation_fields(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            missing += _citation_fields(value, f"{path}[{i}]")
    return missing


def test_every_citation_is_given_in_both_languages(gov: Governance) -> None:
    """The issue's "citations in both languages": every citation, article reference and
    basis in an answer or document has its other language beside it, and the Vietnamese is
    papi's rendering of the English (or the reverse for an article reference)."""
    from papi.rules import citation_vi, reference_en

    for answer in _real_documents(gov):
        data = answer.to_dict()
        assert _citation_fields(data) == [], data["schema"]
    esc = gov.who("D3", where="Phường Trúc Bạch", on=ON)
    assert esc.hops
    for hop in esc.hops:
        assert hop.citation_vi == citation_vi(hop.citation)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        law = papi.vietnam().who("khiếu nại", where="Phường Hoàn Kiếm", on=date(2026, 7, 1))
    refs = {(r.basis.reference, r.basis.reference_en) for r in law.responsible}
    assert ("Điều 17", "Art 17") in refs
    assert all(en == reference_en(vi) for vi, en in refs)
