"""Answers as text for people, in Vietnamese and English: ``explain(lang)`` of every answer.

Only text lives here: the answer types (:mod:`papi.governance.answers`) call these functions,
and this module needs them for annotations only, so the two do not import each other at run
time. Citations are held in English form and written the Vietnamese way for ``"vi"``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Final

from papi.duties import Role
from papi.rules import citation_vi

if TYPE_CHECKING:
    from papi.governance.answers import (
        Accountability,
        Agenda,
        Case,
        Duties,
        DutyItem,
        Escalation,
        Gaps,
        OrgInfo,
        Overdue,
        PostInfo,
        Responsible,
    )

__all__ = [
    "PRINCIPLE_HEAD",
    "cap",
    "explain_accountability",
    "explain_agenda",
    "explain_case",
    "explain_duties",
    "explain_escalation",
    "explain_gaps",
    "explain_overdue",
    "task_sort_key",
]

#: :attr:`BasisInfo.principle <papi.governance.BasisInfo.principle>` of an entry that follows
#: from the head-of-organization (người đứng đầu) principle.
PRINCIPLE_HEAD: Final = "nguoi_dung_dau"


def task_sort_key(task_id: str) -> tuple[object, ...]:
    """Sort key putting ``T2`` before ``T10``.

    >>> sorted(["T10", "T2", "A"], key=task_sort_key)
    ['A', 'T2', 'T10']
    """
    return tuple(int(p) if p.isdecimal() else p for p in re.split(r"(\d+)", task_id))


def _cite(citation: str, lang: str) -> str:
    """A citation the library holds in English form (``"Law 72/2025/QH15 art. 51(3)"``),
    written in ``lang``: the Vietnamese way for ``"vi"``, unchanged otherwise.

    >>> _cite("Law 72/2025/QH15 art. 51(3)", "vi"), _cite("Law 72/2025/QH15 art. 51(3)", "en")
    ('Luật 72/2025/QH15, khoản 3 Điều 51', 'Law 72/2025/QH15 art. 51(3)')
    """
    return citation_vi(citation) if lang == "vi" else citation


def cap(text: str) -> str:
    """``text`` with its first letter upper-cased (a citation opening a sentence)."""
    return text[:1].upper() + text[1:]


def _org_en(org: OrgInfo) -> str:
    """An English name for an organization: its own, or a gloss of a People's Committee."""
    if org.name_en:
        return org.name_en
    if org.kind == "peoples_committee" and org.unit:
        return f"the People's Committee of {org.unit}"
    return org.name


def _org_text(org: OrgInfo, lang: str) -> str:
    """``Ủy ban nhân dân phường Hoàn Kiếm`` (vi) or ``The People's Committee of Phường Hoàn
    Kiếm (Ủy ban nhân dân phường Hoàn Kiếm)`` (en: a gloss, then the official name)."""
    if lang == "vi":
        return org.name
    en = _org_en(org)
    return org.name if en == org.name else f"{en[:1].upper()}{en[1:]} ({org.name})"


def _post_text(org: OrgInfo, post: PostInfo, lang: str) -> str:
    """``Chủ tịch Ủy ban nhân dân phường Hoàn Kiếm`` (the official name of the post) in
    Vietnamese; in English a gloss followed by that official name."""
    official = f"{post.name} {org.name}"
    if lang == "vi":
        return official
    en = _org_en(org)
    return f"{post.name_en or post.name} of {en} ({official})"


def _role_heading(role: Role, lang: str) -> str:
    if lang == "vi":
        return role.label("vi").capitalize()
    return f"{role.value.capitalize()} ({role.label('vi')})"


def _tasks(refs: Sequence[str], lang: str) -> str:
    """``T4, T6`` in running text: ``nhiệm vụ T4, T6`` in Vietnamese, where a bare "T6"
    reads as *Thứ Sáu* (Friday).

    >>> _tasks(["T4", "T6"], "vi"), _tasks(["T4", "T6"], "en")
    ('nhiệm vụ T4, T6', 'T4, T6')
    """
    return ("nhiệm vụ " if lang == "vi" else "") + ", ".join(refs)


_LEADING_TASK = re.compile(r"^([^\s:(]+)(?=[:( ])")


