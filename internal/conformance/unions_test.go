package conformance

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/attio-community/attio-go/gen"
)

// genPkg is the import path of the generated types.
var genPkg = reflect.TypeFor[gen.Error]().PkgPath()

// rawMessage is the type oapi-codegen stores a union's JSON in.
var rawMessage = reflect.TypeFor[json.RawMessage]()

// isUnion reports whether t is a generated union: a struct that keeps its
// JSON in an unexported field named union and decodes it on demand.
func isUnion(t reflect.Type) bool {
	if t.Kind() != reflect.Struct || t.PkgPath() != genPkg {
		return false
	}
	f, ok := t.FieldByName("union")
	return ok && f.Type == rawMessage
}

// checkUnions walks v, a decoded generated value, and returns what is lost
// when each union in it is read as the variant it holds. A union keeps its
// JSON as is, so decoding the outer type never loses anything inside it;
// a caller reads it with ValueByDiscriminator (when the union has a
// discriminator) or with one of its As<Variant> methods, and that is the
// decoding checked here: the variant read must re-encode to the union's
// JSON. Without a discriminator, some As method must do so.
func checkUnions(v reflect.Value, at string) []loss {
	var out []loss
	walkUnions(v, at, &out)
	return out
}

func walkUnions(v reflect.Value, at string, out *[]loss) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkUnions(v.Elem(), at, out)
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return // bytes
		}
		for i := range v.Len() {
			walkUnions(v.Index(i), at+"/"+strconv.Itoa(i), out)
		}
	case reflect.Map:
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
		for _, k := range keys {
			walkUnions(v.MapIndex(k), at+"/"+escapeToken(fmt.Sprint(k)), out)
		}
	case reflect.Struct:
		t := v.Type()
		if t.PkgPath() != genPkg && t.PkgPath() != "" {
			return // time.Time, openapi_types.Date and the like
		}
		if isUnion(t) {
			walkUnion(v, at, out)
			return
		}
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			switch {
			case name == "-" && f.Name == "AdditionalProperties":
				walkUnions(v.Field(i), at, out) // its keys sit beside the fields
				continue
			case name == "-":
				continue
			case name == "":
				name = f.Name
			}
			walkUnions(v.Field(i), at+"/"+escapeToken(name), out)
		}
	}
}

// walkUnion checks one union value and then walks the variant it holds.
func walkUnion(v reflect.Value, at string, out *[]loss) {
	raw, err := json.Marshal(v.Interface())
	if err != nil {
		*out = append(*out, loss{at, fmt.Sprintf("%s: re-encoding: %v", v.Type().Name(), err)})
		return
	}
	if string(raw) == "null" || len(raw) == 0 {
		return
	}
	if m := v.MethodByName("ValueByDiscriminator"); m.IsValid() {
		res := m.Call(nil)
		if err, _ := res[1].Interface().(error); err != nil {
			*out = append(*out, loss{at, fmt.Sprintf("%s.ValueByDiscriminator: %v", v.Type().Name(), err)})
			return
		}
		variant := res[0].Elem()
		compareVariant(v.Type().Name()+".ValueByDiscriminator() as "+variant.Type().Name(), raw, variant, at, out)
		return
	}
	// No discriminator: some As<Variant> must hold the value losslessly.
	// When none does, report what the closest one loses.
	var best []loss
	bestName := ""
	for i := range v.NumMethod() {
		m := v.Type().Method(i)
		if !strings.HasPrefix(m.Name, "As") || m.Type.NumIn() != 1 || m.Type.NumOut() != 2 {
			continue
		}
		res := v.Method(i).Call(nil)
		if err, _ := res[1].Interface().(error); err != nil {
			continue
		}
		var got []loss
		compareVariant(v.Type().Name()+"."+m.Name+"()", raw, res[0], at, &got)
		if len(got) == 0 {
			return // nested unions were checked by compareVariant
		}
		if bestName == "" || len(got) < len(best) {
			best, bestName = got, m.Name
		}
	}
	if bestName == "" {
		*out = append(*out, loss{at, fmt.Sprintf("no As method of %s decodes the value", v.Type().Name())})
		return
	}
	*out = append(*out, best...)
}

// compareVariant re-encodes variant, read from a union whose JSON is raw,
// records what differs (prefixed with how it was read) and walks the
// variant's own unions.
func compareVariant(how string, raw []byte, variant reflect.Value, at string, out *[]loss) {
	b, err := json.Marshal(variant.Interface())
	if err != nil {
		*out = append(*out, loss{at, fmt.Sprintf("%s: re-encoding: %v", how, err)})
		return
	}
	diffs, err := semanticDiff(raw, b)
	if err != nil {
		*out = append(*out, loss{at, fmt.Sprintf("%s: %v", how, err)})
		return
	}
	for _, d := range diffs {
		if how != "" {
			d.Message = how + ": " + d.Message
		}
		d.Pointer = at + d.Pointer
		*out = append(*out, d)
	}
	walkUnions(variant, at, out)
}
