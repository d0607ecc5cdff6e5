#!/usr/bin/env bash
# Set up everything the test suite needs on a fresh Debian machine; quiet, and safe to re-run.
#   1. Every program a test or bench script runs (tests/programs.tsv: Debian's Chromium at
#      /usr/bin/chromium, which the browser tests drive through Playwright, pdftotext for the
#      printed pages, node and npm, git, sh and bash), each checked with `command -v`; the missing ones
#      are installed with apt-get (Playwright's own browser downloads are never used).
#   2. axe-core, pinned in tests/browser/package-lock.json, into tests/browser/node_modules/;
#      ESLint and TypeScript, which check the browser script's modules, pinned in
#      tests/js/package-lock.json, into tests/js/node_modules/.
#   3. The virtual environment .venv with the package and its test extra (pytest, ruff, mypy,
#      playwright), with ruff, mypy and their type stubs held to tests/constraints.txt.
# Then run the tests with: .venv/bin/python -m pytest
set -euo pipefail
cd "$(dirname "$0")/.."

CHROMIUM=/usr/bin/chromium

fail() {
  echo "tests/setup.sh: $*" >&2
  exit 1
}

# --- 1. Programs from Debian's packages ---------------------------------------------------
# Each line of tests/programs.tsv: a program, a tab, the package(s) that install it.
programs=()
packages=()
while IFS=$'\t' read -r program package; do
  [[ -z "$program" || "$program" == \#* ]] && continue
  programs+=("$program")
  packages+=("$package")
done < tests/programs.tsv

missing_packages=()
missing_programs=()
for i in "${!programs[@]}"; do
  if ! command -v "${programs[$i]}" >/dev/null 2>&1; then
    missing_programs+=("${programs[$i]}")
    read -r -a names <<<"${packages[$i]}"
    missing_packages+=("${names[@]}")
  fi
done
# Chromium must be Debian's, where the browser tests look for it.
if [ ! -x "$CHROMIUM" ] && [[ ! " ${missing_programs[*]} " == *" chromium "* ]]; then
  missing_programs+=(chromium)
  missing_packages+=(chromium fonts-liberation)
fi

if [ "${#missing_programs[@]}" -gt 0 ]; then
  first="${missing_programs[0]}"
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    fail "$first is missing: install Debian's package ${missing_packages[0]} (needs root or sudo)."
  fi
  command -v apt-get >/dev/null 2>&1 \
    || fail "$first is missing: install the package ${missing_packages[0]} (there is no apt-get here)."
  echo "Installing Debian's packages ${missing_packages[*]} (once)..."
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null \
    || fail "apt-get update failed; the programs ${missing_programs[*]} are still missing."
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing_packages[@]}" >/dev/null 2>&1 || true
fi
for i in "${!programs[@]}"; do
  command -v "${programs[$i]}" >/dev/null 2>&1 \
    || fail "${programs[$i]} is missing: install Debian's package ${packages[$i]%% *}."
done
[ -x "$CHROMIUM" ] || fail "$CHROMIUM is missing: install Debian's package chromium."

# --- 2. axe-core, ESLint, TypeScript, terser and Lightning CSS from the npm registry ---------------------------------
command -v npm >/dev/null 2>&1 || fail "npm is missing: install Node.js and npm first."
npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error >/dev/null
npm ci --prefix tests/js --no-audit --no-fund --loglevel=error >/dev/null

# --- 3. Python virtual environment -------------------------------------------------------
[ -x .venv/bin/python ] || python3 -m venv .venv
# The distribution was called "playbook" before it took a name of its own on the package index.
.venv/bin/pip uninstall -y -q playbook >/dev/null 2>&1 || true
# The code checkers at the exact releases in tests/constraints.txt.
.venv/bin/pip install -q -c tests/constraints.txt -e '.[test,zensical]'
