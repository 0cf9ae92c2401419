package conformance

import (
	"bytes"
	"context"
	"encoding"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/attio-community/attio-go/gen"
	"github.com/attio-community/attio-go/internal/testserver"
)

// call is one operation's call, built generically from the document: the
// generated method found by name, path parameters from the parameters'
// examples, every query parameter through the generated Params struct, and
// the body from the request schema's examples.
type call struct {
	op *testserver.Operation
	// method is the generated method's name, fn the method itself.
	method string
	fn     reflect.Value
	// args are the arguments after the context; the body, if any, is last
	// and is replaced by a fresh reader on each invocation.
	args []reflect.Value
	body []byte
	// status is the documented success status; jsonField the generated
	// response's field for its JSON body ("" when it has none).
	status    int
	jsonField string
}

// buildCall prepares the call of op on c. Its error names what the suite
// cannot do for op, so that an operation it does not cover fails by name.
func buildCall(c *gen.ClientWithResponses, op *testserver.Operation) (*call, error) {
	cl := &call{op: op}
	status, resp, ok := op.Success()
	if !ok {
		return nil, fmt.Errorf("the document gives %s no 2xx or 3xx response", op.ID)
	}
	cl.status = status
	if testserver.JSONSchema(resp) != nil {
		cl.jsonField = "JSON" + strconv.Itoa(status)
	}

	var contentType string
	if rb := op.Op.RequestBody; rb != nil && rb.Value != nil {
		var err error
		contentType, cl.body, err = buildBody(rb.Value)
		if err != nil {
			return nil, fmt.Errorf("request body: %w", err)
		}
		cl.method = op.ID + "WithBodyWithResponse"
	} else {
		cl.method = op.ID + "WithResponse"
	}
	cl.fn = reflect.ValueOf(c).MethodByName(cl.method)
	if !cl.fn.IsValid() {
		return nil, fmt.Errorf("*gen.ClientWithResponses has no method %s: run `make generate`", cl.method)
	}
	ft := cl.fn.Type()
	want := 1 + len(op.PathParameterNames()) + 1 // context, path parameters, request editors
	params := queryParameters(op)
	if len(params) > 0 {
		want++
	}
	if cl.body != nil {
		want += 2
	}
	if ft.NumIn() != want || !ft.IsVariadic() || ft.NumOut() != 2 {
		return nil, fmt.Errorf("%s has signature %s; the document's parameters call for %d arguments", cl.method, ft, want)
	}
	i := 1
	for _, name := range op.PathParameterNames() {
		p := op.Parameter(openapi3.ParameterInPath, name)
		if p == nil {
			return nil, fmt.Errorf("path parameter {%s} is not described", name)
		}
		v, err := parameterValue(p)
		if err != nil {
			return nil, err
		}
		arg, err := pathArgument(ft.In(i), v)
		if err != nil {
			return nil, fmt.Errorf("path parameter %s: %w", name, err)
		}
		cl.args = append(cl.args, arg)
		i++
	}
	if len(params) > 0 {
		arg, err := paramsArgument(ft.In(i), op, params)
		if err != nil {
			return nil, err
		}
		cl.args = append(cl.args, arg)
		i++
	}
	if cl.body != nil {
		cl.args = append(cl.args, reflect.ValueOf(contentType), reflect.Value{})
	}
	return cl, nil
}

// invoke calls the operation and returns the generated response (a
// pointer to its struct) and the error.
func (cl *call) invoke(ctx context.Context) (reflect.Value, error) {
	args := append([]reflect.Value{reflect.ValueOf(ctx)}, cl.args...)
	if cl.body != nil {
		args[len(args)-1] = reflect.ValueOf(io.Reader(bytes.NewReader(cl.body)))
	}
	out := cl.fn.Call(args)
	err, _ := out[1].Interface().(error)
	return out[0], err
}

// queryParameters returns op's parameters outside the path, which the
// generated code takes in its Params struct.
func queryParameters(op *testserver.Operation) []*openapi3.Parameter {
	var out []*openapi3.Parameter
	for _, p := range op.Parameters() {
		if p.In != openapi3.ParameterInPath {
			out = append(out, p)
		}
	}
	return out
}

// parameterValue returns a parameter's value: its example if valid, else
// one of its examples, else one built from its schema.
func parameterValue(p *openapi3.Parameter) (any, error) {
	if p.Schema == nil || p.Schema.Value == nil {
		return nil, fmt.Errorf("parameter %s has no schema", p.Name)
	}
	cands := []any{p.Example}
	names := make([]string, 0, len(p.Examples))
	for name := range p.Examples {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if ex := p.Examples[name]; ex != nil && ex.Value != nil {
			cands = append(cands, ex.Value.Value)
		}
	}
	for _, c := range cands {
		if c != nil && testserver.ValidateSchema(p.Schema.Value, c) == nil {
			return c, nil
		}
	}
	v, err := testserver.Synthesize(p.Schema, testserver.Variant{})
	if err != nil {
		return nil, fmt.Errorf("parameter %s: %w", p.Name, err)
	}
	return v, nil
}

