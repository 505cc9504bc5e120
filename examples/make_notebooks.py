"""Write the example notebooks in this folder (run it after editing a notebook's cells here).

    python examples/make_notebooks.py

The notebooks are stored without outputs; CI runs them from a clean kernel
(tests/test_examples_notebooks.py), and the documentation build runs them again to render them
with their outputs (docs/hooks/notebooks.py and the mkdocs-jupyter plugin; docs/notebooks/).
Set ``PAPI_FIGURES=/some/dir`` while running them to also save every chart as a PNG there, e.g.
to look at the pictures.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent

SAVE_HELPER = '''\
import os
from pathlib import Path

FIGURES = os.environ.get("PAPI_FIGURES")


def save(fig, name):
    """Save a chart as PNG when PAPI_FIGURES names a folder (used to check the pictures)."""
    if FIGURES:
        Path(FIGURES).mkdir(parents=True, exist_ok=True)
        fig.savefig(Path(FIGURES) / f"{name}.png", dpi=110, bbox_inches="tight")'''


def md(text: str) -> nbformat.NotebookNode:
    return new_markdown_cell(text.strip("\n"))


def code(text: str, *, tags: tuple[str, ...] = ()) -> nbformat.NotebookNode:
    cell = new_code_cell(text.strip("\n"))
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


# the helper only serves tests and picture checks: the docs site hides its code (mkdocs.yml,
# mkdocs-jupyter's remove_input_tags)
HIDE_IN_DOCS = ("hide-in-docs",)


# ------------------------------------------------------------------------------------------
# (a) Hanoi's PAPI story, 2018-2024

HANOI_STORY = [
    md("""
# Hanoi's PAPI story, 2018-2024

**PAPI** (*Chỉ số Hiệu quả Quản trị và Hành chính công cấp tỉnh*, the Provincial Governance and
Public Administration Performance Index) is a yearly survey of about 15,000 citizens run by
CECODES, RTA and UNDP Viet Nam. Since 2018 it scores every province on **8 dimensions**
(*chỉ số nội dung*), each on a 1-10 scale; the total is their sum (8-80). Provinces are ranked by
total and placed in four published groups (*nhóm*): high (*Cao*), above average (*Trung bình
cao*), below average (*Trung bình thấp*) and low (*Thấp*).

This notebook tells Hanoi's story from the results packaged with papi
(`papi.scoring.hanoi_results()`): each year's scores, rank and group, with the sources and with
the figures the sources do not confirm marked as such. Everything runs offline.
"""),
    code(SAVE_HELPER, tags=HIDE_IN_DOCS),
    code("""
import matplotlib.pyplot as plt

from papi.framework import framework
from papi.scoring import hanoi_results

results = hanoi_results()
fw = framework(2024)
dims = [d.code for d in fw.dimensions]
years = [r.year for r in results]

print(f"{'year':<6}{'total':>9}{'rank':>8}  group                    checked")
for r in results:
    rank = f"{r.rank}/{r.out_of}" if r.rank else "-"
    group = f"{r.group.number} {r.group.en} ({r.group.vi})" if r.group else "-"
    checked = "yes" if r.rank_verified else "rank unverified"
    print(f"{r.year:<6}{r.total:>9.4f}{rank:>8}  {group:<24} {checked}")
"""),
    md("""
## The eight dimensions, year by year

One small chart per dimension (D1 ... D8, names in English and Vietnamese). All eight share
one y-axis, so a panel's slope and its height compare with every other panel's: Hanoi scores
around 7 on public administrative procedures (D5) and service delivery (D6), and around 3 on
environmental governance (D7) and e-governance (D8). The dashed line is Hanoi's mean over the
seven years, and the labels give the first and last year's scores.
"""),
    code("""
import textwrap

all_scores = [r.scorecard.score(c) for r in results for c in dims]
low, high = min(all_scores), max(all_scores)
fig, axes = plt.subplots(4, 2, figsize=(10, 12.5), sharex=True, sharey=True)
for ax, code in zip(axes.flat, dims, strict=True):
    scores = [r.scorecard.score(code) for r in results]
    ax.plot(years, scores, marker="o", color="tab:blue")
    mean = sum(scores) / len(scores)
    ax.axhline(mean, color="grey", linestyle="--", linewidth=1, label="Hà Nội's 2018-2024 mean")
    for year, score, align in ((years[0], scores[0], "left"), (years[-1], scores[-1], "right")):
        ax.annotate(
            f"{score:.2f}",
            (year, score),
            textcoords="offset points",
            xytext=(0, 7),
            ha=align,
            fontsize=9,
        )
    title = f"{code}: {fw[code].name_en}\\n" + textwrap.fill(f"({fw[code].name_vi})", 55)
    ax.set_title(title, fontsize=10.5)
    ax.grid(alpha=0.3)
axes[0, 0].set_ylim(max(1, round(low) - 1), min(10, round(high) + 1))
for ax in axes[-1]:
    ax.set_xticks(years, [str(y) for y in years])
for ax in axes[:, 0]:
    ax.set_ylabel("score (1-10)")
fig.suptitle("Hà Nội: PAPI dimension scores 2018-2024 (one y-axis for all eight)", fontsize=13)
fig.legend(*axes.flat[0].get_legend_handles_labels(), loc="lower center", fontsize=10)
fig.tight_layout(rect=(0, 0.03, 1, 1))
save(fig, "hanoi_dimensions")
plt.show()
"""),
    code("""
