#!/usr/bin/env bash
# Whole runs of `parallax analyze` on generated crawl files: parallax-synth writes N
# fictional articles as HTML pages in WARC response records (gzip-compressed record by
# record); the same articles as JSON lines are run beside them. Wall time and peak memory:
# a crawl file streams, so its peak is that of the same articles as JSON lines, whatever
# the file's size on disk.
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
for n in "${sizes[@]}"; do
    for kind in warc.gz jsonl; do
        target/release/parallax-synth "$n" "$work/corpus.$kind"
        size=$(du -h "$work/corpus.$kind" | cut -f1)
        run=$( { /usr/bin/time -f "%e s wall, %M KiB peak RSS" target/release/parallax analyze "$work/corpus.$kind" --settings "$work/settings.json" --json "$work/report.json" -q; } 2>&1 | tail -1)
        echo "$n articles, $kind ($size): $run"
        rm -f "$work/corpus.$kind"
    done
done
