package fetch

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// parseJSON reads one JSON value into a yaml.Node tree, keeping the order of
// object keys. It produces the same tree yaml.v3 would produce from the same
// text (the JSON tags !!str, !!int, !!float, !!bool, !!null), so JSON and
// YAML sources of one document encode identically.
func parseJSON(data []byte) (*yaml.Node, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	b := jsonBuilder{dec: dec, data: data}
	v, err := b.value(0)
	if err != nil {
		return nil, err
	}
	if tok, err := dec.Token(); err == nil {
		return nil, fmt.Errorf("the document is not valid JSON (unexpected %v after the top-level value, at %s)", tok, b.position(dec.InputOffset()))
	} else if !errors.Is(err, io.EOF) {
		return nil, b.syntaxError(err)
	}
	return &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{v}}, nil
}

// jsonBuilder turns the token stream of a json.Decoder into nodes.
type jsonBuilder struct {
	dec  *json.Decoder
	data []byte
}

func (b *jsonBuilder) value(depth int) (*yaml.Node, error) {
	tok, err := b.dec.Token()
	if err != nil {
		return nil, b.syntaxError(err)
	}
	switch t := tok.(type) {
	case json.Delim:
		if depth >= maxDepth {
			return nil, fmt.Errorf("the document nests deeper than %d levels", maxDepth)
		}
		if t == '{' {
			return b.object(depth)
		}
		return b.array(depth)
	case string:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: t}, nil
	case json.Number:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: numberTag(string(t)), Value: string(t)}, nil
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(t)}, nil
	case nil:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}, nil
	}
	return nil, fmt.Errorf("the document is not valid JSON (unexpected token %v)", tok)
}

func (b *jsonBuilder) object(depth int) (*yaml.Node, error) {
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for b.dec.More() {
		tok, err := b.dec.Token()
		if err != nil {
			return nil, b.syntaxError(err)
		}
		key, ok := tok.(string)
		if !ok {
			return nil, fmt.Errorf("the document is not valid JSON (object key is %v, not a string, at %s)", tok, b.position(b.dec.InputOffset()))
		}
		v, err := b.value(depth + 1)
		if err != nil {
			return nil, err
		}
		n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: key}, v)
	}
	return n, b.end('}')
}

func (b *jsonBuilder) array(depth int) (*yaml.Node, error) {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
	for b.dec.More() {
		v, err := b.value(depth + 1)
		if err != nil {
			return nil, err
		}
		n.Content = append(n.Content, v)
	}
	return n, b.end(']')
}

// end consumes the closing delimiter of an object or array.
func (b *jsonBuilder) end(want json.Delim) error {
	tok, err := b.dec.Token()
	if err != nil {
		return b.syntaxError(err)
	}
	if tok != want {
		return fmt.Errorf("the document is not valid JSON (expected %q, found %v, at %s)", rune(want), tok, b.position(b.dec.InputOffset()))
	}
	return nil
}

// syntaxError turns a json.Decoder error into a message with a line and
// column; running out of input mid-value is reported as truncation.
func (b *jsonBuilder) syntaxError(err error) error {
	var se *json.SyntaxError
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.As(err, &se) && se.Offset >= int64(len(b.data)) && strings.Contains(se.Error(), "end of JSON input") {
		last := len(bytes.TrimRight(b.data, " \t\r\n")) - 1
		return fmt.Errorf("%w: the JSON stops in the middle of a value, after line %s", errTruncated, strings.TrimPrefix(b.position(int64(last)), "line "))
	}
	if se != nil {
		return fmt.Errorf("the document is not valid JSON (%s at %s)", se.Error(), b.position(se.Offset))
	}
	return fmt.Errorf("the document is not valid JSON (%v)", err)
}

// position renders a byte offset as "line L, column C" (1-based).
func (b *jsonBuilder) position(offset int64) string {
	offset = min(max(offset, 0), int64(len(b.data)))
	before := b.data[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	col := len(before) - bytes.LastIndexByte(before, '\n')
	return fmt.Sprintf("line %d, column %d", line, col)
}

// numberTag returns the tag yaml.v3 resolves for the plain scalar s, a JSON
// number: !!int when it fits 64 bits, !!float when it parses as a float, and
// none when yaml.v3 would read it as a string (1e400), so that the encoder
// writes the number exactly as served, unquoted, in every case.
func numberTag(s string) string {
	if !strings.ContainsAny(s, ".eE") {
		if _, err := strconv.ParseInt(s, 10, 64); err == nil {
			return "!!int"
		}
		if _, err := strconv.ParseUint(s, 10, 64); err == nil {
			return "!!int"
		}
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return "!!float"
	}
	return ""
}
