#!/usr/bin/env python3
"""Checks copydesk's date recognizer on chrono's English test cases (surface parsing).

    tests/eval/chrono_eval.py [--failures N] [--shared DIR] [--copydesk BIN]
                              [--json] [--min NAME=VALUE]...

Each case is one file: its text, with its reference date as the `date` header. A "single" case
passes when copydesk reports a date overlapping chrono's result span whose value agrees with the
year/month/day fields the chrono test asserted (those the value has); a "negative" case passes
when copydesk reports no date at all. See tests/eval/README.md for the categories.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))

import evallib  # noqa: E402
from evallib import Document, EvalError, Report, Span, table  # noqa: E402

CASES = Path("data") / "chrono-en" / "cases.jsonl"
FIELDS = ("year", "month", "day")
WEEKDAY_WINDOW_DAYS = 14
CATEGORIES = {
    "default": "dates (default parser)",
    "weekday": "bare weekdays",
    "configured": "non-default chrono setup",
    "negative": "negatives",
    "negative_nondefault": "negatives of strict/custom parsers",
}


def utf16_to_index(text: str, unit: int) -> int:
    """The code point index of a UTF-16 code unit offset into text."""
    units = 0
    for i, ch in enumerate(text):
        if units == unit:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > unit:
            raise EvalError(f"UTF-16 offset {unit} splits a surrogate pair in {text!r}")
    if units == unit:
        return len(text)
    raise EvalError(f"UTF-16 offset {unit} is past the end of {text!r}")


def value_fields(value: str) -> dict:
    """The calendar fields (year, month, day) a TIMEX3 value states. Unknown parts (XX) and
    values that name no calendar date (P3D, PRESENT_REF, 199X, T10:00) give fewer or none."""
    value = (value or "").strip()
    m = re.match(r"^(BC\d{4}|-?\d{4}|X{4})(?:-(\d{2}|XX)(?:-(\d{2}|XX))?)?(?:T.*)?$", value)
    if m:
        out = {}
        for name, part in zip(FIELDS, m.groups()):
            if part and part.startswith("BC"):  # TimeML's BC years: BC0234 is 234 BC
                out[name] = -int(part[2:])
            elif part and part.lstrip("-").isdigit():
                out[name] = int(part)
        return out
    m = re.match(r"^(\d{4})-W(\d{2})(?:-(\d|WE))?(?:T.*)?$", value)
    if m:
        year, week, day = int(m.group(1)), int(m.group(2)), m.group(3)
        try:
            if day and day.isdigit():
                d = dt.date.fromisocalendar(year, week, int(day))
                return {"year": d.year, "month": d.month, "day": d.day}
            days = (6, 7) if day == "WE" else range(1, 8)
            dates = [dt.date.fromisocalendar(year, week, d) for d in days]
        except ValueError:
            return {}
        out = {}
        for name in FIELDS:
            values = {getattr(d, name) for d in dates}
            if len(values) == 1:
                out[name] = values.pop()
        return out
    m = re.match(r"^(\d{4})-(?:Q[1-4]|H[12]|SP|SU|FA|WI)$", value)
    if m:
        return {"year": int(m.group(1))}
    return {}


def run_date(cases: list) -> str:
    """The day chrono's test run happened ("now" for cases without a reference): the implied
    date of the cases whose text states no date (e.g. "at 12"). Falls back to today."""
    days = Counter()
    for case in cases:
        if case.get("kind") == "single" and case.get("ref") is None and case.get("result"):
            start = case["result"]["start"]
            if not set(start.get("known", {})) & {"year", "month", "day", "weekday"}:
                implied = start.get("implied", {})
                if all(f in implied for f in FIELDS):
                    days[(implied["year"], implied["month"], implied["day"])] += 1
    if days:
        y, m, d = days.most_common(1)[0][0]
        return f"{y:04d}-{m:02d}-{d:02d}"
    return dt.date.today().isoformat()


def categorize(case: dict) -> str:
    parser = case.get("parser", "")
    option = case.get("option") or {}
    if case["kind"] == "negative":
        # chrono.strict and custom instances reject expressions a casual parser (and copydesk,
        # reading news) should find: "Tuesday", "in 15m", "5m ago".
        return "negative_nondefault" if parser in ("strict", "custom") else "negative"
    if parser in ("en.GB", "custom") or option:
        return "configured"
    known = case["result"]["start"].get("known", {})
    if "weekday" in known and "day" not in known:
        return "weekday"
    return "default"


class ChronoScorer(evallib.Scorer):
    name = "chrono"
    description = __doc__.split("\n\n")[0]

    def add_arguments(self, parser) -> None:
        parser.add_argument("--failures", type=int, default=0, metavar="N", help="list up to N failing cases")

    def required_paths(self, shared, args):
        return [shared / CASES]

    def load(self, shared, args):
        cases = []
        try:
            with open(shared / CASES, encoding="utf-8") as handle:
                for number, line in enumerate(handle, 1):
                    if line.strip():
                        try:
                            cases.append(json.loads(line))
                        except ValueError as exc:
                            raise EvalError(f"{CASES}:{number}: {exc}") from exc
        except OSError as exc:
            raise EvalError(f"cannot read {shared / CASES}: {exc}") from exc
        self.run_date = run_date(cases)
        docs = []
        for case in cases:
            kind, text = case.get("kind"), case.get("text")
            if kind not in ("single", "negative") or not isinstance(text, str):
                continue
            ref = case.get("ref")
            if ref:
                m = re.match(r"(\d{4}-\d{2}-\d{2})", ref.get("instant", ""))
                if not m:
                    raise EvalError(f"case {case.get('id')}: unreadable reference {ref!r}")
                dateline = m.group(1)
            else:
                dateline = self.run_date
            gold = {
                "id": case.get("id"),
                "kind": kind,
                "file": Path(case.get("file", "?")).name.replace(".test.ts", ""),
                "category": categorize(case),
                "text": text,
                "dateline": dateline,
            }
            if kind == "single":
                result = case["result"]
                # chrono's index counts UTF-16 code units (JavaScript strings).
                start = utf16_to_index(text, result["index"])
                end = utf16_to_index(text, result["index"] + len(result["text"].encode("utf-16-le")) // 2)
                if text[start:end] != result["text"]:
                    raise EvalError(f"case {case.get('id')}: result text is not at its index")
                known = result["start"].get("known", {})
                implied = result["start"].get("implied", {})
                expected = {}
                for name in FIELDS:
                    if f"start.get({name})" not in case.get("asserted", []):
                        continue
                    if name in known:
                        expected[name] = known[name]
                    elif ref and name in implied:
                        # Without a reference, implied fields came from the run's clock.
                        expected[name] = implied[name]
                resolved = {**implied, **known}
                gold.update(
                    span=Span(start, end, result["text"]),
                    expected=expected,
                    weekday=known.get("weekday"),
                    chrono_date=tuple(resolved.get(f) for f in FIELDS),
                )
            docs.append(Document(key=f"chrono/{case.get('id')}", body=text, dateline=dateline, gold=gold))
        if not docs:
            raise EvalError(f"no cases in {shared / CASES}")
        return docs

    def oracle(self, doc):
        gold = doc.gold
        if gold["kind"] != "single":
            return {"dates": [], "attributions": [], "hedges": []}
        y, m, d = gold["chrono_date"]
        year = f"BC{-y:04d}" if y is not None and y < 0 else f"{y:04d}" if y is not None else "XXXX"
        value = f"{year}-{m:02d}-{d:02d}" if None not in (m, d) else year
        span = gold["span"]
        date = {"start": span.start, "end": span.end, "type": "DATE", "value": value}
        return {"dates": [date], "attributions": [], "hedges": []}

    def score(self, docs, annotations, args):
        results = []
        for doc, ann in zip(docs, annotations):
            results.append(judge(doc.gold, ann))
        figures, counts, rows_summary = {}, {}, []
        by_category = defaultdict(list)
        for r in results:
            by_category[r["category"]].append(r)

        def rate(items, key):
            return sum(1 for r in items if r[key]) / len(items)

        for category, label in CATEGORIES.items():
            items = by_category.get(category, [])
            counts[f"{category}.cases"] = len(items)
            if not items:
                continue
            if category in ("negative", "negative_nondefault"):
                figures[f"{category}.pass_rate"] = rate(items, "pass")
                rows_summary.append([label, len(items), figures[f"{category}.pass_rate"], "", ""])
                continue
            figures[f"{category}.pass_rate"] = rate(items, "pass")
            figures[f"{category}.surface_rate"] = rate(items, "surface")
            figures[f"{category}.complete_rate"] = rate(items, "complete")
            counts[f"{category}.value_checked"] = sum(1 for r in items if r["checked"])
            if category == "weekday":
                figures["weekday.consistent_rate"] = rate(items, "weekday_consistent")
            rows_summary.append(
                [label, len(items)] + [figures[f"{category}.{k}"] for k in ("pass_rate", "surface_rate", "complete_rate")]
            )

        files = sorted({r["file"] for r in results})
        rows_files = []
        for name in files:
            row = [name]
            for category in ("default", "weekday", "configured", "negative"):
                items = [r for r in results if r["file"] == name and r["category"] == category]
                row.append(f"{sum(r['pass'] for r in items)}/{len(items)}" if items else "-")
            default_items = [r for r in results if r["file"] == name and r["category"] == "default"]
            if default_items:
                figures[f"file.{name}.pass_rate"] = rate(default_items, "pass")
            rows_files.append(row)

        weekday = by_category.get("weekday", [])
        text = [
            f"chrono English cases: {len(results)} (reference for cases without one: {getattr(self, 'run_date', '?')})",
            table(["category", "cases", "pass", "span found", "fields complete"], rows_summary),
        ]
        if weekday:
            text.append(
                f"bare weekdays: span found {figures['weekday.surface_rate']:.3f}, agrees with chrono "
                f"{figures['weekday.pass_rate']:.3f}, on that weekday within {WEEKDAY_WINDOW_DAYS} days of the "
                f"reference {figures['weekday.consistent_rate']:.3f} (news convention may differ from chrono)"
            )
        text += [
            "",
            "passes by file (default / weekday / configured / negative):",
            table(["file", "default", "weekday", "configured", "negative"], rows_files),
        ]
        failures = [r for r in results if not r["pass"]]
        if args.failures and failures:
            text += ["", f"failures (first {min(args.failures, len(failures))} of {len(failures)}):"]
            for r in failures[: args.failures]:
                text.append(
                    f"  #{r['id']} {r['file']} [{r['category']}] {r['text']!r} (ref {r['dateline']}): "
                    f"expected {r['expected_text']}; got {r['got'] or 'no date'}"
                )
        details = {"run_date": getattr(self, "run_date", None), "failures": [
            {k: r[k] for k in ("id", "file", "category", "text", "dateline", "expected_text", "got")} for r in failures
        ]}
        return Report(figures, counts, "\n".join(text), details)


def judge(gold: dict, ann) -> dict:
    dates = list(ann.dates)
    out = {
        "id": gold["id"],
        "file": gold["file"],
        "category": gold["category"],
        "text": gold["text"],
        "dateline": gold["dateline"],
        "got": ", ".join(f"{d.text!r}={d.attrs.get('value')}" for d in dates),
    }
    if gold["kind"] == "negative":
        out.update(expected_text="no date", surface=False, checked=False, complete=False, weekday_consistent=False)
        out["pass"] = not dates
        return out
    span, expected = gold["span"], gold["expected"]
    overlapping = [d for d in dates if d.overlaps(span)]
    agree = complete = consistent = False
    ref = dt.date.fromisoformat(gold["dateline"])
    for d in overlapping:
        fields = value_fields(d.attrs.get("value") or "")
        stated = [f for f in expected if f in fields]
        # Agree on every asserted field the value states; and if the case asserts any, the value
        # must state at least one (P3D or XXXX resolves nothing).
        if all(fields[f] == expected[f] for f in stated) and (stated or not expected):
            agree = True
        if all(fields.get(f) == v for f, v in expected.items()):
            complete = True
        if gold["weekday"] is not None and all(f in fields for f in FIELDS):
            try:
                day = dt.date(fields["year"], fields["month"], fields["day"])
            except ValueError:
                continue
            if (day.weekday() + 1) % 7 == gold["weekday"] and abs((day - ref).days) <= WEEKDAY_WINDOW_DAYS:
                consistent = True
    out.update(
        expected_text=f"{span.text!r}" + (f" with {expected}" if expected else ""),
        surface=bool(overlapping),
        checked=bool(expected),
        complete=complete,
        weekday_consistent=consistent,
    )
    out["pass"] = agree
    return out


if __name__ == "__main__":
    sys.exit(ChronoScorer().main())
