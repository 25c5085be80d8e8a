#!/usr/bin/env bash
# Tries `manifestlint lsp` with Emacs's eglot (Emacs 28 with Debian's
# elpa-eglot, or Emacs 29+), headless: the diagnostics equal
# `manifestlint --format json`, and a suppression code action applies.
# .ci/run installs Emacs and runs it; by hand:
#   apt-get install -y emacs-nox elpa-eglot elpa-yaml-mode && bash scripts/test-eglot-lsp.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
command -v emacs >/dev/null 2>&1 || { echo "FAIL test-eglot-lsp: emacs is not installed (apt-get install emacs-nox elpa-eglot)" >&2; exit 1; }
emacs --version | head -1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/repo/.git"
(cd "$root" && go build -o "$work/manifestlint" .)
cp "$root/testdata/sample/broken.manifest.yaml" "$work/repo/manifest.yaml"
printf 'services:\n  web:\n    image: nginx\n' > "$work/repo/docker-compose.yml"
cd "$work/repo"
PATH="$work:$PATH" LSP_DOCS="$root/docs/lsp.md" \
  MANIFESTLINT_BIN="$work/manifestlint" MANIFEST_FILE="$work/repo/manifest.yaml" OTHER_YAML_FILE="$work/repo/docker-compose.yml" \
  timeout 120 emacs --batch -Q \
    --eval '(dolist (d (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*")) (add-to-list (quote load-path) d))' \
    --eval '(package-initialize)' -l "$root/scripts/eglot-lsp-test.el"
