package normalize

import (
	"reflect"
	"strings"
	"testing"
)

func TestOverlay(t *testing.T) {
	doc := docWithThing(`
type: object
properties:
  name: {type: string}
  legacy: {type: string}
`)
	root, r := normalizeText(t, doc, overlayWith(`
- target: $.paths['/v2/things'].get
  update: {operationId: ListAllThings}
- target: $.components.schemas.thing.properties.legacy
  remove: true
- target: $.components.schemas.thing.properties.name
  update: {description: The thing's name.}
- target: $.components.schemas.missing
  update: {description: Not in this version of the document.}
- target: $.paths['/v2/gone'].get
  remove: true
`))
	// Matched actions applied, before the rules: the operationId from the
	// overlay is kept, and the component is renamed after the overlay
	// targeted it by its old name.
	assertNodeAt(t, root, "/paths/~1v2~1things/get/operationId", "ListAllThings")
	assertNodeAt(t, root, "/components/schemas/Thing/properties/legacy", "")
	assertNodeAt(t, root, "/components/schemas/Thing/properties/name", "{type: string, description: The thing's name.}")
	// Unmatched targets are reported, in overlay order, and not fatal.
	want := []string{"$.components.schemas.missing", "$.paths['/v2/gone'].get"}
	if !reflect.DeepEqual(r.Unmatched, want) {
		t.Errorf("Unmatched = %q, want %q", r.Unmatched, want)
	}
	if r.OperationsNamed != 0 {
		t.Errorf("OperationsNamed = %d, want 0: the overlay named the only operation", r.OperationsNamed)
	}
}

func TestOverlayAllMatched(t *testing.T) {
	_, r := normalizeText(t, docWithThing("type: object\nproperties: {name: {type: string}}"), overlayWith(`
- target: $.components.schemas.thing
  update: {description: A thing.}
`))
	if r.Unmatched != nil {
		t.Errorf("Unmatched = %q, want none", r.Unmatched)
	}
}

func TestNoOverlay(t *testing.T) {
	_, r := normalizeText(t, docWithThing("type: object\nproperties: {name: {type: string}}"), "")
	if r.Unmatched != nil {
		t.Errorf("Unmatched = %q without an overlay", r.Unmatched)
	}
}

func TestOverlayBadTarget(t *testing.T) {
	_, _, err := normalizeTextErr(t, docWithThing("type: object\nproperties: {name: {type: string}}"), overlayWith(`
- target: $.components.schemas.thing
  update: {description: A thing.}
- target: $.components[?(
  update: {description: broken}
`))
	if err == nil {
		t.Fatal("Document accepted an overlay target that is not JSONPath")
	}
	if !strings.Contains(err.Error(), "overlay action 2") {
		t.Errorf("error %q does not say which action", err)
	}
}
