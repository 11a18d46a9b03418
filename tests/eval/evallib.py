"""Shared plumbing for copydesk's accuracy scorers (tests/eval/*_eval.py).

Python 3 standard library only. Each scorer:

1. reads a gold data set from the shared folder (never copying its text into the repository),
2. writes every document as a temporary file in copydesk's input format
   (`date YYYY-MM-DD\\n` + text, UTF-8),
3. runs ONE `copydesk annotate --no-config FILE...` over all of them,
4. maps the reported UTF-8 byte offsets back to character offsets of the gold text, and
5. scores the result, printing a table (or `--json`) and checking `--min NAME=VALUE` floors.

Exit codes: 0 scored (and every floor met), 1 a figure is below its floor, 2 an error (bad
usage, annotate failed, a document missing from its output), 77 the data set is absent (SKIP).
"""

from __future__ import annotations

import argparse
import bisect
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

EXIT_OK = 0
EXIT_FLOOR = 1
EXIT_ERROR = 2
EXIT_SKIP = 77

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_BINARY = REPO_ROOT / "build" / "server" / "copydesk"
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class EvalError(Exception):
    """A failure that makes the figures meaningless (exit 2)."""


class Skip(Exception):
    """The data set is absent (exit 77)."""


# --------------------------------------------------------------------------------------------
# Documents and offsets


@dataclass
class Span:
    """A span in character offsets of a document's body (the text after the date header).

    `frags` holds the pieces of a discontinuous span (BRAT `start end;start end`); `start` and
    `end` are then the hull. `attrs` carries extra fields (type, value, kind, ...).
    """

    start: int
    end: int
    text: str = ""
    attrs: dict = field(default_factory=dict)
    frags: tuple = ()

    def __post_init__(self) -> None:
        if not self.frags:
            self.frags = ((self.start, self.end),)

    def contains(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.frags)

    def overlaps(self, other: "Span") -> bool:
        return any(s1 < e2 and s2 < e1 for s1, e1 in self.frags for s2, e2 in other.frags)

    def same_extent(self, other: "Span") -> bool:
        return self.start == other.start and self.end == other.end


@dataclass
class Document:
    key: str  # stable identifier, e.g. "TimeBank/ABC19980108.1830.0711"
    body: str  # the text copydesk analyses, after the header
    dateline: str | None  # YYYY-MM-DD, written as the `date` header line
    gold: Any = None  # the scorer's own gold structure
    meta: dict = field(default_factory=dict)

    def header(self) -> str:
        return f"date {self.dateline}\n" if self.dateline else ""

    def file_bytes(self) -> bytes:
        return (self.header() + self.body).encode("utf-8")


class OffsetMap:
    """Maps UTF-8 byte offsets into a written file back to character offsets into the body."""

    def __init__(self, doc: Document) -> None:
        self.prefix = len(doc.header().encode("utf-8"))
        self.ascii = doc.body.isascii()
        if not self.ascii:
            # starts[i] = byte offset of character i; starts[len] = byte length.
            starts = [0] * (len(doc.body) + 1)
            total = 0
            for i, ch in enumerate(doc.body):
                starts[i] = total
                c = ord(ch)
                total += 1 if c < 0x80 else 2 if c < 0x800 else 3 if c < 0x10000 else 4
            starts[len(doc.body)] = total
            self.starts = starts

    def to_char(self, byte_offset: int, round_up: bool) -> tuple[int, bool]:
        """(character offset into the body, whether byte_offset was a character boundary)."""
        b = byte_offset - self.prefix
        if self.ascii:
            return b, True
        i = bisect.bisect_left(self.starts, b)
        if i < len(self.starts) and self.starts[i] == b:
            return i, True
        return (i if round_up else i - 1), False


# --------------------------------------------------------------------------------------------
# Running `copydesk annotate`


@dataclass
class Annotations:
    """One document's annotate output, with spans in body character offsets."""

    dateline: Any = None
    dates: list = field(default_factory=list)  # Span, attrs: type, value
    attributions: list = field(default_factory=list)  # dict: cue, source, content (Span|None)
    hedges: list = field(default_factory=list)  # Span, attrs: kind
    claims: list = field(default_factory=list)  # Span, attrs: status, ...
    raw: dict = field(default_factory=dict)


