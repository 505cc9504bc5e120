"""Plans as files, and answers as JSON.

A *plan file* (TOML for people, JSON for machines; ``schema = "papi.plan/1"``) holds
``documents``, ``tasks``, ``assignments``, ``reports`` and ``notes``. :func:`load_plan` reads
one on top of a base :class:`~papi.governance.Governance` and reports **every** problem
(unknown unit, organization, indicator, statute or task; bad date; role not in the
vocabulary; a selector that matches nobody; unknown keys) in one
:class:`~papi.errors.InvalidData`, each with the file, the path inside it and the value.
See ``docs/plan-files.md``.

:func:`dumps` turns any answer (``Accountability``, ``Duties``, ``Agenda``, ``Overdue``,
``Escalation``, ``Gaps``) into JSON with its versioned ``schema`` key; :func:`loads` reads it
back into the same object.
"""

from __future__ import annotations

import importlib
import json
import tomllib
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from papi.dates import ALWAYS, Validity, parse_date
from papi.duties import (
    Assignment,
    Basis,
    Deadline,
    Document,
    DocumentKind,
    Role,
    Task,
    selector_from_dict,
)
from papi.errors import InvalidData, Problem
from papi.governance import ANSWER_TYPES, Builder, Governance, Notice
from papi.progress import Completion, Report

__all__ = ["PLAN_SCHEMA", "dumps", "load_plan", "loads", "read_plan", "read_plan_text"]

PLAN_SCHEMA = "papi.plan/1"

_TOP = {"schema", "documents", "tasks", "assignments", "reports", "notes"}
_DOC = {
    "id": True,
    "number": True,
    "kind": True,
    "issuer": True,
    "date": False,
    "date_known": False,
    "title_vi": True,
    "title_en": False,
    "implements": False,
    "supersedes": False,
    "period": False,
    "sources": False,
    "verified": False,
    "notes": False,
}
_TASK = {
    "id": True,
    "document": True,
    "reference": True,
    "title_vi": True,
    "title_en": False,
    "indicators": False,
    "deadlines": False,
    "recurring": False,
    "period": False,
    "notes": False,
    "defined_in": False,
}
_ASSIGN = {
    "id": True,
    "task": True,
    "role": True,
    "selector": True,
    "basis": True,
    "valid": False,
    "notes": False,
}
_REPORT = {
    "task": True,
    "organization": True,
    "period": True,
    "completion": True,
    "percent": False,
    "effectiveness": False,
    "reasons": False,
    "submitted": True,
    "document": False,
}
_NOTE = {"code": True, "message_vi": True, "message_en": True}
_DEADLINE = {"statute", "rule", "applies_to", "window", "note"}


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def bad(self, path: str, message: str, value: object = None) -> None:
        self.problems.append(Problem(path=f"{self.source}: {path}", message=message, value=value))

    def table(self, data: object, path: str, fields: Mapping[str, bool]) -> dict[str, Any] | None:
        if not isinstance(data, Mapping):
            self.bad(path, "must be a table", data)
            return None
        ok = True
        for k in data:
            if k not in fields:
                self.bad(f"{path}.{k}", "unknown key", k)
        for k, required in fields.items():
            if required and k not in data:
                self.bad(f"{path}.{k}", "missing key")
                ok = False
        return dict(data) if ok else None

    def text(self, data: Mapping[str, Any], k: str, path: str) -> str | None:
        v = data.get(k)
        if v is None:
            return None
        if not isinstance(v, str) or not v.strip():
            self.bad(f"{path}.{k}", "must be a non-empty string", v)
            return None
        return v

    def strings(self, data: Mapping[str, Any], k: str, path: str) -> tuple[str, ...]:
        v = data.get(k, [])
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            self.bad(f"{path}.{k}", "must be a list of strings", v)
            return ()
        return tuple(v)

    def boolean(self, data: Mapping[str, Any], k: str, path: str, default: bool) -> bool:
        v = data.get(k, default)
        if not isinstance(v, bool):
            self.bad(f"{path}.{k}", "must be true or false", v)
            return default
        return v

    def day(self, value: object, path: str) -> date | None:
        try:
            return parse_date(value, path=path)
        except InvalidData as err:
            self.bad(path, err.problems[0].message, value)
            return None

    def validity(self, data: object, path: str) -> Validity:
        if data is None:
            return ALWAYS
        t = self.table(data, path, {"from": False, "to": False})
        if t is None:
            return ALWAYS
        lo = self.day(t["from"], f"{path}.from") if "from" in t else None
        hi = self.day(t["to"], f"{path}.to") if "to" in t else None
        try:
            return Validity(valid_from=lo, valid_to=hi)
        except InvalidData as err:
            self.bad(f"{path}.to", err.problems[0].message, hi.isoformat() if hi else None)
            return ALWAYS