def _lead_task(text: str, tasks: set[str], lang: str) -> str:
    """A notice opening with one of ``tasks`` (``T1: ...``), the task named as such."""
    match = _LEADING_TASK.match(text)
    if lang != "vi" or match is None or match[1] not in tasks:
        return text
    return _tasks([match[1]], lang) + text[match.end() :]


def _refs(tasks: Mapping[str, str], lang: str) -> str:
    """``¶4 (T4, T6), ¶5 (T8)``: the tasks grouped by their reference, in task order
    (``¶4 (nhiệm vụ T4, T6)`` in Vietnamese)."""
    by_ref: dict[str, list[str]] = {}
    for task in sorted(tasks, key=task_sort_key):
        by_ref.setdefault(tasks[task], []).append(task)
    return ", ".join(f"{ref} ({_tasks(ts, lang)})" for ref, ts in by_ref.items())


def _explain_entries(entries: Sequence[Responsible], lang: str) -> list[str]:
    """The lines of one (role, organization, post) group: one line per basis document (and
    principle) with every task and its reference, then one line per set of predecessors the
    tasks were (also) inherited from."""
    vi = lang == "vi"
    bases: dict[tuple[str, str | None], dict[str, str]] = {}
    direct: set[str] = set()
    inherited: dict[tuple[str, ...], dict[str, None]] = {}
    acts: dict[tuple[str, ...], dict[str, None]] = {}
    for r in entries:
        cite = r.basis.citation_vi if vi else r.basis.citation_en
        bases.setdefault((cite, r.basis.principle), {})[r.task] = r.basis.reference
        if not r.via:
            direct.add(r.task)
            continue
        olds = tuple(dict.fromkeys(o for h in r.via for o in h.abolished))
        inherited.setdefault(olds, {})[r.task] = None
        acts.setdefault(olds, {}).update(dict.fromkeys(_cite(h.citation, lang) for h in r.via))
    lines = []
    # explicit assignments first, then what the người đứng đầu principle adds
    for (cite, principle), tasks in sorted(bases.items(), key=lambda kv: kv[0][1] is not None):
        text = f"{cap(cite)}: {_refs(tasks, lang)}"
        if principle == PRINCIPLE_HEAD:
            text += (
                " — theo nguyên tắc người đứng đầu chịu trách nhiệm về nhiệm vụ được giao cho "
                "cơ quan mình"
                if vi
                else " — as head of the organization assigned these tasks (the người đứng đầu "
                "principle)"
            )
        lines.append(text)
    # predecessors with the same tasks and acts on one line
    merged: dict[tuple[tuple[str, ...], tuple[str, ...]], list[str]] = {}
    for olds, inherited_tasks in inherited.items():
        ordered = tuple(sorted(inherited_tasks, key=task_sort_key))
        merged.setdefault((ordered, tuple(acts[olds])), []).extend(olds)
    for (tasks_t, cits), olds_l in merged.items():
        also = all(t in direct for t in tasks_t)
        names = ", ".join(dict.fromkeys(olds_l))
        ts = cap(_tasks(tasks_t, lang))
        if vi:
            verb = "đồng thời kế thừa từ" if also else "kế thừa từ"
        else:
            verb = "also inherited from" if also else "inherited from"
        lines.append(f"{ts}: {verb} {names} ({'; '.join(cits)})")
    return [f"      · {line}" for line in lines]