# Strongest and weakest dimension each year, and the largest moves between consecutive years.
from itertools import pairwise

for r in results:
    scores = {c: r.scorecard.score(c) for c in dims}
    best = max(scores, key=scores.get)
    worst = min(scores, key=scores.get)
    print(f"{r.year}: strongest {best} ({scores[best]:.2f}), weakest {worst} ({scores[worst]:.2f})")
print()
for before, after in pairwise(results):
    moves = {c: after.scorecard.score(c) - before.scorecard.score(c) for c in dims}
    up = max(moves, key=moves.get)
    down = min(moves, key=moves.get)
    print(
        f"{before.year}->{after.year}: biggest rise {up} ({moves[up]:+.2f}), biggest fall {down} ({moves[down]:+.2f})"
    )
"""),
    md("""
## Total score and rank

Bars: the total (sum of the eight dimensions). Line: the rank among 63 provinces (1 is best, so
the axis points down). Hollow markers are ranks the sources do not confirm: for 2018 and 2019 the
reported rank (53) cannot be reproduced from the score table (see each result's `note`). The
background colour is the published group of that year.
"""),
    code("""
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from papi.scoring import Group

group_colours = {1: "#2e7d32", 2: "#9ccc65", 3: "#ffb74d", 4: "#e57373"}
fig, (ax_rank, ax_total) = plt.subplots(2, 1, figsize=(10, 7.5), sharex=True)
for ax in (ax_rank, ax_total):
    for r in results:
        if r.group:
            ax.axvspan(
                r.year - 0.5,
                r.year + 0.5,
                color=group_colours[r.group.number],
                alpha=0.2,
                linewidth=0,
            )
    ax.grid(axis="y", alpha=0.3)

ax_rank.plot(years, [r.rank for r in results], color="black", linewidth=1.5, zorder=3)
for r in results:
    face = "black" if r.rank_verified else "white"
    ax_rank.plot(
        r.year,
        r.rank,
        marker="o",
        markersize=9,
        markerfacecolor=face,
        markeredgecolor="black",
        zorder=4,
    )
    ax_rank.annotate(
        str(r.rank),
        (r.year, r.rank),
        textcoords="offset points",
        xytext=(0, -17),
        ha="center",
        fontsize=9,
    )
ax_rank.set_ylim(66, -2)
ax_rank.set_yticks([1, 10, 20, 30, 40, 50, 63])
ax_rank.set_ylabel("rank of 63 (1 = best)")
ax_rank.set_title("Hà Nội: PAPI rank and total score, 2018-2024")

ax_total.bar(years, [r.total for r in results], color="tab:blue", alpha=0.7, width=0.6)
for r in results:
    ax_total.annotate(
        f"{r.total:.2f}",
        (r.year, r.total),
        textcoords="offset points",
        xytext=(0, 3),
        ha="center",
        fontsize=8,
    )
ax_total.set_ylim(38, 46)
ax_total.set_ylabel("total score (8-80 scale;\\naxis starts at 38)")
ax_total.set_xticks(years)

handles = [
    Line2D([], [], color="black", marker="o", markerfacecolor="black", label="rank (confirmed)"),
    Line2D([], [], color="black", marker="o", markerfacecolor="white", label="rank (unconfirmed)"),
    Patch(color="tab:blue", alpha=0.7, label="total score"),
] + [
    Patch(color=c, alpha=0.35, label=f"group {g.number}: {g.en} ({g.vi})")
    for g, c in zip(Group, group_colours.values(), strict=True)
]
fig.legend(handles=handles, loc="lower center", ncol=4, fontsize=8)
fig.tight_layout(rect=(0, 0.08, 1, 1))
save(fig, "hanoi_total_rank")
plt.show()
"""),
    md("""
## Sources

Every result carries its sources and notes; unconfirmed figures are flagged in the data
(`rank_verified`, `group_verified`, `dimensions_verified`).
"""),
    code("""
for r in results:
    print(r.year, "; ".join(r.sources))
    if r.note:
        print("    note:", r.note)
"""),
    md("""
To rank all provinces yourself, load the official workbook data (the CSV shape described in
*How-to: load the official PAPI workbook data*) with `papi.scoring.load_table(path)` and call
`.ranking(year)`; `papi.scoring.target(ranking, "Hà Nội", places=5)` then tells what total
would have moved Hanoi up five places.
"""),
]


# ------------------------------------------------------------------------------------------
# (b) Who is accountable, before and after the 2025 reform

BEFORE_AFTER = [
    md("""
# Who is accountable for D3 in Hoàn Kiếm, before and after the 2025 reform?

PAPI dimension **D3** is *vertical accountability towards citizens* (*trách nhiệm giải trình với
người dân*). Hanoi's Plan 164/KH-UBND (2022) and Dispatch 3010/UBND-SNV give it to the People's
Committees (*Ủy ban nhân dân*, UBND) of districts (*quận, huyện*) and of communes and wards
(*xã, phường*), with their chairpersons (*Chủ tịch*) bearing full responsibility (*chịu trách
nhiệm toàn diện*): the head-of-organization principle (*người đứng đầu*).

On **1 July 2025** the district tier was abolished (Law 72/2025/QH15, art. 51(3)) and Hanoi's
526 commune-level units became 126 (Resolution 1656/NQ-UBTVQH15). The ward of **Hàng Bạc**, in
the district (*quận*) of Hoàn Kiếm, is now part of the new **Phường Hoàn Kiếm**. We ask papi the
same question on two days:

* 30 September 2022, in Phường Hàng Bạc (the end of the quarter the dispatch reports on);
* 1 March 2026, in Phường Hoàn Kiếm.
"""),
    code(SAVE_HELPER, tags=HIDE_IN_DOCS),
    code("""
import warnings
from datetime import date, timedelta

from papi.datasets import hanoi
from papi.territory import hanoi_territory

warnings.simplefilter("ignore")  # coverage notes; each answer lists its own warnings
gov = hanoi()
territory = hanoi_territory()

BEFORE, AFTER = date(2022, 9, 30), date(2026, 3, 1)
ward = territory.unit("Phường Hoàn Kiếm", on=AFTER)
print(ward.name, "exists since", ward.valid_from, "- formed from:")
for old in territory.predecessors(ward, on=AFTER):
    print("   ", old.name, f"(last day {old.valid_to - timedelta(days=1)})")
"""),
    code("""
before = gov.who("D3", where="Phường Hàng Bạc", on=BEFORE)
after = gov.who("D3", where="Phường Hoàn Kiếm", on=AFTER)


def summary(answer):
    rows = {}
    for r in answer.responsible:
        who = (
            r.organization.name
            if r.post is None
            else f"{r.post.name_en or r.post.name} of {r.organization.name}"
        )
        inherited = (
            " (inherited from " + ", ".join(h for hop in r.via for h in hop.abolished) + ")"
            if r.via
            else ""
        )
        rows.setdefault(r.role.value, set()).add(who + inherited)
    return rows


for label, answer in (
    ("30 Sep 2022, Phường Hàng Bạc", before),
    ("1 Mar 2026, Phường Hoàn Kiếm", after),
):
    print(label)
    for role, holders in summary(answer).items():
        for h in sorted(holders):
            print(f"  {role:<12} {h}")
    print("  escalation:", " -> ".join(s.organization.name for s in answer.escalation))
    print()
"""),
    md("""
**What changed.** In 2022 the duties sat on two People's Committees, the ward's and the
district's, and a citizen's complaint went up from the ward to the district and then to the
city. In 2026 there is no district: the new ward's People's Committee holds both its own duties
and, by succession, those of the abolished district committees whose territory it took over,
and the next step up is the city.

The full reasoning, as a portal could show it (`explain("vi")` gives it in Vietnamese):
"""),
    code("""
print(after.explain("en"))
"""),
    md("""
## The part of the graph that answers the question

papi keeps the structure as one networkx graph per day (`organizations.graph(on=...)`): units,
their People's Committees and head posts, linked by `contains`, `governed_by` and `headed_by`.
Below is the subgraph the answer is built from on each day: the unit asked about, its ancestors,
their committees and chairpersons (2022 above, 2026 below). Colours give the role in the
answer; in 2026 the abolished district committees (grey, dashed) pass their duties on by
`succeeded_by`.
"""),
    code("""
import textwrap

import matplotlib.pyplot as plt
import networkx as nx
from matplotlib.patches import Patch

organizations = gov.organizations


def answer_subgraph(answer, day):
    graph = organizations.graph(on=day)
    unit = answer.where.id
    units = [unit] + [u.id for u in territory.ancestors(unit, on=day)]
    nodes = set(units)
    for r in answer.responsible:
        nodes.add(r.organization.id)
        if r.post:
            nodes.add(r.post.id)
    for s in answer.escalation:
        nodes.add(s.organization.id)
        if s.post:
            nodes.add(s.post.id)
    sub = nx.MultiDiGraph()
    for n in nodes:
        if n in graph:
            sub.add_node(n, **graph.nodes[n])
    for a, b, data in graph.edges(data=True):
        if a in sub and b in sub and data["relation"] in ("contains", "governed_by", "headed_by"):
            sub.add_edge(a, b, relation=data["relation"])
    return sub, units


def roles_of(answer):
    roles = {}
    for r in answer.responsible:
        target = r.post.id if r.post else r.organization.id
        roles.setdefault(target, set()).add(r.role.value)
    return roles


def label_of(graph, node):
    data = graph.nodes[node]
    for key in ("unit", "organization", "org", "post"):
        if key in data and hasattr(data[key], "name"):
            return data[key].name
    return str(node)


def draw(ax, answer, day, title):
    sub, units = answer_subgraph(answer, day)
    roles = roles_of(answer)
    # layout: one row per tier (city on top), columns unit -> committee -> head post
    pos = {}
    for depth, unit in enumerate(reversed(units)):
        y = -depth
        pos[unit] = (0, y)
        for _, pc, d in sub.out_edges(unit, data=True):
            if d["relation"] == "governed_by":
                pos[pc] = (1.2, y)
                for _, post, d2 in sub.out_edges(pc, data=True):
                    if d2["relation"] == "headed_by":
                        pos[post] = (2.4, y)
    extra = [n for n in sub if n not in pos]
    for i, n in enumerate(extra):
        pos[n] = (3.6, -i)

    def colour(n):
        r = roles.get(n, set())
        if "accountable" in r:
            return "#e57373"
        if r:
            return "#64b5f6"
        if sub.nodes[n].get("node_type") == "unit":
            return "#e0e0e0"
        return "#fff59d"

    for a, b, d in sub.edges(data=True):
        (xa, ya), (xb, yb) = pos[a], pos[b]
        horizontal = abs(ya - yb) < 1e-9
        shrink = 40 if horizontal else 20
        ax.annotate(
            "",
            xy=(xb, yb),
            xytext=(xa, ya),
            zorder=1,
            arrowprops={
                "arrowstyle": "-|>",
                "color": "black",
                "shrinkA": shrink,
                "shrinkB": shrink,
            },
        )
        mid = ((xa + xb) / 2, (ya + yb) / 2)
        offset = (0, 0.25) if horizontal else (0.06, 0)  # above the taller boxes
        ax.text(
            mid[0] + offset[0],
            mid[1] + offset[1],
            d["relation"],
            fontsize=8.5,
            ha="center" if horizontal else "left",
            va="center",
            color="#333333",
        )
    for n in sub:
        text = "\\n".join(textwrap.wrap(label_of(sub, n), 18))
        if roles.get(n):
            text += "\\n[" + ", ".join(sorted(roles[n])) + "]"
        x, y = pos[n]
        ax.text(
            x,
            y,
            text,
            ha="center",
            va="center",
            fontsize=9.5,
            zorder=5,
            bbox={"boxstyle": "round,pad=0.5", "fc": colour(n), "ec": "black"},
        )
    # succession hops: abolished committees whose duties this answer inherits
    abolished = sorted(
        {(h, hop.act) for r in answer.responsible for hop in r.via for h in hop.abolished}
    )
    for i, (name, act) in enumerate(abolished):
        xy = (0.8 + 1.0 * i, -0.5)
        ax.annotate(
            "\\n".join(textwrap.wrap(name, 18)) + "\\n(abolished 2025-07-01)",
            xy=pos[answer.responsible[0].organization.id],
            xytext=xy,
            ha="center",
            va="center",
            fontsize=8.5,
            color="dimgray",
            bbox={"boxstyle": "round", "fc": "#f5f5f5", "ec": "gray", "ls": "--"},
            arrowprops={"arrowstyle": "-|>", "color": "gray", "ls": "--", "shrinkB": 24},
        )
        ax.annotate(
            f"succeeded_by ({act})",
            xy=(xy[0], xy[1] + 0.2),
            ha="center",
            fontsize=7.5,
            color="dimgray",
        )
    ax.set_title(title, fontsize=12)
    ax.set_xlim(-0.6, 3.0)
    ax.set_ylim(min(y for _, y in pos.values()) - 0.6, 0.6)
    ax.axis("off")
    return sub


fig, (upper, lower) = plt.subplots(2, 1, figsize=(10, 13), height_ratios=(3.2, 2.2))
g_before = draw(upper, before, BEFORE, "30 Sep 2022: Phường Hàng Bạc (3 tiers)")
g_after = draw(lower, after, AFTER, "1 Mar 2026: Phường Hoàn Kiếm (2 tiers)")
fig.legend(
    handles=[
        Patch(color="#e57373", label="accountable (chairperson)"),
        Patch(color="#64b5f6", label="implements"),
        Patch(color="#fff59d", label="in the escalation chain only"),
        Patch(color="#e0e0e0", label="administrative unit"),
    ],
    loc="lower center",
    ncol=2,
    fontsize=10,
)
fig.suptitle("Who is accountable for PAPI D3: the answering part of papi's graph", fontsize=13)
fig.tight_layout(rect=(0, 0.05, 1, 0.97))
save(fig, "accountability_graph")
plt.show()
print("nodes before:", g_before.number_of_nodes(), "after:", g_after.number_of_nodes())
"""),
    md("""
Each answer also serialises to a stable JSON document (`papi.accountability/1`), which is what
`papi who --json` prints and what the web-portal example serves:
"""),
    code("""
import json

doc = after.to_dict()
print(
    json.dumps(
        {k: doc[k] for k in ("schema", "subject", "where", "on")}, ensure_ascii=False, indent=2
    )
)
print(len(doc["responsible"]), "responsible entries;", len(doc["warnings"]), "warnings")
"""),
]


# ------------------------------------------------------------------------------------------
# (c) A commune's deadline calendar in the month of Tết

TET_CALENDAR = [
    md("""
# A commune's deadlines in the month of Tết (February 2026)

A commune People's Committee (*UBND xã*) has recurring duties with legal deadlines: the
chairperson receives citizens at least one day a week (*tiếp công dân*, Law on Citizen
Reception 42/2013/QH13, art. 15(2)(d)), and Hanoi's Dispatch 3010/UBND-SNV asks for a monthly
evaluation of the one-stop shop (*bộ phận một cửa*). Periods counted in working days (*ngày làm
việc*) skip weekends and public holidays; periods in days that end on a day off run to the next
working day (Civil Code 91/2015/QH13, art. 148).

In 2026 the Lunar New Year (*Tết Nguyên Đán*) falls on 17 February: civil servants are off from
16 to 20 February (Notice 9441/TB-BNV), 14-22 February with the weekends. This notebook draws
the month for **Xã Sóc Sơn** with papi's `agenda` and its working-day calendar.
"""),
    code(SAVE_HELPER, tags=HIDE_IN_DOCS),
    code("""
import warnings
from datetime import date, timedelta

from papi.datasets import hanoi
from papi.rules import statute

warnings.simplefilter("ignore")
gov = hanoi()
cal = gov.calendar
COMMUNE = "Xã Sóc Sơn"
START, END = date(2026, 2, 1), date(2026, 2, 28)

agenda = gov.agenda(of=COMMUNE, start=START, end=END)
for item in agenda.items:
    print(item.due, item.task, item.description_en, f"[{item.citation}]")
"""),
    code("""
days_off = [START + timedelta(days=i) for i in range((END - START).days + 1)]
holidays = {d: cal.holiday_name(d, lang="en") for d in days_off if cal.holiday_name(d, lang="en")}
working = [d for d in days_off if cal.is_working_day(d)]
print(len(working), "working days in February 2026")
for d, name in holidays.items():
    print(d, d.strftime("%a"), name, "/", cal.holiday_name(d, lang="vi"))
tet_week = [d for d in days_off if date(2026, 2, 16) <= d <= date(2026, 2, 20)]
print(
    "weekly reception due in the Tết week:",
    [i.due for i in agenda.items if i.due in tet_week] or "none (no working day that week)",
)
"""),
    md("""
Statutory periods also cross Tết. A complaint received on Tuesday 10 February must be accepted
within 10 working days (*thụ lý*, Law on Complaints 02/2011/QH13, art. 27, counted in working
days by Circular 07/2013/TT-TTCP), and resolved within 30 days of acceptance (art. 28). A
denunciation received on Thursday 12 February must be screened within 7 working days (Law on
Denunciations 25/2018/QH14, art. 24(1)):
"""),
    code("""
received = date(2026, 2, 10)
accept = statute("complaint.first_instance.accept", on=received)
accepted_by = accept.due(received, cal)
resolve = statute("complaint.first_instance", on=accepted_by)
resolved_by = resolve.due(accepted_by, cal)
screen = statute("denunciation.screening", on=date(2026, 2, 12))
screened_by = screen.due(date(2026, 2, 12), cal)
print(
    f"complaint received {received}: accept by {accepted_by} ({accept.rule.describe('en')}, {accept.citation})"
)
print(
    f"  if accepted on {accepted_by}: resolve by {resolved_by} ({resolve.rule.describe('en')}, {resolve.citation})"
)
print(f"denunciation received 2026-02-12: screen by {screened_by} ({screen.citation})")
without_tet = date(2026, 2, 10) + timedelta(days=14)
print(f"(10 working days without Tết would have ended on {without_tet})")
extra = {
    received: "complaint received",
    accepted_by: "accept complaint (10 wd)",
    date(2026, 2, 12): "denunciation received",
    screened_by: "screen denunciation (7 wd)",
}
"""),
    code("""
import calendar as pycal
import textwrap

import matplotlib.pyplot as plt
from matplotlib.patches import Patch, Rectangle

weeks = pycal.Calendar(firstweekday=0).monthdatescalendar(2026, 2)
weeks.append([weeks[-1][-1] + timedelta(days=i) for i in range(1, 8)])  # + first week of March
shown = gov.agenda(of=COMMUNE, start=weeks[0][0], end=weeks[-1][-1])  # every day drawn
events = {}
for item in shown.items:
    label = (
        "citizen reception (task T6)"
        if item.task == "T6"
        else "one-stop review (task T9)"
        if item.task == "T9"
        else f"task {item.task}"
    )
    events.setdefault(item.due, []).append(("duty", label))
for d, label in extra.items():
    events.setdefault(d, []).append(("statute", label))

fig, ax = plt.subplots(figsize=(10, 1.6 * len(weeks) + 1))
for row, week in enumerate(weeks):
    for col, d in enumerate(week):
        y = len(weeks) - 1 - row
        holiday = cal.holiday_name(d, lang="en")
        if holiday:
            face = "#ef9a9a"
        elif not cal.is_working_day(d):
            face = "#e0e0e0"
        else:
            face = "#f1f8e9"
        other_month = d.month != 2
        ax.add_patch(
            Rectangle(
                (col, y), 1, 1, facecolor=face, edgecolor="grey", alpha=0.45 if other_month else 1
            )
        )
        day_label = f"{d.day} {d:%b}" if other_month or d.day == 1 else str(d.day)
        ax.text(
            col + 0.05,
            y + 0.92,
            day_label,
            va="top",
            fontsize=11,
            fontweight="bold",
            color="grey" if other_month else "black",
        )
        if holiday:
            ax.text(
                col + 0.05,
                y + 0.70,
                "\\n".join(textwrap.wrap(holiday, 15)),
                va="top",
                fontsize=9,
                color="darkred",
            )
        top = y + 0.5
        for kind, label in events.get(d, []):
            colour = "#1565c0" if kind == "duty" else "#6a1b9a"
            lines = textwrap.wrap("• " + label, 20, subsequent_indent="  ")
            ax.text(col + 0.05, top, "\\n".join(lines), va="top", fontsize=8.5, color=colour)
            top -= 0.09 * len(lines) + 0.03
for col, name in enumerate(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]):
    ax.text(col + 0.5, len(weeks) + 0.1, name, ha="center", fontsize=10)
