package testserver

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3filter"
)

// maxRequestBody bounds the request bodies the server reads: Attio's file
// upload limit.
const maxRequestBody = 50 << 20

// Server is an http.Handler that serves a [Spec]; see the package
// documentation. It is safe for concurrent use.
type Server struct {
	spec    *Spec
	variant Variant

	mu  sync.Mutex
	log []Exchange
}

// Exchange is one request the server answered.
type Exchange struct {
	// Operation is the operationId the request was routed to; empty when
	// it matched none.
	Operation string
	// Method, Path and Query (the raw query string) are the request's,
	// Status the response's.
	Method, Path, Query string
	Status              int
	// Violations lists what did not match the document; empty when the
	// request was valid and the response too.
	Violations []Violation
}

// Violation is a mismatch between an exchange and the document.
type Violation struct {
	// Kind says which side is at fault: "request" (including a request that
	// matches no operation) or "response" (the server could not build a
	// valid answer: a bug in the document or in [Synthesize]).
	Kind string
	// Message describes the mismatch, as the validator reported it.
	Message string
}

// String formats the violation on one line.
func (v Violation) String() string { return v.Kind + ": " + v.Message }

// NewServer returns a server for spec that answers with bodies built by
// [Synthesize] in variant v (the zero Variant: the document's examples).
func NewServer(spec *Spec, v Variant) *Server {
	return &Server{spec: spec, variant: v}
}

// Log returns every exchange so far, oldest first.
func (s *Server) Log() []Exchange {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Exchange(nil), s.log...)
}

// ServeHTTP validates r, answers it and records the exchange.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	x := s.serve(w, r)
	s.mu.Lock()
	s.log = append(s.log, x)
	s.mu.Unlock()
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) Exchange {
	x := Exchange{Method: r.Method, Path: r.URL.Path, Query: r.URL.RawQuery}
	fail := func(status int, kind, errType, code string, err error) Exchange {
		x.Status = status
		x.Violations = append(x.Violations, Violation{Kind: kind, Message: err.Error()})
		writeError(w, status, errType, code, err.Error())
		return x
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxRequestBody+1))
	if err != nil {
		return fail(http.StatusBadRequest, "request", "invalid_request_error", "validation_type", fmt.Errorf("reading the request body: %w", err))
	}
	if len(body) > maxRequestBody {
		return fail(http.StatusRequestEntityTooLarge, "request", "invalid_request_error", "validation_type", fmt.Errorf("the request body is larger than %d bytes", maxRequestBody))
	}
	r.Body = io.NopCloser(bytes.NewReader(body))

	route, params, err := s.spec.Route(r)
	if err != nil {
		return fail(http.StatusNotFound, "request", "invalid_request_error", "not_found", fmt.Errorf("%s %s matches no operation in the document: %w", r.Method, r.URL.Path, err))
	}
	x.Operation = route.Operation.OperationID
	op := s.spec.Operation(x.Operation)
	if op == nil {
		return fail(http.StatusInternalServerError, "response", "invalid_request_error", "validation_type", fmt.Errorf("the router chose %s, which the spec does not list", route.Method+" "+route.Path))
	}
	in := &openapi3filter.RequestValidationInput{
		Request:    r,
		PathParams: params,
		Route:      route,
		Options:    validationOptions(),
	}
	if op.Op.RequestBody == nil && len(body) > 0 {
		// openapi3filter's RejectWhenRequestBodyNotSpecified rejects every
		// body in kin-openapi v0.142, described or not, so this is checked here.
		return fail(http.StatusBadRequest, "request", "invalid_request_error", "validation_type", fmt.Errorf("%s takes no request body, but the request has %d bytes", op.ID, len(body)))
	}
	if err := openapi3filter.ValidateRequest(r.Context(), in); err != nil {
		var se *openapi3filter.SecurityRequirementsError
		if errors.As(err, &se) {
			return fail(http.StatusUnauthorized, "request", "auth_error", "unauthorized", err)
		}
		return fail(http.StatusBadRequest, "request", "invalid_request_error", "validation_type", err)
	}

	status, resp, ok := op.Success()
	if !ok {
		return fail(http.StatusInternalServerError, "response", "invalid_request_error", "validation_type", fmt.Errorf("%s documents no 2xx or 3xx response", op.ID))
	}
	x.Status = status
	if status == http.StatusNoContent || status == http.StatusNotModified {
		// These responses cannot have a body (RFC 9110, 15.3.5 and 15.4.5),
		// whatever content the document declares for them.
		w.WriteHeader(status)
		return x
	}
	schema := JSONSchema(resp)
	var out []byte
	if schema != nil {
		val, err := Synthesize(schema, s.variant)
		if err != nil {
			return fail(http.StatusInternalServerError, "response", "invalid_request_error", "validation_type", fmt.Errorf("building the %d response of %s: %w", status, op.ID, err))
		}
		if out, err = json.Marshal(val); err != nil {
			return fail(http.StatusInternalServerError, "response", "invalid_request_error", "validation_type", err)
		}
		w.Header().Set("Content-Type", "application/json")
	}
	if status >= 300 && status < 400 {
		w.Header().Set("Location", "/signed/"+strings.TrimPrefix(r.URL.Path, "/"))
	}
	if err := validateResponse(r.Context(), in, status, w.Header(), out); err != nil {
		w.Header().Del("Location")
		return fail(http.StatusInternalServerError, "response", "invalid_request_error", "validation_type", err)
	}
	w.WriteHeader(status)
	w.Write(out)
	return x
}

// validateResponse checks a response the server is about to send.
func validateResponse(ctx context.Context, in *openapi3filter.RequestValidationInput, status int, h http.Header, body []byte) error {
	rin := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: in,
		Status:                 status,
		Header:                 h,
		Options:                &openapi3filter.Options{MultiError: true, IncludeResponseStatus: true, SchemaValidationOptions: schemaOptions()},
	}
	rin.SetBodyBytes(body)
	return openapi3filter.ValidateResponse(ctx, rin)
}

// validationOptions are the options of request validation: every problem
// reported, defaults not written into the request, Attio's bearer
// authentication required.
func validationOptions() *openapi3filter.Options {
	return &openapi3filter.Options{
		MultiError:              true,
		SkipSettingDefaults:     true,
		AuthenticationFunc:      bearer,
		SchemaValidationOptions: schemaOptions(),
	}
}

// bearer accepts a request with a non-empty bearer token, which is what
// Attio asks for under every security scheme of its document (API keys
// and OAuth 2.0 access tokens alike).
func bearer(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	h := in.RequestValidationInput.Request.Header.Get("Authorization")
	token, ok := strings.CutPrefix(h, "Bearer ")
	if !ok || strings.TrimSpace(token) == "" {
		return fmt.Errorf("security scheme %q: no bearer token in the Authorization header", in.SecuritySchemeName)
	}
	return nil
}

// writeError answers with Attio's error body.
func writeError(w http.ResponseWriter, status int, errType, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"status_code": status, "type": errType, "code": code, "message": msg})
}

var _ http.Handler = (*Server)(nil)
