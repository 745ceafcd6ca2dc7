#!/usr/bin/env python3
"""Scores `byline analyze --json` on the held-out stories in dev/heldout/analysis.

Each story file holds a text and its hand annotations (see that folder's
README). Every text goes through `CMD analyze --json -` (the text only, as
plain text), and the answer is scored per story and summed:

  * people, orgs, places: document-level sets. A gold entry (a list of
    acceptable names) is found when some predicted entity of that kind, not
    yet taken, matches one of its names; predictions left over are false.
    People match when the normalised names are equal, or when their last
    words agree and their first words agree or one is the other's initial.
    Orgs and places match on the normalised name (a leading "the" dropped);
    a place must also carry the right country code.
  * countries: the set of codes of `country` entities against the gold codes.
  * quotes: a gold quote is found when the predicted quotes cover at least
    half of its characters; its speaker is right when the predicted quote
    with the largest overlap names the gold speaker (null for null). A
    predicted quote is precise when half of it lies inside gold quotes.

Usage: python3 dev/heldout_score.py [--cmd target/release/byline] [--show]
       [DIR]   (--show prints every miss and false entity per story)
"""
import argparse
import glob
import json
import os
import shlex
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))


def norm_words(name):
    s = unicodedata.normalize("NFKD", name or "")
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = s.replace("\u2019", "'")
    if s.endswith("'s"):
        s = s[:-2]
    words = "".join(c if c.isalnum() or c in " -" else " " for c in s).split()
    return [w for w in words if w != "the" or len(words) == 1]


def person_match(pred, gold):
    p, g = norm_words(pred), norm_words(gold)
    if not p or not g:
        return False
    if p == g:
        return True
    if p[-1] != g[-1] or len(p) == 1 or len(g) == 1:
        return False
    a, b = p[0], g[0]
    return a == b or (a[0] == b[0] and min(len(a), len(b)) == 1)


def plain_match(pred, gold):
    return norm_words(pred) == norm_words(gold) and bool(norm_words(gold))


def match_sets(preds, golds, same):
    """Greedy one-to-one matching: (true positives, missed golds, false preds)."""
    left = list(preds)
    missed = []
    tp = 0
    for names in golds:
        hit = next((p for p in left if any(same(p, n) for n in names)), None)
        if hit is None:
            missed.append(names[0])
        else:
            left.remove(hit)
            tp += 1
    return tp, missed, left


def locate(text, quotes):
    spans, used = [], set()
    for q in quotes:
        start = text.find(q["text"])
        while start in used and start >= 0:
            start = text.find(q["text"], start + 1)
        if start < 0:
            sys.exit(f"error: quote not in text: {q['text'][:60]!r}")
        used.add(start)
        spans.append((start, start + len(q["text"])))
    return spans


def overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def speaker_match(pred, gold, gold_story):
    if gold is None or pred is None:
        return gold is None and pred is None
    alts = [gold]
    for names in gold_story["people"] + gold_story["orgs"]:
        if names[0] == gold:
            alts = names
    return any(person_match(pred, n) or plain_match(pred, n) for n in alts)


