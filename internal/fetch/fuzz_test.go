package fetch

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"gopkg.in/yaml.v3"
)

// FuzzCheck feeds arbitrary bytes to Check and Canonicalize. Neither may
// panic, and whatever Canonicalize accepts must come out as a fixed point
// that Check judges the same way; for JSON input the YAML must also mean
// the same as the JSON. Seeds are in testdata/fuzz/FuzzCheck.
func FuzzCheck(f *testing.F) {
	f.Add([]byte(goodJSON))
	f.Add([]byte(goodYAML))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkErr := Check(data)
		out, err := Canonicalize(data)
		if err != nil {
			if checkErr == nil {
				t.Fatalf("Check accepted what Canonicalize rejects: %v", err)
			}
			return
		}
		again, err := Canonicalize(out)
		if err != nil {
			t.Fatalf("canonical YAML does not parse: %v\n%s", err, out)
		}
		if !bytes.Equal(out, again) {
			t.Fatalf("canonical YAML is not a fixed point:\n%s\n---\n%s", out, again)
		}
		if err := Check(out); (err == nil) != (checkErr == nil) {
			t.Fatalf("Check disagrees between input (%v) and canonical YAML (%v)", checkErr, err)
		}
		var want any
		if json.Unmarshal(data, &want) != nil {
			return // not JSON, or numbers JSON cannot hold
		}
		var got any
		if err := yaml.Unmarshal(out, &got); err != nil {
			t.Fatalf("canonical YAML of JSON input does not decode: %v\n%s", err, out)
		}
		b, err := json.Marshal(got)
		if err != nil {
			t.Fatalf("canonical YAML of JSON input decodes to non-JSON values: %v\n%s", err, out)
		}
		got = nil
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("canonical YAML means something else than the JSON:\njson: %#v\nyaml: %#v\n%s", want, got, out)
		}
	})
}
