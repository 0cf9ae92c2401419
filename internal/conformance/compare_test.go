package conformance

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"time"
)

// loss is one difference between a JSON document and its round trip.
type loss struct {
	// Pointer locates the difference (JSON Pointer; "" is the root).
	Pointer string
	// Message says what was lost or changed.
	Message string
}

func (l loss) String() string { return ptr(l.Pointer) + ": " + l.Message }

// ptr renders a JSON Pointer, "/" for the root.
func ptr(p string) string {
	if p == "" {
		return "/"
	}
	return p
}

// semanticDiff compares two JSON texts as values: objects by key whatever
// their order, numbers by value, and strings that both hold RFC 3339
// date-times as instants, nanoseconds included (Go writes
// 2023-01-01T15:00:00.000000000Z as 2023-01-01T15:00:00Z; both are the same
// instant). A key that is absent on one side and null on the other is a
// difference: null and absent mean different things to Attio.
func semanticDiff(want, got []byte) ([]loss, error) {
	w, err := decodeJSON(want)
	if err != nil {
		return nil, fmt.Errorf("original: %w", err)
	}
	g, err := decodeJSON(got)
	if err != nil {
		return nil, fmt.Errorf("re-encoded: %w", err)
	}
	var out []loss
	diffValues(w, g, "", &out)
	return out, nil
}

func decodeJSON(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

func diffValues(want, got any, at string, out *[]loss) {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			*out = append(*out, loss{at, fmt.Sprintf("object became %s", describe(got))})
			return
		}
		keys := make([]string, 0, len(w)+len(g))
		for k := range w {
			keys = append(keys, k)
		}
		for k := range g {
			if _, ok := w[k]; !ok {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			wv, inW := w[k]
			gv, inG := g[k]
			p := at + "/" + escapeToken(k)
			switch {
			case !inG && wv == nil:
				*out = append(*out, loss{p, "null dropped (the field is absent after the round trip)"})
			case !inG:
				*out = append(*out, loss{p, fmt.Sprintf("%s dropped", describe(wv))})
			case !inW && gv == nil:
				*out = append(*out, loss{p, "null added where the field was absent"})
			case !inW:
				*out = append(*out, loss{p, fmt.Sprintf("%s added where the field was absent", describe(gv))})
			default:
				diffValues(wv, gv, p, out)
			}
		}
	case []any:
		g, ok := got.([]any)
		if !ok {
			*out = append(*out, loss{at, fmt.Sprintf("array became %s", describe(got))})
			return
		}
		if len(w) != len(g) {
			*out = append(*out, loss{at, fmt.Sprintf("array of %d became array of %d", len(w), len(g))})
			return
		}
		for i := range w {
			diffValues(w[i], g[i], at+"/"+strconv.Itoa(i), out)
		}
	case nil:
		if got != nil {
			*out = append(*out, loss{at, fmt.Sprintf("null became %s", describe(got))})
		}
	case json.Number:
		g, ok := got.(json.Number)
		if !ok || !sameNumber(w, g) {
			*out = append(*out, loss{at, fmt.Sprintf("%s became %s", describe(want), describe(got))})
		}
	case string:
		g, ok := got.(string)
		if !ok || !sameString(w, g) {
			*out = append(*out, loss{at, fmt.Sprintf("%s became %s", describe(want), describe(got))})
		}
	default: // bool
		if want != got {
			*out = append(*out, loss{at, fmt.Sprintf("%s became %s", describe(want), describe(got))})
		}
	}
}

func sameNumber(a, b json.Number) bool {
	if a == b {
		return true
	}
	x, err1 := strconv.ParseFloat(string(a), 64)
	y, err2 := strconv.ParseFloat(string(b), 64)
	return err1 == nil && err2 == nil && x == y
}

// sameString reports whether two strings are equal, or are both RFC 3339
// date-times of the same instant.
func sameString(a, b string) bool {
	if a == b {
		return true
	}
	x, err1 := time.Parse(time.RFC3339Nano, a)
	y, err2 := time.Parse(time.RFC3339Nano, b)
	return err1 == nil && err2 == nil && x.Equal(y)
}

// describe renders a JSON value for a message, shortened.
func describe(v any) string {
	if v == nil {
		return "null"
	}
	b, _ := json.Marshal(v)
	s := string(b)
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	switch v.(type) {
	case map[string]any:
		return "object " + s
	case []any:
		return "array " + s
	}
	return s
}

// escapeToken escapes a JSON Pointer token.
func escapeToken(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		switch r {
		case '~':
			b.WriteString("~0")
		case '/':
			b.WriteString("~1")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
