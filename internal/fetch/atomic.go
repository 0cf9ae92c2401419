package fetch

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// WriteFileAtomic replaces the file at path with data so that readers see
// either the old content or the new, never a mix: it writes a temporary file
// in the same directory, syncs it to disk, and renames it over path. On any
// failure the temporary file is removed and path is left as it was. An
// existing file keeps its permissions; a new one gets 0644. If path is a
// symbolic link, the link itself is replaced.
func WriteFileAtomic(path string, data []byte) (err error) {
	fail := func(what string, cause error) error {
		return fmt.Errorf("write %s: %s (%w); the existing file is unchanged", path, what, unwrapPathError(cause))
	}
	dir := filepath.Dir(path)
	perm := fs.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		if !info.Mode().IsRegular() {
			return fmt.Errorf("write %s: it exists and is not a regular file; choose another output path", path)
		}
		perm = info.Mode().Perm()
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fail("cannot create a temporary file in "+dir, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err := f.Write(data); err != nil {
		return fail("cannot write the temporary file", err)
	}
	if err := f.Chmod(perm); err != nil {
		return fail("cannot set permissions on the temporary file", err)
	}
	if err := f.Sync(); err != nil {
		return fail("cannot sync the temporary file", err)
	}
	if err := f.Close(); err != nil {
		return fail("cannot close the temporary file", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fail("cannot rename the temporary file into place", err)
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename durable by syncing its directory. It is best effort:
// the rename has already happened, and some systems cannot sync directories.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
