// Package conformance holds attio-go's conformance suite; it has tests only.
//
// TestConformance calls every operation in Attio's OpenAPI document through
// an api.Client, with requests built from the document's examples, against
// the validating server of internal/testserver (or, with
// ATTIO_CONFORMANCE_BASE_URL set, against any server) and checks that each
// answer decodes into the generated types. The list of operations comes from
// the document: an operation the suite cannot call fails by name.
//
// TestRoundTrip decodes bodies built from every response schema into the
// generated types and re-encodes them, failing on anything lost.
//
// Known failures are listed, with the reason for each, in one file:
// testdata/exceptions.yaml. An exception that no longer matches a failure
// fails the suite too, so that the list only shrinks.
//
// Run it with `make conformance`, or `go test ./internal/conformance`.
// It needs spec/openapi.normalized.yaml, which `make generate` and
// `make check` write.
package conformance
