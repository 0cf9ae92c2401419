package conformance

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/attio-community/attio-go/gen"
	genjson "github.com/attio-community/attio-go/internal/json"
	"github.com/attio-community/attio-go/internal/testserver"
)

// roundTripFailure is one thing lost for one body of one operation (code
// is the response's status, or "request"), in one or more variants.
type roundTripFailure struct {
	op, code, pointer, message string
	variants                   []string
	excused                    *exception
}

// TestRoundTrip decodes, for every JSON response and every JSON request
// body of every operation (the latter into the typed body of
// <Operation>WithResponse), bodies built from the schema (see
// testserver.Variants: the document's examples, nulls in every nullable
// place, optional properties omitted, zero values, each branch of each
// union, nanosecond date-times) into the generated type, re-encodes them and compares: no field dropped or added,
// gen's decoder (internal/json) and encoding/json giving the same value,
// no null turned into a value or back, every date-time the same instant to
// the nanosecond. Every union is also read as the variant it holds, which
// must re-encode to the same JSON. Failures not listed in
// testdata/exceptions.yaml fail the test.
func TestRoundTrip(t *testing.T) {
	spec := loadSpec(t)
	exc := loadExceptions(t)
	client := reflect.TypeFor[*gen.ClientWithResponses]()
	var failures []*roundTripFailure
	index := map[string]*roundTripFailure{}
	fail := func(op, code, variant, pointer, msg string) {
		key := op + " " + code + " " + pointer + " " + msg
		if f := index[key]; f != nil {
			f.variants = append(f.variants, variant)
			return
		}
		f := &roundTripFailure{op: op, code: code, pointer: pointer, message: msg, variants: []string{variant}}
		index[key] = f
		failures = append(failures, f)
	}

	bodies, schemas := 0, 0
	for _, op := range spec.Operations {
		m, ok := client.MethodByName(op.ID + "WithResponse")
		if !ok {
			m, ok = client.MethodByName(op.ID + "WithBodyWithResponse")
		}
		if !ok {
			fail(op.ID, "", "", "", "*gen.ClientWithResponses has no method for the operation: run `make generate`")
			continue
		}
		respType := m.Type.Out(0).Elem()
		if rb := op.Op.RequestBody; rb != nil && rb.Value != nil {
			if mt := rb.Value.Content.Get("application/json"); mt != nil && mt.Schema != nil {
				// The typed body of <Op>WithResponse: its argument before the request editors.
				typed, ok := client.MethodByName(op.ID + "WithResponse")
				if !ok || typed.Type.NumIn() < 3 {
					fail(op.ID, "request", "", "", fmt.Sprintf("*gen.ClientWithResponses has no %sWithResponse taking a typed body", op.ID))
				} else {
					schemas++
					bodyType := typed.Type.In(typed.Type.NumIn() - 2)
					for _, v := range testserver.Variants(mt.Schema) {
						bodies++
						for _, l := range roundTrip(mt.Schema, v, bodyType) {
							fail(op.ID, "request", v.Name, l.Pointer, l.Message)
						}
					}
				}
			}
		}
		codes := make([]string, 0, op.Op.Responses.Len())
		for code := range op.Op.Responses.Map() {
			codes = append(codes, code)
		}
		slices.Sort(codes)
		for _, code := range codes {
			schema := testserver.JSONSchema(op.Op.Responses.Value(code).Value)
			if schema == nil {
				continue
			}
			if _, err := strconv.Atoi(code); err != nil {
				fail(op.ID, code, "", "", "a response code the suite does not handle")
				continue
			}
			field, ok := respType.FieldByName("JSON" + code)
			if !ok || field.Type.Kind() != reflect.Pointer {
				fail(op.ID, code, "", "", fmt.Sprintf("%s has no field JSON%s for the documented JSON body", respType, code))
				continue
			}
			schemas++
			for _, v := range testserver.Variants(schema) {
				bodies++
				for _, l := range roundTrip(schema, v, field.Type.Elem()) {
					fail(op.ID, code, v.Name, l.Pointer, l.Message)
				}
			}
		}
	}

	known := map[*exception][]*roundTripFailure{}
	var order []*exception
	for _, f := range failures {
		f.excused = exc.match("roundtrip", f.op, f.code, f.pointer, f.message)
		if f.excused != nil {
			if known[f.excused] == nil {
				order = append(order, f.excused)
			}
			known[f.excused] = append(known[f.excused], f)
			continue
		}
		t.Errorf("%s %s %s: %s (variants %s)", f.op, f.code, ptr(f.pointer), f.message, strings.Join(f.variants, ", "))
	}
	for _, e := range order {
		fs := known[e]
		t.Logf("known (%s: %s %s %s): %d failures, such as %s %s %s: %s. Reason: %s",
			exceptionsFile, e.Operation, e.Body, e.Pointer, len(fs), fs[0].op, fs[0].code, ptr(fs[0].pointer), fs[0].message, strings.Join(strings.Fields(e.Reason), " "))
	}
	exc.checkStale(t, "roundtrip")
	fmt.Printf("round trip: %d bodies of %d schemas (responses and request bodies) of %d operations: %d failures, %d of them known\n",
		bodies, schemas, len(spec.Operations), len(failures), len(failures)-failed(failures))
}

// failed counts the failures no exception excuses.
func failed(fs []*roundTripFailure) int {
	n := 0
	for _, f := range fs {
		if f.excused == nil {
			n++
		}
	}
	return n
}

// roundTrip builds schema's body in variant v, decodes it into a new
// value of type typ, re-encodes that and returns every difference, and
// what is lost reading its unions.
func roundTrip(schema *openapi3.SchemaRef, v testserver.Variant, typ reflect.Type) []loss {
	val, err := testserver.Synthesize(schema, v)
	if err != nil {
		return []loss{{"", "cannot build the body: " + err.Error()}}
	}
	if err := testserver.ValidateSchema(schema.Value, val); err != nil {
		return []loss{{"", "the document rejects the body built from it: " + firstLine(err.Error())}}
	}
	body, err := json.Marshal(val)
	if err != nil {
		return []loss{{"", err.Error()}}
	}
	p := reflect.New(typ)
	if err := json.Unmarshal(body, p.Interface()); err != nil {
		return []loss{{"", fmt.Sprintf("%s cannot decode %s: %v", typ, excerpt(body), err)}}
	}
	// gen's own decoder, which the generated client uses, must decode the
	// body to the very value encoding/json does.
	q := reflect.New(typ)
	if err := genjson.Unmarshal(body, q.Interface()); err != nil {
		return []loss{{"", fmt.Sprintf("gen's decoder cannot decode %s into %s: %v", excerpt(body), typ, err)}}
	}
	if !reflect.DeepEqual(p.Interface(), q.Interface()) {
		return []loss{{"", fmt.Sprintf("gen's decoder and encoding/json decode %s into different %s values", excerpt(body), typ)}}
	}
	again, err := json.Marshal(p.Interface())
	if err != nil {
		return []loss{{"", fmt.Sprintf("%s cannot re-encode: %v", typ, err)}}
	}
	losses, err := semanticDiff(body, again)
	if err != nil {
		return []loss{{"", err.Error()}}
	}
	return append(losses, checkUnions(p.Elem(), "")...)
}
