package api

import (
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 12, 3, 16, 0, 0, 0, time.UTC)
	tests := []struct {
		retryAfter, date string
		want             time.Duration
	}{
		{"Wed, 03 Dec 2026 16:00:01 GMT", "", time.Second},
		{"Wed, 03 Dec 2026 16:00:01 GMT", "Wed, 03 Dec 2026 15:59:58 GMT", 3 * time.Second}, // server clock wins
		{"Wed, 03 Dec 2026 15:59:00 GMT", "", 0},                                            // in the past
		{"Wednesday, 03-Dec-26 16:00:02 GMT", "", 2 * time.Second},                          // RFC 850
		{"7", "", 7 * time.Second},
		{" 7 ", "", 7 * time.Second},
		{"-3", "", 0},
		{"99999999999999", "", 24 * time.Hour},
		{"soon", "", 0},
		{"", "", 0},
	}
	for _, tt := range tests {
		h := http.Header{}
		if tt.retryAfter != "" {
			h.Set("Retry-After", tt.retryAfter)
		}
		if tt.date != "" {
			h.Set("Date", tt.date)
		}
		if got := retryAfter(h, now); got != tt.want {
			t.Errorf("retryAfter(%q, Date %q) = %v, want %v", tt.retryAfter, tt.date, got, tt.want)
		}
	}
}

func TestBackoffIsCappedFullJitter(t *testing.T) {
	p := RetryPolicy{BaseDelay: 100 * time.Millisecond, MaxDelay: time.Second}.withDefaults()
	for n, ceiling := range map[int]time.Duration{1: 100 * time.Millisecond, 2: 200 * time.Millisecond, 4: 800 * time.Millisecond, 5: time.Second, 60: time.Second} {
		for range 200 {
			if d := p.backoff(n); d < 0 || d > ceiling {
				t.Fatalf("backoff(%d) = %v, want within [0, %v]", n, d, ceiling)
			}
		}
	}
}

func TestWaitDecision(t *testing.T) {
	p := RetryPolicy{MaxAttempts: 3, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond, MaxWait: time.Minute}
	tests := []struct {
		name     string
		e        Error
		attempt  int
		safe     bool
		want     bool
		wantWait time.Duration // checked when non-zero
	}{
		{"429 unsafe", Error{StatusCode: 429}, 1, false, true, 0},
		{"429 retry-after", Error{StatusCode: 429, RetryAfter: 2 * time.Second}, 1, false, true, 2 * time.Second},
		{"429 retry-after capped", Error{StatusCode: 429, RetryAfter: time.Hour}, 1, false, true, time.Minute},
		{"429 out of attempts", Error{StatusCode: 429}, 3, true, false, 0},
		{"500 safe", Error{StatusCode: 500}, 2, true, true, 0},
		{"500 unsafe", Error{StatusCode: 500}, 1, false, false, 0},
		{"404", Error{StatusCode: 404}, 1, true, false, 0},
		{"transport safe", Error{Err: errTest}, 1, true, true, 0},
		{"transport unsafe", Error{Err: errTest}, 1, false, false, 0},
	}
	for _, tt := range tests {
		wait, again := p.wait(&tt.e, tt.attempt, tt.safe)
		if again != tt.want || (tt.wantWait != 0 && wait != tt.wantWait) {
			t.Errorf("%s: wait = %v, %v; want %v, %v", tt.name, wait, again, tt.wantWait, tt.want)
		}
	}
}

var errTest = errors.New("connection reset")

func TestReplayable(t *testing.T) {
	tests := []struct {
		method, url string
		want        bool
	}{
		{"GET", "/v2/objects/people/records/1", true},
		{"DELETE", "/v2/objects/people/records/1", true},
		{"PUT", "/v2/objects/people/records?matching_attribute=email", true},
		{"POST", "/v2/objects/people/records/query", true},
		{"POST", "/v2/lists/sales/entries/query", true},
		{"POST", "/v2/objects/records/search", true},
		{"POST", "/v2/objects/people/records", false},
		{"POST", "/v2/objects/people/records/queryx", false},
		{"PATCH", "/v2/objects/people/records/1", false},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(tt.method, "https://api.attio.com"+tt.url, strings.NewReader("{}"))
		if got := replayable(req); got != tt.want {
			t.Errorf("replayable(%s %s) = %v", tt.method, tt.url, got)
		}
	}
	req, _ := http.NewRequest("GET", "https://api.attio.com/v2/self", strings.NewReader("{}"))
	req.GetBody = nil // a body that cannot be produced again
	if replayable(req) {
		t.Error("a request whose body cannot be replayed is replayable")
	}
}

func TestExcerpt(t *testing.T) {
	if got := excerpt([]byte("  a\n\tb   c "), 200); got != "a b c" {
		t.Errorf("excerpt = %q", got)
	}
	if got := excerpt([]byte("héllo"), 2); got != "h\uFFFD" {
		t.Errorf("excerpt cut inside a rune = %q", got)
	}
}
