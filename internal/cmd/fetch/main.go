// Command fetch is step 1 of the code-generation pipeline: it downloads
// Attio's OpenAPI document and writes it as canonical YAML, atomically, so a
// failed or partial download never replaces a good spec.
//
// Usage:
//
//	go run ./internal/cmd/fetch [-o spec/openapi.yaml] [-source URL-or-path] [-timeout 60s] [-max-bytes N]
//
// The source defaults to $ATTIO_OPENAPI_URL, or Attio's published URL when
// that is unset; a local file path works offline. On success it prints one
// line; on failure it prints one sentence to stderr, exits 1, and leaves the
// output file untouched.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"github.com/attio-community/attio-go/internal/fetch"
)

func main() {
	out := flag.String("o", "spec/openapi.yaml", "write the canonical YAML document to this `path`")
	source := flag.String("source", fetch.SourceFromEnv(), "fetch the document from this http(s) URL, file:// URL or file `path`; $"+fetch.EnvSource+" sets the default")
	timeout := flag.Duration("timeout", fetch.DefaultTimeout, "give up on a download that takes longer than this")
	maxBytes := flag.Int64("max-bytes", fetch.DefaultMaxBytes, "refuse a document larger than this many bytes")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: fetch [flags]\n\nFetch Attio's OpenAPI document and write it as canonical YAML.\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "fetch: unexpected argument %q; pass the source with -source or $%s\n", flag.Arg(0), fetch.EnvSource)
		os.Exit(2)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res, err := fetch.Update(ctx, *source, *out, fetch.Options{Timeout: *timeout, MaxBytes: *maxBytes})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		stop()
		os.Exit(1)
	}
	fmt.Println(res)
}
