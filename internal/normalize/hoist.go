package normalize

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Hoisting gives every schema a Go programmer would name a name, once.
//
// Attio's document repeats the same inline shapes across dozens of
// operations (a record is spelled out in full in six responses), so
// oapi-codegen, which names inline schemas after the path they sit on, emits
// the same struct many times under names like
// GetV2ObjectsObjectRecordsRecordId200JSONResponseBodyData. The hoister
// finds structurally identical schemas (ignoring prose: descriptions and
// examples), moves each to components/schemas under one name chosen from
// where it is used, and replaces every use with a $ref.
//
// What gets a name: every union and every enum (oapi-codegen names those
// anyway), every union variant, the `data` of each request and response, the
// existing components, and any object shape used more than once. An object
// used in one place only stays an inline struct.

// nameKey is the extension with which the overlay names a schema explicitly.
const nameKey = "x-attio-name"

// ignoredInShape are schema keywords that do not change what a value may be.
var ignoredInShape = map[string]bool{"description": true, "example": true, "examples": true, "title": true, nameKey: true}

type shapeKind int

const (
	kindPlain  shapeKind = iota // a scalar, array or ref: never named on its own
	kindObject                  // an object with properties
	kindEnum                    // a string enum with two or more values
	kindUnion                   // oneOf/anyOf with two or more non-null branches
)

// occurrence is one place a shape appears.
type occurrence struct {
	node      *yaml.Node
	alts      []string   // candidate names, preferred first
	component string     // the component name, when node is a components/schemas entry
	forced    bool       // named even when used once
	explicit  string     // the overlay's x-attio-name
	variantOf *yaml.Node // the union this is a branch of, if any
	index     int        // which branch
	nullable  bool       // a nullable enum, named without its null
}

// shape is a set of structurally identical schemas.
type shape struct {
	kind    shapeKind
	occs    []*occurrence
	alts    []string
	pick    int // index into alts of the current choice
	fixed   bool
	weight  int // occurrences, for settling contested names
	name    string
	created bool // the component body has been placed
}

// hoister holds the state of one run.
type hoister struct {
	shapes    map[string]*shape
	order     []*occurrence // post-order: children before parents
	shapeOf   map[*yaml.Node]*shape
	mappings  []discriminatorFixup
	discValue map[*yaml.Node]discriminated // union branch -> its discriminator
	reserved  map[string]bool
}

// discriminatorFixup fills a discriminator mapping entry once the variant
// has its final name.
type discriminatorFixup struct {
	mapping *yaml.Node
	value   string
	variant *yaml.Node
}

// ctx says where a schema sits, for naming it.
type ctx struct {
	anchor string   // the named thing the path starts from
	long   string   // a longer, operation-specific anchor, the last resort
	path   []string // Go names of the properties below the anchor
	alts   []string // names proposed by the caller, tried first
	forced bool
	union  *yaml.Node // set for the branches of a union
	index  int
	// For a request or response body: names for its `data` property, and
	// whether the body itself is named when shared (requests only).
	dataAlts []string
	shared   bool
	body     bool
	items0   bool // an array of resources: its items take these names
}

// child returns the context of property name below c.
func (c ctx) child(name string) ctx {
	return ctx{anchor: c.anchor, long: c.long, path: append(append([]string(nil), c.path...), name)}
}

// propertyCtx returns the context of property prop (schema p) of c: for
// the `data` of a body, its resource names; else the property's name.
func (c ctx) propertyCtx(prop string, p *yaml.Node) ctx {
	if prop != "data" || c.dataAlts == nil {
		return c.child(goName(prop))
	}
	d := ctx{anchor: c.dataAlts[0], long: c.dataAlts[len(c.dataAlts)-1], alts: c.dataAlts, forced: true}
	if hasType(p, "array") {
		// A list: the elements are the resource.
		d.forced, d.items0 = false, true
	}
	return d
}

