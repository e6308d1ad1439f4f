#!/usr/bin/env bash
# Direct quotations on the German Wikinews quotation-attribution data
# (shared/bench/quotes-de-wikinews, CC BY-NC-SA; read from ../shared, never copied): each
# document of a split is written as a text file, `parallax analyze` runs over them, and the
# direct quotations it reports are matched to the labelled `Direct` ones. A labelled one
# is found when some reported occurrence of its document shares half its words (Dice over
# word bags >= 0.5, each reported occurrence used once); precision is the share of
# reported occurrences that match a labelled direct quotation. This is a simpler measure
# than the dataset's own (Hungarian pairing, token-level F1 per role over all quotation
# types); speakers are not scored, as parallax knows no German verbs of saying.
#
#   bench/quotes-wikinews.sh [dev|test|train]      (default: dev)
set -euo pipefail
cd "$(dirname "$0")/.."
split=${1:-dev}
data=../shared/bench/quotes-de-wikinews/$split.jsonl.gz
[ -f "$data" ] || { echo "no $data" >&2; exit 1; }
cargo build --release -q -p parallax-cli
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/docs"
python3 - "$data" "$work/docs" <<'PY'
import gzip, json, sys
for n, line in enumerate(gzip.open(sys.argv[1], "rt", encoding="utf-8"), 1):
    with open(f"{sys.argv[2]}/doc{n:04d}.txt", "w", encoding="utf-8") as f:
        f.write(json.loads(line)["originalText"])
PY
start=$(date +%s.%N)
target/release/parallax analyze "$work/docs" --json "$work/report.json" -q
end=$(date +%s.%N)
python3 - "$data" "$work/report.json" "$start" "$end" <<'PY'
import gzip, json, re, sys
from collections import Counter
words = lambda s: re.findall(r"\w+", s.lower())
def dice(a, b):
    if not a or not b:
        return 0.0
    return 2 * sum((Counter(a) & Counter(b)).values()) / (len(a) + len(b))
report = json.load(open(sys.argv[2], encoding="utf-8"))
found = {}
for s in report["stories"]:
    for q in s.get("quotes", []):
        for o in q["occurrences"]:
            found.setdefault(o["article"], []).append(words(" ".join(o["parts"])))
gold = hit = 0
for n, line in enumerate(gzip.open(sys.argv[1], "rt", encoding="utf-8"), 1):
    doc = json.loads(line)
    ours = found.get(f"doc{n:04d}", [])
    used = set()
    for a in doc["annotations"]:
        if a["type"] != "Direct":
            continue
        gold += 1
        want = words(a["quote"].get("text", ""))
        best = max(((dice(want, p), k) for k, p in enumerate(ours) if k not in used), default=(0, -1))
        if best[0] >= 0.5:
            hit += 1
            used.add(best[1])
reported = sum(len(v) for v in found.values())
print(f"{n} documents, {float(sys.argv[4]) - float(sys.argv[3]):.1f} s; direct quotations: "
      f"{gold} labelled, recall {hit / max(1, gold):.3f}; {reported} reported, "
      f"precision {hit / max(1, reported):.3f}")
PY
