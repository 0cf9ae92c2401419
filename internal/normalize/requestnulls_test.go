package normalize

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/attio-community/attio-go/gen"
	"github.com/attio-community/attio-go/internal/fetch"
	"github.com/attio-community/attio-go/internal/repo"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oapi-codegen/nullable"
	"github.com/oapi-codegen/oapi-codegen/v2/pkg/codegen"
	"gopkg.in/yaml.v3"
)

// --- The rule, on small documents. ---

// nullableExt is what the rule adds to a property of Go type
// nullable.Nullable[t], as YAML.
func nullableExt(t string) string {
	return "x-go-type: 'nullable.Nullable[" + t + "]'\n" +
		"x-go-type-import: {path: github.com/oapi-codegen/nullable}\n" +
		"x-go-type-skip-optional-pointer: true\n"
}

// createThing is an operation whose request body's data is component
// thing.
var createThing = testOp{method: "post", path: "/v2/things", summary: "Create a thing", request: `
type: object
required: [data]
properties:
  data: {$ref: '#/components/schemas/thing'}
`}

func TestRequestNulls(t *testing.T) {
	tests := []struct {
		name     string
		property string // the schema of optional property p of component thing
		goType   string // the T of nullable.Nullable[T], or "" for untouched
	}{
		{name: "3.0 nullable string", property: "{type: string, nullable: true}", goType: "string"},
		{name: "3.1 nullable string", property: "{type: [string, 'null']}", goType: "string"},
		{name: "date-time", property: "{type: [string, 'null'], format: date-time}", goType: "time.Time"},
		{name: "date-time by example", property: "{type: string, nullable: true, example: '2023-01-01T15:00:00.000000000Z'}", goType: "time.Time"},
		{name: "date", property: "{type: [string, 'null'], format: date}", goType: "openapi_types.Date"},
		{name: "uuid", property: "{type: [string, 'null'], format: uuid}", goType: "openapi_types.UUID"},
		{name: "unknown format", property: "{type: [string, 'null'], format: uri}", goType: "string"},
		{name: "integer", property: "{type: [integer, 'null']}", goType: "int"},
		{name: "int64", property: "{type: [integer, 'null'], format: int64}", goType: "int64"},
		{name: "number", property: "{type: [number, 'null']}", goType: "float64"},
		{name: "boolean", property: "{type: [boolean, 'null']}", goType: "bool"},
		{name: "array of strings", property: "{type: [array, 'null'], items: {type: string}}", goType: "[]string"},
		{name: "anyOf with null", property: "{anyOf: [{type: string}, {type: 'null'}]}", goType: "string"},
		{name: "oneOf with null", property: "{oneOf: [{type: boolean}, {type: 'null'}]}", goType: "bool"},
		// The hoister makes a nullable enum anyOf [$ref, null].
		{name: "nullable enum", property: "{type: string, enum: [small, large], nullable: true}", goType: "P"},
		{name: "nullable reference", property: "{nullable: true, $ref: '#/components/schemas/other'}", goType: "Other"},
		{name: "reference to a nullable component", property: "{$ref: '#/components/schemas/maybe'}", goType: "Maybe"},
		{name: "reference to a nullable union", property: "{$ref: '#/components/schemas/either'}", goType: "Either"},
		// oapi-codegen spells initialisms in capitals: WidgetId is WidgetID.
		{name: "initialism in the component name", property: "{anyOf: [{$ref: '#/components/schemas/widget_id'}, {type: 'null'}]}", goType: "WidgetID"},

		{name: "not nullable", property: "{type: string}"},
		{name: "reference to a non-null component", property: "{$ref: '#/components/schemas/other'}"},
		{name: "inline object", property: "{type: [object, 'null'], properties: {inline: {type: string}}}"},
		{name: "map", property: "{type: [object, 'null'], additionalProperties: {type: string}}"},
		{name: "array of inline objects", property: "{type: [array, 'null'], items: {type: object, properties: {inline: {type: string}}}}"},
		{name: "array of nullable items", property: "{type: [array, 'null'], items: {type: [string, 'null']}}"},
		{name: "two types and null", property: "{type: [string, integer, 'null']}"},
		{name: "null only", property: "{type: 'null'}"},
		{name: "the overlay's x-go-type", property: "{type: [string, 'null'], x-go-type: MyString}"},
	}
	components := `
thing:
  type: object
  properties:
    p: %s
    q: {type: [string, 'null']}
  required: [q]
other: {type: object, properties: {a: {type: string}}}
maybe: {type: [object, 'null'], properties: {a: {type: string}}}
either:
  anyOf:
    - {type: object, properties: {a: {type: string}}, required: [a]}
    - {type: object, properties: {b: {type: string}}, required: [b]}
    - {type: 'null'}
widget_id: {type: object, properties: {id: {type: string}}}
`
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, r := normalizeText(t, docWithOps(strings.Replace(components, "%s", tt.property, 1), createThing), "")
			p := mustNodeAt(t, root, "/components/schemas/Thing/properties/p")
			wantCount := 0
			if tt.goType != "" {
				wantCount = 1
				for k, v := range map[string]string{
					"/x-go-type":                       "nullable.Nullable[" + tt.goType + "]",
					"/x-go-type-import":                "{path: github.com/oapi-codegen/nullable}",
					"/x-go-type-skip-optional-pointer": "true",
				} {
					assertNodeAt(t, p, k, v)
				}
			} else if x := get(p, "x-go-type"); x != nil && strings.HasPrefix(x.Value, "nullable.") {
				t.Errorf("p was marked:\n%s", yamlText(t, p))
			}
			// A required nullable property stays a pointer: it is always
			// sent, as null when nil.
			assertNodeAt(t, root, "/components/schemas/Thing/properties/q/x-go-type", "")
			if r.RequestNulls != wantCount {
				t.Errorf("RequestNulls = %d, want %d", r.RequestNulls, wantCount)
			}
		})
	}
}

