package api_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/attio-community/attio-go/api"
)

const (
	webhookSecret = "whsec_test_secret"
	deliveryJSON  = `{"webhook_id":"0b3c8ba5-9fc4-4ff3-9e43-8b0f4c3f2b6e","events":[{"event_type":"record.created",` +
		`"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"},` +
		`"actor":{"type":"workspace-member","id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"}},` +
		`{"event_type":"list-entry.deleted","id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","list_id":"33ebdbe9-e529-47c9-b894-0ba25e9c15c0","entry_id":"2e6e29ea-c4e0-4f44-842d-78a891f8c156"},` +
		`"parent_object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","actor":{"type":"system","id":null}}]}`
)

// sign returns the signature Attio sends for body.
func sign(secret, body string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(body))
	return hex.EncodeToString(mac.Sum(nil))
}

func delivery(body string, header ...string) *http.Request {
	r := httptest.NewRequest(http.MethodPost, "/attio", strings.NewReader(body))
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	return r
}

func TestVerifyWebhook(t *testing.T) {
	sig := sign(webhookSecret, deliveryJSON)
	d, err := api.VerifyWebhook(webhookSecret, delivery(deliveryJSON, "Attio-Signature", sig, "Idempotency-Key", "key-1"))
	if err != nil {
		t.Fatal(err)
	}
	if d.WebhookID != "0b3c8ba5-9fc4-4ff3-9e43-8b0f4c3f2b6e" || d.IdempotencyKey != "key-1" || len(d.Events) != 2 {
		t.Fatalf("delivery = %+v", d)
	}
	e0, e1 := d.Events[0], d.Events[1]
	if e0.EventType != "record.created" || e0.ID["record_id"] != "bf071e1f-6035-429d-b874-d83ea64ea13b" ||
		e0.Actor != (api.WebhookActor{Type: "workspace-member", ID: "50cf242c-7fa3-4cad-87d0-75b1af71c57b"}) {
		t.Errorf("event 0 = %+v", e0)
	}
	if e1.ID["entry_id"] != "2e6e29ea-c4e0-4f44-842d-78a891f8c156" || e1.Actor.Type != "system" || e1.Actor.ID != "" ||
		!strings.Contains(string(e1.Raw), `"parent_object_id":"97052eb9`) {
		t.Errorf("event 1 = %+v, raw %s", e1, e1.Raw)
	}

	tests := []struct {
		name   string
		secret string
		req    *http.Request
		want   error
	}{
		{"legacy header", webhookSecret, delivery(deliveryJSON, "X-Attio-Signature", sig), nil},
		{"upper-case hex", webhookSecret, delivery(deliveryJSON, "Attio-Signature", strings.ToUpper(sig)), nil},
		{"missing", webhookSecret, delivery(deliveryJSON), api.ErrMissingSignature},
		{"wrong secret", "other", delivery(deliveryJSON, "Attio-Signature", sig), api.ErrInvalidSignature},
		{"body changed", webhookSecret, delivery(deliveryJSON+" ", "Attio-Signature", sig), api.ErrInvalidSignature},
		{"not hex", webhookSecret, delivery(deliveryJSON, "Attio-Signature", "zz"+sig[2:]), api.ErrInvalidSignature},
		{"too large", webhookSecret, delivery(strings.Repeat(" ", api.MaxWebhookBody+1), "Attio-Signature", sig), api.ErrWebhookTooLarge},
	}
	for _, tt := range tests {
		_, err := api.VerifyWebhook(tt.secret, tt.req)
		if (tt.want == nil && err != nil) || !errors.Is(err, tt.want) {
			t.Errorf("%s: error = %v, want %v", tt.name, err, tt.want)
		}
	}
	if _, err := api.VerifyWebhook("", delivery(deliveryJSON, "Attio-Signature", sign("", deliveryJSON))); err == nil {
		t.Error("empty secret accepted")
	}
	if _, err := api.ParseWebhook(webhookSecret, []byte("not json"), http.Header{"Attio-Signature": {sign(webhookSecret, "not json")}}); err == nil {
		t.Error("signed non-JSON body accepted")
	}
}

func TestWebhookHandler(t *testing.T) {
	var handled []*api.WebhookDelivery
	fail := false
	h := api.WebhookHandler(webhookSecret, func(_ context.Context, d *api.WebhookDelivery) error {
		if fail {
			return errors.New("database down")
		}
		handled = append(handled, d)
		return nil
	})
	sig := sign(webhookSecret, deliveryJSON)
	tests := []struct {
		name string
		req  *http.Request
		fail bool
		want int
	}{
		{"ok", delivery(deliveryJSON, "Attio-Signature", sig), false, http.StatusOK},
		{"handler fails", delivery(deliveryJSON, "Attio-Signature", sig), true, http.StatusInternalServerError},
		{"bad signature", delivery(deliveryJSON, "Attio-Signature", sign("x", deliveryJSON)), false, http.StatusUnauthorized},
		{"no signature", delivery(deliveryJSON), false, http.StatusUnauthorized},
		{"too large", delivery(strings.Repeat(" ", api.MaxWebhookBody+1)), false, http.StatusRequestEntityTooLarge},
		{"not a delivery", delivery("[1]", "Attio-Signature", sign(webhookSecret, "[1]")), false, http.StatusBadRequest},
	}
	for _, tt := range tests {
		fail = tt.fail
		w := httptest.NewRecorder()
		h.ServeHTTP(w, tt.req)
		if w.Code != tt.want {
			t.Errorf("%s: status %d, want %d", tt.name, w.Code, tt.want)
		}
	}
	if len(handled) != 1 {
		t.Errorf("handled %d deliveries, want 1", len(handled))
	}
}

// FuzzVerifyWebhook checks that verification never panics, accepts exactly
// the bodies signed with the secret, and never decodes an unsigned body.
// Its seeds are in testdata/fuzz/FuzzVerifyWebhook.
func FuzzVerifyWebhook(f *testing.F) {
	f.Fuzz(func(t *testing.T, secret, body, sig string) {
		r := delivery(body, "Attio-Signature", sig)
		d, err := api.VerifyWebhook(secret, r)
		if d != nil && err != nil {
			t.Fatalf("delivery %+v with error %v", d, err)
		}
		if err == nil && (secret == "" || !strings.EqualFold(strings.TrimSpace(sig), sign(secret, body))) {
			t.Fatalf("accepted body %q with signature %q for secret %q", body, sig, secret)
		}
		_, err = api.VerifyWebhook(secret, delivery(body, "Attio-Signature", sign(secret, body)))
		if secret != "" && len(body) <= api.MaxWebhookBody && (errors.Is(err, api.ErrInvalidSignature) || errors.Is(err, api.ErrMissingSignature)) {
			t.Fatalf("rejected a correctly signed body %q: %v", body, err)
		}
	})
}
