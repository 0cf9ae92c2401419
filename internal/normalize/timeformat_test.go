package normalize

import "testing"

func TestTimeFormats(t *testing.T) {
	tests := []struct {
		name     string
		property string // the schema of property p of component thing
		want     string // p after normalization
		changed  int    // Report.TimeFormats
	}{
		{
			name:     "no format, date-time example",
			property: `{type: string, example: "2023-01-01T15:00:00.000000000Z"}`,
			want:     `{type: string, format: date-time, example: "2023-01-01T15:00:00.000000000Z"}`,
			changed:  1,
		},
		{
			name:     "no format, offset date-time example",
			property: `{type: string, example: "2023-01-01T15:00:00+01:00"}`,
			want:     `{type: string, format: date-time, example: "2023-01-01T15:00:00+01:00"}`,
			changed:  1,
		},
		{
			name:     "wrong format date, date-time example",
			property: `{type: string, format: date, example: "2023-01-01T15:00:00.000000000Z"}`,
			want:     `{type: string, format: date-time, example: "2023-01-01T15:00:00.000000000Z"}`,
			changed:  1,
		},
		{
			name:     "nullable, date-time example",
			property: `{type: string, nullable: true, example: "2023-01-01T15:00:00Z"}`,
			want:     `{type: [string, "null"], format: date-time, example: "2023-01-01T15:00:00Z"}`,
			changed:  1,
		},
		{
			name:     "already date-time",
			property: `{type: string, format: date-time, example: "2023-01-01T15:00:00Z"}`,
			want:     `{type: string, format: date-time, example: "2023-01-01T15:00:00Z"}`,
			changed:  0,
		},
		{
			name:     "date with a date-only example",
			property: `{type: string, format: date, example: "2023-01-01"}`,
			want:     `{type: string, format: date, example: "2023-01-01"}`,
			changed:  0,
		},
		{
			name:     "no format, date-only example",
			property: `{type: string, example: "2023-01-01"}`,
			want:     `{type: string, example: "2023-01-01"}`,
			changed:  0,
		},
		{
			name:     "another format is not overridden",
			property: `{type: string, format: iso-8601, example: "2023-01-01T15:00:00Z"}`,
			want:     `{type: string, format: iso-8601, example: "2023-01-01T15:00:00Z"}`,
			changed:  0,
		},
		{
			name:     "not a timestamp",
			property: `{type: string, example: "Acme, 2023-01-01T15:00:00Z"}`,
			want:     `{type: string, example: "Acme, 2023-01-01T15:00:00Z"}`,
			changed:  0,
		},
		{
			name:     "no example",
			property: `{type: string, description: "When it happened, e.g. 2023-01-01T15:00:00Z"}`,
			want:     `{type: string, description: "When it happened, e.g. 2023-01-01T15:00:00Z"}`,
			changed:  0,
		},
		{
			name:     "not a string",
			property: `{type: integer, example: "2023-01-01T15:00:00Z"}`,
			want:     `{type: integer, example: "2023-01-01T15:00:00Z"}`,
			changed:  0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, r := normalizeProperty(t, tt.property)
			assertNodeAt(t, root, "/components/schemas/Thing/properties/p", tt.want)
			if r.TimeFormats != tt.changed {
				t.Errorf("TimeFormats = %d, want %d", r.TimeFormats, tt.changed)
			}
		})
	}
}

// The rule reaches every string schema: parameters and items too.
func TestTimeFormatsEverywhere(t *testing.T) {
	root, r := normalizeText(t, docWithOps(`
thing:
  type: object
  properties:
    history: {type: array, items: {type: string, example: "2023-01-01T15:00:00Z"}}
`, listThings, testOp{method: "get", path: "/v2/events", summary: "List events",
		parameters: `- {name: since, in: query, schema: {type: string, example: "2023-01-01T15:00:00Z"}}`}), "")
	assertNodeAt(t, root, "/components/schemas/Thing/properties/history/items/format", "date-time")
	assertNodeAt(t, root, "/paths/~1v2~1events/get/parameters/0/schema/format", "date-time")
	if r.TimeFormats != 2 {
		t.Errorf("TimeFormats = %d, want 2", r.TimeFormats)
	}
}
