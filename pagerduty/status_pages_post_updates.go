package pagerduty

import (
	"context"
	"fmt"
	"net/url"
	"time"
)

// StatusPagePostUpdate is one message of a status page post: its status,
// severity and the services it impacts, at a time.
type StatusPagePostUpdate struct {
	ID             string           `json:"id"`
	Type           string           `json:"type,omitempty"`
	Self           string           `json:"self,omitempty"`
	Post           *Reference       `json:"post,omitempty"`
	Message        string           `json:"message,omitempty"`
	ReviewedStatus PostReviewStatus `json:"reviewed_status,omitempty"`
	// Status and Severity refer to the status page's statuses and
	// severities (see ListStatuses and ListSeverities).
	Status   *Reference `json:"status,omitempty"`
	Severity *Reference `json:"severity,omitempty"`
	// ImpactedServices are the services the update affects, with how.
	ImpactedServices []StatusPageImpactedService `json:"impacted_services,omitempty"`
	// UpdateFrequencyMS is when the next update is promised, in
	// milliseconds; nil when none is.
	UpdateFrequencyMS *int `json:"update_frequency_ms,omitempty"`
	// NotifySubscribers says whether the page's subscribers were told.
	NotifySubscribers bool      `json:"notify_subscribers"`
	ReportedAt        time.Time `json:"reported_at,omitzero"`
}

// NextUpdateIn returns the time within which the next update is promised,
// and false when none is.
func (u *StatusPagePostUpdate) NextUpdateIn() (time.Duration, bool) {
	if u.UpdateFrequencyMS == nil {
		return 0, false
	}
	return time.Duration(*u.UpdateFrequencyMS) * time.Millisecond, true
}

// StatusPageImpactedService is a status page service and the impact a post
// update gives it.
type StatusPageImpactedService struct {
	Service *Reference `json:"service,omitempty"`
	Impact  *Reference `json:"impact,omitempty"`
}

// PostUpdateParams describes a post update.
type PostUpdateParams struct {
	// Message is required (it may hold rich text).
	Message string
	// StatusID and SeverityID are required: one of the page's statuses and
	// severities for the post's type.
	StatusID   string
	SeverityID string
	// ImpactedServices gives services of the page an impact.
	ImpactedServices []StatusPageImpactedServiceParams
	// UpdateFrequency promises the next update within this time (whole
	// milliseconds); zero promises none.
	UpdateFrequency time.Duration
	// NotifySubscribers tells the page's subscribers.
	NotifySubscribers bool
	// ReportedAt backdates the update; zero means now.
	ReportedAt time.Time
}

// StatusPageImpactedServiceParams gives the status page service ServiceID
// the impact ImpactID (see ListServices and ListImpacts).
type StatusPageImpactedServiceParams struct {
	ServiceID string
	ImpactID  string
}

// postRef names a post in a post update, with its ID even when empty.
type postRef struct {
	ID   string `json:"id"`
	Type string `json:"type"`
}

type postUpdateWire struct {
	Type              string                      `json:"type"`
	Post              *postRef                    `json:"post"`
	Message           string                      `json:"message"`
	Status            Reference                   `json:"status"`
	Severity          Reference                   `json:"severity"`
	ImpactedServices  []StatusPageImpactedService `json:"impacted_services"`
	UpdateFrequencyMS *int64                      `json:"update_frequency_ms"`
	NotifySubscribers bool                        `json:"notify_subscribers"`
	ReportedAt        *time.Time                  `json:"reported_at,omitempty"`
}

