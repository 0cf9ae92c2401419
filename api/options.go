package api

import (
	"log/slog"
	"net/http"
	"time"

	"golang.org/x/oauth2"
)

// Version is the version of attio-go, sent in the default User-Agent.
const Version = "0.1.0"

// DefaultBaseURL is the Attio API's address.
const DefaultBaseURL = "https://api.attio.com"

// Option configures a [Client] in [NewClient].
type Option func(*config)

// config is what the options set; NewClient turns it into a Client.
type config struct {
	tokens     oauth2.TokenSource
	emptyKey   bool // WithAPIKey("") was the last credential given
	baseURL    string
	httpClient *http.Client
	userAgent  string
	retry      RetryPolicy
	logger     *slog.Logger
}

func defaultConfig() config {
	return config{
		baseURL:    DefaultBaseURL,
		httpClient: &http.Client{Timeout: 60 * time.Second},
		userAgent:  "attio-go/" + Version,
		retry:      defaultRetryPolicy,
		logger:     slog.New(slog.DiscardHandler),
	}
}

// WithBaseURL sends requests to url instead of [DefaultBaseURL], for example
// to a proxy or a test server. Operation paths ("/v2/...") are appended to it.
func WithBaseURL(url string) Option {
	return func(c *config) { c.baseURL = url }
}

// WithHTTPClient sends requests through hc instead of a default client with a
// 60-second timeout per attempt. The client is copied, and the copy never
// follows redirects (see the package documentation); hc itself is not
// modified. A nil hc keeps the default.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config) {
		if hc != nil {
			c.httpClient = hc
		}
	}
}

// WithUserAgent sets the User-Agent header, by default "attio-go/" + [Version].
// A User-Agent set on a request by a request editor takes precedence.
func WithUserAgent(ua string) Option {
	return func(c *config) { c.userAgent = ua }
}

// WithRetry replaces the default retry policy, RetryPolicy{}; zero fields of
// p keep their defaults.
func WithRetry(p RetryPolicy) Option {
	return func(c *config) { c.retry = p.withDefaults() }
}

// WithoutRetry sends every request once: failures are returned at once.
func WithoutRetry() Option {
	return WithRetry(RetryPolicy{MaxAttempts: 1})
}

// WithLogger logs each attempt at Debug (method, path, status, attempt,
// duration) and each retry at Info (rate limited) or Warn (server or
// transport failure). Credentials are never logged. By default nothing is
// logged; a nil logger keeps that default.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) {
		if l != nil {
			c.logger = l
		}
	}
}
