#!/usr/bin/env python3
"""Self-test of the accuracy scorers, without the copydesk binary.

    tests/eval/selftest.py [--shared DIR] [--skip-real] [-v]

1. Unit checks of the shared pieces: span alignment (TempEval-3's pairing), byte -> character
   offsets, TIMEX3 value fields, UTF-16 offsets.
2. A small synthetic copy of every data set (written to a temporary folder, in the real
   layouts, with non-ASCII and astral characters, discontinuous spans, several annotators, ...)
   is scored through each scorer's command line with tests/eval/fake_annotate.py standing in for
   `copydesk annotate`. The fake answers from an oracle (the gold, as annotate objects) in
   several modes, and the figures must come out as computed by hand: perfect = 1.0, nothing =
   0, shrunk spans = overlap only, doubled spans = precision 0.5, wrong values, a false date in
   the header line. Exit codes (SKIP 77, floors 1, errors 2) are checked too.
3. When the real shared data is present (--shared, $COPYDESK_SHARED or ../shared), every scorer
   runs over it with the perfect oracle (every figure must be 1.0) and with nothing (every F1
   must be 0): this checks the loaders and the offset mapping on the real files.

Exit 0 when every check passes, 1 otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(HERE))

import chrono_eval  # noqa: E402
import evallib  # noqa: E402
import polnear_eval  # noqa: E402
import szeged_eval  # noqa: E402
import timeml_eval  # noqa: E402
from evallib import Document, OffsetMap, Span, align  # noqa: E402

SCORERS = {
    "timeml": (timeml_eval.TimeMLScorer, HERE / "timeml_eval.py"),
    "polnear": (polnear_eval.PolNeARScorer, HERE / "polnear_eval.py"),
    "szeged": (szeged_eval.SzegedScorer, HERE / "szeged_eval.py"),
    "chrono": (chrono_eval.ChronoScorer, HERE / "chrono_eval.py"),
}


class Checker:
    def __init__(self, verbose: bool) -> None:
        self.verbose = verbose
        self.failures: list[str] = []
        self.passed = 0

    def check(self, condition: bool, message: str) -> None:
        if condition:
            self.passed += 1
            if self.verbose:
                print(f"  ok   {message}")
        else:
            self.failures.append(message)
            print(f"  FAIL {message}")

    def equal(self, actual, expected, message: str, tolerance: float = 1e-9) -> None:
        if isinstance(expected, float) or isinstance(actual, float):
            ok = actual is not None and expected is not None and abs(actual - expected) <= tolerance
        else:
            ok = actual == expected
        self.check(ok, f"{message}: got {actual!r}, expected {expected!r}")


# --------------------------------------------------------------------------------------------
# 1. Unit checks


def unit_checks(c: Checker) -> None:
    print("unit checks")
    S = lambda s, e: Span(s, e)  # noqa: E731
    # TE3: gold "Sunday morning", system "Sunday" + "morning": one pair only.
    c.equal(align([S(0, 14)], [S(0, 6), S(7, 14)]), [(0, 0)], "align: two system parts of one gold")
    c.equal(align([S(0, 6), S(7, 14)], [S(0, 14)]), [(0, 0)], "align: one system span over two golds")
    c.equal(align([S(5, 10)], [S(0, 7)]), [(0, 0)], "align: system starts before gold")
    c.equal(align([S(0, 5)], [S(5, 8)]), [], "align: adjacent spans do not overlap")
    c.equal(align([S(0, 5), S(0, 5)], [S(0, 5), S(0, 5)]), [(0, 0), (1, 1)], "align: repeated spans pair one to one")
    c.equal(align([S(0, 20), S(5, 8)], [S(5, 8)]), [(1, 0)], "align: exact extent wins over an enclosing span")
    c.equal(
        align([Span(0, 30, frags=((0, 10), (20, 30)))], [S(12, 18)]), [], "align: a gap in a discontinuous span is no overlap"
    )
    c.equal(align([Span(0, 30, frags=((0, 10), (20, 30)))], [S(25, 40)]), [(0, 0)], "align: overlap with a later fragment")
    c.equal(align([S(0, 4)], [S(-1, -1)]), [], "align: a header span matches nothing")
    c.equal(align([S(0, 20), S(5, 15)], [S(6, 10)]), [(1, 0)], "align: nested golds, the innermost open one pairs")

    doc = Document("x", "é𝄞a", "2020-01-01")
    omap = OffsetMap(doc)
    prefix = len(b"date 2020-01-01\n")
    c.equal(omap.prefix, prefix, "offsets: header length")
    c.equal([omap.to_char(prefix + b, False)[0] for b in (0, 2, 6, 7)], [0, 1, 2, 3], "offsets: UTF-8 bytes to characters")
    c.equal(omap.to_char(prefix + 1, False), (0, False), "offsets: a byte inside a character rounds down and is flagged")
    c.equal(omap.to_char(prefix + 3, True), (2, False), "offsets: an end inside a character rounds up and is flagged")
    ascii_doc = Document("y", "plain", None)
    c.equal(OffsetMap(ascii_doc).to_char(3, False), (3, True), "offsets: no header, ASCII")

    vf = chrono_eval.value_fields
    c.equal(vf("2012-08-10"), {"year": 2012, "month": 8, "day": 10}, "value: full date")
    c.equal(vf("2012-08-10T10:00"), {"year": 2012, "month": 8, "day": 10}, "value: date and time")
    c.equal(vf("2012-08"), {"year": 2012, "month": 8}, "value: month")
    c.equal(vf("XXXX-08-10"), {"month": 8, "day": 10}, "value: unknown year")
    c.equal(vf("2012-W32"), {"year": 2012, "month": 8}, "value: week within one month")
    c.equal(vf("2012-W32-3"), {"year": 2012, "month": 8, "day": 8}, "value: week day")
    c.equal(vf("2015-W01"), {}, "value: week across a new year")
    c.equal(vf("2012-Q1"), {"year": 2012}, "value: quarter")
    c.equal(vf("BC0234-08-10"), {"year": -234, "month": 8, "day": 10}, "value: BC year")
    for v in ("P3D", "PRESENT_REF", "199X", "T10:00", ""):
        c.equal(vf(v), {}, f"value: {v!r} states no calendar field")
    c.equal(chrono_eval.utf16_to_index("🎉 a", 3), 2, "UTF-16 offset after an astral character")
    c.equal(szeged_eval.cue_type("speculation_hypo_doxastic _"), "doxastic", "Szeged cue type")


# --------------------------------------------------------------------------------------------
# 2. Synthetic data sets (our own sentences, in the real layouts)


def add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = 0
    tar.addfile(info, io.BytesIO(data))


TML_TIMEBANK = """<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<DOCID>SYN19980108.0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" temporalFunction="false" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TITLE>Caf\u00e9 prices on <TIMEX3 tid="t9" type="DATE" value="1998-01-09">Friday</TIMEX3></TITLE>
<TEXT>
Z\u00dcRICH \u2014 The caf\u00e9&apos;s owner <EVENT eid="e1" class="REPORTING">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07">Wednesday</TIMEX3> that prices <EVENT eid="e2" class="OCCURRENCE">rose</EVENT> <SIGNAL sid="s1">for</SIGNAL> <TIMEX3 tid="t2" type="DURATION" value="P3M">three months</TIMEX3> &amp; more.
\u201cWe are \U0001d11e happy,\u201d she <EVENT eid="e3" class="REPORTING">told</EVENT> reporters.
</TEXT>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t1"/>
</TimeML>
"""

TML_AQUAINT = """<?xml version="1.0" ?>
<TimeML>
<DOCID>SYN19980807.0002</DOCID>
<DCT><TIMEX3 tid="t0" type="TIME" value="1998-08-07T06:18:00" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TEXT>
NAIROBI (AP) _ Two blasts shook the city <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> at <TIMEX3 tid="t3" type="TIME" value="1998-08-07T10:30">10:30 a.m.</TIMEX3>, police<EVENT eid="e5" class="REPORTING"> said </EVENT>.<TIMEX3 tid="t5" type="DATE" value="1998-08" />
</TEXT>
</TimeML>
"""


def polnear_files() -> dict[str, str]:
    """The synthetic PolNeAR archive's files; .ann offsets are computed from the texts."""
    train_text = (
        "Officials said the bridge \u201cwill reopen in March,\u201d and added, \u201cno more delays.\u201d\n\n"
        "Prices rose, a memo showed.\n"
    )
    dev_text = "\u201cWe will win.\n\nAnd we will win big,\u201d Trump said on Tuesday. \U0001f389 Critics disagreed.\n"

    def at(text: str, sub: str, nth: int = 0) -> tuple[int, int]:
        pos = -1
        for _ in range(nth + 1):
            pos = text.index(sub, pos + 1)
        return pos, pos + len(sub)

    def t(text: str, tid: str, label: str, *frags) -> str:
        offsets = ";".join(f"{s} {e}" for s, e in frags)
        shown = " ".join(text[s:e] for s, e in frags)
        return f"{tid}\t{label} {offsets}\t{shown}\n"

    tr = train_text
    train_a = (
        t(tr, "T1", "Source", at(tr, "Officials"))
        + t(tr, "T2", "Cue", at(tr, "said"))
        + t(tr, "T3", "Content", at(tr, "the bridge \u201cwill reopen in March,\u201d"), at(tr, "\u201cno more delays.\u201d"))
        + t(tr, "T4", "Attribution", at(tr, "said"))
        + "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
        + t(tr, "T5", "Content", at(tr, "Prices"))
        + t(tr, "T6", "Content", at(tr, "rose"))
        + t(tr, "T7", "Source", at(tr, "a memo"))
        + t(tr, "T8", "Cue", at(tr, "showed"))
        + t(tr, "T9", "Attribution", at(tr, "showed"))
        + "E2\tAttribution:T9 Content:T5 Content2:T6 Source:T7 Cue:T8\n"
        + t(tr, "T10", "Content", at(tr, "bridge"))
        + t(tr, "T11", "Attribution-no-source", at(tr, "added"))
        + "E3\tAttribution-no-source:T11 Content:T10\n"  # no cue: skipped
        + t(tr, "T12", "Discuss", at(tr, "Prices rose"))
        + "#1\tAnnotatorNotes T12\tnot an attribution\n"
    )
    train_b = t(tr, "T1", "Cue", at(tr, "added")) + t(tr, "T2", "Attribution", at(tr, "added")) + "E1\tAttribution:T2 Cue:T1\n"
    dv = dev_text
    dev_a = (
        t(dv, "T1", "Content", at(dv, "We will win.\n\nAnd we will win big,"))  # its text runs over lines
        + t(dv, "T2", "Source", at(dv, "Trump"))
        + t(dv, "T3", "Cue", at(dv, "said"))
        + t(dv, "T4", "Attribution", at(dv, "said"))
        + "E1\tAttribution:T4 Content:T1 Source:T2 Cue:T3\n"
        + t(dv, "T5", "Source", at(dv, "Critics"))
        + t(dv, "T6", "Cue", at(dv, "disagreed"))
        + t(dv, "T7", "Attribution", at(dv, "disagreed"))
        + "E2\tAttribution:T7 Source:T5 Cue:T6\n"
    )
    columns = "compartment filename level annotators publisher publication_date author title trump_count clinton_count"
    header = "\t".join(columns.split() + ["credit", "wire"]) + "\n"
    rows = (
        "annotator-training\tsyn_2016-03-11_training\tNone\taaaa|bbbb\tsyn\t2016-03-11\tX\tT\t0\t0\tNone\tNone\n"
        "train\tsyn_2016-01-02_bridge\t3\taaaa|bbbb\tsyn\t2016-01-02\tX\tT\t0\t1\tNone\tNone\n"
        "dev\tsyn_2016-09-20_rally\t17\taaaa\tsyn\t2016-09-20\tX\tT\t1\t0\tNone\tNone\n"
        "test\tsyn_2016-10-20_hidden\t20\taaaa\tsyn\t2016-10-20\tX\tT\t1\t0\tNone\tNone\n"
    )
    return {
        "README.md": "synthetic\n",
        "metadata.tsv": header + rows,
        "train/text/syn_2016-01-02_bridge.txt": train_text,
        "train/attributions/syn_2016-01-02_bridge_aaaa.ann": train_a,
        "train/attributions/syn_2016-01-02_bridge_bbbb.ann": train_b,
        "dev/text/syn_2016-09-20_rally.txt": dev_text,
        "dev/attributions/syn_2016-09-20_rally_aaaa.ann": dev_a,
    }


