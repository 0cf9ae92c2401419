package api

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// Errors from verifying a webhook delivery. [WebhookHandler] answers the
// first two with 401 and the third with 413.
var (
	ErrMissingSignature = errors.New("attio: webhook delivery has no Attio-Signature header")
	ErrInvalidSignature = errors.New("attio: webhook signature does not match the body")
	ErrWebhookTooLarge  = errors.New("attio: webhook delivery body is too large")
)

// MaxWebhookBody bounds the body [VerifyWebhook] reads. Attio's events carry
// IDs only, so real deliveries are far smaller.
const MaxWebhookBody = 1 << 20

// WebhookDelivery is one POST Attio made to a webhook's target URL.
type WebhookDelivery struct {
	// WebhookID identifies the webhook the events were delivered for.
	WebhookID string `json:"webhook_id"`
	// Events are the events delivered, in order.
	Events []WebhookEvent `json:"events"`
	// IdempotencyKey is the delivery's Idempotency-Key header: the same for
	// every retry of one delivery, so a receiver can skip ones it processed.
	IdempotencyKey string `json:"-"`
}

// WebhookEvent is one event of a delivery. Events carry IDs only: fetch the
// record, entry or note through the API to see what changed.
type WebhookEvent struct {
	// EventType is for example "record.created" or "list-entry.updated".
	EventType string `json:"event_type"`
	// ID holds the IDs of the thing that changed; the keys depend on the event
	// type, for example workspace_id, object_id and record_id.
	ID map[string]string `json:"id"`
	// Actor is who caused the event.
	Actor WebhookActor `json:"actor"`
	// Raw is the event's JSON as delivered, including any field not above
	// (such as parent_object_id on list-entry and note events).
	Raw json.RawMessage `json:"-"`
}

// WebhookActor is who caused a webhook event.
type WebhookActor struct {
	// Type is for example "workspace-member", "api-token" or "system".
	Type string `json:"type"`
	// ID identifies the actor; empty for the system.
	ID string `json:"id"`
}

// UnmarshalJSON decodes an event and keeps its JSON in Raw.
func (e *WebhookEvent) UnmarshalJSON(b []byte) error {
	type plain WebhookEvent // without this method
	if err := json.Unmarshal(b, (*plain)(e)); err != nil {
		return err
	}
	e.Raw = append(json.RawMessage(nil), b...)
	return nil
}

// ParseWebhook checks that body, the raw body of a delivery, carries the
// signature Attio makes with the webhook's secret, and only then decodes it.
// The signature is the hex HMAC-SHA256 of the body keyed by secret, in the
// Attio-Signature header (or X-Attio-Signature). It returns
// [ErrMissingSignature] or [ErrInvalidSignature] when the check fails.
func ParseWebhook(secret string, body []byte, header http.Header) (*WebhookDelivery, error) {
	if secret == "" {
		return nil, errors.New("attio: empty webhook secret: anyone could sign deliveries with it")
	}
	sig := header.Get("Attio-Signature")
	if sig == "" {
		sig = header.Get("X-Attio-Signature")
	}
	if sig = strings.TrimSpace(sig); sig == "" {
		return nil, ErrMissingSignature
	}
	got, err := hex.DecodeString(sig)
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	if err != nil || !hmac.Equal(got, mac.Sum(nil)) {
		return nil, ErrInvalidSignature
	}
	d := &WebhookDelivery{IdempotencyKey: header.Get("Idempotency-Key")}
	if err := json.Unmarshal(body, d); err != nil {
		return nil, fmt.Errorf("attio: decoding signed webhook delivery: %w", err)
	}
	return d, nil
}

// VerifyWebhook reads r's body (at most [MaxWebhookBody] bytes, else
// [ErrWebhookTooLarge]) and verifies and decodes it with [ParseWebhook].
func VerifyWebhook(secret string, r *http.Request) (*WebhookDelivery, error) {
	body, err := io.ReadAll(io.LimitReader(r.Body, MaxWebhookBody+1))
	if err != nil {
		return nil, fmt.Errorf("attio: reading webhook delivery: %w", err)
	}
	if len(body) > MaxWebhookBody {
		return nil, ErrWebhookTooLarge
	}
	return ParseWebhook(secret, body, r.Header)
}

// WebhookHandler returns an http.Handler that verifies each delivery with
// [VerifyWebhook] and passes it to handle. It answers 200 when handle
// returns nil, so that Attio marks the delivery done; 500 when handle fails,
// so that Attio delivers it again later; 401 for a bad signature, 413 for an
// oversized body and 400 for a body that is not a delivery.
func WebhookHandler(secret string, handle func(context.Context, *WebhookDelivery) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		d, err := VerifyWebhook(secret, r)
		switch {
		case errors.Is(err, ErrMissingSignature), errors.Is(err, ErrInvalidSignature):
			http.Error(w, "invalid signature", http.StatusUnauthorized)
		case errors.Is(err, ErrWebhookTooLarge):
			http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
		case err != nil:
			http.Error(w, "bad delivery", http.StatusBadRequest)
		case handle(r.Context(), d) != nil:
			http.Error(w, "handler failed", http.StatusInternalServerError)
		default:
			w.WriteHeader(http.StatusOK)
		}
	})
}
