package normalize

import "testing"

func TestPathParameters(t *testing.T) {
	param := func(name, schema string) string {
		return "- {name: " + name + ", in: path, required: true, schema: " + schema + "}"
	}
	root, r := normalizeText(t, docWithOps("",
		testOp{method: "get", path: "/v2/{object}/records/{record_id}", summary: "Get a record",
			parameters: param("object", "{type: string, enum: [people, companies]}") + "\n" +
				param("record_id", "{type: string, description: The record.}")},
		testOp{method: "delete", path: "/v2/{object}/records/{record_id}", summary: "Delete a record",
			parameters: param("object", "{type: string, enum: [companies, people]}") + "\n" +
				param("record_id", "{type: string, format: uuid}")},
		testOp{method: "patch", path: "/v2/{object}/records/{record_id}", summary: "Update a record",
			parameters: param("object", "{type: string, enum: [people, companies], description: 'Same values, other prose.'}") + "\n" +
				param("record_id", "{type: string, format: uuid, example: 891dcbfc-9141-415d-9b2a-2238a6cc012d}") + "\n" +
				// A query parameter of the same name is not a path parameter.
				"- {name: record_id, in: query, schema: {type: integer}}"},
	), "")
	// record_id: the first schema with a format wins, also for the
	// operation before it.
	for _, method := range []string{"get", "delete", "patch"} {
		p := "/paths/~1v2~1{object}~1records~1{record_id}/" + method + "/parameters/1/schema"
		if f := nodeAt(root, p+"/format"); f == nil || f.Value != "uuid" {
			t.Errorf("%s: format %v, want uuid:\n%s", p, f, yamlText(t, nodeAt(root, p)))
		}
	}
	assertNodeAt(t, root, "/paths/~1v2~1{object}~1records~1{record_id}/patch/parameters/2/schema", "{type: integer}")
	// object: no format anywhere, so the first; the enum in another order
	// is replaced, and all three are one Go type.
	first := mustNodeAt(t, root, "/paths/~1v2~1{object}~1records~1{record_id}/get/parameters/0/schema")
	assertNodeAt(t, resolveRef(root, first), "", "{type: string, enum: [people, companies]}")
	for _, method := range []string{"delete", "patch"} {
		p := "/paths/~1v2~1{object}~1records~1{record_id}/" + method + "/parameters/0/schema/$ref"
		assertNodeAt(t, root, p, yamlText(t, mustNodeAt(t, first, "/$ref")))
	}
	// Replaced: GetRecord's record_id (no format) and DeleteRecord's
	// object (other order). Schemas that differ only in prose are kept.
	if r.PathParameters != 2 {
		t.Errorf("PathParameters = %d, want 2", r.PathParameters)
	}
}
