#!/usr/bin/env bash
# Tests `manifestlint lsp` with a real editor: Neovim's built-in LSP client
# (Debian's neovim, 0.7.2 or later), headless. Builds the binary, copies the
# broken sample manifest into a scratch repository (below a nested
# .manifestlint.yaml with region: eu-west-1), and runs
# scripts/nvim-lsp-test.lua, which starts the server with the Neovim 0.7
# setup of docs/lsp.md (run as written), compares the diagnostics with
# `manifestlint --format json`, hovers, completes and applies a code action.
#
# Usage: bash scripts/test-nvim-lsp.sh   (exit 0 = pass; 1 = fail)
# Without nvim it fails under CI=true and skips, saying so, elsewhere.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

if ! command -v nvim >/dev/null 2>&1; then
  if [ "${CI:-}" = true ]; then
    echo "FAIL test-nvim-lsp: nvim is not installed (CI installs it: apt-get install -y neovim)" >&2
    exit 1
  fi
  echo "SKIP test-nvim-lsp: nvim is not installed (apt-get install neovim)"
  exit 0
fi
nvim --version | head -1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/repo/.git" # the config lookup stops here, for the CLI and the server alike
(cd "$root" && go build -o "$work/manifestlint" .)
# The manifest sits below a nested configuration file with region: eu-west-1
# (issue 17): the CLI, run from the repository root, and Neovim must both
# apply it (the region's customs and EU-address errors).
mkdir -p "$work/repo/eu"
printf 'region: eu-west-1\n' > "$work/repo/eu/.manifestlint.yaml"
cp "$root/testdata/sample/broken.manifest.yaml" "$work/repo/eu/manifest.yaml"

cd "$work/repo"
cli_json=$("$work/manifestlint" --format json eu/manifest.yaml || true)
grep -q '"code":"MissingCustomsException"' <<<"$cli_json" || {
  echo "FAIL test-nvim-lsp: the CLI, run from the repository root, did not apply eu/.manifestlint.yaml" >&2
  exit 1
}
PATH="$work:$PATH" LSP_DOCS="$root/docs/lsp.md" \
  MANIFESTLINT_BIN="$work/manifestlint" MANIFEST_FILE="$work/repo/eu/manifest.yaml" \
  timeout 120 nvim --headless --clean -c "luafile $root/scripts/nvim-lsp-test.lua" </dev/null
