#!/usr/bin/env bash
# frnews on a corpus split into shards, as a cluster engine would run it: each shard goes through
# `frnews analyze --jsonl` on its own (Spark's RDD.pipe, Hadoop Streaming and GNU parallel all
# do exactly this), and the results are the same as one process over the whole corpus.
# Usage: shards.sh [FRNEWS] [DOCUMENTS] [WORKERS]
set -euo pipefail
frnews=${1:-build/tools/frnews}
documents=${2:-20000}
workers=${3:-2}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A corpus of JSON Lines: the bundled article's paragraphs, numbered, one document per line.
python3 - "$documents" >"$work/corpus.jsonl" <<'PY'
import json, sys
paragraphs = [p for p in open("examples/data/article.txt", encoding="utf-8").read().split("\n\n") if p.strip()]
for i in range(int(sys.argv[1])):
    text = "\n\n".join(paragraphs[(i + k) % len(paragraphs)] for k in range(3))
    print(json.dumps({"id": f"doc-{i}", "text": text}, ensure_ascii=False))
PY
size=$(stat -c %s "$work/corpus.jsonl")

# One process, one thread: the reference.
start=$(date +%s%N)
"$frnews" analyze --jsonl --no-progress <"$work/corpus.jsonl" >"$work/single.jsonl"
single=$(( $(date +%s%N) - start ))

# Shards, one frnews process per shard, $workers at a time.
split -n "l/$((workers * 4))" -d "$work/corpus.jsonl" "$work/shard-"
start=$(date +%s%N)
ls "$work"/shard-* | xargs -P "$workers" -I{} sh -c "'$frnews' analyze --jsonl --no-progress <{} >{}.out"
cat "$work"/shard-*.out >"$work/sharded.jsonl"
sharded=$(( $(date +%s%N) - start ))

cmp -s "$work/single.jsonl" "$work/sharded.jsonl" || { echo "shards differ from the single run" >&2; exit 1; }
awk -v n="$documents" -v b="$size" -v s="$single" -v p="$sharded" -v w="$workers" 'BEGIN {
  s /= 1e9; p /= 1e9
  printf "%d documents, %.1f MB\n", n, b / 1e6
  printf "1 process:  %6.2f s  %7.0f documents/s  %6.1f MB/s\n", s, n / s, b / 1e6 / s
  printf "%d shards:   %6.2f s  %7.0f documents/s  %6.1f MB/s  (x%.2f)\n", w, p, n / p, b / 1e6 / p, s / p
}'
