#!/usr/bin/env python3
"""Scores copydesk's dates against TIMEX3 and its attribution cues against REPORTING events in
the TempEval-3 training data (TimeBank 1.2 + AQUAINT), the way the TempEval-3 scorer does.

    tests/eval/timeml_eval.py [--subset timebank|aquaint|all] [--shared DIR] [--copydesk BIN]
                              [--json] [--min NAME=VALUE]...

See tests/eval/README.md for the metric definitions.
"""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))

import evallib  # noqa: E402
from evallib import Document, EvalError, Report, Span, SpanTally, prf, table, trim  # noqa: E402

ARCHIVE = Path("data") / "timeml" / "tbaq-cleaned.tar.xz"
SUBSETS = {"timebank": "TimeBank", "aquaint": "AQUAINT"}


def walk_text(element: ET.Element) -> tuple[str, list]:
    """The plain text of an element and every descendant tag as (tag, attrib, start, end, n_children)."""
    parts: list[str] = []
    tags: list = []

    def walk(el: ET.Element, pos: int) -> int:
        if el.text:
            parts.append(el.text)
            pos += len(el.text)
        for child in el:
            start = pos
            pos = walk(child, pos)
            tags.append((child.tag, dict(child.attrib), start, pos, len(child)))
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)
        return pos

    walk(element, 0)
    return "".join(parts), tags


def parse_tml(name: str, data: bytes, subset: str) -> Document:
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise EvalError(f"{name}: not well-formed XML: {exc}") from exc
    text_el = root.find("TEXT")
    if text_el is None:
        raise EvalError(f"{name}: no <TEXT>")
    dct = root.find("DCT/TIMEX3")
    dateline = None
    if dct is not None:
        m = re.match(r"(\d{4}-\d{2}-\d{2})", dct.get("value", ""))
        dateline = m.group(1) if m else None
    docid_el = root.find("DOCID")
    docid = (docid_el.text or "").strip() if docid_el is not None else Path(name).stem
    body, tags = walk_text(text_el)
    timexes, reporting = [], []
    for tag, attrib, start, end, n_children in tags:
        if tag == "TIMEX3":
            # TE3's evaluate_entities.py reads <TIMEX3 ...>[^<]*</TIMEX3> and skips t0 (the DCT)
            # and blank ones: the same here. White space at the edges is trimmed.
            if n_children or attrib.get("tid") == "t0" or not body[start:end].strip():
                continue
            s, e = trim(body, start, end)
            timexes.append(
                Span(s, e, body[s:e], {"tid": attrib.get("tid"), "type": attrib.get("type", ""), "value": attrib.get("value", "")})
            )
        elif tag == "EVENT" and attrib.get("class") == "REPORTING" and body[start:end].strip():
            s, e = trim(body, start, end)
            reporting.append(Span(s, e, body[s:e], {"eid": attrib.get("eid")}))
    timexes.sort(key=lambda sp: (sp.start, sp.end))
    reporting.sort(key=lambda sp: (sp.start, sp.end))
    return Document(
        key=f"{subset}/{docid}",
        body=body,
        dateline=dateline,
        gold={"timex": timexes, "reporting": reporting},
        meta={"subset": subset, "member": name},
    )


