#!/usr/bin/env bash
# Generates gen/'s types and client from spec/openapi.normalized.yaml with
# the prototype templates beside this script, into _build/proto/gen/ (not
# committed), adds the prototype's benchmark and test, and runs them.
#   bash internal/benchmarks/prototype/generate.sh            # generate, test
#   COUNT=10 bash internal/benchmarks/prototype/generate.sh -bench  # ... and benchmark
# With EXPERIMENT set (e.g. EXPERIMENT=jsonv2: encoding/json on the v2
# engine), the benchmark is built with GOEXPERIMENT=$EXPERIMENT and its
# results are named after it.
# Run from anywhere in the repository; `make generate` (or `make check`)
# must have written spec/openapi.normalized.yaml.
set -euo pipefail
root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$root"
here=internal/benchmarks/prototype
out=_build/proto/gen
spec=spec/openapi.normalized.yaml
[ -f "$spec" ] || { echo "$spec is missing: run make generate first" >&2; exit 1; }
mkdir -p "$out"
cfg=$(mktemp -d)
trap 'rm -rf "$cfg"' EXIT
# The same configs as gen/oapi-codegen.*.yaml, with the prototype templates
# (paths are relative to the working directory, the repository root).
sed -e "s#^output: .*#output: $out/types.gen.go#" gen/oapi-codegen.types.yaml > "$cfg/types.yaml"
cat >> "$cfg/types.yaml" <<YAML
  user-templates:
    typedef.tmpl: $here/typedef.tmpl
    union.tmpl: $here/union.tmpl
YAML
sed -e "s#^output: .*#output: $out/client.gen.go#" gen/oapi-codegen.client.yaml > "$cfg/client.yaml"
# markfast stands in for a normalization rule: it marks the object schemas
# the union variants hold, for typedef.tmpl.
go run ./$here/markfast "$spec" _build/proto/openapi.yaml
for c in types client; do
	go run github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen -config "$cfg/$c.yaml" _build/proto/openapi.yaml
done
cp "$here/bench_test.go.in" "$out/proto_bench_test.go"
go vet "./$out"
go test -count=1 -run TestPrototypeAgrees "./$out"
if [ "${1:-}" = -bench ]; then
	tag=${EXPERIMENT:+-$EXPERIMENT}
	# One sub-benchmark of each per run, COUNT runs (see ../bench.sh).
	mkdir -p _build/bench
	GOEXPERIMENT=${EXPERIMENT:-} go test -c -o _build/bench/proto$tag.test "./$out"
	uptime | sed 's/^/# load before: /' | tee _build/bench/proto$tag.txt
	# shellcheck source=../lib.sh
	source internal/benchmarks/lib.sh
	for ((i = 1; i <= ${COUNT:-6}; i++)); do
		wait_idle | tee -a _build/bench/proto$tag.txt
		_build/bench/proto$tag.test -test.run '^$' -test.bench 'DecodeRecords$' -test.benchmem -test.count 1 | tee -a _build/bench/proto$tag.txt
		_build/bench/proto$tag.test -test.run '^$' -test.bench 'DecodeRecordsPaired' -test.benchmem -test.benchtime 3s -test.count 1 | tee -a _build/bench/proto$tag.txt
		uptime | sed "s/^/# load after run $i: /" | tee -a _build/bench/proto$tag.txt
	done
	sed -E 's#^(BenchmarkDecodeRecords)/([A-Za-z]+)#\1/impl=\2#' _build/bench/proto$tag.txt > _build/bench/proto$tag.impl.txt
	benchstat=(go run golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da)
	{
		"${benchstat[@]}" -filter '.name:DecodeRecords' -col '/impl@(MapAny Typed Prototype)' _build/bench/proto$tag.impl.txt
		echo
		"${benchstat[@]}" -filter '.name:DecodeRecordsPaired' _build/bench/proto$tag.impl.txt
	} | tee _build/bench/proto$tag.benchstat.txt
fi