def explain_accountability(a: Accountability, lang: str) -> str:
    """The reasoning of a :class:`Accountability` as text."""
    vi = lang == "vi"
    subj = a.subject.name_vi if vi or not a.subject.name_en else a.subject.name_en
    lines: list[str] = []
    if vi and a.subject.kind == "topic":  # its code is English ("complaint")
        lines.append(f"{cap(subj)} tại {a.where.name}, ngày {a.on:%d/%m/%Y}:")
    elif vi:
        lines.append(f"{a.subject.code} ({subj}) tại {a.where.name}, ngày {a.on:%d/%m/%Y}:")
    else:
        lines.append(f"{a.subject.code} ({subj}) in {a.where.name}, on {a.on.isoformat()}:")
    if not a.responsible:
        lines.append(
            "- Không xác định được tổ chức nào từ dữ liệu (xem Lưu ý)."
            if vi
            else "- No organization can be named from the data (see Warnings)."
        )
    for role in Role:
        entries = a.by_role(role)
        if not entries:
            continue
        lines.append(f"- {_role_heading(role, lang)}:")
        # a task of the law's duties: its own group under the law's roles (thụ lý, giải
        # quyết lần đầu), so one post's first and second instances read apart
        plan = role.label(lang)
        grouped: dict[tuple[str, str, str | None], list[Responsible]] = {}
        for r in entries:
            key = (a.role_text(r, lang), r.organization.id, r.post.id if r.post else None)
            grouped.setdefault(key, []).append(r)
        # the organizations nearest the place first (the escalation ladder's order)
        rank = {step.organization.id: i for i, step in enumerate(a.escalation)}
        ordered = sorted(grouped.items(), key=lambda kv: rank.get(kv[0][1], 99))
        for (label, _, _), rs in ordered:
            first = rs[0]
            if first.post is None:
                head = _org_text(first.organization, lang)
            else:
                head = _post_text(first.organization, first.post, lang)
                if first.holder is not None:
                    head = f"{head}: {first.holder.text(lang)}"
            if label != plan:
                head += f" — {label}"
            lines.append(f"    {head}")
            lines.extend(_explain_entries(rs, lang))
    if a.law_roles:
        lines.append("- Vai trò theo luật:" if vi else "- Roles in the law's words:")
        by_task: dict[str, list[str]] = {}
        for lr in a.law_roles:
            by_task.setdefault(lr.task, []).append(lr.label(lang))
        lines.extend(f"    {t}: {', '.join(names)}" for t, names in by_task.items())
    if a.hops:
        lines.append("- Thay đổi địa giới, tổ chức:" if vi else "- Successions taken:")
        lines.extend(f"    {h.text(lang)}" for h in a.hops)
    if a.escalation:
        lines.append("- Cấp trên (trình tự kiến nghị):" if vi else "- Escalation:")
        for i, step in enumerate(a.escalation, 1):
            post = ""
            if step.post is not None:
                pname = step.post.name if vi or not step.post.name_en else step.post.name_en
                post = f" — {pname}: {step.holder.text(lang) if step.holder else ''}"
            lines.append(f"    {i}. {_org_text(step.organization, lang)}{post}")
    if a.deadlines:
        lines.append("- Thời hạn tới:" if vi else "- Next deadlines:")
        for d in a.deadlines:
            desc = d.description_vi if vi else d.description_en
            when = (f"{d.due:%d/%m/%Y}" if vi else d.due.isoformat()) if d.due else ""
            cite = ""
            if d.citation:
                cite = f" [{_cite(d.citation, lang)}]"
            task = _tasks([d.task], lang)
            lines.append(f"    {task}: {when + ' — ' if when else ''}{desc}{cite}")
            holder = d.holder(lang)
            if holder:
                lines.append(f"      · {'Người thực hiện' if vi else 'Who must meet it'}: {holder}")
    if a.warnings:
        lines.append("- Lưu ý:" if vi else "- Warnings:")
        tasks = {*a.subject.tasks, *(r.task for r in a.responsible), *(d.task for d in a.deadlines)}
        lines.extend(f"    ! {_lead_task(w.text(lang), tasks, lang)}" for w in a.warnings)
    return "\n".join(lines)


def explain_duties(a: Duties, lang: str) -> str:
    """The duties as text."""
    vi = lang == "vi"
    head = (
        f"Nhiệm vụ của {a.of} ngày {a.on:%d/%m/%Y}:"
        if vi
        else f"Duties of {a.of} on {a.on.isoformat()}:"
    )
    lines = [head]
    by_task: dict[str, list[DutyItem]] = {}
    for d in a.items:
        by_task.setdefault(d.task, []).append(d)
    for task, items in by_task.items():
        first = items[0]
        title = first.title_vi if vi or not first.title_en else first.title_en
        lines.append(f"- {_tasks([task], lang)}: {title}")
        holders: dict[tuple[Role, str, str | None], list[DutyItem]] = {}
        for d in items:
            key = (d.role, d.organization.id, d.post.id if d.post else None)
            holders.setdefault(key, []).append(d)
        for (role, _, _), ds in holders.items():
            d = ds[0]
            who = (
                _post_text(d.organization, d.post, lang)
                if d.post is not None
                else _org_text(d.organization, lang)
            )
            bases = dict.fromkeys(
                f"{cap(x.basis.citation_vi if vi else x.basis.citation_en)}, {x.basis.reference}"
                for x in ds
            )
            text = f"    {_role_heading(role, lang)}: {who} — {'; '.join(bases)}"
            olds = dict.fromkeys(o for x in ds for h in x.via for o in h.abolished)
            if olds:
                cits = dict.fromkeys(_cite(h.citation, lang) for x in ds for h in x.via)
                also = any(not x.via for x in ds)
                if vi:
                    verb = "đồng thời kế thừa từ" if also else "kế thừa từ"
                else:
                    verb = "also inherited from" if also else "inherited from"
                text += f"; {verb} {', '.join(olds)} ({'; '.join(cits)})"
            lines.append(text)
    tasks = {d.task for d in a.items}
    lines.extend(f"! {_lead_task(w.text(lang), tasks, lang)}" for w in a.warnings)
    return "\n".join(lines)


