package normalize

import (
	"fmt"

	"gopkg.in/yaml.v3"
)

// inlineSingleValueEnums turns an enum with one value (`format:
// [plaintext]`, `token_type: [Bearer]`, `active: [false]`) into a plain
// schema of its type whose description names the value. oapi-codegen gives
// every enum its own Go type, constant and Valid method; for a field that
// can only hold one value that is a type with nothing to choose, and Attio's
// document has dozens. Discriminator values are handled before this rule
// and are not affected.
//
// Those one-value enums are also what keeps the branches of Attio's oneOfs
// apart (a connected file and a connected folder differ only in file_type),
// so without them a oneOf matches no valid body more than once; every oneOf
// becomes an anyOf, which generates the same Go union. It returns how many
// enums it inlined.
func inlineSingleValueEnums(root *yaml.Node) int {
	n := 0
	walk(root, func(s *yaml.Node) {
		for i := 0; i+1 < len(s.Content) && s.Kind == yaml.MappingNode; i += 2 {
			if s.Content[i].Value == "oneOf" {
				s.Content[i].Value = "anyOf"
			}
		}
		enum := get(s, "enum")
		if enum == nil || enum.Kind != yaml.SequenceNode || len(enum.Content) != 1 || get(s, "type") == nil {
			return
		}
		v := enum.Content[0]
		del(s, "enum")
		note := fmt.Sprintf("Always %q.", v.Value)
		if d := get(s, "description"); d != nil {
			d.Value += " " + note
		} else {
			set(s, "description", str(note))
		}
		n++
	})
	return n
}