class TimeMLScorer(evallib.Scorer):
    name = "timeml"
    description = __doc__.split("\n\n")[0]

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--subset", choices=["timebank", "aquaint", "all"], default="all", help="which documents (default: all)"
        )
        parser.add_argument(
            "--errors",
            metavar="FILE",
            help="write every disagreement (TIMEX3 missed, spurious, extent, value, type; cues missed, spurious) to FILE, one per line",
        )

    def required_paths(self, shared, args):
        return [shared / ARCHIVE]

    def load(self, shared, args):
        wanted_subsets = list(SUBSETS.values()) if args.subset == "all" else [SUBSETS[args.subset]]

        def subset_of(member: str) -> str | None:
            for part in member.split("/"):
                for canonical in SUBSETS.values():
                    if part.lower() == canonical.lower():
                        return canonical
            return None

        members = evallib.read_tar_members(shared / ARCHIVE, lambda n: n.endswith(".tml"))
        docs = []
        for name in sorted(members):
            subset = subset_of(name)
            if subset in wanted_subsets:
                docs.append(parse_tml(name, members[name], subset))
        if not docs:
            raise EvalError(f"no {'/'.join(wanted_subsets)} .tml documents in {shared / ARCHIVE}")
        return docs

    def oracle(self, doc):
        return {
            "dates": [
                {"start": t.start, "end": t.end, "type": t.attrs["type"], "value": t.attrs["value"]}
                for t in doc.gold["timex"]
            ],
            "attributions": [
                {"cue": {"start": r.start, "end": r.end}, "source": None, "content": None, "direct": False}
                for r in doc.gold["reporting"]
            ],
            "hedges": [],
        }

    def score(self, docs, annotations, args):
        groups = {"timebank": [], "aquaint": []}
        for doc, ann in zip(docs, annotations):
            groups[doc.meta["subset"].lower()].append((doc, ann))
        order = [g for g in ("timebank", "aquaint") if groups[g]]
        if len(order) > 1:
            groups["all"] = groups["timebank"] + groups["aquaint"]
            order.append("all")

        if args.errors:
            write_errors(args.errors, [p for g in ("timebank", "aquaint") for p in groups[g]])
        figures, counts, sections = {}, {}, []
        for group in order:
            f, c = score_group(groups[group])
            figures.update({f"{group}.{k}": v for k, v in f.items()})
            counts.update({f"{group}.{k}": v for k, v in c.items()})
            sections.append(render_group(group, len(groups[group]), f, c))
        return Report(figures, counts, "\n\n".join(sections))


def context(body: str, span) -> str:
    left = body[max(0, span.start - 40) : span.start].replace("\n", " ")
    right = body[span.end : span.end + 40].replace("\n", " ")
    return f"{left}[{body[span.start:span.end]}]{right}"