def szeged_rows() -> dict[str, list]:
    def row(doc, sid, text, cues):
        out = []
        for sub, kind in cues:
            s = text.index(sub)
            out.append({"start": s, "end": s + len(sub), "type": kind, "text": sub})
        return {"doc": doc, "sid": sid, "text": text, "uncertain": bool(out), "cues": out}

    news = [
        row("APW19980213.1310.txt", "S1.1", "The minister may resign, aides said.", [("may", "speculation_modal_possible_")]),
        row("APW19980213.1310.txt", "S1.2", "He  denied it.", []),
        row(
            "APW19980213.1310.txt",
            "S1.3",
            "It is unclear whether the vote will pass \u2014 or when.",
            [("whether", "speculation_hypo_investigation _")],
        ),
        row("NYT19981026.0446.txt", "S1.1", "Caf\u00e9 sales probably rose.", [("probably", "speculation_modal_probable_")]),
        row("NYT19981026.0446.txt", "S1.2", "Nothing else changed.", []),
    ]
    wiki = [
        row(
            "Clef_(music)_12",
            "S1.1",
            "The \U0001d11e clef is believed to date from 1000.",
            [("believed", "speculation_hypo_doxastic _")],
        ),
        row("Clef_(music)_12", "S1.2", "It is used widely.", []),
    ]
    return {"factbank-news-dev.jsonl": news, "wiki-dev.jsonl": wiki}


