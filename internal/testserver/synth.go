package testserver

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// Variant selects how [Synthesize] builds a value from a schema. The zero
// Variant builds the document's own examples.
type Variant struct {
	// Name identifies the variant in test output.
	Name string
	// Structural ignores the examples of objects and arrays and builds them
	// property by property; date-times become Nanos and numbers
	// Number, so that a lossy decoder shows. Scalar examples are still used
	// where no synthetic value is valid.
	Structural bool
	// Nulls makes every nullable value null.
	Nulls bool
	// Zeros prefers zero values (0, false, "") for scalars where the schema
	// allows them, so that a decoder which drops zero values shows.
	Zeros bool
	// RequiredOnly omits optional properties and makes arrays as short as
	// they may be.
	RequiredOnly bool
	// Branch picks the branch of every union (anyOf, oneOf): Branch modulo
	// the number of its non-null branches. It picks enum values the same way
	// in structural variants.
	Branch int
}

// Values of structural variants: an instant with nanoseconds, as Attio
// sends them, and a number that 32-bit floats cannot hold.
const (
	Nanos  = "2023-01-01T15:00:00.123456789Z"
	Number = 1234567.891
)

// Variants returns the variants that together exercise every path through
// schema: its examples; nulls in every nullable place; optional properties
// omitted; zero values; and, structurally, each branch of its widest union
// (and so of every union).
func Variants(schema *openapi3.SchemaRef) []Variant {
	vs := []Variant{
		{Name: "examples"},
		{Name: "nulls", Structural: true, Nulls: true},
		{Name: "required-only", Structural: true, RequiredOnly: true},
		{Name: "zeros", Structural: true, Zeros: true},
	}
	for k := range max(1, unionWidth(schema, map[*openapi3.Schema]bool{})) {
		vs = append(vs, Variant{Name: fmt.Sprintf("branch-%d", k), Structural: true, Branch: k})
	}
	return vs
}

// unionWidth returns the largest number of non-null branches of any union
// reachable from s.
func unionWidth(s *openapi3.SchemaRef, seen map[*openapi3.Schema]bool) int {
	if s == nil || s.Value == nil || seen[s.Value] {
		return 0
	}
	v := s.Value
	seen[v] = true
	w := 0
	for _, list := range []openapi3.SchemaRefs{v.AnyOf, v.OneOf} {
		w = max(w, len(nonNullBranches(list)))
	}
	for _, list := range []openapi3.SchemaRefs{v.AnyOf, v.OneOf, v.AllOf} {
		for _, b := range list {
			w = max(w, unionWidth(b, seen))
		}
	}
	for _, p := range v.Properties {
		w = max(w, unionWidth(p, seen))
	}
	w = max(w, unionWidth(v.Items, seen))
	return max(w, unionWidth(v.AdditionalProperties.Schema, seen))
}

// Synthesize builds a JSON value (as encoding/json decodes into an any) that
// schema accepts, from the document's examples where they are valid and from
// the schema's types, formats and enums elsewhere, as v directs. Every
// optional property is filled unless v.RequiredOnly. An example that its own
// schema rejects is not used (Attio's document has some); a value that
// cannot be built, such as a string with a pattern and no valid example, is
// an error naming where.
func Synthesize(schema *openapi3.SchemaRef, v Variant) (any, error) {
	s := &synth{v: v, stack: map[*openapi3.Schema]int{}}
	return s.value(schema, "")
}

// maxDepth bounds the nesting of a synthesized value: a recursive schema
// whose recursion is required cannot be satisfied.
const maxDepth = 32

type synth struct {
	v     Variant
	stack map[*openapi3.Schema]int // schemas being built, to cut recursion
	depth int
}

func (s *synth) value(ref *openapi3.SchemaRef, at string) (any, error) {
	if ref == nil || ref.Value == nil {
		return "any value", nil // no schema: anything goes
	}
	sc := ref.Value
	if s.depth >= maxDepth {
		return nil, fmt.Errorf("%s: schema nested more than %d deep (required recursion?)", pointer(at), maxDepth)
	}
	s.depth++
	s.stack[sc]++
	defer func() { s.depth--; s.stack[sc]-- }()

	if s.v.Nulls && nullable(sc) {
		return nil, nil
	}
	if !s.v.Structural && !isScalar(sc) {
		if ex, ok := validExample(sc); ok {
			return ex, nil
		}
	}
	switch {
	case len(sc.AnyOf) > 0 || len(sc.OneOf) > 0:
		return s.union(sc, at)
	case len(sc.AllOf) > 0:
		return s.allOf(sc, at)
	}
	switch typ := mainType(sc); typ {
	case "object":
		return s.object(sc, at)
	case "array":
		return s.array(sc, at)
	case "":
		if len(sc.Properties) > 0 {
			return s.object(sc, at)
		}
		if ex, ok := validExample(sc); ok {
			return ex, nil
		}
		return "any value", nil
	default:
		return s.scalar(sc, typ, at)
	}
}

