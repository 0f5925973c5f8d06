package pagerduty

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/url"
	"strconv"
)

// The request helpers below are shared by every resource area: they perform
// a request, unwrap the object or list the API answers with, and page
// through classic offset listings.

// noObject reports an answer that lacks the object it should carry.
func noObject(r *request, key string) error {
	return fmt.Errorf("pagerduty: %s %s: the answer has no %s", r.method, r.path, key)
}

// orchMissing is noObject under the name the orchestration calls use.
func orchMissing(r *request, key string) error { return noObject(r, key) }

// decodeField decodes raw, the value of the answer's field key, into v.
func decodeField(r *request, key string, raw json.RawMessage, v any) error {
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("pagerduty: %s %s: decoding the answer: field %q: %w", r.method, r.path, key, err)
	}
	return nil
}

// objectCall performs r and returns the object found under the first of keys
// present in the answer (most answers wrap their object: {"user": {...}}).
func objectCall[T any](ctx context.Context, c *Client, r *request, keys ...string) (*T, error) {
	var out map[string]json.RawMessage
	if err := c.do(ctx, r, &out); err != nil {
		return nil, err
	}
	for _, k := range keys {
		raw, ok := out[k]
		if !ok || string(raw) == "null" {
			continue
		}
		v := new(T)
		if err := decodeField(r, k, raw, v); err != nil {
			return nil, err
		}
		return v, nil
	}
	return nil, noObject(r, keys[0])
}

// objectOrFirstCall performs r and returns the object under key. It differs
// from objectCall in one way: some answers of the orchestration API are
// documented with the object wrapped in a one-item array, so an array is
// accepted too and its first item returned.
func objectOrFirstCall[T any](ctx context.Context, c *Client, r *request, key string) (*T, error) {
	return objectOrMatchingCall[T](ctx, c, r, key, nil)
}

// objectOrMatchingCall is objectOrFirstCall returning, from an array, the
// first item that match accepts (any item when match is nil).
func objectOrMatchingCall[T any](ctx context.Context, c *Client, r *request, key string, match func(*T) bool) (*T, error) {
	var out map[string]json.RawMessage
	if err := c.do(ctx, r, &out); err != nil {
		return nil, err
	}
	raw := bytes.TrimSpace(out[key])
	if len(raw) == 0 || string(raw) == "null" {
		return nil, noObject(r, key)
	}
	if raw[0] != '[' {
		v := new(T)
		if err := decodeField(r, key, raw, v); err != nil {
			return nil, err
		}
		return v, nil
	}
	var items []T
	if err := decodeField(r, key, raw, &items); err != nil {
		return nil, err
	}
	for i := range items {
		if match == nil || match(&items[i]) {
			return &items[i], nil
		}
	}
	return nil, noObject(r, key)
}

// getAt reads the object under key at the path template tmpl filled with
// ids (see expandPath).
func getAt[T any](ctx context.Context, c *Client, tmpl, key string, ids ...string) (*T, error) {
	path, err := expandPath(tmpl, ids...)
	if err != nil {
		return nil, err
	}
	return objectCall[T](ctx, c, &request{method: "GET", path: path}, key)
}

// pageAt reads the list under key at the path template tmpl filled with ids,
// for listings the API answers as a single page.
func pageAt[T any](ctx context.Context, c *Client, tmpl, key string, q url.Values, ids ...string) (*Page[T], error) {
	path, err := expandPath(tmpl, ids...)
	if err != nil {
		return nil, err
	}
	return getPage[T](ctx, c, path, key, q)
}

// sliceCall performs a GET of path and returns the list under key, for the
// lists the API answers in one piece.
func sliceCall[T any](ctx context.Context, c *Client, path, key string, q url.Values) ([]T, error) {
	p, err := getPage[T](ctx, c, path, key, q)
	if err != nil {
		return nil, err
	}
	return p.Items, nil
}

// wholeList streams a list the API answers in one piece.
func wholeList[T any](ctx context.Context, c *Client, path, key string, q url.Values) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		items, err := sliceCall[T](ctx, c, path, key, q)
		if err != nil {
			var zero T
			yield(zero, err)
			return
		}
		for _, it := range items {
			if !yield(it, nil) {
				return
			}
		}
	}
}

// offsetSeq streams a classic-paginated list: q holds the filters, lo the
// caller's paging.
func offsetSeq[T any](ctx context.Context, c *Client, path, key string, q url.Values, lo ListOptions) iter.Seq2[T, error] {
	l := &offsetList[T]{path: path, key: key, query: q}
	l.paging(lo)
	return l.iterate(ctx, c)
}

// offsetPage fetches one page of a classic-paginated list.
func offsetPage[T any](ctx context.Context, c *Client, path, key string, q url.Values, lo ListOptions) (*Page[T], error) {
	pageParams(q, lo)
	return getPage[T](ctx, c, path, key, q)
}

// listTarget fills the path template tmpl with ids and builds the filters
// and paging P of a listing with query; the IDs are checked first.
func listTarget[P any](tmpl string, ids []string, query func() (url.Values, P, error)) (string, url.Values, P, error) {
	path, err := expandPath(tmpl, ids...)
	if err != nil {
		var zero P
		return "", nil, zero, err
	}
	q, paging, err := query()
	return path, q, paging, err
}

