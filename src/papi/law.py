"""The law's own duties: who must receive citizens, accept and resolve complaints and
denunciations, provide and disclose information, run the one-stop desk and report, in every
People's Committee, with the article that says so.

Three packaged files (research and sources in ``docs/law-duties.md``):

* ``papi/data/law/duties.toml``: a plan file (``docs/plan-files.md``) of documents, tasks and
  assignments through selectors; :func:`add_law_duties` loads it onto any
  :class:`~papi.governance.Builder`.
* ``papi/data/law/index.toml``: what the plan format cannot say: the roles users expect
  (receive, accept, resolve, second instance ...) in Vietnamese and English, the holders of
  the statutory deadlines as posts of the model, subject names (topics) and the second
  instance above each first-instance assignment (:func:`law_index`).
* ``papi/data/statute_names.json``: Vietnamese and English names of the statutory deadlines
  (:func:`statute_names`, :func:`find_statute`).

>>> find_statute("khiếu nại lần đầu"), find_statute("khieu nai lan hai")
('complaint.first_instance', 'complaint.second_instance')
>>> index = law_index()
>>> index.topic("Tố cáo").tasks
('law.denunciation.receive', 'law.denunciation.resolve')
>>> index.topic("tiep cong dan").key, index.topic("complaint").name_vi
('citizen_reception', 'khiếu nại')
>>> [r.label("vi") for r in index.roles_of("law.complaint.first")]
['thụ lý', 'giải quyết lần đầu']
>>> statute_holder("complaint.first_instance").label("en")
'first-instance complaint resolver'
>>> statute_holder("citizen_reception.commune_chair").post, index.holders["commune_pc_chair"].level
('chairperson', 'commune')
>>> posts = statute_posts("complaint.first_instance", date(2026, 3, 1))
>>> posts[0].label("vi"), posts[0].reference, [p.sourced for p in posts]
('Chủ tịch Ủy ban nhân dân cấp xã', 'Điều 17', [True, False, True, True])
"""

from __future__ import annotations

import difflib
import enum
import json
import threading
import tomllib
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from importlib import resources
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from papi.duties import LEVELS, Role
from papi.errors import InvalidData, NotFound, Problem
from papi.text import fold, nfc

if TYPE_CHECKING:
    from papi.governance import Builder

__all__ = [
    "INDEX_SCHEMA",
    "LAW_DUTIES",
    "LAW_INDEX",
    "NAMES_SCHEMA",
    "STATUTE_NAMES",
    "Holder",
    "HolderKind",
    "Instance",
    "LawIndex",
    "LawRole",
    "StatuteName",
    "StatutePost",
    "Topic",
    "add_law_duties",
    "find_statute",
    "law_duties_text",
    "law_index",
    "parse_law_index",
    "parse_statute_names",
    "statute_holder",
    "statute_names",
    "statute_posts",
]

#: Package paths (under ``papi/data``) of the three files.
LAW_DUTIES = "law/duties.toml"
LAW_INDEX = "law/index.toml"
STATUTE_NAMES = "statute_names.json"
#: Schema tags of the index and the names file.
INDEX_SCHEMA = "papi.law-index/1"
NAMES_SCHEMA = "papi.statute-names/1"

#: How an :class:`Instance` picks the second-instance holder for a case.
INSTANCE_RULES = ("containing_pc_chair", "same_province_pc_chair", "none")

T = TypeVar("T")


class HolderKind(enum.Enum):
    """What the holder of a statutory deadline is in the model."""

    POST = "post"  # the head post of the People's Committee of a level
    ORGANIZATION = "organization"  # the People's Committee of a level
    TASK = "task"  # whoever the law's duties assign the tasks to on the day
    PARTY = "party"  # a private party (the complainant): no post of the model


@attrs.frozen(kw_only=True)
class LawRole:
    """A role in the law's own words (``accept``: *thụ lý*), with the plan role that encodes
    it in ``duties.toml`` and ``new`` (true: not a plan role). The law's roles are a
    vocabulary of their own beside :class:`~papi.duties.Role`: several name the acts of one
    duty held under one assignment (accept and resolve), so answers carry them next to the
    plan role (``Accountability.law_roles``, ``CaseStep.role_vi``/``role_en``)."""

    key: str
    name_vi: str
    name_en: str
    plan_role: Role
    new: bool

    def label(self, lang: str = "vi") -> str:
        """The role's name in Vietnamese or English."""
        return self.name_vi if lang == "vi" else self.name_en


