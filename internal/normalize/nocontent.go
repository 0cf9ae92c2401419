package normalize

import "gopkg.in/yaml.v3"

// dropNoContentBodies removes the content a 204 response declares: HTTP
// forbids a body there, and Attio's document gives DeleteCallRecording's 204
// an application/json one, from which oapi-codegen generates a JSON204 field
// that can never be filled. It returns how many it removed.
func dropNoContentBodies(root *yaml.Node) int {
	n := 0
	forEachOperation(root, func(_, _ string, op *yaml.Node) {
		if resp := getPath(op, "responses", "204"); resp != nil && del(resp, "content") {
			n++
		}
	})
	return n
}
