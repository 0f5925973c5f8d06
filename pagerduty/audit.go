package pagerduty

import (
	"context"
	"iter"
	"net/url"
)

// AuditResourceType is a kind of object whose changes the account's audit
// trail records.
type AuditResourceType string

// The kinds of objects the audit trail covers.
const (
	AuditResourceUsers              AuditResourceType = "users"
	AuditResourceTeams              AuditResourceType = "teams"
	AuditResourceSchedules          AuditResourceType = "schedules"
	AuditResourceEscalationPolicies AuditResourceType = "escalation_policies"
	AuditResourceServices           AuditResourceType = "services"
	AuditResourceIPAllowLists       AuditResourceType = "ip_allow_lists"
)

// AuditActorType is the kind of author of an audited change.
type AuditActorType string

// The kinds of authors of audited changes.
const (
	AuditActorUser   AuditActorType = "user_reference"
	AuditActorAPIKey AuditActorType = "api_key_reference"
	AuditActorApp    AuditActorType = "app_reference"
)

// AuditAction is what an audited change did.
type AuditAction string

// The actions the audit trail can be filtered on.
const (
	AuditActionCreate AuditAction = "create"
	AuditActionUpdate AuditAction = "update"
	AuditActionDelete AuditAction = "delete"
)

// ListAccountAuditRecordsOptions filters and pages the account's audit
// trail. The zero value lists the records of the API's default window (the
// last 24 hours), newest first.
type ListAccountAuditRecordsOptions struct {
	ListAuditRecordsOptions

	// RootResourceTypes keeps the records of these kinds of objects.
	RootResourceTypes []AuditResourceType `url:"root_resource_types[]"`
	// ActorType and ActorID keep the changes of one author; ActorID needs
	// ActorType.
	ActorType AuditActorType `url:"actor_type"`
	ActorID   string         `url:"actor_id"`
	// MethodType keeps the changes made through one means of
	// authentication.
	MethodType AuditMethodType `url:"method_type"`
	// MethodTruncatedToken keeps the changes made with one API token, named
	// by its last characters; it needs MethodType AuditMethodAPIToken.
	MethodTruncatedToken string `url:"method_truncated_token"`
	// Actions keeps the records of these actions.
	Actions []AuditAction `url:"actions[]"`
}

func (o *ListAccountAuditRecordsOptions) query() (url.Values, CursorOptions, error) {
	if o == nil {
		return url.Values{}, CursorOptions{}, nil
	}
	if _, _, err := o.ListAuditRecordsOptions.query(); err != nil {
		return nil, CursorOptions{}, err
	}
	if err := oneOf("RootResourceTypes", o.RootResourceTypes, AuditResourceUsers, AuditResourceTeams, AuditResourceSchedules,
		AuditResourceEscalationPolicies, AuditResourceServices, AuditResourceIPAllowLists); err != nil {
		return nil, CursorOptions{}, err
	}
	if err := oneOfIfSet("ActorType", o.ActorType, AuditActorUser, AuditActorAPIKey, AuditActorApp); err != nil {
		return nil, CursorOptions{}, err
	}
	if o.ActorID != "" {
		if o.ActorType == "" {
			return nil, CursorOptions{}, required("ActorType", "the kind of author ActorID names, such as "+string(AuditActorUser))
		}
		if err := checkIDs("ActorID", []string{o.ActorID}); err != nil {
			return nil, CursorOptions{}, err
		}
	}
	if err := oneOfIfSet("MethodType", o.MethodType, AuditMethodBrowser, AuditMethodOAuth, AuditMethodAPIToken,
		AuditMethodIdentityProvider, AuditMethodOther); err != nil {
		return nil, CursorOptions{}, err
	}
	if o.MethodTruncatedToken != "" && o.MethodType != AuditMethodAPIToken {
		return nil, CursorOptions{}, required("MethodType", "MethodTruncatedToken names an API token, so MethodType must be "+string(AuditMethodAPIToken))
	}
	if err := oneOf("Actions", o.Actions, AuditActionCreate, AuditActionUpdate, AuditActionDelete); err != nil {
		return nil, CursorOptions{}, err
	}
	return cursorFilters(o, o.CursorOptions)
}

// List streams the account's audit trail, newest first, following the
// cursor from page to page. Breaking out of the loop stops fetching.
//
// OAuth scope audit_records.read.
func (s *AuditService) List(ctx context.Context, opts *ListAccountAuditRecordsOptions) iter.Seq2[AuditRecord, error] {
	return cursorSeqAt[AuditRecord](ctx, s.client, "/audit/records", "records", opts.query)
}

// ListPage returns one page of the account's audit trail; pass its
// NextCursor as opts.Cursor to read the next.
//
// OAuth scope audit_records.read.
func (s *AuditService) ListPage(ctx context.Context, opts *ListAccountAuditRecordsOptions) (*Page[AuditRecord], error) {
	return cursorPageAt[AuditRecord](ctx, s.client, "/audit/records", "records", opts.query)
}
