// Package json is the JSON codec of the generated code in gen/. The
// generated files import it in place of encoding/json (the override
// gen/templates/imports.tmpl makes that change to oapi-codegen's import
// list), and use the three names they use of encoding/json: Marshal,
// Unmarshal and RawMessage.
//
// Marshal and RawMessage are encoding/json's own, so request bodies are
// encoded exactly as encoding/json encodes them. Unmarshal decodes with the
// encoding/json/v2 engine (github.com/go-json-experiment/json, a mirror of
// the standard library's encoding/json/v2, which it becomes on Go 1.27 and
// later): it reads the input once, where encoding/json validates the whole
// input and then reads it again (BENCHMARKS.md has the figures). Its options
// keep what encoding/json forgives in a server's response (decodeOptions).
// Errors are encoding/json/v2's: a *jsontext.SyntacticError or a
// *json.SemanticError of github.com/go-json-experiment/json.
package json

import (
	stdjson "encoding/json"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
	jsonv1 "github.com/go-json-experiment/json/v1"
)

// RawMessage is encoding/json's RawMessage: a raw encoded JSON value.
type RawMessage = stdjson.RawMessage

// Marshal returns the JSON encoding of v, as encoding/json.Marshal does.
//
//go:noinline
func Marshal(v any) ([]byte, error) {
	return stdjson.Marshal(v)
}

// decodeOptions are encoding/json/v2's defaults but for the leniency of
// encoding/json that a client reading a server's response wants: names
// match as encoding/json matches them (ignoring case, but not underscores
// or dashes as v2's case-insensitive matching also would), a repeated name
// merges into what the first gave as encoding/json merges it, invalid
// UTF-8 becomes U+FFFD, and timestamps and base64 are parsed as loosely as
// encoding/json parses them. FuzzUnmarshal holds Unmarshal to
// encoding/json's results.
var decodeOptions = jsonv2.JoinOptions(
	jsonv2.MatchCaseInsensitiveNames(true),
	jsonv1.MatchCaseSensitiveDelimiter(true),
	jsontext.AllowDuplicateNames(true),
	jsonv1.MergeWithLegacySemantics(true),
	jsontext.AllowInvalidUTF8(true),
	jsonv1.ParseTimeWithLooseRFC3339(true),
	jsonv1.ParseBytesWithLooseRFC4648(true),
)

// Unmarshal decodes the JSON value in data into v, which must be a
// non-nil pointer. Types with an UnmarshalJSON method (gen's unions,
// nullable.Nullable, ...) are handed their value's bytes as encoding/json
// hands them.
//
// Unmarshal and Marshal are not inlined into gen's 500 call sites: that
// takes about 4 MiB (2%) off the peak memory of gen's build (BENCHMARKS.md
// §4), and a call costs nothing beside an encode or a decode.
//
//go:noinline
func Unmarshal(data []byte, v any) error {
	return jsonv2.Unmarshal(data, v, decodeOptions)
}
