package pagerduty

import (
	"context"
	"fmt"
	"net/url"
	"time"
)

// StatusPagePost is an announcement on a status page: an incident or a
// maintenance, told through its post updates.
type StatusPagePost struct {
	ID       string             `json:"id"`
	Type     string             `json:"type,omitempty"`
	Self     string             `json:"self,omitempty"`
	Title    string             `json:"title"`
	PostType StatusPagePostType `json:"post_type"`
	// StartsAt and EndsAt are the window of a maintenance; zero for
	// incidents.
	StartsAt   time.Time  `json:"starts_at,omitzero"`
	EndsAt     time.Time  `json:"ends_at,omitzero"`
	StatusPage *Reference `json:"status_page,omitempty"`
	// LinkedResource is the PagerDuty object the post is about, such as an
	// incident, when there is one.
	LinkedResource *Reference `json:"linked_resource,omitempty"`
	// Postmortem refers to the post's postmortem, when it has one.
	Postmortem *Reference `json:"postmortem,omitempty"`
	// Updates are the post's updates: references, or in full with
	// IncludePostUpdates.
	Updates []StatusPagePostUpdate `json:"updates,omitempty"`
}

// StatusPagePostInclude names what a post answer can embed in full.
type StatusPagePostInclude string

// IncludePostUpdates embeds the post's updates in full.
const IncludePostUpdates StatusPagePostInclude = "status_page_post_update"

// ListStatusPagePostsOptions filters a listing of a status page's posts.
type ListStatusPagePostsOptions struct {
	// PostType keeps incident or maintenance posts.
	PostType StatusPagePostType `url:"post_type"`
	// ReviewedStatus keeps approved or not yet reviewed posts.
	ReviewedStatus PostReviewStatus `url:"reviewed_status"`
	// StatusIDs keeps the posts whose latest update has one of these
	// statuses (see ListStatuses).
	StatusIDs []string `url:"status[]"`
}

// GetStatusPagePostOptions selects what a post answer embeds.
type GetStatusPagePostOptions struct {
	// Includes embeds IncludePostUpdates.
	Includes []StatusPagePostInclude `url:"include[]"`
}

// StatusPagePostParams describes a post: what CreatePost adds, or what
// UpdatePost puts in place of the post's title, type and window.
type StatusPagePostParams struct {
	// Title is required, 1 to 128 characters.
	Title string
	// PostType is required: PostIncident or PostMaintenance.
	PostType StatusPagePostType
	// StartsAt and EndsAt are the window of a maintenance, required for
	// PostMaintenance; leave them zero for an incident.
	StartsAt, EndsAt time.Time
	// Updates are the post's first updates, 1 to 50, required by
	// CreatePost; UpdatePost refuses them (use UpdatePostUpdate).
	Updates []PostUpdateParams
}

type statusPagePostWire struct {
	Type       string             `json:"type"`
	Title      string             `json:"title"`
	PostType   StatusPagePostType `json:"post_type"`
	StartsAt   *time.Time         `json:"starts_at"`
	EndsAt     *time.Time         `json:"ends_at"`
	Updates    []postUpdateWire   `json:"updates,omitempty"`
	StatusPage Reference          `json:"status_page"`
}

func statusPageTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