// The extensions sit on the property's own schema: beside a $ref, never
// in the component it refers to, whose type stays the same everywhere.
func TestRequestNullsBesideReference(t *testing.T) {
	root, _ := normalizeText(t, docWithOps(`
thing:
  type: object
  properties:
    p: {$ref: '#/components/schemas/maybe'}
maybe: {type: [object, 'null'], properties: {a: {type: string}}}
`, createThing), "")
	assertNodeAt(t, root, "/components/schemas/Thing/properties/p", "$ref: '#/components/schemas/Maybe'\n"+nullableExt("Maybe"))
	assertNodeAt(t, root, "/components/schemas/Maybe/x-go-type", "")
}

// Only what a JSON request body reaches and no response does is marked:
// a response-only component keeps *T, and so does a component both reach,
// since it is one Go type (inline objects inside it included); a multipart
// body is not JSON and is left alone.
func TestRequestNullsRequestsOnly(t *testing.T) {
	doc := docWithOps(`
thing:
  type: object
  properties:
    p: {type: [string, 'null']}
    shared: {$ref: '#/components/schemas/shared'}
shared:
  type: object
  properties:
    s: {type: [string, 'null']}
    inner: {type: object, properties: {i: {type: [string, 'null']}}}
answer:
  type: object
  properties:
    a: {type: [string, 'null']}
    shared: {$ref: '#/components/schemas/shared'}
upload:
  type: object
  properties:
    u: {type: [string, 'null']}
`,
		createThing,
		testOp{method: "get", path: "/v2/answers", summary: "Get an answer", response: "type: object\nproperties:\n  data: {$ref: '#/components/schemas/answer'}"},
		testOp{method: "post", path: "/v2/uploads", summary: "Upload a file"},
	)
	// docWithOps writes JSON request bodies only; make the upload's
	// multipart.
	doc = strings.Replace(doc, "  \"/v2/uploads\":\n    post:\n", "  \"/v2/uploads\":\n    post:\n      requestBody:\n        content:\n          multipart/form-data:\n            schema: {$ref: '#/components/schemas/upload'}\n", 1)
	root, r := normalizeText(t, doc, "")
	assertNodeAt(t, root, "/components/schemas/Thing/properties/p/x-go-type", "nullable.Nullable[string]")
	assertNodeAt(t, root, "/components/schemas/Shared/properties/s/x-go-type", "")
	assertNodeAt(t, root, "/components/schemas/Shared/properties/inner/properties/i/x-go-type", "")
	assertNodeAt(t, root, "/components/schemas/Answer/properties/a/x-go-type", "")
	assertNodeAt(t, root, "/components/schemas/Upload/properties/u/x-go-type", "")
	if r.RequestNulls != 1 {
		t.Errorf("RequestNulls = %d, want 1", r.RequestNulls)
	}
	res := markRequestNulls(root)
	if res.Shared != 1 {
		t.Errorf("Shared = %d, want 1 (Shared)", res.Shared)
	}
	want := []string{"Shared.s: Shared is a response type too", "Shared.inner.i: Shared is a response type too"}
	if !slices.Equal(res.Skipped, want) {
		t.Errorf("Skipped = %q, want %q", res.Skipped, want)
	}
}

