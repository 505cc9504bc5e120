"""Run an ASGI app with uvicorn on a free port of 127.0.0.1 in a background thread (bounded:
it starts within 30 s or fails, and stops when the test module is done)."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

START_TIMEOUT = 30.0


@contextmanager
def running(app: Any) -> Iterator[str]:
    """The base URL of ``app`` served by uvicorn until the block ends."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))  # port 0: any free port
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + START_TIMEOUT
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def get(
    base: str, path: str, headers: dict[str, str] | None = None, **params: object
) -> tuple[int, dict[str, str], bytes]:
    """GET ``path`` with ``params``: status, headers (lower-case names), body."""
    query = urllib.parse.urlencode({k: str(v) for k, v in params.items()})
    url = f"{base}{path}" + (f"?{query}" if query else "")
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return (
                response.status,
                {k.lower(): v for k, v in response.headers.items()},
                response.read(),
            )
    except urllib.error.HTTPError as err:
        return err.code, {k.lower(): v for k, v in err.headers.items()}, err.read()


def get_json(base: str, path: str, **params: object) -> tuple[int, dict[str, str], Any]:
    """GET ``path`` and decode the JSON body."""
    status, headers, body = get(base, path, **params)
    return status, headers, json.loads(body)
