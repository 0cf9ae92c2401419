package gencheck

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/attio-community/attio-go/internal/repo"
)

// genPackage parses the generated files of gen/.
func genPackage(t *testing.T) []*ast.File {
	t.Helper()
	root, err := repo.Root()
	if err != nil {
		t.Fatal(err)
	}
	paths, err := filepath.Glob(filepath.Join(root, "gen", "*.gen.go"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no generated files in gen/ (%v)", err)
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, p := range paths {
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	return files
}

// exportedTypes returns the exported type names declared in files.
func exportedTypes(files []*ast.File) map[string]*ast.TypeSpec {
	types := map[string]*ast.TypeSpec{}
	for _, f := range files {
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.TYPE {
				continue
			}
			for _, s := range g.Specs {
				ts := s.(*ast.TypeSpec)
				if ts.Name.IsExported() {
					types[ts.Name.Name] = ts
				}
			}
		}
	}
	return types
}

// exportedIdents returns every exported top-level identifier: types,
// functions, methods, constants and variables.
func exportedIdents(files []*ast.File) []string {
	var names []string
	for _, f := range files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Name.IsExported() {
					names = append(names, d.Name.Name)
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if s.Name.IsExported() {
							names = append(names, s.Name.Name)
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if n.IsExported() {
								names = append(names, n.Name)
							}
						}
					}
				}
			}
		}
	}
	return names
}

// TestTypeNamesReadLikeHandWrittenGo checks the naming promises: no type
// name longer than 40 characters or ending in a digit (InputValue0), and no
// exported identifier carrying a path fragment (V2, Objects...Records).
func TestTypeNamesReadLikeHandWrittenGo(t *testing.T) {
	files := genPackage(t)
	for name := range exportedTypes(files) {
		if len(name) > 40 {
			t.Errorf("type %s: %d characters, more than 40", name, len(name))
		}
		if strings.IndexAny(name[len(name)-1:], "0123456789") == 0 {
			t.Errorf("type %s ends in a digit", name)
		}
	}
	pathFragment := regexp.MustCompile(`V2|JSONResponseBody|ObjectsObject|ListsList|RecordId[A-Z]`)
	for _, name := range exportedIdents(files) {
		if pathFragment.MatchString(name) {
			t.Errorf("exported identifier %s carries a path fragment", name)
		}
	}
}

// TestExportedTypeBudget keeps gen/ at the size the naming issue set: at
// most 350 exported types (oapi-codegen on Attio's raw document: 1,614).
func TestExportedTypeBudget(t *testing.T) {
	if n := len(exportedTypes(genPackage(t))); n > 350 {
		t.Errorf("gen/ declares %d exported types, more than 350", n)
	}
}

// TestEveryOperationIsAMethod checks that each operation of the normalized
// document is a typed method of ClientWithResponses named after its
// operationId, which the pipeline derives from the summary.
func TestEveryOperationIsAMethod(t *testing.T) {
	methods := map[string]bool{}
	for _, f := range genPackage(t) {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil {
				if star, ok := fd.Recv.List[0].Type.(*ast.StarExpr); ok && star.X.(*ast.Ident).Name == "ClientWithResponses" {
					methods[fd.Name.Name] = true
				}
			}
		}
	}
	ids := operationIDs(t)
	if len(ids) == 0 {
		t.Fatal("the normalized document has no operations")
	}
	for _, id := range ids {
		if !methods[id+"WithResponse"] && !methods[id+"WithBodyWithResponse"] {
			t.Errorf("operation %s has no method %sWithResponse", id, id)
		}
	}
}

// operationIDs reads the operationIds of spec/openapi.normalized.yaml,
// which `make check` and `make generate` write.
func operationIDs(t *testing.T) []string {
	t.Helper()
	path, err := repo.File(repo.NormalizedSpec)
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]struct {
			OperationID string `yaml:"operationId"`
		} `yaml:"paths"`
	}
	if err := yaml.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, item := range doc.Paths {
		for _, op := range item {
			if op.OperationID != "" {
				ids = append(ids, op.OperationID)
			}
		}
	}
	return ids
}

