package pagerduty

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/url"
	"time"
)

// RunnerType is the kind of an automation actions runner.
type RunnerType string

// The kinds of runners.
const (
	// RunnerSidecar is a Process Automation runner installed in your
	// infrastructure; it runs script actions.
	RunnerSidecar RunnerType = "sidecar"
	// RunnerRunbook connects to a Runbook Automation server and starts its
	// jobs.
	RunnerRunbook RunnerType = "runbook"
)

// RunnerStatus says whether a runner is ready.
type RunnerStatus string

// The runner states.
const (
	RunnerConfigured    RunnerStatus = "Configured"
	RunnerNotConfigured RunnerStatus = "NotConfigured"
)

// AutomationRunner executes automation actions: a sidecar in your
// infrastructure or a connection to a Runbook Automation server.
type AutomationRunner struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	Name        string       `json:"name"`
	Description string       `json:"description,omitempty"`
	RunnerType  RunnerType   `json:"runner_type"`
	Status      RunnerStatus `json:"status"`
	CreatedAt   time.Time    `json:"creation_time"`
	// LastSeen is when the runner last reached PagerDuty.
	LastSeen time.Time `json:"last_seen,omitzero"`
	// RunbookBaseURI is the Runbook Automation server (runbook runners).
	RunbookBaseURI string `json:"runbook_base_uri,omitempty"`
	// Teams are the teams the runner is associated with.
	Teams []Reference `json:"teams,omitempty"`
	// Privileges are the caller's permissions on the runner.
	Privileges *AutomationPrivileges `json:"privileges,omitempty"`
	// AssociatedActions are a few of the runner's actions, when asked for
	// (IncludeRunnerAssociatedActions).
	AssociatedActions *RunnerActions `json:"associated_actions,omitempty"`
	// Metadata holds the API's free-form metadata, undecoded.
	Metadata json.RawMessage `json:"metadata,omitempty"`
	// Secret is the credential a new sidecar runner registers with; only
	// CreateRunner's answer carries it. Keep it out of logs.
	Secret string `json:"secret,omitempty"`
}

// RunnerActions are references to at most three of a runner's actions;
// More says whether it has others.
type RunnerActions struct {
	Actions []Reference `json:"actions"`
	More    bool        `json:"more"`
}

// RunnerInclude names what a runner listing can embed.
type RunnerInclude string

// IncludeRunnerAssociatedActions embeds references to a few of each runner's
// actions.
const IncludeRunnerAssociatedActions RunnerInclude = "associated_actions"

// AutomationRunnerParams describes a new runner.
type AutomationRunnerParams struct {
	// RunnerType is required: RunnerSidecar or RunnerRunbook.
	RunnerType RunnerType `json:"runner_type"`
	// Name and Description are required.
	Name        string `json:"name"`
	Description string `json:"description"`
	// RunbookBaseURI and RunbookAPIKey are required for a runbook runner and
	// refused for a sidecar: the Runbook Automation server and the API key
	// to reach it with.
	RunbookBaseURI string `json:"runbook_base_uri,omitempty"`
	RunbookAPIKey  string `json:"runbook_api_key,omitempty"`
	// TeamIDs associate the runner with teams.
	TeamIDs []string `json:"-"`
}

// String describes the params without the API key.
func (p AutomationRunnerParams) String() string {
	return fmt.Sprintf("{RunnerType:%s Name:%q RunbookBaseURI:%q TeamIDs:%v}", p.RunnerType, p.Name, p.RunbookBaseURI, p.TeamIDs)
}

type runnerParamsWire struct {
	*AutomationRunnerParams
	Teams []Reference `json:"teams,omitempty"`
}

func (p *AutomationRunnerParams) wire() (*runnerParamsWire, error) {
	if p == nil {
		return nil, missing("AutomationRunnerParams", "a runner type, a name and a description")
	}
	if p.RunnerType == "" {
		return nil, missing("RunnerType", fmt.Sprintf("%q or %q", RunnerSidecar, RunnerRunbook))
	}
	if err := oneOf("RunnerType", []RunnerType{p.RunnerType}, RunnerSidecar, RunnerRunbook); err != nil {
		return nil, err
	}
	if p.Name == "" {
		return nil, missing("Name", "the runner's name")
	}
	if p.Description == "" {
		return nil, missing("Description", "what the runner is for")
	}
	switch p.RunnerType {
	case RunnerRunbook:
		if p.RunbookBaseURI == "" {
			return nil, missing("RunbookBaseURI", "the Runbook Automation server a runbook runner connects to")
		}
		if p.RunbookAPIKey == "" {
			return nil, missing("RunbookAPIKey", "the API key of the Runbook Automation server")
		}
	case RunnerSidecar:
		if p.RunbookBaseURI != "" || p.RunbookAPIKey != "" {
			return nil, fmt.Errorf("pagerduty: RunbookBaseURI and RunbookAPIKey are for runbook runners, not sidecars")
		}
	}
	teams, err := automationRefs("TeamIDs", "team_reference", p.TeamIDs)
	if err != nil {
		return nil, err
	}
	return &runnerParamsWire{AutomationRunnerParams: p, Teams: teams}, nil
}