ax.set_xlim(0, 7)
ax.set_ylim(0, len(weeks) + 0.4)
ax.axis("off")
ax.legend(
    handles=[
        Patch(facecolor="#f1f8e9", edgecolor="grey", label="working day"),
        Patch(facecolor="#e0e0e0", edgecolor="grey", label="weekend"),
        Patch(facecolor="#ef9a9a", edgecolor="grey", label="Tết holiday"),
        Patch(color="#1565c0", label="duty deadline (agenda)"),
        Patch(color="#6a1b9a", label="statutory example"),
    ],
    loc="upper center",
    bbox_to_anchor=(0.5, -0.01),
    ncol=5,
    fontsize=9.5,
)
ax.set_title(
    f"{COMMUNE}: deadlines in February 2026 and the first week of March (Tết: 16-20 February)",
    fontsize=12,
)
fig.tight_layout()
save(fig, "tet_calendar")
plt.show()
"""),
    md("""
The weekly reception deadline is the last working day of each week, so the Tết week has none and
the next falls on Friday 27 February; the monthly one-stop-shop review is due on the month's last
working day. The complaint received on 10 February must be accepted by 3 March instead of
24 February: the five Tết days off do not count. Add your own commune's plan with `papi.io.load_plan(path, base=hanoi())` to see its
duties here too, or an extra day off from a newer government notice with
`papi.calendar.Override` (see the how-to on holiday notices).
"""),
]


# ------------------------------------------------------------------------------------------
# (d) The whole country before and after the 2025 reform

VIETNAM = [
    md("""
