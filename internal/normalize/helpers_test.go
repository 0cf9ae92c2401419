package normalize

import (
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/speakeasy-api/openapi/overlay"
	"gopkg.in/yaml.v3"
)

// The tests in this package feed Document small OpenAPI documents written
// inline as YAML and assert on the document it leaves behind, which is what
// oapi-codegen sees. The helpers below build, run and inspect those
// documents. Their names are long on purpose: they share the package with
// the rules' own helpers (get, set, walk, ...).

// mustParseYAML parses a YAML text into a document node. The inline
// documents are indented with spaces; YAML forbids tabs there.
func mustParseYAML(t testing.TB, text string) *yaml.Node {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		t.Fatalf("parse test YAML: %v\n%s", err, text)
	}
	return &doc
}

// mustParseOverlay parses an OpenAPI Overlay document from a string, as the
// pipeline parses spec/overlay.yaml from its file.
func mustParseOverlay(t testing.TB, text string) *overlay.Overlay {
	t.Helper()
	ov, err := overlay.ParseReader(strings.NewReader(text))
	if err != nil {
		t.Fatalf("parse test overlay: %v\n%s", err, text)
	}
	return ov
}

// overlayWith returns an Overlay 1.0 document (RFC 9535 JSONPath, as the
// project's overlay uses) with the given actions, a YAML sequence at the
// left margin.
func overlayWith(actions string) string {
	return "overlay: 1.0.0\nx-speakeasy-jsonpath: rfc9535\ninfo: {title: test, version: 1.0.0}\nactions:\n" + indentText(actions, 2) + "\n"
}

// normalizeText parses doc, normalizes it with the overlay ov ("" for none)
// and returns the document's root mapping and the report. It fails the
// test when Document returns an error.
func normalizeText(t testing.TB, doc, ov string) (*yaml.Node, *Report) {
	t.Helper()
	root, r, err := normalizeTextErr(t, doc, ov)
	if err != nil {
		t.Fatalf("Document: %v", err)
	}
	return root, r
}

// normalizeTextErr is normalizeText for tests that expect an error.
func normalizeTextErr(t testing.TB, doc, ov string) (*yaml.Node, *Report, error) {
	t.Helper()
	d := mustParseYAML(t, doc)
	var o *overlay.Overlay
	if ov != "" {
		o = mustParseOverlay(t, ov)
	}
	r, err := Document(d, o)
	return d.Content[0], r, err
}

// yamlText renders a node as YAML, for failure messages.
func yamlText(t testing.TB, n *yaml.Node) string {
	t.Helper()
	if n == nil {
		return "<nil>\n"
	}
	out, err := yaml.Marshal(n)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	return string(out)
}

// nodeAt returns the node at a JSON Pointer (RFC 6901) below root:
// "/paths/~1v2~1things/get", with sequence items by index. It returns nil
// when there is none.
func nodeAt(root *yaml.Node, pointer string) *yaml.Node {
	n := root
	if n != nil && n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		n = n.Content[0]
	}
	if pointer == "" {
		return n
	}
	for _, tok := range strings.Split(strings.TrimPrefix(pointer, "/"), "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch {
		case n == nil:
			return nil
		case n.Kind == yaml.MappingNode:
			n = get(n, tok)
		case n.Kind == yaml.SequenceNode:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(n.Content) {
				return nil
			}
			n = n.Content[i]
		default:
			return nil
		}
	}
	return n
}

// mustNodeAt is nodeAt for a node the test needs.
func mustNodeAt(t testing.TB, root *yaml.Node, pointer string) *yaml.Node {
	t.Helper()
	n := nodeAt(root, pointer)
	if n == nil {
		t.Fatalf("nothing at %s in\n%s", pointer, yamlText(t, root))
	}
	return n
}

// decodePlain decodes a node into Go values (maps, slices, scalars), for
// comparisons that ignore key order and styles.
func decodePlain(t testing.TB, n *yaml.Node) any {
	t.Helper()
	if n == nil {
		return nil
	}
	var v any
	if err := n.Decode(&v); err != nil {
		t.Fatalf("decode: %v", err)
	}
	return v
}

// assertNodeAt fails the test unless the node at pointer means the same as
// the YAML text want, key order and styles aside. A want of "" asserts that
// there is no node at pointer.
func assertNodeAt(t testing.TB, root *yaml.Node, pointer, want string) {
	t.Helper()
	got := nodeAt(root, pointer)
	if want == "" {
		if got != nil {
			t.Errorf("%s: want nothing, got\n%s", pointer, yamlText(t, got))
		}
		return
	}
	if got == nil {
		t.Errorf("%s: want\n%s\ngot nothing in\n%s", pointer, want, yamlText(t, root))
		return
	}
	if w := mustParseYAML(t, want); !reflect.DeepEqual(decodePlain(t, got), decodePlain(t, w)) {
		t.Errorf("%s:\nwant\n%s\ngot\n%s", pointer, strings.TrimSpace(want), yamlText(t, got))
	}
}

// componentNames returns the names under components/schemas, in order.
func componentNames(root *yaml.Node) []string {
	var names []string
	pairs(getPath(root, "components", "schemas"), func(k string, _ *yaml.Node) {
		names = append(names, k)
	})
	return names
}

// hasComponentNamed reports whether components/schemas holds name.
func hasComponentNamed(root *yaml.Node, name string) bool {
	return getPath(root, "components", "schemas", name) != nil
}

