package normalize

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"github.com/oapi-codegen/oapi-codegen/v2/pkg/codegen"

	"gopkg.in/yaml.v3"
)

// Attio gives JSON null a meaning in request bodies: it clears a field
// (UpdateTask deadline_at, UpdateAttribute description) or makes a list
// private (UpdateList workspace_access). oapi-codegen generates an optional
// nullable property as *T with omitempty, where nil means "absent", so a
// typed request body could not say null at all.
//
// markRequestNulls gives each such property, in every schema a request body
// reaches, oapi-codegen's own tri-state type instead:
//
//	x-go-type: nullable.Nullable[T]
//	x-go-type-import: {path: github.com/oapi-codegen/nullable}
//	x-go-type-skip-optional-pointer: true
//
// A nil Nullable is omitted (omitempty), nullable.NewNullNullable[T]()
// sends null, and nullable.NewNullableWithValue(v) sends v. oapi-codegen
// honours x-go-type before anything else in a property's schema, beside a
// $ref as well as inline (it reads the extensions next to a $ref first), so
// the extensions go on the property's own schema and never on a component:
// a component's type stays what it is everywhere. Without
// x-go-type-skip-optional-pointer an optional field would be
// *nullable.Nullable[T], which the package warns against.
//
// Response types keep *T: a Go caller reading a response rarely needs to
// tell null from absent, and a pointer is simpler to read. A component that
// a response reaches too is one Go type for both, so it is left alone and
// listed as skipped: in Attio's document that is Actor (the created_by_actor
// of every value, reached by requests only through an interaction input's
// owner_actor), whose fields every response reader uses.
//
// It runs after hoisting, so that T can name the component a property
// refers to. T is computed from the non-null part of the property's schema,
// the way oapi-codegen would type it with the project's configuration (see
// goScalarType); a property whose non-null part is an inline object, a
// union, an inline enum or an array of those is left as it was and
// reported as skipped.

// nullableImportPath is the module of oapi-codegen's tri-state type.
const nullableImportPath = "github.com/oapi-codegen/nullable"

// requestNulls is what markRequestNulls did.
type requestNulls struct {
	// Marked lists the properties given nullable.Nullable[T], each as
	// "Component.property" or "Operation request.path.to.property", with
	// its Go type: "UpdateTaskInput.deadline_at nullable.Nullable[time.Time]".
	Marked []string
	// Skipped lists the optional nullable request properties left as *T,
	// with why.
	Skipped []string
	// Shared counts the components left alone because a response reaches
	// them too.
	Shared int
}

// markRequestNulls marks the optional nullable properties of every schema
// a JSON request body reaches.
func markRequestNulls(root *yaml.Node) requestNulls {
	m := &nullMarker{
		schemas:   getPath(root, "components", "schemas"),
		seen:      map[*yaml.Node]bool{},
		responses: responseComponents(root),
		shared:    map[string]bool{},
	}
	forEachOperation(root, func(_, _ string, op *yaml.Node) {
		id := "?"
		if n := get(op, "operationId"); n != nil {
			id = n.Value
		}
		body := get(op, "requestBody")
		if ref := get(body, "$ref"); ref != nil {
			name, _ := strings.CutPrefix(ref.Value, "#/components/requestBodies/")
			body = getPath(root, "components", "requestBodies", name)
		}
		pairs(get(body, "content"), func(mediaType string, media *yaml.Node) {
			// Only JSON: a form body has no null to send.
			if strings.Contains(mediaType, "json") {
				m.visit(get(media, "schema"), id+" request", "")
			}
		})
	})
	return requestNulls{Marked: m.marked, Skipped: m.skipped, Shared: len(m.shared)}
}

// nullMarker holds the state of one markRequestNulls run.
type nullMarker struct {
	schemas   *yaml.Node
	seen      map[*yaml.Node]bool
	responses map[string]bool // components a response reaches
	shared    map[string]bool // components skipped for that
	marked    []string
	skipped   []string
}

// visit marks the properties of schema s and of every schema below it.
// where names s in the lists of marked and skipped properties; comp is the
// component s is part of, "" for an inline request body.
func (m *nullMarker) visit(s *yaml.Node, where, comp string) {
	if s == nil || s.Kind != yaml.MappingNode || m.seen[s] {
		return
	}
	m.seen[s] = true
	if name, ok := componentRef(s); ok {
		m.visit(get(m.schemas, name), name, name)
	}
	required := map[string]bool{}
	for _, r := range scalars(get(s, "required")) {
		required[r] = true
	}
	pairs(get(s, "properties"), func(prop string, p *yaml.Node) {
		at := where + "." + prop
		if !required[prop] && p.Kind == yaml.MappingNode && m.nullable(p) {
			m.mark(p, at, comp)
		}
		m.visit(p, at, comp)
	})
	m.visit(get(s, "items"), where+"[]", comp)
	m.visit(get(s, "additionalProperties"), where+"{}", comp)
	for _, k := range []string{"allOf", "anyOf", "oneOf"} {
		for _, b := range seq(get(s, k)) {
			m.visit(b, where, comp)
		}
	}
}

