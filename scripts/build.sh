#!/usr/bin/env bash
# Configures and builds frnews into BUILD_DIR (default: build), passing extra arguments to CMake;
# BUILD_TARGET names one target to build instead of all. Warnings are errors in every build of
# the scripts, so that the demo, the tests and the evaluation share one build tree.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFRNEWS_WERROR=ON "$@" >/dev/null
cmake --build "$build_dir" --parallel "$(nproc)" ${BUILD_TARGET:+--target "$BUILD_TARGET"}
