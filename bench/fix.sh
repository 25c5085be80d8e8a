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
# (any exit status, after a sync so that the copy's writes are not
# charged to CMD) and prints the best wall time and the best CPU time
# (user + system) in seconds. The machine may be shared: CPU time is the
# steadier measure.
best() {
	local bw="" bc="" w c
	for _ in $(seq "$RUNS"); do
		rm -rf "$WORK"
		cp -r "$CORPUS" "$WORK"
		sync
		/usr/bin/time -o "$OUT/fix-time.txt" -f '%e %U %S' "$@" >/dev/null 2>&1 || true
		read -r w u s < <(tail -1 "$OUT/fix-time.txt")
		c=$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u+s}')
		if [ -z "$bw" ] || awk -v a="$w" -v b="$bw" 'BEGIN{exit !(a<b)}'; then bw=$w; fi
		if [ -z "$bc" ] || awk -v a="$c" -v b="$bc" 'BEGIN{exit !(a<b)}'; then bc=$c; fi
	done
	echo "$bw $bc"
}

[ -x /usr/bin/time ] || { echo "fix.sh: needs GNU time (/usr/bin/time; apt-get install time)" >&2; exit 1; }
ML=$OUT/manifestlint
"$ML" "$CORPUS" >/dev/null 2>&1 || true # warm the page cache
read -r lint lintc < <(best "$ML" --color never "$WORK")
read -r diff diffc < <(best "$ML" --color never --diff "$WORK")
read -r fix fixc < <(best "$ML" --color never --fix "$WORK")
read -r unsafe unsafec < <(best "$ML" --color never --fix --unsafe-fixes "$WORK")

# What --fix did, once more, for the table.
rm -rf "$WORK"
cp -r "$CORPUS" "$WORK"
summary=$("$ML" --fix "$WORK" 2>&1 >/dev/null | tail -1 || true)
rm -rf "$WORK"

echo "files: $N (seed $SEED), best of $RUNS runs, GOMAXPROCS=$(nproc)"
echo "$summary"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
printf '%-32s %8s %7s %8s %7s\n' "run" "wall s" "ratio" "CPU s" "ratio"
printf '%-32s %8s %7s %8s %7s\n' "manifestlint (plain lint)" "$lint" "1.00" "$lintc" "1.00"
for row in "--diff:$diff:$diffc" "--fix:$fix:$fixc" "--fix --unsafe-fixes:$unsafe:$unsafec"; do
	IFS=: read -r name t c <<<"$row"
	printf '%-32s %8s %7s %8s %7s\n' "manifestlint $name" "$t" "$(ratio "$t" "$lint")" "$c" "$(ratio "$c" "$lintc")"
done