def _rule_from_dict() -> Callable[..., Any]:
    rules = importlib.import_module("papi.rules")
    fn: Callable[..., Any] = rules.rule_from_dict
    return fn


def read_plan_text(text: str, *, source: str, fmt: str, builder: Builder) -> Builder:
    """Parse plan text (``fmt`` ``"toml"`` or ``"json"``) into ``builder``; problems are
    recorded in the builder and raised by its ``build()``, all at once."""
    r = _Reader(source)
    data: Any
    try:
        data = tomllib.loads(text) if fmt == "toml" else json.loads(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as err:
        raise InvalidData(f"not valid {fmt.upper()}: {err}", path=source) from None
    if not isinstance(data, Mapping):
        raise InvalidData("a plan must be a table at the top level", path=source)
    for k in data:
        if k not in _TOP:
            r.bad(k, "unknown key", k)
    schema = data.get("schema", PLAN_SCHEMA)
    if schema != PLAN_SCHEMA:
        r.bad("schema", f"unsupported schema; expected {PLAN_SCHEMA!r}", schema)
    for i, raw in enumerate(_list(r, data, "documents")):
        doc = _document(r, raw, f"documents[{i}]")
        if doc is not None:
            builder.add_document(doc, path=f"{source}: documents[{i}]")
    for i, raw in enumerate(_list(r, data, "tasks")):
        task = _task(r, raw, f"tasks[{i}]")
        if task is not None:
            builder.add_task(task, path=f"{source}: tasks[{i}]")
    for i, raw in enumerate(_list(r, data, "assignments")):
        a = _assignment(r, raw, f"assignments[{i}]")
        if a is not None:
            builder.add_assignment(a, path=f"{source}: assignments[{i}]", must_match=True)
    for i, raw in enumerate(_list(r, data, "reports")):
        rep = _report(r, raw, f"reports[{i}]")
        if rep is not None:
            builder.add_report(rep, path=f"{source}: reports[{i}]")
    for i, raw in enumerate(_list(r, data, "notes")):
        t = r.table(raw, f"notes[{i}]", _NOTE)
        if t is not None:
            builder.add_note(
                Notice(
                    code=str(t["code"]),
                    message_vi=str(t["message_vi"]),
                    message_en=str(t["message_en"]),
                )
            )
    for p in r.problems:
        builder.add_problem(p)
    return builder


def _list(r: _Reader, data: Mapping[str, Any], k: str) -> list[Any]:
    v = data.get(k, [])
    if not isinstance(v, list):
        r.bad(k, "must be an array of tables", v)
        return []
    return v


def _document(r: _Reader, raw: object, path: str) -> Document | None:
    t = r.table(raw, path, _DOC)
    if t is None:
        return None
    before = len(r.problems)
    kind = None
    try:
        kind = DocumentKind(t["kind"])
    except ValueError:
        r.bad(
            f"{path}.kind",
            "not a document kind; use one of " + ", ".join(k.value for k in DocumentKind),
            t["kind"],
        )
    day = r.day(t["date"], f"{path}.date") if "date" in t else None
    date_known = r.boolean(t, "date_known", path, "date" in t)
    for k in ("id", "number", "issuer", "title_vi"):
        r.text(t, k, path)
    implements = r.strings(t, "implements", path)
    supersedes = r.strings(t, "supersedes", path)
    sources = r.strings(t, "sources", path)
    verified = r.boolean(t, "verified", path, True)
    period = r.validity(t.get("period"), f"{path}.period")
    if len(r.problems) > before or kind is None:
        return None
    try:
        return Document(
            id=t["id"],
            number=t["number"],
            kind=kind,
            issuer=t["issuer"],
            date=day,
            date_known=date_known,
            title_vi=t["title_vi"],
            title_en=t.get("title_en"),
            implements=implements,
            supersedes=supersedes,
            period=period,
            sources=sources,
            verified=verified,
            notes=t.get("notes"),
        )
    except InvalidData as err:
        r.bad(f"{path}.date", err.problems[0].message, t.get("date"))
        return None


def _deadline(r: _Reader, raw: object, path: str) -> Deadline | None:
    if not isinstance(raw, Mapping):
        r.bad(path, "must be a table", raw)
        return None
    for k in raw:
        if k not in _DEADLINE:
            r.bad(f"{path}.{k}", "unknown key", k)
    if ("statute" in raw) == ("rule" in raw):
        r.bad(path, "give exactly one of 'statute' or 'rule'")
        return None
    rule = None
    if "rule" in raw:
        try:
            rule = _rule_from_dict()(raw["rule"], path=f"{path}.rule")
        except InvalidData as err:
            for p in err.problems:
                r.bad(p.path or f"{path}.rule", p.message, p.value)
            return None
    statute = raw.get("statute")
    if statute is not None and not isinstance(statute, str):
        r.bad(f"{path}.statute", "must be a string", statute)
        return None
    applies = raw.get("applies_to")
    if applies is not None and applies not in ("province", "district", "commune", "village"):
        r.bad(
            f"{path}.applies_to", "not a level; use province, district, commune or village", applies
        )
        return None
    return Deadline(
        statute=statute,
        rule=rule,
        applies_to=applies,
        window=r.validity(raw.get("window"), f"{path}.window"),
        note=raw.get("note"),
    )


def _task(r: _Reader, raw: object, path: str) -> Task | None:
    t = r.table(raw, path, _TASK)
    if t is None:
        return None
    before = len(r.problems)
    for k in ("id", "document", "reference", "title_vi"):
        r.text(t, k, path)
    indicators = r.strings(t, "indicators", path)
    dls_raw = t.get("deadlines", [])
    deadlines = []
    if not isinstance(dls_raw, list):
        r.bad(f"{path}.deadlines", "must be an array", dls_raw)
    else:
        for j, d in enumerate(dls_raw):
            dl = _deadline(r, d, f"{path}.deadlines[{j}]")
            if dl is not None:
                deadlines.append(dl)
    recurring = r.boolean(t, "recurring", path, False)
    period = r.validity(t.get("period"), f"{path}.period")
    defined_in = []
    raw_refs = t.get("defined_in", [])
    if not isinstance(raw_refs, list):
        r.bad(f"{path}.defined_in", "must be an array of {document, reference} tables", raw_refs)
    else:
        for j, ref in enumerate(raw_refs):
            b = r.table(ref, f"{path}.defined_in[{j}]", {"document": True, "reference": True})
            if b is not None:
                r.text(b, "document", f"{path}.defined_in[{j}]")
                r.text(b, "reference", f"{path}.defined_in[{j}]")
                defined_in.append(Basis(document=str(b["document"]), reference=str(b["reference"])))
    if len(r.problems) > before:
        return None
    return Task(
        id=t["id"],
        document=t["document"],
        reference=t["reference"],
        title_vi=t["title_vi"],
        title_en=t.get("title_en"),
        indicators=indicators,
        deadlines=tuple(deadlines),
        recurring=recurring,
        period=period,
        notes=t.get("notes"),
        defined_in=tuple(defined_in),
    )


def _assignment(r: _Reader, raw: object, path: str) -> Assignment | None:
    t = r.table(raw, path, _ASSIGN)
    if t is None:
        return None
    before = len(r.problems)
    r.text(t, "id", path)
    r.text(t, "task", path)
    role = None
    try:
        role = Role.parse(str(t["role"]))
    except InvalidData as err:
        r.bad(f"{path}.role", err.problems[0].message, t["role"])
    sel_problems: list[Problem] = []
    selector = selector_from_dict(t["selector"], path=f"{path}.selector", problems=sel_problems)
    for p in sel_problems:
        r.bad(p.path, p.message, p.value)
    b = r.table(t["basis"], f"{path}.basis", {"document": True, "reference": True})
    validity = r.validity(t.get("valid"), f"{path}.valid")
    if len(r.problems) > before or role is None or b is None:
        return None
    return Assignment(
        id=t["id"],
        selector=selector,
        role=role,
        task=t["task"],
        validity=validity,
        basis=Basis(document=str(b["document"]), reference=str(b["reference"])),
        notes=t.get("notes"),
    )


def _report(r: _Reader, raw: object, path: str) -> Report | None:
    t = r.table(raw, path, _REPORT)
    if t is None:
        return None
    before = len(r.problems)
    completion = None
    try:
        completion = Completion(t["completion"])
    except ValueError:
        r.bad(f"{path}.completion", "use one of done, partly, not_done", t["completion"])
    period = r.validity(t["period"], f"{path}.period")
    submitted = r.day(t["submitted"], f"{path}.submitted")
    pct = t.get("percent")
    if pct is not None and (not isinstance(pct, int | float) or not 0 <= pct <= 100):
        r.bad(f"{path}.percent", "must be a number between 0 and 100", pct)
    if period.valid_from is None or period.valid_to is None:
        r.bad(f"{path}.period", "needs both from and to (inclusive)", t["period"])
    if len(r.problems) > before or completion is None or submitted is None:
        return None
    assert period.valid_from is not None
    assert period.valid_to is not None
    return Report(
        task=str(t["task"]),
        organization=str(t["organization"]),
        period_start=period.valid_from,
        period_end=period.valid_to,
        completion=completion,
        percent=float(pct) if pct is not None else None,
        effectiveness=t.get("effectiveness"),
        reasons=t.get("reasons"),
        submitted=submitted,
        document=t.get("document"),
    )


def read_plan(path: str | Path, *, builder: Builder) -> Builder:
    """Read a plan file (``.toml`` or ``.json``) into ``builder``."""
    p = Path(path)
    fmt = "json" if p.suffix.lower() == ".json" else "toml"
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as err:
        raise InvalidData(f"cannot read the plan file: {err.strerror}", path=str(p)) from None
    return read_plan_text(text, source=p.name, fmt=fmt, builder=builder)


def load_plan(path: str | Path, *, base: Governance) -> Governance:
    """A new :class:`~papi.governance.Governance`: ``base`` plus the plan in ``path``.

    Every problem in the file is reported at once, in one
    :class:`~papi.errors.InvalidData` whose ``problems`` name the file, the path inside it
    (``plan.toml: tasks[2].indicators[0]``) and the value.
    """
    return read_plan(path, builder=base.builder()).build()


def dumps(obj: Any, *, indent: int | None = 2) -> str:
    """JSON for any papi answer (anything with ``to_dict()``), keys in a stable order,
    non-ASCII kept as is."""
    if not hasattr(obj, "to_dict"):
        raise InvalidData("cannot serialise this object", path="obj", value=type(obj).__name__)
    return json.dumps(obj.to_dict(), ensure_ascii=False, indent=indent)


def loads(text: str) -> Any:
    """The answer object a :func:`dumps` text came from, chosen by its ``schema`` key."""
    data = json.loads(text)
    schema = data.get("schema") if isinstance(data, dict) else None
    cls = ANSWER_TYPES.get(str(schema))
    if cls is None:
        raise InvalidData("unknown schema", path="schema", value=schema)
    return cls.from_dict(data)
