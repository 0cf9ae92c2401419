package benchmarks

import (
	"encoding/json"
	"fmt"
	"sync"
	"testing"

	"github.com/attio-community/attio-go/gen"
)

var (
	specOnce sync.Once
	spec     *Spec
	specErr  error
)

// loadSpec returns the shared Spec, failing the test or benchmark (with
// how to create it) when the normalized spec has not been generated.
func loadSpec(tb testing.TB) *Spec {
	tb.Helper()
	specOnce.Do(func() { spec, specErr = LoadRepoSpec() })
	if specErr != nil {
		tb.Fatal(specErr)
	}
	return spec
}

// listRecordsBody is the 200 body of ListRecords, as gen decodes it.
type listRecordsBody struct {
	Data []gen.Record `json:"data"`
}

// TestPayloadCoversEveryVariant checks the generator: every attribute type
// the spec maps appears in a page, and every value in it decodes to the
// concrete type its discriminator names, so that the Typed benchmark
// measures full decodes rather than early errors.
func TestPayloadCoversEveryVariant(t *testing.T) {
	s := loadSpec(t)
	if got := len(s.AttributeTypes()); got < 17 {
		t.Fatalf("AttributeValue maps %d attribute types, want at least 17", got)
	}
	page := s.RecordsPage(0, 500)
	var body listRecordsBody
	if err := json.Unmarshal(page, &body); err != nil {
		t.Fatal(err)
	}
	if len(body.Data) != 500 {
		t.Fatalf("%d records, want 500", len(body.Data))
	}
	seen := map[string]int{}
	values := 0
	for _, rec := range body.Data {
		n := 0
		for slug, vs := range rec.Values {
			for _, v := range vs {
				n++
				d, err := v.Discriminator()
				if err != nil {
					t.Fatalf("%s: %v", slug, err)
				}
				typed, err := v.ValueByDiscriminator()
				if err != nil {
					t.Fatalf("%s (%s): %v", slug, d, err)
				}
				if want := variantName(d); fmt.Sprintf("%T", typed) != want {
					t.Errorf("%s decodes to %T, want %s", d, typed, want)
				}
				seen[d]++
			}
		}
		if n != ValuesPerRecord {
			t.Fatalf("record %s has %d values, want %d", rec.ID.RecordID, n, ValuesPerRecord)
		}
		values += n
	}
	for _, typ := range s.AttributeTypes() {
		if seen[typ] == 0 {
			t.Errorf("attribute type %s does not appear in the page", typ)
		}
	}
	t.Logf("%d records, %d values, %d bytes; values by type: %v", len(body.Data), values, len(page), seen)
}

// variantName is the gen type an attribute type decodes to, e.g.
// "email-address" -> "gen.EmailAddressValue".
func variantName(attributeType string) string {
	name := []byte("gen.")
	up := true
	for _, c := range []byte(attributeType) {
		if c == '-' {
			up = true
			continue
		}
		if up && c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		up = false
		name = append(name, c)
	}
	return string(name) + "Value"
}
