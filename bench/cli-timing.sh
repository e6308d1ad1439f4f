#!/usr/bin/env bash
# Whole-run timing of `parallax analyze`: the example corpus, and its articles that carry a
# header date repeated N times (each repeat renamed and shifted by a week, so that repeats
# are separate stories of the same shape). Prints wall time and peak memory.
#
#   bench/cli-timing.sh [N]        (default N = 500, about 10,000 articles)
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-500}"
cargo build --release -q
bin=target/release/parallax
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$n" "$work/corpus" <<'PY'
import os, re, sys, datetime
n, out = int(sys.argv[1]), sys.argv[2]
src = "examples/corpus"
os.makedirs(out)
files = sorted(f for f in os.listdir(src) if f.endswith(".txt"))
texts = {f: open(os.path.join(src, f), encoding="utf-8").read() for f in files}
# Only articles dated by their header can be shifted; the others would pile up on one date.
texts = {f: t for f, t in texts.items() if re.search(r"^Published: \S+$", t, flags=re.M)}
def shift(m, k):
    t = datetime.datetime.fromisoformat(m.group(1)) + datetime.timedelta(days=7 * k)
    return "Published: " + t.isoformat()
for k in range(n):
    d = os.path.join(out, f"{k // 100:04d}")
    os.makedirs(d, exist_ok=True)
    for f, t in texts.items():
        t = re.sub(r"^Published: (\S+)$", lambda m: shift(m, k), t, flags=re.M)
        open(os.path.join(d, f"r{k}-{f}"), "w", encoding="utf-8").write(t)
PY

run() {
    /usr/bin/time -f "%e s wall, %M KiB peak RSS" "$bin" analyze "$@" --json "$work/report.json" -q 2>&1 | tail -1
}
echo "example corpus (21 articles): $(run examples/corpus)"
count=$(find "$work/corpus" -name '*.txt' | wc -l)
echo "repeated corpus ($count articles): $(run "$work/corpus")"
