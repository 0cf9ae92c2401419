// Package testserver is an in-process Attio API made from an OpenAPI
// document, for tests.
//
// [Load] reads the document (by default the normalized spec that
// `make generate` writes, located with [SpecPath]). [NewServer] serves it:
// every request is validated against the document with kin-openapi's
// openapi3filter (route, path, query and header parameters, security, body),
// and answered with the operation's first success response, whose body
// [Synthesize] builds from the document's own examples and schemas. The
// response is validated against the document too before it is sent, so a
// client under test only ever sees answers the document allows. Every
// mismatch is recorded as a [Violation] and also answered with an error
// status, so that neither side can pass by accident.
package testserver
