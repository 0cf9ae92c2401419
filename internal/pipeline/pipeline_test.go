package pipeline

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attio-community/attio-go/internal/repo"
)

// repoPaths returns DefaultPaths made absolute at the repository root (go
// test runs in the package directory), failing when the fetched spec the
// pipeline reads is missing.
func repoPaths(t *testing.T) Paths {
	t.Helper()
	dir, err := repo.Root()
	if err != nil {
		t.Fatal(err)
	}
	p := DefaultPaths
	for _, f := range []*string{&p.Spec, &p.Overlay, &p.Normalized, &p.Lock, &p.Gen, &p.Out, &p.Scopes} {
		*f = filepath.Join(dir, *f)
	}
	if _, err := os.Stat(p.Spec); err != nil {
		t.Fatalf("%v: run `make generate` (or `make check`) to fetch the spec first", err)
	}
	return p
}

// TestBuildIsDeterministic: two runs on one document give byte-identical
// code and normalized spec, so `make check` can compare bytes.
func TestBuildIsDeterministic(t *testing.T) {
	p := repoPaths(t)
	a, normA, err := Build(context.Background(), p, "test")
	if err != nil {
		t.Fatal(err)
	}
	b, normB, err := Build(context.Background(), p, "test")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(normA, normB) {
		t.Error("the normalized spec differs between two runs")
	}
	if !bytes.Equal(a.Scopes, b.Scopes) {
		t.Error("the scope constants differ between two runs")
	}
	for name, code := range a.Files {
		if !bytes.Equal(code, b.Files[name]) {
			t.Errorf("%s differs between two runs", name)
		}
	}
	if a.Lock != b.Lock {
		t.Errorf("locks differ: %+v, %+v", a.Lock, b.Lock)
	}
}

// committedCopy copies the committed output (gen files, scopes, lock) into
// a temporary directory and points p at it, so a test can damage it.
func committedCopy(t *testing.T, p Paths) Paths {
	t.Helper()
	dir := t.TempDir()
	copyFile := func(from, to string) {
		data, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(to, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gens, _ := filepath.Glob(filepath.Join(p.Out, "*.gen.go"))
	for _, g := range gens {
		copyFile(g, filepath.Join(dir, filepath.Base(g)))
	}
	scopes := filepath.Join(t.TempDir(), "scopes.gen.go")
	copyFile(p.Scopes, scopes)
	copyFile(p.Lock, filepath.Join(dir, "openapi.lock"))
	p.Out, p.Scopes, p.Lock = dir, scopes, filepath.Join(dir, "openapi.lock")
	p.Normalized = filepath.Join(dir, "openapi.normalized.yaml")
	return p
}

// TestCheckPassesOnCommittedOutput: the committed gen/ is what the
// pipeline makes of the locked document.
func TestCheckPassesOnCommittedOutput(t *testing.T) {
	p := committedCopy(t, repoPaths(t))
	if err := Check(context.Background(), p, "test", t.TempDir()); err != nil {
		t.Fatal(err)
	}
}

// TestCheckNamesStaleFiles: an edited or extra generated file fails the
// check, named, with the fix.
func TestCheckNamesStaleFiles(t *testing.T) {
	p := committedCopy(t, repoPaths(t))
	types := filepath.Join(p.Out, "types.gen.go")
	data, _ := os.ReadFile(types)
	if err := os.WriteFile(types, append(data, []byte("\n// edited by hand\n")...), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(p.Out, "old.gen.go"), []byte("package gen\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := Check(context.Background(), p, "test", t.TempDir())
	if err == nil {
		t.Fatal("check passed with a hand-edited gen file")
	}
	for _, want := range []string{types, "old.gen.go (not produced by the pipeline)", "run `make generate`"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
}

// TestCheckNoticesANewDocument: a fetched document other than the locked
// one fails the check even when the generated code would not change.
func TestCheckNoticesANewDocument(t *testing.T) {
	p := committedCopy(t, repoPaths(t))
	lock, err := readLock(p.Lock)
	if err != nil {
		t.Fatal(err)
	}
	lock.SHA256 = strings.Repeat("0", 64)
	data, _ := lock.encode()
	if err := os.WriteFile(p.Lock, data, 0o644); err != nil {
		t.Fatal(err)
	}
	err = Check(context.Background(), p, "test", t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "is not the one gen/ was generated from") {
		t.Fatalf("check error = %v", err)
	}
}
