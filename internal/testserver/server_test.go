package testserver

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestServerValidatesRequests checks that the server answers a valid
// request with a valid body and no violation, and rejects and records
// every kind of invalid request.
func TestServerValidatesRequests(t *testing.T) {
	srv := NewServer(load(t), Variant{})
	hs := httptest.NewServer(srv)
	defer hs.Close()
	const task = "/v2/tasks/649e34f4-c39a-4f4d-99ef-48a36bef8f04"
	tests := []struct {
		name, method, path, body string
		noAuth                   bool
		status                   int
		op, violation            string
	}{
		{name: "valid", method: "GET", path: task, status: 200, op: "GetTask"},
		{name: "valid query", method: "GET", path: "/v2/tasks?limit=10&sort=created_at:desc&is_completed=true", status: 200, op: "ListTasks"},
		{name: "valid body", method: "PATCH", path: task, body: `{"data":{"is_completed":true}}`, status: 200, op: "UpdateTask"},
		{name: "no token", method: "GET", path: task, noAuth: true, status: 401, op: "GetTask", violation: "bearer token"},
		{name: "unknown path", method: "GET", path: "/v2/widgets", status: 404, violation: "matches no operation"},
		{name: "bad path parameter", method: "GET", path: "/v2/tasks/not-a-uuid", status: 400, op: "GetTask", violation: "uuid"},
		{name: "bad query parameter", method: "GET", path: "/v2/tasks?limit=ten", status: 400, op: "ListTasks", violation: "limit"},
		{name: "bad enum", method: "GET", path: "/v2/tasks?sort=sideways", status: 400, op: "ListTasks", violation: "sort"},
		{name: "missing required query", method: "PUT", path: "/v2/objects/people/records", body: `{"data":{"values":{}}}`, status: 400, op: "AssertRecord", violation: "matching_attribute"},
		{name: "body on GET", method: "GET", path: task, body: `{}`, status: 400, op: "GetTask", violation: "takes no request body"},
		{name: "body not JSON", method: "PATCH", path: task, body: `{"data":`, status: 400, op: "UpdateTask", violation: "body"},
		{name: "body wrong type", method: "PATCH", path: task, body: `{"data":{"is_completed":"yes"}}`, status: 400, op: "UpdateTask", violation: "is_completed"},
		{name: "body missing required", method: "PATCH", path: task, body: `{}`, status: 400, op: "UpdateTask", violation: "data"},
		{name: "body unknown field", method: "POST", path: "/v2/comments", body: `{"data":{"format":"plaintext","content":"x","author":{"type":"workspace-member","id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"},"thread_id":"a649e4d9-435c-43fb-83ba-847b4876f27a","surprise":1}}`, status: 400, op: "CreateComment", violation: "surprise"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := len(srv.Log())
			req, _ := http.NewRequest(tt.method, hs.URL+tt.path, strings.NewReader(tt.body))
			if tt.body != "" {
				req.Header.Set("Content-Type", "application/json")
			}
			if !tt.noAuth {
				req.Header.Set("Authorization", "Bearer test")
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d: %s", resp.StatusCode, tt.status, body)
			}
			if !json.Valid(body) {
				t.Errorf("body is not JSON: %s", body)
			}
			log := srv.Log()[before:]
			if len(log) != 1 {
				t.Fatalf("%d exchanges logged, want 1", len(log))
			}
			x := log[0]
			if x.Operation != tt.op {
				t.Errorf("routed to %q, want %q", x.Operation, tt.op)
			}
			if tt.violation == "" {
				if len(x.Violations) > 0 {
					t.Errorf("violations: %v", x.Violations)
				}
				return
			}
			if len(x.Violations) != 1 || x.Violations[0].Kind != "request" || !strings.Contains(x.Violations[0].Message, tt.violation) {
				t.Errorf("violations %v, want one request violation mentioning %q", x.Violations, tt.violation)
			}
		})
	}
}

// TestServerSpecialResponses checks the responses that carry no JSON body
// to decode: a 204 has no body at all, a 302 has a Location.
func TestServerSpecialResponses(t *testing.T) {
	hs := httptest.NewServer(NewServer(load(t), Variant{}))
	defer hs.Close()
	for path, want := range map[string]int{
		"/v2/meetings/cb59ab17-ad15-460c-a126-0715617c0853/call_recordings/e8f2a3b7-9b4d-4c5e-8a1f-3d7b2c5e8f9a": 204,
		"/v2/files/a1b2c3d4-e5f6-7890-abcd-ef1234567890/download":                                                302,
	} {
		method := "GET"
		if want == 204 {
			method = "DELETE"
		}
		req, _ := http.NewRequest(method, hs.URL+path, nil)
		req.Header.Set("Authorization", "Bearer test")
		client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("%s %s: status %d, want %d: %s", method, path, resp.StatusCode, want, body)
		}
		if want == 204 && len(body) > 0 {
			t.Errorf("204 with a body: %s", body)
		}
		if want == 302 && resp.Header.Get("Location") == "" {
			t.Error("302 without a Location")
		}
	}
}
