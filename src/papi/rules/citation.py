"""The legal basis of a rule: :class:`Citation`, and citations written the Vietnamese way
(:func:`citation_vi`)."""

from __future__ import annotations

import re

import attrs

from papi.errors import InvalidData
from papi.rules._checks import (
    _check_lang,
    _instance,
    _mapping,
    _no_unknown,
    _nonempty_str,
    _optional,
    _str,
)

__all__ = ["Citation", "citation_vi", "reference_en"]


_KIND_VI = {
    "law": "Luật",
    "decree": "Nghị định",
    "resolution": "Nghị quyết",
    "decision": "Quyết định",
    "circular": "Thông tư",
    "plan": "Kế hoạch",
    "dispatch": "Công văn",
    "directive": "Chỉ thị",
    "code": "Bộ luật",
    "civil code": "Bộ luật Dân sự",
}
_ARTICLE_NUMBER = re.compile(
    r"^(?P<art>[0-9]+[a-z]?)(?P<parts>(?:\([0-9a-zđ]+\))*)$", re.IGNORECASE
)
_ARTICLE_WORD = re.compile(r"^(?:article|arts?\.?)\s*(?=[0-9])", re.IGNORECASE)
_KEEP = ("¶", "phụ lục", "mục", "điều", "khoản", "điểm")
_EN_WORDS = (("appendix", "Phụ lục"), ("section", "Mục"))
_CITATION_TEXT = re.compile(
    r"^(?P<document>.+?)(?:,\s*|\s+)"
    r"(?P<article>(?:article|arts?\.?)\s*[0-9].*|¶\s*\S.*|(?:appendix|section)\s+\S.*)$",
    re.IGNORECASE,
)


def _document_vi(document: str) -> str:
    """``Law 02/2011/QH13`` -> ``Luật 02/2011/QH13`` (unknown kinds left as they are)."""
    low = document.lower()
    for kind in sorted(_KIND_VI, key=len, reverse=True):
        if low.startswith(kind + " "):
            return f"{_KIND_VI[kind]} {document[len(kind) + 1 :]}"
    return document


def _article_text(article: str, lang: str) -> str:
    """The article part of a citation in ``lang``; see :meth:`Citation.text`."""
    article = article.strip()
    low = article.lower()
    if lang == "en":
        if article.startswith(_KEEP[0]) or low.startswith(("appendix", "section", "art")):
            return article
        if low.startswith(_KEEP[1:]):
            return article
        return f"Art {article}"
    if article.startswith(_KEEP[0]) or low.startswith(_KEEP[1:]):
        return article
    for en, vi in _EN_WORDS:
        if low.startswith(en):
            return f"{vi}{article[len(en) :]}"
    bare = _ARTICLE_WORD.sub("", article)
    m = _ARTICLE_NUMBER.match(bare)
    if m is None:
        return f"Điều {bare}"
    parts = re.findall(r"\(([0-9a-zđ]+)\)", m["parts"], flags=re.IGNORECASE)
    where = f"Điều {m['art']}"
    if parts:
        where = f"khoản {parts[0]} {where}"
    if len(parts) > 1:
        where = f"điểm {parts[1]} {where}"
    return where


def citation_vi(text: str) -> str:
    """A citation written in English (``str(citation)`` or as in the data files) rendered the
    Vietnamese way: the kind of document translated, ``Art 15(2)(d)`` -> ``điểm d khoản 2
    Điều 15``. Text it does not recognise is returned unchanged.

    >>> citation_vi("Law 42/2013/QH13, Art 15(2)(d)")
    'Luật 42/2013/QH13, điểm d khoản 2 Điều 15'
    >>> citation_vi("Law 72/2025/QH15 art. 51(3)"), citation_vi("Decree 118/2025/NĐ-CP")
    ('Luật 72/2025/QH15, khoản 3 Điều 51', 'Nghị định 118/2025/NĐ-CP')
    >>> citation_vi("Dispatch 3010/UBND-SNV, ¶6")
    'Công văn 3010/UBND-SNV, ¶6'
    """
    text = text.strip()
    m = _CITATION_TEXT.match(text)
    if m is None or not any(ch.isdigit() for ch in m["document"]):
        return _document_vi(text)
    return f"{_document_vi(m['document'])}, {_article_text(m['article'], 'vi')}"


_PIECE_VI = re.compile(
    r"^(?:điểm (?P<point>[a-zđ]) ?)?(?:khoản (?P<clause>[0-9]+) ?)?"
    r"(?:Điều (?P<arts>[0-9]+[a-z]?(?:, [0-9]+[a-z]?)*))?$"
)
_NOTES_EN = {
    "(văn bản chưa đọc được)": "(text not read yet)",
    "(điều khoản chưa xác minh)": "(article not verified)",
}


