package testserver

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// schemaDoc is a small document that exercises every rule of Synthesize.
const schemaDoc = `
openapi: 3.1.0
info: {title: t, version: "1"}
paths: {}
components:
  schemas:
    Thing:
      type: object
      required: [id, when, kind, value, tags, maybe]
      properties:
        id: {type: string, format: uuid, example: 11111111-2222-3333-4444-555555555555}
        when: {type: string, format: date-time, example: "2023-01-01T15:00:00.000000000Z"}
        kind: {type: string, enum: [a, b, c]}
        count: {type: integer, example: 7}
        ratio: {type: number}
        code: {type: string, pattern: "^[A-Z]{3}$", example: EUR}
        maybe: {type: [string, "null"], example: here}
        tags: {type: array, items: {type: string, example: tag}}
        value: {$ref: "#/components/schemas/Value"}
        child: {$ref: "#/components/schemas/Thing"}
        extra: {type: object, additionalProperties: {type: boolean}}
    Value:
      anyOf:
        - $ref: "#/components/schemas/Text"
        - $ref: "#/components/schemas/Number"
        - type: "null"
      discriminator:
        propertyName: type
        mapping: {text: "#/components/schemas/Text", number: "#/components/schemas/Number"}
    Text:
      type: object
      required: [type, text]
      properties: {type: {type: string}, text: {type: string, example: hello}}
    Number:
      type: object
      required: [type, number]
      properties: {type: {type: string}, number: {type: number, example: 42}}
    BadExample:
      type: object
      required: [values]
      properties:
        values: {type: array, items: {type: string, example: ok}}
      example: {values: "not an array"}
    Unbuildable:
      type: object
      required: [code]
      properties:
        code: {type: string, pattern: "^[A-Z]{3}$"}
`

func schemas(t *testing.T) openapi3.Schemas {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromData([]byte(schemaDoc))
	if err != nil {
		t.Fatal(err)
	}
	return doc.Components.Schemas
}

func synthesize(t *testing.T, s *openapi3.SchemaRef, v Variant) map[string]any {
	t.Helper()
	val, err := Synthesize(s, v)
	if err != nil {
		t.Fatal(err)
	}
	if err := ValidateSchema(s.Value, val); err != nil {
		t.Fatalf("variant %q is invalid: %v", v.Name, err)
	}
	return val.(map[string]any)
}

func TestSynthesizeExamples(t *testing.T) {
	thing := synthesize(t, schemas(t)["Thing"], Variant{})
	want := map[string]any{
		"id": "11111111-2222-3333-4444-555555555555", "when": "2023-01-01T15:00:00.000000000Z",
		"kind": "a", "count": 7.0, "code": "EUR", "maybe": "here", "ratio": Number,
	}
	for k, v := range want {
		if thing[k] != v {
			t.Errorf("%s = %#v, want %#v", k, thing[k], v)
		}
	}
	if _, ok := thing["child"]; ok {
		t.Error("an optional recursion was followed")
	}
	if v := thing["value"].(map[string]any); v["type"] != "text" || v["text"] != "hello" {
		t.Errorf("value = %v, want the text branch with its discriminator", v)
	}
	if e := thing["extra"].(map[string]any); len(e) != 1 {
		t.Errorf("extra = %v, want one additional property", e)
	}
}

func TestSynthesizeVariants(t *testing.T) {
	s := schemas(t)["Thing"]
	nulls := synthesize(t, s, Variant{Name: "nulls", Structural: true, Nulls: true})
	if v, ok := nulls["maybe"]; !ok || v != nil {
		t.Errorf("nulls: maybe = %#v, want null", v)
	}
	if v, ok := nulls["value"]; !ok || v != nil {
		t.Errorf("nulls: value = %#v, want null (the union has a null branch)", v)
	}
	req := synthesize(t, s, Variant{Name: "required", Structural: true, RequiredOnly: true})
	if _, ok := req["count"]; ok {
		t.Error("required-only: optional count present")
	}
	if tags := req["tags"].([]any); len(tags) != 0 {
		t.Errorf("required-only: tags = %v, want empty", tags)
	}
	branch := synthesize(t, s, Variant{Name: "b1", Structural: true, Branch: 1})
	if v := branch["value"].(map[string]any); v["type"] != "number" || v["number"] != Number {
		t.Errorf("branch 1: value = %v, want the number branch", v)
	}
	if branch["kind"] != "b" || branch["when"] != Nanos {
		t.Errorf("branch 1: kind %v, when %v; want b and %s", branch["kind"], branch["when"], Nanos)
	}
	zeros := synthesize(t, s, Variant{Name: "zeros", Structural: true, Zeros: true})
	if zeros["count"] != 0.0 || zeros["maybe"] != "" || zeros["code"] != "EUR" {
		t.Errorf("zeros: count %v maybe %q code %v; want 0, \"\" and the example (no zero matches the pattern)", zeros["count"], zeros["maybe"], zeros["code"])
	}
	if got := len(Variants(s)); got != 4+2 {
		t.Errorf("%d variants, want 4 and one per branch of the widest union (2)", got)
	}
}

func TestSynthesizeSkipsInvalidExamples(t *testing.T) {
	v := synthesize(t, schemas(t)["BadExample"], Variant{})
	if b, _ := json.Marshal(v); string(b) != `{"values":["ok"]}` {
		t.Errorf("got %s, want the invalid object example replaced", b)
	}
}

func TestSynthesizeNamesWhatItCannotBuild(t *testing.T) {
	_, err := Synthesize(schemas(t)["Unbuildable"], Variant{})
	if err == nil || !strings.Contains(err.Error(), "/code") || !strings.Contains(err.Error(), "pattern") {
		t.Errorf("error %v, want one naming /code and its pattern", err)
	}
}

// TestSynthesizeRequestBodies checks that every variant of every request
// body in the normalized document is one the document accepts.
func TestSynthesizeRequestBodies(t *testing.T) {
	for _, op := range load(t).Operations {
		if op.Op.RequestBody == nil {
			continue
		}
		for ct, mt := range op.Op.RequestBody.Value.Content {
			for _, v := range Variants(mt.Schema) {
				val, err := Synthesize(mt.Schema, v)
				if err != nil {
					t.Errorf("%s %s %s: %v", op.ID, ct, v.Name, err)
					continue
				}
				if err := ValidateSchema(mt.Schema.Value, val); err != nil {
					b, _ := json.Marshal(val)
					t.Errorf("%s %s %s: invalid: %v\n%s", op.ID, ct, v.Name, err, b)
				}
			}
		}
	}
}
