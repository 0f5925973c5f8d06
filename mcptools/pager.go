package mcptools

import (
	"fmt"
	"strings"

	"github.com/pdkit/pdkit/pagerduty"
)

// PageInfo says whether a list has more, and how to read it.
type PageInfo struct {
	// Total counts every matching item, when PagerDuty says.
	Total *int `json:"total,omitempty"`
	// HasMore reports that NextCursor reads more.
	HasMore bool `json:"has_more"`
	// NextCursor is the cursor argument that reads the next page.
	NextCursor string `json:"next_cursor,omitempty"`
}

// header starts the text of a list: "3 teams of 12:".
func (p *PageInfo) header(n int, word string) string {
	if n == 0 && !p.HasMore {
		return "No " + plurals(word) + " match."
	}
	if p.Total != nil {
		return fmt.Sprintf("%s of %d:", plural(n, word), *p.Total)
	}
	return plural(n, word) + ":"
}

// footer ends the text of a list with how to read on.
func (p *PageInfo) footer() string {
	if !p.HasMore {
		return ""
	}
	return fmt.Sprintf("\nMore match: call again with cursor %q to read the next page.", p.NextCursor)
}

// pager reads one page of an offset-paginated list for a tool, with an
// opaque cursor tied to the query.
type pager struct {
	fp            string
	offset, limit int
}

// newPager checks limit and cursor. key is the tool's input with its
// cursor and limit zeroed: the query the cursor belongs to.
func newPager(tool string, key any, limit int, cursor string) (*pager, error) {
	l, err := pageLimit(limit)
	if err != nil {
		return nil, err
	}
	fp := fingerprint(tool, key)
	c, err := decodeCursor(cursor, fp)
	if err != nil {
		return nil, err
	}
	if c.Offset+l > pagerduty.OffsetCeiling {
		return nil, argError("cursor", "PagerDuty pages through at most %d items of one list: narrow it with a query or filters", pagerduty.OffsetCeiling)
	}
	return &pager{fp: fp, offset: c.Offset, limit: l}, nil
}

// options returns the pagination of the request.
func (p *pager) options() pagerduty.ListOptions {
	return pagerduty.ListOptions{Limit: p.limit, Offset: p.offset, Total: true}
}

// info describes the page that came back with n items.
func (p *pager) info(n int, more bool, total *int) PageInfo {
	pi := PageInfo{Total: total}
	if more && n > 0 {
		pi.HasMore = true
		pi.NextCursor = encodeCursor(pageCursor{Offset: p.offset + n, Query: p.fp})
	}
	return pi
}

// trimEach trims each of items into what tools answer with (an empty list,
// not nil, for none).
func trimEach[T, R any](items []T, trim func(*T) R) []R {
	out := make([]R, len(items))
	for i := range items {
		out[i] = trim(&items[i])
	}
	return out
}

func lines[T any](items []T, line func(*T) string) string {
	var b strings.Builder
	for i := range items {
		b.WriteString("\n" + line(&items[i]))
	}
	return b.String()
}