@attrs.frozen(kw_only=True)
class Holder:
    """Who holds a statutory deadline: a post or organization of a level, the holders of
    some tasks of the law's duties, or a private party."""

    key: str
    kind: HolderKind
    name_vi: str
    name_en: str
    level: str | None = None
    post: str | None = None
    tasks: tuple[str, ...] = ()

    def label(self, lang: str = "vi") -> str:
        """The holder's name in Vietnamese or English."""
        return self.name_vi if lang == "vi" else self.name_en


@attrs.frozen(kw_only=True)
class Topic:
    """A subject users name ("khiếu nại", "complaint") and the tasks and statutes it covers."""

    key: str
    name_vi: str
    name_en: str
    aliases: tuple[str, ...]
    tasks: tuple[str, ...]
    statutes: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the topic answers to (key, Vietnamese, English, aliases)."""
        return (self.key, self.name_vi, self.name_en, *self.aliases)


@attrs.frozen(kw_only=True)
class Instance:
    """The second instance above one first-instance assignment: the assignments (each valid
    on its own days) that resolve a second complaint against it, and the ``rule`` that picks
    the holder for a case (one of ``INSTANCE_RULES``)."""

    first: str
    second: tuple[str, ...]
    rule: str
    note_vi: str
    note_en: str


@attrs.frozen(kw_only=True)
class StatuteName:
    """Names of a statutory deadline (``complaint.first_instance``: "khiếu nại lần đầu"), its
    role in the law's words and its holder (a key of :attr:`LawIndex.holders`)."""

    key: str
    name_vi: str
    name_en: str
    aliases: tuple[str, ...]
    role: str
    holder: str

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the statute answers to (Vietnamese, English, aliases)."""
        return (self.name_vi, self.name_en, *self.aliases)


@attrs.frozen(kw_only=True)
class LawIndex:
    """The content of ``index.toml``: roles, task roles, holders, topics, instances."""

    roles: Mapping[str, LawRole]
    task_roles: Mapping[str, tuple[str, ...]]
    holders: Mapping[str, Holder]
    topics: tuple[Topic, ...]
    instances: tuple[Instance, ...]

    def roles_of(self, task: str) -> tuple[LawRole, ...]:
        """The law roles of a task of ``duties.toml`` (empty for a task not in the index)."""
        return tuple(self.roles[k] for k in self.task_roles.get(task, ()))

    def topic(self, text: str) -> Topic:
        """The topic named ``text`` (key, Vietnamese or English name or alias; any case, with
        or without diacritics). Raises :class:`~papi.errors.NotFound` with the closest
        names."""
        wanted = fold(text)
        for t in self.topics:
            if any(fold(n) == wanted for n in t.names):
                return t
        names = [n for t in self.topics for n in (t.name_vi, t.name_en, *t.aliases)]
        raise NotFound("topic", text, closest=_closest(wanted, names))

    def instance(self, first: str) -> Instance:
        """The second instance above the first-instance assignment ``first``."""
        for i in self.instances:
            if i.first == first:
                return i
        raise NotFound(
            "first-instance assignment", first, closest=[i.first for i in self.instances]
        )


# --------------------------------------------------------------------------- loading


def _read(name: str) -> str:
    return (resources.files("papi") / "data" / name).read_text(encoding="utf-8")


def law_duties_text() -> str:
    """The text of the packaged ``duties.toml`` (a plan file)."""
    return _read(LAW_DUTIES)


def add_law_duties(builder: Builder) -> Builder:
    """Load the law's duties onto ``builder`` (any base model: Hanoi or the whole country);
    problems are raised by its ``build()`` with every other problem.

    >>> from datetime import date
    >>> from papi.datasets import hanoi_builder
    >>> gov = add_law_duties(hanoi_builder()).build()
    >>> acc = gov.who("law.complaint.first", where="Phường Hoàn Kiếm", on=date(2026, 3, 1))
    >>> sorted({(r.post.name, r.organization.name, r.basis.reference) for r in acc.responsible
    ...         if r.organization.unit == "Phường Hoàn Kiếm"})
    [('Chủ tịch', 'Ủy ban nhân dân phường Hoàn Kiếm', 'Điều 17')]
    """
    from papi.io import read_plan_text

    return read_plan_text(law_duties_text(), source=LAW_DUTIES, fmt="toml", builder=builder)


_LOCK = threading.Lock()
_CACHE: dict[str, object] = {}


def _once(name: str, make: Callable[[], T]) -> T:
    with _LOCK:
        if name not in _CACHE:
            _CACHE[name] = make()
        return _CACHE[name]  # type: ignore[return-value]


def law_index() -> LawIndex:
    """The packaged ``index.toml``, parsed once (immutable; safe to share)."""
    return _once(LAW_INDEX, lambda: parse_law_index(_read(LAW_INDEX), source=LAW_INDEX))


def statute_names() -> Mapping[str, StatuteName]:
    """The packaged statute names by statute key, parsed once."""
    return _once(
        STATUTE_NAMES, lambda: parse_statute_names(_read(STATUTE_NAMES), source=STATUTE_NAMES)
    )


def find_statute(name: str) -> str:
    """The key of the statutory deadline named ``name``: a key itself, or a Vietnamese or
    English name or alias (any case, with or without diacritics).

    >>> find_statute("GIẢI QUYẾT TỐ CÁO"), find_statute("complaint.limitation")
    ('denunciation.resolve', 'complaint.limitation')
    >>> find_statute("khiếu nại lần ba")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    papi.errors.NotFound: unknown statute 'khiếu nại lần ba'; closest: 'khiếu nại lần hai', ...
    """
    names = statute_names()
    text = name.strip()
    if text in names:
        return text
    wanted = fold(text)
    for sn in names.values():
        if any(fold(n) == wanted for n in sn.names):
            return sn.key
    raise NotFound(
        "statute", name, closest=_closest(wanted, [n for s in names.values() for n in s.names])
    )


def statute_holder(key: str) -> Holder:
    """The holder of the statutory deadline ``key`` as a :class:`Holder` of the model."""
    names = statute_names()
    if key not in names:
        raise NotFound("statute", key, closest=difflib.get_close_matches(key, list(names)))
    return law_index().holders[names[key].holder]


@attrs.frozen(kw_only=True)
class StatutePost:
    """Who holds a statutory deadline on a day, as a post or organization of the model:
    the holder's names (a post or organization of a level, or what an ``unlisted``
    assignment describes), the assignment of ``duties.toml`` that says so, its document and
    article (``reference``), and ``sourced`` (false: no act found, or a text not verified)."""

    name_vi: str
    name_en: str
    assignment: str | None
    document: str | None
    reference: str
    sourced: bool

    def label(self, lang: str = "vi") -> str:
        """The holder's name in Vietnamese or English."""
        return self.name_vi if lang == "vi" else self.name_en


