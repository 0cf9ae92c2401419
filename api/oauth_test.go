package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync/atomic"
	"testing"

	"github.com/attio-community/attio-go/api"
	"golang.org/x/oauth2"
)

func TestOAuth2Config(t *testing.T) {
	cfg := api.OAuth2Config("client-id", "client-secret", "https://example.com/callback")
	if cfg.Endpoint.AuthURL != "https://app.attio.com/authorize" || cfg.Endpoint.TokenURL != "https://app.attio.com/oauth/token" ||
		cfg.Endpoint.AuthStyle != oauth2.AuthStyleInParams || len(cfg.Scopes) != 0 {
		t.Errorf("config = %+v", cfg)
	}
	u, err := url.Parse(cfg.AuthCodeURL("state-123"))
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	want := url.Values{"client_id": {"client-id"}, "response_type": {"code"}, "redirect_uri": {"https://example.com/callback"}, "state": {"state-123"}}
	if u.Host != "app.attio.com" || u.Path != "/authorize" || q.Encode() != want.Encode() {
		t.Errorf("AuthCodeURL = %s, want query %s (no scope)", u, want.Encode())
	}
}

// TestOAuth2ExchangeThenCall runs Attio's flow: exchange a code for a token
// (a long-lived token without refresh token or expiry), then call the API
// with it, many times, without the token ever being refreshed.
func TestOAuth2ExchangeThenCall(t *testing.T) {
	const accessToken = "oauth-access-token-xyz"
	var tokenRequests atomic.Int32
	tokenServer := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tokenRequests.Add(1)
		if err := r.ParseForm(); err != nil {
			t.Error(err)
		}
		want := url.Values{
			"client_id": {"client-id"}, "client_secret": {"client-secret"}, "grant_type": {"authorization_code"},
			"code": {"the-code"}, "redirect_uri": {"https://example.com/callback"},
		}
		if r.Method != http.MethodPost || r.PostForm.Encode() != want.Encode() || r.Header.Get("Authorization") != "" {
			t.Errorf("token request %s %s, form %s, Authorization %q; want form %s",
				r.Method, r.URL, r.PostForm.Encode(), r.Header.Get("Authorization"), want.Encode())
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]string{"access_token": accessToken, "token_type": "Bearer"})
	}))
	defer tokenServer.Close()

	cfg := api.OAuth2Config("client-id", "client-secret", "https://example.com/callback")
	cfg.Endpoint.TokenURL = tokenServer.URL
	ctx := context.Background()
	tok, err := cfg.Exchange(ctx, "the-code")
	if err != nil {
		t.Fatal(err)
	}
	if tok.AccessToken != accessToken || tok.RefreshToken != "" || !tok.Expiry.IsZero() || !tok.Valid() {
		t.Fatalf("token = %+v (valid %v)", tok, tok.Valid())
	}

	s := newAPIServer(t, jsonReply(200, objectJSON))
	c, err := api.NewClient(api.WithTokenSource(cfg.TokenSource(ctx, tok)), api.WithBaseURL(s.URL))
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := api.Result(c.GetObjectWithResponse(ctx, "people")); err != nil {
			t.Fatal(err)
		}
	}
	for i, r := range s.got() {
		if got := r.Header.Get("Authorization"); got != "Bearer "+accessToken {
			t.Errorf("request %d: Authorization = %q", i, got)
		}
	}
	if n := tokenRequests.Load(); n != 1 {
		t.Errorf("token endpoint called %d times, want once: the token was refreshed", n)
	}
}
