// Package gencheck holds the tests that hold gen/ to its promises: names a
// person would have chosen, one type per resource, a bounded size, and the
// fixes the pipeline makes to Attio's document visible in the Go types. It
// has no code of its own; gen/ holds generated code only.
package gencheck
