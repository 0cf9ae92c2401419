package conformance

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/attio-community/attio-go/gen"
	"github.com/attio-community/attio-go/internal/testserver"
)

// These tests check the suite's own machinery: that it sees the losses it
// exists to find.

func TestSemanticDiff(t *testing.T) {
	tests := []struct {
		name, want, got, loss string
	}{
		{"same instant, other precision", `{"t":"2023-01-01T15:00:00.000000000Z"}`, `{"t":"2023-01-01T15:00:00Z"}`, ""},
		{"same instant, other zone", `{"t":"2023-01-01T15:00:00.5+02:00"}`, `{"t":"2023-01-01T13:00:00.500Z"}`, ""},
		{"nanoseconds lost", `{"t":"2023-01-01T15:00:00.123456789Z"}`, `{"t":"2023-01-01T15:00:00.123Z"}`, "/t: \"2023-01-01T15:00:00.123456789Z\" became"},
		{"key order and number form", `{"a":1,"b":1.50}`, `{"b":1.5,"a":1.0}`, ""},
		{"float32", `{"n":1234567.891}`, `{"n":1234567.9}`, "/n: 1234567.891 became 1234567.9"},
		{"field dropped", `{"a":1,"b":"x"}`, `{"a":1}`, `/b: "x" dropped`},
		{"null dropped", `{"a":null}`, `{}`, "/a: null dropped"},
		{"null to zero", `{"a":null}`, `{"a":""}`, `/a: null became ""`},
		{"zero to null", `{"a":[0]}`, `{"a":[null]}`, "/a/0: 0 became null"},
		{"null added", `{}`, `{"a":null}`, "/a: null added"},
		{"array to null", `{"a":[]}`, `{"a":null}`, "/a: array became null"},
	}
	for _, tt := range tests {
		losses, err := semanticDiff([]byte(tt.want), []byte(tt.got))
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case tt.loss == "" && len(losses) > 0:
			t.Errorf("%s: losses %v, want none", tt.name, losses)
		case tt.loss != "" && (len(losses) != 1 || !strings.HasPrefix(losses[0].String(), tt.loss)):
			t.Errorf("%s: losses %v, want one starting %q", tt.name, losses, tt.loss)
		}
	}
}

// lossy has the faults the round trip must catch.
type lossy struct {
	Kept    string    `json:"kept"`
	Float   float32   `json:"float"`
	NotNull string    `json:"not_null"`
	Omitted *string   `json:"omitted,omitempty"`
	When    time.Time `json:"when"`
	// no field for "dropped"
}

func TestRoundTripFindsLosses(t *testing.T) {
	schema := openapi3.NewObjectSchema().
		WithProperty("kept", openapi3.NewStringSchema()).
		WithProperty("dropped", openapi3.NewStringSchema()).
		WithProperty("float", openapi3.NewFloat64Schema()).
		WithProperty("not_null", &openapi3.Schema{Type: &openapi3.Types{"string", "null"}}).
		WithProperty("omitted", &openapi3.Schema{Type: &openapi3.Types{"string", "null"}}).
		WithProperty("when", openapi3.NewDateTimeSchema())
	schema.Required = []string{"kept", "dropped", "float", "not_null", "omitted", "when"}
	ref := openapi3.NewSchemaRef("", schema)

	got := map[string]bool{}
	for _, v := range testserver.Variants(ref) {
		for _, l := range roundTrip(ref, v, reflect.TypeFor[lossy]()) {
			got[v.Name+" "+l.Pointer] = true
		}
	}
	for _, want := range []string{"examples /dropped", "examples /float", "nulls /not_null", "nulls /omitted"} {
		if !got[want] {
			t.Errorf("no loss %q found; found %v", want, got)
		}
	}
	if got["examples /when"] || got["branch-0 /when"] {
		t.Errorf("time.Time lost a nanosecond date-time: %v", got)
	}
}

// TestNanosecondTimestamps checks that a timestamp attribute value keeps
// its instant to the nanosecond through gen.AttributeValue.
func TestNanosecondTimestamps(t *testing.T) {
	const in = `{"active_from":"2023-01-01T15:00:00.123456789Z","active_until":null,` +
		`"created_by_actor":{"type":"api-token","id":"x"},"attribute_type":"timestamp","value":"2023-01-01T15:00:00.123456789Z"}`
	var v gen.AttributeValue
	if err := json.Unmarshal([]byte(in), &v); err != nil {
		t.Fatal(err)
	}
	variant, err := v.ValueByDiscriminator()
	if err != nil {
		t.Fatal(err)
	}
	ts, ok := variant.(gen.TimestampValue)
	if !ok {
		t.Fatalf("ValueByDiscriminator returned %T, want gen.TimestampValue", variant)
	}
	if want := time.Date(2023, 1, 1, 15, 0, 0, 123456789, time.UTC); !ts.Value.Equal(want) || !ts.ActiveFrom.Equal(want) {
		t.Errorf("value %v, active_from %v; want %v", ts.Value, ts.ActiveFrom, want)
	}
	out, err := json.Marshal(ts)
	if err != nil {
		t.Fatal(err)
	}
	if losses, _ := semanticDiff([]byte(in), out); len(losses) > 0 {
		t.Errorf("round trip lost %v: %s", losses, out)
	}
}

func TestCheckUnionsFindsLosses(t *testing.T) {
	// A text value with a field TextValue does not have.
	const in = `{"active_from":"2023-01-01T15:00:00Z","active_until":null,"created_by_actor":{"type":"system","id":null},` +
		`"attribute_type":"text","value":"hi","surprise":1}`
	var v gen.AttributeValue
	if err := json.Unmarshal([]byte(in), &v); err != nil {
		t.Fatal(err)
	}
	losses := checkUnions(reflect.ValueOf(v), "/x")
	found := false
	for _, l := range losses {
		found = found || (l.Pointer == "/x/surprise" && strings.Contains(l.Message, "dropped"))
	}
	if !found {
		t.Errorf("losses %v, want /x/surprise dropped", losses)
	}
	var bad gen.AttributeValue
	json.Unmarshal([]byte(`{"attribute_type":"no-such-type"}`), &bad)
	if losses := checkUnions(reflect.ValueOf(bad), ""); len(losses) != 1 || !strings.Contains(losses[0].Message, "ValueByDiscriminator") {
		t.Errorf("losses %v, want the discriminator error", losses)
	}
}

func TestPointerMatch(t *testing.T) {
	for _, tt := range []struct {
		pattern, pointer string
		want             bool
	}{
		{"created_by_actor/*", "/data/0/created_by_actor/id", true},
		{"created_by_actor/*", "/data/created_by_actor", false},
		{"/data/*/id", "/data/0/id", true},
		{"/data/*/id", "/x/data/0/id", false},
		{"id", "/data/id", true},
	} {
		if got := pointerMatch(tt.pattern, tt.pointer); got != tt.want {
			t.Errorf("pointerMatch(%q, %q) = %v, want %v", tt.pattern, tt.pointer, got, tt.want)
		}
	}
}
