// Package fetch is step 1 of the code-generation pipeline: it obtains Attio's
// OpenAPI document from a URL or a local file, refuses anything that is not an
// OpenAPI 3.x document with paths, and writes it as canonical YAML.
//
// Canonical YAML is what makes the rest of the pipeline reproducible: the same
// document always produces the same bytes, whether it was served as JSON or
// YAML, so the lock in spec/ can record a digest and `make check` can compare
// it. Keys keep the order the document was served in.
//
// Every error returned by Fetch and Update is one sentence that names the
// source, says what failed, and says what to do, usually by pointing
// ATTIO_OPENAPI_URL at a local copy of the document.
package fetch
