package pagerduty

import (
	"context"
	"iter"
	"time"
)

// LicenseWithCounts is a license of the account with how many of its seats
// are taken and how many remain.
type LicenseWithCounts struct {
	License
	// CurrentValue is the number of users holding the license.
	CurrentValue int `json:"current_value"`
	// AllocationsAvailable is the number of seats left; nil when the license
	// has no limit.
	AllocationsAvailable *int `json:"allocations_available"`
}

// LicenseAllocation says which license a user holds and since when.
type LicenseAllocation struct {
	User        Reference `json:"user"`
	License     License   `json:"license"`
	AllocatedAt time.Time `json:"allocated_at"`
}

// ListLicenseAllocationsOptions pages the license allocations. The zero value
// reads them all.
type ListLicenseAllocationsOptions struct {
	ListOptions
}

// List returns the account's licenses with their seat counts.
//
// OAuth scope licenses.read.
func (s *LicensesService) List(ctx context.Context) ([]LicenseWithCounts, error) {
	return sliceCall[LicenseWithCounts](ctx, s.client, "/licenses", "licenses", nil)
}

// ListAllocations streams which user holds which license, in pages, fetching
// the next page only when the loop asks for it.
//
// OAuth scope licenses.read.
func (s *LicensesService) ListAllocations(ctx context.Context, opts *ListLicenseAllocationsOptions) iter.Seq2[LicenseAllocation, error] {
	return offsetSeqAt[LicenseAllocation](ctx, s.client, "/license_allocations", "license_allocations", pagedQuery(opts))
}

// ListAllocationsPage returns one page of license allocations with its
// paging facts.
//
// OAuth scope licenses.read.
func (s *LicensesService) ListAllocationsPage(ctx context.Context, opts *ListLicenseAllocationsOptions) (*Page[LicenseAllocation], error) {
	return offsetPageAt[LicenseAllocation](ctx, s.client, "/license_allocations", "license_allocations", pagedQuery(opts))
}
