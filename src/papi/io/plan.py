"""Plan files: every problem of a plan reported at once, with its file, path and value."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import papi.io as _io  # the limits are read from papi.io on each call, so they can be set there
from papi.dates import ALWAYS, Validity, parse_day
from papi.duties import (
    Assignment,
    Basis,
    Deadline,
    Document,
    DocumentKind,
    Role,
    Selector,
    Task,
    Unlisted,
    selector_from_dict,
)
from papi.errors import InvalidData, Problem
from papi.governance import Builder, Governance, Notice
from papi.io._text import (
    _decode,
    _parse,
    _too_large,
)
from papi.progress import Completion, Report

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
    "notes_vi": False,
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
    "notes_vi": False,
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
    "notes_vi": False,
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
_NOTE = {
    "code": True,
    "message_vi": True,
    "message_en": True,
    "documents": False,
    "within": False,
}
_DEADLINE = {"statute", "rule", "applies_to", "window", "note"}


#: Stand-in ids, registered in the builder only when a field they stand for is invalid (so
#: the builder's ``build()`` always fails): they keep a bad field from causing follow-on
#: "unknown document/task" problems while the record's other fields are still checked.
_STAND_IN_DOC = "\x00invalid document"
_STAND_IN_TASK = "\x00invalid task"
_NO_RULE = object()  # stands for an invalid deadline rule


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []
        self.stand_in_doc = False
        self.stand_in_task = False
        self.bad_docs: dict[str, str] = {}  # id -> path of a definition that is invalid
        self.bad_tasks: dict[str, str] = {}
        self.undated_docs: set[str] = set()  # documents whose date field is invalid

    def bad(self, path: str, message: str, value: object = None) -> None:
        self.problems.append(Problem(path=f"{self.source}: {path}", message=message, value=value))

    def table(self, data: object, path: str, fields: Mapping[str, bool]) -> dict[str, Any] | None:
        """The table's keys, after reporting unknown and missing keys; ``None`` when ``data``
        is not a table. Missing required keys are left to the field readers' placeholders."""
        if not isinstance(data, Mapping):
            self.bad(path, "must be a table", data)
            return None
        for k in data:
            if k not in fields:
                self.bad(f"{path}.{k}", "unknown key", k)
        for k, required in fields.items():
            if required and k not in data:
                self.bad(f"{path}.{k}", "missing key")
        return dict(data)

    def text(self, data: Mapping[str, Any], k: str, path: str) -> str | None:
        v = data.get(k)
        if v is None:
            return None
        if not isinstance(v, str) or not v.strip():
            self.bad(f"{path}.{k}", "must be a non-empty string", v)
            return None
        return v

    def strings(self, data: Mapping[str, Any], k: str, path: str) -> tuple[str, ...] | None:
        v = data.get(k, [])
        if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
            self.bad(f"{path}.{k}", "must be a list of strings", v)
            return None
        return tuple(v)

    def boolean(self, data: Mapping[str, Any], k: str, path: str, default: bool) -> bool | None:
        v = data.get(k, default)
        if not isinstance(v, bool):
            self.bad(f"{path}.{k}", "must be true or false", v)
            return None
        return v

    def day(self, value: object, path: str) -> date | None:
        try:
            return parse_day(value, arg=path)
        except InvalidData as err:
            self.bad(path, err.problems[0].message, value)
            return None

    def validity(self, data: object, path: str) -> Validity | None:
        """The validity in ``data`` (``ALWAYS`` when absent); ``None`` when invalid."""
        if data is None:
            return ALWAYS
        t = self.table(data, path, {"from": False, "to": False})
        if t is None:
            return None
        lo = self.day(t["from"], f"{path}.from") if "from" in t else None
        hi = self.day(t["to"], f"{path}.to") if "to" in t else None
        if ("from" in t and lo is None) or ("to" in t and hi is None):
            return None
        try:
            return Validity(valid_from=lo, valid_to=hi)
        except InvalidData as err:
            self.bad(f"{path}.to", err.problems[0].message, hi.isoformat() if hi else None)
            return None

    def doc_ref(self, value: object, path: str) -> str:
        """A reference to a document: checked here only for its form and for pointing at a
        document of this file that is itself invalid (the builder checks the rest)."""
        if not isinstance(value, str) or not value.strip():
            if value is not None:  # a missing key is already reported
                self.bad(path, "must be a non-empty string", value)
            self.stand_in_doc = True
            return _STAND_IN_DOC
        return value

    def task_ref(self, value: object, path: str) -> str:
        if not isinstance(value, str) or not value.strip():
            if value is not None:
                self.bad(path, "must be a non-empty string", value)
            self.stand_in_task = True
            return _STAND_IN_TASK
        return value

    def same_as(self, value: object, placeholder: str, path: str, k: str) -> str:
        """A required text field, or ``placeholder`` when it is missing or invalid."""
        if not isinstance(value, str) or not value.strip():
            if value is not None:
                self.bad(f"{path}.{k}", "must be a non-empty string", value)
            return placeholder
        return value


