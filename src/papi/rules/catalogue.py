"""The statutory catalogue: :class:`Statute`, :func:`statute` and :func:`statutes` over the
packaged data in ``papi/data/statutes.json``; and :func:`rule_from_dict`, which reads the dict
form of a rule or a reference to a statute of the catalogue."""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping
from datetime import date, datetime
from importlib import resources
from types import MappingProxyType

import attrs

from papi._messages import day_vi, validity_vi
from papi._once import load_once
from papi.calendar import VietnamCalendar
from papi.dates import Validity, parse_date, parse_day
from papi.errors import InvalidData, NotFound, Problem, ValidityError
from papi.rules._checks import _instance, _mapping, _no_unknown, _nonempty_str, _str
from papi.rules.citation import Citation
from papi.rules.civil_code import PeriodUnit
from papi.rules.model import RULE_TYPES, After, Rule, UnsourcedPeriod
from papi.rules.serial import read_rule

__all__ = ["Statute", "build_index", "rule_from_dict", "statute", "statutes"]


@attrs.frozen(kw_only=True)
class Statute:
    """One version of a statutory deadline: the rule, its legal basis and its validity.

    ``key`` names the duty (e.g. ``"complaint.first_instance"``); several versions with
    disjoint validities may share a key. ``holder`` says who must act (short English text);
    ``verified`` is false when a figure or article could not be checked against the law text
    (``notes`` then says what). ``also`` lists further legal bases (implementing acts).

    >>> from datetime import date
    >>> s = statute("complaint.first_instance.accept", on=date(2026, 7, 1))
    >>> s.rule.describe("en"), str(s.citation), s.unit.value
    ('7 working days after receipt', 'Decree 155/2026/NĐ-CP, Art 10', 'working_days')
    """

    key: str = attrs.field(validator=_nonempty_str("key"))
    title_vi: str = attrs.field(validator=_nonempty_str("title_vi"))
    title_en: str = attrs.field(validator=_nonempty_str("title_en"))
    rule: Rule
    citation: Citation = attrs.field(validator=_instance("citation", Citation))
    also: tuple[Citation, ...] = ()
    validity: Validity = attrs.field(validator=_instance("validity", Validity))
    holder: str = attrs.field(validator=_nonempty_str("holder"))
    notes: str = ""
    verified: bool = attrs.field(validator=_instance("verified", bool))

    @property
    def unit(self) -> PeriodUnit | None:
        """Calendar or working days (or weeks ...) for an :class:`After` rule, else ``None``."""
        return self.rule.unit if isinstance(self.rule, After) else None

    @property
    def effective_from(self) -> date | None:
        """First day this version applies."""
        return self.validity.valid_from

    @property
    def effective_to(self) -> date | None:
        """First day this version no longer applies (``None``: still in force)."""
        return self.validity.valid_to

    def with_unit(self, unit: PeriodUnit) -> Statute:
        """The same statute counted in another unit (for periods whose unit the law leaves open).

        The complaint and denunciation laws say "ngày" for their resolution periods, read as
        calendar days (Civil Code); a plan that counts them in working days can say so:

        >>> from datetime import date
        >>> s = statute("complaint.first_instance").with_unit(PeriodUnit.WORKING_DAYS)
        >>> s.rule.due(date(2026, 1, 20))
        datetime.date(2026, 3, 10)
        """
        if not isinstance(self.rule, After):
            raise InvalidData("only a period rule (After) has a unit", path="unit", value=self.key)
        if not isinstance(unit, PeriodUnit):
            raise InvalidData("must be a PeriodUnit", path="unit", value=unit)
        return attrs.evolve(self, rule=attrs.evolve(self.rule, unit=unit))

    def due(self, start: date | datetime | str, calendar: VietnamCalendar | None = None) -> date:
        """Shortcut for ``self.rule.due(start, calendar)``.

        For an :class:`~papi.rules.Unscheduled` rule (a duty whose frequency is not yet
        sourced) it raises :class:`~papi.rules.UnsourcedPeriod` naming this statute's key.
        """
        try:
            return self.rule.due(start, calendar)
        except UnsourcedPeriod as e:
            raise UnsourcedPeriod(e.duty, e.missing, key=self.key) from None


