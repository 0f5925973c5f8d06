package pagerduty

import (
	"context"
	"fmt"
	"iter"
	"strings"
	"time"
)

// RulesetType says whether a ruleset is the account's default one.
type RulesetType string

// The kinds of rulesets.
const (
	// RulesetGlobal is a ruleset created by the account.
	RulesetGlobal RulesetType = "global"
	// RulesetDefaultGlobal is the account's default ruleset.
	RulesetDefaultGlobal RulesetType = "default_global"
)

// Ruleset is a set of global event rules, reached through its routing keys.
// PagerDuty has announced the end of life of rulesets in favour of event
// orchestrations (see EventOrchestrationsService).
type Ruleset struct {
	ID   string      `json:"id,omitempty"`
	Self string      `json:"self,omitempty"`
	Type RulesetType `json:"type,omitempty"`
	Name string      `json:"name,omitempty"`
	// RoutingKeys are the keys events carry to reach the ruleset. Treat
	// them as secrets.
	RoutingKeys []string `json:"routing_keys,omitempty"`
	// Team owns the ruleset; nil when no team does.
	Team      *Reference `json:"team,omitempty"`
	CreatedAt time.Time  `json:"created_at,omitzero"`
	Creator   *Reference `json:"creator,omitempty"`
	UpdatedAt time.Time  `json:"updated_at,omitzero"`
	Updater   *Reference `json:"updater,omitempty"`
}

// ListRulesetsOptions pages a ruleset listing. The zero value lists every
// ruleset.
type ListRulesetsOptions struct {
	ListOptions
}

// List streams the account's rulesets, fetching pages as the loop asks for
// them.
//
// OAuth scope event_rules.read.
func (s *RulesetsService) List(ctx context.Context, opts *ListRulesetsOptions) iter.Seq2[Ruleset, error] {
	return offsetSeqAt[Ruleset](ctx, s.client, "/rulesets", "rulesets", pagedQuery(opts))
}

// ListPage returns one page of the account's rulesets, at opts.Offset, with
// the pagination facts.
//
// OAuth scope event_rules.read.
func (s *RulesetsService) ListPage(ctx context.Context, opts *ListRulesetsOptions) (*Page[Ruleset], error) {
	return offsetPageAt[Ruleset](ctx, s.client, "/rulesets", "rulesets", pagedQuery(opts))
}

// RulesetParams describes a ruleset to create, or the changes to make to
// one. Create needs Name; Update sends only what is set.
type RulesetParams struct {
	Name string
	// TeamID names the team that owns the ruleset; empty leaves it as it
	// is (no team, on Create).
	TeamID string
}

type rulesetWire struct {
	Name string     `json:"name,omitempty"`
	Team *Reference `json:"team,omitempty"`
}

func (p *RulesetParams) wire(create bool) (map[string]any, error) {
	if p == nil {
		return nil, required("the ruleset params", "pass a *RulesetParams")
	}
	if create && strings.TrimSpace(p.Name) == "" {
		return nil, required("Name", "the ruleset's name")
	}
	w := rulesetWire{Name: p.Name}
	if p.TeamID != "" {
		if err := ValidateID(p.TeamID); err != nil {
			return nil, fmt.Errorf("TeamID: %w", err)
		}
		w.Team = &Reference{ID: p.TeamID, Type: "team_reference"}
	}
	if w.Name == "" && w.Team == nil {
		return nil, fmt.Errorf("pagerduty: the ruleset params change nothing: set Name or TeamID")
	}
	return map[string]any{"ruleset": w}, nil
}

// Create adds a ruleset, with its routing key, and returns it.
//
// OAuth scope event_rules.write.
func (s *RulesetsService) Create(ctx context.Context, p *RulesetParams) (*Ruleset, error) {
	body, err := p.wire(true)
	if err != nil {
		return nil, err
	}
	// The API description's examples wrap the answer as "rulesets"; both
	// keys are accepted.
	return objectCall[Ruleset](ctx, s.client, &request{method: "POST", path: "/rulesets", body: body}, "ruleset", "rulesets")
}

// Get returns the ruleset id.
//
// OAuth scope event_rules.read.
func (s *RulesetsService) Get(ctx context.Context, id string) (*Ruleset, error) {
	return getAt[Ruleset](ctx, s.client, "/rulesets/{id}", "ruleset", id)
}

// Update renames the ruleset id or changes its team, and returns it as it
// is now.
//
// OAuth scope event_rules.write.
func (s *RulesetsService) Update(ctx context.Context, id string, p *RulesetParams) (*Ruleset, error) {
	path, err := expandPath("/rulesets/{id}", id)
	if err != nil {
		return nil, err
	}
	body, err := p.wire(false)
	if err != nil {
		return nil, err
	}
	return objectCall[Ruleset](ctx, s.client, &request{method: "PUT", path: path, body: body}, "ruleset", "rulesets")
}

// Delete removes the ruleset id with its rules.
//
// OAuth scope event_rules.write.
func (s *RulesetsService) Delete(ctx context.Context, id string) error {
	return deleteAt(ctx, s.client, "/rulesets/{id}", id)
}
