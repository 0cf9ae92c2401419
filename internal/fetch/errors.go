package fetch

// Hints appended to errors: they tell the user what to do next.
const (
	hintOffline = "set " + EnvSource + " to a local copy of Attio's OpenAPI document (a file path) to generate offline"
	hintPoint   = "check that " + EnvSource + " points to Attio's OpenAPI 3.x document (JSON or YAML)"
	hintFile    = "set " + EnvSource + " to an existing file path or an http(s) URL"
)

// Error is the error Fetch and Update return when the document cannot be
// obtained or is not an OpenAPI 3.x document. It exists so that callers can
// recover the source and the underlying cause with errors.As and errors.Is,
// while its message stays a single sentence a person can act on.
type Error struct {
	// Source is the URL or path as the caller gave it.
	Source string
	// Problem says what failed, e.g. "HTTP 404 Not Found".
	Problem string
	// Hint says what to do about it.
	Hint string
	// Err is the underlying cause, if any.
	Err error
}

// Error returns "fetch <source>: <problem>; <hint>".
func (e *Error) Error() string {
	return "fetch " + e.Source + ": " + e.Problem + "; " + e.Hint
}

// Unwrap returns the underlying cause so errors.Is and errors.As see through
// an *Error (for example to context.DeadlineExceeded).
func (e *Error) Unwrap() error { return e.Err }
