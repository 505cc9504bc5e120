"""``papi serve``: the read-only HTTP service (:mod:`papi.server`) from the command line."""

from __future__ import annotations

import argparse

from papi.cli._context import CommandError, Context
from papi.cli._parser import t

DESCRIPTION = (
    "Serve papi's answers over HTTP until interrupted: read-only JSON documents with their "
    "schemas, OpenAPI at /openapi.json, errors as papi.error/1 documents. Needs the server "
    "extra (pip install 'papi-vn[server]': FastAPI and uvicorn). --data plan files are "
    "loaded on top of the packaged model, in order."
)
DESCRIPTION_VI = (
    "Cung cấp câu trả lời của papi qua HTTP cho đến khi dừng: văn bản JSON chỉ đọc kèm "
    "schema, OpenAPI tại /openapi.json, lỗi dạng văn bản papi.error/1. Cần gói bổ sung "
    "server (pip install 'papi-vn[server]': FastAPI và uvicorn). Các tệp kế hoạch --data "
    "được nạp lần lượt bổ sung vào mô hình kèm theo."
)
EXAMPLES = (
    "Examples:\n"
    "  papi serve --port 8000\n"
    "  papi serve --host 0.0.0.0 --port 8080 --data my_plan.toml --allow-origin https://example.org\n"
    "  papi serve --compile\n"
    "Then: curl 'http://127.0.0.1:8000/who?subject=D3&where=Phường%20Hoàn%20Kiếm&on=2026-03-01'"
)
EXAMPLES_VI = (
    "Ví dụ:\n"
    "  papi serve --port 8000\n"
    "  papi serve --host 0.0.0.0 --port 8080 --data ke_hoach.toml\n"
    "  papi serve --compile\n"
    "Sau đó: curl 'http://127.0.0.1:8000/who?subject=D3&where=Phường%20Hoàn%20Kiếm&lang=vi'"
)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help=t(
            "interface to listen on (default: 127.0.0.1)", "địa chỉ lắng nghe (mặc định: 127.0.0.1)"
        ),
    )
    p.add_argument(
        "--port",
        type=int,
        default=8000,
        help=t("TCP port (default: 8000)", "cổng TCP (mặc định: 8000)"),
    )
    p.add_argument(
        "--allow-origin",
        action="append",
        default=[],
        metavar=t("ORIGIN", "NGUỒN"),
        help=t(
            "a web origin allowed to call the service from a browser (CORS); repeatable",
            "một nguồn web được phép gọi dịch vụ từ trình duyệt (CORS); dùng được nhiều lần",
        ),
    )
    p.add_argument(
        "--compile",
        action="store_true",
        help=t(
            "compile today's era (Vietnam time) before serving, so that no first question "
            "about a commune pays for it: every dimension x every unit, about 1-2 s for the "
            "whole country (answers are the same either way)",
            "biên dịch trước giai đoạn của ngày hôm nay (giờ Việt Nam) trước khi phục vụ, để "
            "câu hỏi đầu tiên về một xã không phải chờ: mọi lĩnh vực x mọi đơn vị, khoảng "
            "1-2 giây cho cả nước (câu trả lời không đổi)",
        ),
    )
    p.add_argument(
        "--log-level",
        default="info",
        choices=("critical", "error", "warning", "info", "debug", "trace"),
        metavar=t("LEVEL", "MỨC"),
        help=t(
            "uvicorn's log level: critical, error, warning, info, debug, trace (default: info)",
            "mức ghi nhật ký của uvicorn: critical, error, warning, info, debug, trace "
            "(mặc định: info)",
        ),
    )


def missing_extra() -> list[str]:
    """The packages of the ``server`` extra that are not installed."""
    import importlib.util

    return [m for m in ("fastapi", "uvicorn") if importlib.util.find_spec(m) is None]


def run(ctx: Context) -> int:
    missing = missing_extra()
    if missing:
        names = " ".join(missing)
        raise CommandError(
            f"papi serve needs the server extra ({names} not installed): "
            "pip install 'papi-vn[server]'",
            f"papi serve cần gói bổ sung server (chưa cài {names}): pip install 'papi-vn[server]'",
        )
    if ctx.as_json:
        raise CommandError(
            "papi serve answers in JSON over HTTP; --json does not apply",
            "papi serve trả lời bằng JSON qua HTTP; không dùng --json",
            parameter="--json",
        )
    from papi.server import serve

    gov = ctx.governance()
    if ctx.args.compile:
        from papi.dates import today_in_vietnam

        today = today_in_vietnam()
        pairs = gov.compile(today)
        ctx.note(
            ctx.en(
                f"compiled {pairs:,} (dimension, unit) pairs of the era of {today.isoformat()}",
                f"đã biên dịch {pairs:,} cặp (lĩnh vực, đơn vị) của giai đoạn chứa ngày "
                f"{today.strftime('%d/%m/%Y')}",
            )
        )
    ctx.note(
        ctx.en(
            f"serving on http://{ctx.args.host}:{ctx.args.port} (OpenAPI: /openapi.json; "
            "Ctrl-C stops)",
            f"đang phục vụ tại http://{ctx.args.host}:{ctx.args.port} (OpenAPI: "
            "/openapi.json; Ctrl-C để dừng)",
        )
    )
    serve(
        gov,
        host=ctx.args.host,
        port=ctx.args.port,
        allow_origins=tuple(ctx.args.allow_origin),
        log_level=ctx.args.log_level,
    )
    return 0
