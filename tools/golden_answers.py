"""Golden answers: a fingerprint of a few thousand answers, to prove a refactoring changed none.

Each *case* is one question put to a model: ``who()`` for every subject (the eight PAPI
dimensions and every task of the plan) in a deterministic sample of units of every level on
days across every era 2020..2026 (places that no longer exist included, so that successions
and refusals are exercised); ``duties``, ``escalation``, ``agenda``, ``overdue``, ``status``
and ``gaps`` samples; on the packaged Hanoi model (:func:`papi.hanoi`) and on the national
synthetic model of ``benchmarks/bench_governance.py``. A case's *answer* is the canonical JSON
of ``to_dict()`` (sorted keys) with its ``explain("vi")`` and ``explain("en")`` texts, or the
error it raised (type and message). ``tests/data/golden_answers.json.gz`` maps every case to
the first 12 hex digits of the SHA-256 of its answer.

Usage::

    python tools/golden_answers.py            # compare with the stored file, list what changed
    python tools/golden_answers.py --write    # regenerate it (after reviewing the changes)
    python tools/golden_answers.py --show 'hanoi who D3 ...'   # print one case's answer
    python tools/golden_answers.py --only hanoi                # one model

A change that is meant (a calendar fix moving a due date, a new notice) shows up here as a
list of changed cases: review a few with ``--show``, then ``--write`` and commit the file with
the change. ``tests/test_golden_answers.py`` recomputes a deterministic subset (see
:func:`in_test_subset`) on every test run.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import hashlib
import io
import json
import random
import sys
import warnings
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "data" / "golden_answers.json.gz"
FORMAT = "papi.golden/1"
DIGITS = 12  # hex digits of SHA-256 kept per case

Case = tuple[str, Callable[[], Any]]

DIMENSIONS = tuple(f"D{i}" for i in range(1, 9))


def answer_text(value: Any) -> str:
    """The canonical text of an answer (or of the error a question raised)."""
    if isinstance(value, BaseException):
        return f"error {type(value).__name__}: {value}"
    if hasattr(value, "to_dict"):
        data: dict[str, Any] = {"json": value.to_dict()}
        if hasattr(value, "explain"):
            data["vi"] = value.explain("vi")
            data["en"] = value.explain("en")
        return json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:DIGITS]


def run(thunk: Callable[[], Any]) -> str:
    """Ask one question and return the canonical text of its answer."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            value = thunk()
        except Exception as err:  # an error is an answer too
            value = err
    if hasattr(value, "value") and not hasattr(value, "to_dict"):  # an enum (status)
        value = str(value.value)
    return answer_text(value)


def in_test_subset(case: str) -> bool:
    """The deterministic fifth of the cases that ``tests/test_golden_answers.py`` checks."""
    return int(hashlib.sha256(case.encode("utf-8")).hexdigest()[:4], 16) % 5 == 0


# ----------------------------------------------------------------------------- the cases


def _change_days(gov: Any) -> list[int]:
    """The day ordinals on which anything in the model starts or ends (the era bounds)."""
    days: set[date] = set(gov.territory.change_days()) | set(gov.organizations.change_days())
    for v in [a.validity for a in gov.assignments] + [d.period for d in gov.documents.values()]:
        days.update(d for d in (v.valid_from, v.valid_to) if d is not None)
    for a in gov.assignments:
        days.add(a.validity.valid_from or gov.documents[a.basis.document].date or date(2000, 1, 1))
    return sorted(d.toordinal() for d in days)


def _days(gov: Any) -> list[date]:
    """Three days in each year 2020..2026, plus each era boundary in that span and its eve."""
    days = {date(y, m, d) for y in range(2020, 2027) for m, d in ((1, 2), (4, 15), (9, 30))}
    days.add(date(2019, 12, 31))  # before the data's coverage
    bounds = _change_days(gov)
    for b in bounds:
        if date(2020, 1, 1).toordinal() <= b <= date(2026, 12, 31).toordinal():
            day = date.fromordinal(b)
            days.update((day, day - timedelta(days=1)))
    return sorted(days)


