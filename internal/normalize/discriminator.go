package normalize

import "gopkg.in/yaml.v3"

// discriminatorProperty is the property by which Attio's value unions say
// which variant a value is.
const discriminatorProperty = "attribute_type"

// detectDiscriminator turns a union whose every branch is an object with a
// single-valued `attribute_type` enum into a oneOf with a discriminator, the
// form from which oapi-codegen generates Discriminator() and
// ValueByDiscriminator(): a caller then gets the concrete variant of an
// attribute value by what it is, not by trying each branch in turn. The
// single-valued enum moves into the discriminator's mapping (oapi-codegen
// would emit a one-constant type per variant for it), and the union becomes
// an anyOf: without the enums several variants (text, date: both a string
// `value`) match one value, which a oneOf forbids. Attio's value unions have
// no discriminators (upstream mistake 8).
func (h *hoister) detectDiscriminator(s *yaml.Node, c ctx) {
	key := "oneOf"
	branches := get(s, key)
	if branches == nil {
		key = "anyOf"
		branches = get(s, key)
	}
	if branches == nil || len(branches.Content) < 2 || get(s, "discriminator") != nil {
		return
	}
	values := make([]string, len(branches.Content))
	seen := map[string]bool{}
	for i, b := range branches.Content {
		enum := scalars(getPath(b, "properties", discriminatorProperty, "enum"))
		if len(enum) != 1 || seen[enum[0]] {
			return
		}
		values[i] = enum[0]
		seen[enum[0]] = true
	}
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for i, b := range branches.Content {
		prop := getPath(b, "properties", discriminatorProperty)
		del(prop, "enum")
		h.discValue[b] = values[i]
		h.mappings = append(h.mappings, discriminatorFixup{mapping: m, value: values[i], variant: b})
	}
	for i := 0; i+1 < len(s.Content); i += 2 {
		if s.Content[i].Value == "oneOf" {
			s.Content[i].Value = "anyOf"
		}
	}
	set(s, "discriminator", mapping("propertyName", discriminatorProperty, "mapping", m))
}
