// Package benchmarks holds the repository's performance benchmarks (see
// BENCHMARKS.md at the top level) and the payload generator they share.
//
// The payloads are assembled from the examples in the normalized OpenAPI
// document that `make generate` (or `make check`) writes to
// spec/openapi.normalized.yaml: nothing here is a copy of the spec. Each
// attribute value variant that the AttributeValue discriminator maps is
// built from its schema, property by property, from the properties'
// examples, and a record is a mix of those values.
package benchmarks

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/attio-community/attio-go/internal/repo"
)

// LoadRepoSpec loads the repository's normalized spec, failing with how to
// create it when it is missing.
func LoadRepoSpec() (*Spec, error) {
	path, err := repo.File(repo.NormalizedSpec)
	if err != nil {
		return nil, err
	}
	return LoadSpec(path)
}

// Spec is a loaded OpenAPI document that payloads are assembled from.
type Spec struct {
	schemas map[string]any
	// values maps each attribute_type to the JSON of one example value.
	values map[string]json.RawMessage
	// types lists the attribute types in a fixed order.
	types []string
	// record is the example record without its values.
	record map[string]any
}

// LoadSpec reads the normalized OpenAPI document at path and builds one
// example value per AttributeValue variant.
func LoadSpec(path string) (*Spec, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc map[string]any
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("parse %s: %w", path, err)
	}
	components, _ := doc["components"].(map[string]any)
	schemas, _ := components["schemas"].(map[string]any)
	if schemas == nil {
		return nil, fmt.Errorf("%s has no components.schemas", path)
	}
	s := &Spec{schemas: schemas, values: map[string]json.RawMessage{}}

	union, _ := schemas["AttributeValue"].(map[string]any)
	disc, _ := union["discriminator"].(map[string]any)
	mapping, _ := disc["mapping"].(map[string]any)
	prop, _ := disc["propertyName"].(string)
	if len(mapping) == 0 || prop == "" {
		return nil, fmt.Errorf("%s: AttributeValue has no discriminator mapping", path)
	}
	for typ, ref := range mapping {
		ref, _ := ref.(string)
		v, ok := s.example(map[string]any{"$ref": ref}, 0).(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s: the example for %s is not an object", path, ref)
		}
		v[prop] = typ
		b, err := json.Marshal(v)
		if err != nil {
			return nil, fmt.Errorf("%s: example for %s: %w", path, ref, err)
		}
		s.values[typ] = b
		s.types = append(s.types, typ)
	}
	sort.Strings(s.types)

	rec, ok := s.example(map[string]any{"$ref": "#/components/schemas/Record"}, 0).(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: no Record schema", path)
	}
	delete(rec, "values")
	s.record = rec
	return s, nil
}

// AttributeTypes returns the attribute types (discriminator values) the
// spec's AttributeValue union maps, sorted.
func (s *Spec) AttributeTypes() []string { return append([]string(nil), s.types...) }

// Value returns the example value of one attribute type, as JSON.
func (s *Spec) Value(attributeType string) json.RawMessage { return s.values[attributeType] }

// slugs names the attribute each attribute type is stored under, as on
// Attio's standard objects where one exists.
var slugs = map[string]string{
	"actor-reference":  "created_by",
	"checkbox":         "is_customer",
	"currency":         "annual_revenue",
	"date":             "birthday",
	"domain":           "domains",
	"email-address":    "email_addresses",
	"interaction":      "last_interaction",
	"location":         "primary_location",
	"number":           "employee_count",
	"personal-name":    "name",
	"phone-number":     "phone_numbers",
	"rating":           "rating",
	"record-reference": "company",
	"select":           "categories",
	"status":           "stage",
	"text":             "description",
	"timestamp":        "created_at",
}

// ValuesPerRecord is how many attribute values each generated record holds.
const ValuesPerRecord = 15