// AutomationRunnerUpdate changes a runner; empty fields are left as they
// are.
type AutomationRunnerUpdate struct {
	Name        string  `json:"name,omitempty"`
	Description *string `json:"description,omitempty"`
	// RunbookBaseURI and RunbookAPIKey change a runbook runner's server and
	// key.
	RunbookBaseURI string `json:"runbook_base_uri,omitempty"`
	RunbookAPIKey  string `json:"runbook_api_key,omitempty"`
}

// String describes the update without the API key.
func (u AutomationRunnerUpdate) String() string {
	return fmt.Sprintf("{Name:%q RunbookBaseURI:%q}", u.Name, u.RunbookBaseURI)
}

// ListAutomationRunnersOptions filters and pages a runner listing.
type ListAutomationRunnersOptions struct {
	CursorOptions
	// Name keeps the runners whose name contains this text.
	Name string `url:"name"`
	// Includes embeds IncludeRunnerAssociatedActions.
	Includes []RunnerInclude `url:"include[]"`
}

func (o *ListAutomationRunnersOptions) query() (url.Values, CursorOptions, error) {
	if o == nil {
		return url.Values{}, CursorOptions{}, nil
	}
	if err := checkCursorPageSize(o.Limit); err != nil {
		return nil, CursorOptions{}, err
	}
	if err := oneOf("Includes", o.Includes, IncludeRunnerAssociatedActions); err != nil {
		return nil, CursorOptions{}, err
	}
	return cursorFilters(o, o.CursorOptions)
}

// ListRunners streams the runners that match opts, sorted by name,
// following the listing's cursor as the loop asks for more.
//
// The API description names no OAuth scope for automation actions: use an
// API key, or an OAuth token with read access.
func (s *AutomationActionsService) ListRunners(ctx context.Context, opts *ListAutomationRunnersOptions) iter.Seq2[AutomationRunner, error] {
	return cursorSeqAt[AutomationRunner](ctx, s.client, "/automation_actions/runners", "runners", opts.query)
}

// ListRunnersPage returns one page of the runners that match opts, at
// opts.Cursor; Page.NextCursor continues the listing.
//
// The API description names no OAuth scope for automation actions: use an
// API key, or an OAuth token with read access.
func (s *AutomationActionsService) ListRunnersPage(ctx context.Context, opts *ListAutomationRunnersOptions) (*Page[AutomationRunner], error) {
	return cursorPageAt[AutomationRunner](ctx, s.client, "/automation_actions/runners", "runners", opts.query)
}

// GetRunner returns the runner id.
//
// The API description names no OAuth scope for automation actions: use an
// API key, or an OAuth token with read access.
func (s *AutomationActionsService) GetRunner(ctx context.Context, id string) (*AutomationRunner, error) {
	return getAt[AutomationRunner](ctx, s.client, "/automation_actions/runners/{id}", "runner", id)
}

// CreateRunner adds a runner and returns it; a sidecar's answer carries the
// Secret it registers with.
//
// The API description names no OAuth scope for automation actions: use an
// API key, or an OAuth token with write access.
func (s *AutomationActionsService) CreateRunner(ctx context.Context, p *AutomationRunnerParams) (*AutomationRunner, error) {
	return writeAt[AutomationRunner](ctx, s.client, "POST", "/automation_actions/runners", "runner", p.wire)
}

// UpdateRunner changes the runner id and returns it as it now is.
//
// The API description names no OAuth scope for automation actions: use an
// API key, or an OAuth token with write access.
func (s *AutomationActionsService) UpdateRunner(ctx context.Context, id string, u *AutomationRunnerUpdate) (*AutomationRunner, error) {
	path, err := expandPath("/automation_actions/runners/{id}", id)
	if err != nil {
		return nil, err
	}
	if u == nil || *u == (AutomationRunnerUpdate{}) {
		return nil, missing("AutomationRunnerUpdate", "at least one field to change")
	}
	return objectCall[AutomationRunner](ctx, s.client, &request{method: "PUT", path: path, body: map[string]any{"runner": u}}, "runner")
}

// DeleteRunner removes the runner id.
//
// The API description names no OAuth scope for automation actions: use an
// API key, or an OAuth token with write access.
func (s *AutomationActionsService) DeleteRunner(ctx context.Context, id string) error {
	return deleteAt(ctx, s.client, "/automation_actions/runners/{id}", id)
}
