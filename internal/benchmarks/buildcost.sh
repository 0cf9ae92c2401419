#!/usr/bin/env bash
# buildcost.sh: the cost of gen/ beside the naive oapi-codegen output of the
# same Attio document, side by side: size (bytes, lines, exported types) and
# `go build` wall time and peak memory of the package alone, its
# dependencies already built.
#
#   bash internal/benchmarks/buildcost.sh [runs]     # runs defaults to 3
#   EXTRA=path/to/gen bash internal/benchmarks/buildcost.sh
#       also measures another generated package (an experiment's) in a
#       third column
#
# Needs spec/openapi.yaml (`make generate` or `make fetch` writes it). The
# naive output is generated from it with the pinned oapi-codegen and a plain
# config (package naive, models and client) into _build/naive/, which is
# git-ignored. For each package: a fresh GOCACHE gets the package's
# dependencies (`go list -deps`, the standard library included) built into
# it once; then each run copies that cache and times `go build` of the
# package into the copy, so only the package itself is compiled. Each run
# builds every package once, in rotating order. The table shows the median
# of the runs, and the median of each run's ratio to naive (paired: both
# builds of a ratio saw nearly the same load). Memory is the peak resident set of the
# largest process of the build (GNU time's %M: the compiler, here); without
# /usr/bin/time, bash's time gives wall time only. Each timed build waits
# for an idle second first (lib.sh).
set -euo pipefail
runs=${1:-3}
root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$root"
spec=spec/openapi.yaml
[ -f "$spec" ] || { echo "buildcost: $spec is missing: run make generate (or make fetch) first" >&2; exit 1; }

work=_build/buildcost
rm -rf "$work" _build/naive
mkdir -p "$work" _build/naive

# 1. The naive output: oapi-codegen, plain config, on the raw document.
cat > "$work/naive.yaml" <<'YAML'
package: naive
output: _build/naive/naive.gen.go
generate:
  models: true
  client: true
YAML
echo "generating the naive output from $spec ..." >&2
go run github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen -config "$work/naive.yaml" "$spec"

# shellcheck source=lib.sh
source internal/benchmarks/lib.sh
have_time=
[ -x /usr/bin/time ] && have_time=1

# median prints the median of its numeric arguments.
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# prepare PKG NAME: a fresh GOCACHE for NAME with PKG's dependencies, the
# standard library included, built once, so that each timed build compiles
# the package alone.
prepare() {
	local pkg=$1 base="$root/$work/cache-$2"
	rm -rf "$base"
	# shellcheck disable=SC2046
	GOCACHE=$base go build $(go list -deps "$pkg" | grep -vx "$(go list "$pkg")")
}

# build_once PKG NAME: times one build of PKG into a copy of NAME's cache,
# after an idle second; prints "seconds KB".
build_once() {
	local pkg=$1 base="$root/$work/cache-$2" out
	rm -rf "$base.run"
	cp -a "$base" "$base.run"
	wait_idle >&2
	if [ -n "$have_time" ]; then
		out=$(GOCACHE=$base.run /usr/bin/time -f '%e %M' go build "$pkg" 2>&1 >/dev/null | tail -n1)
		echo "$out"
	else
		TIMEFORMAT=%R
		out=$( { time GOCACHE=$base.run go build "$pkg" >/dev/null 2>&1; } 2>&1)
		echo "$out 0"
	fi
	rm -rf "$base.run"
}

# stats DIR: prints "bytes lines types" over the package's non-test Go files.
stats() {
	local files
	files=$(find "$1" -maxdepth 1 -name '*.go' ! -name '*_test.go' | sort)
	# shellcheck disable=SC2086
	echo "$(cat $files | wc -c) $(cat $files | wc -l) $(cat $files | grep -c '^type [A-Z]')"
}

echo "load before: $(uptime)" >&2
read -r g_bytes g_lines g_types < <(stats gen)
read -r n_bytes n_lines n_types < <(stats _build/naive)
names=(gen naive)
declare -A pkg=([gen]=./gen [naive]=./_build/naive)
if [ -n "${EXTRA:-}" ]; then
	read -r x_bytes x_lines x_types < <(stats "$EXTRA")
	names+=(extra)
	pkg[extra]=./$EXTRA
