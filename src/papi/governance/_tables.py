"""The one place where a :class:`~papi.governance.Governance` keeps what it derives.

A built model never changes, so what a question needs can be derived once and kept: the era
boundaries, the answer-ready infos of organizations and posts, what each selector picks in an
era, per (subject, era) the table of which assignments reach which unit and the entries they
give, escalation ladders, the next deadlines of a day, and whole answers. Every such store is
an :class:`Lru` held by one :class:`Tables`; the query code asks ``tables.x.get(key)`` and
``tables.x.put(key, value)`` and holds no cache, lock or dict of its own.

An :class:`Lru` is bounded and never clears itself: when full it evicts what was not used
recently, by generations (a store holds a *hot* and a *cold* half; a hit in the cold half
moves the entry back to the hot one; when the hot half is full it becomes the cold one and the
old cold half is dropped). Reads are lock-free dict lookups (atomic in CPython); writes take
the store's lock, and the first value stored wins, so every thread sees the same object.
"""

from __future__ import annotations

import bisect
import enum
import threading
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Final, Generic, Literal, TypeVar

if TYPE_CHECKING:
    from papi.dates import Validity
    from papi.duties import Selector
    from papi.governance._orgs import OrgParts
    from papi.governance._resolve import Hit
    from papi.governance.answers import (
        BasisInfo,
        DeadlineInfo,
        EscalationStep,
        Holder,
        Lazy,
        Notice,
        OrgInfo,
        PostInfo,
        SubjectInfo,
        UnitInfo,
    )
    from papi.governance.queries._subject_table import SubjectTable, UnitRows
    from papi.governance.queries.who import Core, Ready
    from papi.organizations import Organization, Post
    from papi.territory import Level, Unit

__all__ = ["ABSENT", "Lru", "Tables"]

_K = TypeVar("_K")
_V = TypeVar("_V")


class _Absent(enum.Enum):
    ABSENT = 0


#: what :meth:`Lru.get` returns for a key not stored
ABSENT: Final = _Absent.ABSENT


