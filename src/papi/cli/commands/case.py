"""``papi case``: a complaint, denunciation or information request step by step."""

from __future__ import annotations

import argparse
import warnings
from typing import TYPE_CHECKING

from papi.cli._context import Context
from papi.cli._parser import t

if TYPE_CHECKING:
    from papi.governance import Case, Governance

DESCRIPTION = (
    "A complaint, denunciation or information request received in the unit WHERE on a day, "
    "step by step: who must act (post, organization, person where known, and the article "
    "giving the competence), by which day (the statutory period in force, its article and "
    "the days not counted), the citizen's window for a second complaint and the second "
    "instance above the first resolver. What the law's data cannot name (a competence no "
    "act was found for, a period not in force) is a warning, never a guess. --csv prints "
    "one row per step, --json the papi.case/1 document."
)
DESCRIPTION_VI = (
    "Một khiếu nại, tố cáo hoặc yêu cầu cung cấp thông tin nhận tại đơn vị ĐƠN_VỊ vào một "
    "ngày, từng bước: ai phải thực hiện (chức danh, cơ quan, người giữ chức nếu biết, và điều "
    "luật giao thẩm quyền), hạn ngày nào (thời hạn có hiệu lực, điều luật và các ngày không "
    "tính), thời hạn để công dân khiếu nại lần hai và cấp giải quyết lần hai. Điều dữ liệu "
    "pháp luật chưa xác định được (thẩm quyền chưa tìm thấy văn bản, thời hạn chưa có hiệu "
    "lực) được ghi thành lưu ý, không bao giờ đoán. --csv in mỗi bước một dòng, --json "
    "in văn bản papi.case/1."
)
EXAMPLES_VI = (
    "Ví dụ:\n"
    '  papi case complaint --where "Hoàn Kiếm" --received 02/03/2026 --lang vi\n'
    '  papi case complaint --where "Hoàn Kiếm" --received 01/07/2026 --complex\n'
    '  papi case denunciation --where "Xã Sóc Sơn" --received 02/03/2026 --lang vi\n'
    '  papi case information --where "Cửa Nam" --received 02/03/2026 --channel post\n'
    "Mô hình là dữ liệu kèm theo cộng với nhiệm vụ theo luật (papi.law)."
)
EXAMPLES = (
    "Examples:\n"
    '  papi case complaint --where "Phường Hoàn Kiếm" --received 2026-03-02\n'
    '  papi case complaint --where "Hoan Kiem" --received 2026-07-01 --lang vi\n'
    '  papi case complaint --where "Hoàn Kiếm" --received 2026-07-01 --complex\n'
    '  papi case denunciation --where "Xã Sóc Sơn" --received 2026-03-02\n'
    '  papi case information --where "Cửa Nam" --received 2026-03-02 --channel post\n'
    '  papi case complaint --where "Hoàn Kiếm" --received 2026-03-02 --json\n'
    "The model is the packaged data with the law's duties (papi.law) on top."
)