def _rule_from_dict() -> Callable[..., Any]:
    rules = importlib.import_module("papi.rules")
    fn: Callable[..., Any] = rules.rule_from_dict
    return fn


class _Read:
    """One record as read: the object (with placeholders for invalid fields), its path, and
    whether any of its own fields is invalid."""

    def __init__(self, obj: Any, path: str, ok: bool, **extra: Any) -> None:
        self.obj = obj
        self.path = path
        self.ok = ok
        self.extra = extra


def read_plan_text(text: str, *, source: str, fmt: str, builder: Builder) -> Builder:
    """Parse plan text (``fmt`` ``"toml"`` or ``"json"``) into ``builder``; problems are
    recorded in the builder and raised by its ``build()``, all at once.

    Every field of every record is checked on its own first; then the references between
    records (tasks to documents, assignments to tasks and documents, reports to tasks and
    organizations; indicators, statutes, units). A reference to a record of the file that is
    itself invalid is reported as such ("invalid document (see plan.toml: documents[0])"),
    never as unknown, and a bad field never keeps the other fields of its record from being
    checked."""
    r = _Reader(source)
    data = _parse(text, source=source, fmt=fmt)
    if not isinstance(data, Mapping):
        raise InvalidData("a plan must be a table at the top level", path=source)
    for k in data:
        if k not in _TOP:
            r.bad(k, "unknown key", k)
    schema = data.get("schema", _io.PLAN_SCHEMA)
    if schema != _io.PLAN_SCHEMA:
        r.bad("schema", f"unsupported schema; expected {_io.PLAN_SCHEMA!r}", schema)
    # 1. every field of every record, on its own
    docs = _records(r, data, "documents", _document)
    tasks = _records(r, data, "tasks", _task)
    assigns = _records(r, data, "assignments", _assignment)
    reports = _records(r, data, "reports", _report)
    notes = _records(r, data, "notes", _note)
    # 2. references to records of this file that are themselves invalid
    for d in docs:
        if not d.ok and d.obj.id != d.extra["stand_in_id"]:
            r.bad_docs.setdefault(d.obj.id, d.path)
    for t in tasks:
        if not t.ok and t.obj.id != t.extra["stand_in_id"]:
            r.bad_tasks.setdefault(t.obj.id, t.path)
    for d in docs:
        for k in ("implements", "supersedes"):
            for j, ref in enumerate(getattr(d.obj, k)):
                _invalid_ref(r, r.bad_docs, "document", ref, f"{d.path}.{k}[{j}]")
    for t in tasks:
        _invalid_ref(r, r.bad_docs, "document", t.obj.document, f"{t.path}.document")
        for j, b in enumerate(t.obj.defined_in):
            _invalid_ref(
                r, r.bad_docs, "document", b.document, f"{t.path}.defined_in[{j}].document"
            )
    for a in assigns:
        _invalid_ref(r, r.bad_tasks, "task", a.obj.task, f"{a.path}.task")
        _invalid_ref(r, r.bad_docs, "document", a.obj.basis.document, f"{a.path}.basis.document")
    for rep in reports:
        _invalid_ref(r, r.bad_tasks, "task", rep.extra["task"], f"{rep.path}.task")
    for n in notes:
        for j, ref in enumerate(n.extra["documents"] or ()):
            _invalid_ref(r, r.bad_docs, "document", ref, f"{n.path}.documents[{j}]")
    # 3. the rest of the cross-references is checked by the builder
    if r.stand_in_doc or r.stand_in_task:
        builder.add_document(
            Document(
                id=_STAND_IN_DOC,
                number="?",
                kind=DocumentKind.PLAN,
                issuer="?",
                date=None,
                date_known=False,
                title_vi="?",
            ),
            path=f"{source}: (stand-in)",
        )
    if r.stand_in_task:
        builder.add_task(
            Task(id=_STAND_IN_TASK, document=_STAND_IN_DOC, reference="?", title_vi="?"),
            path=f"{source}: (stand-in)",
        )
    for x in docs:
        builder.add_document(x.obj, path=f"{source}: {x.path}")
    for x in tasks:
        builder.add_task(x.obj, path=f"{source}: {x.path}")
    for x in assigns:
        a = x.obj
        # whether the selector matches anybody is checked on the day the assignment takes
        # effect: only when that day is known (a valid "valid" table, or a dated document)
        day_known = x.extra["validity_ok"] and (
            a.validity.valid_from is not None or a.basis.document not in r.undated_docs
        )
        builder.add_assignment(
            a, path=f"{source}: {x.path}", must_match=x.extra["selector_ok"] and day_known
        )
    for x in reports:
        if x.obj is not None:
            builder.add_report(x.obj, path=f"{source}: {x.path}")
        elif x.extra["task"] not in r.bad_tasks:
            # the organization is invalid: the task reference is still checked, through a
            # probe that the builder resolves like any assignment's task
            builder.add_assignment(
                Assignment(
                    id=f"\x00probe {x.path}",
                    selector=_PROBE_SELECTOR,
                    role=Role.REPORT,
                    task=x.extra["task"],
                    basis=Basis(document=_STAND_IN_DOC, reference="?"),
                ),
                path=f"{source}: {x.path}",
            )
    # a note is about what it names, else about the documents of its file (a file without
    # documents: about the whole model)
    own = [x.obj.id for x in docs] or None
    for n in notes:
        if n.ok:
            named = n.extra["documents"] or n.extra["within"]
            builder.add_note(
                n.obj,
                documents=n.extra["documents"] if named else own,
                within=n.extra["within"] if named else None,
                path=f"{source}: {n.path}",
            )
    for p in r.problems:
        builder.add_problem(p)
    if (r.stand_in_doc or r.stand_in_task) and not r.problems:  # pragma: no cover
        raise AssertionError("a stand-in without a problem")
    return builder


