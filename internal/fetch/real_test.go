package fetch

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/attio-community/attio-go/internal/repo"
)

// realSource returns the local copy of Attio's document named by
// ATTIO_OPENAPI_URL. It skips only when the variable is unset: a value that
// names no local file is a misconfiguration and fails, because these tests
// never use the network.
func realSource(t testing.TB) string {
	t.Helper()
	src := strings.TrimSpace(os.Getenv(EnvSource))
	if src == "" {
		t.Skipf("%s is not set; set it to a local copy of Attio's OpenAPI document (e.g. ../shared/attio/openapi-2026-03-08.json from the module root) to run this test", EnvSource)
	}
	path, err := repo.LocalDocument(src)
	if err != nil {
		t.Fatalf("%s: %v", EnvSource, err)
	}
	return path
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
