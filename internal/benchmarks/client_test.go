package benchmarks

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/attio-community/attio-go/api"
	"github.com/attio-community/attio-go/gen"
	openapi_types "github.com/oapi-codegen/runtime/types"
)

// newTransport returns a transport like http.DefaultTransport's, its own,
// so that neither side of a comparison shares connections with the other.
func newTransport() *http.Transport {
	return http.DefaultTransport.(*http.Transport).Clone()
}

// recordServer answers every request with body, a pre-encoded Get record
// response, after checking that it is authorized.
func recordServer(body []byte) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			http.Error(w, `{"status_code":401}`, http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.Write(body)
	}))
}

// BenchmarkGetRecord makes sequential Get record calls against one loopback
// server that answers with a pre-encoded 15-value record (about 5.3 KB):
//
//   - APIClient: api.Result(c.GetRecordWithResponse(...)) through api.Client,
//     so authorization, the retry loop, error mapping and gen's decode.
//   - NetHTTP: the reference, what a caller would write by hand with
//     net/http and encoding/json: set the header, send, check the status,
//     decode into the same gen.Record, drain and close.
//   - GenClient: gen's generated client alone, with the header set by a
//     request editor: what APIClient costs without the api layer, to
//     split its overhead between gen and api.
//
// All use their own clone of http.DefaultTransport and keep-alive
// connections; neither decodes the values to their variants.
func BenchmarkGetRecord(b *testing.B) {
	body, calls := getRecordCallers(b)
	for _, c := range calls {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			for b.Loop() {
				if err := c.run(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkGetRecordPaired makes one call of each kind per op, in turns,
// and reports the APIClient's and the GenClient's time as ratios to
// NetHTTP's, apiclient/nethttp (the figure compared with the target) and
// genclient/nethttp, measured so that both sides see the same machine load
// (see BenchmarkDecodeRecordsPaired).
func BenchmarkGetRecordPaired(b *testing.B) {
	_, calls := getRecordCallers(b)
	paired(b, calls)
}

// getRecordCallers starts the loopback server (stopped when b ends) and
// returns its response body and the ways of calling it, the reference
// (NetHTTP) first.
func getRecordCallers(b *testing.B) ([]byte, []alternative) {
	s := loadSpec(b)
	body := s.RecordBody(1)
	srv := recordServer(body)
	b.Cleanup(srv.Close)
	id := openapi_types.UUID{0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x40, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01}
	ctx := context.Background()

	c, err := api.NewClient(api.WithAPIKey("benchmark-key"), api.WithBaseURL(srv.URL),
		api.WithHTTPClient(&http.Client{Transport: newTransport()}))
	if err != nil {
		b.Fatal(err)
	}
	gc, err := gen.NewClientWithResponses(srv.URL, gen.WithHTTPClient(&http.Client{Transport: newTransport()}),
		gen.WithRequestEditorFn(func(_ context.Context, req *http.Request) error {
			req.Header.Set("Authorization", "Bearer benchmark-key")
			return nil
		}))
	if err != nil {
		b.Fatal(err)
	}
	hc := &http.Client{Transport: newTransport()}
	url := srv.URL + "/v2/objects/people/records/" + id.String()
	check := func(got openapi_types.UUID) error {
		if got != id {
			return fmt.Errorf("record %v, want %v", got, id)
		}
		return nil
	}
	return body, []alternative{
		{"NetHTTP", func() error {
			r, err := getRecord(ctx, hc, url, "benchmark-key")
			if err != nil {
				return err
			}
			return check(r.ID.RecordID)
		}},
		{"APIClient", func() error {
			r, err := api.Result(c.GetRecordWithResponse(ctx, "people", id))
			if err != nil {
				return err
			}
			return check(r.Data.ID.RecordID)
		}},
		{"GenClient", func() error {
			r, err := gc.GetRecordWithResponse(ctx, "people", id)
			if err != nil {
				return err
			}
			if r.JSON200 == nil {
				return fmt.Errorf("status %d", r.StatusCode())
			}
			return check(r.JSON200.Data.ID.RecordID)
		}},
	}
}

// getRecord is the hand-written reference client for one Get record call.
func getRecord(ctx context.Context, hc *http.Client, url, key string) (*gen.Record, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+key)
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %s", resp.Status)
	}
	var out struct {
		Data gen.Record `json:"data"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return nil, err
	}
	io.Copy(io.Discard, resp.Body) // so that the connection is reused
	return &out.Data, nil
}

// pageServer answers List records queries from pre-encoded bodies: a full
// page of PageSize records (the same records on every page) for every
// offset below total, then the short remainder, then an empty page.
func pageServer(s *Spec, total int) *httptest.Server {
	const pageSize = 500
	full := s.RecordsPage(0, pageSize)
	rest := s.RecordsPage(0, total%pageSize)
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var q struct {
			Limit  int `json:"limit"`
			Offset int `json:"offset"`
		}
		if err := json.NewDecoder(r.Body).Decode(&q); err != nil || q.Limit != pageSize {
			http.Error(w, `{"status_code":400,"type":"invalid_request_error","code":"validation_type","message":"limit"}`, http.StatusBadRequest)
			return
		}
		body := rest
		if q.Offset+pageSize <= total {
			body = full
		} else if q.Offset >= total {
			body = []byte(`{"data":[]}`)
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		w.Write(body)
	}))
}

// heapSampler records the peak of the live heap (in-use heap spans, the
// figure runtime.MemStats.HeapInuse reports), read through runtime/metrics
// every millisecond, which does not stop the world as ReadMemStats does.
type heapSampler struct {
	peak atomic.Uint64
	stop chan struct{}
	done sync.WaitGroup
	s    []metrics.Sample
}

func newHeapSampler() *heapSampler {
	h := &heapSampler{stop: make(chan struct{}), s: []metrics.Sample{
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/unused:bytes"},
	}}
	h.done.Add(1)
	go func() {
		defer h.done.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			h.sample()
			select {
			case <-h.stop:
				return
			case <-t.C:
			}
		}
	}()
	return h
}

// sample reads the heap once and raises the peak if it is higher. Only the
// sampler's goroutine calls it.
func (h *heapSampler) sample() {
	metrics.Read(h.s)
	inuse := h.s[0].Value.Uint64() + h.s[1].Value.Uint64()
	for {
		p := h.peak.Load()
		if inuse <= p || h.peak.CompareAndSwap(p, inuse) {
			return
		}
	}
}

// Stop ends the sampling and returns the peak in MB (10^6 bytes, as
// benchstat reads the unit).
func (h *heapSampler) Stop() float64 {
	close(h.stop)
	h.done.Wait()
	return float64(h.peak.Load()) / 1e6
}

// BenchmarkPaginate iterates over every record of a List records query
// through api.Client.Records, in pages of 500 from a loopback server that
// sends pre-encoded pages, for two totals (10,000 and 100,000 records).
// It reports records/s and the peak in-use heap during the iteration,
// peak-heap-MB, which should be the same for both totals: bounded by a
// page, not by the total. heap-before-MB is the in-use heap after a GC
// just before the iteration (the server's pre-encoded pages are in it).
func BenchmarkPaginate(b *testing.B) {
	s := loadSpec(b)
	for _, total := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("records=%d", total), func(b *testing.B) {
			srv := pageServer(s, total)
			defer srv.Close()
			c, err := api.NewClient(api.WithAPIKey("benchmark-key"), api.WithBaseURL(srv.URL),
				api.WithHTTPClient(&http.Client{Transport: newTransport()}))
			if err != nil {
				b.Fatal(err)
			}
			ctx := context.Background()
			var peak, before float64
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				runtime.GC()
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				before = max(before, float64(ms.HeapInuse)/1e6)
				h := newHeapSampler()
				b.StartTimer()
				n := 0
				for rec, err := range c.Records(ctx, "people", gen.ListRecordsJSONRequestBody{}) {
					if err != nil {
						b.Fatal(err)
					}
					if len(rec.Values) == 0 {
						b.Fatal("a record without values")
					}
					n++
				}
				b.StopTimer()
				peak = max(peak, h.Stop())
				if n != total {
					b.Fatalf("%d records, want %d", n, total)
				}
				b.StartTimer()
			}
			b.ReportMetric(float64(total)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
			b.ReportMetric(peak, "peak-heap-MB")
			b.ReportMetric(before, "heap-before-MB")
		})
	}
}