_PROBE_SELECTOR = Unlisted(document="?", reference="?", description_vi="(probe)")


def _invalid_ref(r: _Reader, bad: Mapping[str, str], what: str, ref: str, path: str) -> None:
    if ref in bad:
        r.bad(path, f"invalid {what} (see {r.source}: {bad[ref]})", ref)


def _complete(t: Mapping[str, Any], fields: Mapping[str, bool]) -> bool:
    """Whether ``t`` has every required key (a missing key is reported by ``_Reader.table``;
    an unknown key is reported but leaves the record's content whole)."""
    return all(k in t for k, required in fields.items() if required)


def _records(
    r: _Reader,
    data: Mapping[str, Any],
    k: str,
    read: Callable[[_Reader, object, str], _Read | None],
) -> list[_Read]:
    """The records of the section ``k`` that ``read`` accepts (it reports the others)."""
    return [
        x for i, raw in enumerate(_list(r, data, k)) if (x := read(r, raw, f"{k}[{i}]")) is not None
    ]


def _list(r: _Reader, data: Mapping[str, Any], k: str) -> list[Any]:
    v = data.get(k, [])
    if not isinstance(v, list):
        r.bad(k, "must be an array of tables", v)
        return []
    return v


def _optional_text(r: _Reader, t: Mapping[str, Any], k: str, path: str) -> str | None:
    if k in t and t[k] is not None and r.text(t, k, path) is None:
        return None
    return t.get(k)


def _note(r: _Reader, raw: object, path: str) -> _Read | None:
    t = r.table(raw, path, _NOTE)
    if t is None:
        return None
    before = len(r.problems)
    texts = [r.text(t, k, path) for k in ("code", "message_vi", "message_en")]
    scope: dict[str, tuple[str, ...] | None] = {}
    for k in ("documents", "within"):
        v = t.get(k)
        if k == "within" and isinstance(v, str):  # one unit
            refs = r.text(t, k, path)
            scope[k] = None if refs is None else (refs,)
            continue
        scope[k] = r.strings(t, k, path)
        if scope[k] == () and k in t:
            r.bad(f"{path}.{k}", "must name something (or be left out)", [])
        for j, ref in enumerate(scope[k] or ()):
            if not ref.strip():
                r.bad(f"{path}.{k}[{j}]", "must be a non-empty string", ref)
    if None in texts:
        return None
    code, vi, en = (str(x) for x in texts)
    return _Read(
        Notice(code=code, message_vi=vi, message_en=en),
        path,
        len(r.problems) == before,
        **scope,
    )


