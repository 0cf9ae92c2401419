package gencheck

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/attio-community/attio-go/gen"
)

// These tests show, through the generated types, each fix the pipeline
// makes to Attio's document (spec/overlay.yaml and internal/normalize).

// recordJSON is a record as Attio returns it, with values of several types.
const recordJSON = `{
  "id": {"workspace_id": "14beef7a-99f7-4534-a87e-70b564330a4c", "object_id": "97052eb9-e65e-443f-a297-f2d9a4a7f795", "record_id": "bf071e1f-6035-429d-b874-d83ea64ea13b"},
  "created_at": "2022-11-21T13:22:49.061281000Z",
  "web_url": "https://app.attio.com/salarya/person/bf071e1f-6035-429d-b874-d83ea64ea13b",
  "values": {
    "last_contacted": [{"active_from": "2023-01-01T15:00:00.000000000Z", "active_until": null,
      "created_by_actor": {"type": null, "id": null},
      "attribute_type": "timestamp", "value": "2023-01-01T15:00:00.123456789Z"}],
    "arr": [{"active_from": "2023-01-01T15:00:00.000000000Z", "active_until": null,
      "created_by_actor": {"type": "workspace-member", "id": "50cf242c-7fa3-4cad-87d0-75b1af71c57b"},
      "attribute_type": "currency", "currency_value": 1234567.8912, "currency_code": null}],
    "name": [{"active_from": "2023-01-01T15:00:00.000000000Z", "active_until": null,
      "created_by_actor": {"type": "system", "id": null},
      "attribute_type": "text", "value": "Alice"}],
    "future_thing": [{"active_from": "2023-01-01T15:00:00.000000000Z", "active_until": null,
      "created_by_actor": {"type": "system", "id": null},
      "attribute_type": "hologram", "value": 42}]
  }
}`

func decodeRecord(t *testing.T) gen.Record {
	t.Helper()
	var r gen.Record
	if err := json.Unmarshal([]byte(recordJSON), &r); err != nil {
		t.Fatalf("decode a record Attio returns: %v", err)
	}
	return r
}

// TestTimestampValueIsADateTime: the document declares the timestamp value
// `format: date`, but it carries date-times with nanoseconds.
func TestTimestampValueIsADateTime(t *testing.T) {
	r := decodeRecord(t)
	v, err := r.Values["last_contacted"][0].ValueByDiscriminator()
	if err != nil {
		t.Fatal(err)
	}
	ts, ok := v.(gen.TimestampValue)
	if !ok {
		t.Fatalf("the timestamp value decoded as %T", v)
	}
	want := time.Date(2023, 1, 1, 15, 0, 0, 123456789, time.UTC)
	if !ts.Value.Equal(want) {
		t.Errorf("value = %v, want %v (nanoseconds kept)", ts.Value, want)
	}
	if !r.CreatedAt.Equal(time.Date(2022, 11, 21, 13, 22, 49, 61281000, time.UTC)) {
		t.Errorf("created_at, which the document leaves without a format, = %v", r.CreatedAt)
	}
}