fi
for name in "${names[@]}"; do prepare "${pkg[$name]}" "$name"; done
# Each run builds every package once, in an order that rotates from run to
# run, so that a change in the machine's load falls on all of them.
declare -A secs kb
for ((i = 1; i <= runs; i++)); do
	for ((j = 0; j < ${#names[@]}; j++)); do
		name=${names[$(((i + j) % ${#names[@]}))]}
		read -r secs[$name,$i] kb[$name,$i] < <(build_once "${pkg[$name]}" "$name")
		echo "  run $i $name: ${secs[$name,$i]} s, ${kb[$name,$i]} KB" >&2
	done
done
for name in "${names[@]}"; do rm -rf "$root/$work/cache-$name"; done
# runs_of ARRAY NAME: the NAME column of ARRAY, one value per run.
runs_of() { local -n a=$1; local i; for ((i = 1; i <= runs; i++)); do echo "${a[$2,$i]}"; done; }
# paired ARRAY NAME: the median over runs of NAME's value over naive's.
paired() {
	local -n a=$1; local i r=()
	for ((i = 1; i <= runs; i++)); do r+=("$(awk -v x="${a[$2,$i]}" -v y="${a[naive,$i]}" 'BEGIN { printf "%.4f", (y > 0 ? x / y : 0) }')"); done
	printf '%.3f' "$(median "${r[@]}")"
}
# shellcheck disable=SC2046
g_secs=$(median $(runs_of secs gen)) g_kb=$(median $(runs_of kb gen))
# shellcheck disable=SC2046
n_secs=$(median $(runs_of secs naive)) n_kb=$(median $(runs_of kb naive))
if [ -n "${EXTRA:-}" ]; then
	# shellcheck disable=SC2046
	x_secs=$(median $(runs_of secs extra)) x_kb=$(median $(runs_of kb extra))
fi
echo "load after: $(uptime)" >&2

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.3f", a / b }'; }
mem() { if [ -n "$have_time" ]; then awk -v k="$1" 'BEGIN { printf "%.0f MiB", k / 1024 }'; else echo "n/a"; fi; }

# row LABEL GEN NAIVE [EXTRA]: one table row, ratios to naive.
row() {
	if [ -n "${EXTRA:-}" ]; then
		printf '| %-26s | %12s | %12s | %10s | %12s | %10s |\n' "$1" "$2" "$3" "$4" "$5" "$6"
	else
		printf '| %-26s | %12s | %12s | %10s |\n' "$1" "$2" "$3" "$4"
	fi
}
echo
row "" "gen/" "naive" "gen/naive" "${EXTRA:-}" "${EXTRA:+its/naive}"
row "---" "---:" "---:" "---:" "---:" "---:"
row "bytes" "$g_bytes" "$n_bytes" "$(ratio "$g_bytes" "$n_bytes")" "${x_bytes:-}" "$(ratio "${x_bytes:-0}" "$n_bytes")"
row "lines" "$g_lines" "$n_lines" "$(ratio "$g_lines" "$n_lines")" "${x_lines:-}" "$(ratio "${x_lines:-0}" "$n_lines")"
row "exported types" "$g_types" "$n_types" "$(ratio "$g_types" "$n_types")" "${x_types:-}" "$(ratio "${x_types:-0}" "$n_types")"
row "go build time (median $runs)" "$g_secs s" "$n_secs s" "$(ratio "$g_secs" "$n_secs")" "${x_secs:-} s" "$(ratio "${x_secs:-0}" "$n_secs")"
row "go build peak RSS" "$(mem "$g_kb")" "$(mem "$n_kb")" "$(ratio "$g_kb" "$n_kb")" "$(mem "${x_kb:-0}")" "$(ratio "${x_kb:-0}" "$n_kb")"
row "time, paired" "" "" "$(paired secs gen)" "" "${EXTRA:+$(paired secs extra)}"
row "peak RSS, paired" "" "" "$(paired kb gen)" "" "${EXTRA:+$(paired kb extra)}"
