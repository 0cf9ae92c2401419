package api_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/attio-community/attio-go/api"
)

// testKey is the API key the test clients send; tests assert it never leaks.
const testKey = "sk_test_0123456789abcdef-never-print-me"

// fastRetry retries like the default policy without real waits.
var fastRetry = api.RetryPolicy{MaxAttempts: 4, BaseDelay: time.Millisecond, MaxDelay: 2 * time.Millisecond, MaxWait: 5 * time.Millisecond}

// recorded is one request a test server received.
type recorded struct {
	Method, Path, Query string
	Header              http.Header
	Body                string
}

// apiServer is an httptest server that records every request and answers it
// with the handler of the attempt (the last handler answers the rest).
type apiServer struct {
	*httptest.Server
	mu       sync.Mutex
	requests []recorded
}

func newAPIServer(t *testing.T, handlers ...http.HandlerFunc) *apiServer {
	t.Helper()
	s := &apiServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body)) // for the handler
		s.mu.Lock()
		n := len(s.requests)
		s.requests = append(s.requests, recorded{r.Method, r.URL.Path, r.URL.RawQuery, r.Header.Clone(), string(body)})
		s.mu.Unlock()
		handlers[min(n, len(handlers)-1)](w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

// got returns the requests received so far.
func (s *apiServer) got() []recorded {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]recorded(nil), s.requests...)
}

// newClient returns a client for s with the test key and fast retries;
// opts come after and override those.
func newClient(t *testing.T, s *apiServer, opts ...api.Option) *api.Client {
	t.Helper()
	opts = append([]api.Option{api.WithAPIKey(testKey), api.WithBaseURL(s.URL), api.WithRetry(fastRetry)}, opts...)
	c, err := api.NewClient(opts...)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c
}

// reply answers with status, headers and body.
func reply(status int, body string, header ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		for i := 0; i+1 < len(header); i += 2 {
			w.Header().Set(header[i], header[i+1])
		}
		w.WriteHeader(status)
		io.WriteString(w, body)
	}
}

// jsonReply answers with status and a JSON body.
func jsonReply(status int, body string, header ...string) http.HandlerFunc {
	return reply(status, body, append([]string{"Content-Type", "application/json; charset=utf-8"}, header...)...)
}

// objectJSON is a GET /v2/objects/{object} success body.
const objectJSON = `{"data":{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795"},"api_slug":"people","singular_noun":"Person","plural_noun":"People","created_at":"2022-11-21T13:22:49.061281000Z"}}`

// notifyHandler is a slog.Handler that sends each record's message to ch.
type notifyHandler struct{ ch chan<- string }

func (h notifyHandler) Enabled(context.Context, slog.Level) bool { return true }
func (h notifyHandler) Handle(_ context.Context, r slog.Record) error {
	select {
	case h.ch <- r.Message:
	default:
	}
	return nil
}
func (h notifyHandler) WithAttrs([]slog.Attr) slog.Handler { return h }
func (h notifyHandler) WithGroup(string) slog.Handler      { return h }
