package pagerduty

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
)

// The IP allow list calls are in Early Access: the API answers them only
// when each request carries this header.
const (
	earlyAccessHeader   = "X-EARLY-ACCESS"
	ipAllowListsFeature = "ip-allow-lists"
)

// withEarlyAccess returns a copy of r that carries the Early Access header
// of feature.
func withEarlyAccess(r *request, feature string) *request {
	r2 := *r
	r2.header = http.Header{earlyAccessHeader: {feature}}
	return &r2
}

// doEarlyAccess performs r with the Early Access header and decodes the
// answer into out (nil: discarded).
func (c *Client) doEarlyAccess(ctx context.Context, r *request, feature string, out any) error {
	return c.do(ctx, withEarlyAccess(r, feature), out)
}

// pageEarlyAccess fetches one page of a list with the Early Access header.
func pageEarlyAccess[T any](ctx context.Context, c *Client, r *request, feature, key string) (*Page[T], error) {
	resp, err := c.send(ctx, withEarlyAccess(r, feature))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := readAnswer(resp)
	if err != nil {
		return nil, fmt.Errorf("pagerduty: %s %s: %w", r.method, r.path, err)
	}
	p := &Page[T]{}
	limit, _ := strconv.Atoi(r.query.Get("limit"))
	if err := decodePage(b, key, min(limit, MaxPageSize), p); err != nil {
		return nil, fmt.Errorf("pagerduty: %s %s: decoding the answer: %w", r.method, r.path, err)
	}
	return p, nil
}
