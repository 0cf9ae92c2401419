package normalize

import "gopkg.in/yaml.v3"

// fixNullable rewrites the OpenAPI 3.0 keyword `nullable: true`, which
// Attio's 3.1 document uses hundreds of times, into the 3.1 form
// `type: [T, "null"]`. oapi-codegen and the validators read only the 3.1
// form in a 3.1 document, so without this rule a field the API sends as null
// would come out as a non-nullable Go value and fail validation.
//
// A nullable enum must also list null among its values to accept it (JSON
// Schema's enum is checked independently of type); Attio's enums omit it, so
// the rule adds it. It returns how many `nullable: true` it rewrote.
func fixNullable(root *yaml.Node) int {
	changed := 0
	walk(root, func(n *yaml.Node) {
		if n.Kind != yaml.MappingNode {
			return
		}
		if nb := get(n, "nullable"); nb != nil && nb.Kind == yaml.ScalarNode {
			del(n, "nullable")
			if nb.Value == "true" {
				addNullType(n)
				changed++
			}
		}
		if hasType(n, "null") {
			if enum := get(n, "enum"); enum != nil && !containsNull(enum) {
				enum.Content = append(enum.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"})
			}
		}
	})
	return changed
}

// addNullType adds "null" to the schema's type, turning a scalar type into a
// sequence. A schema without a type (a $ref or a union) becomes
// `anyOf: [<schema>, {type: null}]`, the 3.1 spelling that keeps the
// reference intact.
func addNullType(s *yaml.Node) {
	t := get(s, "type")
	switch {
	case t == nil:
		inner := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: s.Content}
		s.Content = nil
		set(s, "anyOf", &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{inner, mapping("type", "null")}})
	case t.Kind == yaml.ScalarNode:
		if t.Value != "null" {
			set(s, "type", &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{str(t.Value), str("null")}})
		}
	case t.Kind == yaml.SequenceNode:
		if !hasType(s, "null") {
			t.Content = append(t.Content, str("null"))
		}
	}
}

// hasType reports whether schema s declares type name, alone or in a list.
func hasType(s *yaml.Node, name string) bool {
	for _, t := range scalars(get(s, "type")) {
		if t == name {
			return true
		}
	}
	return false
}

// containsNull reports whether a sequence holds a null scalar.
func containsNull(seq *yaml.Node) bool {
	for _, c := range seq.Content {
		if c.Kind == yaml.ScalarNode && c.Tag == "!!null" {
			return true
		}
	}
	return false
}
