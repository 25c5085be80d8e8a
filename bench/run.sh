#!/usr/bin/env bash
# bench/run.sh: time manifestlint against its floor and other tools on the
# same generated corpus, and print a table (docs/performance.md).
#
#   bench/run.sh            # 10,000 manifests, installs ajv-cli and yamllint
#   bench/run.sh -n 2000    # another corpus size
#   bench/run.sh --seed 7   # another (still deterministic) corpus
#   bench/run.sh --runs 5   # 5 paired runs per corpus measurement (default 3)
#   bench/run.sh --smoke    # 2,000 files, 11 pairs, no installs: CI's check
#                           # that the generator, the floor and the script
#                           # work, and that manifestlint stays within 1.6x
#                           # of the floor in CPU (a second 11 pairs confirm
#                           # a miss before it fails)
#
# What is timed, over the same corpus (bench/out/corpus, from bench/gen):
#   manifestlint  every file, every rule and the JSON Schema, text output
#   parse-floor   bench/parsefloor: read + yaml.v3-parse every file, nothing
#                 else, on the same GOMAXPROCS worker pool (the floor)
#   ajv-cli       the JSON Schema of each kind (`manifestlint schema
#                 --job-kind KIND`) over the files of that kind that its YAML
#                 reader (js-yaml) loads: four runs, times added, peak memory
#                 the largest; compared with manifestlint on those same files
#   yamllint      Debian's yamllint, relaxed config: YAML style only
#   hello-world   a Go "hello, world" built like manifestlint (`go build`):
#                 the start-up floor of one file
# and each on one file (a pre-commit run). Runs are paired and alternate
# (manifestlint, other tool, other tool, manifestlint, ...), and each ratio is
# the median of the per-pair ratios, so a noisy neighbour slows both sides.
# Wall and CPU (user + system) are the best of the runs; one file: hyperfine
# means over 20 runs each, or the median of 10 runs without hyperfine, and
# its ratio to hello-world the median of 7 rounds of 10 runs each, which
# runs first alternating. Peak memory is GNU time's maximum resident set
# size. Every tool's exit status is checked (manifestlint: 0 or 1, ajv-cli
# and yamllint: 0 or 1, the floor and hello-world: 0); any other status
# stops the script with exit 1.
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
RUNS_SET=0
SMOKE=0
while [ $# -gt 0 ]; do
	case "$1" in
	-n) N=$2; shift 2 ;;
	--seed) SEED=$2; shift 2 ;;
	--runs) RUNS=$2; RUNS_SET=1; shift 2 ;;
	--smoke) SMOKE=1; N=2000; shift ;;
	-h | --help) sed -n '2,36p' "$0"; exit 0 ;;
	*) echo "run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
	esac
done
# The smoke bound is a median of pairs: 3 pairs of 2,000 files gave 1.51x
# to 2.03x on the development VM at one load; 11 (about 5 seconds) give a
# median that moved by 0.04 between runs, idle or beside two busy loops.
[ "$SMOKE" = 1 ] && [ "$RUNS_SET" = 0 ] && RUNS=11
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
	apt_install_now time || { note "GNU time is missing and cannot be installed: peak memory needs /usr/bin/time"; exit 1; }
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
# The release script's and the Dockerfile's build: static, no cgo resolver
# (pflag and gojsonschema import net, so plain `go build` links libc).
CGO_ENABLED=0 go build -trimpath -o "$OUT/manifestlint-static" .
go build -tags benchtools -o "$OUT/parsefloor" ./bench/parsefloor
mkdir -p "$OUT/hello-src"
printf 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello, world") }\n' >"$OUT/hello-src/main.go"
(cd "$OUT/hello-src" && { [ -f go.mod ] || go mod init hello >/dev/null 2>&1; } && go build -o ../hello .)
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
KINDS="s3-import s3-export ebs-import glacier-import"
if [ -n "$AJV" ]; then
	mkdir -p "$SCHEMAS"
	for k in $KINDS; do
		if ! "$OUT/manifestlint" schema --job-kind "$k" >"$SCHEMAS/$k.json" 2>/dev/null || [ ! -s "$SCHEMAS/$k.json" ]; then
			note "ajv-cli skipped: this manifestlint has no 'schema --job-kind' command"
			AJV=""
			break
		fi
	done
