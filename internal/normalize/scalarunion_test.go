package normalize

import "testing"

func TestScalarUnions(t *testing.T) {
	tests := []struct {
		name     string
		property string // the schema of property p of component thing
		want     string // p after normalization, references resolved
		count    int    // Report.ScalarUnions
	}{
		{
			name:     "strings described differently",
			property: "{oneOf: [{type: string, description: A slug.}, {type: string, description: An ID.}, {type: string}]}",
			want:     "{type: string}",
			count:    1,
		},
		{
			name:     "one shared format is kept",
			property: "{anyOf: [{type: string, format: uuid, description: A record ID.}, {type: string, format: uuid, description: An entry ID.}]}",
			want:     "{type: string, format: uuid}",
			count:    1,
		},
		{
			name:     "different formats are dropped",
			property: "{anyOf: [{type: string, format: uuid}, {type: string}]}",
			want:     "{type: string}",
			count:    1,
		},
		{
			name:     "the union's own description stays",
			property: "{description: Who is invited., anyOf: [{type: integer}, {type: integer, minimum: 0}]}",
			want:     "{description: Who is invited., type: integer}",
			count:    1,
		},
		{
			name:     "booleans spelled as strings beside a boolean",
			property: `{anyOf: [{type: boolean}, {type: string, enum: ["true", "false"]}]}`,
			want:     "{type: boolean}",
			count:    1,
		},
		{
			name:     "one spelled boolean beside a boolean",
			property: `{oneOf: [{type: string, enum: ["false"]}, {type: boolean}]}`,
			want:     "{type: boolean}",
			count:    1,
		},
		{
			name:     "other strings beside a boolean stay a union",
			property: `{anyOf: [{type: boolean}, {type: string, enum: ["yes", "no"]}]}`,
			want:     `{anyOf: [{type: boolean}, {type: string, enum: ["yes", "no"]}]}`,
			count:    0,
		},
		{
			name:     "different scalar types stay a union",
			property: "{anyOf: [{type: string}, {type: number}]}",
			want:     "{anyOf: [{type: string}, {type: number}]}",
			count:    0,
		},
		{
			name:     "a union with an object is not scalar",
			property: "{anyOf: [{type: string}, {type: object, properties: {id: {type: string}}}]}",
			want:     "",
			count:    0,
		},
		{
			name:     "a union with a reference is not scalar",
			property: "{anyOf: [{type: string}, {$ref: '#/components/schemas/other'}]}",
			want:     "",
			count:    0,
		},
		{
			name:     "one branch is not a union",
			property: "{anyOf: [{type: string, format: uuid}]}",
			want:     "{anyOf: [{type: string, format: uuid}]}",
			count:    0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, r := normalizeProperty(t, tt.property)
			p := resolveRef(root, mustNodeAt(t, root, "/components/schemas/Thing/properties/p"))
			if tt.want != "" {
				// Union branches become references too; compare what
				// they refer to.
				resolved := clone(p)
				for _, key := range []string{"anyOf", "oneOf"} {
					for i, b := range seq(get(resolved, key)) {
						seq(get(resolved, key))[i] = clone(resolveRef(root, b))
					}
				}
				assertNodeAt(t, resolved, "", tt.want)
			} else if get(p, "anyOf") == nil {
				t.Errorf("p is no longer a union:\n%s", yamlText(t, p))
			}
			if r.ScalarUnions != tt.count {
				t.Errorf("ScalarUnions = %d, want %d", r.ScalarUnions, tt.count)
			}
		})
	}
}
