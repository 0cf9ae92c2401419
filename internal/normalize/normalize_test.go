package normalize

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/attio-community/attio-go/internal/fetch"
)

func TestDocumentRejectsNonOpenAPI(t *testing.T) {
	for _, text := range []string{
		"just a string",
		"- a\n- list\n",
		"openapi: 3.1.0\ninfo: {title: t, version: '1'}\n",
	} {
		doc := mustParseYAML(t, text)
		if _, err := Document(doc, nil); err == nil || !strings.Contains(err.Error(), "not an OpenAPI document") {
			t.Errorf("Document(%q) = %v, want an error saying it is not an OpenAPI document", text, err)
		}
	}
}

// Document accepts the document node yaml.Unmarshal fills in, and also
// its root mapping.
func TestDocumentRootMapping(t *testing.T) {
	doc := mustParseYAML(t, docWithThing("type: object\nproperties: {name: {type: string}}"))
	r, err := Document(doc.Content[0], nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.OperationsNamed != 1 {
		t.Errorf("OperationsNamed = %d, want 1", r.OperationsNamed)
	}
	assertNodeAt(t, doc, "/paths/~1v2~1things/get/operationId", "ListThings")
}

// busyDocument exercises every rule, with names to contest, so that an
// iteration over a map anywhere would show as differing output.
func busyDocument() string {
	return docWithOps(`
select-option:
  type: object
  properties:
    title: {type: string}
    created_at: {type: string, format: date, example: "2023-01-01T15:00:00.000000000Z"}
`+strings.TrimPrefix(attributeValue, "\n")+`
  required: [values]
`+strings.Replace(strings.TrimPrefix(colorComponents, "\n"), "thing:\n  type: object\n  properties:\n    name: {type: string}\n", "", 1),
		listThings,
		testOp{method: "get", path: "/v2/widgets", summary: "List widgets", response: dataArray(widgetWith("A widget."))},
		testOp{method: "get", path: "/v2/widgets/{widget_id}", summary: "Get a widget (by ID)",
			parameters: "- {name: widget_id, in: path, required: true, schema: {type: string}}",
			response:   dataObject(widgetWith("The widget.")),
			responses:  "\"404\": {description: Not found, content: {application/json: {schema: {type: object, properties: {code: {type: string, enum: [not_found]}}}}}}"},
		testOp{method: "delete", path: "/v2/widgets/{widget_id}", summary: "Delete a widget",
			parameters: "- {name: widget_id, in: path, required: true, schema: {type: string, format: uuid}}"},
		testOp{method: "post", path: "/v2/widgets", summary: "Create a widget", request: dataObject(`
type: object
properties:
  name: {type: string, nullable: true}
  kind: {type: string, enum: [small, large], nullable: true}
  flag: {anyOf: [{type: boolean}, {type: string, enum: ["true", "false"]}]}
  format: {type: string, enum: [plaintext]}
  values:
    type: object
    properties:
      "[slug_or_id_of_matching_attribute]": {type: array, items: {type: string}}
`), response: dataObject(widgetWith("The created widget."))},
		testOp{method: "get", path: "/v2/options", summary: "List select options", response: dataArray("{$ref: '#/components/schemas/select-option'}")},
	)
}

// The same input gives byte-identical output, run after run.
func TestDocumentDeterministic(t *testing.T) {
	text := busyDocument()
	var first []byte
	var firstReport *Report
	for i := 0; i < 8; i++ {
		doc := mustParseYAML(t, text)
		r, err := Document(doc, mustParseOverlay(t, overlayWith(`
- target: $.components.schemas.alpha.properties.color
  update: {x-attio-name: Color}
- target: $.components.schemas.nowhere
  remove: true
`)))
		if err != nil {
			t.Fatal(err)
		}
		out, err := fetch.Encode(doc)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first, firstReport = out, r
			continue
		}
		if !bytes.Equal(out, first) {
			t.Fatalf("run %d differs from run 1:\n--- run 1\n%s\n--- run %d\n%s", i+1, first, i+1, out)
		}
		if !reflect.DeepEqual(r, firstReport) {
			t.Fatalf("run %d reports %+v, run 1 %+v", i+1, r, firstReport)
		}
	}
}

// Every rule's count shows in the report of one busy document.
func TestDocumentReport(t *testing.T) {
	root, r := normalizeText(t, busyDocument(), "")
	checks := []struct {
		name string
		got  int
	}{
		{"NullableFixed", r.NullableFixed},
		{"TimeFormats", r.TimeFormats},
		{"Placeholders", r.Placeholders},
		{"PathParameters", r.PathParameters},
		{"OperationsNamed", r.OperationsNamed},
		{"ErrorsUnified", r.ErrorsUnified},
		{"ScalarUnions", r.ScalarUnions},
		{"SingleValueEnums", r.SingleValueEnums},
	}
	for _, c := range checks {
		if c.got == 0 {
			t.Errorf("%s = 0", c.name)
		}
	}
	if r.OperationsNamed != 6 {
		t.Errorf("OperationsNamed = %d, want 6", r.OperationsNamed)
	}
	if r.Schemas != len(componentNames(root)) {
		t.Errorf("Schemas = %d, but there are %d components", r.Schemas, len(componentNames(root)))
	}
	assertNodeAt(t, root, "/paths/~1v2~1widgets~1{widget_id}/get/operationId", "GetWidget")
	assertNodeAt(t, root, "/components/schemas/SelectOption/properties/created_at/format", "date-time")
}
