#!/usr/bin/env bash
# bench/run.sh: time manifestlint against its floor and two other tools on the
# same generated corpus, and print a table (docs/performance.md).
#
#   bench/run.sh            # 10,000 manifests, installs ajv-cli and yamllint
#   bench/run.sh -n 2000    # another corpus size
#   bench/run.sh --seed 7   # another (still deterministic) corpus
#   bench/run.sh --runs 5   # best of 5 runs per corpus measurement (default 3)
#   bench/run.sh --smoke    # 200 files, no installs, no targets: CI's check
#                           # that the generator, the floor and the script work
#
# What is timed, over the same corpus (bench/out/corpus, from bench/gen):
#   manifestlint  every file, every rule and the JSON Schema, text output
#   parse-floor   bench/parsefloor: read + yaml.v3-parse every file, nothing
#                 else, on the same GOMAXPROCS worker pool (the floor)
#   ajv-cli       the JSON Schema of each kind (`manifestlint schema
#                 --job-kind KIND`) over the files of that kind: four runs,
#                 their times added, their peak memory the largest
#   yamllint      Debian's yamllint, relaxed config: YAML style only
# and each on one file (a pre-commit run). Wall time is the best of --runs
# runs (one file: the median of 10, or hyperfine's mean when installed); peak
# memory is /usr/bin/time's "Maximum resident set size".
#
# Installs what it needs itself: ajv-cli from npm into bench/out/npm, yamllint,
# time and hyperfine from Debian (apt-get; skipped with a note where that is
# not possible). Everything it writes is under bench/out/ (git-ignored).
set -euo pipefail

cd "$(dirname "$0")/.."
OUT=bench/out
N=10000
SEED=1
RUNS=3
SMOKE=0
while [ $# -gt 0 ]; do
	case "$1" in
	-n) N=$2; shift 2 ;;
	--seed) SEED=$2; shift 2 ;;
	--runs) RUNS=$2; shift 2 ;;
	--smoke) SMOKE=1; N=200; RUNS=1; shift ;;
	-h | --help) sed -n '2,27p' "$0"; exit 0 ;;
	*) echo "run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
	esac
done
mkdir -p "$OUT"
note() { echo "run.sh: $*" >&2; }

# --- tools ------------------------------------------------------------------
apt_updated=0
apt_install() { # apt_install PACKAGE: install from Debian's packages if possible (not in smoke mode)
	[ "$SMOKE" = 1 ] && return 1
	apt_install_now "$1"
}
apt_install_now() { # apt_install_now PACKAGE: install even in smoke mode (for what the script cannot run without)
	command -v apt-get >/dev/null || return 1
	[ "$(id -u)" = 0 ] || return 1
	if [ $apt_updated = 0 ]; then
		apt-get update -qq >/dev/null 2>&1 || return 1
		apt_updated=1
	fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null 2>&1
}
if [ ! -x /usr/bin/time ]; then
	apt_install_now time || { note "GNU time is missing and cannot be installed: peak memory needs /usr/bin/time -v"; exit 1; }
fi
if ! command -v hyperfine >/dev/null; then
	apt_install hyperfine || note "hyperfine not installed: one-file times are the median of 10 runs"
fi
YAMLLINT=$(command -v yamllint || true)
if [ -z "$YAMLLINT" ]; then
	if apt_install yamllint; then YAMLLINT=$(command -v yamllint); else note "yamllint skipped: not installed and apt-get cannot install it here"; fi
fi
AJV=$OUT/npm/node_modules/.bin/ajv
if [ ! -x "$AJV" ] && [ "$SMOKE" = 0 ]; then
	if command -v npm >/dev/null; then
		npm install --silent --no-audit --no-fund --prefix "$OUT/npm" ajv-cli@5 ajv-formats@2 >/dev/null 2>&1 ||
			note "ajv-cli skipped: npm install failed"
	else
		note "ajv-cli skipped: npm is not installed"
	fi
fi
[ -x "$AJV" ] || AJV=""

