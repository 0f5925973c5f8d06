package pagerduty

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/url"
	"strconv"
	"time"
)

// MaxPageSize is the largest page the API returns.
const MaxPageSize = 100

// OffsetCeiling is the API's limit on classic pagination: it refuses a page
// whose offset+limit is over 10,000 (error 2002). Time-windowed lists read
// past it by moving their since/until window (see IncidentsService.List).
const OffsetCeiling = 10000

// ListOptions controls classic (offset) pagination. The zero value reads
// from the start in pages of 100.
type ListOptions struct {
	// Limit is the page size, 1 to 100. Zero means 100 for iterators (the
	// fewest requests) and the API's default (25) for one-page calls.
	Limit int `url:"limit"`
	// Offset is where the first page starts.
	Offset int `url:"offset"`
	// Total asks the API to count all matching items, which makes each page
	// slower to compute. Page.Total is set only when Total is true.
	Total bool `url:"total"`
	// Prefetch, above 1, makes a list iterator fetch that many pages at a
	// time (at most MaxPrefetch), as ContextWithPrefetch does for every
	// listing of a context; the larger of the two applies. Items still come
	// in order. Zero or 1 fetches one page after the other. It is not sent
	// to the API, and one-page calls (ListPage) ignore it.
	Prefetch int `url:"-"`
}

func (o *ListOptions) validate() error {
	if o == nil {
		return nil
	}
	if o.Limit < 0 || o.Limit > MaxPageSize {
		return fmt.Errorf("pagerduty: Limit %d is out of range: a page holds 1 to %d items (0 for the default)", o.Limit, MaxPageSize)
	}
	if o.Offset < 0 {
		return fmt.Errorf("pagerduty: Offset %d is negative", o.Offset)
	}
	if o.Prefetch < 0 {
		return fmt.Errorf("pagerduty: Prefetch %d is negative: use 0 or 1 for one page at a time, up to %d to fetch pages ahead", o.Prefetch, MaxPrefetch)
	}
	if o.Offset+max(o.Limit, 1) > OffsetCeiling {
		return fmt.Errorf("pagerduty: Offset %d is past the API's ceiling of %d items: narrow the list with filters or a since/until window", o.Offset, OffsetCeiling)
	}
	return nil
}

// listOptions returns o, so that options embedding ListOptions give their
// paging to pagedQuery.
func (o *ListOptions) listOptions() *ListOptions { return o }

// CursorOptions controls cursor pagination, used by the lists that can be
// longer than 10,000 items (audit records, for example).
type CursorOptions struct {
	// Limit is the page size. Zero means the API's default.
	Limit int `url:"limit"`
	// Cursor continues a previous listing where its page ended
	// (Page.NextCursor). Empty starts at the beginning.
	Cursor string `url:"cursor"`
}

// cursorOptions returns o, so that options embedding CursorOptions give
// their paging to cursorPagedQuery.
func (o *CursorOptions) cursorOptions() *CursorOptions { return o }

// Page is one page of a list and what the API said about the rest.
type Page[T any] struct {
	// Items are the page's items, in the API's order.
	Items []T
	// Limit and Offset are the page size and position the API used
	// (offset-paginated lists).
	Limit, Offset int
	// More reports whether items follow this page.
	More bool
	// Total is the number of matching items, when the request asked for it
	// (ListOptions.Total); nil otherwise.
	Total *int
	// NextCursor continues the listing (cursor-paginated lists); empty at
	// the end.
	NextCursor string
}

// getPage fetches one page of the list at path whose items are under key.
func getPage[T any](ctx context.Context, c *Client, path, key string, q url.Values) (*Page[T], error) {
	r := &request{method: "GET", path: path, query: q}
	var b []byte
	for attempt := 0; ; attempt++ {
		resp, err := c.send(ctx, r)
		if err != nil {
			return nil, err
		}
		b, err = readAnswer(resp)
		resp.Body.Close()
		if err == nil {
			break
		}
		// A connection lost in the middle of the body: reading a page
		// changes nothing, so it is asked for again, a few times.
		if attempt == maxPageRereads || ctx.Err() != nil || !errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, fmt.Errorf("pagerduty: GET %s: %w", path, err)
		}
	}
	p := &Page[T]{}
	limit, _ := strconv.Atoi(q.Get("limit"))
	if err := decodePage(b, key, min(limit, MaxPageSize), p); err != nil {
		return nil, fmt.Errorf("pagerduty: GET %s: decoding the answer: %w", path, err)
	}
	return p, nil
}

// maxPageRereads is how many times a page whose body was cut short is asked
// for again.
const maxPageRereads = 3