// The rule follows references and every kind of subschema, inline request
// bodies included, and stops at cycles.
func TestRequestNullsReachesEverything(t *testing.T) {
	root, r := normalizeText(t, docWithOps(`
node:
  type: object
  properties:
    label: {type: [string, 'null']}
    children: {type: array, items: {$ref: '#/components/schemas/node'}}
    byName: {type: object, additionalProperties: {$ref: '#/components/schemas/leaf'}}
    either:
      anyOf:
        - {$ref: '#/components/schemas/left'}
        - {$ref: '#/components/schemas/right'}
    both: {allOf: [{$ref: '#/components/schemas/part'}]}
leaf: {type: object, properties: {l: {type: [integer, 'null']}}}
left: {type: object, properties: {x: {type: [boolean, 'null']}}, required: [x]}
right: {type: object, properties: {y: {type: [boolean, 'null']}}}
part: {type: object, properties: {z: {type: [number, 'null']}}}
`, testOp{method: "post", path: "/v2/nodes", summary: "Create a node", request: `
type: object
properties:
  data: {$ref: '#/components/schemas/node'}
  note: {type: [string, 'null'], format: uuid}
`}), "")
	for ptr, want := range map[string]string{
		"/components/schemas/Node/properties/label":                                            "string",
		"/components/schemas/Leaf/properties/l":                                                "int",
		"/components/schemas/Left/properties/x":                                                "",
		"/components/schemas/Right/properties/y":                                               "bool",
		"/components/schemas/Part/properties/z":                                                "float64",
		"/paths/~1v2~1nodes/post/requestBody/content/application~1json/schema/properties/note": "openapi_types.UUID",
	} {
		if want == "" {
			assertNodeAt(t, root, ptr+"/x-go-type", "")
		} else {
			assertNodeAt(t, root, ptr+"/x-go-type", "nullable.Nullable["+want+"]")
		}
	}
	if r.RequestNulls != 5 {
		t.Errorf("RequestNulls = %d, want 5", r.RequestNulls)
	}
}

// Skipped properties are listed with the reason, and a second run marks
// the same properties again without changing them.
func TestRequestNullsListsAndRerun(t *testing.T) {
	root, _ := normalizeText(t, docWithOps(`
thing:
  type: object
  properties:
    a: {type: [string, 'null']}
    b: {type: [object, 'null'], properties: {c: {type: string}}}
`, createThing), "")
	before := yamlText(t, root)
	res := markRequestNulls(root)
	if want := []string{"Thing.a nullable.Nullable[string]"}; !slices.Equal(res.Marked, want) {
		t.Errorf("Marked = %q, want %q", res.Marked, want)
	}
	if want := []string{"Thing.b: an inline object"}; !slices.Equal(res.Skipped, want) {
		t.Errorf("Skipped = %q, want %q", res.Skipped, want)
	}
	if after := yamlText(t, root); after != before {
		t.Errorf("a second run changed the document:\n%s", after)
	}
}