def score(story, answer, totals, show, name):
    ents = answer.get("entities", [])
    by_kind = {k: [e for e in ents if e["kind"] == k] for k in ("person", "country", "place", "org")}
    report = []
    for kind, key, same in (("person", "people", person_match), ("org", "orgs", plain_match)):
        tp, missed, false = match_sets([e["name"] for e in by_kind[kind]], story[key], same)
        t = totals[key]
        t[0] += tp
        t[1] += len(story[key])
        t[2] += len(by_kind[kind])
        report += [f"  {key} missed: {m}" for m in missed] + [f"  {key} false: {f}" for f in false]
    place_preds = [f"{e['name']}|{e.get('country')}" for e in by_kind["place"]]
    place_golds = [[f"{n}|{code}"] for n, code in story["places"]]
    tp, missed, false = match_sets(place_preds, place_golds, plain_match)
    t = totals["places"]
    t[0] += tp
    t[1] += len(place_golds)
    t[2] += len(place_preds)
    report += [f"  places missed: {m}" for m in missed] + [f"  places false: {f}" for f in false]
    pred_codes = {e.get("country") for e in by_kind["country"]}
    gold_codes = set(story["countries"])
    t = totals["countries"]
    t[0] += len(pred_codes & gold_codes)
    t[1] += len(gold_codes)
    t[2] += len(pred_codes)
    report += [f"  countries missed: {c}" for c in sorted(gold_codes - pred_codes)]
    report += [f"  countries false: {c}" for c in sorted(pred_codes - gold_codes)]

    text = story["text"]
    gold_spans = locate(text, story["quotes"])
    pred = [(q["start"], q["end"], q.get("speaker")) for q in answer.get("quotes", [])]
    q = totals["quotes"]
    for gq, span in zip(story["quotes"], gold_spans):
        size = span[1] - span[0]
        covered = sum(overlap(span, p) for p in pred)
        q["gold"] += 1
        if size == 0 or covered * 2 < size:
            report.append(f"  quote missed: {gq['text'][:70]!r}")
            continue
        q["found"] += 1
        best = max(pred, key=lambda p: overlap(span, p))
        if speaker_match(best[2], gq["speaker"], story):
            q["speaker"] += 1
        else:
            report.append(f"  speaker: {gq['text'][:50]!r} gold {gq['speaker']!r} pred {best[2]!r}")
    for p in pred:
        inside = sum(overlap(p, g) for g in gold_spans)
        q["pred"] += 1
        if inside * 2 >= p[1] - p[0]:
            q["precise"] += 1
        else:
            report.append(f"  quote false: {text[p[0]:p[1]][:70]!r}")
    if show and report:
        print(f"== {name}")
        print("\n".join(report))


def prf(t):
    p = t[0] / t[2] if t[2] else 1.0
    r = t[0] / t[1] if t[1] else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dir", nargs="?", default=os.path.join(HERE, "heldout", "analysis"))
    ap.add_argument("--cmd", default="target/release/byline")
    ap.add_argument("--show", action="store_true", help="print each story's misses and false entities")
    args = ap.parse_args()
    files = sorted(glob.glob(os.path.join(args.dir, "*.json")))
    if not files:
        sys.exit(f"error: no story files in {args.dir}")
    totals = {k: [0, 0, 0] for k in ("people", "countries", "places", "orgs")}
    totals["quotes"] = dict(gold=0, found=0, speaker=0, pred=0, precise=0)
    failures = 0
    for path in files:
        story = json.load(open(path, encoding="utf-8"))
        run = subprocess.run(shlex.split(args.cmd) + ["analyze", "--json", "-"], input=story["text"].encode(),
                             capture_output=True, timeout=120)
        if run.returncode != 0:
            failures += 1
            print(f"failed: {os.path.basename(path)}: {run.stderr.decode(errors='replace').strip()}")
            continue
        answer = json.loads(run.stdout)
        if answer.get("text") != story["text"]:
            sys.exit(f"error: {path}: the answer's text differs from the story's; offsets would not line up")
        score(story, answer, totals, args.show, os.path.basename(path))
    print(f"{len(files)} stories, {failures} failures")
    for key in ("people", "countries", "places", "orgs"):
        p, r, f = prf(totals[key])
        print(f"{key:10} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   ({totals[key][0]} right of {totals[key][1]} gold, "
              f"{totals[key][2]} predicted)")
    q = totals["quotes"]
    found = q["found"] / q["gold"] if q["gold"] else 1.0
    prec = q["precise"] / q["pred"] if q["pred"] else 1.0
    spk = q["speaker"] / q["found"] if q["found"] else 1.0
    print(f"quotes     found {found:.3f} ({q['found']}/{q['gold']})  precision {prec:.3f}  "
          f"speaker {spk:.3f} ({q['speaker']}/{q['found']})")


if __name__ == "__main__":
    main()