// ListError reports a listing that stopped before its end, and where: the
// items before it were yielded, each once, and none after. It wraps the
// cause, so errors.As still finds an *APIError or an *UnknownOutcomeError
// in it, and errors.Is a context error.
type ListError struct {
	// Path is the list's path, such as "/incidents".
	Path string
	// Offset is the offset of the page that failed (offset-paginated
	// lists). A time-windowed list (Incidents.List, LogEntries.List) counts
	// it from the start of its current window, which moves past the API's
	// 10,000-item ceiling.
	Offset int
	// Cursor is the cursor of the page that failed (cursor-paginated
	// lists); empty for the first page.
	Cursor string
	// Items is how many items the listing yielded before it stopped.
	Items int
	// Err is the cause.
	Err error
}

// Error gives the cause and where the listing stopped.
func (e *ListError) Error() string {
	if e.Cursor != "" {
		return fmt.Sprintf("%v (the listing of %s stopped after %d items, at cursor %s)", e.Err, e.Path, e.Items, e.Cursor)
	}
	return fmt.Sprintf("%v (the listing of %s stopped after %d items, at offset %d)", e.Err, e.Path, e.Items, e.Offset)
}

// Unwrap returns the cause.
func (e *ListError) Unwrap() error { return e.Err }

// offsetList describes a classic-paginated list for the iterator.
type offsetList[T any] struct {
	path, key string
	query     url.Values // filters, without limit/offset
	limit     int        // page size; 0 means MaxPageSize
	offset    int        // first offset
	// window, when set, lets the iterator read past OffsetCeiling by moving
	// the list's time window.
	window *timeWindow[T]
	// prefetch is how many pages the caller asked to fetch at a time.
	prefetch int
}

// paging takes the start, the page size and the pages to fetch ahead from
// the caller's options.
func (l *offsetList[T]) paging(lo ListOptions) {
	l.limit, l.offset, l.prefetch = lo.Limit, lo.Offset, lo.Prefetch
}

// timeWindow says how to move a time-windowed list past the offset ceiling.
// The list must be sorted by the time timeOf returns, ascending unless desc.
type timeWindow[T any] struct {
	since, until time.Time // the caller's window; zero until means now
	desc         bool
	timeOf       func(T) time.Time
	idOf         func(T) string
}

// iterate streams the items of l, one page in memory at a time, or a few
// when the context asks for prefetching (ContextWithPrefetch). Breaking out
// of the loop stops fetching. An error ends the sequence after it is
// yielded.
func (l *offsetList[T]) iterate(ctx context.Context, c *Client) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		limit := l.limit
		if limit == 0 {
			limit = MaxPageSize
		}
		q := cloneValues(l.query)
		offset := l.offset
		var w *windowState[T]
		if l.window != nil {
			w = newWindowState(l.window)
		}
		ahead := max(min(l.prefetch, MaxPrefetch), prefetchPages(ctx))
		yielded := 0
		// fail yields err, wrapped with where the listing stopped.
		fail := func(offset int, err error) {
			yield(zero, &ListError{Path: l.path, Offset: offset, Items: yielded, Err: err})
		}
		// emit yields the items of p that are new; false means the loop
		// broke.
		emit := func(p *Page[T]) bool {
			for _, it := range p.Items {
				if w != nil && !w.admit(it) {
					continue
				}
				yielded++
				if !yield(it, nil) {
					return false
				}
			}
			return true
		}
		for {
			q.Set("limit", strconv.Itoa(limit))
			q.Set("offset", strconv.Itoa(offset))
			if ahead > 1 {
				// The total says which pages follow, so that they can be
				// fetched ahead.
				q.Set("total", "true")
			}
			p, err := getPage[T](ctx, c, l.path, l.key, q)
			q.Del("total")
			if err != nil {
				fail(offset, err)
				return
			}
			if !emit(p) {
				return
			}
			if !p.More || len(p.Items) == 0 {
				return
			}
			offset += len(p.Items)
			if ahead > 1 && p.Total != nil {
				var done bool
				if offset, done = l.fetchAhead(ctx, c, q, limit, offset, len(p.Items), *p.Total, ahead, emit, fail); done {
					return
				}
			}
			if offset+limit <= OffsetCeiling {
				continue
			}
			// The next page would pass the ceiling: move the window.
			if w == nil {
				fail(offset, fmt.Errorf("pagerduty: GET %s: the list has more than %d items, the most the API pages through: narrow it with filters", l.path, OffsetCeiling))
				return
			}
			if err := w.slide(q); err != nil {
				fail(offset, fmt.Errorf("pagerduty: GET %s: %w", l.path, err))
				return
			}
			offset = 0
		}
	}
}

