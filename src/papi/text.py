"""Vietnamese names: NFC storage and forgiving lookup keys.

Names are stored in Unicode NFC (:func:`nfc`). Lookups go through :func:`key`, which folds
away everything a person typing a name may get "wrong":

* NFC vs NFD input (macOS file names, some web forms send NFD);
* case, and extra or unusual spaces;
* diacritics, including ``đ``/``Đ`` -> ``d``/``D`` (Unicode decomposition does not strip
  the bar of ``đ``, so it is mapped explicitly);
* a leading administrative prefix, full or abbreviated: ``Thành phố``/``TP.``,
  ``Tỉnh``, ``Quận``/``Q.``, ``Huyện``/``H.``, ``Thị xã``/``TX.``, ``Phường``/``P.``,
  ``Xã``/``X.``, ``Thị trấn``/``TT.``, ``Đặc khu``.

>>> key("Phường Hoàn Kiếm") == key("P. Hoan Kiem") == key("hoàn  KIẾM")
True
>>> key("TP. Hà Nội")
'ha noi'
>>> fold("Đống Đa")
'dong da'

:func:`fold` does everything but the prefix stripping; use it where the prefix matters
(``Quận Hoàn Kiếm`` and ``Phường Hoàn Kiếm`` are different units: their :func:`key` is the
same, so a lookup by key alone is ambiguous, and :class:`NameIndex` says so).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Generic, TypeVar

from papi.errors import InvalidData

__all__ = ["PREFIXES", "NameIndex", "decode_utf8", "fold", "key", "nfc", "split_prefix"]

T = TypeVar("T", bound=Hashable)

PREFIXES: dict[tuple[str, ...], str] = {
    ("thanh", "pho"): "thanh pho",
    ("tp",): "thanh pho",
    ("tinh",): "tinh",
    ("quan",): "quan",
    ("q",): "quan",
    ("huyen",): "huyen",
    ("h",): "huyen",
    ("thi", "xa"): "thi xa",
    ("tx",): "thi xa",
    ("thi", "tran"): "thi tran",
    ("tt",): "thi tran",
    ("phuong",): "phuong",
    ("p",): "phuong",
    ("xa",): "xa",
    ("x",): "xa",
    ("dac", "khu"): "dac khu",
}
"""Administrative prefixes recognised by :func:`key` and :func:`split_prefix`, as folded token
sequences mapped to their canonical (folded) long form: ``("tp",)`` -> ``"thanh pho"``,
``("q",)`` -> ``"quan"`` ... The longest match wins (``thi xa`` before ``thi``). Read-only:
:func:`split_prefix` compiles it into a pattern when the module is imported."""

# The prefix of a folded name: one of PREFIXES followed by a space (so whole words, and something
# remains after them: folded text has no trailing space), those with more words tried first so
# that the longest wins.
_PREFIX_TEXTS = {" ".join(words): canonical for words, canonical in PREFIXES.items()}
_LONGEST_FIRST = sorted(_PREFIX_TEXTS, key=lambda text: text.count(" "), reverse=True)
_PREFIX = re.compile("(" + "|".join(map(re.escape, _LONGEST_FIRST)) + ") ")

_SEPARATORS = re.compile(r"[\s.,;:_\-–—/()]")
_MARKS = {"\u0111": "d", "\u0110": "D"}  # đ, Đ


def nfc(text: str) -> str:
    """The NFC form of ``text`` with surrounding whitespace removed and inner runs of
    whitespace collapsed to one space: how papi stores every name.

    >>> nfc("Ha\\u0300 N\\u00f4\\u0323i ") == "Hà Nội"
    True
    """
    return " ".join(unicodedata.normalize("NFC", text).split())


def fold(text: str) -> str:
    """Lower-case ASCII form of ``text``: diacritics removed (``đ`` -> ``d``), NFC and NFD
    alike, punctuation turned into single spaces. Idempotent.

    >>> fold("Thị xã  Sơn Tây") == fold("THI XA SON TAY") == "thi xa son tay"
    True
    """
    # str.translate(text, ...): a text that is not a string is a TypeError, as in nfc()
    return " ".join(str.translate(text, _FOLD_TABLE).split())


class _FoldTable(dict[int, int | str]):
    """``str.translate`` table of :func:`fold`, one entry per character of the text as given:
    its canonical decomposition (NFD) without combining marks, ``đ`` -> ``d``, case-folded,
    separators turned into spaces. Filled per code point on first sight (a dict write is
    atomic: safe between threads).

    Folding character by character is folding the NFD of the whole text: decomposition works
    per character, and canonical reordering only moves combining marks, which are dropped.
    """

    def __missing__(self, cp: int) -> int | str:
        kept = "".join(
            _MARKS.get(c, c)
            for c in unicodedata.normalize("NFD", chr(cp))
            if not unicodedata.combining(c)
        )
        folded = _SEPARATORS.sub(" ", kept.casefold())
        value = ord(folded) if len(folded) == 1 else folded  # a code point translates faster
        self[cp] = value
        return value


_FOLD_TABLE = _FoldTable()


def split_prefix(text: str) -> tuple[str | None, str]:
    """Split a folded administrative prefix from a name.

    Returns ``(canonical_prefix, rest)``, with ``canonical_prefix`` ``None`` when the name has
    none. A prefix is only split off when something remains after it, so the commune named
    "Xã" alone is not emptied.

    >>> split_prefix("TP. Hồ Chí Minh")
    ('thanh pho', 'ho chi minh')
    >>> split_prefix("Q.1")
    ('quan', '1')
    >>> split_prefix("Hà Nội")
    (None, 'ha noi')
    """
    return _split_folded(fold(text))


def _split_folded(folded: str) -> tuple[str | None, str]:
    """:func:`split_prefix` of a text already folded."""
    found = _PREFIX.match(folded)
    if found is None:
        return None, folded
    return _PREFIX_TEXTS[found[1]], folded[found.end() :]


def key(text: str) -> str:
    """The lookup key of a name: :func:`fold` without the administrative prefix. Only one
    prefix is removed, so a name whose own first word looks like a prefix keeps it
    (``key("Phường Xã Đàn") == "xa dan"``, and ``key("xa dan") == "dan"``): look names up
    with :meth:`NameIndex.find`, which knows this, rather than comparing keys of keys.

    >>> key("Thành phố Hà Nội") == key("tp ha noi") == key("HÀ NỘI")
    True
    """
    return split_prefix(text)[1]


class NameIndex(Generic[T]):
    """An immutable index from names to items, matched with :func:`key`.

    Build it once from ``(name, item)`` pairs (an item may have several names: Vietnamese,
    English, short forms); :meth:`find` returns every item whose name has the same key.
    A name that also carries a prefix narrows the match to items whose stored name has the
    same prefix, so "Quận Hoàn Kiếm" and "Phường Hoàn Kiếm" are told apart while
    "Hoàn Kiếm" alone matches both.

    >>> idx = NameIndex([("Quận Hoàn Kiếm", "district"), ("Phường Hoàn Kiếm", "ward")])
    >>> sorted(idx.find("hoan kiem"))
    ['district', 'ward']
    >>> idx.find("P. Hoàn Kiếm")
    ('ward',)
    >>> idx.closest("Hoan Kiim")
    ('Phường Hoàn Kiếm', 'Quận Hoàn Kiếm')
    """

    __slots__ = ("_by_key",)

    def __init__(self, pairs: Iterable[tuple[str, T]]) -> None:
        pairs = list(pairs)
        # Names repeat (a commune's name in other provinces and other eras): split each once.
        # They are kept as given and put in NFC where they are shown (closest, iteration,
        # filter): a lookup only needs their prefixes and keys.
        split = {name: split_prefix(name) for name in dict.fromkeys([name for name, _ in pairs])}
        by_key: dict[str, list[tuple[str | None, str, T]]] = {}
        for name, item in pairs:
            prefix, rest = split[name]
            entries = by_key.get(rest)
            if entries is None:
                by_key[rest] = [(prefix, name, item)]
            else:
                entries.append((prefix, name, item))
        self._by_key = {k: tuple(v) for k, v in by_key.items()}

    def find(self, name: str) -> tuple[T, ...]:
        """Items whose name matches ``name`` (see the class docs); order of insertion,
        without duplicates. A ``name`` that is not a string raises
        :class:`~papi.errors.InvalidData`.

        A leading word that looks like a prefix may be part of the name itself: when nothing
        matches without it, the whole name is tried, so the ward "Phường Xã Đàn" is found as
        "Xã Đàn" (and as "Phường Xã Đàn", "xa dan", "P. Xã Đàn").

        >>> NameIndex([("Phường Xã Đàn", "ward")]).find("Xã Đàn")
        ('ward',)
        """
        _check_name(name)
        folded = fold(name)
        prefix, rest = _split_folded(folded)
        entries = self._by_key.get(rest, ())
        if prefix is not None:
            narrowed = [e for e in entries if e[0] == prefix]
            if narrowed:
                entries = tuple(narrowed)
            elif not entries:  # "Xã" in "Xã Đàn" may be the name's own first word
                entries = self._by_key.get(folded, ())
        return _unique(item for _, _, item in entries)

    def closest(self, name: str, n: int = 5) -> tuple[str, ...]:
        """Up to ``n`` stored names closest to ``name`` (by key similarity), sorted by name
        among equally close ones: the "did you mean" list of a :class:`~papi.errors.NotFound`."""
        _check_name(name)
        hits = difflib.get_close_matches(key(name), list(self._by_key), n=n, cutoff=0.6)
        out: list[str] = []
        for hit in hits:
            out.extend(sorted({nfc(given) for _, given, _ in self._by_key[hit]}))
        return tuple(out[:n])

    def __len__(self) -> int:
        return len(self._by_key)

    def __iter__(self) -> Iterator[str]:
        return (nfc(entries[0][1]) for entries in self._by_key.values())

    def filter(self, predicate: Callable[[T], bool]) -> NameIndex[T]:
        """A new index with only the items for which ``predicate`` is true."""
        return NameIndex(
            (name, item)
            for entries in self._by_key.values()
            for _, name, item in entries
            if predicate(item)
        )


def decode_utf8(data: bytes, *, source: str, advice: str = "save the file as UTF-8") -> str:
    """``data`` as UTF-8 text, a leading byte-order mark dropped (spreadsheets write one);
    otherwise :class:`~papi.errors.InvalidData` naming ``source`` and the line of the first
    byte that is not UTF-8.

    >>> decode_utf8(b"a\\nb\\xff", source="t.csv")
    Traceback (most recent call last):
    ...
    papi.errors.InvalidData: t.csv: line 2: not UTF-8 text (save the file as UTF-8) (value: b'\\xff')
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InvalidData(
            f"not UTF-8 text ({advice})",
            path=f"{source}: line {line}",
            value=data[err.start : err.start + 8],
        ) from None


def _check_name(name: object) -> None:
    """A name to look up must be text: anything else is :class:`~papi.errors.InvalidData`
    (whatever query passed it on), never a ``TypeError`` from inside the folding."""
    if not isinstance(name, str):
        raise InvalidData("a name must be a string", path="name", value=name)


def _unique(items: Iterable[T]) -> tuple[T, ...]:
    seen: dict[T, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return tuple(seen)