def statute_posts(key: str, on: date) -> tuple[StatutePost, ...]:
    """The holders of the statutory deadline ``key`` on ``on`` as posts or organizations of
    the model (:class:`StatutePost`): for a post, organization or party holder, itself; for a
    task holder (the first-instance resolver ...), the posts the law's duties assign its
    tasks to on ``on``, each with its article (advising roles left out). Raises
    :class:`~papi.errors.NotFound` for an unknown statute key."""
    holder = statute_holder(key)
    if holder.kind is not HolderKind.TASK:
        return (
            StatutePost(
                name_vi=holder.name_vi,
                name_en=holder.name_en,
                assignment=None,
                document=None,
                reference="",
                sourced=True,
            ),
        )
    index = law_index()
    out: dict[tuple[str, str], StatutePost] = {}
    for a in _law_assignments():
        if a["task"] not in holder.tasks or a["role"] == "advise" or not _valid(a, on):
            continue
        sel = a["selector"]
        names: tuple[str, str]
        if sel.get("type") == "unlisted":
            names = (str(sel.get("description_vi", "")), str(sel.get("description_en", "")))
        else:
            kind = "post" if sel.get("type") == "heads" else "organization"
            inner = (sel.get("of") or {}) if kind == "post" else sel
            level = inner.get("level")
            agencies = inner.get("type") == "agencies"
            post = ("director" if agencies else "chairperson") if kind == "post" else None
            found = [
                h
                for h in index.holders.values()
                if h.kind.value == kind and h.level == level and (post is None or h.post == post)
            ]
            if found and not (agencies and kind == "organization"):
                names = (found[0].name_vi, found[0].name_en)
            elif agencies and kind == "organization" and level in _LEVEL_WORDS:
                names = _agency_names(str(level), inner.get("sector"))
            elif kind == "organization" and level in _LEVEL_WORDS:
                names = (
                    f"Ủy ban nhân dân cấp {_LEVEL_WORDS[level][0]}",
                    f"{_LEVEL_WORDS[level][1]} People's Committee",
                )
            else:
                continue
        notes = str(a.get("notes", ""))
        out.setdefault(
            names,
            StatutePost(
                name_vi=names[0],
                name_en=names[1],
                assignment=str(a["id"]),
                document=str(a["basis"]["document"]),
                reference=str(a["basis"].get("reference", "")),
                sourced=not notes.startswith(("UNSOURCED", "UNVERIFIED"))
                and a["basis"]["document"] not in _unverified_documents(),
            ),
        )
    return tuple(out.values())


