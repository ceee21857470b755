#!/usr/bin/env bash
# Quick start: installs what is missing, builds, and analyses the bundled French article.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
build/tools/frnews analyze examples/data/article.txt
