package pagerduty

import (
	"context"
	"iter"
	"net/url"
)

// Priority is an incident priority level of the account, such as P1.
type Priority struct {
	ID      string `json:"id,omitempty"`
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
	// Color is the priority's display color, as a hex code.
	Color string `json:"color,omitempty"`
	// Order sorts priorities: a higher order is a more urgent priority.
	Order int `json:"order,omitempty"`
}

// PrioritiesService lists the account's incident priorities.
type PrioritiesService service

// ListPrioritiesOptions pages a priority listing. Accounts have a handful
// of priorities, so the zero value (everything) is what most callers want.
type ListPrioritiesOptions struct {
	ListOptions
}

// List streams the account's priorities, most urgent first. An account
// without priorities enabled has none.
//
// OAuth scope priorities.read.
func (s *PrioritiesService) List(ctx context.Context, opts *ListPrioritiesOptions) iter.Seq2[Priority, error] {
	l := &offsetList[Priority]{path: "/priorities", key: "priorities", query: url.Values{}}
	if opts != nil {
		if err := opts.ListOptions.validate(); err != nil {
			return errSeq[Priority](err)
		}
		l.paging(opts.ListOptions)
	}
	return l.iterate(ctx, s.client)
}

// ListPage returns one page of the account's priorities, at opts.Offset,
// with the pagination facts.
//
// OAuth scope priorities.read.
func (s *PrioritiesService) ListPage(ctx context.Context, opts *ListPrioritiesOptions) (*Page[Priority], error) {
	q := url.Values{}
	if opts != nil {
		if err := opts.ListOptions.validate(); err != nil {
			return nil, err
		}
		pageParams(q, opts.ListOptions)
	}
	return getPage[Priority](ctx, s.client, "/priorities", "priorities", q)
}
