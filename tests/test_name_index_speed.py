"""papi.text after its speed-up (one translate table, names folded once): every answer is the
one the former implementation gave, kept below as the reference (``_Old*``), on the real names
of the whole country and on random text.

No timing here: ``benchmarks/bench_vietnam.py`` measures the build against a baseline.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Generic, TypeVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from papi.territory import Territory, vietnam_territory
from papi.text import PREFIXES, NameIndex, _FoldTable, fold, key, nfc, split_prefix

T = TypeVar("T", bound=Hashable)

# ----------------------------------------------------------------- the former implementation
_OLD_MAX_PREFIX = max(len(p) for p in PREFIXES)
_OLD_SEPARATORS = re.compile(r"[\s.,;:_\-–—/()]+")
_OLD_MARKS = {"\u0111": "d", "\u0110": "D"}


def _old_strip(c: str) -> str:
    return "" if unicodedata.combining(c) else _OLD_MARKS.get(c, c)


def old_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(_old_strip(c) for c in decomposed).casefold()
    return " ".join(t for t in _OLD_SEPARATORS.split(stripped) if t)


def old_split_prefix(text: str) -> tuple[str | None, str]:
    tokens = old_fold(text).split(" ")
    for size in range(min(_OLD_MAX_PREFIX, len(tokens) - 1), 0, -1):
        head = tuple(tokens[:size])
        if head in PREFIXES:
            return PREFIXES[head], " ".join(tokens[size:])
    return None, " ".join(tokens)


def old_nfc(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


class _OldNameIndex(Generic[T]):
    def __init__(self, pairs: Iterable[tuple[str, T]]) -> None:
        by_key: dict[str, list[tuple[str | None, str, T]]] = {}
        names: dict[str, str] = {}
        for name, item in pairs:
            prefix, rest = old_split_prefix(name)
            by_key.setdefault(rest, []).append((prefix, old_nfc(name), item))
            names.setdefault(rest, old_nfc(name))
        self._by_key = {k: tuple(v) for k, v in by_key.items()}
        self._names = names

    def find(self, name: str) -> tuple[T, ...]:
        prefix, rest = old_split_prefix(name)
        entries = self._by_key.get(rest, ())
        if prefix is not None:
            narrowed = [e for e in entries if e[0] == prefix]
            if narrowed:
                entries = tuple(narrowed)
            elif not entries:
                entries = self._by_key.get(old_fold(name), ())
        return tuple(dict.fromkeys(item for _, _, item in entries))

    def closest(self, name: str, n: int = 5) -> tuple[str, ...]:
        wanted = old_split_prefix(name)[1]
        hits = difflib.get_close_matches(wanted, list(self._by_key), n=n, cutoff=0.6)
        out: list[str] = []
        for hit in hits:
            out.extend(sorted({stored for _, stored, _ in self._by_key[hit]}))
        return tuple(out[:n])

    def __len__(self) -> int:
        return len(self._by_key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._names.values())

    def filter(self, predicate: Callable[[T], bool]) -> _OldNameIndex[T]:
        return _OldNameIndex(
            (stored, item)
            for entries in self._by_key.values()
            for _, stored, item in entries
            if predicate(item)
        )


# ------------------------------------------------------------------------------ strategies
LETTERS = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
)
MARKS = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"  # the tone and vowel marks, NFD
SEPARATORS = " .,;:_-–—/()\t\n\u00a0\u2000\u3000"
PREFIX_WORDS = ["Thành phố", "TP.", "Tỉnh", "Quận", "Q.", "Huyện", "H.", "Thị xã", "TX."]
PREFIX_WORDS += ["Thị trấn", "TT.", "Phường", "P.", "Xã", "X.", "Đặc khu", "thi", "tp"]

vietnamese = st.text(alphabet=LETTERS + LETTERS.upper() + MARKS + SEPARATORS, max_size=25)
anything = st.text(max_size=25)  # any code point: other scripts, combining marks, surrogates
prefixed = st.builds(
    lambda head, words: f"{head} {words}", st.sampled_from(PREFIX_WORDS), vietnamese
) | st.builds(
    lambda head, words: " ".join([*head, words]),
    st.lists(st.sampled_from(PREFIX_WORDS), max_size=3),
    vietnamese,
)
texts = vietnamese | anything | prefixed


# ------------------------------------------------------------------- fold, key, split, nfc
@given(texts)
def test_fold_split_prefix_and_key_are_the_former_ones(text: str) -> None:
    assert fold(text) == old_fold(text)
    assert split_prefix(text) == old_split_prefix(text)
    assert key(text) == old_split_prefix(text)[1]
    assert nfc(text) == old_nfc(text)


@given(texts)
def test_a_name_in_nfc_folds_as_given(text: str) -> None:
    """Why the index may keep names as given and put them in NFC only where it shows them:
    a name and its NFC form have the same fold, and so the same prefix and key."""
    assert fold(nfc(text)) == fold(text)
    assert nfc(nfc(text)) == nfc(text)


@pytest.mark.parametrize("plane", [0, 1])
def test_every_character_folds_as_before(plane: int) -> None:
    """Every code point of the two busiest planes, through a fresh table (the module's own
    table keeps only the characters met): separators, marks, letters of every script."""
    table = _FoldTable()
    differ = [
        cp
        for cp in range(plane << 16, (plane + 1) << 16)
        if " ".join(chr(cp).translate(table).split()) != old_fold(chr(cp))
    ]
    assert not differ, [hex(cp) for cp in differ[:20]]


def test_what_is_not_text_is_still_a_type_error() -> None:
    for value in (None, 3, b"Ha Noi"):
        with pytest.raises(TypeError):
            fold(value)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            old_fold(value)  # type: ignore[arg-type]


# ------------------------------------------------------------ the index, on random names
pairs = st.lists(st.tuples(texts, st.integers(0, 5)), max_size=12)


@given(pairs, st.lists(texts, max_size=6))
def test_a_small_index_answers_as_before(
    given_pairs: list[tuple[str, int]], queries: list[str]
) -> None:
    new, old = NameIndex(given_pairs), _OldNameIndex(given_pairs)
    assert len(new) == len(old)
    assert list(new) == list(old)
    stored = [name for name, _ in given_pairs]
    shorter = [name.split(" ", cut)[-1] for name in stored for cut in (1, 2)]  # "Xã Đàn"
    for query in stored + shorter + queries:
        assert new.find(query) == old.find(query), query
        assert new.closest(query) == old.closest(query), query
    assert list(new.filter(lambda i: i % 2 == 0)) == list(old.filter(lambda i: i % 2 == 0))
    for query in queries:
        kept_new, kept_old = new.filter(lambda i: i > 2), old.filter(lambda i: i > 2)
        assert kept_new.find(query) == kept_old.find(query)


# ----------------------------------------------------- the index of the whole country's units
@pytest.fixture(scope="module")
def vn() -> Territory:
    return vietnam_territory()


@pytest.fixture(scope="module")
def old_index(vn: Territory) -> _OldNameIndex[str]:
    """The former index over the names the territory indexes (``Territory._names``)."""
    pairs: list[tuple[str, str]] = []
    for u in vn._by_id.values():
        pairs.append((u.name, u.id))
        if u.name_en:
            pairs.append((u.name_en, u.id))
    return _OldNameIndex(pairs)


@pytest.fixture(scope="module")
def names(vn: Territory) -> list[str]:
    return sorted({u.name for u in vn._by_id.values()})


_ABBREVIATIONS = {
    "Thành phố": "TP.",
    "Tỉnh": "tinh",
    "Quận": "Q.",
    "Huyện": "H.",
    "Thị xã": "TX.",
    "Thị trấn": "TT.",
    "Phường": "P.",
    "Xã": "X.",
}


def _no_marks(text: str) -> str:
    nfd = unicodedata.normalize("NFD", text)
    return (
        "".join(c for c in nfd if not unicodedata.combining(c)).replace("đ", "d").replace("Đ", "D")
    )


def _prefix(text: str, how: str) -> str:
    for long, short in _ABBREVIATIONS.items():
        if text.startswith(long + " "):
            rest = text[len(long) + 1 :]
            forms = {"keep": text, "drop": rest, "short": short + rest, "other": "Phường " + rest}
            return forms[how]
    return text


@st.composite
def spellings(draw: st.DrawFn, names: list[str]) -> str:
    """A real unit name as a person might type it: its prefix kept, dropped, abbreviated or
    another one; in NFD or NFC; without diacritics; in another case; odd spacing."""
    name = draw(st.sampled_from(names))
    name = _prefix(name, draw(st.sampled_from(["keep", "drop", "short", "other"])))
    if draw(st.booleans()):
        name = _no_marks(name)
    name = draw(st.sampled_from([str, str.upper, str.lower, str.title, str.swapcase]))(name)
    form = draw(st.sampled_from(["NFC", "NFD", "NFKC"]))
    name = unicodedata.normalize(form, name)
    return draw(st.sampled_from(["{}", "  {} ", "{}.", "-{}"])).format(name)


@given(st.data())
def test_every_spelling_of_a_real_name_finds_what_it_found(
    vn: Territory, old_index: _OldNameIndex[str], names: list[str], data: st.DataObject
) -> None:
    for _ in range(5):
        spelling = data.draw(spellings(names))
        assert vn._names.find(spelling) == old_index.find(spelling), spelling


@given(vietnamese)
def test_any_text_finds_in_the_country_what_it_found(
    vn: Territory, old_index: _OldNameIndex[str], text: str
) -> None:
    assert vn._names.find(text) == old_index.find(text)


@settings(max_examples=12)
@given(st.data(), st.integers(0, 40), st.sampled_from("aeiouxyz "))
def test_a_misspelt_name_gets_the_same_closest_names(
    vn: Territory,
    old_index: _OldNameIndex[str],
    names: list[str],
    data: st.DataObject,
    at: int,
    typo: str,
) -> None:
    spelling = data.draw(spellings(names))
    at = min(at, len(spelling))
    misspelt = spelling[:at] + typo + spelling[at + 1 :]
    assert vn._names.closest(misspelt, n=10) == old_index.closest(misspelt, n=10)
    assert vn._names.closest(misspelt) == old_index.closest(misspelt)


def test_names_whose_own_first_word_looks_like_a_prefix(
    vn: Territory, old_index: _OldNameIndex[str], names: list[str]
) -> None:
    """ "Phường Xã Đàn" is found as "Xã Đàn": every such real name, with and without its
    prefix, in NFD and without diacritics."""
    tricky = [n for n in names if split_prefix(key(n))[0] is not None]
    assert tricky
    for name in tricky:
        for spelling in (name, _prefix(name, "drop"), _prefix(name, "short")):
            for form in (spelling, unicodedata.normalize("NFD", spelling), _no_marks(spelling)):
                assert vn._names.find(form) == old_index.find(form), form


def test_the_country_index_lists_the_same_names(
    vn: Territory, old_index: _OldNameIndex[str]
) -> None:
    assert len(vn._names) == len(old_index)
    assert list(vn._names) == list(old_index)


def test_a_filtered_country_index_answers_as_before(
    vn: Territory, old_index: _OldNameIndex[str], names: list[str]
) -> None:
    def keep(uid: str) -> bool:
        return uid.endswith(("1", "3", "7"))

    new, old = vn._names.filter(keep), old_index.filter(keep)
    assert list(new) == list(old)
    for name in names[::97]:
        assert new.find(name) == old.find(name), name
        assert new.find(_no_marks(name).upper()) == old.find(_no_marks(name).upper()), name
