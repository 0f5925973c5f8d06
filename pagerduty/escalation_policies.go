package pagerduty

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/url"
	"strings"
)

// EscalationPoliciesService reads and changes escalation policies and
// reads their audit trails.
type EscalationPoliciesService service

// HandoffNotifications says when the users of an escalation policy get
// on-call handoff notifications.
type HandoffNotifications string

// The handoff notification settings.
const (
	// HandoffIfHasServices notifies only when the policy is used by a
	// service (the default).
	HandoffIfHasServices HandoffNotifications = "if_has_services"
	// HandoffAlways notifies in any case.
	HandoffAlways HandoffNotifications = "always"
)

// AssignmentStrategy says how an escalation rule with several targets
// assigns an incident.
type AssignmentStrategy string

// The assignment strategies.
const (
	// AssignToEveryone assigns the incident to every target of the rule.
	AssignToEveryone AssignmentStrategy = "assign_to_everyone"
	// AssignRoundRobin assigns the incident to one target after another.
	AssignRoundRobin AssignmentStrategy = "round_robin"
)

// UnmarshalJSON reads a strategy sent as a string ("round_robin"), as an
// object ({"type": "round_robin"}) or as a list of one such object: the API
// has used all three.
func (s *AssignmentStrategy) UnmarshalJSON(b []byte) error {
	var str *string
	if json.Unmarshal(b, &str) == nil {
		if str != nil {
			*s = AssignmentStrategy(*str)
		}
		return nil
	}
	type typed struct {
		Type string `json:"type"`
	}
	var obj typed
	if json.Unmarshal(b, &obj) == nil {
		*s = AssignmentStrategy(obj.Type)
		return nil
	}
	var list []typed
	if err := json.Unmarshal(b, &list); err != nil {
		return fmt.Errorf("an assignment strategy is a string, an object with a type, or a list of those: %s", truncate(string(b), 60))
	}
	if len(list) > 0 {
		*s = AssignmentStrategy(list[0].Type)
	}
	return nil
}

// EscalationPolicy says whom to notify of an incident, in which order, and
// how long to wait before escalating to the next rule.
type EscalationPolicy struct {
	ID      string `json:"id,omitempty"`
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
	// NumLoops is how many times the rules repeat when nobody acknowledges.
	NumLoops int `json:"num_loops,omitempty"`
	// OnCallHandoffNotifications says when its users get handoff
	// notifications.
	OnCallHandoffNotifications HandoffNotifications `json:"on_call_handoff_notifications,omitempty"`
	// EscalationRules are the levels of the policy, in order.
	EscalationRules []EscalationRule `json:"escalation_rules,omitempty"`
	// Services are the services that use the policy (in full with
	// IncludeEPServices).
	Services []Service `json:"services,omitempty"`
	// Teams are the teams the policy belongs to (in full with
	// IncludeEPTeams).
	Teams []Team `json:"teams,omitempty"`
}

// EscalationRule is one level of an escalation policy: its targets (users
// and schedules) and the minutes to wait before the next level.
type EscalationRule struct {
	ID                       string             `json:"id,omitempty"`
	EscalationDelayInMinutes int                `json:"escalation_delay_in_minutes"`
	Targets                  []EscalationTarget `json:"targets"`
	// AssignmentStrategy says how the rule assigns an incident to its
	// targets (IncludeEPAssignmentStrategies).
	AssignmentStrategy AssignmentStrategy `json:"escalation_rule_assignment_strategy,omitempty"`
}