// listQuery builds the filters of a classic-paginated listing from its
// options and gives their paging apart, or says what is wrong with them.
type listQuery func() (url.Values, ListOptions, error)

// offsetSeqAt streams the classic-paginated list under key at the path
// template tmpl filled with ids, with the filters and paging query builds.
// The IDs are checked first.
func offsetSeqAt[T any](ctx context.Context, c *Client, tmpl, key string, query listQuery, ids ...string) iter.Seq2[T, error] {
	path, q, lo, err := listTarget(tmpl, ids, query)
	if err != nil {
		return errSeq[T](err)
	}
	return offsetSeq[T](ctx, c, path, key, q, lo)
}

// offsetPageAt fetches one page of the classic-paginated list under key at
// the path template tmpl filled with ids, with the filters and paging query
// builds. The IDs are checked first.
func offsetPageAt[T any](ctx context.Context, c *Client, tmpl, key string, query listQuery, ids ...string) (*Page[T], error) {
	path, q, lo, err := listTarget(tmpl, ids, query)
	if err != nil {
		return nil, err
	}
	return offsetPage[T](ctx, c, path, key, q, lo)
}

// pagedOptions is an options struct that embeds ListOptions.
type pagedOptions interface{ listOptions() *ListOptions }

// pagedQuery is the listQuery of options whose filters need no checks of
// their own (or that hold only paging, or are a *ListOptions): it
// validates the paging and encodes the rest. Nil opts list everything.
func pagedQuery[O any, P interface {
	*O
	pagedOptions
}](opts P) listQuery {
	return func() (url.Values, ListOptions, error) {
		var lo ListOptions
		if opts != nil {
			lo = *opts.listOptions()
		}
		return pagedFilters(opts, lo)
	}
}

// pageParams adds the paging fields of a one-page call to q: limit and
// offset when set, total when asked.
func pageParams(q url.Values, o ListOptions) {
	if o.Limit > 0 {
		q.Set("limit", strconv.Itoa(o.Limit))
	}
	if o.Offset > 0 {
		q.Set("offset", strconv.Itoa(o.Offset))
	}
	if o.Total {
		q.Set("total", "true")
	}
}

// stripCursor removes the paging fields of a cursor listing that
// encodeQuery wrote, which the iterator and cursorParams set themselves.
func stripCursor(q url.Values) {
	q.Del("limit")
	q.Del("cursor")
}

// cursorFilters ends the query of a cursor listing whose options o passed
// their checks: o's filters without its paging, and the paging co apart.
func cursorFilters(o any, co CursorOptions) (url.Values, CursorOptions, error) {
	q := url.Values{}
	encodeQuery(q, o)
	stripCursor(q)
	return q, co, nil
}

// cursorParams adds the paging of a one-page cursor call to q: limit and
// cursor when set.
func cursorParams(q url.Values, co CursorOptions) {
	if co.Limit > 0 {
		q.Set("limit", strconv.Itoa(co.Limit))
	}
	if co.Cursor != "" {
		q.Set("cursor", co.Cursor)
	}
}

// cursorQuery builds the filters of a cursor-paginated listing from its
// options and gives their paging apart, or says what is wrong with them.
type cursorQuery func() (url.Values, CursorOptions, error)

// cursorSeqAt streams the cursor-paginated list under key at the path
// template tmpl filled with ids, with the filters and paging query builds.
// The IDs are checked first.
func cursorSeqAt[T any](ctx context.Context, c *Client, tmpl, key string, query cursorQuery, ids ...string) iter.Seq2[T, error] {
	path, q, co, err := listTarget(tmpl, ids, query)
	if err != nil {
		return errSeq[T](err)
	}
	l := &cursorList[T]{path: path, key: key, query: q, limit: co.Limit, cursor: co.Cursor}
	return l.iterate(ctx, c)
}

// cursorPageAt fetches one page of the cursor-paginated list under key at
// the path template tmpl filled with ids, with the filters and paging query
// builds. The IDs are checked first.
func cursorPageAt[T any](ctx context.Context, c *Client, tmpl, key string, query cursorQuery, ids ...string) (*Page[T], error) {
	path, q, co, err := listTarget(tmpl, ids, query)
	if err != nil {
		return nil, err
	}
	cursorParams(q, co)
	return getPage[T](ctx, c, path, key, q)
}

// cursorPagedOptions is an options struct that embeds CursorOptions.
type cursorPagedOptions interface{ cursorOptions() *CursorOptions }

// cursorPagedQuery is the cursorQuery of options whose filters need no
// checks of their own (or that are a *CursorOptions): it checks the page
// size and encodes the rest. Nil opts list everything.
func cursorPagedQuery[O any, P interface {
	*O
	cursorPagedOptions
}](opts P) cursorQuery {
	return func() (url.Values, CursorOptions, error) {
		var co CursorOptions
		if opts != nil {
			co = *opts.cursorOptions()
		}
		if err := checkCursorPageSize(co.Limit); err != nil {
			return nil, CursorOptions{}, err
		}
		return cursorFilters(opts, co)
	}
}

