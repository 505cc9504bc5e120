"""Hanoi's organizations: the curated city bodies and chairs of
``papi/data/hanoi/organizations.json`` over the standard rules of
:mod:`papi.organizations.rules` (which give every district and commune its bodies)."""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Mapping
from importlib import resources
from typing import Any

from papi.organizations._curated import curated_from_dict
from papi.organizations.registry import Organizations
from papi.organizations.rules import STANDARD_RULES, Rulebook
from papi.territory import Territory, hanoi_territory

__all__ = ["hanoi_organizations", "organizations_from_dict"]


def organizations_from_dict(
    territory: Territory,
    data: Mapping[str, Any],
    *,
    rules: Rulebook | None = STANDARD_RULES,
    name: str = "organizations.json",
) -> Organizations:
    """A registry over ``territory`` from curated data in the format of Hanoi's
    ``organizations.json`` (organizations with head posts, successions, holdings), with the
    bodies ``rules`` derive for every unit (``None``: the curated records only).

    >>> from datetime import date
    >>> from papi.territory import hanoi_territory
    >>> orgs = organizations_from_dict(hanoi_territory(), {"schema": 1})
    >>> orgs.org("Sở Nội vụ", on=date(2026, 3, 1)).id
    'so-noi-vu:01'
    """
    orgs, posts, holdings, succ = curated_from_dict(data, name=name)
    return Organizations.build(territory, orgs, posts, holdings, succ, rules=rules)


_LOCK = threading.Lock()


@functools.cache
def _hanoi() -> Organizations:
    text = (resources.files("papi") / "data" / "hanoi" / "organizations.json").read_text(
        encoding="utf-8"
    )
    return organizations_from_dict(hanoi_territory(), json.loads(text))


def hanoi_organizations() -> Organizations:
    """Hanoi's organizations from papi's packaged data (cached; thread-safe): the city
    People's Committee, Council, PC Office, Inspectorate, Fatherland Front committee, Public
    Administration Service Centre, the 21 agencies before 2025-03-01 and the 15 after with
    their successions (and the Ban Tôn giáo passing from Sở Nội vụ to Sở Dân tộc và Tôn
    giáo), the chairs of the city PC 2020-2026 with the two acting periods; and, by the
    standard rules, every district's and commune's People's Committee with a chair post, its
    council where one existed, district inspectorates (to 2025-07-01) and, from 2025-07-01,
    each commune's offices and service centre."""
    with _LOCK:
        return _hanoi()