# The whole country before and after the 2025 reform

On **1 July 2025** Vietnam reorganised its administrative map in one step:

* the **63 provinces** (*tỉnh, thành phố trực thuộc trung ương*) became **34**, by merging
  (Resolution 202/2025/QH15 of the National Assembly);
* the district tier (*huyện, quận, thị xã, thành phố thuộc tỉnh*, 696 units) was abolished
  (Law 72/2025/QH15 on the Organisation of Local Government, art. 51(3));
* the **10,035 communes** (*xã, phường, thị trấn*) became **3,321** (*xã, phường* and 13
  special zones, *đặc khu*), by resolutions of the Standing Committee of the National
  Assembly, one per province.

papi packages the whole map on both sides of that day, with the successions between them
(`papi.territory.vietnam_territory()`, generated from the MIT-licensed `vietnamadminunits`
1.0.4 and the statistics office's dated lists since 2020). This notebook counts communes per province before (30 June 2025) and after (1 March
2026), follows Quảng Nam into Đà Nẵng, converts old addresses to new units and shows how far
back the data vouches for each province. Everything runs offline.
"""),
    code(SAVE_HELPER, tags=HIDE_IN_DOCS),
    code("""
from collections import Counter
from datetime import date

import pandas as pd

from papi.territory import vietnam_territory

