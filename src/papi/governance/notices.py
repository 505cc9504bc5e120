"""Every notice and gap papi writes, one function per code, in Vietnamese and English.

A :class:`~papi.governance.Notice` travels inside an answer (``warnings``) and a
:class:`~papi.governance.Gap` inside :meth:`Governance.gaps
<papi.governance.Governance.gaps>`; their codes are listed in ``docs/accountability.md``.
Nothing here looks anything up: the callers pass what the text names.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from papi.governance.answers import Gap, GapKind, Hop, Notice
from papi.governance.explain import cap
from papi.rules import reference_en

if TYPE_CHECKING:
    from papi.dates import Validity
    from papi.duties import Assignment, Document, Selector, Unlisted
    from papi.governance.answers import BasisInfo
    from papi.rules import Statute

__all__ = [
    "abolished_or_unmatched",
    "case_holder_ends",
    "case_holder_unknown",
    "competence_unsourced",
    "content_not_in_data",
    "content_not_in_data_gap",
    "coverage",
    "date_unknown",
    "deadline_unknown",
    "deadline_unknown_unscheduled",
    "document_unverified",
    "holder_unknown",
    "law_duties_missing",
    "lead_unknown",
    "no_accountable_person",
    "no_head_post",
    "no_lead",
    "period_not_in_force",
    "plan_period_over",
    "second_instance_none",
    "statute_unverified",
    "superseded",
    "unlisted_gap",
    "unlisted_holders",
    "unverified",
    "where_succeeded",
]


def _content_texts(task: str, reference: str, doc: Document) -> tuple[str, str]:
    return (
        f"{task}: nội dung nhiệm vụ nằm ở {reference} {doc.cite('vi')}, không có trong dữ liệu",
        f"{task}: what the task covers is in {reference} of {doc.cite('en')}, which is not in "
        "the dataset",
    )


def content_not_in_data(task: str, reference: str, doc: Document) -> Notice:
    """``content_not_in_data``: what a task covers is defined in a text the dataset lacks."""
    vi, en = _content_texts(task, reference, doc)
    return Notice(code="content_not_in_data", message_vi=vi, message_en=en)


def content_not_in_data_gap(
    task: str, reference: str, doc: Document, basis: str, basis_vi: str
) -> Gap:
    """The gap of the same name (see :func:`content_not_in_data`)."""
    vi, en = _content_texts(task, reference, doc)
    return Gap(
        kind="content_not_in_data",
        subject=task,
        message_vi=vi,
        message_en=en,
        basis=basis,
        basis_vi=basis_vi,
    )


def lead_unknown(code: str) -> Notice:
    """``lead_unknown``: no assignment names a lead agency for an indicator."""
    return Notice(
        code="lead_unknown",
        message_vi=f"Chưa xác định được cơ quan chủ trì cho {code} theo dữ liệu hiện có",
        message_en=f"No lead agency for {code} is known from the data",
    )


def holder_unknown() -> Notice:
    """``holder_unknown``: a post in the answer has no known holder."""
    return Notice(
        code="holder_unknown",
        message_vi="Dữ liệu không có tên người giữ một số chức vụ nêu trên",
        message_en="The data does not name the holders of some posts above",
    )


def unlisted_holders(a: Assignment, u: Unlisted, basis: BasisInfo, doc: Document | None) -> Notice:
    """``unlisted_holders``: a role given to holders listed in a text the dataset lacks."""
    cite_vi = doc.cite("vi") if doc else u.document
    cite_en = doc.cite("en") if doc else u.document
    return Notice(
        code="unlisted_holders",
        message_vi=f"{a.task}: theo {basis.citation_vi}, {basis.reference}, vai trò "
        f"«{a.role.label('vi')}» được giao cho {u.describe('vi')} ({cite_vi}, "
        f"{u.reference}); văn bản này không có trong dữ liệu nên không xác định được "
        "cơ quan cụ thể",
        message_en=f"{a.task}: under {basis.citation_en}, {basis.reference_en}, the "
        f"{a.role.value} role is assigned to {u.describe('en')} ({cite_en}, "
        f"{u.reference}); that text is not in the dataset, so the agency cannot be "
        "named",
    )


def competence_unsourced(
    a: Assignment, u: Unlisted, basis: BasisInfo, doc: Document | None
) -> Notice:
    """``competence_unsourced``: the law's data found no act giving this competence on the
    day (an assignment whose notes start ``UNSOURCED``): nobody is named, and the message
    says what was searched (the assignment's notes)."""
    cite_vi = doc.cite("vi") if doc else u.document
    cite_en = doc.cite("en") if doc else u.document
    searched = (a.notes or "").removeprefix("UNSOURCED").lstrip(".: ")
    if a.notes_vi is not None:
        searched_vi = "Đã tra cứu: " + a.notes_vi.removeprefix("CHƯA CÓ NGUỒN").lstrip(".: ")
    else:  # the data's notes in English only: said to be English
        searched_vi = f"Đã tra cứu (tiếng Anh): {searched}"
    return Notice(
        code="competence_unsourced",
        message_vi=f"{a.task}: {u.describe('vi')} — chưa tìm thấy văn bản quy định thẩm quyền "
        f"này (căn cứ trước đó: {cite_vi}, {u.reference}); không suy đoán người có thẩm quyền. "
        f"{searched_vi}",
        message_en=f"{a.task}: {u.describe('en')} — no act giving this competence was found "
        f"(earlier basis: {cite_en}, {reference_en(u.reference)}); nobody is guessed. "
        f"Searched: {searched}",
    )


def second_instance_none(note_vi: str, note_en: str) -> Notice:
    """``second_instance_none``: the data names no second instance above the first-instance
    resolver of a case (the instance's own note says why)."""
    return Notice(
        code="second_instance_none",
        message_vi=f"Không xác định được người giải quyết khiếu nại lần hai: {note_vi}",
        message_en=f"No second-instance resolver can be named: {note_en}",
    )


def case_holder_ends(step_vi: str, step_en: str, org: str, end: date) -> Notice:
    """``case_holder_ends``: the organization holding a step of a case ceases to exist before
    the step's due date (the district tier on 2025-07-01): who finishes it is not inferred."""
    last = end - timedelta(days=1)
    return Notice(
        code="case_holder_ends",
        message_vi=f"{cap(step_vi)}: {org} chấm dứt hoạt động sau ngày {last:%d/%m/%Y}, trước "
        "hạn của bước này; dữ liệu không suy đoán cơ quan tiếp tục giải quyết",
        message_en=f"{cap(step_en)}: {org} ceased to exist after {last.isoformat()}, before "
        "this step's due date; who continues it is not inferred",
    )


def case_holder_unknown(step_vi: str, step_en: str, where: str, on: date) -> Notice:
    """``case_holder_unknown``: no holder of a step of a case is in the data for the place
    and day (nothing is guessed)."""
    return Notice(
        code="case_holder_unknown",
        message_vi=f"{cap(step_vi)}: dữ liệu không xác định được ai có thẩm quyền tại {where} "
        f"ngày {on:%d/%m/%Y}",
        message_en=f"{cap(step_en)}: the data names nobody competent in {where} on "
        f"{on.isoformat()}",
    )


def law_duties_missing(task: str) -> Notice:
    """``law_duties_missing``: the model lacks the law's duties (``papi.law.add_law_duties``),
    so a case names no holder."""
    return Notice(
        code="law_duties_missing",
        message_vi=f"{task}: mô hình chưa có nghĩa vụ theo luật (papi.law.add_law_duties) nên "
        "không xác định được người có thẩm quyền",
        message_en=f"{task}: the model does not hold the law's duties "
        "(papi.law.add_law_duties), so nobody competent can be named",
    )


def period_not_in_force(key: str, on: date) -> Notice:
    """``period_not_in_force``: no version of the statutory period ``key`` is in force on the
    day (its law ended, or its successor's periods are not sourced): no date is given."""
    return Notice(
        code="period_not_in_force",
        message_vi=f"{key}: không có thời hạn luật định đang có hiệu lực ngày {on:%d/%m/%Y} "
        "trong dữ liệu (văn bản mới chưa được đọc); không tính hạn",
        message_en=f"{key}: no statutory period is in force on {on.isoformat()} in the data "
        "(the new text was not read); no date is given",
    )


def coverage(cov: Validity, on: date) -> Notice:
    """``coverage``: the day lies outside the dates the territory data vouches for."""
    return Notice(
        code="coverage",
        message_vi=f"Dữ liệu địa giới, tổ chức chỉ bảo đảm cho giai đoạn {cov}; ngày "
        f"{on:%d/%m/%Y} nằm ngoài, câu trả lời dựa trên cơ cấu gần nhất có trong dữ liệu",
        message_en=f"The territory and organization data is vouched for {cov} only; "
        f"{on.isoformat()} lies outside, so the answer uses the nearest structure in the "
        "data",
    )


def unverified(province: str, days: Validity, reason: str, on: date) -> Notice:
    """``coverage``: the day lies in a stretch the territory data marks as unverified for the
    place's province (:meth:`~papi.territory.Territory.unverified`; ``reason`` is the data's
    own, in English)."""
    first, end = days.valid_from, days.valid_to
    assert first is not None, "a stretch is bounded"
    assert end is not None, "a stretch is bounded"
    last = end - timedelta(days=1)
    return Notice(
        code="coverage",
        message_vi=f"Dữ liệu địa giới, tổ chức của {province} chưa được kiểm chứng cho giai "
        f"đoạn {_dmy(first)} - {_dmy(last)} (các nguồn không thống nhất); ngày "
        f"{_dmy(on)} nằm trong giai đoạn này, câu trả lời dựa trên dữ liệu tốt nhất hiện có",
        message_en=f"The territory and organization data for {province} is not verified from "
        f"{first.isoformat()} to {last.isoformat()} ({reason}); {on.isoformat()} lies inside, "
        "so the answer is the best data in reach",
    )


def _dmy(d: date) -> str:
    """``d`` as Vietnamese texts write it (``01/04/2025``), without ``strftime`` (slow)."""
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def superseded(doc: Document) -> Notice:
    """``superseded``: another document in the data replaces this one."""
    return Notice(
        code="superseded",
        message_vi=f"{cap(doc.cite('vi'))} đã được thay thế bởi văn bản khác trong dữ liệu",
        message_en=f"{cap(doc.cite('en'))} is superseded by another document in the data",
    )


def plan_period_over(doc: Document, end: date) -> Notice:
    """``plan_period_over``: a plan's period ended (on ``end``) and nothing replaces it."""
    last = end - timedelta(days=1)
    return Notice(
        code="plan_period_over",
        message_vi=f"{cap(doc.cite('vi'))} được ban hành cho giai đoạn đến hết "
        f"{last:%d/%m/%Y}; không văn bản nào trong dữ liệu thay thế nó, nên các "
        "phân công của nó (và của các văn bản triển khai nó) được coi là vẫn còn "
        "áp dụng — cần kiểm tra các kế hoạch mới hơn",
        message_en=f"{cap(doc.cite('en'))} was issued for the period ending "
        f"{last.isoformat()}; no later document in the dataset supersedes it, so "
        "its assignments (and those of the documents implementing it) are shown "
        "as still standing; check for later plans",
    )


def date_unknown(doc: Document) -> Notice:
    """``date_unknown``: the document's date of issue is not known."""
    return Notice(
        code="date_unknown",
        message_vi=f"Ngày ban hành của {doc.kind.label('vi')} {doc.number} chưa rõ",
        message_en=f"The date of {doc.kind.label('en')} {doc.number} is not known",
    )


def document_unverified(doc: Document) -> Notice:
    """``document_unverified``: the data marks the document ``verified = false``."""
    why_en = f": {doc.notes}" if doc.notes else ""
    why_vi = f": {doc.notes_vi}" if doc.notes_vi else ""
    return Notice(
        code="document_unverified",
        message_vi=f"{cap(doc.cite('vi'))} chưa được đối chiếu với nguồn (dữ liệu "
        f"đánh dấu là chưa kiểm chứng); không coi là sự thật đã kiểm chứng{why_vi}",
        message_en=f"{cap(doc.cite('en'))} is marked as not verified against a "
        f"source (verified = false); do not treat it as fact{why_en}",
    )


def where_succeeded(asked: object, answering: str, hops: tuple[Hop, ...], on: date) -> Notice:
    """``where_succeeded``: which unit answers for a place gone on ``on``, and why."""
    why_vi = "; ".join(h.text("vi") for h in hops)
    why_en = "; ".join(h.text("en") for h in hops)
    return Notice(
        code="where_succeeded",
        message_vi=f"{asked} không còn tồn tại ngày {on:%d/%m/%Y}; trả lời cho "
        f"đơn vị kế thừa {answering} ({why_vi})",
        message_en=f"{asked} no longer exists on {on.isoformat()}; answered for its "
        f"successor {answering} ({why_en})",
    )


def statute_unverified(task: str, st: Statute, citation: str) -> Notice:
    """``statute_unverified``: the version of the statute in force is not verified."""
    return Notice(
        code="statute_unverified",
        message_vi=f"{task}: thời hạn «{st.title_vi}» ({st.citation.text('vi')}) "
        "chưa được đối chiếu với văn bản pháp luật",
        message_en=f"{task}: the time limit '{st.title_en}' ({citation}) is not verified "
        "against the text of the law",
    )


def deadline_unknown_unscheduled(
    task: str, title_vi: str, title_en: str, missing_vi: str, missing_en: str
) -> Notice:
    """``deadline_unknown``: the statute is in force but its figure is not sourced."""
    return Notice(
        code="deadline_unknown",
        message_vi=f"{task}: nhiệm vụ vẫn áp dụng ({title_vi}), nhưng chưa "
        f"xác định được thời hạn: chưa có nguồn về {missing_vi}",
        message_en=f"{task}: the duty applies ({title_en}), but no deadline "
        f"can be computed: {missing_en} is not yet sourced",
    )


def deadline_unknown(
    task: str, title_vi: str, title_en: str, on: date, until: date | None
) -> Notice:
    """``deadline_unknown``: no version of the statute is encoded for ``on``."""
    ended_vi = f"; quy định đã mã hóa hết hiệu lực từ {until:%d/%m/%Y}" if until else ""
    ended_en = f"; the encoded rule ended on {until.isoformat()}" if until else ""
    return Notice(
        code="deadline_unknown",
        message_vi=f"{task}: nhiệm vụ vẫn áp dụng, nhưng dữ liệu chưa có quy định về thời hạn, "
        f"tần suất «{title_vi}» áp dụng ngày {on:%d/%m/%Y}{ended_vi}; thời hạn này không "
        "được hiển thị",
        message_en=f"{task}: the duty applies, but no legal rule for '{title_en}' is encoded "
        f"for {on.isoformat()}{ended_en}, so no deadline is shown",
    )


# ----------------------------------------------------------------------------------- gaps


def unlisted_gap(a: Assignment, u: Unlisted, basis: str, basis_vi: str) -> Gap:
    """``selector_matches_nobody`` for holders listed in a text the dataset lacks."""
    return Gap(
        kind="selector_matches_nobody",
        subject=a.id,
        message_vi=f"{a.task} ({a.role.label('vi')}): {u.describe('vi')} — "
        "không xác định được cơ quan nào",
        message_en=f"{a.task} ({a.role.value}): {u.describe('en')} — matches no known organization",
        basis=basis,
        basis_vi=basis_vi,
    )


def abolished_or_unmatched(
    kind: GapKind, a: Assignment, selector: Selector, on: date, basis: str, basis_vi: str
) -> Gap:
    """``abolished_without_successor`` or ``selector_matches_nobody`` on ``on``."""
    return Gap(
        kind=kind,
        subject=a.id,
        message_vi=f"{a.task} ({a.role.label('vi')}): {selector.describe('vi')} "
        f"không khớp tổ chức nào ngày {on:%d/%m/%Y}",
        message_en=f"{a.task} ({a.role.value}): {selector.describe('en')} "
        f"matches nobody on {on.isoformat()}",
        basis=basis,
        basis_vi=basis_vi,
    )


def no_accountable_person(
    a: Assignment, unknown: int, total: int, basis: str, basis_vi: str
) -> Gap:
    """``no_accountable_person``: organizations whose head post has no known holder."""
    return Gap(
        kind="no_accountable_person",
        subject=a.id,
        message_vi=f"{a.task}: {unknown}/{total} tổ chức không có người đứng đầu được biết tên",
        message_en=f"{a.task}: {unknown} of {total} organizations have no "
        "known person in their head post",
        basis=basis,
        basis_vi=basis_vi,
    )


def no_lead(code: str, name_vi: str, name_en: str | None) -> Gap:
    """``no_lead``: no assignment names a lead agency for a dimension."""
    return Gap(
        kind="no_lead",
        subject=code,
        message_vi=f"Chưa có cơ quan chủ trì cho {code} ({name_vi})",
        message_en=f"No lead agency for {code} ({name_en})",
    )


def no_head_post(org_id: str, name: str) -> Gap:
    """``no_head_post``: an organization has no head post in the data."""
    return Gap(
        kind="no_head_post",
        subject=org_id,
        message_vi=f"{name} không có chức vụ người đứng đầu trong dữ liệu",
        message_en=f"{name} has no head post in the data",
    )
