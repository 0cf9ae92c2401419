package fetch

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"gopkg.in/yaml.v3"
)

// goodJSON is a small OpenAPI 3.1 document with the awkward values real
// documents carry: strings that look like numbers and booleans, status-code
// keys, escapes, and multi-line text.
const goodJSON = `{
  "openapi": "3.1.0",
  "info": {"title": "Test API", "version": "2.0", "description": "Line one.\nLine two.\n"},
  "paths": {
    "/v2/objects/{object}": {
      "get": {
        "summary": "Get an object",
        "parameters": [{"name": "object", "in": "path", "required": true, "schema": {"type": "string", "example": "123"}}],
        "responses": {
          "200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object", "properties": {
            "id": {"type": "string", "pattern": "^https:\/\/.*", "example": "\ud83d\ude00"},
            "flag": {"type": "string", "enum": ["true", "false", "yes", "no", "on", "null", "~", "1:30", "0x1F", "1e3", ""]},
            "count": {"type": "integer", "default": 0, "maximum": 1.5e3, "minimum": -1},
            "nothing": {"default": null}, "on": {"const": true}, "empty": {}, "list": []
          }}}}},
          "404": {"description": "Not found"}
        }
      }
    }
  }
}`

// goodYAML is goodJSON written as a person would write YAML: flow and block
// styles mixed, other quoting, comments, unquoted status codes.
const goodYAML = `# A comment that canonical output drops.
openapi: '3.1.0'
info: {title: Test API, version: "2.0", description: "Line one.\nLine two.\n"}
paths:
  /v2/objects/{object}:
    get:
      summary: >-
        Get an
        object
      parameters:
        - {name: object, in: path, required: true, schema: {type: string, example: '123'}}
      responses:
        200: # unquoted: an integer key in YAML, a string in JSON
          description: OK
          content:
            application/json:
              schema:
                type: object
                properties:
                  id: {type: string, pattern: "^https://.*", example: "😀"}
                  flag:
                    type: string
                    enum: ["true", "false", "yes", "no", "on", "null", "~", "1:30", "0x1F", "1e3", ""]
                  count: {type: integer, default: 0, maximum: 1.5e3, minimum: -1}
                  nothing: {default: null}
                  "on": {const: true}
                  empty: {}
                  list: []
        "404": {description: Not found}
`

// writeGood puts a known good spec file in a fresh directory and returns
// its path and content.
func writeGood(t *testing.T) (string, []byte) {
	t.Helper()
	want, err := Canonicalize([]byte(goodJSON))
	if err != nil {
		t.Fatal(err)
	}
	// Make the existing file differ from anything a fetch could produce, so
	// an unwanted rewrite would be visible.
	want = append([]byte("# previous good spec\n"), want...)
	path := filepath.Join(t.TempDir(), "spec", "openapi.yaml")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, want, 0o644); err != nil {
		t.Fatal(err)
	}
	return path, want
}

// assertUnchanged fails unless path holds exactly want and its directory
// holds nothing else (no temporary files left behind).
func assertUnchanged(t *testing.T, path string, want []byte) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("existing spec: %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("existing spec at %s changed:\n%s", path, got)
	}
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %v, want only %s", names, filepath.Base(path))
	}
}

// jsonValue decodes JSON or YAML into plain Go values with JSON's types
// (float64 numbers, string keys), so that documents can be compared by
// meaning rather than by bytes.
func jsonValue(t testing.TB, data []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(data, &v); err == nil {
		return v
	}
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatalf("decode: %v", err)
	}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("re-encode %T as JSON: %v", v, err)
	}
	v = nil
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// assertSameMeaning fails unless canonical YAML decodes to the same values
// as the original document.
func assertSameMeaning(t testing.TB, original, canonical []byte) {
	t.Helper()
	if a, b := jsonValue(t, original), jsonValue(t, canonical); !reflect.DeepEqual(a, b) {
		t.Errorf("canonical YAML means something else than the original:\noriginal:  %v\ncanonical: %v", a, b)
	}
}
