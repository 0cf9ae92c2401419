package api_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/attio-community/attio-go/api"
	"github.com/attio-community/attio-go/gen"
	openapi_types "github.com/oapi-codegen/runtime/types"
	"golang.org/x/oauth2"
)

// asError returns err as an *api.Error or fails the test.
func asError(t *testing.T, err error) *api.Error {
	t.Helper()
	var e *api.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not an *api.Error", err, err)
	}
	return e
}

func TestNewClientNeedsCredentials(t *testing.T) {
	for name, opts := range map[string][]api.Option{
		"none":                  nil,
		"empty key":             {api.WithAPIKey("")},
		"empty key after token": {api.WithTokenSource(nil), api.WithAPIKey("")},
		"nil token source":      {api.WithTokenSource(nil)},
	} {
		if _, err := api.NewClient(opts...); !errors.Is(err, api.ErrNoCredentials) {
			t.Errorf("%s: NewClient error = %v, want ErrNoCredentials", name, err)
		}
	}
}

func TestNewClientRejectsBadBaseURL(t *testing.T) {
	for _, u := range []string{"", "api.attio.com", "ftp://api.attio.com", "://x"} {
		if _, err := api.NewClient(api.WithAPIKey("k"), api.WithBaseURL(u)); err == nil {
			t.Errorf("base URL %q accepted", u)
		}
	}
}

func TestRequestHeaders(t *testing.T) {
	s := newAPIServer(t, jsonReply(200, objectJSON))
	c := newClient(t, s)
	if _, err := c.GetObjectWithResponse(context.Background(), "people"); err != nil {
		t.Fatal(err)
	}
	c = newClient(t, s, api.WithUserAgent("my-app/1.0"))
	if _, err := c.GetObjectWithResponse(context.Background(), "people"); err != nil {
		t.Fatal(err)
	}
	got := s.got()
	if a := got[0].Header.Get("Authorization"); a != "Bearer "+testKey {
		t.Errorf("Authorization = %q", a)
	}
	if ua := got[0].Header.Get("User-Agent"); ua != "attio-go/"+api.Version {
		t.Errorf("default User-Agent = %q", ua)
	}
	if ua := got[1].Header.Get("User-Agent"); ua != "my-app/1.0" {
		t.Errorf("User-Agent = %q", ua)
	}
}

func TestResult(t *testing.T) {
	s := newAPIServer(t, jsonReply(200, objectJSON), reply(200, "not json", "Content-Type", "text/plain"))
	c := newClient(t, s)
	obj, err := api.Result(c.GetObjectWithResponse(context.Background(), "people"))
	if err != nil {
		t.Fatal(err)
	}
	if obj.Data.APISlug == nil || *obj.Data.APISlug != "people" {
		t.Errorf("api_slug = %v", obj.Data.APISlug)
	}
	// A 200 that is not JSON decodes to nothing: Result says so rather than
	// returning a nil body.
	_, err = api.Result(c.GetObjectWithResponse(context.Background(), "people"))
	if e := asError(t, err); e.StatusCode != 200 || string(e.Body) != "not json" {
		t.Errorf("error = %+v", e)
	}
	// Errors pass through.
	s404 := newAPIServer(t, jsonReply(404, `{"status_code":404,"type":"invalid_request_error","code":"not_found","message":"nope"}`))
	if _, err := api.Result(newClient(t, s404).GetObjectWithResponse(context.Background(), "people")); !api.IsNotFound(err) {
		t.Errorf("error = %v, want not found", err)
	}
}