_ENTRY_KEYS = {
    "key",
    "title_vi",
    "title_en",
    "rule",
    "citation",
    "also",
    "effective_from",
    "effective_to",
    "holder",
    "notes",
    "verified",
}


def _parse_entry(raw: object, path: str) -> Statute:
    m = _mapping(raw, path)
    _no_unknown(m, _ENTRY_KEYS, path)
    for req in ("key", "title_vi", "title_en", "rule", "citation", "holder", "verified"):
        if req not in m:
            raise InvalidData("missing key", path=f"{path}.{req}")
    lo = (
        parse_date(m["effective_from"], path=f"{path}.effective_from")
        if m.get("effective_from")
        else None
    )
    hi = (
        parse_date(m["effective_to"], path=f"{path}.effective_to")
        if m.get("effective_to")
        else None
    )
    try:
        validity = Validity(valid_from=lo, valid_to=hi)
    except ValidityError as e:
        raise ValidityError(
            f"effective_to must be after effective_from ({lo})",
            path=f"{path}.effective_to",
            value=hi,
        ) from e
    citation = Citation.from_dict(m["citation"], path=f"{path}.citation")
    also_raw = m.get("also", [])
    if not isinstance(also_raw, list):
        raise InvalidData("must be a list", path=f"{path}.also", value=also_raw)
    also = tuple(Citation.from_dict(c, path=f"{path}.also[{i}]") for i, c in enumerate(also_raw))
    rule_raw = _mapping(m["rule"], f"{path}.rule")
    for k in ("citation", "effective_from", "effective_to"):
        if k in rule_raw:
            raise InvalidData("set at the entry level, not in the rule", path=f"{path}.rule.{k}")
    rule = rule_from_dict(
        {**rule_raw, "citation": citation.to_dict(), **_validity_dict(validity)},
        path=f"{path}.rule",
    )
    verified = m["verified"]
    if type(verified) is not bool:
        raise InvalidData("must be true or false", path=f"{path}.verified", value=verified)
    return Statute(
        key=_str(m["key"], f"{path}.key"),
        title_vi=_str(m["title_vi"], f"{path}.title_vi"),
        title_en=_str(m["title_en"], f"{path}.title_en"),
        rule=rule,
        citation=citation,
        also=also,
        validity=validity,
        holder=_str(m["holder"], f"{path}.holder"),
        notes=_str(m.get("notes", ""), f"{path}.notes"),
        verified=verified,
    )


def _validity_dict(v: Validity) -> dict[str, str]:
    out = {}
    if v.valid_from is not None:
        out["effective_from"] = v.valid_from.isoformat()
    if v.valid_to is not None:
        out["effective_to"] = v.valid_to.isoformat()
    return out


def build_index(data: object, *, source: str) -> MappingProxyType[str, tuple[Statute, ...]]:
    """Validate catalogue data (the parsed JSON) and index it by key; report every problem."""
    top = _mapping(data, source)
    _no_unknown(top, {"schema", "statutes"}, source)
    entries = top.get("statutes")
    if not isinstance(entries, list):
        raise InvalidData("must be a list", path=f"{source}.statutes", value=type(entries).__name__)
    problems: list[Problem] = []
    by_key: dict[str, list[Statute]] = {}
    for i, raw in enumerate(entries):
        path = f"{source}.statutes[{i}]"
        try:
            s = _parse_entry(raw, path)
        except InvalidData as e:
            problems.extend(e.problems)
            continue
        for other in by_key.get(s.key, []):
            if other.validity.overlaps(s.validity):
                problems.append(
                    Problem(
                        path=path,
                        message=f"validity overlaps another version of {s.key!r}",
                        value=str(s.validity),
                    )
                )
        by_key.setdefault(s.key, []).append(s)
    if problems:
        raise InvalidData.collect(f"{source} is invalid", problems)
    return MappingProxyType(
        {
            k: tuple(sorted(v, key=lambda s: s.validity.valid_from or date.min))
            for k, v in sorted(by_key.items())
        }
    )


@load_once
def _load() -> MappingProxyType[str, tuple[Statute, ...]]:
    text = resources.files("papi").joinpath("data", "statutes.json").read_text("utf-8")
    return build_index(json.loads(text), source="statutes.json")


