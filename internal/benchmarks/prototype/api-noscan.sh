#!/usr/bin/env bash
# Measures what api.Client's overhead over net/http would be if its
# transport left 200 JSON bodies to gen's decoder instead of reading them
# first and checking them with json.Valid (a second copy and a third scan
# of every body). Copies package api into _build/apiproto/ (git-ignored),
# patches checkResponse there, and runs a paired benchmark of net/http by
# hand, the committed api.Client and the patched copy, COUNT times.
#   COUNT=10 bash internal/benchmarks/prototype/api-noscan.sh
# The patch only measures: it gives up the *Error that a malformed 200 body
# gets today (see BENCHMARKS.md for how to keep it).
set -euo pipefail
root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
cd "$root"
out=_build/apiproto
rm -rf "$out"
mkdir -p "$out" _build/bench
for f in api/*.go; do
	case $f in *_test.go) continue ;; esac
	cp "$f" "$out/"
done
python3 - "$out/transport.go" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
old = "\tcase !isJSON:\n\t\treturn resp, nil\n\t}\n"
new = ("\tcase !isJSON:\n\t\treturn resp, nil\n"
       "\tcase resp.StatusCode == http.StatusOK && resp.Request.Method != http.MethodHead:\n"
       "\t\treturn resp, nil // prototype: gen reads and decodes 200 bodies itself\n\t}\n")
if s.count(old) != 1:
    sys.exit("api-noscan: checkResponse has changed; update the patch")
open(p, "w").write(s.replace(old, new))
PY
cp internal/benchmarks/prototype/api_bench_test.go.in "$out/proto_bench_test.go"
go vet "./$out"
go test -c -o _build/bench/apiproto.test "./$out"
uptime | sed 's/^/# load before: /' | tee _build/bench/apiproto.txt
# shellcheck source=../lib.sh
source internal/benchmarks/lib.sh
for ((i = 1; i <= ${COUNT:-6}; i++)); do
	wait_idle | tee -a _build/bench/apiproto.txt
	_build/bench/apiproto.test -test.run '^$' -test.bench GetRecordPaired -test.benchmem -test.benchtime 3s -test.count 1 | tee -a _build/bench/apiproto.txt
	uptime | sed "s/^/# load after run $i: /" | tee -a _build/bench/apiproto.txt
done
go run golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da _build/bench/apiproto.txt | tee _build/bench/apiproto.benchstat.txt