// union builds the chosen branch of an anyOf or oneOf, with its
// discriminator property set to the value that selects that branch.
func (s *synth) union(sc *openapi3.Schema, at string) (any, error) {
	list := sc.AnyOf
	if len(list) == 0 {
		list = sc.OneOf
	}
	branches := nonNullBranches(list)
	if len(branches) == 0 {
		return nil, nil // only null is allowed
	}
	b := branches[s.v.Branch%len(branches)]
	val, err := s.value(b, at)
	if err != nil {
		return nil, err
	}
	if obj, ok := val.(map[string]any); ok && sc.Discriminator != nil {
		if key := mappingKey(sc.Discriminator, b); key != "" {
			obj[sc.Discriminator.PropertyName] = key
		}
	}
	if len(sc.Properties) > 0 {
		own, err := s.object(sc, at)
		if err != nil {
			return nil, err
		}
		return merge(own, val), nil
	}
	return val, nil
}

// allOf merges the objects built from every subschema.
func (s *synth) allOf(sc *openapi3.Schema, at string) (any, error) {
	var out any
	for _, b := range sc.AllOf {
		val, err := s.value(b, at)
		if err != nil {
			return nil, err
		}
		out = merge(out, val)
	}
	if len(sc.Properties) > 0 {
		own, err := s.object(sc, at)
		if err != nil {
			return nil, err
		}
		out = merge(out, own)
	}
	return out, nil
}

func (s *synth) object(sc *openapi3.Schema, at string) (any, error) {
	obj := map[string]any{}
	names := make([]string, 0, len(sc.Properties))
	for name := range sc.Properties {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		p := sc.Properties[name]
		required := slices.Contains(sc.Required, name)
		if !required && (s.v.RequiredOnly || (p.Value != nil && s.stack[p.Value] > 0)) {
			continue // optional, or an optional recursion
		}
		val, err := s.value(p, at+"/"+escape(name))
		if err != nil {
			return nil, err
		}
		obj[name] = val
	}
	for _, name := range sc.Required {
		if _, ok := obj[name]; !ok && sc.Properties[name] == nil {
			obj[name] = "any value" // required but not described
		}
	}
	if ap := sc.AdditionalProperties.Schema; ap != nil && !s.v.RequiredOnly && (ap.Value == nil || s.stack[ap.Value] == 0) {
		const key = "additional_key"
		val, err := s.value(ap, at+"/"+key)
		if err != nil {
			return nil, err
		}
		obj[key] = val
	}
	return obj, nil
}

func (s *synth) array(sc *openapi3.Schema, at string) (any, error) {
	n := int(sc.MinItems)
	if !s.v.RequiredOnly {
		n = max(n, 1)
	}
	if sc.MaxItems != nil {
		n = min(n, int(*sc.MaxItems))
	}
	out := make([]any, 0, n)
	for i := range n {
		val, err := s.value(sc.Items, fmt.Sprintf("%s/%d", at, i))
		if err != nil {
			return nil, err
		}
		out = append(out, val)
	}
	return out, nil
}

// scalar returns the first candidate value the schema accepts.
func (s *synth) scalar(sc *openapi3.Schema, typ, at string) (any, error) {
	var cands []any
	examples := exampleValues(sc)
	if values := nonNull(sc.Enum); len(values) > 0 {
		if s.v.Structural {
			cands = append(cands, values[s.v.Branch%len(values)])
		}
		cands = append(cands, examples...)
		cands = append(cands, values...)
	} else {
		synthetic := s.synthetic(sc, typ)
		if s.v.Zeros {
			cands = append(cands, zero(typ))
		}
		if s.v.Structural && (typ == "number" || sc.Format == "date-time") {
			cands = append(cands, synthetic...) // the values that show loss
		}
		cands = append(cands, examples...)
		cands = append(cands, synthetic...)
	}
	for _, c := range cands {
		if c != nil && ValidateSchema(sc, c) == nil {
			return c, nil
		}
	}
	return nil, fmt.Errorf("%s: no example or synthetic %s value satisfies the schema (format %q, pattern %q)", pointer(at), typ, sc.Format, sc.Pattern)
}

