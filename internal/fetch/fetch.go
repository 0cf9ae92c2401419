package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// DefaultSource is where Attio publishes its OpenAPI document (served as JSON).
const DefaultSource = "https://api.attio.com/openapi/api"

// EnvSource names the environment variable that overrides DefaultSource. It
// takes an http(s) URL, a file:// URL or a local file path, so the pipeline
// can run offline against a saved copy of the document.
const EnvSource = "ATTIO_OPENAPI_URL"

// Defaults used by Options when a field is zero.
const (
	// DefaultTimeout bounds a whole download: connecting, headers and body.
	DefaultTimeout = 60 * time.Second
	// DefaultMaxBytes bounds the size of the document as read (after any
	// transfer decompression). Attio's document is about 2 MB.
	DefaultMaxBytes int64 = 32 << 20
)

// SourceFromEnv returns the value of ATTIO_OPENAPI_URL, or DefaultSource when
// it is unset or blank, so every pipeline step agrees on where the document
// comes from.
func SourceFromEnv() string {
	if s := strings.TrimSpace(os.Getenv(EnvSource)); s != "" {
		return s
	}
	return DefaultSource
}

// Options bounds a fetch. The zero value is ready to use.
type Options struct {
	// Timeout bounds the whole HTTP exchange, body included; a server that
	// stalls fails instead of hanging the pipeline. Zero means DefaultTimeout.
	// It does not apply to local files.
	Timeout time.Duration
	// MaxBytes is the largest document accepted; a larger one is an error,
	// never silently truncated. Zero means DefaultMaxBytes.
	MaxBytes int64
	// HTTPClient sends the request. Nil means http.DefaultClient. Its own
	// Timeout, if any, applies in addition to Timeout.
	HTTPClient *http.Client
}

func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.HTTPClient == nil {
		o.HTTPClient = http.DefaultClient
	}
	return o
}

// Fetch reads the OpenAPI document at source (an http(s) URL, a file:// URL,
// or a file path, relative to the current directory), checks that it is an
// OpenAPI 3.x document with paths, and returns it as canonical YAML (see
// Canonicalize). Any failure is an *Error whose message names the source,
// the problem, and what to do.
func Fetch(ctx context.Context, source string, opts Options) ([]byte, error) {
	doc, err := fetchDoc(ctx, source, opts)
	if err != nil {
		return nil, err
	}
	return doc.yaml, nil
}

// document is a fetched, checked and canonicalized OpenAPI document.
type document struct {
	yaml  []byte
	paths int
}

func fetchDoc(ctx context.Context, source string, opts Options) (*document, error) {
	opts = opts.withDefaults()
	raw, remote, err := read(ctx, source, opts)
	if err != nil {
		return nil, err
	}
	root, err := parse(raw)
	if err == nil {
		var paths int
		if paths, err = checkNode(root); err == nil {
			var out []byte
			if out, err = Encode(root); err == nil {
				return &document{yaml: out, paths: paths}, nil
			}
		}
	}
	problem, hint := err.Error(), hintPoint
	if remote && errors.Is(err, errTruncated) {
		problem += ", so the download was probably cut short"
		hint = "retry, or " + hintOffline
	}
	return nil, &Error{Source: source, Problem: problem, Hint: hint, Err: err}
}

