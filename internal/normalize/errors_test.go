package normalize

import "testing"

func TestErrorsUnified(t *testing.T) {
	narrowed := func(code string) string {
		return `
description: Not found
content:
  application/json:
    schema:
      type: object
      properties:
        status_code: {type: number, enum: [404]}
        type: {type: string, enum: [invalid_request_error]}
        code: {type: string, enum: [` + code + `]}
        message: {type: string}
      required: [status_code, type, code, message]
`
	}
	responses := `
"400":
` + indentText(narrowed("validation_type"), 2) + `
"404":
` + indentText(narrowed("not_found"), 2) + `
"409":
  description: Conflict
  content:
    application/problem+json:
      schema: {type: object, properties: {title: {type: string}}}
"429":
  description: Plain text
  content:
    text/plain:
      schema: {type: string}
"500":
  description: Internal
  content:
    application/json:
      schema: {type: object, properties: {oops: {type: string}}}
"4XX":
  description: Any other client error
  content:
    application/json:
      schema: {type: object}
"401":
  description: No body
`
	root, r := normalizeText(t, docWithOps("",
		testOp{method: "get", path: "/v2/things/{id}", summary: "Get a thing", response: "{type: object, properties: {data: {type: object, properties: {id: {type: string}}}}}", responses: responses},
		testOp{method: "delete", path: "/v2/things/{id}", summary: "Delete a thing", responses: "\"404\":\n" + indentText(narrowed("not_found"), 2)},
	), "")
	base := "/paths/~1v2~1things~1{id}/"
	for _, p := range []string{
		"get/responses/400/content/application~1json/schema",
		"get/responses/404/content/application~1json/schema",
		"get/responses/409/content/application~1problem+json/schema",
		"get/responses/500/content/application~1json/schema",
		"get/responses/4XX/content/application~1json/schema",
		"delete/responses/404/content/application~1json/schema",
	} {
		assertRefAt(t, root, base+p, "Error")
	}
	// Not JSON, no body, or not an error: left alone.
	assertNodeAt(t, root, base+"get/responses/429/content/text~1plain/schema", "{type: string}")
	assertNodeAt(t, root, base+"get/responses/401", "{description: No body}")
	if ref := nodeAt(root, base+"get/responses/200/content/application~1json/schema/$ref"); ref != nil {
		t.Errorf("the 200 response refers to %s", ref.Value)
	}
	if r.ErrorsUnified != 6 {
		t.Errorf("ErrorsUnified = %d, want 6", r.ErrorsUnified)
	}
	// One Error component, with open strings: codes the document never
	// lists still decode.
	if n := countRefsTo(root, "Error"); n != 6 {
		t.Errorf("%d references to Error, want 6", n)
	}
	assertNodeAt(t, root, "/components/schemas/Error/required", "[status_code, type, code, message]")
	for _, p := range []string{"type", "code"} {
		s := mustNodeAt(t, root, "/components/schemas/Error/properties/"+p)
		if get(s, "enum") != nil || !hasType(s, "string") {
			t.Errorf("Error.%s is not an open string:\n%s", p, yamlText(t, s))
		}
	}
	assertNodeAt(t, root, "/components/schemas/Error/properties/status_code/type", "integer")
	assertNodeAt(t, root, "/components/schemas/Error/properties/validation_errors/type", "array")
	// The narrowed enums left with the inline schemas: no component holds
	// them.
	for _, name := range componentNames(root) {
		if name != "Error" && name != "Thing" {
			t.Errorf("unexpected component %s:\n%s", name, yamlText(t, nodeAt(root, "/components/schemas/"+name)))
		}
	}
}

// A document with no error responses still gets the Error component, for
// the client's error type.
func TestErrorComponentAlwaysPresent(t *testing.T) {
	root, r := normalizeText(t, docWithThing("type: object\nproperties: {name: {type: string}}"), "")
	if !hasComponentNamed(root, "Error") {
		t.Errorf("no Error component in %v", componentNames(root))
	}
	if r.ErrorsUnified != 0 {
		t.Errorf("ErrorsUnified = %d, want 0", r.ErrorsUnified)
	}
}

func TestNoContentBodiesDropped(t *testing.T) {
	doc := mustParseYAML(t, `openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /v2/things/{id}:
    delete:
      summary: Delete a thing
      responses:
        '204': {description: Gone, content: {application/json: {schema: {type: object}}}}
        '200': {description: OK, content: {application/json: {schema: {type: object}}}}
`)
	r, err := Document(doc, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.NoContentBodies != 1 {
		t.Errorf("NoContentBodies = %d, want 1", r.NoContentBodies)
	}
	if nodeAt(doc, "/paths/~1v2~1things~1{id}/delete/responses/204/content") != nil {
		t.Error("the 204 response still declares a body")
	}
	if nodeAt(doc, "/paths/~1v2~1things~1{id}/delete/responses/200/content") == nil {
		t.Error("the 200 response lost its body")
	}
}
