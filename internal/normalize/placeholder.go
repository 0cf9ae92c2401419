package normalize

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// fixPlaceholderProperties turns a property whose name is a bracketed
// placeholder, such as Attio's `[slug_or_id_of_matching_attribute]` in the
// record-reference input (upstream mistake 4), into what it stands for: any
// key, that is additionalProperties with the placeholder's schema. Left
// alone, the document requires a property literally named with brackets,
// and Go gets a field no caller could fill sensibly. It returns how many
// placeholders it replaced.
func fixPlaceholderProperties(root *yaml.Node) int {
	n := 0
	walk(root, func(s *yaml.Node) {
		props := get(s, "properties")
		if props == nil || props.Kind != yaml.MappingNode {
			return
		}
		for i := 0; i+1 < len(props.Content); i += 2 {
			name := props.Content[i].Value
			if !strings.HasPrefix(name, "[") || !strings.HasSuffix(name, "]") {
				continue
			}
			set(s, "additionalProperties", props.Content[i+1])
			del(props, name)
			if req := get(s, "required"); req != nil {
				kept := req.Content[:0]
				for _, r := range req.Content {
					if r.Value != name {
						kept = append(kept, r)
					}
				}
				req.Content = kept
			}
			n++
			return
		}
	})
	return n
}
