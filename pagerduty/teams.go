package pagerduty

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/url"
	"strings"
)

// TeamDefaultRole is the role that people outside a team have on its
// objects: "manager" makes the team public, "none" private.
type TeamDefaultRole string

// The default roles of teams.
const (
	TeamDefaultManager TeamDefaultRole = "manager"
	TeamDefaultNone    TeamDefaultRole = "none"
)

// TeamRole is a member's role in a team.
type TeamRole string

// The roles of team members.
const (
	TeamRoleObserver  TeamRole = "observer"
	TeamRoleResponder TeamRole = "responder"
	TeamRoleManager   TeamRole = "manager"
)

// Team is a group of users and the services, schedules and escalation
// policies they own.
type Team struct {
	ID      string `json:"id,omitempty"`
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
	// DefaultRole is the role people outside the team have on its objects.
	DefaultRole TeamDefaultRole `json:"default_role,omitempty"`
	// Parent is the team this one belongs to, if any.
	Parent *Reference `json:"parent,omitempty"`
	// Privileges are the caller's privileges on the team, as the API sends
	// them, when asked for (IncludeTeamPrivileges).
	Privileges json.RawMessage `json:"privileges,omitempty"`
}

// TeamsService reads and changes teams, their members, their escalation
// policies, their status update subscriptions and their audit trails.
type TeamsService service

// ListTeamsOptions filters and pages a team listing. The zero value lists
// every team of the account.
type ListTeamsOptions struct {
	ListOptions

	// Query keeps the teams whose name contains this text.
	Query string `url:"query"`
}

// List streams the teams that match opts, fetching pages as the loop asks
// for them; breaking out of the loop stops fetching.
//
// OAuth scope teams.read.
func (s *TeamsService) List(ctx context.Context, opts *ListTeamsOptions) iter.Seq2[Team, error] {
	return offsetSeqAt[Team](ctx, s.client, "/teams", "teams", pagedQuery(opts))
}

// ListPage returns one page of the teams that match opts, at opts.Offset,
// with the pagination facts.
//
// OAuth scope teams.read.
func (s *TeamsService) ListPage(ctx context.Context, opts *ListTeamsOptions) (*Page[Team], error) {
	return offsetPageAt[Team](ctx, s.client, "/teams", "teams", pagedQuery(opts))
}

// TeamInclude names what a team answer can embed.
type TeamInclude string

// IncludeTeamPrivileges embeds the caller's privileges on the team.
const IncludeTeamPrivileges TeamInclude = "privileges"

// GetTeamOptions selects what a team answer embeds.
type GetTeamOptions struct {
	// Includes embeds these objects.
	Includes []TeamInclude `url:"include[]"`
}

// Get returns the team with the given ID.
//
// OAuth scope teams.read.
func (s *TeamsService) Get(ctx context.Context, id string, opts *GetTeamOptions) (*Team, error) {
	return getIncluding[Team](ctx, s.client, "/teams/{id}", "team", []string{id}, opts,
		func(o *GetTeamOptions) []TeamInclude { return o.Includes }, IncludeTeamPrivileges)
}

// TeamParams describes a team to create, or its new state. Name is
// required.
type TeamParams struct {
	// Name is the team's name, at most 100 characters.
	Name string
	// Description is free text, at most 1024 characters. On Update, empty
	// leaves it as it is and a pointer to "" clears it.
	Description *string
	// DefaultRole makes the team public (TeamDefaultManager, the API's
	// default) or private (TeamDefaultNone).
	DefaultRole TeamDefaultRole
}

type teamWire struct {
	Type        string          `json:"type"`
	Name        string          `json:"name"`
	Description *string         `json:"description,omitempty"`
	DefaultRole TeamDefaultRole `json:"default_role,omitempty"`
}

func (p *TeamParams) wire() (*teamWire, error) {
	if p == nil {
		return nil, required("the team params", "pass a *TeamParams")
	}
	if strings.TrimSpace(p.Name) == "" {
		return nil, required("Name", "the team's name")
	}
	if n := len([]rune(p.Name)); n > 100 {
		return nil, fmt.Errorf("pagerduty: Name is %d characters long: at most 100 are accepted", n)
	}
	if p.Description != nil && len([]rune(*p.Description)) > 1024 {
		return nil, fmt.Errorf("pagerduty: Description is %d characters long: at most 1024 are accepted", len([]rune(*p.Description)))
	}
	if err := oneOfIfSet("DefaultRole", p.DefaultRole, TeamDefaultManager, TeamDefaultNone); err != nil {
		return nil, err
	}
	return &teamWire{Type: "team", Name: p.Name, Description: p.Description, DefaultRole: p.DefaultRole}, nil
}

