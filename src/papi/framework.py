"""The PAPI indicator catalogue: dimensions, sub-dimensions and indicators, with sources.

PAPI (*Chỉ số Hiệu quả Quản trị và Hành chính công cấp tỉnh ở Việt Nam*) has had two frameworks
since it covered all 63 provinces (papi.org.vn/eng/faq):

* 2011-2017: 6 dimensions, 22 sub-dimensions, 92 indicators;
* since 2018: 8 dimensions, 28 sub-dimensions, more than 120 indicators.

:func:`framework` returns the framework in force in a given year, with only the elements in
force that year; :func:`frameworks` returns both periods in full.

>>> fw = framework(2021)
>>> [d.code for d in fw.dimensions]
['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8']
>>> fw["D3"].name_en
'Vertical Accountability Towards Citizens'
>>> fw.find("quan tri dien tu").code
'D8'
>>> fw.children("D6")
('D6.1', 'D6.2', 'D6.3', 'D6.4')
>>> len(framework(2015).dimensions)
6

The catalogue is packaged JSON (``papi/data/framework/*.json``), read lazily on first use and
validated: a malformed file raises :class:`~papi.errors.InvalidData` naming the offending path.
Every element has ``sources`` and a ``verified`` flag; elements whose name or placement is not
confirmed by a PAPI publication are ``verified=False`` and carry a ``note`` saying why.
Only indicators named in a source are listed: the full list of indicators is not public in a
form we could read, so :attr:`Framework.complete` says whether the catalogue has as many
sub-dimensions as PAPI states.
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from importlib import resources
from types import MappingProxyType
from typing import Any

import attrs

from papi._once import load_once
from papi.errors import Ambiguous, InvalidData, NotFound, Problem
from papi.text import NameIndex, nfc

__all__ = [
    "FIRST_YEAR",
    "Dimension",
    "Element",
    "Framework",
    "Indicator",
    "Level",
    "StatedSize",
    "SubDimension",
    "framework",
    "frameworks",
    "load_framework",
]

FIRST_YEAR = 2011
"""The first year PAPI covered all 63 provinces (papi.org.vn/eng/faq); earlier pilots (2009: 3
provinces, 2010: 30) are not catalogued.
"""

_CODE = re.compile(r"^D([1-9])(?:\.([1-9][0-9]?))?(?:\.([1-9][0-9]?))?$")


class Level(enum.Enum):
    """The three levels of the PAPI framework."""

    DIMENSION = "dimension"  # chỉ số nội dung
    SUB_DIMENSION = "sub_dimension"  # nội dung thành phần
    INDICATOR = "indicator"  # chỉ tiêu

    @property
    def depth(self) -> int:
        """1 for a dimension, 2 for a sub-dimension, 3 for an indicator."""
        return {"dimension": 1, "sub_dimension": 2, "indicator": 3}[self.value]


def _strings(value: Sequence[str]) -> tuple[str, ...]:
    return tuple(nfc(v) for v in value)


def _codes(value: Sequence[str]) -> tuple[str, ...]:
    return tuple(value)


def _check_code(instance: Element, attribute: attrs.Attribute[str], value: str) -> None:
    match = _CODE.match(value)
    depth = 0 if match is None else 1 + sum(1 for g in match.groups()[1:] if g)
    if depth != instance.level.depth:
        raise InvalidData(
            f"not a {instance.level.value} code (expected D<n>, D<n>.<m> or D<n>.<m>.<k>)",
            path="code",
            value=value,
        )


def _check_years(instance: Element, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if instance.last_year is not None and instance.last_year < instance.first_year:
        raise InvalidData(
            f"{instance.code}: last_year is before first_year {instance.first_year}",
            path="last_year",
            value=instance.last_year,
        )


@attrs.frozen(kw_only=True)
class Element:
    """Common fields of every framework element (use the subclasses).

    ``code`` is ``"D3"``, ``"D3.1"`` or ``"D3.1.2"``; ``parent`` is the parent's code (``None``
    for a dimension); ``children`` the codes of the elements below it, in order.
    ``first_year``/``last_year`` bound the PAPI years in which the element is in force
    (``last_year=None``: still in force). ``verified`` is ``False`` when the name or the
    placement is not confirmed by a PAPI publication; ``note`` then says what is uncertain.
    """

    code: str = attrs.field(validator=_check_code)
    name_vi: str = attrs.field(converter=nfc, validator=attrs.validators.min_len(1))
    name_en: str = attrs.field(converter=nfc, validator=attrs.validators.min_len(1))
    parent: str | None = None
    children: tuple[str, ...] = attrs.field(default=(), converter=_codes)
    first_year: int = attrs.field(validator=attrs.validators.ge(FIRST_YEAR))
    last_year: int | None = attrs.field(default=None, validator=_check_years)
    sources: tuple[str, ...] = attrs.field(
        converter=_strings, validator=attrs.validators.min_len(1)
    )
    verified: bool = True
    note: str | None = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)

    @property
    def level(self) -> Level:
        """The level of this element."""
        raise NotImplementedError  # pragma: no cover - overridden by every subclass

    @property
    def dimension(self) -> str:
        """The code of the dimension this element belongs to (itself for a dimension).

        >>> framework(2021)["D6.1"].dimension
        'D6'
        """
        return self.code.split(".")[0]

    def in_force(self, year: int) -> bool:
        """Whether the element is part of PAPI ``year``.

        >>> framework(2016)["D3.4"].in_force(2015)
        False
        """
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)

    def name(self, lang: str = "vi") -> str:
        """The name in ``"vi"`` or ``"en"``.

        >>> framework(2021)["D8"].name("en")
        'E-Governance'
        """
        if lang == "vi":
            return self.name_vi
        if lang == "en":
            return self.name_en
        raise NotFound("language", lang, closest=("vi", "en"))

    def __str__(self) -> str:
        return f"{self.code} {self.name_en} / {self.name_vi}"


@attrs.frozen(kw_only=True)
class Dimension(Element):
    """A dimension (*chỉ số nội dung*), scored 1-10."""

    @property
    def level(self) -> Level:
        return Level.DIMENSION


@attrs.frozen(kw_only=True)
class SubDimension(Element):
    """A sub-dimension (*nội dung thành phần*); a dimension's score is the sum of its
    sub-dimension scores (2023 PAPI report, Table 3.6)."""

    @property
    def level(self) -> Level:
        return Level.SUB_DIMENSION


@attrs.frozen(kw_only=True)
class Indicator(Element):
    """An indicator (*chỉ tiêu*). Codes ``Dd.s.n`` are this library's identifiers, numbered
    in catalogue order, not PAPI's own indicator numbers."""

    @property
    def level(self) -> Level:
        return Level.INDICATOR


