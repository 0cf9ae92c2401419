package httpbody

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestReadAllWhateverTheDeclaredLength: the whole body is read whether its
// declared length is unknown, right, short, long or absurd, into a single
// allocation when it is right.
func TestReadAllWhateverTheDeclaredLength(t *testing.T) {
	body := strings.Repeat("attio ", 2000)
	n := int64(len(body))
	for _, length := range []int64{-1, 0, n, n / 2, n + 1000, 1 << 40} {
		got, err := ReadAll(&http.Response{Body: io.NopCloser(strings.NewReader(body)), ContentLength: length})
		if err != nil || string(got) != body {
			t.Fatalf("Content-Length %d: read %d bytes, %v; want %d", length, len(got), err, n)
		}
	}
	allocs := testing.AllocsPerRun(10, func() {
		ReadAll(&http.Response{Body: io.NopCloser(strings.NewReader(body)), ContentLength: n})
	})
	if allocs > 3 { // the buffer, the NopCloser, the strings.Reader
		t.Errorf("%v allocations for a body of declared length, want one buffer", allocs)
	}
}

// TestReadAllKeepsWhatItReadOnError: a body that breaks off returns the
// bytes before the break with the error.
func TestReadAllKeepsWhatItReadOnError(t *testing.T) {
	broken := errors.New("connection reset")
	r := io.MultiReader(strings.NewReader(`{"data":`), &failing{broken})
	got, err := ReadAll(&http.Response{Body: io.NopCloser(r), ContentLength: 100})
	if string(got) != `{"data":` || !errors.Is(err, broken) {
		t.Fatalf("ReadAll = %q, %v", got, err)
	}
}

type failing struct{ err error }

func (f *failing) Read([]byte) (int, error) { return 0, f.err }

// TestBufferedIsTakenWithoutACopy: ReadAll hands back the very bytes
// Buffered put in place, once; the body then reads as ended.
func TestBufferedIsTakenWithoutACopy(t *testing.T) {
	data := []byte(`{"data":[]}`)
	resp := &http.Response{}
	Buffered(resp, data)
	if resp.ContentLength != int64(len(data)) {
		t.Errorf("ContentLength %d, want %d", resp.ContentLength, len(data))
	}
	got, err := ReadAll(resp)
	if err != nil || &got[0] != &data[0] || len(got) != len(data) {
		t.Fatalf("ReadAll = %q, %v: want the buffered slice itself", got, err)
	}
	if rest, err := io.ReadAll(resp.Body); err != nil || len(rest) != 0 {
		t.Errorf("after ReadAll the body still reads %q, %v", rest, err)
	}
}

// TestBufferedReadsAsABody: a buffered body another reader has started
// on is read from where that reader stopped, as any body would be.
func TestBufferedReadsAsABody(t *testing.T) {
	resp := &http.Response{}
	Buffered(resp, []byte("abcdef"))
	head := make([]byte, 2)
	if _, err := io.ReadFull(resp.Body, head); err != nil {
		t.Fatal(err)
	}
	got, err := ReadAll(resp)
	if err != nil || string(got) != "cdef" {
		t.Fatalf("ReadAll after 2 bytes = %q, %v; want cdef", got, err)
	}
	if err := resp.Body.Close(); err != nil {
		t.Fatal(err)
	}
}
