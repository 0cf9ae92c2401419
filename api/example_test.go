package api_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"

	"github.com/attio-community/attio-go/api"
	"github.com/attio-community/attio-go/gen"
	"golang.org/x/oauth2"
)

// fakeAttio stands in for api.attio.com and app.attio.com in the examples.
func fakeAttio() *httptest.Server {
	mux := http.NewServeMux()
	send := func(w http.ResponseWriter, status int, v any) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(v)
	}
	mux.HandleFunc("GET /v2/objects/{object}", func(w http.ResponseWriter, r *http.Request) {
		if r.PathValue("object") != "people" {
			send(w, 404, map[string]any{"status_code": 404, "type": "invalid_request_error", "code": "not_found",
				"message": fmt.Sprintf("Object with slug/ID %q not found.", r.PathValue("object"))})
			return
		}
		send(w, 200, map[string]any{"data": map[string]any{
			"id":       map[string]string{"workspace_id": uuid(0), "object_id": uuid(1)},
			"api_slug": "people", "singular_noun": "Person", "plural_noun": "People", "created_at": "2024-01-01T00:00:00Z",
		}})
	})
	mux.HandleFunc("POST /v2/objects/{object}/records/query", recordsQuery(3))
	var mu sync.Mutex
	records := map[string]json.RawMessage{} // record ID -> values
	record := func(id string) map[string]any {
		return map[string]any{"data": map[string]any{
			"id":         map[string]string{"workspace_id": uuid(0), "object_id": uuid(1), "record_id": id},
			"created_at": "2024-01-01T00:00:00Z", "web_url": "https://app.attio.com/r/" + id, "values": records[id],
		}}
	}
	notFound := func(w http.ResponseWriter, id string) {
		send(w, 404, map[string]any{"status_code": 404, "type": "invalid_request_error", "code": "not_found",
			"message": fmt.Sprintf("Record with ID %q not found.", id)})
	}
	mux.HandleFunc("POST /v2/objects/{object}/records", func(w http.ResponseWriter, r *http.Request) {
		var body struct {
			Data struct{ Values json.RawMessage }
		}
		json.NewDecoder(r.Body).Decode(&body)
		mu.Lock()
		defer mu.Unlock()
		id := uuid(100 + len(records))
		records[id] = body.Data.Values
		send(w, 200, record(id))
	})
	mux.HandleFunc("GET /v2/objects/{object}/records/{id}", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if _, ok := records[r.PathValue("id")]; !ok {
			notFound(w, r.PathValue("id"))
			return
		}
		send(w, 200, record(r.PathValue("id")))
	})
	mux.HandleFunc("DELETE /v2/objects/{object}/records/{id}", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if _, ok := records[r.PathValue("id")]; !ok {
			notFound(w, r.PathValue("id"))
			return
		}
		delete(records, r.PathValue("id"))
		send(w, 200, map[string]any{})
	})
	mux.HandleFunc("POST /oauth/token", func(w http.ResponseWriter, r *http.Request) {
		send(w, 200, map[string]string{"access_token": "access-token-for-" + r.FormValue("code"), "token_type": "Bearer"})
	})
	return httptest.NewServer(mux)
}

