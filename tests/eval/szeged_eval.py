#!/usr/bin/env python3
"""Scores copydesk's hedges against the Szeged Uncertainty Corpus: sentence-level uncertainty
and cue spans, for the news (FactBank) and Wikipedia parts separately.

    tests/eval/szeged_eval.py [--set news|wiki|all] [--shared DIR] [--copydesk BIN]
                              [--json] [--min NAME=VALUE]...

Each document becomes one file with one paragraph per sentence (a blank line between them), so
that copydesk's segmentation cannot merge sentences. See tests/eval/README.md.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))

import evallib  # noqa: E402
from evallib import Document, EvalError, Report, Span, SpanTally, prf, table  # noqa: E402

FILES = {
    "news": Path("data") / "szeged" / "factbank-news-dev.jsonl",
    "wiki": Path("data") / "szeged" / "wiki-dev.jsonl",
}
SEPARATOR = "\n\n"
# FactBank document ids carry the wire date: APW19980213.1310, NYT19981026.0446.
DOC_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")


def cue_type(raw: str) -> str:
    """'speculation_hypo_doxastic _' -> 'doxastic', 'speculation_modal_probable_' -> 'probable'."""
    parts = [p for p in re.split(r"[\s_]+", raw) if p]
    return parts[-1] if parts else raw


def load_set(path: Path, which: str) -> list[Document]:
    docs: list[Document] = []
    order: list[str] = []
    sentences: dict[str, list] = {}
    try:
        handle = open(path, encoding="utf-8")
    except OSError as exc:
        raise EvalError(f"cannot read {path}: {exc}") from exc
    with handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                doc, text, uncertain, cues = row["doc"], row["text"], bool(row["uncertain"]), row["cues"]
            except (ValueError, KeyError, TypeError) as exc:
                raise EvalError(f"{path}:{number}: malformed record: {exc}") from exc
            if "\n" in text or "\r" in text:
                raise EvalError(f"{path}:{number}: a sentence with a line break would break the layout")
            for cue in cues:
                if text[cue["start"] : cue["end"]] != cue.get("text", text[cue["start"] : cue["end"]]):
                    raise EvalError(f"{path}:{number}: cue {cue!r} does not match the sentence text")
            if doc not in sentences:
                order.append(doc)
                sentences[doc] = []
            sentences[doc].append((row.get("sid"), text, uncertain, cues))
    for doc in order:
        parts, gold_sentences, gold_cues = [], [], []
        pos = 0
        for sid, text, uncertain, cues in sentences[doc]:
            if parts:
                parts.append(SEPARATOR)
                pos += len(SEPARATOR)
            parts.append(text)
            gold_sentences.append({"sid": sid, "start": pos, "end": pos + len(text), "uncertain": uncertain})
            for cue in cues:
                gold_cues.append(
                    Span(pos + cue["start"], pos + cue["end"], cue.get("text", ""), {"type": cue_type(cue.get("type", ""))})
                )
            pos += len(text)
        m = DOC_DATE.search(doc)
        docs.append(
            Document(
                key=f"{which}/{doc}",
                body="".join(parts),
                dateline=f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None,
                gold={"sentences": gold_sentences, "cues": sorted(gold_cues, key=lambda s: (s.start, s.end))},
                meta={"set": which},
            )
        )
    return docs


class SzegedScorer(evallib.Scorer):
    name = "szeged"
    description = __doc__.split("\n\n")[0]

    def add_arguments(self, parser) -> None:
        parser.add_argument("--set", choices=["news", "wiki", "all"], default="all", help="which part (default: all)")

    def sets(self, args) -> list[str]:
        return ["news", "wiki"] if args.set == "all" else [args.set]

    def required_paths(self, shared, args):
        return [shared / FILES[s] for s in self.sets(args)]

    def load(self, shared, args):
        docs = []
        for which in self.sets(args):
            docs += load_set(shared / FILES[which], which)
        return docs

    def oracle(self, doc):
        return {
            "dates": [],
            "attributions": [],
            "hedges": [{"start": c.start, "end": c.end, "kind": "epistemic"} for c in doc.gold["cues"]],
        }

    def score(self, docs, annotations, args):
        figures, counts, sections = {}, {}, []
        for which in self.sets(args):
            pairs = [(d, a) for d, a in zip(docs, annotations) if d.meta["set"] == which]
            tp = fp = fn = tn = 0
            cues = SpanTally()
            by_type_gold, by_type_found = Counter(), Counter()
            for doc, ann in pairs:
                hedges = [h for h in ann.hedges if h.start >= 0]
                for sentence in doc.gold["sentences"]:
                    s, e = sentence["start"], sentence["end"]
                    predicted = any(h.start < e and s < h.end for h in hedges)
                    gold = sentence["uncertain"]
                    tp += predicted and gold
                    fp += predicted and not gold
                    fn += gold and not predicted
                    tn += not predicted and not gold
                gold_cues = doc.gold["cues"]
                found = {g for g, _ in cues.add(gold_cues, ann.hedges)}
                for i, cue in enumerate(gold_cues):
                    by_type_gold[cue.attrs["type"]] += 1
                    by_type_found[cue.attrs["type"]] += i in found
            sentence_prf = prf(tp, tp + fp, tp + fn)
            total = tp + fp + fn + tn
            f = {f"sentence.{k}": v for k, v in sentence_prf.items()}
            f["sentence.accuracy"] = (tp + tn) / total if total else 1.0
            f.update({f"cue.{k}": v for k, v in cues.figures("exact", "overlap").items()})
            for t in sorted(by_type_gold):
                f[f"cue.recall.{t}"] = by_type_found[t] / by_type_gold[t]
            c = {"documents": len(pairs), "sentences": total}
            c.update({"sentence.tp": tp, "sentence.fp": fp, "sentence.fn": fn, "sentence.tn": tn})
            c.update({f"cue.{k}": v for k, v in cues.counts().items()})
            c.update({f"cue.gold.{t}": n for t, n in by_type_gold.items()})
            figures.update({f"{which}.{k}": v for k, v in f.items()})
            counts.update({f"{which}.{k}": v for k, v in c.items()})

            title = {"news": "Szeged news (FactBank)", "wiki": "Szeged Wikipedia"}[which]
            rows = [
                ["uncertain sentence", f["sentence.p"], f["sentence.r"], f["sentence.f1"], f"{tp + fn} gold / {tp + fp} found"],
                ["cue overlap", f["cue.overlap.p"], f["cue.overlap.r"], f["cue.overlap.f1"],
                 f"{cues.gold} gold / {cues.pred} hedges"],
                ["cue exact", f["cue.exact.p"], f["cue.exact.r"], f["cue.exact.f1"], ""],
            ]
            by_type = ", ".join(
                f"{t} {by_type_found[t]}/{by_type_gold[t]}" for t, _ in by_type_gold.most_common()
            )
            sections.append(
                f"{title}: {len(pairs)} documents, {total} sentences, sentence accuracy {f['sentence.accuracy']:.3f}\n"
                + table(["measure", "P", "R", "F1", "counts"], rows)
                + (f"\n  cue recall (overlap) by gold type: {by_type}" if by_type else "")
            )
        return Report(figures, counts, "\n\n".join(sections))


if __name__ == "__main__":
    sys.exit(SzegedScorer().main())
