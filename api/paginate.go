package api

import (
	"context"
	"errors"
	"fmt"
	"iter"
)

// Offset iterates over every item of a limit/offset-paginated list. It calls
// fetch for pages of pageSize items at offsets 0, pageSize, ... and stops
// after a page shorter than pageSize (Attio's signal for the last page),
// when the loop body breaks, or at the first error, which it yields once
// with a zero item. pageSize must be positive.
func Offset[T any](ctx context.Context, pageSize int, fetch func(ctx context.Context, limit, offset int) ([]T, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		if pageSize < 1 {
			yield(zero, fmt.Errorf("attio: page size %d is not positive", pageSize))
			return
		}
		for offset := 0; ; {
			page, err := fetch(ctx, pageSize, offset)
			if err != nil {
				yield(zero, err)
				return
			}
			for _, item := range page {
				if !yield(item, nil) {
					return
				}
			}
			if len(page) < pageSize {
				return
			}
			offset += len(page)
		}
	}
}

// errCursorLoop stops a cursor iteration whose server hands back the cursor
// it was given, which would otherwise loop forever.
var errCursorLoop = errors.New("attio: next_cursor repeats the cursor of the page it came with")

// Cursor iterates over every item of a cursor-paginated list. It calls fetch
// with a nil cursor for the first page, then with each page's next cursor,
// and stops when that is null or empty, when the loop body breaks, or at the
// first error, which it yields once with a zero item.
func Cursor[T any](ctx context.Context, fetch func(ctx context.Context, cursor *string) ([]T, *string, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		var cursor *string
		for {
			page, next, err := fetch(ctx, cursor)
			if err != nil {
				yield(zero, err)
				return
			}
			for _, item := range page {
				if !yield(item, nil) {
					return
				}
			}
			if next == nil || *next == "" {
				return
			}
			if cursor != nil && *next == *cursor {
				yield(zero, errCursorLoop)
				return
			}
			cursor = next
		}
	}
}
