package testserver

import (
	"sync"
	"testing"
)

var (
	loadOnce sync.Once
	loaded   *Spec
	loadErr  error
)

// load returns the normalized spec, loaded once per test binary. It fails
// the test, saying to run `make generate`, when the spec is missing.
func load(t testing.TB) *Spec {
	t.Helper()
	loadOnce.Do(func() {
		var path string
		if path, loadErr = SpecPath(); loadErr == nil {
			loaded, loadErr = Load(path)
		}
	})
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return loaded
}