// TestNullsStayNulls: the document marks nullable fields with the 3.0
// keyword `nullable`, which a 3.1 generator ignores; nullable enums omit
// null from their values.
func TestNullsStayNulls(t *testing.T) {
	r := decodeRecord(t)
	v, err := r.Values["arr"][0].ValueByDiscriminator()
	if err != nil {
		t.Fatal(err)
	}
	c := v.(gen.CurrencyValue)
	if c.CurrencyCode != nil {
		t.Errorf("currency_code null decoded as %v", *c.CurrencyCode)
	}
	if c.CurrencyValue != 1234567.8912 {
		t.Errorf("currency_value = %v: a float32 would have rounded it", c.CurrencyValue)
	}
	if c.ActiveUntil != nil {
		t.Errorf("active_until null decoded as %v", c.ActiveUntil)
	}
	if c.CreatedByActor.Type == nil || *c.CreatedByActor.Type != gen.ActorTypeWorkspaceMember {
		t.Errorf("created_by_actor.type = %v", c.CreatedByActor.Type)
	}
	ts, _ := r.Values["last_contacted"][0].ValueByDiscriminator()
	if a := ts.(gen.TimestampValue).CreatedByActor; a.ID != nil || a.Type != nil {
		t.Errorf("null actor decoded as %+v", a)
	}

	var cfg gen.Currency
	if err := json.Unmarshal([]byte(`{"default_currency_code": null, "display_type": null}`), &cfg); err != nil {
		t.Fatalf("a currency config with null code and display type: %v", err)
	}
	if cfg.DefaultCurrencyCode != nil || cfg.DisplayType != nil {
		t.Errorf("nulls decoded as %+v", cfg)
	}
	back, err := json.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if string(back) != `{"default_currency_code":null,"display_type":null}` {
		t.Errorf("re-encoded as %s: nulls must stay nulls", back)
	}
}

// TestUnknownAttributeTypeDoesNotBreakARecord: records may hold attribute
// types the document does not list; the record still decodes, and only
// asking for that value's variant reports the unknown type.
func TestUnknownAttributeTypeDoesNotBreakARecord(t *testing.T) {
	r := decodeRecord(t)
	v := r.Values["future_thing"][0]
	kind, err := v.Discriminator()
	if err != nil || kind != "hologram" {
		t.Errorf("Discriminator() = %q, %v", kind, err)
	}
	if _, err := v.ValueByDiscriminator(); err == nil {
		t.Error("ValueByDiscriminator() of an unknown type returned no error")
	}
	text, err := r.Values["name"][0].ValueByDiscriminator()
	if err != nil || text.(gen.TextValue).Value != "Alice" {
		t.Errorf("text value = %v, %v", text, err)
	}
}

// TestRecordMatchInputTakesAnyAttributeSlug: the document requires a
// property literally named [slug_or_id_of_matching_attribute], a stand-in
// for the slug of the attribute to match on.
func TestRecordMatchInputTakesAnyAttributeSlug(t *testing.T) {
	var email gen.InputValue
	if err := email.FromEmailAddressInput(gen.EmailAddressInput{EmailAddress: ptr("alice@example.com")}); err != nil {
		t.Fatal(err)
	}
	match := gen.RecordMatchInput{TargetObject: "people", AdditionalProperties: map[string][]gen.InputValue{"email_addresses": {email}}}
	got, err := json.Marshal(match)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"email_addresses":[{"email_address":"alice@example.com"}],"target_object":"people"}`
	if string(got) != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if strings.Contains(string(got), "[slug") {
		t.Error("the placeholder leaked into the request")
	}
}

// TestRecordValuesAreTypedOnWrite: the document types written values as
// arrays of anything; they are arrays of input values.
func TestRecordValuesAreTypedOnWrite(t *testing.T) {
	var name, stage gen.InputValue
	if err := name.FromTextInput(gen.TextInput{Value: "Alice"}); err != nil {
		t.Fatal(err)
	}
	if err := stage.FromStatusInput(gen.StatusInput{Status: "In progress"}); err != nil {
		t.Fatal(err)
	}
	body := gen.CreateRecordJSONRequestBody{Data: gen.CreateRecordInput{Values: map[string][]gen.InputValue{
		"name": {name}, "stage": {stage},
	}}}
	got, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"data":{"values":{"name":[{"value":"Alice"}],"stage":[{"status":"In progress"}]}}}`
	if string(got) != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// TestErrorBodyTakesCodesTheDocumentOmits: each error response in the
// document narrows `code` to one value; real ones carry others.
func TestErrorBodyTakesCodesTheDocumentOmits(t *testing.T) {
	var e gen.Error
	body := `{"status_code": 400, "type": "invalid_request_error", "code": "uniqueness_conflict", "message": "Duplicate",
	  "validation_errors": [{"code": "uniqueness", "path": ["values", "email_addresses"], "message": "taken"}]}`
	if err := json.Unmarshal([]byte(body), &e); err != nil {
		t.Fatal(err)
	}
	if e.Code != "uniqueness_conflict" || e.StatusCode != 400 || e.ValidationErrors == nil || len(*e.ValidationErrors) != 1 {
		t.Errorf("decoded %+v", e)
	}
}

