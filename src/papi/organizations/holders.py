"""People in posts as user data: the holders file format and its reader.

papi ships no holders except Hanoi's sourced city chairs: who chairs a People's Committee
or directs a department changes too often, and is known to the province, not to papi. A
holders file lists them, each with its source; :func:`read_holdings` reads one (JSON or
TOML) and :meth:`Organizations.with_holdings <papi.organizations.Organizations.with_holdings>`
adds them to a registry. The format (``schema = 1``; see docs/holders.md):

.. code-block:: toml

    schema = 1
    [sources]
    Q1 = "Decision 1234/QĐ-TTg (2025-06-24): approval of the chair"

    [[holdings]]
    post = "ubnd:48@2025-07-01/chu-tich"   # a post id ...
    person = "Nguyễn Văn A"
    from = 2025-07-01
    sources = ["Q1"]

    [[holdings]]
    organization = "Sở Nội vụ, Đà Nẵng"    # ... or an organization: its head post
    person = "Trần Thị B"
    from = 2025-07-01
    acting = true                           # runs the post without its title
    source = "Decision 56/QĐ-UBND (2025-07-01)"

Keys: ``post`` or ``organization`` (with an optional ``within`` unit), ``person`` (or
``vacant = true`` for an explicit vacancy), ``from`` and ``to`` (ISO dates, ``to`` is the
first day no longer held; either may be left out when unknown), ``acting``, ``source`` or
``sources`` (required: nothing enters without one; ids of the ``[sources]`` table are
expanded), ``verified`` and ``note``. Every problem is reported with its path.

>>> from datetime import date
>>> from papi.organizations import hanoi_organizations
>>> data = {"schema": 1, "holdings": [{"organization": "UBND phường Hoàn Kiếm",
...          "person": "Nguyễn Văn A", "from": "2025-07-01", "source": "a decision"}]}
>>> orgs = hanoi_organizations()
>>> (h,) = holdings_from_dict(data, registry=orgs)
>>> h.post_id, h.person
('ubnd:00070@2025-07-01/chu-tich', 'Nguyễn Văn A')
>>> orgs.with_holdings([h]).holder(h.post_id, on=date(2026, 3, 1)).person
'Nguyễn Văn A'
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping, Sequence
from datetime import date
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING

from papi.dates import Validity, parse_optional_date
from papi.errors import Ambiguous, InvalidData, NotFound, Problem

if TYPE_CHECKING:
    from papi.organizations.registry import Organizations

from papi.organizations.model import Holding

__all__ = ["HOLDINGS_SCHEMA", "holdings_from_dict", "read_holdings"]

#: The version of the holders file format.
HOLDINGS_SCHEMA = 1

_KEYS = frozenset(
    {
        "post",
        "organization",
        "within",
        "person",
        "vacant",
        "from",
        "to",
        "acting",
        "source",
        "sources",
        "verified",
        "note",
    }
)


def read_holdings(
    path: str | PathLike[str], *, registry: Organizations | None = None
) -> tuple[Holding, ...]:
    """Read a holders file (``.toml``, else JSON); see the module docs for the format.
    ``registry`` resolves records that name an ``organization`` rather than a ``post``."""
    p = Path(path)
    text = p.read_text(encoding="utf-8")
    try:
        if p.suffix.lower() == ".toml":
            data: object = tomllib.loads(text)
        else:
            data = json.loads(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        raise InvalidData(
            f"not valid {p.suffix.lstrip('.') or 'JSON'}: {exc}", path=p.name
        ) from None
    if not isinstance(data, Mapping):
        raise InvalidData("a holders file is a table (object) at the top", path=p.name)
    return holdings_from_dict(data, registry=registry, name=p.name)


def holdings_from_dict(
    data: Mapping[str, object],
    *,
    registry: Organizations | None = None,
    name: str = "holdings",
) -> tuple[Holding, ...]:
    """The holdings of parsed holders-file data (see the module docs); every problem is
    collected and raised together as one :class:`~papi.errors.InvalidData`."""
    problems: list[Problem] = []
    schema = data.get("schema", HOLDINGS_SCHEMA)
    if schema != HOLDINGS_SCHEMA:
        problems.append(
            Problem(path=f"{name}: schema", message=f"must be {HOLDINGS_SCHEMA}", value=schema)
        )
    raw_sources = data.get("sources", {})
    src_text: Mapping[str, object] = raw_sources if isinstance(raw_sources, Mapping) else {}
    records = data.get("holdings", ())
    if not isinstance(records, Sequence) or isinstance(records, str):
        raise InvalidData("must be a list of holdings", path=f"{name}: holdings")
    out: list[Holding] = []
    for i, rec in enumerate(records):
        path = f"{name}: holdings[{i}]"
        if not isinstance(rec, Mapping):
            problems.append(Problem(path=path, message="must be a table (object)"))
            continue
        before = len(problems)
        holding = _holding(rec, path, src_text, registry, problems)
        if holding is not None and len(problems) == before:
            out.append(holding)
    if problems:
        raise InvalidData.collect(f"{name} is invalid", problems)
    return tuple(out)


def _holding(
    rec: Mapping[str, object],
    path: str,
    src_text: Mapping[str, object],
    registry: Organizations | None,
    problems: list[Problem],
) -> Holding | None:
    for k in sorted(set(rec) - _KEYS):
        problems.append(Problem(path=f"{path}.{k}", message="unknown key"))
    try:
        start = parse_optional_date(rec.get("from"), path=f"{path}.from")
        end = parse_optional_date(rec.get("to"), path=f"{path}.to")
        validity = Validity(valid_from=start, valid_to=end)
    except InvalidData as exc:
        problems.extend(exc.problems)
        return None
    sources = _sources(rec, path, src_text, problems)
    person = rec.get("person")
    vacant = rec.get("vacant", False)
    if vacant is True:
        if person is not None:
            problems.append(
                Problem(path=f"{path}.person", message="a vacancy names no person", value=person)
            )
        person = None
    elif not isinstance(person, str) or not person.strip():
        problems.append(
            Problem(
                path=f"{path}.person", message="a name is required (or vacant = true)", value=person
            )
        )
        return None
    flags: dict[str, bool] = {}
    for key, default in (("acting", False), ("verified", True)):
        value = rec.get(key, default)
        if not isinstance(value, bool):
            problems.append(
                Problem(path=f"{path}.{key}", message="must be true or false", value=value)
            )
            return None
        flags[key] = value
    note = rec.get("note")
    if note is not None and not isinstance(note, str):
        problems.append(Problem(path=f"{path}.note", message="must be text", value=note))
        return None
    post_id = _post_id(rec, path, start, end, registry, problems)
    if post_id is None:
        return None
    return Holding(
        post_id=post_id,
        person=person,
        validity=validity,
        acting=flags["acting"],
        sources=sources,
        verified=flags["verified"],
        note=note,
    )


def _sources(
    rec: Mapping[str, object], path: str, src_text: Mapping[str, object], problems: list[Problem]
) -> tuple[str, ...]:
    raw: object = rec.get("sources", ())
    one = rec.get("source")
    items: list[object] = [one] if one is not None else []
    if isinstance(raw, Sequence) and not isinstance(raw, str):
        items.extend(raw)
    else:
        problems.append(Problem(path=f"{path}.sources", message="must be a list", value=raw))
    out = []
    for s in items:
        if not isinstance(s, str) or not s.strip():
            problems.append(Problem(path=f"{path}.sources", message="must be text", value=s))
            continue
        text = src_text.get(s, s)
        out.append(str(text))
    if not out:
        problems.append(
            Problem(
                path=f"{path}.source", message="every holding needs a source (nothing invented)"
            )
        )
    return tuple(out)


def _post_id(
    rec: Mapping[str, object],
    path: str,
    start: date | None,
    end: date | None,
    registry: Organizations | None,
    problems: list[Problem],
) -> str | None:
    post, org = rec.get("post"), rec.get("organization")
    if (post is None) == (org is None):
        problems.append(Problem(path=path, message="give either post or organization"))
        return None
    if post is not None:
        if not isinstance(post, str) or not post.strip():
            problems.append(Problem(path=f"{path}.post", message="must be a post id", value=post))
            return None
        return post.strip()
    if not isinstance(org, str):
        problems.append(Problem(path=f"{path}.organization", message="must be text", value=org))
        return None
    if registry is None:
        problems.append(
            Problem(
                path=f"{path}.organization",
                message="naming an organization needs a registry to resolve it (or give post)",
                value=org,
            )
        )
        return None
    within = rec.get("within")
    day = start or (date.fromordinal(end.toordinal() - 1) if end else None)
    if day is None:
        problems.append(
            Problem(path=f"{path}.from", message="an organization is resolved on 'from' or 'to'")
        )
        return None
    try:
        o = registry._resolve(org, day, within if isinstance(within, str) else None)
        head = next(
            (p for p in registry._posts_of_org(o) if p.is_head and p.validity.contains(day)), None
        )
    except (NotFound, Ambiguous) as exc:
        problems.append(Problem(path=f"{path}.organization", message=str(exc), value=org))
        return None
    if head is None:
        problems.append(
            Problem(path=f"{path}.organization", message="has no head post that day", value=org)
        )
        return None
    return head.id
