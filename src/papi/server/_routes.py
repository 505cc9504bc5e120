"""The endpoints of the service (private): each parses its query parameters into an
operation of :class:`~papi.server._service.Service` and its arguments, and documents them for
``/openapi.json``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Query, Request
from fastapi.responses import Response

import papi
from papi.server import documents as docs
from papi.server._openapi import ERRORS as _E
from papi.server._openapi import responses as _responses
from papi.server._service import JSON, Format, Lang, Service, dumps, parse_day
from papi.territory import Level

__all__ = ["add_routes"]

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


def add_routes(app: FastAPI, svc: Service) -> None:
    """Every endpoint of the service, answering with `svc`."""
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
        return Response(dumps(doc.to_dict()), media_type=JSON)

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
            return "case", (kind, where, rec, asked, *flags, *dates, sec), today and not on

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