// Record returns record number i: the spec's example record with its own
// ID and URL, and ValuesPerRecord values of mixed types. Consecutive records
// rotate through the attribute types so that every type appears as often
// as every other across a page; two of the values are a second email
// address and a second phone number, as people records often have.
func (s *Spec) Record(i int) json.RawMessage {
	rec := make(map[string]any, len(s.record)+1)
	for k, v := range s.record {
		rec[k] = v
	}
	id := fmt.Sprintf("%08x-0000-4000-8000-%012x", i, i)
	if ids, ok := rec["id"].(map[string]any); ok {
		own := make(map[string]any, len(ids))
		for k, v := range ids {
			own[k] = v
		}
		own["record_id"] = id
		rec["id"] = own
	}
	if u, ok := rec["web_url"].(string); ok {
		if j := strings.LastIndexByte(u, '/'); j >= 0 {
			rec["web_url"] = u[:j+1] + id
		}
	}
	values := map[string][]json.RawMessage{}
	n := ValuesPerRecord - 2
	for k := 0; k < n; k++ {
		typ := s.types[(i+k)%len(s.types)]
		slug := slugs[typ]
		if slug == "" {
			slug = strings.ReplaceAll(typ, "-", "_")
		}
		values[slug] = append(values[slug], s.values[typ])
	}
	for _, typ := range []string{"email-address", "phone-number"} {
		if v, ok := s.values[typ]; ok {
			values[slugs[typ]] = append(values[slugs[typ]], v)
		}
	}
	rec["values"] = values
	b, err := json.Marshal(rec)
	if err != nil {
		panic(err) // built from JSON-able values only
	}
	return b
}

// RecordsPage returns a List records response body, {"data": [...]},
// holding n records numbered from first.
func (s *Spec) RecordsPage(first, n int) []byte {
	var buf bytes.Buffer
	buf.WriteString(`{"data":[`)
	for i := 0; i < n; i++ {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.Write(s.Record(first + i))
	}
	buf.WriteString(`]}`)
	return buf.Bytes()
}

// RecordBody returns a Get record response body, {"data": record}.
func (s *Spec) RecordBody(i int) []byte {
	return append(append([]byte(`{"data":`), s.Record(i)...), '}')
}

// maxDepth bounds the walk through recursive schemas.
const maxDepth = 12

// example builds an example instance of schema: its own example if it has
// one, else one assembled from its parts.
func (s *Spec) example(schema any, depth int) any {
	m, ok := schema.(map[string]any)
	if !ok || depth > maxDepth {
		return nil
	}
	if ref, ok := m["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/components/schemas/")
		return s.example(s.schemas[name], depth+1)
	}
	if ex, ok := m["example"]; ok {
		return jsonable(ex)
	}
	if exs, ok := m["examples"].([]any); ok && len(exs) > 0 {
		return jsonable(exs[0])
	}
	if c, ok := m["const"]; ok {
		return jsonable(c)
	}
	if enum, ok := m["enum"].([]any); ok {
		for _, e := range enum {
			if e != nil {
				return jsonable(e)
			}
		}
		return nil
	}
	if all, ok := m["allOf"].([]any); ok {
		out := map[string]any{}
		for _, sub := range all {
			if part, ok := s.example(sub, depth+1).(map[string]any); ok {
				for k, v := range part {
					out[k] = v
				}
			}
		}
		return out
	}
	for _, key := range []string{"anyOf", "oneOf"} {
		if branches, ok := m[key].([]any); ok {
			for _, b := range branches {
				if bm, ok := b.(map[string]any); ok && bm["type"] == "null" {
					continue
				}
				if v := s.example(b, depth+1); v != nil {
					return v
				}
			}
			return nil
		}
	}
	typ := m["type"]
	if list, ok := typ.([]any); ok { // 3.1: [T, "null"]
		typ = nil
		for _, t := range list {
			if t != "null" {
				typ = t
				break
			}
		}
	}
	if props, ok := m["properties"].(map[string]any); ok || typ == "object" {
		out := make(map[string]any, len(props))
		for name, p := range props {
			out[name] = s.example(p, depth+1)
		}
		return out
	}
	switch typ {
	case "array":
		if v := s.example(m["items"], depth+1); v != nil {
			return []any{v}
		}
		return []any{}
	case "string":
		switch m["format"] {
		case "date-time":
			return "2023-01-01T15:00:00.000000000Z"
		case "date":
			return "2023-01-01"
		case "uuid":
			return "50cf242c-7fa3-4cad-87d0-75b1af71c57b"
		}
		return "string"
	case "number":
		return 1.5
	case "integer":
		return 1
	case "boolean":
		return true
	}
	return nil
}

// jsonable turns what yaml.v3 decodes into values encoding/json accepts.
func jsonable(v any) any {
	switch v := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[k] = jsonable(e)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = jsonable(e)
		}
		return out
	case time.Time:
		return v.Format(time.RFC3339Nano)
	}
	return v
}
