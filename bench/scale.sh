#!/usr/bin/env bash
# Whole runs of `parallax analyze` on generated corpora (parallax-synth: fictional events,
# about eight articles each, skewed story sizes), with wall time, peak memory, the time of
# each stage, B-cubed F1 of the stories against the generator's events, and pairwise F1 of
# the quotations aligned across articles against the generator's utterances.
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
# Quotation alignment: pairs of articles that print one utterance of one event, against
# pairs of occurrences (each known by the paragraph it comes from) that the report puts in
# one quote or reported statement of one story. Statements of the other sentences are not
# counted.
said = {}
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    said[d["id"]] = [((d["event"], q["utterance"]), q["printed"]) for q in d.get("quotes", [])]
gold_of = defaultdict(int)
for labels in said.values():
    for u, _ in labels:
        gold_of[u] += 1
gold_pairs = sum(n * (n - 1) // 2 for n in gold_of.values())
tp = fp = 0
for story in report["stories"]:
    for q in story.get("quotes", []) + story.get("reported_speech", []):
        labels = []
        for o in q["occurrences"]:
            part = (o.get("parts") or [""])[0]
            label = next((u for u, printed in said.get(o["article"], []) if part and part in printed), None)
            labels.append((o["article"], label))
        for i in range(len(labels)):
            for j in range(i + 1, len(labels)):
                (a, x), (b, y) = labels[i], labels[j]
                if a == b or x is None or y is None:
                    continue
                if x == y:
                    tp += 1
                else:
                    fp += 1
qp, qr = tp / max(1, tp + fp), tp / max(1, gold_pairs)
qf = 2 * qp * qr / max(1e-9, qp + qr)
print(f"B-cubed F1 {2 * p * r / (p + r):.3f} (P {p:.3f}, R {r:.3f}); "
      f"quote alignment F1 {qf:.3f} (P {qp:.3f}, R {qr:.3f}); stages: "
      + ", ".join(f"{k} {v:.1f} s" for k, v in stages.items()))
PY
)
    echo "$n articles: $time; $quality"
done
