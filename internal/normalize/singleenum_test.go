package normalize

import "testing"

func TestSingleValueEnums(t *testing.T) {
	tests := []struct {
		name     string
		property string // the schema of property p of component thing
		want     string // p after normalization
		count    int    // Report.SingleValueEnums
	}{
		{
			name:     "string",
			property: "{type: string, enum: [plaintext]}",
			want:     `{type: string, description: Always "plaintext".}`,
			count:    1,
		},
		{
			name:     "described",
			property: "{type: string, enum: [Bearer], description: The token type.}",
			want:     `{type: string, description: The token type. Always "Bearer".}`,
			count:    1,
		},
		{
			name:     "boolean",
			property: "{type: boolean, enum: [false]}",
			want:     `{type: boolean, description: Always "false".}`,
			count:    1,
		},
		{
			name:     "no type: left alone",
			property: "{enum: [x]}",
			want:     "{enum: [x]}",
			count:    0,
		},
		{
			name:     "nullable, one value and null: left alone",
			property: "{type: integer, enum: [1], nullable: true}",
			want:     `{type: [integer, "null"], enum: [1, null]}`,
			count:    0,
		},
		{
			name:     "two values: an enum type",
			property: "{type: string, enum: [asc, desc]}",
			want:     refTo("P"),
			count:    0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, r := normalizeProperty(t, tt.property)
			assertNodeAt(t, root, "/components/schemas/Thing/properties/p", tt.want)
			if r.SingleValueEnums != tt.count {
				t.Errorf("SingleValueEnums = %d, want %d", r.SingleValueEnums, tt.count)
			}
		})
	}
}

// One-value enums are part of a schema's shape: two objects that differ
// only in one are two types, each documenting its value.
func TestSingleValueEnumsKeepShapesApart(t *testing.T) {
	root, _ := normalizeText(t, docWithThing(`
type: object
properties:
  created_by: {type: object, properties: {type: {type: string, enum: [api-token]}, id: {type: string}}}
  updated_by: {type: object, properties: {type: {type: string, enum: [api-token]}, id: {type: string}}}
  deleted_by: {type: object, properties: {type: {type: string, enum: [workspace-member]}, id: {type: string}}}
`), "")
	created := resolveRef(root, mustNodeAt(t, root, "/components/schemas/Thing/properties/created_by"))
	updated := resolveRef(root, mustNodeAt(t, root, "/components/schemas/Thing/properties/updated_by"))
	deleted := resolveRef(root, mustNodeAt(t, root, "/components/schemas/Thing/properties/deleted_by"))
	if created != updated {
		t.Errorf("created_by and updated_by are not one type")
	}
	if created == deleted {
		t.Errorf("deleted_by shares the type of created_by")
	}
	assertNodeAt(t, created, "/properties/type", `{type: string, description: Always "api-token".}`)
	assertNodeAt(t, deleted, "/properties/type", `{type: string, description: Always "workspace-member".}`)
}
