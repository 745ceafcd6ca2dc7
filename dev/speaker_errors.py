#!/usr/bin/env python3
"""Lists the quotes whose speaker Byline got wrong on a PolNeAR split, with
the article, the quote and the attribution's source, from the answers a
scorer run saved with --dump.

  python3 ../shared/eval/quotes_polnear.py --cmd target/release/byline \
      --jobs 2 --dump /tmp/pn ../shared/data/quotes-dev/polnear/data/train
  python3 dev/speaker_errors.py /tmp/pn ../shared/data/quotes-dev/polnear/data/train \
      [--kind name|pronoun|nominal] [--null]

Reads ../shared/eval (the scorer's own gold and matching), writes nothing.
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "shared", "eval"))
sys.dont_write_bytecode = True
import contract  # noqa: E402
from gazetteer import DEFAULT_DIR  # noqa: E402
from polnear_gold import gold_article, load_split, names_match, parse_ann, trimmed_chars  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dump")
    ap.add_argument("split")
    ap.add_argument("--kind")
    ap.add_argument("--null", action="store_true", help="only quotes with no speaker")
    args = ap.parse_args()
    shown = 0
    for base, tpath, apath in load_split(args.split):
        with open(tpath, encoding="utf-8") as f:
            text = f.read()
        try:
            with open(os.path.join(args.dump, base + ".json"), encoding="utf-8") as f:
                obj = json.load(f)
        except OSError:
            continue
        al = contract.Aligner(text, obj["text"])
        spans, events = parse_ann(apath)
        gold, _ = gold_article(text, spans, events, DEFAULT_DIR)
        preds = []
        for q in obj.get("quotes") or []:
            sp = al.span(q["start"], q["end"])
            chars = trimmed_chars(text, [sp]) if sp else set()
            preds.append((chars, q.get("speaker"), sp))
        for g in gold:
            js = [(len(ch & g["chars"]), j) for j, (ch, _, _) in enumerate(preds) if ch & g["chars"]]
            cover = set().union(*[preds[j][0] & g["chars"] for _, j in js]) if js else set()
            if not g["chars"] or len(cover) < 0.5 * len(g["chars"]) or g["speaker"] is None:
                continue
            spk = preds[max(js)[1]][1]
            if spk is not None and any(names_match(spk, n) for n in g["speaker"]):
                continue
            if args.kind and g["kind"] != args.kind or args.null and spk is not None:
                continue
            s, e = g["extent"]
            shown += 1
            print(f"== {base}  [{g['kind']}] source {g['source']!r} gold {list(g['speaker'])} pred {spk!r}")
            print("   " + text[max(0, s - 160):e + 160].replace("\n", " / "))
    print(f"{shown} shown", file=sys.stderr)


if __name__ == "__main__":
    main()
