package benchmarks

import (
	"strings"
	"testing"
	"time"
)

// An alternative is one way of doing the work a paired benchmark
// compares.
type alternative struct {
	name string
	run  func() error
}

// paired runs every alternative once per op, rotating which goes first,
// and reports the time of each but the first (the reference) relative to
// the reference's, as the metric "<name>/<reference>" in lower case. On a
// shared machine whose load changes from second to second, the pairing
// keeps both sides of each ratio under the same load.
func paired(b *testing.B, alts []alternative) {
	spent := make([]time.Duration, len(alts))
	op := 0
	for b.Loop() {
		for k := range alts {
			j := (op + k) % len(alts)
			start := time.Now()
			if err := alts[j].run(); err != nil {
				b.Fatal(err)
			}
			spent[j] += time.Since(start)
		}
		op++
	}
	ref := strings.ToLower(alts[0].name)
	for j := 1; j < len(alts); j++ {
		b.ReportMetric(float64(spent[j])/float64(spent[0]), strings.ToLower(alts[j].name)+"/"+ref)
	}
}