func TestAttioErrors(t *testing.T) {
	tests := []struct {
		name    string
		status  int
		body    string
		is      func(error) bool
		code    api.ErrorCode
		typ     api.ErrorType
		message string
	}{
		{"not found", 404, `{"status_code":404,"type":"invalid_request_error","code":"not_found","message":"Object with slug/ID \"people\" not found."}`,
			api.IsNotFound, api.CodeNotFound, api.TypeInvalidRequestError,
			`attio: GET /v2/objects/people: 404 not_found: Object with slug/ID "people" not found.`},
		{"conflict", 409, `{"status_code":409,"type":"invalid_request_error","code":"uniqueness_conflict","message":"A record with this email already exists."}`,
			api.IsConflict, api.CodeUniquenessConflict, api.TypeInvalidRequestError,
			`attio: GET /v2/objects/people: 409 uniqueness_conflict: A record with this email already exists.`},
		{"unauthorized", 401, `{"status_code":401,"type":"auth_error","code":"unauthorized","message":"Invalid access token."}`,
			api.IsUnauthorized, api.CodeUnauthorized, api.TypeAuthError,
			`attio: GET /v2/objects/people: 401 unauthorized: Invalid access token.`},
		{"forbidden", 403, `{"status_code":403,"type":"auth_error","code":"billing_error","message":"Upgrade your plan."}`,
			api.IsForbidden, api.CodeBillingError, api.TypeAuthError,
			`attio: GET /v2/objects/people: 403 billing_error: Upgrade your plan.`},
		{"validation", 400, `{"status_code":400,"type":"invalid_request_error","code":"validation_type","message":"Body payload validation error.",
			"validation_errors":[{"code":"invalid_type","path":["data","values",0],"message":"Expected string, received number","expected":"string","received":"number"},
			{"code":"custom","path":"data","message":"Bad"}]}`,
			api.IsValidation, api.CodeValidationType, api.TypeInvalidRequestError,
			`attio: GET /v2/objects/people: 400 validation_type: Body payload validation error. (data.values.0: Expected string, received number; and 1 more)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newAPIServer(t, jsonReply(tt.status, tt.body))
			resp, err := newClient(t, s).GetObjectWithResponse(context.Background(), "people")
			if resp != nil {
				t.Errorf("response = %+v, want nil with the error", resp)
			}
			e := asError(t, err)
			if !tt.is(err) || e.StatusCode != tt.status || e.Code != tt.code || e.Type != tt.typ || e.Attempts != 1 {
				t.Errorf("error = %+v", e)
			}
			if got := err.Error(); got != tt.message {
				t.Errorf("message\n got %s\nwant %s", got, tt.message)
			}
			if e.Method != "GET" || e.Path != "/v2/objects/people" || string(e.Body) != tt.body {
				t.Errorf("method %q path %q body %q", e.Method, e.Path, e.Body)
			}
			if n := len(s.got()); n != 1 {
				t.Errorf("%d requests, want 1: a %d is not retried", n, tt.status)
			}
		})
	}
}

func TestValidationErrorFields(t *testing.T) {
	body := `{"status_code":400,"type":"invalid_request_error","code":"validation_type","message":"m",
		"validation_errors":[{"code":"invalid_type","path":["data","values",0],"message":"x","expected":"string","received":{"a":1}},{"code":"c","path":"data","message":"y","expected":null}]}`
	s := newAPIServer(t, jsonReply(400, body))
	_, err := newClient(t, s).GetObjectWithResponse(context.Background(), "people")
	got := asError(t, err).ValidationErrors
	want := []api.ValidationError{
		{Code: "invalid_type", Path: []string{"data", "values", "0"}, Message: "x", Expected: "string", Received: `{"a":1}`},
		{Code: "c", Path: []string{"data"}, Message: "y"},
	}
	if len(got) != len(want) {
		t.Fatalf("validation errors = %+v", got)
	}
	for i := range want {
		if g, w := got[i], want[i]; g.Code != w.Code || strings.Join(g.Path, "/") != strings.Join(w.Path, "/") ||
			g.Message != w.Message || g.Expected != w.Expected || g.Received != w.Received {
			t.Errorf("validation error %d = %+v, want %+v", i, g, w)
		}
	}
}

func TestHTMLGatewayError(t *testing.T) {
	html := "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n"
	s := newAPIServer(t, reply(502, html, "Content-Type", "text/html"))
	_, err := newClient(t, s, api.WithoutRetry()).GetObjectWithResponse(context.Background(), "people")
	e := asError(t, err)
	want := "attio: GET /v2/objects/people: 502 Bad Gateway: <html> <head><title>502 Bad Gateway</title></head> <body> <center><h1>502 Bad Gateway</h1></center> </body> </html>"
	if err.Error() != want {
		t.Errorf("message\n got %s\nwant %s", err, want)
	}
	if string(e.Body) != html || e.Code != "" {
		t.Errorf("error = %+v", e)
	}
}

func TestLongBodyIsBounded(t *testing.T) {
	s := newAPIServer(t, reply(500, strings.Repeat("x", 100_000)))
	_, err := newClient(t, s, api.WithoutRetry()).GetObjectWithResponse(context.Background(), "people")
	if e := asError(t, err); len(e.Body) != 1024 || len(err.Error()) > 300 {
		t.Errorf("body %d bytes, message %d bytes", len(e.Body), len(err.Error()))
	}
}

// TestMalformedSuccessBody: a 200 whose body is not JSON, or not of the
// documented shape, is an error carrying the status and the body, from the
// call itself (*gen.BodyError) and from Result (*api.Error); it is not
// retried, as sending the request again cannot change what Attio sends.
func TestMalformedSuccessBody(t *testing.T) {
	for name, tt := range map[string]struct{ body, want string }{ // want: the message's start
		"truncated JSON": {`{"data":{"id":{"workspace_id":"14be`,
			`attio: GET /v2/objects/people: 200 OK: malformed response body: {"data":{"id":{"workspace_id":"14be: jsontext: unexpected EOF`},
		"wrong shape": {`{"data":{"id":"people"}}`,
			`attio: GET /v2/objects/people: 200 OK: malformed response body: {"data":{"id":"people"}}: json: `},
	} {
		t.Run(name, func(t *testing.T) {
			s := newAPIServer(t, jsonReply(200, tt.body))
			c := newClient(t, s)
			resp, err := c.GetObjectWithResponse(context.Background(), "people")
			var be *gen.BodyError
			if resp != nil || !errors.As(err, &be) {
				t.Fatalf("GetObjectWithResponse = %+v, %v (%T); want nil and a *gen.BodyError", resp, err, err)
			}
			if be.HTTPResponse.StatusCode != 200 || string(be.Body) != tt.body {
				t.Errorf("BodyError has status %d and body %q; want 200 and %q", be.HTTPResponse.StatusCode, be.Body, tt.body)
			}

			obj, err := api.Result(c.GetObjectWithResponse(context.Background(), "people"))
			e := asError(t, err)
			if obj != nil || e.StatusCode != 200 || string(e.Body) != tt.body || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("Result = %v, %v;\nwant nil and\n%s", obj, err, tt.want)
			}
			if n := len(s.got()); n != 2 {
				t.Errorf("%d requests for two calls, want 2", n)
			}
		})
	}
}

func TestRateLimitRetriedAfterHTTPDate(t *testing.T) {
	date := time.Date(2026, 12, 3, 16, 0, 0, 0, time.UTC)
	limited := jsonReply(429, `{"status_code":429,"type":"rate_limit_error","code":"rate_limit_exceeded","message":"Rate limit exceeded, please try again later"}`,
		"Date", date.Format(http.TimeFormat), "Retry-After", date.Add(time.Second).Format(http.TimeFormat))
	// Success after a 429: the wait is capped by fastRetry.MaxWait.
	s := newAPIServer(t, limited, jsonReply(200, objectJSON))
	obj, err := api.Result(newClient(t, s).GetObjectWithResponse(context.Background(), "people"))
	if err != nil || *obj.Data.APISlug != "people" {
		t.Fatalf("Result = %v, %v", obj, err)
	}
	if n := len(s.got()); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
	// A non-idempotent POST is retried on 429 too: Attio did not process it.
	s = newAPIServer(t, limited, jsonReply(200, `{"data":{}}`))
	if _, err := newClient(t, s).CreateRecordWithBodyWithResponse(context.Background(), "people", "application/json", strings.NewReader(`{"data":{"values":{}}}`)); err != nil {
		t.Fatal(err)
	}
	// Always limited: the last 429 comes back, saying how often it was tried
	// and what Retry-After asked for, measured from the response's Date.
	s = newAPIServer(t, limited)
	_, err = newClient(t, s).GetObjectWithResponse(context.Background(), "people")
	e := asError(t, err)
	if !api.IsRateLimited(err) || e.Attempts != 4 || e.RetryAfter != time.Second || len(s.got()) != 4 {
		t.Errorf("error = %+v after %d requests", e, len(s.got()))
	}
	if !strings.HasSuffix(err.Error(), "429 rate_limit_exceeded: Rate limit exceeded, please try again later (after 4 attempts)") {
		t.Errorf("message = %s", err)
	}
}

func TestServerErrorRetriedWhenIdempotent(t *testing.T) {
	fail := jsonReply(500, `{"status_code":500,"type":"api_error","code":"internal","message":"boom"}`)
	s := newAPIServer(t, fail, reply(503, "", "Retry-After", "0"), jsonReply(200, objectJSON))
	if _, err := newClient(t, s).GetObjectWithResponse(context.Background(), "people"); err != nil {
		t.Fatal(err)
	}
	if n := len(s.got()); n != 3 {
		t.Errorf("GET: %d requests, want 3", n)
	}

	// The records query is a read-only POST: retried, with the same body.
	body := `{"filter":{"name":"Ada"},"limit":10}`
	s = newAPIServer(t, fail, fail, jsonReply(200, `{"data":[]}`))
	if _, err := newClient(t, s).ListRecordsWithBodyWithResponse(context.Background(), "people", "application/json", strings.NewReader(body)); err != nil {
		t.Fatal(err)
	}
	got := s.got()
	if len(got) != 3 {
		t.Fatalf("records query: %d requests, want 3", len(got))
	}
	for i, r := range got {
		if r.Body != body || r.Header.Get("Authorization") != "Bearer "+testKey {
			t.Errorf("attempt %d: body %q, Authorization %q", i+1, r.Body, r.Header.Get("Authorization"))
		}
	}

	// Creating a record is not idempotent: a 500 comes back at once.
	s = newAPIServer(t, fail, jsonReply(200, `{"data":{}}`))
	_, err := newClient(t, s).CreateRecordWithBodyWithResponse(context.Background(), "people", "application/json", strings.NewReader(`{"data":{"values":{}}}`))
	if e := asError(t, err); e.StatusCode != 500 || e.Attempts != 1 || len(s.got()) != 1 {
		t.Errorf("error = %+v after %d requests", e, len(s.got()))
	}
}

func TestTransportErrorRetriedAndWrapped(t *testing.T) {
	dead := httptest.NewServer(http.NotFoundHandler())
	dead.Close() // connections are refused from now on
	c, err := api.NewClient(api.WithAPIKey(testKey), api.WithBaseURL(dead.URL), api.WithRetry(fastRetry))
	if err != nil {
		t.Fatal(err)
	}
	limit := 5
	_, err = c.ListNotesWithResponse(context.Background(), &gen.ListNotesParams{Limit: &limit})
	e := asError(t, err)
	if e.StatusCode != 0 || e.Attempts != 4 || e.Err == nil || e.Method != "GET" || e.Path != "/v2/notes" {
		t.Errorf("error = %+v", e)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, "attio: GET /v2/notes: ") || !strings.HasSuffix(msg, "(after 4 attempts)") || strings.Contains(msg, "limit=") {
		t.Errorf("message = %s", msg)
	}
	// A POST that is not a query is not retried after a transport error.
	_, err = c.CreateRecordWithBodyWithResponse(context.Background(), "people", "application/json", strings.NewReader(`{}`))
	if e := asError(t, err); e.Attempts != 1 {
		t.Errorf("POST attempts = %d, want 1", e.Attempts)
	}
}

func TestCancelDuringRetryAfterWait(t *testing.T) {
	limited := func(w http.ResponseWriter, r *http.Request) {
		now := time.Now().UTC()
		w.Header().Set("Date", now.Format(http.TimeFormat))
		w.Header().Set("Retry-After", now.Add(time.Hour).Format(http.TimeFormat))
		jsonReply(429, `{"status_code":429,"type":"rate_limit_error","code":"rate_limit_exceeded","message":"slow down"}`)(w, r)
	}
	s := newAPIServer(t, limited)
	logged := make(chan string, 16)
	c := newClient(t, s, api.WithRetry(api.RetryPolicy{MaxWait: 2 * time.Hour}), api.WithLogger(slog.New(notifyHandler{logged})))
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for msg := range logged {
			if msg == "attio: retrying" { // the client is now waiting an hour
				cancel()
				return
			}
		}
	}()
	done := make(chan error, 1)
	go func() {
		_, err := c.GetObjectWithResponse(ctx, "people")
		done <- err
	}()
	var err error
	select {
	case err = <-done:
	case <-time.After(time.Minute): // Retry-After asked for an hour
		t.Fatal("the call still waits a minute after its context was canceled")
	}
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error %v does not wrap context.Canceled", err)
	}
	e := asError(t, err)
	if !api.IsRateLimited(err) || e.RetryAfter < 59*time.Minute || len(s.got()) != 1 {
		t.Errorf("error = %+v after %d requests", e, len(s.got()))
	}
	if !strings.HasSuffix(err.Error(), "slow down: gave up waiting to retry: context canceled") {
		t.Errorf("message = %s", err)
	}
}

