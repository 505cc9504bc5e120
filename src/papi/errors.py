"""One error hierarchy for the whole library, rooted at :class:`PapiError`.

Every error that papi raises on purpose is a :class:`PapiError`. Each subclass also inherits
the builtin exception a Python user would expect, so ``except LookupError`` or
``except ValueError`` keep working::

    >>> from papi.errors import NotFound, PapiError
    >>> issubclass(NotFound, LookupError) and issubclass(NotFound, PapiError)
    True

Messages always name the offending value and where it came from (a file, a field path,
a record id). Errors that collect several problems (a whole plan file, a territory build)
carry them in :attr:`InvalidData.problems`.

Warnings are :class:`PapiWarning` (a :class:`UserWarning`), with :class:`CoverageWarning`
for answers that go beyond what the packaged data can vouch for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

import attrs

__all__ = [
    "Ambiguous",
    "Candidate",
    "CoverageError",
    "CoverageWarning",
    "CycleError",
    "InvalidData",
    "NotFound",
    "PapiError",
    "PapiWarning",
    "Problem",
    "ValidityError",
    "messages",
    "what_vi",
]


@attrs.frozen(kw_only=True)
class Problem:
    """One problem found in input data.

    ``path`` locates the offending field, e.g. ``"plan.toml: tasks[3].indicators[0]"``;
    ``value`` is the offending value (``None`` when a field is missing); ``source`` names
    the record or file the problem came from, when that is not already in ``path``.

    >>> str(Problem(path="tasks[0].role", message="unknown role", value="boss"))
    "tasks[0].role: unknown role (value: 'boss')"
    """

    path: str
    message: str
    value: object = None
    source: str | None = None

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        shown = "" if self.value is None else f" (value: {self.value!r})"
        return f"{where}{self.path}: {self.message}{shown}"


@attrs.frozen(kw_only=True)
class Candidate:
    """A record a name may have meant, as data: what :class:`Ambiguous` and :class:`NotFound`
    list as text (``candidates``, ``closest``) given as fields in their ``choices``, so that a
    program (the HTTP service, ``papi --json``) need not read them back from the text.

    ``id`` and ``code`` when the record has them; its ``name``; its ``parent`` (the name of the
    unit containing a unit, or of the unit an organization serves) and that parent's id
    (``parent_id``); its ``level`` (a unit's level, an element of the PAPI framework's level,
    ``task``...); and its validity: ``valid_from`` its first day, ``valid_to`` the first day it
    no longer exists (``None``: open). A candidate known only by a name carries just ``name``.

    >>> Candidate.named("Phường Hoàn Kiếm")
    Candidate(id=None, name='Phường Hoàn Kiếm', code=None, parent=None, parent_id=None, \
level=None, valid_from=None, valid_to=None)
    """

    id: str | None = None
    name: str
    code: str | None = None
    parent: str | None = None
    parent_id: str | None = None
    level: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None

    @classmethod
    def named(cls, name: str) -> Candidate:
        """A candidate known only by its name (or display text)."""
        return cls(name=name)


def _choices(texts: tuple[str, ...], choices: Iterable[Candidate]) -> tuple[Candidate, ...]:
    given = tuple(choices)
    return given if given else tuple(Candidate.named(t) for t in texts)


class PapiError(Exception):
    """Root of every error papi raises on purpose.

    :meth:`message` says it on one line in English or Vietnamese.
    """

    def message(self, lang: str = "en") -> str:
        """This error on one line in ``lang`` (``"vi"`` or ``"en"``): see :func:`messages`.

        >>> NotFound("task", "T9", context="in plan.toml", context_vi="trong plan.toml").message("vi")
        'không tìm thấy nhiệm vụ “T9” trong plan.toml'
        """
        return messages(self)[1 if lang == "vi" else 0]


class NotFound(PapiError, LookupError):
    """A name, code or id matched nothing.

    ``closest`` lists the nearest known names (possibly empty), for "did you mean";
    ``choices`` the records they denote as :class:`Candidate` data, where the raiser knows
    them (else one name-only candidate per name).

    >>> err = NotFound("unit", "Hoan Kiem X", closest=("Phường Hoàn Kiếm",))
    >>> print(err)
    unknown unit 'Hoan Kiem X'; closest: 'Phường Hoàn Kiếm'
    >>> err.choices[0].name
    'Phường Hoàn Kiếm'
    """

    #: The ``context`` in Vietnamese (the raiser gives it with its ``context``), for
    #: messages in Vietnamese.
    context_vi: str | None = None

    def __init__(
        self,
        what: str,
        value: object,
        *,
        closest: Sequence[str] = (),
        context: str | None = None,
        choices: Iterable[Candidate] = (),
        context_vi: str | None = None,
    ) -> None:
        self.what = what
        self.value = value
        self.closest = tuple(closest)
        self.context = context
        if context_vi is not None:
            self.context_vi = context_vi
        self.choices = _choices(self.closest, choices)
        msg = f"unknown {what} {value!r}"
        if context:
            msg += f" {context}"
        if self.closest:
            msg += "; closest: " + ", ".join(repr(c) for c in self.closest)
        super().__init__(msg)

    def __reduce__(self) -> tuple[object, ...]:  # keep pickling (multiprocessing) working
        return (
            _rebuild_not_found,
            (self.what, self.value, self.closest, self.context, self.choices, self.context_vi),
        )


def _rebuild_not_found(
    what: str,
    value: object,
    closest: tuple[str, ...],
    context: str | None,
    choices: tuple[Candidate, ...] = (),
    context_vi: str | None = None,
) -> NotFound:
    return NotFound(
        what, value, closest=closest, context=context, choices=choices, context_vi=context_vi
    )


class Ambiguous(PapiError, LookupError):
    """A name matched several records; ``candidates`` lists them as display strings, and
    ``choices`` as :class:`Candidate` data, in the same order where the raiser knows them
    (else one name-only candidate per display string).

    >>> err = Ambiguous("unit", "Quang Trung", ("Phường Quang Trung", "Xã Quang Trung"))
    >>> print(err)
    ambiguous unit 'Quang Trung': 2 candidates: 'Phường Quang Trung', 'Xã Quang Trung'
    >>> [c.name for c in err.choices]
    ['Phường Quang Trung', 'Xã Quang Trung']
    """

    #: What the raiser adds to the message (how to choose), in Vietnamese, when it gives it.
    context_vi: str | None = None

    def __init__(
        self,
        what: str,
        value: object,
        candidates: Sequence[str],
        *,
        choices: Iterable[Candidate] = (),
        context_vi: str | None = None,
    ) -> None:
        if context_vi is not None:
            self.context_vi = context_vi
        self.what = what
        self.value = value
        self.candidates = tuple(candidates)
        self.choices = _choices(self.candidates, choices)
        shown = ", ".join(repr(c) for c in self.candidates[:20])
        more = f" and {len(self.candidates) - 20} more" if len(self.candidates) > 20 else ""
        super().__init__(
            f"ambiguous {what} {value!r}: {len(self.candidates)} candidates: {shown}{more}"
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _rebuild_ambiguous,
            (type(self), self.what, self.value, self.candidates, self.choices, self.context_vi),
        )


def _rebuild_ambiguous(
    cls: type[Ambiguous],
    what: str,
    value: object,
    candidates: tuple[str, ...],
    choices: tuple[Candidate, ...],
    context_vi: str | None = None,
) -> Ambiguous:
    return cls(what, value, candidates, choices=choices, context_vi=context_vi)


class InvalidData(PapiError, ValueError):
    """Input data is malformed. ``path`` names the offending field, ``value`` its value.

    When several problems were found at once (a build, a plan file), ``problems`` lists
    all of them and the message shows each on its own line.

    >>> err = InvalidData("must be between 1 and 10", path="scores[3].D2", value=11.5)
    >>> print(err)
    scores[3].D2: must be between 1 and 10 (value: 11.5)
    >>> err.path
    'scores[3].D2'
    """

    def __init__(
        self,
        message: str,
        *,
        path: str = "",
        value: object = None,
        source: str | None = None,
        problems: Iterable[Problem] = (),
    ) -> None:
        probs = tuple(problems)
        if not probs:
            probs = (Problem(path=path, message=message, value=value, source=source),)
        self.problems: tuple[Problem, ...] = probs
        self.path = path or probs[0].path
        self.value = value if value is not None else probs[0].value
        self.source = source
        if len(probs) == 1 and not problems:
            text = str(probs[0]) if path or source else _plain(message, value)
        else:
            lines = [f"{message} ({len(probs)} problem{'s' if len(probs) != 1 else ''}):"]
            lines.extend(f"  - {p}" for p in probs)
            text = "\n".join(lines)
        super().__init__(text)

    @classmethod
    def collect(cls, message: str, problems: Iterable[Problem]) -> InvalidData:
        """One error listing every problem, e.g. at the end of a build.

        >>> err = InvalidData.collect("plan.toml is invalid", [
        ...     Problem(path="tasks[0].role", message="unknown role", value="boss"),
        ...     Problem(path="tasks[1].on", message="not a date", value="2022-13-01"),
        ... ])
        >>> print(err)
        plan.toml is invalid (2 problems):
          - tasks[0].role: unknown role (value: 'boss')
          - tasks[1].on: not a date (value: '2022-13-01')
        """
        return cls(message, problems=tuple(problems))

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_invalid, (type(self), str(self), self.path, self.value, self.problems))


def _plain(message: str, value: object) -> str:
    return message if value is None else f"{message} (value: {value!r})"


def _rebuild_invalid(
    cls: type[InvalidData], text: str, path: str, value: object, problems: tuple[Problem, ...]
) -> InvalidData:
    err = cls.__new__(cls)
    Exception.__init__(err, text)
    err.path, err.value, err.problems, err.source = path, value, problems, None
    return err


class ValidityError(InvalidData):
    """A validity interval is inverted, or two intervals overlap where they must not."""


class CycleError(InvalidData):
    """A hierarchy or succession chain contains a cycle."""


class CoverageError(PapiError, LookupError):
    """A strict query went beyond the dates the data vouches for."""


class PapiWarning(UserWarning):
    """Base of the warnings papi emits."""


class CoverageWarning(PapiWarning):
    """An answer relies on data that does not cover the query date (estimated or missing)."""


#: Vietnamese names of the kinds of record a :class:`NotFound` or :class:`Ambiguous` is about
#: (their ``what``), for messages in Vietnamese (the command line and the HTTP service).
WHAT_VI: dict[str, str] = {
    "unit": "đơn vị hành chính",
    "unit id": "mã định danh đơn vị",
    "organization": "cơ quan, tổ chức",
    "organization id": "mã cơ quan, tổ chức",
    "organization or unit": "cơ quan hoặc đơn vị",
    "holder": "cơ quan hoặc đơn vị",
    "post id": "mã chức danh",
    "task": "nhiệm vụ",
    "subject": "chỉ số hoặc nhiệm vụ",
    "statute": "quy định về thời hạn",
    "PAPI year": "năm PAPI",
    "PAPI code": "mã PAPI",
    "framework year": "năm của khung chỉ số",
    "indicator": "chỉ số",
    "element": "thành phần của khung chỉ số",
    "framework element": "thành phần của khung chỉ số",
    "language": "ngôn ngữ",
    "topic": "chủ đề pháp luật",
    "first-instance assignment": "thẩm quyền giải quyết lần đầu",
    "PAPI element name": "tên thành phần của khung chỉ số",
    "occurrence": "lần đến hạn",
    "year": "năm",
    "province": "tỉnh, thành phố",
    "scored province": "tỉnh, thành phố có điểm",
    "ranking measure": "thước đo xếp hạng",
    "PAPI group": "nhóm PAPI",
    "schema": "lược đồ JSON",
    "module": "gói Python",
}


def what_vi(what: str) -> str:
    """The Vietnamese name of the kind of record ``what`` (the ``what`` of a
    :class:`NotFound` or :class:`Ambiguous`), by its first words when it has a gloss.

    >>> what_vi("unit"), what_vi("subject (indicator code, task id or name)"), what_vi("thing")
    ('đơn vị hành chính', 'chỉ số hoặc nhiệm vụ', 'đối tượng')
    """
    if what in WHAT_VI:
        return WHAT_VI[what]
    head = what.split(" (")[0]
    return WHAT_VI.get(head, WHAT_VI.get(head.split()[0] if head else "", "đối tượng"))


def messages(exc: BaseException) -> tuple[str, str]:
    """The message of ``exc`` on one line in English and in Vietnamese: what the command line
    prints and the ``message`` of the HTTP service's and ``papi --json``'s errors.

    A :class:`NotFound` or :class:`Ambiguous` is said in Vietnamese with its ``context_vi``;
    an :class:`InvalidData` with each problem's message in Vietnamese where papi knows it.

    >>> err = NotFound("statute", "complaint.frist", context="in the catalogue",
    ...                context_vi="trong danh mục", closest=("complaint.first_instance",))
    >>> messages(err)[1]
    'không tìm thấy quy định về thời hạn “complaint.frist” trong danh mục; gần nhất: \
“complaint.first_instance”'
    """
    from papi._messages import messages as both

    return both(exc)
