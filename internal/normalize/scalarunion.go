package normalize

import "gopkg.in/yaml.v3"

// collapseScalarUnions simplifies unions whose branches are all plain
// scalars, which oapi-codegen would otherwise turn into a union type with
// numbered members (IsOrganizer0, Template1):
//   - branches of one type (three differently described strings) merge into
//     one schema of that type;
//   - string branches whose only values spell another branch's literals
//     (the strings "true" and "false" next to a boolean) are dropped: the
//     Go type is the boolean.
//
// It returns how many unions it collapsed.
func collapseScalarUnions(root *yaml.Node) int {
	n := 0
	walk(root, func(s *yaml.Node) {
		for _, key := range []string{"anyOf", "oneOf"} {
			u := get(s, key)
			if u == nil || len(u.Content) < 2 || !allScalar(u.Content) {
				continue
			}
			branches := dropSpelledLiterals(u.Content)
			if t := commonType(branches); t != "" {
				del(s, key)
				set(s, "type", str(t))
				if f := commonFormat(branches); f != "" {
					set(s, "format", str(f))
				}
				n++
			}
		}
	})
	return n
}

// allScalar reports whether every branch is a plain scalar schema.
func allScalar(branches []*yaml.Node) bool {
	for _, b := range branches {
		t := scalars(get(b, "type"))
		if b.Kind != yaml.MappingNode || get(b, "$ref") != nil || len(t) != 1 || t[0] == "object" || t[0] == "array" || t[0] == "null" {
			return false
		}
	}
	return true
}

// dropSpelledLiterals removes string branches whose enum values are all
// "true"/"false" when a boolean branch is present.
func dropSpelledLiterals(branches []*yaml.Node) []*yaml.Node {
	hasBool := false
	for _, b := range branches {
		hasBool = hasBool || hasType(b, "boolean")
	}
	if !hasBool {
		return branches
	}
	var out []*yaml.Node
	for _, b := range branches {
		enum := scalars(get(b, "enum"))
		spelled := hasType(b, "string") && len(enum) > 0
		for _, v := range enum {
			spelled = spelled && (v == "true" || v == "false")
		}
		if !spelled {
			out = append(out, b)
		}
	}
	return out
}

// commonType returns the type all branches share, or "".
func commonType(branches []*yaml.Node) string {
	t := ""
	for _, b := range branches {
		bt := scalars(get(b, "type"))[0]
		if t != "" && bt != t {
			return ""
		}
		t = bt
	}
	return t
}

// commonFormat returns the format all branches share, or "".
func commonFormat(branches []*yaml.Node) string {
	f := ""
	for i, b := range branches {
		bf := ""
		if n := get(b, "format"); n != nil {
			bf = n.Value
		}
		if i > 0 && bf != f {
			return ""
		}
		f = bf
	}
	return f
}