func ExampleNewClient() {
	srv := fakeAttio()
	defer srv.Close()

	client, err := api.NewClient(
		api.WithAPIKey("your-api-key"), // for example os.Getenv("ATTIO_API_KEY")
		api.WithBaseURL(srv.URL),       // omit to call https://api.attio.com
	)
	if err != nil {
		log.Fatal(err)
	}
	object, err := api.Result(client.GetObjectWithResponse(context.Background(), "people"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(*object.Data.APISlug, *object.Data.SingularNoun)
	// Output: people Person
}

func ExampleOAuth2Config() {
	srv := fakeAttio()
	defer srv.Close()
	ctx := context.Background()

	cfg := api.OAuth2Config("client-id", "client-secret", "https://example.com/attio/callback")
	cfg.Endpoint.TokenURL = srv.URL + "/oauth/token" // omit to use app.attio.com

	// Send the user to Attio to approve the app...
	fmt.Println(strings.Split(cfg.AuthCodeURL("state-1234"), "?")[0])
	// ...and exchange the code Attio sends back to the redirect URL.
	tok, err := cfg.Exchange(ctx, "code-from-callback")
	if err != nil {
		log.Fatal(err)
	}
	// Attio's tokens do not expire: store tok, and use it with
	// oauth2.StaticTokenSource(tok) later.
	fmt.Println(tok.Expiry.IsZero(), tok.RefreshToken == "")

	client, err := api.NewClient(api.WithTokenSource(oauth2.StaticTokenSource(tok)), api.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	_, err = client.GetObjectWithResponse(ctx, "people")
	fmt.Println(err)
	// Output:
	// https://app.attio.com/authorize
	// true true
	// <nil>
}

func ExampleError() {
	srv := fakeAttio()
	defer srv.Close()
	client, err := api.NewClient(api.WithAPIKey("your-api-key"), api.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}

	_, err = client.GetObjectWithResponse(context.Background(), "unicorns")
	fmt.Println(api.IsNotFound(err))
	var e *api.Error
	if errors.As(err, &e) {
		fmt.Println(e.StatusCode, e.Code == api.CodeNotFound, e.Message)
	}
	fmt.Println(err)
	// Output:
	// true
	// 404 true Object with slug/ID "unicorns" not found.
	// attio: GET /v2/objects/unicorns: 404 not_found: Object with slug/ID "unicorns" not found.
}

// Create a person, read the record back, then delete it.
func Example_records() {
	srv := fakeAttio()
	defer srv.Close()
	client, err := api.NewClient(api.WithAPIKey("your-api-key"), api.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	// Values are unions: build each from the input type of its attribute.
	email := "ada@example.com"
	var value gen.InputValue
	if err := value.FromEmailAddressInput(gen.EmailAddressInput{EmailAddress: &email}); err != nil {
		log.Fatal(err)
	}
	created, err := api.Result(client.CreateRecordWithResponse(ctx, "people", gen.CreateRecordJSONRequestBody{
		Data: gen.CreateRecordInput{Values: map[string][]gen.InputValue{"email_addresses": {value}}},
	}))
	if err != nil {
		log.Fatal(err)
	}
	id := created.Data.ID.RecordID
	fmt.Println("created", id)

	got, err := api.Result(client.GetRecordWithResponse(ctx, "people", id))
	if err != nil {
		log.Fatal(err)
	}
	for _, v := range got.Data.Values["email_addresses"] {
		e, err := v.AsEmailAddressValue()
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("email", e.EmailAddress)
	}

	if _, err := client.DeleteRecordWithResponse(ctx, "people", id); err != nil {
		log.Fatal(err)
	}
	_, err = client.GetRecordWithResponse(ctx, "people", id)
	fmt.Println("found after delete:", !api.IsNotFound(err))
	// Output:
	// created 00000000-0000-0000-0000-000000000100
	// email ada@example.com
	// found after delete: false
}

func ExampleClient_Records() {
	srv := fakeAttio()
	defer srv.Close()
	client, err := api.NewClient(api.WithAPIKey("your-api-key"), api.WithBaseURL(srv.URL))
	if err != nil {
		log.Fatal(err)
	}

	// Every person, fetched page by page as the loop goes.
	for record, err := range client.Records(context.Background(), "people", gen.ListRecordsJSONRequestBody{}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(record.ID.RecordID)
	}
	// Output:
	// 00000000-0000-0000-0000-000000000000
	// 00000000-0000-0000-0000-000000000001
	// 00000000-0000-0000-0000-000000000002
}

func ExampleWebhookHandler() {
	secret := "the secret returned when the webhook was created"
	handler := api.WebhookHandler(secret, func(ctx context.Context, d *api.WebhookDelivery) error {
		for _, ev := range d.Events {
			fmt.Println(ev.EventType, ev.ID["record_id"], "by", ev.Actor.Type)
		}
		return nil // 200: Attio will not deliver it again
	})

	// What Attio sends:
	body := `{"webhook_id":"` + uuid(9) + `","events":[{"event_type":"record.created",` +
		`"id":{"workspace_id":"` + uuid(0) + `","object_id":"` + uuid(1) + `","record_id":"` + uuid(2) + `"},` +
		`"actor":{"type":"api-token","id":"` + uuid(3) + `"}}]}`
	mac := hmac.New(sha256.New, []byte(secret))
	io.WriteString(mac, body)
	req := httptest.NewRequest("POST", "/attio/webhook", strings.NewReader(body))
	req.Header.Set("Attio-Signature", hex.EncodeToString(mac.Sum(nil)))

	rec := httptest.NewRecorder()
	handler.ServeHTTP(rec, req)
	fmt.Println(rec.Code)
	// Output:
	// record.created 00000000-0000-0000-0000-000000000002 by api-token
	// 200
}
