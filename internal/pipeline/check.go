package pipeline

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Check regenerates gen/ from the fetched spec into scratch, a temporary
// directory left for inspection, and fails if the committed gen/ differs or
// if the fetched document is not the one the lock records. The error names
// every stale file and says how to fix it: regenerate and commit. It also
// writes the normalized spec (git-ignored), which the tests validate against.
func Check(ctx context.Context, p Paths, source, scratch string) error {
	lock, err := readLock(p.Lock)
	if err != nil {
		return fmt.Errorf("read lock: %w (run make generate and commit spec/openapi.lock)", err)
	}
	r, normalized, err := Build(ctx, p, source)
	if err != nil {
		return err
	}
	if err := writeIfChanged(p.Normalized, normalized); err != nil {
		return err
	}
	var problems []string
	if r.Lock.SHA256 != lock.SHA256 {
		problems = append(problems, fmt.Sprintf("the fetched document (%s, sha256 %.12s) is not the one gen/ was generated from (%s, sha256 %.12s)", source, r.Lock.SHA256, lock.Source, lock.SHA256))
	}
	var stale []string
	for name, code := range r.Files {
		if err := writeIfChanged(filepath.Join(scratch, name), code); err != nil {
			return err
		}
		committed, err := os.ReadFile(filepath.Join(p.Out, name))
		if err != nil || !bytes.Equal(committed, code) {
			stale = append(stale, filepath.Join(p.Out, name))
		}
	}
	if err := writeIfChanged(filepath.Join(scratch, filepath.Base(p.Scopes)), r.Scopes); err != nil {
		return err
	}
	if committed, err := os.ReadFile(p.Scopes); err != nil || !bytes.Equal(committed, r.Scopes) {
		stale = append(stale, p.Scopes)
	}
	extra, err := filepath.Glob(filepath.Join(p.Out, "*.gen.go"))
	if err != nil {
		return err
	}
	for _, path := range extra {
		if _, ok := r.Files[filepath.Base(path)]; !ok {
			stale = append(stale, path+" (not produced by the pipeline)")
		}
	}
	if len(stale) > 0 {
		sort.Strings(stale)
		problems = append(problems, fmt.Sprintf("gen/ differs from what the pipeline produces (fresh output in %s): %s", scratch, strings.Join(stale, ", ")))
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s; run `make generate` and commit gen/, api/scopes.gen.go and spec/openapi.lock", strings.Join(problems, "; "))
	}
	return nil
}
