package normalize

import (
	"strings"
	"testing"
)

func TestOperationIDsFromSummaries(t *testing.T) {
	root, r := normalizeText(t, docWithOps("",
		testOp{method: "get", path: "/v2/records", summary: "List records"},
		testOp{method: "post", path: "/v2/records", summary: "Create a record"},
		testOp{method: "delete", path: "/v2/records/{id}", summary: "Delete a record"},
		testOp{method: "patch", path: "/v2/records/{id}", summary: "Update a record (append multiselect values)"},
		testOp{method: "get", path: "/scim/v2/Users", summary: "List SCIM users"},
		// An operationId the document (or the overlay) sets is kept.
		testOp{method: "put", path: "/v2/records/{id}", summary: "Update a record (overwrite multiselect values)", operationID: "OverwriteRecord"},
	), "")
	for pointer, want := range map[string]string{
		"/paths/~1v2~1records/get/operationId":          "ListRecords",
		"/paths/~1v2~1records/post/operationId":         "CreateRecord",
		"/paths/~1v2~1records~1{id}/delete/operationId": "DeleteRecord",
		"/paths/~1v2~1records~1{id}/patch/operationId":  "UpdateRecord",
		"/paths/~1v2~1records~1{id}/put/operationId":    "OverwriteRecord",
		"/paths/~1scim~1v2~1Users/get/operationId":      "ListSCIMUsers",
		// The summary stays: it documents the method.
		"/paths/~1v2~1records~1{id}/delete/summary": "Delete a record",
	} {
		if n := nodeAt(root, pointer); n == nil || n.Value != want {
			t.Errorf("%s = %v, want %q", pointer, n, want)
		}
	}
	if r.OperationsNamed != 5 {
		t.Errorf("OperationsNamed = %d, want 5 (one operation had an operationId)", r.OperationsNamed)
	}
}

func TestOperationIDCollisions(t *testing.T) {
	tests := []struct {
		name string
		ops  []testOp
		// want are substrings of the error: the name and both operations.
		want []string
	}{
		{
			name: "two summaries give one name",
			ops: []testOp{
				{method: "patch", path: "/v2/records/{id}", summary: "Update a record (append multiselect values)"},
				{method: "put", path: "/v2/records/{id}", summary: "Update a record (overwrite multiselect values)"},
			},
			want: []string{"UpdateRecord", "PATCH /v2/records/{id}", "PUT /v2/records/{id}", "spec/overlay.yaml"},
		},
		{
			name: "a summary gives a name set explicitly elsewhere",
			ops: []testOp{
				{method: "get", path: "/v2/a", summary: "Get a thing"},
				{method: "get", path: "/v2/b", summary: "Fetch a thing", operationID: "GetThing"},
			},
			want: []string{"GetThing", "GET /v2/a", "GET /v2/b"},
		},
		{
			name: "articles make no difference",
			ops: []testOp{
				{method: "get", path: "/v2/a", summary: "Get a note"},
				{method: "get", path: "/v2/b", summary: "Get the note"},
				{method: "delete", path: "/v2/c", summary: "Delete note"},
				{method: "delete", path: "/v2/d", summary: "Delete a note"},
			},
			// Both clashes are reported at once, in a stable order.
			want: []string{"DeleteNote (DELETE /v2/c, DELETE /v2/d); GetNote (GET /v2/a, GET /v2/b)"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := normalizeTextErr(t, docWithOps("", tt.ops...), "")
			if err == nil {
				t.Fatal("Document succeeded; want an error naming the clashing operations")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

// The overlay is how a collision is resolved: it runs before the rule.
func TestOperationIDCollisionResolvedByOverlay(t *testing.T) {
	doc := docWithOps("",
		testOp{method: "patch", path: "/v2/records/{id}", summary: "Update a record (append multiselect values)"},
		testOp{method: "put", path: "/v2/records/{id}", summary: "Update a record (overwrite multiselect values)"},
	)
	root, r := normalizeText(t, doc, overlayWith(`
- target: $.paths['/v2/records/{id}'].put
  update: {operationId: OverwriteRecord}
`))
	assertNodeAt(t, root, "/paths/~1v2~1records~1{id}/patch/operationId", "UpdateRecord")
	assertNodeAt(t, root, "/paths/~1v2~1records~1{id}/put/operationId", "OverwriteRecord")
	if len(r.Unmatched) != 0 {
		t.Errorf("Unmatched = %v", r.Unmatched)
	}
}