def chrono_cases() -> list[dict]:
    def single(i, file, text, match, ref, known, implied, asserted, parser="casual", option=None):
        index = len(text[: text.index(match)].encode("utf-16-le")) // 2
        return {
            "kind": "single", "file": f"test/en/{file}.test.ts", "test": "synthetic", "parser": parser,
            "text": text, "ref": {"instant": ref} if ref else None, "option": option,
            "result": {
                "index": index,
                "text": match,
                "start": {"known": known, "implied": implied, "date": "", "tags": []},
                "end": None,
            },
            "asserted": asserted, "id": i, "ref_is_run_time": ref is None,
        }

    def negative(i, file, text, parser="module(casual)"):
        return {"kind": "negative", "file": f"test/en/{file}.test.ts", "test": "synthetic", "parser": parser,
                "text": text, "ref": None, "option": None, "id": i, "ref_is_run_time": True}

    ymd = ["start.get(year)", "start.get(month)", "start.get(day)"]
    return [
        single(0, "en_syn", "\U0001f389 Party on 5 May 2020!", "5 May 2020", "2020-04-01T00:00:00.000Z",
               {"day": 5, "month": 5, "year": 2020}, {"hour": 12}, ["index", "text"] + ymd),
        single(1, "en_syn", "September 2012", "September 2012", None, {"month": 9, "year": 2012}, {"day": 1}, ymd),
        single(2, "en_syn", "at 12", "at 12", None, {"hour": 12}, {"day": 21, "month": 11, "year": 2026}, ["start.get(hour)"]),
        single(3, "en_year", "10 August 234 BCE", "10 August 234 BCE", "2012-08-10T12:00:00.000Z",
               {"day": 10, "month": 8, "year": -234}, {}, ymd),
        single(4, "en_weekday", "Monday", "Monday", "2012-08-09T00:00:00.000Z",
               {"weekday": 1}, {"day": 6, "month": 8, "year": 2012}, ymd + ["start.get(weekday)"]),
        single(5, "en_weekday", "Monday (forward)", "Monday", "2012-08-09T00:00:00.000Z",
               {"weekday": 1}, {"day": 13, "month": 8, "year": 2012}, ymd, option={"forwardDate": True}),
        negative(6, "negative_cases", "I'm at 10.1"),
        negative(7, "en", "Tuesday", parser="strict"),
        {"kind": "other", "text": "ignored", "id": 8},
    ]