fi
# ajv-cli stops with exit 2 at the first data file js-yaml refuses (a tab
# indent, a duplicate key, `key:value` read as one scalar is fine but a
# mapping that is not one is not), so it only gets the files js-yaml loads:
# its own js-yaml, safeLoad, as ajv-cli calls it. AJVSET lists them, one a
# line; manifestlint is timed on the same list for the equal-work ratio.
AJVSET=$OUT/ajv-files
if [ -n "$AJV" ] && [ "$SMOKE" = 0 ]; then
	: >"$AJVSET"
	for k in $KINDS; do
		find "$CORPUS" -name "*-$k.yaml" | sort | NODE_PATH="$OUT/npm/node_modules" node -e '
			const yaml = require("js-yaml"), fs = require("fs");
			const lines = fs.readFileSync(0, "utf8").split("\n").filter(Boolean);
			const ok = lines.filter(f => { try { yaml.safeLoad(fs.readFileSync(f, "utf8")); return true } catch (e) { return false } });
			fs.writeFileSync(process.argv[1], ok.join("\n") + (ok.length ? "\n" : ""));
		' "$OUT/ajv-files-$k"
		cat "$OUT/ajv-files-$k" >>"$AJVSET"
	done
	najv=$(wc -l <"$AJVSET")
	note "ajv-cli: js-yaml loads $najv of $nfiles files; ajv-cli and manifestlint are compared on those"
	[ "$najv" -gt 0 ] || { note "ajv-cli skipped: js-yaml loads none of the files"; AJV=""; }
fi

