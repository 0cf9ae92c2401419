package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzErrorResponse feeds checkResponse, which turns every HTTP response
// into either a response for the generated code to decode or an *Error,
// arbitrary statuses, content types and bodies. It must never panic; every
// non-2xx, non-3xx status must become an *Error that keeps the status and
// the body's start and formats as valid UTF-8; Attio's JSON error fields
// must be kept when the body has them; and every 2xx and 3xx must reach the
// generated code with its body intact (a malformed body is the generated
// code's to report), keeping a JSON Content-Type unless it has no payload
// (204, 3xx) and is not JSON. Its seeds are in
// testdata/fuzz/FuzzErrorResponse.
func FuzzErrorResponse(f *testing.F) {
	f.Fuzz(func(t *testing.T, status int, contentType string, body []byte) {
		status = 100 + int(uint(status)%500) // 100-599
		req := httptest.NewRequest(http.MethodGet, "https://api.attio.com/v2/objects/people/records", nil)
		resp := &http.Response{
			StatusCode: status,
			Header:     http.Header{"Content-Type": {contentType}},
			Body:       io.NopCloser(bytes.NewReader(body)),
			Request:    req,
		}
		got, e := checkResponse(resp)
		if (got == nil) == (e == nil) {
			t.Fatalf("status %d: response %v and error %v: want exactly one", status, got, e)
		}
		if e != nil {
			checkError(t, e, status, body)
		}
		isJSON := strings.Contains(contentType, "json")
		switch {
		case status < 200 || status >= 400:
			if e == nil {
				t.Fatalf("status %d passed as a response", status)
			}
		default:
			if e != nil {
				t.Fatalf("status %d (%q) became an error: %v", status, contentType, e)
			}
			dropped := isJSON && (status == http.StatusNoContent || status >= 300) && !json.Valid(body)
			if kept := got.Header.Get("Content-Type") == contentType; kept == dropped {
				t.Fatalf("status %d, body %q: Content-Type %q, was %q", status, body, got.Header.Get("Content-Type"), contentType)
			}
			b, err := io.ReadAll(got.Body)
			if err != nil || !bytes.Equal(b, body) {
				t.Fatalf("body changed: %q, want %q (%v)", b, body, err)
			}
		}
	})
}

// checkError checks the *Error made from a response with status and body.
func checkError(t *testing.T, e *Error, status int, body []byte) {
	t.Helper()
	if e.StatusCode != status || e.Method != http.MethodGet || e.Path != "/v2/objects/people/records" {
		t.Fatalf("error %+v lost the status %d or the request", e, status)
	}
	if want := body[:min(len(body), bodyExcerptSize)]; !bytes.Equal(e.Body, want) {
		t.Fatalf("Body %q, want the body's first %d bytes %q", e.Body, len(want), want)
	}
	msg := e.Error()
	if !utf8.ValidString(msg) || !strings.HasPrefix(msg, "attio: ") {
		t.Fatalf("Error() = %q: want valid UTF-8 starting with attio:", msg)
	}
	var target *Error
	if !errors.As(error(e), &target) || IsNotFound(e) != (status == http.StatusNotFound) || IsRateLimited(e) != (status == http.StatusTooManyRequests) {
		t.Fatalf("predicates disagree with status %d", status)
	}
	// When the body is Attio's error with string fields, they are kept.
	fields, ok := objectFields(body)
	if !ok {
		return
	}
	want := map[string]string{}
	for _, f := range fields {
		for _, name := range []string{"type", "code", "message", "validation_errors"} {
			if !strings.EqualFold(f.key, name) {
				continue
			}
			if f.key != name || name == "validation_errors" {
				return // ambiguous to encoding/json, or decoded by its own rules
			}
			var s string
			if json.Unmarshal(f.value, &s) != nil {
				return // not Attio's shape: nothing promised
			}
			want[name] = s // the last of duplicate keys wins, as in encoding/json
		}
	}
	if string(e.Type) != want["type"] || string(e.Code) != want["code"] || e.Message != want["message"] {
		t.Fatalf("type %q code %q message %q, want %q", e.Type, e.Code, e.Message, want)
	}
}

// field is one member of a JSON object, duplicates included.
type field struct {
	key   string
	value json.RawMessage
}

// objectFields returns the members of the JSON object body in order, or
// false if body is not one JSON object.
func objectFields(body []byte) ([]field, bool) {
	dec := json.NewDecoder(bytes.NewReader(body))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, false
	}
	var out []field
	for dec.More() {
		tok, err := dec.Token()
		key, ok := tok.(string)
		if err != nil || !ok {
			return nil, false
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, false
		}
		out = append(out, field{key, v})
	}
	if tok, err := dec.Token(); err != nil || tok != json.Delim('}') {
		return nil, false
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, false // trailing data
	}
	return out, true
}