pd.set_option("display.max_rows", 100)
pd.set_option("display.max_colwidth", 120)

vn = vietnam_territory()
BEFORE, AFTER = date(2025, 6, 30), date(2026, 3, 1)
source = vn.meta["source"]
print(f"{len(vn):,} units since 2020; the 2025 map from {source['package']} {source['version']}")

counts = pd.DataFrame(
    {
        str(day): {
            level: len(vn.units(level=level, on=day))
            for level in ("province", "district", "commune")
        }
        for day in (BEFORE, AFTER)
    }
)
counts
"""),
    md("""
The commune level by kind: towns (*thị trấn*) were district capitals and ended with the
districts; the special zones (*đặc khu*) replaced island districts.
"""),
    code("""
kinds = (
    pd.DataFrame(
        {
            str(day): Counter(u.kind.value for u in vn.units(level="commune", on=day))
            for day in (BEFORE, AFTER)
        }
    )
    .fillna(0)
    .astype(int)
)
kinds
"""),
    md("""
## Communes per province: 63 provinces grouped into 34

Every old province has exactly one successor (`successors(province, on=AFTER)`), so each of the
34 new provinces is the union of one or more old ones. The table counts, for each new province,
the communes of the provinces it was formed from on 30 June 2025 and its own communes on
1 March 2026.
"""),
    code("""
