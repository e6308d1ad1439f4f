#!/usr/bin/env bash
# Whole runs of `parallax analyze` on generated corpora (parallax-synth: fictional events,
# about eight articles each, skewed story sizes), with wall time, peak memory, the time of
# each stage, and B-cubed F1 of the stories against the generator's events.
#
#   bench/scale.sh [N ...]        (default: 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-10000 100000}")
[ $# -eq 0 ] && sizes=(10000 100000)
cargo build --release -q --workspace
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for n in "${sizes[@]}"; do
    target/release/parallax-synth "$n" "$work/corpus.jsonl"
    time=$( { /usr/bin/time -f "%e s wall, %M KiB peak RSS" target/release/parallax analyze "$work/corpus.jsonl" --json "$work/report.json" -q; } 2>&1 | tail -1)
    quality=$(python3 - "$work/corpus.jsonl" "$work/report.json" <<'PY'
import json, sys
from collections import defaultdict
gold = {}
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    gold[d["id"]] = d["event"]
report = json.load(open(sys.argv[2], encoding="utf-8"))
pred = {a["id"]: a["story"] for a in report["articles"]}
G, P = defaultdict(set), defaultdict(set)
for d in gold:
    G[gold[d]].add(d)
    P[pred[d]].add(d)
p = r = 0.0
for d in gold:
    both = len(G[gold[d]] & P[pred[d]])
    p += both / len(P[pred[d]])
    r += both / len(G[gold[d]])
p, r = p / len(gold), r / len(gold)
stages = report["summary"]["stage_seconds"]
print(f"B-cubed F1 {2 * p * r / (p + r):.3f} (P {p:.3f}, R {r:.3f}); stages: "
      + ", ".join(f"{k} {v:.1f} s" for k, v in stages.items()))
PY
)
    echo "$n articles: $time; $quality"
done