# --- build and corpus --------------------------------------------------------
go build -o "$OUT/manifestlint" .
go build -tags benchtools -o "$OUT/parsefloor" ./bench/parsefloor
CORPUS=$OUT/corpus
go run -tags benchtools ./bench/gen -n "$N" -seed "$SEED" -out "$CORPUS"
if [ "$SMOKE" = 1 ]; then # the generator must be deterministic
	sum1=$(cat "$CORPUS"/*.yaml | sha256sum)
	go run -tags benchtools ./bench/gen -n "$N" -seed "$SEED" -out "$OUT/corpus2" 2>/dev/null
	sum2=$(cat "$OUT"/corpus2/*.yaml | sha256sum)
	[ "$sum1" = "$sum2" ] || { note "FAIL: the generator gave two corpora for one seed"; exit 1; }
	rm -rf "$OUT/corpus2"
fi
ONE=$CORPUS/00000-s3-import.yaml
nfiles=$(find "$CORPUS" -name '*.yaml' | wc -l)

SCHEMAS=$OUT/schemas
if [ -n "$AJV" ]; then
	mkdir -p "$SCHEMAS"
	for k in s3-import s3-export ebs-import glacier-import; do
		if ! "$OUT/manifestlint" schema --job-kind "$k" >"$SCHEMAS/$k.json" 2>/dev/null || [ ! -s "$SCHEMAS/$k.json" ]; then
			note "ajv-cli skipped: this manifestlint has no 'schema --job-kind' command"
			AJV=""
			break
		fi
	done
fi
ajv_run() { # ajv_run KIND GLOB: validate the files of one kind
	"$AJV" validate --spec=draft7 --strict=false --all-errors -c ajv-formats -s "$SCHEMAS/$1.json" -d "$2" >/dev/null 2>&1 || true
}

# --- measuring ---------------------------------------------------------------
# peak CMD...: runs CMD (any exit status) and prints its peak RSS in KB
peak() {
	/usr/bin/time -o "$OUT/time.txt" -f '%M' "$@" >/dev/null 2>&1 || true
	tail -1 "$OUT/time.txt"
}
# measure CMD...: sets WALL (seconds, best of $RUNS) and RSS (KB, the largest)
measure() {
	local best="" rss=0 t0 t1 m w
	for _ in $(seq "$RUNS"); do
		t0=$(date +%s%N)
		m=$(peak "$@")
		t1=$(date +%s%N)
		w=$(( (t1 - t0) / 1000 ))
		if [ -z "$best" ] || [ "$w" -lt "$best" ]; then best=$w; fi
		if [ "${m:-0}" -gt "$rss" ]; then rss=$m; fi
	done
	WALL=$(awk -v u="$best" 'BEGIN{printf "%.4f", u/1e6}')
	RSS=$rss
}
# measure_one CMD...: one-file wall time in seconds (hyperfine mean, else median of 10)
measure_one() {
	if command -v hyperfine >/dev/null && [ "$SMOKE" = 0 ]; then
		hyperfine -N --warmup 3 --runs 20 --export-json "$OUT/hf.json" -- "$(printf '%q ' "$@")" >/dev/null 2>&1 || true
		WALL=$(python3 -c 'import json,sys; print("%.4f" % json.load(open(sys.argv[1]))["results"][0]["mean"])' "$OUT/hf.json" 2>/dev/null || echo "")
		if [ -n "$WALL" ]; then
			m=$(peak "$@")
			RSS=$m
			return
		fi
	fi
	local ws=() t0 t1 m
	for _ in $(seq 10); do
		t0=$(date +%s%N)
		m=$(peak "$@")
		t1=$(date +%s%N)
		ws+=($(( (t1 - t0) / 1000 )))
	done
	WALL=$(printf '%s\n' "${ws[@]}" | sort -n | awk '{a[NR]=$1} END{printf "%.4f", a[int((NR+1)/2)]/1e6}')
	RSS=$m
}
# ajv over the corpus: one run per kind; wall times added, memory the largest
ajv_corpus() {
	for k in s3-import s3-export ebs-import glacier-import; do ajv_run "$k" "$CORPUS/*-$k.yaml"; done
}

declare -A W R
row() { W[$1]=$WALL; R[$1]=$RSS; }

measure "$OUT/manifestlint" --color=never "$CORPUS"; row ml
measure "$OUT/parsefloor" "$CORPUS"; row floor
if [ -n "$AJV" ]; then
	export -f ajv_corpus ajv_run
	export AJV SCHEMAS CORPUS
	measure bash -c ajv_corpus; row ajv
fi
[ -n "$YAMLLINT" ] && { measure "$YAMLLINT" -d relaxed -f parsable "$CORPUS"; row yamllint; }

measure_one "$OUT/manifestlint" --color=never "$ONE"; row ml1
measure_one "$OUT/parsefloor" "$ONE"; row floor1
[ -n "$AJV" ] && { measure_one "$AJV" validate --spec=draft7 --strict=false --all-errors -c ajv-formats -s "$SCHEMAS/s3-import.json" -d "$ONE"; row ajv1; }
[ -n "$YAMLLINT" ] && { measure_one "$YAMLLINT" -d relaxed -f parsable "$ONE"; row yamllint1; }

# --- table -------------------------------------------------------------------
echo
echo "Corpus: $nfiles manifests (seed $SEED), $(du -sh "$CORPUS" | cut -f1) on disk; $(nproc) CPUs; $(go env GOVERSION)"
echo
printf '| %-13s | %-7s | %10s | %11s | %12s | %14s | %13s |\n' tool input wall files/s "peak memory" "wall vs ml" "memory vs ml"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' --------------- --------- ------------: ------------: --------------: ---------------: --------------:
line() { # line KEY NAME INPUT FILES BASE
	local k=$1 b=$5
	[ -n "${W[$k]:-}" ] || return 0
	awk -v n="$2" -v inp="$3" -v f="$4" -v w="${W[$k]}" -v r="${R[$k]}" -v bw="${W[$b]}" -v br="${R[$b]}" 'BEGIN{
		printf "| %-13s | %-7s | %8.1f ms | %11.0f | %9.1f MB | %13.2fx | %12.2fx |\n", n, inp, w*1000, f/w, r/1024, w/bw, r/br }'
}
line ml manifestlint corpus "$nfiles" ml
line floor parse-floor corpus "$nfiles" ml
line ajv ajv-cli corpus "$nfiles" ml
line yamllint yamllint corpus "$nfiles" ml
line ml1 manifestlint "1 file" 1 ml1
line floor1 parse-floor "1 file" 1 ml1
line ajv1 ajv-cli "1 file" 1 ml1
line yamllint1 yamllint "1 file" 1 ml1
echo

# --- targets -----------------------------------------------------------------
status=0
target() { # target NAME OK(1/0) DETAIL
	if [ "$2" = 1 ]; then echo "target met:    $1 ($3)"; else echo "target missed: $1 ($3)"; status=1; fi
}
if [ "$SMOKE" = 0 ]; then
	if [ -n "${W[ajv]:-}" ]; then
		target "corpus at least 2x faster than ajv-cli" "$(awk -v a="${W[ajv]}" -v m="${W[ml]}" 'BEGIN{print (a >= 2*m)}')" \
			"$(awk -v a="${W[ajv]}" -v m="${W[ml]}" 'BEGIN{printf "%.2fx", a/m}')"
	fi
	target "corpus within 1.6x of the parse-only floor" "$(awk -v f="${W[floor]}" -v m="${W[ml]}" 'BEGIN{print (m <= 1.6*f)}')" \
		"$(awk -v f="${W[floor]}" -v m="${W[ml]}" 'BEGIN{printf "%.2fx", m/f}')"
	target "one file under 5 ms wall" "$(awk -v m="${W[ml1]}" 'BEGIN{print (m < 0.005)}')" \
		"$(awk -v m="${W[ml1]}" 'BEGIN{printf "%.1f ms", m*1000}')"
	target "corpus peak memory under 30 MB" "$(awk -v r="${R[ml]}" 'BEGIN{print (r < 30*1024)}')" \
		"$(awk -v r="${R[ml]}" 'BEGIN{printf "%.1f MB", r/1024}')"
fi

# --- the corpus is what the generator says it is ------------------------------
# A file the index marks valid must give no error; a faulty one at least one.
"$OUT/manifestlint" --format json "$CORPUS" >"$OUT/corpus.json" 2>/dev/null || true
python3 - "$CORPUS/index.tsv" "$OUT/corpus.json" <<'EOF' || status=1
import json, os, sys
index = {}
for line in open(sys.argv[1]):
    name, kind, faults = (line.rstrip("\n").split("\t") + [""])[:3]
    index[name] = faults
res = json.load(open(sys.argv[2]))
bad_valid, missed = [], []
for f in res["files"]:
    name = os.path.basename(f["file"])
    errors = [x for x in f["findings"] if x["severity"] == "error"]
    if not index.get(name) and errors:
        bad_valid.append((name, errors[0]["code"], errors[0]["path"]))
    if index.get(name) and not errors:
        missed.append((name, index[name]))
faulty = sum(1 for v in index.values() if v)
print(f"corpus check: {len(index)} files, {faulty} faulty ({100*faulty/len(index):.0f}%); "
      f"valid files with errors: {len(bad_valid)}, faulty files without errors: {len(missed)}")
for x in bad_valid[:5]:
    print("  valid but flagged:", *x)
for x in missed[:5]:
    print("  faulty but clean:", *x)
sys.exit(1 if bad_valid else 0)
EOF
exit $status
