package fetch

import (
	"errors"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// Check reports whether data (JSON or YAML) is an OpenAPI 3.x document the
// pipeline can use: one well-formed document whose top level is a mapping
// with an `openapi` string starting with "3." and a non-empty `paths`
// mapping. Swagger 2.0 and other documents are refused here, before anything
// downstream tries to generate code from them. The error says what is wrong.
func Check(data []byte) error {
	root, err := parse(data)
	if err != nil {
		return err
	}
	_, err = checkNode(root)
	return err
}

// checkNode checks a parsed document and returns the number of paths.
func checkNode(doc *yaml.Node) (int, error) {
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return 0, errors.New("the document is empty")
	}
	top := deref(doc.Content[0])
	if top.Kind != yaml.MappingNode {
		return 0, fmt.Errorf("the document is not an OpenAPI document (its top level is %s, not a mapping)", describe(top))
	}
	version := lookup(top, "openapi")
	if version == nil {
		if sw := lookup(top, "swagger"); sw != nil && sw.Kind == yaml.ScalarNode {
			return 0, fmt.Errorf("the document is Swagger %s, not OpenAPI 3.x", quoteShort(sw.Value))
		}
		return 0, errors.New("the document is not an OpenAPI document (it has no top-level \"openapi\" field)")
	}
	if version.Kind != yaml.ScalarNode || version.Tag != "!!str" {
		return 0, fmt.Errorf("the document's \"openapi\" field is %s, not a version string such as \"3.1.0\"", describe(version))
	}
	if !strings.HasPrefix(version.Value, "3.") {
		return 0, fmt.Errorf("the document is OpenAPI %s, not OpenAPI 3.x", quoteShort(version.Value))
	}
	paths := lookup(top, "paths")
	if paths == nil {
		return 0, errors.New("the document has no \"paths\", so there is no API to generate")
	}
	if paths.Kind != yaml.MappingNode {
		return 0, fmt.Errorf("the document's \"paths\" is %s, not a mapping", describe(paths))
	}
	if len(paths.Content) == 0 {
		return 0, errors.New("the document's \"paths\" is empty, so there is no API to generate")
	}
	return len(paths.Content) / 2, nil
}

// lookup returns the value for a string key in a mapping, following an alias.
func lookup(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if k := m.Content[i]; k.Kind == yaml.ScalarNode && k.Value == key {
			return deref(m.Content[i+1])
		}
	}
	return nil
}

// deref follows an alias to the node it names.
func deref(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// describe names a node's kind for messages: "a list", "the number 3.1".
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!str":
			return "the string " + quoteShort(n.Value)
		case "!!int", "!!float":
			return "the number " + n.Value
		case "!!bool":
			return "the boolean " + n.Value
		case "!!null":
			return "null"
		}
		return "the value " + quoteShort(n.Value)
	}
	return "an alias"
}

// quoteShort quotes s for a message, shortened to keep the message one line.
func quoteShort(s string) string {
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40]) + "..."
	}
	return fmt.Sprintf("%q", s)
}