// fetchAhead reads the pages that follow offset, up to the total or the
// offset ceiling, ahead pages at a time, and emits their items in order.
// step is the size of a full page. It returns the offset to go on from, or
// done when the listing is over (its end, an error, or a break).
func (l *offsetList[T]) fetchAhead(ctx context.Context, c *Client, q url.Values, limit, offset, step, total, ahead int,
	emit func(*Page[T]) bool, fail func(offset int, err error)) (next int, done bool) {
	var offsets []int
	for off := offset; off < total && off+limit <= OffsetCeiling; off += step {
		offsets = append(offsets, off)
	}
	if len(offsets) == 0 {
		return offset, false
	}
	pf := startPrefetch(ctx, c, l, q, limit, offsets, ahead)
	defer pf.stop()
	for {
		r, ok := pf.take()
		if !ok {
			return offset, false
		}
		if r.err != nil {
			fail(offset, r.err)
			return offset, true
		}
		if !emit(r.page) {
			return offset, true
		}
		n := len(r.page.Items)
		if !r.page.More || n == 0 {
			return offset, true
		}
		offset += n
		if n != step {
			// A short page in the middle: the planned offsets no longer
			// match the list. Go on one page at a time from here.
			return offset, false
		}
	}
}

// windowState tracks a time-windowed listing: the time of the last item
// yielded and the IDs yielded within a second of it, so that moving the
// window neither skips nor repeats items.
type windowState[T any] struct {
	w         *timeWindow[T]
	started   time.Time
	boundary  time.Time            // time of the last item yielded
	near      map[string]time.Time // IDs yielded, with their times, near boundary
	lastSlide time.Time            // boundary at the last slide
	slid      bool                 // whether the window moved yet
}

func newWindowState[T any](w *timeWindow[T]) *windowState[T] {
	return &windowState[T]{w: w, started: time.Now(), near: map[string]time.Time{}}
}

// admit reports whether an item is new, and records it.
func (s *windowState[T]) admit(it T) bool {
	t, id := s.w.timeOf(it), s.w.idOf(it)
	if _, seen := s.near[id]; seen {
		return false
	}
	s.boundary = t
	s.near[id] = t
	if len(s.near) > 512 {
		// Keep only what a slide can read again: items within a second of
		// the boundary.
		for k, kt := range s.near {
			if absDur(kt.Sub(t)) > time.Second {
				delete(s.near, k)
			}
		}
	}
	return true
}

// slide moves the query's window to start (descending: to end) one second
// short of the last item's time, so that items sharing that second are read
// again and recognised by ID.
func (s *windowState[T]) slide(q url.Values) error {
	if s.slid && s.boundary.Equal(s.lastSlide) {
		return fmt.Errorf("more than %d items share the second %s: the API cannot page past them", OffsetCeiling, s.boundary.Format(time.RFC3339))
	}
	s.lastSlide, s.slid = s.boundary, true
	q.Del("date_range")
	if s.w.desc {
		q.Set("until", s.boundary.Add(time.Second).UTC().Format(time.RFC3339))
		if !s.w.since.IsZero() {
			q.Set("since", s.w.since.UTC().Format(time.RFC3339))
		}
		return nil
	}
	q.Set("since", s.boundary.Add(-time.Second).UTC().Format(time.RFC3339))
	until := s.w.until
	if until.IsZero() {
		until = s.started
	}
	q.Set("until", until.UTC().Format(time.RFC3339))
	return nil
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

func cloneValues(v url.Values) url.Values {
	out := make(url.Values, len(v)+2)
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// cursorList describes a cursor-paginated list.
type cursorList[T any] struct {
	path, key string
	query     url.Values
	limit     int
	cursor    string
}

// iterate streams the items of a cursor-paginated list. A null or empty
// next_cursor ends it.
func (l *cursorList[T]) iterate(ctx context.Context, c *Client) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		q := cloneValues(l.query)
		if l.limit > 0 {
			q.Set("limit", strconv.Itoa(l.limit))
		}
		cursor := l.cursor
		yielded := 0
		for {
			if cursor != "" {
				q.Set("cursor", cursor)
			}
			p, err := getPage[T](ctx, c, l.path, l.key, q)
			if err != nil {
				yield(zero, &ListError{Path: l.path, Cursor: cursor, Items: yielded, Err: err})
				return
			}
			for _, it := range p.Items {
				yielded++
				if !yield(it, nil) {
					return
				}
			}
			if p.NextCursor == "" || p.NextCursor == cursor {
				return
			}
			cursor = p.NextCursor
		}
	}
}

// errSeq is a sequence that yields only err.
func errSeq[T any](err error) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		yield(zero, err)
	}
}