def build_synthetic(root: Path) -> None:
    (root / "data" / "timeml").mkdir(parents=True)
    with tarfile.open(root / "data" / "timeml" / "tbaq-cleaned.tar.xz", "w:xz") as tar:
        add_bytes(tar, "tbaq-cleaned/TimeBank/SYN19980108.0001.tml", TML_TIMEBANK.encode("utf-8"))
        add_bytes(tar, "tbaq-cleaned/AQUAINT/SYN19980807.0002.tml", TML_AQUAINT.encode("utf-8"))
        add_bytes(tar, "tbaq-cleaned/README.txt", b"synthetic\n")
    (root / "data" / "polnear").mkdir(parents=True)
    with tarfile.open(root / "data" / "polnear" / "polnear-train-dev.tar.xz", "w:xz") as tar:
        for name, text in polnear_files().items():
            add_bytes(tar, name, text.encode("utf-8"))
    (root / "data" / "szeged").mkdir(parents=True)
    for name, rows in szeged_rows().items():
        with open(root / "data" / "szeged" / name, "w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    (root / "data" / "chrono-en").mkdir(parents=True)
    with open(root / "data" / "chrono-en" / "cases.jsonl", "w", encoding="utf-8") as out:
        for case in chrono_cases():
            out.write(json.dumps(case, ensure_ascii=False) + "\n")


# --------------------------------------------------------------------------------------------
# Running a scorer with the fake annotate


def write_oracle(name: str, shared: Path, extra: list[str], path: Path) -> int:
    """Loads the documents as the scorer does and writes the oracle the fake answers from.
    The file bytes are rendered here from the documented format, independently of the scorer."""
    scorer_class, _ = SCORERS[name]
    scorer = scorer_class()
    args = scorer.parse_args(["--shared", str(shared), *extra])
    docs = scorer.load(shared, args)
    oracle: dict[str, dict] = {}
    for doc in docs:
        rendered = (f"date {doc.dateline}\n" if doc.dateline else "") + doc.body
        entry = oracle.setdefault(hashlib.sha256(rendered.encode("utf-8")).hexdigest(), {"body": doc.body, "annotations": []})
        entry["annotations"].append(scorer.oracle(doc))
    path.write_text(json.dumps(oracle, ensure_ascii=False), encoding="utf-8")
    return len(docs)


def run_scorer(
    name: str, shared: Path, fake: Path, oracle: Path | None, mode: str, extra: list[str]
) -> tuple[int, dict | None, str, str, float]:
    """Runs a scorer's command line with --json: (exit code, parsed JSON or None, stdout, stderr, seconds)."""
    _, script = SCORERS[name]
    env = dict(os.environ)
    env.pop("COPYDESK_FAKE_ORACLE", None)
    if oracle is not None:
        env["COPYDESK_FAKE_ORACLE"] = str(oracle)
    env["COPYDESK_FAKE_MODE"] = mode
    command = [sys.executable, str(script), "--shared", str(shared), "--copydesk", str(fake), "--json", *extra]
    started = time.perf_counter()
    proc = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - started
    result = None
    if proc.returncode in (0, 1):
        try:
            result = json.loads(proc.stdout)
        except ValueError:
            result = None
    return proc.returncode, result, proc.stdout, proc.stderr, seconds


def make_fake(folder: Path) -> Path:
    """A wrapper that runs fake_annotate.py with this Python, whatever the file modes."""
    wrapper = folder / "copydesk-fake"
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{HERE / "fake_annotate.py"}" "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    return wrapper


EXTRA = {"timeml": [], "polnear": ["--split", "all"], "szeged": [], "chrono": []}

# Hand-computed figures for the synthetic data, by mode. "*" = every figure.
SYNTHETIC_EXPECTED = {
    "timeml": {
        "counts": {
            "all.timex.gold": 4,
            "all.cue.gold": 3,
            "timebank.timex.gold": 2,
            "aquaint.cue.gold": 1,
        },
        "perfect": {
            "*": 1.0,
        },
        "empty": {
            "all.timex.strict.f1": 0.0,
            "all.timex.relaxed.f1": 0.0,
            "all.timex.value.f1": 0.0,
            "all.cue.overlap.f1": 0.0,
        },
        "shrink": {
            "all.timex.strict.f1": 0.0,
            "all.timex.relaxed.f1": 1.0,
            "all.timex.value.f1": 1.0,
            "all.cue.strict.f1": 0.0,
            "all.cue.overlap.f1": 1.0,
        },
        "double": {
            "all.timex.relaxed.p": 0.5,
            "all.timex.relaxed.r": 1.0,
            "all.timex.strict.p": 0.5,
            "all.cue.overlap.p": 0.5,
            "all.timex.value.accuracy": 1.0,
        },
        "wrongvalue": {
            "all.timex.relaxed.f1": 1.0,
            "all.timex.value.accuracy": 0.0,
            "all.timex.value.f1": 0.0,
            "all.timex.type.f1": 0.0,
            "all.cue.strict.f1": 1.0,
        },
        "header": {
            "all.timex.relaxed.p": 4 / 6,
            "all.timex.relaxed.r": 1.0,
            "timebank.timex.strict.p": 4 / 6,
            "all.cue.overlap.p": 1.0,
        },
    },
    "polnear": {
        "counts": {
            "train.cue.gold": 2,
            "train.source.gold": 2,
            "train.content.gold": 2,
            "train.content.gold_discontinuous": 2,
            "dev.cue.gold": 2,
            "dev.source.gold": 2,
            "dev.content.gold": 1,
        },
        "perfect": {
            "*": 1.0,
        },
        "empty": {
            "dev.cue.exact.f1": 0.0,
            "dev.content.overlap.f1": 0.0,
            "train.source.overlap.f1": 0.0,
        },
        "shrink": {
            "dev.cue.exact.f1": 0.0,
            "dev.cue.overlap.f1": 1.0,
            "train.content.exact.f1": 0.0,
            "train.content.overlap.f1": 1.0,
        },
        "double": {
            "dev.cue.exact.p": 0.5,
            "dev.cue.exact.r": 1.0,
            "train.content.overlap.p": 0.5,
            "train.content.exact.r": 1.0,
        },
    },
    "szeged": {
        "counts": {
            "news.sentences": 5,
            "news.sentence.tp": None,
            "wiki.sentences": 2,
            "news.cue.gold": 3,
            "wiki.cue.gold": 1,
        },
        "perfect": {
            "*": 1.0,
        },
        "empty": {
            "news.sentence.f1": 0.0,
            "news.sentence.accuracy": 2 / 5,
            "wiki.cue.overlap.f1": 0.0,
            "news.cue.recall.probable": 0.0,
        },
        "shrink": {
            "news.sentence.f1": 1.0,
            "news.cue.exact.f1": 0.0,
            "news.cue.overlap.f1": 1.0,
            "wiki.cue.exact.r": 0.0,
        },
        "double": {
            "news.cue.overlap.p": 0.5,
            "news.cue.overlap.r": 1.0,
            "news.sentence.p": 1.0,
        },
    },
    "chrono": {
        "counts": {
            "default.cases": 4,
            "weekday.cases": 1,
            "configured.cases": 1,
            "negative.cases": 1,
            "negative_nondefault.cases": 1,
        },
        "perfect": {
            "*": 1.0,
        },
        "empty": {
            "default.pass_rate": 0.0,
            "weekday.surface_rate": 0.0,
            "negative.pass_rate": 1.0,
            "negative_nondefault.pass_rate": 1.0,
        },
        "shrink": {
            "default.pass_rate": 1.0,
            "weekday.consistent_rate": 1.0,
            "negative.pass_rate": 1.0,
        },
        "wrongvalue": {
            "default.pass_rate": 0.25,
            "default.surface_rate": 1.0,
            "default.complete_rate": 0.25,
            "weekday.pass_rate": 0.0,
            "weekday.consistent_rate": 0.0,
            "configured.pass_rate": 0.0,
            "negative.pass_rate": 1.0,
        },
    },
}


def loader_checks(c: Checker, shared: Path) -> None:
    """What the scorers write for the synthetic data: the documents' text and datelines."""
    print("synthetic documents")

    def load(name: str) -> list[Document]:
        scorer = SCORERS[name][0]()
        args = scorer.parse_args(["--shared", str(shared), *EXTRA[name]])
        return scorer.load(shared, args)

    tml = {d.key: d for d in load("timeml")}
    c.equal(sorted(tml), ["AQUAINT/SYN19980807.0002", "TimeBank/SYN19980108.0001"], "timeml: document keys")
    tb = tml["TimeBank/SYN19980108.0001"]
    c.equal(tb.dateline, "1998-01-08", "timeml: DCT is the dateline")
    c.check(tb.body.startswith("\nZ\u00dcRICH \u2014 The caf\u00e9's owner said Wednesday"), "timeml: <TEXT> only, entities decoded")
    c.check("Friday" not in tb.body and "&" in tb.body, "timeml: no <TITLE> text; &amp; decoded")
    c.equal([t.text for t in tb.gold["timex"]], ["Wednesday", "three months"], "timeml: TIMEX3 spans")
    aq = tml["AQUAINT/SYN19980807.0002"]
    c.equal(aq.dateline, "1998-08-07", "timeml: DCT with a time")
    c.equal([r.text for r in aq.gold["reporting"]], ["said"], "timeml: REPORTING span trimmed")
    c.equal([t.attrs["value"] for t in aq.gold["timex"]], ["1998-08-07", "1998-08-07T10:30"], "timeml: values; empty TIMEX3 skipped")

    pn = {d.key: d for d in load("polnear")}
    c.equal(sorted(pn), ["dev/syn_2016-09-20_rally", "train/syn_2016-01-02_bridge"], "polnear: train and dev articles only")
    train = pn["train/syn_2016-01-02_bridge"]
    c.equal(train.dateline, "2016-01-02", "polnear: publication date is the dateline")
    c.equal(train.meta["annotation"], "syn_2016-01-02_bridge_aaaa.ann", "polnear: first annotator")
    c.equal(train.gold[1]["content"].text, "Prices rose", "polnear: Content + Content2 merged (hull)")
    c.equal(len(train.gold[0]["content"].frags), 2, "polnear: discontinuous content keeps its fragments")

    sz = {d.key: d for d in load("szeged")}
    apw = sz["news/APW19980213.1310.txt"]
    c.equal(
        apw.body,
        "The minister may resign, aides said.\n\nHe  denied it.\n\nIt is unclear whether the vote will pass \u2014 or when.",
        "szeged: one paragraph per sentence",
    )
    c.equal(apw.dateline, "1998-02-13", "szeged: news date from the document id")
    c.equal(sz["wiki/Clef_(music)_12"].dateline, None, "szeged: no date for Wikipedia")
    c.equal([apw.body[g.start : g.end] for g in apw.gold["cues"]], ["may", "whether"], "szeged: cue offsets in the document")

    ch = {d.key: d for d in load("chrono")}
    c.equal(len(ch), 8, "chrono: single and negative cases only")
    c.equal(ch["chrono/1"].dateline, "2026-11-21", "chrono: no reference -> the run's date")
    c.equal(ch["chrono/0"].dateline, "2020-04-01", "chrono: reference date")
    c.equal(ch["chrono/0"].gold["span"].text, "5 May 2020", "chrono: UTF-16 index after an emoji")
    c.equal(ch["chrono/1"].gold["expected"], {"year": 2012, "month": 9}, "chrono: no reference -> only stated fields")
    c.equal({d.gold["category"] for d in ch.values()}, set(chrono_eval.CATEGORIES), "chrono: every category")


def check_figures(c: Checker, label: str, result: dict | None, expected: dict) -> None:
    if result is None:
        c.check(False, f"{label}: no JSON result")
        return
    figures = result["figures"]
    for name, value in expected.items():
        if name == "*":
            off = {k: v for k, v in figures.items() if abs(v - value) > 1e-9}
            c.check(bool(figures) and not off, f"{label}: every figure is {value} (off: {dict(list(off.items())[:6])})")
        else:
            c.equal(figures.get(name), value, f"{label}: {name}")


def synthetic_checks(c: Checker, work: Path, fake: Path) -> None:
    shared = work / "synthetic-shared"
    build_synthetic(shared)
    loader_checks(c, shared)
    for name in SCORERS:
        print(f"synthetic {name}")
        oracle = work / f"{name}-synthetic-oracle.json"
        try:
            write_oracle(name, shared, EXTRA[name], oracle)
        except Exception:  # noqa: BLE001 - report and go on with the other scorers
            c.check(False, f"{name}: loading the synthetic data raised:\n{traceback.format_exc()}")
            continue
        expected = SYNTHETIC_EXPECTED[name]
        for mode, figures in expected.items():
            if mode == "counts":
                continue
            code, result, _out, err, _s = run_scorer(name, shared, fake, oracle, mode, EXTRA[name])
            c.equal(code, 0, f"{name} {mode}: exit code ({err.strip()[-300:]})")
            check_figures(c, f"{name} {mode}", result, figures)
            if mode == "perfect" and result is not None:
                for key, value in expected["counts"].items():
                    if value is not None:
                        c.equal(result["counts"].get(key), value, f"{name}: count {key}")
                c.equal(result["warnings"], {}, f"{name} perfect: no contract warnings")
            if mode == "header" and result is not None:
                c.check(result["warnings"].get("span in the date header", 0) > 0, f"{name} header: the header span is reported")

    print("command line")
    # The data set is absent: SKIP, exit 77.
    empty = work / "no-data"
    empty.mkdir()
    for name in SCORERS:
        code, _r, out, _e, _s = run_scorer(name, empty, fake, None, "perfect", EXTRA[name])
        c.check(code == 77 and out.startswith("SKIP: "), f"{name}: absent data gives SKIP and exit 77 (got {code}, {out[:60]!r})")
    oracle = work / "timeml-synthetic-oracle.json"
    floors = ["--min", "all.timex.relaxed.f1=1", "--min", "aquaint.cue.strict.f1=0.5"]
    code, result, _o, _e, _s = run_scorer("timeml", shared, fake, oracle, "perfect", floors)
    c.check(code == 0 and result and result["below_floor"] == [], f"floors met: exit 0 (got {code})")
    code, result, _o, err, _s = run_scorer("timeml", shared, fake, oracle, "shrink", ["--min", "all.timex.strict.f1=0.9"])
    named = bool(result) and result["below_floor"] == ["all.timex.strict.f1"]
    c.check(code == 1 and named, f"floor missed: exit 1 and named (got {code})")
    c.check("below its floor" in err, "floor missed: explained on stderr")
    code, *_ = run_scorer("timeml", shared, fake, oracle, "perfect", ["--min", "all.no.such.figure=0.1"])
    c.equal(code, 2, "unknown floor name: exit 2")
    code, *_ = run_scorer("timeml", shared, fake, oracle, "perfect", ["--min", "all.timex.relaxed.f1"])
    c.equal(code, 2, "malformed floor: exit 2")
    code, *_ = run_scorer("timeml", shared, work / "no-such-binary", oracle, "perfect", [])
    c.equal(code, 2, "missing binary: exit 2")
    code, _r, _o, err, _s = run_scorer("timeml", shared, fake, None, "perfect", [])
    c.check(code == 2 and "annotate" in err, f"annotate fails: exit 2 with its stderr (got {code})")
    # The table output (no --json) runs too.
    env = dict(os.environ, COPYDESK_FAKE_ORACLE=str(oracle), COPYDESK_FAKE_MODE="perfect")
    proc = subprocess.run(
        [sys.executable, str(SCORERS["timeml"][1]), "--shared", str(shared), "--copydesk", str(fake)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    c.check(proc.returncode == 0 and "TIMEX3 relaxed" in proc.stdout, "table output")


def real_checks(c: Checker, work: Path, fake: Path, shared: Path) -> None:
    for name in SCORERS:
        scorer_class, _ = SCORERS[name]
        scorer = scorer_class()
        args = scorer.parse_args(["--shared", str(shared), *EXTRA[name]])
        missing = [p for p in scorer.required_paths(shared, args) if not p.exists()]
        if missing:
            print(f"real {name}: skipped, data absent ({missing[0]})")
            continue
        print(f"real {name}")
        oracle = work / f"{name}-real-oracle.json"
        started = time.perf_counter()
        n_docs = write_oracle(name, shared, EXTRA[name], oracle)
        load = time.perf_counter() - started
        code, result, _o, err, seconds = run_scorer(name, shared, fake, oracle, "perfect", EXTRA[name])
        c.equal(code, 0, f"real {name} perfect: exit code ({err.strip()[-300:]})")
        check_figures(c, f"real {name} perfect", result, {"*": 1.0})
        if result is not None:
            c.equal(result["warnings"], {}, f"real {name} perfect: no contract warnings")
        code, result, _o, err, seconds_empty = run_scorer(name, shared, fake, oracle, "empty", EXTRA[name])
        c.equal(code, 0, f"real {name} empty: exit code ({err.strip()[-300:]})")
        if result is not None:
            figures = result["figures"]
            if name == "chrono":
                check_figures(c, f"real {name} empty", result, {"default.pass_rate": 0.0, "negative.pass_rate": 1.0})
            else:
                nonzero = {k: v for k, v in figures.items() if k.endswith(".f1") and v != 0.0}
                c.check(not nonzero, f"real {name} empty: every F1 is 0 (off: {nonzero})")
        print(f"  {n_docs} documents; oracle {load:.1f}s, scorer runs {seconds:.1f}s and {seconds_empty:.1f}s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=None, help="the real shared data (default: $COPYDESK_SHARED or ../shared)")
    parser.add_argument("--skip-real", action="store_true", help="only the unit checks and the synthetic data")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every check")
    args = parser.parse_args()
    c = Checker(args.verbose)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="copydesk-eval-selftest-", dir=evallib.temp_base()) as tmp:
        work = Path(tmp)
        fake = make_fake(work)
        try:
            unit_checks(c)
            synthetic_checks(c, work, fake)
            if not args.skip_real:
                shared = Path(args.shared) if args.shared else evallib.default_shared()
                if (shared / "data").is_dir():
                    real_checks(c, work, fake, shared)
                else:
                    print(f"real data: skipped, {shared / 'data'} is absent")
        except Exception:  # noqa: BLE001
            c.check(False, f"unexpected exception:\n{traceback.format_exc()}")
    print(f"\n{c.passed} checks passed, {len(c.failures)} failed ({time.perf_counter() - started:.1f}s)")
    return 1 if c.failures else 0


if __name__ == "__main__":
    sys.exit(main())
