package fetch

import (
	"bytes"
	"strings"
	"testing"
)

func TestCanonicalizeDeterministic(t *testing.T) {
	a, err := Canonicalize([]byte(goodJSON))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Canonicalize([]byte(goodJSON))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatalf("two runs differ:\n%s\n---\n%s", a, b)
	}
	again, err := Canonicalize(a)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, again) {
		t.Errorf("canonical YAML is not a fixed point:\n%s\n---\n%s", a, again)
	}
}

func TestCanonicalizeJSONAndYAMLAgree(t *testing.T) {
	fromJSON, err := Canonicalize([]byte(goodJSON))
	if err != nil {
		t.Fatal(err)
	}
	fromYAML, err := Canonicalize([]byte(goodYAML))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fromJSON, fromYAML) {
		t.Errorf("JSON and YAML inputs give different output:\n--- from JSON\n%s\n--- from YAML\n%s", fromJSON, fromYAML)
	}
}

// TestCanonicalizeKeepsTypes checks the point of resetting styles safely:
// strings that look like numbers, booleans, nulls or dates stay strings, and
// numbers stay numbers.
func TestCanonicalizeKeepsTypes(t *testing.T) {
	out, err := Canonicalize([]byte(goodJSON))
	if err != nil {
		t.Fatal(err)
	}
	assertSameMeaning(t, []byte(goodJSON), out)
	for _, want := range []string{
		`openapi: 3.1.0`, // plain: cannot be read as a number
		`version: "2.0"`, // quoted: would be a float
		`example: "123"`, // quoted: would be an int
		`"200":`,         // status codes stay string keys
		`- "true"`, `- "null"`, `- "~"`, `- "0x1F"`, `- "1e3"`, `- ""`,
		`- "yes"`, `- "no"`, `- "on"`, `- "1:30"`, // YAML 1.1 booleans and base 60
		`"on":`, // ... also as keys
		`default: 0`, `maximum: 1.5e3`, `minimum: -1`, `default: null`, `const: true`,
		`pattern: ^https://.*`,                           // JSON's \/ escape
		`example: "\U0001F600"`,                          // JSON surrogate pair; yaml.v3 escapes non-BMP characters
		"description: |\n    Line one.\n    Line two.\n", // multi-line text as a literal block
		`empty: {}`, `list: []`,
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestCanonicalizeStrangeStrings(t *testing.T) {
	for _, s := range []string{
		`""`, `" leading"`, `"trailing "`, `"a: b"`, `"#hash"`, `"- dash"`, `"*star"`, `"&amp"`, `"!bang"`,
		`"%pct"`, `"@at"`, "\"`tick\"", `"{brace"`, `"[bracket"`, `"|pipe"`, `">gt"`, `"'quote"`, `"\"dq"`,
		`"a\tb"`, `"\u0000nul"`, `"bell\u0007"`, `"line\n"`, `"\n"`, `"two\n\nbreaks"`, `"trailing space \nline"`,
		`"\r\n"`, `"\u2028ls"`, `"\ufeffbom"`, `"2024-01-01"`, `"2001-12-14t21:59:43.10-05:00"`, `".inf"`, `"-.Inf"`,
		`".NaN"`, `"0o17"`, `"0b101"`, `"+1"`, `"1_000"`, `"<<"`, `"---"`, `"..."`, `"? q"`, `"x #y"`,
		`"very long ` + strings.Repeat("word ", 100) + `end"`,
	} {
		doc := `{"k": ` + s + `, ` + s + `: "v", "list": [` + s + `]}`
		out, err := Canonicalize([]byte(doc))
		if err != nil {
			t.Errorf("%s: %v", s, err)
			continue
		}
		assertSameMeaning(t, []byte(doc), out)
		again, err := Canonicalize(out)
		if err != nil || !bytes.Equal(out, again) {
			t.Errorf("%s: not a fixed point (%v):\n%s\n---\n%s", s, err, out, again)
		}
	}
}

func TestCanonicalizeNumbers(t *testing.T) {
	doc := `[0, -0, 1, -1, 1.0, 1.5e3, 1E-7, 9223372036854775807, 18446744073709551615, 18446744073709551616, 1e400, 0.1]`
	out, err := Canonicalize([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	want := "- 0\n- -0\n- 1\n- -1\n- 1.0\n- 1.5e3\n- 1E-7\n- 9223372036854775807\n- 18446744073709551615\n- 18446744073709551616\n- 1e400\n- 0.1\n"
	if string(out) != want {
		t.Errorf("numbers are not written as served:\n%s\nwant:\n%s", out, want)
	}
}

func TestCanonicalizeRejects(t *testing.T) {
	for _, tc := range []struct {
		name, doc, want string
	}{
		{"empty", " \n", "empty"},
		{"invalid UTF-8", "openapi: \xff\n", "not UTF-8"},
		{"truncated JSON", `{"openapi": "3.1.0", "paths": {"/a": {`, "the document is truncated: the JSON stops in the middle of a value, after line 1, column 38"},
		{"bad JSON", `{"openapi": "3.1.0",, }`, "not valid JSON"},
		{"trailing JSON", `{"a": 1} {"b": 2}`, "after the top-level value"},
		{"bad YAML", "a: b: c\n", "not valid YAML"},
		{"two YAML documents", "a: 1\n---\nb: 2\n", "several YAML documents"},
		{"duplicate JSON key", `{"paths": {"/a": {"get": {}, "get": {}}}}`, `the key "get" twice in the mapping at /paths/~1a`},
		{"duplicate YAML key", "responses:\n  200: {}\n  '200': {}\n", `the key "200" twice`},
		{"deep JSON", strings.Repeat("[", maxDepth+1) + strings.Repeat("]", maxDepth+1), "deeper than"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Canonicalize([]byte(tc.doc))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want one mentioning %q", err, tc.want)
			}
		})
	}
}

func TestCanonicalizeNullsAndBooleans(t *testing.T) {
	out, err := Canonicalize([]byte("a:\nb: ~\nc: Null\nd: TRUE\ne: False\nf: !!null\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := "a: null\nb: null\nc: null\nd: true\ne: false\nf: null\n"
	if string(out) != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}

func TestCanonicalizeYAMLFeatures(t *testing.T) {
	// A byte-order mark, flow collections read as YAML, anchors and aliases
	// kept as written, explicit tags honoured.
	doc := "\ufeff{openapi: 3.1.0, a: &x {b: 1}, c: *x, d: !!str 123}"
	out, err := Canonicalize([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	want := "openapi: 3.1.0\na: &x\n  b: 1\nc: *x\nd: \"123\"\n"
	if string(out) != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}