def _document(r: _Reader, raw: object, path: str) -> _Read | None:
    t = r.table(raw, path, _DOC)
    if t is None:
        return None
    before = len(r.problems)
    stand_in_id = f"\x00invalid {path}"
    kind = None
    if "kind" in t:
        try:
            kind = DocumentKind(t["kind"])
        except ValueError:
            r.bad(
                f"{path}.kind",
                "not a document kind; use one of " + ", ".join(k.value for k in DocumentKind),
                t["kind"],
            )
    day = r.day(t["date"], f"{path}.date") if "date" in t else None
    date_ok = "date" not in t or day is not None
    date_known = r.boolean(t, "date_known", path, "date" in t)
    doc_id = r.same_as(t.get("id"), stand_in_id, path, "id")
    number = r.same_as(t.get("number"), "?", path, "number")
    issuer = r.same_as(t.get("issuer"), "?", path, "issuer")
    title_vi = r.same_as(t.get("title_vi"), "?", path, "title_vi")
    title_en = _optional_text(r, t, "title_en", path)
    notes = _optional_text(r, t, "notes", path)
    notes_vi = _optional_text(r, t, "notes_vi", path)
    implements = r.strings(t, "implements", path)
    supersedes = r.strings(t, "supersedes", path)
    sources = r.strings(t, "sources", path)
    verified = r.boolean(t, "verified", path, True)
    period = r.validity(t.get("period"), f"{path}.period")
    consistent = date_ok and date_known is not None
    if consistent and day is None and date_known:
        r.bad(f"{path}.date", "a document without a date needs date_known = false")
        consistent = False
    elif consistent and day is not None and not date_known:
        r.bad(f"{path}.date", "date_known = false but a date is given", t["date"])
        consistent = False
    ok = len(r.problems) == before and _complete(t, _DOC)
    if not consistent:
        # placeholders: an undated document (no date is guessed), whose assignments are not
        # checked for matching nobody on the day they take effect (that day is unknown)
        day, date_known = None, False
        r.undated_docs.add(doc_id)
    return _Read(
        Document(
            id=doc_id,
            number=number,
            kind=kind or DocumentKind.PLAN,
            issuer=issuer,
            date=day,
            date_known=bool(date_known),
            title_vi=title_vi,
            title_en=title_en,
            implements=implements or (),
            supersedes=supersedes or (),
            period=period or ALWAYS,
            sources=sources or (),
            verified=True if verified is None else verified,
            notes=notes,
            notes_vi=notes_vi,
        ),
        path,
        ok,
        stand_in_id=stand_in_id,
    )


def _deadline(r: _Reader, raw: object, path: str) -> Deadline:
    """The deadline, its invalid parts replaced by placeholders (a valid statute key is kept
    so that the builder still checks it)."""
    if not isinstance(raw, Mapping):
        r.bad(path, "must be a table", raw)
        return Deadline(rule=_NO_RULE)
    for k in raw:
        if k not in _DEADLINE:
            r.bad(f"{path}.{k}", "unknown key", k)
    if ("statute" in raw) == ("rule" in raw):
        r.bad(path, "give exactly one of 'statute' or 'rule'")
    rule: Any = None
    bad_key = _ill_typed_rule(raw.get("rule"))
    if bad_key is not None:
        r.bad(f"{path}.rule.{bad_key}", "must be a string", raw["rule"][bad_key])
    elif "rule" in raw:
        try:
            rule = _rule_from_dict()(raw["rule"], path=f"{path}.rule")
        except InvalidData as err:
            for p in err.problems:
                r.bad(p.path or f"{path}.rule", p.message, p.value)
    statute = raw.get("statute")
    if statute is not None and (not isinstance(statute, str) or not statute.strip()):
        r.bad(f"{path}.statute", "must be a non-empty string", statute)
        statute = None
    applies = raw.get("applies_to")
    if applies is not None and applies not in ("province", "district", "commune", "village"):
        r.bad(
            f"{path}.applies_to", "not a level; use province, district, commune or village", applies
        )
        applies = None
    window = r.validity(raw.get("window"), f"{path}.window")
    note = _optional_text(r, raw, "note", path)
    if statute is not None and rule is not None:
        rule = None
    if statute is None and rule is None:
        rule = _NO_RULE
    return Deadline(
        statute=statute, rule=rule, applies_to=applies, window=window or ALWAYS, note=note
    )