#: the names of the agencies an ``agencies`` selector picks, by sector (``None``: any)
_AGENCY_NAMES = {
    "pc_office": ("Văn phòng Ủy ban nhân dân cấp {vi}", "office of the {en} People's Committee"),
    "inspection": ("Thanh tra cấp {vi}", "{en} inspectorate"),
    None: (
        "cơ quan chuyên môn thuộc Ủy ban nhân dân cấp {vi}",
        "specialised agency of the {en} People's Committee",
    ),
}


def _agency_names(level: str, sector: object) -> tuple[str, str]:
    """The Vietnamese and English names of the agencies of ``level`` (of ``sector``)."""
    vi, en = _AGENCY_NAMES.get(sector if isinstance(sector, str) else None, _AGENCY_NAMES[None])
    words = _LEVEL_WORDS[level]
    return vi.format(vi=words[0]), en.format(en=words[1])


_LEVEL_WORDS = {
    "commune": ("xã", "commune"),
    "district": ("huyện", "district"),
    "province": ("tỉnh", "provincial"),
}


def _valid(a: Mapping[str, Any], on: date) -> bool:
    valid = a.get("valid") or {}
    start, end = valid.get("from"), valid.get("to")
    return (start is None or date.fromisoformat(str(start)) <= on) and (
        end is None or on < date.fromisoformat(str(end))
    )


def _duties_data() -> Mapping[str, Any]:
    return _once("duties-data", lambda: tomllib.loads(law_duties_text()))


def _law_assignments() -> list[Any]:
    return list(_duties_data().get("assignments", []))


def _unverified_documents() -> frozenset[str]:
    return frozenset(
        str(d["id"]) for d in _duties_data().get("documents", []) if d.get("verified") is False
    )


def _closest(wanted: str, names: Iterable[str]) -> list[str]:
    by_fold: dict[str, str] = {}
    for n in names:
        by_fold.setdefault(fold(n), n)
    hits = difflib.get_close_matches(wanted, list(by_fold), n=3, cutoff=0.6)
    return [by_fold[h] for h in hits]


# --------------------------------------------------------------------------- parsing


class _Reader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def bad(self, path: str, message: str, value: object = None) -> None:
        self.problems.append(Problem(path=f"{self.source}: {path}", message=message, value=value))

    def table(
        self, raw: object, path: str, required: tuple[str, ...], optional: tuple[str, ...]
    ) -> Mapping[str, Any] | None:
        if not isinstance(raw, Mapping):
            self.bad(path, "must be a table", raw)
            return None
        for k in raw:
            if k not in required and k not in optional:
                self.bad(f"{path}.{k}", "unknown key", k)
        missing = [k for k in required if k not in raw]
        for k in missing:
            self.bad(f"{path}.{k}", "missing key")
        return None if missing else raw

    def text(self, t: Mapping[str, Any], k: str, path: str) -> str:
        v = t.get(k)
        if not isinstance(v, str) or not v.strip():
            self.bad(f"{path}.{k}", "must be a non-empty string", v)
            return ""
        return nfc(v)

    def texts(self, t: Mapping[str, Any], k: str, path: str) -> tuple[str, ...]:
        v = t.get(k, [])
        if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
            self.bad(f"{path}.{k}", "must be a list of non-empty strings", v)
            return ()
        return tuple(nfc(x) for x in v)

    def load(self, text: str, fmt: str) -> Mapping[str, Any]:
        """The top-level table of a TOML or JSON text (a syntax error raises at once)."""
        try:
            data = tomllib.loads(text) if fmt == "toml" else json.loads(text)
        except (tomllib.TOMLDecodeError, json.JSONDecodeError) as err:
            raise InvalidData(f"not valid {fmt.upper()}: {err}", path=self.source) from None
        if not isinstance(data, Mapping):
            raise InvalidData("must be a table at the top level", path=self.source)
        return data

    def records(self, data: Mapping[str, Any], k: str) -> list[Any]:
        """The array of tables ``k`` of ``data`` (empty when absent or not an array)."""
        value = data.get(k, [])
        if isinstance(value, list):
            return value
        self.bad(k, "must be an array of tables", value)
        return []

    def raise_if_any(self, what: str) -> None:
        if self.problems:
            raise InvalidData.collect(f"{what} is invalid", self.problems)