_CLASSES: dict[int, type[Element]] = {1: Dimension, 2: SubDimension, 3: Indicator}


@attrs.frozen(kw_only=True)
class StatedSize:
    """The size of a framework as PAPI states it, with the sources of the statement."""

    dimensions: int
    sub_dimensions: int
    indicators: str
    sources: tuple[str, ...] = attrs.field(converter=_strings)


def _by_code(elements: Sequence[Element]) -> Mapping[str, Element]:
    return MappingProxyType({e.code: e for e in elements})


def _name_index(elements: Sequence[Element]) -> NameIndex[str]:
    pairs: list[tuple[str, str]] = []
    for e in elements:
        pairs.extend((name, e.code) for name in (e.name_vi, e.name_en, *e.aliases))
    return NameIndex(pairs)


@attrs.frozen(kw_only=True, eq=False)
class Framework:
    """One PAPI framework, either a whole period (:func:`frameworks`) or the elements in force
    in one year (:func:`framework`, ``year`` set). Immutable; safe to share between threads.

    >>> fw = framework(2023)
    >>> "D7.2" in fw, "D9" in fw
    (True, False)
    >>> fw.parent("D7.2").code
    'D7'
    >>> [e.code for e in fw.ancestors("D6.1.1")]
    ['D6.1', 'D6']
    >>> fw.related("D6", "D6.1.1"), fw.related("D6.1", "D6.2")
    (True, False)
    """

    id: str
    name_en: str
    name_vi: str
    first_year: int
    last_year: int | None
    year: int | None = None
    stated_size: StatedSize
    notes: tuple[str, ...] = ()
    _elements: tuple[Element, ...] = attrs.field(alias="elements")
    _index: Mapping[str, Element] = attrs.field(init=False)
    _names: NameIndex[str] = attrs.field(init=False, repr=False)

    @_index.default
    def _make_index(self) -> Mapping[str, Element]:
        return _by_code(self._elements)

    @_names.default
    def _make_names(self) -> NameIndex[str]:
        return _name_index(self._elements)

    # ---- access -------------------------------------------------------------------------
    @property
    def dimensions(self) -> tuple[Dimension, ...]:
        """The dimensions, in order D1, D2, ..."""
        return tuple(e for e in self._elements if isinstance(e, Dimension))

    @property
    def sub_dimensions(self) -> tuple[SubDimension, ...]:
        """All sub-dimensions, in catalogue order."""
        return tuple(e for e in self._elements if isinstance(e, SubDimension))

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        """The indicators named in our sources (a small part of PAPI's full list)."""
        return tuple(e for e in self._elements if isinstance(e, Indicator))

    @property
    def complete(self) -> bool:
        """Whether the catalogue lists as many sub-dimensions as PAPI states for it.

        >>> framework(2018).complete, framework(2015).complete
        (True, False)
        """
        return len(self.sub_dimensions) == self.stated_size.sub_dimensions

    def elements(self, level: Level | None = None) -> tuple[Element, ...]:
        """All elements in catalogue order (each dimension followed by its descendants),
        optionally only those of one ``level``."""
        return tuple(e for e in self._elements if level is None or e.level is level)

    def __getitem__(self, code: str) -> Element:
        try:
            return self._index[code.strip().upper()]
        except (KeyError, AttributeError):
            closest = tuple(c for c in self._index if isinstance(code, str) and c[:2] == code[:2])
            raise NotFound(
                "PAPI code",
                code,
                closest=closest[:8],
                context=f"in {self._label()}",
                context_vi=f"trong khung {self._label()}",
            ) from None

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code.strip().upper() in self._index

    def __iter__(self) -> Iterator[Element]:
        return iter(self._elements)

    def __len__(self) -> int:
        return len(self._elements)

    def get(self, code: str) -> Element | None:
        """The element with ``code``, or ``None``."""
        return self._index.get(code.strip().upper())

    def find(self, name: str) -> Element:
        """The element whose Vietnamese or English name (or a listed alias) matches ``name``
        with the :mod:`papi.text` rules (case, diacritics, NFC/NFD and spacing ignored).
        A code is accepted too.

        Raises :class:`~papi.errors.NotFound` (with the closest names) or
        :class:`~papi.errors.Ambiguous`.

        >>> framework(2020).find("Cung ung dich vu cong").code
        'D6'
        >>> framework(2020).find("Civic knowledge").code
        'D1.1'
        """
        if name in self:
            return self[name]
        codes = self._names.find(name)
        if len(codes) == 1:
            return self._index[codes[0]]
        if not codes:
            raise NotFound(
                "PAPI element name",
                name,
                closest=self._names.closest(name),
                context=f"in {self._label()}",
                context_vi=f"trong khung {self._label()}",
            )
        raise Ambiguous(
            "PAPI element name", name, [str(self._index[c]) for c in codes]
        )  # pragma: no cover - the packaged names are unique

    # ---- navigation -----------------------------------------------------------------------
    def parent(self, code: str) -> Element | None:
        """The parent element (``None`` for a dimension)."""
        el = self[code]
        return None if el.parent is None else self._index[el.parent]

    def children(self, code: str) -> tuple[str, ...]:
        """The codes of the direct children of ``code``, in order."""
        return self[code].children

    def descendants(self, code: str) -> tuple[str, ...]:
        """The codes of every element below ``code`` (depth first, in order).

        >>> framework(2018).descendants("D8")
        ('D8.1', 'D8.2', 'D8.2.1')
        """
        out: list[str] = []
        for child in self.children(code):
            out.append(child)
            out.extend(self.descendants(child))
        return tuple(out)

    def ancestors(self, code: str) -> tuple[Element, ...]:
        """The elements above ``code``, nearest first."""
        out: list[Element] = []
        el: Element | None = self.parent(code)
        while el is not None:
            out.append(el)
            el = self.parent(el.code)
        return tuple(out)

    def related(self, a: str, b: str) -> bool:
        """Whether ``a`` and ``b`` are the same element or one is an ancestor of the other."""
        ea, eb = self[a], self[b]
        return (
            ea.code == eb.code
            or ea.code in {x.code for x in self.ancestors(eb.code)}
            or eb.code in {x.code for x in self.ancestors(ea.code)}
        )

    def at(self, year: int) -> Framework:
        """This framework restricted to the elements in force in ``year``.

        Raises :class:`~papi.errors.NotFound` when ``year`` is outside the framework's period.
        """
        if not self.covers(year):
            raise NotFound(
                "PAPI year", year, context=f"for {self.id}", context_vi=f"của khung {self.id}"
            )
        kept = [e for e in self._elements if e.in_force(year)]
        codes = {e.code for e in kept}
        trimmed = tuple(
            attrs.evolve(e, children=tuple(c for c in e.children if c in codes)) for e in kept
        )
        return attrs.evolve(self, year=year, elements=trimmed)

    def covers(self, year: int) -> bool:
        """Whether ``year`` falls in this framework's period."""
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)

    def _label(self) -> str:
        return f"{self.id} ({self.year})" if self.year is not None else self.id

    def __repr__(self) -> str:
        return f"<Framework {self._label()}: {len(self.dimensions)} dimensions>"


