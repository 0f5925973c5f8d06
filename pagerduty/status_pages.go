package pagerduty

import (
	"context"
	"net/url"
	"time"
)

// StatusPageType says who can see a status page.
type StatusPageType string

// The kinds of status pages.
const (
	StatusPagePublic  StatusPageType = "public"
	StatusPagePrivate StatusPageType = "private"
)

// StatusPagePostType says what a status page post announces: an incident
// or planned maintenance. Impacts, severities and statuses are defined per
// post type.
type StatusPagePostType string

// The post types.
const (
	PostIncident    StatusPagePostType = "incident"
	PostMaintenance StatusPagePostType = "maintenance"
)

// PostReviewStatus says whether a post or post update has been approved for
// publication.
type PostReviewStatus string

// The review states.
const (
	ReviewApproved    PostReviewStatus = "approved"
	ReviewNotReviewed PostReviewStatus = "not_reviewed"
)

// StatusPage is a page that tells customers (public) or employees (private)
// how your business services are doing.
type StatusPage struct {
	ID             string         `json:"id"`
	Type           string         `json:"type,omitempty"`
	Name           string         `json:"name"`
	StatusPageType StatusPageType `json:"status_page_type"`
	// URL is where readers find the page.
	URL string `json:"url,omitempty"`
	// PublishedAt is when the page was published; zero while it is not.
	PublishedAt time.Time `json:"published_at,omitzero"`
}

// StatusPageService is a business service shown on a status page.
type StatusPageService struct {
	ID         string     `json:"id"`
	Type       string     `json:"type,omitempty"`
	Self       string     `json:"self,omitempty"`
	Name       string     `json:"name"`
	StatusPage *Reference `json:"status_page,omitempty"`
	// BusinessService is the business service the page shows.
	BusinessService *Reference `json:"business_service,omitempty"`
}

// StatusPageImpact is a level of impact a post update can give a service on
// a status page, such as "major outage".
type StatusPageImpact struct {
	ID          string             `json:"id"`
	Type        string             `json:"type,omitempty"`
	Self        string             `json:"self,omitempty"`
	Description string             `json:"description"`
	PostType    StatusPagePostType `json:"post_type"`
	StatusPage  *Reference         `json:"status_page,omitempty"`
}

// StatusPageSeverity is a severity a post update can have, such as "minor".
type StatusPageSeverity struct {
	ID          string             `json:"id"`
	Type        string             `json:"type,omitempty"`
	Self        string             `json:"self,omitempty"`
	Description string             `json:"description"`
	PostType    StatusPagePostType `json:"post_type"`
	StatusPage  *Reference         `json:"status_page,omitempty"`
}

// StatusPageStatus is a stage a post update can announce, such as
// "investigating" or "resolved".
type StatusPageStatus struct {
	ID          string             `json:"id"`
	Type        string             `json:"type,omitempty"`
	Self        string             `json:"self,omitempty"`
	Description string             `json:"description"`
	PostType    StatusPagePostType `json:"post_type"`
	StatusPage  *Reference         `json:"status_page,omitempty"`
}

// ListStatusPagesOptions filters a status page listing.
type ListStatusPagesOptions struct {
	// Type keeps public or private pages.
	Type StatusPageType `url:"status_page_type"`
}

// PostTypeFilter keeps the impacts, severities or statuses of one post type.
type PostTypeFilter struct {
	// PostType is PostIncident, PostMaintenance or empty (both).
	PostType StatusPagePostType `url:"post_type"`
}

func checkStatusPagePostType(field string, t StatusPagePostType) error {
	return oneOfIfSet(field, t, PostIncident, PostMaintenance)
}

func checkPostReview(r PostReviewStatus) error {
	return oneOfIfSet("ReviewedStatus", r, ReviewApproved, ReviewNotReviewed)
}

