package testserver

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/attio-community/attio-go/internal/repo"
)

// Spec is a loaded OpenAPI document and the operations in it.
type Spec struct {
	// Doc is the document, with every $ref resolved.
	Doc *openapi3.T
	// Operations lists every operation in the document, sorted by path and
	// then by method.
	Operations []*Operation
	router     routers.Router
}

// Operation is one operation of a [Spec].
type Operation struct {
	// ID is the operationId; Method (upper case) and Path (a template such
	// as /v2/objects/{object}) locate it.
	ID, Method, Path string
	// Op is the operation's definition and Item its path item, whose
	// parameters apply to it too.
	Op   *openapi3.Operation
	Item *openapi3.PathItem
}

// SpecPath returns the path of the normalized spec in the module that
// contains the working directory. It fails, saying to run `make generate`,
// when the file does not exist: the tests that need it must not pass
// without it.
func SpecPath() (string, error) {
	return repo.File(repo.NormalizedSpec)
}

// Load reads the OpenAPI document at path, resolves its references and
// lists its operations. Every operation must have an operationId. The
// document's servers are dropped, so that requests match on their path
// alone, whatever host serves them.
func Load(path string) (*Spec, error) {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(path)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	return New(doc)
}

// New lists the operations of doc, which must have its references
// resolved, and prepares to route requests to them. It drops doc's servers.
//
// Validation uses kin-openapi's own schema validator for every schema, as
// for OpenAPI 3.0: for 3.1 documents kin-openapi v0.142 hands schemas
// without a $ref to a JSON Schema 2020-12 validator that treats formats
// as annotations (so a path parameter "not-a-uuid" passes), and silently
// falls back to its own validator for every schema with a $ref. Its own
// validator understands the 3.1 constructs the normalized document uses
// (type arrays such as [string, "null"], {type: "null"} branches). So the
// router, whose routes tell the validator which version applies, works on
// a copy of doc that is marked 3.0.3 once the router has checked it as
// what it is; doc itself is left as it is. The check is kin-openapi's,
// except for examples: Attio's own examples are not all valid (see
// [Synthesize]).
func New(doc *openapi3.T) (*Spec, error) {
	doc.Servers = nil
	routed := *doc
	router, err := legacy.NewRouter(&routed, openapi3.DisableExamplesValidation())
	if err != nil {
		return nil, err
	}
	routed.OpenAPI = "3.0.3"
	s := &Spec{Doc: doc, router: router}
	var missing []string
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			if op.OperationID == "" {
				missing = append(missing, strings.ToUpper(method)+" "+path)
				continue
			}
			s.Operations = append(s.Operations, &Operation{ID: op.OperationID, Method: strings.ToUpper(method), Path: path, Op: op, Item: item})
		}
	}
	if len(missing) > 0 {
		slices.Sort(missing)
		return nil, fmt.Errorf("operations without an operationId: %s", strings.Join(missing, ", "))
	}
	slices.SortFunc(s.Operations, func(a, b *Operation) int {
		if c := strings.Compare(a.Path, b.Path); c != 0 {
			return c
		}
		return methodRank(a.Method) - methodRank(b.Method)
	})
	return s, nil
}

// methodRank orders methods the way API references list them.
func methodRank(m string) int {
	i := slices.Index([]string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete}, m)
	if i < 0 {
		return 99
	}
	return i
}

// Operation returns the operation whose operationId is id, or nil.
func (s *Spec) Operation(id string) *Operation {
	for _, op := range s.Operations {
		if op.ID == id {
			return op
		}
	}
	return nil
}

// Parameters returns the operation's parameters, those of its path item
// included (the operation's own win), in the document's order.
func (o *Operation) Parameters() []*openapi3.Parameter {
	var out []*openapi3.Parameter
	seen := map[string]bool{}
	for _, list := range []openapi3.Parameters{o.Op.Parameters, o.Item.Parameters} {
		for _, ref := range list {
			p := ref.Value
			if key := p.In + " " + p.Name; !seen[key] {
				seen[key] = true
				out = append(out, p)
			}
		}
	}
	return out
}

// PathParameterNames returns the names of the path template's parameters,
// in the order they appear in it.
func (o *Operation) PathParameterNames() []string {
	var names []string
	rest := o.Path
	for {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			return names
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return names
		}
		names = append(names, rest[i+1:i+j])
		rest = rest[i+j+1:]
	}
}

// Parameter returns the operation's parameter named name in location in
// ("path", "query", "header" or "cookie"), or nil.
func (o *Operation) Parameter(in, name string) *openapi3.Parameter {
	for _, p := range o.Parameters() {
		if p.In == in && p.Name == name {
			return p
		}
	}
	return nil
}

// Success returns the operation's success response: its lowest 2xx
// status, else its lowest 3xx status, with the response's definition. ok
// is false when the document defines neither.
func (o *Operation) Success() (status int, resp *openapi3.Response, ok bool) {
	best := 0
	for code, ref := range o.Op.Responses.Map() {
		n, err := strconv.Atoi(code)
		if err != nil || n < 200 || n >= 400 || ref.Value == nil {
			continue
		}
		if best == 0 || n < best {
			best, resp = n, ref.Value
		}
	}
	return best, resp, best != 0
}

// JSONSchema returns the schema of resp's application/json content, or nil
// when it has none.
func JSONSchema(resp *openapi3.Response) *openapi3.SchemaRef {
	if resp == nil {
		return nil
	}
	if mt := resp.Content.Get("application/json"); mt != nil {
		return mt.Schema
	}
	return nil
}

// Route finds the operation that req is for.
func (s *Spec) Route(req *http.Request) (*routers.Route, map[string]string, error) {
	return s.router.FindRoute(req)
}

// ValidateSchema checks value, a JSON value as encoding/json decodes it into
// an any, against schema with the rules the server applies to bodies.
func ValidateSchema(schema *openapi3.Schema, value any) error {
	return schema.VisitJSON(value, schemaOptions()...)
}
