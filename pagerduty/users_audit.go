package pagerduty

import (
	"context"
	"fmt"
	"iter"
	"net/url"
	"time"
)

// AuditRecord is one entry of an audit trail: who changed which object,
// when, through which means, and which fields and references changed.
// Users, teams, escalation policies, services and schedules each have their
// own trail.
type AuditRecord struct {
	ID   string `json:"id"`
	Self string `json:"self,omitempty"`
	// ExecutionTime is when the change was made (millisecond precision).
	ExecutionTime time.Time `json:"execution_time"`
	// ExecutionContext says where the change came from.
	ExecutionContext *AuditExecutionContext `json:"execution_context,omitempty"`
	// Actors are who made the change: users, API keys, integrations.
	Actors []Reference `json:"actors,omitempty"`
	// Method is how the actors were authenticated.
	Method AuditMethod `json:"method"`
	// RootResource is the object whose trail this is.
	RootResource Reference `json:"root_resource"`
	// Action is what happened: "create", "update", "delete" and so on.
	Action string `json:"action"`
	// Details lists what changed, when the API knows.
	Details *AuditDetails `json:"details,omitempty"`
}

// AuditExecutionContext says where an audited change came from.
type AuditExecutionContext struct {
	RequestID     string `json:"request_id,omitempty"`
	RemoteAddress string `json:"remote_address,omitempty"`
}

// AuditMethodType is how the author of an audited change was authenticated.
type AuditMethodType string

// The authentication methods of audited changes.
const (
	AuditMethodBrowser          AuditMethodType = "browser"
	AuditMethodOAuth            AuditMethodType = "oauth"
	AuditMethodAPIToken         AuditMethodType = "api_token"
	AuditMethodIdentityProvider AuditMethodType = "identity_provider"
	AuditMethodOther            AuditMethodType = "other"
)

// AuditMethod describes how the author of an audited change was
// authenticated.
type AuditMethod struct {
	Type        AuditMethodType `json:"type"`
	Description string          `json:"description,omitempty"`
	// TruncatedToken is the last characters of the API token used, when
	// one was.
	TruncatedToken string `json:"truncated_token,omitempty"`
}

// AuditDetails lists what an audited change did to an object.
type AuditDetails struct {
	// Resource is the object changed (the root resource or one of its
	// parts, such as a user's contact method).
	Resource Reference `json:"resource"`
	// Fields are the fields affected, with their values before and after
	// when the API reports them.
	Fields []AuditField `json:"fields,omitempty"`
	// References are the lists of references affected (team members, for
	// example), with what was added and removed.
	References []AuditReferenceChange `json:"references,omitempty"`
}

// AuditField is a field an audited change affected. Value is set on creation
// and update, BeforeValue on update and deletion, when the API reports them.
type AuditField struct {
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Value       string `json:"value,omitempty"`
	BeforeValue string `json:"before_value,omitempty"`
}

// AuditReferenceChange is a list of references an audited change affected.
type AuditReferenceChange struct {
	Name        string      `json:"name"`
	Description string      `json:"description,omitempty"`
	Added       []Reference `json:"added,omitempty"`
	Removed     []Reference `json:"removed,omitempty"`
}

// ListAuditRecordsOptions filters and pages an audit trail. The zero value
// lists the records of the API's default window (the last 24 hours), newest
// first.
type ListAuditRecordsOptions struct {
	CursorOptions

	// Since and Until bound the time of the changes (at most 31 days
	// apart).
	Since time.Time `url:"since"`
	Until time.Time `url:"until"`
}

// query checks the options and returns the filters, without paging.
func (o *ListAuditRecordsOptions) query() (url.Values, CursorOptions, error) {
	if o == nil {
		return url.Values{}, CursorOptions{}, nil
	}
	if o.Limit < 0 {
		return nil, CursorOptions{}, fmt.Errorf("pagerduty: Limit %d is negative: use a positive page size, or 0 for the API's default", o.Limit)
	}
	if err := checkSinceUntil(o.Since, o.Until); err != nil {
		return nil, CursorOptions{}, err
	}
	return cursorFilters(o, o.CursorOptions)
}

// auditRecords streams the audit trail at the path template tmpl filled
// with id.
func auditRecords(ctx context.Context, c *Client, tmpl, id string, opts *ListAuditRecordsOptions) iter.Seq2[AuditRecord, error] {
	return cursorSeqAt[AuditRecord](ctx, c, tmpl, "records", opts.query, id)
}

// auditRecordsPage returns one page of the audit trail at tmpl filled with
// id.
func auditRecordsPage(ctx context.Context, c *Client, tmpl, id string, opts *ListAuditRecordsOptions) (*Page[AuditRecord], error) {
	return cursorPageAt[AuditRecord](ctx, c, tmpl, "records", opts.query, id)
}

// ListAuditRecords streams the audit trail of the user with the given ID,
// newest first, following the cursor from page to page. Breaking out of the
// loop stops fetching.
//
// OAuth scope audit_records.read.
func (s *UsersService) ListAuditRecords(ctx context.Context, id string, opts *ListAuditRecordsOptions) iter.Seq2[AuditRecord, error] {
	return auditRecords(ctx, s.client, "/users/{id}/audit/records", id, opts)
}

// ListAuditRecordsPage returns one page of the audit trail of the user with
// the given ID; pass its NextCursor as opts.Cursor to read the next.
//
// OAuth scope audit_records.read.
func (s *UsersService) ListAuditRecordsPage(ctx context.Context, id string, opts *ListAuditRecordsOptions) (*Page[AuditRecord], error) {
	return auditRecordsPage(ctx, s.client, "/users/{id}/audit/records", id, opts)
}
