package fetch

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// realSource returns the local copy of Attio's document named by
// ATTIO_OPENAPI_URL. It skips only when the variable is unset: a value that
// names no local file is a misconfiguration and fails, because these tests
// never use the network. A relative path is tried against the current
// directory (the package, under go test) and then the module root, where the
// pipeline runs.
func realSource(t testing.TB) string {
	t.Helper()
	src := strings.TrimSpace(os.Getenv(EnvSource))
	if src == "" {
		t.Skipf("%s is not set; set it to a local copy of Attio's OpenAPI document (e.g. ../shared/attio/openapi-2026-03-08.json from the module root) to run this test", EnvSource)
	}
	path := src
	if u, err := url.Parse(src); err == nil && strings.EqualFold(u.Scheme, "file") {
		if p, err := filePath(u); err == nil {
			path = p
		}
	}
	candidates := []string{path}
	if !filepath.IsAbs(path) {
		if root := moduleRoot(t); root != "" {
			candidates = append(candidates, filepath.Join(root, path))
		}
	}
	for _, p := range candidates {
		if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() {
			return p
		}
	}
	t.Fatalf("%s=%q does not name a local file (tried %s); these tests read a local copy of Attio's document and never the network", EnvSource, src, strings.Join(candidates, ", "))
	return ""
}

// moduleRoot returns the directory holding go.mod above the current one.
func moduleRoot(t testing.TB) string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func TestRealDocument(t *testing.T) {
	path := realSource(t)
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	start := time.Now()
	a, err := Fetch(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("Fetch %s: %d bytes in, %d bytes of YAML out, %s", path, len(raw), len(a), time.Since(start))
	b, err := Fetch(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two fetches of the same file differ")
	}
	again, err := Canonicalize(a)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, again) {
		t.Error("canonical YAML is not a fixed point of Canonicalize")
	}
	if err := Check(a); err != nil {
		t.Errorf("Check(canonical YAML) = %v", err)
	}
	assertSameMeaning(t, raw, a)

	// Cross-check the JSON reader against yaml.v3 reading the same text,
	// which it can for this document (it rejects some other valid JSON).
	if root, err := parseYAML(raw); err != nil {
		t.Logf("yaml.v3 cannot read the document (%v); no cross-check", err)
	} else if err := normalize(root, nil); err != nil {
		t.Error(err)
	} else if viaYAML, err := Encode(root); err != nil {
		t.Error(err)
	} else if !bytes.Equal(a, viaYAML) {
		t.Error("reading the JSON with encoding/json and with yaml.v3 gives different YAML")
	}

	// The command's path: write once, then leave the file alone.
	out := filepath.Join(t.TempDir(), "openapi.yaml")
	res, err := Update(ctx, path, out, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Paths == 0 || !res.Written {
		t.Errorf("Result = %+v", res)
	}
	t.Log(res)
	if res, err = Update(ctx, path, out, Options{}); err != nil || res.Written {
		t.Errorf("second Update: %+v, %v", res, err)
	}
}

// BenchmarkCanonicalize measures the whole conversion of the real document.
func BenchmarkCanonicalize(b *testing.B) {
	raw, err := os.ReadFile(realSource(b))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		if _, err := Canonicalize(raw); err != nil {
			b.Fatal(err)
		}
	}
}
