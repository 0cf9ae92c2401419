package normalize

import (
	"fmt"

	"github.com/speakeasy-api/openapi/overlay"
	"gopkg.in/yaml.v3"
)

// applyOverlay applies the project's overlay (spec/overlay.yaml, an OpenAPI
// Overlay 1.0 document) to the document. An action whose target matches
// nothing is not an error: Attio's documents change, and an overlay written
// for one version must still apply to the next. Such actions are returned,
// so the pipeline can report them.
func applyOverlay(root *yaml.Node, o *overlay.Overlay) (unmatched []string, err error) {
	for i, a := range o.Actions {
		p, err := o.NewPath(a.Target, nil)
		if err != nil {
			return nil, fmt.Errorf("overlay action %d: target %q: %w", i+1, a.Target, err)
		}
		if len(p.Query(root)) == 0 {
			unmatched = append(unmatched, a.Target)
		}
	}
	if err := o.ApplyTo(root); err != nil {
		return unmatched, fmt.Errorf("apply overlay: %w", err)
	}
	return unmatched, nil
}
