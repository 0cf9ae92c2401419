package api

import (
	"errors"
	"fmt"
	"net/http"

	"golang.org/x/oauth2"
)

// ErrNoCredentials is returned by [NewClient] when it is given neither an API
// key nor a token source, or an empty API key: every Attio call needs one,
// and failing at construction beats a 401 on the first call.
var ErrNoCredentials = errors.New("attio: no credentials: use WithAPIKey or WithTokenSource")

// WithAPIKey authenticates with an Attio API key (an access token created in
// the workspace's developer settings). It replaces any earlier credential
// option. An empty key makes NewClient fail with [ErrNoCredentials].
func WithAPIKey(key string) Option {
	return func(c *config) {
		c.tokens, c.emptyKey = nil, key == ""
		if key != "" {
			c.tokens = oauth2.StaticTokenSource(&oauth2.Token{AccessToken: key, TokenType: "Bearer"})
		}
	}
}

// WithTokenSource authenticates with tokens from ts, asked once per call,
// typically an OAuth 2.0 access token obtained through [OAuth2Config]. It
// replaces any earlier credential option.
func WithTokenSource(ts oauth2.TokenSource) Option {
	return func(c *config) { c.tokens, c.emptyKey = ts, false }
}

// checkCredentials returns the error NewClient reports for c's credentials.
func (c *config) checkCredentials() error {
	switch {
	case c.emptyKey:
		return fmt.Errorf("%w (the API key is empty)", ErrNoCredentials)
	case c.tokens == nil:
		return ErrNoCredentials
	}
	return nil
}

// authorize sets req's Authorization header from ts. The token never appears
// in the error.
func authorize(req *http.Request, ts oauth2.TokenSource) error {
	tok, err := ts.Token()
	if err != nil {
		return fmt.Errorf("getting access token: %w", err)
	}
	if tok.AccessToken == "" {
		return errors.New("getting access token: token source returned an empty token")
	}
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	return nil
}
