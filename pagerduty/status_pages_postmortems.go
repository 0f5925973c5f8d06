package pagerduty

import (
	"context"
	"fmt"
	"time"
)

// StatusPagePostmortem is the account of what happened that closes a status
// page post.
type StatusPagePostmortem struct {
	ID   string     `json:"id"`
	Type string     `json:"type,omitempty"`
	Self string     `json:"self,omitempty"`
	Post *Reference `json:"post,omitempty"`
	// Message is the postmortem's text (it may hold rich text).
	Message string `json:"message"`
	// NotifySubscribers says whether the page's subscribers were told.
	NotifySubscribers bool      `json:"notify_subscribers"`
	ReportedAt        time.Time `json:"reported_at,omitzero"`
}

// PostmortemParams is the postmortem SetPostmortem writes.
type PostmortemParams struct {
	// Message is required, at most 10,000 characters (it may hold rich
	// text).
	Message string
	// NotifySubscribers tells the page's subscribers.
	NotifySubscribers bool
}

// GetPostmortem returns the postmortem of the post postID of the status page
// id; an *APIError with status 404 means it has none.
//
// OAuth scope status_pages.read.
func (s *StatusPagesService) GetPostmortem(ctx context.Context, id, postID string) (*StatusPagePostmortem, error) {
	return getAt[StatusPagePostmortem](ctx, s.client, "/status_pages/{id}/posts/{post_id}/postmortem", "postmortem", id, postID)
}

// SetPostmortem writes the postmortem of the post postID of the status page
// id, creating it or replacing the one there, and returns it.
//
// OAuth scope status_pages.write.
func (s *StatusPagesService) SetPostmortem(ctx context.Context, id, postID string, p *PostmortemParams) (*StatusPagePostmortem, error) {
	path, err := expandPath("/status_pages/{id}/posts/{post_id}/postmortem", id, postID)
	if err != nil {
		return nil, err
	}
	if p == nil || p.Message == "" {
		return nil, missing("Message", "the text of the postmortem")
	}
	if n := len([]rune(p.Message)); n > 10000 {
		return nil, fmt.Errorf("pagerduty: Message is %d characters long: a postmortem has at most 10000", n)
	}
	body := map[string]any{"postmortem": map[string]any{
		"type":               "status_page_post_postmortem",
		"post":               Ref("status_page_post", postID),
		"message":            p.Message,
		"notify_subscribers": p.NotifySubscribers,
	}}
	return objectCall[StatusPagePostmortem](ctx, s.client, &request{method: "PUT", path: path, body: body}, "postmortem")
}

// DeletePostmortem removes the postmortem of the post postID of the status
// page id.
//
// OAuth scope status_pages.write.
func (s *StatusPagesService) DeletePostmortem(ctx context.Context, id, postID string) error {
	return deleteAt(ctx, s.client, "/status_pages/{id}/posts/{post_id}/postmortem", id, postID)
}
