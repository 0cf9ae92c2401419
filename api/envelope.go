package api

import (
	"errors"

	"github.com/attio-community/attio-go/gen"
)

// Response is what [Result] needs of a generated response type such as
// *gen.GetRecordResponse: its decoded 200 body (of type E) and its status.
// Every generated response whose operation answers 200 with JSON has these
// methods.
type Response[E any] interface {
	GetJSON200() *E
	StatusCode() int
	GetBody() []byte
}

// Result returns the decoded body of a generated ...WithResponse call, so
// that one line both checks the error and reaches the typed payload:
//
//	rec, err := api.Result(c.GetRecordWithResponse(ctx, "people", id))
//	if err != nil { ... }
//	fmt.Println(rec.Data.ID.RecordID)
//
// E is Attio's envelope, inferred from the call: Data holds the payload and,
// on cursor-paginated operations, Pagination.NextCursor the next page's
// cursor. Unlike reading resp.JSON200 directly, Result never returns a nil
// body with a nil error: a success the generated code could not decode (a
// status other than 200, or a body that is not JSON or not of the
// documented shape, which the call reports as a [*gen.BodyError]) is an
// [*Error].
func Result[E any](resp Response[E], err error) (*E, error) {
	if err != nil {
		var be *gen.BodyError
		if errors.As(err, &be) {
			return nil, bodyError(be)
		}
		return nil, err
	}
	if body := resp.GetJSON200(); body != nil {
		return body, nil
	}
	body := resp.GetBody()
	return nil, &Error{
		StatusCode: resp.StatusCode(),
		Message:    "expected a 200 response with a JSON body",
		Body:       body[:min(len(body), bodyExcerptSize)],
	}
}

// bodyError describes as an *Error a response whose body the generated code
// could not decode: its status, request and body's start, and the decode
// error as Err.
func bodyError(be *gen.BodyError) *Error {
	e := responseError(be.HTTPResponse, be.Body)
	e.Message, e.Err = "malformed response body", be.Err
	return e
}
