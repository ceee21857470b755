#!/usr/bin/env bash
# Installs the Debian packages frnews needs to build and test, and those given as arguments,
# when some are missing.
set -euo pipefail

packages=(g++ cmake ninja-build libboost-locale-dev libboost-dev libfmt-dev libicu-dev
          libcli11-dev libsimdjson-dev catch2 libbenchmark-dev python3 zlib1g-dev libbz2-dev pkgconf "$@")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "frnews: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
