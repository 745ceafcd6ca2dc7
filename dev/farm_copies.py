#!/usr/bin/env python3
"""Duplicate precision and recall of `byline` against the loopback news farm.

The farm (../shared/bench/newsfarm) publishes syndicated copies: items of a
publication's "Top stories" feed that are the same article as an item of one
of its section feeds. This script serves the farm on 127.0.0.1, runs
`byline fetch` (feeds only, or with every page when --pages) into a fresh
data folder, reads `byline list --json`, and scores Byline's duplicate
groups (a story with its `duplicate_of` copies; one story carried by two
feeds is one group) against the farm's truth, over pairs of feed slots:

  precision = pairs Byline puts in one group that are the same article
  recall    = pairs that are the same article that Byline puts in one group

Standard library only. Example, from the repository root:
  cargo build --release
  python3 dev/farm_copies.py --cmd target/release/byline [--pages]
"""
import argparse
import collections
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
PAGE = re.compile(r"-(\d+)-(\d+)\.html")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pairs(counter):
    return sum(n * (n - 1) // 2 for n in counter.values())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cmd", default="byline")
    ap.add_argument("--bench", default=os.path.join(HERE, "..", "..", "shared", "bench"))
    ap.add_argument("--pages", action="store_true", help="fetch every story's page too")
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--items", type=int, default=50)
    args = ap.parse_args()
    bench = os.path.abspath(args.bench)
    sys.path.insert(0, bench)
    sys.dont_write_bytecode = True
    from newsfarm.corpus import Corpus, Params  # noqa: E402

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    corpus = Corpus(Params(feeds=args.feeds, items=args.items, base_url=base))
    tmp = tempfile.mkdtemp(prefix="byline-farm-")
    server = subprocess.Popen(
        [sys.executable, "-m", "newsfarm", "serve", "--host", "127.0.0.1", "--port", str(port),
         "--latency-ms", "0", "--feeds", str(args.feeds), "--items", str(args.items),
         "--state-dir", os.path.join(tmp, "state")],
        cwd=bench, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(base + "/__stats", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        cfg = os.path.join(tmp, "config.toml")
        with open(cfg, "w") as f:
            for url in corpus.feed_urls():
                f.write(f'[[feeds]]\nurl = "{url}"\n\n')
        env = dict(os.environ, NO_PROXY="*", XDG_CONFIG_HOME=os.path.join(tmp, "xdg"))
        for k in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
            env.pop(k, None)
        base_args = args.cmd.split() + ["--config", cfg, "--data-dir", os.path.join(tmp, "data")]
        fetch = ["fetch"] if args.pages else ["fetch", "--feeds-only"]
        t0 = time.time()
        p = subprocess.run(base_args + fetch, env=env, capture_output=True)
        if p.returncode not in (0, 3):
            sys.exit(f"fetch exited {p.returncode}: {p.stderr.decode()[-300:]}")
        took = time.time() - t0
        p = subprocess.run(base_args + ["list", "--json", "--limit", "1000000"], env=env,
                           capture_output=True, check=True)
        listed = json.loads(p.stdout)
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)

    story_of = {}  # (g, j) -> Byline story id
    root = {}      # story id -> its duplicate group
    for s in listed:
        m = PAGE.search(s.get("url") or "")
        if m:
            story_of[(int(m.group(1)), int(m.group(2)))] = s["id"]
        root[s["id"]] = s["duplicate_of"] or s["id"]
    gold, pred, joint = collections.Counter(), collections.Counter(), collections.Counter()
    missing = 0
    for f in range(corpus.p.feeds):
        for article in corpus.feed_items(f):
            sid = story_of.get(article)
            if sid is None:
                missing += 1
                continue
            gold[article] += 1
            pred[root[sid]] += 1
            joint[(article, root[sid])] += 1
    tp, pp, gp = pairs(joint), pairs(pred), pairs(gold)
    false_copies = sum(1 for s in listed if s["duplicate_of"] is not None
                       and PAGE.search(s.get("url") or ""))
    print(f"farm {corpus.p.feeds}x{corpus.p.items}, {'pages' if args.pages else 'feeds only'}: "
          f"{len(listed)} stories listed, {missing} slots unmatched, fetch {took:.1f}s")
    print(f"copy pairs {gp}, predicted {pp}, right {tp}; stories marked duplicate_of: {false_copies}")
    print(f"duplicate precision {tp / pp if pp else 1.0:.4f}  recall {tp / gp if gp else 1.0:.4f}")


if __name__ == "__main__":
    main()
