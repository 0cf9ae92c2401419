#!/usr/bin/env bash
# pipeline.sh: wall time of the pipeline's normalize + generate step.
#
#   bash internal/benchmarks/pipeline.sh [runs]      # runs defaults to 6
#
# Needs spec/openapi.yaml (`make generate` or `make fetch` writes it). Runs
# the generate step with its outputs redirected into _build/pipeline/, so
# that gen/, the normalized spec and the lock in the tree are left alone;
# the work done is the same as `make generate`'s second step. Three figures:
#   - the step's own "elapsed" line (normalize, oapi-codegen), as printed;
#   - the wall time of the prebuilt command (tools built, no go run);
#   - the wall time of `go run ./internal/cmd/generate`, as `make generate`
#     runs it, with the build cache warm (the first, cold run is dropped);
#   - the wall time of both of `make generate`'s steps, fetch (from the
#     local ATTIO_OPENAPI_URL) then generate, both through go run.
set -euo pipefail
runs=${1:-6}
root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$root"
[ -f spec/openapi.yaml ] || { echo "pipeline: spec/openapi.yaml is missing: run make generate (or make fetch) first" >&2; exit 1; }
export ATTIO_OPENAPI_URL=${ATTIO_OPENAPI_URL:-../shared/attio/openapi-2026-03-08.json}
out=_build/pipeline
mkdir -p "$out/gen"
args=(-out "$out/gen" -normalized "$out/openapi.normalized.yaml" -lock "$out/openapi.lock")

# shellcheck source=lib.sh
source internal/benchmarks/lib.sh
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
# wall CMD...: prints the command's wall time in seconds; its output goes to $out/last.txt.
wall() {
	local s e
	s=$(date +%s.%N)
	"$@" > "$out/last.txt"
	e=$(date +%s.%N)
	awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f", e - s }'
}

echo "load before: $(uptime)"
go build -o "$out/generate" ./internal/cmd/generate
bin=() gorun=() full=()
# fetch then generate, as `make generate` (go generate .) runs them.
both() {
	go run ./internal/cmd/fetch -o "$out/openapi.yaml" &&
		go run ./internal/cmd/generate -spec "$out/openapi.yaml" "${args[@]}"
}
go run ./internal/cmd/generate "${args[@]}" > /dev/null # warm the go run cache
go run ./internal/cmd/fetch -o "$out/openapi.yaml" > /dev/null
for ((i = 1; i <= runs; i++)); do
	wait_idle
	bin+=("$(wall "$out/generate" "${args[@]}")")
	grep '^elapsed' "$out/last.txt" | sed "s/^/built    run $i: /"
	gorun+=("$(wall go run ./internal/cmd/generate "${args[@]}")")
	grep '^elapsed' "$out/last.txt" | sed "s/^/go run   run $i: /"
	full+=("$(wall both)")
done
echo "load after: $(uptime)"
echo "prebuilt command, wall (s): ${bin[*]}; median $(median "${bin[@]}")"
echo "go run, wall (s):           ${gorun[*]}; median $(median "${gorun[@]}")"
echo "fetch + generate, wall (s): ${full[*]}; median $(median "${full[@]}")"
