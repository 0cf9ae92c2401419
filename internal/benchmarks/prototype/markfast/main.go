// Command markfast stands in, for the decode prototype, for a rule the
// normalization step would own: it marks with `x-attio-decode-fast: true`
// the discriminated unions named by -unions (by default the attribute
// values of records and entries, whose decoding is what matters) and every
// object schema their variants hold, the variants included, directly or
// through $refs, so that the prototype templates give their Go types a
// decodeFast method. Other unions keep encoding/json, to keep the
// generated code small.
//
//	go run ./internal/benchmarks/prototype/markfast [-unions A,B] in.yaml out.yaml
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"

	"gopkg.in/yaml.v3"
)

// Extension is the mark.
const Extension = "x-attio-decode-fast"

func main() {
	unions := flag.String("unions", "AttributeValue,OutputValue", "the unions to mark, comma-separated; empty for every discriminated union")
	flag.Parse()
	if flag.NArg() != 2 {
		fmt.Fprintln(os.Stderr, "usage: markfast [-unions A,B] in.yaml out.yaml")
		os.Exit(2)
	}
	n, err := run(flag.Arg(0), flag.Arg(1), *unions)
	if err != nil {
		fmt.Fprintln(os.Stderr, "markfast:", err)
		os.Exit(1)
	}
	fmt.Printf("markfast: marked %d schemas\n", n)
}

func run(in, out, unions string) (int, error) {
	want := map[string]bool{}
	for _, u := range strings.Split(unions, ",") {
		if u = strings.TrimSpace(u); u != "" {
			want[u] = true
		}
	}
	data, err := os.ReadFile(in)
	if err != nil {
		return 0, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return 0, err
	}
	schemas := get(get(doc.Content[0], "components"), "schemas")
	if schemas == nil {
		return 0, fmt.Errorf("%s: no components.schemas", in)
	}
	marked := map[string]bool{}
	flag := func(s *yaml.Node) {
		s.Content = append(s.Content,
			&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: Extension},
			&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	}
	var mark func(name string)
	mark = func(name string) {
		s := get(schemas, name)
		if s == nil || marked[name] {
			return
		}
		props := get(s, "properties")
		if props == nil || get(s, "anyOf") != nil || get(s, "oneOf") != nil {
			return // not a plain object
		}
		if ap := get(s, "additionalProperties"); ap != nil && ap.Value != "false" {
			return
		}
		marked[name] = true
		flag(s)
		for i := 1; i < len(props.Content); i += 2 {
			for _, ref := range refs(props.Content[i]) {
				mark(ref)
			}
		}
	}
	unionsMarked := 0
	for i := 0; i < len(schemas.Content); i += 2 {
		s := schemas.Content[i+1]
		mapping := get(get(s, "discriminator"), "mapping")
		if mapping == nil || (len(want) > 0 && !want[schemas.Content[i].Value]) {
			continue
		}
		flag(s)
		unionsMarked++
		for j := 1; j < len(mapping.Content); j += 2 {
			mark(strings.TrimPrefix(mapping.Content[j].Value, "#/components/schemas/"))
		}
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return 0, err
	}
	if unionsMarked == 0 {
		return 0, fmt.Errorf("no discriminated union named %q", unions)
	}
	return len(marked) + unionsMarked, os.WriteFile(out, buf.Bytes(), 0o644)
}

// get returns the value of key in the mapping node m, or nil.
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

// refs returns the schema names a property schema refers to: its own
// $ref, or those of its anyOf/oneOf branches (a nullable reference).
// Arrays are left to encoding/json.
func refs(s *yaml.Node) []string {
	if r := get(s, "$ref"); r != nil {
		return []string{strings.TrimPrefix(r.Value, "#/components/schemas/")}
	}
	var out []string
	for _, key := range []string{"anyOf", "oneOf"} {
		if branches := get(s, key); branches != nil {
			for _, b := range branches.Content {
				out = append(out, refs(b)...)
			}
		}
	}
	return out
}