func TestNoWaitBeyondDeadline(t *testing.T) {
	s := newAPIServer(t, reply(429, "", "Retry-After", "3600"))
	c := newClient(t, s, api.WithRetry(api.RetryPolicy{MaxWait: 2 * time.Hour}))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	_, err := c.GetObjectWithResponse(ctx, "people")
	if e := asError(t, err); e.StatusCode != 429 || e.RetryAfter != time.Hour || e.Err != nil || len(s.got()) != 1 {
		t.Errorf("error = %+v after %d requests", e, len(s.got()))
	}
}

func TestRedirectReturnedNotFollowed(t *testing.T) {
	const signed = "https://storage.example.com/file?signature=abc"
	fileID := openapi_types.UUID{1}
	for _, ct := range []string{"", "application/json"} {
		s := newAPIServer(t, reply(http.StatusFound, "", "Location", signed, "Content-Type", ct))
		resp, err := newClient(t, s).DownloadFileWithResponse(context.Background(), fileID)
		if err != nil {
			t.Fatalf("Content-Type %q: %v", ct, err)
		}
		if resp.StatusCode() != http.StatusFound || resp.HTTPResponse.Header.Get("Location") != signed || len(s.got()) != 1 {
			t.Errorf("Content-Type %q: status %d, Location %q, %d requests", ct, resp.StatusCode(), resp.HTTPResponse.Header.Get("Location"), len(s.got()))
		}
	}
}

