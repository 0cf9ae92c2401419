package api

import "golang.org/x/oauth2"

// Endpoint is Attio's OAuth 2.0 endpoint. Attio reads the client credentials
// from the token request's form body (oauth2.AuthStyleInParams).
var Endpoint = oauth2.Endpoint{
	AuthURL:   "https://app.attio.com/authorize",
	TokenURL:  "https://app.attio.com/oauth/token",
	AuthStyle: oauth2.AuthStyleInParams,
}

// OAuth2Config returns the configuration of Attio's authorization-code flow
// for an app with the given client ID, secret and redirect URL:
//
//	cfg := api.OAuth2Config(id, secret, "https://example.com/callback")
//	http.Redirect(w, r, cfg.AuthCodeURL(state), http.StatusFound)
//	// ... in the callback, after checking state:
//	tok, err := cfg.Exchange(ctx, r.FormValue("code"))
//	client, err := api.NewClient(api.WithTokenSource(cfg.TokenSource(ctx, tok)))
//
// Scopes is empty and must stay so: Attio configures scopes on the app and
// takes no scope parameter. Attio's access tokens are long-lived and come
// without a refresh token or an expiry; x/oauth2 treats a token with a zero
// Expiry as valid forever, so the token source above never tries to refresh
// it. Store the token and use it again later with
// oauth2.StaticTokenSource(tok).
func OAuth2Config(clientID, clientSecret, redirectURL string) *oauth2.Config {
	return &oauth2.Config{
		ClientID:     clientID,
		ClientSecret: clientSecret,
		RedirectURL:  redirectURL,
		Endpoint:     Endpoint,
	}
}
