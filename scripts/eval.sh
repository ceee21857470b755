#!/usr/bin/env bash
# Scores frnews on the evaluation sets beside the repository (../shared/eval), when present:
# runs `frnews analyze --jsonl` on each .jsonl of dev/ and external/ and prints score.py's table.
# Usage: scripts/eval.sh [--show-errors]   (FRNEWS=path/to/frnews to use another build)
set -euo pipefail
cd "$(dirname "$0")/.."
eval_dir=${FRNEWS_EVAL_DIR:-../shared/eval}
if [ ! -d "$eval_dir" ]; then
  echo "eval: no evaluation set at $eval_dir; nothing to score."
  exit 0
fi
frnews=${FRNEWS:-build/tools/frnews}
[ -x "$frnews" ] || scripts/build.sh >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for gold in "$eval_dir"/dev/*.jsonl "$eval_dir"/external/*.jsonl; do
  [ -e "$gold" ] || continue
  name=$(basename "$(dirname "$gold")")/$(basename "$gold")
  "$frnews" analyze --jsonl -j "$(nproc)" "$gold" >"$out/pred.jsonl" || true
  echo "== $name"
  python3 "$eval_dir/score.py" "$gold" "$out/pred.jsonl" "$@"
done