// wire checks p and builds the body object; postID is empty inside a new
// post.
func (p *PostUpdateParams) wire(postID string) (*postUpdateWire, error) {
	if p == nil {
		return nil, missing("PostUpdateParams", "a message, a status and a severity")
	}
	if p.Message == "" {
		return nil, missing("Message", "the text of the update")
	}
	if p.StatusID == "" {
		return nil, missing("StatusID", "one of the status page's statuses (ListStatuses)")
	}
	if p.SeverityID == "" {
		return nil, missing("SeverityID", "one of the status page's severities (ListSeverities)")
	}
	if err := checkIDs("StatusID", []string{p.StatusID}); err != nil {
		return nil, err
	}
	if err := checkIDs("SeverityID", []string{p.SeverityID}); err != nil {
		return nil, err
	}
	if p.UpdateFrequency < 0 {
		return nil, fmt.Errorf("pagerduty: UpdateFrequency %s is negative", p.UpdateFrequency)
	}
	if p.UpdateFrequency%time.Millisecond != 0 {
		return nil, fmt.Errorf("pagerduty: UpdateFrequency %s is not a whole number of milliseconds", p.UpdateFrequency)
	}
	w := &postUpdateWire{
		Type: "status_page_post_update", Message: p.Message,
		Status:            Ref("status_page_status", p.StatusID),
		Severity:          Ref("status_page_severity", p.SeverityID),
		ImpactedServices:  []StatusPageImpactedService{},
		NotifySubscribers: p.NotifySubscribers,
		ReportedAt:        statusPageTime(p.ReportedAt),
	}
	// The description requires the post in every update, even in the
	// updates of a post being created, which has no ID yet: those name it
	// with an empty ID.
	w.Post = &postRef{ID: postID, Type: "status_page_post"}
	if p.UpdateFrequency > 0 {
		ms := p.UpdateFrequency.Milliseconds()
		w.UpdateFrequencyMS = &ms
	}
	for i, is := range p.ImpactedServices {
		if err := checkIDs(fmt.Sprintf("ImpactedServices[%d].ServiceID", i), []string{is.ServiceID}); err != nil {
			return nil, err
		}
		if err := checkIDs(fmt.Sprintf("ImpactedServices[%d].ImpactID", i), []string{is.ImpactID}); err != nil {
			return nil, err
		}
		svc, imp := Ref("status_page_service", is.ServiceID), Ref("status_page_impact", is.ImpactID)
		w.ImpactedServices = append(w.ImpactedServices, StatusPageImpactedService{Service: &svc, Impact: &imp})
	}
	return w, nil
}

// ListPostUpdatesOptions filters a listing of a post's updates.
type ListPostUpdatesOptions struct {
	// ReviewedStatus keeps approved or not yet reviewed updates.
	ReviewedStatus PostReviewStatus `url:"reviewed_status"`
}

// ListPostUpdates returns the updates of the post postID of the status page
// id.
//
// OAuth scope status_pages.read.
func (s *StatusPagesService) ListPostUpdates(ctx context.Context, id, postID string, opts *ListPostUpdatesOptions) (*Page[StatusPagePostUpdate], error) {
	q := url.Values{}
	if opts != nil {
		if err := checkPostReview(opts.ReviewedStatus); err != nil {
			return nil, err
		}
		encodeQuery(q, opts)
	}
	return pageAt[StatusPagePostUpdate](ctx, s.client, "/status_pages/{id}/posts/{post_id}/post_updates", "post_updates", q, id, postID)
}

// GetPostUpdate returns the update updateID of the post postID of the status
// page id.
//
// OAuth scope status_pages.read.
func (s *StatusPagesService) GetPostUpdate(ctx context.Context, id, postID, updateID string) (*StatusPagePostUpdate, error) {
	return getAt[StatusPagePostUpdate](ctx, s.client, "/status_pages/{id}/posts/{post_id}/post_updates/{post_update_id}", "post_update", id, postID, updateID)
}

// CreatePostUpdate adds an update to the post postID of the status page id
// and returns it. It is not sent twice after a failure that may have reached
// PagerDuty.
//
// OAuth scope status_pages.write.
func (s *StatusPagesService) CreatePostUpdate(ctx context.Context, id, postID string, p *PostUpdateParams) (*StatusPagePostUpdate, error) {
	return writeAt[StatusPagePostUpdate](ctx, s.client, "POST", "/status_pages/{id}/posts/{post_id}/post_updates", "post_update",
		func() (*postUpdateWire, error) { return p.wire(postID) },
		id, postID)
}

// UpdatePostUpdate replaces the update updateID of the post postID of the
// status page id, and returns it.
//
// OAuth scope status_pages.write.
func (s *StatusPagesService) UpdatePostUpdate(ctx context.Context, id, postID, updateID string, p *PostUpdateParams) (*StatusPagePostUpdate, error) {
	return writeAt[StatusPagePostUpdate](ctx, s.client, "PUT", "/status_pages/{id}/posts/{post_id}/post_updates/{post_update_id}", "post_update",
		func() (*postUpdateWire, error) { return p.wire(postID) },
		id, postID, updateID)
}

// DeletePostUpdate removes the update updateID of the post postID of the
// status page id.
//
// OAuth scope status_pages.write.
func (s *StatusPagesService) DeletePostUpdate(ctx context.Context, id, postID, updateID string) error {
	return deleteAt(ctx, s.client, "/status_pages/{id}/posts/{post_id}/post_updates/{post_update_id}", id, postID, updateID)
}
