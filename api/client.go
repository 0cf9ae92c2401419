package api

import (
	"fmt"
	"net/http"
	"net/url"

	"github.com/attio-community/attio-go/gen"
)

// Client calls the Attio REST API. It embeds the generated client, so every
// operation is a method: c.GetRecordWithResponse(ctx, "people", id) returns a
// *gen.GetRecordResponse whose JSON200 field holds the decoded body, or an
// [*Error]. [Result] combines the two. A Client is safe for concurrent use.
//
// Client adds one iterator method per paginated operation, such as
// [Client.Records], built on [Offset] or [Cursor]. Each asks for the largest
// page its endpoint documents (else its documented default, else 100), so
// that a short page reliably marks the end; the Limit, Offset and Cursor
// of the parameters passed are ignored. The parameters are copied when the
// method is called: changing them later has no effect.
type Client struct {
	*gen.ClientWithResponses
}

// NewClient returns a client configured by opts. It needs credentials,
// [WithAPIKey] or [WithTokenSource], and fails with [ErrNoCredentials]
// without them.
func NewClient(opts ...Option) (*Client, error) {
	cfg := defaultConfig()
	for _, opt := range opts {
		opt(&cfg)
	}
	if err := cfg.checkCredentials(); err != nil {
		return nil, err
	}
	if u, err := url.Parse(cfg.baseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("attio: base URL %q is not an absolute http or https URL", cfg.baseURL)
	}
	hc := *cfg.httpClient
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	doer := &transport{client: &hc, tokens: cfg.tokens, userAgent: cfg.userAgent, retry: cfg.retry, log: cfg.logger}
	c, err := gen.NewClientWithResponses(cfg.baseURL, gen.WithHTTPClient(doer))
	if err != nil {
		return nil, fmt.Errorf("attio: %w", err)
	}
	return &Client{ClientWithResponses: c}, nil
}
