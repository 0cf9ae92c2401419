package normalize

import "gopkg.in/yaml.v3"

// unifyPathParameters gives every path parameter of one name the same
// schema: the first one that declares a format, else the first one. Attio's
// document types record_id as a UUID in some operations and as a plain
// string in others, and lists a parameter's enum in different orders, so
// GetRecord would take a uuid.UUID where DeleteRecord takes a string, and
// each ordering would become its own Go enum. It returns how many parameter
// schemas it replaced.
func unifyPathParameters(root *yaml.Node) int {
	chosen := map[string]*yaml.Node{}
	var params []*yaml.Node
	forEachOperation(root, func(_, _ string, op *yaml.Node) {
		for _, p := range seq(get(op, "parameters")) {
			in, name, schema := get(p, "in"), get(p, "name"), get(p, "schema")
			if in == nil || in.Value != "path" || name == nil || schema == nil {
				continue
			}
			params = append(params, p)
			if c := chosen[name.Value]; c == nil || (get(c, "format") == nil && get(schema, "format") != nil) {
				chosen[name.Value] = schema
			}
		}
	})
	n := 0
	for _, p := range params {
		schema, want := get(p, "schema"), chosen[get(p, "name").Value]
		if schema != want && canonical(schema) != canonical(want) {
			set(p, "schema", clone(want))
			n++
		}
	}
	return n
}