// read returns the raw bytes at source and whether it came over the network.
func read(ctx context.Context, source string, opts Options) ([]byte, bool, error) {
	fail := func(problem, hint string, err error) ([]byte, bool, error) {
		return nil, false, &Error{Source: source, Problem: problem, Hint: hint, Err: err}
	}
	if strings.TrimSpace(source) == "" {
		return fail("the source is empty", hintFile, nil)
	}
	u, err := url.Parse(source)
	if err == nil {
		switch strings.ToLower(u.Scheme) {
		case "http", "https":
			body, err := readHTTP(ctx, source, u, opts)
			return body, true, err
		case "file":
			p, err := filePath(u)
			if err != nil {
				return fail(err.Error(), hintFile, err)
			}
			body, err := readFile(ctx, source, p, opts)
			return body, false, err
		}
	}
	if i := strings.Index(source, "://"); i > 0 && !strings.ContainsAny(source[:i], `/\`) {
		return fail(fmt.Sprintf("the scheme %q is not supported (use http, https, file or a plain path)", source[:i]), hintFile, nil)
	}
	body, err := readFile(ctx, source, source, opts)
	return body, false, err
}

// filePath returns the local path named by a file:// URL.
func filePath(u *url.URL) (string, error) {
	if u.Opaque != "" { // file:relative/path
		return url.PathUnescape(u.Opaque)
	}
	if u.Host != "" && u.Host != "localhost" {
		return "", fmt.Errorf("the file URL names host %q, which is not supported (write file:///absolute/path)", u.Host)
	}
	if u.Path == "" {
		return "", errors.New("the file URL has no path")
	}
	return u.Path, nil
}

// readFile reads a local file of at most opts.MaxBytes.
func readFile(ctx context.Context, source, path string, opts Options) ([]byte, error) {
	fail := func(problem string, err error) ([]byte, error) {
		return nil, &Error{Source: source, Problem: problem, Hint: hintFile, Err: err}
	}
	if err := ctx.Err(); err != nil {
		return fail("canceled before reading the file", err)
	}
	// Name the file only when the source does not already, e.g. to show
	// where a relative path led.
	file := "the file"
	if abs, err := filepath.Abs(path); err == nil && abs != source {
		file = abs
	}
	f, err := os.Open(path)
	if err != nil {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if file == "the file" {
				return fail("the file does not exist", err)
			}
			return fail(fmt.Sprintf("there is no file at %s", file), err)
		case errors.Is(err, fs.ErrPermission):
			return fail(fmt.Sprintf("permission to read %s is denied", file), err)
		}
		return fail(fmt.Sprintf("cannot open %s (%v)", file, unwrapPathError(err)), err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fail(fmt.Sprintf("cannot stat %s (%v)", file, unwrapPathError(err)), err)
	}
	if info.IsDir() {
		if file == "the file" {
			return fail("it is a directory, not a file", nil)
		}
		return fail(fmt.Sprintf("%s is a directory, not a file", file), nil)
	}
	if info.Mode().IsRegular() && info.Size() > opts.MaxBytes {
		return nil, tooLarge(source, info.Size(), opts.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(f, opts.MaxBytes+1))
	if err != nil {
		return fail(fmt.Sprintf("cannot read %s (%v)", file, unwrapPathError(err)), err)
	}
	if int64(len(body)) > opts.MaxBytes {
		return nil, tooLarge(source, -1, opts.MaxBytes)
	}
	if looksLikeHTML(body) {
		return nil, &Error{Source: source, Problem: "the file is an HTML page, not an OpenAPI document (perhaps a saved web page)", Hint: hintPoint}
	}
	return body, nil
}

// readHTTP downloads source, bounded by opts.Timeout and opts.MaxBytes.
func readHTTP(ctx context.Context, source string, u *url.URL, opts Options) ([]byte, error) {
	fail := func(problem, hint string, err error) ([]byte, error) {
		return nil, &Error{Source: source, Problem: problem, Hint: hint, Err: err}
	}
	ctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, source, nil)
	if err != nil {
		return fail(fmt.Sprintf("the URL is not valid (%v)", err), hintFile, err)
	}
	req.Header.Set("Accept", "application/json, application/yaml;q=0.9, */*;q=0.1")
	req.Header.Set("User-Agent", "attio-go-fetch")
	resp, err := opts.HTTPClient.Do(req)
	if err != nil {
		return fail(requestProblem(ctx, err, u, opts.Timeout), hintOffline, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fail("HTTP "+resp.Status, hintOffline, nil)
	}
	if resp.ContentLength > opts.MaxBytes {
		return nil, tooLarge(source, resp.ContentLength, opts.MaxBytes)
	}
	if mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type")); mt == "text/html" || mt == "application/xhtml+xml" {
		return fail(fmt.Sprintf("the server answered with an HTML page (%s), not an OpenAPI document", mt), hintPoint, nil)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, opts.MaxBytes+1))
	if err != nil {
		return fail(bodyProblem(ctx, err, opts.Timeout, len(body)), hintOffline, err)
	}
	if int64(len(body)) > opts.MaxBytes {
		return nil, tooLarge(source, -1, opts.MaxBytes)
	}
	if looksLikeHTML(body) {
		return fail("the server answered with an HTML page, not an OpenAPI document", hintPoint, nil)
	}
	return body, nil
}

// requestProblem describes why an HTTP request got no response.
func requestProblem(ctx context.Context, err error, u *url.URL, timeout time.Duration) string {
	if errors.Is(err, context.DeadlineExceeded) && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Sprintf("no response within %s", timeout)
	}
	if errors.Is(err, context.Canceled) {
		return "the request was canceled"
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return fmt.Sprintf("cannot resolve host %q (%s)", dnsErr.Name, dnsErr.Err)
	}
	if errors.Is(err, syscall.ECONNREFUSED) {
		return fmt.Sprintf("connection to %s refused", hostPort(u))
	}
	var netErr net.Error
	if errors.As(err, &netErr) && netErr.Timeout() {
		return fmt.Sprintf("timed out talking to %s", hostPort(u))
	}
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		err = urlErr.Err
	}
	return fmt.Sprintf("the request failed (%v)", err)
}

// bodyProblem describes why reading a response body failed.
func bodyProblem(ctx context.Context, err error, timeout time.Duration, got int) string {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Sprintf("the response body was not complete within %s (%d bytes received)", timeout, got)
	}
	if errors.Is(err, context.Canceled) {
		return "the download was canceled"
	}
	return fmt.Sprintf("the download broke off after %d bytes (%v)", got, err)
}

// hostPort names the server of u, with its port, for messages.
func hostPort(u *url.URL) string {
	if u.Port() != "" {
		return u.Host
	}
	if strings.EqualFold(u.Scheme, "https") {
		return net.JoinHostPort(u.Hostname(), "443")
	}
	return net.JoinHostPort(u.Hostname(), "80")
}

// tooLarge reports a document over the size bound; size is -1 when unknown.
func tooLarge(source string, size, max int64) error {
	what := "larger than"
	if size >= 0 {
		what = fmt.Sprintf("%d bytes, more than", size)
	}
	return &Error{
		Source:  source,
		Problem: fmt.Sprintf("the document is %s the %s limit", what, formatBytes(max)),
		Hint:    hintPoint + ", or raise the limit if it really is this large",
	}
}

// formatBytes renders n as bytes, KiB or MiB for messages.
func formatBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d-byte", n)
}

// looksLikeHTML reports whether a body is markup rather than JSON or YAML:
// neither can start with '<', and login or error pages are the usual culprit.
func looksLikeHTML(body []byte) bool {
	body = bytes.TrimPrefix(body, []byte("\ufeff"))
	body = bytes.TrimLeft(body, " \t\r\n")
	return len(body) > 0 && body[0] == '<'
}

// unwrapPathError drops the path from an *fs.PathError, which the message
// already names.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
