#!/usr/bin/env bash
# bench.sh: runs the benchmarks of this package and compares each with its
# reference, in the same run, with benchstat. See BENCHMARKS.md.
#
#   bash internal/benchmarks/bench.sh [count]        # count defaults to 6
#
# Needs spec/openapi.normalized.yaml (`make generate` or `make check`).
# The test binary is built once, then run count times, each run waiting
# for an idle second first (lib.sh: other engineers compile on this
# machine) and doing every sub-benchmark once (go test -count would repeat each one count
# times in a row instead, which lets a change in the machine's load fall
# on one side of a comparison). Raw results go to _build/bench/.
# benchstat reads the sub-benchmark names as a key (DecodeRecords/Typed
# becomes DecodeRecords/impl=Typed) so that it can put the alternatives of
# one benchmark in columns beside their reference.
set -euo pipefail
count=${1:-6}
root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$root"
[ -f spec/openapi.normalized.yaml ] || { echo "bench: spec/openapi.normalized.yaml is missing: run make generate first" >&2; exit 1; }
# shellcheck source=lib.sh
source internal/benchmarks/lib.sh
benchstat=(go run golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da)
out=_build/bench
mkdir -p "$out"
go test -c -o "$out/benchmarks.test" ./internal/benchmarks

{
	echo "# $(date -u +%FT%TZ) $(go version) nproc=$(nproc) $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
	echo "# load before: $(uptime)"
} | tee "$out/raw.txt"
for ((i = 1; i <= count; i++)); do
	wait_idle | tee -a "$out/raw.txt"
	"$out/benchmarks.test" -test.run '^$' -test.bench '^Benchmark(DecodeRecords|UnionValues|GetRecord)$' -test.benchmem -test.count 1 |
		tee -a "$out/raw.txt"
	# The paired benchmarks: a few seconds each, so that one op's hiccup
	# weighs little in the ratio.
	"$out/benchmarks.test" -test.run '^$' -test.bench '^Benchmark(DecodeRecordsPaired|GetRecordPaired)$' -test.benchmem -test.benchtime 3s -test.count 1 |
		tee -a "$out/raw.txt"
	# Pagination: one full iteration (10k then 100k records) per run.
	"$out/benchmarks.test" -test.run '^$' -test.bench '^BenchmarkPaginate$' -test.benchmem -test.benchtime 1x -test.count 1 |
		tee -a "$out/raw.txt"
	echo "# load after run $i: $(uptime)" | tee -a "$out/raw.txt"
done

sed -E 's#^Benchmark(DecodeRecords|GetRecord)/([A-Za-z]+)#Benchmark\1/impl=\2#' "$out/raw.txt" > "$out/results.txt"
{
	echo "## DecodeRecords: vs MapAny"
	"${benchstat[@]}" -filter '.name:DecodeRecords' -col '/impl@(MapAny Typed TypedEncodingJSON Generated RawValues)' "$out/results.txt"
	echo
	echo "## DecodeRecordsPaired: time ratios to MapAny, measured in turns"
	"${benchstat[@]}" -filter '.name:DecodeRecordsPaired' "$out/results.txt"
	echo
	echo "## UnionValues: ValueByDiscriminator, and its discriminator scan alone"
	"${benchstat[@]}" -filter '.name:UnionValues' "$out/results.txt"
	echo
	echo "## GetRecord: vs NetHTTP"
	"${benchstat[@]}" -filter '.name:GetRecord' -col '/impl@(NetHTTP APIClient GenClient)' "$out/results.txt"
	echo
	echo "## GetRecordPaired: time ratios to NetHTTP, measured in turns"
	"${benchstat[@]}" -filter '.name:GetRecordPaired' "$out/results.txt"
	echo
	echo "## Paginate: 100,000 vs 10,000 records"
	"${benchstat[@]}" -filter '.name:Paginate' -col '/records@(10000 100000)' "$out/results.txt"
} | tee "$out/benchstat.txt"
