package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// ErrorCode is the machine-readable "code" of an Attio error response. The
// constants below are the codes Attio is known to send; compare [Error.Code]
// against them rather than against the human-readable message.
type ErrorCode string

// Error codes in Attio's OpenAPI document and, after it, those seen in real
// responses but not documented there.
const (
	CodeNotFound               ErrorCode = "not_found"
	CodeValidationType         ErrorCode = "validation_type"
	CodeValueNotFound          ErrorCode = "value_not_found"
	CodeSlugConflict           ErrorCode = "slug_conflict"
	CodeFilterError            ErrorCode = "filter_error"
	CodeQuotaExceeded          ErrorCode = "quota_exceeded"
	CodeSelfMerge              ErrorCode = "self_merge"
	CodeSystemEditUnauthorized ErrorCode = "system_edit_unauthorized"
	CodeBillingError           ErrorCode = "billing_error"
	CodeUnauthorized           ErrorCode = "unauthorized"

	CodeMissingValue         ErrorCode = "missing_value"
	CodeImmutableValue       ErrorCode = "immutable_value"
	CodeMultipleMatchResults ErrorCode = "multiple_match_results"
	CodeUniquenessConflict   ErrorCode = "uniqueness_conflict"
	CodeRateLimitExceeded    ErrorCode = "rate_limit_exceeded"
)

// ErrorType is the broad class ("type") of an Attio error response.
type ErrorType string

// The error types Attio sends.
const (
	TypeInvalidRequestError ErrorType = "invalid_request_error"
	TypeAuthError           ErrorType = "auth_error"
	TypeRateLimitError      ErrorType = "rate_limit_error"
)

// Error is the error every failed operation call returns, reachable with
// [errors.As]. It describes either an HTTP response the call could not use
// (StatusCode is set: a non-2xx status or, from [Result], a 2xx whose body
// does not decode) or a failure to get a response at all (StatusCode is 0
// and Err holds the cause, such as a refused connection or the context's
// error).
type Error struct {
	// StatusCode is the HTTP status of the last response, or 0 if there was none.
	StatusCode int
	// Type, Code and Message are Attio's "type", "code" and "message" when the
	// body is Attio's JSON error; empty otherwise. Message also explains
	// failures Attio did not describe, such as a malformed success body.
	Type    ErrorType
	Code    ErrorCode
	Message string
	// ValidationErrors lists the individual problems of a rejected request
	// body, when Attio reports them.
	ValidationErrors []ValidationError
	// Method and Path identify the request: the HTTP method and the URL path,
	// without the query string.
	Method string
	Path   string
	// Body is the start of the response body (at most 1 KiB), kept so that a
	// body which is not Attio's JSON, such as a proxy's HTML page, is not lost.
	Body []byte
	// RetryAfter is how long the response's Retry-After header asked the
	// client to wait; 0 if it had none.
	RetryAfter time.Duration
	// Attempts is how many times the request was sent, counting retries.
	Attempts int
	// Err is the underlying cause when the call failed without a usable
	// response (the token source failed, the connection broke, the body
	// could not be read) or stopped waiting to retry because its context
	// ended; nil otherwise. Error unwraps to it, so
	// errors.Is(err, context.Canceled) works.
	Err error
}

// ValidationError is one problem Attio found in a request body.
type ValidationError struct {
	// Code names the kind of problem, such as "invalid_type".
	Code string
	// Path locates the offending field, one element per level, for example
	// ["data", "values", "name"]. Array indices appear as decimal strings.
	Path []string
	// Message describes the problem for a person.
	Message string
	// Expected and Received describe a type mismatch. JSON strings are
	// unquoted; any other JSON value is kept as its JSON text.
	Expected string
	Received string
}

