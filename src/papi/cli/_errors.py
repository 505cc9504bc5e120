"""The errors of the ``papi`` command in both languages (private): :func:`messages` gives the
one-line message of an error in English and Vietnamese (the library's
:func:`papi.errors.messages`, which the HTTP service uses too), :func:`error_document` the
``papi.error/1`` JSON document printed on stderr under ``--json``."""

from __future__ import annotations

from papi._messages import one_line, problem_text, problem_vi
from papi.errors import PapiError, messages

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
    from papi.server.documents import Error, error_info, library_error_info

    if isinstance(exc, PapiError):
        command = isinstance(exc, CommandError)
        info = library_error_info(
            exc,
            lang,
            parameter=exc.parameter if isinstance(exc, CommandError) else None,
            invalid_parameter=command,
        )
    else:
        en, vi = messages(exc)
        info = error_info("invalid_request", 400, lang, vi=vi, en=en)
    return Error(error=info).to_dict()
