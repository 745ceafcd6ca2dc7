#!/usr/bin/env bash
# Reproduces every figure of BENCHMARKS.md in one run, from the repository
# root, with ../shared beside the checkout:
#
#   dev/bench-all.sh                       # everything (about 45 minutes on 2 cores)
#   PARTS=farm dev/bench-all.sh            # only the farm, Byline against newsboat
#   PARTS=evals,benches dev/bench-all.sh   # only the scorers and criterion benches
#
# Parts (PARTS, comma-separated; all by default):
#   farm     ../shared/bench side by side: newsboat and Byline in one run of
#            run.sh (cold, second, warm, full page, the 100k-item large cache,
#            time to the first screen in tmux). Needs newsboat, hyperfine,
#            tmux and GNU time: `INSTALL=1` runs `run.sh --install` first.
#   evals    the ../shared/eval scorers: extraction F1 on the 181 pages,
#            CoNLL-2003 dev entities, PolNeAR dev and train quotes, UCI event
#            clusters, the farm's syndicated copies (feeds only and pages).
#   benches  the criterion benches: extract, analyze, relate, reader.
#
# Other settings: OUT (where every output goes; a new folder under /tmp by
# default), RUNS (hyperfine runs per farm scenario, 3), SCENARIOS (the farm's,
# as run.sh takes them), SHARED (../shared). Each part writes its own files
# under OUT and the script ends by listing them. It only measures: nothing
# here passes or fails on a figure.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${SHARED:-$ROOT/../shared}
OUT=${OUT:-/tmp/byline-figures-$(date +%Y%m%d-%H%M%S)}
PARTS=${PARTS:-farm,evals,benches}
RUNS=${RUNS:-3}
SCENARIOS=${SCENARIOS:-cold,second,warm,fullpage,large,tui}
BIN=$ROOT/target/release/byline

if [[ ! -d $SHARED/bench || ! -d $SHARED/eval ]]; then
    echo "bench-all: $SHARED has no bench/ and eval/; set SHARED to the shared folder" >&2
    exit 2
fi
has() { [[ ",$PARTS," == *",$1,"* ]]; }
mkdir -p "$OUT"
cd "$ROOT"
cargo build --release --locked
{
    echo "commit $(git rev-parse --short HEAD) $(git status --porcelain | grep -q . && echo '(with local changes)')"
    echo "date $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "machine $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -sr)"
    echo "rustc $(rustc --version)"
} | tee "$OUT/machine.txt"

if has farm; then
    if [[ ${INSTALL:-0} == 1 ]]; then
        (cd "$SHARED/bench" && ./run.sh --install)
    fi
    for tool in newsboat hyperfine tmux; do
        command -v "$tool" >/dev/null || {
            echo "bench-all: $tool is missing; run with INSTALL=1 (or: cd $SHARED/bench && ./run.sh --install)" >&2
            exit 2
        }
    done
    (
        cd "$SHARED/bench"
        PATH="$ROOT/target/release:$PATH" OUT="$OUT/farm" \
            PROFILES=profiles/newsboat.json,profiles/byline.json \
            SCENARIOS="$SCENARIOS" RUNS="$RUNS" LARGE_RUNS="$RUNS" ./run.sh
    ) 2>&1 | tee "$OUT/farm.log"
fi

if has evals; then
    pred=$OUT/extraction-pred
    mkdir -p "$pred"
    for f in "$SHARED"/data/extraction/html/*.html.gz; do
        id=$(basename "$f" .html.gz)
        gunzip -c "$f" | "$BIN" analyze --html - --json |
            python3 -c 'import json,sys; print(json.load(sys.stdin)["text"])' >"$pred/$id.txt"
    done
    python3 "$SHARED/eval/extraction_f1.py" "$pred" | tee "$OUT/extraction.txt"
    python3 "$SHARED/eval/ner_conll.py" --cmd "$BIN" --jobs 2 \
        "$SHARED/data/ner-dev/conll2003/conllpp_dev.txt" | tee "$OUT/ner-conll-dev.txt"
    for split in dev train; do
        python3 "$SHARED/eval/quotes_polnear.py" --cmd "$BIN" --jobs 2 \
            "$SHARED/data/quotes-dev/polnear/data/$split" | tee "$OUT/quotes-polnear-$split.txt"
    done
    python3 "$SHARED/eval/clusters_uci.py" --cmd "$BIN" | tee "$OUT/clusters-uci.txt"
    python3 dev/farm_copies.py --cmd "$BIN" | tee "$OUT/farm-copies.txt"
    python3 dev/farm_copies.py --cmd "$BIN" --pages | tee "$OUT/farm-copies-pages.txt"
fi

if has benches; then
    for bench in extract analyze relate reader; do
        cargo bench --locked --bench "$bench" 2>&1 | tee "$OUT/bench-$bench.txt"
    done
fi

echo "bench-all: figures in $OUT:"
ls "$OUT"