// items returns the context of an array's elements: the singular.
func (c ctx) items() ctx {
	if c.items0 {
		return ctx{anchor: c.anchor, long: c.long, alts: c.alts, forced: true}
	}
	out := ctx{anchor: c.anchor, long: c.long, path: append([]string(nil), c.path...)}
	if n := len(out.path); n > 0 {
		out.path[n-1] = lastWordSingular(out.path[n-1])
	} else {
		out.anchor = lastWordSingular(out.anchor)
	}
	return out
}

// candidates lists the names for a schema in context c, shortest first:
// the property name, then longer suffixes of the path, then the full path
// from the anchor.
func (c ctx) candidates() []string {
	// Names the caller proposed (a resource noun such as Status) stand;
	// names made from the path skip generic words.
	alts := append([]string(nil), c.alts...)
	var fromPath []string
	for i := len(c.path) - 1; i >= 0; i-- {
		fromPath = append(fromPath, strings.Join(c.path[i:], ""))
	}
	fromPath = append(fromPath, c.anchor+strings.Join(c.path, ""))
	if c.long != "" {
		fromPath = append(fromPath, c.long+strings.Join(c.path, ""))
	}
	for _, a := range fromPath {
		if !genericNames[a] {
			alts = append(alts, a)
		}
	}
	if len(alts) == 0 {
		alts = fromPath
	}
	return dedupe(alts)
}

// genericNames are property names that say too little to name a type on
// their own: a status enum is a WebhookStatus, an id object a RecordID.
var genericNames = map[string]bool{
	"ID": true, "Id": true, "Type": true, "Format": true, "Level": true, "Config": true, "Target": true,
	"Or": true, "And": true, "Tag": true, "Direction": true, "Provider": true, "Status": true,
	"Data": true, "Result": true, "Input": true, "Item": true, "Mode": true, "Kind": true,
	"Name": true, "Path": true, "Operator": true, "Template": true,
}

