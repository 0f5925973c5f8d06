package pagerduty

import (
	"context"
	"fmt"
	"net/url"
)

// SessionConfigurationType is the kind of session a configuration governs.
type SessionConfigurationType string

// The kinds of sessions with their own timeouts.
const (
	SessionConfigurationMobile SessionConfigurationType = "mobile"
	SessionConfigurationWeb    SessionConfigurationType = "web"
)

// The API's bounds on session timeouts, in seconds.
const (
	// MaxAbsoluteSessionTTL is the longest a session may last (210 days).
	MaxAbsoluteSessionTTL = 18144000
	// MaxIdleSessionTTL is the longest a session may stay idle (180 days).
	MaxIdleSessionTTL = 15552000
)

// SessionConfiguration is how long the account's sessions of one kind last.
type SessionConfiguration struct {
	Type SessionConfigurationType `json:"type"`
	// AbsoluteSessionTTL is the most seconds a session lasts, active or
	// not.
	AbsoluteSessionTTL int `json:"absolute_session_ttl"`
	// IdleSessionTTL is the most seconds a session lasts without activity.
	IdleSessionTTL int `json:"idle_session_ttl"`
}

// UpdateSessionConfigurationParams sets the timeouts of one kind of
// session. Every field is required.
type UpdateSessionConfigurationParams struct {
	Type SessionConfigurationType `json:"-"`
	// AbsoluteSessionTTL is in seconds, 1 to MaxAbsoluteSessionTTL.
	AbsoluteSessionTTL int `json:"absolute_session_ttl"`
	// IdleSessionTTL is in seconds, 1 to MaxIdleSessionTTL.
	IdleSessionTTL int `json:"idle_session_ttl"`
}

func checkSessionType(t SessionConfigurationType) error {
	return oneOf("Type", []SessionConfigurationType{t}, SessionConfigurationMobile, SessionConfigurationWeb)
}

// List returns the account's session configurations: both kinds, or the
// one kind named (empty: all).
//
// OAuth scope session_configurations.read.
func (s *SessionConfigurationsService) List(ctx context.Context, t SessionConfigurationType) ([]SessionConfiguration, error) {
	q := url.Values{}
	if t != "" {
		if err := checkSessionType(t); err != nil {
			return nil, err
		}
		q.Set("type", string(t))
	}
	return sliceCall[SessionConfiguration](ctx, s.client, "/session_configurations", "session_configurations", q)
}

// Update sets the timeouts of one kind of session and returns the
// configurations in force afterwards.
//
// OAuth scope session_configurations.write.
func (s *SessionConfigurationsService) Update(ctx context.Context, p UpdateSessionConfigurationParams) ([]SessionConfiguration, error) {
	if err := checkSessionType(p.Type); err != nil {
		return nil, err
	}
	if p.AbsoluteSessionTTL < 1 || p.AbsoluteSessionTTL > MaxAbsoluteSessionTTL {
		return nil, fmt.Errorf("pagerduty: AbsoluteSessionTTL %d is out of range: use 1 to %d seconds", p.AbsoluteSessionTTL, MaxAbsoluteSessionTTL)
	}
	if p.IdleSessionTTL < 1 || p.IdleSessionTTL > MaxIdleSessionTTL {
		return nil, fmt.Errorf("pagerduty: IdleSessionTTL %d is out of range: use 1 to %d seconds", p.IdleSessionTTL, MaxIdleSessionTTL)
	}
	r := &request{method: "PUT", path: "/session_configurations", query: url.Values{"type": {string(p.Type)}},
		body: map[string]any{"session_configuration": p}}
	var out struct {
		Configurations []SessionConfiguration `json:"session_configurations"`
	}
	if err := s.client.do(ctx, r, &out); err != nil {
		return nil, err
	}
	return out.Configurations, nil
}

// Delete resets the timeouts of one kind of session to PagerDuty's
// defaults.
//
// OAuth scope session_configurations.write.
func (s *SessionConfigurationsService) Delete(ctx context.Context, t SessionConfigurationType) error {
	if err := checkSessionType(t); err != nil {
		return err
	}
	return s.client.do(ctx, &request{method: "DELETE", path: "/session_configurations", query: url.Values{"type": {string(t)}}}, nil)
}