// UnmarshalJSON accepts Attio's validation error objects whatever JSON types
// their path, expected and received fields hold, so that an unusual value
// never hides the rest of the error.
func (v *ValidationError) UnmarshalJSON(b []byte) error {
	var raw struct {
		Code     string          `json:"code"`
		Path     json.RawMessage `json:"path"`
		Message  string          `json:"message"`
		Expected json.RawMessage `json:"expected"`
		Received json.RawMessage `json:"received"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	var parts []json.RawMessage
	if json.Unmarshal(raw.Path, &parts) != nil && len(raw.Path) > 0 {
		parts = []json.RawMessage{raw.Path} // a single path string
	}
	*v = ValidationError{Code: raw.Code, Message: raw.Message, Expected: jsonText(raw.Expected), Received: jsonText(raw.Received)}
	for _, p := range parts {
		v.Path = append(v.Path, jsonText(p))
	}
	return nil
}

// jsonText renders a JSON value for a person: a string without its quotes,
// anything else as its JSON text, null as "".
func jsonText(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	if string(raw) == "null" {
		return ""
	}
	return string(raw)
}

// Error formats the failure on one line, for example
//
//	attio: GET /v2/objects/people/records/123: 404 not_found: Record with ID "123" not found
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("attio: ")
	if e.Method != "" || e.Path != "" {
		b.WriteString(e.Method + " " + e.Path + ": ")
	}
	switch {
	case e.StatusCode == 0 && e.Err != nil:
		b.WriteString(e.Err.Error())
	case e.Code != "":
		fmt.Fprintf(&b, "%d %s", e.StatusCode, e.Code)
	default:
		b.WriteString(strconv.Itoa(e.StatusCode))
		if text := http.StatusText(e.StatusCode); text != "" {
			b.WriteString(" " + text)
		}
	}
	if e.Message != "" {
		b.WriteString(": " + e.Message)
	}
	if len(e.ValidationErrors) > 0 {
		v := e.ValidationErrors[0]
		b.WriteString(" (")
		if len(v.Path) > 0 {
			b.WriteString(strings.Join(v.Path, ".") + ": ")
		}
		b.WriteString(v.Message)
		if n := len(e.ValidationErrors) - 1; n > 0 {
			fmt.Fprintf(&b, "; and %d more", n)
		}
		b.WriteString(")")
	}
	if e.Type == "" && e.Code == "" && e.StatusCode != 0 && len(e.Body) > 0 {
		b.WriteString(": " + excerpt(e.Body, 200))
	}
	if e.Attempts > 1 {
		fmt.Fprintf(&b, " (after %d attempts)", e.Attempts)
	}
	if e.StatusCode != 0 && e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	return b.String()
}

// Unwrap returns Err.
func (e *Error) Unwrap() error { return e.Err }

// bodyExcerptSize bounds Error.Body.
const bodyExcerptSize = 1 << 10

// excerpt returns the first n bytes of body as one line of valid UTF-8 with
// runs of whitespace collapsed to a single space, for error messages.
func excerpt(body []byte, n int) string {
	if len(body) > n {
		body = body[:n] // a rune cut in half becomes U+FFFD below
	}
	return strings.Join(strings.Fields(strings.ToValidUTF8(string(body), "\uFFFD")), " ")
}

// responseError describes the unusable response resp, whose body (or its
// start) is body: its status, its request and the body's start.
func responseError(resp *http.Response, body []byte) *Error {
	e := &Error{StatusCode: resp.StatusCode, Body: body[:min(len(body), bodyExcerptSize)]}
	if req := resp.Request; req != nil {
		e.Method, e.Path = req.Method, req.URL.Path
	}
	return e
}

// newResponseError describes an error response resp, whose body (or its
// start) is body, as responseError does, keeping Attio's JSON error fields
// when the body has them.
func newResponseError(resp *http.Response, body []byte) *Error {
	e := responseError(resp, body)
	var attio struct {
		Type             ErrorType         `json:"type"`
		Code             ErrorCode         `json:"code"`
		Message          string            `json:"message"`
		ValidationErrors []ValidationError `json:"validation_errors"`
	}
	if json.Unmarshal(body, &attio) == nil {
		e.Type, e.Code, e.Message, e.ValidationErrors = attio.Type, attio.Code, attio.Message, attio.ValidationErrors
	}
	return e
}

// statusOf returns the HTTP status of the *Error in err's chain, or 0.
func statusOf(err error) int {
	var e *Error
	if errors.As(err, &e) {
		return e.StatusCode
	}
	return 0
}

// IsNotFound reports whether err is a 404: the object, record or other
// resource the request named does not exist (or the token cannot see it).
func IsNotFound(err error) bool { return statusOf(err) == http.StatusNotFound }

// IsConflict reports whether err is a 409, for example a slug or unique
// attribute value that is already taken.
func IsConflict(err error) bool { return statusOf(err) == http.StatusConflict }

// IsRateLimited reports whether err is a 429 that the client gave up
// retrying. [Error.RetryAfter] says how long Attio asked to wait.
func IsRateLimited(err error) bool { return statusOf(err) == http.StatusTooManyRequests }

// IsUnauthorized reports whether err is a 401: the API key or access token is
// missing, wrong or revoked.
func IsUnauthorized(err error) bool { return statusOf(err) == http.StatusUnauthorized }

// IsForbidden reports whether err is a 403: the token is valid but lacks the
// scope the operation needs.
func IsForbidden(err error) bool { return statusOf(err) == http.StatusForbidden }

// IsValidation reports whether err is a 400: Attio rejected the request's
// content (codes such as validation_type, value_not_found, filter_error,
// missing_value or immutable_value), so repeating it unchanged cannot succeed.
func IsValidation(err error) bool { return statusOf(err) == http.StatusBadRequest }
