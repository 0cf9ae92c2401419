package normalize

import (
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// widget is the shape of a resource as Attio spells it out again in each
// operation; widgetWith returns it with a different description, which the
// hoister ignores.
func widgetWith(description string) string {
	return `
type: object
description: ` + description + `
properties:
  id:
    type: object
    properties:
      workspace_id: {type: string, format: uuid}
      widget_id: {type: string, format: uuid}
    required: [workspace_id, widget_id]
  name: {type: string, description: "` + description + `"}
  status: {type: string, enum: [active, archived]}
  type: {type: string, enum: [small, large]}
required: [id, name, status, type]
`
}

func dataObject(schema string) string {
	return "type: object\nproperties:\n  data:\n" + indentText(schema, 4) + "\nrequired: [data]"
}

func dataArray(schema string) string {
	return "type: object\nproperties:\n  data:\n    type: array\n    items:\n" + indentText(schema, 6) + "\nrequired: [data]"
}

// A resource repeated in two responses becomes one component named after
// the operations' resource noun and referenced from both.
func TestHoistRepeatedResponseShape(t *testing.T) {
	root, r := normalizeText(t, docWithOps("",
		testOp{method: "get", path: "/v2/widgets", summary: "List widgets", response: dataArray(widgetWith("A widget."))},
		testOp{method: "get", path: "/v2/widgets/{id}", summary: "Get a widget", response: dataObject(widgetWith("The widget, in full."))},
	), "")
	assertRefAt(t, root, "/paths/~1v2~1widgets/get/responses/200/content/application~1json/schema/properties/data/items", "Widget")
	assertRefAt(t, root, "/paths/~1v2~1widgets~1{id}/get/responses/200/content/application~1json/schema/properties/data", "Widget")
	// Each use keeps its own description, for the Go field's comment.
	assertNodeAt(t, root, "/paths/~1v2~1widgets~1{id}/get/responses/200/content/application~1json/schema/properties/data/description", "The widget, in full.")
	if n := countRefsTo(root, "Widget"); n != 2 {
		t.Errorf("%d references to Widget, want 2", n)
	}
	// The first occurrence's prose is the component's.
	assertNodeAt(t, root, "/components/schemas/Widget/description", "A widget.")
	// What it holds is named after it: generic property names (ID, Status,
	// Type) are not type names on their own.
	assertRefAt(t, root, "/components/schemas/Widget/properties/status", "WidgetStatus")
	assertRefAt(t, root, "/components/schemas/Widget/properties/type", "WidgetType")
	assertRefAt(t, root, "/components/schemas/Widget/properties/id", "WidgetId")
	assertNodeAt(t, root, "/components/schemas/WidgetStatus", "{type: string, enum: [active, archived]}")
	for _, generic := range []string{"Status", "Type", "Id", "ID", "Data"} {
		if hasComponentNamed(root, generic) {
			t.Errorf("a component is named %s", generic)
		}
	}
	// The response envelopes are left for oapi-codegen to name after
	// their operations.
	want := []string{"Error", "Widget", "WidgetId", "WidgetStatus", "WidgetType"}
	if got := sortedComponentNames(root); !slices.Equal(got, want) {
		t.Errorf("components %v, want %v", got, want)
	}
	if r.Schemas != len(want) {
		t.Errorf("Schemas = %d, want %d", r.Schemas, len(want))
	}
}

// An object used in one place stays an inline struct; enums and unions
// are named wherever they are.
func TestHoistInlineShapeUsedOnceStaysInline(t *testing.T) {
	root, _ := normalizeText(t, docWithOps("",
		testOp{method: "get", path: "/v2/gadgets/{id}", summary: "Get a gadget", response: dataObject(`
type: object
properties:
  settings:
    type: object
    properties:
      theme: {type: string}
      size: {type: integer}
  owner:
    type: object
    properties:
      name: {type: string}
`)},
	), "")
	assertNodeAt(t, root, "/components/schemas/Gadget/properties/settings", `
type: object
properties:
  theme: {type: string}
  size: {type: integer}
`)
	assertNodeAt(t, root, "/components/schemas/Gadget/properties/owner/properties/name", "{type: string}")
	want := []string{"Error", "Gadget"}
	if got := sortedComponentNames(root); !slices.Equal(got, want) {
		t.Errorf("components %v, want %v", got, want)
	}
}

// The `data` of a request is the resource's input: <Noun>Input. A request
// body several operations share is named too.
func TestHoistRequestData(t *testing.T) {
	input := dataObject(`
type: object
properties:
  name: {type: string}
  size: {type: integer}
`)
	root, _ := normalizeText(t, docWithOps("",
		testOp{method: "post", path: "/v2/widgets", summary: "Create a widget", request: input},
		testOp{method: "put", path: "/v2/widgets/{id}", summary: "Update a widget", request: input},
		testOp{method: "post", path: "/v2/notes", summary: "Create a note", request: dataObject(`
type: object
properties:
  title: {type: string}
`)},
	), "")
	assertNodeAt(t, root, "/components/schemas/WidgetInput", "{type: object, properties: {name: {type: string}, size: {type: integer}}}")
	assertNodeAt(t, root, "/components/schemas/WidgetRequest", "{type: object, properties: {data: "+refTo("WidgetInput")+"}, required: [data]}")
	for _, p := range []string{"/paths/~1v2~1widgets/post", "/paths/~1v2~1widgets~1{id}/put"} {
		assertRefAt(t, root, p+"/requestBody/content/application~1json/schema", "WidgetRequest")
	}
	// Used once: the body stays inline, its data is named.
	assertRefAt(t, root, "/paths/~1v2~1notes/post/requestBody/content/application~1json/schema/properties/data", "NoteInput")
	if hasComponentNamed(root, "NoteRequest") {
		t.Error("a request body used once is a component")
	}
}

// Existing components get Go names, and every reference follows.
func TestHoistRenamesComponents(t *testing.T) {
	root, _ := normalizeText(t, docWithOps(`
select-option:
  type: object
  properties:
    title: {type: string}
workspace_member:
  type: object
  properties:
    options: {type: array, items: {$ref: '#/components/schemas/select-option'}}
thing:
  type: object
  properties:
    option: {$ref: '#/components/schemas/select-option'}
    member: {$ref: '#/components/schemas/workspace_member'}
`, listThings, testOp{method: "get", path: "/v2/options", summary: "List options", response: `
type: object
properties:
  data: {type: array, items: {$ref: '#/components/schemas/select-option'}}
`}), "")
	assertNodeAt(t, root, "/components/schemas/SelectOption", "{type: object, properties: {title: {type: string}}}")
	for _, old := range []string{"select-option", "workspace_member", "thing"} {
		if hasComponentNamed(root, old) {
			t.Errorf("component %s kept its name", old)
		}
	}
	assertRefAt(t, root, "/components/schemas/WorkspaceMember/properties/options/items", "SelectOption")
	assertRefAt(t, root, "/components/schemas/Thing/properties/member", "WorkspaceMember")
	assertRefAt(t, root, "/paths/~1v2~1options/get/responses/200/content/application~1json/schema/properties/data/items", "SelectOption")
	assertRefAt(t, root, "/paths/~1v2~1things/get/responses/200/content/application~1json/schema/properties/data/items", "Thing")
	if n := countRefsTo(root, "SelectOption"); n != 3 {
		t.Errorf("%d references to SelectOption, want 3", n)
	}
	walk(root, func(n *yaml.Node) {
		if r := get(n, "$ref"); r != nil && strings.ContainsAny(r.Value, "-_") {
			t.Errorf("reference %s not rewritten", r.Value)
		}
	})
}

// colorComponents are three components with an enum property `color`: two
// share one enum (cyan, magenta), one has another (red, green).
const colorComponents = `
alpha:
  type: object
  properties:
    color: {type: string, enum: [red, green]}
    a: {type: string}
beta:
  type: object
  properties:
    color: {type: string, enum: [cyan, magenta]}
    b: {type: string}
gamma:
  type: object
  properties:
    color: {type: string, enum: [cyan, magenta]}
    c: {type: string}
thing:
  type: object
  properties:
    name: {type: string}
`

func TestHoistContestedNames(t *testing.T) {
	tests := []struct {
		name       string
		components string
		overlay    string
		// want maps each component with a color to the name of its
		// color's type.
		want map[string]string
	}{
		{
			name:       "the most used shape wins",
			components: colorComponents,
			want:       map[string]string{"Alpha": "AlphaColor", "Beta": "Color", "Gamma": "Color"},
		},
		{
			name:       "the overlay's name wins",
			components: colorComponents,
			overlay: overlayWith(`
- target: $.components.schemas.alpha.properties.color
  update: {x-attio-name: Color}
`),
			want: map[string]string{"Alpha": "Color", "Beta": "BetaColor", "Gamma": "BetaColor"},
		},
		{
			name: "a tie: neither wins",
			components: `
alpha:
  type: object
  properties:
    color: {type: string, enum: [red, green]}
beta:
  type: object
  properties:
    color: {type: string, enum: [cyan, magenta]}
thing:
  type: object
  properties:
    name: {type: string}
`,
			want: map[string]string{"Alpha": "AlphaColor", "Beta": "BetaColor"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root, _ := normalizeText(t, docWithOps(tt.components, listThings), tt.overlay)
			for component, name := range tt.want {
				assertRefAt(t, root, "/components/schemas/"+component+"/properties/color", name)
			}
			if tt.want["Alpha"] != "Color" && tt.want["Beta"] != "Color" && hasComponentNamed(root, "Color") {
				t.Error("a component is named Color")
			}
			// The overlay's name is not left in the document.
			walk(root, func(n *yaml.Node) {
				if get(n, nameKey) != nil {
					t.Errorf("%s left in\n%s", nameKey, yamlText(t, n))
				}
			})
		})
	}
}

func TestHoistNameErrors(t *testing.T) {
	tests := []struct {
		name    string
		overlay string
		want    []string // substrings of the error
	}{
		{
			name: "two shapes named alike by the overlay",
			overlay: overlayWith(`
- target: $.components.schemas.alpha.properties.color
  update: {x-attio-name: Color}
- target: $.components.schemas.beta.properties.color
  update: {x-attio-name: Color}
`),
			want: []string{"Color", nameKey, "spec/overlay.yaml"},
		},
		{
			name: "a name oapi-codegen gives an operation's type",
			overlay: overlayWith(`
- target: $.components.schemas.alpha.properties.color
  update: {x-attio-name: ListThingsResponse}
`),
			want: []string{"ListThingsResponse", nameKey},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := normalizeTextErr(t, docWithOps(colorComponents, listThings), tt.overlay)
			if err == nil {
				t.Fatal("Document succeeded; want an error about the name")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
		})
	}
}

// The overlay can name an inline schema that would otherwise stay inline.
func TestHoistOverlayNamesInlineSchema(t *testing.T) {
	root, _ := normalizeText(t, docWithThing(`
type: object
properties:
  settings:
    type: object
    properties:
      theme: {type: string}
`), overlayWith(`
- target: $.components.schemas.thing.properties.settings
  update: {x-attio-name: ThingSettings}
`))
	assertRefAt(t, root, "/components/schemas/Thing/properties/settings", "ThingSettings")
	assertNodeAt(t, root, "/components/schemas/ThingSettings", "{type: object, properties: {theme: {type: string}}}")
}

// Union branches the overlay names apart stay apart even when their shapes
// agree; unnamed ones that agree are one type.
func TestHoistNamedBranchesStayApart(t *testing.T) {
	components := `
thing:
  type: object
  properties:
    input:
      anyOf:
        - type: object
          description: A date.
          properties: {value: {type: string}}
        - type: object
          description: Some text.
          properties: {value: {type: string}}
        - type: object
          properties: {value: {type: number}}
`
	t.Run("named", func(t *testing.T) {
		root, _ := normalizeText(t, docWithOps(components, listThings), overlayWith(`
- target: $.components.schemas.thing.properties.input.anyOf[0]
  update: {x-attio-name: DateInput}
- target: $.components.schemas.thing.properties.input.anyOf[1]
  update: {x-attio-name: TextInput}
`))
		union := resolveRef(root, mustNodeAt(t, root, "/components/schemas/Thing/properties/input"))
		assertRefAt(t, union, "/anyOf/0", "DateInput")
		assertRefAt(t, union, "/anyOf/1", "TextInput")
		if n := len(seq(get(union, "anyOf"))); n != 3 {
			t.Errorf("the union has %d branches, want 3:\n%s", n, yamlText(t, union))
		}
		assertNodeAt(t, root, "/components/schemas/DateInput", "{type: object, description: A date., properties: {value: {type: string}}}")
		assertNodeAt(t, root, "/components/schemas/TextInput", "{type: object, description: Some text., properties: {value: {type: string}}}")
	})
	t.Run("unnamed", func(t *testing.T) {
		root, _ := normalizeText(t, docWithOps(components, listThings), "")
		union := resolveRef(root, mustNodeAt(t, root, "/components/schemas/Thing/properties/input"))
		branches := seq(get(union, "anyOf"))
		if len(branches) != 2 {
			t.Fatalf("the union has %d branches, want 2 (the two string shapes are one):\n%s", len(branches), yamlText(t, union))
		}
		a, b := resolveRef(root, branches[0]), resolveRef(root, branches[1])
		assertNodeAt(t, a, "/properties/value", "{type: string}")
		assertNodeAt(t, b, "/properties/value", "{type: number}")
	})
}

// sortedComponentNames returns the component names, sorted.
func sortedComponentNames(root *yaml.Node) []string {
	names := componentNames(root)
	slices.Sort(names)
	return names
}