def statute(key: str, *, on: date | str | None = None) -> Statute:
    """The catalogue entry ``key`` in force on ``on`` (default: the latest version).

    Unknown keys raise :class:`~papi.errors.NotFound` with the closest keys; a known key with
    no version in force on ``on`` raises NotFound saying which versions exist. A version may
    hold an :class:`~papi.rules.Unscheduled` rule: the duty applies but its frequency is not
    yet sourced (citizen reception by the chairs from 2026-07-01), so its ``due`` raises
    :class:`~papi.rules.UnsourcedPeriod`.

    >>> from datetime import date
    >>> statute("denunciation.screening").rule.describe("en")
    '7 working days after receipt'
    >>> statute("citizen_reception.commune_chair", on=date(2026, 6, 30)).rule.describe("en")
    'at least 1 day per week, by its last working day'
    >>> type(statute("citizen_reception.commune_chair", on=date(2026, 7, 1)).rule).__name__
    'Unscheduled'
    >>> statute("complaint.frist_instance")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    papi.errors.NotFound: unknown statute 'complaint.frist_instance'; closest: 'complaint.first_instance', ...
    """
    idx = _load()
    if not isinstance(key, str):
        raise InvalidData("must be a string", path="key", value=key)
    versions = idx.get(key)
    if versions is None:
        closest = difflib.get_close_matches(key, list(idx), n=5, cutoff=0.6)
        raise NotFound("statute", key, closest=closest)
    if on is None:
        return versions[-1]
    day = parse_day(on, arg="on")
    for s in versions:
        if s.validity.contains(day):
            return s
    shown = ", ".join(str(s.validity) for s in versions)
    context = f"in force on {day.isoformat()} (versions: {shown})"
    shown_vi = ", ".join(validity_vi(s.validity) for s in versions)
    context_vi = f"có hiệu lực ngày {day_vi(day)} (các phiên bản: {shown_vi})"
    if versions[-1].notes:
        context += f"; note: {versions[-1].notes}"
        context_vi += f"; ghi chú (tiếng Anh): {versions[-1].notes}"
    raise NotFound("statute", key, context=context, context_vi=context_vi)


def statutes() -> tuple[Statute, ...]:
    """Every version of every statute, ordered by key then effective date."""
    return tuple(s for versions in _load().values() for s in versions)


# --------------------------------------------------------------------------------------------
# The dict form of a rule, or a reference to the catalogue


def rule_from_dict(data: Mapping[str, object], *, path: str = "rule") -> Rule:
    """Build a rule from its dict form (as written by ``rule.to_dict()``).

    ``{"statute": "<key>"}`` (optionally with ``"on": "YYYY-MM-DD"``) resolves to the rule of
    that entry of the statutory catalogue. Unknown keys, missing keys, wrong types and
    invalid values raise :class:`~papi.errors.InvalidData` whose ``path`` names the offending
    key; an inverted ``effective_from``/``effective_to`` raises
    :class:`~papi.errors.ValidityError`.

    >>> rule = rule_from_dict({"type": "after", "n": 30, "unit": "calendar_days", "of": "acceptance"})
    >>> rule.describe("en")
    '30 days after acceptance'
    >>> rule_from_dict({"type": "after", "n": 30, "units": "days"}, path="tasks[2].deadline")
    Traceback (most recent call last):
    ...
    papi.errors.InvalidData: tasks[2].deadline.units: unknown key (allowed: ...) (value: 'units')
    """
    m = _mapping(data, path)
    if "statute" in m:
        return _statute_rule(m, path)
    if "type" not in m:
        raise InvalidData("missing key 'type' (or 'statute')", path=f"{path}.type")
    kind = m["type"]
    if not isinstance(kind, str) or kind not in RULE_TYPES:
        raise InvalidData(
            f"unknown rule type (allowed: {', '.join(sorted(RULE_TYPES))})",
            path=f"{path}.type",
            value=kind,
        )
    return read_rule(RULE_TYPES[kind], m, path)


def _statute_rule(m: Mapping[str, object], path: str) -> Rule:
    _no_unknown(m, {"statute", "on"}, path)
    key = _str(m["statute"], f"{path}.statute")
    on = (
        parse_day(_str(m["on"], f"{path}.on"), arg=f"{path}.on")
        if m.get("on") is not None
        else None
    )
    try:
        return statute(key, on=on).rule
    except NotFound as e:
        raise InvalidData(str(e), path=f"{path}.statute", value=key) from e
