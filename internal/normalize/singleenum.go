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
// and are not affected. It returns how many enums it inlined.
func inlineSingleValueEnums(root *yaml.Node) int {
	n := 0
	walk(root, func(s *yaml.Node) {
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
