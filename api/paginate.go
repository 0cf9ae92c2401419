package api

import (
	"context"
	"errors"
	"fmt"
	"iter"

	"github.com/attio-community/attio-go/gen"
	openapi_types "github.com/oapi-codegen/runtime/types"
)

// Offset iterates over every item of a limit/offset-paginated list. It calls
// fetch for pages of pageSize items at offsets 0, pageSize, ... and stops
// after a page shorter than pageSize (Attio's signal for the last page) or
// longer (the server ignored the limit, so it sent everything), when the
// loop body breaks, or at the first error, which it yields once with a zero
// item. pageSize must be positive.
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
			if len(page) != pageSize { // short: the end; long: limit was ignored
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

// Records iterates over the records of object that query selects (its
// Filter and Sorts; the zero value selects all), through the records query
// in pages of 500.
func (c *Client) Records(ctx context.Context, object string, query gen.ListRecordsJSONRequestBody) iter.Seq2[gen.Record, error] {
	return Offset(ctx, 500, func(ctx context.Context, limit, offset int) ([]gen.Record, error) {
		q := query
		q.Limit, q.Offset = &limit, &offset
		r, err := Result(c.ListRecordsWithResponse(ctx, object, q))
		if err != nil {
			return nil, err
		}
		return r.Data, nil
	})
}

// Entries iterates over the entries of list that query selects (its Filter
// and Sorts; the zero value selects all), through the entries query in
// pages of 500.
func (c *Client) Entries(ctx context.Context, list string, query gen.ListEntriesJSONRequestBody) iter.Seq2[gen.Entry, error] {
	return Offset(ctx, 500, func(ctx context.Context, limit, offset int) ([]gen.Entry, error) {
		q := query
		q.Limit, q.Offset = &limit, &offset
		r, err := Result(c.ListEntriesWithResponse(ctx, list, q))
		if err != nil {
			return nil, err
		}
		return r.Data, nil
	})
}

// Attributes iterates over the attributes of an object or list, in pages
// of 100.
func (c *Client) Attributes(ctx context.Context, target gen.AttributeTarget, identifier string, params *gen.ListAttributesParams) iter.Seq2[gen.Attribute, error] {
	base := valueOf(params)
	return Offset(ctx, 100, func(ctx context.Context, limit, offset int) ([]gen.Attribute, error) {
		p := base
		p.Limit, p.Offset = &limit, &offset
		r, err := Result(c.ListAttributesWithResponse(ctx, target, identifier, &p))
		if err != nil {
			return nil, err
		}
		return r.Data, nil
	})
}

// RecordAttributeValues iterates over the values of one attribute of a
// record (with params.ShowHistoric, also the values it no longer has), in
// pages of 100.
func (c *Client) RecordAttributeValues(ctx context.Context, object string, recordID openapi_types.UUID, attribute string, params *gen.ListRecordAttributeValuesParams) iter.Seq2[gen.AttributeValue, error] {
	base := valueOf(params)
	return Offset(ctx, 100, func(ctx context.Context, limit, offset int) ([]gen.AttributeValue, error) {
		p := base
		p.Limit, p.Offset = &limit, &offset
		r, err := Result(c.ListRecordAttributeValuesWithResponse(ctx, object, recordID, attribute, &p))
		if err != nil {
			return nil, err
		}
		return r.Data, nil
	})
}

// EntryAttributeValues iterates over the values of one attribute of a list
// entry (with params.ShowHistoric, also the values it no longer has), in
// pages of 100.
func (c *Client) EntryAttributeValues(ctx context.Context, list string, entryID openapi_types.UUID, attribute string, params *gen.ListEntryAttributeValuesParams) iter.Seq2[gen.AttributeValue, error] {
	base := valueOf(params)
	return Offset(ctx, 100, func(ctx context.Context, limit, offset int) ([]gen.AttributeValue, error) {
		p := base
		p.Limit, p.Offset = &limit, &offset
		r, err := Result(c.ListEntryAttributeValuesWithResponse(ctx, list, entryID, attribute, &p))
		if err != nil {
			return nil, err
		}
		return r.Data, nil
	})
}

// RecordEntries iterates over the list entries whose parent is a record,
// in pages of 1000.
func (c *Client) RecordEntries(ctx context.Context, object string, recordID openapi_types.UUID) iter.Seq2[gen.RecordEntry, error] {
	return Offset(ctx, 1000, func(ctx context.Context, limit, offset int) ([]gen.RecordEntry, error) {
		r, err := Result(c.ListRecordEntriesWithResponse(ctx, object, recordID, &gen.ListRecordEntriesParams{Limit: &limit, Offset: &offset}))
		if err != nil {
			return nil, err
		}
		return r.Data, nil
	})
}

// Notes iterates over the notes params selects (nil for all), in pages of
// 50.
func (c *Client) Notes(ctx context.Context, params *gen.ListNotesParams) iter.Seq2[gen.Note, error] {
	base := valueOf(params)
	return Offset(ctx, 50, func(ctx context.Context, limit, offset int) ([]gen.Note, error) {
		p := base
		p.Limit, p.Offset = &limit, &offset
		r, err := Result(c.ListNotesWithResponse(ctx, &p))
		if err != nil {
			return nil, err
		}
		return r.Data, nil
	})
}

// Tasks iterates over the tasks params selects (nil for all), in pages of
// 500.
func (c *Client) Tasks(ctx context.Context, params *gen.ListTasksParams) iter.Seq2[gen.Task, error] {
	base := valueOf(params)
	return Offset(ctx, 500, func(ctx context.Context, limit, offset int) ([]gen.Task, error) {
		p := base
		p.Limit, p.Offset = &limit, &offset
		r, err := Result(c.ListTasksWithResponse(ctx, &p))
		if err != nil {
			return nil, err
		}
		return r.Data, nil
	})
}

// Threads iterates over the comment threads params selects (a record or a
// list entry), in pages of 50.
func (c *Client) Threads(ctx context.Context, params *gen.ListThreadsParams) iter.Seq2[gen.Thread, error] {
	base := valueOf(params)
	return Offset(ctx, 50, func(ctx context.Context, limit, offset int) ([]gen.Thread, error) {
		p := base
		p.Limit, p.Offset = &limit, &offset
		r, err := Result(c.ListThreadsWithResponse(ctx, &p))
		if err != nil {
			return nil, err
		}
		return r.Data, nil
	})
}

// Webhooks iterates over the workspace's webhooks, in pages of 100.
func (c *Client) Webhooks(ctx context.Context) iter.Seq2[gen.Webhook, error] {
	return Offset(ctx, 100, func(ctx context.Context, limit, offset int) ([]gen.Webhook, error) {
		r, err := Result(c.ListWebhooksWithResponse(ctx, &gen.ListWebhooksParams{Limit: &limit, Offset: &offset}))
		if err != nil {
			return nil, err
		}
		return r.Data, nil
	})
}

// Meetings iterates over the meetings params selects (nil for all), in
// pages of 200.
func (c *Client) Meetings(ctx context.Context, params *gen.ListMeetingsParams) iter.Seq2[gen.Meeting, error] {
	base := valueOf(params)
	return Cursor(ctx, func(ctx context.Context, cursor *string) ([]gen.Meeting, *string, error) {
		p, limit := base, 200
		p.Limit, p.Cursor = &limit, cursor
		r, err := Result(c.ListMeetingsWithResponse(ctx, &p))
		if err != nil {
			return nil, nil, err
		}
		return r.Data, r.Pagination.NextCursor, nil
	})
}

// CallRecordings iterates over the call recordings of a meeting, in pages
// of 200.
func (c *Client) CallRecordings(ctx context.Context, meetingID openapi_types.UUID) iter.Seq2[gen.CallRecording, error] {
	return Cursor(ctx, func(ctx context.Context, cursor *string) ([]gen.CallRecording, *string, error) {
		limit := 200
		r, err := Result(c.ListCallRecordingsWithResponse(ctx, meetingID, &gen.ListCallRecordingsParams{Limit: &limit, Cursor: cursor}))
		if err != nil {
			return nil, nil, err
		}
		return r.Data, r.Pagination.NextCursor, nil
	})
}

// CallTranscript iterates over the segments of a call recording's
// transcript, in order, following the transcript's pages.
func (c *Client) CallTranscript(ctx context.Context, meetingID, callRecordingID openapi_types.UUID) iter.Seq2[gen.TranscriptSegment, error] {
	return Cursor(ctx, func(ctx context.Context, cursor *string) ([]gen.TranscriptSegment, *string, error) {
		r, err := Result(c.GetCallTranscriptWithResponse(ctx, meetingID, callRecordingID, &gen.GetCallTranscriptParams{Cursor: cursor}))
		if err != nil {
			return nil, nil, err
		}
		return r.Data.Transcript, r.Pagination.NextCursor, nil
	})
}

// Files iterates over the files and folders params selects (the files of
// a record, optionally in one folder or storage provider), in pages of 200.
func (c *Client) Files(ctx context.Context, params gen.ListFilesParams) iter.Seq2[gen.FileEntry, error] {
	return Cursor(ctx, func(ctx context.Context, cursor *string) ([]gen.FileEntry, *string, error) {
		p, limit := params, 200
		p.Limit, p.Cursor = &limit, cursor
		r, err := Result(c.ListFilesWithResponse(ctx, &p))
		if err != nil {
			return nil, nil, err
		}
		return r.Data, r.Pagination.NextCursor, nil
	})
}

// valueOf returns *p, or the zero value if p is nil.
func valueOf[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}
