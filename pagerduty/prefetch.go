package pagerduty

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"sync"
)

// MaxPrefetch is the most pages a listing fetches ahead of its loop.
const MaxPrefetch = 32

type prefetchKey struct{}

// ContextWithPrefetch returns a context under which the offset-paginated
// list iterators (Incidents.List, LogEntries.List and the others that page
// with limit and offset) fetch up to pages pages ahead of the loop, several
// at a time, instead of one page after the other. It pays when each request
// waits on the network: at 100 ms a request, one page after the other reads
// 10 pages a second, while four at a time read as fast as the client's rate
// limit allows (16 a second by default).
//
// What stays the same: items come in the API's order, each once; every
// request waits on the client's rate limiter and honours a 429's pause like
// any other, so concurrent pages never go faster than the limit; an error
// is yielded after the items of the pages before it, and ends the listing.
// What changes: the first page asks for the total (total=true), which tells
// the iterator which offsets to fetch; up to pages pages are held in memory
// or in flight at once; breaking out of the loop cancels the requests in
// flight and waits for them to end. Cursor-paginated lists, and lists whose
// answer has no total, are fetched one page at a time.
//
//	ctx := pagerduty.ContextWithPrefetch(ctx, 4)
//	for inc, err := range c.Incidents.List(ctx, nil) { ... }
//
// pages <= 1 turns prefetching off; more than MaxPrefetch means
// MaxPrefetch. ListOptions.Prefetch asks the same of one listing.
func ContextWithPrefetch(ctx context.Context, pages int) context.Context {
	return context.WithValue(ctx, prefetchKey{}, min(max(pages, 0), MaxPrefetch))
}

// prefetchPages returns how many pages ctx asks to fetch ahead; 0 or 1
// means one at a time.
func prefetchPages(ctx context.Context) int {
	n, _ := ctx.Value(prefetchKey{}).(int)
	return n
}

// pageResult is a fetched page or the error that replaced it.
type pageResult[T any] struct {
	page *Page[T]
	err  error
}

// prefetcher fetches the pages of an offset list at fixed offsets, up to
// window of them at a time, and hands them over in order.
type prefetcher[T any] struct {
	ctx     context.Context
	path    string
	cancel  context.CancelFunc
	wg      sync.WaitGroup
	results []chan pageResult[T] // one per offset, in order
	slots   chan struct{}        // a token per page fetched and not yet taken
	next    int                  // the next result to hand over
}

// startPrefetch starts fetching the pages of l at offsets, with the query q
// (filters only) and page size limit.
func startPrefetch[T any](ctx context.Context, c *Client, l *offsetList[T], q url.Values, limit int, offsets []int, window int) *prefetcher[T] {
	ctx, cancel := context.WithCancel(ctx)
	p := &prefetcher[T]{
		ctx:     ctx,
		path:    l.path,
		cancel:  cancel,
		results: make([]chan pageResult[T], len(offsets)),
		slots:   make(chan struct{}, window),
	}
	for i := range p.results {
		p.results[i] = make(chan pageResult[T], 1)
	}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		for i, off := range offsets {
			select {
			case p.slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			if ctx.Err() != nil {
				return // both were ready and select chose the slot
			}
			pq := cloneValues(q)
			pq.Set("limit", strconv.Itoa(limit))
			pq.Set("offset", strconv.Itoa(off))
			p.wg.Add(1)
			go func(out chan<- pageResult[T]) {
				defer p.wg.Done()
				page, err := getPage[T](ctx, c, l.path, l.key, pq)
				out <- pageResult[T]{page, err}
			}(p.results[i])
		}
	}()
	return p
}

// take returns the next page in order, or the error that replaced it; ok
// is false when every page was handed over.
func (p *prefetcher[T]) take() (r pageResult[T], ok bool) {
	if p.next == len(p.results) {
		return r, false
	}
	select {
	case r = <-p.results[p.next]:
	case <-p.ctx.Done():
		// The caller's context ended before this page was asked for.
		r.err = fmt.Errorf("pagerduty: GET %s: %w", p.path, p.ctx.Err())
	}
	p.next++
	select {
	case <-p.slots:
	default: // the page was never asked for
	}
	return r, true
}

// stop cancels the requests in flight and waits for them to end.
func (p *prefetcher[T]) stop() {
	p.cancel()
	p.wg.Wait()
}
