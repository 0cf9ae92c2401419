package benchmarks

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
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
//   - Typed: what a caller of ListRecordsWithResponse gets, then every
//     value to its concrete variant: gen.ParseListRecordsResponse (gen's
//     decode, on the encoding/json/v2 engine) of the response, then
//     ValueByDiscriminator on each value. This is the figure the target is
//     about.
//   - TypedEncodingJSON: the same types and calls, but the page decoded by
//     encoding/json.Unmarshal, as a caller decoding stored JSON into gen's
//     types would (the values' variants are still gen's decode).
//   - Generated: gen.ParseListRecordsResponse only; each value stays a
//     gen.AttributeValue holding raw JSON.
//   - MapAny: the reference, encoding/json into map[string]any.
//   - RawValues: encoding/json into a minimal struct whose values stay
//     json.RawMessage, the floor for any encoding/json decode that keeps
//     values.
func BenchmarkDecodeRecords(b *testing.B) {
	page := loadSpec(b).RecordsPage(0, DecodeRecordsPageSize)
	for _, d := range decoders {
		b.Run(d.name, func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			b.ReportAllocs()
			for b.Loop() {
				if err := d.decode(page); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDecodeRecordsPaired decodes the same page with every decoder
// in turn within each op, starting with a different one each time, and
// reports each one's time as a ratio to MapAny's (typed/mapany, ...).
// On a shared machine whose load changes from second to second, the
// pairing keeps both sides of each ratio under the same load; the ratios
// are the figures BENCHMARKS.md compares with the target.
func BenchmarkDecodeRecordsPaired(b *testing.B) {
	page := loadSpec(b).RecordsPage(0, DecodeRecordsPageSize)
	alts := make([]alternative, len(decoders))
	for i, d := range decoders {
		alts[i] = alternative{d.name, func() error { return d.decode(page) }}
	}
	paired(b, alts)
}

// A decoder decodes a List records response body one way.
type decoder struct {
	name   string
	decode func(page []byte) error
}

// decoders are the ways BenchmarkDecodeRecords compares; the reference,
// MapAny, comes first.
var decoders = []decoder{
	{"MapAny", func(page []byte) error {
		var body map[string]any
		err := json.Unmarshal(page, &body)
		sink = body
		return err
	}},
	{"Typed", func(page []byte) error {
		resp, err := parseListRecords(page)
		if err != nil {
			return err
		}
		return decodeValues(resp.JSON200.Data)
	}},
	{"TypedEncodingJSON", func(page []byte) error {
		var body listRecordsBody
		if err := json.Unmarshal(page, &body); err != nil {
			return err
		}
		return decodeValues(body.Data)
	}},
	{"Generated", func(page []byte) error {
		resp, err := parseListRecords(page)
		if err == nil {
			sink = resp.JSON200.Data
		}
		return err
	}},
	{"RawValues", func(page []byte) error {
		var body rawRecordsBody
		err := json.Unmarshal(page, &body)
		sink = body
		return err
	}},
}

// parseListRecords decodes page as gen's client decodes a List records
// response: from an in-memory 200 application/json response of declared
// length, as api's transport hands it over, so that what is measured is
// the decode, not the network.
func parseListRecords(page []byte) (*gen.ListRecordsResponse, error) {
	resp, err := gen.ParseListRecordsResponse(&http.Response{
		StatusCode:    http.StatusOK,
		Header:        http.Header{"Content-Type": {"application/json; charset=utf-8"}},
		Body:          io.NopCloser(bytes.NewReader(page)),
		ContentLength: int64(len(page)),
	})
	if err == nil && resp.JSON200 == nil {
		err = fmt.Errorf("no 200 body decoded")
	}
	return resp, err
}

// decodeValues decodes every value of records to its concrete variant,
// as a caller that reads the values does.
func decodeValues(records []gen.Record) error {
	for _, rec := range records {
		for _, vs := range rec.Values {
			for _, v := range vs {
				typed, err := v.ValueByDiscriminator()
				if err != nil {
					return err
				}
				sink = typed
			}
		}
	}
	return nil
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

// BenchmarkUnionValues splits the Typed decode's second half: the page is
// decoded into gen's types once, outside the timer, and each op then
// visits every one of its 7,500 values:
//
//   - Discriminator: v.Discriminator() only, the scan for attribute_type
//     (internal/json.StringMember) that ValueByDiscriminator starts with;
//   - ValueByDiscriminator: the whole call, that and then the As* call,
//     gen's decode of the value's bytes into the variant.
//
// MB/s is over the page's bytes, as in BenchmarkDecodeRecords, so that
// the times add up: Typed ≈ Generated + ValueByDiscriminator.
func BenchmarkUnionValues(b *testing.B) {
	page := loadSpec(b).RecordsPage(0, DecodeRecordsPageSize)
	var body listRecordsBody
	if err := json.Unmarshal(page, &body); err != nil {
		b.Fatal(err)
	}
	var values []gen.AttributeValue
	for _, rec := range body.Data {
		for _, vs := range rec.Values {
			values = append(values, vs...)
		}
	}

	b.Run("Discriminator", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		b.ReportAllocs()
		for b.Loop() {
			for _, v := range values {
				d, err := v.Discriminator()
				if err != nil {
					b.Fatal(err)
				}
				sink = d
			}
		}
	})

	b.Run("ValueByDiscriminator", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		b.ReportAllocs()
		for b.Loop() {
			for _, v := range values {
				typed, err := v.ValueByDiscriminator()
				if err != nil {
					b.Fatal(err)
				}
				sink = typed
			}
		}
	})
}
