package conformance

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/attio-community/attio-go/api"
	"github.com/attio-community/attio-go/internal/testserver"
)

// baseURLEnv names the variable that points the suite at an external
// server instead of the in-process validating one.
const baseURLEnv = "ATTIO_CONFORMANCE_BASE_URL"

// dummyToken is the bearer token the suite sends: servers under test must
// accept any.
const dummyToken = "attio-conformance-dummy-token"

// outcome is the result of one operation's call.
type outcome struct {
	op      *testserver.Operation
	status  int    // the status received (0 if none)
	problem string // empty when the call passed
	excused *exception
}

// TestConformance calls every operation in the document through api.Client
// and prints one line per operation and a total. With ATTIO_CONFORMANCE_BASE_URL
// unset, the in-process server validates each request against the document
// (zero violations allowed) and answers with a response built from the
// document, itself validated; the client must decode it into the generated
// type. With the variable set, the calls go to that server and each must
// get the documented success status with a body that decodes.
func TestConformance(t *testing.T) {
	spec := loadSpec(t)
	exc := loadExceptions(t)
	base := os.Getenv(baseURLEnv)
	var srv *testserver.Server
	if base == "" {
		srv = testserver.NewServer(spec, testserver.Variant{})
		hs := httptest.NewServer(srv)
		t.Cleanup(hs.Close)
		base = hs.URL
		fmt.Printf("conformance: %d operations against the in-process validating server\n", len(spec.Operations))
	} else {
		fmt.Printf("conformance: %d operations against %s\n", len(spec.Operations), base)
	}
	client, err := api.NewClient(api.WithAPIKey(dummyToken), api.WithBaseURL(base), api.WithoutRetry())
	if err != nil {
		t.Fatal(err)
	}

	outcomes := conform(spec, client, srv, exc)
	report(t, outcomes)
	if srv != nil {
		exc.checkStale(t, "conformance")
	}
}

// conform calls every operation of spec on client and returns the
// outcomes, in the spec's order. srv is the in-process server, or nil.
func conform(spec *testserver.Spec, client *api.Client, srv *testserver.Server, exc *exceptions) []outcome {
	var outcomes []outcome
	for _, op := range spec.Operations {
		o := outcome{op: op}
		cl, err := buildCall(client.ClientWithResponses, op)
		if err != nil {
			o.problem = "cannot build the call: " + err.Error()
		} else {
			o.status, o.problem = run(cl, srv)
		}
		if o.problem != "" {
			o.excused = exc.match("conformance", op.ID, "", "", o.problem)
		}
		outcomes = append(outcomes, o)
	}
	return outcomes
}

// run invokes cl and checks the answer; it returns the status received and
// what was wrong, if anything. With srv (the in-process server) it also
// checks that the server saw exactly this operation, with no violation.
func run(cl *call, srv *testserver.Server) (int, string) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	before := 0
	if srv != nil {
		before = len(srv.Log())
	}
	resp, err := cl.invoke(ctx)
	status, problem := checkResponse(cl, resp, err)
	if srv != nil {
		log := srv.Log()[before:]
		switch {
		case len(log) != 1:
			problem = join(problem, fmt.Sprintf("the server received %d requests, want 1", len(log)))
		case log[0].Operation != cl.op.ID:
			problem = join(problem, fmt.Sprintf("the server routed the request to %q", log[0].Operation))
		default:
			for _, v := range log[0].Violations {
				if !strings.Contains(problem, v.Message) { // the error body usually repeats it
					problem = join(problem, "violation: "+v.String())
				}
			}
		}
	}
	return status, problem
}

// checkResponse checks a generated ...WithResponse call's results.
func checkResponse(cl *call, resp reflect.Value, err error) (int, string) {
	if err != nil {
		var e *api.Error
		if errors.As(err, &e) {
			return e.StatusCode, err.Error()
		}
		return 0, err.Error()
	}
	if resp.IsNil() {
		return 0, "nil response without an error"
	}
	status := int(resp.MethodByName("StatusCode").Call(nil)[0].Int())
	r := resp.Elem()
	body, _ := r.FieldByName("Body").Interface().([]byte)
	if status != cl.status {
		return status, fmt.Sprintf("status %d, want %d; body: %s", status, cl.status, excerpt(body))
	}
	switch {
	case status == http.StatusNoContent:
		if len(body) > 0 {
			return status, fmt.Sprintf("a 204 with a body: %s", excerpt(body))
		}
	case status >= 300 && status < 400:
		hr, _ := r.FieldByName("HTTPResponse").Interface().(*http.Response)
		if hr == nil || hr.Header.Get("Location") == "" {
			return status, fmt.Sprintf("a %d without a Location header", status)
		}
	case cl.jsonField != "":
		f := r.FieldByName(cl.jsonField)
		if !f.IsValid() {
			return status, fmt.Sprintf("%s has no field %s for the documented JSON body", r.Type(), cl.jsonField)
		}
		if f.IsNil() {
			return status, fmt.Sprintf("%s.%s is nil: the body did not decode: %s", r.Type(), cl.jsonField, excerpt(body))
		}
	}
	return status, ""
}

// report prints one line per operation, then the details of each failure
// (failing t for those no exception excuses), then the total.
func report(t *testing.T, outcomes []outcome) {
	t.Helper()
	idw, pathw := 0, 0
	for _, o := range outcomes {
		idw = max(idw, len(o.op.ID))
		pathw = max(pathw, len(o.op.Path))
	}
	passed, failed, excused := 0, 0, 0
	for _, o := range outcomes {
		verdict := "PASS"
		switch {
		case o.problem == "":
			passed++
		case o.excused != nil:
			verdict = "XFAIL"
			excused++
		default:
			verdict = "FAIL"
			failed++
		}
		status := "---"
		if o.status != 0 {
			status = fmt.Sprint(o.status)
		}
		line := fmt.Sprintf("%-5s %-*s %-6s %-*s  %s", verdict, idw, o.op.ID, o.op.Method, pathw, o.op.Path, status)
		if o.problem != "" {
			line += "  " + firstLine(o.problem)
		}
		fmt.Println(strings.TrimRight(line, " "))
	}
	for _, o := range outcomes {
		switch {
		case o.excused != nil:
			t.Logf("%s: known failure (%s): %s", o.op.ID, exceptionsFile, strings.TrimSpace(o.excused.Reason))
		case o.problem != "":
			t.Errorf("%s %s %s: %s", o.op.ID, o.op.Method, o.op.Path, o.problem)
		}
	}
	total := fmt.Sprintf("%d passed, %d failed", passed, failed)
	if excused > 0 {
		total += fmt.Sprintf(", %d known failures (%s)", excused, exceptionsFile)
	}
	fmt.Println(total)
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 160 {
		s = s[:157] + "..."
	}
	return s
}

// excerpt shortens a body for a message.
func excerpt(b []byte) string {
	s := strings.Join(strings.Fields(string(b)), " ")
	if len(s) > 300 {
		s = s[:297] + "..."
	}
	if s == "" {
		return "(empty)"
	}
	return s
}