def parse_law_index(text: str, *, source: str = "index.toml") -> LawIndex:
    """Parse an index (``index.toml`` format); every problem is reported at once.

    >>> parse_law_index('schema = "papi.law-index/1"\\n[[roles]]\\nkey = "x"')
    Traceback (most recent call last):
    ...
    papi.errors.InvalidData: index.toml is invalid (4 problems):
      - index.toml: roles[0].name_vi: missing key
      - index.toml: roles[0].name_en: missing key
      - index.toml: roles[0].plan_role: missing key
      - index.toml: roles[0].new: missing key
    """
    r = _Reader(source)
    data = r.load(text, "toml")
    for k in data:
        if k not in ("schema", "roles", "tasks", "holders", "topics", "instances"):
            r.bad(k, "unknown key", k)
    if data.get("schema") != INDEX_SCHEMA:
        r.bad("schema", f"unsupported schema; expected {INDEX_SCHEMA!r}", data.get("schema"))
    roles: dict[str, LawRole] = {}
    for i, raw in enumerate(r.records(data, "roles")):
        p = f"roles[{i}]"
        t = r.table(raw, p, ("key", "name_vi", "name_en", "plan_role", "new"), ())
        if t is None:
            continue
        try:
            plan_role = Role.parse(str(t["plan_role"]))
        except InvalidData:
            r.bad(f"{p}.plan_role", "not a plan role", t["plan_role"])
            continue
        if not isinstance(t["new"], bool):
            r.bad(f"{p}.new", "must be true or false", t["new"])
        key = r.text(t, "key", p)
        if key in roles:
            r.bad(f"{p}.key", "duplicate role", key)
        roles[key] = LawRole(
            key=key,
            name_vi=r.text(t, "name_vi", p),
            name_en=r.text(t, "name_en", p),
            plan_role=plan_role,
            new=bool(t["new"]),
        )
    task_roles: dict[str, tuple[str, ...]] = {}
    for i, raw in enumerate(r.records(data, "tasks")):
        p = f"tasks[{i}]"
        t = r.table(raw, p, ("id", "roles"), ())
        if t is None:
            continue
        keys = r.texts(t, "roles", p)
        for j, k in enumerate(keys):
            if k not in roles:
                r.bad(f"{p}.roles[{j}]", "unknown role", k)
        task_roles[r.text(t, "id", p)] = keys
    holders: dict[str, Holder] = {}
    for i, raw in enumerate(r.records(data, "holders")):
        p = f"holders[{i}]"
        t = r.table(raw, p, ("key", "kind", "name_vi", "name_en"), ("level", "post", "tasks"))
        if t is None:
            continue
        try:
            kind = HolderKind(t["kind"])
        except ValueError:
            r.bad(f"{p}.kind", "use one of " + ", ".join(k.value for k in HolderKind), t["kind"])
            continue
        level = t.get("level")
        if kind in (HolderKind.POST, HolderKind.ORGANIZATION) and level not in LEVELS:
            r.bad(f"{p}.level", "use one of " + ", ".join(LEVELS), level)
        if kind is HolderKind.POST and not isinstance(t.get("post"), str):
            r.bad(f"{p}.post", "a post holder needs a post kind", t.get("post"))
        tasks = r.texts(t, "tasks", p)
        if kind is HolderKind.TASK and not tasks:
            r.bad(f"{p}.tasks", "a task holder needs tasks", t.get("tasks"))
        key = r.text(t, "key", p)
        holders[key] = Holder(
            key=key,
            kind=kind,
            name_vi=r.text(t, "name_vi", p),
            name_en=r.text(t, "name_en", p),
            level=level if isinstance(level, str) else None,
            post=t.get("post") if isinstance(t.get("post"), str) else None,
            tasks=tasks,
        )
    topics: list[Topic] = []
    seen: dict[str, str] = {}
    for i, raw in enumerate(r.records(data, "topics")):
        p = f"topics[{i}]"
        t = r.table(raw, p, ("key", "name_vi", "name_en", "tasks", "statutes"), ("aliases",))
        if t is None:
            continue
        topic = Topic(
            key=r.text(t, "key", p),
            name_vi=r.text(t, "name_vi", p),
            name_en=r.text(t, "name_en", p),
            aliases=r.texts(t, "aliases", p),
            tasks=r.texts(t, "tasks", p),
            statutes=r.texts(t, "statutes", p),
        )
        for n in topic.names:
            other = seen.setdefault(fold(n), topic.key)
            if other != topic.key:
                r.bad(f"{p}", f"name also used by topic {other!r}", n)
        topics.append(topic)
    instances: list[Instance] = []
    for i, raw in enumerate(r.records(data, "instances")):
        p = f"instances[{i}]"
        t = r.table(raw, p, ("first", "second", "rule", "note_vi", "note_en"), ())
        if t is None:
            continue
        if t["rule"] not in INSTANCE_RULES:
            r.bad(f"{p}.rule", "use one of " + ", ".join(INSTANCE_RULES), t["rule"])
        instances.append(
            Instance(
                first=r.text(t, "first", p),
                second=r.texts(t, "second", p),
                rule=str(t["rule"]),
                note_vi=r.text(t, "note_vi", p),
                note_en=r.text(t, "note_en", p),
            )
        )
    r.raise_if_any(source)
    return LawIndex(
        roles=MappingProxyType(roles),
        task_roles=MappingProxyType(task_roles),
        holders=MappingProxyType(holders),
        topics=tuple(topics),
        instances=tuple(instances),
    )


