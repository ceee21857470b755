#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (AddressSanitizer, UndefinedBehaviorSanitizer)
# and runs each for SECONDS (default 60), two at a time, on a copy of its seed corpus.
# Exits non-zero on any finding (crash, violated invariant, leak, timeout, out of memory); the
# input that caused it is left in BUILD_DIR/fuzz-run/findings/.
#
#   scripts/fuzz.sh [SECONDS]        BUILD_DIR (default build-fuzz), FUZZ_JOBS (default 2)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
build_dir=${BUILD_DIR:-build-fuzz}
jobs=${FUZZ_JOBS:-2}
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || ((seconds < 1)); then
  echo "usage: scripts/fuzz.sh [SECONDS]" >&2
  exit 2
fi

# clang and its libFuzzer runtime, with the rest of what frnews needs, when missing.
scripts/setup.sh clang libclang-rt-14-dev

start=$SECONDS
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DFRNEWS_FUZZ=ON -DFRNEWS_TESTS=ON -DFRNEWS_TOOLS=OFF -DFRNEWS_EXAMPLES=OFF -DFRNEWS_BENCHMARKS=OFF \
  -DFRNEWS_INSTALL=OFF >/dev/null
cmake --build "$build_dir" --target frnews_fuzz_targets --parallel "$(nproc)"
echo "fuzz: built in $((SECONDS - start)) s" >&2

# target, maximum input length, seed corpus folders
targets=(
  "fuzz_normalize 4096 normalize segment analyzer"
  "fuzz_segment 4096 segment normalize analyzer"
  "fuzz_analyzer 8192 analyzer segment normalize"
  "fuzz_jsonl 8192 jsonl"
  "fuzz_knowledge_base 4096 knowledge_base"
)

run_dir="$build_dir/fuzz-run"
rm -rf "$run_dir"
mkdir -p "$run_dir/findings"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

run_target() {
  local name=$1 max_len=$2
  shift 2
  local corpus="$run_dir/corpus/$name"
  mkdir -p "$corpus"
  for seeds in "$@"; do cp tests/fuzz/corpus/"$seeds"/* "$corpus/"; done
  "$build_dir/tests/fuzz/$name" "$corpus" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 \
    -rss_limit_mb=2048 -dict=tests/fuzz/french.dict -artifact_prefix="$run_dir/findings/$name-" \
    -print_final_stats=1 >"$run_dir/$name.log" 2>&1
}

status=0
for entry in "${targets[@]}"; do
  # shellcheck disable=SC2086  # the entry is a list of words
  set -- $entry
  while (($(jobs -rp | wc -l) >= jobs)); do wait -n || true; done
  (if run_target "$@"; then echo 0; else echo $?; fi >"$run_dir/$1.status") &
done
wait

for entry in "${targets[@]}"; do
  name=${entry%% *}
  log="$run_dir/$name.log"
  if [ "$(cat "$run_dir/$name.status")" = 0 ]; then
    runs=$(grep -o 'number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    echo "fuzz: $name: no finding in $runs runs"
  else
    status=1
    echo "fuzz: $name: FINDING (exit $(cat "$run_dir/$name.status"), log: $log)"
    grep -E 'invariant violated|ERROR: |SUMMARY: |runtime error' "$log" | head -5 | sed 's/^/  /' || true
    grep -A12 -E '^ +#0 ' "$log" | head -14 | sed 's/^/  /' || true
  fi
done
for finding in "$run_dir"/findings/*; do
  [ -e "$finding" ] && echo "fuzz: reproduce with: $build_dir/tests/fuzz/$(basename "$finding" | sed 's/-\(crash\|leak\|timeout\|oom\|slow-unit\)-.*//') $finding"
done
echo "fuzz: done in $((SECONDS - start)) s" >&2
exit $status