def explain_agenda(a: Agenda, lang: str) -> str:
    """The agenda as text."""
    vi = lang == "vi"
    lines = [
        f"Lịch thời hạn {a.start:%d/%m/%Y}–{a.end:%d/%m/%Y}:"
        if vi
        else f"Deadlines {a.start.isoformat()}–{a.end.isoformat()}:"
    ]
    for i in a.items:
        desc = i.description_vi if vi else i.description_en
        cite = ""
        if i.citation:
            cite = f" [{_cite(i.citation, lang)}]"
        when = f"{i.due:%d/%m/%Y}" if vi else i.due.isoformat()
        n = i.holder_count
        who = (f" — {n} cơ quan" if vi else f" — {n} holder{'s' if n != 1 else ''}") if n else ""
        lines.append(f"- {when} {_tasks([i.task], lang)}: {desc}{cite}{who}")
    if a.warnings:
        lines.append("Lưu ý:" if vi else "Warnings:")
        tasks = {i.task for i in a.items}
        lines.extend(f"! {_lead_task(w.text(lang), tasks, lang)}" for w in a.warnings)
    return "\n".join(lines)


def explain_overdue(a: Overdue, lang: str) -> str:
    """The list as text."""
    vi = lang == "vi"
    lines = [f"Quá hạn ngày {a.on:%d/%m/%Y}:" if vi else f"Overdue on {a.on}:"]
    lines.extend(
        f"- {_tasks([i.task], lang)} {i.organization.name} ({i.due:%d/%m/%Y})"
        if vi
        else f"- {i.task} {i.organization.name} ({i.due.isoformat()})"
        for i in a.items
    )
    return "\n".join(lines)


def explain_escalation(a: Escalation, lang: str) -> str:
    """The ladder as text (after a note on the unit answering, if it is a successor)."""
    lines = [w.text(lang) for w in a.warnings]
    lines.append(a.where.name)
    for i, s in enumerate(a.steps, 1):
        post = ""
        if s.post is not None:
            pname = s.post.name if lang == "vi" or not s.post.name_en else s.post.name_en
            post = f" — {pname}: {s.holder.text(lang) if s.holder else ''}"
        lines.append(f"{i}. {_org_text(s.organization, lang)}{post}")
    return "\n".join(lines)


def explain_gaps(a: Gaps, lang: str) -> str:
    """The gaps as text."""
    vi = lang == "vi"
    lines = [f"Khoảng trống ngày {a.on:%d/%m/%Y}:" if vi else f"Gaps on {a.on}:"]
    lines.extend(
        f"- [{g.kind}] {g.subject}: {g.message_vi if vi else g.message_en}" for g in a.items
    )
    return "\n".join(lines)


_KINDS = {
    "complaint": ("Khiếu nại", "Complaint"),
    "denunciation": ("Tố cáo", "Denunciation"),
    "information": ("Yêu cầu cung cấp thông tin", "Information request"),
}
_CHANNELS = {
    "office": ("nộp trực tiếp", "in person"),
    "online": ("gửi trực tuyến", "online"),
    "post": ("gửi qua bưu chính", "by post"),
}
_UNITS = {
    "working_days": ("ngày làm việc", "working days"),
    "calendar_days": ("ngày", "days"),
    "weeks": ("tuần", "weeks"),
    "months": ("tháng", "months"),
    "years": ("năm", "years"),
}


