package conformance

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/attio-community/attio-go/gen"
)

// FuzzAttributeValue decodes arbitrary bytes as a gen.AttributeValue, the
// union of Attio's attribute values, and reads it with
// ValueByDiscriminator. It must never panic; a union that decodes must
// re-encode to its own JSON; and a variant that ValueByDiscriminator
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
		var compact bytes.Buffer
		if err := json.Compact(&compact, data); err != nil {
			t.Fatalf("decoded invalid JSON %q", data)
		}
		if !bytes.Equal(out, compact.Bytes()) {
			t.Fatalf("re-encoded %q as %q", data, out)
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
