#!/usr/bin/env bash
# Builds the release binaries: Linux, macOS and Windows on amd64 and arm64,
# static (CGO_ENABLED=0), with the version and commit stamped in, into
# dist/manifestlint_<version>_<os>_<arch>/, plus dist/SHA256SUMS.
#
# Usage: scripts/release.sh VERSION        (e.g. v1.2.3; from anywhere)
#        scripts/release.sh --check        (cross-build every target into a
#                                           temporary directory and discard it:
#                                           what CI runs)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

targets="linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64"

if [ "${1:-}" = "--check" ]; then
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
  for t in $targets; do
    GOOS=${t%/*} GOARCH=${t#*/} CGO_ENABLED=0 go build -trimpath -o "$out/manifestlint-${t%/*}-${t#*/}" .
    echo "built $t"
  done
  exit 0
fi

version=${1:?usage: scripts/release.sh VERSION (e.g. v1.2.3) | --check}
case "$version" in
  v[0-9]*) ;;
  *) echo "release.sh: VERSION must look like v1.2.3, got $version" >&2; exit 2 ;;
esac
commit=$(git rev-parse HEAD)
if [ -n "$(git status --porcelain)" ]; then
  commit="$commit+dirty"
fi
pkg=github.com/manifestlint/manifestlint/internal/cli
rm -rf dist
mkdir -p dist
for t in $targets; do
  os=${t%/*} arch=${t#*/}
  exe=manifestlint
  [ "$os" = windows ] && exe=manifestlint.exe
  dir="dist/manifestlint_${version}_${os}_${arch}"
  GOOS=$os GOARCH=$arch CGO_ENABLED=0 go build -trimpath \
    -ldflags "-s -w -X $pkg.buildVersion=$version -X $pkg.buildCommit=$commit" \
    -o "$dir/$exe" .
  cp README.md "$dir/"
  echo "built $dir/$exe"
done
(cd dist && find . -type f -name 'manifestlint*' | sort | xargs sha256sum > SHA256SUMS)
echo "dist/SHA256SUMS written"
