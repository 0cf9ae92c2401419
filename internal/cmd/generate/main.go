// Command generate is the second step of `make generate`: it normalizes the
// spec the fetch step wrote, runs oapi-codegen into gen/, writes the lock and
// prints a one-screen summary. With -check it writes nothing in the
// repository and fails if gen/ or the lock is stale.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"sort"
	"time"

	"github.com/attio-community/attio-go/internal/fetch"
	"github.com/attio-community/attio-go/internal/pipeline"
)

func main() {
	p := pipeline.DefaultPaths
	check := flag.Bool("check", false, "verify gen/ and the lock instead of writing them")
	scratch := flag.String("scratch", "_build/check", "with -check: where to write the fresh output for inspection")
	flag.StringVar(&p.Spec, "spec", p.Spec, "the fetched spec (canonical YAML)")
	flag.StringVar(&p.Gen, "gen", p.Gen, "the directory with the oapi-codegen configs")
	flag.StringVar(&p.Out, "out", p.Out, "where to write the generated files")
	flag.StringVar(&p.Normalized, "normalized", p.Normalized, "where to write the normalized spec")
	flag.StringVar(&p.Lock, "lock", p.Lock, "the lock file")
	flag.StringVar(&p.Scopes, "scopes", p.Scopes, "where to write the OAuth scope constants")
	flag.Parse()

	ctx := context.Background()
	source := fetch.SourceFromEnv()
	if *check {
		if err := pipeline.Check(ctx, p, source, *scratch); err != nil {
			fmt.Fprintln(os.Stderr, "check:", err)
			os.Exit(1)
		}
		fmt.Println("check: gen/ and spec/openapi.lock match the pipeline's output")
		return
	}

	start := time.Now()
	r, normalized, err := pipeline.Build(ctx, p, source)
	if err == nil {
		err = pipeline.Write(p, r, normalized)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "generate:", err)
		os.Exit(1)
	}
	printSummary(r, time.Since(start))
}

// printSummary prints what the run produced, on one screen.
func printSummary(r *pipeline.Result, elapsed time.Duration) {
	fmt.Printf("source      %s\n", r.Lock.Source)
	fmt.Printf("document    %s %s, sha256 %s\n", r.Lock.Title, r.Lock.Version, r.Lock.SHA256)
	fmt.Printf("operations  %d (%d named from summaries)\n", r.Lock.Operations, r.Report.OperationsNamed)
	rep := r.Report
	fmt.Printf("normalized  %d nullable schemas, %d date-times, %d error responses, %d one-value enums, %d scalar unions,\n",
		rep.NullableFixed, rep.TimeFormats, rep.ErrorsUnified, rep.SingleValueEnums, rep.ScalarUnions)
	fmt.Printf("            %d placeholders, %d path parameters, %d 204 bodies, %d nullable request fields; %d named schemas\n",
		rep.Placeholders, rep.PathParameters, rep.NoContentBodies, rep.RequestNulls, rep.Schemas)
	names := make([]string, 0, len(r.Files))
	size := 0
	for name, code := range r.Files {
		names = append(names, name)
		size += len(code)
	}
	sort.Strings(names)
	fmt.Printf("generated   %d exported types, %d bytes in %v\n", r.Types, size, names)
	for _, t := range r.Report.Unmatched {
		fmt.Printf("overlay     target matched nothing in this document: %s\n", t)
	}
	fmt.Printf("elapsed     %v (normalize %v, oapi-codegen %v)\n",
		elapsed.Round(time.Millisecond), r.Normalize.Round(time.Millisecond), r.Generate.Round(time.Millisecond))
}
