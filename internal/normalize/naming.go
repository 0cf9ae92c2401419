package normalize

import (
	"strings"
	"unicode"
)

// goName turns a slug, summary fragment or property name ("created_by_actor",
// "select-option", "email address") into an exported Go name
// ("CreatedByActor", "SelectOption", "EmailAddress"). Initialisms are left to
// oapi-codegen's ToCamelCaseWithInitialisms normalizer ("Id" becomes "ID").
func goName(s string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		b.WriteString(string(r))
	}
	return b.String()
}

// singular returns the singular of an English plural name, for the element
// type of an array ("entries" -> "entry", "values" -> "value"). Names that
// do not look plural are returned unchanged.
func singular(s string) string {
	switch {
	case strings.HasSuffix(s, "ies") && len(s) > 4:
		return s[:len(s)-3] + "y"
	case strings.HasSuffix(s, "series"), strings.HasSuffix(s, "species"):
		return s
	case strings.HasSuffix(s, "sses"), strings.HasSuffix(s, "uses"), strings.HasSuffix(s, "xes"),
		strings.HasSuffix(s, "ches"), strings.HasSuffix(s, "shes"), strings.HasSuffix(s, "zes"):
		return s[:len(s)-2] // statuses, matches, boxes
	case strings.HasSuffix(s, "ss"), strings.HasSuffix(s, "us"), strings.HasSuffix(s, "is"):
		return s
	case strings.HasSuffix(s, "s") && len(s) > 2:
		return s[:len(s)-1]
	}
	return s
}

// operationVerbs are the leading words of operation names that say what an
// operation does rather than what it works on.
var operationVerbs = []string{"FindOrCreate", "List", "Get", "Create", "Update", "Overwrite", "Delete", "Assert", "Search", "Upload", "Download", "Add", "Remove"}

// resourceNoun returns what an operation works on, in the singular:
// "ListRecords" -> "Record", "GetListEntry" -> "ListEntry". An operation name
// with no known verb is returned whole.
func resourceNoun(operationID string) string {
	for _, v := range operationVerbs {
		if rest, ok := strings.CutPrefix(operationID, v); ok && rest != "" && unicode.IsUpper([]rune(rest)[0]) {
			return lastWordSingular(rest)
		}
	}
	return operationID
}

// lastWordSingular makes the last word of a Go name singular:
// "CallRecordings" -> "CallRecording".
func lastWordSingular(name string) string {
	last := lastWord(name)
	return name[:len(name)-len(last)] + goName(singular(strings.ToLower(last)))
}

// lastWord returns the last word of a Go name: "CreateFolderInput" ->
// "Input".
func lastWord(name string) string {
	if i := strings.LastIndexFunc(name, unicode.IsUpper); i > 0 {
		return name[i:]
	}
	return name
}
