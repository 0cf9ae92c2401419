package conformance

import (
	"fmt"
	"os"
	"path"
	"strings"
	"sync"
	"testing"

	"gopkg.in/yaml.v3"
)

// exceptionsFile lists every known failure of the suite, with its reason.
const exceptionsFile = "testdata/exceptions.yaml"

// exception excuses the failures of one check that match all of its
// patterns. It must match at least one failure, else it is stale.
type exception struct {
	// Check is "conformance" or "roundtrip".
	Check string `yaml:"check"`
	// Operation is a path.Match pattern on the operationId.
	Operation string `yaml:"operation"`
	// Body is a path.Match pattern on the body of a round-trip failure:
	// a response's status code ("200") or "request"; empty matches any.
	Body string `yaml:"body"`
	// Pointer is a pattern on the JSON Pointer of a round-trip failure:
	// segments separated by "/", each a path.Match pattern ("*" matches
	// any one segment). A pattern that starts with "/" must match the
	// whole pointer; any other matches its last segments, wherever the
	// failure is nested. Empty matches any pointer.
	Pointer string `yaml:"pointer"`
	// Contains must occur in the failure's message; empty matches any.
	Contains string `yaml:"contains"`
	// Reason says why the failure is accepted and what would fix it.
	Reason string `yaml:"reason"`

	used bool
}

// exceptions is the parsed exceptions file.
type exceptions struct {
	mu   sync.Mutex
	list []*exception
}

// loadExceptions reads the exceptions file and checks every entry.
func loadExceptions(t testing.TB) *exceptions {
	t.Helper()
	data, err := os.ReadFile(exceptionsFile)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Exceptions []*exception `yaml:"exceptions"`
	}
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("%s: %v", exceptionsFile, err)
	}
	for i, e := range doc.Exceptions {
		if e.Check != "conformance" && e.Check != "roundtrip" {
			t.Fatalf("%s: entry %d: check must be conformance or roundtrip, not %q", exceptionsFile, i+1, e.Check)
		}
		if e.Operation == "" || strings.TrimSpace(e.Reason) == "" {
			t.Fatalf("%s: entry %d: operation and reason are required", exceptionsFile, i+1)
		}
		for _, p := range append([]string{e.Operation, e.Body}, strings.Split(e.Pointer, "/")...) {
			if _, err := path.Match(p, ""); err != nil {
				t.Fatalf("%s: entry %d: bad pattern %q: %v", exceptionsFile, i+1, p, err)
			}
		}
	}
	return &exceptions{list: doc.Exceptions}
}

// match returns the exception that excuses a failure of check for
// operation op in body (round trip only) at JSON Pointer ptr with message
// msg, and marks it used; nil if none does.
func (x *exceptions) match(check, op, body, ptr, msg string) *exception {
	x.mu.Lock()
	defer x.mu.Unlock()
	for _, e := range x.list {
		if e.Check != check || !globMatch(e.Operation, op) || (e.Body != "" && !globMatch(e.Body, body)) ||
			(e.Pointer != "" && !pointerMatch(e.Pointer, ptr)) || !strings.Contains(msg, e.Contains) {
			continue
		}
		e.used = true
		return e
	}
	return nil
}

// checkStale fails t for every exception of check that excused nothing.
func (x *exceptions) checkStale(t testing.TB, check string) {
	t.Helper()
	for _, e := range x.list {
		if e.Check == check && !e.used {
			t.Errorf("%s: the %s exception for %s %s%q no longer matches any failure: remove it (reason was: %s)",
				exceptionsFile, check, e.Operation, optional("at ", e.Pointer, " "), e.Contains, strings.TrimSpace(e.Reason))
		}
	}
}

// pointerMatch matches a JSON Pointer against a pattern; see
// exception.Pointer.
func pointerMatch(pattern, pointer string) bool {
	anchored := strings.HasPrefix(pattern, "/")
	pat := strings.Split(strings.TrimPrefix(pattern, "/"), "/")
	segs := strings.Split(strings.TrimPrefix(pointer, "/"), "/")
	if len(segs) < len(pat) || (anchored && len(segs) != len(pat)) {
		return false
	}
	segs = segs[len(segs)-len(pat):]
	for i := range pat {
		if !globMatch(pat[i], segs[i]) {
			return false
		}
	}
	return true
}

func globMatch(pattern, s string) bool {
	ok, _ := path.Match(pattern, s)
	return ok
}

func optional(prefix, s, suffix string) string {
	if s == "" {
		return ""
	}
	return fmt.Sprint(prefix, s, suffix)
}
