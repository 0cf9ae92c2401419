package normalize

import "testing"

func TestPlaceholderProperties(t *testing.T) {
	tests := []struct {
		name   string
		schema string // component thing
		want   string // Thing after normalization
		count  int    // Report.Placeholders
	}{
		{
			name: "Attio's record reference",
			schema: `
type: object
properties:
  target_object: {type: string}
  "[slug_or_id_of_matching_attribute]":
    type: array
    items: {type: string}
required: [target_object, "[slug_or_id_of_matching_attribute]"]
`,
			want: `
type: object
properties:
  target_object: {type: string}
required: [target_object]
additionalProperties:
  type: array
  items: {type: string}
`,
			count: 1,
		},
		{
			name: "the only property, not required",
			schema: `
type: object
properties:
  "[attribute]": {type: string}
`,
			want: `
type: object
properties: {}
additionalProperties: {type: string}
`,
			count: 1,
		},
		{
			name: "half bracketed names are names",
			schema: `
type: object
properties:
  "[open": {type: string}
  "close]": {type: string}
`,
			want: `
type: object
properties:
  "[open": {type: string}
  "close]": {type: string}
`,
			count: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, r := normalizeText(t, docWithThing(tt.schema), "")
			assertNodeAt(t, root, "/components/schemas/Thing", tt.want)
			if r.Placeholders != tt.count {
				t.Errorf("Placeholders = %d, want %d", r.Placeholders, tt.count)
			}
		})
	}
}

// A placeholder inside a request body, as Attio has it, becomes a map in
// the hoisted input type.
func TestPlaceholderInRequestBody(t *testing.T) {
	root, _ := normalizeText(t, docWithOps("", testOp{method: "post", path: "/v2/things", summary: "Create a thing", request: `
type: object
properties:
  data:
    type: object
    properties:
      values:
        type: object
        properties:
          "[slug_or_id_of_matching_attribute]": {type: array, items: {type: string}}
`}), "")
	assertNodeAt(t, root, "/components/schemas/ThingInput/properties/values", `
type: object
properties: {}
additionalProperties: {type: array, items: {type: string}}
`)
}
