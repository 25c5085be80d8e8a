#!/usr/bin/env bash
# Builds the release binaries: Linux, macOS and Windows on amd64 and arm64,
# static (CGO_ENABLED=0), with the version and commit stamped in, into
# dist/manifestlint_<version>_<os>_<arch>/, plus dist/SHA256SUMS. Each
# folder holds manifestlint and manifestlint-online: the same linter built
# with the tag online, which links the AWS SDK for --online and inventory
# (docs/online.md says why it is a second binary: the SDK's start-up cost).
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
    GOOS=${t%/*} GOARCH=${t#*/} CGO_ENABLED=0 go build -trimpath -tags online -o "$out/manifestlint-online-${t%/*}-${t#*/}" .
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
  ext=
  [ "$os" = windows ] && ext=.exe
  dir="dist/manifestlint_${version}_${os}_${arch}"
  for tags in "" online; do
    exe=manifestlint${tags:+-$tags}$ext
    GOOS=$os GOARCH=$arch CGO_ENABLED=0 go build -trimpath -tags "$tags" \
      -ldflags "-s -w -X $pkg.buildVersion=$version -X $pkg.buildCommit=$commit" \
      -o "$dir/$exe" .
    echo "built $dir/$exe"
  done
  cp README.md "$dir/"
done
(cd dist && find . -type f -name 'manifestlint*' | sort | xargs sha256sum > SHA256SUMS)
echo "dist/SHA256SUMS written"
