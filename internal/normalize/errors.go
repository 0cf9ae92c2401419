package normalize

import (
	"strings"

	"gopkg.in/yaml.v3"
)

// errorSchemaName is the component every error response refers to.
const errorSchemaName = "Error"

// errorSchemaYAML is the one error body Attio sends. The document spells it
// out again for each operation and status, each time with `code` and `type`
// narrowed to a single enum value; real responses carry codes the document
// never lists (missing_value, rate_limit_exceeded, ...), statuses it never
// documents (401, 429, 5xx), and validation details, so the shared schema
// keeps them open strings.
const errorSchemaYAML = `
type: object
description: An error response from the Attio API.
properties:
  status_code:
    type: integer
    description: The HTTP status code of the response.
    example: 404
  type:
    type: string
    description: The category of the error, one of invalid_request_error, auth_error or rate_limit_error.
    example: invalid_request_error
  code:
    type: string
    description: A machine-readable code for the error, for example not_found, validation_type, slug_conflict or rate_limit_exceeded.
    example: not_found
  message:
    type: string
    description: A human-readable description of the error.
    example: Record with ID "891dcbfc-9141-415d-9b2a-2238a6cc012d" not found.
  validation_errors:
    type: array
    description: For validation failures, what was wrong with each field.
    items:
      type: object
      description: One field that failed validation.
      properties:
        code:
          type: string
          description: What kind of validation failed.
        path:
          type: array
          description: The path to the field in the request body.
          items:
            type: string
        message:
          type: string
          description: A human-readable description of the failure.
        expected:
          type: string
          description: What the field was expected to hold.
        received:
          type: string
          description: What the field held.
required:
  - status_code
  - type
  - code
  - message
`

// unifyErrors points every error response (4xx and 5xx) of every operation
// at one Error schema, so a caller handles one error type, not one per
// operation and status (oapi-codegen would otherwise emit three enum types
// per error response). It returns how many responses it rewrote.
func unifyErrors(root *yaml.Node) (int, error) {
	var body yaml.Node
	if err := yaml.Unmarshal([]byte(errorSchemaYAML), &body); err != nil {
		return 0, err
	}
	schemas := componentSchemas(root)
	if get(schemas, errorSchemaName) == nil {
		set(schemas, errorSchemaName, body.Content[0])
	}
	n := 0
	forEachOperation(root, func(_, _ string, op *yaml.Node) {
		pairs(get(op, "responses"), func(code string, resp *yaml.Node) {
			if !strings.HasPrefix(code, "4") && !strings.HasPrefix(code, "5") {
				return
			}
			pairs(get(resp, "content"), func(mediaType string, media *yaml.Node) {
				if strings.Contains(mediaType, "json") {
					set(media, "schema", mapping("$ref", "#/components/schemas/"+errorSchemaName))
					n++
				}
			})
		})
	})
	return n, nil
}