def write_errors(path: str, pairs) -> None:
    """One tab-separated line per disagreement: kind, document, dateline, gold, copydesk, context."""
    lines = []
    for doc, ann in pairs:
        gold, pred = doc.gold["timex"], ann.dates
        matched = evallib.align(gold, pred)
        seen_gold = {g for g, _ in matched}
        seen_pred = {p for _, p in matched}
        for g, p in matched:
            gs, ps = gold[g], pred[p]
            g_desc = f"{gs.text!r} {gs.attrs['type']} {gs.attrs['value']}"
            p_desc = f"{doc.body[ps.start:ps.end]!r} {ps.attrs.get('type')} {ps.attrs.get('value')}"
            for kind, differs in (
                ("value", gs.attrs["value"] != (ps.attrs.get("value") or "")),
                ("type", gs.attrs["type"] != (ps.attrs.get("type") or "")),
                ("extent", not gs.same_extent(ps)),
            ):
                if differs:
                    lines.append(f"{kind}\t{doc.key}\t{doc.dateline}\t{g_desc}\t{p_desc}\t{context(doc.body, gs)}")
        for g, gs in enumerate(gold):
            if g not in seen_gold:
                lines.append(f"missed\t{doc.key}\t{doc.dateline}\t{gs.text!r} {gs.attrs['type']} {gs.attrs['value']}\t-\t{context(doc.body, gs)}")
        for p, ps in enumerate(pred):
            if p not in seen_pred:
                desc = f"{doc.body[ps.start:ps.end]!r} {ps.attrs.get('type')} {ps.attrs.get('value')}"
                lines.append(f"spurious\t{doc.key}\t{doc.dateline}\t-\t{desc}\t{context(doc.body, ps)}")
        gold_cues = doc.gold["reporting"]
        pred_cues = [a["cue"] for a in ann.attributions if a.get("cue_kind", "speech") == "speech"]
        matched = evallib.align(gold_cues, pred_cues)
        seen_gold = {g for g, _ in matched}
        seen_pred = {p for _, p in matched}
        for g, gs in enumerate(gold_cues):
            if g not in seen_gold:
                lines.append(f"cue-missed\t{doc.key}\t{doc.dateline}\t{gs.text!r}\t-\t{context(doc.body, gs)}")
        for p, ps in enumerate(pred_cues):
            if p not in seen_pred:
                text = doc.body[ps.start:ps.end]
                lines.append(f"cue-spurious\t{doc.key}\t{doc.dateline}\t-\t{text!r}\t{context(doc.body, ps)}")
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def score_group(pairs) -> tuple[dict, dict]:
    timex = SpanTally()
    cues = SpanTally()
    type_match = value_match = 0
    for doc, ann in pairs:
        gold = doc.gold["timex"]
        pred = ann.dates
        for g, p in timex.add(gold, pred):
            if gold[g].attrs["type"] == (pred[p].attrs.get("type") or ""):
                type_match += 1
            if gold[g].attrs["value"] == (pred[p].attrs.get("value") or ""):
                value_match += 1
        # REPORTING events are speech acts; attitude cues ("believes", "backs") are other TimeML
        # event classes, so only speech cues are compared.
        cues.add(doc.gold["reporting"],
                 [a["cue"] for a in ann.attributions if a.get("cue_kind", "speech") == "speech"])

    figures = {}
    for name, value in timex.figures("strict", "relaxed").items():
        figures[f"timex.{name}"] = value
    # TempEval-3: attribute accuracy over the relaxed (overlap-aligned) matches, and the reported
    # attribute "F1" is that accuracy times the relaxed F1 (P and R likewise scaled).
    relaxed = prf(timex.overlap, timex.pred, timex.gold)
    for attr, matches in (("value", value_match), ("type", type_match)):
        if timex.pred == 0 and timex.gold == 0:
            accuracy = 1.0
        else:
            accuracy = matches / timex.overlap if timex.overlap else 0.0
        figures[f"timex.{attr}.accuracy"] = accuracy
        for k in ("p", "r", "f1"):
            figures[f"timex.{attr}.{k}"] = accuracy * relaxed[k]
    for name, value in cues.figures("strict", "overlap").items():
        figures[f"cue.{name}"] = value
    counts = {f"timex.{k}": v for k, v in timex.counts().items()}
    counts["timex.value_matches"] = value_match
    counts["timex.type_matches"] = type_match
    counts.update({f"cue.{k}": v for k, v in cues.counts().items()})
    return figures, counts


def render_group(group: str, n_docs: int, f: dict, c: dict) -> str:
    title = {"timebank": "TimeBank", "aquaint": "AQUAINT", "all": "TimeBank + AQUAINT"}[group]
    rows = [
        ["TIMEX3 strict (exact span)", f["timex.strict.p"], f["timex.strict.r"], f["timex.strict.f1"], "", c["timex.strict_matches"]],
        ["TIMEX3 relaxed (overlap)", f["timex.relaxed.p"], f["timex.relaxed.r"], f["timex.relaxed.f1"], "", c["timex.overlap_matches"]],
        ["TIMEX3 value", f["timex.value.p"], f["timex.value.r"], f["timex.value.f1"], f["timex.value.accuracy"], c["timex.value_matches"]],
        ["TIMEX3 type", f["timex.type.p"], f["timex.type.r"], f["timex.type.f1"], f["timex.type.accuracy"], c["timex.type_matches"]],
        ["cue vs REPORTING strict", f["cue.strict.p"], f["cue.strict.r"], f["cue.strict.f1"], "", c["cue.strict_matches"]],
        ["cue vs REPORTING overlap", f["cue.overlap.p"], f["cue.overlap.r"], f["cue.overlap.f1"], "", c["cue.overlap_matches"]],
    ]
    head = (
        f"{title}: {n_docs} documents, {c['timex.gold']} gold TIMEX3 / {c['timex.pred']} copydesk dates, "
        f"{c['cue.gold']} REPORTING events / {c['cue.pred']} copydesk cues"
    )
    return head + "\n" + table(["measure", "P", "R", "F1", "accuracy", "matches"], rows)


if __name__ == "__main__":
    sys.exit(TimeMLScorer().main())