// pathArgument converts a path parameter's value to the generated
// method's argument type: a string type, a type that unmarshals from text
// (such as UUIDs), or an integer.
func pathArgument(t reflect.Type, v any) (reflect.Value, error) {
	s, err := scalarText(v)
	if err != nil {
		return reflect.Value{}, err
	}
	p := reflect.New(t)
	if u, ok := p.Interface().(encoding.TextUnmarshaler); ok {
		if err := u.UnmarshalText([]byte(s)); err != nil {
			return reflect.Value{}, fmt.Errorf("%q as %s: %w", s, t, err)
		}
		return p.Elem(), nil
	}
	switch t.Kind() {
	case reflect.String:
		p.Elem().SetString(s)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return reflect.Value{}, fmt.Errorf("%q as %s: %w", s, t, err)
		}
		p.Elem().SetInt(n)
	default:
		return reflect.Value{}, fmt.Errorf("cannot pass %q as %s", s, t)
	}
	return p.Elem(), nil
}

// paramsArgument builds the generated Params struct (t is a pointer to it)
// by decoding a JSON object of every parameter's value, then checks that
// each parameter landed in a field.
func paramsArgument(t reflect.Type, op *testserver.Operation, params []*openapi3.Parameter) (reflect.Value, error) {
	if t.Kind() != reflect.Pointer || t.Elem().Name() != op.ID+"Params" {
		return reflect.Value{}, fmt.Errorf("expected a *%sParams argument for the query parameters, found %s", op.ID, t)
	}
	values := map[string]any{}
	for _, p := range params {
		if p.In != openapi3.ParameterInQuery && p.In != openapi3.ParameterInHeader {
			return reflect.Value{}, fmt.Errorf("parameter %s is in %s, which the suite does not fill", p.Name, p.In)
		}
		v, err := parameterValue(p)
		if err != nil {
			return reflect.Value{}, err
		}
		values[p.Name] = v
	}
	b, err := json.Marshal(values)
	if err != nil {
		return reflect.Value{}, err
	}
	pv := reflect.New(t.Elem())
	if err := json.Unmarshal(b, pv.Interface()); err != nil {
		return reflect.Value{}, fmt.Errorf("%s from %s: %w", t.Elem(), b, err)
	}
	back, err := json.Marshal(pv.Interface())
	if err != nil {
		return reflect.Value{}, err
	}
	var landed map[string]any
	if err := json.Unmarshal(back, &landed); err != nil {
		return reflect.Value{}, err
	}
	for name := range values {
		if _, ok := landed[name]; !ok {
			return reflect.Value{}, fmt.Errorf("%s has no field for parameter %q", t.Elem(), name)
		}
	}
	return pv, nil
}

// buildBody returns the content type and bytes of a request body built from
// the document's examples: JSON, or multipart/form-data with a small file
// for each binary field.
func buildBody(rb *openapi3.RequestBody) (string, []byte, error) {
	if mt := rb.Content.Get("application/json"); mt != nil && mt.Schema != nil {
		v, err := testserver.Synthesize(mt.Schema, testserver.Variant{})
		if err != nil {
			return "", nil, err
		}
		b, err := json.Marshal(v)
		return "application/json", b, err
	}
	if mt := rb.Content.Get("multipart/form-data"); mt != nil && mt.Schema != nil {
		return multipartBody(mt.Schema)
	}
	var types []string
	for ct := range rb.Content {
		types = append(types, ct)
	}
	slices.Sort(types)
	return "", nil, fmt.Errorf("content types %s are not supported by the conformance suite", strings.Join(types, ", "))
}

// multipartBody builds a multipart/form-data body with one part per
// property of schema, in name order.
func multipartBody(schema *openapi3.SchemaRef) (string, []byte, error) {
	v, err := testserver.Synthesize(schema, testserver.Variant{})
	if err != nil {
		return "", nil, err
	}
	fields, ok := v.(map[string]any)
	if !ok {
		return "", nil, fmt.Errorf("multipart schema is not an object")
	}
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	names := make([]string, 0, len(fields))
	for name := range fields {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		text, err := scalarText(fields[name])
		if err != nil {
			return "", nil, fmt.Errorf("multipart field %s: %w", name, err)
		}
		if p := schema.Value.Properties[name]; p != nil && p.Value != nil && p.Value.Format == "binary" {
			part, err := w.CreateFormFile(name, "conformance.txt")
			if err != nil {
				return "", nil, err
			}
			part.Write([]byte(text))
			continue
		}
		if err := w.WriteField(name, text); err != nil {
			return "", nil, err
		}
	}
	if err := w.Close(); err != nil {
		return "", nil, err
	}
	return w.FormDataContentType(), buf.Bytes(), nil
}

// scalarText renders a JSON scalar as a path, query or form value.
func scalarText(v any) (string, error) {
	switch v := v.(type) {
	case string:
		return v, nil
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), nil
	case bool:
		return strconv.FormatBool(v), nil
	}
	return "", fmt.Errorf("%v is not a scalar", v)
}
