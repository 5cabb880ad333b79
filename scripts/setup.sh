#!/usr/bin/env bash
# setup.sh: install what is missing (Debian 12 packages), configure and build.
#   scripts/setup.sh [BUILD_DIR [CMAKE_ARGS...]]   (default build dir: build)
# Env: SAMLA_WITH_BROWSER=1 / SAMLA_WITH_CLANG=1 install chromium / clang too; CC picks the compiler.
# Sourced by run-corpus.sh and test.sh; safe to run again (installs only what is missing).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake pkg-config git ca-certificates
  libpoppler-glib-dev libglib2.0-dev libxml2-dev libzip-dev libpcre2-dev libyaml-dev libjansson-dev
  libstemmer-dev libsqlite3-dev libxlsxwriter-dev libmicrohttpd-dev wswedish
  libtesseract-dev libleptonica-dev libcairo2-dev tesseract-ocr-swe python3-pil
  python3 python3-yaml python3-jsonschema python3-rfc3987 python3-openpyxl)
if [ "${SAMLA_WITH_BROWSER:-0}" = 1 ]; then packages+=(chromium); fi
if [ "${SAMLA_WITH_CLANG:-0}" = 1 ]; then packages+=(clang); fi  # scripts/fuzz.sh: clang-14 with libFuzzer

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  if [ "$(id -u)" != 0 ]; then SUDO=sudo; else SUDO=; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

build=${1:-build}
shift || true
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
# SAMLA_BUILD_TARGET: build one target only (scripts/fuzz.sh: `fuzz`)
cmake --build "$build" -j"$(nproc)" ${SAMLA_BUILD_TARGET:+--target "$SAMLA_BUILD_TARGET"}