// mark gives property schema p, at where in component comp ("" for an
// inline request body), the type nullable.Nullable[T], or records why it
// cannot.
func (m *nullMarker) mark(p *yaml.Node, where, comp string) {
	if m.responses[comp] {
		m.shared[comp] = true
		m.skipped = append(m.skipped, where+": "+comp+" is a response type too")
		return
	}
	t, why := m.nonNullGoType(p)
	goType := "nullable.Nullable[" + t + "]"
	if x := get(p, "x-go-type"); x != nil && (t == "" || x.Value != goType) {
		// An x-go-type the overlay chose stays. (One this rule set on an
		// earlier run is set again below, unchanged.)
		m.skipped = append(m.skipped, where+": has its own x-go-type")
		return
	}
	if t == "" {
		m.skipped = append(m.skipped, where+": "+why)
		return
	}
	set(p, "x-go-type", str(goType))
	set(p, "x-go-type-import", mapping("path", nullableImportPath))
	set(p, "x-go-type-skip-optional-pointer", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	m.marked = append(m.marked, where+" "+goType)
}

// nullable reports whether schema p admits null: its type lists "null",
// a branch of its anyOf or oneOf is {type: null}, or it refers to a
// component that does (Attio's nullable default_value is a component
// `anyOf: [dynamic, static, {type: null}]`).
func (m *nullMarker) nullable(p *yaml.Node) bool {
	if name, ok := componentRef(p); ok {
		return admitsNull(get(m.schemas, name))
	}
	return admitsNull(p)
}

// admitsNull reports whether schema s itself, references aside, admits
// null.
func admitsNull(s *yaml.Node) bool {
	if hasType(s, "null") {
		return true
	}
	for _, k := range []string{"anyOf", "oneOf"} {
		for _, b := range seq(get(s, k)) {
			if isNullBranch(b) {
				return true
			}
		}
	}
	return false
}

// nonNullGoType returns the Go type oapi-codegen gives the non-null part of
// nullable schema p, or "" and why it will not say.
func (m *nullMarker) nonNullGoType(p *yaml.Node) (string, string) {
	if name, ok := componentRef(p); ok {
		return goTypeName(name), ""
	}
	for _, k := range []string{"anyOf", "oneOf"} {
		u := get(p, k)
		if u == nil {
			continue
		}
		var rest []*yaml.Node
		for _, b := range seq(u) {
			if !isNullBranch(b) {
				rest = append(rest, b)
			}
		}
		if len(rest) != 1 || get(p, "type") != nil || get(p, "properties") != nil {
			return "", "a union of " + plural(len(rest), "non-null branch", "non-null branches")
		}
		return m.goType(rest[0])
	}
	return m.goType(p)
}

// goType returns the Go type oapi-codegen gives schema s, ignoring a null
// in its type, or "" and why it will not say: only references, scalars
// and arrays of those have a type this rule can name.
func (m *nullMarker) goType(s *yaml.Node) (string, string) {
	if name, ok := componentRef(s); ok {
		return goTypeName(name), ""
	}
	for _, k := range []string{"anyOf", "oneOf", "allOf"} {
		if get(s, k) != nil {
			return "", "an inline " + k
		}
	}
	var types []string
	for _, t := range scalars(get(s, "type")) {
		if t != "null" {
			types = append(types, t)
		}
	}
	if len(types) != 1 {
		return "", "type " + strings.Join(types, "|") + " is not one type"
	}
	for _, v := range seq(get(s, "enum")) {
		if v.Tag != "!!null" {
			// oapi-codegen makes an inline enum a type named after its
			// path; this rule does not guess that name.
			return "", "an inline enum"
		}
	}
	switch types[0] {
	case "array":
		items := get(s, "items")
		if items == nil {
			return "", "an array without items"
		}
		if m.nullable(items) && !isRefNode(items) {
			return "", "an array of nullable items"
		}
		t, why := m.goType(items)
		if t == "" {
			return "", "an array of " + why
		}
		return "[]" + t, ""
	case "object":
		return "", "an inline object"
	}
	format := ""
	if f := get(s, "format"); f != nil {
		format = f.Value
	}
	if t := goScalarType(types[0], format); t != "" {
		return t, ""
	}
	return "", "type " + types[0]
}

// generatorTypes is oapi-codegen's own type mapping (codegen.
// DefaultTypeMapping) with the type-mapping gen/oapi-codegen.*.yaml adds:
// numbers are float64. The generated files import time and openapi_types
// (github.com/oapi-codegen/runtime/types) by those names.
var generatorTypes = codegen.DefaultTypeMapping.Merge(codegen.TypeMapping{
	Number: codegen.FormatMapping{Default: codegen.SimpleTypeSpec{Type: "float64"}},
})

// goScalarType returns the Go type oapi-codegen gives a scalar of typ and
// format, or "" for a type that is not a scalar.
func goScalarType(typ, format string) string {
	var m codegen.FormatMapping
	switch typ {
	case "string":
		m = generatorTypes.String
	case "integer":
		m = generatorTypes.Integer
	case "number":
		m = generatorTypes.Number
	case "boolean":
		m = generatorTypes.Boolean
	default:
		return ""
	}
	return m.Resolve(format).Type
}

// componentRef returns the component a schema refers to, if it is a
// reference to components/schemas.
func componentRef(s *yaml.Node) (string, bool) {
	ref := get(s, "$ref")
	if ref == nil {
		return "", false
	}
	return strings.CutPrefix(ref.Value, "#/components/schemas/")
}

// isRefNode reports whether s is a reference.
func isRefNode(s *yaml.Node) bool {
	return get(s, "$ref") != nil
}

// isNullBranch reports whether a union branch is {type: null} (and
// nothing but prose).
func isNullBranch(b *yaml.Node) bool {
	if t := scalars(get(b, "type")); len(t) != 1 || t[0] != "null" {
		return false
	}
	only := true
	pairs(b, func(k string, _ *yaml.Node) {
		only = only && (k == "type" || ignoredInShape[k])
	})
	return only
}

// responseComponents returns the components that any response body
// reaches, following references.
func responseComponents(root *yaml.Node) map[string]bool {
	schemas := getPath(root, "components", "schemas")
	reached := map[string]bool{}
	var follow func(n *yaml.Node)
	follow = func(n *yaml.Node) {
		walk(n, func(s *yaml.Node) {
			if name, ok := componentRef(s); ok && !reached[name] {
				reached[name] = true
				follow(get(schemas, name))
			}
		})
	}
	forEachOperation(root, func(_, _ string, op *yaml.Node) {
		pairs(get(op, "responses"), func(_ string, resp *yaml.Node) {
			follow(get(resp, "content"))
		})
	})
	return reached
}

// goTypeName returns the Go name oapi-codegen gives component key with the
// name-normalizer of gen/oapi-codegen.*.yaml, ToCamelCaseWithInitialisms
// with additional-initialisms [SCIM]: "WebhookId" becomes WebhookID. It
// mirrors pkg/codegen's ToCamelCaseWithDigits and
// ToCamelCaseWithInitialisms; TestGoTypeNameMatchesOapiCodegen holds it to
// them.
func goTypeName(key string) string {
	var b strings.Builder
	capNext := true
	for _, r := range key {
		switch {
		case unicode.IsUpper(r):
			b.WriteRune(r)
			capNext = false
		case unicode.IsDigit(r):
			b.WriteRune(r)
			capNext = true
		case unicode.IsLower(r):
			if capNext {
				r = unicode.ToUpper(r)
			}
			b.WriteRune(r)
			capNext = false
		default:
			capNext = true
		}
	}
	parts := camelCaseParts.FindAllString(b.String(), -1)
	for i, p := range parts {
		if v, ok := initialisms[strings.ToLower(p)]; ok {
			parts[i] = v
		}
	}
	return strings.Join(parts, "")
}

// camelCaseParts is pkg/codegen's camelCaseMatchParts.
var camelCaseParts = regexp.MustCompile(`[\p{Lu}\d]+([\p{Ll}\d]+|$)`)

// initialisms are pkg/codegen's initialismsList and the project's
// additional-initialisms, by their lower-case spelling.
var initialisms = func() map[string]string {
	m := map[string]string{}
	for _, s := range []string{
		"ACL", "API", "ASCII", "CPU", "CSS", "DNS", "EOF", "GUID", "HTML", "HTTP", "HTTPS", "ID", "IP", "JSON",
		"QPS", "RAM", "RPC", "SLA", "SMTP", "SQL", "SSH", "TCP", "TLS", "TTL", "UDP", "UI", "GID", "UID", "UUID",
		"URI", "URL", "UTF8", "VM", "XML", "XMPP", "XSRF", "XSS", "SIP", "RTP", "AMQP", "DB", "TS",
		"SCIM",
	} {
		m[strings.ToLower(s)] = s
	}
	return m
}()

// plural returns "1 branch" or "2 branches".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
