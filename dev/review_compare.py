#!/usr/bin/env python3
"""Compares two Byline builds on a review set's sentences.

A review set (dev/review/*.tsv: id, text, verdict) holds short wire-style
items that a helper wrote and judged by hand against one build ("ok", or
"wrong: why"; "\\n" marks a paragraph break). This runs each item through
both builds' `analyze --json -` and prints every item whose entities or
quote speakers differ, with its verdict, then how many "ok" and how many
"wrong" items changed: a changed "ok" item is a likely regression, a
changed "wrong" one a fix to read.

Example:
  python3 dev/review_compare.py /tmp/byline_old target/release/byline dev/review/wire23.tsv
"""
import csv
import json
import subprocess
import sys


def run(binary, text):
    out = subprocess.run([binary, "analyze", "--json", "-"], input=text.encode(),
                         capture_output=True, check=True).stdout
    d = json.loads(out)
    ents = sorted((e["kind"][:3], e["name"], e.get("country") or "") for e in d["entities"])
    quotes = [(q["text"][:25], q["speaker"]) for q in d["quotes"]]
    return ents, quotes


def main():
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    old, new, path = sys.argv[1:]
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t"))[1:]
    changed = {"ok": 0, "wrong": 0}
    for row in rows:
        if len(row) < 3:
            continue
        ident, text, verdict = row[0], row[1].replace("\\n", "\n\n"), row[2]
        a, b = run(old, text), run(new, text)
        if a == b:
            continue
        changed["ok" if verdict == "ok" else "wrong"] += 1
        print("==", ident, verdict[:90])
        print("  ", text[:160].replace("\n", " "))
        for x in sorted(set(a[0]) - set(b[0])):
            print("   -", x)
        for x in sorted(set(b[0]) - set(a[0])):
            print("   +", x)
        if a[1] != b[1]:
            print("   Q", a[1], "->", b[1])
    print(f"changed: {changed['ok']} of the ok items, {changed['wrong']} of the wrong ones")


if __name__ == "__main__":
    main()
