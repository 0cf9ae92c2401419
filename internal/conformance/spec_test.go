package conformance

import (
	"sync"
	"testing"

	"github.com/attio-community/attio-go/internal/testserver"
)

var (
	specOnce sync.Once
	spec     *testserver.Spec
	specErr  error
)

// loadSpec returns the normalized spec, loaded once per test binary. It
// fails the test, saying to run `make generate`, when the spec is missing:
// the suite never passes without it.
func loadSpec(t testing.TB) *testserver.Spec {
	t.Helper()
	specOnce.Do(func() {
		var path string
		if path, specErr = testserver.SpecPath(); specErr == nil {
			spec, specErr = testserver.Load(path)
		}
	})
	if specErr != nil {
		t.Fatal(specErr)
	}
	return spec
}
