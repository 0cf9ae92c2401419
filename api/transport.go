package api

import (
	"bytes"
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
)

// maxErrorBody bounds how much of an error response is read.
const maxErrorBody = 1 << 20

// transport is the gen.HttpRequestDoer beneath every generated call. Do sends
// a request, retrying it as the policy allows, and returns either a response
// the generated code can decode (2xx, or a 3xx left for the caller) or an
// *Error: each attempt gets fresh credentials and a User-Agent, is logged,
// and has its non-2xx status or malformed JSON body turned into an *Error,
// which the retry loop uses to decide whether to try again.
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

// attempt sends req once: attempt 1 sends it as is, later attempts a copy
// with its body produced again by GetBody.
func (t *transport) attempt(req *http.Request, attempt int) (*http.Response, *Error) {
	start := time.Now()
	resp, err := t.send(req, attempt)
	e, ok := err.(*Error)
	if err != nil && !ok {
		e = &Error{Method: req.Method, Path: req.URL.Path, Err: err}
	}
	status := 0
	if resp != nil {
		status = resp.StatusCode
	} else if e != nil {
		status = e.StatusCode
	}
	attrs := []slog.Attr{
		slog.String("method", req.Method), slog.String("path", req.URL.Path),
		slog.Int("status", status), slog.Int("attempt", attempt),
		slog.Duration("duration", time.Since(start)),
	}
	if e != nil && e.Err != nil {
		attrs = append(attrs, slog.String("error", e.Err.Error()))
	}
	t.log.LogAttrs(req.Context(), slog.LevelDebug, "attio: request", attrs...)
	return resp, e
}

// send performs one attempt and checks its response; see attempt.
func (t *transport) send(req *http.Request, attempt int) (*http.Response, error) {
	r := req.Clone(req.Context())
	if attempt > 1 && req.GetBody != nil {
		body, err := req.GetBody()
		if err != nil {
			return nil, fmt.Errorf("replaying request body: %w", err)
		}
		r.Body = body
	}
	if err := authorize(r, t.tokens); err != nil {
		return nil, err
	}
	if r.Header.Get("User-Agent") == "" {
		r.Header.Set("User-Agent", t.userAgent)
	}
	resp, err := t.client.Do(r)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // url.Error repeats the full URL, query string included
		}
		return nil, err
	}
	return checkResponse(resp)
}

// checkResponse returns resp if the generated code can decode it, and an
// *Error otherwise: for a non-2xx, non-3xx status, or a 2xx whose body says
// it is JSON but is not. Bodies with no payload (204, HEAD and redirects) lose a
// JSON Content-Type they cannot honour, so that the generated code does not
// try to decode them; a redirect is returned with its Location for the
// caller. checkResponse reads and closes the body it replaces.
func checkResponse(resp *http.Response) (*http.Response, error) {
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
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, &Error{StatusCode: resp.StatusCode, Method: resp.Request.Method, Path: resp.Request.URL.Path,
			Err: fmt.Errorf("reading response body: %w", err)}
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	if !json.Valid(body) {
		if resp.StatusCode == http.StatusNoContent || resp.StatusCode >= 300 || resp.Request.Method == http.MethodHead {
			resp.Header.Del("Content-Type")
			return resp, nil
		}
		e := newResponseError(resp, body)
		e.Message = "response body is not valid JSON"
		return nil, e
	}
	return resp, nil
}