@dataclass
class AnnotateRun:
    annotations: list  # one Annotations per document, in document order
    seconds: float
    warnings: Counter


NOWHERE = -1  # spans in the header or out of range: they overlap nothing


def _convert_span(obj: Any, omap: OffsetMap, data: bytes, warnings: Counter, extra: Sequence[str]) -> Span:
    try:
        start, end = int(obj["start"]), int(obj["end"])
    except (KeyError, TypeError, ValueError) as exc:
        raise EvalError(f"annotate output has a malformed span: {obj!r}") from exc
    attrs = {k: obj.get(k) for k in extra}
    text = obj.get("text", "")
    if not (0 <= start <= end <= len(data)):
        warnings["span out of range"] += 1
        return Span(NOWHERE, NOWHERE, text, attrs)
    if data[start:end].decode("utf-8", errors="replace") != text:
        warnings["span text differs from the file bytes at its offsets"] += 1
    if start < omap.prefix:
        # A span in the `date` header: it can match no gold span, but it still counts.
        warnings["span in the date header"] += 1
        return Span(NOWHERE, NOWHERE, text, attrs)
    cs, ok1 = omap.to_char(start, round_up=False)
    ce, ok2 = omap.to_char(end, round_up=True)
    if not (ok1 and ok2):
        warnings["offset inside a UTF-8 character"] += 1
    return Span(cs, ce, text, attrs)


def convert_annotations(obj: dict, omap: OffsetMap, data: bytes, warnings: Counter) -> Annotations:
    def spans(key: str, extra: Sequence[str]) -> list:
        items = obj.get(key) or []
        if not isinstance(items, list):
            raise EvalError(f"annotate output: {key!r} is not an array")
        return [_convert_span(item, omap, data, warnings, extra) for item in items]

    attributions = []
    for item in obj.get("attributions") or []:
        if not isinstance(item, dict) or not isinstance(item.get("cue"), dict):
            raise EvalError(f"annotate output has a malformed attribution: {item!r}")
        attributions.append(
            {
                "cue": _convert_span(item["cue"], omap, data, warnings, ()),
                "source": _convert_span(item["source"], omap, data, warnings, ("kind",))
                if isinstance(item.get("source"), dict)
                else None,
                "content": _convert_span(item["content"], omap, data, warnings, ())
                if isinstance(item.get("content"), dict)
                else None,
                "direct": item.get("direct"),
                "cue_kind": item.get("cue_kind", "speech"),
            }
        )
    return Annotations(
        dateline=obj.get("dateline"),
        dates=spans("dates", ("type", "value")),
        attributions=attributions,
        hedges=spans("hedges", ("kind",)),
        claims=spans("claims", ("status", "attribution", "reasons")),
        raw=obj,
    )


def clip(text: str, limit: int = 1500) -> str:
    """The end of a long message (CLI errors may echo thousands of file names)."""
    text = text.strip()
    return text if len(text) <= limit else "..." + text[-limit:]


def temp_base() -> str | None:
    """Where to write the input files: $TMPDIR if set, else /dev/shm when it is a writable
    folder (creating thousands of small files there is far faster than on some disks), else the
    system default."""
    if os.environ.get("TMPDIR"):
        return None
    shm = "/dev/shm"
    if os.path.isdir(shm) and os.access(shm, os.W_OK | os.X_OK):
        return shm
    return None


