package json

import (
	stdjson "encoding/json"
	"testing"
)

// TestStringMember checks each answer StringMember gives against
// encoding/json, and that it declines (ok false) where reading byte by
// byte could differ from decoding.
func TestStringMember(t *testing.T) {
	tests := []struct {
		name, data string
		want       string
		ok         bool
	}{
		{"member", `{"attribute_type":"text","value":"x"}`, "text", true},
		{"last member", `{"value":1,"attribute_type":"number"}`, "number", true},
		{"missing", `{"value":"x"}`, "", true},
		{"empty object", ` { } `, "", true},
		{"repeated: the last wins", `{"attribute_type":"a","attribute_type":"b"}`, "b", true},
		{"nested objects are skipped", `{"actor":{"attribute_type":"no","x":[1,{"y":"}"}]},"attribute_type":"yes"}`, "yes", true},
		{"brackets and quotes in strings", `{"a":"}]\"{[","b":["]"],"attribute_type":"ok"}`, "ok", true},
		{"scalars", `{"n":-1.5e3,"t":true,"f":false,"z":null,"attribute_type":"s"}`, "s", true},
		{"whitespace", "{\n\t\"attribute_type\" :\r \"text\" \n}", "text", true},
		{"unicode value", `{"attribute_type":"é"}`, "é", true},
		{"escaped value", `{"attribute_type":"te\u0078t"}`, "", false},
		{"escaped name", `{"attribute\u005ftype":"text"}`, "", false},
		{"name in another case", `{"Attribute_Type":"text"}`, "", false},
		{"null value", `{"attribute_type":null}`, "", false},
		{"number value", `{"attribute_type":1}`, "", false},
		{"invalid UTF-8", "{\"attribute_type\":\"\xff\"}", "", false},
		{"array", `["attribute_type"]`, "", false},
		{"string", `"attribute_type"`, "", false},
		{"empty", ``, "", false},
		{"truncated", `{"attribute_type":"text"`, "", false},
		{"truncated value", `{"a":[1,2`, "", false},
		{"missing value", `{"a":,"attribute_type":"text"}`, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := StringMember([]byte(tt.data), "attribute_type")
			if got != tt.want || ok != tt.ok {
				t.Fatalf("StringMember(%s) = %q, %v; want %q, %v", tt.data, got, ok, tt.want, tt.ok)
			}
			if ok {
				checkAgainstEncodingJSON(t, []byte(tt.data), got)
			}
		})
	}
}

// FuzzStringMember checks that whatever StringMember answers for valid
// JSON is what encoding/json decodes.
func FuzzStringMember(f *testing.F) {
	for _, s := range []string{
		`{"attribute_type":"text","value":"x"}`,
		`{"a":{"attribute_type":"no"},"attribute_type":"yes"}`,
		`{"a":"}\"","attribute_type":"x","attribute_type":"y"}`,
		`{"ATTRIBUTE_TYPE":"x"}`,
		`{"a":[1,true,null,{"b":[]}],"attribute_type":""}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !stdjson.Valid(data) {
			return // StringMember's input is valid JSON
		}
		if got, ok := StringMember(data, "attribute_type"); ok {
			checkAgainstEncodingJSON(t, data, got)
		}
	})
}

// checkAgainstEncodingJSON fails t unless encoding/json reads the same
// attribute_type from data.
func checkAgainstEncodingJSON(t *testing.T, data []byte, got string) {
	t.Helper()
	var v struct {
		Discriminator string `json:"attribute_type"`
	}
	if err := stdjson.Unmarshal(data, &v); err != nil {
		t.Fatalf("StringMember(%s) = %q, but encoding/json fails: %v", data, got, err)
	}
	if v.Discriminator != got {
		t.Fatalf("StringMember(%s) = %q; encoding/json reads %q", data, got, v.Discriminator)
	}
}