_DAY = ("YYYY-MM-DD or dd/mm/yyyy", "dạng dd/mm/yyyy hoặc YYYY-MM-DD")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "kind",
        choices=("complaint", "denunciation", "information"),
        metavar=t("KIND", "LOẠI"),
        help=t(
            "the kind of case: complaint, denunciation or information",
            "loại vụ việc: complaint (khiếu nại), denunciation (tố cáo) hoặc information "
            "(yêu cầu cung cấp thông tin)",
        ),
    )
    p.add_argument(
        "--where",
        required=True,
        metavar=t("UNIT", "ĐƠN_VỊ"),
        help=t(
            "the unit where the case was received: name (diacritics optional), code or id",
            "đơn vị nhận vụ việc: tên (có hoặc không dấu), mã hoặc mã định danh",
        ),
    )
    p.add_argument(
        "--received",
        metavar=t("DATE", "NGÀY"),
        help=t(
            f"the day it was received, {_DAY[0]} (default: today in Asia/Ho_Chi_Minh)",
            f"ngày nhận, {_DAY[1]} (mặc định: hôm nay theo giờ Việt Nam)",
        ),
    )
    p.add_argument(
        "--on",
        metavar=t("DATE", "NGÀY"),
        help=t(
            "the day asked about: steps due before it are marked (default: --received)",
            "ngày xem xét: các bước có hạn trước ngày này được đánh dấu (mặc định: --received)",
        ),
    )
    p.add_argument(
        "--complex",
        action="store_true",
        help=t("a complex case (longer periods)", "vụ việc phức tạp (thời hạn dài hơn)"),
    )
    p.add_argument(
        "--remote",
        action="store_true",
        help=t(
            "a remote, hard-to-reach area (complaints)",
            "vùng sâu, vùng xa, đi lại khó khăn (khiếu nại)",
        ),
    )
    p.add_argument(
        "--especially-complex",
        action="store_true",
        help=t(
            "an especially complex denunciation (90 days)",
            "tố cáo đặc biệt phức tạp (90 ngày)",
        ),
    )
    p.add_argument(
        "--channel",
        choices=("office", "online", "post"),
        metavar=t("CHANNEL", "CÁCH_GỬI"),
        help=t(
            "how an information request arrived: office, online or post (default: office)",
            "cách gửi yêu cầu cung cấp thông tin: office (trực tiếp), online (trực tuyến) "
            "hoặc post (bưu chính) (mặc định: office)",
        ),
    )
    for name, en, vi in (
        (
            "--accepted",
            "the day the case was accepted (default: the acceptance deadline)",
            "ngày thụ lý (mặc định: hạn thụ lý)",
        ),
        (
            "--decided",
            "the day of the first-instance decision (default: its deadline)",
            "ngày ra quyết định giải quyết lần đầu (mặc định: hạn của nó)",
        ),
        (
            "--second-received",
            "the day the second complaint was received (default: the last day to file it)",
            "ngày nhận khiếu nại lần hai (mặc định: ngày cuối cùng được khiếu nại)",
        ),
    ):
        p.add_argument(
            name, metavar=t("DATE", "NGÀY"), help=t(f"{en}; {_DAY[0]}", f"{vi}; {_DAY[1]}")
        )


#: Data quoted in the Vietnamese text, marked as such: ``verified = false`` is the data's
#: field (the law data's notes have their Vietnamese text, ``notes_vi``).
_VI_MARKS = {
    "đánh dấu verified = false": "đánh dấu `verified = false`",
}


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
        return 0
    if ctx.as_csv:
        _steps_csv(ctx, answer)
        return 0
    text = answer.explain(ctx.lang)
    if ctx.lang == "vi":
        for data, said in _VI_MARKS.items():
            text = text.replace(data, said)
    for line in text.split("\n"):
        # a continuation is indented under its step's text
        lead = len(line) - len(line.lstrip(" !.0123456789"))
        ctx.para(line, indent=" " * max(lead, 3))
    return 0


def _steps_csv(ctx: Context, answer: Case) -> None:
    """``--csv``: one row per step (ISO dates; names in the output language)."""
    vi = ctx.lang == "vi"
    rows: list[list[object]] = []
    for s in answer.steps:
        who = [s.organization.name if s.organization else ""]
        if s.post is not None:
            who.insert(0, s.post.name if vi or not s.post.name_en else s.post.name_en)
        basis = s.basis
        rows.append(
            [
                s.key,
                s.name_vi if vi else s.name_en,
                s.due,
                ", ".join(w for w in who if w),
                (s.role_vi if vi else s.role_en) or "",
                f"{basis.citation_vi if vi else basis.citation_en}, {basis.reference}"
                if basis
                else "",
                s.verified,
                s.n,
                s.unit or "",
                s.start,
                s.statute or "",
                ctx.citation(s.citation) or "",
                s.elapsed,
            ]
        )
    keys = ["step", "name", "due", "who", "role", "competence", "verified", "n", "unit"]
    keys += ["start", "statute", "citation", "elapsed"]
    ctx.table(keys, rows, keys=keys)
