package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// badSource is one way fetching can fail. Each case is run twice: through
// Fetch, checking the error, and through Update, the command's code path,
// checking that a good spec already on disk survives.
type badSource struct {
	name string
	// setup returns the source and options; it may start servers.
	setup func(t *testing.T) (string, Options)
	// cause is text the error must contain to name what went wrong.
	cause string
	// unwrap, if set, must be reachable from the error with errors.Is.
	unwrap error
}

// serve starts a test server whose handler runs h, and makes sure the
// handler is released before the server shuts down.
func serve(t *testing.T, h func(w http.ResponseWriter, r *http.Request, release <-chan struct{})) string {
	t.Helper()
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { h(w, r, release) }))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(release) }) // runs first
	return srv.URL + "/openapi/api"
}

// body answers every request with status, content type and body.
func body(status int, contentType, text string) func(t *testing.T) (string, Options) {
	return func(t *testing.T) (string, Options) {
		return serve(t, func(w http.ResponseWriter, r *http.Request, _ <-chan struct{}) {
			w.Header().Set("Content-Type", contentType)
			w.WriteHeader(status)
			fmt.Fprint(w, text)
		}), Options{}
	}
}

// wait blocks until the client goes away or the test ends.
func wait(r *http.Request, release <-chan struct{}) {
	select {
	case <-r.Context().Done():
	case <-release:
	}
}

