#!/usr/bin/env bash
# Builds the Python module (FRNEWS_PYTHON=ON) and the frnews command into BUILD_DIR (default:
# build-python), then runs the Python tests, Dask included, through CTest. Installs what is
# missing: the packages of scripts/setup.sh, pybind11, the Python headers and Dask.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh pybind11-dev python3-dev python3-dask python3-distributed

# Debian's Dask and pybind11 belong to the system interpreter, which may not be the first
# python3 on the PATH (pyenv, a virtual environment): build for, and test with, the one that
# imports Dask.
python=${PYTHON:-}
if [ -z "$python" ]; then
  for candidate in /usr/bin/python3 "$(command -v python3 || true)"; do
    if [ -x "$candidate" ] && "$candidate" -c "import distributed" 2>/dev/null; then
      python=$candidate
      break
    fi
  done
fi
[ -n "$python" ] || { echo "frnews: no python3 imports distributed" >&2; exit 1; }

build_dir=${BUILD_DIR:-build-python}
# Only the targets the Python tests need are built: the other settings stay those of
# scripts/test.sh, whose build tree this may be (BUILD_DIR=build).
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DFRNEWS_WERROR=ON \
  -DFRNEWS_PYTHON=ON -DPython3_EXECUTABLE="$python" >/dev/null
cmake --build "$build_dir" --parallel "$(nproc)" --target frnews_python frnews_cli
ctest --test-dir "$build_dir" -R '^python\.' --output-on-failure