// TestListAccessLevelMayBeNull: lists return workspace_member_access
// entries whose level is null, which the document does not allow.
func TestListAccessLevelMayBeNull(t *testing.T) {
	var a gen.WorkspaceMemberAccess
	err := json.Unmarshal([]byte(`{"workspace_member_id": "50cf242c-7fa3-4cad-87d0-75b1af71c57b", "level": null}`), &a)
	if err != nil || a.Level != nil {
		t.Errorf("level null: %+v, %v", a, err)
	}
}

// TestListStatusesCarryListID: statuses of list attributes are identified
// by list_id, not the object_id the document requires.
func TestListStatusesCarryListID(t *testing.T) {
	var s gen.Status
	body := `{"id": {"workspace_id": "14beef7a-99f7-4534-a87e-70b564330a4c", "list_id": "33ebdbe9-e529-47c9-b894-0ba25e9c15c0",
	  "attribute_id": "41252299-f8c7-4b5e-99c9-4ff8321d2f96", "status_id": "11f07f01-c10f-4e05-a522-33e050bc52ee"},
	  "title": "In Progress", "is_archived": false, "celebration_enabled": false, "target_time_in_status": null}`
	if err := json.Unmarshal([]byte(body), &s); err != nil {
		t.Fatal(err)
	}
	if s.ID.ListID == nil || s.ID.ListID.String() != "33ebdbe9-e529-47c9-b894-0ba25e9c15c0" || s.ID.ObjectID != nil {
		t.Errorf("id = %+v", s.ID)
	}
}

// TestVariantsAreReachedByWhatTheyAre: the value union is discriminated by
// attribute_type, and building a value stamps it.
func TestVariantsAreReachedByWhatTheyAre(t *testing.T) {
	var v gen.AttributeValue
	if err := v.FromNumberValue(gen.NumberValue{Value: 3}); err != nil {
		t.Fatal(err)
	}
	kind, err := v.Discriminator()
	if err != nil || kind != "number" {
		t.Fatalf("Discriminator() = %q, %v", kind, err)
	}
	got, err := v.ValueByDiscriminator()
	if n, ok := got.(gen.NumberValue); err != nil || !ok || n.Value != 3 {
		t.Errorf("ValueByDiscriminator() = %#v, %v", got, err)
	}
	var bad gen.AttributeValue
	if err := json.Unmarshal([]byte(`{"attribute_type": 7}`), &bad); err != nil {
		t.Fatal(err)
	}
	if _, err := bad.ValueByDiscriminator(); err == nil {
		t.Error("a malformed discriminator was accepted")
	}
}

func ptr[T any](v T) *T { return &v }

// TestEnumValid: Valid accepts every member of an enum and nothing else.
func TestEnumValid(t *testing.T) {
	for _, c := range []struct {
		name  string
		valid bool
		got   bool
	}{
		{"CountryCodeUS", true, gen.CountryCodeUS.Valid()},
		{"CountryCodeZW", true, gen.CountryCodeZW.Valid()},
		{`CountryCode("ZZ")`, false, gen.CountryCode("ZZ").Valid()},
		{`CountryCode("us")`, false, gen.CountryCode("us").Valid()},
		{"CurrencyCodeUSD", true, gen.CurrencyCodeUSD.Valid()},
		{"AttributeTypeText", true, gen.AttributeTypeText.Valid()},
		{`AttributeType("")`, false, gen.AttributeType("").Valid()},
		{"AccessLevelAdmin", true, gen.AccessLevelAdmin.Valid()},
	} {
		if c.got != c.valid {
			t.Errorf("%s.Valid() = %v, want %v", c.name, c.got, c.valid)
		}
	}
}
