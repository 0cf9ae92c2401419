package normalize

import (
	"testing"
)

// attributeValue is a union of attribute values as Attio spells them:
// each variant pins attribute_type to one value. Text, date and
// personal-name have the same shape apart from that value.
const attributeValue = `
value:
  oneOf:
    - type: object
      description: A text value.
      properties:
        attribute_type: {type: string, enum: [text], description: The type of the attribute.}
        value: {type: string}
      required: [attribute_type, value]
    - type: object
      properties:
        attribute_type: {type: string, enum: [number]}
        value: {type: number}
      required: [attribute_type, value]
    - type: object
      properties:
        attribute_type: {type: string, enum: [date]}
        value: {type: string}
      required: [attribute_type, value]
    - type: object
      properties:
        attribute_type: {type: string, enum: [personal-name]}
        value: {type: string}
      required: [attribute_type, value]
thing:
  type: object
  properties:
    values: {type: array, items: {$ref: '#/components/schemas/value'}}
`

func TestDiscriminatedUnion(t *testing.T) {
	root, _ := normalizeText(t, docWithOps(attributeValue, listThings), "")
	u := mustNodeAt(t, root, "/components/schemas/Value")
	// anyOf, not oneOf: without their enums several variants match one
	// value.
	if get(u, "oneOf") != nil {
		t.Errorf("the union is still a oneOf:\n%s", yamlText(t, u))
	}
	variants := []struct{ value, name string }{
		{"text", "TextValue"},
		{"number", "NumberValue"},
		{"date", "DateValue"},
		{"personal-name", "PersonalNameValue"},
	}
	for i, v := range variants {
		assertRefAt(t, u, "/anyOf/"+string(rune('0'+i)), v.name)
		// The discriminator's value left the variant for the mapping;
		// the property stays, a plain string.
		assertNodeAt(t, root, "/components/schemas/"+v.name+"/properties/attribute_type/enum", "")
		if s := mustNodeAt(t, root, "/components/schemas/"+v.name+"/properties/attribute_type"); !hasType(s, "string") {
			t.Errorf("%s.attribute_type is not a string:\n%s", v.name, yamlText(t, s))
		}
		assertNodeAt(t, root, "/components/schemas/"+v.name+"/required", "[attribute_type, value]")
	}
	assertNodeAt(t, u, "/discriminator", `
propertyName: attribute_type
mapping:
  text: '#/components/schemas/TextValue'
  number: '#/components/schemas/NumberValue'
  date: '#/components/schemas/DateValue'
  personal-name: '#/components/schemas/PersonalNameValue'
`)
	// Equal shapes apart from the discriminator value stay distinct types.
	assertNodeAt(t, root, "/components/schemas/TextValue/properties/value", "{type: string}")
	assertNodeAt(t, root, "/components/schemas/DateValue/properties/value", "{type: string}")
	assertNodeAt(t, root, "/components/schemas/PersonalNameValue/properties/value", "{type: string}")
	assertNodeAt(t, root, "/components/schemas/TextValue/description", "A text value.")
	// The variant's prose stays with the property.
	assertNodeAt(t, root, "/components/schemas/TextValue/properties/attribute_type/description", "The type of the attribute.")
	// Each variant is referenced from the union and from the mapping.
	for _, v := range variants {
		if n := countRefsTo(root, v.name); n != 1 {
			t.Errorf("%d $refs to %s, want 1", n, v.name)
		}
	}
}

// A union discriminated by another property names its variants
// <Value><Union>, and keeps a null branch out of the mapping.
func TestDiscriminatorOtherProperty(t *testing.T) {
	root, _ := normalizeText(t, docWithThing(`
type: object
properties:
  filter:
    anyOf:
      - {type: object, properties: {type: {type: string, enum: [and]}, conditions: {type: array, items: {type: string}}}}
      - {type: object, properties: {type: {type: string, enum: [or]}, conditions: {type: array, items: {type: string}}}}
      - {type: "null"}
`), "")
	u := resolveRef(root, mustNodeAt(t, root, "/components/schemas/Thing/properties/filter"))
	assertNodeAt(t, u, "/discriminator", `
propertyName: type
mapping:
  and: '#/components/schemas/AndFilter'
  or: '#/components/schemas/OrFilter'
`)
	assertRefAt(t, u, "/anyOf/0", "AndFilter")
	assertRefAt(t, u, "/anyOf/1", "OrFilter")
	assertNodeAt(t, u, "/anyOf/2", `{type: "null"}`)
}

// attribute_type is the discriminator wherever it is one, before other
// candidates; else the alphabetically first.
func TestDiscriminatorChoice(t *testing.T) {
	tests := []struct {
		name     string
		branches string
		want     string // the discriminator's propertyName, "" for none
	}{
		{
			name: "attribute_type first",
			branches: `
- {type: object, properties: {kind: {type: string, enum: [a]}, attribute_type: {type: string, enum: [text]}}}
- {type: object, properties: {kind: {type: string, enum: [b]}, attribute_type: {type: string, enum: [number]}}}
`,
			want: "attribute_type",
		},
		{
			name: "alphabetical otherwise",
			branches: `
- {type: object, properties: {kind: {type: string, enum: [x]}, source: {type: string, enum: [a]}}}
- {type: object, properties: {kind: {type: string, enum: [y]}, source: {type: string, enum: [b]}}}
`,
			want: "kind",
		},
		{
			name: "a value shared by two branches",
			branches: `
- {type: object, properties: {kind: {type: string, enum: [same]}, a: {type: string}}}
- {type: object, properties: {kind: {type: string, enum: [same]}, b: {type: string}}}
`,
		},
		{
			name: "a branch without the property",
			branches: `
- {type: object, properties: {kind: {type: string, enum: [a]}}}
- {type: object, properties: {other: {type: string}}}
`,
		},
		{
			name: "two values in a branch",
			branches: `
- {type: object, properties: {kind: {type: string, enum: [a, b]}}}
- {type: object, properties: {kind: {type: string, enum: [c]}}}
`,
		},
		{
			name: "not a string",
			branches: `
- {type: object, properties: {kind: {type: integer, enum: [1]}}}
- {type: object, properties: {kind: {type: integer, enum: [2]}}}
`,
		},
		{
			name: "a referenced branch",
			branches: `
- {type: object, properties: {kind: {type: string, enum: [a]}}}
- {$ref: '#/components/schemas/other'}
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, _ := normalizeText(t, docWithOps(`
thing:
  type: object
  properties:
    u:
      oneOf:
`+indentText(tt.branches, 8)+`
other:
  type: object
  properties: {kind: {type: string, enum: [b]}}
`, listThings), "")
			u := resolveRef(root, mustNodeAt(t, root, "/components/schemas/Thing/properties/u"))
			d := get(u, "discriminator")
			switch {
			case tt.want == "" && d != nil:
				t.Errorf("a discriminator:\n%s", yamlText(t, u))
			case tt.want == "" && len(seq(get(u, "anyOf"))) != 2:
				// Every oneOf becomes an anyOf (see inlineSingleValueEnums);
				// an undiscriminated union keeps its branches.
				t.Errorf("the undiscriminated union lost its branches:\n%s", yamlText(t, u))
			case tt.want != "":
				assertNodeAt(t, d, "/propertyName", tt.want)
			}
		})
	}
}