# --- measuring ---------------------------------------------------------------
# Every command's exit status must be one of the
# allowed ones, else the script stops: a tool that gave up early would time
# less work than the others and make its row a lie.
FAILED=0
# timed OK CMD...: runs CMD once; sets T_WALL (s), T_CPU (s, user + system,
# from the rusage wait4 gives, to the microsecond) and T_RSS (KB, the peak
# resident size, from GNU time: a child forked from Python would count
# Python's own pages in its peak). OK is a regexp of the allowed exit
# statuses (^[01]$).
timed() {
	local ok=$1 st
	shift
	st=0
	python3 -c '
import os, subprocess, sys, time
with open(os.devnull, "wb") as null, open(sys.argv[1], "wb") as err:
    t0 = time.perf_counter()
    p = subprocess.Popen(sys.argv[3:], stdout=null, stderr=err)
    _, status, ru = os.wait4(p.pid, 0)
    t1 = time.perf_counter()
open(sys.argv[2], "w").write("%.6f %.6f\n" % (t1 - t0, ru.ru_utime + ru.ru_stime))
sys.exit(os.waitstatus_to_exitcode(status) % 256)
' "$OUT/stderr.txt" "$OUT/time.txt" /usr/bin/time -o "$OUT/rss.txt" -f '%M' "$@" || st=$?
	if ! [[ $st =~ $ok ]]; then
		note "FAIL: exit status $st (allowed: $ok) from: $*"
		head -5 "$OUT/stderr.txt" >&2
		exit 1
	fi
	read -r T_WALL T_CPU <"$OUT/time.txt"
	T_RSS=$(tail -1 "$OUT/rss.txt")
}
declare -A W C R   # per key: best wall (s), best CPU (s), largest peak RSS (KB)
declare -A PW PC   # per key: the paired runs' wall and CPU, space-separated
keep() { # keep KEY: folds the last timed run into KEY's row
	local k=$1
	PW[$k]="${PW[$k]:-} $T_WALL"
	PC[$k]="${PC[$k]:-} $T_CPU"
	if [ -z "${W[$k]:-}" ] || awk -v a="$T_WALL" -v b="${W[$k]}" 'BEGIN{exit !(a < b)}'; then W[$k]=$T_WALL; fi
	if [ -z "${C[$k]:-}" ] || awk -v a="$T_CPU" -v b="${C[$k]}" 'BEGIN{exit !(a < b)}'; then C[$k]=$T_CPU; fi
	if [ "${T_RSS:-0}" -gt "${R[$k]:-0}" ]; then R[$k]=$T_RSS; fi
}
# paired A OKA CMDA... -- B OKB CMDB...: $RUNS pairs, alternating which runs
# first (A B, B A, A B, ...).
paired() {
	local ka=$1 oka=$2 i
	shift 2
	local -a ca=() cb=()
	while [ "$1" != -- ]; do ca+=("$1"); shift; done
	shift
	local kb=$1 okb=$2
	shift 2
	cb=("$@")
	for i in $(seq "$RUNS"); do
		if [ $((i % 2)) = 1 ]; then
			timed "$oka" "${ca[@]}"; keep "$ka"; timed "$okb" "${cb[@]}"; keep "$kb"
		else
			timed "$okb" "${cb[@]}"; keep "$kb"; timed "$oka" "${ca[@]}"; keep "$ka"
		fi
	done
}
# pratio A B wall|cpu: the median over the pairs of A's time / B's
pratio() {
	local a b
	if [ "$3" = wall ]; then a=${PW[$1]}; b=${PW[$2]}; else a=${PC[$1]}; b=${PC[$2]}; fi
	awk -v a="$a" -v b="$b" 'BEGIN{
		n = split(a, x, " "); split(b, y, " ")
		for (i = 1; i <= n; i++) r[i] = (y[i] > 0) ? x[i] / y[i] : 0
		for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (r[j] < r[i]) { t = r[i]; r[i] = r[j]; r[j] = t }
		printf "%.2f", (n % 2) ? r[(n + 1) / 2] : (r[n / 2] + r[n / 2 + 1]) / 2 }'
}
# one KEY OK CMD...: one-file wall and CPU (hyperfine means, else the median
# of 10 runs); every run's exit status is checked by a first timed run.
one() {
	local k=$1 ok=$2 ws=() cs=() i
	shift 2
	timed "$ok" "$@"
	R[$k]=$T_RSS
	if command -v hyperfine >/dev/null; then
		hyperfine -N -i --warmup 3 --runs 20 --export-json "$OUT/hf.json" -- "$(printf '%q ' "$@")" >/dev/null 2>&1 || true
		if read -r W[$k] C[$k] < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.5f %.5f" % (r["mean"], r["user"] + r["system"]))' "$OUT/hf.json" 2>/dev/null); then
			return
		fi
	fi
	for i in $(seq 10); do timed "$ok" "$@"; ws+=("$T_WALL"); done
	W[$k]=$(printf '%s\n' "${ws[@]}" | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
	C[$k]=""
}

paired ml '^[01]$' "$OUT/manifestlint" --color=never "$CORPUS" -- floor '^0$' "$OUT/parsefloor" "$CORPUS"
if [ -n "$AJV" ] && [ "$SMOKE" = 0 ]; then
	ajv_corpus() { # the four kinds' ajv-cli runs, their statuses checked by the caller
		local k st worst=0 args
		for k in $KINDS; do
			[ -s "$OUT/ajv-files-$k" ] || continue
			args=()
			while read -r f; do args+=(-d "$f"); done <"$OUT/ajv-files-$k"
			st=0
			"$AJV" validate --spec=draft7 --strict=false --all-errors -c ajv-formats -s "$SCHEMAS/$k.json" "${args[@]}" >/dev/null 2>&1 || st=$?
			[ "$st" -gt "$worst" ] && worst=$st
		done
		return "$worst"
	}
	export -f ajv_corpus
	export AJV SCHEMAS OUT KINDS
	paired mlajv '^[01]$' "$OUT/manifestlint" --color=never --files-from "$AJVSET" -- ajv '^[01]$' bash -c ajv_corpus
fi
if [ -n "$YAMLLINT" ] && [ "$SMOKE" = 0 ]; then
	RUNS=1 paired ml2 '^[01]$' "$OUT/manifestlint" --color=never "$CORPUS" -- yamllint '^[01]$' "$YAMLLINT" -d relaxed -f parsable "$CORPUS"
fi

one ml1 '^[01]$' "$OUT/manifestlint" --color=never "$ONE"
one ml1s '^[01]$' "$OUT/manifestlint-static" --color=never "$ONE"
one floor1 '^0$' "$OUT/parsefloor" "$ONE"
one hello1 '^0$' "$OUT/hello"
# onepaired KA KB CMDA... -- CMDB...: one-file runs of two commands in
# rounds (hyperfine, 10 runs each, which runs first alternating), each
# round a pair for pratio: start-up costs move with the machine's load
# from one second to the next, so the ratio is taken within a round.
onepaired() {
	local ka=$1 kb=$2 i a b t wa wb ca_ cb_
	shift 2
	local -a ca=() cb=()
	while [ "$1" != -- ]; do ca+=("$1"); shift; done
	shift
	cb=("$@")
	command -v hyperfine >/dev/null || return 0
	for i in $(seq 7); do
		a="$(printf '%q ' "${ca[@]}")" b="$(printf '%q ' "${cb[@]}")"
		if [ $((i % 2)) = 0 ]; then t=$a; a=$b; b=$t; fi
		hyperfine -N -i --warmup 2 --runs 10 --export-json "$OUT/hf2.json" -- "$a" "$b" >/dev/null 2>&1 || return 0
		read -r wa ca_ wb cb_ < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print(" ".join("%.6f %.6f" % (x["mean"], x["user"] + x["system"]) for x in r))' "$OUT/hf2.json")
		if [ $((i % 2)) = 0 ]; then t=$wa; wa=$wb; wb=$t; t=$ca_; ca_=$cb_; cb_=$t; fi
		PW[$ka]="${PW[$ka]:-} $wa"; PC[$ka]="${PC[$ka]:-} $ca_"
		PW[$kb]="${PW[$kb]:-} $wb"; PC[$kb]="${PC[$kb]:-} $cb_"
	done
}
onepaired ml1 hello1a "$OUT/manifestlint" --color=never "$ONE" -- "$OUT/hello"
onepaired ml1s hello1b "$OUT/manifestlint-static" --color=never "$ONE" -- "$OUT/hello"
if [ "$SMOKE" = 0 ]; then
	[ -n "$AJV" ] && one ajv1 '^[01]$' "$AJV" validate --spec=draft7 --strict=false --all-errors -c ajv-formats -s "$SCHEMAS/s3-import.json" -d "$ONE"
	[ -n "$YAMLLINT" ] && one yamllint1 '^[01]$' "$YAMLLINT" -d relaxed -f parsable "$ONE"
fi

# --- table -------------------------------------------------------------------
echo
echo "Corpus: $nfiles manifests (seed $SEED), $(du -sh "$CORPUS" | cut -f1) on disk; $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')), load $(cut -d' ' -f1-3 /proc/loadavg); $(go env GOVERSION); $RUNS paired runs"
echo
printf '| %-20s | %-12s | %10s | %9s | %8s | %11s | %-14s | %7s | %7s |\n' tool input wall CPU files/s "peak memory" "against" "wall" "CPU"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' ---------------------- -------------- ------------: -----------: ----------: -------------: ---------------- ---------: ---------:
line() { # line KEY NAME INPUT FILES [VS-KEY VS-NAME [paired]]
	local k=$1 vw="" vc=""
	[ -n "${W[$k]:-}" ] || return 0
	if [ -n "${5:-}" ] && { [ -n "${W[$5]:-}" ] || [ -n "${PW[$5]:-}" ]; }; then
		if [ "${7:-}" = paired ]; then
			vw="$(pratio "$k" "$5" wall)x"; vc="$(pratio "$k" "$5" cpu)x"
		else
			vw=$(awk -v a="${W[$k]}" -v b="${W[$5]}" 'BEGIN{printf "%.2fx", a/b}')
			[ -n "${C[$k]:-}" ] && [ -n "${C[$5]:-}" ] && vc=$(awk -v a="${C[$k]}" -v b="${C[$5]}" 'BEGIN{if (b > 0) printf "%.2fx", a/b}')
		fi
	fi
	awk -v n="$2" -v inp="$3" -v f="$4" -v w="${W[$k]}" -v c="${C[$k]:-}" -v r="${R[$k]}" -v vs="${6:-}" -v vw="$vw" -v vc="$vc" 'BEGIN{
		cs = (c == "") ? "" : sprintf("%.1f ms", c * 1000)
		printf "| %-20s | %-12s | %8.1f ms | %9s | %8.0f | %8.1f MB | %-14s | %7s | %7s |\n", n, inp, w*1000, cs, f/w, r/1024, vs, vw, vc }'
}
line ml manifestlint corpus "$nfiles" floor parse-floor paired
line floor parse-floor corpus "$nfiles"
if [ -n "${W[ajv]:-}" ]; then
	line mlajv manifestlint "$najv ajv-read" "$najv"
	line ajv ajv-cli "$najv ajv-read" "$najv" mlajv manifestlint paired
