# attio-go: two commands do everything on a fresh machine.
#   make generate   fetch Attio's OpenAPI document, normalize it, regenerate gen/
#   make test       prove gen/ is current, then vet and run every test
# Offline, point ATTIO_OPENAPI_URL at a local copy of the document.

ATTIO_OPENAPI_URL ?= https://api.attio.com/openapi/api
export ATTIO_OPENAPI_URL
# An older Attio document, to prove the pipeline survives a changed spec.
# Optional: `make test` skips that check (saying so) when it is unset.
ATTIO_OPENAPI_OLD_URL ?=
GO ?= go

.PHONY: all generate fetch check check-old-spec vet test test-jsonv2 conformance bench clean help

all: test

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

generate: ## fetch, normalize and regenerate gen/ (go generate .)
	$(GO) generate .

fetch: ## fetch the document into spec/openapi.yaml only
	$(GO) run ./internal/cmd/fetch

check: fetch ## fail if gen/ or spec/openapi.lock is not what the pipeline produces
	$(GO) run ./internal/cmd/generate -check -scratch _build/check

check-old-spec: ## run the pipeline on ATTIO_OPENAPI_OLD_URL into _build/ and compile it
	@if [ -z "$(ATTIO_OPENAPI_OLD_URL)" ]; then \
		echo "check-old-spec: skipped, ATTIO_OPENAPI_OLD_URL is not set"; \
	else \
		set -e; mkdir -p _build/old/gen; \
		ATTIO_OPENAPI_URL="$(ATTIO_OPENAPI_OLD_URL)" $(GO) run ./internal/cmd/fetch -o _build/old/openapi.yaml; \
		ATTIO_OPENAPI_URL="$(ATTIO_OPENAPI_OLD_URL)" $(GO) run ./internal/cmd/generate -spec _build/old/openapi.yaml \
			-out _build/old/gen -normalized _build/old/openapi.normalized.yaml -lock _build/old/openapi.lock \
			-scopes _build/old/api/scopes.gen.go; \
		$(GO) vet ./_build/old/gen ./_build/old/api; \
		echo "check-old-spec: the older document generates code that compiles and vets"; \
	fi

vet: ## gofmt and go vet
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
		if [ -n "$$out" ]; then echo "gofmt would change: $$out"; exit 1; fi
	$(GO) vet ./...

test: check check-old-spec vet test-jsonv2 ## everything CI runs
	$(GO) test ./...

# On Go 1.27 and later (and with this experiment on Go 1.25 and 1.26),
# encoding/json runs on the encoding/json/v2 engine and
# github.com/go-json-experiment/json, which gen decodes with, is the standard
# library's encoding/json/v2: run every test on that path too.
test-jsonv2: ## every test with encoding/json on the v2 engine, as on Go 1.27
	GOEXPERIMENT=jsonv2 $(GO) test ./...

conformance: check ## call every operation; against ATTIO_CONFORMANCE_BASE_URL if set, else an in-process validating server
	$(GO) test ./internal/conformance -run 'TestConformance' -count=1 -v

bench: check ## run the benchmarks against their references, compared with benchstat (BENCHMARKS.md)
	bash internal/benchmarks/bench.sh

clean: ## remove scratch output
	rm -rf _build
