package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"

	"gopkg.in/yaml.v3"
)

// Lock records which Attio document gen/ was generated from. It is committed
// (the document itself is not), so that `make check` can prove gen/ is what
// the pipeline makes of that document.
type Lock struct {
	// Source is where the document was fetched from (ATTIO_OPENAPI_URL).
	Source string `yaml:"source"`
	// SHA256 is the hex digest of the canonical YAML the fetch step wrote.
	SHA256 string `yaml:"sha256"`
	// Title and Version are the document's info.title and info.version.
	Title   string `yaml:"title"`
	Version string `yaml:"version"`
	// Operations is the number of operations in the document.
	Operations int `yaml:"operations"`
}

const lockHeader = "# Written by `make generate`: the Attio OpenAPI document gen/ was generated\n# from. `make check` fails when a fetched document's digest differs.\n"

// digest returns the hex SHA-256 of data.
func digest(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// readLock reads a lock file.
func readLock(path string) (Lock, error) {
	var l Lock
	data, err := os.ReadFile(path)
	if err != nil {
		return l, err
	}
	if err := yaml.Unmarshal(data, &l); err != nil {
		return l, fmt.Errorf("%s: %w", path, err)
	}
	return l, nil
}

// encode renders the lock file's content.
func (l Lock) encode() ([]byte, error) {
	body, err := yaml.Marshal(l)
	if err != nil {
		return nil, err
	}
	return append([]byte(lockHeader), body...), nil
}
