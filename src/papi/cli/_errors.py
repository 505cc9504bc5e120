"""The errors of the ``papi`` command in both languages (private): :func:`messages` gives the
one-line message of an error in English and Vietnamese (the library's
:func:`papi.errors.messages`, which the HTTP service uses too), :func:`error_document` the
``papi.error/1`` JSON document printed on stderr under ``--json``."""

from __future__ import annotations

from papi._messages import one_line, problem_text, problem_vi
from papi.errors import Ambiguous, InvalidData, NotFound, PapiError, messages

__all__ = ["CommandError", "error_document", "messages", "one_line", "problem_text", "problem_vi"]


class CommandError(PapiError):
    """A problem with the command line that argparse cannot see (e.g. a bad date), said in
    English (the exception's message) and in Vietnamese (``vi``)."""

    def __init__(self, message: str, vi: str | None = None, *, parameter: str | None = None):
        super().__init__(message)
        self.vi = vi or message
        self.parameter = parameter


def error_document(exc: BaseException, lang: str) -> dict[str, object]:
    """The ``papi.error/1`` document of ``exc`` (the error answer of the HTTP service)."""
    from papi.server.documents import Candidate, Error, ErrorCode, error_info

    en, vi = messages(exc)
    code: ErrorCode = "invalid_request"
    status, parameter, value = 400, None, None
    candidates: tuple[Candidate, ...] = ()
    if isinstance(exc, NotFound):
        code, status, value = "not_found", 404, str(exc.value)
        candidates = exc.choices
    elif isinstance(exc, Ambiguous):
        code, status, value = "ambiguous", 409, str(exc.value)
        candidates = exc.choices
    elif isinstance(exc, CommandError):
        code, parameter = "invalid_parameter", exc.parameter
    elif isinstance(exc, InvalidData):
        code = "invalid_parameter"
        parameter = exc.path or None
        value = None if exc.value is None else str(exc.value)
    info = error_info(
        code,
        status,
        lang,
        vi=vi,
        en=en,
        parameter=parameter,
        value=value,
        candidates=candidates,
    )
    return Error(error=info).to_dict()