def run_annotate(binary: str, docs: Sequence[Document], keep_temp: bool = False) -> AnnotateRun:
    """Writes every document to a temporary folder and runs one `copydesk annotate` over all."""
    binary_path = shutil.which(binary) if os.sep not in binary else binary
    if not binary_path or not os.path.isfile(binary_path):
        raise EvalError(f"copydesk binary not found: {binary} (build it with `make build`, or pass --copydesk)")
    binary_path = os.path.abspath(binary_path)
    workdir = tempfile.mkdtemp(prefix="copydesk-eval-", dir=temp_base())
    try:
        names, blobs = [], []
        width = max(6, len(str(len(docs))))
        for i, doc in enumerate(docs):
            name = f"d{i + 1:0{width}d}.txt"
            data = doc.file_bytes()
            with open(os.path.join(workdir, name), "wb") as out:
                out.write(data)
            names.append(name)
            blobs.append(data)
        # Relative names keep the command line short (thousands of files) and make `path` exact.
        command = [binary_path, "annotate", "--no-config", *names]
        started = time.perf_counter()
        proc = subprocess.run(command, cwd=workdir, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        seconds = time.perf_counter() - started
        stderr = proc.stderr.decode("utf-8", errors="replace")
        if proc.returncode != 0:
            raise EvalError(f"`copydesk annotate` exited with {proc.returncode}:\n{clip(stderr)}")
        by_path: dict[str, dict] = {}
        for number, line in enumerate(proc.stdout.decode("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvalError(f"annotate output line {number} is not JSON: {exc}: {line[:200]!r}") from exc
            path = obj.get("path") if isinstance(obj, dict) else None
            if not isinstance(path, str):
                raise EvalError(f"annotate output line {number} has no path")
            by_path[os.path.normpath(path)] = obj
        warnings: Counter = Counter()
        results = []
        missing = []
        for doc, name, data in zip(docs, names, blobs):
            obj = by_path.get(name) or by_path.get(os.path.normpath(os.path.join(workdir, name)))
            if obj is None:
                missing.append(name)
                continue
            results.append(convert_annotations(obj, OffsetMap(doc), data, warnings))
        if missing:
            raise EvalError(
                f"{len(missing)} of {len(docs)} documents are missing from the annotate output "
                f"(first: {missing[0]}); stderr:\n{clip(stderr)}"
            )
        return AnnotateRun(results, seconds, warnings)
    finally:
        if keep_temp:
            print(f"kept the annotated files in {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)


# --------------------------------------------------------------------------------------------
# Matching and metrics


def align(gold: Sequence[Span], pred: Sequence[Span]) -> list[tuple[int, int]]:
    """One-to-one alignment of overlapping spans, as TempEval-3's TimeML-Normalizer does it.

    The official TE3 tool walks the tokens left to right (gold first on a tie). Where an entity
    of one annotation begins inside a still-open entity of the other that is not yet paired,
    the two are aligned (share an id); otherwise the entity stands alone. Two spans overlap
    exactly when one begins inside the other, so this is a greedy, left-to-right, one-to-one
    pairing of overlapping spans. (TE3 tracks "not yet paired" by comparing ids, which is the
    same thing when an annotation's spans do not overlap each other, as in TimeML.)

    Generalization for annotations whose own spans overlap or repeat (TimeML never has them,
    PolNeAR's discontinuous contents and copydesk may): spans with the very same extent are
    paired first, one to one; the rest are then aligned greedily, each pairing with the most
    recently opened unpaired span that contains its start. When neither side's spans overlap
    each other this gives exactly TE3's pairs (an exact pair can interact with no other span).
    Returns (gold index, pred index) pairs.
    """
    sides = (gold, pred)
    paired = ([False] * len(gold), [False] * len(pred))
    pairs = []
    by_extent: dict[tuple[int, int], list[int]] = {}
    for j, s in enumerate(pred):
        by_extent.setdefault((s.start, s.end), []).append(j)
    for i, g in enumerate(gold):
        waiting = by_extent.get((g.start, g.end))
        if waiting and g.start >= 0:
            j = waiting.pop(0)
            paired[0][i] = paired[1][j] = True
            pairs.append((i, j))
    items = [(s.start, 0, -s.end, i) for i, s in enumerate(gold) if s.start >= 0 and not paired[0][i]]
    items += [(s.start, 1, -s.end, j) for j, s in enumerate(pred) if s.start >= 0 and not paired[1][j]]
    items.sort()
    active: tuple[list[int], list[int]] = ([], [])  # opened spans, oldest first, not yet ended
    for pos, side, _neg_end, idx in items:
        other = 1 - side
        # Forget spans that ended before this position.
        active[other][:] = [k for k in active[other] if sides[other][k].end > pos and not paired[other][k]]
        candidates = [k for k in active[other] if sides[other][k].contains(pos)]
        if candidates:
            partner = candidates[-1]
            paired[other][partner] = paired[side][idx] = True
            pairs.append((idx, partner) if side == 0 else (partner, idx))
        else:
            active[side].append(idx)
    pairs.sort()
    return pairs


def prf(correct: int, n_pred: int, n_gold: int) -> dict:
    """Precision, recall, F1 with one-to-one matches (TE3 convention: no spans at all = 1.0)."""
    if n_pred == 0 and n_gold == 0:
        return {"p": 1.0, "r": 1.0, "f1": 1.0}
    p = correct / n_pred if n_pred else 0.0
    r = correct / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f1}


@dataclass
class SpanTally:
    """Strict (same extent) and overlap matching counts for one kind of span."""

    gold: int = 0
    pred: int = 0
    overlap: int = 0
    strict: int = 0

    def add(self, gold: Sequence[Span], pred: Sequence[Span]) -> list[tuple[int, int]]:
        pairs = align(gold, pred)
        self.gold += len(gold)
        self.pred += len(pred)
        self.overlap += len(pairs)
        self.strict += sum(1 for g, p in pairs if gold[g].same_extent(pred[p]))
        return pairs

    def figures(self, strict_name: str = "strict", overlap_name: str = "overlap") -> dict:
        out = {}
        for name, value in prf(self.strict, self.pred, self.gold).items():
            out[f"{strict_name}.{name}"] = value
        for name, value in prf(self.overlap, self.pred, self.gold).items():
            out[f"{overlap_name}.{name}"] = value
        return out

    def counts(self) -> dict:
        return {"gold": self.gold, "pred": self.pred, "overlap_matches": self.overlap, "strict_matches": self.strict}


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrinks [start, end) past leading and trailing white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# --------------------------------------------------------------------------------------------
# Reports and the command line


@dataclass
class Report:
    figures: dict  # flat name -> float in [0, 1]; the names --min takes
    counts: dict  # flat name -> int
    text: str  # the human-readable tables
    details: dict = field(default_factory=dict)


def fmt(x: float) -> str:
    return f"{x:.3f}" if isinstance(x, float) and not math.isnan(x) else str(x)


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    rows = [[fmt(c) if isinstance(c, float) else str(c) for c in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row)]
    line = lambda cells: "  ".join(  # noqa: E731
        c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths))
    )
    out = [line(headers), line(["-" * w for w in widths])]
    out += [line(row) for row in rows]
    return "\n".join(out)


def default_shared() -> Path:
    env = os.environ.get("COPYDESK_SHARED")
    if env:
        return Path(env)
    return REPO_ROOT.parent / "shared"


def make_parser(description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--shared",
        default=None,
        help="the shared data folder (default: $COPYDESK_SHARED, else ../shared beside the repository)",
    )
    parser.add_argument(
        "--copydesk",
        default=str(DEFAULT_BINARY),
        help="the copydesk binary to run (default: build/server/copydesk)",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--min",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="floor: exit 1 if figure NAME is below VALUE (repeatable; see --json for the names)",
    )
    parser.add_argument("--keep-temp", action="store_true", help="keep the written input files")
    return parser


def parse_floors(items: Sequence[str]) -> dict:
    floors = {}
    for item in items:
        name, sep, value = item.partition("=")
        try:
            if not sep or not name:
                raise ValueError
            floors[name.strip()] = float(value)
        except ValueError:
            raise EvalError(f"--min takes NAME=VALUE, got {item!r}") from None
    return floors


class Scorer:
    """One data set's scorer. Subclasses fill in the data-specific parts."""

    name = "scorer"
    description = ""

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        pass

    def required_paths(self, shared: Path, args: argparse.Namespace) -> list[Path]:
        raise NotImplementedError

    def load(self, shared: Path, args: argparse.Namespace) -> list[Document]:
        raise NotImplementedError

    def score(self, docs: Sequence[Document], annotations: Sequence[Annotations], args) -> Report:
        raise NotImplementedError

    def oracle(self, doc: Document) -> dict:
        """The gold of one document as an annotate object in body character offsets (selftest)."""
        raise NotImplementedError

    # ----------------------------------------------------------------------------------------

    def parse_args(self, argv: Sequence[str] | None) -> argparse.Namespace:
        parser = make_parser(self.description)
        self.add_arguments(parser)
        return parser.parse_args(argv)

    def shared_dir(self, args: argparse.Namespace) -> Path:
        return Path(args.shared) if args.shared else default_shared()

    def main(self, argv: Sequence[str] | None = None) -> int:
        args = self.parse_args(argv)
        try:
            floors = parse_floors(args.min)
            shared = self.shared_dir(args)
            missing = [p for p in self.required_paths(shared, args) if not p.exists()]
            if missing:
                raise Skip(f"{self.name}: data not found: {', '.join(str(p) for p in missing)}")
            t0 = time.perf_counter()
            docs = self.load(shared, args)
            t1 = time.perf_counter()
            run = run_annotate(args.copydesk, docs, keep_temp=args.keep_temp)
            t2 = time.perf_counter()
            report = self.score(docs, run.annotations, args)
            t3 = time.perf_counter()
        except Skip as exc:
            print(f"SKIP: {exc}")
            return EXIT_SKIP
        except EvalError as exc:
            print(f"{self.name}: error: {exc}", file=sys.stderr)
            return EXIT_ERROR
        timing = {
            "load_seconds": round(t1 - t0, 3),
            "annotate_seconds": round(run.seconds, 3),
            "write_and_parse_seconds": round(t2 - t1 - run.seconds, 3),
            "score_seconds": round(t3 - t2, 3),
            "total_seconds": round(t3 - t0, 3),
        }
        unknown = sorted(set(floors) - set(report.figures))
        if unknown:
            print(
                f"{self.name}: error: unknown figure(s) for --min: {', '.join(unknown)}\n"
                f"known figures: {', '.join(sorted(report.figures))}",
                file=sys.stderr,
            )
            return EXIT_ERROR
        failures = [
            (name, report.figures[name], floor) for name, floor in floors.items() if report.figures[name] < floor
        ]
        if args.json:
            print(
                json.dumps(
                    {
                        "scorer": self.name,
                        "documents": len(docs),
                        "figures": report.figures,
                        "counts": report.counts,
                        "details": report.details,
                        "warnings": dict(run.warnings),
                        "timing": timing,
                        "floors": {n: {"min": f, "value": report.figures[n]} for n, f in floors.items()},
                        "below_floor": [n for n, _, _ in failures],
                    },
                    indent=2,
                    sort_keys=True,
                )
            )
        else:
            print(report.text)
            print()
            print(
                f"{len(docs)} documents; annotate {timing['annotate_seconds']:.2f}s, "
                f"total {timing['total_seconds']:.2f}s"
            )
        for message, count in sorted(run.warnings.items()):
            print(f"{self.name}: warning: {count} x {message}", file=sys.stderr)
        for name, value, floor in failures:
            print(f"{self.name}: FAIL: {name} = {value:.4f} is below its floor {floor}", file=sys.stderr)
        return EXIT_FLOOR if failures else EXIT_OK


def read_tar_members(archive: Path, wanted) -> dict[str, bytes]:
    """Reads the regular files of a .tar.xz whose member name satisfies wanted(name), in memory.

    Reading members straight from the archive needs no extraction (nothing is written), and
    member names cannot escape anywhere.
    """
    import tarfile

    out = {}
    try:
        with tarfile.open(archive, "r:*") as tar:
            for member in tar:
                if member.isfile() and wanted(member.name):
                    handle = tar.extractfile(member)
                    if handle is not None:
                        out[member.name] = handle.read()
    except (OSError, tarfile.TarError) as exc:
        raise EvalError(f"cannot read {archive}: {exc}") from exc
    return out