def hanoi_cases(gov: Any) -> Iterator[Case]:
    """The questions put to the Hanoi model."""
    from papi.territory import Level

    terr = gov.territory
    subjects = [*DIMENSIONS, *sorted(gov.tasks)]
    rng = random.Random(20261205)
    days = _days(gov)
    old_day = date(2024, 6, 1)
    old_communes = sorted(terr.units(level=Level.COMMUNE, on=old_day), key=lambda u: u.id)
    per_level = {Level.PROVINCE: 1, Level.DISTRICT: 2, Level.COMMUNE: 4}
    for day in days:
        places: list[Any] = []
        for level, k in per_level.items():
            units = sorted(terr.units(level=level, on=day), key=lambda u: u.id)
            places.extend(rng.sample(units, min(k, len(units))))
        # a place asked by id, and one by name, as of 2024 (succeeded or refused later on)
        gone = rng.choice(old_communes)
        where: list[tuple[str, Any]] = [(u.id, u) for u in places]
        where += [(f"id:{gone.id}", gone.id), (f"name:{gone.name}", gone.name)]
        for subject in subjects:
            for label, w in where:
                yield (
                    f"hanoi who {subject} {label} {day}",
                    lambda s=subject, w=w, d=day: gov.who(s, where=w, on=d),
                )
        for label, w in where:
            yield (
                f"hanoi escalation {label} {day}",
                lambda w=w, d=day: gov.escalation(where=w, on=d),
            )
            yield f"hanoi duties {label} {day}", lambda w=w, d=day: gov.duties(of=w, on=d)
        orgs = sorted(gov.organizations.organizations(on=day), key=lambda o: o.id)
        for o in rng.sample(orgs, min(3, len(orgs))):
            yield f"hanoi duties org:{o.id} {day}", lambda o=o, d=day: gov.duties(of=o.id, on=d)
            for task in ("T3", "T6", "T7"):
                yield (
                    f"hanoi status {task} org:{o.id} {day}",
                    lambda t=task, o=o, d=day: gov.status(t, o.id, on=d),
                )
        yield f"hanoi gaps {day}", lambda d=day: gov.gaps(on=d)
        yield f"hanoi overdue {day}", lambda d=day: gov.overdue(on=d)
        end = day + timedelta(days=120)
        yield f"hanoi agenda all {day}", lambda d=day, e=end: gov.agenda(start=d, end=e)
        for label, w in where[:4]:
            yield (
                f"hanoi agenda {label} {day}",
                lambda w=w, d=day, e=end: gov.agenda(of=w, start=d, end=e),
            )
    yield (
        "hanoi agenda all 2025-01-01..2026-12-31",
        lambda: gov.agenda(start=date(2025, 1, 1), end=date(2026, 12, 31)),
    )


def national_cases(gov: Any) -> Iterator[Case]:
    """The questions put to the national synthetic model (sampled: 3,321 communes today)."""
    from papi.territory import Level

    terr = gov.territory
    rng = random.Random(84)
    days = [
        date(2024, 6, 1),
        date(2025, 6, 30),
        date(2025, 7, 1),
        date(2025, 7, 2),
        date(2026, 3, 1),
        date(2026, 11, 20),
    ]
    old = sorted(terr.units(level=Level.COMMUNE, on=date(2024, 6, 1)), key=lambda u: u.id)
    for day in days:
        places: list[Any] = []
        for level, k in ((Level.PROVINCE, 2), (Level.DISTRICT, 3), (Level.COMMUNE, 12)):
            units = sorted(terr.units(level=level, on=day), key=lambda u: u.id)
            places.extend(rng.sample(units, min(k, len(units))))
        where: list[tuple[str, Any]] = [(u.id, u) for u in places]
        where += [(f"id:{u.id}", u.id) for u in rng.sample(old, 2)]
        for subject in (*DIMENSIONS, "N0", "N17", "N42", "N99"):
            for label, w in where:
                yield (
                    f"national who {subject} {label} {day}",
                    lambda s=subject, w=w, d=day: gov.who(s, where=w, on=d),
                )
        for label, w in where[:6]:
            yield (
                f"national escalation {label} {day}",
                lambda w=w, d=day: gov.escalation(where=w, on=d),
            )
            yield f"national duties {label} {day}", lambda w=w, d=day: gov.duties(of=w, on=d)