fi
line yamllint yamllint corpus "$nfiles" ml2 manifestlint paired
if [ -n "${PW[hello1a]:-}" ]; then
	line ml1 manifestlint "1 file" 1 hello1a hello-world paired
	line ml1s "manifestlint, static" "1 file" 1 hello1b hello-world paired
else
	line ml1 manifestlint "1 file" 1 hello1 hello-world
	line ml1s "manifestlint, static" "1 file" 1 hello1 hello-world
fi
line floor1 parse-floor "1 file" 1 hello1 hello-world
line hello1 hello-world "1 file" 1
line ajv1 ajv-cli "1 file" 1 ml1 manifestlint
line yamllint1 yamllint "1 file" 1 ml1 manifestlint
echo
echo "The last two columns are the row's time divided by the time of the tool it is against (paired runs: the median of the pairs' ratios)."
echo

# --- targets -----------------------------------------------------------------
status=0
target() { # target NAME OK(1/0) DETAIL
	if [ "$2" = 1 ]; then echo "target met:    $1 ($3)"; else echo "target missed: $1 ($3)"; status=1; fi
}
fw=$(pratio ml floor wall) fc=$(pratio ml floor cpu)
if [ "$SMOKE" = 1 ]; then
	# CI's regression check, for a small corpus on a shared runner, at the
	# 1.6x issue 22 asks for. Issue 22's passes took the median of 11 pairs
	# from 1.60-1.63x to 1.46-1.50x in CPU, and that held with two busy
	# loops beside it (load 2.4); the wall ratio moves with the load, so
	# only CPU is checked. A miss is measured again (11 more pairs) and
	# fails only if the second median misses too: a regression like the
	# 1.62x -> 2.13x one fails both, a noisy neighbour rarely twice.
	bound=1.6
	if awk -v r="$fc" -v b="$bound" 'BEGIN{exit !(r > b)}'; then
		note "corpus at ${fc}x the floor in CPU, above ${bound}x: measuring $RUNS pairs again"
		paired ml_again '^[01]$' "$OUT/manifestlint" --color=never "$CORPUS" -- floor_again '^0$' "$OUT/parsefloor" "$CORPUS"
		fc="$fc, then $(pratio ml_again floor_again cpu)"
		fc1=$(pratio ml_again floor_again cpu)
	else
		fc1=$fc
	fi
	target "corpus within ${bound}x of the parse-only floor in CPU (smoke bound)" "$(awk -v r="$fc1" -v b="$bound" 'BEGIN{print (r <= b)}')" "${fc}x CPU, ${fw}x wall"
