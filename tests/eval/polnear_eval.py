#!/usr/bin/env python3
"""Scores copydesk's attributions (cue, source and content spans) against PolNeAR, the political
news attribution corpus, under exact and overlap matching.

    tests/eval/polnear_eval.py [--split dev|train|all] [--shared DIR] [--copydesk BIN]
                               [--json] [--min NAME=VALUE]...

Each article is written with its publication date (metadata.tsv) as its `date` header.
See tests/eval/README.md for the metric definitions.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections import Counter
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))

import evallib  # noqa: E402
from evallib import DATE_RE, Document, EvalError, Report, Span, SpanTally, table  # noqa: E402

ARCHIVE = Path("data") / "polnear" / "polnear-train-dev.tar.xz"
ROLES = ("cue", "source", "content")
T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$")
E_LINE = re.compile(r"^(E\d+)\t(.*)$")


def parse_ann(name: str, ann: str, body: str) -> tuple[list, Counter]:
    """The attributions of one BRAT .ann file: [{cue, source, content}] of Span or None.

    Roles come from the E (event) lines: Cue, Source, and Content / Content2 (merged into one
    discontinuous content span). T spans are checked against the text. Relations without a Cue
    are malformed for copydesk's model (an attribution always has a cue) and are skipped.
    """
    spans: dict[str, tuple] = {}
    relations = []
    for line in ann.split("\n"):
        line = line.rstrip("\r")
        m = T_LINE.match(line)
        if m:
            tid, _label, offsets, shown = m.groups()
            frags = tuple(tuple(int(x) for x in frag.split()) for frag in offsets.split(";"))
            if any(not (0 <= s <= e <= len(body)) for s, e in frags):
                raise EvalError(f"{name}: {tid} is out of range of the text")
            # A span's text may run over several lines of the .ann file: check its first line.
            joined = " ".join(body[s:e] for s, e in frags)
            if not joined.startswith(shown):
                raise EvalError(f"{name}: {tid} text {shown!r} differs from the text at its offsets {joined[:60]!r}")
            spans[tid] = frags
            continue
        m = E_LINE.match(line)
        if m:
            relations.append((m.group(1), m.group(2)))
    skipped = Counter()
    attributions = []
    for eid, args in relations:
        frags_by_role: dict[str, list] = {"cue": [], "source": [], "content": []}
        for arg in args.split():
            role, _, tid = arg.partition(":")
            role = re.sub(r"\d+$", "", role).lower()
            if role not in frags_by_role:
                continue  # the Attribution / Attribution-no-source trigger repeats the cue
            if tid not in spans:
                raise EvalError(f"{name}: {eid} refers to a missing span {tid}")
            frags_by_role[role].extend(spans[tid])
        if not frags_by_role["cue"]:
            skipped["relation without a cue"] += 1
            continue
        attribution = {}
        for role, frags in frags_by_role.items():
            if not frags:
                attribution[role] = None
                continue
            frags = tuple(sorted(set(frags)))
            start, end = frags[0][0], max(e for _, e in frags)
            attribution[role] = Span(start, end, body[start:end], frags=frags)
        attributions.append(attribution)
    return attributions, skipped



def write_errors(path: str, docs, annotations) -> None:
    """One tab-separated line per missed or spurious cue: kind, document, cue, source, context."""
    lines = []
    for doc, ann in zip(docs, annotations):
        gold = [a for a in doc.gold if a["cue"] is not None]
        pred = [a for a in ann.attributions if a["cue"] is not None]
        matched = evallib.align([a["cue"] for a in gold], [a["cue"] for a in pred])
        seen_gold = {g for g, _ in matched}
        seen_pred = {p for _, p in matched}

        def line(kind, a):
            cue, source = a["cue"], a["source"]
            left = doc.body[max(0, cue.start - 60) : cue.start].replace("\n", " ")
            right = doc.body[cue.end : cue.end + 40].replace("\n", " ")
            src = doc.body[source.start : source.end] if source is not None else "-"
            return f"{kind}\t{doc.key}\t{doc.body[cue.start:cue.end]!r}\t{src!r}\t{left}[{doc.body[cue.start:cue.end]}]{right}"

        lines += [line("missed", a) for g, a in enumerate(gold) if g not in seen_gold]
        lines += [line("spurious", a) for p, a in enumerate(pred) if p not in seen_pred]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


class PolNeARScorer(evallib.Scorer):
    name = "polnear"
    description = __doc__.split("\n\n")[0]

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--split", choices=["dev", "train", "all"], default="dev", help="which split (default: dev)"
        )
        parser.add_argument(
            "--errors",
            metavar="FILE",
            help="write every missed gold cue and every spurious copydesk cue, with context, to FILE",
        )

    def required_paths(self, shared, args):
        return [shared / ARCHIVE]

    def load(self, shared, args):
        splits = ["train", "dev"] if args.split == "all" else [args.split]
        members = evallib.read_tar_members(
            shared / ARCHIVE,
            lambda n: n.endswith("metadata.tsv")
            or (n.endswith((".txt", ".ann")) and any(f"{s}/" in n for s in splits)),
        )
        metadata = [n for n in members if n.endswith("metadata.tsv")]
        if len(metadata) != 1:
            raise EvalError(f"expected one metadata.tsv in {shared / ARCHIVE}, found {len(metadata)}")
        root = metadata[0][: -len("metadata.tsv")]
        rows = list(csv.DictReader(io.StringIO(members[metadata[0]].decode("utf-8")), delimiter="\t"))
        self.notes = Counter()
        docs = []
        for split in splits:
            for row in rows:
                if row.get("compartment") != split:
                    continue
                filename = row["filename"]
                text_name = f"{root}{split}/text/{filename}.txt"
                if text_name not in members:
                    raise EvalError(f"{text_name} is listed in metadata.tsv but missing from the archive")
                prefix = f"{root}{split}/attributions/{filename}_"
                anns = sorted(n for n in members if n.startswith(prefix) and n.endswith(".ann"))
                if not anns:
                    raise EvalError(f"no annotation for {filename}")
                if len(anns) > 1:
                    # Articles annotated by several annotators (agreement checks): the upstream
                    # software picks one at random; here the first annotator id in sorted order.
                    self.notes["articles with several annotators (first annotator used)"] += 1
                body = members[text_name].decode("utf-8")
                attributions, skipped = parse_ann(anns[0], members[anns[0]].decode("utf-8"), body)
                self.notes.update(skipped)
                date = row.get("publication_date", "")
                docs.append(
                    Document(
                        key=f"{split}/{filename}",
                        body=body,
                        dateline=date if DATE_RE.match(date) else None,
                        gold=attributions,
                        meta={"split": split, "annotation": anns[0].rsplit("/", 1)[-1]},
                    )
                )
        if not docs:
            raise EvalError(f"no {args.split} articles in {shared / ARCHIVE}")
        return docs

    def oracle(self, doc):
        def span(sp):
            return None if sp is None else {"start": sp.start, "end": sp.end}

        return {
            "dates": [],
            "attributions": [
                {"cue": span(a["cue"]), "source": span(a["source"]), "content": span(a["content"]), "direct": False}
                for a in doc.gold
            ],
            "hedges": [],
        }

    def score(self, docs, annotations, args):
        if args.errors:
            write_errors(args.errors, docs, annotations)
        figures, counts, sections = {}, {}, []
        for split in ("train", "dev"):
            pairs = [(d, a) for d, a in zip(docs, annotations) if d.meta["split"] == split]
            if not pairs:
                continue
            tallies = {role: SpanTally() for role in ROLES}
            discontinuous = Counter()
            for doc, ann in pairs:
                for role in ROLES:
                    gold = sorted((a[role] for a in doc.gold if a[role] is not None), key=lambda s: (s.start, s.end))
                    discontinuous[role] += sum(1 for s in gold if len(s.frags) > 1)
                    pred = [a[role] for a in ann.attributions if a[role] is not None]
                    tallies[role].add(gold, pred)
            rows = []
            for role in ROLES:
                f = tallies[role].figures("exact", "overlap")
                figures.update({f"{split}.{role}.{k}": v for k, v in f.items()})
                counts.update({f"{split}.{role}.{k}": v for k, v in tallies[role].counts().items()})
                counts[f"{split}.{role}.gold_discontinuous"] = discontinuous[role]
                t = tallies[role]
                for match, matched in (("exact", t.strict), ("overlap", t.overlap)):
                    rows.append([f"{role} {match}", f[f"{match}.p"], f[f"{match}.r"], f[f"{match}.f1"], t.gold, t.pred, matched])
            head = f"PolNeAR {split}: {len(pairs)} articles"
            notes = [
                f"{n} {role} gold spans are discontinuous (exact = their hull)" for role, n in discontinuous.items() if n
            ]
            sections.append(
                head + "\n" + table(["measure", "P", "R", "F1", "gold", "copydesk", "matches"], rows)
                + "".join(f"\n  note: {n}" for n in notes)
            )
        notes = getattr(self, "notes", Counter())
        text = "\n\n".join(sections) + "".join(f"\n  note: {n} x {m}" for m, n in sorted(notes.items()))
        return Report(figures, counts, text, details={"notes": dict(notes)})


if __name__ == "__main__":
    sys.exit(PolNeARScorer().main())
