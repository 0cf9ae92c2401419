// Package attio is the root of attio-go, the Go client for the Attio REST API.
//
// Import package api to call Attio (it adds authentication, errors, retries
// and pagination) and package gen for the request and response types. This
// file holds the pipeline that regenerates gen from Attio's OpenAPI
// document; run it with `make generate` (or `go generate .`).
package attio

// 1. Fetch Attio's OpenAPI document (ATTIO_OPENAPI_URL, a URL or a file path)
//    into spec/openapi.yaml as canonical YAML. A failed fetch keeps the old file.
//go:generate go run ./internal/cmd/fetch

// 2. Normalize it (spec/overlay.yaml, then automatic rules), run oapi-codegen
//    with the configs in gen/, write spec/openapi.lock and print a summary.
//go:generate go run ./internal/cmd/generate