else
	target "corpus within 1.25x of the parse-only floor, wall" "$(awk -v r="$fw" 'BEGIN{print (r <= 1.25)}')" "${fw}x"
	target "corpus within 1.25x of the parse-only floor, CPU" "$(awk -v r="$fc" 'BEGIN{print (r <= 1.25)}')" "${fc}x"
	target "corpus peak memory at most 30 MB" "$(awk -v r="${R[ml]}" 'BEGIN{print (r <= 30*1024)}')" \
		"$(awk -v r="${R[ml]}" 'BEGIN{printf "%.1f MB", r/1024}')"
	if [ -n "${W[ajv]:-}" ]; then
		aw=$(pratio ajv mlajv wall)
		target "ajv-cli's files at least 2x faster than ajv-cli" "$(awk -v r="$aw" 'BEGIN{print (r >= 2)}')" "ajv-cli takes ${aw}x manifestlint's wall on the $najv files it reads"
	fi
	if [ -n "${PW[hello1a]:-}" ]; then
		hw=$(pratio ml1 hello1a wall) hs=$(pratio ml1s hello1b wall)
	else
		hw=$(awk -v a="${W[ml1]}" -v b="${W[hello1]}" 'BEGIN{printf "%.2f", a/b}')
		hs=$(awk -v a="${W[ml1s]}" -v b="${W[hello1]}" 'BEGIN{printf "%.2f", a/b}')
	fi
	target "one file within 3x a Go hello-world built the same way" "$(awk -v r="$hw" 'BEGIN{print (r <= 3)}')" "${hw}x wall with go build; ${hs}x built static as the release script does"
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