// stripPaging removes the paging fields encodeQuery wrote, which the
// iterator and pageParams set themselves.
func stripPaging(q url.Values) {
	q.Del("limit")
	q.Del("offset")
	q.Del("total")
}

// filterQuery validates lo and encodes opts (a pointer to an options struct
// embedding ListOptions, or nil) without its paging fields.
func filterQuery(opts any, lo *ListOptions) (url.Values, error) {
	if err := lo.validate(); err != nil {
		return nil, err
	}
	q := url.Values{}
	encodeQuery(q, opts)
	stripPaging(q)
	return q, nil
}

// pagedFilters ends the query of a classic listing whose options o passed
// their own checks: it validates the paging lo and gives o's filters
// without it, and lo apart.
func pagedFilters(o any, lo ListOptions) (url.Values, ListOptions, error) {
	q, err := filterQuery(o, &lo)
	return q, lo, err
}

// getIncluding reads the object under key at tmpl filled with ids. When opts
// is set, the values includes returns (what the answer should embed) are
// checked against allowed and opts is sent as the query.
func getIncluding[T, O any, I ~string](ctx context.Context, c *Client, tmpl, key string, ids []string, opts *O, includes func(*O) []I, allowed ...I) (*T, error) {
	path, err := expandPath(tmpl, ids...)
	if err != nil {
		return nil, err
	}
	q := url.Values{}
	if opts != nil {
		if err := oneOf("Includes", includes(opts), allowed...); err != nil {
			return nil, err
		}
		encodeQuery(q, opts)
	}
	return objectCall[T](ctx, c, &request{method: "GET", path: path, query: q}, key)
}

// deleteAt deletes the object at the path template tmpl filled with ids.
func deleteAt(ctx context.Context, c *Client, tmpl string, ids ...string) error {
	path, err := expandPath(tmpl, ids...)
	if err != nil {
		return err
	}
	return c.do(ctx, &request{method: "DELETE", path: path}, nil)
}

// queryFunc builds the query of a call from its options, or says what is
// wrong with them. A nil queryFunc sends no query.
type queryFunc func() (url.Values, error)

// queryTarget fills the path template tmpl with ids and builds the query
// with query (none when nil); the IDs are checked first.
func queryTarget(tmpl string, ids []string, query queryFunc) (string, url.Values, error) {
	path, err := expandPath(tmpl, ids...)
	if err != nil || query == nil {
		return path, nil, err
	}
	q, err := query()
	return path, q, err
}

// getQueryAt reads the object under key at the path template tmpl filled
// with ids, with the query that query builds. The IDs are checked first.
func getQueryAt[T any](ctx context.Context, c *Client, tmpl, key string, query queryFunc, ids ...string) (*T, error) {
	path, q, err := queryTarget(tmpl, ids, query)
	if err != nil {
		return nil, err
	}
	return objectCall[T](ctx, c, &request{method: "GET", path: path, query: q}, key)
}

// sliceAt reads the list under key at the path template tmpl filled with
// ids, for lists the API answers in one piece, with the query that query
// builds (none when nil). The IDs are checked first.
func sliceAt[T any](ctx context.Context, c *Client, tmpl, key string, query queryFunc, ids ...string) ([]T, error) {
	path, q, err := queryTarget(tmpl, ids, query)
	if err != nil {
		return nil, err
	}
	return sliceCall[T](ctx, c, path, key, q)
}

// wholeListAt streams the list under key at the path template tmpl filled
// with ids, for lists the API answers in one piece, with the query that
// query builds (none when nil). The IDs are checked first.
func wholeListAt[T any](ctx context.Context, c *Client, tmpl, key string, query queryFunc, ids ...string) iter.Seq2[T, error] {
	path, q, err := queryTarget(tmpl, ids, query)
	if err != nil {
		return errSeq[T](err)
	}
	return wholeList[T](ctx, c, path, key, q)
}

// sendAt sends, with method, the body that body builds to the path template
// tmpl filled with ids, and returns the object under key in the answer.
// The IDs are checked before body runs, so a bad ID is the error reported
// first.
func sendAt[T, B any](ctx context.Context, c *Client, method, tmpl, key string, body func() (B, error), ids ...string) (*T, error) {
	path, err := expandPath(tmpl, ids...)
	if err != nil {
		return nil, err
	}
	b, err := body()
	if err != nil {
		return nil, err
	}
	return objectCall[T](ctx, c, &request{method: method, path: path, body: b}, key)
}

// writeAt is sendAt for the usual body: the object that wire builds,
// wrapped under key ({"field": {...}}).
func writeAt[T, W any](ctx context.Context, c *Client, method, tmpl, key string, wire func() (W, error), ids ...string) (*T, error) {
	return sendAt[T](ctx, c, method, tmpl, key, func() (map[string]any, error) {
		w, err := wire()
		if err != nil {
			return nil, err
		}
		return map[string]any{key: w}, nil
	}, ids...)
}
