#!/usr/bin/env bash
# bench/fix.sh: time `manifestlint --fix` against a plain lint of the same
# generated corpus (docs/fixes.md, "Speed"), and print the ratio.
#
#   bench/fix.sh            # 10,000 manifests, best of 3 runs each
#   bench/fix.sh -n 2000    # another corpus size
#   bench/fix.sh --runs 5   # best of 5
#   bench/fix.sh --smoke    # 200 files, one run: a check that the script works
#
# Each --fix run gets a fresh copy of the corpus (the copy is not timed), so
# every run fixes the same files. --diff (which writes nothing) is timed too.
# Everything is written under bench/out/ (git-ignored).
set -euo pipefail

cd "$(dirname "$0")/.."
OUT=bench/out
N=10000
SEED=1
RUNS=3
while [ $# -gt 0 ]; do
	case "$1" in
	-n) N=$2; shift 2 ;;
	--runs) RUNS=$2; shift 2 ;;
	--smoke) N=200; RUNS=1; shift ;;
	-h | --help) sed -n '2,12p' "$0"; exit 0 ;;
	*) echo "fix.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
	esac
done
mkdir -p "$OUT"
go build -o "$OUT/manifestlint" .
CORPUS=$OUT/fix-corpus
rm -rf "$CORPUS"
go run -tags benchtools ./bench/gen -n "$N" -seed "$SEED" -out "$CORPUS" >&2
WORK=$OUT/fix-work

# best CMD...: runs CMD $RUNS times on a fresh copy of the corpus in $WORK
# (any exit status) and prints the best wall time in seconds.
best() {
	local b="" t0 t1 w
	for _ in $(seq "$RUNS"); do
		rm -rf "$WORK"
		cp -r "$CORPUS" "$WORK"
		t0=$(date +%s%N)
		"$@" >/dev/null 2>&1 || true
		t1=$(date +%s%N)
		w=$(( (t1 - t0) / 1000 ))
		if [ -z "$b" ] || [ "$w" -lt "$b" ]; then b=$w; fi
	done
	awk -v u="$b" 'BEGIN{printf "%.3f", u/1e6}'
}

ML=$OUT/manifestlint
"$ML" "$CORPUS" >/dev/null 2>&1 || true # warm the page cache
lint=$(best "$ML" --color never "$WORK")
diff=$(best "$ML" --color never --diff "$WORK")
fix=$(best "$ML" --color never --fix "$WORK")
unsafe=$(best "$ML" --color never --fix --unsafe-fixes "$WORK")

# What --fix did, once more, for the table.
rm -rf "$WORK"
cp -r "$CORPUS" "$WORK"
summary=$("$ML" --fix "$WORK" 2>&1 >/dev/null | tail -1 || true)
rm -rf "$WORK"

echo "files: $N (seed $SEED), best of $RUNS runs, GOMAXPROCS=$(nproc)"
echo "$summary"
printf '%-32s %8s %7s\n' "run" "seconds" "ratio"
printf '%-32s %8s %7s\n' "manifestlint (plain lint)" "$lint" "1.00"
for row in "--diff:$diff" "--fix:$fix" "--fix --unsafe-fixes:$unsafe"; do
	name=${row%%:*}
	t=${row##*:}
	printf '%-32s %8s %7s\n' "manifestlint $name" "$t" "$(awk -v a="$t" -v b="$lint" 'BEGIN{printf "%.2f", a/b}')"
done