def short(name):
    \"\"\"A province's name without its kind word: 'Tỉnh Quảng Nam' -> 'Quảng Nam'.\"\"\"
    for kind in ("Thành phố ", "Tỉnh "):
        name = name.removeprefix(kind)
    return name


old_provinces = vn.units(level="province", on=BEFORE)
new_provinces = vn.units(level="province", on=AFTER)
communes_before = {p.id: len(vn.units(level="commune", within=p, on=BEFORE)) for p in old_provinces}
communes_after = {p.id: len(vn.units(level="commune", within=p, on=AFTER)) for p in new_provinces}

formed_from = {p.id: [] for p in new_provinces}
for old in old_provinces:
    (new,) = vn.successors(old, on=AFTER)  # one successor each
    formed_from[new.id].append(old)
for members in formed_from.values():
    members.sort(key=lambda p: -communes_before[p.id])  # the largest first

table = pd.DataFrame(
    [
        {
            "province (2026)": short(p.name),
            "formed from": ", ".join(short(o.name) for o in formed_from[p.id]),
            "provinces": len(formed_from[p.id]),
            "communes 2025-06-30": sum(communes_before[o.id] for o in formed_from[p.id]),
            "communes 2026-03-01": communes_after[p.id],
        }
        for p in new_provinces
    ]
)
table["change"] = (table["communes 2026-03-01"] / table["communes 2025-06-30"] - 1).map(
    "{:+.0%}".format
)
print(
    f"{(table['provinces'] == 1).sum()} provinces continue unmerged; "
    f"{(table['provinces'] > 1).sum()} were formed from {table.loc[table['provinces'] > 1, 'provinces'].sum()} old ones"
)
table.sort_values("communes 2026-03-01", ascending=False, ignore_index=True)
"""),
    code("""
