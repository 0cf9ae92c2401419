// Package repo locates the attio-go repository and the files in it that
// tests and tools read: go test runs each package in its own directory,
// while the pipeline's paths (spec/, gen/, ATTIO_OPENAPI_URL's relative
// paths) are relative to the repository root.
package repo

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// NormalizedSpec is where the pipeline writes the normalized document that
// gen/ is generated from and the tests validate against, relative to the
// repository root. It is git-ignored: `make generate` and `make check`
// write it.
const NormalizedSpec = "spec/openapi.normalized.yaml"

// Root returns the directory holding go.mod at or above the working
// directory.
func Root() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory: run inside the attio-go module")
		}
		dir = parent
	}
}

// LocalDocument returns the local file that source (an ATTIO_OPENAPI_URL
// value: a path or a file:// URL) names, trying a relative path against the
// working directory and then the repository root. It fails when source
// names no local file: tests that read Attio's document never use the
// network.
func LocalDocument(source string) (string, error) {
	path := strings.TrimSpace(source)
	if u, err := url.Parse(path); err == nil && strings.EqualFold(u.Scheme, "file") {
		path = filepath.FromSlash(u.Path)
		if u.Opaque != "" {
			path = filepath.FromSlash(u.Opaque) // file:relative/path
		}
	}
	candidates := []string{path}
	if root, err := Root(); err == nil && !filepath.IsAbs(path) {
		candidates = append(candidates, filepath.Join(root, path))
	}
	for _, p := range candidates {
		if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() {
			return p, nil
		}
	}
	return "", fmt.Errorf("%q names no local file (tried %s); tests read a local copy of Attio's document, never the network", source, strings.Join(candidates, ", "))
}

// File returns the path of name (slash-separated, relative to the
// repository root) and fails, saying how to create it, when it does not
// exist: spec/openapi.yaml and spec/openapi.normalized.yaml exist only
// after `make generate` or `make check` ran.
func File(name string) (string, error) {
	root, err := Root()
	if err != nil {
		return "", err
	}
	path := filepath.Join(root, filepath.FromSlash(name))
	if _, err := os.Stat(path); err != nil {
		return "", fmt.Errorf("%s is missing: run `make generate` (or `make check`, which `make test` runs first): %w", path, err)
	}
	return path, nil
}
