"""The service's logic over one model (private; needs the ``server`` extra): parsing the
query days, asking the library, rendering and caching the answers, and the ``papi.error/1``
documents of errors. :mod:`papi.server.app` wires it to FastAPI."""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections.abc import Callable
from datetime import date
from typing import Any, Literal

import attrs
from fastapi import Request
from fastapi.responses import Response

from papi.dates import parse_date, today_in_vietnam
from papi.dates import parse_day as _parse_day
from papi.errors import InvalidData, NotFound, PapiError
from papi.governance import Governance
from papi.server import documents as docs
from papi.server.documents import ErrorCode
from papi.territory import Territory

__all__ = ["CACHE_SIZE", "Failure", "Format", "Lang", "Service", "dumps", "parse_day"]

CACHE_SIZE = 4096
"""How many rendered answers one service keeps (least recently used dropped first)."""

JSON = "application/json"
_TEXT = "text/plain; charset=utf-8"
_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")

Lang = Literal["vi", "en"]
Format = Literal["json", "text"]


@attrs.frozen
class _Rendered:
    body: bytes
    media_type: str
    etag: str
    warnings: str


class Failure(Exception):
    """A request error found by the service itself (a parameter missing or malformed)."""

    def __init__(
        self, code: ErrorCode, status: int, vi: str, en: str, parameter: str | None
    ) -> None:
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
            media = JSON
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
        except (PapiError, Failure) as err:
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
        return Response(body, status_code=info.status, media_type=JSON)

    def error_info(self, err: Exception, lang: Lang, request: Request | None) -> docs.ErrorInfo:
        """The :class:`~papi.server.documents.ErrorInfo` describing ``err``."""
        if isinstance(err, Failure):
            return docs.error_info(
                err.code, err.status, lang, vi=err.vi, en=err.en, parameter=err.parameter
            )
        if not isinstance(err, PapiError):
            return docs.error_info(
                "internal_error",
                500,
                lang,
                vi="Lỗi nội bộ; chi tiết có trong nhật ký của dịch vụ",
                en="internal error; the service log has the details",
            )
        info = docs.library_error_info(err, lang)
        if info.parameter is None and info.value is not None and request is not None:
            # the query parameter that carried the value the error is about
            named = next((k for k, v in request.query_params.items() if v == info.value), None)
            info = attrs.evolve(info, parameter=named)
        return info


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
