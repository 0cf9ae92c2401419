package fetch

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// maxDepth bounds nesting so that hostile input cannot exhaust the stack.
// Real OpenAPI documents nest a few dozen levels deep. 1000 is below the
// limits of yaml.v3 and of encoding/json on Go 1.27 (10000 each), so that
// this message, not theirs, is the one users see.
const maxDepth = 1000

// errTruncated marks a document that ends in the middle of a value, which
// over a network usually means the download was cut short.
var errTruncated = errors.New("the document is truncated")

// Canonicalize parses data as JSON or YAML and re-encodes it as canonical
// YAML: block style, two-space indent, keys in their original order, scalars
// plain unless quoting is needed to keep their type (also for YAML 1.1
// readers), comments dropped, mapping keys read as strings and nulls and
// booleans spelled as in JSON. Anchors and aliases are kept. The same
// document always gives the same bytes, whichever of JSON or YAML it was
// written in, so that a digest of the output identifies the document.
//
// Canonicalize does not require an OpenAPI document; Check does that.
func Canonicalize(data []byte) ([]byte, error) {
	root, err := parse(data)
	if err != nil {
		return nil, err
	}
	return Encode(root)
}

// parse reads one JSON or YAML document into a normalized yaml.Node tree
// (see normalize). JSON goes through encoding/json because yaml.v3 rejects
// some valid JSON: the \/ escape and surrogate pairs such as \ud83d\ude00.
func parse(data []byte) (*yaml.Node, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("the document is not UTF-8 text (invalid byte at offset %d)", invalidUTF8Offset(data))
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 {
		return nil, errors.New("the document is empty")
	}
	var root *yaml.Node
	var err error
	if trimmed[0] == '{' || trimmed[0] == '[' {
		root, err = parseJSON(data)
		if err != nil {
			// A YAML flow collection also starts with { or [; accept it,
			// but report the JSON error if it is not YAML either.
			yroot, yerr := parseYAML(data)
			if yerr != nil {
				return nil, err
			}
			root = yroot
		}
	} else {
		root, err = parseYAML(data)
		if err != nil {
			return nil, err
		}
	}
	if err := normalize(root, nil); err != nil {
		return nil, err
	}
	return root, nil
}

