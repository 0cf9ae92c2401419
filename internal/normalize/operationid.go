package normalize

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"
)

// httpMethods are the operation keys of a path item, in the order the rules
// visit them.
var httpMethods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

// skippedWords are dropped from summaries when they become Go method names:
// "Delete a record" reads as DeleteRecord.
var skippedWords = map[string]bool{"a": true, "an": true, "the": true}

// nameOperations gives every operation without an operationId one derived
// from its summary ("Delete a record" -> "DeleteRecord"), dropping articles
// and any parenthetical remark. Attio's document has no operationIds, and
// oapi-codegen would otherwise name methods after the path
// (GetV2ObjectsObject...). Two operations that would get the same name are
// an error naming both, so that the overlay can choose.
func nameOperations(root *yaml.Node) (int, error) {
	owners := map[string][]string{}
	var unnamed []string
	named := 0
	forEachOperation(root, func(path, method string, op *yaml.Node) {
		id := get(op, "operationId")
		if id == nil {
			name := ""
			if summary := get(op, "summary"); summary != nil {
				name = operationName(summary.Value)
			}
			if name == "" || !unicode.IsLetter([]rune(name)[0]) {
				unnamed = append(unnamed, strings.ToUpper(method)+" "+path)
				return
			}
			id = str(name)
			set(op, "operationId", id)
			named++
		}
		owners[id.Value] = append(owners[id.Value], strings.ToUpper(method)+" "+path)
	})
	if len(unnamed) > 0 {
		return named, fmt.Errorf("operations without a summary that names them; set operationId for them in spec/overlay.yaml: %s", strings.Join(unnamed, ", "))
	}
	var clashes []string
	for id, ops := range owners {
		if len(ops) > 1 {
			clashes = append(clashes, fmt.Sprintf("%s (%s)", id, strings.Join(ops, ", ")))
		}
	}
	if len(clashes) > 0 {
		sort.Strings(clashes)
		return named, fmt.Errorf("operations share a name; set operationId for them in spec/overlay.yaml: %s", strings.Join(clashes, "; "))
	}
	return named, nil
}

// operationName turns a summary into a Go method name ("" when the summary
// has no words to name it by).
func operationName(summary string) string {
	if i := strings.IndexByte(summary, '('); i >= 0 {
		summary = summary[:i]
	}
	// "Get a record's values" reads as GetRecordValues.
	summary = strings.NewReplacer("'s ", " ", "’s ", " ").Replace(summary + " ")
	var b strings.Builder
	for _, w := range strings.FieldsFunc(summary, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if skippedWords[strings.ToLower(w)] {
			continue
		}
		// Initialisms keep their case (SCIM stays SCIM), as Go names do.
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		b.WriteString(string(r))
	}
	return b.String()
}

// forEachOperation calls fn for every operation in the document's paths, in
// document order.
func forEachOperation(root *yaml.Node, fn func(path, method string, op *yaml.Node)) {
	pairs(get(root, "paths"), func(path string, item *yaml.Node) {
		for _, m := range httpMethods {
			if op := get(item, m); op != nil {
				fn(path, m, op)
			}
		}
	})
}
