#!/usr/bin/env python3
"""Lists the entity errors behind ner_conll.py's scores, one per line.

Run the scorer with --dump DIR first, then:

    python3 dev/ner_errors.py DIR [--type PER|LOC|ORG|country] [--eval ../shared/eval]

Each line is `FN` (gold span missed) or `FP` (predicted span not in gold),
the document, the span's words, what the other side had on the same
tokens, and a little context. Counts per kind of error come last. It reads
the shared scorer's own parsing code, so its spans are the scorer's.
"""
import argparse
import collections
import json
import os
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dump", help="folder written by ner_conll.py --dump")
    ap.add_argument("--type", default="PER", help="PER, LOC, ORG or country (default PER)")
    ap.add_argument("--eval", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval"))
    ap.add_argument("--conll", help="CoNLL file (default: the scorer's dev file)")
    args = ap.parse_args()
    sys.path.insert(0, os.path.abspath(args.eval))
    sys.dont_write_bytecode = True
    import contract  # noqa: E402
    import ner_conll as nc  # noqa: E402
    from gazetteer import DEFAULT_DIR, Gazetteer  # noqa: E402

    gz = Gazetteer(DEFAULT_DIR)
    docs = nc.read_conll(args.conll or nc.DEFAULT_FILE)
    tally = collections.Counter()
    for idx, sents in enumerate(docs):
        doc = nc.Document(idx, sents)
        path = os.path.join(args.dump, f"doc{idx:04d}.json")
        if not os.path.exists(path):
            continue
        obj = json.load(open(path, encoding="utf-8"))
        al = contract.Aligner(doc.text, obj["text"])
        pred = collections.defaultdict(dict)
        for ent in obj.get("entities") or []:
            typ = nc.TYPE_OF_KIND.get(ent.get("kind"))
            for m in ent.get("mentions") or []:
                sp = al.span(m["start"], m["end"])
                ts = doc.token_span(*sp) if sp else None
                if ts is None:
                    continue
                a, b, _ = ts
                if args.type == "country":
                    if ent.get("country"):
                        pred["country"][(a, b)] = ent["country"].upper()
                elif typ:
                    pred[typ][(a, b)] = ent.get("name", "")
        if args.type == "country":
            gold = {}
            for a, b, ty in doc.gold:
                hit = gz.lookup(doc.span_text(a, b)) if ty == "LOC" else None
                codes = gz.demonym(doc.span_text(a, b)) if ty == "MISC" else None
                if hit:
                    gold[(a, b)] = hit[0]
                elif codes:
                    gold[(a, b)] = codes
        else:
            gold = {(a, b): ty for a, b, ty in doc.gold if ty == args.type}
        mine = pred[args.type]
        gold_tags = {(a, b): ty for a, b, ty in doc.gold}

        def ctx(a, b):
            lo, hi = max(0, a - 5), min(len(doc.words), b + 5)
            return " ".join(doc.words[lo:a] + ["["] + doc.words[a:b] + ["]"] + doc.words[b:hi])

        def overlap(spans, a, b):
            return [f"{doc.span_text(x, y)}" for (x, y) in spans if x < b and a < y]

        for (a, b) in sorted(gold):
            want = gold[(a, b)]
            got = mine.get((a, b))
            if args.type == "country":
                if got is not None and got in want:
                    continue
                if got is not None:
                    kind = "wrong code"
                elif overlap(mine, a, b):
                    kind = "FN boundary"
                else:
                    kind = "FN"
            else:
                if got is not None:
                    continue
                kind = "FN boundary" if overlap(mine, a, b) else "FN"
            tally[kind] += 1
            print(f"{kind:12} doc{idx:04d} {doc.span_text(a, b)!r} (mine: {overlap(mine, a, b)}) :: {ctx(a, b)}")
        for (a, b) in sorted(mine):
            if (a, b) in gold:
                continue
            if args.type == "country" and any(ma <= a and b <= mb for (ma, mb), t in gold_tags.items() if t == "MISC"):
                continue
            other = gold_tags.get((a, b))
            kind = f"FP as {other}" if other else ("FP boundary" if overlap(gold, a, b) else "FP")
            tally[kind] += 1
            print(f"{kind:12} doc{idx:04d} {doc.span_text(a, b)!r} -> {mine[(a, b)]!r} :: {ctx(a, b)}")
    for kind, n in tally.most_common():
        print(f"# {kind}: {n}")


if __name__ == "__main__":
    main()