func (p *StatusPagePostParams) wire(pageID string, create bool) (*statusPagePostWire, error) {
	if p == nil {
		return nil, missing("StatusPagePostParams", "a title, a post type and, to create, the first update")
	}
	if p.Title == "" {
		return nil, missing("Title", "the post's title")
	}
	if n := len([]rune(p.Title)); n > 128 {
		return nil, fmt.Errorf("pagerduty: Title is %d characters long: a post title has at most 128", n)
	}
	if p.PostType == "" {
		return nil, missing("PostType", fmt.Sprintf("%q or %q", PostIncident, PostMaintenance))
	}
	if err := checkStatusPagePostType("PostType", p.PostType); err != nil {
		return nil, err
	}
	if p.PostType == PostMaintenance && (p.StartsAt.IsZero() || p.EndsAt.IsZero()) {
		return nil, fmt.Errorf("pagerduty: StartsAt and EndsAt are required: the window of a maintenance post")
	}
	if !p.StartsAt.IsZero() && !p.EndsAt.IsZero() && !p.EndsAt.After(p.StartsAt) {
		return nil, fmt.Errorf("pagerduty: EndsAt (%s) must be after StartsAt (%s)", p.EndsAt.Format(time.RFC3339), p.StartsAt.Format(time.RFC3339))
	}
	w := &statusPagePostWire{
		Type: "status_page_post", Title: p.Title, PostType: p.PostType,
		StartsAt: statusPageTime(p.StartsAt), EndsAt: statusPageTime(p.EndsAt),
		StatusPage: Ref("status_page", pageID),
	}
	switch {
	case !create && len(p.Updates) > 0:
		return nil, fmt.Errorf("pagerduty: Updates: UpdatePost does not change a post's updates; use UpdatePostUpdate or CreatePostUpdate")
	case create && len(p.Updates) == 0:
		return nil, missing("Updates", "the post's first update (1 to 50)")
	case len(p.Updates) > 50:
		return nil, fmt.Errorf("pagerduty: Updates has %d items: a new post takes at most 50", len(p.Updates))
	}
	for i := range p.Updates {
		u, err := p.Updates[i].wire("")
		if err != nil {
			return nil, fmt.Errorf("in Updates[%d]: %w", i, err)
		}
		w.Updates = append(w.Updates, *u)
	}
	return w, nil
}

// ListPosts returns the posts of the status page id that match opts.
//
// OAuth scope status_pages.read.
func (s *StatusPagesService) ListPosts(ctx context.Context, id string, opts *ListStatusPagePostsOptions) (*Page[StatusPagePost], error) {
	q := url.Values{}
	if opts != nil {
		if err := checkStatusPagePostType("PostType", opts.PostType); err != nil {
			return nil, err
		}
		if err := checkPostReview(opts.ReviewedStatus); err != nil {
			return nil, err
		}
		if err := checkIDs("StatusIDs", opts.StatusIDs); err != nil {
			return nil, err
		}
		encodeQuery(q, opts)
	}
	return pageAt[StatusPagePost](ctx, s.client, "/status_pages/{id}/posts", "posts", q, id)
}

// GetPost returns the post postID of the status page id.
//
// OAuth scope status_pages.read.
func (s *StatusPagesService) GetPost(ctx context.Context, id, postID string, opts *GetStatusPagePostOptions) (*StatusPagePost, error) {
	return getIncluding[StatusPagePost](ctx, s.client, "/status_pages/{id}/posts/{post_id}", "post", []string{id, postID}, opts,
		func(o *GetStatusPagePostOptions) []StatusPagePostInclude { return o.Includes }, IncludePostUpdates)
}

// CreatePost publishes a post with its first updates on the status page id
// and returns it. A post is not sent twice after a failure that may have
// reached PagerDuty: look for it before trying again.
//
// OAuth scope status_pages.write.
func (s *StatusPagesService) CreatePost(ctx context.Context, id string, p *StatusPagePostParams) (*StatusPagePost, error) {
	return writeAt[StatusPagePost](ctx, s.client, "POST", "/status_pages/{id}/posts", "post", func() (*statusPagePostWire, error) { return p.wire(id, true) }, id)
}

// UpdatePost replaces the title, type and window of the post postID of the
// status page id, and returns the post.
//
// OAuth scope status_pages.write.
func (s *StatusPagesService) UpdatePost(ctx context.Context, id, postID string, p *StatusPagePostParams) (*StatusPagePost, error) {
	return writeAt[StatusPagePost](ctx, s.client, "PUT", "/status_pages/{id}/posts/{post_id}", "post",
		func() (*statusPagePostWire, error) { return p.wire(id, false) },
		id, postID)
}

// DeletePost removes the post postID of the status page id.
//
// OAuth scope status_pages.write.
func (s *StatusPagesService) DeletePost(ctx context.Context, id, postID string) error {
	return deleteAt(ctx, s.client, "/status_pages/{id}/posts/{post_id}", id, postID)
}