// synthetic returns the values to try for a scalar with no valid example.
func (s *synth) synthetic(sc *openapi3.Schema, typ string) []any {
	switch typ {
	case "boolean":
		return []any{true, false}
	case "integer":
		out := []any{float64(42)}
		if sc.Min != nil {
			out = append(out, *sc.Min)
		}
		if sc.Max != nil {
			out = append(out, *sc.Max)
		}
		return out
	case "number":
		out := []any{Number, float64(42)}
		if sc.Min != nil {
			out = append(out, *sc.Min)
		}
		if sc.Max != nil {
			out = append(out, *sc.Max)
		}
		return out
	}
	var out []any
	switch sc.Format {
	case "date-time":
		out = append(out, Nanos)
	case "date":
		out = append(out, "2023-01-02")
	case "uuid":
		out = append(out, "b0c1a3e4-5f6a-4b7c-8d9e-0f1a2b3c4d5e")
	case "uri", "url":
		out = append(out, "https://example.com/resource")
	case "email":
		out = append(out, "alice@example.com")
	case "binary":
		out = append(out, "file contents")
	}
	text := "string value"
	if n := int(sc.MinLength); len(text) < n {
		text += strings.Repeat("x", n-len(text))
	}
	if sc.MaxLength != nil && uint64(len(text)) > *sc.MaxLength {
		text = text[:*sc.MaxLength]
	}
	return append(out, text)
}

// zero returns the zero value of a JSON type.
func zero(typ string) any {
	switch typ {
	case "boolean":
		return false
	case "integer", "number":
		return float64(0)
	}
	return ""
}

// mainType returns the schema's type other than "null"; "" when it has
// none.
func mainType(sc *openapi3.Schema) string {
	for _, t := range sc.Type.Slice() {
		if t != openapi3.TypeNull {
			return t
		}
	}
	return ""
}

// isScalar reports whether sc describes a string, number, integer or boolean.
func isScalar(sc *openapi3.Schema) bool {
	switch mainType(sc) {
	case "string", "number", "integer", "boolean":
		return len(sc.AnyOf) == 0 && len(sc.OneOf) == 0 && len(sc.AllOf) == 0
	}
	return false
}

// nullable reports whether sc accepts null: through its type, the 3.0
// nullable keyword, a null branch or a null enum value.
func nullable(sc *openapi3.Schema) bool {
	if sc.Type.Includes(openapi3.TypeNull) || sc.Nullable {
		return true
	}
	for _, list := range []openapi3.SchemaRefs{sc.AnyOf, sc.OneOf} {
		if len(nonNullBranches(list)) < len(list) {
			return true
		}
	}
	return false
}

// isNull reports whether a union branch is the schema {type: "null"}.
func isNull(ref *openapi3.SchemaRef) bool {
	return ref != nil && ref.Value != nil && ref.Value.Type.Is(openapi3.TypeNull)
}

func nonNullBranches(list openapi3.SchemaRefs) openapi3.SchemaRefs {
	var out openapi3.SchemaRefs
	for _, b := range list {
		if !isNull(b) {
			out = append(out, b)
		}
	}
	return out
}

func nonNull(values []any) []any {
	var out []any
	for _, v := range values {
		if v != nil {
			out = append(out, v)
		}
	}
	return out
}

// exampleValues returns the schema's example and examples.
func exampleValues(sc *openapi3.Schema) []any {
	var out []any
	if sc.Example != nil {
		out = append(out, sc.Example)
	}
	return append(out, sc.Examples...)
}

// validExample returns a copy of the first of the schema's examples that the
// schema accepts.
func validExample(sc *openapi3.Schema) (any, bool) {
	for _, ex := range exampleValues(sc) {
		if ValidateSchema(sc, ex) == nil {
			return clone(ex), true
		}
	}
	return nil, false
}

// mappingKey returns the discriminator value that selects branch: its
// mapping key, else (by the OpenAPI rule) the name of its component.
func mappingKey(d *openapi3.Discriminator, branch *openapi3.SchemaRef) string {
	keys := make([]string, 0, len(d.Mapping))
	for k := range d.Mapping {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if d.Mapping[k].Ref == branch.Ref {
			return k
		}
	}
	if i := strings.LastIndexByte(branch.Ref, '/'); i >= 0 && len(d.Mapping) == 0 {
		return branch.Ref[i+1:]
	}
	return ""
}

// merge merges the properties of b into a when both are objects, else
// returns b.
func merge(a, b any) any {
	ma, ok1 := a.(map[string]any)
	mb, ok2 := b.(map[string]any)
	if !ok1 || !ok2 {
		if b == nil {
			return a
		}
		return b
	}
	for k, v := range mb {
		ma[k] = v
	}
	return ma
}

// clone deep-copies a JSON value, so that callers may change it.
func clone(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		return v
	}
	var out any
	if json.Unmarshal(b, &out) != nil {
		return v
	}
	return out
}

// escape escapes a JSON Pointer token.
func escape(s string) string {
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

// pointer renders a JSON Pointer for messages; the root is "/".
func pointer(at string) string {
	if at == "" {
		return "/"
	}
	return at
}