def reference_en(reference: str) -> str:
    """An article reference written the Vietnamese way (as the law's duties write them), the
    English way (as :class:`Citation` writes it): the counterpart of :func:`citation_vi` for
    the ``reference`` of an assignment's basis. Text it does not recognise is returned
    unchanged.

    >>> reference_en("điểm d khoản 2 Điều 15"), reference_en("Điều 17, 20")
    ('Art 15(2)(d)', 'Arts 17, 20')
    >>> reference_en("khoản 1 và điểm h khoản 2 Điều 9"), reference_en("¶6")
    ('Art 9(1) and Art 9(2)(h)', '¶6')
    """
    text = reference.strip()
    if text in _NOTES_EN:
        return _NOTES_EN[text]
    out: list[str] = []
    for part in text.split("; "):
        matches = [_PIECE_VI.match(piece) for piece in part.split(" và ")]
        if not all(matches) or not matches or matches[-1] is None or not matches[-1]["arts"]:
            return reference
        arts = matches[-1]["arts"]
        pieces = []
        for m in matches:
            assert m is not None
            own = m["arts"] or arts
            subs = "".join(f"({p})" for p in (m["clause"], m["point"]) if p)
            pieces.append(f"Arts {own}" if "," in own and not subs else f"Art {own}{subs}")
        out.append(" and ".join(pieces))
    return "; ".join(out)


@attrs.frozen
class Citation:
    """The legal basis of a rule: a document number and, where known, its article.

    >>> print(Citation("Law 02/2011/QH13", "28"))
    Law 02/2011/QH13, Art 28
    >>> print(Citation("Decree 118/2025/NĐ-CP"))
    Decree 118/2025/NĐ-CP
    """

    document: str = attrs.field(validator=_nonempty_str("citation.document"))
    article: str | None = attrs.field(
        default=None, validator=_optional(_nonempty_str("citation.article"))
    )
    title: str | None = attrs.field(
        default=None, validator=_optional(_instance("citation.title", str))
    )
    url: str | None = attrs.field(default=None, validator=_optional(_instance("citation.url", str)))

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: str = "en") -> str:
        """The citation as written in ``lang`` (``"en"`` or ``"vi"``).

        A bare article number (``"28"``, ``"15(2)(d)"``) gets the article word: ``Art 28`` in
        English, ``Điều 28`` / ``điểm d khoản 2 Điều 15`` in Vietnamese. An article field that
        already says what it is (``"¶6"``, ``"Appendix II"``, ``"Section 3"``, ``"Art 5"``,
        ``"Điều 5"``, ``"khoản 2 Điều 5"``) is printed as it is (in Vietnamese, the English
        words are translated: Appendix -> Phụ lục, Section -> Mục, Art -> Điều). In Vietnamese
        the kind of document is translated too (Law -> Luật, Decree -> Nghị định ...).

        >>> c = Citation("Law 02/2011/QH13", "28")
        >>> c.text(), c.text("vi")
        ('Law 02/2011/QH13, Art 28', 'Luật 02/2011/QH13, Điều 28')
        >>> Citation("Law 42/2013/QH13", "15(2)(d)").text("vi")
        'Luật 42/2013/QH13, điểm d khoản 2 Điều 15'
        >>> print(Citation("Dispatch 3010/UBND-SNV", "¶6"))
        Dispatch 3010/UBND-SNV, ¶6
        >>> Citation("Decision 1234/QĐ-UBND", "Appendix II").text("vi")
        'Quyết định 1234/QĐ-UBND, Phụ lục II'
        """
        _check_lang(lang)
        document = self.document if lang == "en" else _document_vi(self.document)
        if self.article is None:
            return document
        return f"{document}, {_article_text(self.article, lang)}"

    def to_dict(self) -> dict[str, object]:
        """The dict form (keys with ``None`` values left out)."""
        out: dict[str, object] = {"document": self.document}
        for key in ("article", "title", "url"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out

    @classmethod
    def from_dict(cls, data: object, *, path: str) -> Citation:
        """Read the dict form; unknown keys and wrong types raise InvalidData naming the path."""
        m = _mapping(data, path)
        _no_unknown(m, {"document", "article", "title", "url"}, path)
        if "document" not in m:
            raise InvalidData("missing key", path=f"{path}.document")
        values = {k: _str(m[k], f"{path}.{k}") for k in m}
        return cls(**values)
