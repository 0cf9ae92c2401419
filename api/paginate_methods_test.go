package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/attio-community/attio-go/api"
	"github.com/attio-community/attio-go/gen"
	openapi_types "github.com/oapi-codegen/runtime/types"
)

// countItems drains an iterator and counts its items, stopping at the
// first error.
func countItems[T any](seq iter.Seq2[T, error]) (int, error) {
	n := 0
	for _, err := range seq {
		if err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// offsetPages answers a limit/offset endpoint with total items (empty
// objects, which every item type decodes), reading limit and offset from
// the query, or from the JSON body of the query endpoints.
func offsetPages(total int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var page struct{ Limit, Offset int }
		if r.Method == http.MethodPost {
			if err := json.NewDecoder(r.Body).Decode(&page); err != nil {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
		} else {
			page.Limit, _ = strconv.Atoi(r.URL.Query().Get("limit"))
			page.Offset, _ = strconv.Atoi(r.URL.Query().Get("offset"))
		}
		n := max(0, min(page.Limit, total-page.Offset))
		jsonReply(200, `{"data":[`+strings.TrimSuffix(strings.Repeat("{},", n), ",")+`]}`)(w, r)
	}
}

// cursorPages answers a cursor endpoint with two items, then one more
// behind the cursor "c2".
func cursorPages(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("cursor") == "c2" {
		jsonReply(200, `{"data":[{}],"pagination":{"next_cursor":null}}`)(w, r)
		return
	}
	jsonReply(200, `{"data":[{},{}],"pagination":{"next_cursor":"c2"}}`)(w, r)
}

// TestEveryIteratorPages runs each paginated operation's iterator over two
// pages: it calls the right operation, asks for the documented page size,
// moves on by offset or cursor, and yields every item once.
func TestEveryIteratorPages(t *testing.T) {
	ctx := context.Background()
	id := openapi_types.UUID{1}
	tests := []struct {
		name, method, path string
		pageSize           int  // the limit sent; 0 for none
		cursor             bool // paged by cursor, else by offset
		run                func(c *api.Client) (int, error)
	}{
		{"Records", "POST", "/v2/objects/people/records/query", 500, false,
			func(c *api.Client) (int, error) { return countItems(c.Records(ctx, "people", gen.Query{})) }},
		{"Entries", "POST", "/v2/lists/sales/entries/query", 500, false,
			func(c *api.Client) (int, error) { return countItems(c.Entries(ctx, "sales", gen.Query{})) }},
		{"Attributes", "GET", "/v2/objects/people/attributes", 100, false,
			func(c *api.Client) (int, error) {
				return countItems(c.Attributes(ctx, gen.AttributeTarget("objects"), "people", nil))
			}},
		{"RecordAttributeValues", "GET", "/v2/objects/people/records/" + id.String() + "/attributes/name/values", 100, false,
			func(c *api.Client) (int, error) {
				return countItems(c.RecordAttributeValues(ctx, "people", id, "name", nil))
			}},
		{"EntryAttributeValues", "GET", "/v2/lists/sales/entries/" + id.String() + "/attributes/stage/values", 100, false,
			func(c *api.Client) (int, error) {
				return countItems(c.EntryAttributeValues(ctx, "sales", id, "stage", nil))
			}},
		{"RecordEntries", "GET", "/v2/objects/people/records/" + id.String() + "/entries", 1000, false,
			func(c *api.Client) (int, error) { return countItems(c.RecordEntries(ctx, "people", id)) }},
		{"Notes", "GET", "/v2/notes", 50, false,
			func(c *api.Client) (int, error) { return countItems(c.Notes(ctx, nil)) }},
		{"Tasks", "GET", "/v2/tasks", 500, false,
			func(c *api.Client) (int, error) { return countItems(c.Tasks(ctx, nil)) }},
		{"Threads", "GET", "/v2/threads", 50, false,
			func(c *api.Client) (int, error) { return countItems(c.Threads(ctx, nil)) }},
		{"Webhooks", "GET", "/v2/webhooks", 100, false,
			func(c *api.Client) (int, error) { return countItems(c.Webhooks(ctx)) }},
		{"Meetings", "GET", "/v2/meetings", 200, true,
			func(c *api.Client) (int, error) { return countItems(c.Meetings(ctx, nil)) }},
		{"CallRecordings", "GET", "/v2/meetings/" + id.String() + "/call_recordings", 200, true,
			func(c *api.Client) (int, error) { return countItems(c.CallRecordings(ctx, id)) }},
		{"Files", "GET", "/v2/files", 200, true,
			func(c *api.Client) (int, error) { return countItems(c.Files(ctx, gen.ListFilesParams{})) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			handler, want := offsetPages(tt.pageSize+3), tt.pageSize+3
			if tt.cursor {
				handler, want = cursorPages, 3
			}
			s := newAPIServer(t, handler)
			n, err := tt.run(newClient(t, s))
			if err != nil || n != want {
				t.Fatalf("%d items, %v; want %d", n, err, want)
			}
			got := s.got()
			if len(got) != 2 {
				t.Fatalf("%d requests, want 2", len(got))
			}
			for i, r := range got {
				if r.Method != tt.method || r.Path != tt.path {
					t.Errorf("request %d: %s %s, want %s %s", i, r.Method, r.Path, tt.method, tt.path)
				}
				sent := r.Query + r.Body
				wantLimit := fmt.Sprintf("limit=%d", tt.pageSize)
				if tt.method == http.MethodPost {
					wantLimit = fmt.Sprintf(`"limit":%d`, tt.pageSize)
				}
				if !strings.Contains(sent, wantLimit) {
					t.Errorf("request %d sent %q, want %s", i, sent, wantLimit)
				}
			}
			wantNext := "cursor=c2"
			switch {
			case tt.cursor:
			case tt.method == http.MethodPost:
				wantNext = fmt.Sprintf(`"offset":%d`, tt.pageSize)
			default:
				wantNext = fmt.Sprintf("offset=%d", tt.pageSize)
			}
			if next := got[1].Query + got[1].Body; !strings.Contains(next, wantNext) {
				t.Errorf("the second request sent %q, want %s", next, wantNext)
			}
		})
	}
}

// TestCallTranscriptYieldsSegments: the transcript is paged by cursor alone
// and each page holds segments, which the iterator yields one by one.
func TestCallTranscriptYieldsSegments(t *testing.T) {
	s := newAPIServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("cursor") == "c2" {
			jsonReply(200, `{"data":{"transcript":[{"speech":"bye"}]},"pagination":{"next_cursor":null}}`)(w, r)
			return
		}
		jsonReply(200, `{"data":{"transcript":[{"speech":"hi"},{"speech":"there"}]},"pagination":{"next_cursor":"c2"}}`)(w, r)
	})
	id := openapi_types.UUID{1}
	var speech []string
	for seg, err := range newClient(t, s).CallTranscript(context.Background(), id, id) {
		if err != nil {
			t.Fatal(err)
		}
		speech = append(speech, seg.Speech)
	}
	got := s.got()
	if strings.Join(speech, " ") != "hi there bye" || len(got) != 2 || got[0].Query != "" || got[1].Query != "cursor=c2" {
		t.Errorf("segments %q from %+v", speech, got)
	}
	if want := "/v2/meetings/" + id.String() + "/call_recordings/" + id.String() + "/transcript"; got[0].Path != want {
		t.Errorf("path %s, want %s", got[0].Path, want)
	}
}
