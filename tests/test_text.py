"""papi.text: lookup keys for Vietnamese names."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from papi.text import NameIndex, fold, key, nfc, split_prefix

VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
)
names = st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + " .", min_size=0, max_size=30)


@given(names)
def test_fold_is_idempotent(name: str) -> None:
    assert fold(fold(name)) == fold(name)


@given(names)
def test_a_name_is_found_by_every_spelling_of_it(name: str) -> None:
    """Whatever the name (its own first word may look like a prefix: "Phường Xã Đàn"), the
    index finds it by the name, its fold and its key."""
    idx = NameIndex([(name, "item")])
    for spelling in (name, fold(name), key(name), name.upper()):
        assert idx.find(spelling) == ("item",), spelling


def test_a_name_whose_first_word_looks_like_a_prefix_is_found() -> None:
    ward, commune = object(), object()
    idx = NameIndex([("Phường Xã Đàn", ward)])
    for spelling in ("Xã Đàn", "xa dan", "Phường Xã Đàn", "P. Xã Đàn", "XÃ ĐÀN"):
        assert idx.find(spelling) == (ward,), spelling
    # a commune named Đàn is still found first as "Xã Đàn", the ward by its full name
    both = NameIndex([("Phường Xã Đàn", ward), ("Xã Đàn", commune)])
    assert both.find("Xã Đàn") == (commune,)
    assert both.find("Phường Xã Đàn") == (ward,)


@given(names)
def test_nfc_and_nfd_give_the_same_key(name: str) -> None:
    nfd = unicodedata.normalize("NFD", name)
    assert key(nfd) == key(name)
    assert fold(nfd) == fold(name)
    assert nfc(nfd) == nfc(name)


@given(names)
def test_key_ignores_case_and_spacing(name: str) -> None:
    assert key(name.upper()) == key(name.lower()) == key("  " + name.replace(" ", "   ") + " ")


@given(names)
def test_folded_text_is_ascii(name: str) -> None:
    assert fold(name).isascii()


def test_d_with_stroke_folds_to_d() -> None:
    # NFD leaves đ/Đ intact: the mapping must be explicit.
    assert unicodedata.normalize("NFD", "Đ") == "Đ"
    assert fold("Đống Đa") == "dong da"
    assert key("Quận Đống Đa") == key("q. dong da") == "dong da"


@pytest.mark.parametrize(
    ("written", "expected_prefix", "expected_rest"),
    [
        ("Thành phố Hà Nội", "thanh pho", "ha noi"),
        ("TP. Hà Nội", "thanh pho", "ha noi"),
        ("TP.HCM", "thanh pho", "hcm"),
        ("Quận 1", "quan", "1"),
        ("Q.1", "quan", "1"),
        ("Phường Hoàn Kiếm", "phuong", "hoan kiem"),
        ("P. Hoàn Kiếm", "phuong", "hoan kiem"),
        ("Huyện Ba Vì", "huyen", "ba vi"),
        ("H. Ba Vì", "huyen", "ba vi"),
        ("Thị xã Sơn Tây", "thi xa", "son tay"),
        ("TX. Sơn Tây", "thi xa", "son tay"),
        ("Thị trấn Trâu Quỳ", "thi tran", "trau quy"),
        ("TT. Trâu Quỳ", "thi tran", "trau quy"),
        ("Xã Bát Tràng", "xa", "bat trang"),
        ("Đặc khu Phú Quốc", "dac khu", "phu quoc"),
        ("Hà Nội", None, "ha noi"),
        ("Xã", None, "xa"),
    ],
)
def test_administrative_prefixes(
    written: str, expected_prefix: str | None, expected_rest: str
) -> None:
    assert split_prefix(written) == (expected_prefix, expected_rest)


def test_name_index_distinguishes_by_prefix_and_suggests() -> None:
    idx = NameIndex([("Quận Hoàn Kiếm", "q"), ("Phường Hoàn Kiếm", "p"), ("Phường Cửa Nam", "c")])
    assert set(idx.find("Hoàn Kiếm")) == {"q", "p"}
    assert idx.find("Quận Hoan Kiem") == ("q",)
    assert idx.find("p. HOÀN KIẾM") == ("p",)
    assert idx.find("Ba Đình") == ()
    assert "Phường Cửa Nam" in idx.closest("Cua Nan")
    assert idx.filter(lambda item: item == "c").find("cua nam") == ("c",)
