package normalize

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attio-community/attio-go/internal/fetch"
	"github.com/attio-community/attio-go/internal/repo"
	"github.com/speakeasy-api/openapi/overlay"
	"gopkg.in/yaml.v3"
)

// realDocumentPath returns the local copy of Attio's document named by
// ATTIO_OPENAPI_URL (CI sets it). It skips only when the variable is unset;
// a value that names no local file fails, because these tests never use the
// network.
func realDocumentPath(t testing.TB) string {
	t.Helper()
	src := strings.TrimSpace(os.Getenv(fetch.EnvSource))
	if src == "" {
		t.Skipf("%s is not set; set it to a local copy of Attio's OpenAPI document (e.g. ../shared/attio/openapi-2026-03-08.json from the module root) to run this test", fetch.EnvSource)
	}
	path, err := repo.LocalDocument(src)
	if err != nil {
		t.Fatalf("%s: %v", fetch.EnvSource, err)
	}
	return path
}

// normalizeReal parses the canonical document and normalizes it with the
// project's overlay, as the pipeline does. (The pipeline's tests compare
// two runs over the real document byte for byte; TestDocumentDeterministic
// does it here on a small one.)
func normalizeReal(t *testing.T, canonical []byte) (*yaml.Node, *Report) {
	t.Helper()
	overlayPath, err := repo.File("spec/overlay.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ov, err := overlay.Parse(overlayPath)
	if err != nil {
		t.Fatal(err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(canonical, &doc); err != nil {
		t.Fatal(err)
	}
	r, err := Document(&doc, ov)
	if err != nil {
		t.Fatalf("Document: %v", err)
	}
	return &doc, r
}

// TestRealDocument normalizes Attio's document with spec/overlay.yaml and
// checks what the generated client relies on.
func TestRealDocument(t *testing.T) {
	path := realDocumentPath(t)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	canonical, err := fetch.Canonicalize(raw)
	if err != nil {
		t.Fatal(err)
	}
	doc, r := normalizeReal(t, canonical)
	root := doc.Content[0]
	t.Logf("%s: %+v", filepath.Base(path), *r)

	// Every operation has a name of its own.
	owners := map[string]string{}
	ops := 0
	forEachOperation(root, func(p, method string, op *yaml.Node) {
		ops++
		where := strings.ToUpper(method) + " " + p
		id := get(op, "operationId")
		if id == nil || id.Value == "" {
			t.Errorf("%s has no operationId", where)
			return
		}
		if other, ok := owners[id.Value]; ok {
			t.Errorf("%s and %s are both %s", other, where, id.Value)
		}
		owners[id.Value] = where
	})
	if ops == 0 {
		t.Fatal("no operations")
	}

	assertNoNullableKey(t, root)

	// No placeholder property names.
	walk(root, func(n *yaml.Node) {
		pairs(get(n, "properties"), func(name string, _ *yaml.Node) {
			if strings.HasPrefix(name, "[") {
				t.Errorf("a property is named %s", name)
			}
		})
	})

	// Every client error is the one Error.
	errorResponses := 0
	forEachOperation(root, func(p, method string, op *yaml.Node) {
		pairs(get(op, "responses"), func(code string, resp *yaml.Node) {
			if !strings.HasPrefix(code, "4") {
				return
			}
			json := 0
			pairs(get(resp, "content"), func(mediaType string, media *yaml.Node) {
				if !strings.Contains(mediaType, "json") {
					return
				}
				json++
				if r := getPath(media, "schema", "$ref"); r == nil || r.Value != "#/components/schemas/Error" {
					t.Errorf("%s %s %s %s does not refer to Error", strings.ToUpper(method), p, code, mediaType)
				}
			})
			if json == 0 {
				t.Errorf("%s %s %s has no JSON body", strings.ToUpper(method), p, code)
			}
			errorResponses++
		})
	})
	if errorResponses == 0 {
		t.Error("no 4xx responses")
	}

	for _, name := range []string{
		"Record", "Entry", "Object", "Attribute", "SelectOption", "Status", "List",
		"WorkspaceMember", "Note", "Task", "Thread", "Comment", "Meeting",
		"CallRecording", "File", "Webhook", "Error", "AttributeValue", "InputValue",
		"TextValue", "TimestampValue",
	} {
		if !hasComponentNamed(root, name) {
			t.Errorf("no component %s", name)
		}
	}
	assertNodeAt(t, root, "/components/schemas/TimestampValue/properties/value/format", "date-time")

	if strings.Contains(filepath.Base(path), "2026-03-08") {
		if len(r.Unmatched) != 0 {
			t.Errorf("overlay targets matched nothing in the 2026-03-08 document: %q", r.Unmatched)
		}
	} else if len(r.Unmatched) != 0 {
		t.Logf("overlay targets that matched nothing: %q", r.Unmatched)
	}
}
