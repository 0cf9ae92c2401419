package normalize

import (
	"sort"

	"gopkg.in/yaml.v3"
)

// discriminatorProperty is the property by which Attio's attribute value
// unions say which variant a value is; variants discriminated by it are
// named <Type>Value (TextValue, CurrencyValue).
const discriminatorProperty = "attribute_type"

// discriminated records a union branch's discriminator.
type discriminated struct {
	property, value string
}

// detectDiscriminator gives a union a discriminator when one property of
// every branch is a string enum with a single value, different in each
// branch (attribute_type on attribute values, type on filters and tags).
// oapi-codegen then generates Discriminator() and ValueByDiscriminator(): a
// caller gets the concrete variant by what it is, not by trying each branch
// in turn. The single-valued enums move into the discriminator's mapping
// (oapi-codegen would emit a one-constant type per variant for them), and
// the union becomes an anyOf: without the enums several variants (text and
// date: both a string `value`) match one value, which a oneOf forbids.
// Attio's unions have no discriminators (upstream mistake 8).
func (h *hoister) detectDiscriminator(s *yaml.Node) {
	key := "oneOf"
	branches := get(s, key)
	if branches == nil {
		key = "anyOf"
		branches = get(s, key)
	}
	if branches == nil || len(branches.Content) < 2 || get(s, "discriminator") != nil {
		return
	}
	var typed []*yaml.Node // the branches other than a bare {type: null}
	for _, b := range branches.Content {
		if !(len(b.Content) == 2 && hasType(b, "null")) {
			typed = append(typed, b)
		}
	}
	if len(typed) < 2 {
		return
	}
	prop, values := commonSingleValuedEnum(typed)
	if prop == "" {
		return
	}
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for i, b := range typed {
		del(getPath(b, "properties", prop), "enum")
		h.discValue[b] = discriminated{property: prop, value: values[i]}
		h.mappings = append(h.mappings, discriminatorFixup{mapping: m, value: values[i], variant: b})
	}
	for i := 0; i+1 < len(s.Content); i += 2 {
		if s.Content[i].Value == "oneOf" {
			s.Content[i].Value = "anyOf"
		}
	}
	set(s, "discriminator", mapping("propertyName", prop, "mapping", m))
}

// commonSingleValuedEnum finds a property that every inline branch declares
// as a single-valued enum, with distinct values, preferring attribute_type
// and then the first such property in the first branch's order. It returns
// the property and each branch's value, or "" when there is none.
func commonSingleValuedEnum(branches []*yaml.Node) (string, []string) {
	var candidates []string
	pairs(get(branches[0], "properties"), func(prop string, _ *yaml.Node) {
		candidates = append(candidates, prop)
	})
	sort.SliceStable(candidates, func(i, j int) bool {
		return candidates[i] == discriminatorProperty && candidates[j] != discriminatorProperty
	})
	for _, prop := range candidates {
		values := make([]string, len(branches))
		seen := map[string]bool{}
		ok := true
		for i, b := range branches {
			enum := getPath(b, "properties", prop, "enum")
			if enum == nil || len(enum.Content) != 1 || !hasType(getPath(b, "properties", prop), "string") || seen[enum.Content[0].Value] {
				ok = false
				break
			}
			values[i] = enum.Content[0].Value
			seen[values[i]] = true
		}
		if ok {
			return prop, values
		}
	}
	return "", nil
}
