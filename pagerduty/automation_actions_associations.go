package pagerduty

import (
	"context"
	"fmt"
)

// The associations of actions and runners with services and teams all have
// the same shape: a list of references, one reference, and add/remove calls
// that carry one reference. automationLink holds what differs.
type automationLink struct {
	list   string // path template of the list, with {id}
	one    string // path template of one association, with {id} and the other ID
	key    string // "service" or "team"
	refTyp string // "service_reference" or "team_reference"
}

// The three kinds of association (functions, not variables: the package
// keeps no mutable state).
func aaActionServices() automationLink {
	return automationLink{"/automation_actions/actions/{id}/services", "/automation_actions/actions/{id}/services/{service_id}", "service", "service_reference"}
}

func aaActionTeams() automationLink {
	return automationLink{"/automation_actions/actions/{id}/teams", "/automation_actions/actions/{id}/teams/{team_id}", "team", "team_reference"}
}

func aaRunnerTeams() automationLink {
	return automationLink{"/automation_actions/runners/{id}/teams", "/automation_actions/runners/{id}/teams/{team_id}", "team", "team_reference"}
}

func (a automationLink) listAll(ctx context.Context, c *Client, id string) ([]Reference, error) {
	path, err := expandPath(a.list, id)
	if err != nil {
		return nil, err
	}
	out := map[string][]Reference{}
	if err := c.do(ctx, &request{method: "GET", path: path}, &out); err != nil {
		return nil, err
	}
	refs, ok := out[a.key+"s"]
	if !ok {
		return nil, fmt.Errorf("pagerduty: GET %s: the answer has no %ss", path, a.key)
	}
	return refs, nil
}

func (a automationLink) answer(ctx context.Context, c *Client, r *request) (*Reference, error) {
	out := map[string]*Reference{}
	if err := c.do(ctx, r, &out); err != nil {
		return nil, err
	}
	ref := out[a.key]
	if ref == nil {
		return nil, fmt.Errorf("pagerduty: %s %s: the answer has no %s", r.method, r.path, a.key)
	}
	return ref, nil
}

func (a automationLink) get(ctx context.Context, c *Client, id, otherID string) (*Reference, error) {
	path, err := expandPath(a.one, id, otherID)
	if err != nil {
		return nil, err
	}
	return a.answer(ctx, c, &request{method: "GET", path: path})
}

func (a automationLink) add(ctx context.Context, c *Client, id, otherID string) (*Reference, error) {
	path, err := expandPath(a.list, id)
	if err != nil {
		return nil, err
	}
	if err := ValidateID(otherID); err != nil {
		return nil, fmt.Errorf("%s ID: %w", a.key, err)
	}
	body := map[string]Reference{a.key: Ref(a.refTyp, otherID)}
	return a.answer(ctx, c, &request{method: "POST", path: path, body: body})
}

func (a automationLink) remove(ctx context.Context, c *Client, id, otherID string) error {
	path, err := expandPath(a.one, id, otherID)
	if err != nil {
		return err
	}
	return c.do(ctx, &request{method: "DELETE", path: path}, nil)
}

// ListServices returns references to the services the action id is
// associated with.
//
// The API description names no OAuth scope for automation actions: use an
// API key, or an OAuth token with read access.
func (s *AutomationActionsService) ListServices(ctx context.Context, id string) ([]Reference, error) {
	return aaActionServices().listAll(ctx, s.client, id)
}

// GetService returns the association of the action id with the service
// serviceID, as a reference to the service; an *APIError with status 404
// means there is none.
//
// The API description names no OAuth scope for automation actions: use an
// API key, or an OAuth token with read access.
func (s *AutomationActionsService) GetService(ctx context.Context, id, serviceID string) (*Reference, error) {
	return aaActionServices().get(ctx, s.client, id, serviceID)
}

// AddService associates the action id with the service serviceID, so that
// responders of the service's incidents can run it, and returns a reference
// to the service.
//
// The API description names no OAuth scope for automation actions: use an
// API key, or an OAuth token with write access.
func (s *AutomationActionsService) AddService(ctx context.Context, id, serviceID string) (*Reference, error) {
	return aaActionServices().add(ctx, s.client, id, serviceID)
}

// RemoveService ends the association of the action id with the service
// serviceID.
//
// The API description names no OAuth scope for automation actions: use an
// API key, or an OAuth token with write access.
func (s *AutomationActionsService) RemoveService(ctx context.Context, id, serviceID string) error {
	return aaActionServices().remove(ctx, s.client, id, serviceID)
}

// ListTeams returns references to the teams the action id is associated
// with.
//
// The API description names no OAuth scope for automation actions: use an
// API key, or an OAuth token with read access.
func (s *AutomationActionsService) ListTeams(ctx context.Context, id string) ([]Reference, error) {
	return aaActionTeams().listAll(ctx, s.client, id)
}

// GetTeam returns the association of the action id with the team teamID, as
// a reference to the team; an *APIError with status 404 means there is none.
//
// The API description names no OAuth scope for automation actions: use an
// API key, or an OAuth token with read access.
func (s *AutomationActionsService) GetTeam(ctx context.Context, id, teamID string) (*Reference, error) {
	return aaActionTeams().get(ctx, s.client, id, teamID)
}

// AddTeam associates the action id with the team teamID and returns a
// reference to the team.
//
// The API description names no OAuth scope for automation actions: use an
// API key, or an OAuth token with write access.
func (s *AutomationActionsService) AddTeam(ctx context.Context, id, teamID string) (*Reference, error) {
	return aaActionTeams().add(ctx, s.client, id, teamID)
}

// RemoveTeam ends the association of the action id with the team teamID.
//
// The API description names no OAuth scope for automation actions: use an
// API key, or an OAuth token with write access.
func (s *AutomationActionsService) RemoveTeam(ctx context.Context, id, teamID string) error {
	return aaActionTeams().remove(ctx, s.client, id, teamID)
}

// ListRunnerTeams returns references to the teams the runner id is
// associated with.
//
// The API description names no OAuth scope for automation actions: use an
// API key, or an OAuth token with read access.
func (s *AutomationActionsService) ListRunnerTeams(ctx context.Context, id string) ([]Reference, error) {
	return aaRunnerTeams().listAll(ctx, s.client, id)
}

// GetRunnerTeam returns the association of the runner id with the team
// teamID, as a reference to the team; an *APIError with status 404 means
// there is none.
//
// The API description names no OAuth scope for automation actions: use an
// API key, or an OAuth token with read access.
func (s *AutomationActionsService) GetRunnerTeam(ctx context.Context, id, teamID string) (*Reference, error) {
	return aaRunnerTeams().get(ctx, s.client, id, teamID)
}

// AddRunnerTeam associates the runner id with the team teamID and returns a
// reference to the team.
//
// The API description names no OAuth scope for automation actions: use an
// API key, or an OAuth token with write access.
func (s *AutomationActionsService) AddRunnerTeam(ctx context.Context, id, teamID string) (*Reference, error) {
	return aaRunnerTeams().add(ctx, s.client, id, teamID)
}

// RemoveRunnerTeam ends the association of the runner id with the team
// teamID.
//
// The API description names no OAuth scope for automation actions: use an
// API key, or an OAuth token with write access.
func (s *AutomationActionsService) RemoveRunnerTeam(ctx context.Context, id, teamID string) error {
	return aaRunnerTeams().remove(ctx, s.client, id, teamID)
}