def parse_statute_names(
    text: str, *, source: str = "statute_names.json"
) -> Mapping[str, StatuteName]:
    """Parse statute names (``statute_names.json`` format); every problem at once. A name
    (folded) may belong to one statute only.

    >>> parse_statute_names('{"schema": "papi.statute-names/1", "names": {"a": {"name_vi": '
    ...     '"x", "name_en": "y", "aliases": [], "role": "r", "holder": "h"}, "b": {"name_vi": '
    ...     '"X", "name_en": "z", "aliases": [], "role": "r", "holder": "h"}}}')
    Traceback (most recent call last):
    ...
    papi.errors.InvalidData: statute_names.json is invalid (1 problem):
      - statute_names.json: names.b.name_vi: name also used by statute 'a' (value: 'X')
    """
    r = _Reader(source)
    data = r.load(text, "json")
    for k in data:
        if k not in ("schema", "note", "names"):
            r.bad(k, "unknown key", k)
    if data.get("schema") != NAMES_SCHEMA:
        r.bad("schema", f"unsupported schema; expected {NAMES_SCHEMA!r}", data.get("schema"))
    raw_names = data.get("names", {})
    if not isinstance(raw_names, Mapping):
        r.bad("names", "must be a table", raw_names)
        raw_names = {}
    out: dict[str, StatuteName] = {}
    seen: dict[str, str] = {}
    for key, raw in raw_names.items():
        p = f"names.{key}"
        t = r.table(raw, p, ("name_vi", "name_en", "aliases", "role", "holder"), ())
        if t is None:
            continue
        sn = StatuteName(
            key=key,
            name_vi=r.text(t, "name_vi", p),
            name_en=r.text(t, "name_en", p),
            aliases=r.texts(t, "aliases", p),
            role=r.text(t, "role", p),
            holder=r.text(t, "holder", p),
        )
        for field, names in (
            ("name_vi", (sn.name_vi,)),
            ("name_en", (sn.name_en,)),
            ("aliases", sn.aliases),
        ):
            for n in names:
                other = seen.setdefault(fold(n), key)
                if other != key:
                    r.bad(f"{p}.{field}", f"name also used by statute {other!r}", n)
        out[key] = sn
    r.raise_if_any(source)
    return MappingProxyType(out)