import matplotlib.pyplot as plt
from matplotlib.patches import Patch

rows = sorted(new_provinces, key=lambda p: sum(communes_before[o.id] for o in formed_from[p.id]))
shades = ["#4e79a7", "#a0cbe8", "#59a14f", "#b6dcd8"]
ink = ["white", "black", "white", "black"]  # the label colour that reads on each shade
fig, ax = plt.subplots(figsize=(10, 14.5))
labels = []  # (text, width of its segment in data units)
for y, p in enumerate(rows):
    left = 0
    members = formed_from[p.id]
    for i, old in enumerate(members):
        n = communes_before[old.id]
        ax.barh(
            y + 0.21,
            n,
            left=left,
            height=0.4,
            color=shades[i % len(shades)],
            edgecolor="white",
            linewidth=0.8,
        )
        if len(members) > 1:
            labels.append(
                (
                    ax.text(
                        left + n / 2,
                        y + 0.21,
                        short(old.name),
                        ha="center",
                        va="center",
                        fontsize=8.5,
                        color=ink[i % len(ink)],
                    ),
                    n,
                )
            )
        left += n
    ax.text(left + 6, y + 0.21, str(left), va="center", fontsize=8, color="#4e79a7")
    after = communes_after[p.id]
    ax.barh(y - 0.21, after, height=0.4, color="#e15759")
    ax.text(
        after + 6,
        y - 0.21,
        f"{after} ({after / left - 1:+.0%})",
        va="center",
        fontsize=8,
        color="#b03a3c",
    )
ax.set_yticks(range(len(rows)), [short(p.name) for p in rows], fontsize=10)
ax.set_ylim(-0.7, len(rows) - 0.3)
ax.set_xlabel("communes (xã, phường, thị trấn; from 2025-07-01 also đặc khu)")
ax.grid(axis="x", alpha=0.3)
ax.set_axisbelow(True)
# an old province's name only where it fits inside its segment
fig.canvas.draw()
scale = ax.transData.transform((1, 0))[0] - ax.transData.transform((0, 0))[0]  # pixels per commune
for text, width in labels:
    if text.get_window_extent().width > width * scale - 4:
        text.set_fontsize(7)
    if text.get_window_extent().width > width * scale - 4:
        text.remove()
ax.legend(
    handles=[
        Patch(
            color="#4e79a7",
            label="2025-06-30: communes of each old province (largest first, alternating shades)",
        ),
        Patch(color="#e15759", label="2026-03-01: communes of the new province (change)"),
    ],
    loc="lower right",
    fontsize=9,
)
ax.set_title(
    "Communes per province: the 63 provinces of 30 June 2025 grouped into the 34 of 2026\\n"
    "(Resolution 202/2025/QH15; 10,035 communes became 3,321)",
    fontsize=12,
)
fig.tight_layout()
save(fig, "vietnam_communes_per_province")
plt.show()
"""),
    md("""
## Quảng Nam becomes part of Đà Nẵng

Tỉnh Quảng Nam ended on 30 June 2025: with the city of Đà Nẵng it formed the new **Thành phố
Đà Nẵng** (Resolution 202/2025/QH15). `convert` follows the succession and names the act;
`predecessors` goes the other way.
"""),
    code("""
quang_nam = vn.unit("Tỉnh Quảng Nam", on=BEFORE)
step = vn.convert(quang_nam, to=AFTER)
da_nang = step.primary
(merge,) = step.chain
print(f"{quang_nam.name} (code {quang_nam.code}), last day {BEFORE}")
print(
    f"  -> {da_nang.name} (code {da_nang.code}) from {da_nang.valid_from}, by {merge.act} ({merge.kind})"
)
print(f"  {da_nang.name} was formed from:", ", ".join(p.name for p in vn.predecessors(da_nang)))
for old in vn.predecessors(da_nang):
    districts = len(vn.units(level="district", within=old, on=BEFORE))
    print(f"  {old.name}: {districts} districts, {communes_before[old.id]} communes on {BEFORE}")
print(f"  {da_nang.name}: no districts, {communes_after[da_nang.id]} communes on {AFTER}")
"""),
    md("""
Inside the new city, a ward is formed from old wards and, since the districts ended, from the
district whose territory it took over. The new **Phường Hải Châu** (the ward of the issue's
`papi who D3 --where "Phường Hải Châu"`) has these predecessors:
"""),
    code("""
hai_chau = vn.unit("Phường Hải Châu", on=AFTER)
print(vn.qualified_name(hai_chau, on=AFTER), "- formed from:")
for old in vn.predecessors(hai_chau):
    print("   ", vn.qualified_name(old, on=BEFORE), f"({old.kind.value}, code {old.code})")
"""),
    md("""
## Converting old addresses

`Territory.convert(old, to=day)` does what `vietnamadminunits.convert_address` does for
addresses: it returns the units an old unit became, with the **primary** one marked: for a
commune divided between several new ones, the one the source marks as its default (★ below).
Old names are qualified by their parents as far as needed to be unique.