// Create adds a team to the account and returns it.
//
// OAuth scope teams.write.
func (s *TeamsService) Create(ctx context.Context, p *TeamParams) (*Team, error) {
	return writeAt[Team](ctx, s.client, "POST", "/teams", "team", p.wire)
}

// Update changes the team with the given ID and returns it as it is now.
//
// OAuth scope teams.write.
func (s *TeamsService) Update(ctx context.Context, id string, p *TeamParams) (*Team, error) {
	return writeAt[Team](ctx, s.client, "PUT", "/teams/{id}", "team", p.wire, id)
}

// DeleteTeamOptions says what becomes of a deleted team's open incidents.
type DeleteTeamOptions struct {
	// ReassignmentTeamID moves the team's unresolved incidents to this
	// team. Empty leaves them to the account, with no team.
	ReassignmentTeamID string `url:"reassignment_team"`
}

// Delete removes the team with the given ID. Its unresolved incidents go to
// opts.ReassignmentTeamID, or to no team.
//
// OAuth scope teams.write.
func (s *TeamsService) Delete(ctx context.Context, id string, opts *DeleteTeamOptions) error {
	path, err := expandPath("/teams/{id}", id)
	if err != nil {
		return err
	}
	q := url.Values{}
	if opts != nil && opts.ReassignmentTeamID != "" {
		if err := ValidateID(opts.ReassignmentTeamID); err != nil {
			return fmt.Errorf("ReassignmentTeamID: %w", err)
		}
		encodeQuery(q, opts)
	}
	return s.client.do(ctx, &request{method: "DELETE", path: path, query: q}, nil)
}

// ListAuditRecords streams the audit trail of the team with the given ID,
// newest first, following the cursor from page to page.
//
// OAuth scope audit_records.read.
func (s *TeamsService) ListAuditRecords(ctx context.Context, id string, opts *ListAuditRecordsOptions) iter.Seq2[AuditRecord, error] {
	return auditRecords(ctx, s.client, "/teams/{id}/audit/records", id, opts)
}

// ListAuditRecordsPage returns one page of the audit trail of the team with
// the given ID; pass its NextCursor as opts.Cursor to read the next.
//
// OAuth scope audit_records.read.
func (s *TeamsService) ListAuditRecordsPage(ctx context.Context, id string, opts *ListAuditRecordsOptions) (*Page[AuditRecord], error) {
	return auditRecordsPage(ctx, s.client, "/teams/{id}/audit/records", id, opts)
}

// ListNotificationSubscriptions returns the incidents and business
// services whose status updates the team with the given ID follows. The API
// answers with one page and documents no way to ask for the next: More and
// Total say whether the page holds them all.
//
// OAuth scope subscribers.read.
func (s *TeamsService) ListNotificationSubscriptions(ctx context.Context, id string) (*Page[NotificationSubscription], error) {
	return listSubscriptions(ctx, s.client, "/teams/{id}/notification_subscriptions", id)
}

// Subscribe makes the team with the given ID follow the status updates of
// the given incidents and business services. The answer has one
// subscription per object, whose Result says whether it was made, already
// existed or was refused.
//
// OAuth scope subscribers.write.
func (s *TeamsService) Subscribe(ctx context.Context, id string, items ...Subscribable) ([]NotificationSubscription, error) {
	return subscribe(ctx, s.client, "/teams/{id}/notification_subscriptions", id, items)
}

// Unsubscribe stops the status updates of the given incidents and business
// services for the team with the given ID, and counts what it did.
//
// OAuth scope subscribers.write.
func (s *TeamsService) Unsubscribe(ctx context.Context, id string, items ...Subscribable) (*UnsubscribeResult, error) {
	return unsubscribe(ctx, s.client, "/teams/{id}/notification_subscriptions/unsubscribe", id, items)
}
