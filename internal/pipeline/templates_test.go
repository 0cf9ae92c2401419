package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/attio-community/attio-go/internal/repo"
)

// upstreamDigest is how each template in gen/templates names the
// oapi-codegen template it was copied from.
var upstreamDigest = regexp.MustCompile(`upstream sha256\s+([0-9a-f]{64})`)

// TestTemplatesMatchUpstream fails when the pinned oapi-codegen's own copy
// of a template that gen/templates overrides is not the one the override
// was made from: after an upgrade, merge upstream's change into the
// override, then update the digest it records.
func TestTemplatesMatchUpstream(t *testing.T) {
	genDir, err := repo.File("gen")
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/oapi-codegen/oapi-codegen/v2").Output()
	if err != nil {
		t.Fatalf("locating oapi-codegen's module: %v", err)
	}
	upstreamDir := filepath.Join(strings.TrimSpace(string(out)), "pkg", "codegen", "templates")

	overrides, err := filepath.Glob(filepath.Join(genDir, "templates", "*.tmpl"))
	if err != nil || len(overrides) == 0 {
		t.Fatalf("no templates in gen/templates (%v)", err)
	}
	for _, path := range overrides {
		name := filepath.Base(path)
		ours, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		m := upstreamDigest.FindSubmatch(ours)
		if m == nil {
			t.Errorf("gen/templates/%s does not say which upstream template it was copied from (upstream sha256 ...)", name)
			continue
		}
		upstream, err := os.ReadFile(filepath.Join(upstreamDir, name))
		if err != nil {
			t.Errorf("gen/templates/%s overrides a template the pinned oapi-codegen does not have: %v", name, err)
			continue
		}
		if sum := sha256.Sum256(upstream); hex.EncodeToString(sum[:]) != string(m[1]) {
			t.Errorf("oapi-codegen's %s has changed since gen/templates/%s was copied from it (sha256 %x, recorded %s): merge the change and update the digest",
				name, name, sum, m[1])
		}
	}
}

// TestEveryTemplateIsUsed: a template in gen/templates that no config
// names would be dead weight that looks like it shapes gen/.
func TestEveryTemplateIsUsed(t *testing.T) {
	genDir, err := repo.File("gen")
	if err != nil {
		t.Fatal(err)
	}
	configs, err := filepath.Glob(filepath.Join(genDir, "oapi-codegen.*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var named strings.Builder
	for _, c := range configs {
		data, err := os.ReadFile(c)
		if err != nil {
			t.Fatal(err)
		}
		named.Write(data)
	}
	overrides, _ := filepath.Glob(filepath.Join(genDir, "templates", "*.tmpl"))
	for _, path := range overrides {
		if name := filepath.Base(path); !strings.Contains(named.String(), "templates/"+name) {
			t.Errorf("gen/templates/%s is named in no gen/oapi-codegen.*.yaml", name)
		}
	}
}
