package pipeline

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/oapi-codegen/oapi-codegen/v2/pkg/codegen"
	"gopkg.in/yaml.v3"
)

// generatorConfig is one oapi-codegen configuration file in gen/: the same
// format the oapi-codegen command reads, so that running the pinned command
// by hand on spec/openapi.normalized.yaml reproduces the committed file.
type generatorConfig struct {
	codegen.Configuration `yaml:",inline"`
	// Output is the generated file's name, relative to the config file.
	Output string `yaml:"output"`
}

// loadGeneratorConfigs reads every gen/oapi-codegen.*.yaml, sorted by name.
func loadGeneratorConfigs(genDir string) ([]generatorConfig, error) {
	paths, err := filepath.Glob(filepath.Join(genDir, "oapi-codegen.*.yaml"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no oapi-codegen.*.yaml config in %s", genDir)
	}
	var out []generatorConfig
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		var c generatorConfig
		if err := yaml.Unmarshal(data, &c); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		if c.Output == "" {
			return nil, fmt.Errorf("%s: no output file named", p)
		}
		if err := loadUserTemplates(&c.Configuration, filepath.Dir(p)); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		c.Configuration = c.Configuration.UpdateDefaults()
		if err := c.Configuration.Validate(); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		out = append(out, c)
	}
	return out, nil
}

// loadUserTemplates replaces each user-templates path in c, relative to
// dir (the config file's directory, as the oapi-codegen command run in
// gen/ reads it), with the template's text. oapi-codegen itself would take
// a path it cannot open for a URL, and a one-line template for a path.
func loadUserTemplates(c *codegen.Configuration, dir string) error {
	for name, path := range c.OutputOptions.UserTemplates {
		text, err := os.ReadFile(filepath.Join(dir, path))
		if err != nil {
			return fmt.Errorf("user template %s: %w", name, err)
		}
		c.OutputOptions.UserTemplates[name] = string(text)
	}
	return nil
}
