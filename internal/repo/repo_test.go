package repo

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRootHoldsGoMod(t *testing.T) {
	root, err := Root()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatal(err)
	}
	if wd, _ := os.Getwd(); !strings.HasPrefix(wd, root) {
		t.Errorf("root %s is not above the working directory %s", root, wd)
	}
}

func TestLocalDocument(t *testing.T) {
	root, _ := Root()
	for _, source := range []string{"go.mod", " go.mod ", "file://" + filepath.ToSlash(filepath.Join(root, "go.mod")), "file:go.mod"} {
		got, err := LocalDocument(source)
		if err != nil {
			t.Errorf("%q: %v", source, err)
			continue
		}
		if filepath.Base(got) != "go.mod" {
			t.Errorf("%q resolved to %s", source, got)
		}
	}
	for _, source := range []string{"https://api.attio.com/openapi/api", "no/such/file.json", "internal"} {
		if got, err := LocalDocument(source); err == nil {
			t.Errorf("%q resolved to %s, want an error", source, got)
		}
	}
}

func TestFileSaysHowToCreateAMissingOne(t *testing.T) {
	if _, err := File("go.mod"); err != nil {
		t.Fatal(err)
	}
	_, err := File("spec/no-such-file.yaml")
	if err == nil || !strings.Contains(err.Error(), "make generate") {
		t.Errorf("error = %v", err)
	}
}