def explain_case(c: Case, lang: str) -> str:
    """A :class:`~papi.governance.Case` step by step, in Vietnamese or English."""
    vi = lang == "vi"

    def day(d: date) -> str:
        return f"{d:%d/%m/%Y}" if vi else d.isoformat()

    kind_vi, kind_en = _KINDS.get(c.kind, (c.kind, c.kind))
    flags = []
    if c.complex:
        flags.append("vụ việc phức tạp" if vi else "complex case")
    if c.remote:
        flags.append("vùng sâu, vùng xa" if vi else "remote area")
    if c.channel:
        flags.append(_CHANNELS.get(c.channel, (c.channel, c.channel))[0 if vi else 1])
    extra = f" ({', '.join(flags)})" if flags else ""
    if vi:
        lines = [f"{kind_vi} nhận tại {c.where.name} ngày {day(c.received)}{extra}:"]
    else:
        lines = [f"{kind_en} received in {c.where.name} on {day(c.received)}{extra}:"]
    if c.against is not None:
        body = _org_text(c.against, lang)
        lines[0] = lines[0][:-1] + (f", đối với {body}:" if vi else f", against {body}:")
    for i, s in enumerate(c.steps, 1):
        name = s.name_vi if vi else s.name_en
        if s.due is not None:
            lines.append(f"{i}. {cap(name)}: {'hạn' if vi else 'by'} {day(s.due)}")
        else:
            lines.append(
                f"{i}. {cap(name)}: "
                + ("chưa xác định được hạn (xem Lưu ý)" if vi else "no date (see Warnings)")
            )
        who = []
        if s.post is not None:
            who.append(s.post.name if vi or not s.post.name_en else s.post.name_en)
        if s.organization is not None:
            who.append(_org_text(s.organization, lang))
        if who:
            holder = ""
            if s.holder is not None:
                text = s.holder.text(lang)
                holder = f" {text}" if text.startswith("(") else f": {text}"
            role = s.role_vi if vi else s.role_en
            role_text = f" — {role}" if role else ""
            lines.append(f"   {'Ai' if vi else 'Who'}: {', '.join(who)}{holder}{role_text}")
            if s.basis is not None:
                cite = s.basis.citation_vi if vi else s.basis.citation_en
                mark = "" if s.verified else (" (chưa xác minh)" if vi else " (unverified)")
                lines.append(
                    f"   {'Thẩm quyền' if vi else 'Competence'}: {cite}, {s.basis.reference}{mark}"
                )
        elif s.key.startswith("file"):
            lines.append("   " + ("Ai: người khiếu nại" if vi else "Who: the complainant"))
        if s.n is not None and s.unit is not None:
            u_vi, u_en = _UNITS.get(s.unit, (s.unit, s.unit))
            start = s.start_vi if vi else s.start_en
            text = (
                f"   {'Thời hạn' if vi else 'Period'}: {s.n} {u_vi if vi else u_en} "
                f"{'kể từ' if vi else 'from'} {start} {day(s.start)}"
            )
            if s.citation:
                text += f" [{_cite(s.citation, lang)}"
                if s.also:
                    text += "; " + "; ".join(_cite(x, lang) for x in s.also)
                text += "]"
            lines.append(text)
        if s.skipped:
            names = ", ".join(f"{day(k.day)} {k.name_vi if vi else k.name_en}" for k in s.skipped)
            if s.nominal_end is not None:
                lines.append(
                    f"   {'Ngày cuối' if vi else 'Last day'} {day(s.nominal_end)} "
                    + (
                        "không phải ngày làm việc, hạn chuyển sang ngày làm việc tiếp theo "
                        "(Điều 148 Bộ luật Dân sự): "
                        if vi
                        else "is not a working day, so the period ends on the next working day "
                        "(Civil Code art. 148): "
                    )
                    + names
                )
            else:
                lines.append(f"   {'Không tính' if vi else 'Not counted'}: {names}")
        if s.elapsed:
            lines.append("   " + ("(đã qua hạn)" if vi else "(due date passed)"))
    if c.hops:
        lines.append("Thay đổi địa giới, tổ chức:" if vi else "Successions taken:")
        lines.extend(f"    {h.text(lang)}" for h in c.hops)
    if c.warnings:
        lines.append("Lưu ý:" if vi else "Warnings:")
        lines.extend(f"    ! {w.text(lang)}" for w in c.warnings)
    return "\n".join(lines)
