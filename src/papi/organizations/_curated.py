"""The curated organizations file (``organizations.json``): organizations with their head
posts, successions and holdings (in the holders format of :mod:`papi.organizations.holders`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from papi.dates import Validity, parse_optional_date
from papi.errors import InvalidData, Problem
from papi.organizations.holders import holdings_from_dict
from papi.organizations.model import Holding, Organization, OrgKind, Post, PostKind, _head_post
from papi.territory import Succession
from papi.territory.successions import record_problems, successions_from_records


def curated_from_dict(
    data: Mapping[str, Any], *, name: str = "organizations.json"
) -> tuple[list[Organization], list[Post], list[Holding], list[Succession]]:
    """Parse the curated file; every problem is collected and raised together."""
    src_text: Mapping[str, str] = data.get("sources", {})
    problems: list[Problem] = []

    def srcs(rec: Mapping[str, Any]) -> tuple[str, ...]:
        return tuple(src_text.get(s, s) for s in rec.get("sources", ()))

    def validity(rec: Mapping[str, Any], path: str) -> Validity:
        return Validity(
            valid_from=parse_optional_date(rec.get("valid_from"), path=f"{path}.valid_from"),
            valid_to=parse_optional_date(rec.get("valid_to"), path=f"{path}.valid_to"),
        )

    orgs: list[Organization] = []
    posts: list[Post] = []
    for i, rec in enumerate(data.get("organizations", ())):
        path = f"{name}: organizations[{i}]"
        try:
            kind_name = rec["kind"]
            if kind_name not in OrgKind.__members__:
                raise InvalidData("unknown kind", path="kind", value=kind_name)
            o = Organization(
                id=rec["id"],
                name=rec["name"],
                name_en=rec.get("name_en"),
                kind=OrgKind[kind_name],
                unit_id=rec["unit_id"],
                part_of=rec.get("part_of"),
                sector=rec.get("sector"),
                abbreviations=rec.get("abbreviations", ()),
                validity=validity(rec, path),
                sources=srcs(rec),
                verified=bool(rec.get("verified", True)),
                note=rec.get("note"),
            )
            orgs.append(o)
            head = rec.get("head")
            if head:
                if head.get("kind") not in PostKind.__members__:
                    raise InvalidData("unknown post kind", path="head.kind", value=head.get("kind"))
                kind = PostKind[head["kind"]]
                posts.append(
                    _head_post(o.id, kind, head["name"], head.get("name_en"), o.validity, o.sources)
                )
        except (InvalidData, KeyError, TypeError) as exc:
            problems.extend(record_problems(path, exc))
    successions, bad = successions_from_records(
        ((f"{name}: successions[{i}]", rec) for i, rec in enumerate(data.get("successions", ()))),
        src_text,
    )
    problems.extend(bad)
    holdings: list[Holding] = []
    try:
        holdings = list(holdings_from_dict(data, name=name))
    except InvalidData as exc:
        problems.extend(exc.problems)
    if problems:
        raise InvalidData.collect(f"{name} is invalid", problems)
    return orgs, posts, holdings, successions