// List returns the account's status pages, as one page: the API sends them
// at once and Page.More says whether it held some back.
//
// OAuth scope status_pages.read.
func (s *StatusPagesService) List(ctx context.Context, opts *ListStatusPagesOptions) (*Page[StatusPage], error) {
	q := url.Values{}
	if opts != nil {
		if err := oneOfIfSet("Type", opts.Type, StatusPagePublic, StatusPagePrivate); err != nil {
			return nil, err
		}
		encodeQuery(q, opts)
	}
	return getPage[StatusPage](ctx, s.client, "/status_pages", "status_pages", q)
}

// ListServices returns the business services shown on the status page id.
//
// OAuth scope status_pages.read.
func (s *StatusPagesService) ListServices(ctx context.Context, id string) (*Page[StatusPageService], error) {
	return pageAt[StatusPageService](ctx, s.client, "/status_pages/{id}/services", "services", nil, id)
}

// GetService returns the service serviceID of the status page id.
//
// OAuth scope status_pages.read.
func (s *StatusPagesService) GetService(ctx context.Context, id, serviceID string) (*StatusPageService, error) {
	return getAt[StatusPageService](ctx, s.client, "/status_pages/{id}/services/{service_id}", "service", id, serviceID)
}

func (f *PostTypeFilter) query() (url.Values, error) {
	q := url.Values{}
	if f == nil {
		return q, nil
	}
	if err := checkStatusPagePostType("PostType", f.PostType); err != nil {
		return nil, err
	}
	encodeQuery(q, f)
	return q, nil
}

// postTypePage returns the list under key at tmpl filled with id, for the
// post type f names (both when f is nil).
func postTypePage[T any](ctx context.Context, c *Client, tmpl, key, id string, f *PostTypeFilter) (*Page[T], error) {
	q, err := f.query()
	if err != nil {
		return nil, err
	}
	return pageAt[T](ctx, c, tmpl, key, q, id)
}

// ListImpacts returns the impact levels of the status page id, for one post
// type or (nil filter) both.
//
// OAuth scope status_pages.read.
func (s *StatusPagesService) ListImpacts(ctx context.Context, id string, f *PostTypeFilter) (*Page[StatusPageImpact], error) {
	return postTypePage[StatusPageImpact](ctx, s.client, "/status_pages/{id}/impacts", "impacts", id, f)
}

// GetImpact returns the impact level impactID of the status page id.
//
// OAuth scope status_pages.read.
func (s *StatusPagesService) GetImpact(ctx context.Context, id, impactID string) (*StatusPageImpact, error) {
	return getAt[StatusPageImpact](ctx, s.client, "/status_pages/{id}/impacts/{impact_id}", "impact", id, impactID)
}

// ListSeverities returns the severities of the status page id, for one post
// type or (nil filter) both.
//
// OAuth scope status_pages.read.
func (s *StatusPagesService) ListSeverities(ctx context.Context, id string, f *PostTypeFilter) (*Page[StatusPageSeverity], error) {
	return postTypePage[StatusPageSeverity](ctx, s.client, "/status_pages/{id}/severities", "severities", id, f)
}

// GetSeverity returns the severity severityID of the status page id.
//
// OAuth scope status_pages.read.
func (s *StatusPagesService) GetSeverity(ctx context.Context, id, severityID string) (*StatusPageSeverity, error) {
	return getAt[StatusPageSeverity](ctx, s.client, "/status_pages/{id}/severities/{severity_id}", "severity", id, severityID)
}

// ListStatuses returns the statuses of the status page id, for one post type
// or (nil filter) both.
//
// OAuth scope status_pages.read.
func (s *StatusPagesService) ListStatuses(ctx context.Context, id string, f *PostTypeFilter) (*Page[StatusPageStatus], error) {
	return postTypePage[StatusPageStatus](ctx, s.client, "/status_pages/{id}/statuses", "statuses", id, f)
}

// GetStatus returns the status statusID of the status page id.
//
// OAuth scope status_pages.read.
func (s *StatusPagesService) GetStatus(ctx context.Context, id, statusID string) (*StatusPageStatus, error) {
	return getAt[StatusPageStatus](ctx, s.client, "/status_pages/{id}/statuses/{status_id}", "status", id, statusID)
}
