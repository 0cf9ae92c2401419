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
		c.Configuration = c.Configuration.UpdateDefaults()
		if err := c.Configuration.Validate(); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		out = append(out, c)
	}
	return out, nil
}
