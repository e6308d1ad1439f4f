#!/usr/bin/env bash
# Main-text extraction on the article-extraction benchmark (../shared/bench/article-extraction,
# 181 pages with their true article body), parallax beside the best Python extractors, in
# one run on the same pages: token-level F1, precision and recall by the benchmark's own
# metric (../shared/tools/score-extraction), and pages per second on one core.
#
#   bench/extraction/run.sh          (installs the peers into target/bench-venv once)
set -euo pipefail
cd "$(dirname "$0")/../.."
shared="${PARALLAX_SHARED:-../shared}"
pages="$shared/bench/article-extraction/html"
score="$shared/tools/score-extraction"
[ -d "$pages" ] || { echo "no benchmark pages at $pages" >&2; exit 1; }

venv=target/bench-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --upgrade pip
    "$venv/bin/pip" install --quiet -r bench/extraction/requirements.txt
fi
cargo build --release -q -p parallax-cli

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# The pages, decompressed, so that parallax is timed on the same bytes as the peers.
mkdir "$out/pages"
for f in "$pages"/*.html.gz; do
    gunzip -c "$f" > "$out/pages/$(basename "$f" .gz)"
done
megabytes=$(du -cm "$out/pages" | tail -1 | cut -f1)

row() { printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4"; }
echo "| tool | F1 (P, R) | pages/s | MB/s |"
echo "|---|---|---:|---:|"
# parallax extract: the main text alone, one core, the best of three runs (reading the
# files and starting the process included).
seconds=1000000
for _ in 1 2 3; do
    start=$(date +%s.%N)
    target/release/parallax extract "$out/pages" --json "$out/parallax.jsonl" 2>/dev/null
    end=$(date +%s.%N)
    seconds=$(echo "s = $end - $start; if (s < $seconds) s else $seconds" | bc)
done
python3 - "$out/parallax.jsonl" "$out/parallax-extract.json" <<'PY'
import json, sys
arts = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
json.dump({"articles": [{"id": a["id"], "body": a["text"]} for a in arts]}, open(sys.argv[2], "w"))
PY
f1=$("$score" --report "$out/parallax-extract.json" | grep f1 | cut -d' ' -f2-)
row "parallax extract (main text)" "$f1" "$(echo "181 / $seconds" | bc)" "$(echo "$megabytes / $seconds" | bc)"
# parallax analyze: the cleaned body the report carries (all cores, with cleaning and grouping).
echo '{"embeddings": {"enabled": false}}' > "$out/settings.json"
target/release/parallax analyze "$out/pages" --settings "$out/settings.json" --json "$out/parallax.json" -q
f1=$("$score" --report "$out/parallax.json" | grep f1 | cut -d' ' -f2-)
row "parallax analyze (cleaned body)" "$f1" "" ""
"$venv/bin/python" bench/extraction/peers.py "$pages" "$out" | while read -r tool rate mbs failed; do
    f1=$("$score" --report "$out/$tool.json" | grep f1 | cut -d' ' -f2-)
    row "$tool" "$f1" "$rate" "$mbs"
done
