#!/usr/bin/env bash
# Builds the browser playground (docs/playground.md) into OUTDIR: index.html,
# its CSS and JavaScript, manifestlint.wasm (validate compiled to
# WebAssembly), the Go toolchain's own wasm_exec.js, and the example
# manifests. Nothing on the page comes from another host.
#
#   scripts/build-playground.sh OUTDIR
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: $0 OUTDIR" >&2; exit 2
fi
out=$1
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)
cd "$root"

# gojsonschema patched to leave out net/http and text/template (10 MB of
# the module): see internal/playground/overlay.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go run -tags playgroundtools ./internal/playground/overlay "$work"
GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -modfile "$work/go.mod" \
  -o "$out/manifestlint.wasm" ./internal/playground/wasm

# wasm_exec.js belongs to the toolchain that built the module: lib/wasm
# since Go 1.24, misc/wasm before.
goroot=$(go env GOROOT)
for f in "$goroot/lib/wasm/wasm_exec.js" "$goroot/misc/wasm/wasm_exec.js"; do
  if [ -f "$f" ]; then cp "$f" "$out/wasm_exec.js"; break; fi
done
[ -f "$out/wasm_exec.js" ] || { echo "no wasm_exec.js in $goroot" >&2; exit 1; }

cp internal/playground/web/index.html internal/playground/web/style.css internal/playground/web/app.js "$out/"

# The examples, and examples.json listing them as {file, label}.
mkdir -p "$out/examples"
{
  echo '['
  sep=''
  while IFS=$'\t' read -r file label; do
    case $file in ''|'#'*) continue ;; esac
    cp "$file" "$out/examples/"
    printf '%s  {"file": "examples/%s", "label": "%s"}' "$sep" "$(basename "$file")" "$label"
    sep=$',\n'
  done < internal/playground/examples.txt
  printf '\n]\n'
} > "$out/examples.json"

raw=$(wc -c < "$out/manifestlint.wasm")
gz=$(gzip -9 -c "$out/manifestlint.wasm" | wc -c)
echo "playground built in $out: manifestlint.wasm $raw bytes ($gz gzipped)"