// EscalationTarget is whom an escalation rule notifies: a user or a
// schedule. Type is "user_reference", "schedule_reference" or
// "schedule_v3_reference" for references, and "user" or "schedule" for the
// full objects IncludeEPTargets embeds.
type EscalationTarget struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`
	// Name is the name of an embedded target.
	Name string `json:"name,omitempty"`
	// User is the full user, when the target is an embedded user.
	User *User `json:"-"`
	// Schedule is the full schedule, when the target is an embedded
	// schedule.
	Schedule *Schedule `json:"-"`
}

// UnmarshalJSON reads a target and, when it is a full user or schedule,
// the object.
func (t *EscalationTarget) UnmarshalJSON(b []byte) error {
	type plain EscalationTarget
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*t = EscalationTarget(p)
	switch t.Type {
	case "user":
		t.User = new(User)
		return json.Unmarshal(b, t.User)
	case "schedule":
		t.Schedule = new(Schedule)
		return json.Unmarshal(b, t.Schedule)
	}
	return nil
}

// Ref returns the reference to the target that writes take.
func (t EscalationTarget) Ref() Reference {
	typ := t.Type
	switch typ {
	case "user", "schedule":
		typ += "_reference"
	}
	return Reference{ID: t.ID, Type: typ}
}

// Params returns the parameters that recreate the policy as it is: the
// starting point of a change made with EscalationPolicies.Update.
func (ep *EscalationPolicy) Params() *EscalationPolicyParams {
	p := &EscalationPolicyParams{Name: ep.Name, OnCallHandoffNotifications: ep.OnCallHandoffNotifications}
	desc, loops := ep.Description, ep.NumLoops
	p.Description, p.NumLoops = &desc, &loops
	for _, r := range ep.EscalationRules {
		rp := EscalationRuleParams{EscalationDelayInMinutes: r.EscalationDelayInMinutes, AssignmentStrategy: r.AssignmentStrategy}
		for _, t := range r.Targets {
			rp.Targets = append(rp.Targets, t.Ref())
		}
		p.Rules = append(p.Rules, rp)
	}
	for _, t := range ep.Teams {
		p.TeamIDs = append(p.TeamIDs, t.ID)
	}
	return p
}

// EscalationPolicyInclude names what an escalation policy answer can embed
// in full.
type EscalationPolicyInclude string

// The expansions escalation policy answers accept.
const (
	IncludeEPServices             EscalationPolicyInclude = "services"
	IncludeEPTeams                EscalationPolicyInclude = "teams"
	IncludeEPTargets              EscalationPolicyInclude = "targets"
	IncludeEPAssignmentStrategies EscalationPolicyInclude = "escalation_rule_assignment_strategies"
)

var epIncludes = []EscalationPolicyInclude{IncludeEPServices, IncludeEPTeams, IncludeEPTargets, IncludeEPAssignmentStrategies}

// ListEscalationPoliciesOptions filters and pages an escalation policy
// listing. The zero value lists every policy, by name.
type ListEscalationPoliciesOptions struct {
	ListOptions

	// Query keeps the policies whose name contains this text.
	Query string `url:"query"`
	// UserIDs keeps the policies that target any of these users.
	UserIDs []string `url:"user_ids[]"`
	// TeamIDs keeps the policies of these teams.
	TeamIDs []string `url:"team_ids[]"`
	// Includes embeds these objects in full.
	Includes []EscalationPolicyInclude `url:"include[]"`
	// SortBy orders the list: "name", "name:asc" or "name:desc".
	SortBy string `url:"sort_by"`
}

func (o *ListEscalationPoliciesOptions) query() (url.Values, ListOptions, error) {
	if o == nil {
		return url.Values{}, ListOptions{}, nil
	}
	if err := checkIDs("UserIDs", o.UserIDs); err != nil {
		return nil, ListOptions{}, err
	}
	if err := checkIDs("TeamIDs", o.TeamIDs); err != nil {
		return nil, ListOptions{}, err
	}
	if err := oneOf("Includes", o.Includes, epIncludes...); err != nil {
		return nil, ListOptions{}, err
	}
	if err := oneOfIfSet("SortBy", o.SortBy, "name", "name:asc", "name:desc"); err != nil {
		return nil, ListOptions{}, err
	}
	return pagedFilters(o, o.ListOptions)
}

// List streams the escalation policies that match opts, fetching pages as
// the loop asks for them; breaking out of the loop stops fetching.
//
// OAuth scope escalation_policies.read.
func (s *EscalationPoliciesService) List(ctx context.Context, opts *ListEscalationPoliciesOptions) iter.Seq2[EscalationPolicy, error] {
	return offsetSeqAt[EscalationPolicy](ctx, s.client, "/escalation_policies", "escalation_policies", opts.query)
}

// ListPage returns one page of the escalation policies that match opts, at
// opts.Offset, with the pagination facts.
//
// OAuth scope escalation_policies.read.
func (s *EscalationPoliciesService) ListPage(ctx context.Context, opts *ListEscalationPoliciesOptions) (*Page[EscalationPolicy], error) {
	return offsetPageAt[EscalationPolicy](ctx, s.client, "/escalation_policies", "escalation_policies", opts.query)
}

// GetEscalationPolicyOptions selects what an escalation policy answer
// embeds.
type GetEscalationPolicyOptions struct {
	// Includes embeds these objects in full.
	Includes []EscalationPolicyInclude `url:"include[]"`
}

// Get returns the escalation policy with the given ID.
//
// OAuth scope escalation_policies.read.
func (s *EscalationPoliciesService) Get(ctx context.Context, id string, opts *GetEscalationPolicyOptions) (*EscalationPolicy, error) {
	return getIncluding[EscalationPolicy](ctx, s.client, "/escalation_policies/{id}", "escalation_policy", []string{id}, opts,
		func(o *GetEscalationPolicyOptions) []EscalationPolicyInclude { return o.Includes }, epIncludes...)
}

// EscalationPolicyParams describes an escalation policy to create, or the
// whole new state of one to update (the API replaces its rules). Name and
// at least one rule are required. EscalationPolicy.Params gives the
// parameters of an existing policy, to change and send back.
type EscalationPolicyParams struct {
	// From is the email of the PagerDuty user making the change; empty
	// means the client's WithFrom. It is optional.
	From string `json:"-"`

	Name string
	// Description is free text; nil leaves it to the API.
	Description *string
	// NumLoops is how many times the rules repeat when nobody
	// acknowledges; nil leaves it to the API (0 on creation).
	NumLoops *int
	// OnCallHandoffNotifications says when users get handoff
	// notifications; empty leaves it to the API (HandoffIfHasServices).
	OnCallHandoffNotifications HandoffNotifications
	// Rules are the levels of the policy, in order.
	Rules []EscalationRuleParams
	// TeamIDs are the teams the policy belongs to (the API accepts one).
	TeamIDs []string
}

// EscalationRuleParams describes one level of an escalation policy.
type EscalationRuleParams struct {
	// EscalationDelayInMinutes is how long an unacknowledged incident
	// stays at this level.
	EscalationDelayInMinutes int
	// Targets are the users and schedules notified, 1 to 10 references
	// such as Ref("user_reference", "PABC123") or
	// Ref("schedule_reference", "PDEF456").
	Targets []Reference
	// AssignmentStrategy says how the incident is assigned to the targets;
	// empty leaves it to the API.
	AssignmentStrategy AssignmentStrategy
}

type escalationPolicyWire struct {
	Type                       string               `json:"type"`
	Name                       string               `json:"name"`
	Description                *string              `json:"description,omitempty"`
	NumLoops                   *int                 `json:"num_loops,omitempty"`
	OnCallHandoffNotifications HandoffNotifications `json:"on_call_handoff_notifications,omitempty"`
	EscalationRules            []escalationRuleWire `json:"escalation_rules"`
	Teams                      []Reference          `json:"teams,omitempty"`
}

type escalationRuleWire struct {
	EscalationDelayInMinutes int                `json:"escalation_delay_in_minutes"`
	Targets                  []Reference        `json:"targets"`
	AssignmentStrategy       AssignmentStrategy `json:"escalation_rule_assignment_strategy,omitempty"`
}

var escalationTargetTypes = []string{"user_reference", "schedule_reference", "schedule_v3_reference", "user", "schedule"}

func (p *EscalationPolicyParams) wire() (*escalationPolicyWire, error) {
	if p == nil {
		return nil, required("the escalation policy params", "pass an *EscalationPolicyParams")
	}
	if strings.TrimSpace(p.Name) == "" {
		return nil, required("Name", "the policy's name")
	}
	if p.NumLoops != nil && *p.NumLoops < 0 {
		return nil, fmt.Errorf("pagerduty: NumLoops %d is negative", *p.NumLoops)
	}
	if err := oneOfIfSet("OnCallHandoffNotifications", p.OnCallHandoffNotifications, HandoffIfHasServices, HandoffAlways); err != nil {
		return nil, err
	}
	if len(p.Rules) == 0 {
		return nil, required("Rules", "at least one escalation rule with its targets")
	}
	w := &escalationPolicyWire{Type: "escalation_policy", Name: p.Name, Description: p.Description,
		NumLoops: p.NumLoops, OnCallHandoffNotifications: p.OnCallHandoffNotifications}
	for i, r := range p.Rules {
		if r.EscalationDelayInMinutes < 0 {
			return nil, fmt.Errorf("pagerduty: Rules[%d].EscalationDelayInMinutes %d is negative", i, r.EscalationDelayInMinutes)
		}
		if len(r.Targets) == 0 || len(r.Targets) > 10 {
			return nil, fmt.Errorf("pagerduty: Rules[%d] has %d targets: a rule has 1 to 10 users or schedules", i, len(r.Targets))
		}
		if r.AssignmentStrategy != "" {
			if err := oneOf(fmt.Sprintf("Rules[%d].AssignmentStrategy", i), []AssignmentStrategy{r.AssignmentStrategy}, AssignRoundRobin, AssignToEveryone); err != nil {
				return nil, err
			}
		}
		rw := escalationRuleWire{EscalationDelayInMinutes: r.EscalationDelayInMinutes, AssignmentStrategy: r.AssignmentStrategy}
		for j, t := range r.Targets {
			field := fmt.Sprintf("Rules[%d].Targets[%d]", i, j)
			if err := ValidateID(t.ID); err != nil {
				return nil, fmt.Errorf("%s.ID: %w", field, err)
			}
			if err := oneOf(field+".Type", []string{t.Type}, escalationTargetTypes...); err != nil {
				return nil, err
			}
			rw.Targets = append(rw.Targets, refOnly(t))
		}
		w.EscalationRules = append(w.EscalationRules, rw)
	}
	if err := checkIDs("TeamIDs", p.TeamIDs); err != nil {
		return nil, err
	}
	for _, id := range p.TeamIDs {
		w.Teams = append(w.Teams, Reference{ID: id, Type: "team_reference"})
	}
	return w, nil
}

// Create adds an escalation policy and returns it.
//
// OAuth scope escalation_policies.write.
func (s *EscalationPoliciesService) Create(ctx context.Context, p *EscalationPolicyParams) (*EscalationPolicy, error) {
	w, err := p.wire()
	if err != nil {
		return nil, err
	}
	r := &request{method: "POST", path: "/escalation_policies", body: map[string]any{"escalation_policy": w}, from: p.From}
	return objectCall[EscalationPolicy](ctx, s.client, r, "escalation_policy")
}

// Update replaces the escalation policy with the given ID with p and
// returns it as it is now.
//
// OAuth scope escalation_policies.write.
func (s *EscalationPoliciesService) Update(ctx context.Context, id string, p *EscalationPolicyParams) (*EscalationPolicy, error) {
	path, err := expandPath("/escalation_policies/{id}", id)
	if err != nil {
		return nil, err
	}
	w, err := p.wire()
	if err != nil {
		return nil, err
	}
	r := &request{method: "PUT", path: path, body: map[string]any{"escalation_policy": w}, from: p.From}
	return objectCall[EscalationPolicy](ctx, s.client, r, "escalation_policy")
}

// Delete removes the escalation policy with the given ID. The API refuses
// while a service uses it.
//
// OAuth scope escalation_policies.write.
func (s *EscalationPoliciesService) Delete(ctx context.Context, id string) error {
	return deleteAt(ctx, s.client, "/escalation_policies/{id}", id)
}

// ListAuditRecords streams the audit trail of the escalation policy with
// the given ID, newest first, following the cursor from page to page.
//
// OAuth scope audit_records.read.
func (s *EscalationPoliciesService) ListAuditRecords(ctx context.Context, id string, opts *ListAuditRecordsOptions) iter.Seq2[AuditRecord, error] {
	return auditRecords(ctx, s.client, "/escalation_policies/{id}/audit/records", id, opts)
}

// ListAuditRecordsPage returns one page of the audit trail of the
// escalation policy with the given ID; pass its NextCursor as opts.Cursor
// to read the next.
//
// OAuth scope audit_records.read.
func (s *EscalationPoliciesService) ListAuditRecordsPage(ctx context.Context, id string, opts *ListAuditRecordsOptions) (*Page[AuditRecord], error) {
	return auditRecordsPage(ctx, s.client, "/escalation_policies/{id}/audit/records", id, opts)
}
