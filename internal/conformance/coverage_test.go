package conformance

import (
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/attio-community/attio-go/api"
	"github.com/attio-community/attio-go/gen"
	"github.com/attio-community/attio-go/internal/testserver"
)

// TestCoverageComesFromTheSpec adds an operation to the document that the
// generated client lacks and checks that the suite fails it by name: the
// list of operations is the document's, not the suite's.
func TestCoverageComesFromTheSpec(t *testing.T) {
	path, err := testserver.SpecPath()
	if err != nil {
		t.Fatal(err)
	}
	s, err := testserver.Load(path) // a private copy to change
	if err != nil {
		t.Fatal(err)
	}
	resp := openapi3.NewResponse().WithDescription("Success").WithJSONSchema(openapi3.NewObjectSchema())
	op := &openapi3.Operation{OperationID: "ListWidgets", Responses: openapi3.NewResponses(openapi3.WithStatus(200, &openapi3.ResponseRef{Value: resp}))}
	s.Doc.Paths.Set("/v2/widgets", &openapi3.PathItem{Get: op})
	s, err = testserver.New(s.Doc)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(testserver.NewServer(s, testserver.Variant{}))
	defer hs.Close()
	client, err := api.NewClient(api.WithAPIKey(dummyToken), api.WithBaseURL(hs.URL), api.WithoutRetry())
	if err != nil {
		t.Fatal(err)
	}
	var widgets *outcome
	outcomes := conform(s, client, nil, &exceptions{})
	for i, o := range outcomes {
		if o.op.ID == "ListWidgets" {
			widgets = &outcomes[i]
		}
	}
	if len(outcomes) != len(loadSpec(t).Operations)+1 {
		t.Errorf("%d outcomes, want one per operation of the changed document", len(outcomes))
	}
	if widgets == nil || !strings.Contains(widgets.problem, "ListWidgetsWithResponse") {
		t.Fatalf("the new operation's outcome is %+v, want a failure naming ListWidgetsWithResponse", widgets)
	}
}

// TestGeneratedMethodsAreInTheSpec checks the other direction: every
// operation method of the generated client belongs to an operation of the
// document (else gen/ is stale: `make check` says so too).
func TestGeneratedMethodsAreInTheSpec(t *testing.T) {
	s := loadSpec(t)
	typ := reflect.TypeFor[*gen.ClientWithResponses]()
	n := 0
	for i := range typ.NumMethod() {
		name := typ.Method(i).Name
		id, ok := strings.CutSuffix(name, "WithResponse")
		if !ok {
			continue
		}
		id = strings.TrimSuffix(id, "WithBody")
		if s.Operation(id) == nil {
			t.Errorf("*gen.ClientWithResponses.%s has no operation %q in the document: run `make generate`", name, id)
		}
		n++
	}
	if n < len(s.Operations) {
		t.Errorf("%d operation methods for %d operations", n, len(s.Operations))
	}
}
