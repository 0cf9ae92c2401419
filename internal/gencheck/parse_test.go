package gencheck

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/attio-community/attio-go/gen"
)

// objectBody is a Get object response body.
const objectBody = `{"data":{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795"},"api_slug":"people","singular_noun":"Person","plural_noun":"People","created_at":"2022-11-21T13:22:49.061281000Z"}}`

// jsonResponse is a 200 application/json response with body and the
// declared length contentLength (-1: unknown, as with a chunked reply).
func jsonResponse(body io.Reader, contentLength int64) *http.Response {
	return &http.Response{
		StatusCode:    http.StatusOK,
		Header:        http.Header{"Content-Type": {"application/json"}},
		Body:          io.NopCloser(body),
		ContentLength: contentLength,
	}
}

// TestParseReadsWholeBodyWhateverItsDeclaredLength: the Parse functions
// size their buffer from Content-Length, but read to the end of the body
// whether the length is unknown, right, too small or absurdly large.
func TestParseReadsWholeBodyWhateverItsDeclaredLength(t *testing.T) {
	n := int64(len(objectBody))
	for _, length := range []int64{-1, 0, n, n / 2, n + 1000, 1 << 40} {
		resp, err := gen.ParseGetObjectResponse(jsonResponse(strings.NewReader(objectBody), length))
		if err != nil {
			t.Fatalf("Content-Length %d: %v", length, err)
		}
		if string(resp.Body) != objectBody || resp.JSON200 == nil || resp.JSON200.Data.APISlug == nil || *resp.JSON200.Data.APISlug != "people" {
			t.Fatalf("Content-Length %d: body %q, decoded %+v", length, resp.Body, resp.JSON200)
		}
	}
}

// brokenReader returns its data, then err.
type brokenReader struct {
	data string
	err  error
}

func (r *brokenReader) Read(p []byte) (int, error) {
	if r.data == "" {
		return 0, r.err
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

// TestParseReportsBodyErrors: a body that breaks off, or that is not the
// documented JSON, is a *gen.BodyError keeping the status, the bytes read
// and the cause.
func TestParseReportsBodyErrors(t *testing.T) {
	broken := errors.New("connection reset")
	for name, tt := range map[string]struct {
		body  io.Reader
		read  string
		cause error
	}{
		"broken off":  {&brokenReader{objectBody[:40], broken}, objectBody[:40], broken},
		"truncated":   {strings.NewReader(objectBody[:40]), objectBody[:40], nil},
		"wrong shape": {strings.NewReader(`{"data":[]}`), `{"data":[]}`, nil},
		"not JSON":    {strings.NewReader(`<html>`), `<html>`, nil},
	} {
		t.Run(name, func(t *testing.T) {
			resp, err := gen.ParseGetObjectResponse(jsonResponse(tt.body, 200))
			var be *gen.BodyError
			if resp != nil || !errors.As(err, &be) {
				t.Fatalf("Parse = %v, %v (%T); want a *gen.BodyError", resp, err, err)
			}
			if be.HTTPResponse.StatusCode != 200 || string(be.Body) != tt.read || be.Err == nil {
				t.Fatalf("BodyError{status %d, body %q, err %v}; want 200, %q and a cause", be.HTTPResponse.StatusCode, be.Body, be.Err, tt.read)
			}
			if tt.cause != nil && !errors.Is(err, tt.cause) {
				t.Fatalf("error %v does not wrap %v", err, tt.cause)
			}
			if !strings.HasPrefix(err.Error(), "200 response body (application/json, ") {
				t.Fatalf("message %q", err)
			}
		})
	}
}