// countRefsTo counts the references to component schema name anywhere in
// the document, discriminator mappings included.
func countRefsTo(root *yaml.Node, name string) int {
	n := 0
	target := "#/components/schemas/" + name
	walk(root, func(m *yaml.Node) {
		if r := get(m, "$ref"); r != nil && r.Kind == yaml.ScalarNode && r.Value == target {
			n++
		}
	})
	return n
}

// refTo returns the schema text of a reference to component name.
func refTo(name string) string {
	return "{$ref: '#/components/schemas/" + name + "'}"
}

// resolveRef follows n to the component it refers to, if it is a
// reference; else it returns n.
func resolveRef(root, n *yaml.Node) *yaml.Node {
	for i := 0; i < 10 && n != nil; i++ {
		r := get(n, "$ref")
		if r == nil {
			return n
		}
		n = getPath(root, "components", "schemas", strings.TrimPrefix(r.Value, "#/components/schemas/"))
	}
	return n
}

// indentText indents every non-empty line of s by n spaces, so that YAML
// written at the left margin can be placed inside a template.
func indentText(s string, n int) string {
	pad := strings.Repeat(" ", n)
	lines := strings.Split(strings.Trim(s, "\n"), "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			lines[i] = pad + l
		}
	}
	return strings.Join(lines, "\n")
}

// testOp is one operation of a document built by docWithOps. The YAML
// fragments are written at the left margin.
type testOp struct {
	method, path string
	summary      string // omitted when ""
	operationID  string // omitted when ""
	parameters   string // a YAML sequence, or ""
	request      string // the schema of the application/json request body, or ""
	response     string // the schema of the 200 application/json response, or ""
	responses    string // further responses, a YAML mapping, or ""
}

// docWithOps returns an OpenAPI 3.1 document with the given operations and
// components/schemas entries (a YAML mapping, or "" for none). Operations
// on one path share its path item, in the order given.
func docWithOps(components string, ops ...testOp) string {
	var b strings.Builder
	b.WriteString("openapi: 3.1.0\ninfo: {title: test, version: \"1\"}\npaths:\n")
	var order []string
	byPath := map[string][]testOp{}
	for _, op := range ops {
		if byPath[op.path] == nil {
			order = append(order, op.path)
		}
		byPath[op.path] = append(byPath[op.path], op)
	}
	if len(order) == 0 {
		b.WriteString("  {}\n")
	}
	for _, path := range order {
		b.WriteString("  " + strconv.Quote(path) + ":\n")
		for _, op := range byPath[path] {
			b.WriteString("    " + op.method + ":\n")
			if op.summary != "" {
				b.WriteString("      summary: " + strconv.Quote(op.summary) + "\n")
			}
			if op.operationID != "" {
				b.WriteString("      operationId: " + op.operationID + "\n")
			}
			if op.parameters != "" {
				b.WriteString("      parameters:\n" + indentText(op.parameters, 8) + "\n")
			}
			if op.request != "" {
				b.WriteString("      requestBody:\n        content:\n          application/json:\n            schema:\n" + indentText(op.request, 14) + "\n")
			}
			b.WriteString("      responses:\n")
			if op.response != "" {
				b.WriteString("        \"200\":\n          description: OK\n          content:\n            application/json:\n              schema:\n" + indentText(op.response, 16) + "\n")
			}
			if op.responses != "" {
				b.WriteString(indentText(op.responses, 8) + "\n")
			}
			if op.response == "" && op.responses == "" {
				b.WriteString("        \"204\": {description: No content}\n")
			}
		}
	}
	b.WriteString("components:\n  schemas:\n")
	if strings.TrimSpace(components) == "" {
		b.WriteString("    {}\n")
	} else {
		b.WriteString(indentText(components, 4) + "\n")
	}
	return b.String()
}

// listThings is an operation whose 200 response lists component "thing".
var listThings = testOp{method: "get", path: "/v2/things", summary: "List things", response: `
type: object
properties:
  data:
    type: array
    items: {$ref: '#/components/schemas/thing'}
`}

// docWithThing returns a document with one operation, listThings, and
// one component, thing, the given schema. Rules that walk every schema see
// it there; the hoister keeps it, named Thing, and names what it holds
// after it.
func docWithThing(schema string) string {
	return docWithOps("thing:\n"+indentText(schema, 2), listThings)
}

// assertRefAt fails the test unless the schema at pointer refers to
// component name. The use may carry its own description beside the $ref.
func assertRefAt(t testing.TB, root *yaml.Node, pointer, name string) {
	t.Helper()
	n := nodeAt(root, pointer)
	if r := get(n, "$ref"); r == nil || r.Value != "#/components/schemas/"+name {
		t.Errorf("%s: want a reference to %s, got\n%s", pointer, name, yamlText(t, n))
		return
	}
	for _, k := range []string{"type", "properties", "anyOf", "oneOf", "allOf", "enum", "items"} {
		if get(n, k) != nil {
			t.Errorf("%s: %s beside the reference:\n%s", pointer, k, yamlText(t, n))
		}
	}
}

// normalizeProperty normalizes a document whose component Thing has one
// property p with the given schema (YAML flow text), beside a component
// Other for p to refer to.
func normalizeProperty(t *testing.T, property string) (*yaml.Node, *Report) {
	t.Helper()
	return normalizeText(t, docWithOps(`
thing:
  type: object
  properties:
    p: `+property+`
other:
  type: object
  properties: {x: {type: string}}
`, listThings), "")
}
