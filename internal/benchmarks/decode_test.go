package benchmarks

import (
	"encoding/json"
	"testing"

	"github.com/attio-community/attio-go/gen"
)

// DecodeRecordsPageSize is the number of records in the page the decode
// benchmark decodes: a full page of the records query.
const DecodeRecordsPageSize = 500

var sink any

// BenchmarkDecodeRecords decodes one 500-record List records response
// (about 2.7 MB, 15 values per record, every attribute type) in several
// ways, in one run, so that each is compared with the reference MapAny:
//
//   - Typed: into gen's types, then every value to its concrete variant
//     with ValueByDiscriminator, which is what a caller that reads the
//     values does. This is the figure the target is about.
//   - Generated: into gen's types only, as ListRecordsWithResponse does;
//     each value stays a gen.AttributeValue holding raw JSON.
//   - MapAny: the reference, encoding/json into map[string]any.
//   - RawValues: a minimal struct whose values stay json.RawMessage, the
//     floor for any encoding/json decode that keeps values.
func BenchmarkDecodeRecords(b *testing.B) {
	page := loadSpec(b).RecordsPage(0, DecodeRecordsPageSize)

	b.Run("Typed", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		b.ReportAllocs()
		for b.Loop() {
			var body listRecordsBody
			if err := json.Unmarshal(page, &body); err != nil {
				b.Fatal(err)
			}
			for _, rec := range body.Data {
				for _, vs := range rec.Values {
					for _, v := range vs {
						typed, err := v.ValueByDiscriminator()
						if err != nil {
							b.Fatal(err)
						}
						sink = typed
					}
				}
			}
		}
	})

	b.Run("Generated", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		b.ReportAllocs()
		for b.Loop() {
			var body listRecordsBody
			if err := json.Unmarshal(page, &body); err != nil {
				b.Fatal(err)
			}
			sink = body.Data
		}
	})

	b.Run("MapAny", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		b.ReportAllocs()
		for b.Loop() {
			var body map[string]any
			if err := json.Unmarshal(page, &body); err != nil {
				b.Fatal(err)
			}
			sink = body
		}
	})

	b.Run("RawValues", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		b.ReportAllocs()
		for b.Loop() {
			var body rawRecordsBody
			if err := json.Unmarshal(page, &body); err != nil {
				b.Fatal(err)
			}
			sink = body
		}
	})
}

// rawRecordsBody is the least a typed decode can do: the record's own
// fields, with each value left as raw JSON.
type rawRecordsBody struct {
	Data []struct {
		ID        gen.RecordID                 `json:"id"`
		CreatedAt string                       `json:"created_at"`
		WebURL    string                       `json:"web_url"`
		Values    map[string][]json.RawMessage `json:"values"`
	} `json:"data"`
}