The commune resolutions of June 2025 (one per province, by the Standing Committee of the
National Assembly) are not numbered in the source data; papi names them by province code
(`NQ-UBTVQH15/48`: Đà Nẵng's) and marks them *unverified*. Hanoi's (1656/NQ-UBTVQH15) is sourced.
"""),
    code("""
OLD_ADDRESSES = [
    "Phường Minh An, Thành phố Hội An, Tỉnh Quảng Nam",
    "Phường An Mỹ, Thành phố Tam Kỳ, Tỉnh Quảng Nam",
    "Xã Hòa Liên, Huyện Hòa Vang, Thành phố Đà Nẵng",
    "Phường Cống Vị, Quận Ba Đình, Thành phố Hà Nội",
    "Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh",
    "Phường Đa Kao, Quận 1, Thành phố Hồ Chí Minh",
    "Phường 4, Quận 3, Thành phố Hồ Chí Minh",
    "Phường Phú Hội, Thành phố Huế",
    "Huyện Côn Đảo, Tỉnh Bà Rịa - Vũng Tàu",
]


def mark(conversion):
    # the new units, the primary one first and starred when the old unit was divided
    if not conversion.split:
        return conversion.units[0].name
    others = [u.name for u in conversion.units if u != conversion.primary]
    return ", ".join([f"★ {conversion.primary.name}", *others])


rows = []
for address in OLD_ADDRESSES:
    c = vn.convert(address, to=AFTER)
    province = vn.ancestors(c.units[0], on=AFTER)[-1]
    rows.append(
        {
            "old unit (2025-06-30)": address,
            "new unit(s) on 2026-03-01": mark(c),
            "province": short(province.name),
            "divided": c.split,
            "act": ", ".join(s.act + ("" if s.verified else " (unverified)") for s in c.chain),
        }
    )
pd.DataFrame(rows)
"""),
    md("""
An old name that several units had (there were twenty *Phường 4*) must be qualified; papi
lists the candidates instead of guessing:
"""),
    code("""
from papi.errors import Ambiguous

try:
    vn.convert("Phường 4", to=AFTER)
except Ambiguous as err:
    print(f"'Phường 4' is ambiguous: {len(err.candidates)} candidates, e.g. {err.candidates[0]}")
print([u.name for u in vn.convert("Phường 4, Quận 3", to=AFTER).units])
"""),
    md("""
The same for all 10,035 communes of 30 June 2025 (a fraction of a second): most went whole into
one new commune; the divided ones each have their primary successor.
"""),
    code("""
conversions = [vn.convert(c, on=BEFORE, to=AFTER) for c in vn.units(level="commune", on=BEFORE)]
shares = Counter(len(c.units) for c in conversions)
for n, count in sorted(shares.items()):
    print(
        f"{count:>6,} old commune{'s' if count > 1 else ''} went into {n} new commune{'s' if n > 1 else ''}"
    )
divided = [c for c in conversions if c.split]
print(
    f"{sum(c.primary is not None for c in divided)} of the {len(divided)} divided communes have a primary successor"
)
print("every old commune reaches a commune of 2026:", all(c.units for c in conversions))
"""),
    md("""
## Coverage per province

The national data goes back to 1 January 2020: the dated lists of the statistics office (GSO)
take every province back to then, joined to `vietnamadminunits`' map of 30 June 2025 and to
Hanoi's curated history. `coverage_of(unit, on=day)` tells, per province, from which day the
data vouches for it; a question about an earlier day is still answered, with a
`CoverageWarning`. Where the office's last list (1 March 2025) and the map of 30 June 2025
disagree and no source dates the change, the days in between are marked unverified for that
province (`meta["coverage_by_province"]`) and warn too.
"""),
    code("""
import warnings

from papi.errors import CoverageWarning

for day, provinces in ((BEFORE, old_provinces), (AFTER, new_provinces)):
    spans = {}
    for p in provinces:
        spans.setdefault(str(vn.coverage_of(p, on=day)), []).append(short(p.name))
    print(f"{len(provinces)} provinces on {day}:")
    for span, names in spans.items():
        listed = ", ".join(names) if len(names) <= 3 else f"{len(names)} provinces"
        print(f"    {span}: {listed}")

by_code = {p.code: p for p in old_provinces}
for code, cover in vn.meta["coverage_by_province"].items():
    for start, end, _why in cover.get("unverified", ()):
        print(f"unverified {start}..{end} in {short(by_code[code].name)}")


def warned(day, where="Tỉnh Quảng Nam"):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CoverageWarning)
        vn.units(level="commune", within=where, on=day)
    return [str(w.message) for w in caught if issubclass(w.category, CoverageWarning)]


print()
for day in (date(2019, 6, 1), date(2024, 1, 1), date(2025, 5, 1)):
    messages = warned(day)
    print(f"Quảng Nam on {day}:", messages[0] if messages else "vouched for (no warning)")
"""),
]


NOTEBOOKS = {
    "hanoi_papi_story.ipynb": HANOI_STORY,
    "accountability_before_after_reform.ipynb": BEFORE_AFTER,
    "commune_deadline_calendar.ipynb": TET_CALENDAR,
    "vietnam_before_after_reform.ipynb": VIETNAM,
}


def main() -> None:
    for name, cells in NOTEBOOKS.items():
        nb = new_notebook(cells=cells)
        for i, cell in enumerate(nb.cells):  # stable ids: regenerating changes only what changed
            cell.id = f"{Path(name).stem[:20]}-{i:02d}"
        nb.metadata["kernelspec"] = {
            "name": "python3",
            "display_name": "Python 3",
            "language": "python",
        }
        nb.metadata["language_info"] = {"name": "python"}
        nbformat.validate(nb)
        nbformat.write(nb, HERE / name)
        print("wrote", HERE / name)


if __name__ == "__main__":
    main()
