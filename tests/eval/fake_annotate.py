#!/usr/bin/env python3
"""A stand-in for `copydesk annotate` that answers from an oracle: the scorers' self-test.

    COPYDESK_FAKE_ORACLE=oracle.json COPYDESK_FAKE_MODE=perfect fake_annotate.py annotate FILE...

The oracle maps sha256(file bytes) to {"body": text after the header, "annotations": [obj...]},
each obj an annotate object (dates, attributions, hedges) whose offsets are CHARACTER offsets
into the body. This program converts them to UTF-8 byte offsets into the file on its own
(independently of the scorers' mapping) and checks that the file really ends with the body.
Several oracle objects for the same bytes (identical test cases) are merged.

Modes (COPYDESK_FAKE_MODE):
  perfect     the gold, exactly
  empty       nothing at all
  shrink      every span loses its last character (overlap yes, exact no)
  double      every date, cue and hedge twice (precision halves)
  wrongvalue  every date value replaced by "XXXX" and type by "SET"
  header      one extra date over the `date` header line (a false positive)
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys


def fail(message: str) -> None:
    print(f"fake_annotate: {message}", file=sys.stderr)
    sys.exit(3)


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "annotate":
        fail("only the annotate command is faked")
    paths, i = [], 1
    with_value = {"--dateline", "--config", "--jobs", "-j", "--include", "--exclude", "--stdin-filename"}
    while i < len(argv):
        arg = argv[i]
        if arg in with_value:
            i += 2
            continue
        if arg.startswith("-"):
            i += 1
            continue
        paths.append(arg)
        i += 1
    oracle_path = os.environ.get("COPYDESK_FAKE_ORACLE")
    if not oracle_path:
        fail("COPYDESK_FAKE_ORACLE is not set")
    with open(oracle_path, encoding="utf-8") as handle:
        oracle = json.load(handle)
    mode = os.environ.get("COPYDESK_FAKE_MODE", "perfect")
    out = sys.stdout
    for path in paths:
        with open(path, "rb") as handle:
            data = handle.read()
        entry = oracle.get(hashlib.sha256(data).hexdigest())
        if entry is None:
            fail(f"no oracle entry for {path} (the scorer wrote bytes the self-test did not expect)")
        text = data.decode("utf-8")
        body = entry["body"]
        if not text.endswith(body):
            fail(f"{path} does not end with its body")
        header = text[: len(text) - len(body)]
        prefix = len(header.encode("utf-8"))
        m = re.match(r"\s*date (\d{4}-\d{2}-\d{2})", header)
        dateline = {"value": m.group(1), "source": "header"} if m else None

        def span(obj: dict | None, extra: tuple = ()) -> dict | None:
            if obj is None:
                return None
            start, end = obj["start"], obj["end"]
            if mode == "shrink" and end - start > 1:
                end -= 1
            b0 = prefix + len(body[:start].encode("utf-8"))
            b1 = prefix + len(body[:end].encode("utf-8"))
            result = {"start": b0, "end": b1, "text": data[b0:b1].decode("utf-8")}
            for key in extra:
                result[key] = obj.get(key)
            return result

        dates, attributions, hedges = [], [], []
        seen = set()
        for ann in entry["annotations"]:
            for d in ann.get("dates", []):
                item = span(d, ("type", "value"))
                if mode == "wrongvalue":
                    item["value"], item["type"] = "XXXX", "SET"
                dates.append(item)
            for a in ann.get("attributions", []):
                attributions.append(
                    {
                        "cue": span(a["cue"]),
                        "source": span(a.get("source"), ("kind",)),
                        "content": span(a.get("content")),
                        "direct": bool(a.get("direct")),
                    }
                )
            for h in ann.get("hedges", []):
                hedges.append(span(h, ("kind",)))

        def dedupe(items: list) -> list:
            result = []
            for item in items:
                key = json.dumps(item, sort_keys=True)
                if key not in seen:
                    seen.add(key)
                    result.append(item)
            return result

        dates, attributions, hedges = dedupe(dates), dedupe(attributions), dedupe(hedges)
        if mode == "empty":
            dates, attributions, hedges = [], [], []
        elif mode == "double":
            dates = [d for d in dates for _ in (0, 1)]
            attributions = [a for a in attributions for _ in (0, 1)]
            hedges = [h for h in hedges for _ in (0, 1)]
        elif mode == "header" and prefix > 0:
            dates.append({"start": 0, "end": prefix - 1, "text": header[:-1], "type": "DATE", "value": "XXXX"})
        obj = {
            "path": path,
            "dateline": dateline,
            "dates": dates,
            "attributions": attributions,
            "hedges": hedges,
            "claims": [],
            "diagnostics": [],
        }
        out.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