func TestNoContent(t *testing.T) {
	s := newAPIServer(t, reply(http.StatusNoContent, "", "Content-Type", "application/json"))
	resp, err := newClient(t, s).DeleteCallRecordingWithResponse(context.Background(), openapi_types.UUID{1}, openapi_types.UUID{2})
	if err != nil || resp.StatusCode() != http.StatusNoContent {
		t.Fatalf("DeleteCallRecording = %v, %v", resp, err)
	}
}

func TestCredentialsNeverLogged(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	s := newAPIServer(t,
		jsonReply(500, `{"message":"boom"}`),
		jsonReply(401, `{"status_code":401,"type":"auth_error","code":"unauthorized","message":"Invalid token"}`))
	_, err := newClient(t, s, api.WithLogger(logger)).GetObjectWithResponse(context.Background(), "people")
	if err == nil {
		t.Fatal("no error")
	}
	out := logs.String()
	for _, want := range []string{"level=DEBUG", "level=WARN", "method=GET", "path=/v2/objects/people", "status=500", "status=401", "attempt=2", "duration="} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}
	for _, leak := range []string{testKey, "Bearer"} {
		if strings.Contains(out, leak) || strings.Contains(err.Error(), leak) || strings.Contains(strings.ToLower(out), "authorization") {
			t.Errorf("%q leaked:\nlog: %s\nerror: %s", leak, out, err)
		}
	}
}

