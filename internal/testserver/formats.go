package testserver

import (
	"errors"
	"net/url"
	"regexp"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
)

// uuidPattern accepts any RFC 9562 UUID in its canonical text form, of any
// version: Attio's own examples use versions that RFC 4122's list lacks.
var uuidPattern = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// checkURI accepts an absolute URI.
func checkURI(s string) error {
	u, err := url.Parse(s)
	if err != nil {
		return err
	}
	if u.Scheme == "" {
		return errors.New("not an absolute URI")
	}
	return nil
}

var defineFormats sync.Once

// schemaOptions returns the options of every schema validation. The first
// call also defines the string formats that kin-openapi leaves unchecked
// by default (uuid, email, uri) for the whole process, because parameter
// validation only consults the process-wide formats. Formats the document
// uses and nothing defines are not checked.
func schemaOptions() []openapi3.SchemaValidationOption {
	defineFormats.Do(func() {
		openapi3.DefineStringFormatValidator("uuid", openapi3.NewRegexpFormatValidator(uuidPattern.String()))
		openapi3.DefineStringFormatValidator("email", openapi3.NewRegexpFormatValidator(openapi3.FormatOfStringForEmail))
		openapi3.DefineStringFormatValidator("uri", openapi3.NewCallbackValidator(checkURI))
	})
	return []openapi3.SchemaValidationOption{openapi3.MultiErrors()}
}