class Lru(Generic[_K, _V]):
    """A bounded, thread-safe store (see the module docs); ``maxsize=None`` for a store bounded
    by the model itself (one entry per organization, post or assignment)."""

    __slots__ = ("_cold", "_half", "_lock", "hot", "name")

    def __init__(self, name: str, maxsize: int | None) -> None:
        self.name = name
        self._half = None if maxsize is None else max(1, maxsize // 2)
        #: the recently used half: read-only outside this class (a hit here is a hit of
        #: :meth:`get`; reading it directly saves a call on the hottest path)
        self.hot: dict[_K, _V] = {}
        self._cold: dict[_K, _V] = {}
        self._lock = threading.Lock()

    def get(self, key: _K) -> _V | Literal[_Absent.ABSENT]:
        """The value stored under ``key``, or :data:`ABSENT`."""
        found = self.hot.get(key, ABSENT)
        if found is ABSENT and self._cold:  # (a store that never filled its newer half has none:
            return self.get_cold(key)  # a miss, the first question's case, costs no call)
        return found

    def get_cold(self, key: _K) -> _V | Literal[_Absent.ABSENT]:
        """:meth:`get` after ``hot.get(key)`` missed: the value in the older half (moved back
        to the newer one), or :data:`ABSENT`."""
        if not self._cold:
            return ABSENT
        found = self._cold.get(key, ABSENT)
        if found is not ABSENT:
            return self.put(key, found)
        return found

    def put(self, key: _K, value: _V) -> _V:
        """Store ``value`` unless a value is already stored; return the stored one."""
        hot = self.hot
        if self._half is None or len(hot) < self._half - 1:
            # room to spare: dict.setdefault keeps the first value stored under a key (one
            # operation of the dict: CPython re-runs a lookup the key's own __eq__ disturbed,
            # and free-threaded builds lock the dict), so no lock of ours is needed
            return hot.setdefault(key, value)
        with self._lock:
            hot = self.hot
            found = hot.get(key, ABSENT)
            if found is not ABSENT:
                return found
            if self._half is not None and len(hot) >= self._half:
                self._cold = hot
                hot = self.hot = {}
            hot[key] = value
            return value

    def setdefault(self, key: _K, make: Callable[[], _V]) -> _V:
        """The stored value, or ``make()`` stored."""
        found = self.get(key)
        if found is ABSENT:
            return self.put(key, make())
        return found

    def __len__(self) -> int:
        return len(self.hot) + len(self._cold)

    def __repr__(self) -> str:
        bound = "model" if self._half is None else 2 * self._half
        return f"<Lru {self.name}: {len(self)} entries, bound {bound}>"


class Tables:
    """Every store of one model. Sizes: by the model (infos), else entries kept at most."""

    #: answers kept (``who``, ``gaps``): the newer half holds a sweep of the whole country
    #: (3,321 communes x 8 dimensions) on one day
    ANSWERS = 1 << 16
    #: era-invariant parts of ``who`` answers, one per (subject, place, era) asked
    CORES = 1 << 17
    #: per (subject, era) tables
    SUBJECTS = 1 << 10
    #: per era: heads of organizations, holders of posts, escalation ladders
    PER_ERA = 1 << 18
    #: per (selector, era, era of its reference day): hits by unit and their rows
    SELECTORS = 1 << 12
    #: next deadlines per (subject, levels, day)
    DAYS = 1 << 14
    #: subject spellings -> what they mean
    SPELLINGS = 1 << 12

    def __init__(self) -> None:
        self.bounds: tuple[int, ...] | None = None
        self._bounds_lock = threading.Lock()
        # bounded by the model: one entry per organization, post, assignment
        self.org_infos: Lru[str, OrgInfo] = Lru("org_infos", None)
        self.post_infos: Lru[str, PostInfo] = Lru("post_infos", None)
        self.bases: Lru[tuple[str, str | None], BasisInfo] = Lru("bases", None)
        self.levels: Lru[str, str | None] = Lru("levels", None)
        self.names: Lru[str, str] = Lru("names", None)
        self.unit_infos: Lru[str, UnitInfo] = Lru("unit_infos", None)
        self.coverages: Lru[str, Validity] = Lru("coverages", None)
        self.unlisted: Lru[str, Notice] = Lru("unlisted", None)
        self.scopes: Lru[str, frozenset[str] | None] = Lru("scopes", None)
        # per (unit reference of a scope, era): the unit's id, None when it names none or several
        self.ref_units: Lru[tuple[str, int], str | None] = Lru("ref_units", None)
        # per (document, era): the ids of the units of its scope, None for everywhere
        self.scope_units: Lru[tuple[str, int], frozenset[str] | None] = Lru("scope_units", None)
        # bounded by size
        self.spellings: Lru[str, SubjectInfo] = Lru("spellings", self.SPELLINGS)
        self.heads: Lru[tuple[str, int], Post | None] = Lru("heads", self.PER_ERA)
        self.holders: Lru[tuple[str, int], Holder] = Lru("holders", self.PER_ERA)
        self.committees: Lru[tuple[str, int], Organization | None] = Lru("committees", self.PER_ERA)
        self.org_parts: Lru[tuple[str, int], OrgParts] = Lru("org_parts", self.PER_ERA)
        self.chains: Lru[tuple[str, int], tuple[str, ...]] = Lru("chains", self.PER_ERA)
        # per (unit, era): True when the data vouches for the unit all era (no coverage notice)
        self.quiet_units: Lru[tuple[str, int], bool] = Lru("quiet_units", self.PER_ERA)
        self.units_at: Lru[tuple[Level, bool], tuple[Unit, ...]] = Lru("units_at", None)
        self.ladders: Lru[tuple[str, int], tuple[EscalationStep, ...]] = Lru(
            "ladders", self.PER_ERA
        )
        # per (organization, era): the ladder from it up (shared by the units below it)
        self.org_ladders: Lru[tuple[str, int], tuple[EscalationStep, ...]] = Lru(
            "org_ladders", self.PER_ERA
        )
        self.hits: Lru[tuple[Selector, int, int | None], tuple[Hit, ...]] = Lru(
            "hits", self.SELECTORS
        )
        self.by_unit: Lru[
            tuple[Selector, int, int | None], Mapping[str | None, tuple[Hit, ...]]
        ] = Lru("by_unit", self.SELECTORS)
        # per (index of a selector's hits by unit, unit): the rows of the unit's hits (for plain
        # and for head-of-organization entries, each without repeats); the
        # index is kept with them, so that a key whose index was dropped is never mistaken
        self.rows: Lru[tuple[int, str | None], UnitRows] = Lru("rows", self.PER_ERA)
        # one shared object per distinct frozen set of documents or levels
        self.frozen: Lru[frozenset[str | None], frozenset[str | None]] = Lru(
            "frozen", self.SPELLINGS
        )
        # per tuple of interned frozen sets: their union, interned
        self.unions: Lru[tuple[frozenset[str | None], ...], frozenset[str | None]] = Lru(
            "unions", self.SPELLINGS
        )
        self.subjects: Lru[tuple[str, str, int], SubjectTable] = Lru("subjects", self.SUBJECTS)
        # per (subject, unit, era): the era-invariant part of the answers whose Ready is not
        # kept (a place followed to its successor, or the data not vouching for it)
        self.cores: Lru[tuple[str, str, str, int], Core] = Lru("cores", self.CORES)
        # per (subject as asked, place as asked, era): what a who() answer shares with the
        # other days of the era, when no notice of the place depends on the day
        self.ready: Lru[tuple[object, ...], Ready] = Lru("ready", self.CORES)
        self.days: Lru[
            tuple[str, str, frozenset[str | None], date, frozenset[str] | None],
            tuple[tuple[DeadlineInfo, ...], tuple[Notice, ...]],
        ] = Lru("days", self.DAYS)
        # one shared tuple per distinct list of next deadlines, and per (holders of a core,
        # list, dropped tasks) the list as a place's answer shows it (holders named)
        self.deadline_lists: Lru[tuple[DeadlineInfo, ...], tuple[DeadlineInfo, ...]] = Lru(
            "deadline_lists", self.DAYS
        )
        self.placed_deadlines: Lru[
            tuple[int, int, int],
            tuple[
                Lazy[Mapping[str, tuple[tuple[str, str], ...]]] | None,
                tuple[DeadlineInfo, ...],
                frozenset[str],
                tuple[DeadlineInfo, ...],
            ],
        ] = Lru("placed_deadlines", self.CORES)
        self.answers: Lru[tuple[object, ...], object] = Lru("answers", self.ANSWERS)

    def stores(self) -> tuple[Lru[object, object], ...]:
        """Every store (for reports and benchmarks)."""
        return tuple(v for v in vars(self).values() if isinstance(v, Lru))

    def era(self, on: date, read: Callable[[], Iterable[int]]) -> int:
        """The era ``on`` falls in, reading the boundary days once with ``read()``."""
        bounds = self.bounds
        if bounds is None:
            with self._bounds_lock:
                if self.bounds is None:
                    self.bounds = tuple(sorted(set(read())))
                bounds = self.bounds
        return bisect.bisect_right(bounds, on.toordinal())
