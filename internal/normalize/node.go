package normalize

import (
	"gopkg.in/yaml.v3"
)

// The helpers in this file treat a *yaml.Node as a JSON-like tree. They keep
// key order, so that a normalized document reads like the one Attio serves.

// get returns the value stored under key in mapping m, or nil.
func get(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

// getPath follows keys from m through nested mappings.
func getPath(m *yaml.Node, keys ...string) *yaml.Node {
	for _, k := range keys {
		m = get(m, k)
	}
	return m
}

// set stores v under key in mapping m, replacing an existing value in place
// or appending the key at the end.
func set(m *yaml.Node, key string, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content[i+1] = v
			return
		}
	}
	m.Content = append(m.Content, str(key), v)
}

// del removes key from mapping m and reports whether it was there.
func del(m *yaml.Node, key string) bool {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			return true
		}
	}
	return false
}

// pairs calls fn for each key and value of mapping m, in order.
func pairs(m *yaml.Node, fn func(key string, v *yaml.Node)) {
	if m == nil || m.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		fn(m.Content[i].Value, m.Content[i+1])
	}
}

// str returns a string scalar node.
func str(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

// mapping returns a mapping node holding key/value pairs in order.
func mapping(kv ...any) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for i := 0; i+1 < len(kv); i += 2 {
		v := kv[i+1]
		var n *yaml.Node
		switch v := v.(type) {
		case string:
			n = str(v)
		case *yaml.Node:
			n = v
		}
		m.Content = append(m.Content, str(kv[i].(string)), n)
	}
	return m
}

// scalars returns the values of a scalar or a sequence of scalars: the form
// of `type` in OpenAPI 3.1 (`string` or `[string, "null"]`) and of `enum`.
func scalars(n *yaml.Node) []string {
	if n == nil {
		return nil
	}
	switch n.Kind {
	case yaml.ScalarNode:
		return []string{n.Value}
	case yaml.SequenceNode:
		out := make([]string, 0, len(n.Content))
		for _, c := range n.Content {
			if c.Kind == yaml.ScalarNode {
				out = append(out, c.Value)
			}
		}
		return out
	}
	return nil
}

// walk visits every node below n depth-first, parents before children.
func walk(n *yaml.Node, fn func(*yaml.Node)) {
	if n == nil {
		return
	}
	fn(n)
	for _, c := range n.Content {
		walk(c, fn)
	}
}

// componentSchemas returns components/schemas, creating the mappings a
// document without named schemas lacks.
func componentSchemas(root *yaml.Node) *yaml.Node {
	components := get(root, "components")
	if components == nil || components.Kind != yaml.MappingNode {
		components = mapping()
		set(root, "components", components)
	}
	schemas := get(components, "schemas")
	if schemas == nil || schemas.Kind != yaml.MappingNode {
		schemas = mapping()
		set(components, "schemas", schemas)
	}
	return schemas
}