def _ill_typed_rule(rule: object) -> str | None:
    """The key (``type`` or ``statute``) of a rule table whose value is not a string: the
    rule reader looks these up by value, so they are checked here first."""
    if isinstance(rule, Mapping):
        for k in ("type", "statute"):
            if k in rule and not isinstance(rule[k], str):
                return k
    return None


def _task(r: _Reader, raw: object, path: str) -> _Read | None:
    t = r.table(raw, path, _TASK)
    if t is None:
        return None
    before = len(r.problems)
    stand_in_id = f"\x00invalid {path}"
    task_id = r.same_as(t.get("id"), stand_in_id, path, "id")
    document = r.doc_ref(t.get("document"), f"{path}.document")
    reference = r.same_as(t.get("reference"), "?", path, "reference")
    title_vi = r.same_as(t.get("title_vi"), "?", path, "title_vi")
    title_en = _optional_text(r, t, "title_en", path)
    notes = _optional_text(r, t, "notes", path)
    notes_vi = _optional_text(r, t, "notes_vi", path)
    indicators = r.strings(t, "indicators", path)
    dls_raw = t.get("deadlines", [])
    deadlines = []
    if not isinstance(dls_raw, list):
        r.bad(f"{path}.deadlines", "must be an array", dls_raw)
    else:
        deadlines = [_deadline(r, d, f"{path}.deadlines[{j}]") for j, d in enumerate(dls_raw)]
    recurring = r.boolean(t, "recurring", path, False)
    period = r.validity(t.get("period"), f"{path}.period")
    defined_in = []
    raw_refs = t.get("defined_in", [])
    if not isinstance(raw_refs, list):
        r.bad(f"{path}.defined_in", "must be an array of {document, reference} tables", raw_refs)
    else:
        for j, ref in enumerate(raw_refs):
            here = f"{path}.defined_in[{j}]"
            b = r.table(ref, here, {"document": True, "reference": True}) or {}
            defined_in.append(
                Basis(
                    document=r.doc_ref(b.get("document"), f"{here}.document")
                    if b
                    else r.doc_ref(None, here),
                    reference=r.same_as(b.get("reference"), "?", here, "reference"),
                )
            )
    return _Read(
        Task(
            id=task_id,
            document=document,
            reference=reference,
            title_vi=title_vi,
            title_en=title_en,
            indicators=indicators or (),
            deadlines=tuple(deadlines),
            recurring=bool(recurring),
            period=period or ALWAYS,
            notes=notes,
            notes_vi=notes_vi,
            defined_in=tuple(defined_in),
        ),
        path,
        len(r.problems) == before and _complete(t, _TASK),
        stand_in_id=stand_in_id,
    )


def _basis(r: _Reader, raw: object, path: str) -> tuple[Basis, bool]:
    before = len(r.problems)
    if raw is None:  # missing: already reported
        r.stand_in_doc = True
        return Basis(document=_STAND_IN_DOC, reference="?"), False
    b = r.table(raw, path, {"document": True, "reference": True})
    if b is None:
        r.stand_in_doc = True
        return Basis(document=_STAND_IN_DOC, reference="?"), False
    basis = Basis(
        document=r.doc_ref(b.get("document"), f"{path}.document"),
        reference=r.same_as(b.get("reference"), "?", path, "reference"),
    )
    return basis, len(r.problems) == before


