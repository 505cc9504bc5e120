"""Generate papi's packaged working-day calendar from ``holidays`` plus papi's sourced overrides.

Usage (in papi's dev venv; ``holidays`` is a runtime dependency of papi)::

    python tools/build_calendar.py            # rewrite src/papi/data/calendar_vn.json
    python tools/build_calendar.py --check    # exit 1 if the packaged table is out of date

Inputs:

* ``holidays.VN`` (the installed ``holidays`` release, MIT licence): public holidays of
  Labour Code 45/2019/QH14 art. 112, the compensatory days of art. 111(3), Tết on the
  Vietnamese (UTC+7) lunar calendar, and the government swaps it records
  (``special_public_holidays``, whose make-up days are its ``weekend_workdays``), names in
  Vietnamese and English;
* ``tools/calendar_overrides.toml``: papi's sourced corrections (a notice newer than, or
  missing from, the ``holidays`` release), each with its notice and sources.

Precedence, as ``papi.calendar`` documents it: papi's overrides > the package's make-up working
days > the package's named days off > the weekly days off (Saturday, Sunday). Without overrides
every day agrees with ``holidays.VN.is_working_day``; the script checks that.

Output: ``src/papi/data/calendar_vn.json``, one line per year so that diffs stay readable::

    "2026": {"off": {"01-01": 0, "01-02": 33, ...}, "work": ["01-10", "08-22"]}

``off`` lists the named days off (an index into ``names``, pairs ``[vi, en]``); a Saturday or
Sunday not listed there is an ordinary weekly day off; ``work`` lists the Saturdays and Sundays
that are working days. Never edit the output by hand: fix the overrides file and regenerate.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from datetime import date, timedelta
from pathlib import Path

import holidays

ROOT = Path(__file__).resolve().parents[1]
OVERRIDES = ROOT / "tools" / "calendar_overrides.toml"
OUT = ROOT / "src" / "papi" / "data" / "calendar_vn.json"
FIRST_YEAR = 1901  # the years holidays.VN can compute
LAST_YEAR = 2100
FIRST_TRUSTED_YEAR = 2024  # see papi.calendar.FIRST_TRUSTED_YEAR


def _overrides(path: Path) -> list[dict[str, object]]:
    data = tomllib.loads(path.read_text("utf-8"))
    out: list[dict[str, object]] = []
    seen: set[date] = set()
    for i, raw in enumerate(data.get("override", [])):
        where = f"{path.name}: override[{i}]"
        day = raw.get("day")
        if not isinstance(day, date) or day in seen:
            raise SystemExit(f"{where}: 'day' must be a date, once per day")
        if raw.get("kind") not in ("day_off", "working_day"):
            raise SystemExit(f"{where}: 'kind' must be 'day_off' or 'working_day'")
        if not str(raw.get("notice", "")).strip() or not raw.get("sources"):
            raise SystemExit(f"{where}: a notice and at least one source are required")
        if raw["kind"] == "day_off" and not (raw.get("name_vi") and raw.get("name_en")):
            raise SystemExit(f"{where}: a day off needs name_vi and name_en")
        seen.add(day)
        out.append(
            {
                "day": day.isoformat(),
                "kind": raw["kind"],
                "notice": raw["notice"],
                **({"name_vi": raw["name_vi"]} if raw.get("name_vi") else {}),
                **({"name_en": raw["name_en"]} if raw.get("name_en") else {}),
                "note": " ".join(str(raw.get("note", "")).split()),
                "sources": list(raw["sources"]),
            }
        )
    return sorted(out, key=lambda o: str(o["day"]))


def generate() -> str:
    """The text of the packaged table, from the installed ``holidays`` and the overrides file."""
    years = range(FIRST_YEAR - 1, LAST_YEAR + 2)  # neighbours: swaps and observed days cross years
    vi = holidays.country_holidays("VN", years=years, language="vi")
    en = holidays.country_holidays("VN", years=years, language="en_US")
    overrides = _overrides(OVERRIDES)
    by_day = {date.fromisoformat(str(o["day"])): o for o in overrides}
    for d, o in by_day.items():
        package = vi.is_working_day(d)
        if package == (o["kind"] == "working_day"):
            raise SystemExit(f"override {d} is redundant: holidays {holidays.__version__} agrees")
    names: list[tuple[str, str]] = []
    index: dict[tuple[str, str], int] = {}

    def name_id(pair: tuple[str, str]) -> int:
        if pair not in index:
            index[pair] = len(names)
            names.append(pair)
        return index[pair]

    year_lines: list[str] = []
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        off: dict[str, int] = {}
        work: list[str] = []
        day = date(year, 1, 1)
        while day.year == year:
            o = by_day.get(day)
            if o is not None:
                working = o["kind"] == "working_day"
                pair = (str(o.get("name_vi", "")), str(o.get("name_en", "")))
            else:
                working = vi.is_working_day(day)
                name = vi.get(day)
                pair = (str(name), str(en.get(day))) if name is not None else ("", "")
                # the documented precedence, checked against the package itself
                expected = day in vi.weekend_workdays or (name is None and day.weekday() < 5)
                assert working == expected, day
            key = day.strftime("%m-%d")
            if working and day.weekday() >= 5:
                work.append(key)
            elif not working and pair[0]:
                off[key] = name_id(pair)
            elif not working and day.weekday() < 5:
                raise SystemExit(f"{day}: a weekday off without a name")
            day += timedelta(days=1)
        entry = json.dumps({"off": off, "work": work}, ensure_ascii=False)
        year_lines.append(f'  "{year}": {entry}')
    swap_years = [
        *holidays.countries.vietnam.VietnamStaticHolidays.special_public_holidays,
        *(d.year for d in by_day),
    ]
    head = {
        "schema": 1,
        "generated_by": "tools/build_calendar.py",
        "holidays_version": holidays.__version__,
        "first_year": FIRST_YEAR,
        "last_year": LAST_YEAR,
        "covered": [f"{FIRST_TRUSTED_YEAR}-01-01", f"{max(swap_years)}-12-31"],
    }
    lines = ["{"]
    lines += [f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}," for k, v in head.items()]
    lines.append('  "names": [')
    lines.append(",\n".join(f"    {json.dumps(list(p), ensure_ascii=False)}" for p in names))
    lines.append("  ],")
    lines.append('  "overrides": [')
    lines.append(",\n".join(f"    {json.dumps(o, ensure_ascii=False)}" for o in overrides))
    lines.append("  ],")
    lines.append('  "years": {')
    lines.append(",\n".join(year_lines))
    lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare, do not write")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    text = generate()
    if args.check:
        current = args.out.read_text("utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is out of date: run tools/build_calendar.py", file=sys.stderr)
            return 1
        print(f"{args.out} is up to date")
        return 0
    args.out.write_text(text, "utf-8")
    print(f"wrote {args.out} ({len(text.encode()):,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
