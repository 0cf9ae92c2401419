package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"github.com/attio-community/attio-go/api"
	"github.com/attio-community/attio-go/gen"
)

// uuid returns a valid UUID that encodes n.
func uuid(n int) string { return fmt.Sprintf("00000000-0000-0000-0000-%012d", n) }

// query returns r's query string with its parameters sorted.
func query(r recorded) string {
	v, _ := url.ParseQuery(r.Query)
	return v.Encode()
}

// recordsQuery answers POST .../records/query from a table of total records,
// honouring the body's limit and offset.
func recordsQuery(total int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var q struct{ Limit, Offset int }
		if err := json.NewDecoder(r.Body).Decode(&q); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		var page []map[string]any
		for i := q.Offset; i < min(q.Offset+q.Limit, total); i++ {
			page = append(page, map[string]any{
				"id":         map[string]string{"workspace_id": uuid(0), "object_id": uuid(1), "record_id": uuid(i)},
				"created_at": "2024-01-01T00:00:00.000000000Z", "web_url": "https://app.attio.com/r", "values": map[string]any{},
			})
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"data": page})
	}
}

func TestRecordsIterator(t *testing.T) {
	s := newAPIServer(t, recordsQuery(1203))
	c := newClient(t, s)
	filter := map[string]any{"name": "Ada"}
	n := 0
	for rec, err := range c.Records(context.Background(), "people", gen.ListRecordsJSONRequestBody{Filter: &filter}) {
		if err != nil {
			t.Fatal(err)
		}
		if got := rec.ID.RecordID.String(); got != uuid(n) {
			t.Fatalf("record %d has ID %s", n, got)
		}
		n++
	}
	got := s.got()
	if n != 1203 || len(got) != 3 {
		t.Fatalf("%d records in %d requests, want 1203 in 3", n, len(got))
	}
	for i, r := range got {
		want := fmt.Sprintf(`{"filter":{"name":"Ada"},"limit":500,"offset":%d}`, i*500)
		if r.Method != "POST" || r.Path != "/v2/objects/people/records/query" || r.Body != want {
			t.Errorf("request %d: %s %s %s, want body %s", i, r.Method, r.Path, r.Body, want)
		}
	}
}

func TestIteratorBreakStopsFetching(t *testing.T) {
	s := newAPIServer(t, recordsQuery(10_000))
	n := 0
	for _, err := range newClient(t, s).Records(context.Background(), "people", gen.ListRecordsJSONRequestBody{}) {
		if err != nil {
			t.Fatal(err)
		}
		if n++; n == 501 {
			break
		}
	}
	if len(s.got()) != 2 {
		t.Errorf("%d requests after breaking at item 501, want 2", len(s.got()))
	}
}

func TestIteratorYieldsErrorOnce(t *testing.T) {
	s := newAPIServer(t, recordsQuery(10_000),
		jsonReply(404, `{"status_code":404,"type":"invalid_request_error","code":"not_found","message":"Object not found"}`))
	var items int
	var errs []error
	for _, err := range newClient(t, s).Records(context.Background(), "people", gen.ListRecordsJSONRequestBody{}) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		items++
	}
	if items != 500 || len(errs) != 1 || !api.IsNotFound(errs[0]) || len(s.got()) != 2 {
		t.Errorf("%d items, errors %v, %d requests", items, errs, len(s.got()))
	}
}

func TestNotesIteratorSendsLimitAndOffset(t *testing.T) {
	s := newAPIServer(t, func(w http.ResponseWriter, r *http.Request) {
		offset, _ := strconv.Atoi(r.URL.Query().Get("offset"))
		var page []map[string]any
		for i := offset; i < min(offset+50, 70); i++ {
			page = append(page, map[string]any{"id": map[string]string{"workspace_id": uuid(0), "note_id": uuid(i)}})
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"data": page})
	})
	object := "people"
	n := 0
	for note, err := range newClient(t, s).Notes(context.Background(), &gen.ListNotesParams{ParentObject: &object}) {
		if err != nil || note.ID.NoteID.String() != uuid(n) {
			t.Fatalf("note %d: %+v, %v", n, note.ID, err)
		}
		n++
	}
	got := s.got()
	if n != 70 || len(got) != 2 || query(got[0]) != "limit=50&offset=0&parent_object=people" || query(got[1]) != "limit=50&offset=50&parent_object=people" {
		t.Errorf("%d notes from %+v", n, got)
	}
}

func TestMeetingsIteratorFollowsCursor(t *testing.T) {
	s := newAPIServer(t, func(w http.ResponseWriter, r *http.Request) {
		pages := map[string]string{
			"":   `{"data":[{"id":{"workspace_id":"` + uuid(0) + `","meeting_id":"` + uuid(1) + `"}}],"pagination":{"next_cursor":"c2"}}`,
			"c2": `{"data":[{"id":{"workspace_id":"` + uuid(0) + `","meeting_id":"` + uuid(2) + `"}}],"pagination":{"next_cursor":null}}`,
		}
		jsonReply(200, pages[r.URL.Query().Get("cursor")])(w, r)
	})
	var ids []string
	for m, err := range newClient(t, s).Meetings(context.Background(), nil) {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, m.ID.MeetingID.String())
	}
	got := s.got()
	if len(ids) != 2 || ids[0] != uuid(1) || ids[1] != uuid(2) || len(got) != 2 || query(got[0]) != "limit=200" || query(got[1]) != "cursor=c2&limit=200" {
		t.Errorf("meetings %v from %+v", ids, got)
	}
}
