package normalize

import (
	"time"

	"gopkg.in/yaml.v3"
)

// fixTimeFormats makes every string schema whose example is an RFC 3339
// date-time a `format: date-time`, so oapi-codegen types it time.Time:
//   - most of Attio's timestamps (`created_at`, `active_from`) carry no
//     format at all and would be plain strings;
//   - the timestamp attribute value is declared `format: date` but carries
//     date-times such as 2023-01-01T15:00:00.000000000Z (upstream mistake
//     2), which a date decoder rejects.
//
// A string whose example is a plain date ("2023-01-01") is left alone. It
// returns how many schemas it changed.
func fixTimeFormats(root *yaml.Node) int {
	n := 0
	walk(root, func(s *yaml.Node) {
		if s.Kind != yaml.MappingNode || !hasType(s, "string") {
			return
		}
		ex := get(s, "example")
		if ex == nil || ex.Kind != yaml.ScalarNode {
			return
		}
		format := get(s, "format")
		if format != nil && format.Value != "date" {
			return
		}
		if _, err := time.Parse(time.RFC3339Nano, ex.Value); err != nil {
			return
		}
		set(s, "format", str("date-time"))
		n++
	})
	return n
}
