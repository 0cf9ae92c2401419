package fetch

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Result describes what Update did, for the command's one-line report.
type Result struct {
	// Source is the URL or path the document came from, as given.
	Source string
	// Path is the file the canonical YAML was written to.
	Path string
	// Paths is the number of entries in the document's paths mapping.
	Paths int
	// Bytes is the size of the canonical YAML.
	Bytes int
	// SHA256 is the hex SHA-256 digest of the canonical YAML.
	SHA256 string
	// Written is false when the file already held exactly these bytes and
	// was left alone (its modification time unchanged).
	Written bool
}

// String returns the command's report line:
// "fetched <source>: <N> paths, <bytes> bytes, sha256 <12 hex> -> <path>".
func (r Result) String() string {
	sum := r.SHA256
	if len(sum) > 12 {
		sum = sum[:12]
	}
	return fmt.Sprintf("fetched %s: %d paths, %d bytes, sha256 %s -> %s", r.Source, r.Paths, r.Bytes, sum, r.Path)
}

// Update is the fetch step of the pipeline, as internal/cmd/fetch runs it:
// Fetch the document at source and write its canonical YAML to path
// atomically, creating the directory if needed. If path already holds exactly
// that content it is not rewritten, so its modification time is kept. On any
// error the file at path is left byte-for-byte as it was.
func Update(ctx context.Context, source, path string, opts Options) (Result, error) {
	doc, err := fetchDoc(ctx, source, opts)
	if err != nil {
		return Result{}, err
	}
	sum := sha256.Sum256(doc.yaml)
	res := Result{
		Source: source,
		Path:   path,
		Paths:  doc.paths,
		Bytes:  len(doc.yaml),
		SHA256: hex.EncodeToString(sum[:]),
	}
	old, err := os.ReadFile(path)
	if err == nil && bytes.Equal(old, doc.yaml) {
		return res, nil
	}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return Result{}, fmt.Errorf("write %s: cannot read the existing file (%w); choose another output path or fix its permissions", path, unwrapPathError(err))
	}
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return Result{}, fmt.Errorf("write %s: cannot create the directory %s (%w)", path, dir, unwrapPathError(err))
		}
	}
	if err := WriteFileAtomic(path, doc.yaml); err != nil {
		return Result{}, err
	}
	res.Written = true
	return res, nil
}
