package api

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// RetryPolicy says how often and how long the client retries a request that
// failed in a way that may pass: a 429, a 5xx, or a broken connection. A zero
// field takes its default, so RetryPolicy{} is the default policy.
//
// A 429 is always retried, after the response's Retry-After: Attio did not
// process the request. A 5xx or a transport error is retried only when
// repeating the request is safe: GET, HEAD, OPTIONS, PUT and DELETE, and the
// read-only POSTs whose path ends in /query or /search (records query,
// entries query, records search). Requests whose body cannot be replayed are
// not retried. Context errors are never retried.
type RetryPolicy struct {
	// MaxAttempts bounds how many times a request is sent, counting the
	// first. Default 4; 1 disables retries.
	MaxAttempts int
	// BaseDelay is the backoff before the first retry; each later retry
	// doubles it, up to MaxDelay. The actual wait is drawn uniformly from
	// zero to that value ("full jitter"), so that clients which failed
	// together do not retry together. Default 500ms.
	BaseDelay time.Duration
	// MaxDelay caps the backoff. Default 8s.
	MaxDelay time.Duration
	// MaxWait caps how long the client honours a Retry-After header.
	// Default 30s.
	MaxWait time.Duration
}

// defaultRetryPolicy is the policy a client uses unless given WithRetry or
// WithoutRetry; RetryPolicy documents its values.
var defaultRetryPolicy = RetryPolicy{
	MaxAttempts: 4,
	BaseDelay:   500 * time.Millisecond,
	MaxDelay:    8 * time.Second,
	MaxWait:     30 * time.Second,
}

// withDefaults fills p's zero fields from defaultRetryPolicy.
func (p RetryPolicy) withDefaults() RetryPolicy {
	d := defaultRetryPolicy
	if p.MaxAttempts > 0 {
		d.MaxAttempts = p.MaxAttempts
	}
	if p.BaseDelay > 0 {
		d.BaseDelay = p.BaseDelay
	}
	if p.MaxDelay > 0 {
		d.MaxDelay = p.MaxDelay
	}
	if p.MaxWait > 0 {
		d.MaxWait = p.MaxWait
	}
	return d
}

// backoff returns a random wait before retry number n (1 for the first
// retry): uniform in [0, min(MaxDelay, BaseDelay*2^(n-1))].
func (p RetryPolicy) backoff(n int) time.Duration {
	ceiling := p.BaseDelay
	for i := 1; i < n && ceiling < p.MaxDelay; i++ {
		ceiling *= 2
	}
	return rand.N(min(ceiling, p.MaxDelay) + 1)
}

// wait decides whether the request that failed with e on attempt number
// attempt is retried, and after how long. replayable says whether repeating
// the request is safe (see RetryPolicy).
func (p RetryPolicy) wait(e *Error, attempt int, replayable bool) (time.Duration, bool) {
	if attempt >= p.MaxAttempts {
		return 0, false
	}
	switch {
	case e.Err != nil: // no usable response
		if !replayable || isContextError(e.Err) {
			return 0, false
		}
	case e.StatusCode == http.StatusTooManyRequests:
	case e.StatusCode >= 500 && replayable:
	default:
		return 0, false
	}
	if e.RetryAfter > 0 {
		return min(e.RetryAfter, p.MaxWait), true
	}
	return p.backoff(attempt), true
}

// isContextError reports whether err comes from a context ending, which a
// retry cannot cure.
func isContextError(err error) bool {
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
}

// replayable reports whether req may be sent again after a 5xx or a broken
// connection: its method is idempotent, or it is one of Attio's read-only
// POSTs, and its body, if any, can be produced again.
func replayable(req *http.Request) bool {
	if req.Body != nil && req.Body != http.NoBody && req.GetBody == nil {
		return false
	}
	switch req.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodPut, http.MethodDelete:
		return true
	case http.MethodPost:
		path := strings.TrimSuffix(req.URL.Path, "/")
		return strings.HasSuffix(path, "/query") || strings.HasSuffix(path, "/search")
	}
	return false
}

// retryAfter parses the Retry-After header of h: an HTTP date, as Attio
// sends, or a number of seconds. A date is measured from the response's Date
// header when it has one, so that a skewed local clock does not matter, and
// from now otherwise. It returns 0 when there is no usable header.
func retryAfter(h http.Header, now time.Time) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		const day = int64(24 * time.Hour / time.Second) // beyond any MaxWait; avoids overflow
		return time.Duration(min(max(secs, 0), day)) * time.Second
	}
	at, err := http.ParseTime(v)
	if err != nil {
		return 0
	}
	if date, err := http.ParseTime(h.Get("Date")); err == nil {
		now = date
	}
	return max(at.Sub(now), 0)
}

// sleep waits for d or until ctx is done, whichever comes first, and returns
// ctx's error in the second case.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
