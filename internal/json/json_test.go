package json

import (
	stdjson "encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/oapi-codegen/nullable"
	openapi_types "github.com/oapi-codegen/runtime/types"
)

// sample has a field of each kind gen's types are made of.
type sample struct {
	Name      string                            `json:"name"`
	Nick      *string                           `json:"nick,omitempty"`
	Amount    float64                           `json:"amount"`
	Count     int                               `json:"count"`
	Active    bool                              `json:"active"`
	CreatedAt time.Time                         `json:"created_at"`
	EndedAt   *time.Time                        `json:"ended_at"`
	ID        openapi_types.UUID                `json:"id"`
	Day       *openapi_types.Date               `json:"day,omitempty"`
	Tags      []string                          `json:"tags"`
	Extra     map[string]any                    `json:"extra"`
	Raw       RawMessage                        `json:"raw"`
	Value     union                             `json:"value"`
	Values    map[string][]union                `json:"values"`
	Clearable nullable.Nullable[string]         `json:"clearable,omitempty"`
	Child     *sample                           `json:"child,omitempty"`
	Set       map[string]nullable.Nullable[int] `json:"set,omitempty"`
}

// union holds its raw bytes, as gen's oapi-codegen unions do.
type union struct{ raw RawMessage }

func (u *union) UnmarshalJSON(b []byte) error { return u.raw.UnmarshalJSON(b) }

// TestUnmarshalDecodesAsEncodingJSON decodes bodies that exercise what
// encoding/json forgives or treats specially, and requires the same Go
// value from Unmarshal.
func TestUnmarshalDecodesAsEncodingJSON(t *testing.T) {
	bodies := map[string]string{
		"every field": `{"name":"Ada","nick":"a","amount":1234567.891,"count":3,"active":true,
			"created_at":"2023-01-01T15:00:00.123456789Z","ended_at":null,
			"id":"b6b4a1a2-1f5c-4e1e-9a39-8a0d3e0c4f11","day":"2024-02-29","tags":["x","y"],
			"extra":{"n":1,"s":"t","a":[null,false]},"raw":{"k":[1, 2]},
			"value":{"attribute_type":"text","value":"x"},"values":{"email":[{"a":1},{"b":2}]},
			"clearable":null,"child":{"name":"B","tags":[]},"set":{"a":1,"b":null}}`,
		"names in another case":  `{"NAME":"Ada","Created_At":"2023-01-01T15:00:00Z"}`,
		"unknown names":          `{"name":"Ada","unknown":{"deep":[1,2,3]}}`,
		"repeated names":         `{"name":"first","name":"last"}`,
		"invalid UTF-8":          "{\"name\":\"a\xffb\"}",
		"escapes":                `{"name":"\u00e9\n\"\\\/\ud83d\ude00"}`,
		"nulls":                  `{"name":null,"tags":null,"extra":null,"child":null,"value":null,"clearable":null}`,
		"null pointer to struct": `{"child":null}`,
		"whitespace":             " \n{ \"name\" : \"x\" } \t",
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			var want, got sample
			if err := stdjson.Unmarshal([]byte(body), &want); err != nil {
				t.Fatalf("encoding/json: %v", err)
			}
			if err := Unmarshal([]byte(body), &got); err != nil {
				t.Fatalf("Unmarshal: %v", err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("Unmarshal gave\n%+v\nencoding/json gave\n%+v", got, want)
			}
		})
	}
}

// TestUnmarshalFailsWhereEncodingJSONFails checks that what encoding/json
// refuses is refused here too, with an error.
func TestUnmarshalFailsWhereEncodingJSONFails(t *testing.T) {
	bodies := map[string]string{
		"truncated":          `{"name":"Ada"`,
		"not JSON":           `<html>`,
		"empty":              ``,
		"trailing data":      `{"name":"Ada"} {}`,
		"string for number":  `{"amount":"1"}`,
		"fraction for int":   `{"count":1.5}`,
		"number for string":  `{"name":1}`,
		"bad time":           `{"created_at":"yesterday"}`,
		"bad UUID":           `{"id":"not-a-uuid"}`,
		"object for array":   `{"tags":{}}`,
		"overflowing number": `{"amount":1e400}`,
		"trailing comma":     `{"name":"Ada",}`,
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			var v sample
			if err := stdjson.Unmarshal([]byte(body), &v); err == nil {
				t.Fatalf("encoding/json accepts %s", body)
			}
			if err := Unmarshal([]byte(body), &v); err == nil {
				t.Fatalf("Unmarshal accepts %s", body)
			}
		})
	}
}

// FuzzUnmarshal holds Unmarshal to encoding/json: both accept the same
// inputs and decode them to the same value.
func FuzzUnmarshal(f *testing.F) {
	for _, s := range []string{
		`{"name":"Ada","amount":1.5,"count":2,"active":true,"tags":["a"],"child":{"name":"b"}}`,
		`{"created_at":"2023-01-01T15:00:00.123456789Z","ended_at":null,"id":"b6b4a1a2-1f5c-4e1e-9a39-8a0d3e0c4f11"}`,
		`{"extra":{"a":[1,"b",null]},"raw":[1],"value":{"x":1},"values":{"a":[{}]}}`,
		`{"clearable":null,"set":{"a":null,"b":2},"day":"2024-01-01"}`,
		`{"NaMe":"x","nick":null}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var want, got sample
		wantErr := stdjson.Unmarshal(data, &want)
		gotErr := Unmarshal(data, &got)
		switch {
		case (wantErr == nil) != (gotErr == nil):
			t.Fatalf("%q: encoding/json: %v; Unmarshal: %v", data, wantErr, gotErr)
		case wantErr == nil && !reflect.DeepEqual(got, want):
			t.Fatalf("%q: Unmarshal gave\n%+v\nencoding/json gave\n%+v", data, got, want)
		}
	})
}

// TestMarshalIsEncodingJSON checks that request bodies are encoded by
// encoding/json: nil slices and maps are null, as v2 would not write them.
func TestMarshalIsEncodingJSON(t *testing.T) {
	v := sample{Name: "<Ada>", Clearable: nullable.NewNullNullable[string]()}
	want, err := stdjson.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Fatalf("Marshal = %s\nencoding/json: %s", got, want)
	}
}
