package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/oauth2"

	"github.com/attio-community/attio-go/internal/httpbody"
)

// maxErrorBody bounds how much of an error response is read.
const maxErrorBody = 1 << 20

// transport is the gen.HttpRequestDoer beneath every generated call. Do
// authorizes a request, sends it, and retries it as the policy allows; it
// returns either a response the generated code can decode (2xx, or a 3xx
// left for the caller) or an *Error. Each attempt is logged and has its
// non-2xx status or unreadable body turned into an *Error, which the retry
// loop uses to decide whether to try again.
type transport struct {
	client    *http.Client
	tokens    oauth2.TokenSource
	userAgent string
	retry     RetryPolicy
	log       *slog.Logger
}

// Do implements gen.HttpRequestDoer.
func (t *transport) Do(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	req = req.Clone(ctx) // so that the headers set here are this call's own
	if err := authorize(req, t.tokens); err != nil {
		return nil, &Error{Method: req.Method, Path: req.URL.Path, Err: err}
	}
	if req.Header.Get("User-Agent") == "" {
		req.Header.Set("User-Agent", t.userAgent)
	}
	safe := replayable(req)
	for attempt := 1; ; attempt++ {
		resp, e := t.attempt(req, attempt)
		if e == nil {
			return resp, nil
		}
		e.Attempts = attempt
		wait, again := t.retry.wait(e, attempt, safe)
		if !again {
			return nil, e
		}
		if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < wait {
			return nil, e // the retry could not start before the context ends
		}
		level := slog.LevelWarn
		if e.StatusCode == http.StatusTooManyRequests {
			level = slog.LevelInfo
		}
		t.log.LogAttrs(ctx, level, "attio: retrying",
			slog.String("method", req.Method), slog.String("path", req.URL.Path),
			slog.Int("status", e.StatusCode), slog.Int("attempt", attempt),
			slog.Duration("wait", wait), slog.String("error", e.Error()))
		if err := sleep(ctx, wait); err != nil {
			e.Err = fmt.Errorf("gave up waiting to retry: %w", err)
			return nil, e
		}
	}
}

// attempt sends req once, as attempt number n, and logs the outcome at
// Debug.
func (t *transport) attempt(req *http.Request, n int) (*http.Response, *Error) {
	start := time.Now()
	resp, e := t.send(req, n)
	attrs := []slog.Attr{slog.String("method", req.Method), slog.String("path", req.URL.Path)}
	switch {
	case e == nil:
		attrs = append(attrs, slog.Int("status", resp.StatusCode))
	case e.Err == nil:
		attrs = append(attrs, slog.Int("status", e.StatusCode))
	default:
		attrs = append(attrs, slog.Int("status", e.StatusCode), slog.String("error", e.Err.Error()))
	}
	attrs = append(attrs, slog.Int("attempt", n), slog.Duration("duration", time.Since(start)))
	t.log.LogAttrs(req.Context(), slog.LevelDebug, "attio: request", attrs...)
	return resp, e
}

// send sends req as attempt number n: the first attempt sends req itself,
// later ones a copy whose body GetBody produces again.
func (t *transport) send(req *http.Request, n int) (*http.Response, *Error) {
	fail := func(err error) *Error { return &Error{Method: req.Method, Path: req.URL.Path, Err: err} }
	if n > 1 && req.GetBody != nil {
		body, err := req.GetBody()
		if err != nil {
			return nil, fail(fmt.Errorf("replaying request body: %w", err))
		}
		req = req.WithContext(req.Context()) // a shallow copy
		req.Body = body
	}
	resp, err := t.client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // url.Error repeats the full URL, query string included
		}
		return nil, fail(err)
	}
	return checkResponse(resp)
}

// checkResponse returns resp if the generated code can decode it, and an
// *Error otherwise: for a non-2xx, non-3xx status, or a body that cannot be
// read (which the retry loop may cure).
//
// A JSON body is read here, in full, so that a connection broken mid-body
// fails the attempt, and handed to the generated code through
// httpbody.Buffered, so that it takes the bytes without a copy. Whether it
// decodes is for the generated code to find out: it reports a body it
// cannot decode as a *gen.BodyError, which [Result] makes an *Error. A body with no payload
// (204, HEAD, a redirect) that is not JSON loses its JSON Content-Type, so
// that the generated code does not try to decode it: a redirect reaches
// the caller with its Location. checkResponse closes the body it replaces.
func checkResponse(resp *http.Response) (*http.Response, *Error) {
	isJSON := strings.Contains(resp.Header.Get("Content-Type"), "json") // as the generated code tests
	switch {
	case resp.StatusCode >= 400 || resp.StatusCode < 200:
		defer resp.Body.Close()
		body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody)) // the status says enough if this fails
		e := newResponseError(resp, body)
		e.RetryAfter = retryAfter(resp.Header, time.Now())
		return nil, e
	case !isJSON:
		return resp, nil
	}
	body, err := httpbody.ReadAll(resp)
	resp.Body.Close()
	if err != nil {
		e := responseError(resp, body)
		e.Err = fmt.Errorf("reading response body: %w", err)
		return nil, e
	}
	httpbody.Buffered(resp, body) // gen's Parse takes it back without a copy
	noPayload := resp.StatusCode == http.StatusNoContent || resp.StatusCode >= 300 || resp.Request.Method == http.MethodHead
	if noPayload && !json.Valid(body) {
		resp.Header.Del("Content-Type")
	}
	return resp, nil
}
