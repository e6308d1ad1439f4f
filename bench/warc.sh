#!/usr/bin/env bash
# Whole runs of `parallax analyze` on generated crawl files: parallax-synth writes N
# fictional articles as HTML pages in WARC response records (gzip-compressed record by
# record), the same articles as JSON lines beside them, and the same articles again as
# an uncompressed crawl whose every page carries 20 kB more of comments. Wall time and
# peak memory: a crawl file streams, so its peak follows the number of articles, not the
# file's size.
#
#   bench/warc.sh [N ...]        (default: 10000 40000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ $# -eq 0 ] && sizes=(10000 40000)
cargo build --release -q --workspace
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo '{"embeddings": {"enabled": false}}' > "$work/settings.json"
measure() {
    local label=$1 file=$2
    local size
    size=$(du -h "$file" | cut -f1)
    run=$( { /usr/bin/time -f "%e s wall, %M KiB peak RSS" target/release/parallax analyze "$file" --settings "$work/settings.json" --json "$work/report.json" -q; } 2>&1 | tail -1)
    echo "$label ($size): $run"
    rm -f "$file"
}
for n in "${sizes[@]}"; do
    target/release/parallax-synth "$n" "$work/corpus.warc.gz"
    measure "$n articles, warc.gz" "$work/corpus.warc.gz"
    target/release/parallax-synth "$n" "$work/corpus.jsonl"
    measure "$n articles, jsonl" "$work/corpus.jsonl"
    target/release/parallax-synth "$n" "$work/padded.warc" 7 20000
    measure "$n articles, warc with 20 kB more per page" "$work/padded.warc"
done