// goTypeName spells a component's name as oapi-codegen does with the
// project's configuration: run oapi-codegen on components with those
// names and look for the types it declares.
func TestGoTypeNameMatchesOapiCodegen(t *testing.T) {
	names := []string{"Thing", "WebhookId", "TargetUrl", "ApiToken", "ScimUser", "SCIMGroup", "Thing2go", "IdToken", "HttpsUri", "Uuid", "Utf8Text", "Ids", "Identity", "Idle"}
	for lower := range initialisms {
		names = append(names, "My"+strings.ToUpper(lower[:1])+lower[1:]+"Thing")
	}
	slices.Sort(names)
	var spec strings.Builder
	spec.WriteString("openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n")
	for _, n := range names {
		spec.WriteString("    " + n + ": {type: object, properties: {a: {type: string}}}\n")
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData([]byte(spec.String()))
	if err != nil {
		t.Fatal(err)
	}
	for path, cfg := range genConfigs(t) {
		if !cfg.Generate.Models {
			continue // names are the types a models config declares
		}
		cfg.OutputOptions.SkipPrune = true    // no operation uses these components
		cfg.OutputOptions.UserTemplates = nil // names do not depend on them
		code, err := codegen.Generate(doc, cfg)
		if err != nil {
			t.Fatal(err)
		}
		declared := map[string]bool{}
		for _, m := range regexp.MustCompile(`(?m)^type (\w+) `).FindAllStringSubmatch(code, -1) {
			declared[m[1]] = true
		}
		for _, n := range names {
			if got := goTypeName(n); !declared[got] {
				t.Errorf("goTypeName(%q) = %q, which oapi-codegen does not declare with %s", n, got, path)
			}
		}
	}
}

// TestGeneratorTypesAreTheConfigs: generatorTypes, which spells the Go
// types of nullable request fields, is oapi-codegen's type mapping with the
// type-mapping every gen/oapi-codegen.*.yaml sets, so that changing a
// config's mapping without it fails here rather than in a field's type.
func TestGeneratorTypesAreTheConfigs(t *testing.T) {
	for path, cfg := range genConfigs(t) {
		want := codegen.DefaultTypeMapping
		if cfg.OutputOptions.TypeMapping != nil {
			want = want.Merge(*cfg.OutputOptions.TypeMapping)
		}
		if !reflect.DeepEqual(generatorTypes, want) {
			t.Errorf("%s maps types as\n%+v\nbut generatorTypes is\n%+v", path, want, generatorTypes)
		}
	}
}

// genConfigs returns every gen/oapi-codegen.*.yaml by path, defaults
// applied.
func genConfigs(t *testing.T) map[string]codegen.Configuration {
	t.Helper()
	genDir, err := repo.File("gen")
	if err != nil {
		t.Fatal(err)
	}
	paths, err := filepath.Glob(filepath.Join(genDir, "oapi-codegen.*.yaml"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no oapi-codegen configs in %s (%v)", genDir, err)
	}
	configs := map[string]codegen.Configuration{}
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var cfg codegen.Configuration
		if err := yaml.Unmarshal(raw, &cfg); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		configs[p] = cfg.UpdateDefaults()
	}
	return configs
}

// On Attio's document the rule marks the fields Attio documents null for,
// leaves response-only schemas alone, and lists what it skipped.
func TestRequestNullsRealDocument(t *testing.T) {
	raw, err := os.ReadFile(realDocumentPath(t))
	if err != nil {
		t.Fatal(err)
	}
	canonical, err := fetch.Canonicalize(raw)
	if err != nil {
		t.Fatal(err)
	}
	doc, r := normalizeReal(t, canonical)
	res := markRequestNulls(doc.Content[0])
	t.Logf("marked %d, skipped %d, %d shared with responses", len(res.Marked), len(res.Skipped), res.Shared)
	for _, m := range res.Marked {
		t.Logf("marked  %s", m)
	}
	for _, s := range res.Skipped {
		t.Logf("skipped %s", s)
	}
	if r.RequestNulls != len(res.Marked) {
		t.Errorf("Report.RequestNulls = %d, but a second run marks %d", r.RequestNulls, len(res.Marked))
	}
	for _, want := range []string{
		"UpdateTaskInput.deadline_at nullable.Nullable[time.Time]",
		"UpdateListInput.workspace_access nullable.Nullable[WorkspaceAccess]",
		"UpdateAttributeInput.description nullable.Nullable[string]",
		"UpdateAttributeInput.default_value nullable.Nullable[DefaultValue]",
		"CreateStatusInput.target_time_in_status nullable.Nullable[string]",
		"UpdateStatusInput.target_time_in_status nullable.Nullable[string]",
		"NoteInput.meeting_id nullable.Nullable[openapi_types.UUID]",
		"MeetingDateTimeInput.timezone nullable.Nullable[string]",
	} {
		if !slices.Contains(res.Marked, want) {
			t.Errorf("not marked: %s", want)
		}
	}
	// Task is a response: its nullable deadline stays *time.Time. So does
	// Actor's id, though an interaction input's owner_actor reaches it:
	// it is the created_by_actor of every response value.
	assertNodeAt(t, doc, "/components/schemas/Task/properties/deadline_at/x-go-type", "")
	assertNodeAt(t, doc, "/components/schemas/Actor/properties/id/x-go-type", "")
	if !slices.Contains(res.Skipped, "Actor.id: Actor is a response type too") {
		t.Errorf("Actor.id is not listed as skipped: %q", res.Skipped)
	}
}

// --- The generated request types. ---

// A typed UpdateTask body sends "deadline_at": null to clear the deadline,
// leaves the key out to keep it, and sends a time to set it.
func TestUpdateTaskBodyDeadline(t *testing.T) {
	deadline := time.Date(2026, 3, 8, 15, 0, 0, 0, time.UTC)
	tests := []struct {
		name     string
		deadline nullable.Nullable[time.Time]
		want     string
	}{
		{"null clears", nullable.NewNullNullable[time.Time](), `{"data":{"deadline_at":null}}`},
		{"unset keeps", nil, `{"data":{}}`},
		{"value sets", nullable.NewNullableWithValue(deadline), `{"data":{"deadline_at":"2026-03-08T15:00:00Z"}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := gen.UpdateTaskJSONRequestBody{Data: gen.UpdateTaskInput{DeadlineAt: tt.deadline}}
			got, err := json.Marshal(body)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("json.Marshal = %s, want %s", got, tt.want)
			}
			var back gen.UpdateTaskJSONRequestBody
			if err := json.Unmarshal(got, &back); err != nil {
				t.Fatal(err)
			}
			if back.Data.DeadlineAt.IsSpecified() != tt.deadline.IsSpecified() || back.Data.DeadlineAt.IsNull() != tt.deadline.IsNull() {
				t.Errorf("decoded back as %v, want %v", back.Data.DeadlineAt, tt.deadline)
			}
		})
	}
}
