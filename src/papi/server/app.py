"""The FastAPI application of the read-only HTTP service (needs the ``server`` extra).

One :class:`Service` wraps an immutable :class:`~papi.Governance`; every endpoint parses its
query, asks the library, and sends the answer's own ``to_dict()`` JSON (or its ``explain()``
text with ``format=text``). Answers depend only on the query and the model, so each rendered
answer is kept in one bounded LRU cache and sent with a strong ``ETag``; a request with a
matching ``If-None-Match`` gets ``304 Not Modified``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import warnings
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Annotated, Any, Literal

import attrs
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

import papi
from papi.dates import parse_date, today_in_vietnam
from papi.dates import parse_day as _parse_day
from papi.errors import Ambiguous, InvalidData, NotFound, PapiError, what_vi
from papi.governance import Governance
from papi.server import documents as docs
from papi.server.schemas import schema, schema_classes
from papi.territory import Level, Territory, Unit

__all__ = ["CACHE_SIZE", "Service", "create_app"]

CACHE_SIZE = 4096
"""How many rendered answers one service keeps (least recently used dropped first)."""

_JSON = "application/json"
_TEXT = "text/plain; charset=utf-8"
_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_ID_IN = re.compile(r"\bid ([^,)\s]+)")
_CODE_IN = re.compile(r"\(([^,()\s]+)[,)]")

Lang = Literal["vi", "en"]
Format = Literal["json", "text"]

# ------------------------------------------------------------------ query parameters

_LANG = Query(
    description="Language of error messages and of `format=text` (default: `Accept-Language`, "
    "else `vi`). JSON answers carry both languages.",
)
_FORMAT = Query(description="`json` (the documented schema) or `text` (`explain(lang)`).")
_ON = Query(
    description="The day asked about, `YYYY-MM-DD` or `dd/mm/yyyy` (default: today in "
    "Asia/Ho_Chi_Minh, said in the `Papi-On` header).",
)
_WHERE = Query(
    description="A unit: name (any case, with or without diacritics; `Phường Hàng Bạc, "
    "Quận Hoàn Kiếm` narrows by parents), NSO code or id."
)

LangParam = Annotated[Lang | None, _LANG]
FormatParam = Annotated[Format, _FORMAT]
DayParam = Annotated[str | None, _ON]


@attrs.frozen
class _Rendered:
    body: bytes
    media_type: str
    etag: str
    warnings: str


class _Failure(Exception):
    """A request error found by the service itself (a parameter missing or malformed)."""

    def __init__(self, code: str, status: int, vi: str, en: str, parameter: str | None) -> None:
        super().__init__(en)
        self.code, self.status, self.vi, self.en, self.parameter = code, status, vi, en, parameter


def parse_day(text: str, name: str) -> date:
    """A query day from ``YYYY-MM-DD`` or ``dd/mm/yyyy``; :class:`~papi.errors.InvalidData`
    naming the parameter otherwise.

    >>> parse_day("30/09/2022", "on"), parse_day("2022-09-30", "on")
    (datetime.date(2022, 9, 30), datetime.date(2022, 9, 30))
    """
    match = _DMY.fullmatch(text.strip())
    if match is not None:
        try:
            day = date(int(match[3]), int(match[2]), int(match[1]))
        except ValueError:
            raise InvalidData("not a valid day", path=name, value=text) from None
    else:
        try:
            day = parse_date(text, path=name)
        except InvalidData:
            raise InvalidData(
                "not a date in the form YYYY-MM-DD or dd/mm/yyyy", path=name, value=text
            ) from None
    # the days papi reads (1000-2999), so that a window after the day cannot overflow
    return _parse_day(day, arg=name)


class Service:
    """The service's logic over one model: queries, rendering, caching, errors.

    ``governance`` is shared by every request (papi's models are immutable and thread-safe).
    """

    def __init__(self, governance: Governance) -> None:
        self.governance = governance
        self.territory: Territory = governance.territory
        self.render = functools.lru_cache(maxsize=CACHE_SIZE)(self._render)
        self._ops: dict[str, Callable[..., Any]] = {
            "who": lambda s, w, on: governance.who(s, where=w, on=on),
            "duties": lambda of, on: governance.duties(of=of, on=on),
            "agenda": lambda of, a, b: governance.agenda(of=of, start=a, end=b),
            "overdue": lambda on: governance.overdue(on=on),
            "gaps": lambda on: governance.gaps(on=on),
            "escalation": lambda w, on: governance.escalation(where=w, on=on),
            "case": lambda k, w, rec, on, cx, rm, ecx, ch, acc, dec, sec, ag: governance.case(
                k,
                where=w,
                received=rec,
                on=on,
                complex=cx,
                remote=rm,
                especially_complex=ecx,
                channel=ch,
                accepted=acc,
                decided=dec,
                second_received=sec,
                against=ag,
            ),
            "units": lambda lv, wi, on: docs.units_document(
                self.territory, on=on, level=lv, within=wi
            ),
            "successors": lambda u, on: docs.successors_document(self.territory, u, on=on),
            "convert": lambda u, to, on: docs.conversion_document(self.territory, u, to=to, on=on),
            "statutes": _statutes,
            "deadline": lambda k, a, b: docs.deadline_document(k, start=a, end=b),
            "framework": _framework,
            "scores": _scores,
        }

    # --------------------------------------------------------------- answering
    def _render(self, op: str, args: tuple[Any, ...], fmt: str, lang: str) -> _Rendered:
        answer = self._ops[op](*args)
        notes = getattr(answer, "warnings", ())
        codes = ",".join(dict.fromkeys(n.code for n in notes))
        if fmt == "text":
            body = answer.explain(lang).encode("utf-8")
            media = _TEXT
        else:
            body = dumps(answer.to_dict())
            media = _JSON
        tag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        return _Rendered(body=body, media_type=media, etag=tag, warnings=codes)

    def answer(
        self,
        request: Request,
        lang: Lang | None,
        fmt: str,
        query: Callable[[], tuple[str, tuple[Any, ...], bool]],
    ) -> Response:
        """Run ``query()`` (which parses the parameters into an operation, its arguments and
        whether the day was defaulted to today) and send the answer, or a JSON error."""
        lang = self.lang(request, lang)
        try:
            op, args, today = query()
            rendered = self.render(op, args, fmt, lang if fmt == "text" else "")
        except (PapiError, _Failure) as err:
            return self.error(err, lang, request)
        headers = {
            "ETag": rendered.etag,
            "Cache-Control": "no-cache" if today else "public, max-age=86400",
        }
        if today:
            headers["Papi-On"] = next(a for a in args if isinstance(a, date)).isoformat()
        if rendered.warnings:
            headers["Papi-Warnings"] = rendered.warnings
        if fmt == "text":  # the JSON documents carry both languages; the text one does not
            headers["Content-Language"] = lang
            headers["Vary"] = "Accept-Language"
        if rendered.etag in _etags(request.headers.get("if-none-match", "")):
            return Response(status_code=304, headers=headers)
        return Response(rendered.body, media_type=rendered.media_type, headers=headers)

    @staticmethod
    def lang(request: Request, lang: Lang | None) -> Lang:
        """``lang`` if given, else English when ``Accept-Language`` prefers it, else ``vi``."""
        if lang is not None:
            return lang
        accepted = request.headers.get("accept-language", "").strip().lower()
        return "en" if accepted.startswith("en") else "vi"

    @staticmethod
    def day(raw: str | None, name: str) -> tuple[date, bool]:
        """The day a parameter names, or today in Asia/Ho_Chi_Minh (and ``True``) if absent."""
        if raw is None or not raw.strip():
            return today_in_vietnam(), True
        return parse_day(raw, name), False

    # ------------------------------------------------------------------ errors
    def error(self, err: Exception, lang: Lang, request: Request | None = None) -> Response:
        """The ``papi.error/1`` response for ``err``."""
        info = self.error_info(err, lang, request)
        body = dumps(docs.Error(error=info).to_dict())
        return Response(body, status_code=info.status, media_type=_JSON)

    def error_info(self, err: Exception, lang: Lang, request: Request | None) -> docs.ErrorInfo:
        """The :class:`~papi.server.documents.ErrorInfo` describing ``err``."""
        candidates: tuple[docs.Candidate, ...] = ()
        parameter: str | None = None
        value: str | None = None
        if isinstance(err, _Failure):
            code, status, vi, en, parameter = err.code, err.status, err.vi, err.en, err.parameter
        elif isinstance(err, NotFound):
            code, status, en = "not_found", 404, str(err)
            value = str(err.value)
            vi = f"Không tìm thấy {what_vi(err.what)} “{err.value}”"
            if err.closest:
                vi += "; gần nhất: " + ", ".join(f"“{c}”" for c in err.closest)
            candidates = self.candidates(err.what, err.closest, request)
        elif isinstance(err, Ambiguous):
            code, status, en = "ambiguous", 409, str(err)
            value = str(err.value)
            vi = f"“{err.value}” ứng với {len(err.candidates)} {what_vi(err.what)}: " + "; ".join(
                err.candidates[:20]
            )
            candidates = self.candidates(err.what, err.candidates, request)
        elif isinstance(err, InvalidData):
            code, status, en = "invalid_parameter", 400, str(err)
            parameter = err.path or None
            value = None if err.value is None else str(err.value)
            shown = f" (giá trị: “{value}”)" if value is not None else ""
            vi = f"Tham số {parameter or ''} không hợp lệ{shown}".replace("  ", " ")
            if "YYYY-MM-DD" in en:
                vi += ": cần một ngày dạng YYYY-MM-DD hoặc dd/mm/yyyy"
        elif isinstance(err, PapiError):
            code, status, en = "invalid_request", 400, str(err)
            vi = f"Yêu cầu không hợp lệ: {err}"
        else:
            code, status = "internal_error", 500
            en = "internal error; the service log has the details"
            vi = "Lỗi nội bộ; chi tiết có trong nhật ký của dịch vụ"
        if parameter is None and value is not None and request is not None:
            parameter = next((k for k, v in request.query_params.items() if v == value), None)
        return docs.ErrorInfo(
            code=code,
            status=status,
            lang=lang,
            message=vi if lang == "vi" else en,
            message_vi=vi,
            message_en=en,
            parameter=parameter,
            value=value,
            candidates=candidates,
        )

    def candidates(
        self, what: str, texts: Sequence[str], request: Request | None
    ) -> tuple[docs.Candidate, ...]:
        """Structured candidates (id, name, parent, code) for the display strings of an
        :class:`~papi.errors.Ambiguous` or the ``closest`` names of a
        :class:`~papi.errors.NotFound`."""
        day = _request_day(request)
        out: dict[tuple[str | None, str], docs.Candidate] = {}
        for text in texts:
            for cand in self._candidates_of(what, text, day):
                out.setdefault((cand.id, cand.name), cand)
        return tuple(out.values())

    def _candidates_of(self, what: str, text: str, day: date) -> list[docs.Candidate]:
        if what.startswith("unit"):
            units = self._units_named(text, day)
            if units:
                return [self._unit_candidate(u, day) for u in units]
        elif what.startswith("subject") or what == "task":
            return [self._subject_candidate(text)]
        return [docs.Candidate(id=None, name=text, parent=None, code=None)]

    def _units_named(self, text: str, day: date) -> list[Unit]:
        terr = self.territory
        for pattern in (_ID_IN, _CODE_IN):
            match = pattern.search(text)
            if match is not None:
                try:
                    return [terr.get(match[1])]
                except NotFound:
                    pass
        head = text.split(" (")[0].split(",")[0]
        return list(terr.find(head, on=day) or terr.find(head))

    def _unit_candidate(self, unit: Unit, day: date) -> docs.Candidate:
        entry = docs.unit_entry(self.territory, unit, on=day)
        return docs.Candidate(id=unit.id, name=unit.name, parent=entry.parent_name, code=unit.code)

    def _subject_candidate(self, text: str) -> docs.Candidate:
        gov = self.governance
        task = gov.tasks.get(text)
        if task is None:
            task = next(
                (t for t in gov.tasks.values() if text in (t.title_vi, t.title_en)),
                None,
            )
        if task is not None:
            return docs.Candidate(id=task.id, name=task.title_vi, parent=None, code=task.id)
        try:
            element = gov.framework[text]
        except (KeyError, LookupError):
            return docs.Candidate(id=None, name=text, parent=None, code=None)
        return docs.Candidate(
            id=element.code, name=element.name_vi, parent=element.parent, code=element.code
        )


def _request_day(request: Request | None) -> date:
    raw = request.query_params.get("on") if request is not None else None
    if raw is None and request is not None:
        raw = request.query_params.get("from")
    try:
        return parse_day(raw, "on") if raw else today_in_vietnam()
    except InvalidData:
        return today_in_vietnam()


def _etags(header: str) -> set[str]:
    return {t.strip().removeprefix("W/") for t in header.split(",") if t.strip()}


def dumps(data: object) -> bytes:
    """Compact UTF-8 JSON, Vietnamese as is."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _statutes(on: date) -> docs.Statutes:
    from papi.rules import statutes

    listed = tuple(docs.statute_info(s) for s in statutes() if s.validity.contains(on))
    return docs.Statutes(on=on, statutes=listed)


def _framework(year: int | None) -> docs.FrameworkDocument:
    from papi.framework import framework, frameworks

    return docs.framework_document(framework(year) if year is not None else frameworks()[-1])


def _scores(year: int | None) -> docs.Scores:
    from papi.scoring import hanoi_results

    results = hanoi_results()
    years = sorted({r.year for r in results})
    if year is not None and year not in years:
        raise NotFound("PAPI year", year, closest=[str(y) for y in years])
    return docs.scores_document(results, year=year)


# ------------------------------------------------------------------------ the app

_E = (400, 404, 409)


def _responses(
    name: str, *, text: bool = False, errors: Sequence[int] = (400,)
) -> dict[int | str, dict[str, Any]]:
    ok: dict[str, Any] = {"application/json": {"schema": _ref(name)}}
    if text:
        ok["text/plain"] = {"schema": {"type": "string"}}
    out: dict[int | str, dict[str, Any]] = {200: {"description": "The answer.", "content": ok}}
    meaning = {
        400: "A parameter is missing or malformed.",
        404: "A name or code matched nothing; `candidates` holds the closest records.",
        409: "A name matched several records; `candidates` lists them.",
    }
    for status in errors:
        out[status] = {
            "description": meaning[status],
            "content": {"application/json": {"schema": _ref("Error")}},
        }
    if name != "Health":
        out[304] = {"description": "Not modified (the `If-None-Match` ETag matches)."}
    return out


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def openapi_components() -> dict[str, Any]:
    """Every packaged JSON Schema as OpenAPI components, named after its class; the schemas'
    ``$defs`` become components of their own (shared definitions must be identical)."""
    out: dict[str, Any] = {}

    def put(name: str, value: dict[str, Any]) -> None:
        if name in out and out[name] != value:
            raise RuntimeError(f"two different JSON Schemas named {name!r}")  # pragma: no cover
        out[name] = value

    for key, cls in schema_classes().items():
        sch = schema(key)
        defs = sch.pop("$defs", {})
        for dropped in ("$schema", "$id"):
            sch.pop(dropped, None)
        put(cls.__name__, _rewrite(sch))
        for name, value in defs.items():
            put(name, _rewrite(value))
    return dict(sorted(out.items()))


def _rewrite(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            k: (
                v.replace("#/$defs/", "#/components/schemas/")
                if k == "$ref" and isinstance(v, str)
                else _rewrite(v)
            )
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_rewrite(v) for v in node]
    return node


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
            fail = _Failure(
                "missing_parameter",
                400,
                f"Thiếu tham số {name}",
                f"missing query parameter {name!r}",
                name,
            )
        else:
            value = request.query_params.get(name)
            fail = _Failure(
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
            fail = _Failure(
                "method_not_allowed",
                405,
                f"{request.method} không được hỗ trợ tại {path}; dịch vụ chỉ đọc (GET)",
                f"{request.method} is not allowed on {path}; the service is read-only (GET)",
                None,
            )
        else:
            fail = _Failure(
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
    _routes(app, svc)
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


def _routes(app: FastAPI, svc: Service) -> None:
    day = svc.day

    def dated(
        op: str, on: str | None, *args: Any
    ) -> Callable[[], tuple[str, tuple[Any, ...], bool]]:
        """The query of an operation whose last argument is the day ``on``."""

        def query() -> tuple[str, tuple[Any, ...], bool]:
            d, today = day(on, "on")
            return op, (*args, d), today

        return query

    @app.get("/health", tags=["service"], responses=_responses("Health", errors=()))
    def health() -> Response:
        """The service is up; papi's version and the territory's coverage."""
        cov = svc.territory.coverage
        doc = docs.Health(
            status="ok",
            version=papi.__version__,
            coverage_from=cov.valid_from,
            coverage_to=cov.valid_to,
        )
        return Response(dumps(doc.to_dict()), media_type=_JSON)

    @app.get("/who", tags=["queries"], responses=_responses("Accountability", text=True, errors=_E))
    def who(
        request: Request,
        subject: Annotated[
            str, Query(description="A PAPI indicator code (`D3`), a task id (`T6`) or a name.")
        ],
        where: Annotated[str, _WHERE],
        on: DayParam = None,
        lang: LangParam = None,
        format: FormatParam = "json",
    ) -> Response:
        """Who is accountable for `subject` in `where` on `on` (`Governance.who`)."""

        return svc.answer(request, lang, format, dated("who", on, subject, where))

    @app.get("/duties", tags=["queries"], responses=_responses("Duties", text=True, errors=_E))
    def duties(
        request: Request,
        of: Annotated[str, Query(description="An organization (id or name) or a unit.")],
        on: DayParam = None,
        lang: LangParam = None,
        format: FormatParam = "json",
    ) -> Response:
        """Every duty held on `on` by an organization or the organizations of a unit."""

        return svc.answer(request, lang, format, dated("duties", on, of))

    @app.get("/agenda", tags=["queries"], responses=_responses("Agenda", text=True, errors=_E))
    def agenda(
        request: Request,
        of: Annotated[
            str | None, Query(description="Only the tasks of this organization or unit.")
        ] = None,
        start: Annotated[
            str | None, Query(alias="from", description="First day (default: today).")
        ] = None,
        end: Annotated[
            str | None, Query(alias="to", description="Last day (default: 30 days after `from`).")
        ] = None,
        lang: LangParam = None,
        format: FormatParam = "json",
    ) -> Response:
        """Deadlines falling in `[from, to]`, recurring ones expanded (`Governance.agenda`)."""

        def query() -> tuple[str, tuple[Any, ...], bool]:
            a, today = day(start, "from")
            b = parse_day(end, "to") if end else a + timedelta(days=30)
            return "agenda", (of, a, b), today and not end

        return svc.answer(request, lang, format, query)

    @app.get("/overdue", tags=["queries"], responses=_responses("Overdue", text=True))
    def overdue(
        request: Request, on: DayParam = None, lang: LangParam = None, format: FormatParam = "json"
    ) -> Response:
        """(task, organization) pairs whose deadline passed without a report."""

        return svc.answer(request, lang, format, dated("overdue", on))

    @app.get("/gaps", tags=["queries"], responses=_responses("Gaps", text=True))
    def gaps(
        request: Request, on: DayParam = None, lang: LangParam = None, format: FormatParam = "json"
    ) -> Response:
        """Holes in the plans on `on`: no lead, selectors matching nobody, missing heads..."""

        return svc.answer(request, lang, format, dated("gaps", on))

    @app.get(
        "/escalation", tags=["queries"], responses=_responses("Escalation", text=True, errors=_E)
    )
    def escalation(
        request: Request,
        where: Annotated[str, _WHERE],
        on: DayParam = None,
        lang: LangParam = None,
        format: FormatParam = "json",
    ) -> Response:
        """The escalation ladder from the People's Committee of `where` to the top."""

        return svc.answer(request, lang, format, dated("escalation", on, where))

    @app.get("/case", tags=["queries"], responses=_responses("Case", text=True, errors=_E))
    def case(
        request: Request,
        kind: Annotated[
            Literal["complaint", "denunciation", "information"],
            Query(description="A complaint, a denunciation or an information request."),
        ],
        where: Annotated[str, _WHERE],
        received: Annotated[
            str | None, Query(description="The day the case was received (default: today).")
        ] = None,
        on: Annotated[
            str | None,
            Query(
                description="The day asked about (default: `received`): steps due before it "
                "are `elapsed`."
            ),
        ] = None,
        complex: Annotated[bool, Query(description="A complex case (longer periods).")] = False,
        remote: Annotated[
            bool, Query(description="A remote, hard-to-reach area (longer periods).")
        ] = False,
        especially_complex: Annotated[
            bool, Query(description="An especially complex denunciation.")
        ] = False,
        channel: Annotated[
            Literal["office", "online", "post"] | None,
            Query(description="How an information request arrived (default: `office`)."),
        ] = None,
        accepted: Annotated[
            str | None, Query(description="The day the case was accepted, if known.")
        ] = None,
        decided: Annotated[
            str | None, Query(description="The day of the first-instance decision, if known.")
        ] = None,
        second_received: Annotated[
            str | None, Query(description="The day the second complaint was received.")
        ] = None,
        against: Annotated[
            str | None,
            Query(
                description="The body a complaint or denunciation is against: an organization "
                "id or name, looked up around `where` (`Sở Tài chính`); its head resolves it. "
                "Default: the People's Committee of `where`."
            ),
        ] = None,
        lang: LangParam = None,
        format: FormatParam = "json",
    ) -> Response:
        """A case step by step: who must act, by when, under which article
        (`Governance.case`)."""

        def query() -> tuple[str, tuple[Any, ...], bool]:
            rec, today = day(received, "received")
            asked = parse_day(on, "on") if on else rec
            dates = tuple(
                parse_day(v, n) if v else None
                for v, n in ((accepted, "accepted"), (decided, "decided"))
            )
            sec = parse_day(second_received, "second_received") if second_received else None
            flags = (complex, remote, especially_complex, channel)
            args = (kind, where, rec, asked, *flags, *dates, sec, against)
            return "case", args, today and not on

        return svc.answer(request, lang, format, query)

    @app.get("/units", tags=["structure"], responses=_responses("Units", errors=_E))
    def units(
        request: Request,
        on: DayParam = None,
        level: Annotated[
            Literal["province", "district", "commune", "village"] | None,
            Query(description="Only units at this level."),
        ] = None,
        within: Annotated[str | None, Query(description="Only units inside this unit.")] = None,
        lang: LangParam = None,
    ) -> Response:
        """The units existing on `on`, with parent, level, kind and validity."""

        chosen = Level(level) if level else None
        return svc.answer(request, lang, "json", dated("units", on, chosen, within))

    @app.get("/successors", tags=["structure"], responses=_responses("Successors", errors=_E))
    def successors(
        request: Request,
        unit: Annotated[str, Query(description="A unit, possibly one that no longer exists.")],
        on: DayParam = None,
        lang: LangParam = None,
    ) -> Response:
        """What `unit` became by `on`, and the successions followed."""

        return svc.answer(request, lang, "json", dated("successors", on, unit))

    @app.get("/convert", tags=["structure"], responses=_responses("Conversion", errors=_E))
    def convert(
        request: Request,
        unit: Annotated[
            str,
            Query(
                description="A unit as it was named before a reform, qualified by its parents "
                "as needed (`Phường Cống Vị, Quận Ba Đình`), or its code or id."
            ),
        ],
        to: Annotated[
            str | None, Query(description="The day to convert to (default: today).")
        ] = None,
        on: Annotated[
            str | None,
            Query(
                description="The day to read `unit` on (default: on `to`, else among the units "
                "that ended by then); needed for a code reused after 2025-07-01."
            ),
        ] = None,
        lang: LangParam = None,
    ) -> Response:
        """Old to new: the units `unit` became by `to`, the primary one, and the successions."""

        def query() -> tuple[str, tuple[Any, ...], bool]:
            b, today = day(to, "to")
            a = parse_day(on, "on") if on else None
            return "convert", (unit, b, a), today

        return svc.answer(request, lang, "json", query)

    @app.get("/statutes", tags=["law"], responses=_responses("Statutes"))
    def statutes(request: Request, on: DayParam = None, lang: LangParam = None) -> Response:
        """The statutory deadline rules in force on `on`, with their legal basis."""

        return svc.answer(request, lang, "json", dated("statutes", on))

    @app.get("/deadline", tags=["law"], responses=_responses("Deadline", errors=_E))
    def deadline(
        request: Request,
        rule: Annotated[str, Query(description="A statute key, e.g. `complaint.first_instance`.")],
        start: Annotated[
            str | None, Query(alias="from", description="Day the period starts (default: today).")
        ] = None,
        end: Annotated[
            str | None, Query(alias="to", description="List a recurring rule's deadlines to here.")
        ] = None,
        lang: LangParam = None,
    ) -> Response:
        """The due date of a statutory rule counted from `from` (`papi.statute(rule).due`)."""

        def query() -> tuple[str, tuple[Any, ...], bool]:
            a, today = day(start, "from")
            b = parse_day(end, "to") if end else None
            return "deadline", (rule, a, b), today

        return svc.answer(request, lang, "json", query)

    @app.get("/framework", tags=["PAPI"], responses=_responses("FrameworkDocument", errors=_E))
    def framework(
        request: Request,
        year: Annotated[int | None, Query(description="A PAPI year (default: the latest).")] = None,
        lang: LangParam = None,
    ) -> Response:
        """The PAPI indicator framework of `year`: dimensions, sub-dimensions, indicators."""
        return svc.answer(request, lang, "json", lambda: ("framework", (year,), False))

    @app.get("/scores", tags=["PAPI"], responses=_responses("Scores", errors=_E))
    def scores(
        request: Request,
        year: Annotated[int | None, Query(description="Only this PAPI year.")] = None,
        lang: LangParam = None,
    ) -> Response:
        """Hanoi's published PAPI results (total, rank, group, dimensions) with sources."""
        return svc.answer(request, lang, "json", lambda: ("scores", (year,), False))
