package normalize

// Regression tests for bugs a review of the rules found: each once failed.

import (
	"slices"
	"strings"
	"testing"
)

// documentNoPanic runs Document and turns a panic into a test failure.
func documentNoPanic(t *testing.T, text string) (r *Report, err error) {
	t.Helper()
	defer func() {
		if p := recover(); p != nil {
			t.Fatalf("Document panicked: %v", p)
		}
	}()
	return Document(mustParseYAML(t, text), nil)
}

// Regression (found in review): a document without components/schemas (valid OpenAPI) panics in
// unifyErrors (set on a nil mapping) instead of getting an Error component.
func TestRegressionDocumentWithoutComponents(t *testing.T) {
	for _, text := range []string{
		"openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /v2/things:\n    get:\n      summary: List things\n      responses: {'200': {description: OK}}\n",
		"openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents: {securitySchemes: {}}\n",
	} {
		doc := mustParseYAML(t, text)
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Errorf("Document panicked: %v\n%s", p, text)
				}
			}()
			if _, err := Document(doc, nil); err != nil {
				t.Errorf("Document: %v", err)
			}
			if nodeAt(doc, "/components/schemas/Error") == nil {
				t.Errorf("no Error component")
			}
		}()
	}
}

// Regression (found in review): an operation with neither operationId nor summary is skipped by
// nameOperations, then the hoister dereferences its missing operationId.
// It should be an error naming the operation, like a collision.
func TestRegressionOperationWithoutSummary(t *testing.T) {
	_, err := documentNoPanic(t, docWithOps("", testOp{method: "get", path: "/v2/things"}))
	if err == nil || !strings.Contains(err.Error(), "GET /v2/things") {
		t.Errorf("Document = %v, want an error naming GET /v2/things", err)
	}
}

// Regression (found in review): singular("statuses") is "statuse", so ListStatuses' resource noun
// is "Statuse" (Attio has "List statuses"; today the Status component
// masks it).
func TestRegressionSingularStatuses(t *testing.T) {
	if got := singular("statuses"); got != "status" {
		t.Errorf("singular(statuses) = %q, want status", got)
	}
	if got := resourceNoun("ListStatuses"); got != "Status" {
		t.Errorf("resourceNoun(ListStatuses) = %q, want Status", got)
	}
	root, _ := normalizeText(t, docWithOps("", testOp{method: "get", path: "/v2/statuses", summary: "List statuses",
		response: dataArray("{type: object, properties: {title: {type: string}, is_archived: {type: boolean}}}")}), "")
	if !hasComponentNamed(root, "Status") {
		t.Errorf("components %v, want Status", componentNames(root))
	}
}

// Regression (found in review): Report.NullableFixed ("schemas whose nullable: true was
// rewritten") counts a nullable enum twice, once for the type and once for
// the null value: 840 for the 2026-03-08 document, which has 534.
func TestRegressionNullableFixedCountsEnumsTwice(t *testing.T) {
	_, r := normalizeText(t, docWithThing("type: object\nproperties:\n  p: {type: integer, enum: [1, 2], nullable: true}"), "")
	if r.NullableFixed != 1 {
		t.Errorf("NullableFixed = %d for one nullable schema, want 1", r.NullableFixed)
	}
}

// The discriminator is the first qualifying property in the first
// branch's order (after attribute_type), as documented.
func TestDiscriminatorFirstInBranchOrder(t *testing.T) {
	root, _ := normalizeText(t, docWithThing(`
type: object
properties:
  u:
    oneOf:
      - {type: object, properties: {source: {type: string, enum: [a]}, kind: {type: string, enum: [x]}}}
      - {type: object, properties: {source: {type: string, enum: [b]}, kind: {type: string, enum: [y]}}}
`), "")
	u := resolveRef(root, mustNodeAt(t, root, "/components/schemas/Thing/properties/u"))
	assertNodeAt(t, u, "/discriminator/propertyName", "source")
}

// Regression (found in review): a nullable schema without a type that is not a bare $ref (the
// 3.0 idiom `allOf: [$ref], nullable: true`, or an any-value schema)
// becomes anyOf [schema, {type: null}], and the hoister then names the
// only non-null branch as a union variant by position: a component
// AVariantA that wraps Other, which the overlay would have to rename.
func TestRegressionNullableWithoutTypeMakesVariantComponents(t *testing.T) {
	root, _ := normalizeText(t, docWithOps(`
thing:
  type: object
  properties:
    a: {nullable: true, allOf: [{$ref: '#/components/schemas/other'}], description: An other.}
    b: {nullable: true, description: Anything.}
other:
  type: object
  properties: {x: {type: string}}
`, listThings), "")
	want := []string{"Error", "Other", "Thing"}
	if got := sortedComponentNames(root); !slices.Equal(got, want) {
		t.Errorf("components %v, want %v", got, want)
		for _, n := range got {
			if strings.Contains(n, "Variant") {
				t.Logf("%s:\n%s", n, yamlText(t, nodeAt(root, "/components/schemas/"+n)))
			}
		}
	}
}
