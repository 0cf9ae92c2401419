package api_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/attio-community/attio-go/api"
)

// pages serves items in pages for Offset and counts the fetches.
type pages struct {
	items   []int
	fetches int
	failAt  int // fetch number that fails; 0 for never
}

func (p *pages) offset(_ context.Context, limit, offset int) ([]int, error) {
	p.fetches++
	if p.fetches == p.failAt {
		return nil, errBoom
	}
	return p.items[min(offset, len(p.items)):min(offset+limit, len(p.items))], nil
}

var errBoom = errors.New("boom")

// collect ranges over seq, stopping after stop items (all if negative).
func collect(seq func(func(int, error) bool), stop int) (items []int, errs []error) {
	for item, err := range seq {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		items = append(items, item)
		if len(items) == stop {
			break
		}
	}
	return items, errs
}

func TestOffset(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name             string
		n, size, stop    int
		failAt           int
		wantItems, fetch int
		wantErr          bool
	}{
		{name: "short last page", n: 7, size: 3, stop: -1, wantItems: 7, fetch: 3},
		{name: "full last page needs an empty page", n: 6, size: 3, stop: -1, wantItems: 6, fetch: 3},
		{name: "empty", n: 0, size: 3, stop: -1, wantItems: 0, fetch: 1},
		{name: "break stops fetching", n: 100, size: 3, stop: 4, wantItems: 4, fetch: 2},
		{name: "error ends iteration", n: 100, size: 3, stop: -1, failAt: 2, wantItems: 3, fetch: 2, wantErr: true},
	}
	for _, tt := range tests {
		p := &pages{items: make([]int, tt.n), failAt: tt.failAt}
		for i := range p.items {
			p.items[i] = i
		}
		items, errs := collect(api.Offset(ctx, tt.size, p.offset), tt.stop)
		if len(items) != tt.wantItems || !slices.Equal(items, p.items[:len(items)]) || p.fetches != tt.fetch {
			t.Errorf("%s: items %v after %d fetches", tt.name, items, p.fetches)
		}
		if tt.wantErr != (len(errs) == 1 && errors.Is(errs[0], errBoom)) || len(errs) > 1 {
			t.Errorf("%s: errors %v", tt.name, errs)
		}
	}
	all := func(context.Context, int, int) ([]int, error) { return []int{1, 2, 3, 4, 5}, nil }
	if items, errs := collect(api.Offset(ctx, 3, all), -1); len(items) != 5 || len(errs) != 0 {
		t.Errorf("server ignoring the limit: items %v, errors %v", items, errs)
	}
	if _, errs := collect(api.Offset(ctx, 0, (&pages{}).offset), -1); len(errs) != 1 {
		t.Errorf("page size 0: errors %v", errs)
	}
}

func TestCursor(t *testing.T) {
	ctx := context.Background()
	str := func(s string) *string { return &s }
	// Three pages, linked by cursors "b" and "c"; the last has a null cursor.
	book := map[string]struct {
		items []int
		next  *string
	}{"": {[]int{1, 2}, str("b")}, "b": {[]int{3}, str("c")}, "c": {[]int{4, 5}, nil}}
	var seen []string
	fetch := func(_ context.Context, cursor *string) ([]int, *string, error) {
		key := ""
		if cursor != nil {
			key = *cursor
		}
		seen = append(seen, key)
		page := book[key]
		return page.items, page.next, nil
	}
	items, errs := collect(api.Cursor(ctx, fetch), -1)
	if !slices.Equal(items, []int{1, 2, 3, 4, 5}) || len(errs) != 0 || !slices.Equal(seen, []string{"", "b", "c"}) {
		t.Errorf("items %v, errors %v, cursors %q", items, errs, seen)
	}

	seen = nil
	if items, _ := collect(api.Cursor(ctx, fetch), 2); len(items) != 2 || len(seen) != 1 {
		t.Errorf("break after 2: items %v, %d fetches", items, len(seen))
	}

	fails := func(context.Context, *string) ([]int, *string, error) { return nil, nil, errBoom }
	if items, errs := collect(api.Cursor(ctx, fails), -1); len(items) != 0 || len(errs) != 1 || !errors.Is(errs[0], errBoom) {
		t.Errorf("failing fetch: items %v, errors %v", items, errs)
	}

	stuck := func(context.Context, *string) ([]int, *string, error) { return []int{1}, str("same"), nil }
	if items, errs := collect(api.Cursor(ctx, stuck), -1); len(items) != 2 || len(errs) != 1 {
		t.Errorf("repeating cursor: items %v, errors %v", items, errs)
	}
}
