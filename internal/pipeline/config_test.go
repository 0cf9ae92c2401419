package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMissingUserTemplateIsAnError: a user template the config names but
// the directory lacks stops the pipeline with its name, where oapi-codegen
// would try to download the path as a URL.
func TestMissingUserTemplateIsAnError(t *testing.T) {
	dir := t.TempDir()
	config := "package: gen\noutput: x.gen.go\ngenerate: {models: true}\noutput-options:\n  user-templates:\n    union.tmpl: templates/union.tmpl\n"
	if err := os.WriteFile(filepath.Join(dir, "oapi-codegen.x.yaml"), []byte(config), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := loadGeneratorConfigs(dir)
	if err == nil || !strings.Contains(err.Error(), "user template union.tmpl") {
		t.Fatalf("err = %v, want one naming user template union.tmpl", err)
	}
}
