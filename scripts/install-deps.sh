#!/usr/bin/env bash
# Installs every Debian 12 package casus needs to build, test and run its demo. Non-interactive, idempotent:
# packages already present are skipped by apt. Run as root (or with sudo available).
# Why each package is used: docs/DEPENDENCIES.md.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build pkg-config git clang libclang-rt-14-dev
  # libraries
  libcli11-dev nlohmann-json3-dev libutf8proc-dev libgumbo-dev libsqlite3-dev libzstd-dev
  libpq-dev libpqxx-dev
  # data
  wordnet-base wamerican iso-codes libgeonames-dev libgeonames0
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev python3 sqlite3
  # PostgreSQL server for the store's backend tests
  postgresql
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