// parseYAML reads exactly one YAML document.
func parseYAML(data []byte) (root *yaml.Node, err error) {
	defer func() {
		// yaml.v3 turns its own failures into errors but re-panics on
		// runtime errors; a malformed download must never crash the pipeline.
		if r := recover(); r != nil {
			root, err = nil, fmt.Errorf("the document could not be parsed as YAML (parser failure: %v)", r)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); errors.Is(err, io.EOF) {
		return nil, errors.New("the document is empty (it holds only comments or whitespace)")
	} else if err != nil {
		return nil, fmt.Errorf("the document is not valid YAML (%s)", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, fmt.Errorf("the document is a stream of several YAML documents (another begins at line %d), not one", extra.Line)
	} else if !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("the document is not valid YAML after its first document (%s)", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, errors.New("the document is empty")
	}
	return &doc, nil
}

// normalize prepares a parsed tree for encoding, in place. It resets every
// node's style, so that presentation choices of the source (JSON's quotes and
// braces, YAML flow style or folded text) do not leak into the output; the
// encoder then quotes a string only when its tag requires it. It drops
// comments, makes scalar mapping keys strings (JSON keys are strings; YAML's
// unquoted `200:` would otherwise be an integer), spells nulls and booleans
// as JSON does, double-quotes the strings listed in needsQuotes, and rejects
// a mapping that has the same key twice. Aliases are not followed: their
// targets are visited where they are defined.
func normalize(n *yaml.Node, path []string) error {
	if len(path) >= maxDepth { // path holds the collections above n
		return fmt.Errorf("the document nests deeper than %d levels", maxDepth)
	}
	n.Style = 0
	n.HeadComment, n.LineComment, n.FootComment = "", "", ""
	switch n.Kind {
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!str":
			if needsQuotes(n.Value) {
				n.Style = yaml.DoubleQuotedStyle
			}
		case "!!null":
			// "", "~", "Null" and "NULL" all mean null; write it as JSON
			// does (an empty top-level null would otherwise vanish).
			switch n.Value {
			case "", "~", "Null", "NULL":
				n.Value = "null"
			}
		case "!!bool":
			switch n.Value {
			case "True", "TRUE":
				n.Value = "true"
			case "False", "FALSE":
				n.Value = "false"
			}
		case "!!merge":
			// A plain << is a merge key; with its tag the encoder would
			// write the equivalent but noisy "!!merge <<".
			n.Tag = ""
		}
	case yaml.MappingNode:
		if len(n.Content)%2 != 0 {
			return fmt.Errorf("the document has a malformed mapping at %s", pointer(path))
		}
		for i := 0; i < len(n.Content); i += 2 {
			if k := n.Content[i]; k.Kind == yaml.ScalarNode && k.Tag != "!!merge" {
				k.Tag = "!!str"
			}
		}
		if err := checkDuplicates(n, path); err != nil {
			return err
		}
		for i := 0; i < len(n.Content); i += 2 {
			if err := normalize(n.Content[i], path); err != nil {
				return err
			}
			if err := normalize(n.Content[i+1], append(path, n.Content[i].Value)); err != nil {
				return err
			}
		}
		return nil
	}
	for i, c := range n.Content {
		p := path
		if n.Kind == yaml.SequenceNode {
			p = append(path, strconv.Itoa(i))
		}
		if err := normalize(c, p); err != nil {
			return err
		}
	}
	return nil
}

// checkDuplicates rejects a mapping in which a scalar key occurs twice: YAML
// forbids it and JSON leaves the meaning to the reader, so the generator
// would silently see only one of the two values.
func checkDuplicates(n *yaml.Node, path []string) error {
	seen := make(map[string]struct{}, len(n.Content)/2)
	for i := 0; i < len(n.Content); i += 2 {
		k := n.Content[i]
		if k.Kind != yaml.ScalarNode || k.Tag == "!!merge" {
			continue
		}
		if _, dup := seen[k.Value]; dup {
			return fmt.Errorf("the document has the key %q twice in the mapping at %s", k.Value, pointer(path))
		}
		seen[k.Value] = struct{}{}
	}
	return nil
}

// pointer renders a path as a JSON Pointer (RFC 6901) for error messages.
func pointer(path []string) string {
	if len(path) == 0 {
		return "the top level"
	}
	var b strings.Builder
	for _, p := range path {
		b.WriteByte('/')
		b.WriteString(strings.NewReplacer("~", "~0", "/", "~1").Replace(p))
	}
	return b.String()
}

// needsQuotes reports whether the string s must be double-quoted although
// yaml.v3's encoder, given its !!str tag, would write it plain or as a
// literal block. Each case is a way the output would otherwise not read back
// as the same string:
//   - YAML 1.1 readers take yes, on, 1:30 ... for booleans or numbers;
//   - yaml.v3 writes the string "<<" plain, which reads back as a merge key;
//   - yaml.v3 writes a multi-line string that begins with a line break or a
//     tab as a literal block that reads back differently or not at all
//     ("\n" becomes "", "\ta\nb" is a syntax error).
func needsQuotes(s string) bool {
	if s == "<<" || isYAML11Ambiguous(s) {
		return true
	}
	if strings.ContainsRune(s, '\n') {
		r, _ := utf8.DecodeRuneInString(s)
		switch r {
		case '\n', '\r', '\t', '\u0085', '\u2028', '\u2029':
			return true
		}
	}
	return false
}

// isYAML11Ambiguous reports whether a plain scalar s would be read as a
// boolean or a sexagesimal number by a YAML 1.1 parser, although yaml.v3
// (YAML 1.2) reads it as a string and so would not quote it.
func isYAML11Ambiguous(s string) bool {
	switch s {
	case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON",
		"n", "N", "no", "No", "NO", "off", "Off", "OFF":
		return true
	}
	return isBase60(s)
}

// isBase60 matches YAML 1.1 base-60 numbers such as 1:30 or -2:05:30.5,
// i.e. ^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$ (the expression yaml.v3
// uses), without a regexp because it runs on every string.
func isBase60(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	if s == "" || s[0] < '0' || s[0] > '9' || strings.IndexByte(s, ':') < 0 {
		return false
	}
	i := 1
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '_') {
		i++
	}
	groups := 0
	for i < len(s) && s[i] == ':' {
		i++
		j := i
		for i < len(s) && i-j < 2 && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		switch {
		case i-j == 0:
			return false
		case i-j == 2 && s[j] > '5':
			return false
		}
		groups++
	}
	if groups == 0 {
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '_') {
			i++
		}
	}
	return i == len(s)
}

// Encode writes a tree as canonical YAML with a two-space indent. The
// pipeline's later steps use it too, so every YAML file it writes is
// formatted alike.
func Encode(root *yaml.Node) (out []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("the document could not be encoded as YAML (encoder failure: %v)", r)
		}
	}()
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(root); err != nil {
		return nil, fmt.Errorf("the document could not be encoded as YAML (%s)", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("the document could not be encoded as YAML (%s)", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	return buf.Bytes(), nil
}

// invalidUTF8Offset returns the offset of the first byte that is not part of
// a valid UTF-8 sequence.
func invalidUTF8Offset(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}
