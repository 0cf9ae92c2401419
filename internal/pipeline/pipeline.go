// Package pipeline is the generate step of the pipeline: it reads the spec
// the fetch step wrote, normalizes it, runs oapi-codegen once per config in
// gen/, writes the lock, and can prove that committed output is current.
package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/oapi-codegen/oapi-codegen/v2/pkg/codegen"
	"github.com/speakeasy-api/openapi/overlay"
	"gopkg.in/yaml.v3"

	"github.com/attio-community/attio-go/internal/fetch"
	"github.com/attio-community/attio-go/internal/normalize"
	"github.com/attio-community/attio-go/internal/repo"
)

// Paths names the pipeline's inputs and outputs.
type Paths struct {
	Spec       string // the fetched document, canonical YAML (git-ignored)
	Overlay    string // the project's overlay (committed)
	Normalized string // the normalized document oapi-codegen reads (git-ignored)
	Lock       string // the lock file (committed)
	Gen        string // the directory holding the oapi-codegen configs
	Out        string // where generated files go; usually Gen
	Scopes     string // the generated OAuth scope constants, in package api
}

// DefaultPaths are the repository's layout, relative to its root.
var DefaultPaths = Paths{
	Spec:       "spec/openapi.yaml",
	Overlay:    "spec/overlay.yaml",
	Normalized: repo.NormalizedSpec,
	Lock:       "spec/openapi.lock",
	Gen:        "gen",
	Out:        "gen",
	Scopes:     "api/scopes.gen.go",
}

// Result is what one run produced.
type Result struct {
	Lock      Lock
	Report    *normalize.Report
	Files     map[string][]byte // generated file name (in Out) -> content
	Scopes    []byte            // the scope constants file
	Types     int               // exported type declarations in the output
	Normalize time.Duration     // parse and normalize
	Generate  time.Duration     // oapi-codegen, all configs
}

// Build runs normalize and generate in memory. Nothing is written.
func Build(ctx context.Context, p Paths, source string) (*Result, []byte, error) {
	raw, err := os.ReadFile(p.Spec)
	if err != nil {
		return nil, nil, fmt.Errorf("read spec: %w (run the fetch step first: make generate)", err)
	}
	start := time.Now()
	var doc yaml.Node
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return nil, nil, fmt.Errorf("parse %s: %w", p.Spec, err)
	}
	ov, err := overlay.Parse(p.Overlay)
	if err != nil {
		return nil, nil, fmt.Errorf("parse overlay %s: %w", p.Overlay, err)
	}
	report, err := normalize.Document(&doc, ov)
	if err != nil {
		return nil, nil, err
	}
	normalized, err := fetch.Encode(&doc)
	if err != nil {
		return nil, nil, fmt.Errorf("encode normalized spec: %w", err)
	}
	r := &Result{Report: report, Files: map[string][]byte{}, Normalize: time.Since(start)}

	start = time.Now()
	loader := openapi3.NewLoader()
	loader.Context = ctx
	spec, err := loader.LoadFromData(normalized)
	if err != nil {
		return nil, nil, fmt.Errorf("load normalized spec: %w", err)
	}
	configs, err := loadGeneratorConfigs(p.Gen)
	if err != nil {
		return nil, nil, err
	}
	version, err := generatorVersion(filepath.Join(filepath.Dir(filepath.Clean(p.Gen)), "go.mod"))
	if err != nil {
		return nil, nil, err
	}
	for _, c := range configs {
		code, err := codegen.Generate(spec, c.Configuration)
		if err != nil {
			return nil, nil, fmt.Errorf("oapi-codegen (%s): %w", c.Output, err)
		}
		r.Files[c.Output] = withGeneratorHeader([]byte(code), version)
		r.Types += len(exportedType.FindAllIndex([]byte(code), -1))
	}
	if r.Scopes, err = scopesFile(spec); err != nil {
		return nil, nil, fmt.Errorf("scope constants: %w", err)
	}
	r.Generate = time.Since(start)

	r.Lock = Lock{Source: source, SHA256: digest(raw), Operations: countOperations(spec)}
	if spec.Info != nil {
		r.Lock.Title, r.Lock.Version = spec.Info.Title, spec.Info.Version
	}
	return r, normalized, nil
}

// exportedType matches a top-level exported type declaration.
var exportedType = regexp.MustCompile(`(?m)^type [A-Z]`)

// countOperations counts the operations in a loaded document.
func countOperations(spec *openapi3.T) int {
	n := 0
	for _, item := range spec.Paths.Map() {
		n += len(item.Operations())
	}
	return n
}

// Write stores a result: the generated files in p.Out, the scope constants,
// the normalized spec, and the lock. A file whose content is unchanged is
// not rewritten.
func Write(p Paths, r *Result, normalized []byte) error {
	for name, code := range r.Files {
		if err := writeIfChanged(filepath.Join(p.Out, name), code); err != nil {
			return err
		}
	}
	if err := writeIfChanged(p.Scopes, r.Scopes); err != nil {
		return err
	}
	if err := writeIfChanged(p.Normalized, normalized); err != nil {
		return err
	}
	lock, err := r.Lock.encode()
	if err != nil {
		return err
	}
	return writeIfChanged(p.Lock, lock)
}

// writeIfChanged writes data to path unless the file already holds it.
func writeIfChanged(path string, data []byte) error {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}