// TestOneTypePerResource checks that operations on a resource share its
// type: getting, creating, listing and updating a record all hand back a
// Record, and so on for the other resources.
func TestOneTypePerResource(t *testing.T) {
	responses := map[string]string{} // response type -> its JSON200 field's type, as source
	files := genPackage(t)
	for name, ts := range exportedTypes(files) {
		st, ok := ts.Type.(*ast.StructType)
		if !ok || !strings.HasSuffix(name, "Response") {
			continue
		}
		for _, f := range st.Fields.List {
			if len(f.Names) == 1 && (f.Names[0].Name == "JSON200" || f.Names[0].Name == "JSON201") {
				responses[strings.TrimSuffix(name, "Response")] = exprString(f.Type)
			}
		}
	}
	want := map[string][]string{
		"Record":          {"GetRecord", "CreateRecord", "AssertRecord", "UpdateRecord", "OverwriteRecord", "ListRecords"},
		"Entry":           {"GetListEntry", "CreateListEntry", "AssertListEntry", "UpdateListEntry", "OverwriteListEntry", "ListEntries"},
		"Object":          {"GetObject", "CreateObject", "UpdateObject", "ListObjects"},
		"Attribute":       {"GetAttribute", "CreateAttribute", "UpdateAttribute", "ListAttributes"},
		"SelectOption":    {"CreateSelectOption", "UpdateSelectOption", "ListSelectOptions"},
		"Status":          {"CreateStatus", "UpdateStatus", "ListStatuses"},
		"List":            {"GetList", "CreateList", "UpdateList", "ListLists"},
		"WorkspaceMember": {"GetWorkspaceMember", "ListWorkspaceMembers"},
		"Note":            {"GetNote", "CreateNote", "ListNotes"},
		"Task":            {"GetTask", "CreateTask", "UpdateTask", "ListTasks"},
		"Thread":          {"GetThread", "ListThreads"},
		"Comment":         {"GetComment", "CreateComment"},
		"Meeting":         {"GetMeeting", "FindOrCreateMeeting", "ListMeetings"},
		"CallRecording":   {"GetCallRecording", "CreateCallRecording", "ListCallRecordings"},
		"File":            {"UploadFile"},
		"Webhook":         {"GetWebhook", "UpdateWebhook", "ListWebhooks"},
	}
	for resource, ops := range want {
		data := regexp.MustCompile(`\bData \[?\]?` + resource + `\b`)
		for _, op := range ops {
			body, ok := responses[op]
			if !ok {
				t.Errorf("%sResponse has no JSON200/JSON201 field", op)
				continue
			}
			if !data.MatchString(body) {
				t.Errorf("%s does not hand back %s: its body is %s", op, resource, body)
			}
		}
	}
	if _, ok := exportedTypes(files)["Error"]; !ok {
		t.Error("no Error type for Attio's error body")
	}
}

// TestAttributeValueVariantsAreNamed checks that every attribute value
// variant, and the input form that writes it, is a named type.
func TestAttributeValueVariantsAreNamed(t *testing.T) {
	files := genPackage(t)
	types := exportedTypes(files)
	for _, v := range []string{"TextValue", "NumberValue", "CurrencyValue", "SelectValue", "StatusValue", "RecordReferenceValue",
		"ActorReferenceValue", "LocationValue", "PersonalNameValue", "EmailAddressValue", "PhoneNumberValue", "DomainValue",
		"InteractionValue", "TimestampValue", "DateValue", "CheckboxValue", "RatingValue"} {
		if _, ok := types[v]; !ok {
			t.Errorf("no type %s", v)
		}
		if _, ok := types[strings.TrimSuffix(v, "Value")+"Input"]; !ok {
			t.Errorf("no input type for %s", v)
		}
	}
}

// exprString renders a type expression compactly.
func exprString(e ast.Expr) string {
	var b strings.Builder
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			b.WriteString(n.Name + " ")
		case *ast.ArrayType:
			b.WriteString("[]")
		}
		return true
	})
	return strings.ReplaceAll(b.String(), "[] ", "[]")
}

// TestEnumConstantsNameTheirType: every enum constant starts with its
// type's name (gen.CountryCodeUS, gen.AccessLevelAdmin), so that a
// constant read alone says what it is; bare names such as gen.US or
// gen.Admin would read as anything.
func TestEnumConstantsNameTheirType(t *testing.T) {
	n := 0
	for _, f := range genPackage(t) {
		for _, decl := range f.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				typ, ok := vs.Type.(*ast.Ident)
				if !ok {
					continue
				}
				for _, name := range vs.Names {
					n++
					if !strings.HasPrefix(name.Name, typ.Name) {
						t.Errorf("constant %s of type %s does not start with its type's name", name.Name, typ.Name)
					}
				}
			}
		}
	}
	if n < 300 {
		t.Errorf("found %d enum constants; gen has hundreds: is the test reading gen/?", n)
	}
}