var badSources = []badSource{
	{
		name: "connection refused",
		setup: func(t *testing.T) (string, Options) {
			l, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			addr := l.Addr().String()
			l.Close()
			return "http://" + addr + "/openapi/api", Options{}
		},
		cause: "refused",
	},
	{
		name: "unknown host",
		setup: func(t *testing.T) (string, Options) {
			// Fail the lookup in the dialer so no resolver is asked.
			tr := &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
				host, _, _ := net.SplitHostPort(addr)
				return nil, &net.OpError{Op: "dial", Net: network, Err: &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}}
			}}
			t.Cleanup(tr.CloseIdleConnections)
			return "https://api.attio.invalid/openapi/api", Options{HTTPClient: &http.Client{Transport: tr}}
		},
		cause: `cannot resolve host "api.attio.invalid"`,
	},
	{name: "HTTP 404", setup: body(http.StatusNotFound, "application/json", `{"status_code":404}`), cause: "HTTP 404 Not Found"},
	{name: "HTTP 500", setup: body(http.StatusInternalServerError, "text/plain", "oops"), cause: "HTTP 500 Internal Server Error"},
	{name: "HTML content type", setup: body(http.StatusOK, "text/html; charset=utf-8", "<!doctype html><title>Sign in</title>"), cause: "HTML page"},
	{name: "HTML body served as JSON", setup: body(http.StatusOK, "application/json", "\n  <html><body>Sign in</body></html>"), cause: "HTML page"},
	{name: "truncated JSON", setup: body(http.StatusOK, "application/json", goodJSON[:len(goodJSON)/2]), cause: "cut short"},
	{name: "not JSON or YAML", setup: body(http.StatusOK, "application/json", "openapi: 3.1.0\n\tpaths: [\n"), cause: "not valid YAML"},
	{name: "empty body", setup: body(http.StatusOK, "application/json", ""), cause: "empty"},
	{name: "Swagger 2.0", setup: body(http.StatusOK, "application/json", `{"swagger": "2.0", "paths": {"/a": {}}}`), cause: `Swagger "2.0", not OpenAPI 3.x`},
	{name: "OpenAPI 2", setup: body(http.StatusOK, "application/json", `{"openapi": "2.0", "paths": {"/a": {}}}`), cause: `OpenAPI "2.0", not OpenAPI 3.x`},
	{name: "no paths", setup: body(http.StatusOK, "application/json", `{"openapi": "3.1.0", "info": {"title": "x"}}`), cause: `no "paths"`},
	{name: "empty paths", setup: body(http.StatusOK, "application/json", `{"openapi": "3.1.0", "paths": {}}`), cause: `"paths" is empty`},
	{name: "JSON that is not an object", setup: body(http.StatusOK, "application/json", `["openapi", "3.1.0"]`), cause: "top level is a list"},
	{
		name: "over the size bound (Content-Length)",
		setup: func(t *testing.T) (string, Options) {
			src, _ := body(http.StatusOK, "application/json", goodJSON)(t)
			return src, Options{MaxBytes: 100}
		},
		cause: "more than the 100-byte limit",
	},
	{
		name: "over the size bound (streamed)",
		setup: func(t *testing.T) (string, Options) {
			return serve(t, func(w http.ResponseWriter, r *http.Request, _ <-chan struct{}) {
				w.Header().Set("Content-Type", "application/json")
				for i := 0; i < 64; i++ { // no Content-Length: chunked
					fmt.Fprint(w, strings.Repeat(" ", 1024))
					w.(http.Flusher).Flush()
				}
			}), Options{MaxBytes: 32 << 10}
		},
		cause: "larger than the 32 KiB limit",
	},
	{
		name: "server stalls before answering",
		setup: func(t *testing.T) (string, Options) {
			return serve(t, func(w http.ResponseWriter, r *http.Request, release <-chan struct{}) {
				wait(r, release)
			}), Options{Timeout: 200 * time.Millisecond}
		},
		cause:  "no response within 200ms",
		unwrap: context.DeadlineExceeded,
	},
	{
		name: "server stalls mid-body",
		setup: func(t *testing.T) (string, Options) {
			return serve(t, func(w http.ResponseWriter, r *http.Request, release <-chan struct{}) {
				w.Header().Set("Content-Type", "application/json")
				fmt.Fprint(w, goodJSON[:100])
				w.(http.Flusher).Flush()
				wait(r, release)
			}), Options{Timeout: 200 * time.Millisecond}
		},
		cause:  "not complete within 200ms (100 bytes received)",
		unwrap: context.DeadlineExceeded,
	},
	{
		name: "missing local file",
		setup: func(t *testing.T) (string, Options) {
			return filepath.Join(t.TempDir(), "openapi.json"), Options{}
		},
		cause:  "does not exist",
		unwrap: os.ErrNotExist,
	},
	{
		name:  "missing relative path",
		setup: func(t *testing.T) (string, Options) { return "testdata/no-such-openapi.json", Options{} },
		cause: "there is no file at /",
	},
	{
		name: "missing file URL",
		setup: func(t *testing.T) (string, Options) {
			return "file://" + filepath.ToSlash(filepath.Join(t.TempDir(), "openapi.json")), Options{}
		},
		cause: "there is no file at",
	},
	{
		name:  "directory instead of a file",
		setup: func(t *testing.T) (string, Options) { return t.TempDir(), Options{} },
		cause: "is a directory",
	},
	{
		name:  "unsupported scheme",
		setup: func(t *testing.T) (string, Options) { return "ftp://example.com/openapi.json", Options{} },
		cause: `scheme "ftp" is not supported`,
	},
	{
		name: "local file over the size bound",
		setup: func(t *testing.T) (string, Options) {
			p := filepath.Join(t.TempDir(), "openapi.json")
			if err := os.WriteFile(p, []byte(goodJSON), 0o644); err != nil {
				t.Fatal(err)
			}
			return p, Options{MaxBytes: 512}
		},
		cause: "more than the 512-byte limit",
	},
}

func TestFetchErrors(t *testing.T) {
	for _, tc := range badSources {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			source, opts := tc.setup(t)
			start := time.Now()
			out, err := Fetch(context.Background(), source, opts)
			if err == nil {
				t.Fatalf("Fetch succeeded:\n%s", out)
			}
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("Fetch took %s to fail", d) // a hang, not a timing check
			}
			assertGoodError(t, err, source, tc.cause)
			if tc.unwrap != nil && !errors.Is(err, tc.unwrap) {
				t.Errorf("errors.Is(err, %v) = false for %v", tc.unwrap, err)
			}
		})
	}
}