def hanoi_model() -> Any:
    import papi

    return papi.hanoi()


def national_model() -> Any:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_governance

    with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        _, gov, _ = bench_governance.model()
    return gov


MODELS: dict[str, tuple[Callable[[], Any], Callable[[Any], Iterator[Case]]]] = {
    "hanoi": (hanoi_model, hanoi_cases),
    "national": (national_model, national_cases),
}


def compute(
    models: tuple[str, ...] = tuple(MODELS),
    select: Callable[[str], bool] = lambda case: True,
) -> dict[str, str]:
    """Case -> digest of its answer, for the selected cases of ``models``."""
    out: dict[str, str] = {}
    for name in models:
        make, cases = MODELS[name]
        gov = make()
        for case, thunk in cases(gov):
            if case in out:
                raise SystemExit(f"duplicate case {case!r}")
            if select(case):
                out[case] = digest(run(thunk))
    return out


def load(path: Path = GOLDEN) -> dict[str, str]:
    """The stored digests."""
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    if data.get("format") != FORMAT:
        raise SystemExit(f"{path}: not a {FORMAT} file")
    cases: dict[str, str] = data["cases"]
    return cases


def save(cases: dict[str, str], path: Path = GOLDEN) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(
        {"format": FORMAT, "digits": DIGITS, "cases": dict(sorted(cases.items()))},
        ensure_ascii=False,
        indent=0,
    )
    with gzip.GzipFile(path, "wb", mtime=0) as fh:  # reproducible bytes
        fh.write(text.encode("utf-8"))


def diff(old: dict[str, str], new: dict[str, str]) -> tuple[list[str], list[str], list[str]]:
    """(changed, added, removed) case names, sorted; only cases present in ``new`` count as
    changed or added, and removed ones are those of ``old`` absent from ``new``."""
    changed = sorted(c for c in new if c in old and old[c] != new[c])
    added = sorted(c for c in new if c not in old)
    removed = sorted(c for c in old if c not in new)
    return changed, added, removed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="store the new digests")
    parser.add_argument("--only", choices=sorted(MODELS), help="one model only")
    parser.add_argument("--show", metavar="CASE", help="print the answer of one case")
    parser.add_argument("--limit", type=int, default=40, help="changed cases listed (40)")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")  # coverage warnings while sampling places
    models = (args.only,) if args.only else tuple(MODELS)
    if args.show:
        for name in models:
            make, cases = MODELS[name]
            gov = make()
            for case, thunk in cases(gov):
                if case == args.show:
                    print(json.dumps(json.loads(run(thunk)), ensure_ascii=False, indent=2))
                    return 0
        print(f"no case {args.show!r}", file=sys.stderr)
        return 2
    new = compute(models)
    old = load() if GOLDEN.exists() else {}
    scope = f"{args.only} " if args.only else ""
    old_scope = {c: d for c, d in old.items() if c.startswith(scope)}
    changed, added, removed = diff(old_scope, new)
    print(f"{len(new)} cases: {len(changed)} changed, {len(added)} new, {len(removed)} gone")
    for label, names in (("changed", changed), ("new", added), ("gone", removed)):
        for case in names[: args.limit]:
            print(f"  {label}: {case}")
        if len(names) > args.limit:
            print(f"  ... and {len(names) - args.limit} more {label}")
    if args.write:
        merged = {c: d for c, d in old.items() if c not in old_scope}
        merged.update(new)
        save(merged)
        print(f"wrote {GOLDEN.relative_to(ROOT)} ({len(merged)} cases)")
        return 0
    return 1 if changed or added or removed else 0


if __name__ == "__main__":
    raise SystemExit(main())
