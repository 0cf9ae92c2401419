package normalize

import (
	"fmt"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func TestNullable(t *testing.T) {
	tests := []struct {
		name     string
		property string // the schema of property p of component thing
		want     string // p after normalization
		fixed    int    // Report.NullableFixed, or -1 not to check it
	}{
		{
			name:     "scalar type",
			property: "{type: string, nullable: true, description: A name.}",
			want:     `{type: [string, "null"], description: A name.}`,
			fixed:    1,
		},
		{
			name:     "object type",
			property: "{type: object, nullable: true, properties: {x: {type: integer, nullable: true}}}",
			want:     `{type: [object, "null"], properties: {x: {type: [integer, "null"]}}}`,
			fixed:    2,
		},
		{
			name:     "array type",
			property: "{type: array, nullable: true, items: {type: string}}",
			want:     `{type: [array, "null"], items: {type: string}}`,
			fixed:    1,
		},
		{
			name:     "type list already nullable",
			property: `{type: [string, "null"], nullable: true}`,
			want:     `{type: [string, "null"]}`,
			fixed:    1,
		},
		{
			name:     "type list without null",
			property: `{type: [string, integer], nullable: true}`,
			want:     `{type: [string, integer, "null"]}`,
			fixed:    1,
		},
		{
			name:     "nullable false is dropped",
			property: "{type: boolean, nullable: false}",
			want:     "{type: boolean}",
			fixed:    0,
		},
		{
			name:     "without type: a reference",
			property: "{nullable: true, $ref: '#/components/schemas/other'}",
			want:     `{anyOf: [{$ref: '#/components/schemas/Other'}, {type: "null"}]}`,
			fixed:    1,
		},
		{
			name:     "3.1 nullable reference is left alone",
			property: `{anyOf: [{$ref: '#/components/schemas/other'}, {type: "null"}]}`,
			want:     `{anyOf: [{$ref: '#/components/schemas/Other'}, {type: "null"}]}`,
			fixed:    0,
		},
		{
			name:     "integer enum: null among the values",
			property: "{type: integer, enum: [1, 2], nullable: true}",
			want:     `{type: [integer, "null"], enum: [1, 2, null]}`,
			fixed:    -1,
		},
		{
			name:     "3.1 nullable enum without null among the values",
			property: `{type: [integer, "null"], enum: [1, 2]}`,
			want:     `{type: [integer, "null"], enum: [1, 2, null]}`,
			fixed:    -1,
		},
		{
			name:     "3.1 nullable enum with null among the values",
			property: `{type: [integer, "null"], enum: [1, 2, null]}`,
			want:     `{type: [integer, "null"], enum: [1, 2, null]}`,
			fixed:    0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, r := normalizeProperty(t, tt.property)
			assertNodeAt(t, root, "/components/schemas/Thing/properties/p", tt.want)
			if tt.fixed >= 0 && r.NullableFixed != tt.fixed {
				t.Errorf("NullableFixed = %d, want %d", r.NullableFixed, tt.fixed)
			}
			assertNoNullableKey(t, root)
		})
	}
}

// A nullable string enum is a named Go type; it shares the type of the
// non-null enum with the same values, and the null moves to where it is
// used.
func TestNullableStringEnum(t *testing.T) {
	root, _ := normalizeText(t, docWithThing(`
type: object
properties:
  color: {type: string, enum: [red, green]}
  previous_color: {type: string, enum: [red, green], nullable: true, description: The color before.}
  next_color: {type: [string, "null"], enum: [green, red]}
`), "")
	assertNodeAt(t, root, "/components/schemas/Color", "{type: string, enum: [red, green]}")
	assertRefAt(t, root, "/components/schemas/Thing/properties/color", "Color")
	assertNodeAt(t, root, "/components/schemas/Thing/properties/previous_color",
		`{anyOf: [`+refTo("Color")+`, {type: "null"}], description: The color before.}`)
	// Another order of the values is another enum.
	next := resolveRef(root, mustNodeAt(t, root, "/components/schemas/Thing/properties/next_color/anyOf/0"))
	assertNodeAt(t, next, "", "{type: string, enum: [green, red]}")
	assertNodeAt(t, root, "/components/schemas/Thing/properties/next_color/anyOf/1", `{type: "null"}`)
}

// The rule itself adds null to a nullable string enum's values; the
// hoister then moves it to the use site (above).
func TestFixNullableEnumValues(t *testing.T) {
	s := mustParseYAML(t, "{type: string, enum: [a, b], nullable: true}")
	fixNullable(s)
	assertNodeAt(t, s, "", `{type: [string, "null"], enum: [a, b, null]}`)
	if tag := mustNodeAt(t, s, "/enum/2").Tag; tag != "!!null" {
		t.Errorf("null value tagged %s, want !!null (not the string \"null\")", tag)
	}
	if tag := mustNodeAt(t, s, "/type/1").Tag; tag != "!!str" {
		t.Errorf("null type tagged %s, want !!str (the type name \"null\")", tag)
	}
}

// A property named nullable is a property, not the keyword.
func TestNullablePropertyName(t *testing.T) {
	root, _ := normalizeText(t, docWithThing(`
type: object
properties:
  nullable: {type: boolean}
required: [nullable]
`), "")
	assertNodeAt(t, root, "/components/schemas/Thing/properties/nullable", "{type: boolean}")
}

// assertNoNullableKey fails the test if any schema below n keeps the 3.0
// keyword (a property of that name is not the keyword).
func assertNoNullableKey(t testing.TB, n *yaml.Node) {
	t.Helper()
	var visit func(n *yaml.Node, parentKey, path string)
	visit = func(n *yaml.Node, parentKey, path string) {
		switch n.Kind {
		case yaml.DocumentNode:
			for _, c := range n.Content {
				visit(c, "", path)
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				visit(c, "", fmt.Sprintf("%s/%d", path, i))
			}
		case yaml.MappingNode:
			pairs(n, func(k string, v *yaml.Node) {
				if k == "nullable" && parentKey != "properties" {
					t.Errorf("%s keeps nullable", path)
				}
				visit(v, k, path+"/"+strings.ReplaceAll(strings.ReplaceAll(k, "~", "~0"), "/", "~1"))
			})
		}
	}
	visit(n, "", "")
}