# ---- loading ----------------------------------------------------------------------------------
_FILES = ("papi_2011.json", "papi_2018.json")
_ELEMENT_KEYS = {
    "code",
    "name_en",
    "name_vi",
    "aliases",
    "sources",
    "verified",
    "note",
    "first_year",
    "last_year",
    "children",
}
_TOP_KEYS = {"schema", "id", "name_en", "name_vi", "first_year", "last_year"}
_TOP_KEYS |= {"stated_size", "notes", "elements"}


class _Reader:
    """Validates the JSON tree, collecting every problem with its path."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def fail(self, path: str, message: str, value: object = None) -> None:
        self.problems.append(Problem(path=path, message=message, value=value, source=self.source))

    def take(
        self, obj: Mapping[str, Any], key: str, kind: type | tuple[type, ...], path: str
    ) -> Any:
        if key not in obj:
            self.fail(f"{path}.{key}", "missing")
            return None
        value = obj[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            self.fail(f"{path}.{key}", f"wrong type {type(value).__name__}", value)
            return None
        return value

    def strings(self, obj: Mapping[str, Any], key: str, path: str) -> tuple[str, ...]:
        value = obj.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(f"{path}.{key}", "must be a list of strings", value)
            return ()
        return tuple(value)


def load_framework(data: Mapping[str, Any], *, source: str = "<data>") -> Framework:
    """Build a :class:`Framework` from its JSON form (the packaged files' schema).

    Every problem is collected and reported at once as :class:`~papi.errors.InvalidData`
    whose problems name the path (``elements[2].children[0].code``...):

    >>> load_framework({"id": "x"}, source="bad.json")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    papi.errors.InvalidData: bad.json: invalid PAPI framework (5 problems):
      - bad.json: $.name_en: missing
    ...
    """
    r = _Reader(source)
    if not isinstance(data, Mapping):
        raise InvalidData("a framework must be a JSON object", path="$", source=source)
    for extra in sorted(set(data) - _TOP_KEYS):
        r.fail(f"$.{extra}", "unknown key")
    fid = r.take(data, "id", str, "$")
    name_en = r.take(data, "name_en", str, "$")
    name_vi = r.take(data, "name_vi", str, "$")
    first = r.take(data, "first_year", int, "$")
    last = data.get("last_year")
    if last is not None and (not isinstance(last, int) or isinstance(last, bool)):
        r.fail("$.last_year", "must be an integer or null", last)
        last = None
    size_raw = r.take(data, "stated_size", dict, "$")
    elements_raw = r.take(data, "elements", list, "$")
    notes = r.strings(data, "notes", "$")

    size: StatedSize | None = None
    if size_raw is not None:
        dims = r.take(size_raw, "dimensions", int, "$.stated_size")
        subs = r.take(size_raw, "sub_dimensions", int, "$.stated_size")
        inds = r.take(size_raw, "indicators", str, "$.stated_size")
        if None not in (dims, subs, inds):
            size = StatedSize(
                dimensions=dims,
                sub_dimensions=subs,
                indicators=inds,
                sources=r.strings(size_raw, "sources", "$.stated_size"),
            )

    built: list[Element] = []
    seen: dict[str, str] = {}

    def walk(
        raw: object, path: str, parent: Element | None, inherit: tuple[int, int | None]
    ) -> str:
        if not isinstance(raw, dict):
            r.fail(path, "an element must be a JSON object", raw)
            return ""
        for extra in sorted(set(raw) - _ELEMENT_KEYS):
            r.fail(f"{path}.{extra}", "unknown key")
        code = r.take(raw, "code", str, path)
        kids = raw.get("children", [])
        if not isinstance(kids, list):
            r.fail(f"{path}.children", "must be a list", kids)
            kids = []
        if code is None:
            return ""
        depth = 1 if parent is None else parent.level.depth + 1
        if depth > 3:
            r.fail(f"{path}.code", "elements nest at most three levels deep", code)
            return ""
        if parent is not None and not code.startswith(parent.code + "."):
            r.fail(f"{path}.code", f"must start with its parent's code {parent.code}.", code)
        if code in seen:
            r.fail(f"{path}.code", f"duplicate code (first at {seen[code]})", code)
        seen[code] = path
        first_year = raw.get("first_year", inherit[0])
        last_year = raw.get("last_year", inherit[1])
        verified = raw.get("verified", True)
        if not isinstance(verified, bool):
            r.fail(f"{path}.verified", "must be true or false", verified)
            verified = False
        note = raw.get("note")
        if note is not None and not isinstance(note, str):
            r.fail(f"{path}.note", "must be a string", note)
            note = None
        if (
            isinstance(first_year, int)
            and isinstance(inherit[0], int)
            and (
                first_year < inherit[0]
                or (
                    inherit[1] is not None and isinstance(last_year, int) and last_year > inherit[1]
                )
            )
        ):
            r.fail(
                f"{path}.first_year",
                f"years {first_year}-{last_year} fall outside the parent's "
                f"{inherit[0]}-{inherit[1]}",
                first_year,
            )
        try:
            element = _CLASSES[depth](
                code=code,
                name_vi=r.take(raw, "name_vi", str, path) or "",
                name_en=r.take(raw, "name_en", str, path) or "",
                parent=None if parent is None else parent.code,
                first_year=first_year,
                last_year=last_year,
                sources=r.strings(raw, "sources", path),
                verified=verified,
                note=note,
                aliases=r.strings(raw, "aliases", path),
            )
        except (InvalidData, TypeError, ValueError) as exc:
            r.fail(path, f"invalid element: {exc}", code)
            return ""
        slot = len(built)
        built.append(element)
        child_codes = [
            walk(kid, f"{path}.children[{i}]", element, (element.first_year, element.last_year))
            for i, kid in enumerate(kids)
        ]
        built[slot] = attrs.evolve(element, children=tuple(c for c in child_codes if c))
        return str(code)

    if elements_raw is not None and isinstance(first, int):
        for i, raw in enumerate(elements_raw):
            walk(raw, f"$.elements[{i}]", None, (first, last))
        dims_codes = [e.code for e in built if isinstance(e, Dimension)]
        expected = [f"D{i}" for i in range(1, len(dims_codes) + 1)]
        if dims_codes != expected:
            r.fail("$.elements", f"dimensions must be {', '.join(expected)} in order", dims_codes)
        if size is not None and len(dims_codes) != size.dimensions:
            r.fail("$.elements", f"{size.dimensions} dimensions stated", len(dims_codes))

    if r.problems:
        raise InvalidData.collect(f"{source}: invalid PAPI framework", r.problems)
    assert fid is not None
    assert name_en is not None
    assert name_vi is not None
    assert size is not None
    return Framework(
        id=fid,
        name_en=nfc(name_en),
        name_vi=nfc(name_vi),
        first_year=first,
        last_year=last,
        stated_size=size,
        notes=notes,
        elements=tuple(built),
    )


@load_once
def _load_packaged() -> tuple[Framework, ...]:
    """Read and validate the packaged files (once, shared by every caller and thread)."""
    out = []
    folder = resources.files("papi").joinpath("data", "framework")
    for name in _FILES:
        source = f"papi/data/framework/{name}"
        try:
            raw = json.loads(folder.joinpath(name).read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise InvalidData(
                f"not valid JSON: {exc.msg} at line {exc.lineno}", path=source
            ) from None
        out.append(load_framework(raw, source=source))
    return tuple(sorted(out, key=lambda f: f.first_year))


def frameworks() -> tuple[Framework, ...]:
    """Both PAPI frameworks in full (2011-2017, then since 2018), oldest first.

    >>> [(f.id, f.first_year, f.last_year) for f in frameworks()]
    [('papi-2011', 2011, 2017), ('papi-2018', 2018, None)]
    """
    return _load_packaged()


def framework(year: int) -> Framework:
    """The PAPI framework of ``year``, restricted to the elements in force that year.

    Raises :class:`~papi.errors.NotFound` for a year before 2011 (the pilots of 2009-2010 are
    not catalogued).

    >>> framework(2016)["D3"].children
    ('D3.1', 'D3.2', 'D3.4')
    >>> framework(2009)
    Traceback (most recent call last):
    ...
    papi.errors.NotFound: unknown PAPI year 2009 (PAPI covers all 63 provinces from 2011)
    """
    if not isinstance(year, int) or isinstance(year, bool):
        raise NotFound(
            "PAPI year",
            year,
            context="(expected an integer year)",
            context_vi="(cần một năm là số nguyên)",
        )
    return _framework_of(year)


@load_once(maxsize=256)
def _framework_of(year: int) -> Framework:
    for period in _load_packaged():
        if period.covers(year):
            return period.at(year)
    raise NotFound(
        "PAPI year",
        year,
        context=f"(PAPI covers all 63 provinces from {FIRST_YEAR})",
        context_vi=f"(PAPI khảo sát cả 63 tỉnh, thành phố từ năm {FIRST_YEAR})",
    )
