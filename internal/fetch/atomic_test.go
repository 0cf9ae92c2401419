package fetch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "openapi.yaml")

	if err := WriteFileAtomic(path, []byte("one\n")); err != nil {
		t.Fatal(err)
	}
	assertFile(t, path, "one\n", 0o644)

	// Replacing keeps the existing permissions.
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(path, []byte("two\n")); err != nil {
		t.Fatal(err)
	}
	assertFile(t, path, "two\n", 0o600)
	assertUnchanged(t, path, []byte("two\n")) // and leaves no temporary file
}

func TestWriteFileAtomicFailures(t *testing.T) {
	t.Run("missing directory", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "missing", "openapi.yaml")
		err := WriteFileAtomic(path, []byte("x"))
		if err == nil || !strings.Contains(err.Error(), "cannot create a temporary file") {
			t.Fatalf("error = %v", err)
		}
		if _, err := os.Stat(filepath.Dir(path)); !os.IsNotExist(err) {
			t.Errorf("directory was created: %v", err)
		}
	})
	t.Run("path is a directory", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "openapi.yaml")
		if err := os.Mkdir(path, 0o755); err != nil {
			t.Fatal(err)
		}
		err := WriteFileAtomic(path, []byte("x"))
		if err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Fatalf("error = %v", err)
		}
		entries, _ := os.ReadDir(dir)
		if len(entries) != 1 {
			t.Errorf("directory holds %d entries, want only the original", len(entries))
		}
	})
	t.Run("read-only directory", func(t *testing.T) {
		path, want := writeGood(t)
		dir := filepath.Dir(path)
		if err := os.Chmod(dir, 0o555); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(dir, 0o755) })
		if f, err := os.CreateTemp(dir, "probe"); err == nil {
			f.Close()
			os.Remove(f.Name())
			t.Skip("permissions are not enforced (running as root?)")
		}
		err := WriteFileAtomic(path, []byte("x"))
		if err == nil || !strings.Contains(err.Error(), "the existing file is unchanged") {
			t.Fatalf("error = %v", err)
		}
		assertUnchanged(t, path, want)
	})
}

func assertFile(t *testing.T, path, want string, perm os.FileMode) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("%s holds %q, want %q", path, got, want)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != perm {
		t.Errorf("%s has mode %v, want %v", path, info.Mode().Perm(), perm)
	}
}