func dedupe(in []string) []string {
	seen := map[string]bool{}
	out := in[:0]
	for _, s := range in {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// hoist runs the rule on the document root and returns how many named
// schemas the components hold afterwards.
func hoist(root *yaml.Node) (int, error) {
	componentSchemas(root)
	renameComponents(root)
	h := &hoister{shapes: map[string]*shape{}, shapeOf: map[*yaml.Node]*shape{}, discValue: map[*yaml.Node]discriminated{}, reserved: reservedNames(root)}
	schemas := getPath(root, "components", "schemas")
	pairs(schemas, func(name string, s *yaml.Node) {
		h.visit(s, ctx{anchor: name}, name)
	})
	forEachOperation(root, func(path, method string, op *yaml.Node) {
		h.visitOperation(get(root, "paths"), path, op)
	})
	if err := h.chooseNames(); err != nil {
		return 0, err
	}
	h.rewrite(root)
	return len(getPath(root, "components", "schemas").Content) / 2, nil
}

// visitOperation visits the schemas of one operation's parameters, request
// body and responses.
func (h *hoister) visitOperation(paths *yaml.Node, path string, op *yaml.Node) {
	id := get(op, "operationId").Value
	noun := resourceNoun(id)
	params := append(append([]*yaml.Node(nil), seq(get(get(paths, path), "parameters"))...), seq(get(op, "parameters"))...)
	for _, p := range params {
		if name := get(p, "name"); name != nil {
			h.visit(get(p, "schema"), ctx{anchor: id, path: []string{goName(name.Value)}}, "")
		}
	}
	pairs(getPath(op, "requestBody", "content"), func(_ string, media *yaml.Node) {
		h.visitRoot(get(media, "schema"), id+"Request", []string{noun + "Request", id + "Request"}, []string{noun + "Input", id + "Input"})
	})
	pairs(get(op, "responses"), func(code string, resp *yaml.Node) {
		if !strings.HasPrefix(code, "2") {
			return
		}
		pairs(get(resp, "content"), func(_ string, media *yaml.Node) {
			h.visitRoot(get(media, "schema"), id+"Response", nil, []string{noun, id + "Result"})
		})
	})
}

// visitRoot visits a request or response body. Its `data` (Attio's
// envelope) is the resource and gets dataAlts as names. A request body that
// several operations share is named too (alts); one used once, and every
// response body, is left for oapi-codegen to name after the operation.
func (h *hoister) visitRoot(s *yaml.Node, anchor string, alts, dataAlts []string) {
	c := ctx{anchor: anchor, alts: alts, dataAlts: dataAlts, shared: alts != nil, body: true}
	if s == nil || get(s, "properties") == nil {
		// A union body: named like the data it holds would be.
		c = ctx{anchor: anchor, alts: dataAlts[1:]}
	}
	h.visit(s, c, "")
}

// visit computes the shape key of schema s, registering s as an occurrence
// of its shape when it is a nameable kind. component is set for the entries
// of components/schemas.
func (h *hoister) visit(s *yaml.Node, c ctx, component string) string {
	if s == nil || s.Kind != yaml.MappingNode {
		return canonical(s)
	}
	if ref := get(s, "$ref"); ref != nil {
		return "ref:" + ref.Value
	}
	h.detectDiscriminator(s)
	inner := c
	if n := get(s, nameKey); n != nil {
		// Below a schema the overlay names, names start from that name:
		// the id of an Entry is an EntryID.
		inner = ctx{anchor: n.Value, long: c.long, dataAlts: c.dataAlts, shared: c.shared, body: c.body, items0: c.items0}
	}
	body := h.visitChildren(s, inner)
	if n := get(s, nameKey); n != nil && c.union != nil {
		// Branches the overlay names apart stay apart even when their
		// shapes agree (a date and a text input are both {value: string}).
		body += "name:" + n.Value
	}
	if d, ok := h.discValue[s]; ok {
		// The discriminator's value left the schema for the mapping, but
		// still tells this variant from its siblings.
		body += "discriminator:" + d.property + "=" + d.value
	}
	kind := kindOf(s)
	if kind == kindPlain && component == "" && (c.union == nil || (len(s.Content) == 2 && hasType(s, "null"))) {
		return body
	}
	if c.body && !c.shared && kind == kindObject {
		return body
	}
	nullable := kind == kindEnum && hasType(s, "null")
	if nullable {
		// A nullable enum shares its type with the non-null enum of the
		// same values; the null moves to where it is used.
		body = h.visitChildren(withoutNull(s), c)
	}
	sum := sha256.Sum256([]byte(body))
	key := hex.EncodeToString(sum[:12])
	sh := h.shapes[key]
	if sh == nil {
		sh = &shape{kind: kind}
		h.shapes[key] = sh
	}
	o := &occurrence{node: s, alts: c.candidates(), component: component, forced: c.forced, variantOf: c.union, index: c.index, nullable: nullable && component == ""}
	if n := get(s, nameKey); n != nil {
		o.explicit = n.Value
	}
	sh.occs = append(sh.occs, o)
	h.shapeOf[s] = sh
	h.order = append(h.order, o)
	return "#" + key
}

// visitChildren visits the subschemas of s and returns s's canonical form,
// with each subschema replaced by its key.
func (h *hoister) visitChildren(s *yaml.Node, c ctx) string {
	var b strings.Builder
	keys := make([]string, 0, len(s.Content)/2)
	vals := map[string]*yaml.Node{}
	pairs(s, func(k string, v *yaml.Node) {
		if !ignoredInShape[k] {
			keys = append(keys, k)
			vals[k] = v
		}
	})
	sort.Strings(keys)
	b.WriteString("{")
	for _, k := range keys {
		v := vals[k]
		b.WriteString(k + ":")
		switch k {
		case "properties":
			b.WriteString("{")
			pairs(v, func(prop string, p *yaml.Node) {
				b.WriteString(prop + ":" + h.visit(p, c.propertyCtx(prop, p), "") + ",")
			})
			b.WriteString("}")
		case "items":
			b.WriteString(h.visit(v, c.items(), ""))
		case "additionalProperties":
			b.WriteString(h.visit(v, c.child("Value"), ""))
		case "not":
			b.WriteString(h.visit(v, c, ""))
		case "anyOf", "oneOf", "allOf":
			// Branches of a union are its variants; the lone typed branch
			// of a nullable wrapper (anyOf [X, null]) or an allOf part is
			// named like the schema itself.
			union := kindOf(s) == kindUnion && k != "allOf"
			b.WriteString("[")
			for i, branch := range v.Content {
				bc := c
				if union {
					bc = variantCtx(s, c, i)
				}
				b.WriteString(h.visit(branch, bc, "") + ",")
			}
			b.WriteString("]")
		case "required":
			req := scalars(v)
			sort.Strings(req)
			b.WriteString(strings.Join(req, ","))
		default:
			b.WriteString(canonical(v))
		}
		b.WriteString(";")
	}
	b.WriteString("}")
	return b.String()
}

// variantCtx returns the context of branch i of union s. Variants are named
// after the union's final name (see variantCandidates), so here they only
// record which union they belong to.
func variantCtx(s *yaml.Node, c ctx, i int) ctx {
	return ctx{anchor: c.anchor, long: c.long, path: c.path, forced: true, union: s, index: i}
}

// variantCandidates names branch o of a union called union: by its
// discriminator value ("text" -> TextValue), else by what it holds
// (TemplateDefaultValue for an object whose one property is template,
// StringDefaultValue for a string), and last by position (DefaultValueVariantB),
// a name the overlay should replace.
func (h *hoister) variantCandidates(o *occurrence, union string) []string {
	var alts []string
	if t := get(o.node, "title"); t != nil {
		// A titled branch of CreateFolderInput titled "Connected Folder"
		// is a ConnectedFolderInput: the title, then what the union is.
		alts = append(alts, goName(t.Value)+lastWord(union), goName(t.Value)+union, goName(t.Value))
	}
	if d := h.discValue[o.node]; d.value != "" {
		if d.property == discriminatorProperty {
			alts = append(alts, goName(d.value)+"Value")
		}
		alts = append(alts, goName(d.value)+union)
	}
	var siblings []*yaml.Node
	for _, k := range []string{"anyOf", "oneOf"} {
		siblings = append(siblings, seq(get(o.variantOf, k))...)
	}
	if what := describeVariant(o.node, siblings); what != "" {
		alts = append(alts, what+union)
	}
	return append(alts, union+"Variant"+string(rune('A'+o.index%26)))
}

// describeVariant names what a union branch holds: the first property no
// sibling branch has (thread_id, record, entry for the three ways to
// address a comment), else its first required property, else its type.
func describeVariant(s *yaml.Node, siblings []*yaml.Node) string {
	props := get(s, "properties")
	if props != nil && len(props.Content) > 0 {
		for i := 0; i+1 < len(props.Content); i += 2 {
			name, unique := props.Content[i].Value, true
			for _, sib := range siblings {
				if sib != s && getPath(sib, "properties", name) != nil {
					unique = false
					break
				}
			}
			if unique {
				return goName(strings.TrimSuffix(name, "_id"))
			}
		}
		if req := scalars(get(s, "required")); len(req) > 0 {
			return goName(req[0])
		}
		return goName(props.Content[0].Value)
	}
	for _, t := range scalars(get(s, "type")) {
		if t != "null" {
			return goName(t)
		}
	}
	return ""
}

// kindOf classifies a schema for naming.
func kindOf(s *yaml.Node) shapeKind {
	for _, k := range []string{"anyOf", "oneOf"} {
		if u := get(s, k); u != nil {
			nonNull := 0
			for _, b := range u.Content {
				if !(len(b.Content) == 2 && hasType(b, "null")) {
					nonNull++
				}
			}
			if nonNull >= 2 {
				return kindUnion
			}
		}
	}
	if p := get(s, "properties"); p != nil && len(p.Content) > 0 {
		return kindObject
	}
	if e := get(s, "enum"); e != nil && hasType(s, "string") {
		n := 0
		for _, v := range e.Content {
			if v.Tag != "!!null" {
				n++
			}
		}
		if n >= 2 {
			return kindEnum
		}
	}
	return kindPlain
}

// canonical renders a plain YAML value with sorted keys.
func canonical(n *yaml.Node) string {
	if n == nil {
		return "~"
	}
	switch n.Kind {
	case yaml.ScalarNode:
		return n.Tag + ":" + n.Value
	case yaml.SequenceNode:
		parts := make([]string, len(n.Content))
		for i, c := range n.Content {
			parts[i] = canonical(c)
		}
		return "[" + strings.Join(parts, ",") + "]"
	case yaml.MappingNode:
		var parts []string
		pairs(n, func(k string, v *yaml.Node) {
			if !ignoredInShape[k] {
				parts = append(parts, k+":"+canonical(v))
			}
		})
		sort.Strings(parts)
		return "{" + strings.Join(parts, ",") + "}"
	}
	return "?"
}

// seq returns the items of a sequence node, or nil.
func seq(n *yaml.Node) []*yaml.Node {
	if n == nil || n.Kind != yaml.SequenceNode {
		return nil
	}
	return n.Content
}

// chooseNames gives each shape that needs one a unique name. A name wanted
// by several shapes goes to the one the overlay named, else the one used
// most often; the others move on to their next candidate.
func (h *hoister) chooseNames() error {
	keys := make([]string, 0, len(h.shapes))
	for k := range h.shapes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var first, variants []*shape
	for _, k := range keys {
		sh := h.shapes[k]
		switch {
		case !sh.needsName():
		case sh.onlyVariant():
			variants = append(variants, sh)
		default:
			sh.settleCandidates()
			first = append(first, sh)
		}
	}
	if err := h.settle(first); err != nil {
		return err
	}
	// Variants are named after their union, which now has its name.
	for _, sh := range variants {
		sh.weight = len(sh.occs)
		o := sh.occs[0]
		union := ""
		if u := h.shapeOf[o.variantOf]; u != nil {
			union = u.name
		}
		if union == "" {
			union = o.alts[0]
		}
		sh.alts = h.variantCandidates(o, union)
		if o.explicit != "" {
			sh.alts, sh.fixed = []string{o.explicit}, true
		}
	}
	return h.settle(append(first, variants...))
}

// settle resolves contested names among shapes until each has its own.
func (h *hoister) settle(named []*shape) error {
	for changed := true; changed; {
		changed = false
		byName := map[string][]*shape{}
		for _, sh := range named {
			byName[sh.alts[sh.pick]] = append(byName[sh.alts[sh.pick]], sh)
		}
		names := make([]string, 0, len(byName))
		for name := range byName {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			group := byName[name]
			if len(group) == 1 && !h.reserved[name] {
				continue
			}
			winner := contestWinner(group, h.reserved[name])
			for _, sh := range group {
				if sh == winner {
					continue
				}
				if sh.fixed || sh.pick+1 >= len(sh.alts) {
					return fmt.Errorf("two schemas want the Go name %s; name one with %s in spec/overlay.yaml (%s)", name, nameKey, describe(sh))
				}
				sh.pick++
				changed = true
			}
		}
	}
	for _, sh := range named {
		sh.name = sh.alts[sh.pick]
	}
	return nil
}

// onlyVariant reports whether every use of the shape is as a union branch
// (and no overlay or component names it).
func (sh *shape) onlyVariant() bool {
	for _, o := range sh.occs {
		if o.variantOf == nil || o.component != "" {
			return false
		}
	}
	return true
}

// needsName reports whether a shape becomes a named component.
func (sh *shape) needsName() bool {
	if sh.kind == kindUnion || sh.kind == kindEnum || len(sh.occs) > 1 {
		return true
	}
	o := sh.occs[0]
	return o.forced || o.component != "" || o.explicit != ""
}

// settleCandidates picks the shape's candidate names: the overlay's name or
// the component's, else the candidates of the occurrence whose first choice
// most occurrences share.
func (sh *shape) settleCandidates() {
	sh.weight = len(sh.occs)
	for _, o := range sh.occs {
		if o.explicit != "" {
			sh.alts, sh.fixed = []string{o.explicit}, true
			return
		}
		if o.component != "" {
			sh.alts, sh.fixed = []string{o.component}, true
			return
		}
	}
	votes := map[string]int{}
	for _, o := range sh.occs {
		votes[o.alts[0]]++
	}
	best := sh.occs[0]
	for _, o := range sh.occs[1:] {
		a, b := o.alts[0], best.alts[0]
		if votes[a] > votes[b] || (votes[a] == votes[b] && (len(a) < len(b) || (len(a) == len(b) && a < b))) {
			best = o
		}
	}
	// The best occurrence's names first, then every other occurrence's, so
	// a contested shape has somewhere to go.
	sh.alts = append([]string(nil), best.alts...)
	for _, o := range sh.occs {
		sh.alts = append(sh.alts, o.alts...)
	}
	sh.alts = dedupe(sh.alts)
}

// contestWinner returns the shape that keeps a contested name, or nil when
// none clearly should (a reserved name, or a tie).
func contestWinner(group []*shape, reserved bool) *shape {
	if reserved {
		return nil
	}
	var winner *shape
	tie := false
	for _, sh := range group {
		switch {
		case winner == nil:
			winner = sh
		case sh.fixed && !winner.fixed, sh.fixed == winner.fixed && sh.weight > winner.weight:
			winner, tie = sh, false
		case sh.fixed == winner.fixed && sh.weight == winner.weight:
			tie = true
		}
	}
	if tie {
		return nil
	}
	return winner
}

// describe says where a shape is used, for error messages.
func describe(sh *shape) string {
	return fmt.Sprintf("candidates %v, used %d times", sh.alts, len(sh.occs))
}

// rewrite moves each named shape into components/schemas and replaces its
// occurrences with references, children before parents, and fills in the
// discriminator mappings.
func (h *hoister) rewrite(root *yaml.Node) {
	// Mappings first: the unions holding them are copied below.
	for _, f := range h.mappings {
		if sh := h.shapeOf[f.variant]; sh != nil && sh.name != "" {
			set(f.mapping, f.value, str("#/components/schemas/"+sh.name))
		} else if ref := get(f.variant, "$ref"); ref != nil {
			set(f.mapping, f.value, str(ref.Value))
		}
	}
	schemas := getPath(root, "components", "schemas")
	var added []string
	bodies := map[string]*yaml.Node{}
	for _, o := range h.order {
		sh := h.shapeOf[o.node]
		if sh.name == "" {
			continue
		}
		ref := "#/components/schemas/" + sh.name
		if o.component != "" {
			if o.component == sh.name {
				del(o.node, nameKey)
				continue
			}
			// A component identical to another: it becomes a reference.
		} else if !sh.created && !sh.hasComponent() {
			body := clone(o.node)
			if o.nullable {
				body = withoutNull(body)
			}
			del(body, nameKey)
			bodies[sh.name] = body
			added = append(added, sh.name)
			sh.created = true
		}
		desc := get(o.node, "description")
		if o.nullable {
			o.node.Content = []*yaml.Node{str("anyOf"), &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{
				mapping("$ref", ref), mapping("type", "null"),
			}}}
		} else {
			o.node.Content = []*yaml.Node{str("$ref"), str(ref)}
		}
		if desc != nil {
			// The use keeps its own description: OpenAPI 3.1 allows it
			// beside a $ref, and it documents the Go field.
			set(o.node, "description", desc)
		}
	}
	sort.Strings(added)
	for _, name := range added {
		set(schemas, name, bodies[name])
	}
	dedupeBranches(root)
}

// dedupeBranches removes repeated references from unions: shapes that
// differed only in prose (a date and a text input are both `{value:
// string}`) are now one component, and a union may not list it twice.
func dedupeBranches(root *yaml.Node) {
	walk(root, func(s *yaml.Node) {
		for _, key := range []string{"anyOf", "oneOf"} {
			u := get(s, key)
			if u == nil || get(s, "discriminator") != nil {
				continue
			}
			seen := map[string]bool{}
			kept := u.Content[:0]
			for _, b := range u.Content {
				if ref := get(b, "$ref"); ref != nil {
					if seen[ref.Value] {
						continue
					}
					seen[ref.Value] = true
				}
				kept = append(kept, b)
			}
			u.Content = kept
		}
	})
}

// hasComponent reports whether one of the shape's occurrences is the
// component it is named after.
func (sh *shape) hasComponent() bool {
	for _, o := range sh.occs {
		if o.component == sh.name {
			return true
		}
	}
	return false
}

// withoutNull returns a copy of a nullable enum without null in its type
// and values.
func withoutNull(s *yaml.Node) *yaml.Node {
	out := clone(s)
	if t := get(out, "type"); t != nil && t.Kind == yaml.SequenceNode {
		var kept []*yaml.Node
		for _, c := range t.Content {
			if c.Value != "null" {
				kept = append(kept, c)
			}
		}
		if len(kept) == 1 {
			set(out, "type", kept[0])
		} else {
			t.Content = kept
		}
	}
	if e := get(out, "enum"); e != nil {
		kept := e.Content[:0]
		for _, c := range e.Content {
			if c.Tag != "!!null" {
				kept = append(kept, c)
			}
		}
		e.Content = kept
	}
	return out
}

// clone deep-copies a node.
func clone(n *yaml.Node) *yaml.Node {
	c := *n
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, ch := range n.Content {
		c.Content[i] = clone(ch)
	}
	return &c
}

// renameComponents gives the existing component schemas Go names
// ("select-option" -> "SelectOption") and rewrites the references to them,
// $refs and discriminator mappings alike.
func renameComponents(root *yaml.Node) {
	schemas := getPath(root, "components", "schemas")
	renamed := map[string]string{}
	for i := 0; i+1 < len(schemas.Content); i += 2 {
		k := schemas.Content[i]
		if n := goName(k.Value); n != k.Value {
			renamed["#/components/schemas/"+k.Value] = "#/components/schemas/" + n
			k.Value = n
		}
	}
	walk(root, func(n *yaml.Node) {
		if ref := get(n, "$ref"); ref != nil {
			if to, ok := renamed[ref.Value]; ok {
				ref.Value = to
			}
		}
		// Discriminator mappings refer to components too.
		pairs(getPath(n, "discriminator", "mapping"), func(_ string, target *yaml.Node) {
			if to, ok := renamed[target.Value]; ok {
				target.Value = to
			}
		})
	})
}

// reservedNames are the names oapi-codegen gives the types it derives from
// operations; a hoisted schema must not take one.
func reservedNames(root *yaml.Node) map[string]bool {
	r := map[string]bool{}
	for _, n := range []string{"Client", "ClientInterface", "ClientOption", "ClientWithResponses", "ClientWithResponsesInterface", "HttpRequestDoer", "RequestEditorFn"} {
		r[n] = true
	}
	forEachOperation(root, func(_, _ string, op *yaml.Node) {
		id := get(op, "operationId").Value
		for _, suffix := range []string{"JSONBody", "JSONRequestBody", "Params", "Response", "MultipartBody", "MultipartRequestBody"} {
			r[id+suffix] = true
		}
	})
	return r
}
