#!/usr/bin/env bash
# Quick start: installs what is missing, builds the frnews command (build/tools/frnews, in the
# build tree scripts/test.sh uses, with the same settings) and analyses the bundled French article.
# The command writes JSON; the demo prints a summary of it: the quotes with their speakers, and
# the entities with their Wikidata ids.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
BUILD_DIR=build BUILD_TARGET=frnews_cli scripts/build.sh
build/tools/frnews analyze examples/data/article.txt | python3 scripts/demo_summary.py
echo
echo "The whole JSON output: build/tools/frnews analyze --pretty examples/data/article.txt"