// TestUpdateKeepsGoodSpec runs the command's code path for every bad source
// and checks that the spec already on disk is untouched.
func TestUpdateKeepsGoodSpec(t *testing.T) {
	for _, tc := range badSources {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			path, want := writeGood(t)
			source, opts := tc.setup(t)
			res, err := Update(context.Background(), source, path, opts)
			if err == nil {
				t.Fatalf("Update succeeded: %v", res)
			}
			assertGoodError(t, err, source, tc.cause)
			assertUnchanged(t, path, want)
		})
	}
}

// assertGoodError checks the error contract: one sentence, naming the
// source and the cause, pointing at ATTIO_OPENAPI_URL.
func assertGoodError(t *testing.T, err error, source, cause string) {
	t.Helper()
	msg := err.Error()
	t.Log(msg)
	var fe *Error
	if !errors.As(err, &fe) || fe.Source != source {
		t.Errorf("error is %T with source %q, want *fetch.Error for %q", err, fe, source)
	}
	if !strings.HasPrefix(msg, "fetch "+source+": ") {
		t.Errorf("error does not start with %q: %s", "fetch "+source+": ", msg)
	}
	if !strings.Contains(msg, cause) {
		t.Errorf("error does not mention %q: %s", cause, msg)
	}
	if !strings.Contains(msg, EnvSource) {
		t.Errorf("error does not mention %s: %s", EnvSource, msg)
	}
	if strings.ContainsAny(msg, "\n\r") {
		t.Errorf("error spans several lines: %q", msg)
	}
}

func TestFetchSources(t *testing.T) {
	dir := t.TempDir()
	jsonPath := filepath.Join(dir, "openapi.json")
	yamlPath := filepath.Join(dir, "openapi.yaml")
	if err := os.WriteFile(jsonPath, []byte(goodJSON), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(yamlPath, []byte(goodYAML), 0o644); err != nil {
		t.Fatal(err)
	}
	want, err := Canonicalize([]byte(goodJSON))
	if err != nil {
		t.Fatal(err)
	}
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		if r.Header.Get("Accept") == "" || r.Header.Get("User-Agent") == "" {
			t.Errorf("request lacks Accept or User-Agent: %v", r.Header)
		}
		switch r.URL.Path {
		case "/json":
			w.Header().Set("Content-Type", "application/json")
			fmt.Fprint(w, goodJSON)
		case "/yaml":
			w.Header().Set("Content-Type", "application/yaml")
			fmt.Fprint(w, goodYAML)
		case "/redirect":
			http.Redirect(w, r, "/json", http.StatusFound)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()

	t.Chdir(dir)
	for _, source := range []string{
		srv.URL + "/json",
		srv.URL + "/yaml",
		srv.URL + "/redirect",
		jsonPath,
		yamlPath,
		"openapi.json", // relative to the current directory
		"./openapi.yaml",
		"file://" + filepath.ToSlash(jsonPath),
		"file://localhost" + filepath.ToSlash(yamlPath),
		"file:openapi.json",
	} {
		got, err := Fetch(context.Background(), source, Options{})
		if err != nil {
			t.Errorf("%s: %v", source, err)
			continue
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: output differs from the canonical document:\n%s", source, got)
		}
	}
	if n := requests.Load(); n != 4 {
		t.Errorf("server saw %d requests, want 4", n)
	}
}

func TestFetchDeterministic(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, goodJSON)
	}))
	defer srv.Close()
	a, err := Fetch(context.Background(), srv.URL, Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Fetch(context.Background(), srv.URL, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Errorf("two fetches of the same document differ")
	}
}

func TestFetchCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, goodJSON) }))
	defer srv.Close()
	_, err := Fetch(ctx, srv.URL, Options{})
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "canceled") {
		t.Errorf("error = %v, want one that says canceled and wraps context.Canceled", err)
	}
}

func TestSourceFromEnv(t *testing.T) {
	t.Setenv(EnvSource, "")
	if got := SourceFromEnv(); got != DefaultSource {
		t.Errorf("unset: SourceFromEnv() = %q, want %q", got, DefaultSource)
	}
	t.Setenv(EnvSource, " ../shared/attio/openapi.json\n")
	if got := SourceFromEnv(); got != "../shared/attio/openapi.json" {
		t.Errorf("set: SourceFromEnv() = %q", got)
	}
}