// failingTokens is a token source that always fails.
type failingTokens struct{}

func (failingTokens) Token() (*oauth2.Token, error) {
	return nil, errors.New("token store unavailable")
}

func TestTokenSourceFailureIsNotSent(t *testing.T) {
	s := newAPIServer(t, jsonReply(200, objectJSON))
	_, err := newClient(t, s, api.WithTokenSource(failingTokens{})).GetObjectWithResponse(context.Background(), "people")
	e := asError(t, err)
	if e.Attempts != 0 || e.StatusCode != 0 || len(s.got()) != 0 {
		t.Errorf("error = %+v after %d requests", e, len(s.got()))
	}
	if want := "attio: GET /v2/objects/people: getting access token: token store unavailable"; err.Error() != want {
		t.Errorf("message = %s", err)
	}
}

// TestBodyBrokenOffIsRetried: a 200 whose body breaks off before its
// Content-Length is a failed attempt, retried where that is safe (GET), so
// the caller gets the record; a create is not repeated.
func TestBodyBrokenOffIsRetried(t *testing.T) {
	brokenOff := func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(len(objectJSON)))
		w.WriteHeader(http.StatusOK)
		io.WriteString(w, objectJSON[:40])
		conn, _, err := http.NewResponseController(w).Hijack()
		if err == nil {
			conn.Close()
		}
	}
	s := newAPIServer(t, brokenOff, jsonReply(200, objectJSON))
	obj, err := api.Result(newClient(t, s).GetObjectWithResponse(context.Background(), "people"))
	if err != nil || *obj.Data.APISlug != "people" {
		t.Fatalf("Result = %v, %v; want the object after a retry", obj, err)
	}
	if n := len(s.got()); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}

	s = newAPIServer(t, brokenOff, jsonReply(200, `{"data":{}}`))
	_, err = newClient(t, s).CreateRecordWithBodyWithResponse(context.Background(), "people", "application/json", strings.NewReader(`{"data":{"values":{}}}`))
	if e := asError(t, err); e.StatusCode != 200 || !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("error %v: want the 200 and io.ErrUnexpectedEOF", err)
	}
	if n := len(s.got()); n != 1 {
		t.Errorf("%d requests for a create, want 1", n)
	}
}
