package pagerduty

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Override puts User on call in a schedule from Start to End, over whoever
// the layers say.
type Override struct {
	ID      string `json:"id,omitempty"`
	Type    string `json:"type,omitempty"`
	Summary string `json:"summary,omitempty"`
	Self    string `json:"self,omitempty"`
	HTMLURL string `json:"html_url,omitempty"`

	Start time.Time  `json:"start"`
	End   time.Time  `json:"end"`
	User  *Reference `json:"user,omitempty"`
}

// ListOverridesOptions sets the window of an override listing. Since and
// Until are required.
type ListOverridesOptions struct {
	Since time.Time `url:"since"`
	Until time.Time `url:"until"`
	// Editable keeps only the overrides that can still change (those not
	// yet ended).
	Editable bool `url:"editable"`
	// Overflow keeps overrides whole where they cross Since or Until;
	// otherwise they are cut to the window.
	Overflow bool `url:"overflow"`
}

// ListOverrides returns the overrides of the schedule id that overlap
// opts' window.
//
// OAuth scope schedules.read.
func (s *SchedulesService) ListOverrides(ctx context.Context, id string, opts *ListOverridesOptions) ([]Override, error) {
	path, err := expandPath("/schedules/{id}/overrides", id)
	if err != nil {
		return nil, err
	}
	if opts == nil || opts.Since.IsZero() || opts.Until.IsZero() {
		return nil, required("Since and Until", "the window whose overrides are listed")
	}
	if err := schedCheckSpan(opts.Since, opts.Until); err != nil {
		return nil, err
	}
	q := url.Values{}
	encodeQuery(q, opts)
	return sliceCall[Override](ctx, s.client, path, "overrides", q)
}

// OverrideParams describes an override to create: UserID on call from
// Start to End.
type OverrideParams struct {
	Start, End time.Time
	UserID     string
}

type overrideWire struct {
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
	User  Reference `json:"user"`
}

// OverrideResult is the outcome of one override of a CreateOverrides call.
type OverrideResult struct {
	// Status is the HTTP status of this override: 201 when created.
	Status int `json:"status"`
	// Errors say why it was refused.
	Errors []string `json:"errors,omitempty"`
	// Override is the override as created (with its ID), or as sent when
	// refused.
	Override Override `json:"override"`
}

// Err returns nil when the override was created, and an *OverrideError
// otherwise.
func (r *OverrideResult) Err() error {
	if r.Status >= 200 && r.Status < 300 {
		return nil
	}
	return &OverrideError{Status: r.Status, Errors: r.Errors, Start: r.Override.Start, End: r.Override.End}
}

// OverrideError is an override that PagerDuty refused to create.
type OverrideError struct {
	Status     int
	Errors     []string
	Start, End time.Time
}

// Error says which override was refused and why.
func (e *OverrideError) Error() string {
	return fmt.Sprintf("pagerduty: the override from %s to %s was refused (status %d): %s",
		e.Start.Format(time.RFC3339), e.End.Format(time.RFC3339), e.Status, strings.Join(e.Errors, "; "))
}

// CreateOverrides adds overrides to the schedule id in one request and
// returns one result per override, in order: each says whether it was
// created (see OverrideResult.Err). The error is set only when the request
// as a whole failed.
//
// OAuth scope schedules.write.
func (s *SchedulesService) CreateOverrides(ctx context.Context, id string, overrides []OverrideParams) ([]OverrideResult, error) {
	path, err := expandPath("/schedules/{id}/overrides", id)
	if err != nil {
		return nil, err
	}
	if len(overrides) == 0 {
		return nil, required("overrides", "at least one override to create")
	}
	ws := make([]overrideWire, len(overrides))
	for i, o := range overrides {
		f := fmt.Sprintf("overrides[%d]", i)
		if o.Start.IsZero() || o.End.IsZero() {
			return nil, required(f+".Start and End", "when the override begins and ends")
		}
		if !o.End.After(o.Start) {
			return nil, fmt.Errorf("pagerduty: %s: End (%s) must be after Start (%s)", f, o.End.Format(time.RFC3339), o.Start.Format(time.RFC3339))
		}
		if err := ValidateID(o.UserID); err != nil {
			return nil, fmt.Errorf("%s.UserID: %w", f, err)
		}
		ws[i] = overrideWire{Start: o.Start, End: o.End, User: Reference{ID: o.UserID, Type: "user_reference"}}
	}
	var out []OverrideResult
	if err := s.client.do(ctx, &request{method: "POST", path: path, body: map[string]any{"overrides": ws}}, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// CreateOverride adds one override to the schedule id and returns it. A
// refusal is an *OverrideError.
//
// OAuth scope schedules.write.
func (s *SchedulesService) CreateOverride(ctx context.Context, id string, o OverrideParams) (*Override, error) {
	res, err := s.CreateOverrides(ctx, id, []OverrideParams{o})
	if err != nil {
		return nil, err
	}
	if len(res) == 0 {
		return nil, fmt.Errorf("pagerduty: POST /schedules/%s/overrides: the answer has no result", id)
	}
	if err := res[0].Err(); err != nil {
		return nil, err
	}
	return &res[0].Override, nil
}

// DeleteOverride removes the override overrideID of the schedule id. An
// override under way is cut short to end now instead, and truncated
// reports it. PagerDuty refuses to delete an override that has already
// ended: the error then says so and wraps the API's *APIError.
//
// OAuth scope schedules.write.
func (s *SchedulesService) DeleteOverride(ctx context.Context, id, overrideID string) (truncated bool, err error) {
	path, err := expandPath("/schedules/{id}/overrides/{override_id}", id, overrideID)
	if err != nil {
		return false, err
	}
	resp, err := s.client.send(ctx, &request{method: "DELETE", path: path})
	if err != nil {
		var apiErr *APIError
		if errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusBadRequest {
			return false, fmt.Errorf("pagerduty: override %s of schedule %s was not deleted; PagerDuty refuses to delete an override that has already ended: %w", overrideID, id, err)
		}
		return false, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode == http.StatusOK, nil
}
