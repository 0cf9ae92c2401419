package conformance

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/attio-community/attio-go/gen"
)

// FuzzAttributeValue decodes arbitrary bytes as a gen.AttributeValue, the
// union of Attio's attribute values, and reads it with
// ValueByDiscriminator. It must never panic; a union that decodes must
// re-encode to the same JSON value; and a variant that ValueByDiscriminator
// returns must carry the attribute_type it was chosen by. Its seeds, in
// testdata/fuzz/FuzzAttributeValue, are one body per variant built from
// the document, and some hostile ones.
func FuzzAttributeValue(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var v gen.AttributeValue
		if json.Unmarshal(data, &v) != nil {
			return
		}
		out, err := json.Marshal(v)
		if err != nil {
			t.Fatalf("re-encoding %q: %v", data, err)
		}
		in, err1 := decodeJSON(data)
		again, err2 := decodeJSON(out)
		if err1 != nil || err2 != nil || !reflect.DeepEqual(in, again) {
			t.Fatalf("re-encoded %q as %q (%v, %v)", data, out, err1, err2)
		}
		disc, derr := v.Discriminator()
		variant, err := v.ValueByDiscriminator()
		if err != nil {
			return // malformed or unknown: an error is the right answer
		}
		if derr != nil {
			t.Fatalf("ValueByDiscriminator succeeded where Discriminator failed: %v", derr)
		}
		b, err := json.Marshal(variant)
		if err != nil {
			t.Fatalf("re-encoding the %T read from %q: %v", variant, data, err)
		}
		var back struct {
			AttributeType string `json:"attribute_type"`
		}
		if err := json.Unmarshal(b, &back); err != nil || back.AttributeType != disc {
			t.Fatalf("%T read from %q has attribute_type %q, want %q (%v)", variant, data, back.AttributeType, disc, err)
		}
	})
}
