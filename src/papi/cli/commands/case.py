"""``papi case``: a complaint, denunciation or information request step by step."""

from __future__ import annotations

import argparse
import warnings
from typing import TYPE_CHECKING

from papi.cli._context import Context

if TYPE_CHECKING:
    from papi.governance import Governance

DESCRIPTION = (
    "A complaint, denunciation or information request received in the unit WHERE on a day, "
    "step by step: who must act (post, organization, person where known, and the article "
    "giving the competence), by which day (the statutory period in force, its article and "
    "the days not counted), the citizen's window for a second complaint and the second "
    "instance above the first resolver. What the law's data cannot name (a competence no "
    "act was found for, a period not in force) is a warning, never a guess. --json prints "
    "the papi.case/1 document."
)
EXAMPLES = (
    "Examples:\n"
    '  papi case complaint --where "Phường Hoàn Kiếm" --received 2026-03-02\n'
    '  papi case complaint --where "Phuong Hoan Kiem" --received 2026-07-01 --lang vi\n'
    '  papi case complaint --where "Phường Hoàn Kiếm" --received 2026-07-01 --complex\n'
    '  papi case denunciation --where "Xã Sóc Sơn" --received 2026-03-02\n'
    '  papi case information --where "Phường Hoàn Kiếm" --received 2026-03-02 --channel post\n'
    '  papi case complaint --where "Phường Hoàn Kiếm" --received 2026-03-02 --json\n'
    "The model is the packaged data with the law's duties (papi.law) on top."
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "kind", choices=("complaint", "denunciation", "information"), help="the kind of case"
    )
    p.add_argument(
        "--where",
        required=True,
        metavar="UNIT",
        help="the unit where the case was received: name (diacritics optional), code or id",
    )
    p.add_argument(
        "--received",
        metavar="DATE",
        help="the day it was received, YYYY-MM-DD (default: today in Asia/Ho_Chi_Minh)",
    )
    p.add_argument(
        "--on",
        metavar="DATE",
        help="the day asked about: steps due before it are marked (default: --received)",
    )
    p.add_argument("--complex", action="store_true", help="a complex case (longer periods)")
    p.add_argument(
        "--remote", action="store_true", help="a remote, hard-to-reach area (complaints)"
    )
    p.add_argument(
        "--especially-complex",
        action="store_true",
        help="an especially complex denunciation (90 days)",
    )
    p.add_argument(
        "--channel",
        choices=("office", "online", "post"),
        help="how an information request arrived (default: office)",
    )
    for name, what in (
        ("--accepted", "the day the case was accepted (default: the acceptance deadline)"),
        ("--decided", "the day of the first-instance decision (default: its deadline)"),
        (
            "--second-received",
            "the day the second complaint was received (default: the last day to file it)",
        ),
    ):
        p.add_argument(name, metavar="DATE", help=what)


def _model() -> Governance:
    """The whole-country model when the library has it, else Hanoi's, with the law's
    duties (built once per process)."""
    import papi

    national = getattr(papi, "vietnam", None)
    if callable(national):
        gov: Governance = national()
        return gov
    return _hanoi_with_law()


_CACHE: list[Governance] = []


def _hanoi_with_law() -> Governance:
    if not _CACHE:
        from papi.datasets import hanoi_builder
        from papi.law import add_law_duties

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _CACHE.append(add_law_duties(hanoi_builder()).build())
    return _CACHE[0]


def run(ctx: Context) -> int:
    a = ctx.args
    received = ctx.date(a.received, "--received")
    on = ctx.date(a.on, "--on") if a.on else received
    optional = {
        "accepted": ctx.date(a.accepted, "--accepted") if a.accepted else None,
        "decided": ctx.date(a.decided, "--decided") if a.decided else None,
        "second_received": (
            ctx.date(a.second_received, "--second-received") if a.second_received else None
        ),
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # coverage: the answer's warnings say it
        answer = _model().case(
            a.kind,
            where=a.where,
            received=received,
            on=on,
            complex=a.complex,
            remote=a.remote,
            especially_complex=a.especially_complex,
            channel=a.channel,
            **optional,
        )
    if ctx.as_json:
        ctx.emit(answer)
    else:
        ctx.print(answer.explain(ctx.lang))
    return 0
