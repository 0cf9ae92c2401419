// Package normalize turns Attio's OpenAPI document into one that oapi-codegen
// turns into Go a person would have written: operations named from their
// summaries, 3.0-isms rewritten in 3.1 form, and Attio's known mistakes fixed.
//
// The project's explicit choices and fixes live in spec/overlay.yaml and are
// applied first; the automatic rules then run on the result, so a new version
// of Attio's document mostly normalizes without touching the overlay.
package normalize

import (
	"fmt"

	"github.com/speakeasy-api/openapi/overlay"
	"gopkg.in/yaml.v3"
)

// Report says what normalization did, for the pipeline's summary.
type Report struct {
	// Unmatched lists overlay targets that matched nothing in this document.
	Unmatched []string
	// NullableFixed counts schemas whose `nullable: true` was rewritten.
	NullableFixed int
	// TimeFormats counts string schemas made date-times by their example.
	TimeFormats int
	// Placeholders counts bracketed placeholder properties made additionalProperties.
	Placeholders int
	// PathParameters counts path parameter schemas made like their namesakes.
	PathParameters int
	// OperationsNamed counts operations given an operationId from their summary.
	OperationsNamed int
	// ErrorsUnified counts error responses pointed at the shared Error schema.
	ErrorsUnified int
	// NoContentBodies counts 204 responses whose declared body was dropped.
	NoContentBodies int
	// ScalarUnions counts unions of scalars collapsed to one type.
	ScalarUnions int
	// SingleValueEnums counts one-value enums made plain schemas.
	SingleValueEnums int
	// Schemas counts the named schemas after hoisting.
	Schemas int
	// RequestNulls counts optional nullable request-body properties made
	// nullable.Nullable[T], so that a typed body can send null.
	RequestNulls int
}

// Document normalizes doc, the root of a parsed OpenAPI document, in place.
// ov may be nil, for a run without an overlay.
func Document(doc *yaml.Node, ov *overlay.Overlay) (*Report, error) {
	root := doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind != yaml.MappingNode || get(root, "paths") == nil || get(root, "paths").Kind != yaml.MappingNode {
		return nil, fmt.Errorf("normalize: not an OpenAPI document with paths")
	}
	r := &Report{}
	if ov != nil {
		var err error
		if r.Unmatched, err = applyOverlay(doc, ov); err != nil {
			return nil, err
		}
	}
	r.NullableFixed = fixNullable(root)
	r.TimeFormats = fixTimeFormats(root)
	r.Placeholders = fixPlaceholderProperties(root)
	r.PathParameters = unifyPathParameters(root)
	var err error
	if r.OperationsNamed, err = nameOperations(root); err != nil {
		return nil, err
	}
	if r.ErrorsUnified, err = unifyErrors(root); err != nil {
		return nil, err
	}
	r.NoContentBodies = dropNoContentBodies(root)
	r.ScalarUnions = collapseScalarUnions(root)
	if r.Schemas, err = hoist(root); err != nil {
		return nil, err
	}
	r.SingleValueEnums = inlineSingleValueEnums(root)
	r.RequestNulls = len(markRequestNulls(root).Marked)
	return r, nil
}
