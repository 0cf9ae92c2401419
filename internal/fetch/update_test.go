package fetch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"
)

func TestUpdate(t *testing.T) {
	var doc atomic.Value
	doc.Store(goodJSON)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, doc.Load())
	}))
	defer srv.Close()
	path := filepath.Join(t.TempDir(), "spec", "openapi.yaml") // directory created on demand
	ctx := context.Background()

	res, err := Update(ctx, srv.URL, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := Canonicalize([]byte(goodJSON))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(want)
	if res.Source != srv.URL || res.Path != path || res.Paths != 1 || res.Bytes != len(want) ||
		res.SHA256 != hex.EncodeToString(sum[:]) || !res.Written {
		t.Errorf("Result = %+v", res)
	}
	wantLine := fmt.Sprintf("fetched %s: 1 paths, %d bytes, sha256 %s -> %s", srv.URL, len(want), hex.EncodeToString(sum[:])[:12], path)
	if res.String() != wantLine {
		t.Errorf("report line:\n got %s\nwant %s", res, wantLine)
	}
	assertUnchanged(t, path, want)

	// The same document again: the file is not rewritten.
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	res, err = Update(ctx, srv.URL, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Written {
		t.Error("Written = true for unchanged content")
	}
	if info, err := os.Stat(path); err != nil || !info.ModTime().Equal(old) {
		t.Errorf("unchanged file was touched: %v, %v", info.ModTime(), err)
	}

	// A changed document replaces the file.
	doc.Store(`{"openapi": "3.0.3", "paths": {"/a": {}, "/b": {}}}`)
	res, err = Update(ctx, srv.URL, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Written || res.Paths != 2 {
		t.Errorf("Result = %+v", res)
	}
	assertUnchanged(t, path, []byte("openapi: 3.0.3\npaths:\n  /a: {}\n  /b: {}\n"))
}

func TestUpdateOutputIsDirectory(t *testing.T) {
	src := filepath.Join(t.TempDir(), "openapi.json")
	if err := os.WriteFile(src, []byte(goodJSON), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if _, err := Update(context.Background(), src, out, Options{}); err == nil {
		t.Fatal("Update wrote over a directory")
	}
}
