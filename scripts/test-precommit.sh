#!/usr/bin/env bash
# Tests .pre-commit-hooks.yaml with real pre-commit: installs pre-commit from
# Debian's packages when it is missing (skipping, with a message, where it
# cannot be installed), makes a scratch git repository with a good and a bad
# manifest, and checks with `pre-commit try-repo` that the hook passes the
# good one, fails the bad one (by --files and as a commit would, on the staged
# files), fails a broken manifest named manifest-hamburg.yaml, and skips YAML
# that is no manifest (Helm values) with a note saying so; and that the
# manifestlint-fix hook repairs a file in place (failing the commit, as a
# formatter's hook does) and passes once the repair is staged.
#
# Usage: bash scripts/test-precommit.sh   (from anywhere; exit 0 = pass or skip)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

# Under CI=true a missing tool is a failure, never a silent skip.
skip() { [ "${CI:-}" = true ] && fail "$* (CI=true: not skipping)"; echo "SKIP test-precommit: $*"; exit 0; }
fail() { echo "FAIL test-precommit: $*" >&2; exit 1; }

if ! command -v pre-commit >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing pre-commit from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq pre-commit >/dev/null 2>&1 ||
      { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq pre-commit >/dev/null 2>&1; } ||
      skip "pre-commit is not installed and apt-get could not install it"
  else
    skip "pre-commit is not installed, and installing it needs root and apt-get (apt-get install pre-commit)"
  fi
fi
command -v go >/dev/null 2>&1 || skip "go is not on PATH; the golang hook needs it"
command -v git >/dev/null 2>&1 || skip "git is not installed"
pre-commit --version

