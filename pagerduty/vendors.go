package pagerduty

import (
	"context"
	"iter"
)

// ListVendorsOptions pages the vendor catalogue. The zero value reads it all.
type ListVendorsOptions struct {
	ListOptions
}

// List streams the vendors PagerDuty can receive events from, in pages,
// fetching the next page only when the loop asks for it.
//
// OAuth scope vendors.read.
func (s *VendorsService) List(ctx context.Context, opts *ListVendorsOptions) iter.Seq2[Vendor, error] {
	return offsetSeqAt[Vendor](ctx, s.client, "/vendors", "vendors", pagedQuery(opts))
}

// ListPage returns one page of vendors with its paging facts.
//
// OAuth scope vendors.read.
func (s *VendorsService) ListPage(ctx context.Context, opts *ListVendorsOptions) (*Page[Vendor], error) {
	return offsetPageAt[Vendor](ctx, s.client, "/vendors", "vendors", pagedQuery(opts))
}

// Get returns the vendor with the given ID.
//
// OAuth scope vendors.read.
func (s *VendorsService) Get(ctx context.Context, id string) (*Vendor, error) {
	path, err := expandPath("/vendors/{id}", id)
	if err != nil {
		return nil, err
	}
	// The API description shows the vendor wrapped in a one-item array;
	// both shapes are accepted.
	return objectOrFirstCall[Vendor](ctx, s.client, &request{method: "GET", path: path}, "vendor")
}