def _assignment(r: _Reader, raw: object, path: str) -> _Read | None:
    t = r.table(raw, path, _ASSIGN)
    if t is None:
        return None
    before = len(r.problems)
    a_id = r.same_as(t.get("id"), f"\x00invalid {path}", path, "id")
    task = r.task_ref(t.get("task"), f"{path}.task")
    role = None
    if "role" in t:
        try:
            role = Role.parse(str(t["role"]))
        except InvalidData as err:
            r.bad(f"{path}.role", err.problems[0].message, t["role"])
    sel_problems: list[Problem] = []
    selector: Selector = _PROBE_SELECTOR
    if "selector" in t:
        selector = selector_from_dict(t["selector"], path=f"{path}.selector", problems=sel_problems)
    for p in sel_problems:
        r.bad(p.path, p.message, p.value)
    basis, _ = _basis(r, t.get("basis"), f"{path}.basis")
    validity = r.validity(t.get("valid"), f"{path}.valid")
    notes = _optional_text(r, t, "notes", path)
    notes_vi = _optional_text(r, t, "notes_vi", path)
    return _Read(
        Assignment(
            id=a_id,
            selector=selector,
            role=role or Role.IMPLEMENT,
            task=task,
            validity=validity or ALWAYS,
            basis=basis,
            notes=notes,
            notes_vi=notes_vi,
        ),
        path,
        len(r.problems) == before and _complete(t, _ASSIGN),
        selector_ok="selector" in t and not sel_problems,
        validity_ok=validity is not None,
    )


def _report(r: _Reader, raw: object, path: str) -> _Read | None:
    t = r.table(raw, path, _REPORT)
    if t is None:
        return None
    before = len(r.problems)
    task = r.task_ref(t.get("task"), f"{path}.task")
    org = r.text(t, "organization", path)
    completion = None
    if "completion" in t:
        try:
            completion = Completion(t["completion"])
        except ValueError:
            r.bad(f"{path}.completion", "use one of done, partly, not_done", t["completion"])
    period = r.validity(t["period"], f"{path}.period") if "period" in t else None
    if period is not None and (period.valid_from is None or period.valid_to is None):
        r.bad(f"{path}.period", "needs both from and to (inclusive)", t["period"])
        period = None
    submitted = r.day(t["submitted"], f"{path}.submitted") if "submitted" in t else None
    pct = t.get("percent")
    if pct is not None and (
        isinstance(pct, bool) or not isinstance(pct, int | float) or not 0 <= pct <= 100
    ):
        r.bad(f"{path}.percent", "must be a number between 0 and 100", pct)
        pct = None
    effectiveness = _optional_text(r, t, "effectiveness", path)
    reasons = _optional_text(r, t, "reasons", path)
    document = _optional_text(r, t, "document", path)
    ok = len(r.problems) == before and _complete(t, _REPORT)
    if org is None:
        r.stand_in_doc = True  # the basis of the probe that checks the task reference
        return _Read(None, path, ok, task=task)
    placeholder = submitted or date(2000, 1, 1)
    return _Read(
        Report(
            task=task,
            organization=org,
            period_start=period.valid_from if period and period.valid_from else placeholder,
            period_end=period.valid_to if period and period.valid_to else placeholder,
            completion=completion or Completion.NOT_DONE,
            percent=float(pct) if pct is not None else None,
            effectiveness=effectiveness,
            reasons=reasons,
            submitted=placeholder,
            document=document,
        ),
        path,
        ok,
        task=task,
    )


def read_plan(path: str | Path, *, builder: Builder) -> Builder:
    """Read a plan file (``.toml`` or ``.json``) into ``builder``."""
    p = Path(path)
    fmt = "json" if p.suffix.lower() == ".json" else "toml"
    try:
        size = p.stat().st_size
        data = p.read_bytes() if size <= _io.MAX_DOCUMENT_BYTES else b""
    except OSError as err:
        raise InvalidData(f"cannot read the plan file: {err.strerror}", path=str(p)) from None
    except ValueError:  # a NUL byte in the name: no file can have it
        raise InvalidData(
            "cannot read the plan file: a NUL byte in its name", path=repr(p.name)
        ) from None
    if size > _io.MAX_DOCUMENT_BYTES:
        raise _too_large(size, p.name)
    return read_plan_text(_decode(data, p.name), source=p.name, fmt=fmt, builder=builder)


def load_plan(path: str | Path, *, base: Governance) -> Governance:
    """A new :class:`~papi.governance.Governance`: ``base`` plus the plan in ``path``.

    Every problem in the file is reported at once, in one
    :class:`~papi.errors.InvalidData` whose ``problems`` name the file, the path inside it
    (``plan.toml: tasks[2].indicators[0]``) and the value.
    """
    return read_plan(path, builder=base.builder()).build()