work=$(mktemp -d)
cleanup() { chmod -R u+w "$work" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
# A private pre-commit cache: the hook is built from this checkout each run.
export PRE_COMMIT_HOME="$work/cache"
# try-repo clones the hook repository; it must be a git repository, and
# uncommitted changes are included, so the working tree is what is tested.
git -C "$root" rev-parse --git-dir >/dev/null 2>&1 || skip "$root is not a git repository (try-repo needs one)"

repo="$work/repo"
mkdir -p "$repo/orders"
git -C "$repo" init -q
git -C "$repo" config user.email test@example.com
git -C "$repo" config user.name test
git -C "$repo" config commit.gpgsign false
cp "$root/testdata/sample/manifest.yaml" "$repo/manifest.yaml"
cp "$root/testdata/sample/broken.manifest.yaml" "$repo/orders/broken.manifest.yaml"
printf 'not: [a manifest\n' > "$repo/notes.yaml"   # broken YAML that is no manifest
# A broken manifest not named *.manifest.yaml (issue 17): the hook must fail on it.
sed -e 's/^eraseDevice: yes$/eraseDevice: no/' "$root/testdata/sample/manifest.yaml" > "$repo/orders/manifest-hamburg.yaml"
# Helm values with two manifest keys: not a manifest, skipped with a note.
printf 'replicaCount: 2\nlogBucket: logs\nnotificationEmail: ops@example.com\n' > "$repo/values.yaml"
cd "$repo"

echo "== the good manifest passes"
pre-commit try-repo "$root" manifestlint --files manifest.yaml > "$work/good.log" 2>&1 ||
  { cat "$work/good.log"; fail "the hook failed on a valid manifest"; }
grep -q "manifestlint.*Passed" "$work/good.log" || { cat "$work/good.log"; fail "no 'Passed' line for the good manifest"; }

echo "== the bad manifest fails, with the service's codes"
if pre-commit try-repo "$root" manifestlint --files orders/broken.manifest.yaml > "$work/bad.log" 2>&1; then
  cat "$work/bad.log"; fail "the hook passed a broken manifest"
fi
grep -q "manifestlint.*Failed" "$work/bad.log" || { cat "$work/bad.log"; fail "no 'Failed' line for the bad manifest"; }
grep -q -- "--> orders/broken.manifest.yaml:10:14 \[address-po-box\]" "$work/bad.log" ||
  { cat "$work/bad.log"; fail "the output lacks the expected finding"; }

echo "== a broken manifest named manifest-hamburg.yaml fails"
if pre-commit try-repo "$root" manifestlint --files orders/manifest-hamburg.yaml > "$work/hamburg.log" 2>&1; then
  cat "$work/hamburg.log"; fail "the hook passed a broken manifest not named *.manifest.yaml"
fi
grep -q -- "--> orders/manifest-hamburg.yaml:6:14 \[erase-device\]" "$work/hamburg.log" ||
  { cat "$work/hamburg.log"; fail "the output lacks manifest-hamburg.yaml's finding"; }

echo "== YAML that is no manifest is skipped, and the output says so"
pre-commit try-repo "$root" manifestlint --verbose --files notes.yaml values.yaml > "$work/skip.log" 2>&1 ||
  { cat "$work/skip.log"; fail "the hook failed on YAML files that are not manifests"; }
grep -q "skipped values.yaml: not a manifest" "$work/skip.log" || { cat "$work/skip.log"; fail "values.yaml was not listed as skipped"; }
grep -q "skipped notes.yaml: not a manifest" "$work/skip.log" || { cat "$work/skip.log"; fail "notes.yaml was not listed as skipped"; }

echo "== as a commit would: staged files, the bad one among them"
git add manifest.yaml orders/broken.manifest.yaml notes.yaml values.yaml
if pre-commit try-repo "$root" manifestlint > "$work/commit.log" 2>&1; then
  cat "$work/commit.log"; fail "the hook let a commit with a broken manifest through"
fi
grep -q "InvalidAddressException" "$work/commit.log" || { cat "$work/commit.log"; fail "commit run lacks the finding"; }

echo "== a commit of the good manifest alone passes"
git reset -q orders/broken.manifest.yaml notes.yaml values.yaml
pre-commit try-repo "$root" manifestlint > "$work/commit-ok.log" 2>&1 ||
  { cat "$work/commit-ok.log"; fail "the hook stopped a commit of a valid manifest"; }

echo "== manifestlint-fix: repairs a fixable manifest in place, keeping its comment, and fails the commit"
git reset -q manifest.yaml
sed -e 's/^deviceId: ABCDE$/deviceId:ABCDE # the device/' manifest.yaml > fixme.manifest.yaml
grep -q '^deviceId:ABCDE # the device$' fixme.manifest.yaml || fail "could not make the fixable manifest"
git add fixme.manifest.yaml
if pre-commit try-repo "$root" manifestlint-fix > "$work/fix.log" 2>&1; then
  cat "$work/fix.log"; fail "manifestlint-fix passed although it changed a file"
fi
grep -q "manifestlint (fix).*Failed" "$work/fix.log" || { cat "$work/fix.log"; fail "no 'Failed' line for the fixed manifest"; }
grep -q "files were modified by this hook" "$work/fix.log" || { cat "$work/fix.log"; fail "pre-commit did not see the file change"; }
grep -q '^deviceId: ABCDE # the device$' fixme.manifest.yaml || { cat fixme.manifest.yaml; fail "the manifest was not fixed (or lost its comment)"; }
cmp -s <(sed -e 's/^deviceId: ABCDE # the device$/deviceId: ABCDE/' fixme.manifest.yaml) manifest.yaml ||
  { diff manifest.yaml fixme.manifest.yaml; fail "the fix changed more than the one line"; }

echo "== manifestlint-fix: passes once the fix is staged"
git add fixme.manifest.yaml
pre-commit try-repo "$root" manifestlint-fix > "$work/fix2.log" 2>&1 ||
  { cat "$work/fix2.log"; fail "manifestlint-fix failed on a manifest with nothing to fix"; }

echo "== manifestlint-fix: a fault without a fix still fails the hook"
if pre-commit try-repo "$root" manifestlint-fix --files orders/broken.manifest.yaml > "$work/fix3.log" 2>&1; then
  cat "$work/fix3.log"; fail "manifestlint-fix passed a broken manifest"
fi
grep -q "InvalidAddressException" "$work/fix3.log" || { cat "$work/fix3.log"; fail "manifestlint-fix did not report what is left"; }

echo "PASS test-precommit"
