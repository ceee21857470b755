#!/usr/bin/env bash
# Installs what is missing (with Chromium, in which the HTML report is tested), builds (warnings
# are errors), and runs every test. With FRNEWS_SANITIZE=ON in the environment, builds in
# build-sanitize with ASan and UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh chromium
if [ "${FRNEWS_SANITIZE:-OFF}" = ON ]; then
  export BUILD_DIR=build-sanitize
  scripts/build.sh -DFRNEWS_SANITIZE=ON -DFRNEWS_BENCHMARKS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo
else
  export BUILD_DIR=build
  scripts/build.sh
fi
ctest --test-dir "$BUILD_DIR" --output-on-failure --parallel "$(nproc)"
